//! The `kooste` command line: the arguments, the help and the errors in
//! the user's language, the command run, and the exit code (0 clean, 1
//! error findings, 2 usage, configuration or I/O failure).
//!
//! The language is decided before clap parses ([`lang::scan`]): `--lang`
//! if the raw arguments give it, else the environment ([`lang::from_env`]),
//! so that `--help` and clap's own errors are translated too.

mod args;
mod help;
pub mod lang;
mod run;
mod serve;
mod usage;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;
use clap::error::ErrorKind;

use kooste::i18n::{Lang, render};
use kooste::model::message::Message;

/// Runs the program with the process's arguments and environment.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Double-clicked: the web app in the browser, not the help (only
    // where it was built with the feature `web`).
    #[cfg(feature = "web")]
    if serve::from_desktop() {
        return serve::desktop(lang::from_env(|name| std::env::var_os(name)));
    }
    let early = lang::scan(&args, |name| std::env::var_os(name));
    let mut cmd = help::command(early.lang);
    let matches = match cmd.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        Err(e) => return clap_error(&e, &cmd, &args, early),
    };
    let cli = match args::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e, &cmd, &args, early),
    };
    let lang = cli
        .lang
        .map(Lang::from)
        .unwrap_or_else(|| lang::from_env(|name| std::env::var_os(name)));
    if let args::Command::Help { command } = &cli.command {
        return show_help(&mut help::command(lang), command.as_deref());
    }
    if let args::Command::Serve { .. } = &cli.command {
        return serve::serve(&cli.command, lang, cli.verbose);
    }
    // A run keeps the memory it frees for its next blocks; the server,
    // idle most of its life, does not (`kooste::memory`). Still before
    // any thread starts: parsing the arguments started none.
    kooste::memory::keep_freed_memory();
    // Without it a stopped run leaves its temporary files; the next run
    // into the folder still removes them.
    if let Err(e) = kooste::output::clean_up_on_signals() {
        eprintln!("kooste: {}", render(lang, &Message::new("err-signals")));
        if cli.verbose {
            eprintln!("{}", kooste::error::detail_lines(lang, &e.to_string()));
        }
    }
    match run::run(&cli.command, lang, cli.verbose) {
        Ok(outcome) => ExitCode::from(outcome.exit_code() as u8),
        Err(e) => {
            eprintln!("{}", e.report(lang, cli.verbose));
            ExitCode::from(2)
        }
    }
}

/// Prints the help or version clap was asked for, or says what is wrong
/// with the command line (exit 2).
fn clap_error(
    e: &clap::Error,
    cmd: &clap::Command,
    args: &[OsString],
    early: lang::Early,
) -> ExitCode {
    match e.kind() {
        // The help and the version, already in the language.
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        // `kooste` alone: the help, on stderr, as an error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            eprintln!("{}", usage::report(e, cmd, args, early.lang, early.verbose));
            ExitCode::from(2)
        }
    }
}

/// `kooste help [COMMAND]`: the help of the program or of one command.
fn show_help(cmd: &mut clap::Command, name: Option<&str>) -> ExitCode {
    let target = match name.and_then(|n| cmd.find_subcommand_mut(n)) {
        Some(sub) => sub,
        None => cmd,
    };
    match target.print_help() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
