//! Writing outputs whole or not at all: into a temporary file beside the
//! target, then renamed over it.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `bytes` to `path` atomically. A failure leaves no partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |message: String| Error::Output {
        path: path.to_path_buf(),
        message,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail("not a file name".into()))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e.to_string()));
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
