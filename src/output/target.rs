//! What an output path names, decided before anything is written: standard
//! output (`-`), or a regular file (new or existing) to be replaced by a
//! rename. A symlink is written through: the file it points to is replaced,
//! in that file's own folder, and the link stays a link. Anything else that
//! already exists there (a device, a FIFO, a folder, a socket) is refused,
//! because a rename would put a regular file in its place.

use std::path::{Path, PathBuf};

use crate::error::{Error, NodeKind};
use crate::i18n::Lang;

/// Where one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output, asked for with `-`.
    Stdout,
    /// A regular file.
    File(FileTarget),
}

/// A regular file to write, new or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileTarget {
    /// The path as given (for messages).
    pub shown: PathBuf,
    /// The path renamed over: `shown` with its symlinks followed.
    pub real: PathBuf,
    /// The existing file's permissions and owner, given to its replacement.
    pub keep: Option<Keep>,
}

/// Permission bits and owner of a file being replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keep {
    /// Permission bits (`0o7777`).
    pub mode: u32,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
}

/// How many links are followed before a chain counts as a loop (Linux's own limit).
const MAX_LINKS: usize = 40;

/// Decides where `path` goes; refuses an existing target that is not a
/// regular file, with a message in `lang` naming the path.
pub fn resolve(path: &Path, lang: Lang) -> Result<Target, Error> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let io_err = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // `metadata` follows every link, also the kernel's own (/dev/stdout is
    // one to /proc/self/fd/1, which may be a pipe), so it sees what a
    // write would actually reach.
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Target::File(FileTarget {
            shown: path.to_path_buf(),
            real: follow_links(path).map_err(io_err)?,
            keep: Some(keep_of(&meta)),
        })),
        Ok(meta) => Err(Error::NotAFile {
            path: path.to_path_buf(),
            kind: NodeKind::of(&meta).unwrap_or(NodeKind::Other),
            lang,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Target::File(FileTarget {
            shown: path.to_path_buf(),
            // A dangling link is written through too: its target is created.
            real: follow_links(path).map_err(io_err)?,
            keep: None,
        })),
        Err(e) => Err(io_err(e)),
    }
}

/// Refuses, before any work is done, outputs that [`resolve`] would
/// refuse, more than one output on standard output (two would be mixed
/// into one stream), and two outputs that name one file (`-o m.xlsx
/// --csv ./m.xlsx`: the second would replace the first, and a file that
/// was there would be lost).
pub fn check<P: AsRef<Path>>(paths: &[P], lang: Lang) -> Result<(), Error> {
    let mut streams = 0;
    let mut files: Vec<(PathBuf, &Path)> = Vec::new();
    for p in paths {
        match resolve(p.as_ref(), lang)? {
            Target::Stdout => streams += 1,
            Target::File(f) => {
                let key = same_file_key(&f.real);
                if let Some((_, first)) = files.iter().find(|(k, _)| *k == key) {
                    return Err(Error::SameOutput {
                        path: p.as_ref().to_path_buf(),
                        other: first.to_path_buf(),
                    });
                }
                files.push((key, p.as_ref()));
            }
        }
    }
    if streams > 1 {
        return Err(Error::OneStdout {
            path: "-".into(),
            lang,
        });
    }
    Ok(())
}

/// A path that is the same for two spellings of one file (`m.xlsx`,
/// `./m.xlsx`, `out/../m.xlsx`): its folder made absolute and canonical
/// where it exists, and the file name.
fn same_file_key(real: &Path) -> PathBuf {
    let absolute = std::env::current_dir()
        .map(|d| d.join(real))
        .unwrap_or_else(|_| real.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .join(name),
        _ => absolute,
    }
}

/// `path` with each symlink replaced by what it points to (relative links
/// taken from the link's own folder), until a path that is not a link.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

#[cfg(unix)]
fn keep_of(meta: &std::fs::Metadata) -> Keep {
    use std::os::unix::fs::MetadataExt;
    Keep {
        mode: meta.mode() & 0o7777,
        uid: meta.uid(),
        gid: meta.gid(),
    }
}

#[cfg(not(unix))]
fn keep_of(_: &std::fs::Metadata) -> Keep {
    Keep {
        mode: 0o644,
        uid: 0,
        gid: 0,
    }
}

/// Gives a replacement the permissions and, where the process may, the
/// owner of the file it replaces (a 0600 report stays private).
pub fn apply_keep(tmp: &Path, keep: Option<Keep>) -> std::io::Result<()> {
    let Some(keep) = keep else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Owner first: chown clears set-id bits, which the mode then restores.
        // Only root may give a file away; anyone else keeps their own file.
        let _ = std::os::unix::fs::chown(tmp, Some(keep.uid), Some(keep.gid));
        std::fs::set_permissions(tmp, std::fs::Permissions::from_mode(keep.mode))?;
    }
    #[cfg(not(unix))]
    let _ = (tmp, keep);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_output() {
        assert_eq!(resolve(Path::new("-"), Lang::En).unwrap(), Target::Stdout);
    }

    #[test]
    fn links_are_followed_from_their_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("sub/real.pdf");
        std::fs::create_dir_all(real.parent().unwrap()).unwrap();
        let link = dir.path().join("link.pdf");
        #[cfg(unix)]
        std::os::unix::fs::symlink("sub/real.pdf", &link).unwrap();
        // Dangling: the target does not exist yet and is what gets written.
        let Target::File(t) = resolve(&link, Lang::En).unwrap() else {
            panic!("a file");
        };
        assert_eq!(t.real, dir.path().join("sub/real.pdf"));
        assert_eq!(t.keep, None);
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = resolve(dir.path(), Lang::En).unwrap_err().to_string();
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
        assert!(err.contains("folder"), "{err}");
    }
}
