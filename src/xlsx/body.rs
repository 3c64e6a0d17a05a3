//! The large sheets' data rows (measures, per department, area split,
//! findings), described once and written by either of two writers.
//!
//! A sheet's rows are a [`Body`]: a function that writes the cells of data
//! row `i` into a [`Cells`]. [`super::fast`] writes them as SpreadsheetML on
//! every core and splices them into the package; [`super::plain`] hands the
//! same cells to rust_xlsxwriter, which is the reference the fast writer is
//! tested against (see [`super::Writer`]).

use std::sync::OnceLock;

/// Where a row's cells go. Rows are numbered as rust_xlsxwriter numbers
/// them (0-based, the header is row 0); the writer starts and ends each row.
pub(crate) trait Cells {
    /// The current row's number as Excel shows it (from 1).
    fn row(&self) -> u32;
    /// A text cell; nothing for empty text (rust_xlsxwriter skips it too).
    fn string(&mut self, col: u16, s: &str);
    /// A number cell.
    fn number(&mut self, col: u16, v: f64);
    /// The formula `f` with `numbers` put between its parts, with its
    /// computed result.
    fn row_formula(&mut self, col: u16, f: &RowFormula, numbers: &[u32], cached: Cached);
    /// A reusable text buffer for composing cells, to give back with
    /// [`put_scratch`](Self::put_scratch).
    fn take_scratch(&mut self) -> String;
    /// Gives the text buffer back.
    fn put_scratch(&mut self, s: String);
}

/// A formula's stored result.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cached<'a> {
    Number(f64),
    Text(&'a str),
}

impl Cached<'_> {
    /// The result as rust_xlsxwriter's `Formula::set_result` takes it.
    pub fn text(&self) -> String {
        match self {
            Cached::Number(v) => v.to_string(),
            Cached::Text(s) => s.to_string(),
        }
    }
}

/// A formula whose text differs from row to row only in numbers, such as
/// `IF(H7>0,I7/H7,"–")`: its literal parts, with the numbers to go between
/// them.
pub(crate) struct RowFormula {
    pub(super) parts: Vec<String>,
    /// What the fast writer derives from the parts once per sheet (their
    /// escaped bytes); empty until it first writes the formula.
    pub(super) prepared: OnceLock<(Vec<Vec<u8>>, bool)>,
}

impl RowFormula {
    /// The formula `parts[0]`, number 0, `parts[1]`, number 1, and so on.
    pub fn new(parts: &[&str]) -> Self {
        RowFormula {
            parts: parts.iter().map(|p| p.to_string()).collect(),
            prepared: OnceLock::new(),
        }
    }

    /// The whole text with `numbers` in place, into `out` (emptied first).
    pub fn text_into(&self, numbers: &[u32], out: &mut String) {
        use std::fmt::Write as _;
        out.clear();
        for (i, part) in self.parts.iter().enumerate() {
            out.push_str(part);
            if let Some(n) = numbers.get(i) {
                let _ = write!(out, "{n}");
            }
        }
    }
}

/// A large sheet's data rows, laid out in the workbook (name, header row,
/// widths, column formats) by rust_xlsxwriter and filled by a writer.
pub(crate) struct Body<'a> {
    /// The sheet's place among the worksheets, from 1.
    pub sheet: usize,
    /// Data rows (below the header row).
    pub rows: usize,
    /// Columns the rows fill, for the sheet's dimension.
    pub cols: u16,
    /// Writes the cells of data row `i` (0-based) into the row started.
    pub write: Box<RowFn<'a>>,
    /// Internal links from cells of the rows, if any.
    pub links: Option<Links>,
}

/// Writes the cells of one data row (by its 0-based index) into a row.
pub(crate) type RowFn<'a> = dyn Fn(usize, &mut dyn Cells) + Sync + 'a;

/// Links from column `col` of data row `i` to cell `A{targets[i]}` of
/// `sheet`; the cell shows the target's row number, written by the row
/// function as text.
pub(crate) struct Links {
    pub col: u16,
    pub sheet: String,
    pub targets: Vec<Option<u32>>,
}

impl Links {
    /// The link's location, as rust_xlsxwriter writes an internal link's
    /// (`'Sheet'!A7`).
    pub fn location(&self, target: u32) -> String {
        super::names::sheet_ref(&self.sheet, &format!("A{target}"))
    }
}
