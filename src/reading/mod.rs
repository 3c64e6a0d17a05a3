//! Reading submissions: finding input files, opening workbooks and CSV files,
//! and turning their measure sheet into typed rows with findings.

pub mod adjust;
mod csv;
mod encoding;
mod formula;
pub(crate) mod grid;
mod guard;
mod header_hint;
mod ods;
mod own;
mod raised;
pub mod schema;
mod separators;
mod sheet;
mod tables;
pub mod typing;
mod units;
mod workbook;
mod xls;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::finding::{Code, Finding};
use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};

pub use adjust::{Adjustments, AdjustmentsByFile, Correction};
pub use grid::{FAR_GAP, FormatUnit, Grid, Merged};
pub use own::{OutputKind, PROPERTY, TEMPLATE_MARK, custom_property};
pub(crate) use sheet::name_text_sheet;
pub use sheet::{
    Submission, read_bytes, read_submission, read_submission_adjusted, read_submission_from,
    sheet_year, unread_file,
};
pub use units::excel_format_unit;

/// A text the configuration gives in each language (a field's header, a
/// list's allowed values), as a message argument shown in the language the
/// message is made in.
pub(crate) fn per_lang(text: impl Fn(Lang) -> String) -> Arg {
    Arg::PerLang(Box::new(Lang::ALL.map(text)))
}

/// File extensions read as submissions.
/// (`xltx` and `xltm` are Excel templates: the same package as xlsx, and
/// a department may save its filled-in copy as one; `fods` is LibreOffice's
/// flat OpenDocument, `tsv` tab-separated text. A `txt` file is read where
/// it is tab-separated: [`TEXT_EXPORTS`].)
pub const EXTENSIONS: [&str; 10] = [
    "xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", "ods", "fods", "csv", "tsv",
];

/// Extensions of text exports read where the file's first 4 KiB hold a tab
/// (Excel's and LibreOffice's "Text (Tab delimited)" and "Unicode Text"
/// save as `.txt`); any other `.txt` in a folder is a note, not read, and
/// named ([`discover_all`]).
pub const TEXT_EXPORTS: [&str; 1] = ["txt"];

/// One input file of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// The name shown to the user: as given, or the folder joined with the name.
    pub display: String,
    /// Where it is.
    pub path: PathBuf,
}

/// An input named on the command line that cannot be listed: the run
/// stops (exit 2) with [`InputError::message`].
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Nothing at the path (or a path through a file: `a.csv/b`).
    #[error("{path}: {source}")]
    NotFound {
        /// The input as given.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The operating system refuses to let the file or folder be read.
    #[error("{path}: {source}")]
    PermissionDenied {
        /// The input as given.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A device, FIFO or socket: not a file to read.
    #[error("{path}: not a regular file or folder")]
    NotAFile {
        /// The input as given.
        path: String,
    },
    /// Any other failure to list it (a folder that cannot be read through,
    /// an I/O error).
    #[error("{path}: {source}")]
    Unlistable {
        /// The input as given.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

impl InputError {
    /// The error for `path` by what the operating system said.
    fn new(path: &Path, source: std::io::Error) -> InputError {
        let path = path.display().to_string();
        match source.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => {
                InputError::NotFound { path, source }
            }
            std::io::ErrorKind::PermissionDenied => InputError::PermissionDenied { path, source },
            _ => InputError::Unlistable { path, source },
        }
    }

    /// The input as given.
    pub fn path(&self) -> &str {
        match self {
            InputError::NotFound { path, .. }
            | InputError::NotAFile { path }
            | InputError::PermissionDenied { path, .. }
            | InputError::Unlistable { path, .. } => path,
        }
    }

    /// The sentence for the user: which input, what is wrong and what to
    /// do. The operating system's own words stay in the `source`.
    pub fn message(&self) -> Message {
        let m = match self {
            InputError::NotFound { .. } => Message::new("read-input-not-found"),
            InputError::PermissionDenied { .. } => Message::new("read-input-permission"),
            InputError::NotAFile { .. } => Message::new("read-input-not-a-file"),
            InputError::Unlistable { .. } => Message::new("read-input-unreadable"),
        };
        m.arg("path", self.path())
    }
}

/// Expands files and folders into the submissions to read. Folders are searched
/// recursively for [`EXTENSIONS`]; lock files (`~$…`) and hidden files are skipped.
/// A file named explicitly is always taken, whatever its extension, so that a
/// wrong file gives a finding instead of silence. The result is sorted by
/// path, so the order of arguments does not change the outputs.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>, InputError> {
    discover_all(inputs).map(|(files, _)| files)
}

/// [`discover`], and the regular files of the folders that are not read
/// (no submission extension, or a `.txt` that is not tab-separated), in
/// path order, so that none is skipped in silence; kooste's own report
/// ([`own::is_own_print`]) is not among them.
pub fn discover_all(inputs: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<InputFile>), InputError> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| InputError::new(input, e))?;
        if meta.is_dir() {
            walk(input, &mut out, &mut skipped).map_err(|e| InputError::new(input, e))?;
        } else if !meta.is_file() {
            // A device, FIFO or socket: reading one could block or never
            // end (/dev/zero), and it is no submission.
            return Err(InputError::NotAFile {
                path: input.display().to_string(),
            });
        } else {
            out.push(InputFile {
                display: input.display().to_string(),
                path: input.clone(),
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    skipped.sort();
    skipped.dedup_by(|a, b| a.path == b.path);
    // A file named on the command line is read, even if its folder is given too.
    if !skipped.is_empty() {
        let read: std::collections::BTreeSet<&PathBuf> = out.iter().map(|f| &f.path).collect();
        skipped.retain(|f| !read.contains(&f.path));
    }
    Ok((out, skipped))
}

fn walk(dir: &Path, out: &mut Vec<InputFile>, skipped: &mut Vec<InputFile>) -> std::io::Result<()> {
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
            walk(&path, out, skipped)?;
        } else if is_regular(&path) {
            let file = InputFile {
                display: path.display().to_string(),
                path,
            };
            if has_submission_extension(&file.path) || is_tab_separated_text(&file.path) {
                out.push(file);
            } else if !own::is_own_print(&file.path) {
                skipped.push(file);
            }
        }
    }
    Ok(())
}

/// Whether `path` (a link followed) is a regular file: a FIFO or device in
/// a folder of submissions is no submission, and reading it could block.
fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// A `.txt` ([`TEXT_EXPORTS`]) whose first 4 KiB hold a tab (in UTF-8,
/// single-byte encodings and UTF-16 alike).
fn is_tab_separated_text(path: &Path) -> bool {
    use std::io::Read;
    let txt = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXPORTS.contains(&e.to_ascii_lowercase().as_str()));
    let mut head = Vec::with_capacity(4096);
    txt && std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && head.contains(&b'\t')
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
    /// A CSV quotation mark that opens a value and is closed nowhere in
    /// the file, read as a character (as LibreOffice reads it), at a
    /// 1-based row and 0-based column.
    UnclosedQuote {
        /// 1-based row.
        row: u32,
        /// 0-based column.
        col: u32,
    },
    /// A quoted CSV value at a 1-based row and 0-based column whose
    /// `lines` further lines hold as many delimiters as a row
    /// (`delimiters` at most, of `delimiter`): rows taken into one cell by
    /// a quotation mark closed rows later.
    QuotedRows {
        /// 1-based row.
        row: u32,
        /// 0-based column.
        col: u32,
        /// Lines after the first that look like rows.
        lines: u32,
        /// The most delimiters on one of them.
        delimiters: u32,
        /// The delimiter, as shown (`;`, `,`, `TAB`).
        delimiter: &'static str,
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

/// Why a file could not be read at all; each becomes a file-level finding
/// ([`Unreadable::code`], [`Unreadable::message`], [`Unreadable::hint`],
/// and the reader's own words as its [`Unreadable::detail`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Zero bytes.
    Empty,
    /// An encrypted OOXML package in a CFB container.
    Encrypted,
    /// HTML saved with a spreadsheet extension.
    Html {
        /// The file's extension, without the dot.
        ext: String,
    },
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
    /// The file's bytes could not be read from the disk.
    Io {
        /// What the operating system said.
        detail: String,
    },
    /// A workbook's extension on bytes that are no workbook (no zip or
    /// OLE signature).
    NotAWorkbook {
        /// The extension, without the dot.
        ext: String,
    },
    /// Content the reader cannot make sense of.
    Corrupt {
        /// What is damaged.
        what: Damage,
        /// The reader's or library's own words (untranslated), for the
        /// finding's detail.
        detail: String,
    },
}

/// What is damaged in a file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Bytes that start as a zip package (xlsx, xlsm, xlsb, ods) but do not
    /// open as one.
    Package,
    /// A part the workbook needs is missing from its package.
    MissingPart(String),
    /// The XML of a package part is broken; the part, where known.
    Xml(Option<String>),
    /// An Excel 97–2003 file (the OLE container or its records) whose
    /// structure is broken.
    Xls,
    /// Workbook content the reader cannot read: a record, a cell or a
    /// range that is not as the format says.
    Content,
    /// A text file's rows that are not CSV.
    Csv,
    /// Binary data where text was expected.
    Binary,
    /// The reader stopped on the file (a panic inside a library, caught).
    ReaderFailed,
}

impl Unreadable {
    /// Damaged content: what, and the reader's own words.
    pub fn corrupt(what: Damage, detail: impl std::fmt::Display) -> Unreadable {
        Unreadable::Corrupt {
            what,
            detail: detail.to_string(),
        }
    }

    /// The finding code it is reported with.
    pub fn code(&self) -> Code {
        match self {
            Unreadable::Encrypted => Code::EncryptedFile,
            Unreadable::TooLarge { .. } => Code::TooLarge,
            Unreadable::UnknownEncoding { .. } => Code::UnknownEncoding,
            _ => Code::UnreadableFile,
        }
    }

    /// What is wrong with the file, in the user's words.
    pub fn message(&self) -> Message {
        match self {
            Unreadable::Empty => Message::new("read-empty"),
            Unreadable::Encrypted => Message::new("read-encrypted"),
            Unreadable::Html { ext } => Message::new("read-html").arg("ext", ext),
            Unreadable::TooLarge { what, found, limit } => if *what == "cells" {
                Message::new("read-too-large-cells")
            } else {
                Message::new("read-too-large-bytes")
            }
            .count("found", *found)
            .count("limit", *limit),
            Unreadable::UnknownEncoding {
                candidates,
                example,
            } => Message::new("read-unknown-encoding")
                .arg("candidates", candidates.join(" / "))
                .arg("example", example),
            Unreadable::Io { .. } => Message::new("read-io"),
            Unreadable::NotAWorkbook { ext } => Message::new("read-not-a-workbook").arg("ext", ext),
            Unreadable::Corrupt { what, .. } => match what {
                Damage::Package => Message::new("read-damaged-package"),
                Damage::MissingPart(part) => Message::new("read-damaged-part").arg("part", part),
                Damage::Xml(None) => Message::new("read-damaged-xml"),
                Damage::Xml(Some(part)) => Message::new("read-damaged-xml-part").arg("part", part),
                Damage::Xls => Message::new("read-damaged-xls"),
                Damage::Content => Message::new("read-damaged"),
                Damage::Csv => Message::new("read-damaged-csv"),
                Damage::Binary => Message::new("read-damaged-binary"),
                Damage::ReaderFailed => Message::new("read-damaged-reader"),
            },
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Message {
        match self {
            Unreadable::Empty => Message::new("read-empty.hint"),
            Unreadable::Encrypted => Message::new("read-encrypted.hint"),
            Unreadable::Html { .. } => Message::new("read-html.hint"),
            Unreadable::TooLarge { what, .. } if *what == "cells" => {
                Message::new("read-too-large-cells.hint")
            }
            Unreadable::TooLarge { .. } => Message::new("read-too-large-bytes.hint"),
            Unreadable::UnknownEncoding { .. } => Message::new("read-unknown-encoding.hint"),
            Unreadable::Io { .. } => Message::new("read-io.hint"),
            Unreadable::NotAWorkbook { .. } => Message::new("read-not-a-workbook.hint"),
            Unreadable::Corrupt { .. } => Message::new("read-damaged.hint"),
        }
    }

    /// The reader's, library's or operating system's own words, where there
    /// are any: untranslated, never part of the message.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Unreadable::Io { detail } | Unreadable::Corrupt { detail, .. } => Some(detail),
            _ => None,
        }
    }

    /// The file-level finding for `file` (as shown to the user).
    pub fn finding(&self, file: &str) -> Finding {
        let f = Finding::file(self.code(), file, self.message()).hint(self.hint());
        match self.detail() {
            Some(d) => f.detail(d),
            None => f,
        }
    }
}

/// Reads a file's bytes and hashes them. IO failures are reported as
/// unreadable; a file larger than `limits.max_unpacked_bytes` (a 3 GB CSV,
/// a sparse file) is `too-large` before any of it is read, and a file that
/// grows while it is read stops at the limit.
pub fn load(path: &Path, limits: &Limits) -> Result<(Vec<u8>, String), Unreadable> {
    use std::io::Read;
    let io = |e: std::io::Error| Unreadable::Io {
        detail: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        // `discover` takes only regular files; this is one replaced since.
        return Err(io(std::io::Error::other("not a regular file")));
    }
    let too_large = |found: u64| Unreadable::TooLarge {
        what: "bytes",
        found,
        limit: limits.max_unpacked_bytes,
    };
    if meta.len() > limits.max_unpacked_bytes {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limits.max_unpacked_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_unpacked_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    let hash = Sha256::digest(&bytes);
    let hex = hash.iter().map(|b| format!("{b:02x}")).collect();
    Ok((bytes, hex))
}

/// Opens the bytes of a submission as a [`Book`], choosing the reader by the
/// file's content first and its extension second.
pub fn open(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    // calamine can panic on malformed bytes (the fuzzer found a slice out of
    // range in its CFB reader); that is a broken file, not a broken run.
    // The panic's own words go to the finding's detail only.
    guard::guarded(|| open_unguarded(path, bytes, limits))
        .unwrap_or_else(|message| Err(Unreadable::corrupt(Damage::ReaderFailed, message)))
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
    // The messages name the extension as the file is named.
    let named = || {
        path.extension()
            .map(|e| e.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    if ods::is_flat(head) {
        return ods::read_flat(bytes, limits);
    }
    if looks_like_html(head) {
        return Err(Unreadable::Html { ext: named() });
    }
    if matches!(
        ext.as_str(),
        "xlsx" | "xlsm" | "xlsb" | "ods" | "fods" | "xls"
    ) {
        return Err(Unreadable::NotAWorkbook { ext: named() });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_that_is_not_there_is_named_in_its_message() {
        let missing = PathBuf::from("no/such/kooste-input.xlsx");
        let e = discover(std::slice::from_ref(&missing)).unwrap_err();
        assert!(matches!(e, InputError::NotFound { .. }), "{e:?}");
        assert_eq!(e.path(), "no/such/kooste-input.xlsx");
        let m = e.message();
        assert_eq!(m.id, "read-input-not-found");
        assert_eq!(
            m.get("path"),
            Some(&Arg::Text("no/such/kooste-input.xlsx".into()))
        );
        // The operating system's words stay the source.
        assert!(std::error::Error::source(&e).is_some());
    }

    #[test]
    fn a_damaged_file_keeps_the_readers_words_out_of_the_message() {
        let bytes = b"PK\x03\x04 not really a zip";
        let u = open(Path::new("a.xlsx"), bytes, &Limits::default()).unwrap_err();
        assert!(
            matches!(
                u,
                Unreadable::Corrupt {
                    what: Damage::Package,
                    ..
                }
            ),
            "{u:?}"
        );
        let f = u.finding("a.xlsx");
        assert_eq!(f.code, Code::UnreadableFile);
        assert_eq!(f.message.id, "read-damaged-package");
        assert!(f.message.args.is_empty());
        assert_eq!(f.hint.map(|h| h.id), Some("read-damaged.hint"));
        assert!(f.detail.is_some_and(|d| d.contains("Zip")));
    }

    #[test]
    fn a_workbook_extension_on_text_names_the_extension() {
        let u = open(Path::new("a.XLSX"), b"Toimiala;Vuosi\n", &Limits::default()).unwrap_err();
        assert_eq!(u, Unreadable::NotAWorkbook { ext: "XLSX".into() });
        assert_eq!(u.detail(), None);
        assert_eq!(u.message().get("ext"), Some(&Arg::Text("XLSX".into())));
    }
}
