//! The renames that put a run's outputs into place, all or none, and the
//! removal of temporary files that a killed run left behind.

use std::path::{Path, PathBuf};

use super::Sink;
use super::signals::unregister;
use super::target::FileTarget;
use super::transaction::{PREFIX, folder_of, io_error};
use crate::error::Error;

/// A file renamed into place, and how to undo it.
struct Done<'a> {
    real: &'a Path,
    /// A hard link to the file it replaced; `None` if there was none.
    backup: Option<PathBuf>,
}

/// Renames each temporary file over its target. On a failure the targets
/// already replaced get their earlier files back (or are removed, where
/// there were none), and every temporary file is removed. `list` is the
/// signal registry, held by the caller for the whole commit.
pub(crate) fn rename_all(
    sink: &(dyn Sink + Sync),
    files: &[(PathBuf, FileTarget)],
    list: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let mut done: Vec<Done> = Vec::new();
    for (i, (tmp, target)) in files.iter().enumerate() {
        let step = keep_old(&target.real, list).and_then(|backup| {
            let renamed = sink.rename(tmp, &target.real);
            if renamed.is_err()
                && let Some(b) = &backup
            {
                let _ = std::fs::remove_file(b);
                unregister(list, b);
            }
            renamed.map(|()| backup)
        });
        match step {
            Ok(backup) => done.push(Done {
                real: &target.real,
                backup,
            }),
            Err(e) => {
                let not_undone = undo(&done);
                forget_backups(&done, list);
                for (tmp, _) in &files[i..] {
                    let _ = sink.remove(tmp);
                }
                if !not_undone.is_empty() {
                    return Err(Error::NotUndone {
                        path: target.shown.clone(),
                        source: e,
                        not_undone,
                    });
                }
                return Err(io_error(&target.shown, e));
            }
        }
    }
    for d in &done {
        if let Some(b) = &d.backup {
            let _ = std::fs::remove_file(b);
        }
    }
    forget_backups(&done, list);
    Ok(())
}

/// Takes the backups off the signal registry once they are gone.
fn forget_backups(done: &[Done], list: &mut Vec<PathBuf>) {
    for b in done.iter().filter_map(|d| d.backup.as_ref()) {
        unregister(list, b);
    }
}

/// A hard link to the file at `real`, to put back if a later rename
/// fails; a copy where the file system has no hard links.
fn keep_old(real: &Path, list: &mut Vec<PathBuf>) -> std::io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(real).is_err() {
        return Ok(None);
    }
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let backup = folder_of(real).join(format!("{PREFIX}{name}.{}.old.tmp", std::process::id()));
    list.push(backup.clone());
    let _ = std::fs::remove_file(&backup);
    if std::fs::hard_link(real, &backup).is_err() {
        std::fs::copy(real, &backup)?;
    }
    Ok(Some(backup))
}

/// Puts back what the renames in `done` replaced, newest first; returns
/// the files that could not be put back, with why.
fn undo(done: &[Done]) -> Vec<(PathBuf, std::io::Error)> {
    let mut failed = Vec::new();
    for d in done.iter().rev() {
        let undone = match &d.backup {
            Some(b) => std::fs::rename(b, d.real),
            None => std::fs::remove_file(d.real),
        };
        if let Err(e) = undone {
            failed.push((d.real.to_path_buf(), e));
        }
    }
    failed
}

/// Whether `name` is one of kooste's temporary files:
/// `.kooste_<name>.<pid>.tmp` or `.kooste_<name>.<pid>.old.tmp`.
pub fn is_own_temp(name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(PREFIX)
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let rest = rest.strip_suffix(".old").unwrap_or(rest);
    match rest.rsplit_once('.') {
        Some((base, pid)) => {
            !base.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Removes kooste's temporary files from `dir`. Called holding the
/// folder's lock, which every run holds while it has temporary files
/// there: any found now belong to a run that was killed.
pub(crate) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let own = entry.file_name().to_str().is_some_and(is_own_temp);
        if own && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_kooste_temporary_names_are_its_own() {
        assert!(is_own_temp(".kooste_kooste_2021.xlsx.1234.tmp"));
        assert!(is_own_temp(".kooste_a.pdf.99.old.tmp"));
        assert!(!is_own_temp(".kooste_notes.tmp"));
        assert!(!is_own_temp("kooste_2021.xlsx.1234.tmp"));
        assert!(!is_own_temp(".kooste_a.pdf.12x.tmp"));
        assert!(!is_own_temp(".other.1234.tmp"));
    }
}
