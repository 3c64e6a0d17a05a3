//! The consolidated workbook: a summary with live totals (formulas whose
//! results are stored too), every measure as an Excel table, an area split,
//! native charts, the year-over-year comparison, findings and sources.
//!
//! Submission text is only ever written with `write_string`, so a value such
//! as `=HYPERLINK(…)` stays text; links are made only to our own cells.

mod audit;
mod charts;
mod compare;
mod measures;
mod summary;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError,
};

use crate::comparison::Comparison;
use crate::config::Config;
use crate::merging::Consolidation;
use crate::run::Run;
use crate::text::column_letters;

/// Options of the workbook.
#[derive(Debug, Clone, Copy, Default)]
pub struct XlsxOptions {
    /// Mark as a draft.
    pub draft: bool,
    /// One extra sheet per department.
    pub per_department: bool,
}

/// Column indexes of the measures sheet that formulas refer to.
pub(crate) mod col {
    pub const DEPARTMENT: u16 = 1;
    pub const FOCUS: u16 = 2;
    pub const NAME: u16 = 3;
    pub const STATUS: u16 = 5;
    pub const BUDGET: u16 = 7;
    pub const SPENT: u16 = 8;
    pub const FTE: u16 = 10;
    pub const REACHED: u16 = 13;
    /// Area split sheet: area, budget share, actual share.
    pub const SPLIT_AREA: u16 = 3;
    pub const SPLIT_BUDGET: u16 = 5;
    pub const SPLIT_SPENT: u16 = 6;
}

/// Cell formats shared by the sheets.
pub(crate) struct Formats {
    pub bold: Format,
    pub title: Format,
    pub heading: Format,
    pub header: Format,
    pub euro: Format,
    pub euro_bold: Format,
    pub percent: Format,
    pub percent_bold: Format,
    pub decimal: Format,
    pub decimal_bold: Format,
    pub integer_bold: Format,
    pub wrap: Format,
    pub note: Format,
}

impl Formats {
    fn new() -> Formats {
        let euro = "#,##0.00\\ \"€\"";
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_color(Color::RGB(0x0D4580)),
            heading: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::RGB(0x0D4580)),
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
            integer_bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555)),
        }
    }
}

/// `'Sheet'!$X$2:$X$n` over `n` data rows (at least one, so the range is valid).
pub(crate) fn range(sheet: &str, col: u16, n: u32) -> String {
    let c = column_letters(u32::from(col));
    format!(
        "'{}'!${c}$2:${c}${}",
        sheet.replace('\'', "''"),
        n.max(1) + 1
    )
}

/// Text cut to what an Excel cell holds (32 767 characters), at a character
/// boundary; a longer submission text is reported by the `text-too-long`
/// finding and kept whole in the CSV and JSON exports.
pub(crate) fn fit(s: &str) -> &str {
    match s.char_indices().nth(crate::typing::EXCEL_CELL_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A number as stored for a formula's cached result.
pub(crate) fn result(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Builds the workbook's bytes.
pub fn workbook_bytes(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    comparison: Option<&Comparison>,
    opts: XlsxOptions,
) -> Result<Vec<u8>, XlsxError> {
    workbook(run, config, cons, comparison, opts)?.save_to_buffer()
}

/// Builds the workbook, ready to save (to a file, without holding its bytes).
pub fn workbook(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    comparison: Option<&Comparison>,
    opts: XlsxOptions,
) -> Result<Workbook, XlsxError> {
    let lang = run.lang;
    let t = lang.texts();
    let fmt = Formats::new();
    let mut wb = Workbook::new();
    // Deflate dominated the run time at the default level; level 1 is several
    // times faster for a somewhat larger file.
    wb.set_zip_compression_level(1);
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
    let layout = summary::write(wb.add_worksheet(), run, config, cons, &fmt, &title)?;
    for (name, cell) in &layout.names {
        wb.define_name(*name, &format!("='{}'!{cell}", t.sheet_names[0]))?;
    }
    measures::write_all(&mut wb, run, config, cons, &fmt, opts.per_department)?;
    charts::write(
        wb.add_worksheet(),
        run,
        config,
        cons,
        comparison,
        &layout,
        &fmt,
    )?;
    if let Some(c) = comparison {
        compare::write(wb.add_worksheet(), run, config, c, cons.year, &fmt)?;
    }
    audit::write_findings(wb.add_worksheet_with_constant_memory()?, run, cons, &fmt)?;
    audit::write_sources(wb.add_worksheet(), run, config, &fmt)?;
    Ok(wb)
}
