//! The annual report's content, section by section as the report template
//! orders them: cover, contents, key figures, departments, the measures of
//! each focus area, areas, impact stories, year over year, and the appendix.

use std::collections::BTreeMap;

mod trend;

use super::charts::{Chart, Series, Stacking};
use super::layout::{ACCENT, Column, Doc, INK, MARGIN_X, MUTED, Meta, Style};
use super::tags::{NodeId, Tag};
use super::template::{Section, SectionKind, Template};
use crate::config::Config;
use crate::i18n::{Lang, fill, render, text};
use crate::merging::comparison::{Comparison, change_ratio};
use crate::merging::{Consolidation, Totals};
use crate::model::field::{Column as Col, FieldKey, REPORT_MEASURES};
use crate::model::finding::{Finding, Severity};
use crate::model::message::Message;
use crate::validation::checked::Run;

/// Options of the report.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Print the draft word on every page.
    pub draft: bool,
    /// Who writes the pages' content streams.
    pub writer: super::StreamWriter,
}

struct Ctx<'a> {
    run: &'a Run,
    config: &'a Config,
    cons: &'a Consolidation<'a>,
    comparison: Option<&'a Comparison<'a>>,
    lang: Lang,
    year: String,
    /// Contents entries: (level, title, page).
    toc: Vec<(u8, String, usize)>,
    /// Most rows a list shows.
    limit: usize,
    /// The programme's foreword, from the report template.
    foreword: Option<String>,
}

impl Ctx<'_> {
    fn fill(&self, text: &str) -> String {
        let previous = self
            .comparison
            .and_then(|c| c.previous_year)
            .map(|y| y.to_string())
            .unwrap_or_default();
        // The period's first year, with a trend.
        let first = self
            .comparison
            .and_then(|c| c.trend.as_ref())
            .and_then(|t| t.year_labels().into_iter().next())
            .unwrap_or_default();
        // The programme's own rule, so the text cannot contradict it.
        let split = match self.config.programme.area_split {
            crate::config::AreaSplit::Even => "report-area-split-even",
            crate::config::AreaSplit::Full => "report-area-split-full",
        };
        let split = crate::i18n::text(self.lang, split);
        fill(
            text,
            &[
                ("year", &self.year),
                ("first", &first),
                ("programme", self.config.programme.name.get(self.lang)),
                (
                    "organisation",
                    self.config.programme.organisation.get(self.lang),
                ),
                ("previous", &previous),
                ("area_split", &split),
            ],
        )
    }

    fn euros(&self) -> impl Fn(f64) -> String + '_ {
        move |v| self.lang.euros(chart_cents(v))
    }
}

/// A chart's value in euros back to cents. A chart's total may be past
/// what one cell may hold ([`Cents::from_euros`] refuses 9e13 € and up),
/// so larger values are rounded here rather than shown as 0 €; the cast
/// saturates and takes NaN to 0.
///
/// [`Cents::from_euros`]: crate::model::parse::Cents::from_euros
fn chart_cents(v: f64) -> crate::model::parse::Cents {
    use crate::model::parse::Cents;
    Cents::from_euros(v).unwrap_or(Cents((v * 100.0).round() as i64))
}

/// Lays out and serialises the report; fails only if the PDF cannot be
/// serialised.
pub fn report_bytes(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    comparison: Option<&Comparison>,
    template: &Template,
    opts: ReportOptions,
) -> Result<Vec<u8>, super::PdfError> {
    let lang = run.lang;
    let mut ctx = Ctx {
        run,
        config,
        cons,
        comparison,
        lang,
        year: cons.year.map(|y| y.to_string()).unwrap_or_default(),
        toc: Vec::new(),
        limit: template.list_limit,
        foreword: template.foreword.clone(),
    };
    let name = config.programme.name.get(lang);
    // The year as text: a count would be grouped (2 021).
    let year = ctx.year.clone();
    let titled = |id| {
        render(
            lang,
            &Message::new(id).arg("programme", name).arg("year", &year),
        )
    };
    let header = titled("out-report-running-header");
    // Laid out with one contents page; again with as many as its entries
    // need where they did not fit (the page numbers after it move on).
    // (The entries and their wrapping do not depend on the page numbers,
    // so the second layout fits; the bound is a guard.)
    let mut contents_pages = 1;
    let doc = loop {
        ctx.toc.clear();
        let (doc, needed) = lay_out(&mut ctx, template, opts, &header, contents_pages);
        if needed <= contents_pages || contents_pages > 2 {
            break doc;
        }
        contents_pages = needed;
    };
    let meta = Meta {
        title: if opts.draft {
            render(
                lang,
                &Message::new("report-draft-title")
                    .arg("title", titled("out-report-title"))
                    .arg("draft", text(lang, "out-draft")),
            )
        } else {
            titled("out-report-title")
        },
        author: config.programme.organisation.get(lang).to_string(),
        subject: titled("out-report-subject"),
        keywords: vec![config.programme.code.clone(), ctx.year.clone()],
        lang: lang.code().to_string(),
        created: run.date.days_since_epoch() * 86_400,
    };
    doc.finish(&meta, opts.writer)
}

/// Lays the report out with `contents_pages` pages kept for the contents:
/// the document and how many pages its contents need (more than kept:
/// nothing of it drawn, lay out again).
fn lay_out(
    ctx: &mut Ctx,
    template: &Template,
    opts: ReportOptions,
    header: &str,
    contents_pages: usize,
) -> (Doc, usize) {
    let (lang, comparison) = (ctx.lang, ctx.comparison);
    let mut doc = Doc::new();
    doc.running_header = header.to_string();
    doc.page_of = Box::new(move |page, pages| {
        let label = Message::new("out-page-of")
            .arg("page", page.to_string())
            .arg("pages", pages.to_string());
        render(lang, &label)
    });
    doc.watermark = opts.draft.then(|| text(lang, "out-draft"));
    doc.lang = Some(lang);
    doc.continued = render(
        lang,
        &Message::new("report-continued").arg("heading", "{heading}".to_string()),
    );
    let mut contents: Option<(usize, String, NodeId)> = None;
    let mut first = true;
    for section in &template.sections {
        if section.kind == SectionKind::YearOverYear && comparison.is_none() {
            continue;
        }
        if section.kind == SectionKind::Trend && comparison.is_none_or(|c| c.trend.is_none()) {
            continue;
        }
        if !first {
            doc.new_page();
        }
        first = false;
        let title = ctx.fill(&section.title);
        let sect = doc.open(Tag::Sect);
        match section.kind {
            SectionKind::Cover => cover(&mut doc, ctx, &title),
            SectionKind::Contents => {
                contents = Some((doc.page_index(), title, sect));
                for _ in 1..contents_pages {
                    doc.new_page();
                }
            }
            kind => {
                doc.bookmark(1, &title);
                ctx.toc.push((1, title.clone(), doc.page_index()));
                doc.heading(1, &title, 60.0);
                // The programme's own words open the report, before the
                // section's introduction to the figures.
                if kind == SectionKind::KeyFigures {
                    foreword(&mut doc, ctx);
                }
                if let Some(text) = &section.text {
                    doc.paragraph(&ctx.fill(text), Style::BODY, 0.0);
                    doc.space(8.0);
                }
                body(&mut doc, ctx, kind, section);
                if kind == SectionKind::Appendix && opts.draft {
                    left_out(&mut doc, ctx);
                }
            }
        }
        doc.close();
    }
    let mut needed = 1;
    if let Some((page, title, sect)) = contents {
        doc.reopen(sect);
        needed = table_of_contents(&mut doc, ctx, (page, contents_pages), &title);
        doc.close();
    }
    (doc, needed)
}

fn body(doc: &mut Doc, ctx: &mut Ctx, kind: SectionKind, section: &Section) {
    match kind {
        SectionKind::KeyFigures => key_figures(doc, ctx, section),
        SectionKind::Departments => departments(doc, ctx, section),
        SectionKind::FocusAreas => focus_areas(doc, ctx),
        SectionKind::Areas => areas(doc, ctx, section),
        SectionKind::ImpactStories => impact_stories(doc, ctx),
        SectionKind::YearOverYear => year_over_year(doc, ctx, section),
        SectionKind::Trend => trend::section(doc, ctx, section),
        SectionKind::Appendix => appendix(doc, ctx),
        SectionKind::Cover | SectionKind::Contents => {}
    }
}

fn cover(doc: &mut Doc, ctx: &Ctx, title: &str) {
    let lang = ctx.lang;
    // The organisation logo, at most 170 × 70 points, above the title
    // block: a Figure with the configured alternative text, as it names
    // the publisher (ISO 14289-1 §7.3), not an artifact (decoration).
    if let (Some(logo), Some(alt)) = (&ctx.config.logo, &ctx.config.programme.logo_alt) {
        let scale = (170.0 / logo.width as f32).min(70.0 / logo.height as f32);
        let node = doc.open(Tag::Figure);
        doc.set_alt(node, alt.get(lang).to_string());
        let top = doc.y();
        doc.image(
            logo,
            MARGIN_X,
            top,
            logo.width as f32 * scale,
            logo.height as f32 * scale,
        );
        doc.close();
    }
    doc.space(150.0);
    doc.paragraph(
        ctx.config.programme.organisation.get(lang),
        Style {
            size: 12.0,
            bold: false,
            color: MUTED,
        },
        0.0,
    );
    doc.space(10.0);
    doc.paragraph(
        ctx.config.programme.name.get(lang),
        Style {
            size: 26.0,
            bold: true,
            color: ACCENT,
        },
        0.0,
    );
    doc.space(16.0);
    doc.paragraph(
        title,
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
        &lang.date(ctx.run.date),
        Style {
            size: 11.0,
            bold: false,
            color: MUTED,
        },
        0.0,
    );
}

/// A contents entry's style and indent by its level.
fn entry_style(level: u8) -> (Style, f32) {
    let (size, bold, indent) = match level {
        1 => (11.0, true, 0.0),
        _ => (10.0, false, 16.0),
    };
    let style = Style {
        size,
        bold,
        color: INK,
    };
    (style, indent)
}

/// Fills the pages kept for the contents, (first page, how many): one
/// linked line per section and focus area, under the heading marked as
/// continued on each page after the first. Returns how many pages the
/// entries need; where that is more than were kept, nothing is drawn.
fn table_of_contents(doc: &mut Doc, ctx: &Ctx, (page, kept): (usize, usize), title: &str) -> usize {
    use super::layout::{MARGIN_BOTTOM, MARGIN_TOP, PAGE_H};
    doc.begin_page_override(page);
    let saved = doc.y();
    doc.set_y(64.0);
    doc.heading(1, title, 0.0);
    doc.space(6.0);
    // The room an entry's page number takes: the widest there may be, so
    // that how entries wrap does not depend on the numbers.
    let wrapped: Vec<(Vec<String>, f32)> = ctx
        .toc
        .iter()
        .map(|(level, entry, _)| {
            let (style, indent) = entry_style(*level);
            let nw = doc.measure("0000", style);
            let lines = doc.wrap(entry, doc.text_width() - indent - nw - 12.0, style);
            let h = Doc::line_height(style) * lines.len().max(1) as f32 + 3.0;
            (lines, h)
        })
        .collect();
    // Where each entry goes, (page after the first, top): the pages are
    // counted before anything is drawn.
    let continued_top = MARGIN_TOP + doc.continued_height();
    let (mut at, mut y) = (0, doc.y());
    let mut places = Vec::with_capacity(wrapped.len());
    for (_, h) in &wrapped {
        if y + h > PAGE_H - MARGIN_BOTTOM && y > continued_top {
            at += 1;
            y = continued_top;
        }
        places.push((at.min(kept - 1), y));
        y += h;
    }
    let needed = at + 1;
    if needed > kept && kept < 3 {
        // Laid out again with `needed` pages kept; this document is dropped.
        return needed;
    }
    doc.open(Tag::TOC);
    let mut on = 0;
    for (((level, entry, target), (lines, _)), &(offset, top)) in
        ctx.toc.iter().zip(&wrapped).zip(&places)
    {
        if offset != on {
            on = offset;
            doc.begin_page_override(page + on);
            doc.set_y(MARGIN_TOP);
            doc.continued_heading();
        }
        doc.set_y(top);
        toc_entry(doc, ctx, (*level, entry, *target), lines);
    }
    doc.close();
    doc.set_y(saved);
    doc.end_page_override();
    needed
}

/// One contents entry (TOCI with its Link) at the current place: its
/// wrapped lines, the page number on the last, the link over all.
fn toc_entry(
    doc: &mut Doc,
    ctx: &Ctx,
    (level, entry, target): (u8, &str, usize),
    lines: &[String],
) {
    let (style, indent) = entry_style(level);
    let lh = Doc::line_height(style) + 3.0;
    let number = (target + 1).to_string();
    let nw = doc.measure(&number, style);
    let right = MARGIN_X + doc.text_width();
    let more = Doc::line_height(style) * lines.len().saturating_sub(1) as f32;
    let first = doc.y() + lh;
    let y = first + more;
    doc.open(Tag::TOCI);
    doc.open(Tag::Link);
    for (i, line) in lines.iter().enumerate() {
        let at = first + Doc::line_height(style) * i as f32;
        doc.text_at(MARGIN_X + indent, at, line, style);
    }
    doc.text_at(right - nw, y, &number, style);
    let described = crate::i18n::render(
        ctx.lang,
        &Message::new("report-contents-link")
            .arg("title", entry.to_string())
            .arg("page", number),
    );
    doc.link(
        MARGIN_X,
        first - lh + 3.0,
        doc.text_width(),
        lh + more,
        target,
        &described,
    );
    doc.close();
    doc.close();
    doc.set_y(y);
}

fn figures_table(doc: &mut Doc, rows: Vec<(String, String)>) {
    let columns = [Column::left(3.0), Column::right(1.0)];
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(a, b)| vec![a, b]).collect();
    doc.table(&columns, &[String::new(), String::new()], &rows, &[]);
}

/// The template's foreword, paragraphs apart by a blank line.
fn foreword(doc: &mut Doc, ctx: &Ctx) {
    if let Some(foreword) = &ctx.foreword {
        for para in foreword.split("\n\n").filter(|p| !p.trim().is_empty()) {
            doc.paragraph(&ctx.fill(para.trim()), Style::BODY, 0.0);
            doc.space(6.0);
        }
    }
}

fn key_figures(doc: &mut Doc, ctx: &Ctx, section: &Section) {
    let (lang, tot) = (ctx.lang, &ctx.cons.total);
    // A figure no measure gives is not 0: a dash, as for the use.
    let rows = &ctx.cons.rows;
    let given = |f: fn(&crate::model::Measure) -> bool| rows.iter().any(|r| f(r.measure));
    let dash = || "–".to_string();
    let fte = match given(|m| m.fte.is_some()) {
        true => lang.decimal(tot.fte, 1),
        false => dash(),
    };
    let reached = match given(|m| m.reached.is_some()) {
        true => lang.integer(tot.reached),
        false => dash(),
    };
    summary(doc, ctx);
    figures_table(
        doc,
        vec![
            (
                text(lang, "out-col-measures"),
                lang.integer(tot.count as i64),
            ),
            (
                text(lang, "out-annual-budget"),
                lang.euros(
                    crate::model::parse::Cents::from_euros(ctx.config.annual_budget())
                        .unwrap_or_default(),
                ),
            ),
            (
                ctx.config.label(FieldKey::Budget, lang),
                lang.euros(tot.budget),
            ),
            (
                ctx.config.label(FieldKey::Spent, lang),
                lang.euros(tot.spent),
            ),
            (
                text(lang, "out-col-utilisation"),
                tot.utilisation()
                    .map(|u| lang.percent(u))
                    .unwrap_or_else(dash),
            ),
            (ctx.config.label(FieldKey::Fte, lang), fte),
            (ctx.config.label(FieldKey::Reached, lang), reached),
        ],
    );
    if let Some(title) = &section.chart {
        let categories: Vec<String> = ctx
            .config
            .focus_areas
            .iter()
            .map(|f| f.name.get(lang).to_string())
            .collect();
        let series = [Series {
            name: ctx.config.label(FieldKey::Budget, lang),
            values: ctx
                .cons
                .by_focus_area
                .iter()
                .map(|g| g.budget.euros())
                .collect(),
        }];
        let fmt = ctx.euros();
        let chart = Chart {
            categories: &categories,
            series: &series,
            stacking: Stacking::Grouped,
            format: &fmt,
        };
        let keep = chart.horizontal_keep(doc).max(120.0);
        doc.heading(3, title, keep);
        figure(doc, ctx.lang, title, &chart, |d| chart.draw_horizontal(d));
    }
}

/// Draws a chart as a Figure whose alternative text, in the report's
/// language, gives its title and every value it shows (ISO 14289-1 §7.3;
/// WCAG 2.1 SC 1.1.1).
fn figure(doc: &mut Doc, lang: Lang, title: &str, chart: &Chart, draw: impl FnOnce(&mut Doc)) {
    let values: Vec<String> = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let value = |s: &Series| (chart.format)(s.values.get(i).copied().unwrap_or(0.0));
            match chart.series {
                [one] => crate::i18n::render(
                    lang,
                    &Message::new("report-chart-value")
                        .arg("category", category.clone())
                        .arg("value", value(one)),
                ),
                many => {
                    let parts: Vec<String> = many
                        .iter()
                        .map(|s| {
                            crate::i18n::render(
                                lang,
                                &Message::new("report-chart-value")
                                    .arg("category", s.name.clone())
                                    .arg("value", value(s)),
                            )
                        })
                        .collect();
                    crate::i18n::render(
                        lang,
                        &Message::new("report-chart-values")
                            .arg("category", category.clone())
                            .arg("values", parts.join(", ")),
                    )
                }
            }
        })
        .collect();
    let alt = crate::i18n::render(
        lang,
        &Message::new("report-chart-alt")
            .arg("title", title.to_string())
            .arg("values", values.join("; ")),
    );
    let node = doc.open(Tag::Figure);
    doc.set_alt(node, alt);
    draw(doc);
    doc.close();
}

/// A paragraph written from the figures: how many measures of how many
/// departments, the budget and how much of it was used.
fn summary(doc: &mut Doc, ctx: &Ctx) {
    let (lang, c) = (ctx.lang, ctx.cons);
    if c.total.count == 0 {
        return;
    }
    let departments = c.by_department.iter().filter(|d| d.count > 0).count();
    let text = crate::i18n::render(
        lang,
        &Message::new("report-summary")
            .arg("year", ctx.year.clone())
            .count("measures", c.total.count)
            .count("departments", departments)
            .arg("budget", lang.euros(c.total.budget))
            .arg("spent", lang.euros(c.total.spent))
            .arg(
                "utilisation",
                c.total
                    .utilisation()
                    .map(|u| lang.percent(u))
                    .unwrap_or_else(|| "–".into()),
            ),
    );
    doc.paragraph(&text, Style::BODY, 0.0);
    doc.space(8.0);
}

/// A wide label column and `n` narrow right-aligned figure columns (each
/// as wide as its widest word, the label taking the rest).
fn label_and_figures(n: usize) -> Vec<Column> {
    let mut columns = vec![Column::left(10.0)];
    columns.extend(std::iter::repeat_n(Column::right(0.5), n));
    columns
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
            // No FTE reported is blank, not a zero.
            if g.fte > 0.0 {
                lang.decimal(g.fte, 1)
            } else {
                String::new()
            },
        ]
    };
    let mut rows: Vec<Vec<String>> = names.zip(groups).map(|(n, g)| row(n, g)).collect();
    rows.push(row(&text(lang, "out-total"), total));
    rows
}

fn summary_table(doc: &mut Doc, config: &Config, lang: Lang, label: &str, rows: &[Vec<String>]) {
    let columns = label_and_figures(5);
    let header = [
        label.to_string(),
        text(lang, "out-col-measures"),
        config.label(FieldKey::Budget, lang),
        config.label(FieldKey::Spent, lang),
        text(lang, "out-col-utilisation"),
        config.label(FieldKey::Fte, lang),
    ];
    doc.table(&columns, &header, rows, &[rows.len().saturating_sub(1)]);
}

fn departments(doc: &mut Doc, ctx: &Ctx, section: &Section) {
    let (lang, c) = (ctx.lang, ctx.cons);
    let rows = group_rows(
        lang,
        ctx.config.departments.iter().map(|d| d.name.get(lang)),
        &c.by_department,
        &c.total,
    );
    summary_table(
        doc,
        ctx.config,
        lang,
        &ctx.config.label(FieldKey::Department, lang),
        &rows,
    );
    let focus_total = c
        .by_focus_area
        .iter()
        .fold(Totals::default(), |a, b| a.plus(b));
    let rows = group_rows(
        lang,
        ctx.config.focus_areas.iter().map(|f| f.name.get(lang)),
        &c.by_focus_area,
        &focus_total,
    );
    doc.heading(3, &ctx.config.labelled(lang, "out-by-focus-area"), 60.0);
    summary_table(
        doc,
        ctx.config,
        lang,
        &ctx.config.label(FieldKey::FocusArea, lang),
        &rows,
    );
    if let Some(title) = &section.chart {
        let categories: Vec<String> = ctx
            .config
            .departments
            .iter()
            .map(|d| d.name.get(lang).to_string())
            .collect();
        let series = [
            Series {
                name: ctx.config.label(FieldKey::Budget, lang),
                values: c.by_department.iter().map(|g| g.budget.euros()).collect(),
            },
            Series {
                name: ctx.config.label(FieldKey::Spent, lang),
                values: c.by_department.iter().map(|g| g.spent.euros()).collect(),
            },
        ];
        let fmt = ctx.euros();
        let chart = Chart {
            categories: &categories,
            series: &series,
            stacking: Stacking::Grouped,
            format: &fmt,
        };
        let keep = chart.horizontal_keep(doc).max(160.0);
        doc.heading(3, title, keep);
        figure(doc, lang, title, &chart, |d| chart.draw_horizontal(d));
    }
}

fn focus_areas(doc: &mut Doc, ctx: &mut Ctx) {
    let (lang, config) = (ctx.lang, ctx.config);
    // The key to the department codes of the tables below.
    let key = Message::new("report-department-key")
        .arg("field", ctx.config.label(FieldKey::Department, lang));
    doc.heading(3, &render(lang, &key), 40.0);
    let key: Vec<Vec<String>> = config
        .departments
        .iter()
        .map(|d| vec![d.code.get_ref().clone(), d.name.get(lang).to_string()])
        .collect();
    doc.table(
        &[Column::left(0.5), Column::left(4.0)],
        &[String::new(), String::new()],
        &key,
        &[],
    );
    for (i, focus) in config.focus_areas.iter().enumerate() {
        let total = ctx.cons.of_focus_area(i).count();
        let rows: Vec<Vec<String>> = ctx
            .cons
            .of_focus_area(i)
            .take(ctx.limit)
            .map(|r| {
                let m = r.measure;
                let cell = |c: Col| match c {
                    Col::Field(FieldKey::Measure) => match m.fte.filter(|f| *f > 0.0) {
                        Some(fte) => format!(
                            "{} ({})",
                            m.name,
                            lang.decimal(fte, if fte.fract() == 0.0 { 0 } else { 1 })
                        ),
                        None => m.name.to_string(),
                    },
                    Col::Field(FieldKey::Department) => {
                        config.departments[m.department].code.get_ref().clone()
                    }
                    Col::Field(FieldKey::Areas) => m
                        .areas
                        .iter()
                        .map(|&a| config.areas[a].name.get(lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                    Col::Field(FieldKey::Status) => m
                        .status
                        .map(|s| config.statuses[s].name.get(lang).to_string())
                        .unwrap_or_default(),
                    Col::Field(FieldKey::Budget) => lang.euros(m.budget),
                    Col::Field(FieldKey::Spent) => {
                        m.spent.map(|s| lang.euros(s)).unwrap_or_default()
                    }
                    Col::Utilisation => match m.spent {
                        Some(s) if m.budget.0 > 0 => lang.percent(s.0 as f64 / m.budget.0 as f64),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                REPORT_MEASURES.map(cell).to_vec()
            })
            .collect();
        let heading = format!("{} {}", focus.code.get_ref(), focus.name.get(lang));
        // Kept with the table's header and first row.
        doc.heading(2, &heading, 90.0);
        doc.bookmark(2, &heading);
        ctx.toc.push((2, heading, doc.page_index()));
        if rows.is_empty() {
            doc.paragraph("–", Style::BODY, 0.0);
            continue;
        }
        // Beyond each column's longest word, the room goes to the names.
        let columns = [
            Column::left(5.0),
            Column::left(0.1),
            Column::left(0.8),
            Column::left(0.2),
            Column::right(0.05),
            Column::right(0.05),
            Column::right(0.05),
        ];
        let header = REPORT_MEASURES.map(|c| config.column_header(c, lang));
        // Seven columns: smaller text, and the figures' headers wrap, so
        // the names keep room.
        doc.compact_table = true;
        doc.table(&columns, &header, &rows, &[]);
        doc.compact_table = false;
        cut_note(doc, ctx, total);
    }
}

/// The closing line of a list that shows `ctx.limit` of its `total` rows.
fn cut_note(doc: &mut Doc, ctx: &Ctx, total: usize) {
    if total > ctx.limit {
        let line = Message::new("out-list-cut").count("n", total - ctx.limit);
        doc.paragraph(&render(ctx.lang, &line), Style::SMALL, 0.0);
    }
}

fn areas(doc: &mut Doc, ctx: &Ctx, section: &Section) {
    let (lang, config, c) = (ctx.lang, ctx.config, ctx.cons);
    let mut per_area: Vec<(usize, f64, f64)> = vec![(0, 0.0, 0.0); config.areas.len()];
    let mut listed: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for s in &c.area_shares {
        let m = c.rows[s.row].measure;
        let e = &mut per_area[s.area];
        e.0 += 1;
        e.1 += m.budget.euros() * s.share;
        e.2 += m.spent.unwrap_or_default().euros() * s.share;
        listed.entry(s.area).or_default().push(s.row);
    }
    let fmt = ctx.euros();
    let rows: Vec<Vec<String>> = config
        .areas
        .iter()
        .zip(&per_area)
        .map(|(a, (n, b, s))| {
            vec![
                a.name.get(lang).to_string(),
                lang.integer(*n as i64),
                fmt(*b),
                fmt(*s),
            ]
        })
        .collect();
    let columns = label_and_figures(3);
    let header = [
        config.label(FieldKey::Areas, lang),
        text(lang, "out-col-measures"),
        config.label(FieldKey::Budget, lang),
        config.label(FieldKey::Spent, lang),
    ];
    doc.table(&columns, &header, &rows, &[]);
    if let Some(title) = &section.chart {
        let categories: Vec<String> = config
            .areas
            .iter()
            .map(|a| a.name.get(lang).to_string())
            .collect();
        let series = [Series {
            name: config.label(FieldKey::Budget, lang),
            values: per_area.iter().map(|a| a.1).collect(),
        }];
        let chart = Chart {
            categories: &categories,
            series: &series,
            stacking: Stacking::Grouped,
            format: &fmt,
        };
        let keep = chart.horizontal_keep(doc).max(140.0);
        doc.heading(3, title, keep);
        figure(doc, lang, title, &chart, |d| chart.draw_horizontal(d));
    }
    let line = |r: usize| {
        let m = c.rows[r].measure;
        let status = m
            .status
            .map(|s| config.statuses[s].name.get(lang))
            .unwrap_or("");
        let code = config.departments[m.department].code.get_ref();
        format!("{} ({code}, {status})", m.name)
    };
    for (area, rows) in listed {
        // The heading kept with the list's first item, however tall.
        let first = rows
            .first()
            .map_or(0.0, |&r| doc.list_keep("•", &line(r), Style::BODY, 8.0));
        doc.heading(3, config.areas[area].name.get(lang), first.max(30.0));
        doc.open(Tag::L);
        for &r in rows.iter().take(ctx.limit) {
            doc.list_item("•", &line(r), Style::BODY, 8.0);
        }
        doc.close();
        cut_note(doc, ctx, rows.len());
        doc.space(4.0);
    }
}

fn impact_stories(doc: &mut Doc, ctx: &Ctx) {
    let (lang, config) = (ctx.lang, ctx.config);
    let stories: Vec<(&crate::model::Measure, &str)> = ctx
        .cons
        .rows
        .iter()
        .filter_map(|r| {
            let story = r.measure.impact_story.as_deref()?;
            (!story.trim().is_empty()).then_some((r.measure, story))
        })
        .collect();
    for &(m, story) in stories.iter().take(ctx.limit) {
        doc.heading(2, &m.name, 40.0);
        let dept = config.departments[m.department].name.get(lang);
        doc.paragraph(dept, Style::SMALL, 0.0);
        doc.space(3.0);
        doc.paragraph(
            story,
            Style {
                size: 10.0,
                ..Style::BODY
            },
            0.0,
        );
    }
    cut_note(doc, ctx, stories.len());
    if stories.is_empty() {
        doc.paragraph("–", Style::BODY, 0.0);
    }
}

fn year_over_year(doc: &mut Doc, ctx: &Ctx, section: &Section) {
    let Some(cmp) = ctx.comparison else { return };
    let (lang, config) = (ctx.lang, ctx.config);
    let prev = cmp
        .previous_year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "–".into());
    let fmt = ctx.euros();
    if let Some(title) = &section.chart {
        doc.heading(3, title, 200.0);
        let categories = vec![prev.clone(), ctx.year.clone()];
        let series = [Series {
            name: config.label(FieldKey::Budget, lang),
            values: vec![cmp.total.0.euros(), cmp.total.1.euros()],
        }];
        let chart = Chart {
            categories: &categories,
            series: &series,
            stacking: Stacking::Grouped,
            format: &fmt,
        };
        figure(doc, lang, title, &chart, |d| chart.draw_vertical(d, 150.0));
    }
    doc.heading(3, &text(lang, "out-cmp-counts"), 60.0);
    figures_table(
        doc,
        vec![
            (text(lang, "out-cmp-added"), cmp.added.len().to_string()),
            (text(lang, "out-cmp-ended"), cmp.ended.len().to_string()),
            (text(lang, "out-cmp-carried"), cmp.carried.len().to_string()),
            (
                ctx.config.labelled(lang, "out-cmp-status-changes"),
                cmp.status_changes().count().to_string(),
            ),
        ],
    );
    // How statuses moved: counts per (earlier, new) pair.
    let mut moves: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (p, c) in cmp.status_changes() {
        if let (Some(a), Some(b)) = (p.status, c.status) {
            *moves.entry((a, b)).or_default() += 1;
        }
    }
    if !moves.is_empty() {
        doc.heading(
            3,
            &ctx.config.labelled(lang, "out-cmp-status-changes"),
            60.0,
        );
        let rows: Vec<Vec<String>> = moves
            .iter()
            .map(|((a, b), n)| {
                vec![
                    config.statuses[*a].name.get(lang).to_string(),
                    config.statuses[*b].name.get(lang).to_string(),
                    n.to_string(),
                ]
            })
            .collect();
        let columns = [Column::left(3.0), Column::left(3.0), Column::right(1.0)];
        let header = [
            render(
                lang,
                &Message::new("out-col-prev-status")
                    .arg("field", config.label(FieldKey::Status, lang)),
            ),
            render(
                lang,
                &Message::new("out-col-new-status")
                    .arg("field", config.label(FieldKey::Status, lang)),
            ),
            text(lang, "out-col-measures"),
        ];
        doc.table(&columns, &header, &rows, &[]);
    }
    doc.heading(3, &ctx.config.labelled(lang, "out-cmp-budget-dept"), 60.0);
    let mut rows: Vec<Vec<String>> = config
        .departments
        .iter()
        .zip(&cmp.by_department)
        .map(|(d, (a, b))| {
            vec![
                d.name.get(lang).to_string(),
                lang.euros(*a),
                lang.euros(*b),
                change_text(lang, *a, *b),
            ]
        })
        .collect();
    rows.push(vec![
        text(lang, "out-total"),
        lang.euros(cmp.total.0),
        lang.euros(cmp.total.1),
        change_text(lang, cmp.total.0, cmp.total.1),
    ]);
    let columns = label_and_figures(3);
    let header = [
        config.label(FieldKey::Department, lang),
        prev,
        ctx.year.clone(),
        text(lang, "out-col-change-pct"),
    ];
    let last = rows.len() - 1;
    doc.table(&columns, &header, &rows, &[last]);
}

fn change_text(lang: Lang, a: crate::model::parse::Cents, b: crate::model::parse::Cents) -> String {
    match change_ratio(a, b) {
        Some(r) if r >= 0.0 => format!("+{}", lang.percent(r)),
        Some(r) => lang.percent(r),
        None => "–".into(),
    }
}

fn appendix(doc: &mut Doc, ctx: &Ctx) {
    let lang = ctx.lang;
    let rows: Vec<Vec<String>> = ctx
        .run
        .submissions
        .iter()
        .map(|s| {
            vec![
                file_name(&s.file.display),
                ctx.lang.integer(s.rows_read as i64),
                s.sha256.clone().unwrap_or_default(),
            ]
        })
        // The earlier years' workbooks the comparison and the trend are
        // made with.
        .chain(
            ctx.comparison
                .map_or(&[][..], |c| c.earlier)
                .iter()
                .map(|p| {
                    let s = &p.source;
                    vec![
                        p.path.clone(),
                        ctx.lang.integer(s.rows_read as i64),
                        s.sha256.clone().unwrap_or_default(),
                    ]
                }),
        )
        .collect();
    let columns = [Column::left(2.0), Column::right(0.4), Column::left(3.0)];
    let header = [
        text(lang, "out-col-source-file"),
        text(lang, "out-col-rows"),
        text(lang, "out-col-sha256"),
    ];
    doc.table(&columns, &header, &rows, &[]);
    corrections(doc, ctx);
    let warnings: Vec<&Finding> = ctx
        .run
        .findings_sorted()
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    if !warnings.is_empty() {
        doc.heading(3, &text(lang, "out-report-warnings"), 30.0);
        // In plain language: where, and what; the codes are for the
        // terminal and JSON.
        for f in warnings.iter().take(ctx.limit) {
            let mut place = file_name(&f.file);
            if let Some(row) = f.row {
                place = crate::i18n::render(
                    ctx.lang,
                    &Message::new("report-warning-place")
                        .arg("file", place)
                        .arg("row", row.to_string()),
                );
            }
            let text = crate::i18n::findings::message(ctx.lang, f);
            let line = if place.is_empty() {
                text
            } else {
                format!("{place}: {text}")
            };
            doc.paragraph(&line, Style::SMALL, 0.0);
        }
        cut_note(doc, ctx, warnings.len());
    }
}

/// The corrections of cells recorded for the files (the web app's fix in
/// place), after the sources: file and cell, the value in the file and the
/// one read, who and when. Nothing when there are none.
fn corrections(doc: &mut Doc, ctx: &Ctx) {
    let rows: Vec<Vec<String>> = ctx
        .run
        .submissions
        .iter()
        .flat_map(|s| {
            s.corrections.iter().map(|a| {
                let c = &a.correction;
                vec![
                    format!("{}, {}!{}", file_name(&s.file.display), c.sheet, c.cell),
                    a.before.clone(),
                    c.value.clone(),
                    format!("{}, {}", c.by, c.at),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let lang = ctx.lang;
    doc.heading(3, &text(lang, "out-sources-corrections"), 30.0);
    let columns = [
        Column::left(2.0),
        Column::left(1.2),
        Column::left(1.2),
        Column::left(1.6),
    ];
    let header = [
        text(lang, "out-col-source-cell"),
        text(lang, "out-col-value-before"),
        text(lang, "out-col-value-after"),
        text(lang, "out-col-corrected-by"),
    ];
    doc.table(&columns, &header, &rows, &[]);
}

/// In a draft, the rows left out of its figures and why: every error
/// finding located to a row.
fn left_out(doc: &mut Doc, ctx: &Ctx) {
    let errors: Vec<&Finding> = ctx
        .run
        .findings_sorted()
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.row.is_some())
        .collect();
    if errors.is_empty() {
        return;
    }
    doc.heading(3, &crate::i18n::text(ctx.lang, "report-left-out"), 40.0);
    let rows: Vec<Vec<String>> = errors
        .iter()
        .take(ctx.limit)
        .map(|f| {
            vec![
                file_name(&f.file),
                f.row.map(|r| r.to_string()).unwrap_or_default(),
                crate::i18n::findings::message(ctx.lang, f),
            ]
        })
        .collect();
    let columns = [Column::left(1.5), Column::right(0.3), Column::left(4.0)];
    let header = [
        crate::i18n::text(ctx.lang, "report-left-out-file"),
        crate::i18n::text(ctx.lang, "report-left-out-row"),
        crate::i18n::text(ctx.lang, "report-left-out-why"),
    ];
    doc.table(&columns, &header, &rows, &[]);
    cut_note(doc, ctx, errors.len());
}

/// The last component of a path as the run shows it (a file, not its folders).
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or(path)
        .to_string()
}
