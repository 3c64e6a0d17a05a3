//! The rows of the large sheets as SpreadsheetML, written straight into a
//! byte buffer.
//!
//! rust_xlsxwriter formats each cell through `std::fmt`, streams every
//! constant-memory sheet to a temporary file and deflates the whole package
//! on one thread when saving: at 200 000 measures that was 385 MB of XML
//! and over half of the run. The large sheets are therefore laid out with
//! rust_xlsxwriter (name, widths, header row, table, panes, protection) and
//! their data rows are written here, block by block on rayon's threads, and
//! spliced into the package by [`super::package`]. The cells are the ones
//! rust_xlsxwriter writes for the same calls, each with its reference
//! (`r="B7"`), every row with its number; a test compares the two.

use super::super::body::{Cached, Cells, LINE_POINTS, MAX_LINES, RowFormula};
use crate::text::push_column_letters;

/// The cells of consecutive rows; each column has one style (the column's
/// format, as rust_xlsxwriter gives a cell written without a format).
pub(crate) struct Rows {
    buf: Vec<u8>,
    row: u32,
    /// The current row's number in digits.
    digits: Vec<u8>,
    /// Per styled column, what goes before the row number (`<c r="B`) and
    /// after it (`" s="2"`, `"` for the default style), made once per
    /// sheet: a cell's opening is then three copies.
    heads: Vec<Vec<u8>>,
    tails: Vec<Vec<u8>>,
    scratch: String,
    /// Where the current row's attributes end (before its `>`), for a
    /// height given after its cells.
    attrs_end: usize,
}

impl Rows {
    /// Rows whose columns have the given style indexes, written into `buf`
    /// (emptied first; passing one back in saves growing a new one).
    pub fn new(styles: &[u32], mut buf: Vec<u8>) -> Self {
        buf.clear();
        let mut heads = Vec::with_capacity(styles.len());
        let mut tails = Vec::with_capacity(styles.len());
        for (col, &style) in styles.iter().enumerate() {
            let mut head = b"<c r=\"".to_vec();
            push_column_letters(&mut head, col as u32);
            heads.push(head);
            tails.push(tail(style));
        }
        Rows {
            buf,
            row: 0,
            digits: Vec::with_capacity(10),
            heads,
            tails,
            scratch: String::new(),
            attrs_end: 0,
        }
    }

    /// The XML written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    /// Starts row `row` (0-based, as rust_xlsxwriter numbers rows).
    pub fn start(&mut self, row: u32) {
        self.row = row + 1;
        self.digits.clear();
        push_u32(&mut self.digits, self.row);
        self.buf.extend_from_slice(b"<row r=\"");
        self.buf.extend_from_slice(&self.digits);
        self.buf.push(b'"');
        self.attrs_end = self.buf.len();
        self.buf.push(b'>');
    }

    /// Ends the current row.
    pub fn end(&mut self) {
        self.buf.extend_from_slice(b"</row>");
    }

    /// A formula (without the leading `=`) with its computed result.
    pub fn formula(&mut self, col: u16, formula: &str, cached: Cached) {
        self.formula_with(col, cached, |buf| escape_into(buf, formula));
    }

    fn formula_with(&mut self, col: u16, cached: Cached, text: impl FnOnce(&mut Vec<u8>)) {
        self.open(col);
        match cached {
            Cached::Number(_) => self.buf.extend_from_slice(b"><f>"),
            Cached::Text(_) => self.buf.extend_from_slice(b" t=\"str\"><f>"),
        }
        text(&mut self.buf);
        self.buf.extend_from_slice(b"</f><v>");
        match cached {
            Cached::Number(v) => crate::text::push_f64(&mut self.buf, v),
            Cached::Text(s) => escape_into(&mut self.buf, s),
        }
        self.buf.extend_from_slice(b"</v></c>");
    }

    /// `<c r="B7" s="2"` (no `s` for the default style). The reference is
    /// optional in the file format (ECMA-376 §18.3.1.4), but ExcelJS, older
    /// .NET readers and some streaming readers place a cell only by it, so
    /// every cell has one.
    fn open(&mut self, col: u16) {
        let c = usize::from(col);
        match (self.heads.get(c), self.tails.get(c)) {
            (Some(head), Some(tail)) => {
                self.buf.extend_from_slice(head);
                self.buf.extend_from_slice(&self.digits);
                self.buf.extend_from_slice(tail);
            }
            // A column past the styled ones has the default style: no `s`.
            _ => {
                self.buf.extend_from_slice(b"<c r=\"");
                push_column_letters(&mut self.buf, u32::from(col));
                self.buf.extend_from_slice(&self.digits);
                self.buf.push(b'"');
            }
        }
    }
}

impl Cells for Rows {
    fn row(&self) -> u32 {
        self.row
    }

    fn take_scratch(&mut self) -> String {
        std::mem::take(&mut self.scratch)
    }

    fn put_scratch(&mut self, s: String) {
        self.scratch = s;
    }

    /// ` ht="30" customHeight="1"` into the row's start tag, as
    /// rust_xlsxwriter writes a height set in pixels (20 a line, written
    /// in points); moves only this row's cells.
    fn lines(&mut self, lines: u32) {
        let lines = lines.min(MAX_LINES);
        if lines <= 1 {
            return;
        }
        // Written after the cells, then moved into place by one copy of
        // the row's bytes: no attribute buffer allocated per row (a
        // splice with a new vector for each was 1 % of `merge`).
        let end = self.buf.len();
        self.buf.extend_from_slice(b" ht=\"");
        push_u32(&mut self.buf, lines * LINE_POINTS);
        self.buf.extend_from_slice(b"\" customHeight=\"1\"");
        let moved = self.buf.len() - end;
        self.buf[self.attrs_end..].rotate_right(moved);
    }

    /// A text cell; nothing for empty text (rust_xlsxwriter skips it too).
    fn string(&mut self, col: u16, s: &str) {
        if s.is_empty() {
            return;
        }
        self.open(col);
        self.buf.extend_from_slice(b" t=\"inlineStr\"><is><t");
        // Tab, newline and space are ASCII: a byte compare finds them at
        // either end of UTF-8 text without decoding a character.
        let ws = |b: Option<&u8>| matches!(b, Some(b'\t' | b'\n' | b' '));
        if ws(s.as_bytes().first()) || ws(s.as_bytes().last()) {
            self.buf.extend_from_slice(b" xml:space=\"preserve\"");
        }
        self.buf.push(b'>');
        escape_into(&mut self.buf, s);
        self.buf.extend_from_slice(b"</t></is></c>");
    }

    /// A number cell; a number Excel cannot hold is written as text, as
    /// rust_xlsxwriter does.
    fn number(&mut self, col: u16, v: f64) {
        if !v.is_finite() {
            let text = if v.is_nan() {
                "NAN"
            } else if v > 0.0 {
                "INF"
            } else {
                "-INF"
            };
            return self.string(col, text);
        }
        self.open(col);
        self.buf.extend_from_slice(b"><v>");
        crate::text::push_f64(&mut self.buf, v);
        self.buf.extend_from_slice(b"</v></c>");
    }

    /// A formula made from `f` with `numbers` put between its parts, with
    /// its computed result: the same cell as [`formula`](Self::formula)
    /// with the whole text, without formatting and escaping it per row.
    fn row_formula(&mut self, col: u16, f: &RowFormula, numbers: &[u32], cached: Cached) {
        let (escaped, exact) = f.prepared.get_or_init(|| prepare(&f.parts));
        if !exact {
            let mut text = std::mem::take(&mut self.scratch);
            f.text_into(numbers, &mut text);
            self.formula(col, &text, cached);
            self.scratch = text;
            return;
        }
        self.formula_with(col, cached, |buf| {
            for (i, part) in escaped.iter().enumerate() {
                buf.extend_from_slice(part);
                if let Some(&n) = numbers.get(i) {
                    push_u32(buf, n);
                }
            }
        });
    }
}

/// A row formula's parts escaped one by one, and whether that gives the
/// escape of the whole text. Only an `_` can make them differ (`_x0041_` is
/// escaped as a whole, and a number can complete one), so parts with one
/// are escaped with the numbers in place.
fn prepare(parts: &[String]) -> (Vec<Vec<u8>>, bool) {
    let escaped = parts
        .iter()
        .map(|p| {
            let mut b = Vec::with_capacity(p.len());
            escape_into(&mut b, p);
            b
        })
        .collect();
    (escaped, !parts.iter().any(|p| p.contains('_')))
}

/// What follows a cell's reference: `"`, then ` s="2"` for a cell of
/// style 2 (nothing for the default style).
fn tail(style: u32) -> Vec<u8> {
    let mut t = b"\"".to_vec();
    if style > 0 {
        t.extend_from_slice(b" s=\"");
        push_u32(&mut t, style);
        t.push(b'"');
    }
    t
}

fn push_u32(buf: &mut Vec<u8>, n: u32) {
    crate::text::push_digits(buf, u64::from(n));
}

/// Escapes text for an XML element as Excel and rust_xlsxwriter do:
/// `&`, `<`, `>`; control characters and U+FFFE/U+FFFF as `_xHHHH_`; and
/// the `_` of text that already looks like such an escape as `_x005F_`, so
/// that it reads back as written.
pub(crate) fn escape_into(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Most text has none of the bytes that can need an escape.
    if !may_need_escape(bytes) {
        buf.extend_from_slice(bytes);
        return;
    }
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        let (skip, replacement): (usize, &[u8]) = match b {
            b'&' => (1, b"&amp;"),
            b'<' => (1, b"&lt;"),
            b'>' => (1, b"&gt;"),
            0..=0x1f => {
                push_escaped(buf, &bytes[done..i], u32::from(b));
                done = i + 1;
                continue;
            }
            b'_' if looks_escaped(&bytes[i..]) => (1, b"_x005F_"),
            0xef if bytes[i + 1..].starts_with(&[0xbf, 0xbe]) => (3, b"_xFFFE_"),
            0xef if bytes[i + 1..].starts_with(&[0xbf, 0xbf]) => (3, b"_xFFFF_"),
            _ => continue,
        };
        buf.extend_from_slice(&bytes[done..i]);
        buf.extend_from_slice(replacement);
        done = i + skip;
    }
    buf.extend_from_slice(&bytes[done..]);
}

/// Whether 16 bytes hold a byte below 0x20, `&`, `<`, `>`, `_` or 0xEF:
/// six SSE2 compares (part of every x86-64 CPU) instead of 16 lookups.
#[cfg(target_arch = "x86_64")]
#[inline]
fn any_in(chunk: &[u8; 16]) -> bool {
    // SAFETY: SSE2 is part of every x86-64 CPU (the target's baseline), so
    // the SSE2 function can be called on any machine this code runs on.
    unsafe { any_in_sse2(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn any_in_sse2(chunk: &[u8; 16]) -> bool {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x,
        _mm_set1_epi8,
    };
    let ([lo, hi], _) = chunk.as_chunks::<8>() else {
        return true;
    };
    let v = _mm_set_epi64x(i64::from_le_bytes(*hi), i64::from_le_bytes(*lo));
    let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
    let amp = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'&' as i8));
    let lt = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'<' as i8));
    let gt = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'>' as i8));
    let under = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
    let ef = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xefu8 as i8));
    let markup = _mm_or_si128(_mm_or_si128(amp, lt), gt);
    let other = _mm_or_si128(_mm_or_si128(under, ef), control);
    _mm_movemask_epi8(_mm_or_si128(markup, other)) != 0
}

/// The same test, byte by byte, where SSE2 is not there.
#[cfg(not(target_arch = "x86_64"))]
fn any_in(chunk: &[u8; 16]) -> bool {
    chunk.iter().any(|&b| b < 0x20 || SPECIAL[usize::from(b)])
}

/// Whether `bytes` has any byte that [`SPECIAL`] marks, or a tab or a
/// newline (which need no escape, so the caller's exact pass finds none).
/// This scan runs over every text written, so it looks at 16 bytes at a
/// time ([`any_in`]); a short text is padded to 16, and the tail of a
/// longer one is its last 16 bytes.
fn may_need_escape(bytes: &[u8]) -> bool {
    let (chunks, tail) = bytes.as_chunks::<16>();
    if chunks.iter().any(any_in) {
        return true;
    }
    if tail.is_empty() {
        return false;
    }
    let mut last = [b' '; 16];
    match bytes.len().checked_sub(16) {
        Some(from) => last.copy_from_slice(&bytes[from..]),
        None => last[..tail.len()].copy_from_slice(tail),
    }
    any_in(&last)
}

/// Bytes that may start an escape: markup, control characters other than
/// tab and newline, `_`, and the first byte of U+FFFE/U+FFFF.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'_' as usize] = true;
    t[0xef] = true;
    t
};

/// Appends `before`, then `_xHHHH_` for `code`.
fn push_escaped(buf: &mut Vec<u8>, before: &[u8], code: u32) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    buf.extend_from_slice(before);
    buf.extend_from_slice(b"_x");
    for shift in [12, 8, 4, 0] {
        buf.push(HEX[((code >> shift) & 0xf) as usize]);
    }
    buf.push(b'_');
}

/// Whether `s` starts with `_xHHHH_`.
fn looks_escaped(s: &[u8]) -> bool {
    s.len() >= 7 && s[1] == b'x' && s[2..6].iter().all(u8::is_ascii_hexdigit) && s[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Format, Formula, Workbook};
    use std::io::Read;

    /// A formula made from parts and row numbers is the cell of its whole
    /// text, also where a number completes an `_xHHHH_` lookalike across
    /// the parts (escaped as a whole then).
    #[test]
    fn the_quick_scan_misses_no_byte_that_needs_an_escape() {
        // Every byte value at every place of texts from 1 to 40 bytes: the
        // 16-byte scan must flag each escape byte, in a whole chunk, in the
        // overlapping tail and in a padded short text, and nothing else
        // but tab and newline.
        for b in 0..=255u8 {
            let expected = SPECIAL[usize::from(b)] || b == b'\t' || b == b'\n';
            for len in 1..=40 {
                for at in 0..len {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    assert_eq!(
                        may_need_escape(&text),
                        expected,
                        "byte {b:#x} at {at} of {len}"
                    );
                }
            }
        }
        assert!(!may_need_escape(b""));
    }

    #[test]
    fn row_formulas_are_the_cells_of_their_whole_text() {
        let cases: [(&[&str], &[u32]); 4] = [
            (
                &["IF(AND(H", ">0,I", "<>\"\"),I", "/H", ",\"–\")"],
                &[7, 7, 7, 7],
            ),
            (&["'Toimenpiteet'!H", "*E", ""], &[1_048_576, 3]),
            (&["N('A & B'!I", ")*E", ""], &[0, 12]),
            (&["\"_x00", "_\"&A", ""], &[41, 2]),
        ];
        let styles = [0, 1, 2];
        for (parts, numbers) in cases {
            let mut whole = String::new();
            for (i, p) in parts.iter().enumerate() {
                whole.push_str(p);
                if let Some(n) = numbers.get(i) {
                    whole.push_str(&n.to_string());
                }
            }
            let f = RowFormula::new(parts);
            for cached in [Cached::Number(0.5), Cached::Text("–")] {
                let mut ours = Rows::new(&styles, Vec::new());
                ours.start(4);
                ours.row_formula(1, &f, numbers, cached);
                let mut theirs = Rows::new(&styles, Vec::new());
                theirs.start(4);
                theirs.formula(1, &whole, cached);
                assert_eq!(ours.buf, theirs.buf, "{whole}");
            }
        }
        assert!(escaped("\"_x0041_\"&A2").contains("_x005F_x0041_"));
    }

    fn escaped(s: &str) -> String {
        let mut buf = Vec::new();
        escape_into(&mut buf, s);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn escapes_markup_controls_and_escape_lookalikes() {
        assert_eq!(escaped("a & b < c > d"), "a &amp; b &lt; c &gt; d");
        assert_eq!(escaped("tab\tline\nbell\u{7}"), "tab\tline\nbell_x0007_");
        assert_eq!(escaped("_x0041_ and _xZZ00_"), "_x005F_x0041_ and _xZZ00_");
        assert_eq!(escaped("\u{FFFE}\u{FFFF}ä"), "_xFFFE__xFFFF_ä");
        assert_eq!(escaped("\u{1}\u{1F}"), "_x0001__x001F_");
        assert_eq!(escaped("Päijät-Häme €"), "Päijät-Häme €");
    }

    #[test]
    fn columns_and_numbers_are_spelled_like_excel() {
        let mut buf = Vec::new();
        for c in [0, 25, 26, 701, 702, 16383] {
            push_column_letters(&mut buf, c);
            buf.push(b' ');
        }
        for n in [0, 7, 1_048_576, u32::MAX] {
            push_u32(&mut buf, n);
            buf.push(b' ');
        }
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "A Z AA ZZ AAA XFD 0 7 1048576 4294967295 "
        );
    }

    /// The `<sheetData>` of a constant-memory sheet rust_xlsxwriter writes.
    fn rust_xlsxwriter_rows(write: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> String {
        let mut wb = Workbook::new();
        let mut ws = wb.new_worksheet_with_constant_memory().unwrap();
        ws.set_column_format(1, &Format::new().set_num_format("0.0"))
            .unwrap();
        ws.set_column_format(2, &Format::new().set_text_wrap())
            .unwrap();
        write(&mut ws);
        wb.push_worksheet(ws);
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let start = xml.find("<sheetData>").unwrap() + "<sheetData>".len();
        let end = xml.find("</sheetData>").unwrap();
        xml[start..end].to_string()
    }

    #[test]
    fn rows_are_the_cells_rust_xlsxwriter_writes() {
        let texts = [
            "plain",
            " leading space",
            "trailing\n",
            "=HYPERLINK(\"x\")",
            "a & <b>",
            "_x0041_",
            "bell\u{7}",
            "",
            "Länsimäki; Östersundom",
            "\u{FFFE} and 🙂",
        ];
        let numbers = [0.0, -1.5, 2021.0, 191045.46, 0.1 + 0.2, 1e21, f64::NAN];
        let theirs = rust_xlsxwriter_rows(|ws| {
            for (r, t) in texts.iter().enumerate() {
                let r = r as u32;
                ws.write_string(r, 0, *t).unwrap();
                ws.write_number(r, 1, numbers[r as usize % numbers.len()])
                    .unwrap();
                ws.write_string(r, 2, *t).unwrap();
                ws.write_formula(r, 3, Formula::new("=B1*2&\"<\"").set_result("3"))
                    .unwrap();
                ws.write_formula(r, 4, Formula::new("IF(B1>0,1,\"–\")").set_result("–"))
                    .unwrap();
            }
        });
        // Column 3 has no format: style 0. rust_xlsxwriter numbers the
        // column formats 1 and 2 in the order they were set.
        let styles = [0, 1, 2];
        let mut ours = Rows::new(&styles, Vec::new());
        for (r, t) in texts.iter().enumerate() {
            ours.start(r as u32);
            ours.string(0, t);
            ours.number(1, numbers[r % numbers.len()]);
            ours.string(2, t);
            ours.formula(3, "B1*2&\"<\"", Cached::Number(3.0));
            ours.formula(4, "IF(B1>0,1,\"–\")", Cached::Text("–"));
            ours.end();
        }
        let ours = String::from_utf8(ours.buf).unwrap();
        assert_eq!(ours, theirs);
        // Every cell carries its reference, also those that follow the
        // previous cell of their row: five per row, less the empty texts.
        let cells = ours.matches("<c ").count();
        assert_eq!(ours.matches("<c r=\"").count(), cells);
        assert_eq!(cells, 5 * texts.len() - 2);
        assert!(ours.contains("<row r=\"8\"><c r=\"B8\" s=\"1\"><v>"));
        assert!(ours.contains("<c r=\"C1\" s=\"2\" t=\"inlineStr\">"));
        // A column past the styled ones has its reference and no style.
        let mut past = Rows::new(&styles, Vec::new());
        past.start(0);
        past.number(3, 1.0);
        past.number(27, 2.0);
        past.end();
        assert_eq!(
            String::from_utf8(past.buf).unwrap(),
            "<row r=\"1\"><c r=\"D1\"><v>1</v></c><c r=\"AB1\"><v>2</v></c></row>"
        );
    }
}
