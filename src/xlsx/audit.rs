//! The audit sheets: findings (linked to their row of the measures sheet)
//! and sources (each input with its SHA-256, so every figure can be tied to a file).

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use std::fmt::Write as _;

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::body::{Body, Cells, Links};
use super::{Formats, fit};
use crate::config::{Config, FieldKey};
use crate::i18n::{Lang, findings, render, text};
use crate::merging::Consolidation;
use crate::model::finding::{Code, Finding, Severity};
use crate::model::message::Message;
use crate::validation::checked::Run;

/// Lays out the findings sheet (name, header, widths) and returns its rows,
/// one per finding, linked to its row of the measures sheet, for the row
/// writer to make (see `body`).
pub(crate) fn findings<'a>(
    ws: &mut Worksheet,
    sheet: usize,
    run: &'a Run,
    cons: &Consolidation,
    fmt: &Formats,
    rows_per_sheet: usize,
) -> Result<Body<'a>, XlsxError> {
    let lang = run.lang;
    let cols = lay_out_findings(ws, run, fmt)?;
    let mut findings: Vec<&Finding> = run.findings_sorted();
    // A sheet holds 1 048 575 rows below its header; if the findings do not
    // fit, the last row says how many more there were (the text and JSON
    // reports have them all).
    let room = rows_per_sheet.max(2) - 1;
    let cut = findings.len().saturating_sub(room);
    findings.truncate(room);
    let note = (cut > 0).then(|| render(lang, &Message::new("out-findings-cut").count("n", cut)));
    let targets = link_targets(&findings, cons, run);
    let words = Words::new(lang, &findings);
    let rows = findings.len() + usize::from(note.is_some());
    let links = Links {
        col: cols - 1, // the row column
        sheet: text(lang, "out-sheet-measures"),
        targets: targets.clone(),
    };
    Ok(Body {
        sheet,
        rows,
        cols,
        write: Box::new(move |i, out| match findings.get(i) {
            Some(f) => finding_row(out, f, targets[i], &words, lang),
            None => out.string(0, fit(note.as_deref().unwrap_or(""))),
        }),
        links: Some(links),
    })
}

/// The findings sheet's name, header, widths and column formats; returns
/// its number of columns.
fn lay_out_findings(ws: &mut Worksheet, run: &Run, fmt: &Formats) -> Result<u16, XlsxError> {
    let lang = run.lang;
    ws.set_name(text(lang, "out-sheet-findings"))?;
    // The code stays as it is (scripts read it); its title in the
    // workbook's language stands beside it.
    let headers = [
        text(lang, "out-col-severity"),
        text(lang, "out-col-code"),
        text(lang, "out-col-title"),
        text(lang, "out-col-source-file"),
        text(lang, "out-col-sheet"),
        text(lang, "out-col-cell"),
        text(lang, "out-col-message"),
        text(lang, "out-col-hint"),
        text(lang, "out-col-row"),
    ];
    super::header_row(ws, &headers, fmt)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [10, 24, 30, 30, 16, 8, 70, 50, 8].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // Title, message and hint wrap; the row column holds links, in the
    // style rust_xlsxwriter gives a link (the cells take their column's
    // style).
    ws.set_column_format(2, &fmt.wrap)?;
    ws.set_column_format(6, &fmt.wrap)?;
    ws.set_column_format(7, &fmt.wrap)?;
    ws.set_column_format(8, &Format::new().set_hyperlink())?;
    ws.protect();
    Ok(headers.len() as u16)
}

/// The measures-sheet row (1-based) each finding links to, if it has one.
fn link_targets(findings: &[&Finding], cons: &Consolidation, run: &Run) -> Vec<Option<u32>> {
    // Files numbered by name (a finding names its file), and a measure's
    // file found by its submission's position: two numbers to hash for
    // each of the measures rather than a path.
    let mut names: FxHashMap<&str, u32> = FxHashMap::default();
    let file_of: Vec<u32> = run
        .submissions
        .iter()
        .map(|s| {
            let next = names.len() as u32;
            *names.entry(s.file.display.as_str()).or_insert(next)
        })
        .collect();
    let key = |f: &Finding| Some((*names.get(f.file.as_str())?, f.row?));
    // (file, source row) → row of the measures sheet; only the rows
    // findings point at, not every measure, looked for on every core.
    let wanted: FxHashSet<(u32, u32)> = findings.iter().filter_map(|f| key(f)).collect();
    let mut rows: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    if !wanted.is_empty() {
        let hits: Vec<((u32, u32), u32)> = cons
            .rows
            .par_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let source = r.key.1;
                let at = (*file_of.get(source.file)?, source.row);
                wanted.contains(&at).then_some((at, i as u32 + 2))
            })
            .collect();
        // In row order, as before: the last row of a key wins.
        rows.extend(hits);
    }
    findings
        .iter()
        .map(|f| key(f).and_then(|k| rows.get(&k).copied()))
        .collect()
}

/// The words every finding row repeats, made once: the severities and the
/// titles of the codes present.
struct Words {
    error: String,
    warning: String,
    titles: FxHashMap<Code, String>,
}

impl Words {
    fn new(lang: Lang, list: &[&Finding]) -> Words {
        let mut titles = FxHashMap::default();
        for f in list {
            titles
                .entry(f.code)
                .or_insert_with(|| findings::title(lang, f.code));
        }
        Words {
            error: findings::severity(lang, Severity::Error),
            warning: findings::severity(lang, Severity::Warning),
            titles,
        }
    }
}

/// The cells of one finding; the row column shows the measures-sheet row
/// it links to.
fn finding_row(out: &mut dyn Cells, f: &Finding, target: Option<u32>, words: &Words, lang: Lang) {
    out.string(
        0,
        match f.severity {
            Severity::Error => &words.error,
            Severity::Warning => &words.warning,
        },
    );
    out.string(1, fit(f.code.as_str()));
    out.string(2, fit(words.titles.get(&f.code).map_or("", String::as_str)));
    out.string(3, fit(&f.file));
    out.string(4, fit(f.sheet.as_deref().unwrap_or("")));
    out.string(5, fit(f.cell.as_deref().unwrap_or("")));
    out.string(6, fit(&findings::message(lang, f)));
    out.string(7, fit(&findings::hint(lang, f).unwrap_or_default()));
    if let Some(target) = target {
        let mut buf = out.take_scratch();
        buf.clear();
        let _ = write!(buf, "{target}");
        out.string(8, &buf);
        out.put_scratch(buf);
    }
}

pub(crate) fn write_sources(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    earlier: &[crate::merging::comparison::Previous],
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let lang = run.lang;
    ws.set_name(text(lang, "out-sheet-sources"))?;
    let headers = [
        text(lang, "out-col-source-file"),
        text(lang, "out-col-format"),
        text(lang, "out-col-sheet"),
        text(lang, "out-col-header-row"),
        text(lang, "out-col-rows"),
        text(lang, "out-col-measures"),
        config.label(FieldKey::Department, lang),
        text(lang, "out-col-sha256"),
    ];
    super::header_row(ws, &headers, fmt)?;
    let mut row = 0;
    // What goes into the outputs from each file, as the summary counts it.
    let written = run.measures_written();
    for (i, s) in run.submissions.iter().enumerate() {
        row += 1;
        let mut depts: Vec<&str> = s
            .measures
            .iter()
            .map(|m| config.departments[m.department].code.get_ref().as_str())
            .collect();
        depts.sort_unstable();
        depts.dedup();
        let source = Source {
            path: &s.file.display,
            sub: s,
            written: written[i],
            what: depts.join(", "),
        };
        source_row(ws, row, &source, fmt)?;
    }
    // The earlier years' workbooks the comparison and the trend are made
    // with: sources of those, none of this year's measures.
    for (i, p) in earlier.iter().enumerate() {
        row += 1;
        let year = p.year.map(|y| y.to_string()).unwrap_or_default();
        let label = crate::i18n::render(
            lang,
            &crate::model::message::Message::new(if i + 1 == earlier.len() {
                "out-source-previous"
            } else {
                "out-source-trend"
            })
            .arg("year", year),
        );
        let source = Source {
            path: &p.path,
            sub: &p.source,
            written: 0,
            what: label,
        };
        source_row(ws, row, &source, fmt)?;
    }
    row = write_corrections(ws, row, run, fmt)?;
    row += 2;
    ws.write_string_with_format(row, 0, text(lang, "out-date"), &fmt.bold)?;
    ws.write_datetime_with_format(row, 1, super::excel_date(run.date)?, &fmt.date)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [40, 8, 18, 10, 8, 12, 12, 66].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.protect();
    Ok(())
}

/// The corrections of cells recorded for the files read (the web app's
/// fix in place), under the files: each with its file, sheet, cell, the
/// value in the file and the one read, who and when. Nothing (and no
/// row) when there are none, so such a workbook is as before. Returns the
/// last row written.
fn write_corrections(
    ws: &mut Worksheet,
    mut row: u32,
    run: &Run,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    if run.submissions.iter().all(|s| s.corrections.is_empty()) {
        return Ok(row);
    }
    let lang = run.lang;
    row += 2;
    ws.write_string_with_format(row, 0, text(lang, "out-sources-corrections"), &fmt.bold)?;
    row += 1;
    let headers = [
        "out-col-source-file",
        "out-col-sheet",
        "out-col-cell",
        "out-col-value-before",
        "out-col-value-after",
        "out-col-corrected-by",
        "out-col-corrected-at",
        "out-col-sha256",
    ];
    for (c, id) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, text(lang, id), &fmt.bold)?;
    }
    for s in &run.submissions {
        for a in &s.corrections {
            row += 1;
            let c = &a.correction;
            let cells = [
                s.file.display.as_str(),
                c.sheet.as_str(),
                c.cell.as_str(),
                a.before.as_str(),
                c.value.as_str(),
                c.by.as_str(),
                c.at.as_str(),
                s.sha256.as_deref().unwrap_or(""),
            ];
            for (col, v) in cells.iter().enumerate() {
                ws.write_string(row, col as u16, super::fit(v))?;
            }
        }
    }
    Ok(row)
}

/// One row of the sources sheet: a file read, and what came of it.
struct Source<'a> {
    /// The file as given.
    path: &'a str,
    /// What reading it found (format, sheet, header row, rows, SHA-256).
    sub: &'a crate::reading::Submission,
    /// Its measures that go into the outputs.
    written: usize,
    /// Its departments, or what it is a source of.
    what: String,
}

fn source_row(ws: &mut Worksheet, row: u32, s: &Source, fmt: &Formats) -> Result<(), XlsxError> {
    let sub = s.sub;
    ws.write_string(row, 0, super::fit(s.path))?;
    ws.write_string(
        row,
        1,
        super::fit(sub.format.map(|f| f.as_str()).unwrap_or("")),
    )?;
    ws.write_string(row, 2, super::fit(sub.sheet.as_deref().unwrap_or("")))?;
    if let Some(h) = sub.header_row {
        ws.write_number(row, 3, f64::from(h))?;
    }
    ws.write_number_with_format(row, 4, sub.rows_read as f64, &fmt.integer)?;
    ws.write_number_with_format(row, 5, s.written as f64, &fmt.integer)?;
    ws.write_string(row, 6, super::fit(&s.what))?;
    ws.write_string(row, 7, super::fit(sub.sha256.as_deref().unwrap_or("")))?;
    Ok(())
}
