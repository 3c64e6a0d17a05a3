//! Exports of the merged measures for BI tools: CSV (Finnish-Excel style or
//! plain) and JSON.

use serde::Serialize;

pub use crate::error::ExportError;

use crate::config::{Choice, Config};
use crate::i18n::Lang;
use crate::merging::Consolidation;
use crate::model::field::{CSV_EXPORT, Column, FieldKey};

/// Which CSV dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// UTF-8 with BOM, `;` separator, decimal comma, CRLF: opens right in a Finnish-locale Excel.
    #[default]
    Finnish,
    /// UTF-8, `,` separator, decimal point, LF.
    Plain,
}

fn names(list: &[Choice], idx: &[usize], lang: Lang) -> Vec<String> {
    idx.iter()
        .map(|&i| list[i].name.get(lang).to_string())
        .collect()
}

/// One cell of a CSV record. Every text cell is guarded when written, so
/// no column (names, file and sheet names, source cells, headers) can slip
/// past the formula-injection guard; numbers written as numbers are not.
pub enum CsvCell {
    /// Text: guarded with `'` when it begins like a formula.
    Text(String),
    /// A number already formatted by [`csv_number`] (or a whole number).
    Number(String),
}

/// A CSV writer of the dialect that guards every text cell ([`CsvCell`]).
pub struct CsvOut {
    inner: csv::Writer<Vec<u8>>,
}

impl CsvOut {
    /// A writer of the dialect: Finnish (BOM, `;`, CRLF) or plain (`,`, LF).
    pub fn new(style: CsvStyle) -> CsvOut {
        let (delimiter, terminator) = match style {
            CsvStyle::Finnish => (b';', csv::Terminator::CRLF),
            CsvStyle::Plain => (b',', csv::Terminator::Any(b'\n')),
        };
        let mut out = Vec::new();
        if style == CsvStyle::Finnish {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        let inner = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .from_writer(out);
        CsvOut { inner }
    }

    /// Writes one record, guarding its text cells. A record of another
    /// length than the first is refused.
    pub fn row(&mut self, cells: impl IntoIterator<Item = CsvCell>) -> Result<(), ExportError> {
        let record: Vec<String> = cells
            .into_iter()
            .map(|c| match c {
                CsvCell::Text(s) => crate::text::csv_guard(&s),
                CsvCell::Number(s) => s,
            })
            .collect();
        Ok(self.inner.write_record(&record)?)
    }

    /// Writes a record of text cells (a header row).
    pub fn text_row<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> Result<(), ExportError> {
        self.row(
            cells
                .into_iter()
                .map(|s| CsvCell::Text(s.as_ref().to_string())),
        )
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Result<Vec<u8>, ExportError> {
        self.inner
            .into_inner()
            .map_err(|e| ExportError::CsvFlush(e.into_error()))
    }
}

/// A number for CSV: whole numbers without decimals, else two; decimal
/// comma in the Finnish dialect.
pub fn csv_number(v: f64, style: CsvStyle) -> String {
    let s = if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    };
    if style == CsvStyle::Finnish {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The merged measures as CSV.
pub fn csv_bytes(
    cons: &Consolidation,
    config: &Config,
    lang: Lang,
    style: CsvStyle,
) -> Result<Vec<u8>, ExportError> {
    use CsvCell::{Number as N, Text as T};
    let num = |v: f64| N(csv_number(v, style));
    let text = |s: Option<&str>| T(s.unwrap_or("").to_string());
    let mut w = CsvOut::new(style);
    w.text_row(crate::reading::schema::export_header(config, lang))?;
    for r in &cons.rows {
        let m = r.measure;
        let record = CSV_EXPORT.map(|c| match c {
            Column::Field(key) => match key {
                FieldKey::Id => text(m.id.as_deref()),
                FieldKey::Department => {
                    T(config.departments[m.department].name.get(lang).to_string())
                }
                FieldKey::FocusArea => {
                    text(m.focus_area.map(|f| config.focus_areas[f].name.get(lang)))
                }
                FieldKey::Measure => T(m.name.to_string()),
                FieldKey::Areas => T(names(&config.areas, &m.areas, lang).join("; ")),
                FieldKey::Status => text(m.status.map(|s| config.statuses[s].name.get(lang))),
                FieldKey::Year => N(m.year.map(|y| y.to_string()).unwrap_or_default()),
                FieldKey::Budget => num(m.budget.euros()),
                FieldKey::Spent => m.spent.map(|s| num(s.euros())).unwrap_or(N(String::new())),
                FieldKey::Fte => m.fte.map(num).unwrap_or(N(String::new())),
                FieldKey::Themes => T(names(&config.themes, &m.themes, lang).join("; ")),
                FieldKey::Schedule => text(m.schedule.as_deref()),
                FieldKey::Reached => N(m.reached.map(|p| p.to_string()).unwrap_or_default()),
                FieldKey::ImpactStory => text(m.impact_story.as_deref()),
                FieldKey::Contact => text(m.contact.as_deref()),
            },
            Column::SourceFile => T(r.source.file.display.to_string()),
            Column::SourceCell => T(format!(
                "{}!{}",
                r.source.sheet.as_deref().unwrap_or(""),
                m.source_cell
            )),
            // Not in the export: the utilisation is the reader's to work out.
            Column::Utilisation | Column::Share => T(String::new()),
        });
        w.row(record)?;
    }
    w.into_bytes()
}

/// One measure of the JSON export. Its members are named by the fields'
/// keys ([`FieldKey::as_str`], checked by a test), with each choice's name
/// beside its code and the source of the row at the end.
#[derive(Serialize, Default)]
struct JsonMeasure<'a> {
    id: Option<&'a str>,
    department: &'a str,
    department_name: &'a str,
    focus_area: Option<&'a str>,
    focus_area_name: Option<&'a str>,
    measure: &'a str,
    areas: Vec<String>,
    status: Option<&'a str>,
    status_name: Option<&'a str>,
    year: Option<i32>,
    budget_eur: f64,
    spent_eur: Option<f64>,
    fte: Option<f64>,
    themes: Vec<String>,
    schedule: Option<&'a str>,
    reached: Option<i64>,
    impact_story: Option<&'a str>,
    contact: Option<&'a str>,
    source_file: &'a str,
    source_sheet: Option<&'a str>,
    source_cell: &'a str,
}

/// The merged measures as a JSON array.
pub fn json_bytes(
    cons: &Consolidation,
    config: &Config,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let items: Vec<JsonMeasure> = cons
        .rows
        .iter()
        .map(|r| {
            let m = r.measure;
            let d = &config.departments[m.department];
            let f = m.focus_area.map(|f| &config.focus_areas[f]);
            let s = m.status.map(|s| &config.statuses[s]);
            JsonMeasure {
                id: m.id.as_deref(),
                department: d.code.get_ref(),
                department_name: d.name.get(lang),
                focus_area: f.map(|f| f.code.get_ref().as_str()),
                focus_area_name: f.map(|f| f.name.get(lang)),
                measure: &m.name,
                areas: names(&config.areas, &m.areas, lang),
                status: s.map(|s| s.code.get_ref().as_str()),
                status_name: s.map(|s| s.name.get(lang)),
                year: m.year,
                budget_eur: m.budget.euros(),
                spent_eur: m.spent.map(|c| c.euros()),
                fte: m.fte,
                themes: names(&config.themes, &m.themes, lang),
                schedule: m.schedule.as_deref(),
                reached: m.reached,
                impact_story: m.impact_story.as_deref(),
                contact: m.contact.as_deref(),
                source_file: &r.source.file.display,
                source_sheet: r.source.sheet.as_deref(),
                source_cell: &m.source_cell,
            }
        })
        .collect();
    json_text(&items)
}

/// `value` as pretty-printed JSON ending in a newline.
pub fn json_text(value: &impl Serialize) -> Result<Vec<u8>, ExportError> {
    let mut out = serde_json::to_vec_pretty(value)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{CsvCell, CsvOut, CsvStyle, ExportError, FieldKey, JsonMeasure, csv_number};

    #[test]
    fn json_members_are_named_by_the_field_keys() {
        let json = serde_json::to_value(JsonMeasure::default()).unwrap();
        for key in FieldKey::ALL {
            assert!(json.get(key.as_str()).is_some(), "{key}");
        }
    }

    #[test]
    fn formula_like_text_is_guarded() {
        assert_eq!(
            crate::text::csv_guard("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(crate::text::csv_guard("+cmd"), "'+cmd");
        assert_eq!(crate::text::csv_guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(crate::text::csv_guard("Kesäruokailu"), "Kesäruokailu");
    }

    #[test]
    fn every_text_cell_is_guarded_and_numbers_are_not() {
        let mut w = CsvOut::new(CsvStyle::Plain);
        w.text_row(["-header", "ok", "n"]).unwrap();
        w.row([
            CsvCell::Text("\tx".into()),
            CsvCell::Text("\rx".into()),
            CsvCell::Number(csv_number(-5.0, CsvStyle::Plain)),
        ])
        .unwrap();
        let text = String::from_utf8(w.into_bytes().unwrap()).unwrap();
        assert_eq!(text, "'-header,ok,n\n'\tx,\"'\rx\",-5\n");
    }

    /// A record the writer refuses is an error, not a row silently left
    /// out of the export (it was dropped before).
    #[test]
    fn a_refused_record_is_an_error() {
        let mut w = CsvOut::new(CsvStyle::Plain);
        w.text_row(["a", "b"]).unwrap();
        let err = w.text_row(["only one"]).unwrap_err();
        assert!(matches!(err, ExportError::Csv(_)), "{err}");
    }
}
