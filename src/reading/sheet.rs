//! From a workbook to a submission: find the measure sheet and its header
//! row, map columns to fields, and type every cell, collecting findings.

mod extent;
mod header_units;
mod hidden_columns;
mod hidden_rows;
mod measure;
mod prefill;
mod stored;
mod totals;

use std::borrow::Cow;
use std::collections::HashMap;

use compact_str::CompactString;

use super::formula::{Outcome, csv_formula, evaluate_within};
use super::{Book, Format, Grid, InputFile, open, own, separators, workbook};
use crate::config::{FieldKey, Kind};
use crate::model::finding::{Code, Finding};
use crate::model::message::{Arg, Message};
use crate::model::parse::DecimalMark;
use crate::model::{Cell, Measure, Value};
use crate::reading::schema::Schema;
use crate::reading::typing::{Typed, type_cell};
use crate::text::{column_letters, push_a1};
use measure::build_measure;

/// How many rows from the top of a sheet are searched for the header.
pub(super) const HEADER_SEARCH_ROWS: u32 = 50;

/// One input file after reading: its measures and its findings.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Position in the run's sorted input list.
    pub index: usize,
    /// The file.
    pub file: InputFile,
    /// SHA-256 of the file's bytes, when it could be read.
    pub sha256: Option<String>,
    /// Detected format.
    pub format: Option<Format>,
    /// The measure sheet's name.
    pub sheet: Option<String>,
    /// 1-based header row.
    pub header_row: Option<u32>,
    /// Text of the rows above the header (titles).
    pub title: String,
    /// Data rows read (total row and blank rows excluded).
    pub rows_read: usize,
    /// Rows that became measures.
    pub measures: Vec<Measure>,
    /// Everything found wrong.
    pub findings: Vec<Finding>,
    /// Total row, if any: 0-based row and the typed values by field index.
    pub total_row: Option<u32>,
    /// Rows with errors: 1-based row and the values that could be typed, by field.
    pub partial: Vec<(u32, Vec<Option<Value>>)>,
    /// The mapped columns: 0-based sheet column and field index, so that
    /// checks across rows can name a cell of a row in `partial`.
    pub columns: Vec<(u32, usize)>,
    /// The years of the workbook's sheets with a measure header that are
    /// named for a year (`2021`, `2022`): when the run's year turns out to
    /// be another than the read sheet's, the file is read again on the
    /// year's own sheet ([`crate::validation::checked::Run::collect`]).
    pub sheet_years: Vec<i32>,

    /// Whether the file is a conversion (`convert --to xlsx`) or an
    /// annotated copy (`validate --annotate`) kooste wrote: of two inputs
    /// with the same rows, such a file is not the one read.
    pub converted: bool,
    /// The corrections of its cells the caller gave and that were applied
    /// ([`super::adjust`]), each with the value it replaced.
    pub corrections: Vec<super::adjust::Applied>,
}

/// The `unread-content` warning for a file of an input folder that kooste
/// does not read (its extension is no spreadsheet's, or a `.txt` that is not
/// tab-separated): named, so that nothing is skipped in silence.
pub fn unread_file(file: &InputFile) -> Finding {
    let ext = file
        .path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Finding::file(
        Code::UnreadContent,
        &file.display,
        Message::new("read-unread-file").arg("ext", ext),
    )
    .hint(Message::new("read-unread-file.hint"))
}

/// Reads one input file. Never fails: a file that cannot be read yields a
/// submission with a file-level finding and no measures.
pub fn read_submission(index: usize, file: &InputFile, schema: &Schema) -> Submission {
    read_submission_from(index, file, schema, &[])
}

/// Like [`read_submission`], with `adjust`: extra header spellings for
/// this file and corrections of its cells, applied to the cells read
/// before they are typed (the file itself is not touched).
pub fn read_submission_adjusted(
    index: usize,
    file: &InputFile,
    schema: &Schema,
    adjust: &super::Adjustments,
) -> Submission {
    let own;
    let schema = if adjust.headers.is_empty() {
        schema
    } else {
        own = schema.with_headers(&adjust.headers);
        &own
    };
    load_and_read(index, file, schema, &[], &adjust.corrections)
}

/// Like [`read_submission`], but looks first at the sheets named in
/// `prefer` (a consolidated workbook's measures sheet, whose summary sheet
/// also has header-like rows). With `prefer` empty, kooste's own outputs
/// are skipped with an `own-output` finding; with sheets named, such a
/// workbook is what the caller asked for.
pub fn read_submission_from(
    index: usize,
    file: &InputFile,
    schema: &Schema,
    prefer: &[&str],
) -> Submission {
    load_and_read(index, file, schema, prefer, &[])
}

/// Loads `file` (the reader's limits applied) and reads it; a file that
/// cannot be loaded gives its file-level finding and no measures.
fn load_and_read(
    index: usize,
    file: &InputFile,
    schema: &Schema,
    prefer: &[&str],
    corrections: &[super::Correction],
) -> Submission {
    let mut sub = Submission {
        index,
        file: file.clone(),
        ..Default::default()
    };
    match super::load(&file.path, &schema.limits) {
        Ok((bytes, sha)) => {
            sub.sha256 = Some(sha);
            read_loaded(sub, &bytes, schema, prefer, corrections)
        }
        Err(u) => {
            sub.findings.push(u.finding(&file.display));
            sub
        }
    }
}

/// Reads a submission from bytes already in memory; `name` stands for the
/// file (its extension picks the reader when the content does not). The
/// fuzz targets call this with arbitrary bytes.
pub fn read_bytes(name: &str, bytes: &[u8], schema: &Schema) -> Submission {
    let file = InputFile {
        display: name.to_string(),
        path: name.into(),
    };
    let sub = Submission {
        file,
        ..Default::default()
    };
    read_loaded(sub, bytes, schema, &[], &[])
}

fn read_loaded(
    mut sub: Submission,
    bytes: &[u8],
    schema: &Schema,
    prefer: &[&str],
    corrections: &[super::Correction],
) -> Submission {
    let file = sub.file.clone();
    let skip_own = prefer.is_empty();
    if let Some(kind) = skip_own.then(|| own::by_bytes(bytes)).flatten() {
        sub.findings.push(own::finding(&file.display, kind));
        return sub;
    }
    sub.converted = own::is_conversion(bytes);
    let mut book = match open(&file.path, bytes, &schema.limits) {
        Ok(b) => b,
        Err(u) => {
            sub.findings.push(u.finding(&file.display));
            return sub;
        }
    };
    sub.format = Some(book.format);
    name_text_sheet(&mut book, &file.display);
    if let Some(kind) = skip_own
        .then(|| own::by_content(&book, schema.config))
        .flatten()
    {
        sub.findings.push(own::finding(&file.display, kind));
        return sub;
    }
    for note in &book.notes {
        sub.findings.push(note_finding(&file.display, &book, note));
    }
    // Before the header is looked for: a corrected header cell counts.
    if !corrections.is_empty() {
        sub.corrections = super::adjust::apply(&mut book, corrections);
    }
    let preferred = book
        .sheets
        .iter()
        .position(|s| prefer.contains(&s.name.as_str()));
    let found = match preferred {
        Some(i) => find_header(&book.sheets[i], schema).map(|row| (i, row)),
        None => find_measure_sheet(&book, schema),
    };
    if book.sheets.len() > 1 {
        sub.sheet_years = book
            .sheets
            .iter()
            .filter_map(|g| sheet_year(&g.name).filter(|_| find_header(g, schema).is_some()))
            .collect();
    }
    let Some((sheet_idx, header_row)) = found else {
        let names: Vec<Arg> = book
            .sheets
            .iter()
            .map(|s| Arg::Text(s.name.clone()))
            .collect();
        sub.findings.push(
            Finding::file(
                Code::NoMeasureSheet,
                &file.display,
                if names.is_empty() {
                    Message::new("read-no-sheet-empty")
                } else {
                    Message::new("read-no-sheet")
                        .arg("sheets", Arg::List(names))
                        .arg("rows", HEADER_SEARCH_ROWS.to_string())
                },
            )
            .hint(super::header_hint::no_sheet_hint(&book.sheets, schema)),
        );
        return sub;
    };
    // A merged range's value is stored in its top-left cell only. Looking
    // the ranges up is a second pass over an xlsx sheet, so it is done only
    // where a data row lacks a required value or a number (a required
    // value filled in, an amount counted once per row it covers:
    // `merged-amount`), or where the sheet's part records merges at all
    // (a covered cell may keep a value the sheet does not show), which the
    // pass for hidden rows tells. The ods and xls readers record merges as
    // they read.
    let lacks = {
        let mut probe = SheetReader::new(&book, sheet_idx, schema, &file.display);
        let columns = probe.map_columns(header_row);
        probe.lacks_value(header_row, &columns)
    };
    let mut merges = lacks;
    if matches!(book.format, Format::Xlsx | Format::Xlsm) {
        // What calamine does not report, from the sheet's own part: the
        // package is opened on it once for all of it.
        let name = book.sheets[sheet_idx].name.clone();
        let mut part = super::guard::guarded(|| workbook::SheetPart::open(bytes, &name))
            .ok()
            .flatten();
        fill_array_results(&mut book, sheet_idx, &mut part);
        // Units in number formats: the ods reader notes them as it reads.
        let units = ask(&mut part, workbook::SheetPart::format_units);
        if !units.is_empty() {
            book.sheets[sheet_idx].set_units(units);
        }
        // Hidden columns and rows (the ods and xls readers note them as
        // they read).
        let (columns, rows) = ask(&mut part, workbook::SheetPart::hidden);
        book.sheets[sheet_idx].hidden_columns = columns;
        book.sheets[sheet_idx].hidden_rows = rows;
        // A merge may hide a value a covered cell keeps (LibreOffice's
        // "keep the contents of the hidden cells"): read the ranges.
        merges |= part.as_ref().is_some_and(|p| p.has_merges);
        // Inline rich strings calamine joins (openpyxl's footnote marks):
        // the text shown, as for shared strings.
        if part.as_ref().is_some_and(|p| p.has_raised) {
            for (row, col, shown) in ask(&mut part, workbook::SheetPart::raised_inline) {
                book.sheets[sheet_idx].replace(row, col, Cell::Text(shown.into()));
            }
        }
    }
    if merges {
        fill_merged(&mut book, sheet_idx, bytes, schema);
    }
    if book.format == Format::Xlsb {
        let name = book.sheets[sheet_idx].name.clone();
        let (columns, rows) =
            super::guard::guarded(|| workbook::xlsb_hidden(bytes, &name)).unwrap_or_default();
        book.sheets[sheet_idx].hidden_columns = columns;
        book.sheets[sheet_idx].hidden_rows = rows;
        let units =
            super::guard::guarded(|| workbook::xlsb_format_units(bytes, &name)).unwrap_or_default();
        if !units.is_empty() {
            book.sheets[sheet_idx].set_units(units);
        }
    }
    let grid = &book.sheets[sheet_idx];
    sub.sheet = Some(grid.name.clone());
    sub.header_row = Some(header_row + 1);
    sub.title = title_text(grid, header_row);
    let mut ctx = SheetReader::new(&book, sheet_idx, schema, &file.display);
    let mut columns = ctx.map_columns(header_row);
    // Units outside the header cells: a row of units under the header is
    // part of it, and a title above it may say the euros are thousands.
    let last_header = header_row + u32::from(ctx.read_unit_row(header_row, &mut columns));
    ctx.check_title_units(header_row, &mut columns);
    ctx.check_hidden_columns(header_row, last_header, &mut columns);
    sub.columns.clone_from(&columns);
    ctx.mark = separators::decide(
        grid,
        last_header + 1..grid.end_row(),
        &columns,
        &schema.config.fields,
    );
    ctx.load_formulas_if_needed(bytes, book.format, last_header, &columns);
    ctx.read_rows(&mut sub, last_header, &columns);
    ctx.report_unheaded_columns(header_row);
    ctx.report_hidden_by_merge(last_header);
    if prefer.is_empty() {
        ctx.report_other_measure_sheets(&book, sheet_idx);
    }
    sub.findings.append(&mut ctx.findings);
    sub
}

/// Reads the measure sheet's merged ranges (xlsx) and copies each range's
/// value into its cells, as the person sees them.
fn fill_merged(book: &mut Book, sheet: usize, bytes: &[u8], schema: &Schema) {
    let grid = &book.sheets[sheet];
    if !grid.merged.is_empty() || book.format == Format::Csv {
        return; // the reader recorded them already (ods, xls), or there are none
    }
    let name = grid.name.clone();
    let merged =
        super::guard::guarded(|| workbook::merged(bytes, book.format, &name)).unwrap_or_default();
    if !merged.is_empty() {
        book.sheets[sheet].fill_merged(merged, schema.limits.max_cells);
    }
}

/// xlsx: the cells of a multi-cell array formula's range other than its
/// anchor hold results of the anchor's formula, stored as plain values
/// (XlsxWriter stores `0` in each, in a workbook recalculated on load).
/// Where the anchor has no trustworthy result (a formula without a value),
/// neither have they: each becomes the anchor's formula without a value,
/// evaluated or reported at its own cell. The ranges are looked up (a
/// second pass over the sheet) only when the sheet holds a formula without
/// a value.
fn fill_array_results(book: &mut Book, sheet: usize, part: &mut Option<workbook::SheetPart<'_>>) {
    let grid = &book.sheets[sheet];
    if !grid
        .cells()
        .any(|(_, _, c)| matches!(c, Cell::FormulaWithoutValue(_)))
    {
        return;
    }
    let ranges = ask(part, workbook::SheetPart::array_ranges);
    book.sheets[sheet].fill_array_results(&ranges);
}

/// Asks an xlsx sheet's part (when it could be opened) one question,
/// guarded: a panic on damaged bytes yields nothing, as any failure does.
fn ask<'b, T: Default>(
    part: &mut Option<workbook::SheetPart<'b>>,
    question: impl FnOnce(&mut workbook::SheetPart<'b>) -> T,
) -> T {
    part.as_mut()
        .and_then(|p| super::guard::guarded(|| question(p)).ok())
        .unwrap_or_default()
}

/// The finding for something the reader noticed in the file's bytes.
fn note_finding(display: &str, book: &Book, note: &super::Note) -> Finding {
    let sheet = book.sheets.first().map(|g| g.name.as_str()).unwrap_or("");
    let (message, row) = match note {
        super::Note::InvalidBytes {
            row,
            bytes,
            encoding,
        } => (
            Message::new("read-invalid-bytes")
                .arg("row", row.to_string())
                .count("n", bytes.split_whitespace().count())
                .arg("bytes", bytes)
                .arg("encoding", *encoding),
            *row,
        ),
        super::Note::NulByte { row } => (
            Message::new("read-nul-byte").arg("row", row.to_string()),
            *row,
        ),
        super::Note::QuotedRows {
            row,
            col,
            lines,
            delimiters,
            delimiter,
        } => {
            let at = row.saturating_sub(1);
            let cell = crate::text::a1(at, *col);
            let msg = Message::new("read-quoted-rows")
                .arg("cell", cell.clone())
                .count("lines", *lines as usize)
                .arg("delimiters", delimiters.to_string())
                .arg("delimiter", *delimiter);
            return Finding::file(Code::QuotedRows, display, msg)
                .in_sheet(sheet)
                .at(at, *col)
                .hint(Message::new("read-quoted-rows.hint").arg("cell", cell));
        }
        super::Note::UnclosedQuote { row, col } => {
            let at = row.saturating_sub(1);
            let msg = Message::new("read-unclosed-quote").arg("cell", crate::text::a1(at, *col));
            return Finding::file(Code::UnclosedQuote, display, msg)
                .in_sheet(sheet)
                .at(at, *col)
                .hint(Message::new("read-unclosed-quote.hint"));
        }
    };
    let mut f = Finding::file(Code::InvalidBytes, display, message)
        .in_sheet(sheet)
        .hint(Message::new("read-invalid-bytes.hint"));
    f.row = Some(row);
    f
}

/// The sheet that holds the measures, and its header row: of the sheets
/// with a header row (the first row where at least two cells, and most of
/// its non-empty cells, are known header names), the one whose header
/// names the most required fields, then the one with the most rows
/// holding a number under a euro header; on a tie the first (visible ones
/// before hidden ones). A price list or reference sheet whose headers
/// look like a budget's (`Toimenpide | Budjetti (€)`) over many priced
/// rows thus loses to the measures' sheet that names every required
/// field, and an instructions sheet that repeats the headers over a row
/// of descriptions (`esim. KUKU-01`, `teksti`) to the sheet of measures
/// behind it (issue 17); the other gets the `unread-content` notice.
/// Between those two, a workbook with a sheet per year (`2020`, `2021`)
/// is read on the sheet named for the year being reported (`--year`), or
/// else on one named for no year, or else on the latest year's.
fn find_measure_sheet(book: &Book, schema: &Schema) -> Option<(usize, u32)> {
    let order = book
        .sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.hidden)
        .chain(book.sheets.iter().enumerate().filter(|(_, s)| s.hidden));
    let mut best: Option<(usize, u32, (usize, i32, usize))> = None;
    for (i, grid) in order {
        if let Some(row) = find_header(grid, schema) {
            let named = sheet_year(&grid.name);
            // A sheet not named for a year is this year's (an earlier
            // year kept on a sheet named for it stays behind it).
            let year = match (schema.year, named) {
                (Some(y), Some(n)) if y == n => 2,
                (Some(_), Some(_)) => 0,
                (Some(_), None) => 1,
                (None, Some(n)) => n,
                (None, None) => i32::MAX,
            };
            let rank = (
                required_named(grid, schema, row),
                year,
                rows_with_amounts(grid, schema, row),
            );
            if best.is_none_or(|(_, _, r)| rank > r) {
                best = Some((i, row, rank));
            }
        }
    }
    best.map(|(i, row, _)| (i, row))
}

/// The year a sheet's name is (`2021`, `Vuosi 2021`, `TA2021`): its one
/// run of four digits from 1900 to 2100.
pub fn sheet_year(name: &str) -> Option<i32> {
    let runs: Vec<&str> = name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    match runs.as_slice() {
        [one] if one.len() == 4 => one.parse().ok().filter(|y| (1900..=2100).contains(y)),
        _ => None,
    }
}

/// How many required fields the cells of row `header` name.
fn required_named(grid: &Grid, schema: &Schema, header: u32) -> usize {
    let mut seen = Vec::new();
    for col in grid.first_col..grid.end_col() {
        if let Cell::Text(t) = grid.get(header, col)
            && let Some(f) = schema.field_of_header(t)
            && schema.config.fields[f].required
            && !seen.contains(&f)
        {
            seen.push(f);
        }
    }
    seen.len()
}

/// How many of the (first 1 000) rows under `header` hold a number in a
/// column whose header names a euro field: rows that look like measures.
fn rows_with_amounts(grid: &Grid, schema: &Schema, header: u32) -> usize {
    let euro_cols: Vec<u32> = (grid.first_col..grid.end_col())
        .filter(|&col| match grid.get(header, col) {
            Cell::Text(t) => schema
                .field_of_header(t)
                .is_some_and(|f| schema.config.fields[f].kind == Kind::Euro),
            _ => false,
        })
        .collect();
    let last = grid.end_row().min(header + 1 + 1000);
    (header + 1..last)
        .filter(|&r| {
            euro_cols
                .iter()
                .any(|&c| matches!(grid.get(r, c), Cell::Number(_)))
        })
        .count()
}

/// The header row of one sheet, if it has one: the first of the top rows
/// that names every required field, or else the first in which at least two
/// cells, and most of its non-empty cells, are known header names. (A title
/// block such as `Toimiala | Vuosi | Yhteyshenkilö` above the real header
/// names known fields too, but not all the required ones.)
fn find_header(grid: &Grid, schema: &Schema) -> Option<u32> {
    let last = grid.end_row().min(grid.first_row + HEADER_SEARCH_ROWS);
    let required = schema.config.fields.iter().filter(|f| f.required).count();
    let mut first_likely = None;
    for row in grid.first_row..last {
        let (mut filled, mut known) = (0, 0);
        let mut required_seen = std::collections::HashSet::new();
        for col in grid.first_col..grid.end_col() {
            let cell = grid.get(row, col);
            if cell.is_blank() {
                continue;
            }
            filled += 1;
            if let Cell::Text(t) = cell
                && let Some(f) = schema.field_of_header(t)
            {
                known += 1;
                if schema.config.fields[f].required {
                    required_seen.insert(f);
                }
            }
        }
        // A row naming every required field is the header however many
        // extra columns it has (they get unknown-column warnings).
        if known >= 2 && required_seen.len() == required {
            return Some(row);
        }
        if known >= 2 && known * 2 > filled {
            first_likely.get_or_insert(row);
        }
    }
    first_likely
}

/// The text of the rows above the header, for the department in the title.
fn title_text(grid: &Grid, header_row: u32) -> String {
    let mut parts = Vec::new();
    for row in grid.first_row..header_row {
        for col in grid.first_col..grid.end_col() {
            // A title merged across the columns is one title, not one per column.
            if grid.is_merge_copy(row, col) {
                continue;
            }
            if let Cell::Text(t) = grid.get(row, col) {
                parts.push(t.trim().to_string());
            }
        }
    }
    parts.join(" ")
}

/// A field's header in each language, as a message argument.
pub(super) fn header_of(field: &crate::config::Field) -> Arg {
    super::per_lang(|lang| field.header.get(lang).to_string())
}

/// A mapped column: sheet column → field index.
type Columns = Vec<(u32, usize)>;

struct SheetReader<'a, 'c> {
    schema: &'a Schema<'c>,
    grid: &'a Grid,
    /// Every sheet of the workbook, for formulas that refer to another.
    sheets: &'a [Grid],
    /// The measure sheet's index in `sheets`.
    sheet: usize,
    /// The file's decimal mark for numbers typed as text.
    mark: DecimalMark,
    /// 1-based rows with bytes the file's encoding does not allow: their
    /// text is not what was typed, so they do not become measures.
    damaged_rows: Vec<u32>,
    file: &'a str,
    findings: Vec<Finding>,
    formulas: HashMap<(u32, u32), String>,
    /// Range cells the sheet's formulas may still look at.
    budget: super::formula::Budget,
}

impl<'a, 'c> SheetReader<'a, 'c> {
    /// A reader of sheet `sheet` of `book`.
    fn new(book: &'a Book, sheet: usize, schema: &'a Schema<'c>, file: &'a str) -> Self {
        SheetReader {
            schema,
            grid: &book.sheets[sheet],
            sheets: &book.sheets,
            sheet,
            mark: DecimalMark::Undecided,
            damaged_rows: book
                .notes
                .iter()
                .filter_map(|n| match n {
                    super::Note::InvalidBytes { row, .. } => Some(*row),
                    super::Note::QuotedRows { row, .. } => Some(*row),
                    super::Note::NulByte { .. } | super::Note::UnclosedQuote { .. } => None,
                })
                .collect(),
            file,
            findings: Vec::new(),
            formulas: HashMap::new(),
            budget: super::formula::Budget::default(),
        }
    }

    pub(super) fn finding(&self, code: Code, message: Message) -> Finding {
        Finding::file(code, self.file, message).in_sheet(&self.grid.name)
    }

    /// Maps header cells to fields, reporting unknown, duplicate and missing columns.
    fn map_columns(&mut self, header_row: u32) -> Columns {
        let fields = &self.schema.config.fields;
        let mut columns: Columns = Vec::new();
        for col in self.grid.first_col..self.grid.end_col() {
            let cell = self.grid.get(header_row, col);
            if cell.is_blank() {
                continue;
            }
            let text = cell.display();
            match self.schema.field_of_header(&text) {
                Some(f) if self.reports_unknown_unit(&text, f, header_row, col) => {}
                Some(f) => {
                    if let Some((first, _)) = columns.iter().find(|(_, g)| *g == f) {
                        let msg = Message::new("read-duplicate-column")
                            .arg("first", column_letters(*first))
                            .arg("second", column_letters(col))
                            .arg("field", header_of(&fields[f]));
                        let finding = self.finding(Code::DuplicateColumn, msg).at(header_row, col);
                        self.findings.push(
                            finding
                                .field(fields[f].key.get_ref())
                                .value(text)
                                .hint(Message::new("read-duplicate-column.hint")),
                        );
                    } else {
                        columns.push((col, f));
                    }
                }
                None => {
                    // The closest field by its header in any language,
                    // named in the language the hint is shown in.
                    let hint = match self.schema.closest_field(&text) {
                        Some(f) => Message::new("read-unknown-column.hint-closest")
                            .arg("closest", header_of(&fields[f])),
                        None => Message::new("read-unknown-column.hint"),
                    };
                    let msg = Message::new("read-unknown-column").arg("value", &text);
                    let finding = self.finding(Code::UnknownColumn, msg).at(header_row, col);
                    self.findings.push(finding.value(text).hint(hint));
                }
            }
        }
        for (i, f) in fields.iter().enumerate() {
            if f.required && !columns.iter().any(|(_, g)| *g == i) {
                let finding = self.finding(
                    Code::MissingColumn,
                    Message::new("read-missing-column").arg("field", header_of(f)),
                );
                let mut finding = finding
                    .field(f.key.get_ref())
                    .hint(Message::new("read-missing-column.hint").arg("field", header_of(f)));
                finding.row = Some(header_row + 1);
                self.findings.push(finding);
            }
        }
        columns
    }

    /// Whether a numeric field's header names a unit other than the one
    /// kooste reads (`Budjetti (t€)`, `Budjetti (1000 €)`, `Toteuma (%)`,
    /// `Henkilötyövuodet (htkk)`): then an `unknown-unit` error is raised
    /// at the header and the column is not read, since its numbers would be
    /// a thousand (or another factor) off. A header the configuration spells
    /// so is read as configured.
    fn reports_unknown_unit(&mut self, header: &str, f: usize, row: u32, col: u32) -> bool {
        let field = &self.schema.config.fields[f];
        if !matches!(field.kind, Kind::Euro | Kind::Number | Kind::Whole) {
            return false;
        }
        // The unit of a decorated header (`Toteuma\n1 000 €`), else the
        // last bracket or unit word of a plain one.
        let Some(unit) = super::schema::undecorate(header)
            .and_then(|(_, u)| u)
            .or_else(|| crate::text::unit_of(header))
        else {
            return false;
        };
        if super::units::header_unit_allowed(&unit, field.kind)
            || self.schema.is_configured_header(header)
        {
            return false;
        }
        let finding = self
            .finding(
                Code::UnknownUnit,
                Message::new("read-unknown-unit")
                    .arg("header", header.trim())
                    .arg("unit", &unit),
            )
            .at(row, col)
            .field(field.key.get_ref())
            .value(header.to_string())
            .hint(Message::new("read-unknown-unit.hint").arg("unit", &unit));
        self.findings.push(finding);
        true
    }

    /// Whether (row, col) is a copy of a merged range's number (euros, FTE,
    /// people): the person typed it once, for the range's first row, and it
    /// cannot be counted for each row it covers, so it is a `merged-amount`
    /// error at the cell instead of a value. (A merged department or year
    /// does apply to every row.)
    fn is_merged_amount(&mut self, row: u32, col: u32, f: usize) -> bool {
        let field = &self.schema.config.fields[f];
        if self.grid.merged.is_empty()
            || !matches!(field.kind, Kind::Euro | Kind::Number | Kind::Whole)
            || !self.grid.is_merge_copy(row, col)
            || self.grid.get(row, col).is_blank()
        {
            return false;
        }
        // A range within one row (H2:I2) is the anchor's number, typed
        // once for its own field: [`Self::is_merged_across`].
        let Some(anchor) = self
            .grid
            .merged
            .iter()
            .find(|m| {
                (m.first_row..=m.last_row).contains(&row)
                    && (m.first_col..=m.last_col).contains(&col)
                    && m.last_row > m.first_row
            })
            .map(|m| crate::text::a1(m.first_row, m.first_col))
        else {
            return false;
        };
        let msg = Message::new("read-merged-amount")
            .arg("field", header_of(field))
            .arg("anchor", anchor);
        let finding = self
            .finding(Code::MergedAmount, msg)
            .at(row, col)
            .field(field.key.get_ref())
            .value(self.grid.get(row, col).display())
            .hint(Message::new("read-merged-amount.hint"));
        self.findings.push(finding);
        true
    }

    /// Whether (row, col) of a numeric field (euros, FTE, people) is a copy
    /// of a range merged across columns within one row (a budget merged
    /// over H2:I2): the number is the anchor's, typed once in its own
    /// column and read there; this cell of another field holds nothing of
    /// its own and is read as empty (a required one is `missing-value`).
    fn is_merged_across(&self, row: u32, col: u32, f: usize) -> bool {
        let field = &self.schema.config.fields[f];
        !self.grid.merged.is_empty()
            && matches!(field.kind, Kind::Euro | Kind::Number | Kind::Whole)
            && self.grid.merged.iter().any(|m| {
                m.first_row == m.last_row
                    && m.first_row == row
                    && (m.first_col + 1..=m.last_col).contains(&col)
            })
    }

    /// A formula without a stored value reads as an empty cell; only then is
    /// the (second, costlier) formula parse worth doing.
    fn load_formulas_if_needed(
        &mut self,
        bytes: &[u8],
        format: Format,
        header_row: u32,
        columns: &Columns,
    ) {
        if format == Format::Csv {
            return;
        }
        let any_empty = (header_row + 1..self.grid.end_row()).any(|r| {
            columns
                .iter()
                .any(|(c, _)| matches!(self.grid.get(r, *c), Cell::Empty))
        });
        if any_empty {
            self.formulas =
                super::guard::guarded(|| workbook::formulas(bytes, format, &self.grid.name))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(r, c, f)| ((r, c), f))
                    .collect();
        }
    }

    /// The cell, with a stored-value-less formula made visible; borrowed
    /// from the grid (typing copies what it keeps).
    pub(super) fn raw_cell(&self, row: u32, col: u32) -> Cow<'_, Cell> {
        match self.grid.get(row, col) {
            Cell::Empty => match self.formulas.get(&(row, col)) {
                Some(f) => Cow::Owned(Cell::FormulaWithoutValue(f.clone())),
                None => Cow::Owned(Cell::Empty),
            },
            c => Cow::Borrowed(c),
        }
    }

    /// The cell's value: a formula the file stores no result for (or only
    /// a placeholder) is evaluated where kooste can (see
    /// [`super::formula`]), and stays a formula without a value otherwise.
    /// A CSV's `+90000+8000` or `@SUM(H2:H3)` is the formula Excel
    /// computes on opening ([`super::formula::csv_formula`]).
    pub(super) fn cell(&self, row: u32, col: u32) -> Cow<'_, Cell> {
        let cell = self.raw_cell(row, col);
        let f = match cell.as_ref() {
            Cell::FormulaWithoutValue(f) => f.as_str(),
            Cell::Text(t) if self.grid.text_numbers => match csv_formula(t) {
                Some(f) => f,
                None => return cell,
            },
            _ => return cell,
        };
        match evaluate_within(f, self.sheets, self.sheet, &self.budget) {
            Some(Outcome::Number(n)) => Cow::Owned(Cell::Number(n)),
            Some(Outcome::Error(e)) => Cow::Owned(Cell::Error(e.to_string())),
            Some(Outcome::Copy(c)) => Cow::Owned(c),
            None => Cow::Owned(Cell::FormulaWithoutValue(f.to_string())),
        }
    }

    /// A text field's cell as the sheet shows it: a number whose format
    /// shows it zero-padded between literal texts (`"KUKU-"00` shows 7 as
    /// `KUKU-07`) is that text, not `7`.
    /// A formula typed into a CSV's text field is the text as typed
    /// (`=HYPERLINK(…)` as a measure's name): only numbers are computed.
    fn shown_text(&self, row: u32, col: u32) -> Cow<'_, Cell> {
        if self.grid.text_numbers {
            return match self.grid.get(row, col) {
                Cell::FormulaWithoutValue(f) => Cow::Owned(Cell::Text(format!("={f}").into())),
                c => Cow::Borrowed(c),
            };
        }
        let cell = self.cell(row, col);
        if let Cell::Number(n) = cell.as_ref()
            && let Some(text) = self
                .grid
                .format_unit(row, col)
                .and_then(|u| u.section(*n))
                .and_then(|s| s.integer.as_ref())
                .and_then(|i| i.show(*n))
        {
            return Cow::Owned(Cell::Text(text.into()));
        }
        cell
    }

    fn read_rows(&mut self, sub: &mut Submission, header_row: u32, columns: &Columns) {
        let fields = &self.schema.config.fields;
        let missing_required: bool = fields
            .iter()
            .enumerate()
            .any(|(i, f)| f.required && !columns.iter().any(|(_, g)| *g == i));
        // Worked out once per sheet, not per row: what each field becomes in
        // a measure, which columns a template prefills, where the name is.
        let roles = self.schema.config.roles();
        let prefilled = self.prefilled_columns(header_row, columns);
        let name_col = columns
            .iter()
            .find(|(_, f)| roles[*f] == Some(FieldKey::Measure))
            .map(|(c, _)| *c);
        let mut sums = vec![crate::model::parse::Cents::default(); fields.len()];
        let mut values: Vec<Option<Value>> = vec![None; fields.len()];
        let mut cell_ref = Vec::with_capacity(16);
        let mut below_total = false;
        let mut hidden = Vec::new();
        let mut totals = Vec::new();
        let mut data = totals::DataRows::new(fields);
        let template_prefill = self.template_prefill(header_row, columns, &prefilled);
        let csv_header_end = self.csv_header_end(header_row);
        for row in header_row + 1..self.grid.end_row() {
            if self.is_blank_row(row, &prefilled) {
                self.report_changed_prefill(row, columns, template_prefill.as_ref());
                continue;
            }
            if self.is_example_row(row) {
                self.report_changed_example(row, columns);
                continue;
            }
            if self.is_total_row(row, columns)
                || self.has_subtotal_formula(row, columns)
                // An unlabelled total needs two data rows above it: the sum
                // of one row is that row's own figure, which a measure
                // lacking its name may well repeat.
                || (sub.rows_read >= 2 && self.is_unlabelled_total(row, columns, &sums))
            {
                // Each total row is checked once every row is read (a
                // subtotal may stand above its section); rows below a
                // total are still read: a measure added under the total
                // must not vanish.
                sub.total_row.get_or_insert(row);
                totals.push(row);
                below_total = true;
                continue;
            }
            if (below_total && !self.looks_like_measure(row, columns, &prefilled))
                || self.is_heading_row(row)
                || (sub.rows_read >= 1 && self.is_note_row(row, columns, &prefilled))
            {
                self.report_unread_row(row);
                continue;
            }
            sub.rows_read += 1;
            if let Some(how) = self.grid.row_hidden(row) {
                hidden.push((row, how));
            }
            let before = self.findings.len();
            values.fill(None);
            let shifted = csv_header_end.is_some_and(|end| self.report_shifted_row(row, end));
            for &(col, f) in columns {
                if self.is_merged_amount(row, col, f) {
                    continue;
                }
                // What the sheet shows empty is read as empty: a number its
                // format hides (named), a copy of a number merged across.
                let empty =
                    self.is_merged_across(row, col, f) || self.is_hidden_number(row, col, f);
                if !empty && self.stored_number_is_wrong(row, col, f) {
                    continue;
                }
                let cell = if empty {
                    Cow::Owned(Cell::Empty)
                } else if fields[f].kind == Kind::Text {
                    self.shown_text(row, col)
                } else {
                    self.cell(row, col)
                };
                match type_cell(self.schema, &fields[f], &cell, self.mark) {
                    Typed::Value(v) => {
                        if let Value::Money(c) = &v {
                            sums[f] += *c;
                        }
                        values[f] = Some(v);
                    }
                    Typed::Warned(v, p) => {
                        let finding = self
                            .finding(p.code, p.message)
                            .at(row, col)
                            .field(fields[f].key.get_ref());
                        let finding = finding.value(cell.display());
                        self.findings.push(match p.hint {
                            Some(h) => finding.hint(h),
                            None => finding,
                        });
                        values[f] = Some(v);
                    }
                    Typed::Blank => {
                        if fields[f].required {
                            let msg = Message::new("read-missing-value")
                                .arg("field", header_of(&fields[f]));
                            let finding = self
                                .finding(Code::MissingValue, msg)
                                .at(row, col)
                                .field(fields[f].key.get_ref());
                            self.findings
                                .push(finding.hint(Message::new("read-missing-value.hint")));
                        }
                    }
                    Typed::Problem(p) => {
                        let finding = self
                            .finding(p.code, p.message)
                            .at(row, col)
                            .field(fields[f].key.get_ref());
                        let finding = finding.value(cell.display());
                        self.findings.push(match p.hint {
                            Some(h) => finding.hint(h),
                            None => finding,
                        });
                    }
                }
            }
            if shifted {
                // No figure is taken where it landed, not even into a
                // converted copy (`convert` writes what a row with errors
                // could read).
                for &(_, f) in columns {
                    if fields[f].kind.is_numeric() {
                        values[f] = None;
                    }
                }
            }
            data.push(row, &values);
            let row_has_error = self.findings[before..]
                .iter()
                .any(|f| f.severity == crate::model::finding::Severity::Error);
            if row_has_error || missing_required || self.damaged_rows.contains(&(row + 1)) {
                sub.partial.push((row + 1, values.clone()));
                continue;
            }
            // The name cell's A1 reference, made without a String: most
            // fit a CompactString inline.
            let source_cell = name_col
                .and_then(|c| {
                    cell_ref.clear();
                    push_a1(&mut cell_ref, row, c);
                    std::str::from_utf8(&cell_ref).ok().map(CompactString::from)
                })
                .unwrap_or_default();
            if let Some(m) = build_measure(fields, &roles, sub.index, row, source_cell, &mut values)
            {
                sub.measures.push(m);
            }
        }
        self.check_total_rows(&totals, columns, &data);
        self.report_hidden_rows(&hidden);
    }

    /// For each column from the grid's first, whether it does not make a
    /// row count as filled: a template prefills department and year on its
    /// empty rows, and a column whose header names no field is not read
    /// (its values are reported: [`Self::report_unheaded_columns`], or the
    /// header's `unknown-column` warning). Columns past the vector's end
    /// are not read either.
    pub(super) fn prefilled_columns(&self, _header_row: u32, columns: &Columns) -> Vec<bool> {
        let fields = &self.schema.config.fields;
        let width = (self.grid.end_col() - self.grid.first_col) as usize;
        let mut prefilled = vec![true; width];
        for &(col, f) in columns {
            // Mapped columns are the grid's, so never left of its first.
            let Some(i) = col.checked_sub(self.grid.first_col) else {
                continue;
            };
            if let Some(p) = prefilled.get_mut(i as usize) {
                *p = matches!(fields[f].kind, Kind::Department | Kind::Year);
            }
        }
        prefilled
    }

    /// A row with nothing typed. Department and year columns (`prefilled`,
    /// from [`Self::prefilled_columns`]) do not count: a template prefills
    /// them on its empty rows. Only the row's own cells are looked at, so a
    /// very wide row elsewhere costs nothing here.
    pub(super) fn is_blank_row(&self, row: u32, prefilled: &[bool]) -> bool {
        let first = self.grid.first_col;
        let ignored = |col: u32| {
            prefilled
                .get((col - first) as usize)
                .copied()
                .unwrap_or(true)
        };
        if self.grid.filled_in_row(row).any(|(col, _)| !ignored(col)) {
            return false;
        }
        // Formulas that store no value read as empty cells (xlsb, Excel 95).
        self.formulas.is_empty()
            || !self
                .formulas
                .keys()
                .any(|&(r, c)| r == row && c >= first && !ignored(c))
    }

    /// The row's first non-empty cell and its absolute column.
    pub(super) fn first_filled(&self, row: u32) -> Option<(u32, &Cell)> {
        self.grid.filled_in_row(row).next()
    }

    /// A template's example row: its first non-empty cell is an example label.
    pub(super) fn is_example_row(&self, row: u32) -> bool {
        self.first_filled(row)
            .is_some_and(|(_, c)| matches!(c, Cell::Text(t) if self.schema.is_example_label(t)))
    }
}

/// Names a text file's one sheet after the file as it is shown: on the
/// command line that is its path, the same name; a caller that reads a
/// copy shows the original's name (`RunOptions::names`), and the sheet
/// must not carry the copy's. Whoever reads the file again (the
/// annotated copy) names it so too, or finds no such sheet.
pub(crate) fn name_text_sheet(book: &mut Book, display: &str) {
    if book.format == Format::Csv
        && let [grid] = book.sheets.as_mut_slice()
        && let Some(stem) = std::path::Path::new(display).file_stem()
    {
        grid.name = stem.to_string_lossy().into_owned();
    }
}
