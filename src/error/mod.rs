//! The library's errors: what stops a run (as opposed to findings, which are
//! data about the submissions). Each variant carries where it happened (the
//! file, and the line or field where there is one) and, where another
//! library or the operating system failed, that error as its `source`, so
//! that a caller can show a sentence made from the fields in the user's
//! language and keep the library's own words for a detail. Variants whose
//! sentence is already translated keep the run's [`Lang`] to make it.

mod writing;

use std::path::PathBuf;

pub use writing::{ExportError, PartProblem, PdfError, SaveError, TemplateError};

use crate::config::ConfigError;
use crate::i18n::{Lang, fill};
use crate::model::finding::Finding;
use crate::reading::InputError;

/// A failure that stops a command; maps to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An input named on the command line cannot be listed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The report template given with `--report-template` is unusable.
    #[error(transparent)]
    ReportTemplate(#[from] TemplateError),
    /// An output could not be written, for the operating system's reason.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The output file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// An output could not be put in place, and the outputs put in place
    /// before it could not all be taken back: those named are this run's.
    #[error("{path}: cannot write: {source}; {} already written could not be undone: {}",
        not_undone.len(),
        not_undone.iter().map(|(p, e)| format!("{} ({e})", p.display())).collect::<Vec<_>>().join(", "))]
    NotUndone {
        /// The output whose rename failed.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
        /// The outputs left as this run wrote them, and why each could not
        /// be put back.
        not_undone: Vec<(PathBuf, std::io::Error)>,
    },
    /// The command's own report (the findings, the files written) could
    /// not be written to standard output or error.
    #[error("<stdout>: cannot write: {source}")]
    Stdout {
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A workbook could not be built (rust_xlsxwriter refused it).
    #[error("{path}: cannot write: {source}")]
    Workbook {
        /// The output file.
        path: PathBuf,
        /// What rust_xlsxwriter said.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// A built workbook could not be saved.
    #[error("{path}: cannot write: {source}")]
    Save {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: SaveError,
    },
    /// The report PDF could not be serialised.
    #[error("{path}: cannot write: {source}")]
    Pdf {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: PdfError,
    },
    /// A CSV or JSON export could not be made.
    #[error("{path}: cannot write: {source}")]
    Export {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: ExportError,
    },
    /// More measures than an Excel sheet has rows.
    #[error("{path}: cannot write: {}", fill(
        lang.texts().too_many_measures,
        &[("count", &lang.integer(*count as i64)), ("limit", &lang.integer(*limit as i64))],
    ))]
    TooManyMeasures {
        /// The workbook that was to be written.
        path: PathBuf,
        /// The measures to write.
        count: usize,
        /// The most a sheet holds.
        limit: usize,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output path names something that is not a regular file (a
    /// device, a FIFO, a folder): writing would replace it.
    #[error("{path}: {}", fill(
        lang.output_texts().not_a_file,
        &[("kind", kind.word(*lang))],
    ))]
    NotAFile {
        /// The path as given.
        path: PathBuf,
        /// What it is.
        kind: NodeKind,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output path has no file name (it ends in `..` or is a root).
    #[error("{path}: cannot write: not a file name")]
    NoFileName {
        /// The path as given.
        path: PathBuf,
    },
    /// More than one output was sent to standard output.
    #[error("{path}: {}", lang.output_texts().one_stdout)]
    OneStdout {
        /// The path as given (`-`).
        path: PathBuf,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output path is one of the inputs, which are never modified.
    #[error("{path}: the output would overwrite an input")]
    OverwritesInput {
        /// The output as given.
        path: PathBuf,
    },
    /// An input read earlier in the run cannot be read again (for its
    /// annotated copy): it changed since.
    #[error("{path}: changed while kooste ran; no annotated copy was made")]
    Reread {
        /// The input.
        path: PathBuf,
        /// Why it is unreadable now; `None` if it is readable but no
        /// longer has the sheet read before.
        reason: Option<crate::reading::Unreadable>,
    },
    /// `--previous` names no file.
    #[error("{path}: --previous: no such file")]
    NoPrevious {
        /// The path as given.
        path: String,
    },
    /// The `--previous` workbook cannot be read as a consolidated workbook.
    #[error("{path}: --previous: {}", crate::i18n::findings::message(*lang, finding))]
    PreviousUnreadable {
        /// The path as given.
        path: String,
        /// The finding that reading it raised (its code, cell and text).
        finding: Box<Finding>,
        /// The language of the sentence.
        lang: Lang,
    },
    /// `--year` of `template` is outside the programme.
    #[error("--year {year}: not a programme year ({first}–{last})")]
    NotAProgrammeYear {
        /// The year asked for.
        year: i32,
        /// The programme's first year.
        first: i32,
        /// The programme's last year.
        last: i32,
    },
    /// `--department` of `template` names no department of the programme.
    #[error("--department {given}: not a department of the programme ({allowed})")]
    UnknownDepartment {
        /// The code or name given.
        given: String,
        /// The departments there are, listed in the run's language.
        allowed: String,
    },
    /// `template` was given neither one department and a file nor `--all`
    /// and a folder.
    #[error("give --department CODE -o FILE, or --all --out DIR")]
    TemplateTarget,
}

/// What sits at an output path that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A folder.
    Folder,
    /// A character or block device.
    Device,
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// Anything else.
    Other,
}

impl NodeKind {
    /// What is at a path, from its metadata; `None` for a regular file.
    pub fn of(meta: &std::fs::Metadata) -> Option<NodeKind> {
        let ft = meta.file_type();
        if ft.is_file() {
            return None;
        }
        if ft.is_dir() {
            return Some(NodeKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_char_device() || ft.is_block_device() {
                return Some(NodeKind::Device);
            }
            if ft.is_fifo() {
                return Some(NodeKind::Fifo);
            }
            if ft.is_socket() {
                return Some(NodeKind::Socket);
            }
        }
        Some(NodeKind::Other)
    }

    /// The word for it in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        let t = lang.output_texts();
        match self {
            NodeKind::Folder => t.kind_folder,
            NodeKind::Device => t.kind_device,
            NodeKind::Fifo => t.kind_fifo,
            NodeKind::Socket => t.kind_socket,
            NodeKind::Other => t.kind_other,
        }
    }
}

impl Error {
    /// Each cause below the message, outermost first (the libraries' and
    /// the operating system's own words), for a `--verbose` or JSON detail.
    pub fn causes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut next = std::error::Error::source(self);
        while let Some(e) = next {
            out.push(e.to_string());
            next = e.source();
        }
        out
    }
}
