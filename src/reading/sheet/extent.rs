//! Where a sheet's data ends and what lies beyond it: total rows (found,
//! checked against the rows above), rows below the total, columns without
//! a header, other sheets with measures, and the rows that lack a required
//! value or number (where merged ranges are worth looking up). Nothing a department
//! typed disappears without a finding.

use super::{Columns, SheetReader, find_header};
use crate::config::{FieldKey, Kind};
use crate::model::finding::{Code, Finding};
use crate::model::message::Message;
use crate::model::{Cell, Value};
use crate::reading::typing::{Typed, type_cell};
use crate::reading::{Book, Grid};
use crate::text::column_letters;

impl SheetReader<'_, '_> {
    /// Whether a data row (not blank, not an example or total row) has an
    /// empty cell in a required or numeric column (where a merged range
    /// may fill a value, or spread an amount over rows).
    pub(super) fn lacks_value(&self, header_row: u32, columns: &Columns) -> bool {
        let fields = &self.schema.config.fields;
        let required: Vec<u32> = columns
            .iter()
            .filter(|(_, f)| {
                fields[*f].required
                    || matches!(fields[*f].kind, Kind::Euro | Kind::Number | Kind::Whole)
            })
            .map(|(c, _)| *c)
            .collect();
        let prefilled = self.prefilled_columns(header_row, columns);
        (header_row + 1..self.grid.end_row()).any(|row| {
            required.iter().any(|&c| self.grid.get(row, c).is_blank())
                && !self.is_blank_row(row, &prefilled)
                && !self.is_example_row(row)
                && !self.is_total_row(row, columns)
        })
    }

    /// A row whose label is a total label (`Yhteensä`, `Yhteensä:`,
    /// `Kaikki yhteensä`, `Σ`) and whose choice cells (focus area, areas,
    /// status, themes) are empty: a measure's row names those, a total row
    /// does not, so a measure whose name starts with a total word is not
    /// taken for one. The label is the row's first filled cell, or, where
    /// that is a department or year a template prefilled, its first filled
    /// cell outside those columns (`Summa` typed in the measure column). A
    /// label merged across the row (A5:G5) fills the cells it covers with
    /// copies, which are the label, not choices.
    pub(super) fn is_total_row(&self, row: u32, columns: &Columns) -> bool {
        let fields = &self.schema.config.fields;
        let prefilled = |col: u32| {
            columns
                .iter()
                .any(|&(c, f)| c == col && matches!(fields[f].kind, Kind::Department | Kind::Year))
        };
        let is_label = |cell: &Cell| matches!(cell, Cell::Text(t) if self.schema.is_total_label(t));
        let mut filled = self.grid.filled_in_row(row);
        let Some((first_col, first)) = filled.next() else {
            return false;
        };
        let label_col = if is_label(first) {
            first_col
        } else if prefilled(first_col) {
            match filled.find(|(c, _)| !prefilled(*c)) {
                Some((c, cell)) if is_label(cell) => c,
                _ => return false,
            }
        } else {
            return false;
        };
        !self.names_what_a_measure_has(row, columns, Some(label_col))
    }

    /// Whether the row names a focus area, area, status or theme outside
    /// `label_col` (what a measure has and a total row does not): such a
    /// row is a measure whatever its first word or formulas say. A copy
    /// of a merged cell names nothing of its own.
    pub(super) fn names_what_a_measure_has(
        &self,
        row: u32,
        columns: &Columns,
        label_col: Option<u32>,
    ) -> bool {
        let fields = &self.schema.config.fields;
        columns.iter().any(|&(col, f)| {
            let cell = self.grid.get(row, col);
            // A number in the area, status or theme column is no area: a
            // total line cut short in a CSV (`Yhteensä;;;;110 000`) puts
            // its sum there. Focus areas are numbered, so a small number
            // there counts (a sum of hundreds or more does not).
            let number = cell.number();
            let number_out_of_place = number.is_some_and(|n| match fields[f].kind {
                Kind::Areas | Kind::Status | Kind::Themes => true,
                Kind::FocusArea => n >= 100.0,
                _ => false,
            });
            Some(col) != label_col
                && matches!(
                    fields[f].kind,
                    Kind::FocusArea | Kind::Areas | Kind::Status | Kind::Themes
                )
                && !cell.is_blank()
                && !number_out_of_place
                && !self.grid.is_merge_copy(row, col)
        })
    }

    /// A row without a label that has the shape of a total: nothing typed
    /// but numbers in the numeric columns (a template's prefilled
    /// department and year aside), and at least one euro figure equal to
    /// the sum of the data rows above (`sums`, by field) — the sums typed
    /// or summed under the columns. It is checked as a labelled total is
    /// (`total-mismatch` in a column that does not add up). A row of
    /// numbers that matches no sum is a measure lacking its name, and is
    /// read (and reported) as one.
    pub(super) fn is_unlabelled_total(
        &self,
        row: u32,
        columns: &Columns,
        sums: &[crate::model::parse::Cents],
    ) -> bool {
        let fields = &self.schema.config.fields;
        let kind_at = |col: u32| {
            columns
                .iter()
                .find(|(c, _)| *c == col)
                .map(|&(_, f)| fields[f].kind)
        };
        let shaped = self.grid.filled_in_row(row).all(|(col, _)| {
            matches!(
                kind_at(col),
                Some(Kind::Department | Kind::Year | Kind::Euro | Kind::Number | Kind::Whole)
            )
        });
        if !shaped {
            return false;
        }
        let mut matched = false;
        for &(col, f) in columns {
            if fields[f].kind != Kind::Euro {
                continue;
            }
            if let Typed::Value(Value::Money(c)) =
                type_cell(self.schema, &fields[f], &self.cell(row, col), self.mark)
            {
                matched |= c == sums[f] && c.0 != 0;
            }
        }
        matched
    }

    /// Whether a row below the total row is a measure someone added there:
    /// at least two fields a person types (not the department and year a
    /// template prefills) are filled, so a row that lacks only its name is
    /// read (and its missing name is an error) rather than left out.
    pub(super) fn looks_like_measure(
        &self,
        row: u32,
        columns: &Columns,
        prefilled: &[bool],
    ) -> bool {
        let typed = |col: u32| {
            !self.grid.get(row, col).is_blank()
                && !prefilled
                    .get((col - self.grid.first_col) as usize)
                    .copied()
                    .unwrap_or(true)
        };
        columns.iter().filter(|&&(c, _)| typed(c)).count() >= 2
    }

    /// Whether a row is a note under the measures (`Lähde:
    /// talousjärjestelmä 15.1.2022`) and not a measure lacking its fields:
    /// its only filled cell is a text of two words or more and 20
    /// characters or more in the sheet's first two columns, and no row below it looks like a
    /// measure. Named by [`Self::report_unread_row`] rather than as seven
    /// missing values (issue 17).
    pub(super) fn is_note_row(&self, row: u32, columns: &Columns, prefilled: &[bool]) -> bool {
        self.note_text(row).is_some()
            && (row + 1..self.grid.end_row())
                .all(|r| !self.looks_like_measure(r, columns, prefilled))
    }

    /// The column and text of a row whose only filled cell is a text of
    /// two words and 20 characters or more (a sentence, not a code) in the
    /// sheet's first two columns.
    pub(super) fn note_text(&self, row: u32) -> Option<(u32, &str)> {
        let mut filled = self.grid.filled_in_row(row);
        let (col, Cell::Text(t)) = filled.next()? else {
            return None;
        };
        (filled.next().is_none()
            && col <= self.grid.first_col + 1
            && t.split_whitespace().count() >= 2
            && t.chars().count() >= 20)
            .then_some((col, t.as_str()))
    }

    /// A section heading between the measures (`Painopiste 1` merged
    /// across the row): every filled cell of the row is one merged range
    /// of two or more columns. Not a measure; named by
    /// [`Self::report_unread_row`].
    pub(super) fn is_heading_row(&self, row: u32) -> bool {
        if self.grid.merged.is_empty() {
            return false;
        }
        let Some(m) = self
            .grid
            .merged
            .iter()
            .find(|m| m.first_row <= row && row <= m.last_row && m.last_col > m.first_col)
        else {
            return false;
        };
        self.grid
            .filled_in_row(row)
            .all(|(col, _)| (m.first_col..=m.last_col).contains(&col))
    }

    /// A filled row below the total row that is not a measure: named, so
    /// that nothing typed disappears in silence.
    pub(super) fn report_unread_row(&mut self, row: u32) {
        let Some((col, cell)) = self.first_filled(row) else {
            return;
        };
        let value = cell.display();
        let msg = Message::new("read-unread-row").arg("value", &value);
        let finding = self
            .finding(Code::UnreadContent, msg)
            .at(row, col)
            .value(value)
            .hint(Message::new("read-unread-row.hint"));
        self.findings.push(finding);
    }

    /// In a CSV, one past the header row's last filled column, and the
    /// header row's fields, empty ones included: a data row with a value
    /// past the first and more fields than the second is a shifted row.
    /// Excel pads every row to the sheet's used range, so a note under an
    /// empty header field has as many fields as the header: a column
    /// without a header, as in a workbook. `None` in a workbook.
    pub(super) fn csv_header_end(&self, header_row: u32) -> Option<(u32, u32)> {
        self.grid.csv_delimiter?;
        let last = self
            .grid
            .filled_in_row(header_row)
            .map(|(c, _)| c)
            .chain(self.grid.far_in_row(header_row).map(|(c, _)| c))
            .max()?;
        let fields = self
            .grid
            .csv_widths
            .get(header_row as usize)
            .copied()
            .unwrap_or(0);
        Some((last + 1, fields))
    }

    /// The `shifted-row` error for a CSV row with more than `fields` fields
    /// and a value at or right of `end` (see [`Self::csv_header_end`]), or
    /// a number split at its thousands comma ([`Self::split_group`]):
    /// a separator inside an unquoted
    /// value (`98,000` in a comma-separated file, `Mikkola; Hakunila` in a
    /// semicolon one) moved every value after it, so no figure of the row
    /// is taken where it landed. The error keeps the row out; true when
    /// the row is shifted.
    pub(super) fn report_shifted_row(&mut self, row: u32, (end, fields): (u32, u32)) -> bool {
        let grid = self.grid;
        if grid.csv_widths.get(row as usize).copied().unwrap_or(0) <= fields {
            return false;
        }
        let beyond = grid
            .filled_in_row(row)
            .chain(grid.far_in_row(row))
            .filter(|(c, v)| *c >= end && !v.is_blank())
            .min_by_key(|(c, _)| *c);
        let split = beyond.is_none().then(|| self.split_group(row)).flatten();
        let Some((col, value)) = beyond.or(split) else {
            return false;
        };
        let delimiter = match grid.csv_delimiter {
            Some(b'\t') => "TAB".to_string(),
            Some(d) => char::from(d).to_string(),
            None => return false,
        };
        let value = value.display();
        let msg = match split {
            // `75` and `000` of an unquoted `75,000`.
            Some(_) => Message::new("read-shifted-row-split")
                .arg("row", (row + 1).to_string())
                .arg("cell", crate::text::a1(row, col))
                .arg("first", grid.get(row, col - 1).display())
                .arg("value", value.clone()),
            None => Message::new("read-shifted-row")
                .arg("row", (row + 1).to_string())
                .arg("cell", crate::text::a1(row, col))
                .arg("value", value.clone())
                .arg("delimiter", delimiter),
        };
        let finding = self
            .finding(Code::ShiftedRow, msg)
            .at(row, col)
            .value(value)
            .hint(Message::new(if split.is_some() {
                "read-shifted-row-split.hint"
            } else {
                "read-shifted-row.hint"
            }));
        self.findings.push(finding);
        true
    }

    /// Each cell under the header that a merged range covers and that holds
    /// a value of its own ([`crate::reading::Grid::hidden_by_merge`]): the
    /// sheet shows the range's value there, so this one is not read; an
    /// `unread-content` warning names it, in every format alike.
    pub(super) fn report_hidden_by_merge(&mut self, header_row: u32) {
        let grid = self.grid;
        for (row, col, value) in &grid.hidden_by_merge {
            if *row <= header_row {
                continue;
            }
            let value = value.display();
            let msg = Message::new("read-hidden-by-merge")
                .arg("cell", crate::text::a1(*row, *col))
                .arg("value", value.clone());
            let finding = self
                .finding(Code::UnreadContent, msg)
                .at(*row, *col)
                .value(value)
                .hint(Message::new("read-hidden-by-merge.hint"));
            self.findings.push(finding);
        }
    }

    /// In a comma-separated row, a number split at its thousands comma:
    /// a cell of one to three digits followed by one of exactly three
    /// (`75` and `000` of an unquoted `75,000`), the second cell returned.
    /// Such a row is as wide as one ending in a spare comma when its last
    /// cell is empty, so only its cells tell it apart.
    fn split_group(&self, row: u32) -> Option<(u32, &Cell)> {
        if self.grid.csv_delimiter != Some(b',') {
            return None;
        }
        let digits = |c: &Cell, n: std::ops::RangeInclusive<usize>| matches!(c, Cell::Text(t) if n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()));
        let mut previous: Option<(u32, &Cell)> = None;
        for (col, cell) in self.grid.filled_in_row(row) {
            if let Some((p, before)) = previous
                && p + 1 == col
                && digits(before, 1..=3)
                && digits(cell, 3..=3)
            {
                return Some((col, cell));
            }
            previous = Some((col, cell));
        }
        None
    }

    /// Values in columns whose header cell is empty are not read: one
    /// finding per such column, at its first filled cell, with the count.
    pub(super) fn report_unheaded_columns(&mut self, header_row: u32) {
        let grid = self.grid;
        // Only the cells of columns without a header are looked at: those
        // within the header's width whose header is empty, and any past it
        // (this runs for every row; most rows have none).
        let (first, header) = grid.row_cells(header_row);
        let headed = |col: u32| {
            col.checked_sub(first)
                .and_then(|i| header.get(i as usize))
                .is_some_and(|h| !h.is_blank())
                || grid
                    .far_in_row(header_row)
                    .any(|(c, h)| c == col && !h.is_blank())
        };
        let gaps: Vec<u32> = (first..first + header.len() as u32)
            .filter(|&c| !headed(c))
            .collect();
        let mut found: Vec<(u32, u32, usize)> = Vec::new(); // col, first row, count
        for row in header_row + 1..grid.end_row() {
            let (_, cells) = grid.row_cells(row);
            let beyond = cells.len() > header.len() || grid.far_in_row(row).next().is_some();
            let in_gaps = gaps.iter().any(|&c| {
                cells
                    .get((c - first) as usize)
                    .is_some_and(|v| !v.is_blank())
            });
            if !(beyond || in_gaps) || self.is_example_row(row) {
                continue;
            }
            for (col, _) in grid.filled_in_row(row) {
                if headed(col) || grid.is_merge_copy(row, col) {
                    continue;
                }
                match found.iter_mut().find(|(c, ..)| *c == col) {
                    Some(entry) => entry.2 += 1,
                    None => found.push((col, row, 1)),
                }
            }
        }
        found.sort_unstable();
        for (col, row, count) in found {
            let msg = Message::new("read-unread-column")
                .arg("column", column_letters(col))
                .count("count", count);
            let value = grid.get(row, col).display();
            let finding = self.finding(Code::UnreadContent, msg).at(row, col);
            self.findings.push(
                finding
                    .value(value)
                    .hint(Message::new("read-unread-column.hint")),
            );
        }
    }

    /// Whether `grid`'s `header` row maps the measure name and all but at
    /// most one of the other required fields.
    fn is_measure_header(&self, grid: &Grid, header: u32) -> bool {
        let fields = &self.schema.config.fields;
        let mapped: Vec<usize> = (grid.first_col..grid.end_col())
            .filter_map(|c| match grid.get(header, c) {
                Cell::Text(t) => self.schema.field_of_header(t),
                _ => None,
            })
            .collect();
        let has = |key| mapped.iter().any(|&f| fields[f].role() == Some(key));
        let missing = fields
            .iter()
            .enumerate()
            .filter(|(i, f)| f.required && !mapped.contains(i))
            .count();
        // A measure name with a euro figure is a measure however few other
        // columns a second sheet has (`Toimenpide | Budjetti (€)`).
        has(FieldKey::Measure) && (missing <= 1 || has(FieldKey::Budget) || has(FieldKey::Spent))
    }

    /// Other sheets that also have a measure header and rows under it
    /// (one sheet per year, say): only one sheet is read, and the others
    /// are named.
    pub(super) fn report_other_measure_sheets(&mut self, book: &Book, read: usize) {
        for (i, other) in book.sheets.iter().enumerate() {
            if i == read {
                continue;
            }
            let Some(header) = find_header(other, self.schema) else {
                continue;
            };
            // A template's list sheet names departments, statuses and
            // areas too: a measure sheet's header names the measures and
            // nearly every required field, or a euro figure.
            if !self.is_measure_header(other, header) {
                continue;
            }
            let has_rows =
                (header + 1..other.end_row()).any(|r| other.filled_in_row(r).next().is_some());
            if !has_rows {
                continue;
            }
            let msg = Message::new("read-unread-sheet")
                .arg("sheet", &other.name)
                .arg("read", &self.grid.name);
            let finding = Finding::file(Code::UnreadContent, self.file, msg)
                .in_sheet(&other.name)
                .hint(Message::new("read-unread-sheet.hint"));
            self.findings.push(finding);
        }
    }
}
