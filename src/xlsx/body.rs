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
    // One pass over the bytes (this runs for every text cell of a
    // 200 000-row sheet): a word ends at a space or a newline, and its
    // length in characters is the count of bytes that start a character.
    // Splitting into lines and words and counting each word's characters
    // took a tenth of `merge` at 100 × 2 000.
    let (mut lines, mut used, mut len) = (1u32, 0u32, 0u32);
    for &b in s.as_bytes() {
        if b == b' ' || b == b'\n' {
            if len > 0 {
                lay_word(len, cap, &mut lines, &mut used);
                if lines >= MAX_LINES {
                    return MAX_LINES;
                }
                len = 0;
            }
            if b == b'\n' {
                lines += 1;
                used = 0;
            }
        } else if b & 0xC0 != 0x80 {
            len += 1;
        }
    }
    if len > 0 {
        lay_word(len, cap, &mut lines, &mut used);
        if lines >= MAX_LINES {
            return MAX_LINES;
        }
    }
    lines
}

/// Lays a word of `len` characters after `used` characters of the current
/// line (lines of `cap` characters): on it after a space if it fits, else
/// from the next line, a word longer than a line filling whole lines.
fn lay_word(len: u32, cap: u32, lines: &mut u32, used: &mut u32) {
    let need = if *used == 0 { len } else { *used + 1 + len };
    if need <= cap {
        *used = need;
    } else {
        if *used > 0 {
            *lines += 1;
        }
        // A long word fills whole lines; its end starts the last.
        *lines += (len - 1) / cap;
        *used = (len - 1) % cap + 1;
    }
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

    /// The plain form of [`wrapped_lines`] (lines split, then words, each
    /// word's characters counted), which the one-pass form must equal.
    fn wrapped_lines_reference(s: &str, width: u16) -> u32 {
        let cap = (u32::from(width) * 11 / 10).max(1);
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

    #[test]
    fn wrapped_lines_equal_the_plain_form() {
        // Texts of words from pieces of one to several bytes a character,
        // spaces (runs of them too) and newlines, from a fixed generator.
        let pieces = [
            "a", "bb", "ä", "€", "ö ", " ", "  ", "\n", "xyzzy", "\n\n", "w ", "😀",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 60) as usize;
            let mut s = String::new();
            let mut k = seed;
            for _ in 0..n {
                k = k.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(pieces[(k >> 33) as usize % pieces.len()]);
            }
            for width in [1, 2, 5, 9, 16, 30] {
                assert_eq!(
                    wrapped_lines(&s, width),
                    wrapped_lines_reference(&s, width),
                    "{s:?} at {width}"
                );
            }
        }
        let newlines = "\n".repeat(40);
        assert_eq!(
            wrapped_lines(&newlines, 10),
            41,
            "newlines alone are not capped"
        );
        assert_eq!(wrapped_lines_reference(&newlines, 10), 41);
    }
}
