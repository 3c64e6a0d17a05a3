//! A parsed command line made into a command's options and run.

use std::io::{IsTerminal, Write};

use super::args::{Command, Common, ConvertArg, CsvStyleArg, FormatArg, stream_writer};
use crate::commands::{Outcome, build, convert, merge, report, template, validate};
use crate::export::CsvStyle;
use crate::validation::checked::RunOptions;
use crate::{Config, Error, Lang};

fn run_options(c: &Common, lang: Lang, verbose: bool) -> RunOptions {
    RunOptions {
        inputs: c.inputs.clone(),
        year: c.year,
        lang,
        date: c.date,
        limits: crate::reading::Limits {
            max_unpacked_bytes: c.max_unpacked_mb.saturating_mul(1 << 20),
            max_cells: c.max_cells,
        },
        progress: !c.quiet && std::io::stderr().is_terminal(),
        verbose,
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
            workbook,
            report_template,
        } => {
            let config = load_config(common.config.as_deref())?;
            let opts = build::BuildOptions {
                run: run_options(common, lang, verbose),
                out_dir: out.clone(),
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
            workbook,
            csv,
            csv_style: style,
            json,
        } => {
            let config = load_config(common.config.as_deref())?;
            let opts = merge::MergeOptions {
                run: run_options(common, lang, verbose),
                output: output.clone(),
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
            previous,
            draft,
            report_template,
            reference_writers,
        } => {
            let config = load_config(common.config.as_deref())?;
            let opts = report::ReportCommandOptions {
                run: run_options(common, lang, verbose),
                output: output.clone(),
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
            config,
            date,
        } => {
            let config = load_config(config.as_deref())?;
            let target = match (all, department, output, out) {
                (true, _, _, Some(dir)) => template::Target::All { dir: dir.clone() },
                (_, Some(d), Some(o), _) => template::Target::One {
                    department: d.clone(),
                    output: o.clone(),
                },
                _ => return Err(Error::TemplateTarget),
            };
            let opts = template::TemplateOptions {
                target,
                year: *year,
                from: from.clone(),
                lang,
                date: *date,
            };
            template::template(&config, &opts, &mut stdout)
        }
        Command::Convert {
            common,
            to,
            csv_style: style,
            out,
        } => {
            let config = load_config(common.config.as_deref())?;
            let opts = convert::ConvertOptions {
                run: run_options(common, lang, verbose),
                to: match to {
                    ConvertArg::Xlsx => convert::ConvertTo::Xlsx,
                    ConvertArg::Csv => convert::ConvertTo::Csv,
                    ConvertArg::Json => convert::ConvertTo::Json,
                },
                csv_style: csv_style(*style),
                out_dir: out.clone(),
            };
            convert::convert(&config, &opts, &mut stdout)
        }
        Command::Validate {
            common,
            format,
            annotate,
        } => {
            let config = load_config(common.config.as_deref())?;
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
        Command::Help { .. } => Ok(Outcome {
            errors: 0,
            warnings: 0,
        }),
    }
}
