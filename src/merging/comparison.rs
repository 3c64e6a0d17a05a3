//! Year over year: an earlier consolidated workbook written by kooste is read
//! back (the round trip) and compared with this year's measures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::Error;
use crate::model::Measure;
use crate::model::finding::{Code, Severity};
use crate::model::lang::Lang;
use crate::model::parse::Cents;
use crate::reading::schema::Schema;
use crate::reading::{InputFile, read_submission_from};
use crate::text::{name_key, normalise};

/// The consolidated workbook's measures sheet in each language, to find it
/// in an earlier year's workbook. Kept here as data rather than read from
/// the translations: a translator who renames the sheet (`out-sheet-measures`)
/// must not stop kooste reading last year's workbooks; a test holds each
/// language's current name in this list.
pub const MEASURE_SHEETS: [&str; 3] = ["Toimenpiteet", "Åtgärder", "Measures"];

/// The custom document property in which a consolidated workbook records
/// its programme's code, beside [`crate::reading::PROPERTY`].
pub const PROGRAMME_PROPERTY: &str = "kooste-programme";

/// The property that records the programme's name (in Finnish, as
/// configured), with [`PROGRAMME_PROPERTY`] the programme's identity.
pub const PROGRAMME_NAME_PROPERTY: &str = "kooste-programme-name";

/// The property that records the year a consolidated workbook reports.
pub const YEAR_PROPERTY: &str = "kooste-year";

/// The measures of an earlier year.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The file, as given (or found in a folder given), as shown.
    pub path: String,
    /// The file itself, to keep an output from overwriting it.
    pub file: PathBuf,
    /// The option that named it (`--previous`, `--from`).
    pub option: &'static str,
    /// Its year: the one it records, or (a workbook of an older kooste)
    /// the most common year of its rows.
    pub year: Option<i32>,
    /// Its measures.
    pub measures: Vec<Measure>,
    /// What it was read as, for the sources: its SHA-256, format, sheet,
    /// header row and rows read.
    pub source: crate::reading::Submission,
}

/// Reads the consolidated workbook of an earlier year that `option`
/// (`--previous`, `--from`) names. It must be one kooste wrote (its
/// `kooste` property says `consolidated`) for the configuration's
/// programme; its year is checked against the run's by
/// [`Previous::check_year`].
pub fn read_previous(
    path: &Path,
    config: &Config,
    lang: Lang,
    limits: crate::reading::Limits,
    option: &'static str,
) -> Result<Previous, Error> {
    let mut schema = Schema::new(config);
    schema.limits = limits;
    let file = InputFile {
        display: path.display().to_string(),
        path: path.to_path_buf(),
    };
    if !path.is_file() {
        return Err(Error::NoPrevious { path: file.display });
    }
    let bytes = std::fs::read(path).map_err(|_| Error::NoPrevious {
        path: file.display.clone(),
    })?;
    let property = |name| crate::reading::custom_property(&bytes, name).map(|v| unescape(&v));
    if property(crate::reading::PROPERTY).as_deref()
        != Some(crate::reading::OutputKind::Consolidated.mark())
    {
        return Err(Error::PreviousNotConsolidated {
            path: file.display,
            option,
        });
    }
    let code = property(PROGRAMME_PROPERTY);
    let name = property(PROGRAMME_NAME_PROPERTY);
    let recorded_year = property(YEAR_PROPERTY).and_then(|y| y.trim().parse::<i32>().ok());
    drop(bytes);
    // A workbook of an older kooste records neither; it is taken as it is.
    if code.is_some() || name.is_some() {
        let p = &config.programme;
        let same_code = code.as_deref().map(str::trim) == Some(p.code.trim());
        let same_name = name
            .as_deref()
            .is_some_and(|n| p.name.all().iter().any(|c| normalise(c) == normalise(n)));
        if !(same_code && same_name) {
            return Err(Error::PreviousOtherProgramme {
                path: file.display,
                option,
                theirs: format!(
                    "{} ({})",
                    name.unwrap_or_default(),
                    code.unwrap_or_default()
                ),
                ours: format!("{} ({})", p.name.get(lang), p.code),
            });
        }
    }
    let mut sub = read_submission_from(0, &file, &schema, &MEASURE_SHEETS);
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
    let year = recorded_year.or_else(|| {
        let mut years: HashMap<i32, usize> = HashMap::new();
        for y in sub.measures.iter().filter_map(|m| m.year) {
            *years.entry(y).or_default() += 1;
        }
        years
            .into_iter()
            .max_by_key(|(y, n)| (*n, *y))
            .map(|(y, _)| y)
    });
    let measures = std::mem::take(&mut sub.measures);
    sub.findings.clear();
    sub.partial.clear();
    Ok(Previous {
        path: file.display,
        file: file.path,
        option,
        year,
        measures,
        source: sub,
    })
}

/// The five entities XML escapes in a property's text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

impl Previous {
    /// Refuses a workbook that is not of a year before `current` (the
    /// year reported, or the templates' year).
    pub fn check_year(&self, current: Option<i32>) -> Result<(), Error> {
        match (self.year, current) {
            (Some(year), Some(current)) if year >= current => Err(Error::PreviousNotEarlier {
                path: self.path.clone(),
                option: self.option,
                year,
                current,
            }),
            _ => Ok(()),
        }
    }
}

/// The earlier years' consolidated workbooks that `--previous` names
/// (given once, several times, or naming folders): each read and checked
/// by [`read_previous`], oldest first. A folder gives its `.xlsx` files (not
/// its subfolders; Office lock files and hidden files skipped, in name
/// order), so an earlier year's output folder can be named as it is.
///
/// Errors: a path that is neither a file nor a folder holding a workbook
/// ([`Error::NoPrevious`]), any workbook [`read_previous`] refuses, and two
/// workbooks of one year ([`Error::PreviousSameYearTwice`]).
pub fn read_all_previous(
    paths: &[PathBuf],
    config: &Config,
    run: &crate::validation::checked::RunOptions,
) -> Result<Vec<Previous>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = workbooks_in(path);
            if found.is_empty() {
                return Err(Error::NoPrevious {
                    path: path.display().to_string(),
                });
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    // A file named twice (itself and through its folder) is read once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    let mut earlier = files
        .iter()
        .map(|p| read_previous(p, config, run.lang, run.limits, "--previous"))
        .collect::<Result<Vec<_>, _>>()?;
    // Stable: of an older kooste's workbooks without a year, the order given.
    earlier.sort_by_key(|p| p.year);
    for pair in earlier.windows(2) {
        if let (Some(year), true) = (pair[0].year, pair[0].year == pair[1].year) {
            return Err(Error::PreviousSameYearTwice {
                path: pair[1].path.clone(),
                other: pair[0].path.clone(),
                year,
            });
        }
    }
    Ok(earlier)
}

/// The `.xlsx` files directly in `dir`, in name order, without Office lock
/// files (`~$…`) and hidden files.
fn workbooks_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            !name.starts_with('.')
                && !name.starts_with("~$")
                && p.extension()
                    .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"))
        })
        .collect();
    found.sort();
    found
}

/// Refuses any earlier workbook that is not of a year before `current`
/// ([`Previous::check_year`]).
pub fn check_years(earlier: &[Previous], current: Option<i32>) -> Result<(), Error> {
    earlier.iter().try_for_each(|p| p.check_year(current))
}

/// The earlier workbooks as inputs, so that no output overwrites one.
pub fn input_files(earlier: &[Previous]) -> Vec<crate::reading::InputFile> {
    earlier
        .iter()
        .map(|p| crate::reading::InputFile {
            display: p.path.clone(),
            path: p.file.clone(),
        })
        .collect()
}

/// This year against an earlier one.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The earlier year.
    pub previous_year: Option<i32>,
    /// The earlier year's workbook, for the sources.
    pub previous: &'a Previous,
    /// Every earlier year's workbook given, oldest first (the last is
    /// `previous`), for the sources.
    pub earlier: &'a [Previous],
    /// The figures by year over the period, with two earlier years or more.
    pub trend: Option<super::trend::Trend>,
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
        previous,
        earlier: std::slice::from_ref(previous),
        trend: None,
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
