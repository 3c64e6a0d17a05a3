//! The consolidated workbook: a summary with live totals (formulas whose
//! results are stored too), every measure as an Excel table, an area split,
//! native charts, the year-over-year comparison, findings and sources.
//!
//! Submission text is only ever written with `write_string`, so a value such
//! as `=HYPERLINK(…)` stays text; links are made only to our own cells.

pub mod annotated;
mod audit;
mod charts;
mod compare;
mod measures;
pub mod names;
mod package;
mod pipeline;
mod sheetxml;
mod summary;
mod tables;
pub mod template;

pub use package::{PartProblem, SaveError};

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use crate::config::Config;
use crate::merging::Consolidation;
use crate::merging::comparison::Comparison;
use crate::text::column_letters;
use crate::validation::checked::Run;

/// Data rows an Excel sheet holds below its header row.
pub const EXCEL_DATA_ROWS: usize = 1_048_575;

/// Options of the workbook.
#[derive(Debug, Clone, Copy, Default)]
pub struct XlsxOptions {
    /// Mark as a draft.
    pub draft: bool,
    /// One extra sheet per department.
    pub per_department: bool,
    /// Data rows a sheet takes before the area split continues on another
    /// sheet and the findings sheet is cut; 0 means as many as Excel holds
    /// ([`EXCEL_DATA_ROWS`]). Smaller values are for tests.
    pub max_sheet_rows: usize,
}

impl XlsxOptions {
    /// Data rows per sheet.
    pub fn rows_per_sheet(&self) -> usize {
        match self.max_sheet_rows {
            0 => EXCEL_DATA_ROWS,
            n => n.min(EXCEL_DATA_ROWS),
        }
    }
}

/// `total` rows in sheets of at most `per` rows: (first, len) of each; one
/// part even when there are no rows, so the sheet and its formulas exist.
pub(crate) fn parts(total: usize, per: usize) -> Vec<(usize, usize)> {
    let per = per.max(1);
    if total == 0 {
        return vec![(0, 0)];
    }
    (0..total)
        .step_by(per)
        .map(|first| (first, per.min(total - first)))
        .collect()
}

/// The name of the `k`th (0-based) sheet of a sheet that continues.
pub(crate) fn part_name(name: &str, k: usize) -> String {
    if k == 0 {
        name.to_string()
    } else {
        format!("{name} {}", k + 1)
    }
}

/// Column numbers of the measures and area split sheets that formulas
/// refer to, from their layouts in [`crate::model::field`].
pub(crate) mod col {
    use crate::model::field::{AREA_SPLIT_SHEET, Column, FieldKey, MEASURES_SHEET, position};

    const fn measures(key: FieldKey) -> u16 {
        position(&MEASURES_SHEET, Column::Field(key))
    }

    const fn split(column: Column) -> u16 {
        position(&AREA_SPLIT_SHEET, column)
    }

    pub const DEPARTMENT: u16 = measures(FieldKey::Department);
    pub const FOCUS: u16 = measures(FieldKey::FocusArea);
    pub const NAME: u16 = measures(FieldKey::Measure);
    pub const STATUS: u16 = measures(FieldKey::Status);
    pub const BUDGET: u16 = measures(FieldKey::Budget);
    pub const SPENT: u16 = measures(FieldKey::Spent);
    pub const FTE: u16 = measures(FieldKey::Fte);
    pub const REACHED: u16 = measures(FieldKey::Reached);
    /// Area split sheet: area, share, budget share, actual share.
    pub const SPLIT_AREA: u16 = split(Column::Field(FieldKey::Areas));
    pub const SPLIT_SHARE: u16 = split(Column::Share);
    pub const SPLIT_BUDGET: u16 = split(Column::Field(FieldKey::Budget));
    pub const SPLIT_SPENT: u16 = split(Column::Field(FieldKey::Spent));
}

/// The letters of a 0-based column number, for a formula.
pub(crate) fn letters(col: u16) -> String {
    column_letters(u32::from(col))
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

/// Writes `headers` across row 0 in the header format.
pub(crate) fn header_row<S: AsRef<str>>(
    ws: &mut Worksheet,
    headers: &[S],
    fmt: &Formats,
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, fit(h.as_ref()), &fmt.header)?;
    }
    Ok(())
}

/// Text cut to what an Excel cell holds (32 767 characters as Excel counts
/// them, in UTF-16 units: a character outside the Basic Multilingual Plane,
/// such as an emoji, takes two), at a character boundary; a longer
/// submission text is reported by the `text-too-long` finding and kept whole
/// in the CSV and JSON exports.
pub(crate) fn fit(s: &str) -> &str {
    // No more bytes than that means no more UTF-16 units.
    if s.len() <= crate::reading::typing::EXCEL_CELL_CHARS {
        return s;
    }
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > crate::reading::typing::EXCEL_CELL_CHARS {
            return &s[..i];
        }
    }
    s
}

/// What a ratio formula shows when it has no value (no budget, no actual).
///
/// Not an empty string: rust_xlsxwriter stores an empty cached result as 0,
/// which readers that do not recalculate (LibreOffice by default, calamine)
/// would show as 0 %.
pub(crate) const NOT_APPLICABLE: &str = "–";

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
) -> Result<Vec<u8>, SaveError> {
    workbook(run, config, cons, comparison, opts)?.save_to_buffer()
}

/// A built workbook, ready to save: its large sheets' rows are made as it
/// is written.
pub struct Built<'a> {
    workbook: Workbook,
    big: measures::BigSheets<'a>,
}

impl Built<'_> {
    /// Saves the workbook to `path`, streaming (the large sheets' rows are
    /// never all in memory, as XML or compressed).
    pub fn save(self, path: &std::path::Path) -> Result<(), SaveError> {
        let file = std::fs::File::create(path)?;
        let file = crate::output::SyncAhead::new(file);
        let out = self.write_to(std::io::BufWriter::with_capacity(1 << 20, file))?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        Ok(file.finish().map(drop)?)
    }

    /// The workbook's bytes.
    pub fn save_to_buffer(self) -> Result<Vec<u8>, SaveError> {
        Ok(self
            .write_to(std::io::Cursor::new(Vec::new()))?
            .into_inner())
    }

    /// rust_xlsxwriter's package (small: the large sheets hold only their
    /// header rows) with the large sheets' rows added, written to `out`.
    fn write_to<W: std::io::Write + std::io::Seek + Send>(
        mut self,
        out: W,
    ) -> Result<W, SaveError> {
        let small = self.workbook.save_to_buffer()?;
        package::assemble(&small, out, &self.big.tables, &self.big.bodies)
    }
}

/// Builds the workbook, ready to save (to a file, without holding its bytes).
pub fn workbook<'a>(
    run: &'a Run,
    config: &'a Config,
    cons: &'a Consolidation<'a>,
    comparison: Option<&Comparison>,
    opts: XlsxOptions,
) -> Result<Built<'a>, XlsxError> {
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
            .set_creation_datetime(&created)
            // Read back from an input folder, it would double every measure.
            .set_custom_property(
                crate::reading::PROPERTY,
                crate::reading::OutputKind::Consolidated.mark(),
            ),
    );
    let layout = summary::write(wb.add_worksheet(), run, config, cons, &fmt, &title, opts)?;
    for (name, cell) in &layout.names {
        wb.define_name(*name, &format!("='{}'!{cell}", t.sheet_names[0]))?;
    }
    // The large sheets are laid out here; their rows are made while the
    // package is written (see `package`).
    let mut big = measures::sheets(&mut wb, run, config, cons, &fmt, opts)?;
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
    let sheet = wb.worksheets().len() + 1;
    let findings = audit::findings(
        wb.add_worksheet(),
        sheet,
        run,
        cons,
        &fmt,
        opts.rows_per_sheet(),
    )?;
    big.bodies.push(findings);
    audit::write_sources(wb.add_worksheet(), run, config, &fmt)?;
    Ok(Built { workbook: wb, big })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::typing::EXCEL_CELL_CHARS;

    #[test]
    fn fit_counts_as_excel_does() {
        let short = "ä".repeat(EXCEL_CELL_CHARS);
        assert_eq!(fit(&short), short);
        let long = "ä".repeat(EXCEL_CELL_CHARS + 3);
        assert_eq!(fit(&long).chars().count(), EXCEL_CELL_CHARS);
        // An emoji is two UTF-16 units: 16 383 of them and a letter fill a cell.
        let emoji = format!("{}ab", "🙂".repeat(EXCEL_CELL_CHARS / 2));
        let cut = fit(&emoji);
        assert_eq!(cut.encode_utf16().count(), EXCEL_CELL_CHARS);
        assert!(cut.ends_with("🙂a"));
    }
}
