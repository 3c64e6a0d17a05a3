//! One run over a set of inputs: discover, read, check. Every command starts here.

use std::path::PathBuf;

use crate::config::Config;
use crate::error::Error;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::model::Measure;
use crate::parse::Date;
use crate::reading::{Submission, discover, read_submission};
use crate::schema::Schema;
use crate::validation;
use rayon::prelude::*;

/// What every command needs to read submissions.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Files and folders.
    pub inputs: Vec<PathBuf>,
    /// The year to report; by default the most common year of the rows.
    pub year: Option<i32>,
    /// Language of messages and outputs.
    pub lang: Lang,
    /// The date to print and embed; by default the newest input's modification date.
    pub date: Option<Date>,
    /// Caps on what one file may unpack to.
    pub limits: crate::reading::Limits,
    /// Show a progress bar on stderr (the binary sets this only on a terminal).
    pub progress: bool,
}

/// The result of reading and checking every input.
#[derive(Debug)]
pub struct Run {
    /// One per input file, in path order.
    pub submissions: Vec<Submission>,
    /// Findings across rows and files.
    pub cross: Vec<Finding>,
    /// The reported year.
    pub year: Option<i32>,
    /// The run's date.
    pub date: Date,
    /// Language.
    pub lang: Lang,
}

impl Run {
    /// Reads and checks every input.
    pub fn collect(config: &Config, opts: &RunOptions) -> Result<Run, Error> {
        let files = discover(&opts.inputs)?;
        let mut schema = Schema::new(config);
        schema.limits = opts.limits;
        // Files are read in parallel; collecting an indexed parallel iterator
        // keeps the input order, so the outputs do not depend on the threads.
        let bar = progress_bar(opts.progress, files.len());
        let submissions: Vec<Submission> = files
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                let s = read_submission(i, f, &schema, opts.lang);
                if let Some(b) = &bar {
                    b.inc(1);
                }
                s
            })
            .collect();
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        let year = validation::choose_year(&submissions, opts.year);
        let cross = validation::check(&submissions, config, year, opts.lang);
        let date = opts.date.unwrap_or_else(|| newest_mtime(&files));
        Ok(Run {
            submissions,
            cross,
            year,
            date,
            lang: opts.lang,
        })
    }

    /// Every finding: each file's in order, then the cross-file ones.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.submissions
            .iter()
            .flat_map(|s| &s.findings)
            .chain(&self.cross)
    }

    /// Every finding grouped by file (in input order) and ordered by row
    /// within a file; run-wide findings last.
    pub fn findings_sorted(&self) -> Vec<&Finding> {
        // First position of each file name; a map, as a run may hold
        // thousands of files and tens of thousands of findings.
        let mut positions: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for (i, s) in self.submissions.iter().enumerate() {
            positions.entry(s.file.display.as_str()).or_insert(i);
        }
        let mut all: Vec<&Finding> = self.findings().collect();
        // The keys (an A1 reference parsed for each) are made on every core;
        // like the standard library's, this sort keeps equal keys in order.
        all.par_sort_by_cached_key(|f| {
            (
                positions
                    .get(f.file.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                f.row.unwrap_or(0),
                f.cell
                    .as_deref()
                    .and_then(crate::text::parse_a1)
                    .map(|c| c.1)
                    .unwrap_or(0),
            )
        });
        all
    }

    /// Number of error findings.
    pub fn errors(&self) -> usize {
        self.findings()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.findings()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }

    /// Measures that go into the outputs: of the reported year, and on no row
    /// that has an error finding.
    pub fn included(&self) -> Vec<(&Submission, &Measure)> {
        // Rows with a cross-file error, by (file index, row): hashing two
        // numbers per measure rather than its file's name.
        let mut files: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
        for (i, s) in self.submissions.iter().enumerate() {
            files.entry(s.file.display.as_str()).or_default().push(i);
        }
        let bad: rustc_hash::FxHashSet<(usize, u32)> = self
            .cross
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .filter_map(|f| Some((files.get(f.file.as_str())?, f.row?)))
            .flat_map(|(ids, row)| ids.iter().map(move |&i| (i, row)))
            .collect();
        self.submissions
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.measures.iter().map(move |m| (i, s, m)))
            .filter(|(i, _, m)| bad.is_empty() || !bad.contains(&(*i, m.source.row)))
            .map(|(_, s, m)| (s, m))
            .filter(|(_, m)| self.year.is_none() || m.year.is_none() || m.year == self.year)
            .collect()
    }
}

/// A bar for runs of many files, on stderr.
fn progress_bar(wanted: bool, files: usize) -> Option<indicatif::ProgressBar> {
    (wanted && files >= 8).then(|| {
        let bar = indicatif::ProgressBar::new(files as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
        {
            bar.set_style(style);
        }
        bar
    })
}

/// The newest modification date among the inputs, so that reruns on the same
/// files embed the same date; the Unix epoch if none can be read.
fn newest_mtime(files: &[crate::reading::InputFile]) -> Date {
    let secs = files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok()?.modified().ok())
        .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .max()
        .unwrap_or(0);
    Date::from_unix(secs)
}
