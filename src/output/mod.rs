//! Writing outputs whole or not at all. A run's outputs form one
//! [`Transaction`]: each is written to a temporary file beside its target
//! and synced, and all are renamed into place only when every one is
//! complete. What an output path names is decided first ([`target`]):
//! `-` is standard output, a symlink is written through, anything else
//! that is not a regular file is refused. The file system is reached
//! through [`Sink`], so a test can inject a failure midway.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

mod commit;
pub mod signals;
pub mod target;
mod transaction;

pub use commit::is_own_temp;
pub use signals::clean_up_on_signals;
pub use transaction::Transaction;

/// The file operations an atomic write needs.
pub trait Sink {
    /// Creates (truncates) a file for writing.
    fn create(&self, path: &Path) -> std::io::Result<Box<dyn Write>>;
    /// Moves `from` over `to`.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> std::io::Result<()>;
}

/// The real file system.
pub struct Disk;

struct SyncedFile(std::fs::File);

impl Write for SyncedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }
    /// Flushing also syncs to disk, so a rename never exposes a partial file.
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()?;
        self.0.sync_all()
    }
}

impl Sink for Disk {
    fn create(&self, path: &Path) -> std::io::Result<Box<dyn Write>> {
        Ok(Box::new(SyncedFile(std::fs::File::create(path)?)))
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// A file that is flushed to disk while it is written: after every
/// [`SYNC_STEP`] bytes a helper thread starts `sync_data` on what is there,
/// so the sync before the rename waits for the last part of the file rather
/// than for all of it (a 67 MB workbook's sync took about 20 ms at the end).
pub struct SyncAhead {
    file: std::fs::File,
    since: u64,
    wake: Option<std::sync::mpsc::SyncSender<()>>,
    helper: Option<std::thread::JoinHandle<()>>,
}

/// Bytes written between two early syncs.
pub const SYNC_STEP: u64 = 8 << 20;

impl SyncAhead {
    /// Wraps a file opened for writing. Without a second handle or a
    /// thread it is a plain file, synced only at the end.
    pub fn new(file: std::fs::File) -> Self {
        let helper = file.try_clone().ok().and_then(|clone| {
            let (wake, rx) = std::sync::mpsc::sync_channel::<()>(1);
            let thread = std::thread::Builder::new()
                .name("sync-ahead".into())
                .spawn(move || {
                    while rx.recv().is_ok() {
                        // Only a head start: the final sync reports errors.
                        let _ = clone.sync_data();
                    }
                })
                .ok()?;
            Some((wake, thread))
        });
        let (wake, helper) = helper.unzip();
        SyncAhead {
            file,
            since: 0,
            wake,
            helper,
        }
    }

    /// Waits for the early syncs, then syncs the whole file.
    pub fn finish(mut self) -> std::io::Result<std::fs::File> {
        drop(self.wake.take());
        if let Some(h) = self.helper.take() {
            let _ = h.join();
        }
        self.file.sync_all()?;
        Ok(self.file)
    }
}

impl Write for SyncAhead {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n as u64;
        if self.since >= SYNC_STEP {
            self.since = 0;
            if let Some(w) = &self.wake {
                // A sync still running covers this one's start: skip it.
                let _ = w.try_send(());
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl std::io::Seek for SyncAhead {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.file.seek(pos)
    }
}

/// Refuses an output path that is one of the inputs (the inputs are never modified).
pub fn refuse_input(output: &Path, inputs: &[crate::reading::InputFile]) -> Result<(), Error> {
    let out = std::fs::canonicalize(output).ok();
    for i in inputs {
        let same = match (&out, std::fs::canonicalize(&i.path).ok()) {
            (Some(o), Some(p)) => *o == p,
            _ => false,
        };
        if same {
            return Err(Error::OverwritesInput {
                path: output.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The folders that outputs at `paths` go into, for
/// [`Transaction::begin`]; standard output (`-`) has none.
pub fn transaction_dirs<P: AsRef<Path>>(paths: &[P]) -> Vec<std::path::PathBuf> {
    paths
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.as_os_str() != "-")
        .map(transaction::folder_of)
        .collect()
}

/// Creates the folder a file goes into, if needed.
pub fn ensure_parent(path: &Path) -> Result<(), Error> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => ensure_dir(d),
        _ => Ok(()),
    }
}

/// Creates the output folder if needed; a file (or anything but a folder)
/// already at that path is refused by name.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod sync_tests {
    use super::*;

    /// Early syncs leave the bytes as written, seeks included.
    #[test]
    fn a_file_synced_ahead_holds_what_was_written() {
        use std::io::{Seek, SeekFrom};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.bin");
        let mut f = SyncAhead::new(std::fs::File::create(&path).unwrap());
        let chunk: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        let mut expected = Vec::new();
        for _ in 0..(SYNC_STEP as usize / chunk.len() * 2 + 1) {
            f.write_all(&chunk).unwrap();
            expected.extend_from_slice(&chunk);
        }
        f.seek(SeekFrom::Start(3)).unwrap();
        f.write_all(b"kooste").unwrap();
        expected[3..9].copy_from_slice(b"kooste");
        f.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), expected);
    }
}
