//! The report's trend section: the programme period by year (with two
//! earlier years or more, see `merging::trend`): a chart of budget and
//! actual by year, a table of the whole programme by year, and budgets by
//! department and by focus area, a column per year.

use super::{Ctx, figure, label_and_figures};
use crate::config::Choice;
use crate::i18n::{Lang, text};
use crate::merging::Totals;
use crate::merging::trend::Trend;
use crate::pdf::charts::{Chart, Series, Stacking};
use crate::pdf::layout::Doc;
use crate::pdf::template::Section;

/// Lays out the section's body (its heading and text are the caller's).
pub(super) fn section(doc: &mut Doc, ctx: &Ctx, section: &Section) {
    let Some(trend) = ctx.comparison.and_then(|c| c.trend.as_ref()) else {
        return;
    };
    let lang = ctx.lang;
    let years = trend.year_labels();
    if let Some(title) = &section.chart {
        doc.heading(3, title, 200.0);
        let series = [
            Series {
                name: text(lang, "out-col-budget"),
                values: trend.years.iter().map(|y| y.total.budget.euros()).collect(),
            },
            Series {
                name: text(lang, "out-col-spent"),
                values: trend.years.iter().map(|y| y.total.spent.euros()).collect(),
            },
        ];
        let fmt = ctx.euros();
        let chart = Chart {
            categories: &years,
            series: &series,
            stacking: Stacking::Grouped,
            format: &fmt,
        };
        // The alternative text is written from the same figures.
        figure(doc, lang, title, &chart, |d| chart.draw_vertical(d, 150.0));
    }
    doc.heading(3, &text(lang, "out-trend-by-year"), 60.0);
    let rows: Vec<Vec<String>> = trend
        .years
        .iter()
        .zip(&years)
        .map(|(y, label)| {
            vec![
                label.clone(),
                lang.integer(y.total.count as i64),
                lang.euros(y.total.budget),
                lang.euros(y.total.spent),
            ]
        })
        .collect();
    let header = [
        text(lang, "out-year"),
        text(lang, "out-col-measures"),
        text(lang, "out-col-budget"),
        text(lang, "out-col-spent"),
    ];
    doc.table(&label_and_figures(3), &header, &rows, &[]);
    let config = ctx.config;
    budget_table(
        doc,
        lang,
        trend,
        &years,
        (
            &text(lang, "out-trend-budget-dept"),
            &text(lang, "out-col-department"),
        ),
        &config.departments,
        |y| &y.by_department,
    );
    budget_table(
        doc,
        lang,
        trend,
        &years,
        (
            &text(lang, "out-trend-budget-focus"),
            &text(lang, "out-col-focus-area"),
        ),
        &config.focus_areas,
        |y| &y.by_focus_area,
    );
}

/// Budgets of each group (a row) by year (a column), with a total row.
fn budget_table(
    doc: &mut Doc,
    lang: Lang,
    trend: &Trend,
    years: &[String],
    (heading, label): (&str, &str),
    groups: &[Choice],
    of: impl Fn(&crate::merging::trend::YearFigures) -> &Vec<Totals>,
) {
    doc.heading(3, heading, 60.0);
    let of = &of;
    let mut rows: Vec<Vec<String>> = groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            std::iter::once(group.name.get(lang).to_string())
                .chain(
                    trend
                        .years
                        .iter()
                        .map(|y| lang.euros(of(y).get(g).map(|t| t.budget).unwrap_or_default())),
                )
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(text(lang, "out-total"))
            .chain(trend.years.iter().map(|y| {
                let sum = of(y).iter().fold(Totals::default(), |a, b| a.plus(b));
                lang.euros(sum.budget)
            }))
            .collect(),
    );
    let header: Vec<String> = std::iter::once(label.to_string())
        .chain(years.iter().cloned())
        .collect();
    let last = rows.len() - 1;
    doc.table(&label_and_figures(years.len()), &header, &rows, &[last]);
}
