//! The command line's shape, declared with clap's derive. The texts a user
//! reads (each option's help, the value names, the headings) are not here:
//! [`super::help`] puts them in from `templates/messages/<lang>/cli.ftl`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use kooste::Lang;
use kooste::model::parse::{Date, parse_date};
use kooste::pdf::StreamWriter;
use kooste::xlsx::{RowWriter, XlsxOptions};

// The help subcommand and the help and version flags are kooste's own
// (`super::help`), so that their texts are translated.
#[derive(Parser)]
#[command(
    name = "kooste",
    version,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub(crate) struct Cli {
    // Language of messages, help and outputs; the environment's if not given.
    // `--lang SV` is Swedish too, as `KOOSTE_LANG=SV` is.
    #[arg(long, value_enum, global = true, ignore_case = true)]
    pub lang: Option<LangArg>,
    // The operating system's and libraries' own words below an error.
    #[arg(long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Fi,
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fi => Lang::Fi,
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ConvertArg {
    Xlsx,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum CsvStyleArg {
    Finnish,
    Plain,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    Text,
    Json,
}

/// Options of the consolidated workbook, shared by `build` and `merge`.
#[derive(clap::Args)]
pub(crate) struct WorkbookArgs {
    // Repeatable; each a workbook or a folder of them.
    #[arg(long)]
    pub previous: Vec<PathBuf>,
    #[arg(long)]
    pub per_department: bool,
    #[arg(long)]
    pub draft: bool,
    // Write with rust_xlsxwriter's and printpdf's own writers (the
    // reference) instead of kooste's fast ones: for measuring them.
    #[arg(long, hide = true)]
    pub reference_writers: bool,
}

impl WorkbookArgs {
    /// The workbook's options.
    pub fn options(&self) -> XlsxOptions {
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
pub(crate) fn stream_writer(reference: bool) -> StreamWriter {
    if reference {
        StreamWriter::Printpdf
    } else {
        StreamWriter::Kooste
    }
}

/// The options every command takes (with `--lang` and `--verbose`, which
/// are global).
#[derive(clap::Args)]
pub(crate) struct Shared {
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    // `--max-cells -5` is a wrong number, not an unknown option.
    #[arg(long, default_value_t = 1024, allow_negative_numbers = true)]
    pub max_unpacked_mb: u64,
    #[arg(long, default_value_t = 50_000_000, allow_negative_numbers = true)]
    pub max_cells: u64,
    #[arg(long, short)]
    pub quiet: bool,
}

impl Shared {
    /// The caps on what a file may unpack to and hold.
    pub fn limits(&self) -> kooste::reading::Limits {
        kooste::reading::Limits {
            max_unpacked_bytes: self.max_unpacked_mb.saturating_mul(1 << 20),
            max_cells: self.max_cells,
        }
    }
}

/// The inputs and the options every command that reads them takes.
#[derive(clap::Args)]
pub(crate) struct Common {
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<i32>,
    #[command(flatten)]
    pub shared: Shared,
}

/// `-o` given to a command that writes into a folder (`--out DIR`): it
/// names a file everywhere. Hidden; the command says what to give.
#[derive(clap::Args)]
pub(crate) struct NotAFileOption {
    #[arg(short = 'o', long = "output", hide = true)]
    pub output: Option<PathBuf>,
}

/// `--out` given to a command that writes one file (`-o FILE`): it names
/// a folder everywhere. Hidden; the command says what to give.
#[derive(clap::Args)]
pub(crate) struct NotAFolderOption {
    #[arg(long = "out", hide = true)]
    pub out: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    Build {
        #[command(flatten)]
        common: Common,
        #[arg(long, required_unless_present = "output")]
        out: Option<PathBuf>,
        #[command(flatten)]
        wrong: NotAFileOption,
        #[command(flatten)]
        workbook: WorkbookArgs,
        #[arg(long)]
        report_template: Option<PathBuf>,
    },
    Report {
        #[command(flatten)]
        common: Common,
        #[arg(long, short, required_unless_present = "out")]
        output: Option<PathBuf>,
        #[command(flatten)]
        wrong: NotAFolderOption,
        #[arg(long)]
        previous: Vec<PathBuf>,
        #[arg(long)]
        draft: bool,
        #[arg(long)]
        report_template: Option<PathBuf>,
        // printpdf's own content streams (the reference) instead of
        // kooste's fast writer: for measuring it.
        #[arg(long, hide = true)]
        reference_writers: bool,
    },
    Merge {
        #[command(flatten)]
        common: Common,
        #[arg(long, short, required_unless_present = "out")]
        output: Option<PathBuf>,
        #[command(flatten)]
        wrong: NotAFolderOption,
        #[command(flatten)]
        workbook: WorkbookArgs,
        #[arg(long)]
        csv: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "finnish")]
        csv_style: CsvStyleArg,
        #[arg(long)]
        json: Option<PathBuf>,
    },
    Template {
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        department: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long, allow_negative_numbers = true)]
        year: i32,
        #[arg(long)]
        from: Option<PathBuf>,
        // Each is refused where the other is meant (see `super::run`);
        // clap asks for one where neither is given.
        #[arg(long, short, required_unless_present_any = ["all", "out"])]
        output: Option<PathBuf>,
        #[arg(long, required_unless_present_any = ["department", "output"])]
        out: Option<PathBuf>,
        #[command(flatten)]
        shared: Shared,
    },
    Convert {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum)]
        to: ConvertArg,
        #[arg(long, value_enum, default_value = "finnish")]
        csv_style: CsvStyleArg,
        #[arg(long, required_unless_present = "output")]
        out: Option<PathBuf>,
        #[command(flatten)]
        wrong: NotAFileOption,
    },
    Validate {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
        #[arg(long)]
        annotate: Option<PathBuf>,
    },
    // The web app; without the `web` feature it says how to build one.
    Serve {
        #[arg(long, default_value = "kooste-tyotila")]
        workspace: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        #[arg(long, default_value_t = 50)]
        max_upload_mb: u64,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long, default_value_t = 1024)]
        max_unpacked_mb: u64,
        #[arg(long, default_value_t = 50_000_000)]
        max_cells: u64,
    },
    // The help of the program or of one command.
    Help {
        command: Option<String>,
    },
}

/// A `--date` that is not a date; [`super::usage`] says so in the user's
/// language.
#[derive(Debug, thiserror::Error)]
#[error("not a date (YYYY-MM-DD or DD.MM.YYYY)")]
pub(crate) struct NotADate;

fn parse_date_arg(s: &str) -> Result<Date, NotADate> {
    parse_date(s).map_err(|_| NotADate)
}
