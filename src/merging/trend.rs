//! The programme period: budget, actual and measures by year, per
//! department and per focus area, from the earlier years' consolidated
//! workbooks (`--previous`, repeated or a folder) and this year's
//! measures. Issue 21, item 3: the trend sheet (*Kehitys*) and the
//! report's trend section.

use super::comparison::Previous;
use super::{Consolidation, Totals};
use crate::config::Config;
use crate::model::Measure;

/// One year's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    /// The year (as its workbook records it; `None` for a workbook of an
    /// older kooste whose rows name no year).
    pub year: Option<i32>,
    /// Per department, in the configuration's order.
    pub by_department: Vec<Totals>,
    /// Per focus area, in the configuration's order (a measure without a
    /// focus area counts in the total only).
    pub by_focus_area: Vec<Totals>,
    /// The whole year: measures, budget and actual in cents.
    pub total: Totals,
}

impl YearFigures {
    fn of<'m>(
        year: Option<i32>,
        measures: impl Iterator<Item = &'m Measure>,
        config: &Config,
    ) -> Self {
        let mut figures = YearFigures {
            year,
            by_department: vec![Totals::default(); config.departments.len()],
            by_focus_area: vec![Totals::default(); config.focus_areas.len()],
            total: Totals::default(),
        };
        for m in measures {
            // A department or focus area of the earlier workbook that this
            // configuration no longer has still counts in the total.
            if let Some(d) = figures.by_department.get_mut(m.department) {
                d.add(m);
            }
            if let Some(f) = m.focus_area.and_then(|f| figures.by_focus_area.get_mut(f)) {
                f.add(m);
            }
            figures.total.add(m);
        }
        figures
    }
}

/// The figures of every year of the period, oldest first, this year last.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// One entry per year.
    pub years: Vec<YearFigures>,
}

/// Earlier years needed for a trend: with one earlier year the
/// year-on-year comparison says it all (and its outputs stay as they were).
pub const MIN_EARLIER_YEARS: usize = 2;

impl Trend {
    /// The trend over `earlier` (oldest first, each year once, as
    /// [`super::comparison::read_all_previous`] returns them) and this
    /// year's merged measures; `None` with fewer than
    /// [`MIN_EARLIER_YEARS`] earlier years.
    pub fn new(earlier: &[Previous], cons: &Consolidation, config: &Config) -> Option<Trend> {
        if earlier.len() < MIN_EARLIER_YEARS {
            return None;
        }
        let mut years: Vec<YearFigures> = earlier
            .iter()
            .map(|p| YearFigures::of(p.year, p.measures.iter(), config))
            .collect();
        years.push(YearFigures::of(
            cons.year,
            cons.rows.iter().map(|r| r.measure),
            config,
        ));
        Some(Trend { years })
    }

    /// The years as text (`–` for an unknown one): years are written
    /// without digit grouping.
    pub fn year_labels(&self) -> Vec<String> {
        self.years
            .iter()
            .map(|y| y.year.map(|y| y.to_string()).unwrap_or_else(|| "–".into()))
            .collect()
    }
}
