//! `kooste report`: the annual report PDF alone. `build` writes the same PDF
//! beside the workbook.

use std::io::Write;
use std::path::PathBuf;

use super::build::template;
use super::merge::comparison_with;
use super::{Outcome, free_later, print_and_consolidate, stdout_err, writing};
use crate::config::Config;
use crate::error::Error;
use crate::merging::comparison::{check_years, input_files, read_all_previous};
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
    /// Earlier years' consolidated workbooks, or folders of them
    /// (`--previous`, repeatable): the latest is compared with, two or
    /// more give the trend over the period.
    pub previous: Vec<PathBuf>,
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
    let template = template(opts.template.as_deref(), config, opts.run.lang)?;
    crate::output::target::check(&[&opts.output], opts.run.lang)?;
    let previous = read_all_previous(&opts.previous, config, &opts.run)?;
    let mut run = Run::collect(config, &opts.run)?;
    check_years(&previous, run.year)?;
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
    let mut inputs = run.inputs_and(None);
    inputs.extend(input_files(&previous));
    refuse_input(&opts.output, &inputs)?;
    let comparison = comparison_with(&previous, &cons, config);
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
        .map_err(|source| Error::Pdf {
            path: opts.output.clone(),
            source,
        })
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::tests_hook::FAIL_CREATED;

    /// A date no other test uses: the test hook makes its report's
    /// serialisation fail (see [`crate::pdf::layout::tests_hook`]).
    const FAILING: &str = "1999-12-31";

    fn run_options() -> RunOptions {
        let date = crate::model::parse::parse_date(FAILING).unwrap();
        FAIL_CREATED.store(
            date.days_since_epoch() * 86_400,
            std::sync::atomic::Ordering::Relaxed,
        );
        RunOptions {
            inputs: vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/2021")],
            date: Some(date),
            ..RunOptions::default()
        }
    }

    /// A report that cannot be serialised is an error naming the file (the
    /// binary exits 2 on every error), and nothing is written: before, the
    /// failure was dropped and an empty PDF was saved with exit code 0.
    #[test]
    fn a_report_that_cannot_be_serialised_is_an_error_and_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("raportti.pdf");
        let opts = ReportCommandOptions {
            run: run_options(),
            output: output.clone(),
            previous: Vec::new(),
            draft: false,
            template: None,
            writer: Default::default(),
        };
        let mut said = Vec::new();
        let err = report(&Config::builtin(), &opts, &mut said).unwrap_err();
        assert!(
            matches!(&err, Error::Pdf { path, .. } if *path == output),
            "{err}"
        );
        assert!(
            err.to_string().contains("raportti.pdf: cannot write:"),
            "{err}"
        );
        // The library's own words stay in the chain, for a detail.
        assert_eq!(
            err.causes().last().map(String::as_str),
            Some("refused by the test hook")
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// In `build` the workbook, though complete, is not put in place
    /// without its report: the two are one result.
    #[test]
    fn a_build_whose_report_cannot_be_serialised_leaves_both_outputs_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let xlsx = dir.path().join("kooste_2021.xlsx");
        std::fs::write(&xlsx, b"last run").unwrap();
        let opts = crate::commands::build::BuildOptions {
            run: run_options(),
            out_dir: dir.path().to_path_buf(),
            previous: Vec::new(),
            xlsx: crate::xlsx::XlsxOptions::default(),
            template: None,
            pdf_writer: Default::default(),
        };
        let mut said = Vec::new();
        let err = crate::commands::build::build(&Config::builtin(), &opts, &mut said).unwrap_err();
        assert!(err.to_string().contains("vuosiraportti_2021.pdf"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["kooste_2021.xlsx"]);
        assert_eq!(std::fs::read(&xlsx).unwrap(), b"last run");
    }
}
