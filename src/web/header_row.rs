//! A file in which the reader found no header row at all (its finding is
//! `no-measure-sheet`: say a department's own column names in another
//! wording, too few of them a spelling of a field), so no column is
//! offered as `unknown-column` for matching. The file's page shows a
//! candidate header row instead: by default, among the rows the reader
//! searches for a header, the one with the most text cells (of the sheet
//! where that count is highest); the person may pick another sheet or
//! row. Each of its cells is offered beside the fields it might be, as
//! an unknown column is ([`super::columns`]), and the choices are saved
//! as the department's column matches. The reader then finds the header
//! row by those spellings and reads the file as any other; nothing is
//! guessed for the person, and the file is not touched.

use serde::Deserialize;

use crate::model::Cell;
use crate::reading::{Book, Grid};
use crate::text::a1;

/// How many rows from a sheet's first are looked at, as the reader looks
/// for a header (`reading::sheet`'s search).
pub const SEARCH_ROWS: u32 = 50;

/// The most cells of a row offered (a row wider than any programme's
/// columns is a table of something else).
pub const MAX_CELLS: usize = 100;

/// The sheet and row asked for on the file's page (`?sheet=&row=`, the
/// row 1-based as a spreadsheet program shows it).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Pick {
    /// The sheet's name.
    pub sheet: Option<String>,
    /// The row, 1-based, as typed: a field left empty or not a number
    /// shows the likeliest row rather than refuse the page.
    pub row: Option<String>,
    /// What the redirect after a form says was saved: `columns` or
    /// `correction` (POST/redirect/GET, see [`super::fix_page::saved`]).
    pub saved: Option<String>,
    /// Why the last form was not taken: a key of
    /// [`super::fix_page::REFUSALS`] (POST/redirect/GET as `saved`).
    pub refused: Option<String>,
}

/// The row offered as the header, and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Every sheet's name, for the choice of sheet.
    pub sheets: Vec<String>,
    /// The sheet shown.
    pub sheet: String,
    /// The row shown, 1-based.
    pub row: u32,
    /// Its non-empty cells: the A1 reference and the text.
    pub cells: Vec<(String, String)>,
    /// The last row the reader searches for a header, 1-based.
    pub last_row: u32,
    /// A row asked for past [`Candidate::last_row`]: refused, since the
    /// reader would never find a header there (the likeliest is shown).
    pub beyond: Option<u32>,
    /// A row asked for that the sheet does not fill (0, or past its last
    /// filled row): the likeliest is shown instead, and said so.
    pub outside: Option<u32>,
    /// A sheet asked for that the file does not have: the likeliest sheet
    /// is shown instead, and said so.
    pub no_sheet: Option<String>,
}

/// Percent-encodes `v` for a query string.
pub fn query_value(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// How many cells of `row` hold text (a header's cells do).
fn text_cells(grid: &Grid, row: u32) -> usize {
    (grid.first_col..grid.end_col())
        .filter(|&c| matches!(grid.get(row, c), Cell::Text(t) if !t.trim().is_empty()))
        .count()
}

/// The first row of `grid` among those searched with the most text
/// cells, and that count.
fn likeliest_row(grid: &Grid) -> (u32, usize) {
    let last = grid.end_row().min(grid.first_row + SEARCH_ROWS);
    (grid.first_row..last)
        .map(|r| (r, text_cells(grid, r)))
        .fold(
            (grid.first_row, 0),
            |best, (r, n)| if n > best.1 { (r, n) } else { best },
        )
}

/// The candidate header row of `book`: `pick`'s sheet and row where they
/// are in the file, else the likeliest. `None` for a book without cells.
pub fn candidate(book: &Book, pick: &Pick) -> Option<Candidate> {
    // A sheet field left empty asks for none.
    let named = pick.sheet.as_ref().filter(|n| !n.trim().is_empty());
    let asked = named.and_then(|n| book.sheets.iter().find(|g| &g.name == n));
    // The sheet whose likeliest row has the most text cells; the first
    // such sheet on a tie, as the reader prefers the earlier sheet.
    let likeliest = || {
        book.sheets
            .iter()
            .filter(|g| !g.hidden)
            .fold(None::<(&Grid, usize)>, |best, g| {
                let n = likeliest_row(g).1;
                match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((g, n)),
                }
            })
            .map(|(g, _)| g)
    };
    let grid = asked.or_else(likeliest)?;
    // A text file's one sheet answers to any name (the name it was sent
    // under, which the stored copy does not have).
    let text = book.format == crate::reading::Format::Csv;
    let no_sheet = named.cloned().filter(|_| asked.is_none() && !text);
    // The row asked for is of the sheet asked for: of another, the
    // likeliest is shown.
    let asked_row = pick
        .row
        .as_deref()
        .filter(|_| no_sheet.is_none())
        .and_then(|r| r.trim().parse::<u32>().ok());
    let last_row = grid.first_row + SEARCH_ROWS;
    let likeliest_row = likeliest_row(grid).0;
    let (row, beyond, outside) = match asked_row {
        Some(r) if r > last_row && r <= grid.end_row() => (likeliest_row, Some(r), None),
        Some(r) if r > grid.first_row && r <= grid.end_row() => (r - 1, None, None),
        // A number the sheet does not reach; no number at all (a field
        // left empty) simply shows the likeliest.
        Some(r) => (likeliest_row, None, Some(r)),
        None => (likeliest_row, None, None),
    };
    let cells = (grid.first_col..grid.end_col())
        .filter_map(|c| {
            let text = grid.get(row, c).display();
            let text = text.trim();
            (!text.is_empty()).then(|| (a1(row, c), text.to_string()))
        })
        .take(MAX_CELLS)
        .collect();
    Some(Candidate {
        sheets: book.sheets.iter().map(|g| g.name.clone()).collect(),
        sheet: grid.name.clone(),
        row: row + 1,
        cells,
        last_row,
        beyond,
        outside,
        no_sheet,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(text: &str) -> Book {
        let path = std::path::Path::new("oma.csv");
        crate::reading::open(path, text.as_bytes(), &crate::reading::Limits::default()).unwrap()
    }

    #[test]
    fn a_sheet_or_row_the_file_lacks_is_said_not_swapped_in_silence() {
        let mut b = book("Yksikkö;Hanke\nKYMP;Pihat\n");
        // As a workbook's: its sheets answer to their own names only.
        b.format = crate::reading::Format::Xlsx;
        let nope = Pick {
            sheet: Some("Nope".into()),
            row: Some("20".into()),
            ..Pick::default()
        };
        let c = candidate(&b, &nope).unwrap();
        assert_eq!(c.no_sheet.as_deref(), Some("Nope"));
        // The row asked for was of the sheet asked for: not this one's.
        assert_eq!((c.sheet.as_str(), c.row, c.outside), ("oma", 1, None));
        let far = Pick {
            sheet: Some("oma".into()),
            row: Some("20".into()),
            ..Pick::default()
        };
        assert_eq!(candidate(&b, &far).unwrap().outside, Some(20));
        let fine = Pick {
            sheet: Some("oma".into()),
            row: Some("2".into()),
            ..Pick::default()
        };
        let c = candidate(&b, &fine).unwrap();
        assert_eq!((c.no_sheet, c.outside, c.row), (None, None, 2));
    }

    #[test]
    fn the_row_with_the_most_text_cells_is_offered_and_another_may_be_picked() {
        let b = book("Kaupunkiympäristö 2021;;\n\nYksikkö;Hanke;Kustannusarvio\nKYMP;Pihat;1000\n");
        let c = candidate(&b, &Pick::default()).unwrap();
        assert_eq!((c.sheet.as_str(), c.row), ("oma", 3));
        let cells: Vec<(&str, &str)> = c
            .cells
            .iter()
            .map(|(a, t)| (a.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            cells,
            [("A3", "Yksikkö"), ("B3", "Hanke"), ("C3", "Kustannusarvio")]
        );
        let first = Pick {
            sheet: Some("oma".into()),
            row: Some("1".into()),
            ..Pick::default()
        };
        assert_eq!(candidate(&b, &first).unwrap().cells.len(), 1);
        // A row outside the sheet, none or no number: the likeliest instead.
        for row in ["999", "", "kolme"] {
            let other = Pick {
                sheet: None,
                row: Some(row.into()),
                ..Pick::default()
            };
            assert_eq!(candidate(&b, &other).unwrap().row, 3, "{row:?}");
        }
    }
}
