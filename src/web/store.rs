//! The workspace folder: the register (`rekisteri.sqlite`), the received
//! files stored by their SHA-256 (`tiedostot/ab/abcdef…`, content-addressed:
//! a file sent twice is stored once, and the name a browser sent is never
//! a path), the builds' outputs (`koosteet/<id>/`) and the checks' scratch
//! folders (`tyo/`, emptied at start).

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::WebError;

/// The file types a submission may have: those kooste reads.
pub const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"];

/// The workspace's folders.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The workspace folder itself.
    pub root: PathBuf,
}

impl Workspace {
    /// Creates the folders that are missing and empties the scratch folder.
    /// Errors: the operating system's, with the path.
    pub fn open(root: &Path) -> Result<Workspace, WebError> {
        let ws = Workspace {
            root: root.to_path_buf(),
        };
        for dir in [ws.files(), ws.builds(), ws.scratch()] {
            std::fs::create_dir_all(&dir).map_err(|e| WebError::io(&dir, e))?;
        }
        // Scratch folders of a stopped server: hard links or copies only.
        if let Ok(entries) = std::fs::read_dir(ws.scratch()) {
            for e in entries.flatten() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        Ok(ws)
    }

    /// The register's path.
    pub fn register(&self) -> PathBuf {
        self.root.join("rekisteri.sqlite")
    }

    fn files(&self) -> PathBuf {
        self.root.join("tiedostot")
    }

    /// The folder of build `id`'s outputs.
    pub fn build_dir(&self, id: i64) -> PathBuf {
        self.builds().join(id.to_string())
    }

    fn builds(&self) -> PathBuf {
        self.root.join("koosteet")
    }

    fn scratch(&self) -> PathBuf {
        self.root.join("tyo")
    }

    /// Where the file of SHA-256 `sha` (64 lower-case hex digits) is stored.
    pub fn stored(&self, sha: &str) -> PathBuf {
        self.files().join(&sha[..2]).join(sha)
    }

    /// Stores `bytes` under their SHA-256 (written beside, synced, renamed:
    /// whole or not at all) and returns the digest in hex. A file already
    /// stored is left as it is.
    pub fn put(&self, bytes: &[u8]) -> Result<String, WebError> {
        let sha = hex(&Sha256::digest(bytes));
        let path = self.stored(&sha);
        if path.exists() {
            return Ok(sha);
        }
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| WebError::io(&dir, e))?;
        let tmp = dir.join(format!(".{sha}.{}", super::security::token()));
        let written = std::fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
        if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &path)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(WebError::io(&path, e));
        }
        Ok(sha)
    }

    /// A new scratch folder holding `bytes` alone as `001.<ext>`: a sent
    /// file is checked there before it is stored, so a refused one never
    /// reaches the store (where no register row would ever name it).
    pub fn scratch_of(&self, bytes: &[u8], ext: &str) -> Result<Scratch, WebError> {
        let mut scratch = self.scratch_with(&[])?;
        let path = scratch.dir.join(format!("001.{ext}"));
        std::fs::write(&path, bytes).map_err(|e| WebError::io(&path, e))?;
        scratch.paths.push(path);
        Ok(scratch)
    }

    /// A new scratch folder holding the stored files `files` (SHA-256 and
    /// extension) as `1.xlsx`, `2.ods`, … in that order: the readers choose
    /// by extension, and the names carry nothing a browser sent.
    pub fn scratch_with(&self, files: &[(&str, &str)]) -> Result<Scratch, WebError> {
        let dir = self.scratch().join(super::security::token());
        std::fs::create_dir_all(&dir).map_err(|e| WebError::io(&dir, e))?;
        let scratch = Scratch {
            dir: dir.clone(),
            paths: Vec::new(),
        };
        let mut scratch = scratch;
        for (i, (sha, ext)) in files.iter().enumerate() {
            let path = dir.join(format!("{:03}.{ext}", i + 1));
            let from = self.stored(sha);
            std::fs::hard_link(&from, &path)
                .or_else(|_| std::fs::copy(&from, &path).map(|_| ()))
                .map_err(|e| WebError::io(&path, e))?;
            scratch.paths.push(path);
        }
        Ok(scratch)
    }
}

/// A scratch folder of one check or build, removed when dropped.
#[derive(Debug)]
pub struct Scratch {
    /// The folder.
    pub dir: PathBuf,
    /// The files in it, in the order given.
    pub paths: Vec<PathBuf>,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The extension of a sent file name if kooste reads that type: lower
/// case, from [`EXTENSIONS`]. The name is otherwise only shown.
pub fn extension(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    EXTENSIONS.iter().copied().find(|e| *e == ext)
}

/// A sent file name made safe to show and to offer as a download name:
/// its last path component (browsers on Windows send `C:\…\a.xlsx`),
/// control characters dropped, at most 200 characters.
pub fn display_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.trim().is_empty() {
        "?".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_are_only_shown_and_the_stored_path_is_the_digest() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\a\\kymp.xlsx"), "kymp.xlsx");
        assert_eq!(extension("CON.XLSX"), Some("xlsx"));
        assert_eq!(extension("../../etc/passwd"), None);
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        let sha = ws.put(b"abc").unwrap();
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(std::fs::read(ws.stored(&sha)).unwrap(), b"abc");
        let s = ws.scratch_with(&[(&sha, "csv")]).unwrap();
        assert_eq!(std::fs::read(&s.paths[0]).unwrap(), b"abc");
        let d = s.dir.clone();
        drop(s);
        assert!(!d.exists());
    }
}
