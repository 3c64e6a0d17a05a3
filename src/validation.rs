//! Checks across rows and files, run after every submission has been read:
//! figures against statuses, duplicates, departments, the programme budget,
//! missing submissions and the reporting year.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::config::{Config, Stage};
use crate::finding::{Code, Finding, Severity};
use crate::i18n::{Lang, fill};
use crate::model::Measure;
use crate::parse::Cents;
use crate::reading::Submission;
use crate::schema::{ListKind, Schema};
use crate::text::{name_key, normalise};

/// A finding located at a measure's name cell.
fn at_measure(sub: &Submission, m: &Measure, code: Code, message: String) -> Finding {
    let mut f = Finding::file(code, &sub.file.display, message);
    f.sheet = sub.sheet.clone();
    f.cell = Some(m.source_cell.to_string());
    f.row = Some(m.source.row);
    f
}

/// The year a run reports: the one asked for, else the most common year of
/// the rows (the latest on a tie), else none.
pub fn choose_year(subs: &[Submission], asked: Option<i32>) -> Option<i32> {
    if asked.is_some() {
        return asked;
    }
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for m in subs.iter().flat_map(|s| &s.measures) {
        if let Some(y) = m.year {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// Runs every cross-row check; returns the findings in a stable order.
pub fn check(subs: &[Submission], config: &Config, year: Option<i32>, lang: Lang) -> Vec<Finding> {
    // The checks of one submission's rows run in parallel; collecting keeps
    // the submissions' order.
    let per_file: Vec<Vec<Finding>> = subs
        .par_iter()
        .map(|sub| {
            let mut out = Vec::new();
            for m in &sub.measures {
                check_figures(sub, m, config, lang, &mut out);
                check_year(sub, m, year, lang, &mut out);
            }
            check_departments(sub, config, lang, &mut out);
            out
        })
        .collect();
    let mut out: Vec<Finding> = per_file.into_iter().flatten().collect();
    check_duplicates(subs, config, year, lang, &mut out);
    if let Some(y) = year {
        check_programme(subs, config, y, lang, &mut out);
    }
    out
}

/// A row of another year than the one reported.
fn check_year(
    sub: &Submission,
    m: &Measure,
    year: Option<i32>,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    if let (Some(y), Some(my)) = (year, m.year)
        && y != my
    {
        let t = lang.texts();
        let f = at_measure(
            sub,
            m,
            Code::WrongYear,
            fill(
                t.wrong_year,
                &[("value", &my.to_string()), ("year", &y.to_string())],
            ),
        );
        out.push(
            f.field("year")
                .value(my.to_string())
                .hint(t.wrong_year_hint),
        );
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
    let t = lang.texts();
    if let Some(spent) = m.spent
        && spent > m.budget
    {
        let msg = fill(
            t.spent_exceeds,
            &[
                ("spent", &lang.euros_exact(spent)),
                ("budget", &lang.euros_exact(m.budget)),
                ("diff", &format!("+{}", lang.euros_exact(spent - m.budget))),
            ],
        );
        out.push(
            at_measure(sub, m, Code::SpentExceedsBudget, msg)
                .field("spent_eur")
                .hint(t.spent_exceeds_hint),
        );
    }
    let Some(status) = m.status.map(|i| &config.statuses[i]) else {
        return;
    };
    let stage = status.stage.as_ref().map(|s| *s.get_ref());
    let name = status.name.get(lang);
    let spent = m.spent.unwrap_or_default();
    let msg = match stage {
        Some(Stage::Completed) if spent == Cents(0) && m.budget > Cents(0) => {
            Some(fill(t.completed_no_spend, &[("status", name)]))
        }
        Some(Stage::Planning) if spent.0 * 2 > m.budget.0 && spent > Cents(0) => Some(fill(
            t.planning_spent,
            &[
                ("status", name),
                ("spent", &lang.euros_exact(spent)),
                ("budget", &lang.euros_exact(m.budget)),
            ],
        )),
        _ => None,
    };
    if let Some(msg) = msg {
        out.push(
            at_measure(sub, m, Code::StatusConflict, msg)
                .field("status")
                .value(name)
                .hint(t.status_hint),
        );
    }
}

/// One file, one department: its rows agree with each other and with the
/// department its title rows name.
fn check_departments(sub: &Submission, config: &Config, lang: Lang, out: &mut Vec<Finding>) {
    let t = lang.texts();
    let mut seen: Vec<usize> = sub.measures.iter().map(|m| m.department).collect();
    seen.sort_unstable();
    seen.dedup();
    let title_dept = title_department(&sub.title, config);
    if seen.len() > 1 {
        let names: Vec<&str> = seen
            .iter()
            .map(|&d| config.departments[d].code.get_ref().as_str())
            .collect();
        let mut f = Finding::file(
            Code::DepartmentMismatch,
            &sub.file.display,
            fill(t.several_departments, &[("values", &names.join(", "))]),
        );
        f.sheet = sub.sheet.clone();
        out.push(f.field("department").hint(t.department_hint));
    }
    if let Some(td) = title_dept {
        for m in sub.measures.iter().filter(|m| m.department != td) {
            let msg = fill(
                t.title_department,
                &[
                    ("value", config.departments[m.department].code.get_ref()),
                    ("department", config.departments[td].code.get_ref()),
                ],
            );
            out.push(
                at_measure(sub, m, Code::DepartmentMismatch, msg)
                    .field("department")
                    .hint(t.department_hint),
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

/// The same measure name twice: an error within a department, a warning across.
fn check_duplicates(
    subs: &[Submission],
    config: &Config,
    year: Option<i32>,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    let t = lang.texts();
    let counted = |m: &Measure| !(year.is_some() && m.year.is_some() && m.year != year);
    let (hashes, repeated) = name_hashes(subs, counted);
    // Name → its first measure and any later ones; most names are seen once,
    // so the first is kept without a list of its own.
    type Seen<'s> = (&'s Submission, &'s Measure);
    let mut seen: FxHashMap<String, (Seen, Vec<Seen>)> = FxHashMap::default();
    for (sub, hashes) in subs.iter().zip(hashes) {
        for (m, hash) in sub.measures.iter().zip(hashes) {
            if !counted(m) || !repeated.contains(&hash) {
                continue;
            }
            let (first, later) = match seen.entry(name_key(&m.name)) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(((sub, m), Vec::new()));
                    continue;
                }
                std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            };
            let same_dept = std::iter::once(&*first)
                .chain(later.iter())
                .find(|(_, e)| e.department == m.department);
            let other = |s: &Submission, e: &Measure| {
                if std::ptr::eq(s, sub) {
                    return e.source_cell.to_string();
                }
                format!(
                    "{}!{}!{}",
                    s.file.display,
                    s.sheet.as_deref().unwrap_or(""),
                    e.source_cell
                )
            };
            if let Some((s, e)) = same_dept {
                let msg = fill(
                    t.duplicate_measure,
                    &[("value", &m.name), ("other", &other(s, e))],
                );
                out.push(
                    at_measure(sub, m, Code::DuplicateMeasure, msg)
                        .field("measure")
                        .value(m.name.clone())
                        .hint(t.duplicate_measure_hint),
                );
            } else {
                let (s, e) = first;
                let msg = fill(
                    t.duplicate_measure_other,
                    &[
                        ("value", &m.name),
                        (
                            "department",
                            config.departments[e.department].code.get_ref(),
                        ),
                        ("other", &other(s, e)),
                    ],
                );
                let f = at_measure(sub, m, Code::DuplicateMeasure, msg).severity(Severity::Warning);
                out.push(
                    f.field("measure")
                        .value(m.name.clone())
                        .hint(t.duplicate_measure_hint),
                );
            }
            later.push((sub, m));
        }
    }
}

/// A hash of each measure's name key (per submission), and the hashes that
/// occur more than once among the `counted` measures.
///
/// Normalising the names is the costly part; it runs in parallel, and only a
/// hash of each is kept: a name whose hash occurs once cannot repeat, so only
/// the others are compared by their normalised text. (A million names would
/// otherwise hold a few hundred MB of keys.)
fn name_hashes(
    subs: &[Submission],
    counted: impl Fn(&Measure) -> bool,
) -> (Vec<Vec<u64>>, rustc_hash::FxHashSet<u64>) {
    let hashes: Vec<Vec<u64>> = subs
        .par_iter()
        .map(|s| s.measures.iter().map(|m| key_hash(&m.name)).collect())
        .collect();
    let mut sorted: Vec<u64> = subs
        .iter()
        .zip(&hashes)
        .flat_map(|(s, h)| s.measures.iter().zip(h))
        .filter(|(m, _)| counted(m))
        .map(|(_, h)| *h)
        .collect();
    sorted.par_sort_unstable();
    let repeated = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    (hashes, repeated)
}

/// A hash of a name's duplicate key ([`name_key`]), made without the key.
fn key_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    crate::text::name_key_chars(name, |c| h.write_u32(c as u32));
    h.finish()
}

/// The year's budgets against the programme's; departments that sent nothing.
fn check_programme(
    subs: &[Submission],
    config: &Config,
    year: i32,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    let t = lang.texts();
    let of_year = || {
        subs.iter()
            .flat_map(|s| &s.measures)
            .filter(|m| m.year.is_none_or(|y| y == year))
    };
    let total: Cents = of_year().map(|m| m.budget).sum();
    let budget = Cents::from_euros(config.annual_budget()).unwrap_or_default();
    if total > budget {
        let msg = fill(
            t.budget_exceeds,
            &[
                ("year", &year.to_string()),
                ("total", &lang.euros_exact(total)),
                ("budget", &lang.euros_exact(budget)),
                ("diff", &lang.euros_exact(total - budget)),
            ],
        );
        out.push(
            Finding::file(Code::BudgetExceedsProgramme, "", msg)
                .field("budget_eur")
                .hint(t.budget_exceeds_hint),
        );
    }
    // Checking one department's file says nothing about the others; a run
    // with two or more departments is a consolidation, where a gap matters.
    let mut present: Vec<usize> = subs
        .iter()
        .filter_map(|s| s.measures.iter().find(|m| m.year.is_none_or(|y| y == year)))
        .map(|m| m.department)
        .collect();
    present.sort_unstable();
    present.dedup();
    if present.len() < 2 {
        return;
    }
    for (i, d) in config.departments.iter().enumerate() {
        if !present.contains(&i) {
            let msg = fill(
                t.missing_submission,
                &[
                    (
                        "department",
                        &format!("{} ({})", d.code.get_ref(), d.name.get(lang)),
                    ),
                    ("year", &year.to_string()),
                ],
            );
            out.push(
                Finding::file(Code::MissingSubmission, "", msg)
                    .field("department")
                    .hint(t.missing_submission_hint),
            );
        }
    }
}
