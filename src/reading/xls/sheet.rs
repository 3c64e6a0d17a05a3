//! One worksheet's substream (MS-XLS 2.1.7.20.5): its cell records placed
//! in a sparse grid, so that memory follows the cells present, not the
//! DIMENSIONS record (one stray cell at IV65536 costs one row of 256
//! cells, not 65 536 of them). A row is still held densely from the
//! sheet's first column ([`Grid`]'s layout), so a whole column filled at
//! IV costs 256 cells a row.

use std::collections::BTreeMap;

use compact_str::CompactString;

use super::cells::{self, Formats};
use super::records::{Record, Records, corrupt, u16_at};
use super::rgce;
use super::strings::unicode_string;
use crate::model::Cell;
use crate::reading::grid::{RowHidden, put_cell};
use crate::reading::{FAR_GAP, Grid, Limits, Merged, Unreadable};

/// Last column of a BIFF8 sheet (IV, 0-based 255): a record past it is
/// not one Excel writes, and would let one cell cost a 64K-wide row.
const LAST_COL: u16 = 0xFF;

/// What the sheets read need from the workbook globals.
pub(super) struct Globals {
    /// Shared strings (SST), by index.
    pub strings: Vec<CompactString>,
    /// Number formats per XF, and the date system.
    pub formats: Formats,
    /// The sheet each EXTERNSHEET entry (XTI) names, where it is a sheet
    /// of this workbook, by index: for 3-D references (`'Muut'!B2`).
    pub xti_sheets: Vec<Option<String>>,
    /// The function each NAME record names, by index from 0 (a ptgName's
    /// index less one), where it is one: LibreOffice writes the functions
    /// newer than BIFF8 (`IFERROR`) as a name called through ptgFuncVar 255.
    pub function_names: Vec<Option<String>>,
    /// PRECISION (MS-XLS 2.4.210) 0: "precision as displayed".
    pub precision_as_shown: bool,
}

/// The cells of one sheet, by absolute 0-based row and column, and the
/// count of cells read in the whole workbook so far.
struct Builder<'l> {
    rows: Vec<Vec<Cell>>,
    /// Cells far right of the rest of their row, by absolute position.
    far: BTreeMap<(u32, u32), Cell>,
    /// The widest row so far, to size a new row's first allocation.
    width: usize,
    cells: &'l mut u64,
    limits: &'l Limits,
    /// Units cells' number formats show, by absolute position.
    units: BTreeMap<(u32, u32), crate::reading::FormatUnit>,
    /// The decoded formulas of cells that store a number, by absolute
    /// position, to be checked against their results ([`Grid::formula`]).
    formulas: BTreeMap<(u32, u32), String>,
    /// What the sheet says of its formulas' stored results.
    results: Results,
}

/// What a sheet's FORMULA records store as results, and the formulas
/// whose empty-text result may be no result at all: xlwt (pandas' .xls
/// engine before pandas 2.0) stores an empty text for every formula and
/// leaves Excel to calculate on load, while Excel and LibreOffice store
/// an empty text only where the formula gives one (`=IF(…;"";…)`).
#[derive(Debug, Default)]
pub(super) struct Results {
    /// A formula stored a result other than an empty text (a number, a
    /// text, a truth value, an error): the writer calculates.
    pub stored: bool,
    /// SAVERECALC (MS-XLS 2.4.248) asks to recalculate before saving, as
    /// Excel and LibreOffice do (xlwt writes 0).
    pub recalculated_on_save: bool,
    /// Formulas kooste does not evaluate whose stored result is an empty
    /// text, by absolute position, with their text for a message.
    pub empty_text: Vec<(u32, u32, String)>,
}

impl Results {
    /// Whether nothing in the sheet says its writer calculated.
    pub(super) fn none_stored(&self) -> bool {
        !self.stored && !self.recalculated_on_save
    }
}

impl Builder<'_> {
    /// Stores a cell, counting it against the workbook's cell limit first.
    fn put(&mut self, row: u16, col: u16, cell: Cell) -> Result<(), Unreadable> {
        if col > LAST_COL {
            return Err(corrupt(format!("a cell in column {col}, past IV")));
        }
        *self.cells += 1;
        if *self.cells > self.limits.max_cells {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: *self.cells,
                limit: self.limits.max_cells,
            });
        }
        let (r, c) = (usize::from(row), usize::from(col));
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let Some(cells) = self.rows.get_mut(r) else {
            return Ok(());
        };
        if cells.capacity() == 0 && c < FAR_GAP {
            // Rows are mostly alike: size a new row as the widest so far.
            cells.reserve_exact(self.width.max(c + 1));
        }
        // A cell far right of the rest of its row (IV65536) costs one cell.
        put_cell(
            cells,
            c,
            cell,
            &mut self.far,
            (u32::from(row), u32::from(col)),
        );
        self.width = self.width.max(cells.len());
        Ok(())
    }

    /// The grid, with its origin at the first row and column that hold a
    /// cell (as calamine placed it, so A1 references stay the same).
    fn finish(mut self, name: String, hidden: bool) -> (Grid, Results) {
        let first_row = self.rows.iter().position(|r| !r.is_empty()).unwrap_or(0);
        self.rows.drain(..first_row);
        let mut grid = Grid::trimmed(name, first_row as u32, self.rows, hidden)
            .with_far(self.far)
            .with_formulas(self.formulas);
        grid.set_units(self.units);
        (grid, self.results)
    }

    /// Notes the unit the number format of cell format `xf` shows, if any.
    fn unit(&mut self, formats: &cells::Formats, (row, col, xf): (u16, u16, u16)) {
        if let Some(u) = formats.unit(xf) {
            self.units
                .insert((u32::from(row), u32::from(col)), u.clone());
        }
    }
}

/// Reads the worksheet whose BOF is at byte `offset` of the stream. Cells
/// count against `limits.max_cells` through `cells` (the workbook's count).
/// Merged ranges are filled in and recorded on the grid. Also returns what
/// the sheet says of its formulas' stored results.
pub(super) fn read(
    stream: &[u8],
    offset: usize,
    (name, hidden): (String, bool),
    globals: &Globals,
    cells: &mut u64,
    limits: &Limits,
) -> Result<(Grid, Results), Unreadable> {
    if offset >= stream.len() {
        return Err(corrupt(format!(
            "sheet \"{name}\" starts past the end of the stream"
        )));
    }
    let mut b = Builder {
        rows: Vec::new(),
        far: BTreeMap::new(),
        width: 0,
        cells,
        limits,
        units: BTreeMap::new(),
        formulas: BTreeMap::new(),
        results: Results::default(),
    };
    let mut merged = Vec::new();
    let mut hidden_columns = Vec::new();
    let mut pending_string = None;
    let mut depth = 0usize;
    let mut hidden_rows = BTreeMap::new();
    let mut filtered = false;
    for record in Records::new(stream, offset) {
        let record = record?;
        match record.typ {
            // BOF (MS-XLS 2.4.21): the sheet's own, or an embedded chart's
            // substream, skipped to its EOF.
            0x0809 => depth += 1,
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            _ if depth > 1 => {}
            // MERGEDCELLS (MS-XLS 2.4.168).
            0x00E5 => merged_ranges(record.data, &mut merged),
            // COLINFO (MS-XLS 2.4.53): colFirst, colLast, coldx, ixfe, then
            // flags whose bit 0 is fHidden.
            0x007D => {
                if let (Some(first), Some(last), Some(flags)) = (
                    u16_at(record.data, 0),
                    u16_at(record.data, 2),
                    u16_at(record.data, 8),
                ) && flags & 1 == 1
                {
                    hidden_columns.push((u32::from(first), u32::from(last.max(first))));
                }
            }
            // ROW (MS-XLS 2.4.221): fDyZero (bit 5 of the flags) hides it.
            0x0208 => {
                if let (Some(row), Some(flags)) = (u16_at(record.data, 0), u16_at(record.data, 12))
                    && flags & 0x20 != 0
                {
                    hidden_rows.insert(u32::from(row), RowHidden::Hidden);
                }
            }
            // FILTERMODE (MS-XLS 2.4.120): a filter hides rows of the sheet.
            0x009B => filtered = true,
            // SAVERECALC (MS-XLS 2.4.248).
            0x005F => b.results.recalculated_on_save |= u16_at(record.data, 0) == Some(1),
            // STRING (MS-XLS 2.4.268): the string result of the FORMULA before.
            0x0207 => {
                if let Some((row, col)) = pending_string.take() {
                    let s = unicode_string(&record, 0)?;
                    b.put(row, col, Cell::Text(s))?;
                }
            }
            _ => cell_record(&record, globals, &mut b, &mut pending_string)?,
        }
    }
    let (mut grid, results) = b.finish(name, hidden);
    grid.hidden_columns = hidden_columns;
    if filtered {
        // The records do not say which rows the filter hid: in a sheet a
        // filter applies to, a hidden row is taken for a filtered one.
        hidden_rows
            .values_mut()
            .for_each(|h| *h = RowHidden::Filtered);
    }
    // Rows with no cells hide nothing.
    hidden_rows.retain(|r, _| grid.filled_in_row(*r).next().is_some());
    grid.hidden_rows = hidden_rows;
    grid.precision_as_shown = globals.precision_as_shown;
    if !merged.is_empty() {
        let budget = limits.max_cells.saturating_sub(*cells);
        grid.fill_merged(merged, budget);
    }
    Ok((grid, results))
}

/// Places the cells of one cell record; other records are ignored.
fn cell_record(
    r: &Record<'_>,
    g: &Globals,
    b: &mut Builder<'_>,
    pending_string: &mut Option<(u16, u16)>,
) -> Result<(), Unreadable> {
    let short = || corrupt(format!("cell record 0x{:04X} is cut short", r.typ));
    let f = &g.formats;
    if !f.unit_xf.is_empty() {
        match r.typ {
            // NUMBER, RK, FORMULA: one cell whose head names its format.
            0x0203 | 0x027E | 0x0006 => {
                if let Some(head) = cells::head(r.data) {
                    b.unit(f, head);
                }
            }
            0x00BD => {
                let row = u16_at(r.data, 0).unwrap_or(0);
                let first = u16_at(r.data, 2).unwrap_or(0);
                let entries = r.data.get(4..r.data.len().saturating_sub(2)).unwrap_or(&[]);
                for (i, e) in entries.chunks_exact(6).enumerate() {
                    let col = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                    if let (Some(col), Some(xf)) = (col, u16_at(e, 0)) {
                        b.unit(f, (row, col, xf));
                    }
                }
            }
            _ => {}
        }
    }
    let (row, col, cell) = match r.typ {
        0x0203 => cells::number(r.data, f).ok_or_else(short)?,
        0x027E => cells::rk_cell(r.data, f).ok_or_else(short)?,
        0x0205 => cells::bool_err(r.data).ok_or_else(short)?,
        0x00BD => {
            let (row, first, cells) = cells::mul_rk(r.data, f).ok_or_else(short)?;
            for (i, cell) in cells.into_iter().enumerate() {
                let col = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                b.put(row, col.ok_or_else(short)?, cell)?;
            }
            return Ok(());
        }
        0x00FD => {
            let (row, col, index) = cells::label_sst(r.data).ok_or_else(short)?;
            // An index past the table: no cell, as calamine read it.
            let Some(s) = usize::try_from(index).ok().and_then(|i| g.strings.get(i)) else {
                return Ok(());
            };
            (row, col, Cell::Text(s.clone()))
        }
        // LABEL (2.4.148) and RSTRING (2.4.224): the string after the cell head.
        0x0204 | 0x00D6 => {
            let (row, col, _) = cells::head(r.data).ok_or_else(short)?;
            (row, col, Cell::Text(unicode_string(r, 6)?))
        }
        0x0006 => match cells::formula(r.data, f).ok_or_else(short)? {
            (row, col, cells::Result::Value(cell)) => {
                (row, col, formula_cell(r.data, (row, col), cell, b, g))
            }
            (row, col, cells::Result::StringFollows) => {
                b.results.stored = true;
                *pending_string = Some((row, col));
                return Ok(());
            }
        },
        _ => return Ok(()),
    };
    b.put(row, col, cell)
}

/// A FORMULA record's tokens (MS-XLS 2.5.133 Formula: the
/// CellParsedFormula after 20 bytes of cell, result and flags; its `cce`,
/// then the tokens).
fn formula_tokens(data: &[u8]) -> Option<&[u8]> {
    let cce = usize::from(u16_at(data, 20)?);
    data.get(22..22 + cce)
}

/// The cell a FORMULA record's stored result makes. A number keeps its
/// decoded formula beside the grid, to be checked against it as xlsx and
/// ods numbers are (a stale result is `formula-mismatch`). An empty string
/// is what xlwt (pandas' .xls engine before pandas 2.0) stores for every
/// formula, leaving Excel to calculate on load: where the formula decodes
/// it is a formula without a value, evaluated as an xlsx placeholder is.
///
/// A formula kooste does not decode keeps its empty text, and is noted:
/// where no formula of the workbook stores a result (xlwt), it is a
/// formula without a value too (`formula-without-value`), never an empty
/// cell.
fn formula_cell(
    data: &[u8],
    (row, col): (u16, u16),
    cell: Cell,
    b: &mut Builder<'_>,
    globals: &Globals,
) -> Cell {
    if !matches!(&cell, Cell::Text(s) if s.is_empty()) {
        b.results.stored = true;
    }
    match cell {
        Cell::Number(_) => {
            let tokens = formula_tokens(data);
            if let Some(text) = tokens.and_then(|t| {
                rgce::decode_evaluated(t, &globals.xti_sheets, &globals.function_names)
            }) {
                b.formulas.insert((u32::from(row), u32::from(col)), text);
            }
            cell
        }
        // A formula that gives a number never gives "": that is xlwt's
        // placeholder. One that may (`IF(…;"";…)`) gives it where Excel or
        // LibreOffice calculated it, so it is decided for the workbook.
        Cell::Text(s) if s.is_empty() => {
            match formula_tokens(data).and_then(|t| rgce::decode(t, &globals.xti_sheets)) {
                Some(text) => Cell::FormulaWithoutValue(text),
                None => {
                    let text = rgce::describe(
                        formula_tokens(data).unwrap_or(&[]),
                        &globals.xti_sheets,
                        &globals.function_names,
                    );
                    b.results
                        .empty_text
                        .push((u32::from(row), u32::from(col), text));
                    Cell::Text(s)
                }
            }
        }
        other => other,
    }
}

/// The ranges of a MERGEDCELLS record: a count, then 8-byte Ref8s
/// (MS-XLS 2.5.211: first row, last row, first column, last column).
/// Entries past the record's end are ignored.
fn merged_ranges(data: &[u8], out: &mut Vec<Merged>) {
    let count = usize::from(u16_at(data, 0).unwrap_or(0));
    let refs = data.get(2..).unwrap_or(&[]);
    for r in refs.chunks_exact(8).take(count) {
        let (Some(rf), Some(rl), Some(cf), Some(cl)) =
            (u16_at(r, 0), u16_at(r, 2), u16_at(r, 4), u16_at(r, 6))
        else {
            continue;
        };
        out.push(Merged {
            first_row: u32::from(rf.min(rl)),
            first_col: u32::from(cf.min(cl)),
            last_row: u32::from(rf.max(rl)),
            last_col: u32::from(cf.max(cl)),
        });
    }
}
