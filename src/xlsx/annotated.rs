//! The annotated copy sent back to a department: its own measure sheet with
//! every flagged cell filled (red for errors, amber for warnings) and a note
//! holding the message, after a first sheet that lists the findings with a
//! link to each cell. The original file is never touched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::parse::Date;
use rust_xlsxwriter::{Color, DocProperties, Format, Note, Url, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::i18n::{Lang, findings, render, text};
use crate::model::Cell;
use crate::model::finding::{Finding, Severity};
use crate::model::message::Message;
use crate::output::Transaction;
use crate::reading::{Grid, Submission, load, open};
use crate::text::parse_a1;

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

/// Writes an annotated copy for each submission that has located findings.
/// A copy that cannot be made is recorded and the next file still gets
/// its copy; only an unusable folder or an input as output stops the run.
pub fn annotate_all(
    subs: &[Submission],
    findings: &[&Finding],
    dir: &Path,
    lang: Lang,
    date: Date,
    inputs: &[crate::reading::InputFile],
) -> Result<Annotated, Error> {
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
        // Re-read rather than keep every grid in memory for a rarely used
        // option. A file that changed since (unreadable now, or without
        // the sheet) gets no copy, and the run says so.
        let limits = crate::reading::Limits::default();
        let grid = load(&sub.file.path, &limits)
            .and_then(|(b, _)| open(&sub.file.path, &b, &limits))
            .map(|book| book.sheets.into_iter().find(|g| g.name == sheet));
        let grid = match grid {
            Ok(Some(grid)) => grid,
            Ok(None) | Err(_) => {
                done.failed.push(Error::Reread {
                    path: sub.file.path.clone(),
                    reason: grid.err(),
                });
                continue;
            }
        };
        let path = dir.join(output_name(&sub.file.path, lang, &mut used_names));
        crate::output::refuse_input(&path, inputs)?;
        let bytes = annotated_bytes(&grid, &own, lang, date).map_err(|source| Error::Workbook {
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

fn annotated_bytes(
    grid: &Grid,
    findings: &[&Finding],
    lang: Lang,
    date: Date,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // The run's date, not the clock: the same inputs and options give the
    // same bytes, as every other output.
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(
        date.year.clamp(1900, 9999) as u16,
        date.month as u8,
        date.day as u8,
    )?;
    // Saved into an input folder, the copy must not be read as a second
    // submission of the department.
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_custom_property(
                crate::reading::PROPERTY,
                crate::reading::OutputKind::Annotated.mark(),
            ),
    );
    let list_name = text(lang, "out-sheet-findings");
    let data_name = crate::xlsx::names::sheet_name(&grid.name, &mut vec![list_name.clone()]);
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE4EE));
    let list = wb.add_worksheet();
    list.set_name(&list_name)?;
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
    for (i, f) in findings.iter().enumerate() {
        let row = i as u32 + 1;
        list.write_string(row, 0, findings::severity(lang, f.severity))?;
        list.write_string(row, 1, crate::xlsx::fit(f.code.as_str()))?;
        list.write_string(row, 2, findings::title(lang, f.code))?;
        if let Some(cell) = &f.cell {
            list.write_url(
                row,
                3,
                Url::new(format!(
                    "internal:{}",
                    crate::xlsx::names::sheet_ref(&data_name, cell)
                ))
                .set_text(cell),
            )?;
        }
        let message = findings::message(lang, f);
        let hint = findings::hint(lang, f).unwrap_or_default();
        list.write_string(row, 4, crate::xlsx::fit(&message))?;
        list.write_string(row, 5, crate::xlsx::fit(&hint))?;
    }
    for (c, w) in [10, 22, 30, 8, 80, 60].iter().enumerate() {
        list.set_column_width(c as u16, *w)?;
    }
    let data = wb.add_worksheet();
    data.set_name(&data_name)?;
    copy_grid(data, grid)?;
    mark_cells(data, grid, findings, lang)?;
    data.set_autofit_max_width(300);
    data.autofit();
    wb.save_to_buffer()
}

/// Copies every cell as its type: numbers stay numbers, text stays text
/// (never a formula), dates keep a date format.
fn copy_grid(ws: &mut Worksheet, grid: &Grid) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("d.m.yyyy");
    for (r, c, cell) in grid.cells() {
        // Beyond Excel's last column (XFD) a cell cannot be copied; no
        // reader places one there.
        let Ok(c) = u16::try_from(c) else { continue };
        write_cell(ws, r, c, cell, None, &date)?;
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    fill: Option<&Format>,
    date: &Format,
) -> Result<(), XlsxError> {
    let plain = Format::new();
    let f = fill.unwrap_or(&plain);
    match cell {
        Cell::Empty => {
            if let Some(f) = fill {
                ws.write_blank(r, c, f)?;
            }
        }
        Cell::Number(n) => {
            ws.write_number_with_format(r, c, *n, f)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean_with_format(r, c, *b, f)?;
        }
        Cell::Date(d) => {
            let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(
                d.year.clamp(1900, 9999) as u16,
                d.month as u8,
                d.day as u8,
            )?;
            let df = if fill.is_some() {
                f.clone().set_num_format("d.m.yyyy")
            } else {
                date.clone()
            };
            ws.write_datetime_with_format(r, c, dt, &df)?;
        }
        other => {
            ws.write_string_with_format(r, c, crate::xlsx::fit(&other.display()), f)?;
        }
    }
    Ok(())
}

/// Fills each located cell by its worst severity and attaches the messages as a note.
fn mark_cells(
    ws: &mut Worksheet,
    grid: &Grid,
    found: &[&Finding],
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut by_cell: BTreeMap<(u32, u32), Vec<&Finding>> = BTreeMap::new();
    for f in found {
        if let Some((r, c)) = f.cell.as_deref().and_then(parse_a1) {
            by_cell.entry((r, c)).or_default().push(f);
        }
    }
    let date = Format::new().set_num_format("d.m.yyyy");
    for ((r, c), fs) in by_cell {
        let worst = fs
            .iter()
            .map(|f| f.severity)
            .min()
            .unwrap_or(Severity::Warning);
        let color = if worst == Severity::Error {
            ERROR_FILL
        } else {
            WARNING_FILL
        };
        let fill = Format::new().set_background_color(Color::RGB(color));
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        write_cell(ws, r, col, grid.get(r, c), Some(&fill), &date)?;
        // Each finding's code, its title in the copy's language, the
        // message and the hint.
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
        ws.insert_note(
            r,
            col,
            &Note::new(crate::xlsx::fit(&lines.join("\n")))
                .set_author("kooste")
                .set_width(320)
                .set_height(120),
        )?;
    }
    Ok(())
}
