//! clap's errors (an unknown option, a missing or invalid value, a missing
//! command) as sentences in the user's language, made from the error's kind
//! and context rather than from clap's English text, followed by the usage
//! line of the command and where to find its help.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::args::NotADate;
use super::help::usage;
use kooste::i18n::{Lang, render, text};
use kooste::model::message::{Arg, Message};

/// What kooste prints for clap's error `e` (not help or version), in
/// `lang`: `kooste: ` and the sentence, the usage line of the command
/// named in `args` (or of the program), and the help to look at; with
/// `verbose`, clap's own words as details.
pub(crate) fn report(
    e: &clap::Error,
    cmd: &clap::Command,
    args: &[std::ffi::OsString],
    lang: Lang,
    verbose: bool,
) -> String {
    let sentence = sentences(e, cmd)
        .iter()
        .map(|m| render(lang, m))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = format!("kooste: {}", kooste::text::terminal(&sentence));
    if verbose {
        let own = e.render().to_string();
        // clap's sentence and tips, without its English usage and hint.
        let own = own
            .lines()
            .take_while(|l| !l.starts_with("Usage:"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push('\n');
        out.push_str(&kooste::error::detail_lines(lang, &own));
    }
    let named = args.iter().skip(1).find_map(|a| {
        let a = a.to_str()?;
        cmd.find_subcommand(a)
    });
    let shown = named.unwrap_or(cmd);
    let program = match named {
        Some(sub) => format!("{} {}", cmd.get_name(), sub.get_name()),
        None => cmd.get_name().to_string(),
    };
    out.push_str(&format!(
        "\n{} {}\n{}",
        text(lang, "cli-usage-heading"),
        kooste::text::terminal(&usage(shown)),
        render(lang, &Message::new("cli-more-help").arg("command", program))
    ));
    out
}

/// The error's sentences: what is wrong, then a suggestion if clap has one.
fn sentences(e: &clap::Error, cmd: &clap::Command) -> Vec<Message> {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let all = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let list = |items: Vec<String>| Arg::List(items.into_iter().map(Arg::Text).collect());
    // `--date <PÄIVÄ>` → `--date`: the option as the user typed it.
    let option = |kind| {
        one(kind)
            .map(|a| match a.split_once(' ') {
                Some((name, _)) if a.starts_with('-') => name.to_string(),
                _ => a,
            })
            .unwrap_or_default()
    };
    let commands = || {
        list(
            cmd.get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect(),
        )
    };
    let did_you_mean =
        |kind| one(kind).map(|s| Message::new("cli-err-did-you-mean").arg("suggestion", s));
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = vec![match e.kind() {
        ErrorKind::UnknownArgument => {
            Message::new("cli-err-unknown-argument").arg("arg", option(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => Message::new("cli-err-unknown-command")
            .arg(
                "command",
                one(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )
            .arg("commands", commands()),
        ErrorKind::MissingSubcommand => {
            Message::new("cli-err-missing-command").arg("commands", commands())
        }
        // The only positional with a list of values: `help COMMAND`.
        ErrorKind::InvalidValue if option(ContextKind::InvalidArg).starts_with(['<', '[']) => {
            Message::new("cli-err-unknown-command")
                .arg("command", value)
                .arg("commands", commands())
        }
        // `--annotate` last on the line, or `--out ""`: clap says the
        // value "" is invalid.
        ErrorKind::InvalidValue if value.is_empty() => {
            Message::new("cli-err-missing-value").arg("arg", option(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => Message::new("cli-err-invalid-value")
            .arg("arg", option(ContextKind::InvalidArg))
            .arg("value", value)
            .arg("allowed", list(all(ContextKind::ValidValue))),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            let id = if source.is_some_and(|s| s.is::<NotADate>()) {
                "cli-err-invalid-date"
            } else if source.is_some_and(|s| s.is::<std::num::ParseIntError>()) {
                "cli-err-invalid-number"
            } else {
                "cli-err-invalid-argument"
            };
            Message::new(id)
                .arg("arg", option(ContextKind::InvalidArg))
                .arg("value", value)
        }
        ErrorKind::MissingRequiredArgument => {
            // `<SYÖTE>...` → `<SYÖTE>`: the sentence ends in a full stop.
            let missing: Vec<String> = all(ContextKind::InvalidArg)
                .into_iter()
                .map(|a| a.trim_end_matches("...").to_string())
                .collect();
            Message::new("cli-err-missing-argument")
                .count("n", missing.len())
                .arg("args", list(missing))
        }
        ErrorKind::ArgumentConflict => {
            let arg = option(ContextKind::InvalidArg);
            let other = option(ContextKind::PriorArg);
            if other.is_empty() || other == arg {
                Message::new("cli-err-repeated").arg("arg", arg)
            } else {
                Message::new("cli-err-conflict")
                    .arg("arg", arg)
                    .arg("other", other)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            Message::new("cli-err-value-count").arg("arg", option(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidUtf8 => Message::new("cli-err-invalid-utf8"),
        _ => Message::new("cli-err-generic"),
    }];
    out.extend(did_you_mean(ContextKind::SuggestedArg));
    out.extend(did_you_mean(ContextKind::SuggestedSubcommand));
    out.extend(did_you_mean(ContextKind::SuggestedValue));
    out
}
