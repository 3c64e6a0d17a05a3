//! Hidden columns that name a field (issue 17): a department hides last
//! year's `Toteuma (€)` and types this year's figures in a new visible
//! column under a header kooste does not know. The hidden column is never
//! read in silence: it is a `hidden-column` warning at its header cell
//! when it is the only column that may hold the field, and an error (the
//! column not read) when a visible column may hold the same figures.

use super::{Columns, SheetReader, header_of};
use crate::config::Kind;
use crate::model::Cell;
use crate::model::finding::{Code, Severity};
use crate::model::message::Message;
use crate::text::column_letters;

/// How many data rows are looked at to tell whether a visible column holds
/// numbers.
const SAMPLE_ROWS: u32 = 50;

impl SheetReader<'_, '_> {
    /// Names each mapped column the sheet hides; one that a visible,
    /// unrecognised column may stand in for is taken out of `columns`.
    /// `last_header` is the header's last row (its unit row, if any).
    pub(super) fn check_hidden_columns(
        &mut self,
        header_row: u32,
        last_header: u32,
        columns: &mut Columns,
    ) {
        let grid = self.grid;
        if grid.hidden_columns.is_empty() {
            return;
        }
        let fields = &self.schema.config.fields;
        let mut dropped = Vec::new();
        for &(col, f) in columns.iter() {
            if !grid.is_column_hidden(col) {
                continue;
            }
            let header = grid.get(header_row, col).display();
            let numeric = matches!(fields[f].kind, Kind::Euro | Kind::Number | Kind::Whole);
            let rival = self.visible_rival(header_row, last_header, columns, f, numeric);
            let msg = match &rival {
                Some((other_col, other)) => Message::new("read-hidden-column-ambiguous")
                    .arg("visible", column_letters(*other_col))
                    .arg("other", other.trim()),
                None => Message::new("read-hidden-column"),
            };
            let msg = msg
                .arg("column", column_letters(col))
                .arg("header", header.trim())
                .arg("field", header_of(&fields[f]));
            let hint = match rival {
                Some(_) => Message::new("read-hidden-column-ambiguous.hint"),
                None => Message::new("read-hidden-column.hint"),
            }
            .arg("field", header_of(&fields[f]));
            let mut finding = self
                .finding(Code::HiddenColumn, msg)
                .at(header_row, col)
                .field(fields[f].key.get_ref())
                .value(header.clone())
                .hint(hint);
            if rival.is_some() {
                finding = finding.severity(Severity::Error);
                dropped.push(col);
            }
            self.findings.push(finding);
        }
        columns.retain(|(c, _)| !dropped.contains(c));
    }

    /// The first visible column not read that may hold the figures of
    /// field `f` of a hidden column: one whose header names `f` too (a
    /// `duplicate-column`), or names no field and holds, in its first data
    /// rows, numbers (for a numeric field) or text under a header closest
    /// to `f` (for another).
    fn visible_rival(
        &self,
        header_row: u32,
        last_header: u32,
        columns: &Columns,
        f: usize,
        numeric: bool,
    ) -> Option<(u32, String)> {
        let grid = self.grid;
        let end = grid.end_row().min(last_header + 1 + SAMPLE_ROWS);
        (grid.first_col..grid.end_col()).find_map(|col| {
            let cell = grid.get(header_row, col);
            if cell.is_blank()
                || grid.is_column_hidden(col)
                || columns.iter().any(|(c, _)| *c == col)
            {
                return None;
            }
            let header = cell.display();
            match self.schema.field_of_header(&header) {
                Some(g) if g == f => return Some((col, header)),
                Some(_) => return None,
                None if !numeric && self.schema.closest_field(&header) != Some(f) => return None,
                None => {}
            }
            let holds = |row: u32| match grid.get(row, col) {
                Cell::Number(_) => true,
                Cell::Text(t) => !numeric || t.chars().any(|c| c.is_ascii_digit()),
                Cell::Empty => false,
                _ => !numeric,
            };
            (last_header + 1..end)
                .any(holds)
                .then(|| (col, cell.display()))
        })
    }
}
