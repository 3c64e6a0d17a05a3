//! The hint of a `no-measure-sheet` finding: where a sheet has a row that
//! names some required fields, say which required columns that row lacks,
//! rather than list every required column, some of which are there.

use crate::model::Cell;
use crate::model::message::{Arg, Message};
use crate::reading::schema::Schema;

use super::Grid;

/// The hint for a workbook in which no header row was found.
pub(super) fn no_sheet_hint(sheets: &[Grid], schema: &Schema) -> Message {
    let fields = &schema.config.fields;
    let header = |i: usize| -> Arg {
        Message::new("read-quoted")
            .arg("text", super::sheet::header_of(&fields[i]))
            .into()
    };
    let required: Vec<usize> = (0..fields.len()).filter(|&i| fields[i].required).collect();
    match best_row(sheets, schema) {
        Some((sheet, row, found)) if !found.is_empty() => {
            let missing: Vec<Arg> = required
                .iter()
                .filter(|i| !found.contains(i))
                .map(|&i| header(i))
                .collect();
            Message::new("read-no-sheet.hint-missing")
                .arg("sheet", &sheets[sheet].name)
                .arg("row", (row + 1).to_string())
                .count("count", missing.len())
                .arg("missing", Arg::List(missing))
        }
        _ => {
            let examples = required.iter().map(|&i| header(i)).collect();
            Message::new("read-no-sheet.hint").arg("examples", Arg::List(examples))
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
