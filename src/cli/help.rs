//! The command line in the user's language: the derived `clap::Command`
//! with every text a user reads (the about lines, each option's help and
//! value name, the headings, the usage lines, the help and version flags
//! and the `help` command) taken from `cli.ftl`. clap's own defaults for
//! these are English, so each is replaced: the help and version flags and
//! the help command are kooste's own, each argument gets a heading of the
//! language (so clap's "Arguments" and "Options" are never used), and
//! the usage line is made once with the language's `[OPTIONS]`.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, CommandFactory};

use super::args::Cli;
use kooste::i18n::{Lang, text};

/// The help text and the value name (for an option that takes a value)
/// of argument `arg` of subcommand `sub` (`""` for the top level), as
/// message ids; `None` for a hidden argument.
fn texts(sub: &str, arg: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match (sub, arg) {
        (_, "help") => ("cli-arg-help", None),
        (_, "version") => ("cli-arg-version", None),
        (_, "lang") => ("cli-arg-lang", Some("cli-value-lang")),
        (_, "verbose") => ("cli-arg-verbose", None),
        ("help", "command") => ("cli-arg-command", Some("cli-value-command")),
        ("template", "year") => ("cli-arg-template-year", Some("cli-value-year")),
        ("template", "date") => ("cli-arg-template-date", Some("cli-value-date")),
        ("template", "output") => ("cli-arg-template-output", Some("cli-value-xlsx")),
        ("template", "out") => ("cli-arg-template-out", Some("cli-value-dir")),
        ("template", "department") => ("cli-arg-department", Some("cli-value-department")),
        ("template", "all") => ("cli-arg-all", None),
        ("template", "from") => ("cli-arg-from", Some("cli-value-consolidated")),
        ("report", "output") => ("cli-arg-report-output", Some("cli-value-pdf")),
        ("merge", "output") => ("cli-arg-merge-output", Some("cli-value-xlsx")),
        ("serve", "workspace") => ("cli-arg-workspace", Some("cli-value-dir")),
        ("serve", "listen") => ("cli-arg-listen", Some("cli-value-address")),
        ("serve", "max_upload_mb") => ("cli-arg-max-upload-mb", Some("cli-value-megabytes")),
        (_, "inputs") => ("cli-arg-inputs", Some("cli-value-input")),
        (_, "config") => ("cli-arg-config", Some("cli-value-file")),
        (_, "year") => ("cli-arg-year", Some("cli-value-year")),
        (_, "date") => ("cli-arg-date", Some("cli-value-date")),
        (_, "max_unpacked_mb") => ("cli-arg-max-unpacked-mb", Some("cli-value-megabytes")),
        (_, "max_cells") => ("cli-arg-max-cells", Some("cli-value-count")),
        (_, "quiet") => ("cli-arg-quiet", None),
        (_, "out") => ("cli-arg-out-dir", Some("cli-value-dir")),
        (_, "previous") => ("cli-arg-previous", Some("cli-value-previous")),
        (_, "per_department") => ("cli-arg-per-department", None),
        (_, "draft") => ("cli-arg-draft", None),
        (_, "report_template") => ("cli-arg-report-template", Some("cli-value-file")),
        (_, "csv") => ("cli-arg-csv", Some("cli-value-file")),
        (_, "csv_style") => ("cli-arg-csv-style", Some("cli-value-style")),
        (_, "json") => ("cli-arg-json", Some("cli-value-file")),
        (_, "to") => ("cli-arg-to", Some("cli-value-kind")),
        (_, "format") => ("cli-arg-format", Some("cli-value-kind")),
        (_, "annotate") => ("cli-arg-annotate", Some("cli-value-dir")),
        _ => return None,
    })
}

/// The about line of subcommand `name`.
fn about(name: &str) -> &'static str {
    match name {
        "build" => "cli-about-build",
        "report" => "cli-about-report",
        "merge" => "cli-about-merge",
        "template" => "cli-about-template",
        "convert" => "cli-about-convert",
        "validate" => "cli-about-validate",
        "serve" => "cli-about-serve",
        "help" => "cli-about-help",
        _ => "cli-about",
    }
}

/// The whole command line in `lang`, built (the subcommands' usage lines
/// name the program: `kooste build …`).
pub(crate) fn command(lang: Lang) -> clap::Command {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = translate(Cli::command(), lang, "")
        .about(text(lang, "cli-about"))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        )
        .subcommand_help_heading(text(lang, "cli-heading-commands"))
        .subcommand_value_name(text(lang, "cli-value-command"));
    cmd = cmd.mut_arg("version", |a| arg(a, lang, ""));
    for name in &names {
        cmd = cmd.mut_subcommand(name, |sub| {
            translate(sub, lang, name)
                .about(text(lang, about(name)))
                .long_about(None)
        });
    }
    cmd = cmd.mut_subcommand("help", |h| {
        h.mut_arg("command", |a| {
            a.value_parser(PossibleValuesParser::new(names.clone()))
        })
    });
    cmd.build();
    let options = text(lang, "cli-options-placeholder");
    set_usage(&mut cmd, &options);
    for sub in cmd.get_subcommands_mut() {
        set_usage(sub, &options);
    }
    cmd
}

/// The output option each command needs, which clap leaves off the usage
/// line: it is required unless the other command's form (`-o` for a
/// folder, `--out` for a file) is given, to be refused with a sentence.
const OUTPUT_IN_USAGE: [(&str, &str); 4] = [
    ("build", "out"),
    ("convert", "out"),
    ("merge", "output"),
    ("report", "output"),
];

/// The usage line of `cmd` as it is given in the help and after an error.
pub(crate) fn usage(cmd: &clap::Command) -> String {
    cmd.get_overridden_usage()
        .map(|u| u.to_string())
        .unwrap_or_default()
}

/// `cmd` with the language's help template, its own help flag and every
/// argument's texts; `sub` is its name (`""` for the top level).
fn translate(cmd: clap::Command, lang: Lang, sub: &str) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, "cli-usage-heading")
    );
    let mut cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        )
        .help_template(template);
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| arg(a, lang, sub));
    }
    cmd
}

/// One argument's texts in `lang`.
fn arg(a: Arg, lang: Lang, sub: &str) -> Arg {
    let Some((help, value)) = texts(sub, a.get_id().as_str()) else {
        return a;
    };
    let heading = if a.is_positional() {
        "cli-heading-arguments"
    } else {
        "cli-heading-options"
    };
    // The options every command has come last.
    let a = match a.get_id().as_str() {
        "lang" => a.display_order(900),
        "verbose" => a.display_order(901),
        "help" => a.display_order(902),
        "version" => a.display_order(903),
        _ => a,
    };
    let a = a
        .help(text(lang, help))
        .long_help(None)
        .help_heading(text(lang, heading));
    match value {
        // The help text names the values and the default itself.
        Some(v) => a
            .value_name(text(lang, v))
            .hide_possible_values(true)
            .hide_default_value(true),
        None => a,
    }
}

/// Makes `cmd`'s usage line (clap's, with `[OPTIONS]` in the language)
/// the one shown, so that the help and the errors share it.
fn set_usage(cmd: &mut clap::Command, options: &str) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    let mut usage = usage.replace("[OPTIONS]", options);
    let output = OUTPUT_IN_USAGE
        .iter()
        .find(|(name, _)| *name == cmd.get_name())
        .and_then(|(_, id)| cmd.get_arguments().find(|a| a.get_id() == *id));
    if let Some(a) = output {
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
            .unwrap_or_default();
        let flag = match a.get_short() {
            Some(c) => format!("-{c}"),
            None => format!("--{}", a.get_long().unwrap_or_default()),
        };
        let shown = format!("{options} {flag} <{value}>");
        usage = usage.replacen(options, &shown, 1);
    }
    *cmd = std::mem::take(cmd).override_usage(usage);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument a user can see has its texts, and each id they name
    /// is defined in every language.
    #[test]
    fn every_visible_argument_is_translated() {
        let cmd = Cli::command();
        let mut ids = vec![
            "cli-about",
            "cli-heading-arguments",
            "cli-heading-options",
            "cli-heading-commands",
            "cli-usage-heading",
            "cli-options-placeholder",
            "cli-arg-help",
            "cli-arg-version",
        ];
        let top = std::iter::once(("", &cmd));
        let subs = cmd.get_subcommands().map(|s| (s.get_name(), s));
        for (name, c) in top.chain(subs) {
            ids.push(about(name));
            for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
                let (help, value) = texts(name, a.get_id().as_str())
                    .unwrap_or_else(|| panic!("{name} {}: no help text", a.get_id()));
                ids.push(help);
                ids.extend(value);
            }
        }
        for lang in Lang::ALL {
            for id in &ids {
                assert_ne!(text(lang, id), *id, "{}: {id} undefined", lang.code());
            }
        }
    }

    #[test]
    fn the_help_is_in_the_language() {
        for lang in [Lang::Fi, Lang::Sv] {
            let mut cmd = command(lang);
            let mut helps = vec![cmd.render_help().to_string()];
            for sub in cmd.get_subcommands_mut() {
                helps.push(sub.render_help().to_string());
            }
            for help in helps {
                for english in [
                    "Usage",
                    "Options",
                    "Arguments",
                    "Commands",
                    "Print",
                    "[default",
                    "possible values",
                    "<INPUTS>",
                    "<DIR>",
                    "<FILE>",
                ] {
                    assert!(
                        !help.contains(english),
                        "{}: {english} in\n{help}",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn usage_lines_name_the_program_and_the_command() {
        let cmd = command(Lang::Fi);
        let build = cmd.find_subcommand("build").unwrap();
        let u = usage(build);
        assert!(u.starts_with("kooste build [VALITSIMET]"), "{u}");
        assert!(u.contains("--out <KANSIO>"), "{u}");
        assert!(u.contains("<SYÖTE>..."), "{u}");
        assert!(
            usage(&cmd).starts_with("kooste [VALITSIMET] <KOMENTO>"),
            "{}",
            usage(&cmd)
        );
    }
}
