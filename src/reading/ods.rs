//! OpenDocument spreadsheets (.ods), read by streaming `content.xml` out of
//! the zip. Memory follows the cells present, not the cells declared: the
//! empty fillers LibreOffice writes to a sheet's end
//! (`table:number-columns-repeated="16384"`, `table:number-rows-repeated`
//! up to a million) only move the position, and a repeated non-empty cell
//! or row is counted against [`Limits::max_cells`] before it is copied.
//! Error results (`#N/A`, `#DIV/0!`, `Err:502`) become [`Cell::Error`],
//! merged ranges are recorded and filled ([`Grid::fill_merged`]), and a
//! formula without a stored value becomes [`Cell::FormulaWithoutValue`].

mod cell;
mod styles;

use styles::{ColumnStyles, Looks, Shown, Styles};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::grid::{RowHidden, put_cell};
use super::{Book, Damage, Format, FormatUnit, Grid, Limits, Merged, Unreadable};
use crate::model::Cell;

/// Rows a sheet can have in LibreOffice (by default) and Excel; a cell
/// below is refused, so that an empty row list cannot grow without bound.
const MAX_ROWS: u64 = 1 << 20;

/// Columns a sheet can have in LibreOffice and Excel.
const MAX_COLS: u64 = 1 << 14;

/// Reads every sheet of an .ods package, in the file's order, hidden ones
/// flagged. The zip's declared sizes were checked before
/// ([`super::workbook::inspect_zip`]).
///
/// Errors: an encrypted package is [`Unreadable::Encrypted`]; more than
/// `limits.max_cells` cells is [`Unreadable::TooLarge`]; a package without
/// `content.xml`, malformed XML or a cell past the last row or column a
/// sheet can have is [`Unreadable::Corrupt`], saying what is damaged.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| Unreadable::corrupt(Damage::Package, e))?;
    if is_encrypted(&mut zip) {
        return Err(Unreadable::Encrypted);
    }
    // Data styles and cell styles may stand in styles.xml too; a package
    // without one, or one that cannot be read, has none there.
    let mut styles = Styles::default();
    if let Ok(part) = zip.by_name("styles.xml") {
        let mut xml = Reader::from_reader(BufReader::new(part));
        let mut buf = Vec::new();
        loop {
            // A styles.xml that cannot be read leaves what was read of it:
            // the cells are in content.xml.
            match next(&mut xml, &mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => {
                    if styles.see(&ev).is_err() {
                        break;
                    }
                }
            }
        }
    }
    let content = zip.by_name("content.xml").map_err(|e| match e {
        ZipError::FileNotFound => Unreadable::corrupt(
            Damage::MissingPart("content.xml".into()),
            "the package has no content.xml",
        ),
        e => Unreadable::corrupt(Damage::Package, e),
    })?;
    let sheets = read_content(BufReader::with_capacity(1 << 16, content), limits, styles)?;
    Ok(Book {
        format: Format::Ods,
        sheets,
        notes: Vec::new(),
    })
}

/// Whether the file's first bytes are a flat OpenDocument spreadsheet
/// (`.fods`, LibreOffice's "Flat XML ODF Spreadsheet"): one XML document
/// whose root is `office:document` (ODF 1.2 Part 1 §3.1.2).
pub fn is_flat(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<?xml")
        && text.contains("<office:document")
}

/// Reads a flat OpenDocument spreadsheet: the content of an .ods's
/// `content.xml` and `styles.xml` in one document, read as they are.
/// Errors as [`read`].
pub fn read_flat(bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    let sheets = read_content(BufReader::new(bytes), limits, Styles::default())?;
    Ok(Book {
        format: Format::Ods,
        sheets,
        notes: Vec::new(),
    })
}

/// Whether the manifest lists encryption data: a password-protected .ods,
/// whose content.xml is ciphertext. No manifest, or one that cannot be
/// read, leaves the decision to content.xml.
fn is_encrypted(zip: &mut ZipArchive<Cursor<&[u8]>>) -> bool {
    let Ok(manifest) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut xml = Reader::from_reader(BufReader::new(manifest));
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf) {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.name().as_ref() == "manifest:encryption-data" =>
            {
                return true;
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// Reads the sheets of a `content.xml` document.
pub(super) fn read_content<R: BufRead>(
    source: R,
    limits: &Limits,
    mut styles: Styles,
) -> Result<Vec<Grid>, Unreadable> {
    let mut xml = Reader::from_reader(source);
    let mut budget = Budget {
        used: 0,
        limit: limits.max_cells,
    };
    // Table styles whose `style:table-properties` say `table:display="false"`.
    let mut hidden_styles: HashSet<String> = HashSet::new();
    let mut style: Option<String> = None;
    let mut sheets = Vec::new();
    let mut buf = Vec::new();
    let mut shown: Option<HashMap<String, Shown>> = None;
    let mut as_shown = false;
    loop {
        let ev = next(&mut xml, &mut buf)?;
        styles.see(&ev)?;
        match ev {
            Event::Start(e) if e.name().as_ref() == "style:style" => {
                style = attr(&e, "style:name")?;
            }
            Event::End(e) if e.name().as_ref() == "style:style" => style = None,
            Event::Start(e) | Event::Empty(e)
                if e.name().as_ref() == "style:table-properties"
                    && attr(&e, "table:display")?.as_deref() == Some("false") =>
            {
                hidden_styles.extend(style.clone());
            }
            // ODF 1.2 Part 1 §9.4.1: the document calculates with numbers
            // as their cells show them.
            Event::Start(e) | Event::Empty(e)
                if e.name().as_ref() == "table:calculation-settings"
                    && attr(&e, "table:precision-as-shown")?.as_deref() == Some("true") =>
            {
                as_shown = true;
            }
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let (name, hidden) = table_head(&e, &hidden_styles, sheets.len())?;
                let shown = shown.get_or_insert_with(|| styles.shown());
                let mut grid =
                    read_table(&mut xml, name, hidden, &mut budget, shown, &styles.raised)?;
                grid.precision_as_shown = as_shown;
                sheets.push(grid);
            }
            Event::Empty(e) if e.name().as_ref() == "table:table" => {
                let (name, hidden) = table_head(&e, &hidden_styles, sheets.len())?;
                sheets.push(Grid::new(name, 0, 0, Vec::new(), hidden));
            }
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

/// A table's name (or `Sheet{n}` when it has none) and whether it is hidden.
fn table_head(
    e: &BytesStart,
    hidden_styles: &HashSet<String>,
    index: usize,
) -> Result<(String, bool), Unreadable> {
    let name = attr(e, "table:name")?.unwrap_or_else(|| format!("Sheet{}", index + 1));
    let hidden = attr(e, "table:style-name")?.is_some_and(|s| hidden_styles.contains(&s));
    Ok((name, hidden))
}

/// A sheet's rows as they stream in, already in the grid's shape: from the
/// first row with a value on, each row dense from column 0 to its last
/// value, positions 0-based.
#[derive(Default)]
struct SheetRows {
    /// Row of `rows[0]`.
    first_row: u32,
    rows: Vec<Vec<Cell>>,
    /// Cells far right of the rest of their row, by absolute position.
    far: BTreeMap<(u32, u32), Cell>,
    merged: Vec<Merged>,
    /// Formulas of cells that store a number, by absolute position.
    formulas: BTreeMap<(u32, u32), String>,
    /// Units of cells' number styles, by absolute position.
    units: BTreeMap<(u32, u32), FormatUnit>,
    /// Hidden rows that hold cells, by absolute row.
    hidden_rows: BTreeMap<u32, RowHidden>,
}

/// A merged range's anchor in a row: column and spans (each at least 1).
struct Span {
    col: u32,
    rows: u64,
    cols: u64,
}

/// Reads one `table:table` up to its end tag.
fn read_table<R: BufRead>(
    xml: &mut Reader<R>,
    name: String,
    hidden: bool,
    budget: &mut Budget,
    shown: &HashMap<String, Shown>,
    raised: &HashMap<String, bool>,
) -> Result<Grid, Unreadable> {
    let mut sheet = SheetRows::default();
    let mut columns = ColumnStyles::default();
    let (mut col_at, mut hidden_columns): (u64, Vec<(u32, u32)>) = (0, Vec::new());
    let mut row: u64 = 0;
    // Tables inside this one (in a drawing, say) are not its rows.
    let mut nested = 0usize;
    let mut buf = Vec::new();
    let mut scratch = Scratch::default();
    loop {
        match next(xml, &mut buf)? {
            Event::Start(e) if e.name().as_ref() == "table:table" => nested += 1,
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if nested == 0 {
                    break;
                }
                nested -= 1;
            }
            Event::Start(e) | Event::Empty(e)
                if nested == 0 && e.name().as_ref() == "table:table-column" =>
            {
                let n = repeat_of(&e, "table:number-columns-repeated")?;
                let style = attr(&e, "table:default-cell-style-name")?;
                columns.add(n, style.filter(|s| shown.contains_key(s)));
                // A collapsed (hidden) column the person does not see.
                if attr(&e, "table:visibility")?.is_some_and(|v| v != "visible") {
                    let first = u32::try_from(col_at).unwrap_or(u32::MAX);
                    let last =
                        u32::try_from(col_at.saturating_add(n.max(1) - 1)).unwrap_or(u32::MAX);
                    hidden_columns.push((first, last));
                }
                col_at = col_at.saturating_add(n);
            }
            Event::Start(e) if nested == 0 && e.name().as_ref() == "table:table-row" => {
                let repeat = repeat_of(&e, "table:number-rows-repeated")?;
                let looks = Looks {
                    shown,
                    raised,
                    columns: &columns,
                };
                let how = row_hidden(&e)?;
                let filled =
                    read_row(xml, &mut scratch, (row, repeat), &mut sheet, budget, &looks)?;
                // Only rows with cells are named: an empty hidden row hides nothing.
                if let (Some(how), true) = (how, filled) {
                    for r in row..row + repeat {
                        sheet.hidden_rows.insert(r as u32, how);
                    }
                }
                row = row.saturating_add(repeat);
            }
            Event::Empty(e) if nested == 0 && e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(repeat_of(&e, "table:number-rows-repeated")?);
            }
            Event::Eof => return Err(corrupt(&format!("content.xml ends inside sheet {name}"))),
            _ => {}
        }
    }
    let mut grid = sheet.into_grid(name, hidden, budget);
    grid.hidden_columns = hidden_columns;
    Ok(grid)
}

/// Buffers reused from row to row.
#[derive(Default)]
struct Scratch {
    buf: Vec<u8>,
    text_buf: Vec<u8>,
    text: String,
    cells: Vec<(u32, Cell)>,
    spans: Vec<Span>,
    /// Formulas of the row's cells that store a number, by column.
    formulas: Vec<(u32, String)>,
    /// Units of the row's cells' number styles, by column.
    units: Vec<(u32, FormatUnit)>,
}

/// Reads one `table:table-row` (its start tag read) standing for `repeat`
/// rows from 0-based `row`. Empty cells only move the column; non-empty
/// ones are counted, all repeats of them, before any is stored.
fn read_row<R: BufRead>(
    xml: &mut Reader<R>,
    s: &mut Scratch,
    (row, repeat): (u64, u64),
    sheet: &mut SheetRows,
    budget: &mut Budget,
    looks: &Looks<'_>,
) -> Result<bool, Unreadable> {
    s.cells.clear();
    s.spans.clear();
    s.formulas.clear();
    s.units.clear();
    let mut col: u64 = 0;
    loop {
        let (mut attrs, open) = match next(xml, &mut s.buf)? {
            Event::Start(e) if is_cell(&e) => (cell::attrs(&e)?, true),
            Event::Empty(e) if is_cell(&e) => (cell::attrs(&e)?, false),
            Event::End(e) if e.name().as_ref() == "table:table-row" => break,
            Event::Eof => return Err(corrupt(&"content.xml ends inside a row")),
            _ => continue,
        };
        s.text.clear();
        if open {
            cell::read_text(xml, &mut s.text_buf, &mut s.text, looks.raised)?;
        }
        let look = looks.of(attrs.style.as_deref(), col);
        attrs.bool_style = look.is_some_and(|l| l.truth);
        let value = cell::value(&attrs, open.then_some(s.text.as_str()));
        if let Cell::Number(_) = value {
            if let Some(unit) = look.and_then(|l| l.unit.as_ref()) {
                for c in col..col.saturating_add(attrs.repeat).min(MAX_COLS) {
                    s.units.push((c as u32, unit.clone()));
                }
            }
            if repeat == 1
                && let Some(f) = attrs.number_formula(&value)
            {
                s.formulas.push((col.min(MAX_COLS) as u32, f));
            }
        }
        if value != Cell::Empty {
            budget.take(attrs.repeat.saturating_mul(repeat))?;
            let last = col.saturating_add(attrs.repeat - 1);
            check_position(row.saturating_add(repeat - 1), last)?;
            if attrs.rows_spanned > 1 || attrs.cols_spanned > 1 {
                s.spans.push(Span {
                    col: col as u32,
                    rows: attrs.rows_spanned,
                    cols: attrs.cols_spanned,
                });
            }
            for c in col..last {
                s.cells.push((c as u32, value.clone()));
            }
            s.cells.push((last as u32, value));
        }
        col = col.saturating_add(attrs.repeat);
    }
    if s.cells.is_empty() {
        return Ok(false);
    }
    for r in row..row + repeat {
        let r = r as u32; // checked above: below MAX_ROWS
        sheet.push(r, &s.cells, budget)?;
        sheet
            .formulas
            .extend(s.formulas.iter().map(|(c, f)| ((r, *c), f.clone())));
        sheet
            .units
            .extend(s.units.iter().map(|(c, u)| ((r, *c), u.clone())));
        sheet.merged.extend(s.spans.iter().map(|sp| Merged {
            first_row: r,
            first_col: sp.col,
            last_row: (u64::from(r) + sp.rows - 1).min(u32::MAX.into()) as u32,
            last_col: (u64::from(sp.col) + sp.cols - 1).min(u32::MAX.into()) as u32,
        }));
    }
    Ok(true)
}

/// How a `table:table-row` is hidden (`table:visibility`, ODF 1.2 Part 1
/// §19.749): `collapse` (hidden by hand or in a collapsed group) or
/// `filter` (by a filter).
fn row_hidden(e: &BytesStart) -> Result<Option<RowHidden>, Unreadable> {
    Ok(match attr(e, "table:visibility")?.as_deref() {
        Some("collapse") => Some(RowHidden::Hidden),
        Some("filter") => Some(RowHidden::Filtered),
        _ => None,
    })
}

fn is_cell(e: &BytesStart) -> bool {
    matches!(
        e.name().as_ref(),
        "table:table-cell" | "table:covered-table-cell"
    )
}

/// Refuses a cell past the last row or column a sheet can have.
fn check_position(row: u64, col: u64) -> Result<(), Unreadable> {
    if row >= MAX_ROWS || col >= MAX_COLS {
        return Err(Unreadable::corrupt(
            Damage::Content,
            format!(
                "a cell at row {} column {} is past the last cell a sheet can have \
                 ({MAX_ROWS} rows, {MAX_COLS} columns)",
                row.saturating_add(1),
                col.saturating_add(1)
            ),
        ));
    }
    Ok(())
}

impl SheetRows {
    /// Stores row `r`, below every row stored, from its values (`cells`,
    /// in column order). The empty places this makes (rows between, cells
    /// before each value) are counted first, as values were.
    fn push(
        &mut self,
        r: u32,
        cells: &[(u32, Cell)],
        budget: &mut Budget,
    ) -> Result<(), Unreadable> {
        if self.rows.is_empty() {
            self.first_row = r;
        }
        let gap = (r - self.first_row) as usize - self.rows.len();
        // A cell far right of the rest of its row costs one cell (a far
        // cell), not a row that wide: see `put_cell`.
        let mut dense = Vec::new();
        let mut far = BTreeMap::new();
        for (c, cell) in cells {
            put_cell(&mut dense, *c as usize, cell.clone(), &mut far, (r, *c));
        }
        let padding = dense.len() + far.len() - cells.len();
        budget.take((gap + 1 + padding) as u64)?;
        self.rows.resize_with(self.rows.len() + gap, Vec::new);
        dense.shrink_to_fit();
        self.rows.push(dense);
        self.far.extend(far); // append would rebuild the whole map each row
        Ok(())
    }

    /// The sheet as a [`Grid`] starting at its first filled row and column.
    /// Merged ranges are clipped to the grid, so filling them never grows it.
    fn into_grid(self, name: String, hidden: bool, budget: &Budget) -> Grid {
        if self.rows.is_empty() {
            return Grid::new(name, 0, 0, Vec::new(), hidden);
        }
        let mut grid = Grid::trimmed(name, self.first_row, self.rows, hidden)
            .with_far(self.far)
            .with_formulas(self.formulas);
        grid.set_units(self.units);
        grid.hidden_rows = self.hidden_rows;
        let (end_row, end_col) = (grid.end_row(), grid.end_col());
        let merged: Vec<Merged> = self
            .merged
            .into_iter()
            .map(|m| Merged {
                last_row: m.last_row.min(end_row - 1),
                last_col: m.last_col.min(end_col - 1),
                ..m
            })
            .filter(|m| (m.first_row, m.first_col) != (m.last_row, m.last_col))
            .collect();
        grid.fill_merged(merged, budget.limit.saturating_sub(budget.used));
        grid
    }
}

/// The cells a workbook may still hold ([`Limits::max_cells`]).
struct Budget {
    used: u64,
    limit: u64,
}

impl Budget {
    /// Counts `n` more cells, or refuses them all.
    fn take(&mut self, n: u64) -> Result<(), Unreadable> {
        let used = self.used.saturating_add(n);
        if used > self.limit {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: used,
                limit: self.limit,
            });
        }
        self.used = used;
        Ok(())
    }
}

/// The next XML event, into a cleared `buf`; an XML error is a corrupt file.
fn next<'b, R: BufRead>(
    xml: &mut Reader<R>,
    buf: &'b mut Vec<u8>,
) -> Result<Event<'b>, Unreadable> {
    buf.clear();
    xml.read_event_into(buf).map_err(|e| {
        corrupt(&format!(
            "content.xml: {e} (at byte {})",
            xml.error_position()
        ))
    })
}

/// An attribute's value, entities resolved.
fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, Unreadable> {
    match e.try_get_attribute(name).map_err(|e| corrupt(&e))? {
        Some(a) => a
            .normalized_value(XmlVersion::Implicit1_0)
            .map(|v| Some(v.into_owned()))
            .map_err(|e| corrupt(&e)),
        None => Ok(None),
    }
}

/// A repeat count attribute (1 when absent).
fn repeat_of(e: &BytesStart, name: &str) -> Result<u64, Unreadable> {
    Ok(match e.try_get_attribute(name).map_err(|e| corrupt(&e))? {
        Some(a) => cell::count(&a.value),
        None => 1,
    })
}

/// Broken XML in `content.xml` (where every cell is), the parser's words
/// as the detail.
fn corrupt(e: &dyn std::fmt::Display) -> Unreadable {
    Unreadable::corrupt(Damage::Xml(Some("content.xml".into())), e)
}

#[cfg(test)]
mod tests;
