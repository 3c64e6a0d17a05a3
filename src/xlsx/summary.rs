//! The summary sheet: key figures and tables by department, focus area,
//! status, department × focus area, and area. Every figure is a formula over
//! the measures (or area split) sheet, stored with its computed result.

use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

use super::{Formats, NOT_APPLICABLE, col, letters, range, result};
use crate::config::{AreaSplit, Config, FieldKey};
use crate::i18n::{Lang, text};
use crate::merging::{Consolidation, Totals};
use crate::text::{a1, column_letters};
use crate::validation::checked::Run;

/// The summary's columns: a label, then the key figure's value or the
/// group table's figures.
mod at {
    pub const LABEL: u16 = 0;
    pub const VALUE: u16 = 1;
    pub const COUNT: u16 = 1;
    pub const BUDGET: u16 = 2;
    pub const SPENT: u16 = 3;
    pub const UTILISATION: u16 = 4;
    pub const FTE: u16 = 5;
}

/// The row of the first key figure (the count of measures; the budget and
/// the actual spending follow it).
const KEY_ROW: u32 = 8;

/// Where the group tables landed, for the charts and defined names.
pub(crate) struct Layout {
    /// Defined names of the key totals and their cells.
    pub names: Vec<(&'static str, String)>,
    /// Rows (0-based, first..last inclusive) of the department table's groups.
    pub departments: (u32, u32),
    /// Rows of the focus area table's groups.
    pub focus_areas: (u32, u32),
}

/// The figures of one row of a group table.
#[derive(Debug, Clone, Default)]
struct Figures {
    count: usize,
    budget: f64,
    spent: f64,
    fte: f64,
}

impl Figures {
    fn of(t: &Totals) -> Figures {
        Figures {
            count: t.count,
            budget: t.budget.euros(),
            spent: t.spent.euros(),
            fte: t.fte,
        }
    }

    fn sum<'a>(items: impl Iterator<Item = &'a Figures>) -> Figures {
        items.fold(Figures::default(), |a, b| Figures {
            count: a.count + b.count,
            budget: a.budget + b.budget,
            spent: a.spent + b.spent,
            fte: a.fte + b.fte,
        })
    }

    fn utilisation(&self) -> Option<f64> {
        (self.budget > 0.0).then(|| self.spent / self.budget)
    }
}

/// One group table: a label per row and the ranges it aggregates.
struct Group {
    heading: String,
    label: String,
    rows: Vec<(String, Figures)>,
    total: Figures,
    /// The ranges, one set per sheet the rows are on.
    parts: Vec<Ranges>,
}

/// Key, budget, actual and FTE ranges of one sheet.
#[derive(Clone)]
struct Ranges {
    key: String,
    budget: String,
    spent: String,
    fte: Option<String>,
}

impl Ranges {
    fn with_key(&self, key: String) -> Ranges {
        Ranges {
            key,
            ..self.clone()
        }
    }
}

/// `=f(part 1)+f(part 2)…`: a sum of one formula over each sheet.
fn over(parts: &[Ranges], f: impl Fn(&Ranges) -> String) -> String {
    let terms: Vec<String> = parts.iter().map(f).collect();
    format!("={}", terms.join("+"))
}

pub(crate) fn write(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    fmt: &Formats,
    title: &str,
    opts: super::XlsxOptions,
) -> Result<Layout, XlsxError> {
    let lang = run.lang;
    ws.set_name(text(lang, "out-sheet-summary"))?;
    let ms = &text(lang, "out-sheet-measures");
    let n = cons.rows.len() as u32;
    ws.write_string_with_format(0, 0, super::fit(title), &fmt.title)?;
    // The programme as text, the year as a number, the budget in euros,
    // the run's date as a date.
    let info = [
        text(lang, "out-programme"),
        text(lang, "out-year"),
        text(lang, "out-annual-budget"),
        text(lang, "out-date"),
    ];
    for (i, label) in info.iter().enumerate() {
        ws.write_string_with_format(1 + i as u32, 0, label, &fmt.bold)?;
    }
    ws.write_string(1, 1, super::fit(config.programme.name.get(lang)))?;
    if let Some(y) = cons.year {
        ws.write_number_with_format(2, 1, f64::from(y), &fmt.year)?;
    }
    ws.write_number_with_format(3, 1, config.annual_budget(), &fmt.euro)?;
    ws.write_datetime_with_format(4, 1, super::excel_date(run.date)?, &fmt.date)?;
    ws.write_string_with_format(5, 0, text(lang, "out-sources-note"), &fmt.note)?;

    // Key figures.
    ws.write_string_with_format(7, 0, text(lang, "out-key-figures"), &fmt.heading)?;
    let tot = &cons.total;
    let key: [(String, String, f64, &rust_xlsxwriter::Format, &'static str); 6] = [
        (
            text(lang, "out-col-measures"),
            format!("=COUNTA({})", range(ms, col::NAME, n)),
            tot.count as f64,
            &fmt.integer_bold,
            "Total_Measures",
        ),
        (
            config.label(FieldKey::Budget, lang),
            format!("=SUM({})", range(ms, col::BUDGET, n)),
            tot.budget.euros(),
            &fmt.euro_bold,
            "Total_Budget",
        ),
        (
            config.label(FieldKey::Spent, lang),
            format!("=SUM({})", range(ms, col::SPENT, n)),
            tot.spent.euros(),
            &fmt.euro_bold,
            "Total_Actual",
        ),
        (
            text(lang, "out-col-utilisation"),
            {
                let budget = a1(KEY_ROW + 1, u32::from(at::VALUE));
                let spent = a1(KEY_ROW + 2, u32::from(at::VALUE));
                format!("=IF({budget}>0,{spent}/{budget},\"{NOT_APPLICABLE}\")")
            },
            tot.utilisation().unwrap_or(0.0),
            &fmt.percent_bold,
            "Total_Utilisation",
        ),
        (
            config.label(FieldKey::Fte, lang),
            format!("=SUM({})", range(ms, col::FTE, n)),
            tot.fte,
            &fmt.decimal_bold,
            "Total_FTE",
        ),
        (
            config.label(FieldKey::Reached, lang),
            format!("=SUM({})", range(ms, col::REACHED, n)),
            tot.reached as f64,
            &fmt.integer_bold,
            "Total_Reached",
        ),
    ];
    let mut names = Vec::new();
    for (i, (label, formula, value, f, name)) in key.iter().enumerate() {
        let r = KEY_ROW + i as u32;
        ws.write_string(r, at::LABEL, label)?;
        let cached = if i == 3 && tot.utilisation().is_none() {
            NOT_APPLICABLE.to_string()
        } else {
            result(*value)
        };
        ws.write_formula_with_format(r, at::VALUE, Formula::new(formula).set_result(cached), f)?;
        names.push((*name, format!("${}${}", letters(at::VALUE), r + 1)));
    }

    let names_of = |list: &[crate::config::Choice], totals: &[Totals]| -> Vec<(String, Figures)> {
        list.iter()
            .zip(totals)
            .map(|(c, tt)| (c.name.get(lang).to_string(), Figures::of(tt)))
            .collect()
    };
    let mut row = 15;
    let dept = Group {
        heading: config.labelled(lang, "out-by-department"),
        label: config.label(FieldKey::Department, lang),
        rows: names_of(&config.departments, &cons.by_department),
        total: Figures::of(&cons.total),
        parts: vec![Ranges {
            key: range(ms, col::DEPARTMENT, n),
            budget: range(ms, col::BUDGET, n),
            spent: range(ms, col::SPENT, n),
            fte: Some(range(ms, col::FTE, n)),
        }],
    };
    let dept_rows = (row + 2, row + 1 + dept.rows.len() as u32);
    row = write_group(ws, row, &dept, config, lang, fmt)? + 2;
    let focus_rows_data = names_of(&config.focus_areas, &cons.by_focus_area);
    let focus = Group {
        heading: config.labelled(lang, "out-by-focus-area"),
        label: config.label(FieldKey::FocusArea, lang),
        total: Figures::sum(focus_rows_data.iter().map(|(_, f)| f)),
        rows: focus_rows_data,
        parts: vec![dept.parts[0].with_key(range(ms, col::FOCUS, n))],
    };
    let focus_rows = (row + 2, row + 1 + focus.rows.len() as u32);
    row = write_group(ws, row, &focus, config, lang, fmt)? + 2;
    let status_rows = names_of(&config.statuses, &cons.by_status);
    let status = Group {
        heading: config.labelled(lang, "out-by-status"),
        label: config.label(FieldKey::Status, lang),
        total: Figures::sum(status_rows.iter().map(|(_, f)| f)),
        rows: status_rows,
        parts: vec![focus.parts[0].with_key(range(ms, col::STATUS, n))],
    };
    row = write_group(ws, row, &status, config, lang, fmt)? + 2;
    row = write_matrix(ws, row, run, config, cons, fmt)? + 2;
    let mut area_figures = vec![Figures::default(); config.areas.len()];
    for share in &cons.area_shares {
        let m = cons.rows[share.row].measure;
        let f = &mut area_figures[share.area];
        f.count += 1;
        f.budget += m.budget.euros() * share.share;
        f.spent += m.spent.unwrap_or_default().euros() * share.share;
    }
    let area_rows: Vec<(String, Figures)> = config
        .areas
        .iter()
        .zip(area_figures)
        .map(|(a, f)| (a.name.get(lang).to_string(), f))
        .collect();
    let split_name = text(lang, "out-sheet-area-split");
    let area = Group {
        heading: config.labelled(lang, "out-by-area"),
        label: config.label(FieldKey::Areas, lang),
        total: Figures::sum(area_rows.iter().map(|(_, f)| f)),
        rows: area_rows,
        parts: super::parts(cons.area_shares.len(), opts.rows_per_sheet())
            .into_iter()
            .enumerate()
            .map(|(k, (_, len))| {
                let split = super::part_name(&split_name, k);
                Ranges {
                    key: range(&split, col::SPLIT_AREA, len as u32),
                    budget: range(&split, col::SPLIT_BUDGET, len as u32),
                    spent: range(&split, col::SPLIT_SPENT, len as u32),
                    fte: None,
                }
            })
            .collect(),
    };
    let note = match config.programme.area_split {
        AreaSplit::Even => text(lang, "out-area-split-even"),
        AreaSplit::Full => text(lang, "out-area-split-full"),
    };
    let end = write_group(ws, row, &area, config, lang, fmt)?;
    ws.write_string_with_format(end + 1, 0, super::fit(&note), &fmt.note)?;
    ws.set_column_width(0, 46)?;
    for c in 1..=8 {
        ws.set_column_width(c, 16)?;
    }
    ws.protect();
    Ok(Layout {
        names,
        departments: dept_rows,
        focus_areas: focus_rows,
    })
}

/// A table of groups with COUNTIF/SUMIFS, then a total row of SUMs; returns its last row.
fn write_group(
    ws: &mut Worksheet,
    mut row: u32,
    g: &Group,
    config: &Config,
    lang: Lang,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, super::fit(&g.heading), &fmt.heading)?;
    row += 1;
    let mut headers = vec![
        g.label.clone(),
        text(lang, "out-col-measures"),
        config.label(FieldKey::Budget, lang),
        config.label(FieldKey::Spent, lang),
        text(lang, "out-col-utilisation"),
    ];
    let fte = g.parts[0].fte.is_some();
    if fte {
        headers.push(config.label(FieldKey::Fte, lang));
    }
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &fmt.header)?;
    }
    let first = row + 1;
    let label = letters(at::LABEL);
    for (name, tot) in &g.rows {
        row += 1;
        let r = row + 1;
        ws.write_string(row, at::LABEL, super::fit(name))?;
        ws.write_formula_with_format(
            row,
            at::COUNT,
            Formula::new(over(&g.parts, |p| {
                format!("COUNTIF({},${label}{r})", p.key)
            }))
            .set_result(tot.count.to_string()),
            &fmt.integer,
        )?;
        ws.write_formula_with_format(
            row,
            at::BUDGET,
            Formula::new(over(&g.parts, |p| {
                format!("SUMIFS({},{},${label}{r})", p.budget, p.key)
            }))
            .set_result(result(tot.budget)),
            &fmt.euro,
        )?;
        ws.write_formula_with_format(
            row,
            at::SPENT,
            Formula::new(over(&g.parts, |p| {
                format!("SUMIFS({},{},${label}{r})", p.spent, p.key)
            }))
            .set_result(result(tot.spent)),
            &fmt.euro,
        )?;
        utilisation(ws, row, tot, &fmt.percent)?;
        if fte {
            let f = over(&g.parts, |p| {
                format!(
                    "SUMIFS({},{},${label}{r})",
                    p.fte.as_deref().unwrap_or(""),
                    p.key
                )
            });
            ws.write_formula_with_format(
                row,
                at::FTE,
                Formula::new(f).set_result(result(tot.fte)),
                &fmt.decimal,
            )?;
        }
    }
    row += 1;
    let sum = |c: u16| {
        let l = column_letters(u32::from(c));
        format!("=SUM({l}{}:{l}{})", first + 1, row)
    };
    ws.write_string_with_format(row, at::LABEL, text(lang, "out-total"), &fmt.bold)?;
    ws.write_formula_with_format(
        row,
        at::COUNT,
        Formula::new(sum(at::COUNT)).set_result(g.total.count.to_string()),
        &fmt.integer_bold,
    )?;
    ws.write_formula_with_format(
        row,
        at::BUDGET,
        Formula::new(sum(at::BUDGET)).set_result(result(g.total.budget)),
        &fmt.euro_bold,
    )?;
    ws.write_formula_with_format(
        row,
        at::SPENT,
        Formula::new(sum(at::SPENT)).set_result(result(g.total.spent)),
        &fmt.euro_bold,
    )?;
    utilisation(ws, row, &g.total, &fmt.percent_bold)?;
    if fte {
        ws.write_formula_with_format(
            row,
            at::FTE,
            Formula::new(sum(at::FTE)).set_result(result(g.total.fte)),
            &fmt.decimal_bold,
        )?;
    }
    Ok(row)
}

fn utilisation(
    ws: &mut Worksheet,
    row: u32,
    tot: &Figures,
    f: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    let r = row + 1;
    let (budget, spent) = (letters(at::BUDGET), letters(at::SPENT));
    let cached = tot
        .utilisation()
        .map(result)
        .unwrap_or(NOT_APPLICABLE.to_string());
    ws.write_formula_with_format(
        row,
        at::UTILISATION,
        Formula::new(format!(
            "=IF({budget}{r}>0,{spent}{r}/{budget}{r},\"{NOT_APPLICABLE}\")"
        ))
        .set_result(cached),
        f,
    )?;
    Ok(())
}

/// Department × focus area budgets with SUMIFS on two criteria; returns its last row.
fn write_matrix(
    ws: &mut Worksheet,
    mut row: u32,
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    let lang = run.lang;
    let ms = &text(lang, "out-sheet-measures");
    let n = cons.rows.len() as u32;
    ws.write_string_with_format(
        row,
        0,
        config.labelled(lang, "out-dept-by-focus"),
        &fmt.heading,
    )?;
    row += 1;
    let header_row = row;
    ws.write_string_with_format(
        row,
        0,
        config.label(FieldKey::Department, lang),
        &fmt.header,
    )?;
    let nf = config.focus_areas.len() as u16;
    for (j, f) in config.focus_areas.iter().enumerate() {
        ws.write_string_with_format(row, 1 + j as u16, super::fit(f.name.get(lang)), &fmt.header)?;
    }
    ws.write_string_with_format(row, 1 + nf, text(lang, "out-total"), &fmt.header)?;
    let (budget, dept, focus) = (
        range(ms, col::BUDGET, n),
        range(ms, col::DEPARTMENT, n),
        range(ms, col::FOCUS, n),
    );
    let (label, first) = (letters(at::LABEL), letters(at::LABEL + 1));
    for (i, d) in config.departments.iter().enumerate() {
        row += 1;
        let r = row + 1;
        ws.write_string(row, at::LABEL, super::fit(d.name.get(lang)))?;
        for j in 0..nf {
            let c = column_letters(u32::from(1 + j));
            let v = cons.matrix[i][j as usize].euros();
            let formula = format!(
                "=SUMIFS({budget},{dept},${label}{r},{focus},{c}${})",
                header_row + 1
            );
            ws.write_formula_with_format(
                row,
                1 + j,
                Formula::new(formula).set_result(result(v)),
                &fmt.euro,
            )?;
        }
        let last = column_letters(u32::from(nf));
        let v: f64 = cons.matrix[i].iter().map(|c| c.euros()).sum();
        ws.write_formula_with_format(
            row,
            1 + nf,
            Formula::new(format!("=SUM({first}{r}:{last}{r})")).set_result(result(v)),
            &fmt.euro_bold,
        )?;
    }
    Ok(row)
}
