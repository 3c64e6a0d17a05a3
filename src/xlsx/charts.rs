//! The charts sheet: native Excel charts over the summary's tables and a
//! department × status matrix of this sheet, so they stay live.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, Formula, Worksheet,
    XlsxError,
};

use super::summary::Layout;
use super::{Formats, col, range};
use crate::config::{Config, FieldKey};
use crate::i18n::text;
use crate::merging::Consolidation;
use crate::merging::comparison::Comparison;
use crate::text::column_letters;
use crate::validation::checked::Run;

/// Colours that stay apart when printed in grey (dark, light, mid, …).
const PALETTE: [u32; 6] = [0x0D4580, 0xF2A541, 0x6F9FD8, 0x3B3B3B, 0xC8D6E5, 0x9C5B12];

pub(super) fn fill(i: usize) -> ChartFormat {
    let mut format = ChartFormat::new();
    format.set_solid_fill(ChartSolidFill::new().set_color(PALETTE[i % PALETTE.len()]));
    format
}

pub(crate) fn write(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    comparison: Option<&Comparison>,
    layout: &Layout,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let lang = run.lang;
    let (sheet, summary, ms) = (
        text(lang, "out-sheet-charts"),
        text(lang, "out-sheet-summary"),
        text(lang, "out-sheet-measures"),
    );
    let (sheet, summary, ms) = (sheet.as_str(), summary.as_str(), ms.as_str());
    ws.set_name(sheet)?;
    let budget = config.label(FieldKey::Budget, lang);
    let budget = budget.as_str();
    let n = cons.rows.len() as u32;

    // Measures by status per department: the stacked chart's data.
    ws.write_string_with_format(0, 0, config.label(FieldKey::Department, lang), &fmt.header)?;
    for (j, s) in config.statuses.iter().enumerate() {
        ws.write_string_with_format(0, 1 + j as u16, super::fit(s.name.get(lang)), &fmt.header)?;
    }
    // A department per row (its name in the first column), a status per column.
    let label = column_letters(0);
    for (i, d) in config.departments.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, super::fit(d.name.get(lang)))?;
        for j in 0..config.statuses.len() {
            let c = column_letters(1 + j as u32);
            let formula = format!(
                "=COUNTIFS({},${label}{},{},{c}$1)",
                range(ms, col::DEPARTMENT, n),
                row + 1,
                range(ms, col::STATUS, n)
            );
            ws.write_formula_with_format(
                row,
                1 + j as u16,
                Formula::new(formula).set_result(cons.status_matrix[i][j].to_string()),
                &fmt.integer,
            )?;
        }
    }
    let last_dept_row = config.departments.len() as u32;
    let top = last_dept_row + 3;

    let (d0, d1) = layout.departments;
    let mut c1 = Chart::new(ChartType::Column);
    c1.title()
        .set_name(&config.labelled(lang, "out-chart-budget-actual"));
    let spent = config.label(FieldKey::Spent, lang);
    for (i, (c, name)) in [(2u16, budget), (3, spent.as_str())]
        .into_iter()
        .enumerate()
    {
        c1.add_series()
            .set_name(name)
            .set_categories((summary, d0, 0, d1, 0))
            .set_values((summary, d0, c, d1, c))
            .set_format(&mut fill(i));
    }
    // Every value axis starts at zero: a small change drawn from a high
    // baseline would look like a doubling.
    let euro = super::euro_format(lang);
    c1.y_axis().set_num_format(euro).set_min(0);
    c1.legend().set_position(ChartLegendPosition::Bottom);
    c1.set_width(760).set_height(400);
    ws.insert_chart(top, 0, &c1)?;

    let (f0, f1) = layout.focus_areas;
    let mut c2 = Chart::new(ChartType::Bar);
    c2.title()
        .set_name(&config.labelled(lang, "out-chart-budget-focus"));
    c2.add_series()
        .set_name(budget)
        .set_categories((summary, f0, 0, f1, 0))
        .set_values((summary, f0, 2, f1, 2))
        .set_format(&mut fill(0));
    c2.x_axis().set_num_format(euro).set_min(0);
    c2.legend().set_hidden();
    c2.set_width(760).set_height(300);
    ws.insert_chart(top + 21, 0, &c2)?;

    let mut c3 = Chart::new(ChartType::ColumnStacked);
    c3.title()
        .set_name(&config.labelled(lang, "out-chart-status-dept"));
    for j in 0..config.statuses.len() {
        let c = 1 + j as u16;
        c3.add_series()
            .set_name((sheet, 0, c))
            .set_categories((sheet, 1, 0, last_dept_row, 0))
            .set_values((sheet, 1, c, last_dept_row, c))
            .set_format(&mut fill(j));
    }
    c3.y_axis().set_num_format("#,##0").set_min(0);
    c3.legend().set_position(ChartLegendPosition::Bottom);
    c3.set_width(760).set_height(400);
    ws.insert_chart(top + 37, 0, &c3)?;

    if let Some(cmp) = comparison {
        // Budget by year: the earlier year's total and this year's.
        let r = top + 80;
        ws.write_string_with_format(r, 0, text(lang, "out-year"), &fmt.header)?;
        ws.write_string_with_format(r, 1, budget, &fmt.header)?;
        let years = [cmp.previous_year, cons.year];
        let totals = [cmp.total.0, cmp.total.1];
        for (k, (y, b)) in years.iter().zip(totals).enumerate() {
            if let Some(y) = y {
                ws.write_number_with_format(r + 1 + k as u32, 0, f64::from(*y), &fmt.year)?;
            }
            ws.write_number_with_format(r + 1 + k as u32, 1, b.euros(), &fmt.euro)?;
        }
        let mut c4 = Chart::new(ChartType::Column);
        c4.title()
            .set_name(&config.labelled(lang, "out-chart-budget-year"));
        c4.add_series()
            .set_name(budget)
            .set_categories((sheet, r + 1, 0, r + 2, 0))
            .set_values((sheet, r + 1, 1, r + 2, 1))
            .set_format(&mut fill(0));
        c4.y_axis().set_num_format(euro).set_min(0);
        c4.legend().set_hidden();
        c4.set_width(760).set_height(300);
        ws.insert_chart(top + 58, 0, &c4)?;
    }
    ws.set_column_width(0, 30)?;
    for c in 1..=config.statuses.len() as u16 {
        ws.set_column_width(c, 16)?;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.protect();
    Ok(())
}
