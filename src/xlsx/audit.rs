//! The audit sheets: findings (linked to their row of the measures sheet)
//! and sources (each input with its SHA-256, so every figure can be tied to a file).

use std::collections::HashMap;

use rust_xlsxwriter::{Url, Worksheet, XlsxError};

use super::Formats;
use crate::config::Config;
use crate::finding::{Finding, Severity};
use crate::i18n::fill;
use crate::merging::Consolidation;
use crate::run::Run;

/// Lays out the findings sheet: name, header, widths.
pub(crate) fn prepare_findings(
    ws: &mut Worksheet,
    run: &Run,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let t = run.lang.texts();
    ws.set_name(t.sheet_names[2])?;
    let headers = [
        t.col_severity,
        t.col_code,
        t.col_source_file,
        t.col_sheet,
        t.col_cell,
        t.col_message,
        t.col_hint,
        t.col_row,
    ];
    super::header_row(ws, &headers, fmt)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [10, 24, 30, 16, 8, 70, 50, 8].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // Message and hint wrap; a column format, so the rows (written on
    // another thread) only look formats up.
    ws.set_column_format(5, &fmt.wrap)?;
    ws.set_column_format(6, &fmt.wrap)?;
    ws.protect();
    Ok(())
}

/// Writes one row per finding, linked to its row of the measures sheet.
///
/// The links' hyperlink style is the one format first registered while
/// rows are written; no other sheet registers formats at that time, so the
/// workbook's format numbering stays the same from run to run.
pub(crate) fn fill_findings(
    ws: &mut Worksheet,
    run: &Run,
    cons: &Consolidation,
    rows_per_sheet: usize,
) -> Result<(), XlsxError> {
    let t = run.lang.texts();
    let ms = t.sheet_names[1];
    let mut findings: Vec<&Finding> = run.findings_sorted();
    // (file, source row) → row of the measures sheet, for the links; only
    // the rows findings point at, not every measure.
    let wanted: std::collections::HashSet<(&str, u32)> = findings
        .iter()
        .filter_map(|f| Some((f.file.as_str(), f.row?)))
        .collect();
    let rows: HashMap<(&str, u32), u32> = cons
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.source.file.display.as_str(), r.measure.source.row), i))
        .filter(|(key, _)| wanted.contains(key))
        .map(|(key, i)| (key, i as u32 + 2))
        .collect();
    drop(wanted);
    // A sheet holds 1 048 575 rows below its header; if the findings do not
    // fit, the last row says how many more there were (the text and JSON
    // reports have them all).
    let room = rows_per_sheet.max(2) - 1;
    let cut = findings.len().saturating_sub(room);
    findings.truncate(room);
    for (i, f) in findings.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(
            row,
            0,
            t.severity_words[usize::from(f.severity != Severity::Error)],
        )?;
        ws.write_string(row, 1, super::fit(f.code.as_str()))?;
        ws.write_string(row, 2, super::fit(&f.file))?;
        ws.write_string(row, 3, super::fit(f.sheet.as_deref().unwrap_or("")))?;
        ws.write_string(row, 4, super::fit(f.cell.as_deref().unwrap_or("")))?;
        ws.write_string(row, 5, super::fit(&f.message))?;
        ws.write_string(row, 6, super::fit(f.hint.as_deref().unwrap_or("")))?;
        if let Some(target) = f.row.and_then(|r| rows.get(&(f.file.as_str(), r))) {
            ws.write_url(
                row,
                7,
                Url::new(format!("internal:'{ms}'!A{target}")).set_text(target.to_string()),
            )?;
        }
    }
    if cut > 0 {
        // Written last: a constant-memory sheet takes its rows in order.
        let note = fill(t.findings_cut, &[("count", &run.lang.integer(cut as i64))]);
        ws.write_string(room as u32 + 1, 0, super::fit(&note))?;
    }
    Ok(())
}

pub(crate) fn write_sources(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let t = run.lang.texts();
    ws.set_name(t.sheet_names[3])?;
    let headers = [
        t.col_source_file,
        t.col_format,
        t.col_sheet,
        t.col_header_row,
        t.col_rows,
        t.col_measures,
        t.col_department,
        t.col_sha256,
    ];
    super::header_row(ws, &headers, fmt)?;
    let mut row = 0;
    for s in &run.submissions {
        row += 1;
        ws.write_string(row, 0, super::fit(&s.file.display))?;
        ws.write_string(
            row,
            1,
            super::fit(s.format.map(|f| f.as_str()).unwrap_or("")),
        )?;
        ws.write_string(row, 2, super::fit(s.sheet.as_deref().unwrap_or("")))?;
        if let Some(h) = s.header_row {
            ws.write_number(row, 3, f64::from(h))?;
        }
        ws.write_number(row, 4, s.rows_read as f64)?;
        ws.write_number(row, 5, s.measures.len() as f64)?;
        let mut depts: Vec<&str> = s
            .measures
            .iter()
            .map(|m| config.departments[m.department].code.get_ref().as_str())
            .collect();
        depts.sort_unstable();
        depts.dedup();
        ws.write_string(row, 6, super::fit(&depts.join(", ")))?;
        ws.write_string(row, 7, super::fit(s.sha256.as_deref().unwrap_or("")))?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, t.date_label, &fmt.bold)?;
    ws.write_string(row, 1, super::fit(&run.lang.date(run.date)))?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [40, 8, 18, 10, 8, 12, 12, 66].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.protect();
    Ok(())
}
