//! `kooste build`: the main job. Reads, checks, merges, and writes the
//! consolidated workbook and the annual report into one folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::merge::{comparison_with, write_workbook};
use super::{Outcome, free_later, print_and_consolidate, stdout_err, writing};
use crate::config::Config;
use crate::error::Error;
use crate::merging::comparison::{check_years, input_files, read_all_previous};
use crate::output::target::check;
use crate::output::{Transaction, ensure_dir, refuse_input};
use crate::pdf::{ReportOptions, Template, report_bytes};
use crate::validation::checked::{Run, RunOptions};
use crate::xlsx::XlsxOptions;

/// Options of `build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// What to read.
    pub run: RunOptions,
    /// Output folder.
    pub out_dir: PathBuf,
    /// Earlier years' consolidated workbooks, or folders of them
    /// (`--previous`, repeatable): the latest is compared with, two or
    /// more give the trend over the period.
    pub previous: Vec<PathBuf>,
    /// Workbook options (`draft` also marks the report).
    pub xlsx: XlsxOptions,
    /// A report template instead of the built-in one of the language.
    pub template: Option<PathBuf>,
    /// Who writes the report pages' content streams.
    pub pdf_writer: crate::pdf::StreamWriter,
}

/// The paths `build` writes for a year.
pub fn output_paths(dir: &Path, year: Option<i32>) -> (PathBuf, PathBuf) {
    let suffix = year.map(|y| format!("_{y}")).unwrap_or_default();
    (
        dir.join(format!("kooste{suffix}.xlsx")),
        dir.join(format!("vuosiraportti{suffix}.pdf")),
    )
}

/// Refuses an output folder that exists and is not a folder.
fn check_folder(dir: &Path) -> Result<(), Error> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(Error::NotAFolder {
            path: dir.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// The report template to use: `--report-template`, else the programme's own
/// of the language (`[report] templates` of its configuration), else the
/// built-in one of the language.
pub fn template(
    path: Option<&Path>,
    config: &Config,
    lang: crate::i18n::Lang,
) -> Result<Template, Error> {
    match path
        .map(Path::to_path_buf)
        .or_else(|| config.report_template(lang))
    {
        Some(p) => Ok(Template::load(&p)?),
        None => Ok(Template::builtin(lang)),
    }
}

/// Runs `build`.
pub fn build(config: &Config, opts: &BuildOptions, out: &mut dyn Write) -> Result<Outcome, Error> {
    let template = template(opts.template.as_deref(), config, opts.run.lang)?;
    // The year is not known yet: any output of kooste's naming there.
    check_folder(&opts.out_dir)?;
    let previous = read_all_previous(&opts.previous, config, &opts.run)?;
    let mut run = Run::collect(config, &opts.run)?;
    check_years(&previous, run.year)?;
    run.require_measures(&opts.run.inputs, opts.xlsx.draft);
    // Said with the other findings, before the report is made.
    run.cross.extend(crate::validation::printable::findings(
        &run,
        config,
        crate::pdf::coverage::lacks,
    ));
    let (outcome, cons) = print_and_consolidate(&run, config, opts.xlsx.draft, out)?;
    let Some(cons) = cons else {
        return Ok(outcome);
    };
    let (xlsx_path, pdf_path) = output_paths(&opts.out_dir, run.year);
    check(&[&xlsx_path, &pdf_path], run.lang)?;
    let mut inputs = run.inputs_and(None);
    inputs.extend(input_files(&previous));
    refuse_input(&xlsx_path, &inputs)?;
    refuse_input(&pdf_path, &inputs)?;
    let comparison = comparison_with(&previous, &cons, config);
    ensure_dir(&opts.out_dir)?;
    // The workbook and the report are one result: both are written to
    // temporary files and renamed only when both are complete.
    let txn = Transaction::begin(run.lang, &[&opts.out_dir])?;
    // The workbook and the report are independent: build them on two threads.
    let report_opts = ReportOptions {
        draft: opts.xlsx.draft,
        writer: opts.pdf_writer,
    };
    let shown = format!("{}, {}", xlsx_path.display(), pdf_path.display());
    let (xlsx, pdf) = writing(opts.run.progress, cons.rows.len(), run.lang, &shown, || {
        rayon::join(
            || {
                write_workbook(
                    &run,
                    config,
                    &cons,
                    comparison.as_ref(),
                    opts.xlsx,
                    &xlsx_path,
                    &txn,
                )
            },
            || {
                let pdf = report_bytes(
                    &run,
                    config,
                    &cons,
                    comparison.as_ref(),
                    &template,
                    report_opts,
                )
                .map_err(|source| Error::Pdf {
                    path: pdf_path.clone(),
                    source,
                })?;
                txn.stage_bytes(&pdf_path, &pdf)
            },
        )
    });
    xlsx?;
    pdf?;
    txn.commit()?;
    for p in [&xlsx_path, &pdf_path] {
        writeln!(out, "{}", super::wrote_line(run.lang, p)).map_err(stdout_err)?;
    }
    drop(comparison);
    drop(cons);
    free_later(run);
    Ok(outcome)
}
