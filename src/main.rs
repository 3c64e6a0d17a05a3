//! The `kooste` binary: parses arguments, calls the library, maps the outcome
//! to an exit code (0 clean, 1 error findings, 2 usage, configuration or IO failure).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kooste::commands::{Outcome, build, convert, merge, report, template, validate};
use kooste::export::CsvStyle;
use kooste::model::parse::{Date, parse_date};
use kooste::pdf::StreamWriter;
use kooste::validation::checked::RunOptions;
use kooste::xlsx::{RowWriter, XlsxOptions};
use kooste::{Config, Lang};

/// Consolidate a programme's yearly department submissions.
#[derive(Parser)]
#[command(name = "kooste", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fi,
    Sv,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum ConvertArg {
    Xlsx,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CsvStyleArg {
    Finnish,
    Plain,
}

/// Options of the consolidated workbook, shared by `build` and `merge`.
#[derive(clap::Args)]
struct WorkbookArgs {
    /// An earlier year's consolidated workbook (written by kooste) to compare with.
    #[arg(long, value_name = "PREV.xlsx")]
    previous: Option<PathBuf>,
    /// Add one sheet per department.
    #[arg(long)]
    per_department: bool,
    /// Write outputs despite errors, marked as drafts, leaving out rows in error.
    #[arg(long)]
    draft: bool,
    /// Write with rust_xlsxwriter's and printpdf's own writers (the
    /// reference) instead of kooste's fast ones: for measuring them.
    #[arg(long, hide = true)]
    reference_writers: bool,
}

impl WorkbookArgs {
    fn options(&self) -> XlsxOptions {
        XlsxOptions {
            draft: self.draft,
            per_department: self.per_department,
            writer: if self.reference_writers {
                RowWriter::RustXlsxwriter
            } else {
                RowWriter::Kooste
            },
            ..XlsxOptions::default()
        }
    }
}

/// The report's stream writer for `--reference-writers`.
fn stream_writer(reference: bool) -> StreamWriter {
    if reference {
        StreamWriter::Printpdf
    } else {
        StreamWriter::Kooste
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
}

#[derive(clap::Args)]
struct Common {
    /// Submission files or folders (searched recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Programme configuration (TOML); the built-in programme by default.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Language of messages and outputs.
    #[arg(long, value_enum, default_value = "fi")]
    lang: LangArg,
    /// Year to report; by default the most common year of the rows.
    #[arg(long, value_name = "YYYY")]
    year: Option<i32>,
    /// Date printed and embedded in outputs (YYYY-MM-DD or DD.MM.YYYY);
    /// by default the newest input file's modification date.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    date: Option<Date>,
    /// Refuse a workbook whose parts unpack to more than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    max_unpacked_mb: u64,
    /// Refuse a file with more than this many cells.
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    max_cells: u64,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Read, check and merge submissions; write the workbook and the annual report.
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder.
        #[arg(long, short, value_name = "DIR")]
        out: PathBuf,
        #[command(flatten)]
        workbook: WorkbookArgs,
        /// Report template (TOML) instead of the built-in one of the language.
        #[arg(long, value_name = "FILE")]
        report_template: Option<PathBuf>,
    },
    /// Read, check and merge submissions into the annual report PDF.
    Report {
        #[command(flatten)]
        common: Common,
        /// The PDF to write.
        #[arg(long, short, value_name = "FILE.pdf")]
        output: PathBuf,
        /// An earlier year's consolidated workbook (written by kooste) to compare with.
        #[arg(long, value_name = "PREV.xlsx")]
        previous: Option<PathBuf>,
        /// Write despite errors, marked as a draft, leaving out rows in error.
        #[arg(long)]
        draft: bool,
        /// Report template (TOML) instead of the built-in one of the language.
        #[arg(long, value_name = "FILE")]
        report_template: Option<PathBuf>,
        /// Write with printpdf's own content streams (the reference) instead
        /// of kooste's fast writer: for measuring it.
        #[arg(long, hide = true)]
        reference_writers: bool,
    },
    /// Read, check and merge submissions into the consolidated workbook.
    Merge {
        #[command(flatten)]
        common: Common,
        /// The workbook to write.
        #[arg(long, short, value_name = "FILE.xlsx")]
        output: PathBuf,
        #[command(flatten)]
        workbook: WorkbookArgs,
        /// Also write the merged measures as CSV.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// CSV dialect: Finnish Excel (`;`, decimal comma, BOM) or plain (`,`, `.`).
        #[arg(long, value_enum, default_value = "finnish")]
        csv_style: CsvStyleArg,
        /// Also write the merged measures as JSON.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Write the workbook a department fills in (one department, or all).
    Template {
        /// The department's code or name.
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        department: Option<String>,
        /// Every department of the programme, into --out DIR.
        #[arg(long, requires = "out")]
        all: bool,
        /// The year the template is for.
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// Last year's consolidated workbook: prefill the department's measures from it.
        #[arg(long, value_name = "CONSOLIDATED.xlsx")]
        from: Option<PathBuf>,
        /// The file to write (one department).
        #[arg(long, short, value_name = "FILE.xlsx", required_unless_present = "all")]
        output: Option<PathBuf>,
        /// The folder to write into (with --all).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Programme configuration (TOML); the built-in programme by default.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Language of headers and texts.
        #[arg(long, value_enum, default_value = "fi")]
        lang: LangArg,
        /// Date in the document properties (YYYY-MM-DD or DD.MM.YYYY); 1 January of the year by default.
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
        date: Option<Date>,
    },
    /// Write submissions in the canonical layout: xlsx (the template's form), CSV or JSON.
    Convert {
        #[command(flatten)]
        common: Common,
        /// Output kind.
        #[arg(long, value_enum)]
        to: ConvertArg,
        /// CSV dialect.
        #[arg(long, value_enum, default_value = "finnish")]
        csv_style: CsvStyleArg,
        /// Output folder.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Check submissions and print every finding.
    Validate {
        #[command(flatten)]
        common: Common,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
        /// Write a marked-up copy of each submission with findings into DIR.
        #[arg(long, value_name = "DIR")]
        annotate: Option<PathBuf>,
    },
}

fn parse_date_arg(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|_| format!("not a date: {s} (use YYYY-MM-DD or DD.MM.YYYY)"))
}

fn lang_of(l: LangArg) -> Lang {
    match l {
        LangArg::Fi => Lang::Fi,
        LangArg::Sv => Lang::Sv,
        LangArg::En => Lang::En,
    }
}

fn run_options(c: &Common) -> RunOptions {
    RunOptions {
        inputs: c.inputs.clone(),
        year: c.year,
        lang: match c.lang {
            LangArg::Fi => Lang::Fi,
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        },
        date: c.date,
        limits: kooste::reading::Limits {
            max_unpacked_bytes: c.max_unpacked_mb.saturating_mul(1 << 20),
            max_cells: c.max_cells,
        },
        progress: !c.quiet && std::io::stderr().is_terminal(),
    }
}

fn load_config(c: &Common) -> Result<Config, kooste::Error> {
    match &c.config {
        Some(p) => Ok(Config::load(p)?),
        None => Ok(Config::builtin()),
    }
}

fn main() -> ExitCode {
    kooste::memory::keep_freed_memory();
    let cli = Cli::parse();
    // Without it a stopped run leaves its temporary files; the next run
    // into the folder still removes them.
    if let Err(e) = kooste::output::clean_up_on_signals() {
        eprintln!("kooste: {e}");
    }
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    let result: Result<Outcome, kooste::Error> = match &cli.command {
        Command::Build {
            common,
            out,
            workbook,
            report_template,
        } => load_config(common).and_then(|config| {
            let opts = build::BuildOptions {
                run: run_options(common),
                out_dir: out.clone(),
                previous: workbook.previous.clone(),
                xlsx: workbook.options(),
                template: report_template.clone(),
                pdf_writer: stream_writer(workbook.reference_writers),
            };
            build::build(&config, &opts, &mut stdout)
        }),
        Command::Merge {
            common,
            output,
            workbook,
            csv,
            csv_style,
            json,
        } => load_config(common).and_then(|config| {
            let opts = merge::MergeOptions {
                run: run_options(common),
                output: output.clone(),
                previous: workbook.previous.clone(),
                csv: csv.clone(),
                csv_style: match csv_style {
                    CsvStyleArg::Finnish => CsvStyle::Finnish,
                    CsvStyleArg::Plain => CsvStyle::Plain,
                },
                json: json.clone(),
                xlsx: workbook.options(),
            };
            // With an output on stdout, the findings go to stderr.
            let out: &mut dyn std::io::Write = if opts.uses_stdout() {
                &mut stderr
            } else {
                &mut stdout
            };
            merge::merge(&config, &opts, out)
        }),
        Command::Report {
            common,
            output,
            previous,
            draft,
            report_template,
            reference_writers,
        } => load_config(common).and_then(|config| {
            let opts = report::ReportCommandOptions {
                run: run_options(common),
                output: output.clone(),
                previous: previous.clone(),
                draft: *draft,
                template: report_template.clone(),
                writer: stream_writer(*reference_writers),
            };
            let out: &mut dyn std::io::Write = if opts.uses_stdout() {
                &mut stderr
            } else {
                &mut stdout
            };
            report::report(&config, &opts, out)
        }),
        Command::Template {
            department,
            all,
            year,
            from,
            output,
            out,
            config,
            lang,
            date,
        } => {
            let config = match config {
                Some(p) => Config::load(p).map_err(kooste::Error::from),
                None => Ok(Config::builtin()),
            };
            config.and_then(|config| {
                let target = match (all, department, output, out) {
                    (true, _, _, Some(dir)) => template::Target::All { dir: dir.clone() },
                    (_, Some(d), Some(o), _) => template::Target::One {
                        department: d.clone(),
                        output: o.clone(),
                    },
                    _ => {
                        return Err(kooste::Error::TemplateTarget);
                    }
                };
                let opts = template::TemplateOptions {
                    target,
                    year: *year,
                    from: from.clone(),
                    lang: lang_of(*lang),
                    date: *date,
                };
                template::template(&config, &opts, &mut stdout)
            })
        }
        Command::Convert {
            common,
            to,
            csv_style,
            out,
        } => load_config(common).and_then(|config| {
            let opts = convert::ConvertOptions {
                run: run_options(common),
                to: match to {
                    ConvertArg::Xlsx => convert::ConvertTo::Xlsx,
                    ConvertArg::Csv => convert::ConvertTo::Csv,
                    ConvertArg::Json => convert::ConvertTo::Json,
                },
                csv_style: match csv_style {
                    CsvStyleArg::Finnish => CsvStyle::Finnish,
                    CsvStyleArg::Plain => CsvStyle::Plain,
                },
                out_dir: out.clone(),
            };
            convert::convert(&config, &opts, &mut stdout)
        }),
        Command::Validate {
            common,
            format,
            annotate,
        } => load_config(common).and_then(|config| {
            let opts = validate::ValidateOptions {
                run: run_options(common),
                format: match format {
                    FormatArg::Text => validate::ReportFormat::Text,
                    FormatArg::Json => validate::ReportFormat::Json,
                },
                color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
                annotate: annotate.clone(),
            };
            validate::validate(&config, &opts, &mut stdout)
        }),
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code() as u8),
        Err(e) => {
            // Paths and messages may carry a file's or cell's text.
            eprintln!("kooste: {}", kooste::text::terminal(&e.to_string()));
            ExitCode::from(2)
        }
    }
}
