//! A run's outputs as one result, with failures injected behind [`Sink`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::i18n::Lang;

/// Writes ten bytes, then fails as a full disk does.
struct FullDisk {
    removed: Mutex<Vec<PathBuf>>,
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
        panic!("a failed output is never renamed into place");
    }
    fn remove(&self, p: &Path) -> std::io::Result<()> {
        self.removed.lock().unwrap().push(p.to_path_buf());
        std::fs::remove_file(p)
    }
}

/// The real disk, except that the `n`th rename fails (1-based).
struct FailingRename {
    n: usize,
    seen: AtomicUsize,
}

impl Sink for FailingRename {
    fn create(&self, path: &Path) -> std::io::Result<Box<dyn Write>> {
        Disk.create(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if self.seen.fetch_add(1, Ordering::SeqCst) + 1 == self.n {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ));
        }
        Disk.rename(from, to)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        Disk.remove(path)
    }
}

/// File names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_full_disk_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let sink = FullDisk {
        removed: Mutex::new(Vec::new()),
    };
    let target = dir.path().join("kooste_2021.xlsx");
    let txn = Transaction::begin_with(&sink, Lang::En, &[dir.path()]).unwrap();
    let err = txn.stage_bytes(&target, &[0u8; 100]).unwrap_err();
    assert!(
        err.to_string()
            .contains("kooste_2021.xlsx: cannot write: No space left on device"),
        "{err}"
    );
    let removed = sink.removed.lock().unwrap();
    assert_eq!(removed.len(), 1);
    assert!(is_own_temp(
        &removed[0].file_name().unwrap().to_string_lossy()
    ));
    drop(txn);
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// The pair as one result: the report's rename fails after the workbook's.
fn fail_between_the_renames(earlier: bool) {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, pdf) = (dir.path().join("a.xlsx"), dir.path().join("a.pdf"));
    if earlier {
        std::fs::write(&xlsx, b"old workbook").unwrap();
        std::fs::write(&pdf, b"old report").unwrap();
    }
    let sink = FailingRename {
        n: 2,
        seen: AtomicUsize::new(0),
    };
    let txn = Transaction::begin_with(&sink, Lang::En, &[dir.path()]).unwrap();
    txn.stage_via(&xlsx, |tmp| {
        std::fs::write(tmp, b"new workbook").map_err(|source| Error::Write {
            path: tmp.to_path_buf(),
            source,
        })
    })
    .unwrap();
    txn.stage_bytes(&pdf, b"new report").unwrap();
    let err = txn.commit().unwrap_err().to_string();
    assert!(err.contains("a.pdf: cannot write"), "{err}");
    assert_eq!(sink.seen.load(Ordering::SeqCst), 2, "the fault was between");
    if earlier {
        assert_eq!(std::fs::read(&xlsx).unwrap(), b"old workbook");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old report");
        assert_eq!(names(dir.path()), ["a.pdf", "a.xlsx"]);
    } else {
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }
}

#[test]
fn a_fault_between_the_renames_leaves_neither_new_file() {
    fail_between_the_renames(false);
}

#[test]
fn a_fault_between_the_renames_puts_back_the_earlier_pair() {
    fail_between_the_renames(true);
}

#[test]
fn a_good_write_replaces_the_targets_whole_and_keeps_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, b"old").unwrap();
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o600)).unwrap();
    let txn = Transaction::begin(Lang::En, &[dir.path()]).unwrap();
    txn.stage_bytes(&a, b"new contents").unwrap();
    txn.stage_bytes(&dir.path().join("b.txt"), b"b").unwrap();
    txn.commit().unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), b"new contents");
    let mode = std::fs::metadata(&a).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        names(dir.path()),
        ["a.txt", "b.txt"],
        "no temporary file left"
    );
}

#[test]
fn an_abandoned_run_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let txn = Transaction::begin(Lang::En, &[dir.path()]).unwrap();
    txn.stage_bytes(&dir.path().join("a.txt"), b"a").unwrap();
    drop(txn);
    assert!(names(dir.path()).is_empty());
}

#[test]
fn stale_temporary_files_are_cleared_and_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        ".kooste_a.xlsx.1.tmp",
        ".kooste_a.xlsx.1.old.tmp",
        "notes.tmp",
    ] {
        std::fs::write(dir.path().join(name), b"x").unwrap();
    }
    let txn = Transaction::begin(Lang::En, &[dir.path()]).unwrap();
    assert_eq!(names(dir.path()), ["notes.tmp"]);
    drop(txn);
}

#[test]
fn only_one_output_goes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let txn = Transaction::begin(Lang::En, &[dir.path()]).unwrap();
    txn.stage_bytes(Path::new("-"), b"a").unwrap();
    let err = txn.stage_bytes(Path::new("-"), b"b").unwrap_err();
    assert!(matches!(err, Error::OneStdout { .. }), "{err}");
}
