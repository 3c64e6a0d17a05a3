//! Workbooks through calamine: xlsx, xlsm and xlsb streamed cell by cell
//! (memory bounded by the cells present; xlsx with its formulas in the same
//! pass) and Excel 95 xls through calamine's ranges. Excel 97–2003 xls has
//! its own sparse reader ([`super::xls`]), and so has ods ([`super::ods`]).

use std::collections::BTreeMap;
use std::io::Cursor;

use std::io::Read;

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};

use super::grid::put_cell;
use quick_xml::events::Event;

mod raised_strings;
mod sheet_part;
mod xlsb_parts;
mod xlsb_short;
pub use sheet_part::SheetPart;

use super::{Book, Damage, Format, Grid, Limits, Merged, Unreadable};
use crate::model::Cell;
use crate::model::parse::Date;

/// Zip local-file signature: xlsx, xlsm, xlsb, ods.
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
}

/// OLE compound file signature: xls, or an encrypted OOXML package.
pub fn is_cfb(head: &[u8]) -> bool {
    head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// An encrypted xlsx is a CFB container with an `EncryptionInfo` stream; its
/// directory stores stream names in UTF-16LE.
pub fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Reads the zip's central directory: refuses a zip whose parts would
/// unpack past the limit (a zip bomb) before anything is inflated, and
/// tells xlsb and ods from xlsx by the part names. A zip the directory
/// cannot be read from is left to calamine, which will say why.
pub fn inspect_zip(bytes: &[u8], limits: &Limits) -> Result<Format, Unreadable> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(Format::Xlsx);
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            total = total.saturating_add(f.size());
        }
    }
    if total > limits.max_unpacked_bytes {
        return Err(Unreadable::TooLarge {
            what: "bytes",
            found: total,
            limit: limits.max_unpacked_bytes,
        });
    }
    let has = |name: &str| zip.file_names().any(|n| n.is_ok_and(|n| n == name));
    // A package with neither an xlsb, an ods nor an xlsx workbook part (a
    // damaged copy, a Word file renamed) has no sheets to look at: it is
    // damaged, not a workbook without a measure sheet.
    if !has("xl/workbook.bin") && !has("content.xml") && !has("xl/workbook.xml") {
        return Err(Unreadable::corrupt(
            Damage::MissingPart("xl/workbook.xml".into()),
            "the package has no xl/workbook.xml",
        ));
    }
    Ok(if has("xl/workbook.bin") {
        Format::Xlsb
    } else if has("content.xml") && !has("xl/workbook.xml") {
        Format::Ods
    } else {
        Format::Xlsx
    })
}

/// Reads every sheet's values, hidden sheets flagged: xlsx, xlsm, xlsb and
/// xls (ods has [`super::ods::read`]).
pub fn read(bytes: &[u8], format: Format, limits: &Limits) -> Result<Book, Unreadable> {
    let cursor = Cursor::new(bytes);
    let sheets = match format {
        Format::Xlsx | Format::Xlsm => {
            let recalc = asks_recalculation(bytes);
            let mut reader = Xlsx::new(cursor).map_err(from_xlsx)?;
            let names: Vec<String> = reader.sheet_names();
            let tables = super::tables::tables(bytes, &names);
            let raised = raised_strings::raised_strings(bytes);
            stream_xlsx(&mut reader, limits, recalc, &tables, &raised)?
        }
        // SheetJS's short cell records, made full ones calamine reads.
        Format::Xlsb => match xlsb_short::expanded(bytes, limits)? {
            Some(full) => {
                let cursor = Cursor::new(full.as_slice());
                stream_xlsb(&mut Xlsb::new(cursor).map_err(from_xlsb)?, limits)?
            }
            None => stream_xlsb(&mut Xlsb::new(cursor).map_err(from_xlsb)?, limits)?,
        },
        // BIFF8 read sparsely (super::xls); Excel 95 (BIFF5) through calamine.
        Format::Xls => {
            let bytes = super::xls::with_free_sectors(bytes);
            match super::xls::read(&bytes, limits)? {
                Some(sheets) => sheets,
                None => sheets_of(
                    &mut Xls::new(Cursor::new(bytes.as_ref())).map_err(from_xls)?,
                    limits,
                )?,
            }
        }
        Format::Ods | Format::Csv => {
            return Err(Unreadable::corrupt(
                Damage::Content,
                format!("{} is not read through calamine", format.as_str()),
            ));
        }
    };
    if matches!(format, Format::Xlsx | Format::Xlsm) && calc_attr_false(bytes, "fullPrecision") {
        let mut sheets = sheets;
        sheets.iter_mut().for_each(|g| g.precision_as_shown = true);
        return Ok(Book {
            format,
            sheets,
            notes: Vec::new(),
        });
    }
    Ok(Book {
        format,
        sheets,
        notes: Vec::new(),
    })
}

/// Whether `<calcPr>` of `xl/workbook.xml` sets attribute `name` false
/// (`fullPrecision="0"`: "precision as displayed", ECMA-376 Part 1
/// §18.2.2).
fn calc_attr_false(bytes: &[u8], name: &str) -> bool {
    let Some(xml) = zip::ZipArchive::new(Cursor::new(bytes))
        .ok()
        .and_then(|mut z| read_part(&mut z, "xl/workbook.xml"))
    else {
        return false;
    };
    xml.find("<calcPr").is_some_and(|start| {
        let tag = &xml[start..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        tag.contains(&format!("{name}=\"0\"")) || tag.contains(&format!("{name}=\"false\""))
    })
}

/// Whether the workbook asks to be recalculated when opened
/// (`<calcPr fullCalcOnLoad="1"/>`, ECMA-376 Part 1 §18.2.2): XlsxWriter,
/// pandas' default engine, and rust_xlsxwriter write it and store `0` as
/// every formula's result, a placeholder for Excel to replace. A workbook
/// whose `xl/workbook.xml` cannot be read asks nothing (calamine reports it).
fn asks_recalculation(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(part) = zip.by_name("xl/workbook.xml") else {
        return false;
    };
    // The part is small (sheet names and defined names); bounded all the same.
    let mut xml = String::new();
    if part.take(16 << 20).read_to_string(&mut xml).is_err() {
        return false;
    }
    xml.find("<calcPr").is_some_and(|start| {
        let tag = &xml[start..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        tag.contains("fullCalcOnLoad=\"1\"") || tag.contains("fullCalcOnLoad=\"true\"")
    })
}

/// Whether a stored formula result is a placeholder: `0` or nothing, in a
/// workbook that asks to be recalculated. Any other stored result was put
/// there by a program that calculated it.
fn is_placeholder(value: &DataRef) -> bool {
    match value {
        DataRef::Empty => true,
        DataRef::Float(f) => *f == 0.0,
        DataRef::Int(i) => *i == 0,
        DataRef::String(s) => s.is_empty() || s == "0",
        _ => false,
    }
}

/// xlsx: each cell streamed with its formula, placed at its absolute
/// position; the formulas of cells that store a number are kept with the
/// grid ([`Grid::formula`]), to be checked against their results. A formula with no stored value, or with a placeholder result
/// in a workbook that asks to be recalculated (`recalc`), becomes
/// [`Cell::FormulaWithoutValue`] here, so no second parse is needed. The
/// structured references of `tables` become A1 ranges; a shared string
/// with raised runs is the text shown (`raised`, by the plain text calamine
/// gives). Chart, dialog and macro sheets hold no cells to read and are
/// skipped.
fn stream_xlsx(
    reader: &mut Xlsx<Cursor<&[u8]>>,
    limits: &Limits,
    recalc: bool,
    tables: &[super::tables::Table],
    raised: &std::collections::HashMap<String, String>,
) -> Result<Vec<Grid>, Unreadable> {
    let meta: Vec<_> = reader.sheets_metadata().to_vec();
    stream_sheets(reader, meta, limits, |reader, name, placer| {
        let mut cr = reader.worksheet_cells_reader(name).map_err(from_xlsx)?;
        while let Some(c) = cr.next_cell_with_formula().map_err(from_xlsx)? {
            // A table's structured references as the ranges they name.
            let formula = match c.formula {
                Some(f) if !tables.is_empty() && f.contains('[') => {
                    Some(super::tables::resolve_references(&f, name, c.pos, tables).unwrap_or(f))
                }
                f => f,
            };
            let cell = match (&c.value, formula) {
                (DataRef::Empty, Some(f)) if !f.is_empty() => Cell::FormulaWithoutValue(f),
                (v, Some(f)) if recalc && !f.is_empty() && is_placeholder(v) => {
                    Cell::FormulaWithoutValue(f)
                }
                (v @ (DataRef::Float(_) | DataRef::Int(_)), Some(f)) if !f.is_empty() => {
                    // A stored number is checked against its formula
                    // where it is read (a stale result, calcMode="manual").
                    placer.formula(c.pos, f);
                    cell_of_ref(v)
                }
                (DataRef::SharedString(s), _) if !raised.is_empty() => match raised.get(*s) {
                    Some(shown) => Cell::Text(shown.as_str().into()),
                    None => Cell::Text((*s).into()),
                },
                (v, _) => cell_of_ref(v),
            };
            placer.place(c.pos, cell)?;
        }
        Ok(())
    })
}

/// xlsb: each cell streamed, as for xlsx (calamine's ranges are dense: one
/// stray cell far away would cost rows × columns). The format stores every
/// formula's result, so no formulas are needed.
fn stream_xlsb(reader: &mut Xlsb<Cursor<&[u8]>>, limits: &Limits) -> Result<Vec<Grid>, Unreadable> {
    let meta: Vec<_> = reader.sheets_metadata().to_vec();
    stream_sheets(reader, meta, limits, |reader, name, placer| {
        let mut cr = reader.worksheet_cells_reader(name).map_err(from_xlsb)?;
        while let Some(c) = cr.next_cell().map_err(from_xlsb)? {
            placer.place(c.get_position(), cell_of_ref(c.get_value()))?;
        }
        Ok(())
    })
}

/// A grid for each worksheet of `meta` (chart, dialog and macro sheets hold
/// no cells to read), whose cells `each` streams into a [`Placer`]; the
/// cell limit counts over the whole workbook.
fn stream_sheets<R>(
    reader: &mut R,
    meta: Vec<calamine::Sheet>,
    limits: &Limits,
    mut each: impl FnMut(&mut R, &str, &mut Placer<'_>) -> Result<(), Unreadable>,
) -> Result<Vec<Grid>, Unreadable> {
    let mut out = Vec::with_capacity(meta.len());
    let mut cells: u64 = 0;
    for sheet in meta.into_iter().filter(|s| s.typ == SheetType::WorkSheet) {
        let mut placer = Placer {
            rows: Vec::new(),
            far: BTreeMap::new(),
            formulas: BTreeMap::new(),
            width: 0,
            cells: &mut cells,
            limit: limits.max_cells,
        };
        each(reader, &sheet.name, &mut placer)?;
        out.push(placer.into_grid(&sheet));
    }
    Ok(out)
}

/// What calamine's xlsx error says is damaged; its words are the detail.
fn from_xlsx(e: calamine::XlsxError) -> Unreadable {
    use calamine::XlsxError as E;
    let what = match &e {
        E::Io(_) | E::Zip(_) => Damage::Package,
        E::Xml(_) | E::XmlAttr(_) | E::XmlEof(_) | E::UnexpectedNode(_) => Damage::Xml(None),
        E::FileNotFound(part) => Damage::MissingPart(part.clone()),
        _ => Damage::Content,
    };
    Unreadable::corrupt(what, e)
}

/// What calamine's xlsb error says is damaged; its words are the detail.
fn from_xlsb(e: calamine::XlsbError) -> Unreadable {
    use calamine::XlsbError as E;
    let what = match &e {
        E::Io(_) | E::Zip(_) => Damage::Package,
        E::Xml(_) | E::XmlAttr(_) => Damage::Xml(None),
        E::FileNotFound(part) => Damage::MissingPart(part.clone()),
        _ => Damage::Content,
    };
    Unreadable::corrupt(what, e)
}

/// calamine's error about an Excel 95 file: its structure; its words are
/// the detail.
fn from_xls(e: calamine::XlsError) -> Unreadable {
    Unreadable::corrupt(Damage::Xls, e)
}

/// Places streamed cells at their absolute positions in a grid, counting
/// them against the file's cell limit; empty cells cost nothing, and a cell
/// far right of the rest of its row costs one cell ([`put_cell`]).
struct Placer<'g> {
    rows: Vec<Vec<Cell>>,
    far: BTreeMap<(u32, u32), Cell>,
    /// Formulas of cells that store a number, by absolute position.
    formulas: BTreeMap<(u32, u32), String>,
    /// The widest row so far.
    width: usize,
    /// Cells of the whole file so far.
    cells: &'g mut u64,
    limit: u64,
}

impl Placer<'_> {
    #[inline]
    fn place(&mut self, pos: (u32, u32), cell: Cell) -> Result<(), Unreadable> {
        if cell == Cell::Empty {
            return Ok(());
        }
        *self.cells += 1;
        if *self.cells > self.limit {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: *self.cells,
                limit: self.limit,
            });
        }
        let (r, col) = (pos.0 as usize, pos.1 as usize);
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut self.rows[r];
        if row.len() == col {
            if row.capacity() == 0 {
                // As wide as the widest row so far (a row's cells arrive
                // one by one, and most rows are alike).
                row.reserve_exact(self.width.max(col + 1));
            }
            row.push(cell); // the next cell of the row, the usual case
        } else {
            put_cell(row, col, cell, &mut self.far, pos);
        }
        self.width = self.width.max(row.len());
        Ok(())
    }

    /// Keeps the formula of the cell at `pos`, whose stored result is a number.
    fn formula(&mut self, pos: (u32, u32), formula: String) {
        self.formulas.insert(pos, formula);
    }

    fn into_grid(self, sheet: &calamine::Sheet) -> Grid {
        Grid::new(
            sheet.name.clone(),
            0,
            0,
            self.rows,
            sheet.visible != SheetVisible::Visible,
        )
        .with_far(self.far)
        .with_formulas(self.formulas)
    }
}

fn sheets_of(reader: &mut Xls<Cursor<&[u8]>>, limits: &Limits) -> Result<Vec<Grid>, Unreadable> {
    let meta: Vec<_> = reader.sheets_metadata().to_vec();
    let mut out = Vec::with_capacity(meta.len());
    let mut cells: u64 = 0;
    for sheet in meta.into_iter().filter(|s| s.typ == SheetType::WorkSheet) {
        let range = reader.worksheet_range(&sheet.name).map_err(from_xls)?;
        let (h, w) = range.get_size();
        cells = cells.saturating_add((h as u64).saturating_mul(w as u64));
        if cells > limits.max_cells {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: cells,
                limit: limits.max_cells,
            });
        }
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        // Each row only up to its last value: calamine's range is dense, and
        // one stray cell far away (IV65536 in an .xls) would otherwise make
        // every row of the grid as wide and as many as the range.
        let rows = range
            .rows()
            .map(|r| {
                let end = r
                    .iter()
                    .rposition(|d| *d != Data::Empty)
                    .map_or(0, |i| i + 1);
                r[..end].iter().map(cell_of).collect()
            })
            .collect();
        out.push(Grid::new(
            sheet.name.clone(),
            first_row,
            first_col,
            rows,
            sheet.visible != SheetVisible::Visible,
        ));
    }
    Ok(out)
}

fn date_cell(dt: &calamine::ExcelDateTime) -> Cell {
    // A duration (`[h]:mm` shows 1,5 as 36:00): its text, as LibreOffice's
    // .ods gives it, so an FTE shown as hours is a type error, not 1,5
    // read in silence. calamine does not say the bracket's unit; hours
    // are what such formats count in.
    if dt.is_duration() {
        return crate::model::parse::elapsed_time(dt.as_f64(), 'h')
            .map_or(Cell::Number(dt.as_f64()), |t| Cell::Text(t.into()));
    }
    if !dt.is_datetime() {
        return Cell::Number(dt.as_f64());
    }
    // A time of day (`hh:mm`, a serial below 1): shown as 12:00, not as
    // the day 0 of 1900 (as the xls and ods readers give it).
    if let Some(t) = crate::model::parse::clock_time(dt.as_f64()) {
        return Cell::Text(t.into());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    match Date::new(i32::from(y), u32::from(m), u32::from(d)) {
        Some(date) => Cell::Date(date),
        None => Cell::Number(dt.as_f64()),
    }
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.as_str().into()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_cell(dt),
        Data::DateTimeIso(s) => iso_date_cell(s),
        Data::DurationIso(s) => Cell::Text(s.as_str().into()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A cell stored as an ISO 8601 date (`t="d"`, `2021-06-30T00:00:00`, as
/// some writers store dates): a date, as the same date stored as a serial
/// number is; a time or a text that is no date stays text.
fn iso_date_cell(s: &str) -> Cell {
    let day = s.split('T').next().unwrap_or(s);
    match (day.len(), crate::model::parse::parse_date(day)) {
        (10, Ok(d)) => Cell::Date(d),
        _ => Cell::Text(s.into()),
    }
}

#[inline]
fn cell_of_ref(d: &DataRef) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.as_str().into()),
        DataRef::SharedString(s) => Cell::Text((*s).into()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::DateTimeIso(s) => iso_date_cell(s),
        DataRef::DurationIso(s) => Cell::Text(s.as_str().into()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// The formulas of one sheet as (absolute row, column, formula), for finding
/// formula cells that store no result in formats read through ranges. Any
/// failure yields no formulas: the values were already read.
pub fn formulas(bytes: &[u8], format: Format, sheet: &str) -> Vec<(u32, u32, String)> {
    let cursor = Cursor::new(bytes);
    let range = match format {
        Format::Xlsb => Xlsb::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        // A BIFF8 FORMULA record always stores its result, which super::xls
        // read; only Excel 95 files go through calamine.
        Format::Xls if super::xls::is_biff8(bytes) => None,
        Format::Xls => Xls::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        // xlsx and ods read formulas with the values; CSV has none.
        Format::Xlsx | Format::Xlsm | Format::Ods | Format::Csv => None,
    };
    let Some(range) = range else {
        return Vec::new();
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| (r0 + r as u32, c0 + c as u32, f.clone()))
        .collect()
}

/// The merged ranges of one sheet, for the formats that record them and
/// calamine reads (xlsx, xlsm, xls), and xlsb from its sheet's part. Any failure yields none: the values
/// were already read.
pub fn merged(bytes: &[u8], format: Format, sheet: &str) -> Vec<Merged> {
    let cursor = Cursor::new(bytes);
    let dims = match format {
        Format::Xlsx | Format::Xlsm => Xlsx::new(cursor)
            .ok()
            .and_then(|mut r| r.merge_cells_by_sheet_name(sheet).ok()),
        // super::xls filled and recorded a BIFF8 sheet's ranges already.
        Format::Xls if super::xls::is_biff8(bytes) => None,
        Format::Xls => Xls::new(cursor)
            .ok()
            .and_then(|r| r.merge_cells_by_sheet_name(sheet).ok()),
        Format::Xlsb => return xlsb_parts::merged(bytes, sheet),
        Format::Ods | Format::Csv => None,
    };
    dims.unwrap_or_default()
        .into_iter()
        .map(|d| Merged {
            first_row: d.start.0.min(d.end.0),
            first_col: d.start.1.min(d.end.1),
            last_row: d.start.0.max(d.end.0),
            last_col: d.start.1.max(d.end.1),
        })
        .collect()
}

/// The columns and rows an xlsb sheet hides (calamine does not report
/// them). Any failure yields none.
pub fn xlsb_hidden(bytes: &[u8], sheet: &str) -> sheet_part::Hidden {
    xlsb_parts::hidden(bytes, sheet)
}

/// The units an xlsb sheet's cells' number formats show (calamine does
/// not report them). Any failure yields none.
pub fn xlsb_format_units(bytes: &[u8], sheet: &str) -> BTreeMap<(u32, u32), super::FormatUnit> {
    xlsb_parts::format_units(bytes, sheet)
}

/// Most bytes of `xl/styles.xml` or `xl/workbook.xml` read for number formats.
const STYLES_MAX: u64 = 16 << 20;

/// A part of the package as text, bounded.
pub(super) fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let part = zip.by_name(name).ok()?;
    let mut text = String::new();
    part.take(STYLES_MAX).read_to_string(&mut text).ok()?;
    Some(text)
}

/// An attribute's value, unescaped; `None` when absent or unreadable.
pub(super) fn xml_attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// The part name of the worksheet called `sheet`, from the workbook and
/// its relationships.
pub(super) fn sheet_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, sheet: &str) -> Option<String> {
    let workbook = read_part(zip, "xl/workbook.xml")?;
    let rels = read_part(zip, "xl/_rels/workbook.xml.rels")?;
    let mut id = None;
    let mut xml = quick_xml::Reader::from_str(&workbook);
    loop {
        match xml.read_event().ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "sheet"
                    && xml_attr(&e, "name").as_deref() == Some(sheet) =>
            {
                id = e.attributes().flatten().find_map(|a| {
                    let key: &str = a.key.as_ref();
                    (key == "r:id" || key.ends_with(":id")).then(|| a.value.to_string())
                });
                break;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let id = id?;
    let mut xml = quick_xml::Reader::from_str(&rels);
    loop {
        match xml.read_event().ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "Relationship"
                    && xml_attr(&e, "Id").as_deref() == Some(id.as_str()) =>
            {
                let target = xml_attr(&e, "Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// A package holding only `xl/workbook.xml`.
    fn package(workbook: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(workbook.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn precision_as_displayed_is_read_from_calc_pr() {
        let calc = |attrs: &str| {
            let xml = format!("<workbook><calcPr calcId=\"191029\" {attrs}/></workbook>");
            super::calc_attr_false(&package(&xml), "fullPrecision")
        };
        assert!(calc("fullPrecision=\"0\""));
        assert!(calc("fullPrecision=\"false\""));
        assert!(!calc("fullPrecision=\"1\""));
        assert!(!calc("fullCalcOnLoad=\"1\""));
        assert!(!super::calc_attr_false(b"not a zip", "fullPrecision"));
    }
}
