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
    /// Gives the current row the height of `lines` lines of text
    /// ([`LINE_POINTS`] each, at most [`MAX_LINES`]); one line (or none) is
    /// the default height and writes nothing. Readers such as LibreOffice
    /// do not grow a row to its wrapped text when they open an xlsx, so
    /// without a stored height the lines of wrapped cells overlap.
    fn lines(&mut self, lines: u32);
}

/// The height of a line of text in the default font (Calibri 11), in
/// points: Excel's default row height (20 pixels).
pub(crate) const LINE_POINTS: u32 = 15;

/// The most lines a row is given: 27 lines are 405 points, and Excel's
/// tallest row is 409 points.
pub(crate) const MAX_LINES: u32 = 27;

/// How many lines `s` takes wrapped in a column `width` characters wide
/// (Excel's width unit, the width of a `0`): words are laid greedily on
/// lines of `width * 11 / 10` characters, a word longer than a line is
/// broken, and a newline starts a line. An estimate from character counts:
/// printed from LibreOffice (Carlito for Calibri 11), the samples' text
/// took 1.1 to 1.3 characters per `0` a line; the lower end is used, as a
/// row too short hides text and one a little too tall only leaves space.
/// Text mostly of capitals or other wide letters can still need more.
/// At least 1, at most [`MAX_LINES`].
pub(crate) fn wrapped_lines(s: &str, width: u16) -> u32 {
    let cap = (u32::from(width) * 11 / 10).max(1);
    // Most cells are shorter than a line: no more bytes than the line holds
    // characters, and no line break.
    if s.len() <= cap as usize && !s.as_bytes().contains(&b'\n') {
        return 1;
    }
    let (mut lines, mut used) = (1u32, 0u32);
    for (n, para) in s.split('\n').enumerate() {
        if n > 0 {
            lines += 1;
            used = 0;
        }
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count() as u32;
            let need = if used == 0 { len } else { used + 1 + len };
            if need <= cap {
                used = need;
            } else {
                if used > 0 {
                    lines += 1;
                }
                // A long word fills whole lines; its end starts the last.
                lines += (len - 1) / cap;
                used = (len - 1) % cap + 1;
            }
            if lines >= MAX_LINES {
                return MAX_LINES;
            }
        }
    }
    lines
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_lay_words_greedily_and_break_long_ones() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("abc def", 10), 1);
        // Lines of 11 characters: "abcd efg ij" fits, " k" does not.
        assert_eq!(wrapped_lines("abcd efg ij", 10), 1);
        assert_eq!(wrapped_lines("abcd efg ij k", 10), 2);
        assert_eq!(wrapped_lines("abcdefghijkl", 10), 2);
        // "ab", then 23 characters over three lines (11, 11, 1).
        assert_eq!(wrapped_lines("ab abcdefghijklmnopqrstuvw", 10), 4);
        assert_eq!(wrapped_lines("a\nb\n\nc", 10), 4);
        assert_eq!(wrapped_lines("ääää öööö", 9), 1, "characters, not bytes");
        assert_eq!(wrapped_lines(&"x ".repeat(10_000), 10), MAX_LINES);
    }
}
