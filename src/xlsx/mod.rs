//! The consolidated workbook: a summary with live totals (formulas whose
//! results are stored too), every measure as an Excel table, an area split,
//! native charts, the year-over-year comparison, findings and sources.
//!
//! Submission text is only ever written with `write_string`, so a value such
//! as `=HYPERLINK(…)` stays text; links are made only to our own cells.

pub mod annotated;
mod audit;
mod body;
mod charts;
mod compare;
mod fast;
mod measures;
pub mod names;
mod plain;
mod summary;
pub mod template;
mod trend;

pub use crate::error::{PartProblem, SaveError};

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use crate::config::Config;
use crate::i18n::{Lang, render, text};
use crate::merging::Consolidation;
use crate::merging::comparison::{
    Comparison, PROGRAMME_NAME_PROPERTY, PROGRAMME_PROPERTY, YEAR_PROPERTY,
};
use crate::model::message::Message;
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
    /// Who writes the large sheets' rows and the package.
    pub writer: RowWriter,
}

/// Who writes the rows of the large sheets (measures, per department, area
/// split, findings) and saves the package. Both give the same cells,
/// formats, tables, links and sheets (a test reads them back and compares
/// them part by part).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowWriter {
    /// kooste's own: rows made as XML on every core, deflated in parallel
    /// and spliced into rust_xlsxwriter's package (`fast`). Several times
    /// faster at 200 000 measures (README, Performance).
    #[default]
    Kooste,
    /// rust_xlsxwriter writes every cell into constant-memory worksheets
    /// and saves the package itself: the reference.
    RustXlsxwriter,
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
    /// A count, its thousands grouped (`1 234`).
    pub integer: Format,
    pub integer_bold: Format,
    /// A year: a number, ungrouped (`2021`).
    pub year: Format,
    /// A date in the language's style (`15.2.2022`).
    pub date: Format,
    pub wrap: Format,
    pub note: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let euro = euro_format(lang);
        let count = "#,##0";
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
            integer: Format::new().set_num_format(count),
            integer_bold: Format::new().set_num_format(count).set_bold(),
            year: Format::new().set_num_format("0"),
            date: Format::new().set_num_format(match lang {
                Lang::Fi => "d.m.yyyy",
                Lang::Sv => "yyyy-mm-dd",
                Lang::En => "d mmmm yyyy",
            }),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555)),
        }
    }
}

/// Euros as the annual report writes them: whole euros, grouped, with the
/// sign where the language puts it (`1 973 000 €`, `€1,973,000`); the cells
/// keep the cents.
pub(crate) fn euro_format(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "\"€\"#,##0",
        Lang::Fi | Lang::Sv => "#,##0\\ \"€\"",
    }
}

/// A date as Excel stores it.
pub(crate) fn excel_date(d: crate::model::parse::Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year.clamp(1900, 9999) as u16, d.month as u8, d.day as u8)
}

/// Sets up a sheet for paper: A4 (A3 if `wide`) landscape, one page wide, the title
/// (programme and year) and the sheet's name at the top of each page, the
/// page number at the foot, and with `header_row`, row 1 repeated on every
/// page.
fn print_setup(
    ws: &mut Worksheet,
    title: &str,
    header_row: bool,
    wide: bool,
) -> Result<(), XlsxError> {
    // Paper codes of ECMA-376 §18.3.1.63 (pageSetup paperSize).
    const A4: u8 = 9;
    const A3: u8 = 8;
    ws.set_paper_size(if wide { A3 } else { A4 });
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if wide {
        // Narrower side margins (0.4 inch rather than 0.7) leave the wide
        // sheets' text a little larger.
        ws.set_margins(0.4, 0.4, 0.75, 0.75, 0.3, 0.3);
    }
    // `&` starts a code in a header; a header holds 255 characters.
    let title: String = title.replace('&', "&&").chars().take(200).collect();
    ws.set_header(format!("&L{title}&R&A"));
    ws.set_footer("&C&P / &N");
    if header_row {
        ws.set_repeat_rows(0, 0)?;
    }
    Ok(())
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

/// A built workbook, ready to save: with the fast writer, its large
/// sheets' rows are made as it is written.
pub struct Built<'a> {
    workbook: Workbook,
    big: measures::BigSheets<'a>,
    writer: RowWriter,
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

    /// The package written to `out`: with the fast writer, rust_xlsxwriter's
    /// (small: the large sheets hold only their header rows) with the large
    /// sheets' rows added; with the plain one, rust_xlsxwriter's whole.
    fn write_to<W: std::io::Write + std::io::Seek + Send>(
        mut self,
        mut out: W,
    ) -> Result<W, SaveError> {
        match self.writer {
            RowWriter::Kooste => {
                let small = self.workbook.save_to_buffer()?;
                fast::assemble(&small, out, &self.big.tables, &self.big.bodies)
            }
            RowWriter::RustXlsxwriter => {
                self.workbook.save_to_writer(&mut out)?;
                Ok(out)
            }
        }
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
    let fmt = Formats::new(lang);
    let mut wb = Workbook::new();
    // Deflate dominated the run time at the default level; level 1 is several
    // times faster for a somewhat larger file.
    wb.set_zip_compression_level(1);
    let year = cons.year.map(|y| y.to_string()).unwrap_or_default();
    let mut title = format!("{} {year}", config.programme.name.get(lang));
    if opts.draft {
        title = render(lang, &Message::new("out-draft-title").arg("title", title));
    }
    let d = run.date;
    let created =
        ExcelDateTime::from_ymd(d.year.clamp(1900, 9999) as u16, d.month as u8, d.day as u8)?;
    // Read back from an input folder, it would double every measure; read
    // as an earlier year's (`--previous`, `template --from`), its
    // programme and year are checked.
    let mut properties = DocProperties::new()
        .set_title(&title)
        .set_subject(text(lang, "out-annual-report"))
        .set_author(config.programme.organisation.get(lang))
        .set_company(config.programme.organisation.get(lang))
        .set_creation_datetime(&created)
        .set_custom_property(
            crate::reading::PROPERTY,
            crate::reading::OutputKind::Consolidated.mark(),
        )
        .set_custom_property(PROGRAMME_PROPERTY, config.programme.code.as_str())
        .set_custom_property(PROGRAMME_NAME_PROPERTY, config.programme.name.fi.as_str());
    if let Some(y) = cons.year {
        properties = properties.set_custom_property(YEAR_PROPERTY, y.to_string().as_str());
    }
    wb.set_properties(&properties);
    let layout = summary::write(wb.add_worksheet(), run, config, cons, &fmt, &title, opts)?;
    let summary = text(lang, "out-sheet-summary");
    for (name, cell) in &layout.names {
        wb.define_name(*name, &format!("='{summary}'!{cell}"))?;
    }
    // The large sheets are laid out here; their rows are made while the
    // package is written (fast) or once all sheets are laid out (plain).
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
        if let Some(t) = &c.trend {
            trend::write(wb.add_worksheet(), lang, config, t, &fmt)?;
        }
    }
    let sheet = wb.worksheets().len() + 1;
    let findings = audit::findings(
        big_sheet(&mut wb, opts.writer)?,
        sheet,
        run,
        cons,
        &fmt,
        opts.rows_per_sheet(),
    )?;
    big.bodies.push(findings);
    audit::write_sources(
        wb.add_worksheet(),
        run,
        config,
        comparison.map_or(&[], |c| c.earlier),
        &fmt,
    )?;
    // Every sheet prints; the sheets of one table repeat its header row.
    let loose = [
        text(lang, "out-sheet-summary"),
        text(lang, "out-sheet-charts"),
        text(lang, "out-sheet-comparison"),
        text(lang, "out-sheet-trend"),
    ];
    for ws in wb.worksheets_mut() {
        let tabular = !loose.contains(&ws.name());
        let wide = big.wide.contains(&ws.name());
        print_setup(ws, &title, tabular, wide)?;
    }
    if opts.writer == RowWriter::RustXlsxwriter {
        for body in &big.bodies {
            plain::write_rows(wb.worksheet_from_index(body.sheet - 1)?, body)?;
        }
    }
    Ok(Built {
        workbook: wb,
        big,
        writer: opts.writer,
    })
}

/// A new large sheet: the fast writer adds its rows to the saved package,
/// the plain one writes them in order into a constant-memory sheet.
fn big_sheet(wb: &mut Workbook, writer: RowWriter) -> Result<&mut Worksheet, XlsxError> {
    match writer {
        RowWriter::Kooste => Ok(wb.add_worksheet()),
        RowWriter::RustXlsxwriter => wb.add_worksheet_with_constant_memory(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::typing::EXCEL_CELL_CHARS;
    use std::io::Read;

    /// The parts of a package by name, in package order, unpacked.
    fn parts(xlsx: &[u8]) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut part = zip.by_index(i).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (part.name().unwrap().to_string(), text)
            })
            .collect()
    }

    /// The elements `<tag>…</tag>` or `<tag …/>` inside `<list …>…</list>`.
    fn elements<'x>(xml: &'x str, list: &str, tag: &str) -> Vec<&'x str> {
        let Some(start) = xml.find(&format!("<{list}")) else {
            return Vec::new();
        };
        let end = start + xml[start..].find(&format!("</{list}>")).unwrap();
        let body = &xml[start..end];
        let body = &body[body.find('>').unwrap() + 1..];
        let open = format!("<{tag}");
        let mut out = Vec::new();
        let mut rest = body;
        while let Some(at) = rest.find(&open) {
            let from = &rest[at..];
            let close = format!("</{tag}>");
            let len = match (from.find("/>"), from.find('>'), from.find(&close)) {
                (Some(e), Some(g), _) if e + 1 == g => e + 2,
                (_, _, Some(c)) => c + close.len(),
                _ => panic!("unclosed {tag}"),
            };
            out.push(&from[..len]);
            rest = &from[len..];
        }
        out
    }

    /// Each cell style (`cellXfs`) with its font, fill, border and number
    /// format written out in place of their indexes, which rust_xlsxwriter
    /// numbers in the order formats are first used: earlier in a
    /// constant-memory sheet than in a standard one.
    fn resolved_styles(styles: &str, list: &str) -> Vec<String> {
        let fonts = elements(styles, "fonts", "font");
        let fills = elements(styles, "fills", "fill");
        let borders = elements(styles, "borders", "border");
        let formats = elements(styles, "numFmts", "numFmt");
        let attr = |xf: &str, name: &str| -> usize {
            let from = xf.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            xf[from..from + xf[from..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        elements(styles, list, "xf")
            .into_iter()
            .map(|xf| {
                let id = attr(xf, "numFmtId");
                // A custom format by its code: its id, like the other
                // indexes, follows the order of first use.
                let format = formats
                    .iter()
                    .find(|f| f.contains(&format!("numFmtId=\"{id}\"")))
                    .map_or(id.to_string(), |f| {
                        f.replace(&format!(" numFmtId=\"{id}\""), "")
                    });
                // The indexes themselves go, their targets stay.
                let (font, fill, border) = (
                    fonts[attr(xf, "fontId")],
                    fills[attr(xf, "fillId")],
                    borders[attr(xf, "borderId")],
                );
                let mut xf = xf.to_string();
                for name in ["numFmtId", "fontId", "fillId", "borderId"] {
                    let at = xf.find(&format!(" {name}=\"")).unwrap();
                    let end = at + name.len() + 3 + xf[at + name.len() + 3..].find('"').unwrap();
                    xf.replace_range(at..=end, "");
                }
                format!("{xf} {format} {font} {fill} {border}")
            })
            .collect()
    }

    /// `xml` with every style index (` s="3"`, ` style="3"`) replaced by
    /// the style it stands for.
    fn with_styles_resolved(xml: &str, styles: &[String]) -> String {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml;
        loop {
            let next = [" s=\"", " style=\""]
                .iter()
                .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
                .min();
            let Some((at, len)) = next else { break };
            let digits = &rest[at + len..];
            let n = digits.find('"').unwrap();
            out.push_str(&rest[..at + len]);
            out.push_str(&styles[digits[..n].parse::<usize>().unwrap()]);
            rest = &digits[n..];
        }
        out.push_str(rest);
        out
    }

    /// The parts with style indexes resolved; `xl/styles.xml` as its sorted
    /// styles, fonts, fills and borders and what remains around them.
    fn comparable(parts: Vec<(String, String)>) -> Vec<(String, String)> {
        let styles = &parts.iter().find(|p| p.0 == "xl/styles.xml").unwrap().1;
        let resolved = resolved_styles(styles, "cellXfs");
        parts
            .iter()
            .map(|(name, xml)| {
                if name == "xl/styles.xml" {
                    let mut sorted = resolved.clone();
                    sorted.extend(resolved_styles(xml, "cellStyleXfs"));
                    // The custom formats by their codes, without their ids.
                    sorted.extend(
                        elements(xml, "numFmts", "numFmt")
                            .iter()
                            .map(|f| f.split(" formatCode=").nth(1).unwrap_or(f).to_string()),
                    );
                    for (list, tag) in [("fonts", "font"), ("fills", "fill"), ("borders", "border")]
                    {
                        sorted.extend(elements(xml, list, tag).iter().map(|s| s.to_string()));
                    }
                    sorted.sort();
                    let mut rest = xml.clone();
                    for list in [
                        "numFmts",
                        "fonts",
                        "fills",
                        "borders",
                        "cellStyleXfs",
                        "cellXfs",
                    ] {
                        let a = rest.find(&format!("<{list}")).unwrap();
                        let b = rest.find(&format!("</{list}>")).unwrap();
                        rest.replace_range(a..b, "");
                    }
                    (name.clone(), format!("{rest}\n{}", sorted.join("\n")))
                } else if name.starts_with("xl/worksheets/sheet") {
                    // Around the rows as they are; of the rows, each row's
                    // tag (its number and height) and each cell's reference
                    // and style: the values and formulas are compared as
                    // calamine reads them (a header is a shared string in
                    // one package and inline in the other).
                    let xml = with_styles_resolved(xml, &resolved);
                    let start = xml.find("<sheetData").unwrap();
                    let end = xml.find("</sheetData>").unwrap_or(start);
                    let mut cells = String::new();
                    let mut last_row = "";
                    for row in xml[start..end].split("<row ").skip(1) {
                        // rust_xlsxwriter 0.102 writes the height of a
                        // constant-memory sheet's last row a second time, as
                        // an empty `<row .../>` of the same number (see
                        // `plain::SheetCells::lines`); it holds no cells.
                        let number = row.split('"').nth(1).unwrap_or("");
                        let again = number == last_row;
                        last_row = number;
                        if again && row.trim_end().ends_with("/>") {
                            continue;
                        }
                        // Without `spans`, an optional hint (ECMA-376
                        // §18.3.1.73) a constant-memory sheet leaves out.
                        let tag = &row[..row.find('>').unwrap()];
                        let tag = match tag.find(" spans=\"") {
                            Some(a) => {
                                let b = a + 8 + tag[a + 8..].find('"').unwrap() + 1;
                                format!("{}{}", &tag[..a], &tag[b..])
                            }
                            None => tag.to_string(),
                        };
                        cells.push_str(&format!("row {tag}\n"));
                        for c in row.split("<c ").skip(1) {
                            let tag = &c[..c.find('>').unwrap()];
                            let style = tag.find(" s=\"").map_or("", |i| &tag[i..]);
                            let style = style.split("\" t=\"").next().unwrap_or("");
                            cells.push_str(&format!(
                                "{} {style}\n",
                                &tag[..tag.find(' ').unwrap_or(tag.len())]
                            ));
                        }
                    }
                    (
                        name.clone(),
                        format!("{}{}\n{cells}", &xml[..start], &xml[end..]),
                    )
                } else if name == "xl/sharedStrings.xml" {
                    (name.clone(), String::new())
                } else {
                    (name.clone(), xml.clone())
                }
            })
            .collect()
    }

    /// Every sheet's name, values and formulas as calamine reads them.
    type Sheets = Vec<(
        String,
        calamine::Range<calamine::Data>,
        calamine::Range<String>,
    )>;

    fn read_back(xlsx: &[u8]) -> Sheets {
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
        wb.sheet_names()
            .into_iter()
            .map(|name| {
                let values = wb.worksheet_range(&name).unwrap();
                let formulas = wb.worksheet_formula(&name).unwrap();
                (name, values, formulas)
            })
            .collect()
    }

    /// The workbook of the samples and of fixtures with findings (some
    /// linked to their measure), written by both row writers.
    fn both_writers(opts: XlsxOptions) -> (Vec<u8>, Vec<u8>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::builtin();
        let run_opts = crate::validation::checked::RunOptions {
            inputs: vec![
                root.join("samples/2021"),
                root.join("tests/fixtures/messy_many_problems.xlsx"),
                root.join("tests/fixtures/bad_values.xlsx"),
                root.join("tests/fixtures/formula_injection.csv"),
            ],
            year: Some(2021),
            date: Some(crate::model::parse::Date {
                year: 2022,
                month: 2,
                day: 15,
            }),
            ..Default::default()
        };
        let run = Run::collect(&config, &run_opts).unwrap();
        let cons = Consolidation::new(&run, &config);
        assert!(cons.rows.len() > 24, "{}", cons.rows.len());
        let bytes = |writer| {
            let opts = XlsxOptions { writer, ..opts };
            workbook_bytes(&run, &config, &cons, None, opts).unwrap()
        };
        (bytes(RowWriter::Kooste), bytes(RowWriter::RustXlsxwriter))
    }

    /// kooste's row writer and rust_xlsxwriter's give the same package:
    /// every part (sheets with their cells, values, formulas, styles,
    /// tables, links; the styles, the workbook's sheets and names) the same
    /// once unpacked, but for the order in which the styles are numbered;
    /// the deflated bytes differ. Also with the area split and the findings
    /// over several sheets, and per department.
    #[test]
    fn the_row_writers_write_the_same_workbook() {
        for opts in [
            XlsxOptions {
                draft: true,
                ..XlsxOptions::default()
            },
            XlsxOptions {
                draft: true,
                per_department: true,
                max_sheet_rows: 10,
                ..XlsxOptions::default()
            },
        ] {
            let (fast, plain) = both_writers(opts);
            assert_eq!(read_back(&fast), read_back(&plain));
            let (fast, plain) = (comparable(parts(&fast)), comparable(parts(&plain)));
            let names = |p: &[(String, String)]| p.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
            assert_eq!(names(&fast), names(&plain));
            for ((name, a), (_, b)) in fast.iter().zip(&plain) {
                if a != b {
                    let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                    let from = at.saturating_sub(200);
                    panic!(
                        "{name} differs at byte {at}:\nkooste:          {}\nrust_xlsxwriter: {}",
                        &a[from..(at + 200).min(a.len())],
                        &b[from..(at + 200).min(b.len())]
                    );
                }
            }
            let links = fast
                .iter()
                .filter(|(_, x)| x.contains("<hyperlink "))
                .count();
            // The first findings (file-level ones sort first) may have none.
            assert!(
                links > 0 || opts.max_sheet_rows > 0,
                "the findings link to their measures"
            );
            let tables = fast
                .iter()
                .filter(|(n, _)| n.starts_with("xl/tables/"))
                .count();
            // The measures table, and one per department sheet.
            assert_eq!(tables > 1, opts.per_department, "{tables}");
            // Rows of wrapped text have their height, from either writer.
            let heights: usize = fast
                .iter()
                .map(|(_, x)| x.matches("customHeight=\"1\"").count())
                .sum();
            assert!(heights > 10, "{heights} rows with a height");
        }
    }

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
