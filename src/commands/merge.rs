//! `kooste merge`: the consolidated workbook alone, with optional CSV and
//! JSON exports. `build` writes the same workbook beside the report.

use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, free_later, print_and_consolidate, stdout_err, writing};
use crate::config::Config;
use crate::error::Error;
use crate::export::{CsvStyle, csv_bytes, json_bytes};
use crate::merging::Consolidation;
use crate::merging::comparison::{
    Comparison, Previous, check_years, compare, input_files, read_all_previous,
};
use crate::merging::trend::Trend;
use crate::output::target::check;
use crate::output::{Transaction, ensure_parent, refuse_input, transaction_dirs};
use crate::validation::checked::{Run, RunOptions};
use crate::xlsx::{XlsxOptions, workbook};

/// Options of `merge`.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// What to read.
    pub run: RunOptions,
    /// The workbook to write.
    pub output: PathBuf,
    /// Earlier years' consolidated workbooks, or folders of them
    /// (`--previous`, repeatable): the latest is compared with, two or
    /// more give the trend over the period.
    pub previous: Vec<PathBuf>,
    /// Also write the merged measures as CSV here.
    pub csv: Option<PathBuf>,
    /// CSV dialect.
    pub csv_style: CsvStyle,
    /// Also write the merged measures as JSON here.
    pub json: Option<PathBuf>,
    /// Workbook options.
    pub xlsx: XlsxOptions,
}

/// Writes the consolidated workbook to `path` as part of `txn`.
pub fn write_workbook(
    run: &Run,
    config: &Config,
    cons: &Consolidation,
    comparison: Option<&Comparison>,
    opts: XlsxOptions,
    path: &std::path::Path,
    txn: &Transaction,
) -> Result<(), Error> {
    if cons.rows.len() > crate::xlsx::EXCEL_DATA_ROWS {
        return Err(Error::TooManyMeasures {
            path: path.to_path_buf(),
            count: cons.rows.len(),
            limit: crate::xlsx::EXCEL_DATA_ROWS,
            lang: run.lang,
        });
    }
    let wb = workbook(run, config, cons, comparison, opts).map_err(|source| Error::Workbook {
        path: path.to_path_buf(),
        source,
    })?;
    txn.stage_via(path, |tmp| {
        wb.save(tmp).map_err(|source| Error::Save {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// The comparison with the latest of the earlier years (oldest first, as
/// `read_all_previous` returns them), if any was given, with the trend
/// over the period when there are two earlier years or more.
pub fn comparison_with<'a>(
    earlier: &'a [Previous],
    cons: &Consolidation<'a>,
    config: &Config,
) -> Option<Comparison<'a>> {
    let latest = earlier.last()?;
    let current: Vec<_> = cons.rows.iter().map(|r| r.measure).collect();
    let mut comparison = compare(latest, &current, config);
    comparison.earlier = earlier;
    comparison.trend = Trend::new(earlier, cons, config);
    Some(comparison)
}

impl MergeOptions {
    /// Whether an output goes to standard output (`-`): the findings and
    /// messages must then go elsewhere.
    pub fn uses_stdout(&self) -> bool {
        std::iter::once(&self.output)
            .chain(self.csv.iter())
            .chain(self.json.iter())
            .any(|p| p.as_os_str() == "-")
    }
}

/// Runs `merge`.
pub fn merge(config: &Config, opts: &MergeOptions, out: &mut dyn Write) -> Result<Outcome, Error> {
    let outputs: Vec<&PathBuf> = std::iter::once(&opts.output)
        .chain(opts.csv.iter())
        .chain(opts.json.iter())
        .collect();
    check(&outputs, opts.run.lang)?;
    let previous = read_all_previous(&opts.previous, config, &opts.run)?;
    let mut run = Run::collect(config, &opts.run)?;
    check_years(&previous, run.year)?;
    run.require_measures(&opts.run.inputs, opts.xlsx.draft);
    let (outcome, cons) = print_and_consolidate(&run, config, opts.xlsx.draft, out)?;
    let Some(cons) = cons else {
        return Ok(outcome);
    };
    let mut inputs = run.inputs_and(None);
    inputs.extend(input_files(&previous));
    for p in &outputs {
        refuse_input(p, &inputs)?;
    }
    let comparison = comparison_with(&previous, &cons, config);
    for p in &outputs {
        ensure_parent(p)?;
    }
    // The workbook and the exports are one result (see `output`).
    let txn = Transaction::begin(run.lang, &transaction_dirs(&outputs))?;
    let shown = opts.output.display().to_string();
    writing(opts.run.progress, cons.rows.len(), run.lang, &shown, || {
        write_workbook(
            &run,
            config,
            &cons,
            comparison.as_ref(),
            opts.xlsx,
            &opts.output,
            &txn,
        )
    })?;
    let export = |p: &PathBuf, e| Error::Export {
        path: p.clone(),
        source: e,
    };
    if let Some(p) = &opts.csv {
        let bytes = csv_bytes(&cons, config, run.lang, opts.csv_style).map_err(|e| export(p, e))?;
        txn.stage_bytes(p, &bytes)?;
    }
    if let Some(p) = &opts.json {
        let bytes = json_bytes(&cons, config, run.lang).map_err(|e| export(p, e))?;
        txn.stage_bytes(p, &bytes)?;
    }
    txn.commit()?;
    for path in outputs.iter().filter(|p| p.as_os_str() != "-") {
        writeln!(out, "{}", super::wrote_line(run.lang, path)).map_err(stdout_err)?;
    }
    drop(comparison);
    drop(cons);
    free_later(run);
    Ok(outcome)
}
