//! CSV submissions: `;`, `,` or TAB separated, in the encodings Finnish
//! offices save them in (see [`super::encoding`]), with the rows a
//! spreadsheet program shows: a blank line is an empty row, a quoted field
//! with line breaks inside is one row, and CR, LF or CRLF end a line.

use std::path::Path;

use super::encoding::{self, Decoded};
use super::grid::put_cell;
use super::{Book, Damage, Format, Grid, Limits, Note, Unreadable};
use crate::model::Cell;

/// Reads CSV bytes into a one-sheet [`Book`]; the sheet is named after the
/// file. Undecodable and NUL bytes become [`Note`]s at their 1-based row
/// (the row LibreOffice and Excel show).
///
/// # Errors
/// As [`encoding::decode`]; [`Unreadable::TooLarge`] past `max_cells` (an
/// empty row counts as one cell).
pub fn read(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    let decoded = encoding::decode(bytes)?;
    let delimiter = sniff_delimiter(&decoded.text);
    let quotes = Unclosed::mark(&decoded.text, delimiter);
    let text = quotes
        .as_ref()
        .map_or(decoded.text.as_str(), |q| q.text.as_str());
    let (rows, far, starts, odd) = records(text, delimiter, limits, quotes.as_ref())?;
    let mut notes = notes(&decoded, &starts);
    notes.extend(
        odd.unclosed
            .into_iter()
            .map(|(r, col)| Note::UnclosedQuote {
                row: r.saturating_add(1),
                col,
            }),
    );
    notes.extend(quoted_rows(text, delimiter, &odd.multiline));
    let widths = odd.widths;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "csv".into());
    let mut grid = Grid::new(name, 0, 0, rows, false).with_far(far);
    grid.text_numbers = true;
    grid.csv_delimiter = Some(delimiter);
    grid.csv_widths = widths;
    Ok(Book {
        format: Format::Csv,
        sheets: vec![grid],
        notes,
    })
}

/// Cells far right of the rest of their row, by absolute position.
type Far = std::collections::BTreeMap<(u32, u32), Cell>;

/// A CSV file's rows, far cells, where each non-empty row starts, and its
/// odd values.
type Records = (Vec<Vec<Cell>>, Far, Vec<Start>, Odd);

/// Values that say something about how the file was written.
#[derive(Default)]
struct Odd {
    /// The 0-based (row, column) of each value an unclosed quote opens.
    unclosed: Vec<(u32, u32)>,
    /// Each value with a line break (a quoted value over several lines):
    /// its 0-based (row, column), the most delimiters on one of its lines
    /// after the first, and how many of those hold three or more.
    multiline: Vec<(u32, u32, u32, u32)>,
    /// Fields per row, empty ones included (0 for a blank line).
    widths: Vec<u32>,
}

/// The `quoted-rows` notes: quoted values with a further line shaped like
/// a row (its first field without spaces, as an identifier or a code is,
/// and all but at most one of the delimiters the file's rows usually
/// have, four at least), so rows a quotation mark closed rows later took
/// into one cell, not lines of a text (a sentence with seven commas, a
/// list of areas). `multiline` as [`Odd`] has it.
fn quoted_rows(text: &str, delimiter: u8, multiline: &[(u32, u32, u32, u32)]) -> Vec<Note> {
    if multiline.is_empty() {
        return Vec::new();
    }
    let i = DELIMITERS.iter().position(|&d| d == delimiter).unwrap_or(0);
    let mut counts: Vec<usize> = delimiter_counts(text, DELIMITERS, 20)
        .iter()
        .map(|c| c[i])
        .collect();
    counts.sort_unstable();
    let typical = counts.get(counts.len() / 2).copied().unwrap_or(0) as u32;
    let shown = match delimiter {
        b'\t' => "TAB",
        b',' => ",",
        _ => ";",
    };
    multiline
        .iter()
        .filter(|&&(.., most, _)| typical >= 4 && most + 1 >= typical)
        .map(|&(row, col, most, lines)| Note::QuotedRows {
            row: row.saturating_add(1),
            col,
            lines,
            delimiters: most,
            delimiter: shown,
        })
        .collect()
}

/// The quotation marks that open a value and are closed nowhere in the
/// file. LibreOffice reads such a mark as a character and ends the value
/// at its line's end (a quoted value spans lines only up to a closing
/// mark: a `"` followed by the delimiter, a line end or the end of the
/// file); the csv crate, like Excel, would read every line after it into
/// the one value, and the measures there would vanish in silence. Each is
/// replaced, in a copy of the text, by a control character the text does
/// not hold, which the crate reads as any other, and turned back into `"`
/// in the cell.
struct Unclosed {
    /// The text with each unclosed opening mark replaced by `mark`.
    text: String,
    /// The one-byte stand-in.
    mark: char,
}

impl Unclosed {
    /// `None` when every quoted value is closed (the usual case), or no
    /// stand-in is free.
    fn mark(text: &str, delimiter: u8) -> Option<Unclosed> {
        let bytes = text.as_bytes();
        let closes = |i: usize| {
            bytes[i] == b'"'
                && bytes
                    .get(i + 1)
                    .is_none_or(|&b| b == delimiter || b == b'\r' || b == b'\n')
        };
        // Past the last closing mark, a value's opening mark has nothing
        // to close it.
        let last_close = (0..bytes.len()).rev().find(|&i| closes(i));
        let from = last_close.map_or(0, |i| i + 1);
        let opening: Vec<usize> = (from..bytes.len())
            .filter(|&i| {
                bytes[i] == b'"'
                    && (i == 0
                        || matches!(bytes[i - 1], b'\r' | b'\n')
                        || bytes[i - 1] == delimiter)
            })
            .collect();
        if opening.is_empty() {
            return None;
        }
        let mark = ('\u{1}'..='\u{1f}')
            .filter(|c| !matches!(c, '\t' | '\n' | '\r') && char::from(delimiter) != *c)
            .find(|&c| !text.contains(c))?;
        let mut out = text.as_bytes().to_vec();
        for i in opening {
            out[i] = mark as u8;
        }
        String::from_utf8(out)
            .ok()
            .map(|text| Unclosed { text, mark })
    }
}

/// The delimiters a CSV may have, in the order a tie is settled.
const DELIMITERS: &[u8; 3] = b";\t,";

/// Where a record starts: its first byte in the text and its 0-based row.
type Start = (usize, u32);

/// The rows of `text`, and where each non-empty one starts. The csv crate
/// skips blank lines; each is put back as an empty row, so that row numbers
/// are the ones a spreadsheet shows.
fn records(
    text: &str,
    delimiter: u8,
    limits: &Limits,
    quotes: Option<&Unclosed>,
) -> Result<Records, Unreadable> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let (mut rows, mut starts) = (Vec::new(), Vec::new());
    let mut far = Far::new();
    let mut odd = Odd::default();
    let mut cells: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| Unreadable::corrupt(Damage::Csv, e))?;
        let after_previous = record.position().map_or(0, |p| p.byte());
        let (blank, start) = blank_lines(
            text.as_bytes(),
            usize::try_from(after_previous).unwrap_or(0),
        );
        cells = cells.saturating_add(blank as u64 + record.len().max(1) as u64);
        if cells > limits.max_cells {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: cells,
                limit: limits.max_cells,
            });
        }
        rows.resize_with(rows.len() + blank, Vec::new);
        odd.widths.resize(rows.len(), 0);
        odd.widths
            .push(u32::try_from(record.len()).unwrap_or(u32::MAX));
        starts.push((start, u32::try_from(rows.len()).unwrap_or(u32::MAX)));
        // Empty fields cost nothing, and a value far right of the rest of
        // its row (a line of a million `;`) one cell: see `put_cell`.
        let r = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let mut row = Vec::new();
        for (c, field) in record.iter().enumerate() {
            if !field.is_empty() {
                let col = u32::try_from(c).unwrap_or(u32::MAX);
                if field.contains(['\n', '\r']) {
                    // A line of a text has spaces in its first words; a row
                    // starts with an identifier or a code, or an empty cell.
                    let row_like = |l: &&str| {
                        let first = l.split(char::from(delimiter)).next().unwrap_or("");
                        l.contains(char::from(delimiter))
                            && first.len() <= 40
                            && !first.trim().contains(char::is_whitespace)
                    };
                    let lines = field
                        .split(['\n', '\r'])
                        .skip(1)
                        .filter(|l| !l.is_empty())
                        .filter(row_like);
                    let (n, most) = lines.fold((0u32, 0u32), |(n, most), l| {
                        let d = l.bytes().filter(|&b| b == delimiter).count() as u32;
                        (n + u32::from(d >= 3), most.max(d))
                    });
                    if n > 0 {
                        odd.multiline.push((r, col, most, n));
                    }
                }
                let value = match quotes {
                    Some(q) if field.contains(q.mark) => {
                        if field.starts_with(q.mark) {
                            odd.unclosed.push((r, col));
                        }
                        cell(&field.replace(q.mark, "\""))
                    }
                    _ => cell(field),
                };
                put_cell(&mut row, c, value, &mut far, (r, col));
            }
        }
        rows.push(row);
    }
    Ok((rows, far, starts, odd))
}

/// A field as a cell; NUL characters are dropped (each row holding one
/// gets a [`Note::NulByte`]). Short texts stay inline: no String per cell.
fn cell(field: &str) -> Cell {
    if field.contains('\0') {
        return cell(&field.replace('\0', ""));
    }
    if field.is_empty() {
        Cell::Empty
    } else if let Some(text) = text_formula(field) {
        Cell::Text(text.into())
    } else if let Some(formula) = formula(field) {
        Cell::FormulaWithoutValue(formula.into())
    } else {
        Cell::Text(field.into())
    }
}

/// The text of the `="…"` idiom ERP and SAP exports write to keep a code's
/// leading zeros (`="KUKU-01"`, `="091500"`): Excel opens it as the
/// formula giving that text and shows `KUKU-01`, so it is read as the text
/// (issue 17). Doubled quotes inside are one quote; anything more than
/// one quoted text (`="a"&"b"`) is not the idiom and stays as typed.
fn text_formula(field: &str) -> Option<String> {
    let inner = field.trim().strip_prefix("=\"")?.strip_suffix('"')?;
    let text = inner.replace("\"\"", "\"");
    (!text.contains('"') || inner.matches('"').count() == 2 * text.matches('"').count())
        .then_some(text)
}

/// A formula typed into a CSV cell (`=90000+8000`, `=H2+H3`, `=SUM(H2:H4)`):
/// Excel computes it when it opens the file and shows the result, so it is
/// a formula without a stored value, evaluated as a workbook's is (see
/// [`super::formula`]) or else `formula-without-value` at its cell, never
/// text (issue 17). A text formula (`="a"&"b"`, and the `="…"` idiom
/// above) stays text; so does a lone `=`. The formula is returned without
/// its `=`.
fn formula(field: &str) -> Option<&str> {
    let rest = field.trim().strip_prefix('=')?.trim_start();
    (!rest.is_empty() && !rest.starts_with('"') && !rest.starts_with('=')).then_some(rest)
}

/// The blank lines the csv crate skipped before a record, and the record's
/// first byte. `from` is where the crate's previous record ended: just past
/// its first line-end byte, so an LF there completes the previous CRLF.
fn blank_lines(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    if i > 0 && bytes.get(i - 1) == Some(&b'\r') && bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    let mut lines = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 1,
            b'\r' | b'\n' => {}
            _ => break,
        }
        lines += 1;
        i += 1;
    }
    (lines, i)
}

/// The notes for the decoding's bad bytes and for NUL characters, at the
/// 1-based row of the record holding them; one NUL note per row.
fn notes(decoded: &Decoded, starts: &[Start]) -> Vec<Note> {
    let row_of = |offset: usize| {
        let i = starts.partition_point(|&(start, _)| start <= offset);
        i.checked_sub(1)
            .map_or(1, |i| starts[i].1.saturating_add(1))
    };
    let mut notes: Vec<Note> = decoded
        .invalid
        .iter()
        .map(|bad| Note::InvalidBytes {
            row: row_of(bad.offset),
            bytes: bad.bytes.clone(),
            encoding: decoded.encoding,
        })
        .collect();
    let mut nul_rows: Vec<u32> = decoded
        .text
        .match_indices('\0')
        .map(|(offset, _)| row_of(offset))
        .collect();
    nul_rows.dedup();
    notes.extend(nul_rows.into_iter().map(|row| Note::NulByte { row }));
    notes
}

/// The delimiter that splits the first 20 non-blank records most
/// consistently: the one whose most common non-zero count per record
/// (outside quotes, so `"90,000"` counts no comma) is shared by the most
/// records, then the higher count. A spreadsheet pads every row to the same
/// number of delimiters, while commas in prose or decimals vary from row to
/// row. On a tie `;` (Finnish Excel's choice, since the comma is the
/// decimal mark), then TAB (Excel's "Unicode text"), then `,`.
fn sniff_delimiter(text: &str) -> u8 {
    const ORDER: &[u8; 3] = DELIMITERS;
    let per_record = delimiter_counts(text, ORDER, 20);
    let key = |i: usize| {
        let counts: Vec<usize> = per_record.iter().map(|c| c[i]).filter(|&n| n > 0).collect();
        let mode = counts
            .iter()
            .copied()
            .max_by_key(|&n| (counts.iter().filter(|&&m| m == n).count(), n))
            .unwrap_or(0);
        (counts.iter().filter(|&&m| m == mode).count(), mode)
    };
    let best = (0..ORDER.len()).fold(0, |best, i| if key(i) > key(best) { i } else { best });
    if key(best).1 == 0 { b',' } else { ORDER[best] }
}

/// How many of each of `delimiters` each of the first `limit` non-blank
/// records holds outside quoted fields.
fn delimiter_counts(text: &str, delimiters: &[u8; 3], limit: usize) -> Vec<[usize; 3]> {
    let mut records = Vec::new();
    let (mut quoted, mut current, mut blank) = (false, [0usize; 3], true);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if !blank {
                    records.push(std::mem::take(&mut current));
                    if records.len() >= limit {
                        return records;
                    }
                }
                blank = true;
                continue;
            }
            _ if quoted => {}
            _ => {
                if let Some(i) = delimiters.iter().position(|&d| d == b) {
                    current[i] += 1;
                }
            }
        }
        blank = false;
    }
    if !blank {
        records.push(current);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(text: &str) -> (Vec<Vec<Cell>>, Vec<Start>) {
        let (rows, _, starts, _) =
            records(text, sniff_delimiter(text), &Limits::default(), None).unwrap();
        (rows, starts)
    }

    fn shown(rows: &[Vec<Cell>]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Cell::Text(t) => t.to_string(),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    /// The rows LibreOffice 7.4 shows for the same text (checked with its
    /// CSV import, `59,34,76,1`).
    #[test]
    fn an_unclosed_quote_is_a_character_and_its_line_one_row() {
        let text = "K1;100;\"Hyvä tulos\r\nK2;200;\r\nK3;300;\"Tempo \"\"x\"\" auki\r\n";
        let book = read(Path::new("x.csv"), text.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(
            shown(&book.sheets[0].rows),
            [
                "K1|100|\"Hyvä tulos",
                "K2|200",
                "K3|300|\"Tempo \"\"x\"\" auki"
            ]
        );
        assert_eq!(
            book.notes,
            [
                Note::UnclosedQuote { row: 1, col: 2 },
                Note::UnclosedQuote { row: 3, col: 2 }
            ]
        );
        // A mark that closes later (a quote before the delimiter) makes
        // the lines up to it one value, as it does in LibreOffice.
        let (rows, _) = grid("K1;\"a\r\nK2;2;\r\nK3;\"x\";\r\nK4;4\r\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(shown(&rows)[1], "K4|4");
    }

    #[test]
    fn the_text_formula_idiom_reads_as_its_text() {
        let (rows, _) =
            grid("=\"KUKU-01\";=\"098000\";=\"a \"\"b\"\"\";=\"a\"&\"b\";=90000+8000\n");
        assert_eq!(shown(&rows), ["KUKU-01|098000|a \"b\"|=\"a\"&\"b\"|"]);
        assert_eq!(
            rows[0][4],
            Cell::FormulaWithoutValue("90000+8000".into()),
            "a formula Excel computes"
        );
    }

    #[test]
    fn sniffs_semicolon_when_commas_are_decimals() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1,5\t\"x; y\"\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("plain\n"), b',');
    }

    #[test]
    fn prose_commas_do_not_outvote_a_steady_semicolon() {
        let text = "a;b;c\n1;\"x\";Nuoret, vanhemmat, opettajat, ohjaajat\n2;y;Yksi, kaksi, kolme, nelj\u{e4}, viisi\n";
        assert_eq!(sniff_delimiter(text), b';');
    }

    #[test]
    fn quoted_commas_do_not_count() {
        let text = "a;b;c\n\"90,000\";\"1,5\";\"2,5\"\n\"3,1\";\"4,1\";x\n";
        assert_eq!(sniff_delimiter(text), b';');
    }

    #[test]
    fn blank_lines_are_empty_rows_in_every_line_ending() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = format!("{eol}A;B{eol}{eol}1;2{eol}{eol}{eol}3;4{eol}");
            let (rows, starts) = grid(&text);
            assert_eq!(
                shown(&rows),
                ["", "A|B", "", "1|2", "", "", "3|4"],
                "{eol:?}"
            );
            assert_eq!(starts.iter().map(|s| s.1).collect::<Vec<_>>(), [1, 3, 6]);
        }
    }

    #[test]
    fn a_doubled_line_end_is_a_blank_row_as_in_libreoffice() {
        // CRLF converted twice: LibreOffice shows A;B at 1, T-1 at 3.
        let (rows, _) = grid("A;B\r\r\nT-1;x\r\r\n");
        assert_eq!(shown(&rows), ["A|B", "", "T-1|x"]);
    }

    #[test]
    fn a_quoted_line_break_stays_in_one_row() {
        let (rows, _) = grid("A;B\r\n1;\"yksi\r\n\r\nkaksi\"\r\n\r\n2;x\r\n");
        assert_eq!(shown(&rows), ["A|B", "1|yksi\r\n\r\nkaksi", "", "2|x"]);
    }

    #[test]
    fn notes_name_the_row_shown() {
        let decoded =
            encoding::decode(b"A;B\n\n1;\"a\nb\"\n2;\xc3\xa4\xc3\xb6\x9f\n3;\0x\0\n").unwrap();
        let (rows, starts) = grid(&decoded.text);
        assert_eq!(shown(&rows)[4], "3|x");
        assert_eq!(
            notes(&decoded, &starts),
            [
                Note::InvalidBytes {
                    row: 4,
                    bytes: "0x9F".into(),
                    encoding: "UTF-8"
                },
                Note::NulByte { row: 5 },
            ]
        );
    }

    #[test]
    fn empty_rows_count_toward_the_cell_limit() {
        let limits = Limits {
            max_cells: 5,
            ..Limits::default()
        };
        let text = "a\n\n\n\n\n\nb\n";
        assert!(matches!(
            records(text, b';', &limits, None),
            Err(Unreadable::TooLarge { .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_read_without_panic_and_notes_stay_in_the_grid(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)
        ) {
            if let Ok(book) = read(Path::new("x.csv"), &bytes, &Limits::default()) {
                let rows = book.sheets[0].rows.len() as u32;
                for note in &book.notes {
                    let (Note::InvalidBytes { row, .. } | Note::NulByte { row } | Note::UnclosedQuote { row, .. } | Note::QuotedRows { row, .. }) = note;
                    proptest::prop_assert!(*row >= 1 && *row <= rows.max(1));
                }
            }
        }

        #[test]
        fn valid_utf8_reads_as_written(text in "[a-zäöå€;,\"\n\r ]{0,200}") {
            let decoded = encoding::decode(text.as_bytes()).unwrap();
            proptest::prop_assert_eq!(decoded.text, text);
        }
    }
}
