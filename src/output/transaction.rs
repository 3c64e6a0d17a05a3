//! A run's outputs as one result: every output is first written whole to a
//! temporary file beside its target, and only when all are written are
//! they renamed into place, one after another. If a rename fails, those
//! already made are undone (the earlier file is put back from a hard link
//! kept for the purpose), so a run leaves either all its new outputs or
//! none: never this run's workbook beside last run's report.
//!
//! While it writes, a run holds an advisory lock (`flock`) on each output
//! folder; a second run into the same folder waits for it, saying so on
//! stderr. Holding the lock, a run knows that no live run has temporary
//! files there, and removes those of kooste's pattern (left by a run that
//! was killed) before it writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::signals::{registry, unregister};
use super::target::{FileTarget, Target, apply_keep, resolve};
use super::{Disk, Sink};
use crate::error::Error;
use crate::i18n::{Lang, render};
use crate::model::message::Message;

/// Prefix of kooste's temporary files (hidden, so never read as inputs).
pub(crate) const PREFIX: &str = ".kooste_";

/// One written output, waiting for the commit.
enum Staged {
    /// A finished temporary file and the file it replaces.
    File { tmp: PathBuf, target: FileTarget },
    /// Bytes for standard output.
    Stdout(Vec<u8>),
}

/// The outputs of one run; see the module documentation. Dropped without
/// [`Transaction::commit`], it removes its temporary files.
pub struct Transaction<'s> {
    sink: &'s (dyn Sink + Sync),
    lang: Lang,
    /// Locked folders (as canonical paths) and their open handles.
    locks: Mutex<Vec<(PathBuf, std::fs::File)>>,
    staged: Mutex<Vec<Staged>>,
}

impl Transaction<'static> {
    /// Starts a run's outputs on the real file system, locking `dirs`
    /// (the folders the outputs go into, which must exist).
    pub fn begin<P: AsRef<Path>>(lang: Lang, dirs: &[P]) -> Result<Self, Error> {
        Transaction::begin_with(&Disk, lang, dirs)
    }
}

impl<'s> Transaction<'s> {
    /// [`Transaction::begin`] through any [`Sink`].
    pub fn begin_with<P: AsRef<Path>>(
        sink: &'s (dyn Sink + Sync),
        lang: Lang,
        dirs: &[P],
    ) -> Result<Self, Error> {
        let txn = Transaction {
            sink,
            lang,
            locks: Mutex::new(Vec::new()),
            staged: Mutex::new(Vec::new()),
        };
        // Always in the same order, so two runs into the same two folders
        // cannot each hold one and wait for the other.
        let mut canonical = dirs
            .iter()
            .map(|d| std::fs::canonicalize(d).map_err(|e| io_error(d.as_ref(), e)))
            .collect::<Result<Vec<_>, _>>()?;
        canonical.sort();
        canonical.dedup();
        for dir in &canonical {
            txn.lock(dir)?;
        }
        Ok(txn)
    }

    /// Writes `bytes` as the output `path` (kept until the commit).
    pub fn stage_bytes(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        match self.prepare(path)? {
            None => self.push(path, Staged::Stdout(bytes.to_vec())),
            Some((tmp, target)) => {
                let written = (|| {
                    let mut f = self.sink.create(&tmp)?;
                    f.write_all(bytes)?;
                    f.flush()
                })();
                match written {
                    Ok(()) => self.finish(tmp, target, Ok(())),
                    Err(e) => {
                        self.discard(&tmp);
                        Err(io_error(&target.shown, e))
                    }
                }
            }
        }
    }

    /// Like [`Transaction::stage_bytes`] for a writer that wants a path
    /// (a workbook saved straight to disk): `write` fills the temporary
    /// file, which is then synced.
    pub fn stage_via(
        &self,
        path: &Path,
        write: impl FnOnce(&Path) -> Result<(), Error>,
    ) -> Result<(), Error> {
        match self.prepare(path)? {
            // A stream cannot be sought back into: the writer fills a
            // temporary file, which is then copied out.
            None => {
                let tmp = std::env::temp_dir().join(temp_name("stdout"));
                create_listed(&tmp).map_err(|e| io_error(path, e))?;
                let bytes =
                    write(&tmp).and_then(|()| std::fs::read(&tmp).map_err(|e| io_error(path, e)));
                // Best effort: the file is in the system's temporary folder,
                // and the bytes (or the error) are what matter.
                let _ = std::fs::remove_file(&tmp);
                unregister(&mut registry(), &tmp);
                let bytes = bytes?;
                self.push(path, Staged::Stdout(bytes))
            }
            Some((tmp, target)) => {
                let written = write(&tmp).and_then(|()| {
                    std::fs::File::open(&tmp)
                        .and_then(|f| f.sync_all())
                        .map_err(|e| io_error(&target.shown, e))
                });
                self.finish(tmp, target, written)
            }
        }
    }

    /// Renames every output into place, or none (see the module
    /// documentation); standard output is written first.
    pub fn commit(self) -> Result<(), Error> {
        let staged = std::mem::take(&mut *lock(&self.staged));
        let mut files = Vec::new();
        let mut stream = None;
        for s in staged {
            match s {
                Staged::Stdout(bytes) => stream = Some(bytes),
                Staged::File { tmp, target } => files.push((tmp, target)),
            }
        }
        // Written before the renames and without the registry, so a
        // reader that stalls the pipe cannot keep a signal waiting.
        if let Some(bytes) = stream {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&bytes).and_then(|()| out.flush()) {
                files.iter().for_each(|(tmp, _)| self.discard(tmp));
                return Err(io_error(Path::new("-"), e));
            }
        }
        // Holding the registry: a signal now waits until every file is in place.
        let mut list = registry();
        let result = super::commit::rename_all(self.sink, &files, &mut list);
        for (tmp, _) in &files {
            unregister(&mut list, tmp);
        }
        result
    }

    /// The temporary file for `path`, listed and created, or `None` for
    /// standard output. Locks the target's folder if it is not yet locked
    /// (a symlink may point elsewhere).
    fn prepare(&self, path: &Path) -> Result<Option<(PathBuf, FileTarget)>, Error> {
        let target = match resolve(path, self.lang)? {
            Target::Stdout => return Ok(None),
            Target::File(t) => t,
        };
        let dir = folder_of(&target.real);
        let canonical = std::fs::canonicalize(&dir).map_err(|e| io_error(&dir, e))?;
        self.lock(&canonical)?;
        let name = target
            .real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::NoFileName {
                path: path.to_path_buf(),
            })?;
        let tmp = dir.join(temp_name(&name));
        create_listed(&tmp).map_err(|e| io_error(path, e))?;
        Ok(Some((tmp, target)))
    }

    /// Keeps a written temporary file for the commit, or removes it.
    fn finish(
        &self,
        tmp: PathBuf,
        target: FileTarget,
        written: Result<(), Error>,
    ) -> Result<(), Error> {
        let done = written
            .and_then(|()| apply_keep(&tmp, target.keep).map_err(|e| io_error(&target.shown, e)));
        if let Err(e) = done {
            self.discard(&tmp);
            return Err(e);
        }
        let shown = target.shown.clone();
        self.push(&shown, Staged::File { tmp, target })
    }

    fn push(&self, path: &Path, s: Staged) -> Result<(), Error> {
        let mut staged = lock(&self.staged);
        let streams = |list: &[Staged]| {
            list.iter()
                .filter(|s| matches!(s, Staged::Stdout(_)))
                .count()
        };
        if matches!(s, Staged::Stdout(_)) && streams(&staged) > 0 {
            drop(staged);
            return Err(Error::OneStdout {
                path: path.to_path_buf(),
                lang: self.lang,
            });
        }
        staged.push(s);
        Ok(())
    }

    fn discard(&self, tmp: &Path) {
        let _ = self.sink.remove(tmp);
        unregister(&mut registry(), tmp);
    }

    /// Locks `dir` (canonical) unless this run holds it, waiting for
    /// another run that does; then clears stale temporary files there.
    fn lock(&self, dir: &Path) -> Result<(), Error> {
        let mut locks = lock(&self.locks);
        if locks.iter().any(|(d, _)| d == dir) {
            return Ok(());
        }
        // The folder itself is locked, so no lock file is left behind.
        let handle = std::fs::File::open(dir).map_err(|e| io_error(dir, e))?;
        match handle.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let waiting =
                    Message::new("cli-waiting-for-lock").arg("dir", dir.display().to_string());
                eprintln!("{}", crate::text::terminal(&render(self.lang, &waiting)));
                handle.lock().map_err(|e| io_error(dir, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_error(dir, e)),
        }
        super::commit::remove_stale(dir);
        locks.push((dir.to_path_buf(), handle));
        Ok(())
    }
}

impl Drop for Transaction<'_> {
    /// An abandoned run (an error, a panic) leaves no temporary file.
    fn drop(&mut self) {
        let staged = std::mem::take(&mut *lock(&self.staged));
        for s in staged {
            if let Staged::File { tmp, .. } = s {
                self.discard(&tmp);
            }
        }
    }
}

/// `.kooste_<name>.<pid>.tmp`: kooste's pattern, recognised by
/// [`super::commit::is_own_temp`].
pub(crate) fn temp_name(name: &str) -> String {
    format!("{PREFIX}{name}.{}.tmp", std::process::id())
}

/// Lists `tmp` and creates it, under the registry's lock, so a signal
/// either sees it listed or finds it not yet made.
fn create_listed(tmp: &Path) -> std::io::Result<()> {
    let mut list = registry();
    list.push(tmp.to_path_buf());
    if let Err(e) = std::fs::File::create(tmp) {
        unregister(&mut list, tmp);
        return Err(e);
    }
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source,
    }
}
