//! The hint of a `no-measure-sheet` finding: where a sheet has a row that
//! names some required fields, say which required columns that row lacks,
//! rather than list every required column, some of which are there.

use crate::i18n::{Lang, fill};
use crate::model::Cell;
use crate::reading::schema::Schema;

use super::Grid;

/// The hint for a workbook in which no header row was found.
pub(super) fn no_sheet_hint(sheets: &[Grid], schema: &Schema, lang: Lang) -> String {
    let t = lang.texts();
    let fields = &schema.config.fields;
    let header = |i: usize| format!("\"{}\"", fields[i].header.get(lang));
    let required: Vec<usize> = (0..fields.len()).filter(|&i| fields[i].required).collect();
    match best_row(sheets, schema) {
        Some((sheet, row, found)) if !found.is_empty() => {
            let missing: Vec<String> = required
                .iter()
                .filter(|i| !found.contains(i))
                .map(|&i| header(i))
                .collect();
            fill(
                t.no_sheet_missing_hint,
                &[
                    ("sheet", &sheets[sheet].name),
                    ("row", &(row + 1).to_string()),
                    ("missing", &missing.join(", ")),
                ],
            )
        }
        _ => {
            let examples: Vec<String> = required.iter().map(|&i| header(i)).collect();
            fill(t.no_sheet_hint, &[("examples", &examples.join(", "))])
        }
    }
}

/// The row (sheet index, 0-based row, required fields it names) among the
/// rows searched for a header that names the most required fields.
fn best_row(sheets: &[Grid], schema: &Schema) -> Option<(usize, u32, Vec<usize>)> {
    let mut best: Option<(usize, u32, Vec<usize>)> = None;
    for (s, grid) in sheets.iter().enumerate() {
        let last = grid
            .end_row()
            .min(grid.first_row + super::sheet::HEADER_SEARCH_ROWS);
        for row in grid.first_row..last {
            let mut found = Vec::new();
            for col in grid.first_col..grid.end_col() {
                if let Cell::Text(t) = grid.get(row, col)
                    && let Some(f) = schema.field_of_header(t)
                    && schema.config.fields[f].required
                    && !found.contains(&f)
                {
                    found.push(f);
                }
            }
            if best.as_ref().is_none_or(|b| found.len() > b.2.len()) {
                best = Some((s, row, found));
            }
        }
    }
    best
}
