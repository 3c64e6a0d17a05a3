//! `kooste report`: the annual report PDF alone. `build` writes the same PDF
//! beside the workbook.

use std::io::Write;
use std::path::PathBuf;

use super::Outcome;
use super::build::template;
use super::merge::comparison_with;
use super::validate::print_text;
use crate::comparison::read_previous;
use crate::config::Config;
use crate::error::Error;
use crate::i18n::fill;
use crate::merging::Consolidation;
use crate::output::{ensure_parent, refuse_input, write_atomic};
use crate::pdf::{ReportOptions, report_bytes};
use crate::reading::discover;
use crate::run::{Run, RunOptions};

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
}

/// Runs `report`.
pub fn report(
    config: &Config,
    opts: &ReportCommandOptions,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let template = template(opts.template.as_deref(), opts.run.lang)?;
    let previous = opts
        .previous
        .as_deref()
        .map(|p| read_previous(p, config, opts.run.lang))
        .transpose()?;
    let run = Run::collect(config, &opts.run)?;
    let stdout_err = |e: std::io::Error| Error::Output {
        path: "<stdout>".into(),
        message: e.to_string(),
    };
    print_text(&run, false, out).map_err(stdout_err)?;
    let outcome = Outcome {
        errors: run.errors(),
        warnings: run.warnings(),
    };
    let t = run.lang.texts();
    if outcome.errors > 0 && !opts.draft {
        writeln!(
            out,
            "{}",
            fill(t.build_blocked, &[("errors", &outcome.errors.to_string())])
        )
        .map_err(stdout_err)?;
        return Ok(outcome);
    }
    refuse_input(&opts.output, &discover(&opts.run.inputs)?)?;
    let cons = Consolidation::new(&run, config);
    let comparison = comparison_with(previous.as_ref(), &cons, config);
    let pdf = report_bytes(
        &run,
        config,
        &cons,
        comparison.as_ref(),
        &template,
        ReportOptions { draft: opts.draft },
    );
    ensure_parent(&opts.output)?;
    write_atomic(&opts.output, &pdf)?;
    writeln!(
        out,
        "{}",
        fill(t.wrote, &[("path", &opts.output.display().to_string())])
    )
    .map_err(stdout_err)?;
    Ok(outcome)
}
