//! The annotated copy sent back to a department: the template, marked. It
//! is the file the department corrects and returns, so it keeps what the
//! template gives (drop-downs, input messages, the instructions sheet, the
//! locked header and the total row's live `SUM`s, written by
//! `xlsx::template`), holds the submission's values in the template's
//! columns (`place`), fills every flagged cell (red for errors, amber for
//! warnings) with a note holding the message, and starts with a sheet that
//! lists the findings with a link to each cell. Values with no place in the
//! template are listed on a sheet of their own. The original file is never
//! touched. Read back, the copy is a submission like a template
//! (`reading::own`).

mod place;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::parse::Date;
use rust_xlsxwriter::{Color, Format, Note, Url, Workbook, Worksheet, XlsxError};

use crate::config::Config;
use crate::error::Error;
use crate::i18n::{Lang, findings, render, text};
use crate::model::finding::{Finding, Severity};
use crate::model::message::Message;
use crate::model::{Cell, Value};
use crate::output::Transaction;
use crate::reading::{Grid, Submission, load, open};
use crate::text::{a1, parse_a1};
use crate::validation::checked::Run;
use crate::xlsx::template::{Layout, TemplateSpec, add_template_sheets, input_format};
use place::Placement;

const ERROR_FILL: u32 = 0xF4B6B6;
const WARNING_FILL: u32 = 0xFFD98A;

/// What [`annotate_all`] did: the copies written, and the copies that could
/// not be (each naming its path), which did not stop the others.
#[derive(Debug, Default)]
pub struct Annotated {
    /// The paths written, in input order.
    pub written: Vec<PathBuf>,
    /// The copies that failed, in input order.
    pub failed: Vec<Error>,
}

/// Writes into `dir` an annotated copy for each submission of `run` that
/// has located findings, in the run's language, dated by the run, in the
/// template of the submission's year (its rows' year, else the run's, else
/// the programme's first). A copy that cannot be made is recorded and the
/// next file still gets its copy; only an unusable folder or an input as
/// output stops the run.
pub fn annotate_all(config: &Config, run: &Run, dir: &Path) -> Result<Annotated, Error> {
    let (subs, lang, date, year) = (&run.submissions, run.lang, run.date, run.year);
    let findings = run.findings_sorted();
    let inputs = run.inputs();
    crate::output::ensure_dir(dir)?;
    // All copies of a run are one result (see `output`): a copy that
    // cannot be made is recorded, and the others are still written.
    let txn = Transaction::begin(lang, &[dir])?;
    let mut done = Annotated::default();
    let mut used_names = std::collections::HashSet::new();
    for sub in subs {
        let own: Vec<&Finding> = findings
            .iter()
            .copied()
            .filter(|f| f.file == sub.file.display)
            .collect();
        let Some(sheet) = sub.sheet.as_deref() else {
            continue;
        };
        if own.is_empty() {
            continue;
        }
        let (grid, earlier) = match read_back(sub, sheet) {
            Ok(found) => found,
            Err(e) => {
                done.failed.push(e);
                continue;
            }
        };
        let path = dir.join(output_name(&sub.file.path, lang, &mut used_names));
        crate::output::refuse_input(&path, &inputs)?;
        let copy = Copy {
            config,
            lang,
            date,
            year,
        };
        let bytes = copy
            .bytes(&grid, earlier.as_ref(), sub, &own)
            .map_err(|source| Error::Workbook {
                path: path.clone(),
                source,
            });
        match bytes {
            Ok(bytes) => {
                txn.stage_bytes(&path, &bytes)?;
                done.written.push(path);
            }
            Err(e) => done.failed.push(e),
        }
    }
    txn.commit()?;
    Ok(done)
}

/// The annotated copy of the run's submission `index` alone, as bytes
/// (the web app offers it for download, the file untouched); `None` when
/// it has no located finding or no measure sheet, as `annotate_all`
/// writes no copy of such a file.
pub fn copy_bytes(config: &Config, run: &Run, index: usize) -> Result<Option<Vec<u8>>, Error> {
    let Some(sub) = run.submissions.get(index) else {
        return Ok(None);
    };
    let Some(sheet) = sub.sheet.as_deref() else {
        return Ok(None);
    };
    let findings = run.findings_sorted();
    let own: Vec<&Finding> = findings
        .into_iter()
        .filter(|f| f.file == sub.file.display)
        .collect();
    if own.is_empty() {
        return Ok(None);
    }
    let (grid, earlier) = read_back(sub, sheet)?;
    let copy = Copy {
        config,
        lang: run.lang,
        date: run.date,
        year: run.year,
    };
    copy.bytes(&grid, earlier.as_ref(), sub, &own)
        .map(Some)
        .map_err(|source| Error::Workbook {
            path: sub.file.path.clone(),
            source,
        })
}

/// The measure sheet `sheet` of `sub` read again, with the corrections
/// the reading applied (the web app's, none on the command line) so the
/// copy holds the values its findings are about, and an earlier copy's
/// list of values with no place, carried on. Re-read rather than keep
/// every grid in memory for a rarely used option: a file that changed
/// since (unreadable now, or without the sheet) gets no copy, and the
/// error says so.
fn read_back(sub: &Submission, sheet: &str) -> Result<(Grid, Option<Grid>), Error> {
    let limits = crate::reading::Limits::default();
    let corrections: Vec<crate::reading::Correction> = sub
        .corrections
        .iter()
        .map(|a| a.correction.clone())
        .collect();
    let grid = load(&sub.file.path, &limits)
        .and_then(|(b, _)| open(&sub.file.path, &b, &limits))
        .map(|mut book| {
            crate::reading::name_text_sheet(&mut book, &sub.file.display);
            crate::reading::adjust::apply(&mut book, &corrections);
            let earlier = book.sheets.iter().position(is_unplaced_list);
            let earlier = earlier.map(|i| book.sheets[i].clone());
            let grid = book.sheets.into_iter().find(|g| g.name == sheet);
            grid.map(|g| (g, earlier))
        });
    match grid {
        Ok(Some(found)) => Ok(found),
        Ok(None) | Err(_) => Err(Error::Reread {
            path: sub.file.path.clone(),
            reason: grid.err(),
        }),
    }
}

/// `<stem>_<suffix>.xlsx`, made safe as a file name and unique within the run.
fn output_name(input: &Path, lang: Lang, used: &mut std::collections::HashSet<String>) -> String {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.').to_string();
    let suffix = text(lang, "out-annotated-suffix");
    let mut name = format!("{safe}_{suffix}.xlsx");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{safe}_{suffix}_{n}.xlsx");
        n += 1;
    }
    name
}

/// The rows of the sheet listing the values with no place: an intro
/// line, the header, then one value a row.
const UNPLACED_HEADER_ROW: u32 = 1;
const UNPLACED_VALUE_COL: u16 = 2;

/// What every copy of a run shares.
struct Copy<'a> {
    config: &'a Config,
    lang: Lang,
    date: Date,
    year: Option<i32>,
}

/// The findings of one original cell (0-based row, column), in run order.
type Flagged<'f> = BTreeMap<(u32, u32), Vec<&'f Finding>>;

impl Copy<'_> {
    /// The copy of `sub`, whose measure sheet is `grid`, marked with `found`;
    /// `earlier` is the list of values with no place of an earlier copy.
    fn bytes(
        &self,
        grid: &Grid,
        earlier: Option<&Grid>,
        sub: &Submission,
        found: &[&Finding],
    ) -> Result<Vec<u8>, XlsxError> {
        let (config, lang) = (self.config, self.lang);
        let place = Placement::new(grid, sub, config);
        let first_col = place.first_column();
        let flagged = flagged(found, grid, first_col);
        let rows = self.sum_rows(grid, &place, &flagged);
        let mut departments = sub.measures.iter().map(|m| m.department);
        let first = departments.next();
        let department = first.filter(|d| departments.all(|e| e == *d));
        let year = sub
            .measures
            .iter()
            .find_map(|m| m.year)
            .or(self.year)
            .unwrap_or(*config.programme.first_year.get_ref());
        let spec = TemplateSpec {
            department,
            year,
            rows: &rows,
            date: self.date,
            mark: crate::reading::OutputKind::Annotated.mark(),
            ended: None,
        };
        let heading = crate::xlsx::template::heading_lines(config, lang, &spec);
        let mut unplaced = place.unplaced(grid, &heading);
        if let Some(earlier) = earlier {
            let col = u32::from(UNPLACED_VALUE_COL);
            unplaced.extend(place::carried(earlier, UNPLACED_HEADER_ROW, col));
        }
        let other = text(lang, "out-sheet-unplaced");
        let mut wb = Workbook::new();
        // The findings first: the department sees them on opening. The
        // sheet is filled once the template's layout is known.
        wb.add_worksheet()
            .set_name(text(lang, "out-sheet-findings"))?;
        let layout = add_template_sheets(&mut wb, config, lang, &spec)?;
        // Where a finding's cell stands in the copy: (sheet, cell).
        let target = |r: u32, c: u32| -> Option<(String, String)> {
            if let Some((i, f)) = place.place(r, c) {
                return Some((layout.sheet.clone(), a1(layout.first_row + i, f as u32)));
            }
            if let Some(f) = place.in_total(r, c) {
                return Some((layout.sheet.clone(), a1(layout.last_row + 1, f as u32)));
            }
            let k = unplaced.iter().position(|u| u.at == Some((r, c)))?;
            let row = UNPLACED_HEADER_ROW + 1 + k as u32;
            Some((other.clone(), a1(row, u32::from(UNPLACED_VALUE_COL))))
        };
        self.write_list(
            wb.worksheet_from_index(0)?,
            found,
            grid,
            first_col,
            &layout,
            &target,
        )?;
        let ws = wb.worksheet_from_name(&layout.sheet)?;
        self.write_rows(ws, grid, &place, &flagged, &layout)?;
        if !unplaced.is_empty() {
            let ws = wb.add_worksheet();
            ws.set_name(&other)?;
            self.write_unplaced(ws, &unplaced, &flagged, &layout)?;
        }
        wb.save_to_buffer()
    }

    /// The values of the placed rows that the template's total row sums:
    /// the euro numbers the copy writes, as `Value::Money`, so that the
    /// stored result of each `SUM` is what a spreadsheet computes.
    fn sum_rows(
        &self,
        grid: &Grid,
        place: &Placement,
        flagged: &Flagged,
    ) -> Vec<Vec<Option<Value>>> {
        let fields = &self.config.fields;
        place
            .rows
            .iter()
            .map(|&r| {
                (0..fields.len())
                    .map(|f| {
                        let c = place.column_of(f)?;
                        let kind = fields[f].kind;
                        let shown = place::shown(
                            grid.get(r, c),
                            place.typed(r, f),
                            kind,
                            flagged.contains_key(&(r, c)),
                            &|v| self.words(v, f),
                        );
                        match (kind, shown) {
                            (crate::config::Kind::Euro, Cell::Number(n)) => {
                                crate::model::parse::Cents::from_euros(n).map(Value::Money)
                            }
                            _ => None,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// The findings sheet: severity, code, title, the cell (a link to it in
    /// the copy where it has a place), message and hint.
    fn write_list(
        &self,
        list: &mut Worksheet,
        found: &[&Finding],
        grid: &Grid,
        first_col: Option<u32>,
        layout: &Layout,
        target: &dyn Fn(u32, u32) -> Option<(String, String)>,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let bold = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDE4EE));
        // The code stays as it is; its title in the copy's language beside it.
        for (c, h) in [
            text(lang, "out-col-severity"),
            text(lang, "out-col-code"),
            text(lang, "out-col-title"),
            text(lang, "out-col-cell"),
            text(lang, "out-col-message"),
            text(lang, "out-col-hint"),
        ]
        .iter()
        .enumerate()
        {
            list.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (i, f) in found.iter().enumerate() {
            let row = i as u32 + 1;
            list.write_string(row, 0, findings::severity(lang, f.severity))?;
            list.write_string(row, 1, crate::xlsx::fit(f.code.as_str()))?;
            list.write_string(row, 2, findings::title(lang, f.code))?;
            let at = on_sheet(f, grid, first_col).and_then(|(r, c)| target(r, c));
            match (at, &f.cell) {
                (Some((sheet, cell)), _) => {
                    // A cell of the measures sheet by itself, another with its sheet.
                    let shown = if sheet == layout.sheet {
                        cell.clone()
                    } else {
                        format!("{sheet}!{cell}")
                    };
                    let link = crate::xlsx::names::sheet_ref(&sheet, &cell);
                    list.write_url(row, 3, Url::new(format!("internal:{link}")).set_text(shown))?;
                }
                // A cell on another sheet of the original, or one the
                // template's own replaces (a total): named as it was.
                (None, Some(cell)) => {
                    list.write_string(row, 3, crate::xlsx::fit(cell))?;
                }
                (None, None) => {}
            }
            let message = findings::message(lang, f);
            let hint = findings::hint(lang, f).unwrap_or_default();
            list.write_string(row, 4, crate::xlsx::fit(&message))?;
            list.write_string(row, 5, crate::xlsx::fit(&hint))?;
        }
        for (c, w) in [10, 22, 30, 8, 80, 60].iter().enumerate() {
            list.set_column_width(c as u16, *w)?;
        }
        Ok(())
    }

    /// Writes the placed rows over the template's data rows: every field's
    /// cell of the row, blank where the original has no such column (the
    /// template's prefilled year or department would be a guess there).
    fn write_rows(
        &self,
        ws: &mut Worksheet,
        grid: &Grid,
        place: &Placement,
        flagged: &Flagged,
        layout: &Layout,
    ) -> Result<(), XlsxError> {
        for (i, &r) in place.rows.iter().enumerate() {
            let row = layout.first_row + i as u32;
            for (f, field) in self.config.fields.iter().enumerate() {
                let col = f as u16;
                let format = input_format(field.kind);
                let Some(c) = place.column_of(f) else {
                    ws.write_blank(row, col, &format)?;
                    continue;
                };
                let marks = flagged.get(&(r, c));
                let shown = place::shown(
                    grid.get(r, c),
                    place.typed(r, f),
                    field.kind,
                    marks.is_some(),
                    &|v| self.words(v, f),
                );
                let format = match marks {
                    Some(fs) => format.set_background_color(Color::RGB(fill_of(fs))),
                    None => format,
                };
                write_cell(ws, row, col, &shown, &format)?;
                if let Some(fs) = marks {
                    ws.insert_note(row, col, &self.note(fs))?;
                }
            }
        }
        Ok(())
    }

    /// The sheet of values with no place in the template: the original
    /// cell, the copy's row where the value's row was placed, the value as
    /// typed (marked where a finding names its cell).
    fn write_unplaced(
        &self,
        ws: &mut Worksheet,
        unplaced: &[place::Unplaced],
        flagged: &Flagged,
        layout: &Layout,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let bold = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDE4EE));
        ws.write_string(0, 0, text(lang, "out-unplaced-intro"))?;
        for (c, h) in [
            text(lang, "out-col-original-cell"),
            text(lang, "out-col-copy-row"),
            text(lang, "out-col-value"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(UNPLACED_HEADER_ROW, c as u16, h, &bold)?;
        }
        for (k, u) in unplaced.iter().enumerate() {
            let row = UNPLACED_HEADER_ROW + 1 + k as u32;
            ws.write_string(row, 0, crate::xlsx::fit(&u.origin))?;
            if let Some(i) = u.placed_row {
                ws.write_number(row, 1, f64::from(layout.first_row + i + 1))?;
            }
            let marks = u.at.and_then(|at| flagged.get(&at));
            let format = match marks {
                Some(fs) => Format::new().set_background_color(Color::RGB(fill_of(fs))),
                None => Format::new(),
            };
            write_cell(ws, row, UNPLACED_VALUE_COL, &u.cell, &format)?;
            if let Some(fs) = marks {
                ws.insert_note(row, UNPLACED_VALUE_COL, &self.note(fs))?;
            }
        }
        for (c, w) in [16, 14, 60].iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        Ok(())
    }

    /// A value of field `f` in words, as the template writes it.
    fn words(&self, v: &Value, f: usize) -> String {
        crate::xlsx::template::value_text(v, &self.config.fields[f], self.config, self.lang)
    }

    /// A cell's note: each finding's code, its title in the copy's
    /// language, the message and the hint.
    fn note(&self, fs: &[&Finding]) -> Note {
        let lang = self.lang;
        let lines: Vec<String> = fs
            .iter()
            .map(|f| {
                let note = match findings::hint(lang, f) {
                    Some(h) => Message::new("out-note-finding-hint").arg("hint", h),
                    None => Message::new("out-note-finding"),
                };
                let note = note
                    .arg("code", f.code.as_str())
                    .arg("title", findings::title(lang, f.code))
                    .arg("message", findings::message(lang, f));
                render(lang, &note)
            })
            .collect();
        Note::new(crate::xlsx::fit(&lines.join("\n")))
            .set_author("kooste")
            .set_width(320)
            .set_height(120)
    }
}

/// Whether a sheet is an annotated copy's list of values with no place
/// (by its name in any language).
fn is_unplaced_list(grid: &Grid) -> bool {
    [Lang::Fi, Lang::Sv, Lang::En]
        .into_iter()
        .any(|lang| grid.name == text(lang, "out-sheet-unplaced"))
}

/// The cell (0-based) a finding names on the measure sheet `grid`, if any;
/// a finding about a whole row (bytes the encoding does not allow) names
/// the row's cell in `first_col`, the sheet's first mapped column.
fn on_sheet(f: &Finding, grid: &Grid, first_col: Option<u32>) -> Option<(u32, u32)> {
    if f.sheet.as_deref().is_some_and(|s| s != grid.name) {
        return None;
    }
    match (&f.cell, f.row) {
        (Some(cell), _) => parse_a1(cell),
        (None, Some(row)) => Some((row.checked_sub(1)?, first_col?)),
        (None, None) => None,
    }
}

/// The findings by the measure sheet's cell they name.
fn flagged<'f>(found: &[&'f Finding], grid: &Grid, first_col: Option<u32>) -> Flagged<'f> {
    let mut by_cell: Flagged = BTreeMap::new();
    for f in found {
        if let Some(at) = on_sheet(f, grid, first_col) {
            by_cell.entry(at).or_default().push(f);
        }
    }
    by_cell
}

/// Red where any of the cell's findings is an error, amber otherwise.
fn fill_of(fs: &[&Finding]) -> u32 {
    if fs.iter().any(|f| f.severity == Severity::Error) {
        ERROR_FILL
    } else {
        WARNING_FILL
    }
}

/// Writes a cell as its type: numbers stay numbers, text stays text
/// (never a formula: a formula without a stored result is shown as its
/// text), dates keep a date format.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    format: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {
            ws.write_blank(r, c, format)?;
        }
        Cell::Number(n) => {
            ws.write_number_with_format(r, c, *n, format)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean_with_format(r, c, *b, format)?;
        }
        Cell::Date(d) => {
            let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(
                d.year.clamp(1900, 9999) as u16,
                d.month as u8,
                d.day as u8,
            )?;
            ws.write_datetime_with_format(r, c, dt, &format.clone().set_num_format("d.m.yyyy"))?;
        }
        other => {
            ws.write_string_with_format(r, c, crate::xlsx::fit(&other.display()), format)?;
        }
    }
    Ok(())
}
