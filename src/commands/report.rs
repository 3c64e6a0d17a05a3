//! `kooste report`: the annual report PDF alone. `build` writes the same PDF
//! beside the workbook.

use std::io::Write;
use std::path::PathBuf;

use super::build::template;
use super::merge::comparison_with;
use super::{Outcome, free_later, print_and_consolidate, stdout_err, writing};
use crate::config::Config;
use crate::error::Error;
use crate::merging::comparison::read_previous_if;
use crate::output::{Transaction, ensure_parent, refuse_input, transaction_dirs};
use crate::pdf::{ReportOptions, report_bytes};
use crate::validation::checked::{Run, RunOptions};

/// Options of `report`.
#[derive(Debug, Clone)]
pub struct ReportCommandOptions {
    /// What to read.
    pub run: RunOptions,
    /// The PDF to write.
    pub output: PathBuf,
    /// An earlier year's consolidated workbook to compare with.
    pub previous: Option<PathBuf>,
    /// Write despite errors, marked as a draft.
    pub draft: bool,
    /// A report template instead of the built-in one of the language.
    pub template: Option<PathBuf>,
    /// Who writes the pages' content streams.
    pub writer: crate::pdf::StreamWriter,
}

impl ReportCommandOptions {
    /// Whether the report goes to standard output (`-`): the findings and
    /// messages must then go elsewhere.
    pub fn uses_stdout(&self) -> bool {
        self.output.as_os_str() == "-"
    }
}

/// Runs `report`.
pub fn report(
    config: &Config,
    opts: &ReportCommandOptions,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let template = template(opts.template.as_deref(), opts.run.lang)?;
    crate::output::target::check(&[&opts.output], opts.run.lang)?;
    let previous = read_previous_if(opts.previous.as_deref(), config, opts.run.lang)?;
    let mut run = Run::collect(config, &opts.run)?;
    run.require_measures(&opts.run.inputs, opts.draft);
    // Said with the other findings, before the report is made.
    run.cross.extend(crate::validation::printable::findings(
        &run,
        config,
        crate::pdf::coverage::lacks,
    ));
    let (outcome, cons) = print_and_consolidate(&run, config, opts.draft, out)?;
    let Some(cons) = cons else {
        return Ok(outcome);
    };
    refuse_input(&opts.output, &run.inputs_and(opts.previous.as_deref()))?;
    let comparison = comparison_with(previous.as_ref(), &cons, config);
    let shown = opts.output.display().to_string();
    let pdf = writing(opts.run.progress, cons.rows.len(), run.lang, &shown, || {
        report_bytes(
            &run,
            config,
            &cons,
            comparison.as_ref(),
            &template,
            ReportOptions {
                draft: opts.draft,
                writer: opts.writer,
            },
        )
    });
    ensure_parent(&opts.output)?;
    let txn = Transaction::begin(run.lang, &transaction_dirs(&[&opts.output]))?;
    txn.stage_bytes(&opts.output, &pdf)?;
    txn.commit()?;
    if !opts.uses_stdout() {
        writeln!(out, "{}", super::wrote_line(run.lang, &opts.output)).map_err(stdout_err)?;
    }
    drop(comparison);
    drop(cons);
    free_later(run);
    Ok(outcome)
}
