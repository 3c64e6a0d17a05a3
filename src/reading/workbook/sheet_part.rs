//! What calamine does not report about an xlsx sheet, read from the
//! sheet's own part: hidden columns and rows, the ranges of multi-cell
//! array formulas, the units the cells' number formats show. The package is
//! opened and the part's name looked up once per file ([`SheetPart::open`]),
//! not once per question; hidden columns and rows come from one pass over
//! the part ([`SheetPart::hidden`]). Any failure yields nothing: the
//! values were already read.

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::Event;

use super::{read_part, sheet_part, xml_attr};
use crate::reading::grid::RowHidden;
use crate::reading::{FormatUnit, Merged};

/// The package opened on one worksheet's part.
pub struct SheetPart<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    /// The part's name (`xl/worksheets/sheet1.xml`).
    part: String,
    /// Whether the part records merged ranges (`<mergeCell`), as the pass
    /// of [`SheetPart::hidden`] found; false until it ran.
    pub has_merges: bool,
    /// Whether the part sets some text above or below the line
    /// (`vertAlign`: an inline rich string, as openpyxl writes one), as the
    /// same pass found.
    pub has_raised: bool,
}

/// A streaming XML reader over the sheet's part, inflated as it is read.
type PartXml<'z, 'b> = quick_xml::Reader<BufReader<zip::read::ZipFile<'z, Cursor<&'b [u8]>>>>;

/// The columns a sheet hides (absolute 0-based ranges, both ends
/// inclusive) and the rows it hides, by absolute 0-based row.
pub type Hidden = (Vec<(u32, u32)>, BTreeMap<u32, RowHidden>);

impl<'b> SheetPart<'b> {
    /// Opens the package `bytes` on the part of the worksheet called
    /// `sheet`; `None` when the package or the part cannot be found.
    pub fn open(bytes: &'b [u8], sheet: &str) -> Option<Self> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let part = sheet_part(&mut zip, sheet)?;
        Some(Self {
            zip,
            part,
            has_merges: false,
            has_raised: false,
        })
    }

    /// The part from its start, as XML.
    fn xml(&mut self) -> Option<PartXml<'_, 'b>> {
        let file = self.zip.by_name(&self.part).ok()?;
        Some(quick_xml::Reader::from_reader(BufReader::new(file)))
    }

    /// The columns the sheet hides (`<cols><col min="9" max="9"
    /// hidden="1"/>`) and the rows it hides (`<row hidden="1">`: by hand,
    /// in a collapsed group, or by a filter); calamine reports neither.
    /// `<cols>` comes before `<sheetData>` and is parsed; the rest of the
    /// part is only searched for the word `hidden` (rows are seldom
    /// hidden, and parsing the sheet a second time, which calamine has
    /// done, cost about a sixth of reading), and parsed for its rows only
    /// where the word is there.
    pub fn hidden(&mut self) -> Hidden {
        let mut xml = match self.xml() {
            Some(xml) => xml,
            None => return Hidden::default(),
        };
        let mut buf = Vec::new();
        let mut columns = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "col" => {
                    let hidden = xml_attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                    let num = |n: &str| xml_attr(&e, n).and_then(|v| v.parse::<u32>().ok());
                    if let (true, Some(min), Some(max)) = (hidden, num("min"), num("max")) {
                        columns.push((min.saturating_sub(1), max.max(min).saturating_sub(1)));
                    }
                }
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheetData" => {
                    break;
                }
                Ok(Event::Eof) => return (columns, BTreeMap::new()),
                // A part damaged before its rows: nothing is read from it.
                Err(_) => return Hidden::default(),
                _ => {}
            }
        }
        // The rest of the part, from where the parser stopped (what it has
        // buffered but not parsed first); the same pass tells whether the
        // sheet merges cells (`<mergeCells>` follows the rows), which are
        // then read for the values under them.
        let found =
            part_contains_each(xml.into_inner(), &[b"hidden", b"<mergeCell ", b"vertAlign"]);
        let has_word = found.as_ref().is_some_and(|f| f[0]);
        self.has_merges = found.as_ref().is_some_and(|f| f[1]);
        self.has_raised = found.as_ref().is_some_and(|f| f[2]);
        let rows = if has_word {
            self.hidden_rows().unwrap_or_default()
        } else {
            BTreeMap::new()
        };
        (columns, rows)
    }

    /// The cells whose inline rich string sets text above or below the
    /// line, with the text shown (see [`super::raised_strings::raised_inline`]).
    pub fn raised_inline(&mut self) -> Vec<(u32, u32, String)> {
        match self.xml() {
            Some(xml) => super::raised_strings::raised_inline(xml),
            None => Vec::new(),
        }
    }

    /// The rows the sheet hides, parsed from the whole part. A hidden row
    /// within the sheet's `<autoFilter>` range is a filtered one (ECMA-376
    /// Part 1 §18.3.1.2).
    fn hidden_rows(&mut self) -> Option<BTreeMap<u32, RowHidden>> {
        let mut xml = self.xml()?;
        let mut buf = Vec::new();
        let mut out = BTreeMap::new();
        let mut filter: Option<(u32, u32)> = None;
        let mut row = 0u32;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).ok()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                    row = match xml_attr(&e, "r").and_then(|r| r.parse::<u32>().ok()) {
                        Some(r) => r.saturating_sub(1),
                        None => row.saturating_add(1),
                    };
                    if matches!(xml_attr(&e, "hidden").as_deref(), Some("1" | "true")) {
                        out.insert(row, RowHidden::Hidden);
                    }
                }
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "autoFilter" => {
                    filter = xml_attr(&e, "ref").and_then(|r| {
                        let (a, b) = r.split_once(':').unwrap_or((&r, &r));
                        let (a, b) = (crate::text::parse_a1(a)?, crate::text::parse_a1(b)?);
                        Some((a.0.min(b.0), a.0.max(b.0)))
                    });
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some((first, last)) = filter {
            for (r, how) in out.range_mut(first..=last) {
                // The header row of the filter range is never filtered out.
                if *r > first {
                    *how = RowHidden::Filtered;
                }
            }
        }
        Some(out)
    }

    /// The ranges of the sheet's multi-cell array formulas (`<f
    /// t="array" ref="H2:H3">`), which calamine does not report.
    pub fn array_ranges(&mut self) -> Vec<Merged> {
        self.array_ranges_inner().unwrap_or_default()
    }

    fn array_ranges_inner(&mut self) -> Option<Vec<Merged>> {
        let mut xml = self.xml()?;
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).ok()? {
                Event::Start(e) | Event::Empty(e)
                    if e.local_name().as_ref() == "f"
                        && xml_attr(&e, "t").as_deref() == Some("array") =>
                {
                    let Some(r) = xml_attr(&e, "ref") else {
                        continue;
                    };
                    let (a, b) = r.split_once(':').unwrap_or((&r, &r));
                    if let (Some(a), Some(b)) = (crate::text::parse_a1(a), crate::text::parse_a1(b))
                        && a != b
                    {
                        out.push(Merged {
                            first_row: a.0.min(b.0),
                            first_col: a.1.min(b.1),
                            last_row: a.0.max(b.0),
                            last_col: a.1.max(b.1),
                        });
                    }
                }
                Event::Eof => return Some(out),
                _ => {}
            }
        }
    }

    /// The units the sheet's cells show through their number formats
    /// (`0.0" t€"`), by absolute 0-based (row, column). The styles are
    /// read first, and the sheet's XML is scanned for its cells' `s`
    /// attributes only when some cell format's number format carries
    /// text, so a workbook without such formats costs one small part.
    pub fn format_units(&mut self) -> BTreeMap<(u32, u32), FormatUnit> {
        self.format_units_inner().unwrap_or_default()
    }

    fn format_units_inner(&mut self) -> Option<BTreeMap<(u32, u32), FormatUnit>> {
        let styles = read_part(&mut self.zip, "xl/styles.xml")?;
        let by_xf = xf_units(&styles);
        if by_xf.iter().all(Option::is_none) {
            return Some(BTreeMap::new());
        }
        let mut xml = self.xml()?;
        let mut buf = Vec::new();
        let mut out = BTreeMap::new();
        let (mut row, mut col) = (0u32, 0u32);
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).ok()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                    if let Some(r) = xml_attr(&e, "r").and_then(|r| r.parse::<u32>().ok()) {
                        row = r.saturating_sub(1);
                    } else {
                        row = row.saturating_add(1);
                    }
                    col = 0;
                }
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                    if let Some((r, c)) = xml_attr(&e, "r").and_then(|r| crate::text::parse_a1(&r))
                    {
                        (row, col) = (r, c);
                    }
                    if let Some(unit) = xml_attr(&e, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| by_xf.get(s).cloned().flatten())
                    {
                        out.insert((row, col), unit);
                    }
                    col = col.saturating_add(1);
                }
                Event::Eof => return Some(out),
                _ => {}
            }
        }
    }
}

/// For each of `needles`, whether `part` holds it, read in blocks (a
/// sheet may unpack to more than is wise to hold at once); `None` on a
/// read error.
fn part_contains_each(mut part: impl Read, needles: &[&[u8]]) -> Option<Vec<bool>> {
    let finders: Vec<_> = needles.iter().map(memchr::memmem::Finder::new).collect();
    let keep = needles.iter().map(|n| n.len()).max().unwrap_or(1) - 1;
    let mut found = vec![false; needles.len()];
    let mut buf = vec![0u8; 1 << 16];
    let mut have = 0;
    loop {
        let n = part.read(&mut buf[have..]).ok()?;
        if n == 0 {
            return Some(found);
        }
        let end = have + n;
        for (f, finder) in found.iter_mut().zip(&finders) {
            *f = *f || finder.find(&buf[..end]).is_some();
        }
        if found.iter().all(|&f| f) {
            return Some(found);
        }
        // A needle split between two blocks is found in the next.
        let tail = keep.min(end);
        buf.copy_within(end - tail..end, 0);
        have = tail;
    }
}

/// Whether `part` holds the bytes `needle`, read in blocks (a sheet may
/// unpack to more than is wise to hold at once); `None` on a read error.
/// A buffered reader's buffered bytes are read first.
pub(super) fn part_contains(part: impl Read, needle: &[u8]) -> Option<bool> {
    part_contains_each(part, &[needle]).map(|found| found[0])
}

/// For each cell format (`cellXfs`, by index), the units its number format
/// shows, if any. Of the built-in formats (ids below 164) only the
/// percentages (9, 10) show one.
fn xf_units(styles: &str) -> Vec<Option<FormatUnit>> {
    let mut formats: std::collections::HashMap<String, FormatUnit> = Default::default();
    let mut out = Vec::new();
    let mut in_xfs = false;
    let mut xml = quick_xml::Reader::from_str(styles);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) =
                        (xml_attr(&e, "numFmtId"), xml_attr(&e, "formatCode"))
                        && let Some(unit) = crate::reading::units::excel_format_unit(&code)
                    {
                        formats.insert(id, unit);
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    let id = xml_attr(&e, "numFmtId").unwrap_or_default();
                    out.push(formats.get(&id).cloned().or_else(|| {
                        id.parse()
                            .ok()
                            .and_then(crate::reading::units::builtin_format_unit)
                    }));
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// A package of a workbook whose one sheet's part is `sheet`.
    fn package(sheet: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let parts = [
            (
                "xl/workbook.xml",
                r#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn hidden(sheet: &str) -> super::Hidden {
        let bytes = package(sheet);
        super::SheetPart::open(&bytes, "S").unwrap().hidden()
    }

    #[test]
    fn hidden_columns_and_rows_come_from_one_pass() {
        use crate::reading::grid::RowHidden::{Filtered, Hidden};
        let (cols, rows) = hidden(
            r#"<worksheet><cols><col min="2" max="3" hidden="1"/><col min="5" max="5"/></cols><sheetData><row r="1"/><row r="2" hidden="1"/><row r="4" hidden="true"/><row r="7" hidden="1"/></sheetData><autoFilter ref="A3:C5"/></worksheet>"#,
        );
        assert_eq!(cols, vec![(1, 2)]);
        assert_eq!(
            rows.into_iter().collect::<Vec<_>>(),
            vec![(1, Hidden), (3, Filtered), (6, Hidden)]
        );
        // Hidden columns alone: the word is before the rows, which are not parsed.
        let (cols, rows) = hidden(
            r#"<worksheet><cols><col min="1" max="1" hidden="1"/></cols><sheetData><row r="1"/></sheetData></worksheet>"#,
        );
        assert_eq!((cols, rows.len()), (vec![(0, 0)], 0));
        // Neither, and no sheet data at all.
        assert_eq!(hidden("<worksheet/>"), super::Hidden::default());
        assert!(super::SheetPart::open(&package("<worksheet/>"), "T").is_none());
    }

    #[test]
    fn a_word_split_between_two_blocks_is_found() {
        for at in [0, 1, (1 << 16) - 3, 1 << 16, (1 << 17) + 5] {
            let mut data = vec![b'x'; (1 << 17) + 64];
            data[at..at + 6].copy_from_slice(b"hidden");
            assert_eq!(
                super::part_contains(&data[..], b"hidden"),
                Some(true),
                "{at}"
            );
        }
        let data = vec![b'x'; (1 << 17) + 64];
        assert_eq!(super::part_contains(&data[..], b"hidden"), Some(false));
    }
}
