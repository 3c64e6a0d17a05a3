//! The annual report's content: cover, summaries, and the measures of each
//! focus area in the shape of the source's "Vuoden 2021 toimenpiteet" pages.

use super::layout::{ACCENT, Align, Column, Doc, INK, MARGIN_X, MUTED, Style};
use crate::config::Config;
use crate::i18n::{Lang, fill};
use crate::merging::{Consolidation, Totals};
use crate::run::Run;

/// Options of the report.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// Print the draft word on every page.
    pub draft: bool,
}

/// Lays out and serialises the report.
pub fn report_bytes(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    opts: ReportOptions,
) -> Vec<u8> {
    let lang = run.lang;
    let t = lang.texts();
    let name = config.programme.name.get(lang);
    let org = config.programme.organisation.get(lang);
    let year = cons.year.map(|y| y.to_string()).unwrap_or_default();
    let mut doc = Doc::new();
    doc.running_header = format!("{name} · {} {year}", t.annual_report);
    doc.page_of = t.page_of.to_string();
    doc.watermark = opts.draft.then(|| t.draft.to_string());

    cover(&mut doc, run, config, &year);
    doc.new_page();
    doc.bookmark(t.by_department);
    doc.heading(1, t.by_department, 60.0);
    let dept_rows = group_rows(
        lang,
        config.departments.iter().map(|d| d.name.get(lang)),
        &cons.by_department,
        &cons.total,
    );
    summary_table(&mut doc, lang, t.col_department, &dept_rows);
    doc.bookmark(t.by_focus_area);
    doc.heading(1, t.by_focus_area, 60.0);
    let focus_rows = group_rows(
        lang,
        config.focus_areas.iter().map(|f| f.name.get(lang)),
        &cons.by_focus_area,
        &cons.total,
    );
    summary_table(&mut doc, lang, t.col_focus_area, &focus_rows);

    doc.new_page();
    let heading = fill(t.measures_of_year, &[("year", &year)]);
    doc.bookmark(&heading);
    doc.heading(1, &heading, 80.0);
    for (i, focus) in config.focus_areas.iter().enumerate() {
        let rows: Vec<Vec<String>> = cons
            .of_focus_area(i)
            .map(|r| {
                let m = r.measure;
                let mut label = m.name.clone();
                if let Some(fte) = m.fte.filter(|f| *f > 0.0) {
                    label = format!(
                        "{label} ({})",
                        lang.decimal(fte, if fte.fract() == 0.0 { 0 } else { 1 })
                    );
                }
                vec![
                    label,
                    config.departments[m.department].code.get_ref().clone(),
                    m.areas
                        .iter()
                        .map(|&a| config.areas[a].name.get(lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                    m.status
                        .map(|s| config.statuses[s].name.get(lang).to_string())
                        .unwrap_or_default(),
                    lang.euros(m.budget),
                ]
            })
            .collect();
        doc.heading(
            2,
            &format!("{} {}", focus.code.get_ref(), focus.name.get(lang)),
            40.0,
        );
        if rows.is_empty() {
            doc.paragraph("–", Style::BODY, 0.0);
            continue;
        }
        let columns = [
            Column {
                weight: 5.0,
                align: Align::Left,
            },
            Column {
                weight: 1.2,
                align: Align::Left,
            },
            Column {
                weight: 2.2,
                align: Align::Left,
            },
            Column {
                weight: 2.0,
                align: Align::Left,
            },
            Column {
                weight: 1.7,
                align: Align::Right,
            },
        ];
        let header = [
            config
                .field("measure")
                .map(|f| f.header.get(lang))
                .unwrap_or("Measure"),
            t.col_department,
            t.col_areas,
            t.col_status,
            t.col_budget,
        ]
        .map(str::to_string);
        doc.table(&columns, &header, &rows, &[]);
    }
    let title = format!("{name} {year} – {}", t.annual_report);
    doc.finish(&title, org, t.annual_report)
}

fn cover(doc: &mut Doc, run: &Run, config: &Config, year: &str) {
    let lang = run.lang;
    let t = lang.texts();
    doc.space(150.0);
    doc.paragraph(
        config.programme.organisation.get(lang),
        Style {
            size: 12.0,
            bold: false,
            color: MUTED,
        },
        0.0,
    );
    doc.space(10.0);
    doc.paragraph(
        config.programme.name.get(lang),
        Style {
            size: 26.0,
            bold: true,
            color: ACCENT,
        },
        0.0,
    );
    doc.space(16.0);
    doc.paragraph(
        &format!("{} {year}", t.annual_report),
        Style {
            size: 20.0,
            bold: false,
            color: INK,
        },
        0.0,
    );
    doc.space(24.0);
    doc.rule(ACCENT, 2.0);
    doc.space(18.0);
    doc.paragraph(
        &lang.date(run.date),
        Style {
            size: 11.0,
            bold: false,
            color: MUTED,
        },
        0.0,
    );
    let _ = MARGIN_X;
}

/// Rows of a summary table: one per group, then the total.
fn group_rows<'a>(
    lang: Lang,
    names: impl Iterator<Item = &'a str>,
    groups: &[Totals],
    total: &Totals,
) -> Vec<Vec<String>> {
    let row = |name: &str, g: &Totals| {
        vec![
            name.to_string(),
            lang.integer(g.count as i64),
            lang.euros(g.budget),
            lang.euros(g.spent),
            g.utilisation()
                .map(|u| lang.percent(u))
                .unwrap_or_else(|| "–".into()),
            lang.decimal(g.fte, 1),
        ]
    };
    let mut rows: Vec<Vec<String>> = names.zip(groups).map(|(n, g)| row(n, g)).collect();
    rows.push(row(lang.texts().total, total));
    rows
}

fn summary_table(doc: &mut Doc, lang: Lang, label: &str, rows: &[Vec<String>]) {
    let t = lang.texts();
    let columns = [
        Column {
            weight: 10.0,
            align: Align::Left,
        },
        Column {
            weight: 0.5,
            align: Align::Right,
        },
        Column {
            weight: 0.5,
            align: Align::Right,
        },
        Column {
            weight: 0.5,
            align: Align::Right,
        },
        Column {
            weight: 0.5,
            align: Align::Right,
        },
        Column {
            weight: 0.5,
            align: Align::Right,
        },
    ];
    let header = [
        label,
        t.col_measures,
        t.col_budget,
        t.col_spent,
        t.col_utilisation,
        t.col_fte,
    ]
    .map(str::to_string);
    doc.table(&columns, &header, rows, &[rows.len().saturating_sub(1)]);
}
