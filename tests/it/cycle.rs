//! The yearly cycle as the README spells it (2021 → 2022 → 2023), the
//! checks of the earlier year's workbook (`--previous`, `template --from`)
//! and the options every command takes.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::common::*;

/// Every `kooste` command of the README's `sh` blocks, in an order in which
/// they run one after another in one folder, with the exit code each
/// gives. A test holds this list and the README to the same commands, so
/// neither can change without the other.
const README_COMMANDS: [(&str, i32); 15] = [
    ("kooste build samples/2021 --out out", 0),
    ("kooste template --all --year 2022 --out pohjat", 0),
    // Here the departments fill them in (`fill_in`).
    ("kooste validate palautukset --annotate takaisin", 0),
    (
        "kooste build palautukset --out out --previous out/kooste_2021.xlsx",
        0,
    ),
    (
        "kooste template --all --year 2023 --from out/kooste_2022.xlsx --out pohjat2023 --config ohjelma.toml",
        0,
    ),
    ("kooste build samples/2021 --out out --date 2022-02-15", 0),
    ("kooste merge samples/2020 -o out/kooste_2020.xlsx", 0),
    (
        "kooste report samples/2021 -o out/vuosiraportti_2021.pdf --previous out/kooste_2020.xlsx --lang sv",
        0,
    ),
    (
        "kooste merge samples/2021 -o out/kooste_2021.xlsx --previous out/kooste_2020.xlsx --csv out/kooste_2021.csv",
        0,
    ),
    (
        "kooste validate samples/2021 tests/fixtures/bad_values.xlsx",
        1,
    ),
    (
        "kooste validate tests/fixtures/messy_many_problems.xlsx --annotate takaisin",
        1,
    ),
    // The programme period: each year's outputs in a folder of its own.
    ("kooste build samples/2019 --out vuodet/2019", 0),
    (
        "kooste build samples/2020 --out vuodet/2020 --previous vuodet/2019",
        0,
    ),
    (
        "kooste build samples/2021 --out vuodet/2021 --previous vuodet/2019 --previous vuodet/2020",
        0,
    ),
    (
        "kooste template --all --year 2025 --out jarvela --config templates/programmes/jarvela/programme.toml",
        0,
    ),
];

/// The `kooste …` lines of the README's `sh` blocks, without their comments.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if in_sh && line.starts_with("kooste ") {
            let command = line.split(" #").next().unwrap().trim();
            out.push(command.to_string());
        }
    }
    out
}

/// A folder to run the README's commands in: the repository's samples,
/// test fixtures and templates linked in, as they are beside a checkout.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["samples", "tests", "templates"] {
        std::os::unix::fs::symlink(root().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// Runs `command` (a README line) in `dir`.
fn run_in(dir: &Path, command: &str) -> std::process::Output {
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    kooste_command()
        .current_dir(dir)
        .args(&args)
        .output()
        .expect("kooste runs")
}

/// Step 2 of the cycle: each department returns its 2022 submission, here
/// its 2021 measures converted to CSV with the year made 2022.
fn fill_in(dir: &Path) {
    let converted = dir.join("muunnos");
    let o = run_in(
        dir,
        &format!(
            "kooste convert samples/2021 --to csv --csv-style plain --out {}",
            converted.display()
        ),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let returned = dir.join("palautukset");
    std::fs::create_dir_all(&returned).unwrap();
    for entry in std::fs::read_dir(&converted).unwrap() {
        let path = entry.unwrap().path();
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header = reader.headers().unwrap().clone();
        let year = header.iter().position(|h| h == "Vuosi").unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let mut writer =
            csv::Writer::from_path(returned.join(name.replace("2021", "2022"))).unwrap();
        writer.write_record(&header).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            let row: Vec<&str> = record
                .iter()
                .enumerate()
                .map(|(i, v)| if i == year { "2022" } else { v })
                .collect();
            writer.write_record(&row).unwrap();
        }
        writer.flush().unwrap();
    }
}

/// The texts of every cell of `sheet_name`, flattened.
fn cells(path: &Path, sheet_name: &str) -> Vec<String> {
    sheet(path, sheet_name)
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect()
}

fn sha256_hex(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_readme_lists_the_commands_the_test_runs() {
    let mut readme = readme_commands();
    let mut listed: Vec<String> = README_COMMANDS.iter().map(|(c, _)| c.to_string()).collect();
    readme.sort();
    listed.sort();
    assert_eq!(readme, listed);
}

#[test]
fn the_readme_cycle_and_examples_run_as_written() {
    let dir = workspace();
    let d = dir.path();
    // The programme continued into 2023, as the README says.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(
            "`ohjelma.toml` is a\ncopy of `templates/programme.toml` with `last_year = 2023`"
        ),
        "the README says how ohjelma.toml is made"
    );
    let programme = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    assert!(programme.contains("\nlast_year = 2022\n"));
    std::fs::write(
        d.join("ohjelma.toml"),
        programme.replace("\nlast_year = 2022\n", "\nlast_year = 2023\n"),
    )
    .unwrap();
    for (command, exit) in README_COMMANDS {
        if command.starts_with("kooste validate palautukset") {
            fill_in(d);
        }
        if command.contains("--year 2023") {
            // Without the continued programme, the year is refused with
            // the key to change.
            let without = command.replace(" --config ohjelma.toml", "");
            let o = run_in(d, &without);
            assert_eq!(o.status.code(), Some(2), "{without}");
            assert_eq!(
                stderr(&o).trim_end(),
                "kooste: --year 2023: vuosi ei kuulu sisäänrakennetun ohjelman kauteen \
                 2019–2022. Anna jokin ohjelmakauden vuosista, tai jos ohjelma jatkuu, \
                 kopioi templates/programme.toml, anna kopiossa programme.last_year = 2023 \
                 ja käytä kopiota valitsimella --config."
            );
            assert!(!d.join("pohjat2023").exists());
        }
        let o = run_in(d, command);
        assert_eq!(
            o.status.code(),
            Some(exit),
            "{command}\n{}{}",
            stdout(&o),
            stderr(&o)
        );
        if command.starts_with("kooste build palautukset") {
            let previous_sha = sha256_hex(&d.join("out/kooste_2021.xlsx"));
            let sources = sheet(&d.join("out/kooste_2022.xlsx"), "Lähteet");
            let row = sources
                .iter()
                .find(|r| r[0] == "out/kooste_2021.xlsx")
                .expect("the earlier workbook is a source");
            assert_eq!(row[6].to_string(), "vertailu: vuoden 2021 kooste");
            assert_eq!(row[7].to_string(), previous_sha);
            let text = stdout(&o);
            assert!(text.contains("out/vuosiraportti_2022.pdf"), "{text}");
        }
    }
    // Each year's templates give that year's deadline.
    let y2022 = cells(&d.join("pohjat/sote_2022.xlsx"), "Ohjeet");
    assert!(
        y2022.iter().any(|c| c == "Palautus viimeistään 31.1.2023."),
        "{y2022:?}"
    );
    let y2023 = cells(&d.join("pohjat2023/sote_2023.xlsx"), "Ohjeet");
    assert!(
        y2023.iter().any(|c| c == "Palautus viimeistään 31.1.2024."),
        "{y2023:?}"
    );
    // The 2023 templates are prefilled from the 2022 workbook.
    let measures = sheet(&d.join("pohjat2023/sote_2023.xlsx"), "Toimenpiteet");
    assert_eq!(measures[5][0].to_string(), "SOTE-01");
    assert_eq!(num(&measures[5][6]), 2023.0);
}

/// The consolidated workbooks of 2020 and 2021, and a folder for outputs.
fn workbooks() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (k2020, k2021) = (dir.path().join("k2020.xlsx"), dir.path().join("k2021.xlsx"));
    for (input, path) in [("samples/2020", &k2020), ("samples/2021", &k2021)] {
        let o = kooste(&["merge", input, "-o", path.to_str().unwrap(), "-q"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    (dir, k2020, k2021)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `args`, expects exit 2 with `sentence` (after `kooste: `) and no
/// file at `output`.
fn refused(args: &[&str], sentence: &str, output: &Path) {
    let o = kooste(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
    assert_eq!(
        stderr(&o).trim_end(),
        format!("kooste: {sentence}"),
        "{args:?}"
    );
    assert!(!output.exists(), "{args:?}: {}", output.display());
}

#[test]
fn previous_takes_only_an_earlier_consolidated_workbook_of_the_programme() {
    let (dir, k2020, k2021) = workbooks();
    let out = dir.path().join("x.xlsx");
    let submission = "samples/2021/kasko_2021.xlsx";
    refused(
        &[
            "merge",
            "samples/2021",
            "-o",
            s(&out),
            "--previous",
            submission,
        ],
        &format!(
            "{submission}: valitsin --previous tarvitsee kooste-ohjelman kirjoittaman \
             koostetyökirjan (sen kirjoittaa kooste build tai merge), eikä tämä tiedosto \
             ole sellainen. Anna aiemman vuoden kooste_<vuosi>.xlsx."
        ),
        &out,
    );
    // A template kooste wrote is a submission too.
    let template = dir.path().join("sote_2021.xlsx");
    let o = kooste(&[
        "template",
        "--department",
        "sote",
        "--year",
        "2021",
        "-o",
        s(&template),
    ]);
    assert_eq!(o.status.code(), Some(0));
    refused(
        &[
            "merge",
            "samples/2021",
            "-o",
            s(&out),
            "--previous",
            s(&template),
            "--lang",
            "en",
        ],
        &format!(
            "{}: --previous needs a consolidated workbook written by kooste (kooste build \
             or merge writes one), and this file is not one. Give an earlier year's \
             kooste_<year>.xlsx.",
            s(&template)
        ),
        &out,
    );
    refused(
        &[
            "merge",
            "samples/2021",
            "-o",
            s(&out),
            "--previous",
            s(&k2021),
        ],
        &format!(
            "{}: koostetyökirja on vuodelta 2021, samalta vuodelta kuin tämä ajo; \
             valitsin --previous tarvitsee työkirjan vuotta 2021 aiemmalta vuodelta.",
            s(&k2021)
        ),
        &out,
    );
    let pdf = dir.path().join("r.pdf");
    refused(
        &[
            "report",
            "samples/2020",
            "-o",
            s(&pdf),
            "--previous",
            s(&k2021),
            "--lang",
            "en",
        ],
        &format!(
            "{}: the consolidated workbook is of 2021, later than this run's 2020; \
             --previous needs one of a year before 2020.",
            s(&k2021)
        ),
        &pdf,
    );
    // Another programme: a second configuration with its own name and code.
    let other = dir.path().join("muu.toml");
    let programme = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    std::fs::write(
        &other,
        programme
            .replace("code = \"MEK\"", "code = \"LÄHI\"")
            .replace(
                "fi = \"Myönteisen erityiskohtelun toimintaohjelma\"",
                "fi = \"Lähiöohjelma\"",
            ),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    refused(
        &[
            "build",
            "samples/2021",
            "--out",
            s(&out_dir),
            "--previous",
            s(&k2020),
            "--config",
            s(&other),
        ],
        &format!(
            "{}: koostetyökirja on toisen ohjelman, Myönteisen erityiskohtelun \
             toimintaohjelma (MEK), ei ohjelman Lähiöohjelma (LÄHI). Anna tämän ohjelman \
             työkirja tai sen ohjelman asetustiedosto valitsimella --config.",
            s(&k2020)
        ),
        &out_dir,
    );
    // An earlier year's workbook of the programme is taken, and listed
    // among the sources.
    let o = kooste(&[
        "merge",
        "samples/2021",
        "-o",
        s(&out),
        "--previous",
        s(&k2020),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sources = sheet(&out, "Lähteet");
    let row = sources.iter().find(|r| r[0] == s(&k2020)).expect("listed");
    assert_eq!(row[7].to_string(), sha256_hex(&k2020));
    assert_eq!(row[6].to_string(), "vertailu: vuoden 2020 kooste");
    assert_eq!(num(&row[5]), 0.0, "no measures of this year's");
}

#[test]
fn template_from_takes_only_an_earlier_years_workbook() {
    let (dir, _k2020, k2021) = workbooks();
    let out = dir.path().join("pohjat");
    refused(
        &[
            "template",
            "--all",
            "--year",
            "2021",
            "--from",
            s(&k2021),
            "--out",
            s(&out),
        ],
        &format!(
            "{}: koostetyökirja on vuodelta 2021, samalta vuodelta kuin tämä ajo; \
             valitsin --from tarvitsee työkirjan vuotta 2021 aiemmalta vuodelta.",
            s(&k2021)
        ),
        &out,
    );
    refused(
        &[
            "template",
            "--all",
            "--year",
            "2020",
            "--from",
            s(&k2021),
            "--out",
            s(&out),
        ],
        &format!(
            "{}: koostetyökirja on vuodelta 2021, myöhemmältä kuin tämän ajon vuosi 2020; \
             valitsin --from tarvitsee työkirjan vuotta 2020 aiemmalta vuodelta.",
            s(&k2021)
        ),
        &out,
    );
    refused(
        &[
            "template",
            "--all",
            "--year",
            "2022",
            "--from",
            "samples/2021/kymp_2021.xlsx",
            "--out",
            s(&out),
        ],
        "samples/2021/kymp_2021.xlsx: valitsin --from tarvitsee kooste-ohjelman kirjoittaman \
         koostetyökirjan (sen kirjoittaa kooste build tai merge), eikä tämä tiedosto ole \
         sellainen. Anna aiemman vuoden kooste_<vuosi>.xlsx.",
        &out,
    );
    let o = kooste(&[
        "template",
        "--all",
        "--year",
        "2022",
        "--from",
        s(&k2021),
        "--out",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn every_command_takes_the_common_options() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let commands: [Vec<String>; 7] = [
        vec![
            "build".into(),
            "samples/2021".into(),
            "--out".into(),
            d("b"),
        ],
        vec![
            "report".into(),
            "samples/2021".into(),
            "-o".into(),
            d("r.pdf"),
        ],
        vec![
            "merge".into(),
            "samples/2021".into(),
            "-o".into(),
            d("m.xlsx"),
        ],
        vec![
            "template".into(),
            "--department".into(),
            "sote".into(),
            "--year".into(),
            "2022".into(),
            "-o".into(),
            d("t.xlsx"),
        ],
        vec![
            "template".into(),
            "--all".into(),
            "--year".into(),
            "2022".into(),
            "--out".into(),
            d("t"),
        ],
        vec![
            "convert".into(),
            "samples/2021".into(),
            "--to".into(),
            "json".into(),
            "--out".into(),
            d("c"),
        ],
        vec!["validate".into(), "samples/2021".into()],
    ];
    let config = root().join("templates/programme.toml");
    for quiet in ["-q", "--quiet"] {
        for command in &commands {
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.extend([
                quiet,
                "--lang",
                "en",
                "--config",
                config.to_str().unwrap(),
                "--date",
                "2022-02-15",
                "--verbose",
                "--max-cells",
                "1000000",
                "--max-unpacked-mb",
                "100",
            ]);
            let o = kooste(&args);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            assert!(
                stdout(&o).contains("Wrote") || command[0] == "validate",
                "{args:?}: in English: {}",
                stdout(&o)
            );
        }
    }
}

#[test]
fn o_names_a_file_and_out_a_folder_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x");
    let x = s(&p);
    let cases: [(Vec<&str>, String); 6] = [
        (
            vec!["build", "samples/2021", "-o", x],
            format!(
                "kooste build writes into a folder: give the folder with --out {x}. -o \
                 (--output) names a file, as in merge, report and template --department."
            ),
        ),
        (
            vec!["convert", "samples/2021", "--to", "csv", "--output", x],
            format!(
                "kooste convert writes into a folder: give the folder with --out {x}. -o \
                 (--output) names a file, as in merge, report and template --department."
            ),
        ),
        (
            vec!["template", "--all", "--year", "2022", "-o", x],
            format!(
                "kooste template --all writes into a folder: give the folder with --out {x}. \
                 -o (--output) names a file, as in merge, report and template --department."
            ),
        ),
        (
            vec!["merge", "samples/2021", "--out", x],
            format!(
                "kooste merge writes one file: give the file with -o {x}. --out names a \
                 folder, as in build, convert and template --all."
            ),
        ),
        (
            vec!["report", "samples/2021", "--out", x],
            format!(
                "kooste report writes one file: give the file with -o {x}. --out names a \
                 folder, as in build, convert and template --all."
            ),
        ),
        (
            vec![
                "template",
                "--department",
                "sote",
                "--year",
                "2022",
                "--out",
                x,
            ],
            format!(
                "kooste template --department writes one file: give the file with -o {x}. \
                 --out names a folder, as in build, convert and template --all."
            ),
        ),
    ];
    for (mut args, sentence) in cases {
        args.extend(["--lang", "en"]);
        refused(&args, &sentence, &p);
    }
}
