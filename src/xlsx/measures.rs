//! The measures sheet (an Excel table of every merged row, traceable to its
//! source cell), optional per-department sheets, and the area split sheet.

use rust_xlsxwriter::{Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError};

use super::body::{Body, Cached, Cells, RowFormula};
use super::fast::{self, Widen};
use super::{Formats, RowWriter, fit};
use crate::config::{Choice, Config};
use crate::i18n::Lang;
use crate::merging::{AreaShare, Consolidation, Row};
use crate::validation::checked::Run;

/// The large sheets: laid out in the workbook (name, header row, table,
/// widths, column formats) with their data rows to be added by the writer,
/// and the tables the fast writer widens as it writes the package.
pub(crate) struct BigSheets<'a> {
    pub bodies: Vec<Body<'a>>,
    pub tables: Vec<Widen>,
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
    let t = lang.texts();
    let mut out = BigSheets {
        bodies: Vec::new(),
        tables: Vec::new(),
    };
    let all: Vec<&Row> = cons.rows.iter().collect();
    let writer = opts.writer;
    measures_sheet(
        wb,
        t.sheet_names[1],
        all,
        config,
        lang,
        fmt,
        writer,
        &mut out,
    )?;
    let split_parts = super::parts(cons.area_shares.len(), opts.rows_per_sheet());
    if opts.per_department {
        let mut used: Vec<String> = t
            .sheet_names
            .iter()
            .chain(&[t.sheet_charts, t.sheet_comparison])
            .map(|s| s.to_string())
            .chain((0..split_parts.len()).map(|k| super::part_name(t.sheet_area_split, k)))
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
    let measures = t.sheet_names[1];
    for (k, (first, len)) in split_parts.into_iter().enumerate() {
        let ws = super::big_sheet(wb, writer)?;
        ws.set_name(super::part_name(t.sheet_area_split, k))?;
        prepare_area_split(ws, run, config, fmt)?;
        let shares = &cons.area_shares[first..first + len];
        let formulas = SplitFormulas::new(measures);
        out.bodies.push(Body {
            sheet: wb.worksheets().len(),
            rows: len,
            cols: 7,
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
    match writer {
        // Over the header and first row only; widened as the package is
        // written (see `fast::tables`), as rust_xlsxwriter would record
        // each cell of the range.
        RowWriter::Kooste => {
            add_table(ws, config, lang, 1)?;
            out.tables.push(Widen {
                placeholder: fast::placeholder(COLUMNS),
                full: fast::full_range(COLUMNS, rows.len()),
            });
        }
        RowWriter::RustXlsxwriter => add_table(ws, config, lang, rows.len().max(1) as u32)?,
    }
    let na = super::NOT_APPLICABLE;
    let utilisation = RowFormula::new(&[
        "IF(AND(H",
        ">0,I",
        "<>\"\"),I",
        "/H",
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
const COLUMNS: u16 = 18;

fn headers(config: &Config, lang: Lang) -> [String; COLUMNS as usize] {
    let t = lang.texts();
    let h = |key: &str, fallback: &str| super::field_header(config, lang, key, fallback);
    [
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
        t.col_reached.to_string(),
        h("impact_story", "Impact story"),
        h("contact", "Contact"),
        t.col_source_file.to_string(),
        t.col_source_cell.to_string(),
    ]
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
    for (c, w) in [
        10, 26, 30, 50, 24, 16, 7, 14, 14, 10, 9, 28, 20, 10, 50, 26, 30, 18,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    // Formats by column rather than by cell: looking a format up per cell
    // was a fifth of the writing time at 200 000 rows.
    for (c, f) in [
        (3, &fmt.wrap),
        (7, &fmt.euro),
        (8, &fmt.euro),
        (9, &fmt.percent),
        (10, &fmt.decimal),
        (14, &fmt.wrap),
    ] {
        ws.set_column_format(c, f)?;
    }
    Ok(())
}

/// The table of a sheet of merged rows, with a filterable header, over
/// `rows` data rows.
fn add_table(ws: &mut Worksheet, config: &Config, lang: Lang, rows: u32) -> Result<(), XlsxError> {
    let headers = headers(config, lang);
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(h))
        .collect();
    let table = Table::new()
        .set_style(TableStyle::Medium2)
        .set_banded_rows(true)
        .set_columns(&columns);
    ws.add_table(0, 0, rows, headers.len() as u16 - 1, &table)?;
    Ok(())
}

/// The cells of one merged row.
fn measure_row<'c>(
    out: &mut dyn Cells,
    config: &'c Config,
    r: &Row,
    utilisation: &RowFormula,
    lang: Lang,
) {
    let m = r.measure;
    let choice = |list: &'c [Choice], i: Option<usize>| i.map(|i| list[i].name.get(lang));
    let mut buf = out.take_scratch();
    out.string(0, fit(m.id.as_deref().unwrap_or("")));
    out.string(1, fit(config.departments[m.department].name.get(lang)));
    out.string(
        2,
        fit(choice(&config.focus_areas, m.focus_area).unwrap_or("")),
    );
    out.string(3, fit(&m.name));
    out.string(4, fit(names(&mut buf, &config.areas, &m.areas, lang)));
    out.string(5, fit(choice(&config.statuses, m.status).unwrap_or("")));
    if let Some(y) = m.year {
        out.number(6, f64::from(y));
    }
    out.number(7, m.budget.euros());
    if let Some(s) = m.spent {
        out.number(8, s.euros());
    }
    let r1 = out.row();
    let util = match (m.spent, m.budget.0 > 0) {
        (Some(s), true) => Cached::Number(s.0 as f64 / m.budget.0 as f64),
        _ => Cached::Text(super::NOT_APPLICABLE),
    };
    out.row_formula(9, utilisation, &[r1; 4], util);
    if let Some(f) = m.fte {
        out.number(10, f);
    }
    out.string(11, fit(names(&mut buf, &config.themes, &m.themes, lang)));
    out.string(12, fit(m.schedule.as_deref().unwrap_or("")));
    if let Some(p) = m.reached {
        out.number(13, p as f64);
    }
    out.string(14, fit(m.impact_story.as_deref().unwrap_or("")));
    out.string(15, fit(m.contact.as_deref().unwrap_or("")));
    out.string(16, fit(&r.source.file.display));
    buf.clear();
    buf.push_str(r.source.sheet.as_deref().unwrap_or(""));
    buf.push('!');
    buf.push_str(&m.source_cell);
    out.string(17, fit(&buf));
    out.put_scratch(buf);
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
    let t = lang.texts();
    let h = |key: &str, fallback: &str| super::field_header(config, lang, key, fallback);
    let headers = [
        h("id", "ID"),
        t.col_department.into(),
        h("measure", "Measure"),
        t.col_areas.into(),
        t.col_share.into(),
        t.col_budget.into(),
        t.col_spent.into(),
    ];
    super::header_row(ws, &headers, fmt)?;
    for (c, w) in [10, 26, 50, 20, 8, 14, 14].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (c, f) in [(4, &fmt.percent), (5, &fmt.euro), (6, &fmt.euro)] {
        ws.set_column_format(c, f)?;
    }
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
        SplitFormulas {
            budget: RowFormula::new(&[&format!("'{measures}'!H"), "*E", ""]),
            spent: RowFormula::new(&[&format!("N('{measures}'!I"), ")*E", ""]),
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
    out.string(0, fit(m.id.as_deref().unwrap_or("")));
    out.string(1, fit(config.departments[m.department].name.get(lang)));
    out.string(2, fit(&m.name));
    out.string(3, fit(config.areas[share.area].name.get(lang)));
    out.number(4, share.share);
    let budget = m.budget.euros() * share.share;
    let spent = m.spent.unwrap_or_default().euros() * share.share;
    out.row_formula(5, &formulas.budget, &[src, r1], Cached::Number(budget));
    out.row_formula(6, &formulas.spent, &[src, r1], Cached::Number(spent));
}
