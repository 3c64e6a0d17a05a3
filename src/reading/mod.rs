//! Reading submissions: finding input files, opening workbooks and CSV files,
//! and turning their measure sheet into typed rows with findings.

mod csv;
mod encoding;
mod formula;
pub(crate) mod grid;
mod guard;
mod header_hint;
mod ods;
mod own;
pub mod schema;
mod separators;
mod sheet;
pub mod typing;
mod units;
mod workbook;
mod xls;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use grid::{FAR_GAP, FormatUnit, Grid, Merged};
pub use own::{OutputKind, PROPERTY, TEMPLATE_MARK};
pub use sheet::{Submission, read_bytes, read_submission, read_submission_from};
pub use units::excel_format_unit;

/// File extensions read as submissions.
pub const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xls", "xlsb", "ods", "csv"];

/// One input file of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// The name shown to the user: as given, or the folder joined with the name.
    pub display: String,
    /// Where it is.
    pub path: PathBuf,
}

/// An input named on the command line that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct InputError {
    /// The input as given.
    pub path: String,
    /// Why it could not be listed.
    pub source: std::io::Error,
}

/// Expands files and folders into the submissions to read. Folders are searched
/// recursively for [`EXTENSIONS`]; lock files (`~$…`) and hidden files are skipped.
/// A file named explicitly is always taken, whatever its extension, so that a
/// wrong file gives a finding instead of silence. The result is sorted by
/// path, so the order of arguments does not change the outputs.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|source| InputError {
            path: input.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            walk(input, &mut out).map_err(|source| InputError {
                path: input.display().to_string(),
                source,
            })?;
        } else {
            out.push(InputFile {
                display: input.display().to_string(),
                path: input.clone(),
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<InputFile>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("~$") || name.starts_with('.') {
            continue;
        }
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if has_submission_extension(&path) {
            out.push(InputFile {
                display: path.display().to_string(),
                path,
            });
        }
    }
    Ok(())
}

fn has_submission_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// What kind of file an input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook.
    Xlsx,
    /// Macro-enabled xlsx.
    Xlsm,
    /// Legacy Excel 97–2003.
    Xls,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet.
    Ods,
    /// Comma- or semicolon-separated text.
    Csv,
}

impl Format {
    /// Lower-case name, as in the sources sheet and the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xls => "xls",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
            Format::Csv => "csv",
        }
    }
}

/// A workbook read into memory: its sheets in workbook order.
#[derive(Debug, Clone)]
pub struct Book {
    /// Detected format.
    pub format: Format,
    /// Sheets, in workbook order (hidden ones included, flagged).
    pub sheets: Vec<Grid>,
    /// What the reader noticed about the file's bytes (CSV), each a finding.
    pub notes: Vec<Note>,
}

/// Something a reader noticed in a file's bytes that is not a cell value;
/// each becomes a finding at its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Bytes that are not valid in the file's encoding, at a 1-based row
    /// (the row a spreadsheet program shows); `bytes` as hex (`0x9F`).
    InvalidBytes {
        /// 1-based row.
        row: u32,
        /// The bytes, as hex.
        bytes: String,
        /// The encoding the file was read in.
        encoding: &'static str,
    },
    /// A NUL byte in a text file, at a 1-based row.
    NulByte {
        /// 1-based row.
        row: u32,
    },
}

/// Caps that keep a hostile or broken file from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes a workbook's parts may unpack to (a zip bomb is refused before reading).
    pub max_unpacked_bytes: u64,
    /// Most cells one workbook may hold.
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_unpacked_bytes: 1 << 30,
            max_cells: 50_000_000,
        }
    }
}

/// Why a file could not be read at all; each becomes a file-level finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Zero bytes.
    Empty,
    /// An encrypted OOXML package in a CFB container.
    Encrypted,
    /// HTML saved with a spreadsheet extension.
    Html,
    /// Over a limit: what, how much, and the limit.
    TooLarge {
        /// What was counted (bytes or cells).
        what: &'static str,
        /// The amount found.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// A text file whose bytes read as different characters in the
    /// encodings it could be in: the candidates and an example.
    UnknownEncoding {
        /// The encodings that fit, by name.
        candidates: Vec<&'static str>,
        /// One place where they differ, e.g. `"0x8A: ä / Š"`.
        example: String,
    },
    /// Any other failure, with the reader's reason.
    Corrupt(String),
}

/// Reads a file's bytes and hashes them. IO failures are reported as unreadable.
pub fn load(path: &Path) -> Result<(Vec<u8>, String), Unreadable> {
    let bytes = std::fs::read(path).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    let hash = Sha256::digest(&bytes);
    let hex = hash.iter().map(|b| format!("{b:02x}")).collect();
    Ok((bytes, hex))
}

/// Opens the bytes of a submission as a [`Book`], choosing the reader by the
/// file's content first and its extension second.
pub fn open(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    // calamine can panic on malformed bytes (the fuzzer found a slice out of
    // range in its CFB reader); that is a broken file, not a broken run.
    guard::guarded(|| open_unguarded(path, bytes, limits)).unwrap_or_else(|message| {
        Err(Unreadable::Corrupt(format!(
            "malformed content ({message})"
        )))
    })
}

fn open_unguarded(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    if bytes.is_empty() {
        return Err(Unreadable::Empty);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let head = &bytes[..bytes.len().min(512)];
    if workbook::is_cfb(head) {
        if workbook::is_encrypted_ooxml(bytes) {
            return Err(Unreadable::Encrypted);
        }
        return workbook::read(bytes, Format::Xls, limits);
    }
    if workbook::is_zip(head) {
        let listed = workbook::inspect_zip(bytes, limits)?;
        let format = match ext.as_str() {
            "xlsm" => Format::Xlsm,
            "xlsb" => Format::Xlsb,
            "ods" => Format::Ods,
            _ => listed,
        };
        // calamine turns ods error results into text and expands every
        // repeated cell, so ods has a reader of its own.
        return match format {
            Format::Ods => ods::read(bytes, limits),
            _ => workbook::read(bytes, format, limits),
        };
    }
    if looks_like_html(head) {
        return Err(Unreadable::Html);
    }
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "ods" | "xls") {
        return Err(Unreadable::Corrupt(format!(
            "not a .{ext} workbook (no zip or OLE signature)"
        )));
    }
    csv::read(path, bytes, limits)
}

fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<table")
        || (t.starts_with("<?xml") && t.contains("<html"))
}
