//! A finding made into text in one language: the line the terminal shows,
//! the message and hint the workbook and the annotated copy show, the
//! code's title, and the object `validate --format json` prints.

use serde::Serialize;

use super::fluent::{render, text};
use crate::model::finding::{Code, Finding, Severity};
use crate::model::lang::Lang;
use crate::model::message::Message;
use crate::text::terminal;

/// What the finding says is wrong, in `lang`.
pub fn message(lang: Lang, f: &Finding) -> String {
    render(lang, &f.message)
}

/// How to fix it, in `lang`, if the finding says.
pub fn hint(lang: Lang, f: &Finding) -> Option<String> {
    f.hint.as_ref().map(|h| render(lang, h))
}

/// A code's short title in `lang` (`missing-value` → "Puuttuva arvo"),
/// shown beside the stable code wherever a person reads it.
pub fn title(lang: Lang, code: Code) -> String {
    render(lang, &Message::new("code-title").arg("code", code.as_str()))
}

/// "virhe" / "varoitus" and so on.
pub fn severity(lang: Lang, s: Severity) -> String {
    text(
        lang,
        match s {
            Severity::Error => "severity-error",
            Severity::Warning => "severity-warning",
        },
    )
}

/// One line: `file!sheet!cell: virhe[code]: message (hint)`, the severity
/// and the sentence in `lang`; the code stays as it is in every language
/// (scripts read it, and `--format json` has the severity as data).
pub fn line(lang: Lang, f: &Finding, color: bool) -> String {
    let sev = severity(lang, f.severity);
    let sev = sev.as_str();
    let sev = match (color, f.severity) {
        (true, Severity::Error) => format!("\x1b[1;31m{sev}\x1b[0m"),
        (true, Severity::Warning) => format!("\x1b[1;33m{sev}\x1b[0m"),
        _ => sev.to_string(),
    };
    let loc = if f.file.is_empty() {
        "*".to_string()
    } else {
        f.location()
    };
    // File and sheet names, values and so messages are the submitter's
    // text: escaped, so they cannot move the cursor or forge a line.
    let mut out = format!(
        "{}: {sev}[{}]: {}",
        terminal(&loc),
        f.code.as_str(),
        terminal(&message(lang, f))
    );
    if let Some(h) = hint(lang, f) {
        out.push_str(&format!(" ({})", terminal(&h)));
    }
    out
}

/// Another library's words about a finding, each line indented under it
/// and labelled in `lang` (`  lisätieto: …`), for `--verbose`; escaped,
/// since they may quote the file's bytes.
pub fn detail_lines(lang: Lang, detail: &str) -> String {
    let mut out = String::new();
    for line in detail.lines().filter(|l| !l.trim().is_empty()) {
        let line = render(lang, &Message::new("cli-detail").arg("detail", line));
        out.push_str("  ");
        out.push_str(&terminal(&line));
        out.push('\n');
    }
    out
}

/// A finding as `validate --format json` prints it: the data, and the
/// message, hint and title in the run's language.
#[derive(Debug, Serialize)]
pub struct FindingJson<'a> {
    /// Stable code.
    pub code: Code,
    /// The code's title in the language.
    pub title: String,
    /// Error or warning.
    pub severity: Severity,
    /// The input as given.
    pub file: &'a str,
    /// Sheet name, where one applies.
    pub sheet: Option<&'a str>,
    /// A1 reference, where one applies.
    pub cell: Option<&'a str>,
    /// 1-based row, where one applies.
    pub row: Option<u32>,
    /// The field's key, where one applies.
    pub field: Option<&'a str>,
    /// The value as the user typed it.
    pub value: Option<&'a str>,
    /// What is wrong, in the language.
    pub message: String,
    /// How to fix it, in the language.
    pub hint: Option<String>,
    /// Another library's own words, untranslated, where there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<&'a str>,
}

impl<'a> FindingJson<'a> {
    /// The JSON object of `f` in `lang`.
    pub fn new(lang: Lang, f: &'a Finding) -> FindingJson<'a> {
        FindingJson {
            code: f.code,
            title: title(lang, f.code),
            severity: f.severity,
            file: &f.file,
            sheet: f.sheet.as_deref(),
            cell: f.cell.as_deref(),
            row: f.row,
            field: f.field.as_deref(),
            value: f.value.as_deref(),
            message: message(lang, f),
            hint: hint(lang, f),
            detail: f.detail.as_deref(),
        }
    }
}
