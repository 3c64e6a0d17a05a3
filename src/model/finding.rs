//! Validation findings: data about a submission, not errors of the program.

use serde::Serialize;

use crate::model::message::Message;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before the final outputs are written.
    Error,
    /// Worth a look; does not block.
    Warning,
}

impl Severity {
    /// "error" or "warning".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable finding codes (documented in the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// Not a spreadsheet, corrupt, unreadable.
    UnreadableFile,
    /// Password-protected workbook.
    EncryptedFile,
    /// No sheet with a recognisable header.
    NoMeasureSheet,
    /// A required field has no column.
    MissingColumn,
    /// Two columns map to one field.
    DuplicateColumn,
    /// A header that maps to no field.
    UnknownColumn,
    /// A required cell is empty.
    MissingValue,
    /// A cell cannot be read as its kind.
    TypeError,
    /// A value outside the allowed ones.
    NotAllowed,
    /// Negative amounts, or a year outside the programme.
    OutOfRange,
    /// A contact that is not an e-mail address.
    InvalidFormat,
    /// A formula with no stored result.
    FormulaWithoutValue,
    /// A total row that disagrees with the rows above.
    TotalMismatch,
    /// Actual above budget.
    SpentExceedsBudget,
    /// A status that contradicts the figures.
    StatusConflict,
    /// The same measure twice.
    DuplicateMeasure,
    /// One file, several departments.
    DepartmentMismatch,
    /// The year's budgets exceed the programme's annual budget.
    BudgetExceedsProgramme,
    /// A department sent nothing.
    MissingSubmission,
    /// A row of another year than the one being reported.
    WrongYear,
    /// A file over the size or cell limit (a zip bomb, say).
    TooLarge,
    /// Text longer than an Excel cell can hold.
    TextTooLong,
    /// A number whose decimal mark the file does not decide.
    AmbiguousNumber,
    /// Bytes not valid in a text file's encoding, or a NUL byte.
    InvalidBytes,
    /// A text file whose encoding cannot be told apart.
    UnknownEncoding,
    /// Content the reader leaves out: another measure sheet, a column with
    /// no header, a filled row that is not a measure.
    UnreadContent,
    /// A file kooste wrote itself, skipped as an input.
    OwnOutput,
    /// No measure anywhere in the run.
    NoMeasures,
    /// Text the report's font cannot show, or right-to-left text it does
    /// not shape.
    UnprintableText,
    /// A numeric column whose header names a unit kooste does not read
    /// (`Budjetti (t€)`, `Toteuma (%)`): its values are not read.
    UnknownUnit,
    /// An amount merged over several rows: it cannot be counted in each.
    MergedAmount,
    /// A formula whose stored result differs from what it evaluates to.
    FormulaMismatch,
    /// A file whose measure rows are those of another input: not read.
    DuplicateFile,
    /// A row of units (`€`, `htv`) right under the header, read as the
    /// header's units, not as a measure.
    UnitRow,
    /// A hidden column that names a field: read only where no visible
    /// column may hold the same figures.
    HiddenColumn,
    /// A number whose format shows it scaled (`#,##0,` shows 55 000 as
    /// `55`): read as stored, named because the sheet shows another number.
    ScaledFormat,
    /// Rows the sheet hides (by hand, in a collapsed group, or by a
    /// filter): read all the same, so figures the sheet does not show are
    /// in the sums.
    HiddenRows,
    /// A CSV row with values right of the header's last column: a
    /// separator inside an unquoted value (`98,000`) has moved its values.
    ShiftedRow,
    /// A CSV quotation mark that opens a value and is closed nowhere in
    /// the file: read as a character, as LibreOffice reads it.
    UnclosedQuote,
    /// A quoted CSV value whose lines look like rows of the table: a
    /// quotation mark closed rows later took the rows between into one cell.
    QuotedRows,
}

impl Code {
    /// The code as printed and documented, e.g. "missing-value".
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "unreadable-file",
            Code::EncryptedFile => "encrypted-file",
            Code::NoMeasureSheet => "no-measure-sheet",
            Code::MissingColumn => "missing-column",
            Code::DuplicateColumn => "duplicate-column",
            Code::UnknownColumn => "unknown-column",
            Code::MissingValue => "missing-value",
            Code::TypeError => "type-error",
            Code::NotAllowed => "not-allowed",
            Code::OutOfRange => "out-of-range",
            Code::InvalidFormat => "invalid-format",
            Code::FormulaWithoutValue => "formula-without-value",
            Code::TotalMismatch => "total-mismatch",
            Code::SpentExceedsBudget => "spent-exceeds-budget",
            Code::StatusConflict => "status-conflict",
            Code::DuplicateMeasure => "duplicate-measure",
            Code::DepartmentMismatch => "department-mismatch",
            Code::BudgetExceedsProgramme => "budget-exceeds-programme",
            Code::MissingSubmission => "missing-submission",
            Code::WrongYear => "wrong-year",
            Code::TooLarge => "too-large",
            Code::TextTooLong => "text-too-long",
            Code::AmbiguousNumber => "ambiguous-number",
            Code::InvalidBytes => "invalid-bytes",
            Code::UnknownEncoding => "unknown-encoding",
            Code::UnreadContent => "unread-content",
            Code::ShiftedRow => "shifted-row",
            Code::UnclosedQuote => "unclosed-quote",
            Code::QuotedRows => "quoted-rows",
            Code::OwnOutput => "own-output",
            Code::NoMeasures => "no-measures",
            Code::UnprintableText => "unprintable-text",
            Code::UnknownUnit => "unknown-unit",
            Code::MergedAmount => "merged-amount",
            Code::FormulaMismatch => "formula-mismatch",
            Code::DuplicateFile => "duplicate-file",
            Code::UnitRow => "unit-row",
            Code::HiddenColumn => "hidden-column",
            Code::ScaledFormat => "scaled-format",
            Code::HiddenRows => "hidden-rows",
        }
    }

    /// The usual severity; a few checks choose per case.
    pub fn severity(self) -> Severity {
        match self {
            Code::UnknownColumn
            | Code::InvalidFormat
            | Code::SpentExceedsBudget
            | Code::StatusConflict
            | Code::MissingSubmission
            | Code::TextTooLong
            | Code::UnreadContent
            | Code::OwnOutput
            | Code::DuplicateFile
            | Code::UnitRow
            | Code::HiddenColumn
            | Code::ScaledFormat
            | Code::HiddenRows
            | Code::UnclosedQuote
            | Code::UnprintableText => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem found in the submissions: data (code, place, value and the
/// message's arguments), made into text only where it is shown, in that
/// output's language (`crate::i18n::render`).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The input as given on the command line (or folder joined with name).
    pub file: String,
    /// Sheet name, where one applies.
    pub sheet: Option<String>,
    /// A1 reference of the cell, where one applies.
    pub cell: Option<String>,
    /// 1-based row, where one applies.
    pub row: Option<u32>,
    /// The field's key, where one applies.
    pub field: Option<String>,
    /// The value as the user typed it.
    pub value: Option<String>,
    /// What is wrong.
    pub message: Message,
    /// How to fix it.
    pub hint: Option<Message>,
    /// Another library's or the operating system's own words about the
    /// problem (a zip or XML error), untranslated: shown only in
    /// `--format json` and with `--verbose`, never inside a sentence.
    pub detail: Option<String>,
}

impl Finding {
    /// A finding about a whole file.
    pub fn file(code: Code, file: &str, message: impl Into<Message>) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            file: file.to_string(),
            sheet: None,
            cell: None,
            row: None,
            field: None,
            value: None,
            message: message.into(),
            hint: None,
            detail: None,
        }
    }

    /// Sets the sheet.
    pub fn in_sheet(mut self, sheet: &str) -> Finding {
        self.sheet = Some(sheet.to_string());
        self
    }

    /// Sets cell (0-based row and column), row and field.
    pub fn at(mut self, row: u32, col: u32) -> Finding {
        self.cell = Some(crate::text::a1(row, col));
        self.row = Some(row + 1);
        self
    }

    /// Sets the field key.
    pub fn field(mut self, key: impl AsRef<str>) -> Finding {
        self.field = Some(key.as_ref().to_string());
        self
    }

    /// Sets the original value.
    pub fn value(mut self, v: impl Into<String>) -> Finding {
        self.value = Some(v.into());
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, h: impl Into<Message>) -> Finding {
        self.hint = Some(h.into());
        self
    }

    /// Sets the untranslated detail (another library's words).
    pub fn detail(mut self, d: impl Into<String>) -> Finding {
        self.detail = Some(d.into());
        self
    }

    /// Overrides the severity.
    pub fn severity(mut self, s: Severity) -> Finding {
        self.severity = s;
        self
    }

    /// `file!sheet!cell` as printed in the text report.
    pub fn location(&self) -> String {
        let mut s = self.file.clone();
        if let Some(sh) = &self.sheet {
            s.push('!');
            s.push_str(sh);
        }
        if let Some(c) = &self.cell {
            s.push('!');
            s.push_str(c);
        }
        s
    }
}

/// Counts of errors and warnings.
pub fn count(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}
