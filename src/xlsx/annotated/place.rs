//! Where each cell of a submission's measure sheet goes in its annotated
//! copy, which has the template's shape: the data rows the reader read,
//! in their order, under the template's header, each value in its field's
//! column. What has no place there (a column the reader did not know,
//! titles, notes below the table) is listed on a sheet of its own, so no
//! value the department typed is lost.

use std::collections::BTreeMap;

use crate::config::{Config, Kind};
use crate::model::{Cell, Value};
use crate::reading::schema::Schema;
use crate::reading::{Grid, Submission};
use crate::xlsx::template::measure_values;

/// The mapping from a submission's measure sheet to its annotated copy.
#[derive(Debug)]
pub(super) struct Placement {
    /// The data rows read (0-based), in sheet order; the i-th goes to the
    /// copy's i-th data row.
    pub rows: Vec<u32>,
    /// Copy row offset (0-based index among data rows) by original row.
    offset: BTreeMap<u32, u32>,
    /// Field index by original column (0-based).
    field_of: BTreeMap<u32, usize>,
    /// The values typed by the reader, by original row and field index.
    typed: BTreeMap<u32, Vec<Option<Value>>>,
    /// Rows whose mapped cells stand for the template's own (0-based): the
    /// header, and the total row whose figures the copy's live sums
    /// replace. A template's example row is here too.
    replaced_rows: Vec<u32>,
    /// The total row (0-based), if the sheet has one.
    total: Option<u32>,
    /// The header row (0-based), if found.
    header: Option<u32>,
    /// The mapped columns a template prefills on its empty rows
    /// (department and year): a row with nothing else is an empty row.
    prefilled: Vec<u32>,
}

/// A value kooste could not place: where it stood, its cell on the
/// measure sheet (0-based) if it stood there, the copy's data row offset
/// of its row if that row was placed, and the value.
pub(super) struct Unplaced {
    /// The original cell (`P3`), or as an earlier copy listed it.
    pub origin: String,
    pub at: Option<(u32, u32)>,
    pub placed_row: Option<u32>,
    pub cell: Cell,
}

impl Placement {
    /// The placement of `sub`, read from `grid` (its measure sheet).
    pub fn new(grid: &Grid, sub: &Submission, config: &Config) -> Placement {
        let mut typed: BTreeMap<u32, Vec<Option<Value>>> = BTreeMap::new();
        for m in &sub.measures {
            typed.insert(m.source.row - 1, measure_values(m, config));
        }
        for (row, values) in &sub.partial {
            typed.insert(row - 1, values.clone());
        }
        let rows: Vec<u32> = typed.keys().copied().collect();
        let offset = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, i as u32))
            .collect();
        let mut replaced_rows: Vec<u32> = sub.header_row.map(|h| h - 1).into_iter().collect();
        replaced_rows.extend(sub.total_row);
        if let Some(example) = example_row(grid, sub, config) {
            replaced_rows.push(example);
        }
        Placement {
            rows,
            offset,
            field_of: sub.columns.iter().map(|(c, f)| (*c, *f)).collect(),
            typed,
            replaced_rows,
            total: sub.total_row,
            header: sub.header_row.map(|h| h - 1),
            prefilled: sub
                .columns
                .iter()
                .filter(|(_, f)| matches!(config.fields[*f].kind, Kind::Department | Kind::Year))
                .map(|(c, _)| *c)
                .collect(),
        }
    }

    /// The original column (0-based) of field `f`, if the sheet has it.
    pub fn column_of(&self, f: usize) -> Option<u32> {
        self.field_of
            .iter()
            .find(|(_, g)| **g == f)
            .map(|(c, _)| *c)
    }

    /// The sheet's first mapped column (0-based), if any.
    pub fn first_column(&self) -> Option<u32> {
        self.field_of.keys().next().copied()
    }

    /// Where the original cell (0-based) stands in the copy: the data row
    /// offset and the field index, if it was placed.
    pub fn place(&self, row: u32, col: u32) -> Option<(u32, usize)> {
        Some((*self.offset.get(&row)?, *self.field_of.get(&col)?))
    }

    /// The field of a cell of the total row, whose counterpart in the copy
    /// is the template's total row.
    pub fn in_total(&self, row: u32, col: u32) -> Option<usize> {
        (self.total == Some(row)).then(|| self.field_of.get(&col).copied())?
    }

    /// The value the reader typed from a placed cell, if any.
    pub fn typed(&self, row: u32, f: usize) -> Option<&Value> {
        self.typed.get(&row)?.get(f)?.as_ref()
    }

    /// Every cell of the sheet with something in it that has no place in
    /// the copy, in sheet order. What the copy holds as it is is not
    /// listed: the header's known names, a template's example row, the
    /// total row's figures (the copy's are live sums), a template's empty
    /// rows (only department and year prefilled) and the lines above its
    /// header that the copy's template writes the same (`heading`, the
    /// template's lines in column A).
    pub fn unplaced(&self, grid: &Grid, heading: &[String]) -> Vec<Unplaced> {
        let empty_row = |r: u32| {
            !self.offset.contains_key(&r)
                && grid
                    .filled_in_row(r)
                    .all(|(c, cell)| cell.is_blank() || self.prefilled.contains(&c))
        };
        let same_heading = |r: u32, c: u32, cell: &Cell| {
            c == 0
                && self.header.is_some_and(|h| r < h)
                && heading
                    .get(r as usize)
                    .is_some_and(|t| *t == cell.display())
        };
        grid.cells()
            .filter(|(_, _, cell)| !cell.is_blank())
            .filter(|(r, c, _)| self.place(*r, *c).is_none())
            .filter(|(r, c, _)| !(self.replaced_rows.contains(r) && self.field_of.contains_key(c)))
            .filter(|(r, c, cell)| !empty_row(*r) && !same_heading(*r, *c, cell))
            .map(|(row, col, cell)| Unplaced {
                origin: crate::text::a1(row, col),
                at: Some((row, col)),
                placed_row: self.offset.get(&row).copied(),
                cell: cell.clone(),
            })
            .collect()
    }
}

/// The values an earlier annotated copy listed as having no place (its
/// sheet `earlier`: an intro line, a header, then original cell, copy row
/// and value a row), carried into the new copy's list so that a copy
/// annotated again loses none of them.
pub(super) fn carried(earlier: &Grid, header_row: u32, value_col: u32) -> Vec<Unplaced> {
    (header_row + 1..earlier.end_row())
        .filter(|r| !earlier.get(*r, value_col).is_blank())
        .map(|r| Unplaced {
            origin: earlier.get(r, 0).display(),
            at: None,
            placed_row: None,
            cell: earlier.get(r, value_col).clone(),
        })
        .collect()
}

/// A template's example row below the header, if the sheet has one: the
/// reader skips it as the row that shows how to fill in.
fn example_row(grid: &Grid, sub: &Submission, config: &Config) -> Option<u32> {
    let row = sub.header_row?;
    let schema = Schema::new(config);
    let first = grid.filled_in_row(row).next()?;
    matches!(first.1, Cell::Text(t) if schema.is_example_label(t)).then_some(row)
}

/// What the copy writes into a placed cell: the cell as the department
/// typed it, but a number the reader read from text or from a formula as
/// that number (a euro column of a CSV file holds text), so that the
/// template's sums count it and the copy reads back the same, and the
/// result of a formula the file stored none for but the reader evaluated
/// as its value (`text_of` says a value in words: a choice by its name).
/// A cell with a finding stays exactly as typed: it is what the department
/// corrects.
pub(super) fn shown(
    cell: &Cell,
    typed: Option<&Value>,
    kind: Kind,
    flagged: bool,
    text_of: &dyn Fn(&Value) -> String,
) -> Cell {
    if flagged || matches!(cell, Cell::Number(_)) {
        return cell.clone();
    }
    let number = match (kind, typed) {
        (Kind::Euro, Some(Value::Money(c))) => Some(c.euros()),
        (Kind::Number, Some(Value::Number(n))) => Some(*n),
        (Kind::Whole, Some(Value::Whole(n))) => Some(*n as f64),
        (Kind::Year, Some(Value::Year(y))) => Some(f64::from(*y)),
        _ => None,
    };
    match (number, cell, typed) {
        (Some(n), _, _) => Cell::Number(n),
        (None, Cell::FormulaWithoutValue(_), Some(v)) => Cell::Text(text_of(v).into()),
        _ => cell.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::Cents;

    #[test]
    fn numbers_read_from_text_are_written_as_numbers_unless_flagged() {
        let text = Cell::Text("90 000 €".into());
        let words = |v: &Value| format!("{v:?}");
        let shown = |c: &Cell, v: Option<&Value>, k: Kind, f: bool| shown(c, v, k, f, &words);
        let money = Value::Money(Cents(9_000_000));
        assert_eq!(
            shown(&text, Some(&money), Kind::Euro, false),
            Cell::Number(90_000.0)
        );
        assert_eq!(shown(&text, Some(&money), Kind::Euro, true), text);
        let status = Cell::Text("valmis".into());
        assert_eq!(shown(&status, None, Kind::Status, false), status);
        assert_eq!(
            shown(&Cell::Number(12.5), Some(&money), Kind::Euro, false),
            Cell::Number(12.5)
        );
        let formula = Cell::FormulaWithoutValue("Perustiedot!B1".into());
        let choice = Value::Choice(0);
        assert_eq!(
            shown(&formula, Some(&choice), Kind::Department, false),
            Cell::Text("Choice(0)".into())
        );
        assert_eq!(
            shown(&formula, Some(&choice), Kind::Department, true),
            formula
        );
    }
}
