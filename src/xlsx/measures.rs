//! The measures sheet (an Excel table of every merged row, traceable to its
//! source cell), optional per-department sheets, and the area split sheet.

use rust_xlsxwriter::{Formula, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError};

use super::{Formats, result};
use crate::config::{Choice, Config};
use crate::i18n::Lang;
use crate::merging::{Consolidation, Row};
use crate::run::Run;

/// A large sheet whose layout (name, table, widths, column formats) is set
/// and whose rows are still to be written; the rows of several such sheets
/// are written on separate threads.
pub(crate) struct BigSheet<'a> {
    pub ws: Worksheet,
    job: Job<'a>,
}

enum Job<'a> {
    Measures(Vec<&'a Row<'a>>),
    /// Area shares `first..first + len` (a sheet holds at most Excel's rows).
    AreaSplit {
        first: usize,
        len: usize,
    },
}

/// Creates the measures sheet, the per-department sheets if asked, and the
/// area split sheet, in sheet order, with their layout set but no rows yet.
///
/// Every format the rows use is registered here, on one thread: the
/// workbook numbers formats in the order it first meets them, so the
/// parallel [`fill`](BigSheet::fill) must only look formats up.
pub(crate) fn sheets<'a>(
    wb: &mut Workbook,
    run: &Run,
    config: &Config,
    cons: &'a Consolidation<'a>,
    fmt: &Formats,
    opts: super::XlsxOptions,
) -> Result<Vec<BigSheet<'a>>, XlsxError> {
    let lang = run.lang;
    let t = lang.texts();
    let mut out = Vec::new();
    let all: Vec<&Row> = cons.rows.iter().collect();
    let mut ws = wb.new_worksheet_with_constant_memory()?;
    ws.set_name(t.sheet_names[1])?;
    prepare_rows(&mut ws, fmt)?;
    out.push(BigSheet {
        ws,
        job: Job::Measures(all),
    });
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
            let mut ws = wb.new_worksheet_with_constant_memory()?;
            ws.set_name(unique_sheet_name(d.code.get_ref(), &mut used))?;
            prepare_rows(&mut ws, fmt)?;
            out.push(BigSheet {
                ws,
                job: Job::Measures(rows),
            });
        }
    }
    for (k, (first, len)) in split_parts.into_iter().enumerate() {
        let mut ws = wb.new_worksheet_with_constant_memory()?;
        ws.set_name(super::part_name(t.sheet_area_split, k))?;
        prepare_area_split(&mut ws, run, config, fmt)?;
        out.push(BigSheet {
            ws,
            job: Job::AreaSplit { first, len },
        });
    }
    Ok(out)
}

impl BigSheet<'_> {
    /// Writes the sheet's rows.
    pub fn fill(
        &mut self,
        run: &Run,
        config: &Config,
        cons: &Consolidation,
    ) -> Result<(), XlsxError> {
        match &self.job {
            Job::Measures(rows) => fill_rows(&mut self.ws, config, rows, run.lang),
            Job::AreaSplit { first, len } => {
                let shares = &cons.area_shares[*first..*first + *len];
                fill_area_split(&mut self.ws, run, config, cons, shares)
            }
        }
    }

    /// The range its table is added with and the one it gets after saving.
    pub fn table(&self) -> Option<super::tables::Widen> {
        match &self.job {
            Job::Measures(rows) => Some(super::tables::Widen {
                placeholder: super::tables::placeholder(COLUMNS),
                full: super::tables::full_range(COLUMNS, rows.len()),
            }),
            Job::AreaSplit { .. } => None,
        }
    }

    /// Cells to write, to start the largest sheets first.
    pub fn weight(&self) -> usize {
        match &self.job {
            Job::Measures(rows) => rows.len() * 18,
            Job::AreaSplit { len, .. } => len * 7,
        }
    }
}

/// A sheet name Excel accepts and that no other sheet has.
fn unique_sheet_name(wanted: &str, used: &mut Vec<String>) -> String {
    let base: String = wanted
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let base = if base.trim().is_empty() {
        "Sheet".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    used.push(name.clone());
    name
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

/// Writes merged rows as an Excel table with a filterable header.
fn fill_rows(
    ws: &mut Worksheet,
    config: &Config,
    rows: &[&Row],
    lang: Lang,
) -> Result<(), XlsxError> {
    let headers = headers(config, lang);
    // The table (with its header row) first: a constant-memory sheet takes
    // its rows strictly in order.
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(h))
        .collect();
    let table = Table::new()
        .set_style(TableStyle::Medium2)
        .set_banded_rows(true)
        .set_columns(&columns);
    // Over the header and first row only; widened after saving (see
    // `tables`), as rust_xlsxwriter would record each cell of the range.
    ws.add_table(0, 0, 1, headers.len() as u16 - 1, &table)?;
    let mut buf = String::new();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let m = r.measure;
        ws.write_string(row, 0, super::fit(m.id.as_deref().unwrap_or("")))?;
        ws.write_string(
            row,
            1,
            super::fit(config.departments[m.department].name.get(lang)),
        )?;
        ws.write_string(
            row,
            2,
            super::fit(
                m.focus_area
                    .map(|f| config.focus_areas[f].name.get(lang))
                    .unwrap_or(""),
            ),
        )?;
        ws.write_string(row, 3, super::fit(&m.name))?;
        ws.write_string(
            row,
            4,
            super::fit(names(&mut buf, &config.areas, &m.areas, lang)),
        )?;
        ws.write_string(
            row,
            5,
            super::fit(
                m.status
                    .map(|s| config.statuses[s].name.get(lang))
                    .unwrap_or(""),
            ),
        )?;
        if let Some(y) = m.year {
            ws.write_number(row, 6, f64::from(y))?;
        }
        ws.write_number(row, 7, m.budget.euros())?;
        if let Some(s) = m.spent {
            ws.write_number(row, 8, s.euros())?;
        }
        let r1 = row + 1;
        let util = match (m.spent, m.budget.0 > 0) {
            (Some(s), true) => result(s.0 as f64 / m.budget.0 as f64),
            _ => super::NOT_APPLICABLE.to_string(),
        };
        let formula = format!(
            "=IF(AND(H{r1}>0,I{r1}<>\"\"),I{r1}/H{r1},\"{}\")",
            super::NOT_APPLICABLE
        );
        ws.write_formula(row, 9, Formula::new(formula).set_result(util))?;
        if let Some(f) = m.fte {
            ws.write_number(row, 10, f)?;
        }
        ws.write_string(
            row,
            11,
            super::fit(names(&mut buf, &config.themes, &m.themes, lang)),
        )?;
        ws.write_string(row, 12, super::fit(m.schedule.as_deref().unwrap_or("")))?;
        if let Some(p) = m.reached {
            ws.write_number(row, 13, p as f64)?;
        }
        ws.write_string(row, 14, super::fit(m.impact_story.as_deref().unwrap_or("")))?;
        ws.write_string(row, 15, super::fit(m.contact.as_deref().unwrap_or("")))?;
        ws.write_string(row, 16, super::fit(&r.source.file.display))?;
        buf.clear();
        buf.push_str(r.source.sheet.as_deref().unwrap_or(""));
        buf.push('!');
        buf.push_str(&m.source_cell);
        ws.write_string(row, 17, super::fit(&buf))?;
    }
    Ok(())
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

fn fill_area_split(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    shares: &[crate::merging::AreaShare],
) -> Result<(), XlsxError> {
    let lang = run.lang;
    let ms = lang.texts().sheet_names[1];
    for (i, share) in shares.iter().enumerate() {
        let row = i as u32 + 1;
        let m = cons.rows[share.row].measure;
        let src = share.row as u32 + 2; // the measure's row in the measures sheet, 1-based
        ws.write_string(row, 0, super::fit(m.id.as_deref().unwrap_or("")))?;
        ws.write_string(
            row,
            1,
            super::fit(config.departments[m.department].name.get(lang)),
        )?;
        ws.write_string(row, 2, super::fit(&m.name))?;
        ws.write_string(row, 3, super::fit(config.areas[share.area].name.get(lang)))?;
        ws.write_number(row, 4, share.share)?;
        let budget = m.budget.euros() * share.share;
        let spent = m.spent.unwrap_or_default().euros() * share.share;
        ws.write_formula(
            row,
            5,
            Formula::new(format!("='{ms}'!H{src}*E{}", row + 1)).set_result(result(budget)),
        )?;
        ws.write_formula(
            row,
            6,
            Formula::new(format!("=N('{ms}'!I{src})*E{}", row + 1)).set_result(result(spent)),
        )?;
    }
    Ok(())
}
