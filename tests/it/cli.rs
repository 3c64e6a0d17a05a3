//! Issue 20: the command line in the user's language. The language comes
//! from `--lang`, else `KOOSTE_LANG`, else the POSIX locale; the help,
//! clap's own errors and the errors that stop a run are sentences in it,
//! with the operating system's words only under `--verbose`.

use std::path::Path;
use std::process::Output;

use crate::common::{kooste, kooste_with_env, sheet_names, stderr, stdout};

const COMMANDS: [&str; 6] = [
    "build", "report", "merge", "template", "convert", "validate",
];

/// Words of clap's and the operating system's English that a Finnish or
/// Swedish user must not see.
const ENGLISH: [&str; 16] = [
    "No such file",
    "os error",
    "cannot write",
    "error:",
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "unexpected argument",
    "Permission denied",
    "File exists",
    "Is a directory",
    "For more information",
    "tip:",
    "possible values",
];

/// The OS's and clap's own words, which English users do not see either
/// without `--verbose`.
const FOREIGN_TO_EN: [&str; 7] = [
    "No such file",
    "os error",
    "error:",
    "unexpected argument",
    "Permission denied",
    "File exists",
    "For more information",
];

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The first line of the help, by language: the usage heading.
fn usage_heading(o: &Output) -> String {
    let text = stdout(o);
    text.lines()
        .find(|l| l.split(' ').nth(1) == Some("kooste"))
        .and_then(|l| l.split(' ').next())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_language_comes_from_lang_then_kooste_lang_then_the_locale() {
    let help = |args: &[&str], vars: &[(&str, &str)]| {
        let mut all = vec!["--help"];
        all.extend_from_slice(args);
        let o = kooste_with_env(&all, vars);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        usage_heading(&o)
    };
    let (fi, sv, en) = ("Käyttö:", "Användning:", "Usage:");
    assert_eq!(help(&[], &[]), fi, "unset: Finnish");
    assert_eq!(help(&[], &[("LANG", "C")]), fi);
    assert_eq!(help(&[], &[("LANG", "POSIX")]), fi);
    assert_eq!(help(&[], &[("LANG", "de_DE.UTF-8")]), fi);
    assert_eq!(help(&[], &[("LANG", "sv_FI.UTF-8")]), sv);
    assert_eq!(help(&[], &[("LANG", "en_GB")]), en);
    assert_eq!(help(&[], &[("LANG", "fi_FI")]), fi);
    // POSIX: LC_ALL over LC_MESSAGES over LANG; empty counts as unset.
    assert_eq!(
        help(
            &[],
            &[("LANG", "sv_FI.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]
        ),
        en
    );
    assert_eq!(
        help(
            &[],
            &[
                ("LANG", "sv_FI.UTF-8"),
                ("LC_MESSAGES", "en_GB.UTF-8"),
                ("LC_ALL", "fi_FI.UTF-8")
            ]
        ),
        fi
    );
    assert_eq!(help(&[], &[("LC_ALL", ""), ("LANG", "sv_FI.UTF-8")]), sv);
    assert_eq!(
        help(&[], &[("LC_ALL", "de_DE.UTF-8"), ("LANG", "sv_FI.UTF-8")]),
        fi,
        "the first set variable decides, also for another language"
    );
    // KOOSTE_LANG before the locale; one that is not kooste's is passed over.
    assert_eq!(
        help(&[], &[("KOOSTE_LANG", "en"), ("LC_ALL", "sv_FI.UTF-8")]),
        en
    );
    assert_eq!(
        help(&[], &[("KOOSTE_LANG", "de"), ("LANG", "sv_FI.UTF-8")]),
        sv
    );
    // --lang before everything, before or after the command.
    let all = [("KOOSTE_LANG", "en"), ("LC_ALL", "en_GB.UTF-8")];
    assert_eq!(help(&["--lang", "sv"], &all), sv);
    assert_eq!(help(&["--lang=fi"], &all), fi);
}

#[test]
fn the_environment_language_drives_the_outputs_as_lang_does() {
    let dir = tempfile::tempdir().unwrap();
    let by_env = dir.path().join("env.xlsx");
    let by_arg = dir.path().join("arg.xlsx");
    let args = |out: &Path| {
        vec![
            "template".to_string(),
            "--department".into(),
            "SOTE".into(),
            "--year".into(),
            "2022".into(),
            "-o".into(),
            s(out).to_string(),
        ]
    };
    let env_args = args(&by_env);
    let env_args: Vec<&str> = env_args.iter().map(String::as_str).collect();
    let o = kooste_with_env(&env_args, &[("LANG", "sv_FI.UTF-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Skrev: "), "{}", stdout(&o));
    let mut arg_args = args(&by_arg);
    arg_args.extend(["--lang".into(), "sv".into()]);
    let arg_args: Vec<&str> = arg_args.iter().map(String::as_str).collect();
    let o = kooste(&arg_args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(sheet_names(&by_env), sheet_names(&by_arg));
    assert!(
        sheet_names(&by_env).iter().any(|n| n == "Åtgärder"),
        "{:?}",
        sheet_names(&by_env)
    );
}

#[test]
fn the_help_of_every_command_is_in_finnish_and_swedish() {
    let mut asked: Vec<Vec<&str>> = vec![vec!["--help"], vec!["-h"], vec!["help"]];
    for c in COMMANDS {
        asked.push(vec![c, "--help"]);
        asked.push(vec![c, "-h"]);
        asked.push(vec!["help", c]);
    }
    for (lang, heading) in [("fi", "Käyttö:"), ("sv", "Användning:")] {
        for args in &asked {
            let mut all = args.clone();
            all.extend(["--lang", lang]);
            let o = kooste(&all);
            let text = stdout(&o);
            assert_eq!(o.status.code(), Some(0), "{args:?} {lang}: {}", stderr(&o));
            assert!(text.contains(heading), "{args:?} {lang}:\n{text}");
            for english in ENGLISH {
                assert!(
                    !text.contains(english),
                    "{args:?} {lang}: {english:?} in\n{text}"
                );
            }
        }
    }
    // The same by the environment, without --lang.
    let o = kooste_with_env(&["merge", "--help"], &[("LANG", "sv_FI.UTF-8")]);
    assert!(
        stdout(&o).contains("Användning: kooste merge [FLAGGOR]"),
        "{}",
        stdout(&o)
    );
    // English says it in English.
    let o = kooste(&["build", "--help", "--lang", "en"]);
    let text = stdout(&o);
    assert!(
        text.contains("Usage: kooste build [OPTIONS] --out <DIR> <INPUT>..."),
        "{text}"
    );
    assert!(
        text.contains("Options:") && text.contains("Arguments:"),
        "{text}"
    );
    // The version.
    let o = kooste(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("kooste "), "{}", stdout(&o));
}

#[test]
fn no_command_shows_the_help_as_an_error() {
    let o = kooste(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Käyttö: kooste"), "{}", stderr(&o));
    let o = kooste(&["--lang", "sv"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("kooste: ange ett kommando: build"), "{err}");
    assert!(
        err.contains("Användning: kooste [FLAGGOR] <KOMMANDO>"),
        "{err}"
    );
}

/// One way a command fails, with the words each language says it in.
struct Case {
    name: &'static str,
    args: Vec<String>,
    /// Finnish, Swedish, English.
    says: [&'static str; 3],
    /// Whether `--verbose` adds the operating system's words.
    os_words: bool,
}

/// The minimal arguments of `command` writing under `dir`.
fn base(command: &str, dir: &Path) -> Vec<String> {
    let d = |name: &str| s(&dir.join(name)).to_string();
    let list: Vec<String> = match command {
        "build" => vec![
            "build".into(),
            "samples/2021".into(),
            "--out".into(),
            d("out"),
        ],
        "report" => vec![
            "report".into(),
            "samples/2021".into(),
            "-o".into(),
            d("r.pdf"),
        ],
        "merge" => vec![
            "merge".into(),
            "samples/2021".into(),
            "-o".into(),
            d("m.xlsx"),
        ],
        "template" => ["template", "--department", "SOTE", "--year", "2022", "-o"]
            .map(String::from)
            .into_iter()
            .chain([d("t.xlsx")])
            .collect(),
        "convert" => ["convert", "samples/2021", "--to", "csv", "--out"]
            .map(String::from)
            .into_iter()
            .chain([d("c")])
            .collect(),
        "validate" => vec!["validate".into(), "samples/2021".into()],
        _ => unreachable!(),
    };
    list
}

/// The failure paths of `command`, for a fresh `dir` each.
fn cases(command: &str, dir: &Path) -> Vec<Case> {
    let b = || base(command, dir);
    let with = |extra: &[&str]| {
        let mut a = b();
        a.extend(extra.iter().map(|x| x.to_string()));
        a
    };
    // Replaces the value after `option` (the output) with `value`.
    let output = |option: &str, value: &str| {
        let mut a = b();
        if let Some(i) = a.iter().position(|x| x == option) {
            a[i + 1] = value.to_string();
        } else {
            a.extend([option.to_string(), value.to_string()]);
        }
        a
    };
    let mut out = vec![
        Case {
            name: "bad --date",
            args: with(&["--date", "huomenna"]),
            says: [
                "\"huomenna\" ei ole päivämäärä",
                "\"huomenna\" är inget datum",
                "\"huomenna\" is not a date",
            ],
            os_words: false,
        },
        Case {
            name: "unknown argument",
            args: with(&["--bogus"]),
            says: [
                "tuntematon valitsin tai argumentti: --bogus",
                "okänd flagga eller okänt argument: --bogus",
                "unknown option or argument: --bogus",
            ],
            os_words: false,
        },
        Case {
            // A negative count is a wrong number, not an unknown option.
            name: "negative --max-cells",
            args: with(&["--max-cells", "-5"]),
            says: [
                "--max-cells: \"-5\" ei ole kokonaisluku",
                "--max-cells: \"-5\" är inget heltal",
                "--max-cells: \"-5\" is not a whole number",
            ],
            os_words: false,
        },
        Case {
            name: "missing required",
            // Without the output (--out, -o), or validate without inputs.
            args: match command {
                "validate" => vec!["validate".into()],
                _ => b()[..b().len() - 2].to_vec(),
            },
            says: ["puuttu", "saknas", "missing"],
            os_words: false,
        },
    ];
    // Where a file is to be written, a folder is there; where a folder
    // is to be made, a file is there.
    let file = dir.join("file");
    std::fs::write(&file, "x").unwrap();
    let (option, folder_case) = match command {
        "build" | "convert" => ("--out", true),
        "validate" => ("--annotate", true),
        "template" | "report" | "merge" => ("-o", false),
        _ => unreachable!(),
    };
    if folder_case {
        out.push(Case {
            name: "output folder is a file",
            args: output(option, s(&file)),
            says: [
                "tämä on tiedosto eikä kansio",
                "det här är en fil och inte en mapp",
                "this is a file, not a folder",
            ],
            os_words: false,
        });
    } else {
        out.push(Case {
            name: "output file is a folder",
            args: output(option, s(dir)),
            says: ["tämä on kansio", "detta är en mapp", "this is a folder"],
            os_words: false,
        });
    }
    if ["build", "report", "merge"].contains(&command) {
        out.push(Case {
            name: "--previous missing",
            args: with(&["--previous", s(&dir.join("none.xlsx"))]),
            says: [
                "none.xlsx: aiemman vuoden koostetyökirjaa ei löydy",
                "none.xlsx: det finns ingen sammanställning",
                "none.xlsx: there is no earlier year's consolidated workbook",
            ],
            os_words: false,
        });
    }
    // Validate writes only annotated copies, of files with findings.
    let read_only = dir.join("ro");
    std::fs::create_dir(&read_only).unwrap();
    let target = match option {
        "-o" => s(&read_only.join("f")).to_string(),
        _ => s(&read_only).to_string(),
    };
    let mut ro = output(option, &target);
    if command == "validate" {
        ro[1] = "tests/fixtures/bad_values.xlsx".into();
    }
    out.push(Case {
        name: "read-only folder",
        args: ro,
        says: [
            "kirjoittaminen ei onnistu: käyttöoikeudet eivät riitä",
            "det går inte att skriva: behörigheten räcker inte",
            "cannot write: permission denied",
        ],
        os_words: true,
    });
    out
}

/// Whether permissions stop this process from writing (not as root).
fn permissions_apply(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let refused = std::fs::write(probe.join("x"), "x").is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    refused
}

fn check(case: &Case, lang: usize, o: &Output, command: &str) {
    let code = ["fi", "sv", "en"][lang];
    let err = stderr(o);
    let what = format!("{command}, {}, {code}", case.name);
    assert_eq!(o.status.code(), Some(2), "{what}: {err}");
    assert!(err.starts_with("kooste: "), "{what}: {err}");
    assert!(err.contains(case.says[lang]), "{what}: {err}");
    let foreign: &[&str] = if code == "en" {
        &FOREIGN_TO_EN
    } else {
        &ENGLISH
    };
    for english in foreign {
        assert!(!err.contains(english), "{what}: {english:?} in {err}");
    }
    // Finnish and Swedish sentences mostly have letters beyond ASCII, but
    // not all do ("polun osa ei ole kansio"): there the words checked
    // above are the language's own.
    if code != "en" && !case.says[lang].is_ascii() {
        assert!(!err.is_ascii(), "{what}: {err}");
    }
}

#[test]
fn every_command_fails_in_the_users_language() {
    use std::os::unix::fs::PermissionsExt;
    let probe = tempfile::tempdir().unwrap();
    let as_root = !permissions_apply(probe.path());
    if as_root {
        eprintln!("running as root: the read-only folder cases are skipped");
    }
    for command in COMMANDS {
        let names: Vec<&str> = cases(command, tempfile::tempdir().unwrap().path())
            .iter()
            .map(|c| c.name)
            .collect();
        for name in names {
            if as_root && name == "read-only folder" {
                continue;
            }
            for (lang, code) in ["fi", "sv", "en"].into_iter().enumerate() {
                for verbose in [false, true] {
                    let dir = tempfile::tempdir().unwrap();
                    let case = cases(command, dir.path())
                        .into_iter()
                        .find(|c| c.name == name)
                        .unwrap();
                    let ro = dir.path().join("ro");
                    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
                    let mut args: Vec<&str> = case.args.iter().map(String::as_str).collect();
                    args.extend(["--lang", code]);
                    if verbose {
                        args.push("--verbose");
                    }
                    let o = kooste(&args);
                    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
                    if !verbose {
                        check(&case, lang, &o, command);
                        continue;
                    }
                    let err = stderr(&o);
                    assert_eq!(o.status.code(), Some(2), "{command} {name} {code}: {err}");
                    assert!(
                        err.contains(case.says[lang]),
                        "{command} {name} {code}: {err}"
                    );
                    let label = ["lisätieto: ", "tilläggsuppgift: ", "detail: "][lang];
                    if case.os_words {
                        assert!(
                            err.contains(label) && err.contains("(os error"),
                            "{command} {name} {code} --verbose: {err}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn an_unknown_lang_is_said_in_the_environments_language() {
    for (vars, says) in [
        (
            &[][..],
            "kooste: --lang: arvo \"de\" ei kelpaa. Sallitut arvot: fi, sv, en.",
        ),
        (
            &[("KOOSTE_LANG", "sv")][..],
            "kooste: --lang: värdet \"de\" duger inte. Tillåtna värden: fi, sv, en.",
        ),
        (
            &[("LANG", "en_GB.UTF-8")][..],
            "kooste: --lang: the value \"de\" is not allowed. Allowed values: fi, sv, en.",
        ),
    ] {
        for command in COMMANDS {
            let dir = tempfile::tempdir().unwrap();
            let mut args = base(command, dir.path());
            args.extend(["--lang".into(), "de".into()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = kooste_with_env(&args, vars);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert!(err.starts_with(says), "{command} {vars:?}: {err}");
            assert!(
                err.contains(&format!(" kooste {command} ")),
                "usage line: {err}"
            );
            assert!(
                !err.contains("error:") && !err.contains("invalid value"),
                "{err}"
            );
        }
    }
}

#[test]
fn clap_errors_show_the_usage_line_and_clap_words_only_when_verbose() {
    let o = kooste(&["validate", "samples/2021", "--bogus"]);
    let err = stderr(&o);
    assert_eq!(
        err,
        "kooste: tuntematon valitsin tai argumentti: --bogus.\n\
         Käyttö: kooste validate [VALITSIMET] <SYÖTE>...\n\
         Ohje: kooste validate --help\n"
    );
    let o = kooste(&["validate", "samples/2021", "--bogus", "--verbose"]);
    let err = stderr(&o);
    assert!(
        err.contains("  lisätieto: error: unexpected argument '--bogus' found"),
        "{err}"
    );
    let o = kooste(&["bild", "--lang", "en"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.starts_with("kooste: unknown command: bild. Commands: build, report,"),
        "{err}"
    );
    assert!(err.contains("Did you mean build?"), "{err}");
    let o = kooste(&[
        "template",
        "--department",
        "SOTE",
        "--all",
        "--year",
        "2022",
    ]);
    assert!(
        stderr(&o).starts_with("kooste: --department ja --all eivät käy yhdessä"),
        "{}",
        stderr(&o)
    );
}

/// A missing input is said in the user's language, naming the file.
#[test]
fn a_missing_input_is_said_in_the_users_language() {
    for command in COMMANDS.into_iter().filter(|c| *c != "template") {
        for code in ["fi", "sv"] {
            let dir = tempfile::tempdir().unwrap();
            let mut args = base(command, dir.path());
            args[1] = "eiole".into();
            args.extend(["--lang".into(), code.into()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = kooste(&args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert!(
                err.starts_with("kooste: ") && err.contains("\"eiole\""),
                "{err}"
            );
            assert!(!err.is_ascii(), "{command} {code}: {err}");
            for english in ENGLISH {
                assert!(!err.contains(english), "{command} {code}: {err}");
            }
            let mut verbose = args.clone();
            verbose.push("--verbose");
            assert!(stderr(&kooste(&verbose)).contains("(os error 2)"));
        }
    }
}

/// An option given no value is one sentence saying so, in the language;
/// the language is chosen in any case (`--lang EN`).
#[test]
fn an_option_without_a_value_is_said_and_lang_ignores_case() {
    for (lang, want) in [
        ("fi", "--annotate: valitsimelta puuttuu arvo."),
        ("SV", "--annotate: flaggan saknar ett värde."),
        ("En", "--annotate: the option needs a value."),
    ] {
        let o = kooste(&["--lang", lang, "validate", "samples/2021", "--annotate"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).starts_with(&format!("kooste: {want}")),
            "{}",
            stderr(&o)
        );
    }
    let o = kooste(&["validate", "samples/2021", "--lang", "EN", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("5 files, 24 measures"),
        "{}",
        stdout(&o)
    );
}
