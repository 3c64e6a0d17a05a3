//! One run over a set of inputs: discover, read, check. Every command starts here.

use std::path::PathBuf;

use crate::config::Config;
use crate::error::Error;
use crate::model::finding::{Code, Finding, Severity};
use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};
use crate::model::parse::Date;
use crate::model::{Measure, Tally};
use crate::reading::schema::Schema;
use crate::reading::{
    InputFile, Submission, discover_all, read_submission, read_submission_adjusted,
};
use crate::validation;
use rayon::prelude::*;

/// What every command needs to read submissions. The default reads
/// nothing, in Finnish, with the default limits, quietly: callers name
/// what they set (`RunOptions { inputs, ..Default::default() }`).
#[derive(Debug, Clone, Default)]
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
    /// Below each finding printed as text, another library's own words
    /// about it (`Finding::detail`), as `--verbose` asks.
    pub verbose: bool,
    /// Per input file (by its path as found), header spellings and cell
    /// corrections to read it with, the file untouched (the web app's
    /// matched columns and corrections); empty on the command line.
    pub adjust: crate::reading::AdjustmentsByFile,
    /// Per input file (by its path as found), the name it is shown by in
    /// the findings and every output instead of its path (the web app
    /// reads scratch copies of the stored files, and shows each by the
    /// name the department sent); empty on the command line. The names
    /// must differ from each other and from the other inputs' paths, as a
    /// finding is matched to its file by the name shown.
    pub names: std::collections::BTreeMap<PathBuf, String>,
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
    /// Whether findings printed as text show their detail (`--verbose`).
    pub verbose: bool,
}

impl Run {
    /// Reads and checks every input.
    pub fn collect(config: &Config, opts: &RunOptions) -> Result<Run, Error> {
        let (mut files, unread) = discover_all(&opts.inputs)?;
        // Renamed after the listing is sorted: the order stays the paths'.
        for f in &mut files {
            if let Some(name) = opts.names.get(&f.path) {
                f.display.clone_from(name);
            }
        }
        let mut schema = Schema::new(config);
        schema.limits = opts.limits;
        schema.year = opts.year;
        // Files are read in parallel; collecting an indexed parallel iterator
        // keeps the input order, so the outputs do not depend on the threads.
        let bar = progress_bar(opts.progress, files.len());
        let submissions: Vec<Submission> = files
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                let s = match opts.adjust.get(&f.path) {
                    Some(a) if !a.is_empty() => read_submission_adjusted(i, f, &schema, a),
                    _ => read_submission(i, f, &schema),
                };
                if let Some(b) = &bar {
                    b.inc(1);
                }
                s
            })
            .collect();
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        let (submissions, mut cross) = set_aside_own_outputs(submissions);
        cross.extend(unread.iter().map(crate::reading::unread_file));
        let (submissions, duplicates) = set_aside_duplicate_files(submissions);
        cross.extend(duplicates);
        let year = validation::choose_year(&submissions, config, opts.year);
        // A workbook with a sheet per year was read on its latest year's
        // sheet (or one named for no year); where the run's year is another
        // that it has a sheet for, it is read again on that one.
        let submissions = match year {
            Some(y) if opts.year.is_none() => {
                reread_on_year_sheet(submissions, &files, &schema, opts, y)
            }
            _ => submissions,
        };
        cross.extend(validation::check(&submissions, config, year, opts.lang));
        // kooste's own outputs in an input folder do not date the run: a
        // rerun that finds the last run's outputs embeds the same date.
        let date = opts
            .date
            .unwrap_or_else(|| newest_mtime(submissions.iter().map(|s| &s.file)));
        Ok(Run {
            submissions,
            cross,
            year,
            date,
            lang: opts.lang,
            verbose: opts.verbose,
        })
    }

    /// Adds the `no-measures` finding (an error) when the run has nothing to
    /// report: no data row in any input (an empty folder, untouched
    /// templates), or with `draft`, no row that goes into the outputs. The
    /// commands that write then write nothing. `inputs` are where kooste
    /// looked, as given.
    pub fn require_measures(&mut self, inputs: &[PathBuf], draft: bool) {
        let no_rows = self
            .submissions
            .iter()
            .all(|s| s.measures.is_empty() && s.partial.is_empty());
        if no_rows || (draft && self.tally().measures == 0) {
            self.no_measures(inputs, ("check-no-measures", "check-no-measures.hint"));
        }
    }

    /// Adds the `no-measures` finding when no input file was found at all
    /// (an empty folder). `validate` checks this only: an untouched
    /// template validates clean.
    pub fn require_files(&mut self, inputs: &[PathBuf]) {
        if self.submissions.is_empty() {
            self.no_measures(inputs, ("check-no-files", "check-no-files.hint"));
        }
    }

    /// The finding with the sentence and hint `ids`: `check-no-measures`
    /// where a command would have written outputs (it says none were),
    /// `check-no-files` for `validate`, which writes none anyway.
    fn no_measures(&mut self, inputs: &[PathBuf], ids: (&'static str, &'static str)) {
        let looked: Vec<Arg> = inputs
            .iter()
            .map(|p| p.display().to_string().into())
            .collect();
        let msg = Message::new(ids.0).arg("inputs", Arg::List(looked));
        self.cross
            .push(Finding::file(Code::NoMeasures, "", msg).hint(Message::new(ids.1)));
    }

    /// Whether [`Run::require_measures`] found nothing to report.
    pub fn has_no_measures(&self) -> bool {
        self.cross.iter().any(|f| f.code == Code::NoMeasures)
    }

    /// The input files read as submissions: every file found but kooste's
    /// own outputs, which a run may overwrite (a rerun into the same folder).
    pub fn inputs(&self) -> Vec<InputFile> {
        self.submissions.iter().map(|s| s.file.clone()).collect()
    }

    /// [`Run::inputs`] and the earlier year's workbook, if one was given:
    /// the files an output must not overwrite.
    pub fn inputs_and(&self, previous: Option<&std::path::Path>) -> Vec<InputFile> {
        let mut inputs = self.inputs();
        inputs.extend(previous.map(|p| InputFile {
            display: p.display().to_string(),
            path: p.to_path_buf(),
        }));
        inputs
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
        let left_out = self.left_out_rows();
        self.submissions
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.measures.iter().map(move |m| (i, s, m)))
            .filter(|(i, _, m)| left_out.is_empty() || !left_out.contains_key(&(*i, m.source.row)))
            .map(|(_, s, m)| (s, m))
            .filter(|(_, m)| self.of_year(m))
            .collect()
    }

    /// How many rows go into the outputs, and how many were left out and
    /// why: the numbers of the summary line. Every data row read is counted
    /// once, so the two add up to the rows the submissions hold.
    pub fn tally(&self) -> Tally {
        let left_out = self.left_out_rows();
        let mut tally = Tally::default();
        for (i, s) in self.submissions.iter().enumerate() {
            for m in &s.measures {
                match left_out.get(&(i, m.source.row)) {
                    Some(why) => tally.add(*why),
                    None if !self.of_year(m) => tally.add(LeftOut::WrongYear),
                    None => tally.measures += 1,
                }
            }
            for (row, _) in &s.partial {
                let why = left_out.get(&(i, *row)).copied();
                tally.add(why.unwrap_or(LeftOut::Errors));
            }
        }
        tally
    }

    /// For each submission, how many of its measures go into the outputs
    /// (the rest are left out as [`Run::tally`] counts them), in
    /// submission order: the sources sheet's count.
    pub fn measures_written(&self) -> Vec<usize> {
        let left_out = self.left_out_rows();
        self.submissions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.measures
                    .iter()
                    .filter(|m| !left_out.contains_key(&(i, m.source.row)) && self.of_year(m))
                    .count()
            })
            .collect()
    }

    /// Whether a measure is of the reported year (or has none to tell).
    fn of_year(&self, m: &Measure) -> bool {
        self.year.is_none() || m.year.is_none() || m.year == self.year
    }

    /// Rows with a cross-file error, by (file index, 1-based row), with the
    /// reason that keeps each out of the outputs. Hashing two numbers per
    /// measure rather than its file's name.
    fn left_out_rows(&self) -> rustc_hash::FxHashMap<(usize, u32), LeftOut> {
        let mut files: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
        for (i, s) in self.submissions.iter().enumerate() {
            files.entry(s.file.display.as_str()).or_default().push(i);
        }
        let mut rows: rustc_hash::FxHashMap<(usize, u32), LeftOut> = Default::default();
        for f in self.cross.iter().filter(|f| f.severity == Severity::Error) {
            let (Some(ids), Some(row)) = (files.get(f.file.as_str()), f.row) else {
                continue;
            };
            let why = LeftOut::of(f.code);
            for &i in ids {
                // A row left out for several reasons counts under the first.
                let e = rows.entry((i, row)).or_insert(why);
                *e = (*e).min(why);
            }
        }
        rows
    }
}

/// Why a row read from a submission stays out of the outputs, in the order
/// a row with several reasons is counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    /// It repeats an earlier measure of its department.
    Duplicate,
    /// It is of another year than the one reported.
    WrongYear,
    /// A cell of it, or its department, has an error.
    Errors,
}

impl LeftOut {
    /// The reason a cross-file error finding at a row gives.
    fn of(code: Code) -> LeftOut {
        match code {
            Code::DuplicateMeasure => LeftOut::Duplicate,
            Code::WrongYear => LeftOut::WrongYear,
            _ => LeftOut::Errors,
        }
    }
}

impl Tally {
    fn add(&mut self, why: LeftOut) {
        match why {
            LeftOut::Duplicate => self.duplicate += 1,
            LeftOut::WrongYear => self.wrong_year += 1,
            LeftOut::Errors => self.errors += 1,
        }
    }
}

/// Takes kooste's own outputs out of the submissions, keeping their
/// `own-output` findings. They are no sources of the run: not listed, not
/// hashed, not dating it, so a rerun that finds the last run's outputs
/// writes the same files. The others are renumbered in order, as their
/// measures' sources point at them by position.
fn set_aside_own_outputs(subs: Vec<Submission>) -> (Vec<Submission>, Vec<Finding>) {
    let mut kept = Vec::with_capacity(subs.len());
    let mut findings = Vec::new();
    for mut sub in subs {
        if sub.findings.iter().any(|f| f.code == Code::OwnOutput) {
            findings.append(&mut sub.findings);
            continue;
        }
        let index = kept.len();
        if sub.index != index {
            sub.index = index;
            for m in &mut sub.measures {
                m.source.file = index;
            }
        }
        kept.push(sub);
    }
    (kept, findings)
}

/// What a submission's rows hold, whatever their places and order: the
/// measures and the values of rows with errors, without the rows' numbers
/// and cells (a conversion puts the header on row 1), as a multiset (a
/// copy sorted otherwise holds the same rows; a row twice is not the
/// same as once). `None` for a file without rows.
fn rows_digest(sub: &Submission) -> Option<[u8; 32]> {
    use sha2::{Digest, Sha256};
    if sub.measures.is_empty() && sub.partial.is_empty() {
        return None;
    }
    let mut lines: Vec<String> = Vec::with_capacity(sub.measures.len() + sub.partial.len());
    for m in &sub.measures {
        let m = Measure {
            source: crate::model::SourceRef { file: 0, row: 0 },
            source_cell: Default::default(),
            ..m.clone()
        };
        lines.push(format!("m{m:?}"));
    }
    for (_, values) in &sub.partial {
        lines.push(format!("p{values:?}"));
    }
    lines.sort_unstable();
    let mut h = Sha256::new();
    for line in &lines {
        h.update(line.as_bytes());
        h.update(b"\n");
    }
    Some(h.finalize().into())
}

/// Takes out the inputs whose rows are those of another input (a file
/// converted next to its source by `convert --out` into the input folder,
/// a copy `a (1).xlsx`), each with a `duplicate-file` warning naming the
/// file read instead: read twice, every measure would count twice. Of
/// such files the one read is a file kooste did not convert, then a
/// workbook before a CSV, then the shortest name, then the first by path.
fn set_aside_duplicate_files(subs: Vec<Submission>) -> (Vec<Submission>, Vec<Finding>) {
    // A cheap key first, whatever the rows' order (how many rows, the
    // least and greatest measure name, the budgets' sum): only files that
    // share it are digested in full.
    let cheap = |s: &Submission| {
        let least = s.measures.iter().map(|m| &m.name).min().cloned();
        let greatest = s.measures.iter().map(|m| &m.name).max().cloned();
        let budgets: crate::model::parse::Cents = s.measures.iter().map(|m| m.budget).sum();
        (s.measures.len(), s.partial.len(), least, greatest, budgets)
    };
    let mut by_cheap: rustc_hash::FxHashMap<_, usize> = Default::default();
    for s in &subs {
        *by_cheap.entry(cheap(s)).or_default() += 1;
    }
    let digests: Vec<Option<[u8; 32]>> = subs
        .iter()
        .map(|s| {
            if by_cheap.get(&cheap(s)).copied().unwrap_or(0) > 1 {
                rows_digest(s)
            } else {
                None
            }
        })
        .collect();
    let mut groups: rustc_hash::FxHashMap<[u8; 32], Vec<usize>> = Default::default();
    for (i, d) in digests.iter().enumerate() {
        if let Some(d) = d {
            groups.entry(*d).or_default().push(i);
        }
    }
    let mut read_instead: Vec<Option<usize>> = vec![None; subs.len()];
    for members in groups.values().filter(|g| g.len() > 1) {
        let rank = |&i: &usize| {
            let s = &subs[i];
            (
                s.converted,
                s.format == Some(crate::reading::Format::Csv),
                s.file.display.chars().count(),
                i,
            )
        };
        let Some(&kept) = members.iter().min_by_key(|i| rank(i)) else {
            continue;
        };
        for &i in members.iter().filter(|&&i| i != kept) {
            read_instead[i] = Some(kept);
        }
    }
    if read_instead.iter().all(Option::is_none) {
        return (subs, Vec::new());
    }
    let mut findings = Vec::new();
    for (i, other) in read_instead.iter().enumerate() {
        if let Some(k) = other {
            findings.push(
                Finding::file(
                    Code::DuplicateFile,
                    &subs[i].file.display,
                    Message::new("check-duplicate-file").arg("other", &subs[*k].file.display),
                )
                .hint(Message::new("check-duplicate-file.hint")),
            );
        }
    }
    let mut kept = Vec::with_capacity(subs.len());
    for (i, mut sub) in subs.into_iter().enumerate() {
        if read_instead[i].is_some() {
            continue;
        }
        let index = kept.len();
        if sub.index != index {
            sub.index = index;
            for m in &mut sub.measures {
                m.source.file = index;
            }
        }
        kept.push(sub);
    }
    (kept, findings)
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
fn newest_mtime<'f>(files: impl Iterator<Item = &'f InputFile>) -> Date {
    let secs = files
        .filter_map(|f| std::fs::metadata(&f.path).ok()?.modified().ok())
        .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .max()
        .unwrap_or(0);
    Date::from_unix(secs)
}

/// `submissions` with each workbook that has a sheet named for `year` but
/// was read on another sheet read again on that one (see
/// [`Submission::sheet_years`]); `files` in the same order.
fn reread_on_year_sheet(
    submissions: Vec<Submission>,
    files: &[crate::reading::InputFile],
    schema: &Schema,
    opts: &RunOptions,
    year: i32,
) -> Vec<Submission> {
    let on_other = |s: &Submission| {
        s.sheet_years.contains(&year)
            && s.sheet.as_deref().and_then(crate::reading::sheet_year) != Some(year)
    };
    if !submissions.iter().any(on_other) {
        return submissions;
    }
    let mut own = schema.clone();
    own.year = Some(year);
    submissions
        .into_iter()
        .map(|s| match files.get(s.index) {
            Some(f) if on_other(&s) => match opts.adjust.get(&f.path) {
                Some(a) if !a.is_empty() => read_submission_adjusted(s.index, f, &own, a),
                _ => read_submission(s.index, f, &own),
            },
            _ => s,
        })
        .collect()
}
