//! Checks across rows and files, run after every submission has been read:
//! figures against statuses, duplicates, departments, the programme budget,
//! missing submissions and the reporting year.
//!
//! The checks that compare rows see every row a submission read, also the
//! rows with an error in some cell ([`rows`]), so one run shows every problem.

pub mod checked;
mod duplicates;
pub mod printable;
mod rows;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{Config, FieldKey, Stage};
use crate::model::Measure;
use crate::model::finding::{Code, Finding};
use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};
use crate::model::parse::Cents;
use crate::reading::Submission;
use crate::reading::schema::{ListKind, Schema};
use crate::text::normalise;
use rows::{Fields, RowView, all_rows, rows};

/// A finding located at a measure's name cell.
fn at_measure(sub: &Submission, m: &Measure, code: Code, message: Message) -> Finding {
    let mut f = Finding::file(code, &sub.file.display, message);
    f.sheet = sub.sheet.clone();
    f.cell = Some(m.source_cell.to_string());
    f.row = Some(m.source.row);
    f
}

/// A finding located at a row's name cell (or the row alone, when the
/// sheet has no name column).
fn at_row(r: &RowView, code: Code, message: Message) -> Finding {
    let mut f = Finding::file(code, &r.sub.file.display, message);
    f.sheet = r.sub.sheet.clone();
    f.cell = (!r.cell.is_empty()).then(|| r.cell.to_string());
    f.row = Some(r.row);
    f
}

/// The year a run reports: the one asked for, else the most common year of
/// the rows (the latest on a tie), else none. Rows with errors count too:
/// their year was read all the same.
pub fn choose_year(subs: &[Submission], config: &Config, asked: Option<i32>) -> Option<i32> {
    if asked.is_some() {
        return asked;
    }
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for y in all_rows(subs, Fields::of(config)).filter_map(|r| r.year) {
        *counts.entry(y).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// Runs every cross-row check; returns the findings in a stable order.
/// `lang` only names a status in a `status-conflict` finding's value (the
/// reader keeps no typed text for a choice); the messages are made in each
/// output's language where they are shown.
pub fn check(subs: &[Submission], config: &Config, year: Option<i32>, lang: Lang) -> Vec<Finding> {
    let fields = Fields::of(config);
    // The checks of one submission's rows run in parallel; collecting keeps
    // the submissions' order.
    let per_file: Vec<Vec<Finding>> = subs
        .par_iter()
        .map(|sub| {
            let mut out = Vec::new();
            for r in rows(sub, fields) {
                // Not on a row with errors: an actual that did not read
                // would look like none ("valmis" without an actual).
                if let Some(m) = r.measure {
                    check_figures(sub, m, config, lang, &mut out);
                }
                check_year(&r, fields, year, &mut out);
            }
            check_departments(sub, fields, config, &mut out);
            out
        })
        .collect();
    let mut out: Vec<Finding> = per_file.into_iter().flatten().collect();
    duplicates::check_duplicates(subs, fields, config, year, &mut out);
    if let Some(y) = year {
        check_programme(subs, fields, config, y, &mut out);
    }
    out
}

/// A row of another year than the one reported, at its year cell (where
/// the sheet has a year column; else at the row's measure name).
fn check_year(r: &RowView, fields: Fields, year: Option<i32>, out: &mut Vec<Finding>) {
    if let (Some(y), Some(my)) = (year, r.year)
        && y != my
    {
        // Years as text: a year is not grouped like a count (2 021).
        let msg = Message::new("check-wrong-year")
            .arg("value", my.to_string())
            .arg("year", y.to_string());
        let mut f = at_row(r, Code::WrongYear, msg)
            .field(FieldKey::Year)
            .value(my.to_string())
            .hint(Message::new("check-wrong-year.hint"));
        if let Some(col) = fields
            .year
            .and_then(|i| r.sub.columns.iter().find(|(_, g)| *g == i))
            .map(|(c, _)| *c)
        {
            f.cell = Some(crate::text::a1(r.row.saturating_sub(1), col));
        }
        out.push(f);
    }
}

/// A column's header in each language as the programme configures it (or
/// the field's English name where it configures none), for findings that
/// name a column: the words are the programme's, not kooste's (issue 21).
fn label(config: &Config, key: FieldKey) -> Arg {
    match config.field(key) {
        Some(f) => Arg::from(&f.header),
        None => Arg::from(key.fallback_header()),
    }
}

/// Actual above budget; statuses that contradict the figures.
fn check_figures(
    sub: &Submission,
    m: &Measure,
    config: &Config,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    if let Some(spent) = m.spent
        && spent > m.budget
    {
        let msg = Message::new("check-spent-exceeds-budget")
            .arg("spent_field", label(config, FieldKey::Spent))
            .arg("budget_field", label(config, FieldKey::Budget))
            .arg("spent", spent)
            .arg("budget", m.budget)
            .arg("diff", spent - m.budget);
        out.push(
            at_measure(sub, m, Code::SpentExceedsBudget, msg)
                .field(FieldKey::Spent)
                .hint(Message::new("check-spent-exceeds-budget.hint")),
        );
    }
    let Some(status) = m.status.map(|i| &config.statuses[i]) else {
        return;
    };
    let stage = status.stage.as_ref().map(|s| *s.get_ref());
    let spent = m.spent.unwrap_or_default();
    let (msg, hint) = match stage {
        Some(Stage::Completed) if spent == Cents(0) && m.budget > Cents(0) => (
            Message::new("check-completed-without-spend"),
            Message::new("check-completed-without-spend.hint"),
        ),
        Some(Stage::Planning) if spent.0 * 2 > m.budget.0 && spent > Cents(0) => (
            Message::new("check-planning-with-spend"),
            Message::new("check-planning-with-spend.hint"),
        ),
        _ => return,
    };
    let fields = |m: Message| {
        m.arg("status_field", label(config, FieldKey::Status))
            .arg("spent_field", label(config, FieldKey::Spent))
            .arg("budget_field", label(config, FieldKey::Budget))
    };
    let hint = fields(hint);
    let msg = fields(msg)
        .arg("status", &status.name)
        .arg("spent", spent)
        .arg("budget", m.budget);
    // The value names the status in the run's language: the reader keeps
    // no typed text for a choice.
    out.push(
        at_measure(sub, m, Code::StatusConflict, msg)
            .field(FieldKey::Status)
            .value(status.name.get(lang))
            .hint(hint),
    );
}

/// One file, one department: its rows agree with each other and with the
/// department its title rows name.
fn check_departments(sub: &Submission, fields: Fields, config: &Config, out: &mut Vec<Finding>) {
    let mut seen: Vec<usize> = rows(sub, fields).filter_map(|r| r.department).collect();
    seen.sort_unstable();
    seen.dedup();
    let title_dept = title_department(&sub.title, config);
    if seen.len() > 1 {
        let codes: Vec<Arg> = seen
            .iter()
            .map(|&d| Arg::from(config.departments[d].code.get_ref()))
            .collect();
        let mut f = Finding::file(
            Code::DepartmentMismatch,
            &sub.file.display,
            Message::new("check-several-departments")
                .arg("field", label(config, FieldKey::Department))
                .arg("values", Arg::List(codes)),
        );
        f.sheet = sub.sheet.clone();
        out.push(
            f.field(FieldKey::Department)
                .hint(Message::new("check-several-departments.hint")),
        );
    }
    if let Some(td) = title_dept {
        for r in rows(sub, fields) {
            let Some(d) = r.department.filter(|&d| d != td) else {
                continue;
            };
            let msg = Message::new("check-title-department")
                .arg("field", label(config, FieldKey::Department))
                .arg("value", config.departments[d].code.get_ref())
                .arg("department", config.departments[td].code.get_ref());
            out.push(
                at_row(&r, Code::DepartmentMismatch, msg)
                    .field(FieldKey::Department)
                    .hint(Message::new("check-title-department.hint")),
            );
        }
    }
}

/// The one department the title text names (by code or name), if exactly one.
pub fn title_department(title: &str, config: &Config) -> Option<usize> {
    let words = format!(
        " {} ",
        normalise(title).replace(|c: char| !c.is_alphanumeric() && c != ' ', " ")
    );
    let schema = Schema::new(config);
    let found: Vec<usize> = schema
        .list(ListKind::Department)
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.spellings()
                .any(|s| !s.is_empty() && words.contains(&format!(" {s} ")))
        })
        .map(|(i, _)| i)
        .collect();
    (found.len() == 1).then(|| found[0])
}

/// The year's budgets against the programme's; departments that sent nothing.
fn check_programme(
    subs: &[Submission],
    fields: Fields,
    config: &Config,
    year: i32,
    out: &mut Vec<Finding>,
) {
    // Every row's budget counts, also a row with a typo elsewhere: it is
    // meant for the year all the same.
    let total: Cents = all_rows(subs, fields)
        .filter(|r| r.year.is_none_or(|y| y == year))
        .filter_map(|r| r.budget)
        .sum();
    let budget = Cents::from_euros(config.annual_budget()).unwrap_or_default();
    if total > budget {
        let msg = Message::new("check-budget-exceeds-programme")
            .arg("year", year.to_string())
            .arg("total", total)
            .arg("budget", budget)
            .arg("diff", total - budget);
        out.push(
            Finding::file(Code::BudgetExceedsProgramme, "", msg)
                .field(FieldKey::Budget)
                .hint(
                    Message::new("check-budget-exceeds-programme.hint")
                        .arg("field", label(config, FieldKey::Budget)),
                ),
        );
    }
    // Checking one department's file says nothing about the others; a run
    // with two or more departments is a consolidation, where a gap matters.
    let mut present: Vec<usize> = subs
        .iter()
        .filter_map(|s| {
            rows(s, fields)
                .filter(|r| r.year.is_none_or(|y| y == year))
                .find_map(|r| r.department)
        })
        .collect();
    present.sort_unstable();
    present.dedup();
    if present.len() < 2 {
        return;
    }
    for (i, d) in config.departments.iter().enumerate() {
        if !present.contains(&i) {
            let msg = Message::new("check-missing-submission")
                .arg("department", d.code.get_ref())
                .arg("name", &d.name)
                .arg("year", year.to_string());
            out.push(
                Finding::file(Code::MissingSubmission, "", msg)
                    .field(FieldKey::Department)
                    .hint(Message::new("check-missing-submission.hint")),
            );
        }
    }
}
