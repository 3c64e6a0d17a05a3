//! The errors of making and saving outputs: the workbook package, the
//! report, the exports and the report template. They are defined here, below
//! the writers, so that [`super::Error`] can carry them as sources without
//! the error module importing from the writers that raise them.

/// A workbook that could not be saved: the file could not be written, or
/// rust_xlsxwriter's package was not as the fast writer expects (it fails
/// rather than write a wrong package).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// rust_xlsxwriter could not make its package.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// Writing the file failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// rust_xlsxwriter's package could not be read back.
    #[error(transparent)]
    Zip(#[from] zip::result::ZipError),
    /// Deflating a part failed.
    #[error(transparent)]
    Deflate(#[from] flate2::CompressError),
    /// A part of the package is not as expected.
    #[error("{part}: {problem}")]
    Part {
        /// The part's name in the package.
        part: String,
        /// What is wrong with it.
        problem: PartProblem,
    },
    /// Parts that the large sheets' rows go into were not in the package.
    #[error("{tables_found} of {tables} table parts and {sheets_found} of {sheets} sheets found")]
    MissingParts {
        /// Table parts found.
        tables_found: usize,
        /// Table parts expected.
        tables: usize,
        /// Sheet parts found.
        sheets_found: usize,
        /// Sheet parts expected.
        sheets: usize,
    },
    /// A size or offset beyond the plain zip format's 4 GiB.
    #[error("the workbook's {what} would reach 4 GiB")]
    TooLarge {
        /// Which: the whole file or one part.
        what: &'static str,
    },
    /// More parts than the plain zip format holds.
    #[error("too many parts")]
    TooManyParts,
    /// A block of rows was not made.
    #[error("a block of rows is missing")]
    MissingBlock,
    /// A part was ended that was never begun.
    #[error("no entry begun")]
    NoEntry,
    /// The thread writing the package panicked.
    #[error("the writing thread failed")]
    WriterFailed,
}

/// What is wrong with a part of rust_xlsxwriter's package.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartProblem {
    /// Stored with a compression other than none or deflate.
    #[error("unexpected compression {0}")]
    Compression(String),
    /// A table part without the range it was added with.
    #[error("table range {0} not found")]
    NoTableRange(String),
    /// A sheet without `</sheetData>`.
    #[error("no sheet data")]
    NoSheetData,
    /// A large sheet holding more than its header row.
    #[error("the sheet should hold its header row only")]
    NotHeaderOnly,
    /// A sheet without a dimension.
    #[error("no dimension")]
    NoDimension,
    /// A sheet whose dimension is not closed.
    #[error("bad dimension")]
    BadDimension,
    /// A sheet without page margins (the tail elements go before them).
    #[error("no page margins")]
    NoPageMargins,
}

/// A report that could not be serialised. The PDF is made in memory, so
/// these are lopdf's refusals, kept so that a broken report stops the run
/// instead of being saved empty.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The document has no catalog to hold its language and outlines.
    #[error("the PDF has no catalog: {0}")]
    Catalog(#[source] lopdf::Error),
    /// lopdf's writer failed.
    #[error("the PDF could not be serialised: {0}")]
    Save(#[source] std::io::Error),
}

/// An export that could not be made. Writing into memory does not fail
/// for want of space; these are the serialisers' own refusals, kept so
/// that a broken export stops the run instead of leaving an empty file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer refused a record (a row of another length than the header).
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The CSV writer could not hand over what it wrote.
    #[error("CSV: {0}")]
    CsvFlush(#[source] std::io::Error),
    /// The JSON serialiser failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A report template that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// Not valid TOML or not a template's shape.
    #[error("{path}: line {line}: {}", source.message())]
    Syntax {
        /// The file.
        path: std::path::PathBuf,
        /// 1-based line (0 if the parser gave no place).
        line: usize,
        /// What the TOML parser said.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A section's title with nothing to see.
    #[error("{path}: {place}: a blank title")]
    BlankTitle {
        /// The file.
        path: std::path::PathBuf,
        /// Where: `sections[i].title`, i 1-based.
        place: String,
    },
    /// `list_limit = 0`: every list would be empty.
    #[error("{path}: list_limit = 0")]
    ListLimitZero {
        /// The file.
        path: std::path::PathBuf,
    },
    /// A `{name}` the report does not fill in.
    #[error("{path}: {place}: unknown placeholder {{{name}}}")]
    Placeholder {
        /// The file.
        path: std::path::PathBuf,
        /// Where: `foreword` or `sections[i].title|text|chart`, i 1-based.
        place: String,
        /// The name between the braces.
        name: String,
        /// The names the report fills in.
        known: &'static [&'static str],
    },
}

impl TemplateError {
    /// The sentence for the user, naming the file (see
    /// [`super::Error::message`]); the parser's own words are a cause.
    pub fn message(&self) -> crate::model::message::Message {
        use crate::model::message::Message;
        match self {
            TemplateError::Io { path, source } => Message::new("err-report-template-read")
                .arg("path", path.display().to_string())
                .arg("reason", super::io_reason(source)),
            TemplateError::Syntax { path, line: 0, .. } => {
                Message::new("err-report-template-invalid").arg("path", path.display().to_string())
            }
            TemplateError::Syntax { path, line, .. } => Message::new("err-report-template-syntax")
                .arg("path", path.display().to_string())
                .arg("line", line.to_string()),
            TemplateError::BlankTitle { path, place } => {
                Message::new("err-report-template-blank-title")
                    .arg("path", path.display().to_string())
                    .arg("place", place.clone())
            }
            TemplateError::ListLimitZero { path } => Message::new("err-report-template-list-limit")
                .arg("path", path.display().to_string()),
            TemplateError::Placeholder {
                path,
                place,
                name,
                known,
            } => {
                let known = known
                    .iter()
                    .map(|n| format!("{{{n}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                Message::new("err-report-template-placeholder")
                    .arg("path", path.display().to_string())
                    .arg("place", place.clone())
                    .arg("placeholder", format!("{{{name}}}"))
                    .arg("known", known)
            }
        }
    }
}
