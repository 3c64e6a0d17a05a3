//! Total rows checked against the measure rows they add up: a grand total
//! under the list, the section subtotals of Excel's Data→Subtotal (under
//! each section, or above it with "summary below data" unchecked, the
//! grand total then directly under the header), and a table's total row.
//! The checks run once every row is read, since a subtotal above its
//! section adds up rows below it.

use super::{Columns, SheetReader, header_of};
use crate::config::{Field, Kind};
use crate::model::finding::Code;
use crate::model::message::Message;
use crate::model::parse::Cents;
use crate::model::{Cell, Value};
use crate::reading::formula::is_subtotal_formula;
use crate::reading::grid::RowHidden;
use crate::reading::typing::{Typed, type_cell};

/// The euro figures of the rows read as measures (rows with errors too,
/// as the running sums count them), to check total rows against.
#[derive(Debug, Default)]
pub(super) struct DataRows {
    /// The euro fields (indices into the configuration's fields).
    fields: Vec<usize>,
    /// Absolute 0-based rows, in order.
    rows: Vec<u32>,
    /// `fields.len()` figures per row (0 where a cell held none).
    euros: Vec<Cents>,
}

impl DataRows {
    /// An empty list for the euro fields of `fields`.
    pub(super) fn new(fields: &[Field]) -> DataRows {
        DataRows {
            fields: (0..fields.len())
                .filter(|&f| fields[f].kind == Kind::Euro)
                .collect(),
            ..DataRows::default()
        }
    }

    /// Records a data row's euro figures (`values`, by field).
    pub(super) fn push(&mut self, row: u32, values: &[Option<Value>]) {
        self.rows.push(row);
        for &f in &self.fields {
            self.euros.push(match values.get(f) {
                Some(Some(Value::Money(c))) => *c,
                _ => Cents::default(),
            });
        }
    }

    /// The sum of field `f` over the rows `keep` selects, and how many rows.
    fn sum(&self, f: usize, keep: impl Fn(u32) -> bool) -> (Cents, usize) {
        let Some(slot) = self.fields.iter().position(|&g| g == f) else {
            return (Cents::default(), 0);
        };
        let width = self.fields.len();
        let mut total = Cents::default();
        let mut n = 0;
        for (i, &r) in self.rows.iter().enumerate() {
            if keep(r) {
                total += self.euros[i * width + slot];
                n += 1;
            }
        }
        (total, n)
    }
}

/// A sum formula over one range of the total's own column: `SUM(H2:H5)`,
/// `SUBTOTAL(9,H2:H5)` or `SUBTOTAL(109,$H$2:$H$5)` (0-based rows, inclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
struct SumRange {
    first: u32,
    last: u32,
    /// SUBTOTAL's rows left out: `None` for SUM, `Some(true)` for 109 (every
    /// hidden row), `Some(false)` for 9 (filtered rows).
    subtotal: Option<bool>,
}

impl SumRange {
    fn parse(formula: &str, col: u32) -> Option<SumRange> {
        let f = formula
            .trim()
            .trim_start_matches('=')
            .to_ascii_uppercase()
            .replace(['$', ' '], "");
        let (inner, subtotal) = if let Some(r) = f.strip_prefix("SUM(") {
            (r, None)
        } else if let Some(r) = f
            .strip_prefix("SUBTOTAL(9,")
            .or(f.strip_prefix("SUBTOTAL(9;"))
        {
            (r, Some(false))
        } else if let Some(r) = f
            .strip_prefix("SUBTOTAL(109,")
            .or(f.strip_prefix("SUBTOTAL(109;"))
        {
            (r, Some(true))
        } else {
            return None;
        };
        let (a, b) = inner.strip_suffix(')')?.split_once(':')?;
        let ((ra, ca), (rb, cb)) = (crate::text::parse_a1(a)?, crate::text::parse_a1(b)?);
        (ca == col && cb == col).then_some(SumRange {
            first: ra.min(rb),
            last: ra.max(rb),
            subtotal,
        })
    }

    /// Whether a row of the range counts.
    fn counts(&self, row: u32, hidden: Option<RowHidden>) -> bool {
        (self.first..=self.last).contains(&row)
            && !matches!(
                (self.subtotal, hidden),
                (Some(true), Some(_)) | (Some(false), Some(RowHidden::Filtered))
            )
    }
}

impl SheetReader<'_, '_> {
    /// The formula of a cell, with a stored result or without.
    fn formula_at(&self, row: u32, col: u32) -> Option<String> {
        match self.raw_cell(row, col).as_ref() {
            Cell::FormulaWithoutValue(f) => Some(f.clone()),
            _ => self.grid.formula(row, col).map(str::to_string),
        }
    }

    /// Whether a euro column of the row holds a `SUBTOTAL` formula: a
    /// subtotal row, whatever its label (an Excel table's total row, a
    /// Data→Subtotal row whose label was cleared), unless the row names a
    /// focus area, area, status or theme: a measure whose actual is
    /// Excel's AutoSum in a filtered list (`=SUBTOTAL(9,K2:N2)`, its
    /// quarters) stays a measure.
    pub(super) fn has_subtotal_formula(&self, row: u32, columns: &Columns) -> bool {
        let fields = &self.schema.config.fields;
        !self.names_what_a_measure_has(row, columns, None)
            && columns.iter().any(|&(col, f)| {
                fields[f].kind == Kind::Euro
                    && self
                        .formula_at(row, col)
                        .is_some_and(|f| is_subtotal_formula(&f))
            })
    }

    /// Checks each total row's euro figures (`totals`: absolute 0-based
    /// rows, in order) against the measure rows (`data`) it adds up.
    pub(super) fn check_total_rows(&mut self, totals: &[u32], columns: &Columns, data: &DataRows) {
        for (i, &row) in totals.iter().enumerate() {
            let previous = i.checked_sub(1).map(|k| totals[k]);
            let next = totals.get(i + 1).copied();
            for &(col, f) in columns {
                match self.schema.config.fields[f].kind {
                    Kind::Euro => self.check_total_cell(row, (col, f), (previous, next), data),
                    // Sums of FTE and people are a total row's too.
                    Kind::Number | Kind::Whole => {}
                    kind => self.report_total_out_of_place(row, col, kind),
                }
            }
        }
    }

    /// A number in a total row's column of text, codes or choices (a total
    /// line cut short in a CSV: `Yhteensä;;;;110 000`): not under a euro
    /// column, so neither checked nor read, and said so. A year in the year
    /// column (a template prefills it) and a focus area's number are what
    /// such a row may hold.
    fn report_total_out_of_place(&mut self, row: u32, col: u32, kind: Kind) {
        let cell = self.cell(row, col);
        let number = cell.number();
        let expected = |n: f64| match kind {
            Kind::Year => (1900.0..=2100.0).contains(&n),
            Kind::FocusArea => n < 100.0,
            _ => false,
        };
        if number.is_none_or(expected) {
            return;
        }
        let value = cell.display();
        let msg = Message::new("read-total-out-of-place")
            .arg("cell", crate::text::a1(row, col))
            .arg("value", value.clone());
        let finding = self
            .finding(Code::UnreadContent, msg)
            .at(row, col)
            .value(value)
            .hint(Message::new("read-total-out-of-place.hint"));
        self.findings.push(finding);
    }

    /// One euro figure of a total row. A sum formula over its own column
    /// is checked against the measure rows in its range (the rows a
    /// SUBTOTAL counts); any other figure is right when it is the sum of
    /// the measure rows above it, of its section (since the total row
    /// before), of the section below it (up to the next total row: a
    /// subtotal above its data), or of all of them; if none, the mismatch
    /// names the section's sum (or the sum above).
    fn check_total_cell(
        &mut self,
        row: u32,
        (col, f): (u32, usize),
        (previous, next): (Option<u32>, Option<u32>),
        data: &DataRows,
    ) {
        let field = &self.schema.config.fields[f];
        let above = |r: u32| r < row;
        let first_above = data.rows.first().copied().unwrap_or(row);
        let last_above = data.rows.iter().rev().find(|&&r| r < row).copied();
        // The template's own SUM over this column's data rows is the sum of
        // the rows whatever its stored result: nothing to check (and text
        // typed as euros, which SUM skips, is not a mismatch).
        if let Some(last) = last_above
            && is_column_sum(&self.raw_cell(row, col), col, (first_above, last))
        {
            return;
        }
        let cell = self.cell(row, col);
        let total = match type_cell(self.schema, field, &cell, self.mark) {
            Typed::Value(Value::Money(total)) => total,
            Typed::Problem(p) if p.code == Code::FormulaWithoutValue => {
                let finding = self
                    .finding(p.code, p.message)
                    .at(row, col)
                    .field(field.key.get_ref())
                    .value(cell.display());
                self.findings.push(match p.hint {
                    Some(h) => finding.hint(h),
                    None => finding,
                });
                return;
            }
            _ => return,
        };
        let value = cell.display();
        if let Some(range) = self
            .formula_at(row, col)
            .and_then(|fm| SumRange::parse(&fm, col))
        {
            let (sum, _) = data.sum(f, |r| range.counts(r, self.grid.row_hidden(r)));
            if sum != total && !self.only_cent_rounding(row, col, (range.first, range.last)) {
                let shown = format!(
                    "{}:{}",
                    crate::text::a1(range.first, col),
                    crate::text::a1(range.last, col)
                );
                let msg = Message::new("read-subtotal-mismatch")
                    .arg("field", header_of(field))
                    .arg("range", shown)
                    .arg("total", total)
                    .arg("sum", sum)
                    .arg("diff", total - sum);
                self.push_mismatch(row, col, field, msg, value, "read-subtotal-mismatch.hint");
            }
            return;
        }
        let (sum_above, _) = data.sum(f, above);
        let (section, in_section) = data.sum(f, |r| r < row && previous.is_none_or(|p| r > p));
        let (below, _) = data.sum(f, |r| r > row && next.is_none_or(|n| r < n));
        let (all, _) = data.sum(f, |_| true);
        let rounding =
            last_above.is_some_and(|last| self.only_cent_rounding(row, col, (first_above, last)));
        if [sum_above, section, below, all].contains(&total) || rounding {
            return;
        }
        let sum = if previous.is_some() && in_section > 0 {
            section
        } else {
            sum_above
        };
        let msg = Message::new("read-total-mismatch")
            .arg("field", header_of(field))
            .arg("total", total)
            .arg("sum", sum)
            .arg("diff", total - sum);
        self.push_mismatch(row, col, field, msg, value, "read-total-mismatch.hint");
    }

    fn push_mismatch(
        &mut self,
        row: u32,
        col: u32,
        field: &Field,
        msg: Message,
        value: String,
        hint: &'static str,
    ) {
        let finding = self
            .finding(Code::TotalMismatch, msg)
            .at(row, col)
            .field(field.key.get_ref())
            .value(value)
            .hint(Message::new(hint));
        self.findings.push(finding);
    }

    /// Whether a total row's figure and the sum of the rows above differ
    /// only by each figure's rounding to cents: every cell of the column is
    /// a number (or empty), and the total equals the sum of
    /// the stored figures before rounding (three thirds of 100 000 € are
    /// 33 333,33 € each as read, 99 999,99 € together, and the total row's
    /// 100 000 € is right). Half a cent is the most a stored amount is
    /// rounded by.
    fn only_cent_rounding(&self, row: u32, col: u32, (first, last): (u32, u32)) -> bool {
        // As evaluated where the file stores no result (XlsxWriter's 0).
        let number = |r: u32| match self.cell(r, col).as_ref() {
            Cell::Number(v) => Some(*v),
            Cell::Empty => Some(0.0),
            _ => None,
        };
        let Some(total) = number(row) else {
            return false;
        };
        let mut sum = 0.0;
        for r in first..=last.min(self.grid.end_row().saturating_sub(1)) {
            match number(r) {
                Some(v) => sum += v,
                None => return false,
            }
        }
        (total - sum).abs() < 0.005
    }
}

/// Whether a formula without a stored value is `SUM(X<a>:X<b>)` over column
/// `col`, starting at or above the first data row and ending at or below
/// the last one (0-based, inclusive).
fn is_column_sum(cell: &Cell, col: u32, (first, last): (u32, u32)) -> bool {
    let Cell::FormulaWithoutValue(f) = cell else {
        return false;
    };
    SumRange::parse(f, col)
        .is_some_and(|r| r.subtotal.is_none() && r.first <= first && r.last >= last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_ranges_in_the_forms_writers_store() {
        let r = |first, last, subtotal| {
            Some(SumRange {
                first,
                last,
                subtotal,
            })
        };
        assert_eq!(SumRange::parse("SUM($H$2:$H$5)", 7), r(1, 4, None));
        assert_eq!(
            SumRange::parse("=SUBTOTAL(9,H2:H5)", 7),
            r(1, 4, Some(false))
        );
        assert_eq!(
            SumRange::parse("subtotal(109; H5:H2)", 7),
            r(1, 4, Some(true))
        );
        assert_eq!(SumRange::parse("SUBTOTAL(101,H2:H5)", 7), None);
        assert_eq!(SumRange::parse("SUM(I2:I5)", 7), None);
        assert_eq!(SumRange::parse("SUM(H2:H5)+1", 7), None);
    }
}
