//! The consolidated workbook: summary with live totals (formulas with their
//! results stored), all measures as an Excel table, findings and sources.
//!
//! Submission text is only ever written with `write_string`, so a value such
//! as `=HYPERLINK(…)` stays text.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Formula, Table, TableStyle, Workbook,
    Worksheet, XlsxError,
};

use crate::config::Config;
use crate::finding::Finding;
use crate::i18n::{Lang, Texts};
use crate::merging::{Consolidation, Totals};
use crate::run::Run;
use crate::text::column_letters;

/// Options of the workbook.
#[derive(Debug, Clone, Copy)]
pub struct XlsxOptions {
    /// Mark as a draft.
    pub draft: bool,
}

/// Column indexes of the measures sheet that formulas refer to.
const COL_DEPARTMENT: u16 = 1;
const COL_FOCUS: u16 = 2;
const COL_BUDGET: u16 = 7;
const COL_SPENT: u16 = 8;
const COL_FTE: u16 = 10;

struct Formats {
    bold: Format,
    title: Format,
    header: Format,
    euro: Format,
    euro_bold: Format,
    percent: Format,
    percent_bold: Format,
    decimal: Format,
    decimal_bold: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Formats {
        let euro = "#,##0.00\\ \"€\"";
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE4EE))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            euro: Format::new().set_num_format(euro),
            euro_bold: Format::new().set_num_format(euro).set_bold(),
            percent: Format::new().set_num_format("0.0\\ %"),
            percent_bold: Format::new().set_num_format("0.0\\ %").set_bold(),
            decimal: Format::new().set_num_format("0.0"),
            decimal_bold: Format::new().set_num_format("0.0").set_bold(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// Builds the workbook's bytes.
pub fn workbook_bytes(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    opts: XlsxOptions,
) -> Result<Vec<u8>, XlsxError> {
    let lang = run.lang;
    let t = lang.texts();
    let fmt = Formats::new();
    let mut wb = Workbook::new();
    let year = cons.year.map(|y| y.to_string()).unwrap_or_default();
    let mut title = format!("{} {year}", config.programme.name.get(lang));
    if opts.draft {
        title = format!("{} – {title}", t.draft);
    }
    let d = run.date;
    let created =
        ExcelDateTime::from_ymd(d.year.clamp(1900, 9999) as u16, d.month as u8, d.day as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_subject(t.annual_report)
            .set_author(config.programme.organisation.get(lang))
            .set_company(config.programme.organisation.get(lang))
            .set_creation_datetime(&created),
    );
    let n = cons.rows.len().max(1) as u32;
    let summary = wb.add_worksheet();
    summary.set_name(t.sheet_names[0])?;
    write_summary(summary, run, config, cons, &fmt, &title, n)?;
    let measures = wb.add_worksheet();
    measures.set_name(t.sheet_names[1])?;
    write_measures(measures, config, cons, lang, &fmt)?;
    let findings: Vec<&Finding> = run.findings_sorted();
    let sheet = wb.add_worksheet();
    sheet.set_name(t.sheet_names[2])?;
    write_findings(sheet, &findings, t, &fmt)?;
    let sheet = wb.add_worksheet();
    sheet.set_name(t.sheet_names[3])?;
    write_sources(sheet, run, config, t, &fmt)?;
    wb.save_to_buffer()
}

/// `'Sheet'!$X$2:$X$n`
fn range(sheet: &str, col: u16, n: u32) -> String {
    let c = column_letters(u32::from(col));
    format!("'{sheet}'!${c}$2:${c}${}", n + 1)
}

fn write_summary(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    fmt: &Formats,
    title: &str,
    n: u32,
) -> Result<(), XlsxError> {
    let lang = run.lang;
    let t = lang.texts();
    let ms = t.sheet_names[1];
    ws.write_string_with_format(0, 0, title, &fmt.title)?;
    ws.write_string_with_format(1, 0, t.year, &fmt.bold)?;
    if let Some(y) = cons.year {
        ws.write_number(1, 1, f64::from(y))?;
    }
    ws.write_string_with_format(2, 0, t.annual_budget, &fmt.bold)?;
    ws.write_number_with_format(2, 1, config.annual_budget(), &fmt.euro)?;
    ws.write_string_with_format(3, 0, t.date_label, &fmt.bold)?;
    ws.write_string(3, 1, lang.date(run.date))?;
    ws.write_string(4, 0, t.sources_note)?;

    let groups = |list: &[crate::config::Choice], totals: &[Totals]| -> Vec<(String, Totals)> {
        list.iter()
            .zip(totals)
            .map(|(c, tot)| (c.name.get(lang).to_string(), tot.clone()))
            .collect()
    };
    let mut row = 6;
    row = write_group_table(
        ws,
        row,
        t.by_department,
        t.col_department,
        &groups(&config.departments, &cons.by_department),
        &cons.total,
        COL_DEPARTMENT,
        ms,
        n,
        t,
        fmt,
    )?;
    row += 2;
    write_group_table(
        ws,
        row,
        t.by_focus_area,
        t.col_focus_area,
        &groups(&config.focus_areas, &cons.by_focus_area),
        &cons.total,
        COL_FOCUS,
        ms,
        n,
        t,
        fmt,
    )?;
    ws.set_column_width(0, 48)?;
    for c in 1..=5 {
        ws.set_column_width(c, 16)?;
    }
    Ok(())
}

/// A table of groups with COUNTIF/SUMIFS over the measures sheet, results stored.
#[allow(clippy::too_many_arguments)]
fn write_group_table(
    ws: &mut Worksheet,
    mut row: u32,
    heading: &str,
    label: &str,
    groups: &[(String, Totals)],
    total: &Totals,
    key_col: u16,
    ms: &str,
    n: u32,
    t: &Texts,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, heading, &fmt.title)?;
    row += 1;
    for (c, h) in [
        label,
        t.col_measures,
        t.col_budget,
        t.col_spent,
        t.col_utilisation,
        t.col_fte,
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &fmt.header)?;
    }
    let first = row + 1;
    let keys = range(ms, key_col, n);
    for (name, tot) in groups {
        row += 1;
        let r = row + 1; // 1-based for formulas
        ws.write_string(row, 0, name)?;
        let count =
            Formula::new(format!("=COUNTIF({keys},$A{r})")).set_result(tot.count.to_string());
        ws.write_formula(row, 1, count)?;
        for (col, src, value, f) in [
            (2u16, COL_BUDGET, tot.budget.euros(), &fmt.euro),
            (3, COL_SPENT, tot.spent.euros(), &fmt.euro),
            (5, COL_FTE, tot.fte, &fmt.decimal),
        ] {
            let formula = Formula::new(format!("=SUMIFS({},{keys},$A{r})", range(ms, src, n)))
                .set_result(value.to_string());
            ws.write_formula_with_format(row, col, formula, f)?;
        }
        write_utilisation(ws, row, tot, &fmt.percent)?;
    }
    row += 1;
    let last = row;
    ws.write_string_with_format(row, 0, t.total, &fmt.bold)?;
    let sum = |col: u16| {
        let c = column_letters(u32::from(col));
        format!("=SUM({c}{first}:{c}{last})", first = first + 1)
    };
    ws.write_formula_with_format(
        row,
        1,
        Formula::new(sum(1)).set_result(total.count.to_string()),
        &fmt.bold,
    )?;
    ws.write_formula_with_format(
        row,
        2,
        Formula::new(sum(2)).set_result(total.budget.euros().to_string()),
        &fmt.euro_bold,
    )?;
    ws.write_formula_with_format(
        row,
        3,
        Formula::new(sum(3)).set_result(total.spent.euros().to_string()),
        &fmt.euro_bold,
    )?;
    ws.write_formula_with_format(
        row,
        5,
        Formula::new(sum(5)).set_result(total.fte.to_string()),
        &fmt.decimal_bold,
    )?;
    write_utilisation(ws, row, total, &fmt.percent_bold)?;
    Ok(row)
}

fn write_utilisation(
    ws: &mut Worksheet,
    row: u32,
    tot: &Totals,
    f: &Format,
) -> Result<(), XlsxError> {
    let r = row + 1;
    let result = tot.utilisation().map(|u| u.to_string()).unwrap_or_default();
    ws.write_formula_with_format(
        row,
        4,
        Formula::new(format!("=IF(C{r}>0,D{r}/C{r},\"\")")).set_result(result),
        f,
    )?;
    Ok(())
}

fn write_measures(
    ws: &mut Worksheet,
    config: &Config,
    cons: &Consolidation,
    lang: Lang,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let t = lang.texts();
    let h = |key: &str, fallback: &'static str| {
        config
            .field(key)
            .map(|f| f.header.get(lang).to_string())
            .unwrap_or(fallback.to_string())
    };
    let headers = [
        h("id", "ID"),
        t.col_department.to_string(),
        t.col_focus_area.to_string(),
        h("measure", "Measure"),
        t.col_areas.to_string(),
        t.col_status.to_string(),
        t.year.to_string(),
        t.col_budget.to_string(),
        t.col_spent.to_string(),
        t.col_utilisation.to_string(),
        t.col_fte.to_string(),
        h("themes", "Themes"),
        h("schedule", "Schedule"),
        h("reached", "Reached"),
        h("impact_story", "Impact story"),
        h("contact", "Contact"),
        t.col_source_file.to_string(),
        t.col_source_cell.to_string(),
    ];
    for (c, name) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, name, &fmt.header)?;
    }
    let names = |list: &[crate::config::Choice], idx: &[usize]| {
        idx.iter()
            .map(|&i| list[i].name.get(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (i, r) in cons.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let m = r.measure;
        ws.write_string(row, 0, m.id.as_deref().unwrap_or(""))?;
        ws.write_string(row, 1, config.departments[m.department].name.get(lang))?;
        ws.write_string(
            row,
            2,
            m.focus_area
                .map(|f| config.focus_areas[f].name.get(lang))
                .unwrap_or(""),
        )?;
        ws.write_string_with_format(row, 3, &m.name, &fmt.wrap)?;
        ws.write_string(row, 4, names(&config.areas, &m.areas))?;
        ws.write_string(
            row,
            5,
            m.status
                .map(|s| config.statuses[s].name.get(lang))
                .unwrap_or(""),
        )?;
        if let Some(y) = m.year {
            ws.write_number(row, 6, f64::from(y))?;
        }
        ws.write_number_with_format(row, 7, m.budget.euros(), &fmt.euro)?;
        if let Some(s) = m.spent {
            ws.write_number_with_format(row, 8, s.euros(), &fmt.euro)?;
        }
        let r1 = row + 1;
        let util = match (m.spent, m.budget.0 > 0) {
            (Some(s), true) => (s.0 as f64 / m.budget.0 as f64).to_string(),
            _ => String::new(),
        };
        ws.write_formula_with_format(
            row,
            9,
            Formula::new(format!("=IF(AND(H{r1}>0,I{r1}<>\"\"),I{r1}/H{r1},\"\")"))
                .set_result(util),
            &fmt.percent,
        )?;
        if let Some(f) = m.fte {
            ws.write_number_with_format(row, 10, f, &fmt.decimal)?;
        }
        ws.write_string(row, 11, names(&config.themes, &m.themes))?;
        ws.write_string(row, 12, m.schedule.as_deref().unwrap_or(""))?;
        if let Some(p) = m.reached {
            ws.write_number(row, 13, p as f64)?;
        }
        ws.write_string_with_format(row, 14, m.impact_story.as_deref().unwrap_or(""), &fmt.wrap)?;
        ws.write_string(row, 15, m.contact.as_deref().unwrap_or(""))?;
        ws.write_string(row, 16, &r.source.file.display)?;
        ws.write_string(
            row,
            17,
            format!(
                "{}!{}",
                r.source.sheet.as_deref().unwrap_or(""),
                m.source_cell
            ),
        )?;
    }
    let last_row = cons.rows.len().max(1) as u32;
    let columns: Vec<rust_xlsxwriter::TableColumn> = headers
        .iter()
        .map(|h| rust_xlsxwriter::TableColumn::new().set_header(h))
        .collect();
    let table = Table::new()
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    ws.add_table(0, 0, last_row, headers.len() as u16 - 1, &table)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [
        8, 26, 30, 50, 22, 16, 7, 14, 14, 10, 9, 28, 18, 10, 50, 26, 30, 18,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

fn write_findings(
    ws: &mut Worksheet,
    findings: &[&Finding],
    t: &Texts,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let headers = [
        t.col_severity,
        t.col_code,
        t.col_source_file,
        t.col_sheet,
        t.col_cell,
        t.col_message,
        t.col_hint,
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &fmt.header)?;
    }
    for (i, f) in findings.iter().enumerate() {
        let row = i as u32 + 1;
        let sev = t.severity_words[usize::from(f.severity != crate::finding::Severity::Error)];
        ws.write_string(row, 0, sev)?;
        ws.write_string(row, 1, f.code.as_str())?;
        ws.write_string(row, 2, &f.file)?;
        ws.write_string(row, 3, f.sheet.as_deref().unwrap_or(""))?;
        ws.write_string(row, 4, f.cell.as_deref().unwrap_or(""))?;
        ws.write_string_with_format(row, 5, &f.message, &fmt.wrap)?;
        ws.write_string_with_format(row, 6, f.hint.as_deref().unwrap_or(""), &fmt.wrap)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [10, 24, 30, 16, 8, 70, 50].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

fn write_sources(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    t: &Texts,
    fmt: &Formats,
) -> Result<(), XlsxError> {
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
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &fmt.header)?;
    }
    let mut row = 0;
    for s in &run.submissions {
        row += 1;
        ws.write_string(row, 0, &s.file.display)?;
        ws.write_string(row, 1, s.format.map(|f| f.as_str()).unwrap_or(""))?;
        ws.write_string(row, 2, s.sheet.as_deref().unwrap_or(""))?;
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
        ws.write_string(row, 6, depts.join(", "))?;
        ws.write_string(row, 7, s.sha256.as_deref().unwrap_or(""))?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, t.date_label, &fmt.bold)?;
    ws.write_string(row, 1, run.lang.date(run.date))?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [40, 8, 18, 10, 8, 12, 12, 66].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}
