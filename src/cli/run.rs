//! A parsed command line made into a command's options and run.

use std::io::{IsTerminal, Write};

use std::path::PathBuf;

use super::args::{Command, Common, ConvertArg, CsvStyleArg, FormatArg, stream_writer};
use kooste::commands::{Outcome, build, convert, merge, report, template, validate};
use kooste::export::CsvStyle;
use kooste::validation::checked::RunOptions;
use kooste::{Config, Error, Lang};

fn run_options(c: &Common, lang: Lang, verbose: bool) -> RunOptions {
    RunOptions {
        inputs: c.inputs.clone(),
        year: c.year,
        lang,
        date: c.shared.date,
        limits: c.shared.limits(),
        progress: !c.shared.quiet && std::io::stderr().is_terminal(),
        verbose,
        adjust: Default::default(),
        names: Default::default(),
    }
}

/// The folder of a command that writes into one (`--out DIR`), or the
/// error that says so where `-o`, which names a file, was given instead.
fn folder(
    command: &'static str,
    out: &Option<PathBuf>,
    output: &Option<PathBuf>,
) -> Result<PathBuf, Error> {
    match (out, output) {
        (Some(dir), _) => Ok(dir.clone()),
        (None, Some(given)) => Err(Error::OutputOptionForFolder {
            command,
            given: given.clone(),
        }),
        (None, None) => Err(Error::TemplateTarget),
    }
}

/// The file of a command that writes one (`-o FILE`), or the error that
/// says so where `--out`, which names a folder, was given instead.
fn file(
    command: &'static str,
    output: &Option<PathBuf>,
    out: &Option<PathBuf>,
) -> Result<PathBuf, Error> {
    match (output, out) {
        (Some(f), _) => Ok(f.clone()),
        (None, Some(given)) => Err(Error::OutOptionForFile {
            command,
            given: given.clone(),
        }),
        (None, None) => Err(Error::TemplateTarget),
    }
}

fn load_config(path: Option<&std::path::Path>) -> Result<Config, Error> {
    match path {
        Some(p) => Ok(Config::load(p)?),
        None => Ok(Config::builtin()),
    }
}

fn csv_style(s: CsvStyleArg) -> CsvStyle {
    match s {
        CsvStyleArg::Finnish => CsvStyle::Finnish,
        CsvStyleArg::Plain => CsvStyle::Plain,
    }
}

/// Runs `command` in `lang`, its report on standard output (or on
/// standard error where an output goes to standard output); `verbose`
/// adds other libraries' own words below the findings.
pub(crate) fn run(command: &Command, lang: Lang, verbose: bool) -> Result<Outcome, Error> {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match command {
        Command::Build {
            common,
            out,
            wrong,
            workbook,
            report_template,
        } => {
            let out_dir = folder("kooste build", out, &wrong.output)?;
            let config = load_config(common.shared.config.as_deref())?;
            let opts = build::BuildOptions {
                run: run_options(common, lang, verbose),
                out_dir,
                previous: workbook.previous.clone(),
                xlsx: workbook.options(),
                template: report_template.clone(),
                pdf_writer: stream_writer(workbook.reference_writers),
            };
            build::build(&config, &opts, &mut stdout)
        }
        Command::Merge {
            common,
            output,
            wrong,
            workbook,
            csv,
            csv_style: style,
            json,
        } => {
            let output = file("kooste merge", output, &wrong.out)?;
            let config = load_config(common.shared.config.as_deref())?;
            let opts = merge::MergeOptions {
                run: run_options(common, lang, verbose),
                output,
                previous: workbook.previous.clone(),
                csv: csv.clone(),
                csv_style: csv_style(*style),
                json: json.clone(),
                xlsx: workbook.options(),
            };
            // With an output on stdout, the findings go to stderr.
            let out: &mut dyn Write = if opts.uses_stdout() {
                &mut stderr
            } else {
                &mut stdout
            };
            merge::merge(&config, &opts, out)
        }
        Command::Report {
            common,
            output,
            wrong,
            previous,
            draft,
            report_template,
            reference_writers,
        } => {
            let output = file("kooste report", output, &wrong.out)?;
            let config = load_config(common.shared.config.as_deref())?;
            let opts = report::ReportCommandOptions {
                run: run_options(common, lang, verbose),
                output,
                previous: previous.clone(),
                draft: *draft,
                template: report_template.clone(),
                writer: stream_writer(*reference_writers),
            };
            let out: &mut dyn Write = if opts.uses_stdout() {
                &mut stderr
            } else {
                &mut stdout
            };
            report::report(&config, &opts, out)
        }
        Command::Template {
            department,
            all,
            year,
            from,
            output,
            out,
            shared,
        } => {
            let target = match department {
                _ if *all => template::Target::All {
                    dir: folder("kooste template --all", out, output)?,
                },
                Some(d) => template::Target::One {
                    department: d.clone(),
                    output: file("kooste template --department", output, out)?,
                },
                None => return Err(Error::TemplateTarget),
            };
            let config = load_config(shared.config.as_deref())?;
            let opts = template::TemplateOptions {
                target,
                year: *year,
                from: from.clone(),
                lang,
                date: shared.date,
                limits: shared.limits(),
            };
            template::template(&config, &opts, &mut stdout)
        }
        Command::Convert {
            common,
            to,
            csv_style: style,
            out,
            wrong,
        } => {
            let out_dir = folder("kooste convert", out, &wrong.output)?;
            let config = load_config(common.shared.config.as_deref())?;
            let opts = convert::ConvertOptions {
                run: run_options(common, lang, verbose),
                to: match to {
                    ConvertArg::Xlsx => convert::ConvertTo::Xlsx,
                    ConvertArg::Csv => convert::ConvertTo::Csv,
                    ConvertArg::Json => convert::ConvertTo::Json,
                },
                csv_style: csv_style(*style),
                out_dir,
            };
            convert::convert(&config, &opts, &mut stdout)
        }
        Command::Validate {
            common,
            format,
            annotate,
        } => {
            let config = load_config(common.shared.config.as_deref())?;
            let opts = validate::ValidateOptions {
                run: run_options(common, lang, verbose),
                format: match format {
                    FormatArg::Text => validate::ReportFormat::Text,
                    FormatArg::Json => validate::ReportFormat::Json,
                },
                color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
                annotate: annotate.clone(),
            };
            validate::validate(&config, &opts, &mut stdout)
        }
        // Handled before a command runs (`super::main`).
        Command::Help { .. } | Command::Serve { .. } => Ok(Outcome {
            errors: 0,
            warnings: 0,
        }),
    }
}
