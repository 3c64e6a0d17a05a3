//! Year over year: an earlier consolidated workbook written by kooste is read
//! back (the round trip) and compared with this year's measures.

use std::collections::HashMap;
use std::path::Path;

use crate::config::Config;
use crate::error::Error;
use crate::model::Measure;
use crate::model::finding::{Code, Severity};
use crate::model::lang::Lang;
use crate::model::parse::Cents;
use crate::reading::schema::Schema;
use crate::reading::{InputFile, read_submission_from};
use crate::text::name_key;

/// The consolidated workbook's measures sheet in each language, to find it
/// in an earlier year's workbook. Kept here as data rather than read from
/// the translations: a translator who renames the sheet (`out-sheet-measures`)
/// must not stop kooste reading last year's workbooks; a test holds each
/// language's current name in this list.
pub const MEASURE_SHEETS: [&str; 3] = ["Toimenpiteet", "Åtgärder", "Measures"];

/// The measures of an earlier year.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The file, as given.
    pub path: String,
    /// Its year (the most common year of its rows).
    pub year: Option<i32>,
    /// Its measures.
    pub measures: Vec<Measure>,
}

/// Reads a consolidated workbook of an earlier year.
pub fn read_previous(path: &Path, config: &Config, lang: Lang) -> Result<Previous, Error> {
    let schema = Schema::new(config);
    let file = InputFile {
        display: path.display().to_string(),
        path: path.to_path_buf(),
    };
    if !path.is_file() {
        return Err(Error::NoPrevious { path: file.display });
    }
    let sub = read_submission_from(0, &file, &schema, &MEASURE_SHEETS);
    let fatal = sub.findings.iter().find(|f| {
        f.severity == Severity::Error
            && matches!(
                f.code,
                Code::UnreadableFile
                    | Code::EncryptedFile
                    | Code::NoMeasureSheet
                    | Code::MissingColumn
            )
    });
    if let Some(f) = fatal {
        return Err(Error::PreviousUnreadable {
            path: file.display,
            finding: Box::new(f.clone()),
            lang,
        });
    }
    let mut years: HashMap<i32, usize> = HashMap::new();
    for y in sub.measures.iter().filter_map(|m| m.year) {
        *years.entry(y).or_default() += 1;
    }
    let year = years
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y);
    Ok(Previous {
        path: file.display,
        year,
        measures: sub.measures,
    })
}

/// [`read_previous`] when a path was given.
pub fn read_previous_if(
    path: Option<&Path>,
    config: &Config,
    lang: Lang,
) -> Result<Option<Previous>, Error> {
    path.map(|p| read_previous(p, config, lang)).transpose()
}

/// This year against an earlier one.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The earlier year.
    pub previous_year: Option<i32>,
    /// Measures new this year.
    pub added: Vec<&'a Measure>,
    /// Measures of the earlier year not carried on.
    pub ended: Vec<&'a Measure>,
    /// Measures in both years, as (earlier, this year).
    pub carried: Vec<(&'a Measure, &'a Measure)>,
    /// Budget per department, (earlier, this year), in config order.
    pub by_department: Vec<(Cents, Cents)>,
    /// Budget per focus area, (earlier, this year), in config order.
    pub by_focus_area: Vec<(Cents, Cents)>,
    /// Total budgets (earlier, this year).
    pub total: (Cents, Cents),
}

impl Comparison<'_> {
    /// Carried-on measures whose status changed.
    pub fn status_changes(&self) -> impl Iterator<Item = &(&Measure, &Measure)> {
        self.carried.iter().filter(|(p, c)| p.status != c.status)
    }
}

fn id_key(m: &Measure) -> Option<String> {
    m.id.as_deref()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}

/// Matches measures by id, else by normalised name within a department.
pub fn compare<'a>(
    previous: &'a Previous,
    current: &[&'a Measure],
    config: &Config,
) -> Comparison<'a> {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<(usize, String), usize> = HashMap::new();
    for (i, m) in previous.measures.iter().enumerate() {
        if let Some(id) = id_key(m) {
            by_id.entry(id).or_insert(i);
        }
        by_name
            .entry((m.department, name_key(&m.name)))
            .or_insert(i);
    }
    let mut used = vec![false; previous.measures.len()];
    let mut added = Vec::new();
    let mut carried = Vec::new();
    for &m in current {
        let hit = id_key(m)
            .and_then(|id| by_id.get(&id).copied())
            .filter(|&i| !used[i])
            .or_else(|| {
                by_name
                    .get(&(m.department, name_key(&m.name)))
                    .copied()
                    .filter(|&i| !used[i])
            });
        match hit {
            Some(i) => {
                used[i] = true;
                carried.push((&previous.measures[i], m));
            }
            None => added.push(m),
        }
    }
    let ended = previous
        .measures
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| m)
        .collect();
    let mut by_department = vec![(Cents(0), Cents(0)); config.departments.len()];
    let mut by_focus_area = vec![(Cents(0), Cents(0)); config.focus_areas.len()];
    let mut total = (Cents(0), Cents(0));
    for m in &previous.measures {
        by_department[m.department].0 += m.budget;
        if let Some(f) = m.focus_area {
            by_focus_area[f].0 += m.budget;
        }
        total.0 += m.budget;
    }
    for m in current {
        by_department[m.department].1 += m.budget;
        if let Some(f) = m.focus_area {
            by_focus_area[f].1 += m.budget;
        }
        total.1 += m.budget;
    }
    Comparison {
        previous_year: previous.year,
        added,
        ended,
        carried,
        by_department,
        by_focus_area,
        total,
    }
}

/// Change from `a` to `b` as a ratio, if `a` is not zero.
pub fn change_ratio(a: Cents, b: Cents) -> Option<f64> {
    (a.0 != 0).then(|| (b.0 - a.0) as f64 / a.0 as f64)
}
