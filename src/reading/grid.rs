//! A sheet's cells as read: dense rows for the cells that stand together,
//! and a sparse store for cells far to the right of the rest of their row,
//! so that memory follows the cells present whatever their places.

use std::collections::BTreeMap;

use crate::model::Cell;

/// How many empty cells may stand between a row's cells before a cell is
/// kept aside as a far cell instead of widening its row: a stray value at
/// IV65536 or XFD1, or a note far to the right of every row, must cost one
/// cell, not a row as wide as the sheet (32 bytes a place).
pub const FAR_GAP: usize = 64;

/// A sheet's cells as read, with the sheet's origin so that A1 references are
/// the ones the user sees.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Sheet name (for CSV, the file's stem).
    pub name: String,
    /// 0-based row of `rows[0]`.
    pub first_row: u32,
    /// 0-based column of each row's first cell.
    pub first_col: u32,
    /// Cells, row by row, dense from `first_col`. Cells more than
    /// [`FAR_GAP`] places right of the rest of their row are not here but
    /// in the far store ([`Grid::far_in_row`]).
    pub rows: Vec<Vec<Cell>>,
    /// Whether the sheet is hidden in its workbook.
    pub hidden: bool,
    /// Merged ranges the file records (their values already copied into
    /// every cell by [`Grid::fill_merged`]).
    pub merged: Vec<Merged>,
    /// The columns the sheet hides (xlsx `<col hidden="1">`, ods
    /// `table:visibility="collapse"`, xls COLINFO `fHidden`), as absolute
    /// 0-based ranges, both ends inclusive ([`Grid::is_column_hidden`]).
    pub hidden_columns: Vec<(u32, u32)>,
    /// Far cells by absolute 0-based (row, column).
    far: BTreeMap<(u32, u32), Cell>,
    /// The formulas of cells whose stored result is a number, by absolute
    /// 0-based (row, column), where the reader has them (xlsx, ods): a
    /// stored result is checked against its formula
    /// ([`Grid::formula`]).
    formulas: BTreeMap<(u32, u32), String>,
    /// Units that cells' number formats show beside their numbers
    /// (`0.0" t€"`), by absolute 0-based (row, column), where the reader
    /// has them ([`Grid::format_unit`]).
    units: BTreeMap<(u32, u32), FormatUnit>,
    /// One past the last column, computed once (rows differ in length).
    width: std::cell::OnceCell<u32>,
    /// Rows the sheet hides, by absolute 0-based row, where the reader
    /// knows them (xlsx, ods, xls): read all the same, and named
    /// (`hidden-rows`).
    pub hidden_rows: BTreeMap<u32, RowHidden>,
    /// Whether the workbook calculates with numbers as displayed ("precision
    /// as displayed": xlsx `<calcPr fullPrecision="0"/>`, ods
    /// `table:precision-as-shown="true"`, xls PRECISION 0): a formula's
    /// stored result is rounded as its cell shows it.
    pub precision_as_shown: bool,
    /// Whether every cell holds the text as typed (a CSV): Excel reads a
    /// text of digits as that number when it opens the file, so a formula
    /// that refers to such a cell evaluates it as the number
    /// (`reading::formula`; other texts are not guessed).
    pub text_numbers: bool,
    /// Cells under a merged range that hold a value of their own
    /// (LibreOffice's "keep the contents of the hidden cells"), by
    /// absolute 0-based (row, column), with that value: the sheet shows
    /// the range's value there, so theirs is not read, and said so.
    pub hidden_by_merge: Vec<(u32, u32, Cell)>,
    /// A CSV's field separator (`;`, `,` or TAB); `None` in a workbook. In
    /// a CSV a value right of the header is a row whose values a separator
    /// inside an unquoted value moved (`shifted-row`).
    pub csv_delimiter: Option<u8>,
    /// A CSV's fields per row (empty ones included; 0 for a blank line),
    /// by 0-based row: a header padded with empty fields (Excel pads a row
    /// to the used range) is as wide as its fields, not its last name.
    pub csv_widths: Vec<u32>,
}

/// How a row is hidden: what `SUBTOTAL` leaves out depends on it (9 leaves
/// out filtered rows, 109 every hidden row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowHidden {
    /// Hidden by hand, or in a collapsed group (outline).
    Hidden,
    /// Hidden by a filter (xlsx: within the sheet's autofilter range;
    /// ods: `table:visibility="filter"`).
    Filtered,
}

/// A merged range of cells, absolute and 0-based, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    /// First row.
    pub first_row: u32,
    /// First column.
    pub first_col: u32,
    /// Last row.
    pub last_row: u32,
    /// Last column.
    pub last_col: u32,
}

/// What a cell's number format shows beside its number, section by
/// section: the section that applies to the stored value decides
/// ([`FormatUnit::section`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FormatUnit {
    /// The format's sections, each with the values it applies to, in the
    /// order they are tried.
    pub sections: Vec<FormatSection>,
}

/// One section of a number format: the literal text it shows (`t€` of
/// `0.0" t€"`, `€` of `[$€-40B]`, `%`), the factor it divides the number
/// by for display (`1000` for `#,##0,`), and whether it shows the number
/// times 100 (a `%`).
#[derive(Debug, Clone, PartialEq)]
pub struct FormatSection {
    /// The values the section applies to.
    pub when: When,
    /// The section's literal text, trimmed (`t€`, `milj. €`, `htv`, `%`).
    pub text: String,
    /// What the section divides the stored number by to show it.
    pub factor: f64,
    /// Whether the section shows the number times 100.
    pub percent: bool,
    /// Whether the section shows nothing at all (an empty section, as in
    /// `;;;`): the sheet shows the cell empty.
    pub hidden: bool,
    /// Where the section shows a whole number zero-padded between literal
    /// texts (`"KUKU-"00` shows 7 as `KUKU-07`, `00000` shows 42 as
    /// `00042`): how, so a text field (an ID) reads what the sheet shows.
    pub integer: Option<IntegerShown>,
}

/// A whole number as a format shows it: `prefix`, the number with at least
/// `digits` digits, `suffix`.
#[derive(Debug, Clone, PartialEq)]
pub struct IntegerShown {
    /// Literal text before the digits.
    pub prefix: String,
    /// The least number of digits (zeros pad on the left).
    pub digits: usize,
    /// Literal text after the digits.
    pub suffix: String,
}

impl IntegerShown {
    /// The text shown for `value`, where it is a whole number ≥ 0 that
    /// the format shows whole; `None` otherwise.
    pub fn show(&self, value: f64) -> Option<String> {
        (value >= 0.0 && value.fract() == 0.0 && value < 1e15).then(|| {
            format!(
                "{}{:0width$}{}",
                self.prefix,
                value as u64,
                self.suffix,
                width = self.digits
            )
        })
    }
}

/// The values a format section applies to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    /// Any value that reaches the section.
    Any,
    /// Values `op` the number (`[<1000]`, `value()>=0`).
    Cmp(Op, f64),
}

/// A comparison of a format condition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=`
    Eq,
    /// `<>` or `!=`
    Ne,
}

impl When {
    /// Whether value `v` falls in.
    pub fn holds(self, v: f64) -> bool {
        match self {
            When::Any => true,
            When::Cmp(op, n) => match op {
                Op::Lt => v < n,
                Op::Le => v <= n,
                Op::Gt => v > n,
                Op::Ge => v >= n,
                Op::Eq => v == n,
                Op::Ne => v != n,
            },
        }
    }

    /// Reads `<1000`, `>=0`, `<>0`, `= -5` (the comparison and number of
    /// an Excel `[<1000]` or an .ods `value()>=0`).
    pub fn parse(s: &str) -> Option<When> {
        let s = s.trim();
        let (op, rest) = [
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("<>", Op::Ne),
            ("!=", Op::Ne),
            ("<", Op::Lt),
            (">", Op::Gt),
            ("=", Op::Eq),
        ]
        .iter()
        .find_map(|(p, op)| s.strip_prefix(p).map(|r| (*op, r)))?;
        let n: f64 = rest.trim().parse().ok()?;
        n.is_finite().then_some(When::Cmp(op, n))
    }
}

impl FormatSection {
    /// Whether the section shows the number as stored, without text, a
    /// percentage or a scaling (`#,##0,`).
    pub fn is_plain(&self) -> bool {
        self.text.is_empty()
            && !self.percent
            && !self.hidden
            && self.factor == 1.0
            && self.integer.as_ref().is_none_or(|i| i.digits < 2)
    }
}

impl FormatUnit {
    /// The section that shows `value`: the first whose condition holds.
    pub fn section(&self, value: f64) -> Option<&FormatSection> {
        self.sections.iter().find(|s| s.when.holds(value))
    }

    /// A format of one section for every value.
    pub fn single(text: &str, factor: f64, percent: bool) -> FormatUnit {
        FormatUnit {
            sections: vec![FormatSection {
                when: When::Any,
                text: text.to_string(),
                factor,
                percent,
                hidden: false,
                integer: None,
            }],
        }
    }

    /// Whether no section shows text or a percentage (such a format is
    /// not kept).
    pub fn is_plain(&self) -> bool {
        self.sections.iter().all(FormatSection::is_plain)
    }
}

/// Stores `cell` at 0-based `col` (counted from the row's first column) of
/// a row being built (`row`), or, when it stands more than [`FAR_GAP`]
/// places right of the row's cells, in `far` at absolute (`abs_row`,
/// `abs_col`). The one place readers decide what a cell costs.
pub fn put_cell(
    row: &mut Vec<Cell>,
    col: usize,
    cell: Cell,
    far: &mut BTreeMap<(u32, u32), Cell>,
    (abs_row, abs_col): (u32, u32),
) {
    if col >= row.len() + FAR_GAP {
        far.insert((abs_row, abs_col), cell);
        return;
    }
    if row.len() <= col {
        row.resize(col + 1, Cell::Empty);
    }
    row[col] = cell;
}

impl Grid {
    /// Replaces the cell at absolute 0-based (row, col) with `cell` (a
    /// correction the caller recorded, never a file's own content) and
    /// forgets its formula, so the value given is the one read. Returns
    /// the cell it replaced, or `None` (nothing changed) when the position
    /// lies outside the sheet's used range.
    pub fn correct(&mut self, row: u32, col: u32, cell: Cell) -> Option<Cell> {
        if row < self.first_row
            || col < self.first_col
            || row >= self.end_row()
            || col >= self.end_col()
        {
            return None;
        }
        let before = self.get(row, col).clone();
        self.formulas.remove(&(row, col));
        self.far.remove(&(row, col));
        if (row - self.first_row) as usize >= self.rows.len() {
            // A row only far cells reach: kept far, the dense rows not grown.
            self.far.insert((row, col), cell);
            self.width = std::cell::OnceCell::new();
        } else {
            self.set(row, col, cell);
        }
        Some(before)
    }

    /// The cell at absolute 0-based (row, col), or `Empty`.
    pub fn get(&self, row: u32, col: u32) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        if row < self.first_row || col < self.first_col {
            return &EMPTY;
        }
        let dense = self
            .rows
            .get((row - self.first_row) as usize)
            .and_then(|r| r.get((col - self.first_col) as usize));
        match dense {
            Some(c) if *c != Cell::Empty || self.far.is_empty() => c,
            _ => self.far.get(&(row, col)).unwrap_or(&EMPTY),
        }
    }

    /// One past the last absolute row.
    pub fn end_row(&self) -> u32 {
        let far = self.far.keys().next_back().map_or(0, |(r, _)| r + 1);
        (self.first_row + self.rows.len() as u32).max(far)
    }

    /// One past the last absolute column.
    pub fn end_col(&self) -> u32 {
        *self.width.get_or_init(|| {
            let dense = self.first_col + self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
            let far = self.far.keys().map(|(_, c)| c + 1).max().unwrap_or(0);
            dense.max(far)
        })
    }

    /// The dense cells of one absolute row with the absolute column of the
    /// first; the row's far cells are [`Grid::far_in_row`].
    pub fn row_cells(&self, row: u32) -> (u32, &[Cell]) {
        let cells = row
            .checked_sub(self.first_row)
            .and_then(|r| self.rows.get(r as usize))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        (self.first_col, cells)
    }

    /// The far cells of one absolute row, by absolute column, left to right.
    pub fn far_in_row(&self, row: u32) -> impl Iterator<Item = (u32, &Cell)> {
        self.far
            .range((row, 0)..=(row, u32::MAX))
            .map(|((_, c), cell)| (*c, cell))
    }

    /// The non-blank cells of one absolute row as (absolute column, cell):
    /// the dense ones left to right, then the far ones.
    pub fn filled_in_row(&self, row: u32) -> impl Iterator<Item = (u32, &Cell)> {
        let (first, dense) = self.row_cells(row);
        dense
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_blank())
            .map(move |(i, c)| (first + i as u32, c))
            .chain(self.far_in_row(row).filter(|(_, c)| !c.is_blank()))
    }

    /// Every non-empty cell as (absolute row, absolute column, cell), row
    /// by row, left to right within the dense part and then the far cells.
    pub fn cells(&self) -> impl Iterator<Item = (u32, u32, &Cell)> {
        (self.first_row..self.end_row()).flat_map(move |row| {
            let (first, dense) = self.row_cells(row);
            dense
                .iter()
                .enumerate()
                .filter(|(_, c)| **c != Cell::Empty)
                .map(move |(i, c)| (row, first + i as u32, c))
                .chain(self.far_in_row(row).map(move |(col, c)| (row, col, c)))
        })
    }

    /// A grid of rows starting at (`first_row`, `first_col`).
    pub fn new(
        name: String,
        first_row: u32,
        first_col: u32,
        rows: Vec<Vec<Cell>>,
        hidden: bool,
    ) -> Grid {
        Grid {
            name,
            first_row,
            first_col,
            rows,
            hidden,
            merged: Vec::new(),
            hidden_columns: Vec::new(),
            far: BTreeMap::new(),
            formulas: BTreeMap::new(),
            units: BTreeMap::new(),
            width: std::cell::OnceCell::new(),
            hidden_rows: BTreeMap::new(),
            precision_as_shown: false,
            text_numbers: false,
            hidden_by_merge: Vec::new(),
            csv_delimiter: None,
            csv_widths: Vec::new(),
        }
    }

    /// A grid of `rows` (each dense from column A, the first at absolute
    /// row `first_row`) whose origin is the first column that holds a cell,
    /// as calamine places a sheet, so A1 references stay the same.
    pub fn trimmed(name: String, first_row: u32, mut rows: Vec<Vec<Cell>>, hidden: bool) -> Grid {
        let first_col = rows
            .iter()
            .filter_map(|r| r.iter().position(|c| *c != Cell::Empty))
            .min()
            .unwrap_or(0);
        if first_col > 0 {
            for r in &mut rows {
                r.drain(..first_col.min(r.len()));
            }
        }
        Grid::new(name, first_row, first_col as u32, rows, hidden)
    }

    /// The grid with its far cells (absolute 0-based positions), as a
    /// reader collected them with [`put_cell`].
    pub fn with_far(mut self, far: BTreeMap<(u32, u32), Cell>) -> Grid {
        // A far cell above the first dense row: the grid starts at its row.
        if let Some(top) = far.keys().map(|(r, _)| *r).min()
            && top < self.first_row
        {
            let above = (self.first_row - top) as usize;
            self.rows
                .splice(0..0, std::iter::repeat_with(Vec::new).take(above));
            self.first_row = top;
        }
        self.far = far;
        self.width = std::cell::OnceCell::new();
        self
    }

    /// The grid with the formulas of its cells that store a number, by
    /// absolute 0-based (row, column).
    pub fn with_formulas(mut self, formulas: BTreeMap<(u32, u32), String>) -> Grid {
        self.formulas = formulas;
        self
    }

    /// The formula of a cell whose stored result is a number, where the
    /// reader keeps formulas (xlsx, ods).
    pub fn formula(&self, row: u32, col: u32) -> Option<&str> {
        if self.formulas.is_empty() {
            return None;
        }
        self.formulas.get(&(row, col)).map(String::as_str)
    }

    /// How the row (absolute, 0-based) is hidden, if it is.
    pub fn row_hidden(&self, row: u32) -> Option<RowHidden> {
        if self.hidden_rows.is_empty() {
            return None;
        }
        self.hidden_rows.get(&row).copied()
    }

    /// Records the units cells' number formats show, by absolute 0-based
    /// (row, column).
    pub fn set_units(&mut self, units: BTreeMap<(u32, u32), FormatUnit>) {
        self.units = units;
    }

    /// Whether the sheet hides column `col` (absolute, 0-based): the
    /// person does not see its cells.
    pub fn is_column_hidden(&self, col: u32) -> bool {
        self.hidden_columns
            .iter()
            .any(|&(a, b)| (a..=b).contains(&col))
    }

    /// The unit a cell's number format shows beside its number, if any.
    pub fn format_unit(&self, row: u32, col: u32) -> Option<&FormatUnit> {
        if self.units.is_empty() {
            return None;
        }
        self.units.get(&(row, col))
    }

    /// Copies the value of each merged range's top-left cell into every
    /// cell of the range, as the user sees it (a file stores the value only
    /// in the top-left cell), and records the ranges. At most `max_cells`
    /// cells are filled in all, so a hostile range cannot make the grid
    /// grow past the file's cell limit.
    pub fn fill_merged(&mut self, merged: Vec<Merged>, max_cells: u64) {
        let mut budget = max_cells;
        for m in &merged {
            let value = self.get(m.first_row, m.first_col).clone();
            if value.is_blank() {
                continue;
            }
            let area =
                u64::from(m.last_row - m.first_row + 1) * u64::from(m.last_col - m.first_col + 1);
            if area > budget {
                continue;
            }
            budget -= area;
            for row in m.first_row..=m.last_row {
                for col in m.first_col..=m.last_col {
                    if (row, col) != (m.first_row, m.first_col) {
                        let own = self.get(row, col);
                        if !own.is_blank() && *own != value {
                            self.hidden_by_merge.push((row, col, own.clone()));
                        }
                        self.set(row, col, value.clone());
                    }
                }
            }
        }
        self.merged = merged;
    }

    /// For each array formula's range whose anchor (top-left cell) is a
    /// formula without a value, makes every other cell of the range that
    /// formula without a value too: what they store is a result of it.
    /// At most one sheet's worth of cells is touched (ranges are clipped to
    /// the grid).
    pub fn fill_array_results(&mut self, ranges: &[Merged]) {
        let end_row = self.end_row();
        let end_col = self.end_col();
        for m in ranges {
            let Cell::FormulaWithoutValue(f) = self.get(m.first_row, m.first_col) else {
                continue;
            };
            let f = f.clone();
            for row in m.first_row..=m.last_row.min(end_row.saturating_sub(1)) {
                for col in m.first_col..=m.last_col.min(end_col.saturating_sub(1)) {
                    if (row, col) != (m.first_row, m.first_col) {
                        self.set(row, col, Cell::FormulaWithoutValue(f.clone()));
                    }
                }
            }
        }
    }

    /// Whether (row, col) is covered by a merged range and is not its
    /// top-left cell.
    pub fn is_merge_copy(&self, row: u32, col: u32) -> bool {
        self.merged.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_col..=m.last_col).contains(&col)
                && (row, col) != (m.first_row, m.first_col)
        })
    }

    /// Replaces the cell at absolute (row, col), as a reader that learns
    /// more of a cell after reading it (xls formulas without results).
    pub(crate) fn replace(&mut self, row: u32, col: u32, cell: Cell) {
        self.set(row, col, cell);
    }

    /// Stores a cell at absolute (row, col), growing the grid as needed.
    fn set(&mut self, row: u32, col: u32, cell: Cell) {
        if row < self.first_row || col < self.first_col {
            return;
        }
        let (r, c) = (
            (row - self.first_row) as usize,
            (col - self.first_col) as usize,
        );
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        put_cell(&mut self.rows[r], c, cell, &mut self.far, (row, col));
        self.width = std::cell::OnceCell::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_far_cell_costs_one_cell_and_reads_as_any_other() {
        let mut far = BTreeMap::new();
        let mut row = Vec::new();
        put_cell(&mut row, 0, Cell::Text("a".into()), &mut far, (0, 0));
        put_cell(&mut row, 255, Cell::Text("x".into()), &mut far, (0, 255));
        put_cell(&mut row, 3, Cell::Number(1.0), &mut far, (0, 3));
        assert_eq!(row.len(), 4, "the stray cell did not widen the row");
        let mut rows = vec![row];
        rows.resize_with(65_535, Vec::new);
        let mut far_last = BTreeMap::new();
        let mut last = Vec::new();
        put_cell(
            &mut last,
            16_383,
            Cell::Text("z".into()),
            &mut far_last,
            (65_535, 16_383),
        );
        far.extend(far_last);
        rows.push(last);
        let g = Grid::new("S".into(), 0, 0, rows, false).with_far(far);
        assert_eq!(g.get(0, 255), &Cell::Text("x".into()));
        assert_eq!(g.get(65_535, 16_383), &Cell::Text("z".into()));
        assert_eq!(g.get(0, 254), &Cell::Empty);
        assert_eq!((g.end_row(), g.end_col()), (65_536, 16_384));
        assert_eq!(g.far_in_row(0).map(|(c, _)| c).collect::<Vec<_>>(), [255]);
        let all: Vec<(u32, u32)> = g.cells().map(|(r, c, _)| (r, c)).collect();
        assert_eq!(all, [(0, 0), (0, 3), (0, 255), (65_535, 16_383)]);
    }
}
