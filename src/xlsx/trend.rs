//! The trend sheet (*Kehitys*): the programme period by year, with two
//! earlier years or more. A table of the whole programme (measures,
//! budget, actual), then for departments and for focus areas one table
//! each of budget, actual and measures, a column per year; two native
//! charts beside them read those tables, so they stay live.

use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, Formula, Worksheet, XlsxError};

use super::{Formats, result};
use crate::config::{Choice, Config};
use crate::i18n::{Lang, render, text};
use crate::merging::Totals;
use crate::merging::trend::{Trend, YearFigures};
use crate::model::message::Message;
use crate::text::column_letters;

/// What a group table shows of each group's [`Totals`].
#[derive(Clone, Copy)]
enum Figure {
    Budget,
    Spent,
    Measures,
}

impl Figure {
    fn value(self, t: &Totals) -> f64 {
        match self {
            Figure::Budget => t.budget.euros(),
            Figure::Spent => t.spent.euros(),
            Figure::Measures => t.count as f64,
        }
    }
}

/// Writes the sheet: `trend` holds the years oldest first, this year last.
pub(crate) fn write(
    ws: &mut Worksheet,
    lang: Lang,
    config: &Config,
    trend: &Trend,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let sheet = text(lang, "out-sheet-trend");
    ws.set_name(&sheet)?;
    let labels = trend.year_labels();
    let title = Message::new("out-trend-title")
        .arg("first", labels.first().cloned().unwrap_or_default())
        .arg("last", labels.last().cloned().unwrap_or_default());
    ws.write_string_with_format(0, 0, super::fit(&render(lang, &title)), &fmt.title)?;

    // The whole programme, a row per year.
    ws.write_string_with_format(2, 0, text(lang, "out-trend-by-year"), &fmt.heading)?;
    let headers = [
        text(lang, "out-year"),
        text(lang, "out-col-measures"),
        text(lang, "out-col-budget"),
        text(lang, "out-col-spent"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, h, &fmt.header)?;
    }
    let first_year_row = 4;
    for (k, y) in trend.years.iter().enumerate() {
        let row = first_year_row + k as u32;
        match y.year {
            Some(year) => ws.write_number_with_format(row, 0, f64::from(year), &fmt.year)?,
            None => ws.write_string(row, 0, "–")?,
        };
        ws.write_number_with_format(row, 1, y.total.count as f64, &fmt.integer)?;
        ws.write_number_with_format(row, 2, y.total.budget.euros(), &fmt.euro)?;
        ws.write_number_with_format(row, 3, y.total.spent.euros(), &fmt.euro)?;
    }
    let last_year_row = first_year_row + trend.years.len() as u32 - 1;

    let mut row = last_year_row + 3;
    let department = text(lang, "out-col-department");
    let focus_area = text(lang, "out-col-focus-area");
    let mut dept_budget = (0, 0);
    for (heading, figure, per_department) in [
        ("out-trend-budget-dept", Figure::Budget, true),
        ("out-trend-spent-dept", Figure::Spent, true),
        ("out-trend-measures-dept", Figure::Measures, true),
        ("out-trend-budget-focus", Figure::Budget, false),
        ("out-trend-spent-focus", Figure::Spent, false),
        ("out-trend-measures-focus", Figure::Measures, false),
    ] {
        let (label, groups) = if per_department {
            (&department, &config.departments)
        } else {
            (&focus_area, &config.focus_areas)
        };
        let values: Vec<&[Totals]> = trend
            .years
            .iter()
            .map(|y: &YearFigures| {
                if per_department {
                    y.by_department.as_slice()
                } else {
                    y.by_focus_area.as_slice()
                }
            })
            .collect();
        let table = Table {
            heading: &text(lang, heading),
            label,
            groups,
            years: &labels,
            values: &values,
            figure,
        };
        if heading == "out-trend-budget-dept" {
            dept_budget = (row + 1, row + 2);
        }
        row = table.write(ws, row, lang, fmt)? + 3;
    }

    let n = trend.years.len() as u16;
    let chart_col = 2 + n.max(3);
    let euro = super::euro_format(lang);
    let mut by_year = Chart::new(ChartType::Column);
    by_year.title().set_name(&text(lang, "out-chart-trend"));
    for (i, c) in [2u16, 3].into_iter().enumerate() {
        by_year
            .add_series()
            .set_name((sheet.as_str(), 3, c))
            .set_categories((sheet.as_str(), first_year_row, 0, last_year_row, 0))
            .set_values((sheet.as_str(), first_year_row, c, last_year_row, c))
            .set_format(&mut super::charts::fill(i));
    }
    // From zero, as every chart of the workbook (see `charts`).
    by_year.y_axis().set_num_format(euro).set_min(0);
    by_year.legend().set_position(ChartLegendPosition::Bottom);
    by_year.set_width(640).set_height(340);
    ws.insert_chart(2, chart_col, &by_year)?;

    let (header_row, first_dept) = dept_budget;
    let mut by_dept_chart = Chart::new(ChartType::ColumnStacked);
    by_dept_chart
        .title()
        .set_name(&text(lang, "out-chart-trend-dept"));
    for i in 0..config.departments.len() as u32 {
        let r = first_dept + i;
        by_dept_chart
            .add_series()
            .set_name((sheet.as_str(), r, 0))
            .set_categories((sheet.as_str(), header_row, 1, header_row, n))
            .set_values((sheet.as_str(), r, 1, r, n))
            .set_format(&mut super::charts::fill(i as usize));
    }
    by_dept_chart.y_axis().set_num_format(euro).set_min(0);
    by_dept_chart
        .legend()
        .set_position(ChartLegendPosition::Bottom);
    by_dept_chart.set_width(640).set_height(400);
    ws.insert_chart(21, chart_col, &by_dept_chart)?;

    ws.set_column_width(0, 40)?;
    for c in 1..=n.max(3) {
        ws.set_column_width(c, 16)?;
    }
    ws.protect();
    Ok(())
}

/// One group table: a group per row, a year per column, a total row.
struct Table<'a> {
    heading: &'a str,
    label: &'a str,
    groups: &'a [Choice],
    years: &'a [String],
    /// Per year, per group.
    values: &'a [&'a [Totals]],
    figure: Figure,
}

impl Table<'_> {
    /// Writes the table from `row` (its heading); returns its last row.
    fn write(
        &self,
        ws: &mut Worksheet,
        mut row: u32,
        lang: Lang,
        fmt: &Formats,
    ) -> Result<u32, XlsxError> {
        let (plain, bold) = match self.figure {
            Figure::Measures => (&fmt.integer, &fmt.integer_bold),
            Figure::Budget | Figure::Spent => (&fmt.euro, &fmt.euro_bold),
        };
        ws.write_string_with_format(row, 0, super::fit(self.heading), &fmt.heading)?;
        row += 1;
        ws.write_string_with_format(row, 0, self.label, &fmt.header)?;
        // Years as text: a number would be grouped (2 021).
        for (k, y) in self.years.iter().enumerate() {
            ws.write_string_with_format(row, 1 + k as u16, y, &fmt.header)?;
        }
        let first = row + 2;
        for (g, group) in self.groups.iter().enumerate() {
            row += 1;
            ws.write_string(row, 0, super::fit(group.name.get(lang)))?;
            for (k, year) in self.values.iter().enumerate() {
                let v = year.get(g).map(|t| self.figure.value(t)).unwrap_or(0.0);
                ws.write_number_with_format(row, 1 + k as u16, v, plain)?;
            }
        }
        row += 1;
        ws.write_string_with_format(row, 0, text(lang, "out-total"), &fmt.bold)?;
        for (k, year) in self.values.iter().enumerate() {
            let c = column_letters(1 + k as u32);
            // Summed in cents, exact, as the other sheets' totals.
            let sum = self
                .figure
                .value(&year.iter().fold(Totals::default(), |a, b| a.plus(b)));
            ws.write_formula_with_format(
                row,
                1 + k as u16,
                Formula::new(format!("=SUM({c}{first}:{c}{row})")).set_result(result(sum)),
                bold,
            )?;
        }
        Ok(row)
    }
}
