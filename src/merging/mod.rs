//! Merging: the measures of all submissions in one order, and the sums the
//! workbook and the report show.

pub mod comparison;
pub mod trend;

use rayon::slice::ParallelSliceMut;

use crate::config::{AreaSplit, Config};
use crate::model::parse::Cents;
use crate::model::{Measure, SourceRef};
use crate::reading::Submission;
use crate::validation::checked::Run;

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

    /// The sum of two groups' figures.
    pub fn plus(&self, o: &Totals) -> Totals {
        Totals {
            count: self.count + o.count,
            budget: self.budget + o.budget,
            spent: self.spent + o.spent,
            fte: self.fte + o.fte,
            reached: self.reached + o.reached,
        }
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
    /// The measure's department and source, copied beside it: the sort and
    /// the findings' links look at these for every row, and the measures
    /// lie far apart in memory.
    pub key: (usize, SourceRef),
}

/// A measure's share in one of its areas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaShare {
    /// Index into `Consolidation::rows`.
    pub row: usize,
    /// Index into `Config::areas`.
    pub area: usize,
    /// Share of its euros counted for the area (1/k when split evenly).
    pub share: f64,
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
    /// Per status, in config order.
    pub by_status: Vec<Totals>,
    /// Budget per department (rows) and focus area (columns).
    pub matrix: Vec<Vec<Cents>>,
    /// Measure count per department (rows) and status (columns).
    pub status_matrix: Vec<Vec<usize>>,
    /// Each measure's share in each of its areas, in row order.
    pub area_shares: Vec<AreaShare>,
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
                key: (m.department, m.source),
            })
            .collect();
        // A stable sort, in parallel, on the keys beside the rows.
        rows.par_sort_by_key(|r| r.key);
        let mut by_department = vec![Totals::default(); config.departments.len()];
        let mut by_focus_area = vec![Totals::default(); config.focus_areas.len()];
        let mut by_status = vec![Totals::default(); config.statuses.len()];
        let mut matrix = vec![vec![Cents(0); config.focus_areas.len()]; config.departments.len()];
        let mut status_matrix = vec![vec![0; config.statuses.len()]; config.departments.len()];
        let mut area_shares = Vec::new();
        let mut total = Totals::default();
        for (i, r) in rows.iter().enumerate() {
            let m = r.measure;
            by_department[m.department].add(m);
            if let Some(f) = m.focus_area {
                by_focus_area[f].add(m);
                matrix[m.department][f] += m.budget;
            }
            if let Some(s) = m.status {
                by_status[s].add(m);
                status_matrix[m.department][s] += 1;
            }
            let share = match config.programme.area_split {
                AreaSplit::Even => 1.0 / m.areas.len().max(1) as f64,
                AreaSplit::Full => 1.0,
            };
            area_shares.extend(m.areas.iter().map(|&area| AreaShare {
                row: i,
                area,
                share,
            }));
            total.add(m);
        }
        Consolidation {
            year: run.year,
            rows,
            by_department,
            by_focus_area,
            by_status,
            matrix,
            status_matrix,
            area_shares,
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
