//! Units written outside the header cells (issue 17): in the title block
//! or a group row above the header (`Toimenpiteet 2021 (t€)`, `Luvut
//! tuhansina euroina`, a pandas two-row header whose upper row says `t€`),
//! and in a row of units right under the header (`€ | € | htv`). Each is
//! read by the rule of a unit inside the header cell
//! (`SheetReader::reports_unknown_unit`): euros, FTE and people are read,
//! and a euro column said to be in thousands or millions is an
//! `unknown-unit` error at the cell that says so, its numbers not read:
//! they would be a thousand times off.

use super::{Columns, SheetReader, header_of};
use crate::config::Kind;
use crate::model::Cell;
use crate::model::finding::Code;
use crate::model::message::{Arg, Message};
use crate::reading::units;
use crate::text::a1;

impl SheetReader<'_, '_> {
    /// Reads the rows above the header for a unit of thousands or millions
    /// of euros. Where one is stated and the sheet has euro columns, an
    /// `unknown-unit` error names the cell and the phrase, and the euro
    /// columns are taken out of `columns` (not read). A title merged
    /// across columns is looked at once, at its first cell.
    pub(super) fn check_title_units(&mut self, header_row: u32, columns: &mut Columns) {
        let fields = &self.schema.config.fields;
        let euro = |f: usize| fields[f].kind == Kind::Euro;
        if !columns.iter().any(|&(_, f)| euro(f)) {
            return;
        }
        let grid = self.grid;
        let above = (grid.first_row..header_row).find_map(|row| {
            grid.filled_in_row(row).find_map(|(col, cell)| match cell {
                Cell::Text(t) if !grid.is_merge_copy(row, col) => {
                    units::scale_stated(t).map(|(_, unit)| (row, col, t.to_string(), unit, false))
                }
                _ => None,
            })
        });
        // A note under the last measure (`Luvut tuhansina euroina`) says
        // the same: the notes at the foot of the sheet, up to the first
        // row that is not one.
        let found = above.or_else(|| {
            (header_row + 1..grid.end_row())
                .rev()
                .filter(|&r| grid.filled_in_row(r).next().is_some())
                .map_while(|r| self.note_text(r).map(|(c, t)| (r, c, t)))
                .find_map(|(r, c, t)| {
                    units::scale_stated(t).map(|(_, unit)| (r, c, t.to_string(), unit, true))
                })
        });
        // The message says where the unit was stated: above the header
        // (the title area) or in a note under the measures.
        let Some((row, col, text, unit, foot)) = found else {
            return;
        };
        let names: Vec<Arg> = columns
            .iter()
            .filter(|&&(_, f)| euro(f))
            .map(|&(_, f)| header_of(&fields[f]))
            .collect();
        let (msg, hint) = match foot {
            false => (
                Message::new("read-unknown-unit-title"),
                Message::new("read-unknown-unit-title.hint"),
            ),
            true => (
                Message::new("read-unknown-unit-footnote"),
                Message::new("read-unknown-unit-footnote.hint"),
            ),
        };
        let msg = msg
            .arg("cell", a1(row, col))
            .arg("unit", unit.as_str())
            .arg("fields", Arg::List(names));
        let finding = self
            .finding(Code::UnknownUnit, msg)
            .at(row, col)
            .value(text.trim().to_string())
            .hint(hint.arg("unit", unit.as_str()));
        self.findings.push(finding);
        columns.retain(|&(_, f)| !euro(f));
    }

    /// Whether the row right under the header is a row of units (`€`,
    /// `t€`, `1 000 €`, `htv`, `kpl`; every filled cell a unit, one at
    /// least under a euro, FTE or people column). Such a row belongs to the
    /// header: it is not read as a measure, and its units are read as a
    /// header's are. A unit the column's field is not read in (`t€` under
    /// a budget) is an `unknown-unit` error at its cell and the column is
    /// taken out of `columns`; the row itself is named by a `unit-row`
    /// warning, so the reading can be checked.
    pub(super) fn read_unit_row(&mut self, header_row: u32, columns: &mut Columns) -> bool {
        let row = header_row + 1;
        if row >= self.grid.end_row() {
            return false;
        }
        let fields = &self.schema.config.fields;
        let numeric = |f: usize| matches!(fields[f].kind, Kind::Euro | Kind::Number | Kind::Whole);
        let mut cells: Vec<(u32, String)> = Vec::new();
        for (col, cell) in self.grid.filled_in_row(row) {
            match cell {
                Cell::Text(t) if units::is_unit_text(t) => cells.push((col, t.trim().to_string())),
                _ => return false,
            }
        }
        let under_numeric = cells
            .iter()
            .any(|(c, _)| columns.iter().any(|&(col, f)| col == *c && numeric(f)));
        if !under_numeric {
            return false;
        }
        let mut dropped = Vec::new();
        for (col, unit) in &cells {
            let Some(&(_, f)) = columns.iter().find(|(c, _)| c == col) else {
                continue;
            };
            if !numeric(f) || units::header_unit_allowed(unit, fields[f].kind) {
                continue;
            }
            let header = self.grid.get(header_row, *col).display();
            let msg = Message::new("read-unknown-unit")
                .arg("header", format!("{} / {unit}", header.trim()))
                .arg("unit", unit.as_str());
            let finding = self
                .finding(Code::UnknownUnit, msg)
                .at(row, *col)
                .field(fields[f].key.get_ref())
                .value(unit.clone())
                .hint(Message::new("read-unknown-unit.hint").arg("unit", unit.as_str()));
            self.findings.push(finding);
            dropped.push(*col);
        }
        columns.retain(|(c, _)| !dropped.contains(c));
        let shown: Vec<Arg> = cells.iter().map(|(_, u)| Arg::Text(u.clone())).collect();
        let (first, first_unit) = &cells[0];
        let msg = Message::new("read-unit-row")
            .arg("row", (row + 1).to_string())
            .arg("units", Arg::List(shown));
        let finding = self
            .finding(Code::UnitRow, msg)
            .at(row, *first)
            .value(first_unit.clone())
            .hint(Message::new("read-unit-row.hint"));
        self.findings.push(finding);
        true
    }
}
