//! Writing outputs whole or not at all: into a temporary file beside the
//! target, then renamed over it. The file system is reached through
//! [`Sink`], so a test can inject a failure midway.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

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

/// A temporary name beside `path`, in the same folder so the rename is atomic.
fn temp_beside(path: &Path) -> Result<PathBuf, Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| Error::Output {
        path: path.to_path_buf(),
        message: "not a file name".into(),
    })?;
    Ok(dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Writes `bytes` to `path` atomically. A failure leaves no partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic_with(&Disk, path, bytes)
}

/// [`write_atomic`] through any [`Sink`].
pub fn write_atomic_with(sink: &dyn Sink, path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |message: String| Error::Output {
        path: path.to_path_buf(),
        message,
    };
    let tmp = temp_beside(path)?;
    let result = (|| -> std::io::Result<()> {
        let mut f = sink.create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        drop(f);
        sink.rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = sink.remove(&tmp);
        return Err(fail(e.to_string()));
    }
    Ok(())
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

/// Like [`write_atomic`] for a writer that wants a path (a workbook saved
/// straight to disk, without holding its bytes in memory): `write` fills the
/// temporary file, which is synced and renamed over `path` only on success.
pub fn write_atomic_via(
    path: &Path,
    write: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), Error> {
    let fail = |message: String| Error::Output {
        path: path.to_path_buf(),
        message,
    };
    let tmp = temp_beside(path)?;
    let result = write(&tmp).and_then(|()| {
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, path).map_err(|e| e.to_string())
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
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
            return Err(Error::Usage(format!(
                "{}: the output would overwrite an input",
                output.display()
            )));
        }
    }
    Ok(())
}

/// Creates the folder a file goes into, if needed.
pub fn ensure_parent(path: &Path) -> Result<(), Error> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => ensure_dir(d),
        _ => Ok(()),
    }
}

/// Creates the output folder if needed.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Output {
        path: dir.to_path_buf(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

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

    /// Writes half the bytes, then fails as a full disk does.
    struct FullDisk {
        removed: RefCell<Vec<PathBuf>>,
        renamed: RefCell<bool>,
    }

    struct HalfWriter(usize);

    impl Write for HalfWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "No space left on device",
                ));
            }
            let n = buf.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Sink for FullDisk {
        fn create(&self, _: &Path) -> std::io::Result<Box<dyn Write>> {
            Ok(Box::new(HalfWriter(10)))
        }
        fn rename(&self, _: &Path, _: &Path) -> std::io::Result<()> {
            *self.renamed.borrow_mut() = true;
            Ok(())
        }
        fn remove(&self, p: &Path) -> std::io::Result<()> {
            self.removed.borrow_mut().push(p.to_path_buf());
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_leaves_no_file() {
        let sink = FullDisk {
            removed: RefCell::new(Vec::new()),
            renamed: RefCell::new(false),
        };
        let err =
            write_atomic_with(&sink, Path::new("out/kooste_2021.xlsx"), &[0u8; 100]).unwrap_err();
        assert!(
            err.to_string()
                .contains("out/kooste_2021.xlsx: cannot write: No space left on device"),
            "{err}"
        );
        assert!(!*sink.renamed.borrow(), "never renamed into place");
        let removed = sink.removed.borrow();
        assert_eq!(removed.len(), 1);
        assert!(
            removed[0].to_string_lossy().ends_with(".tmp"),
            "the temporary file is removed"
        );
    }

    #[test]
    fn a_good_write_replaces_the_target_whole() {
        let dir = std::env::temp_dir().join(format!("kooste-out-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("a.txt");
        std::fs::write(&target, b"old").unwrap();
        write_atomic(&target, b"new contents").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new contents");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
