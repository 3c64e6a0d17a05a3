//! The measures sheet (an Excel table of every merged row, traceable to its
//! source cell), optional per-department sheets, and the area split sheet.

use rust_xlsxwriter::{
    Format, FormatAlign, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

use super::body::{Body, Cached, Cells, LINE_POINTS, RowFormula, wrapped_lines};
use super::fast::{self, Widen};
use super::{Formats, RowWriter, col, fit, letters};
use crate::config::{Choice, Config};
use crate::i18n::{Lang, text};
use crate::merging::{AreaShare, Consolidation, Row};
use crate::model::field::{AREA_SPLIT_SHEET, Column, FieldKey, MEASURES_SHEET};
use crate::validation::checked::Run;

/// The large sheets: laid out in the workbook (name, header row, table,
/// widths, column formats) with their data rows to be added by the writer,
/// and the tables the fast writer widens as it writes the package.
pub(crate) struct BigSheets<'a> {
    pub bodies: Vec<Body<'a>>,
    pub tables: Vec<Widen>,
    /// The names of the sheets of merged rows, printed on A3: their
    /// columns do not fit A4 at a legible size.
    pub wide: Vec<String>,
}

/// Adds the measures sheet, the per-department sheets if asked, and the
/// area split sheets, in sheet order, laid out but without their rows.
pub(crate) fn sheets<'a>(
    wb: &mut Workbook,
    run: &Run,
    config: &'a Config,
    cons: &'a Consolidation<'a>,
    fmt: &Formats,
    opts: super::XlsxOptions,
) -> Result<BigSheets<'a>, XlsxError> {
    let lang = run.lang;
    let measures = text(lang, "out-sheet-measures");
    let split_name = text(lang, "out-sheet-area-split");
    let mut out = BigSheets {
        bodies: Vec::new(),
        tables: Vec::new(),
        wide: Vec::new(),
    };
    let all: Vec<&Row> = cons.rows.iter().collect();
    let writer = opts.writer;
    measures_sheet(wb, &measures, all, config, lang, fmt, writer, &mut out)?;
    let split_parts = super::parts(cons.area_shares.len(), opts.rows_per_sheet());
    if opts.per_department {
        let mut used: Vec<String> = [
            text(lang, "out-sheet-summary"),
            measures.clone(),
            text(lang, "out-sheet-findings"),
            text(lang, "out-sheet-sources"),
            text(lang, "out-sheet-charts"),
            text(lang, "out-sheet-comparison"),
        ]
        .into_iter()
        .chain((0..split_parts.len()).map(|k| super::part_name(&split_name, k)))
        .collect();
        for (i, d) in config.departments.iter().enumerate() {
            let rows: Vec<&Row> = cons
                .rows
                .iter()
                .filter(|r| r.measure.department == i)
                .collect();
            let name = super::names::sheet_name(d.code.get_ref(), &mut used);
            measures_sheet(wb, &name, rows, config, lang, fmt, writer, &mut out)?;
        }
    }
    for (k, (first, len)) in split_parts.into_iter().enumerate() {
        let ws = super::big_sheet(wb, writer)?;
        ws.set_name(super::part_name(&split_name, k))?;
        prepare_area_split(ws, run, config, fmt)?;
        let shares = &cons.area_shares[first..first + len];
        let formulas = SplitFormulas::new(&measures);
        out.bodies.push(Body {
            sheet: wb.worksheets().len(),
            rows: len,
            cols: AREA_SPLIT_SHEET.len() as u16,
            write: Box::new(move |i, rows| {
                area_split_row(rows, config, cons, &formulas, &shares[i], lang)
            }),
            links: None,
        });
    }
    Ok(out)
}

/// Adds a sheet of merged rows with its table.
#[allow(clippy::too_many_arguments)]
fn measures_sheet<'a>(
    wb: &mut Workbook,
    name: &str,
    rows: Vec<&'a Row<'a>>,
    config: &'a Config,
    lang: Lang,
    fmt: &Formats,
    writer: RowWriter,
    out: &mut BigSheets<'a>,
) -> Result<(), XlsxError> {
    let ws = super::big_sheet(wb, writer)?;
    ws.set_name(name)?;
    prepare_rows(ws, fmt)?;
    out.wide.push(name.to_string());
    match writer {
        // Over the header and first row only; widened as the package is
        // written (see `fast::tables`), as rust_xlsxwriter would record
        // each cell of the range.
        RowWriter::Kooste => {
            add_table(ws, config, lang, fmt, 1)?;
            out.tables.push(Widen {
                placeholder: fast::placeholder(COLUMNS),
                full: fast::full_range(COLUMNS, rows.len()),
            });
        }
        RowWriter::RustXlsxwriter => add_table(ws, config, lang, fmt, rows.len().max(1) as u32)?,
    }
    let na = super::NOT_APPLICABLE;
    let (budget, spent) = (letters(col::BUDGET), letters(col::SPENT));
    let utilisation = RowFormula::new(&[
        &format!("IF(AND({budget}"),
        &format!(">0,{spent}"),
        &format!("<>\"\"),{spent}"),
        &format!("/{budget}"),
        &format!(",\"{na}\")"),
    ]);
    out.bodies.push(Body {
        sheet: wb.worksheets().len(),
        rows: rows.len(),
        cols: COLUMNS,
        write: Box::new(move |i, out| measure_row(out, config, rows[i], &utilisation, lang)),
        links: None,
    });
    Ok(())
}

/// Columns of a measures sheet.
const COLUMNS: u16 = MEASURES_SHEET.len() as u16;

/// How a column of a large sheet looks: its width and number format.
#[derive(Clone, Copy)]
enum Look {
    /// Text or whole numbers, this wide.
    Plain(u16),
    /// Long text, wrapped.
    Wrap(u16),
    /// Euros.
    Euro(u16),
    /// A ratio.
    Percent(u16),
    /// A decimal number.
    Decimal(u16),
}

/// The measures sheet's columns, as [`MEASURES_SHEET`] orders them.
const MEASURES_LOOK: [Look; MEASURES_SHEET.len()] = {
    use Look::*;
    // Text of any length wraps, so that the sheet prints at a legible size
    // on A3 (issue 21 item 7): a text cell cut at its neighbour would hide
    // data on paper. The widths are the sum the page holds at about 7.5 pt.
    [
        Plain(10),
        Wrap(18),
        Wrap(18),
        Wrap(30),
        Wrap(16),
        Wrap(16),
        Plain(7),
        Euro(14),
        Euro(14),
        Percent(10),
        Decimal(9),
        Wrap(18),
        Wrap(16),
        Plain(10),
        Wrap(30),
        Wrap(20),
        Wrap(20),
        Wrap(16),
    ]
};

/// The area split sheet's columns, as [`AREA_SPLIT_SHEET`] orders them.
const SPLIT_LOOK: [Look; AREA_SPLIT_SHEET.len()] = {
    use Look::*;
    [
        Plain(10),
        Plain(26),
        Plain(50),
        Plain(20),
        Percent(8),
        Euro(14),
        Euro(14),
    ]
};

impl Look {
    /// The column's width in characters.
    fn width(self) -> u16 {
        match self {
            Look::Plain(w)
            | Look::Wrap(w)
            | Look::Euro(w)
            | Look::Percent(w)
            | Look::Decimal(w) => w,
        }
    }
}

/// Sets a sheet's column widths, then its column formats. Every cell sits
/// at the top of its row, level with the first line of wrapped text in a
/// taller row.
fn set_columns(ws: &mut Worksheet, looks: &[Look], fmt: &Formats) -> Result<(), XlsxError> {
    let top = |f: &Format| f.clone().set_align(FormatAlign::Top);
    let (plain, euro) = (top(&Format::new()), top(&fmt.euro));
    let (percent, decimal) = (top(&fmt.percent), top(&fmt.decimal));
    for (c, l) in looks.iter().enumerate() {
        ws.set_column_width(c as u16, l.width())?;
    }
    // Formats by column rather than by cell: looking a format up per cell
    // was a fifth of the writing time at 200 000 rows.
    for (c, l) in looks.iter().enumerate() {
        let f = match l {
            Look::Plain(_) => &plain,
            Look::Wrap(_) => &fmt.wrap,
            Look::Euro(_) => &euro,
            Look::Percent(_) => &percent,
            Look::Decimal(_) => &decimal,
        };
        ws.set_column_format(c as u16, f)?;
    }
    Ok(())
}

/// The names of the chosen entries, "; "-separated, into a reused buffer.
fn names<'b>(buf: &'b mut String, list: &[Choice], idx: &[usize], lang: Lang) -> &'b str {
    buf.clear();
    for (n, &i) in idx.iter().enumerate() {
        if n > 0 {
            buf.push_str("; ");
        }
        buf.push_str(list[i].name.get(lang));
    }
    buf
}

/// Lays out a sheet of merged rows: frozen header, widths, column formats.
fn prepare_rows(ws: &mut Worksheet, fmt: &Formats) -> Result<(), XlsxError> {
    ws.set_freeze_panes(1, 0)?;
    set_columns(ws, &MEASURES_LOOK, fmt)
}

/// The table of a sheet of merged rows, with a filterable header, over
/// `rows` data rows. The header wraps, its row as tall as its longest
/// header needs: a header cut at the next would not say what its column is.
fn add_table(
    ws: &mut Worksheet,
    config: &Config,
    lang: Lang,
    fmt: &Formats,
    rows: u32,
) -> Result<(), XlsxError> {
    let headers = MEASURES_SHEET.map(|c| config.column_header(c, lang));
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| {
            TableColumn::new()
                .set_header(h)
                .set_header_format(&fmt.wrap)
        })
        .collect();
    let table = Table::new()
        .set_style(TableStyle::Medium2)
        .set_banded_rows(true)
        .set_columns(&columns);
    ws.add_table(0, 0, rows, COLUMNS - 1, &table)?;
    let lines = headers
        .iter()
        .zip(MEASURES_LOOK)
        .map(|(h, l)| wrapped_lines(h, l.width()))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        ws.set_row_height_pixels(0, lines * LINE_POINTS * 4 / 3)?;
    }
    Ok(())
}

/// The cells of one merged row, column by column of [`MEASURES_SHEET`].
fn measure_row<'c>(
    out: &mut dyn Cells,
    config: &'c Config,
    r: &Row,
    utilisation: &RowFormula,
    lang: Lang,
) {
    let m = r.measure;
    let choice = |list: &'c [Choice], i: Option<usize>| i.map(|i| list[i].name.get(lang));
    let text = |s: Option<&'c str>| fit(s.unwrap_or(""));
    let mut buf = out.take_scratch();
    let mut lines = 1;
    for (c, column) in MEASURES_SHEET.iter().enumerate() {
        let c = c as u16;
        match *column {
            Column::Field(key) => match key {
                FieldKey::Id => put(out, c, &mut lines, fit(m.id.as_deref().unwrap_or(""))),
                FieldKey::Department => put(
                    out,
                    c,
                    &mut lines,
                    fit(config.departments[m.department].name.get(lang)),
                ),
                FieldKey::FocusArea => put(
                    out,
                    c,
                    &mut lines,
                    text(choice(&config.focus_areas, m.focus_area)),
                ),
                FieldKey::Measure => put(out, c, &mut lines, fit(&m.name)),
                FieldKey::Areas => put(
                    out,
                    c,
                    &mut lines,
                    fit(names(&mut buf, &config.areas, &m.areas, lang)),
                ),
                FieldKey::Status => {
                    put(out, c, &mut lines, text(choice(&config.statuses, m.status)))
                }
                FieldKey::Year => {
                    if let Some(y) = m.year {
                        out.number(c, f64::from(y));
                    }
                }
                FieldKey::Budget => out.number(c, m.budget.euros()),
                FieldKey::Spent => {
                    if let Some(s) = m.spent {
                        out.number(c, s.euros());
                    }
                }
                FieldKey::Fte => {
                    if let Some(f) = m.fte {
                        out.number(c, f);
                    }
                }
                FieldKey::Themes => put(
                    out,
                    c,
                    &mut lines,
                    fit(names(&mut buf, &config.themes, &m.themes, lang)),
                ),
                FieldKey::Schedule => {
                    put(out, c, &mut lines, fit(m.schedule.as_deref().unwrap_or("")))
                }
                FieldKey::Reached => {
                    if let Some(p) = m.reached {
                        out.number(c, p as f64);
                    }
                }
                FieldKey::ImpactStory => put(
                    out,
                    c,
                    &mut lines,
                    fit(m.impact_story.as_deref().unwrap_or("")),
                ),
                FieldKey::Contact => {
                    put(out, c, &mut lines, fit(m.contact.as_deref().unwrap_or("")))
                }
            },
            Column::Utilisation => {
                let r1 = out.row();
                let util = match (m.spent, m.budget.0 > 0) {
                    (Some(s), true) => Cached::Number(s.0 as f64 / m.budget.0 as f64),
                    _ => Cached::Text(super::NOT_APPLICABLE),
                };
                out.row_formula(c, utilisation, &[r1; 4], util);
            }
            Column::SourceFile => put(out, c, &mut lines, fit(&r.source.file.display)),
            Column::SourceCell => {
                buf.clear();
                buf.push_str(r.source.sheet.as_deref().unwrap_or(""));
                buf.push('!');
                buf.push_str(&m.source_cell);
                put(out, c, &mut lines, fit(&buf));
            }
            Column::Share => {}
        }
    }
    out.lines(lines);
    out.put_scratch(buf);
}

/// Writes text cell `s` in column `c` of a measures sheet; in a wrapped
/// column, raises `lines` to the lines it takes.
fn put(out: &mut dyn Cells, c: u16, lines: &mut u32, s: &str) {
    if let Look::Wrap(w) = MEASURES_LOOK[usize::from(c)]
        && !s.is_empty()
    {
        *lines = (*lines).max(wrapped_lines(s, w));
    }
    out.string(c, s);
}

/// An area split sheet: one row per measure and area with the share of its
/// euros counted there; the summary's area table sums these sheets (more
/// than one only when the shares outnumber an Excel sheet's rows).
fn prepare_area_split(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let lang = run.lang;
    let headers = AREA_SPLIT_SHEET.map(|c| config.column_header(c, lang));
    super::header_row(ws, &headers, fmt)?;
    set_columns(ws, &SPLIT_LOOK, fmt)?;
    ws.set_freeze_panes(1, 0)?;
    ws.protect();
    Ok(())
}

/// The area split's formulas: a share of the budget and of the spending
/// in the measure's row of the measures sheet.
struct SplitFormulas {
    budget: RowFormula,
    spent: RowFormula,
}

impl SplitFormulas {
    fn new(measures: &str) -> Self {
        let (budget, spent) = (letters(col::BUDGET), letters(col::SPENT));
        let share = letters(col::SPLIT_SHARE);
        SplitFormulas {
            budget: RowFormula::new(&[&format!("'{measures}'!{budget}"), &format!("*{share}"), ""]),
            spent: RowFormula::new(&[
                &format!("N('{measures}'!{spent}"),
                &format!(")*{share}"),
                "",
            ]),
        }
    }
}

/// The cells of one area share: the euros are formulas over the measure's
/// row in the measures sheet, with their results stored.
fn area_split_row(
    out: &mut dyn Cells,
    config: &Config,
    cons: &Consolidation,
    formulas: &SplitFormulas,
    share: &AreaShare,
    lang: Lang,
) {
    let m = cons.rows[share.row].measure;
    let src = share.row as u32 + 2; // the measure's row in the measures sheet, 1-based
    let r1 = out.row();
    for (c, column) in AREA_SPLIT_SHEET.iter().enumerate() {
        let c = c as u16;
        match *column {
            Column::Field(FieldKey::Id) => out.string(c, fit(m.id.as_deref().unwrap_or(""))),
            Column::Field(FieldKey::Department) => {
                out.string(c, fit(config.departments[m.department].name.get(lang)))
            }
            Column::Field(FieldKey::Measure) => out.string(c, fit(&m.name)),
            Column::Field(FieldKey::Areas) => {
                out.string(c, fit(config.areas[share.area].name.get(lang)))
            }
            Column::Share => out.number(c, share.share),
            Column::Field(FieldKey::Budget) => {
                let budget = m.budget.euros() * share.share;
                out.row_formula(c, &formulas.budget, &[src, r1], Cached::Number(budget));
            }
            Column::Field(FieldKey::Spent) => {
                let spent = m.spent.unwrap_or_default().euros() * share.share;
                out.row_formula(c, &formulas.spent, &[src, r1], Cached::Number(spent));
            }
            _ => {}
        }
    }
}
