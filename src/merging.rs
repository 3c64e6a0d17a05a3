//! Merging: the measures of all submissions in one order, and the sums the
//! workbook and the report show.

use crate::config::Config;
use crate::model::Measure;
use crate::parse::Cents;
use crate::reading::Submission;
use crate::run::Run;

/// Sums over a group of measures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// How many measures.
    pub count: usize,
    /// Budget.
    pub budget: Cents,
    /// Actual.
    pub spent: Cents,
    /// FTE.
    pub fte: f64,
    /// People reached.
    pub reached: i64,
}

impl Totals {
    fn add(&mut self, m: &Measure) {
        self.count += 1;
        self.budget += m.budget;
        self.spent += m.spent.unwrap_or_default();
        self.fte += m.fte.unwrap_or(0.0);
        self.reached += m.reached.unwrap_or(0);
    }

    /// Actual as a share of budget, if there is a budget.
    pub fn utilisation(&self) -> Option<f64> {
        (self.budget.0 > 0).then(|| self.spent.0 as f64 / self.budget.0 as f64)
    }
}

/// One merged row: the measure and the submission it came from.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The measure.
    pub measure: &'a Measure,
    /// Its submission.
    pub source: &'a Submission,
}

/// The consolidated year.
#[derive(Debug)]
pub struct Consolidation<'a> {
    /// The year reported.
    pub year: Option<i32>,
    /// All included measures, by department (config order), then file and row.
    pub rows: Vec<Row<'a>>,
    /// Per department, in config order.
    pub by_department: Vec<Totals>,
    /// Per focus area, in config order; measures without one are left out here.
    pub by_focus_area: Vec<Totals>,
    /// Everything.
    pub total: Totals,
}

impl<'a> Consolidation<'a> {
    /// Merges a run's included measures.
    pub fn new(run: &'a Run, config: &Config) -> Consolidation<'a> {
        let mut rows: Vec<Row> = run
            .included()
            .into_iter()
            .map(|(s, m)| Row {
                measure: m,
                source: s,
            })
            .collect();
        rows.sort_by_key(|r| (r.measure.department, r.measure.source.clone()));
        let mut by_department = vec![Totals::default(); config.departments.len()];
        let mut by_focus_area = vec![Totals::default(); config.focus_areas.len()];
        let mut total = Totals::default();
        for r in &rows {
            let m = r.measure;
            by_department[m.department].add(m);
            if let Some(f) = m.focus_area {
                by_focus_area[f].add(m);
            }
            total.add(m);
        }
        Consolidation {
            year: run.year,
            rows,
            by_department,
            by_focus_area,
            total,
        }
    }

    /// The measures of one focus area, in merged order.
    pub fn of_focus_area(&self, focus: usize) -> impl Iterator<Item = &Row<'a>> {
        self.rows
            .iter()
            .filter(move |r| r.measure.focus_area == Some(focus))
    }
}
