//! What a caller adds to the reading of one file without touching the
//! file: extra header spellings (a column the person matched to a field)
//! and corrections of single cells. The web app keeps both in its
//! register and passes them on every read of the submission; the
//! corrections read are listed in the outputs' sources, so a figure that
//! rests on one traces to it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use compact_str::CompactString;

use super::Book;
use crate::model::Cell;
use crate::text::{normalise, parse_a1};

/// One file's adjustments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adjustments {
    /// Extra header spellings: a header text as the file has it → the key
    /// of the field it names (`Kustannusarvio` → `budget_eur`). A key the
    /// configuration does not have is ignored.
    pub headers: Vec<(String, String)>,
    /// Cell corrections, applied in order (a later one of the same cell wins).
    pub corrections: Vec<Correction>,
}

impl Adjustments {
    /// Whether there is nothing to adjust.
    pub fn is_empty(&self) -> bool {
        self.headers.is_empty() && self.corrections.is_empty()
    }
}

/// Adjustments by input file path, as the run's inputs name the files.
pub type AdjustmentsByFile = BTreeMap<PathBuf, Adjustments>;

/// A corrected cell: its new value as text, typed by its column's kind
/// like any cell (`"90 000 €"`), and who corrected it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The sheet's name.
    pub sheet: String,
    /// The A1 reference (`H7`).
    pub cell: String,
    /// The value as text; empty clears the cell.
    pub value: String,
    /// Who made it (shown in the sources).
    pub by: String,
    /// When, UTC RFC 3339 (shown in the sources).
    pub at: String,
}

/// A correction as it was applied: the cell's value before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The correction.
    pub correction: Correction,
    /// The cell's value in the file, as text (empty for an empty cell).
    pub before: String,
}

/// Why a correction could not be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// No sheet of that name.
    NoSheet,
    /// Not an A1 reference.
    BadCell,
    /// Outside the sheet's used range.
    OutsideSheet,
}

/// Where a correction would land: the sheet's index and the 0-based cell,
/// or why it cannot.
pub fn locate(book: &Book, sheet: &str, cell: &str) -> Result<(usize, u32, u32), Misfit> {
    // A text file's one sheet is named after the file, which a caller
    // may have stored under another name: any name selects it.
    let only_text = book.format == super::Format::Csv && book.sheets.len() == 1;
    let i = book
        .sheets
        .iter()
        .position(|g| g.name == sheet)
        .or(only_text.then_some(0))
        .ok_or(Misfit::NoSheet)?;
    let (row, col) = parse_a1(cell).ok_or(Misfit::BadCell)?;
    let g = &book.sheets[i];
    if row < g.first_row || col < g.first_col || row >= g.end_row() || col >= g.end_col() {
        return Err(Misfit::OutsideSheet);
    }
    Ok((i, row, col))
}

/// Applies `corrections` (oldest first) to the cells read, before
/// anything is typed; returns those in effect with the value the file
/// has there. A cell corrected again keeps only its newest correction,
/// and its value before is still the file's, not the earlier
/// correction's: the sources list what the file said and what is read.
/// One that does not fit the file (a sheet it lacks, a cell outside the
/// sheet) is left out.
pub fn apply(book: &mut Book, corrections: &[Correction]) -> Vec<Applied> {
    let mut applied: Vec<Applied> = Vec::new();
    let mut at: BTreeMap<(usize, u32, u32), usize> = BTreeMap::new();
    for c in corrections {
        let Ok((i, row, col)) = locate(book, &c.sheet, &c.cell) else {
            continue;
        };
        let cell = if c.value.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(CompactString::from(c.value.as_str()))
        };
        let Some(before) = book.sheets[i].correct(row, col, cell) else {
            continue;
        };
        match at.get(&(i, row, col)) {
            Some(&k) => applied[k].correction = c.clone(),
            None => {
                at.insert((i, row, col), applied.len());
                applied.push(Applied {
                    correction: c.clone(),
                    before: before.display(),
                });
            }
        }
    }
    applied
}

/// The header spellings of `headers` as normalised text → field key, for
/// the schema's look-up.
pub(crate) fn normalised_headers(headers: &[(String, String)]) -> Vec<(String, &str)> {
    headers
        .iter()
        .map(|(h, k)| (normalise(h), k.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::{Format, Grid};

    fn book() -> Book {
        let rows = vec![
            vec![Cell::Text("Nimi".into()), Cell::Text("Budjetti".into())],
            vec![Cell::Text("A".into()), Cell::Text("90 000 €".into())],
        ];
        Book {
            format: Format::Csv,
            sheets: vec![Grid::new("S".into(), 0, 0, rows, false)],
            notes: Vec::new(),
        }
    }

    fn correction(cell: &str, value: &str) -> Correction {
        Correction {
            sheet: "S".into(),
            cell: cell.into(),
            value: value.into(),
            by: "admin".into(),
            at: "2021-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_cell_corrected_again_keeps_the_newest_and_the_files_value_before() {
        let mut b = book();
        let done = apply(&mut b, &[correction("B2", "1 €"), correction("b2", "2 €")]);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].before, "90 000 €");
        assert_eq!(done[0].correction.value, "2 €");
        assert_eq!(b.sheets[0].get(1, 1).display(), "2 €");
    }

    #[test]
    fn a_correction_replaces_the_cell_and_keeps_the_value_before() {
        let mut b = book();
        let done = apply(&mut b, &[correction("B2", "1 000 €")]);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].before, "90 000 €");
        assert_eq!(b.sheets[0].get(1, 1).display(), "1 000 €");
    }

    #[test]
    fn a_cell_in_a_row_only_far_cells_reach_is_corrected() {
        let mut b = book();
        let far = std::collections::BTreeMap::from([((5000, 1), Cell::Text("x".into()))]);
        b.sheets[0] = b.sheets[0].clone().with_far(far);
        let done = apply(
            &mut b,
            &[correction("B5001", "y"), correction("A4000", "z")],
        );
        assert_eq!(done.len(), 2);
        assert_eq!(done[0].before, "x");
        assert_eq!(b.sheets[0].get(5000, 1).display(), "y");
        assert_eq!(b.sheets[0].get(3999, 0).display(), "z");
        assert!(b.sheets[0].rows.len() < 10, "the dense rows were not grown");
    }

    #[test]
    fn a_cell_outside_the_sheet_or_a_missing_sheet_changes_nothing() {
        let mut b = book();
        assert_eq!(locate(&b, "S", "C1"), Err(Misfit::OutsideSheet));
        assert_eq!(locate(&b, "S", "A99"), Err(Misfit::OutsideSheet));
        assert_eq!(
            locate(&b, "T", "A1"),
            Ok((0, 0, 0)),
            "a text file's one sheet"
        );
        let mut x = book();
        x.format = Format::Xlsx;
        assert_eq!(locate(&x, "T", "A1"), Err(Misfit::NoSheet));
        assert_eq!(locate(&b, "S", "1A"), Err(Misfit::BadCell));
        let done = apply(&mut b, &[correction("Z9", "x")]);
        assert!(done.is_empty());
    }
}
