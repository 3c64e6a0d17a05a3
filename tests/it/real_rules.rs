//! Issue 17: real submissions read right. Checks across rows see rows with
//! errors; the summary counts what the outputs hold; kooste's own outputs
//! in an input folder are skipped; a run with nothing to report writes
//! nothing. The fixtures are written by openpyxl
//! (`tests/fixtures/real/make_rules.py`) or by kooste itself.

use std::path::{Path, PathBuf};

use crate::common::{kooste, root, sheet, stdout};
use serde_json::Value;

fn real(name: &str) -> String {
    format!("tests/fixtures/real/{name}")
}

/// `validate --format json` of `args`: exit code and the report.
fn validate_json(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["validate", "--format", "json"];
    all.extend_from_slice(args);
    let o = kooste(&all);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    (o.status.code(), v)
}

/// The findings of a report as (code, severity, file, cell, message).
fn findings(v: &Value) -> Vec<(String, String, String, String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("code"), s("severity"), s("file"), s("cell"), s("message"))
        })
        .collect()
}

/// The one finding of `code` at `cell` of `file`.
fn at<'a>(
    all: &'a [(String, String, String, String, String)],
    code: &str,
    file: &str,
    cell: &str,
) -> &'a (String, String, String, String, String) {
    let hits: Vec<_> = all
        .iter()
        .filter(|f| f.0 == code && f.2 == file && f.3 == cell)
        .collect();
    assert_eq!(hits.len(), 1, "{code} at {file}!{cell}: {all:#?}");
    hits[0]
}

/// A copy of the 2021 samples in a temporary folder (inputs are never modified).
fn samples_copy(dir: &Path) -> PathBuf {
    let into = dir.join("in");
    std::fs::create_dir_all(&into).unwrap();
    for e in std::fs::read_dir(root().join("samples/2021")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, into.join(p.file_name().unwrap())).unwrap();
    }
    into
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Files under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_duplicate_with_a_typo_gets_both_findings_at_their_cells() {
    let file = real("duplicate_with_status_typo.xlsx");
    let (exit, v) = validate_json(&[&file]);
    assert_eq!(exit, Some(1));
    let all = findings(&v);
    let typo = at(&all, "not-allowed", &file, "F4");
    assert!(typo.4.contains("toteutus vaihe"), "{typo:?}");
    let dup = at(&all, "duplicate-measure", &file, "D4");
    assert_eq!(dup.1, "error");
    assert!(dup.4.ends_with("on jo solussa D2."), "{dup:?}");
    // The earlier row is the one with the typo: the later row is flagged,
    // naming it.
    at(&all, "not-allowed", &file, "F5");
    let dup = at(&all, "duplicate-measure", &file, "D6");
    assert!(dup.4.ends_with("on jo solussa D5."), "{dup:?}");
    assert_eq!(
        all.iter().filter(|f| f.0 == "duplicate-measure").count(),
        2,
        "{all:#?}"
    );
}

#[test]
fn rows_with_errors_take_part_across_files_and_departments() {
    let kymp = real("duplicate_with_status_typo.xlsx");
    let sote = real("duplicate_across_departments_with_area_typo.xlsx");
    let (_, v) = validate_json(&[&kymp, &sote]);
    let all = findings(&v);
    at(&all, "not-allowed", &sote, "E2");
    // The files are read in path order: SOTE's row, with its typo, is the
    // first; KYMP's is flagged, naming SOTE's cell in full.
    let dup = at(&all, "duplicate-measure", &kymp, "D2");
    assert_eq!(dup.1, "warning", "across departments");
    assert!(
        dup.4.contains(&format!("{sote}!Toimenpiteet!D2")),
        "{dup:?}"
    );
    let mixed = real("department_mismatch_with_budget_typo.xlsx");
    let (_, v) = validate_json(&[&mixed]);
    let all = findings(&v);
    at(&all, "type-error", &mixed, "H6");
    let row = at(&all, "department-mismatch", &mixed, "D6");
    assert!(row.4.contains("SOTE") && row.4.contains("KYMP"), "{row:?}");
    let file = at(&all, "department-mismatch", &mixed, "");
    assert!(file.4.contains("KYMP, SOTE"), "{file:?}");
}

/// Rows of the consolidated workbook's measures sheet (below its header).
fn workbook_rows(xlsx: &Path, name: &str) -> usize {
    sheet(xlsx, name).len() - 1
}

/// The summary line of a command's text output.
fn summary_line(out: &str) -> String {
    out.lines()
        .find(|l| l.contains(" tiedosto"))
        .unwrap_or_else(|| panic!("no summary line: {out}"))
        .to_string()
}

#[test]
fn the_summary_counts_the_rows_the_outputs_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, json) = (dir.path().join("k.xlsx"), dir.path().join("k.json"));
    let dup = real("duplicate_with_status_typo.xlsx");
    let args = ["samples/2021", dup.as_str()];
    let o = kooste(&[
        "merge",
        args[0],
        args[1],
        "-o",
        s(&xlsx),
        "--json",
        s(&json),
        "--draft",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let exported: Vec<Value> = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let written = workbook_rows(&xlsx, "Toimenpiteet");
    assert_eq!(
        written, 26,
        "24 samples and the two measures without errors"
    );
    assert_eq!(exported.len(), written);
    assert!(
        summary_line(&stdout(&o)).contains(
            "26 toimenpidettä (3 riviä jätettiin pois: 2 kaksoiskappaletta, 1 virheellinen)"
        ),
        "{}",
        stdout(&o)
    );
    let (_, v) = validate_json(&args);
    assert_eq!(v["summary"]["measures"], written);
    assert_eq!(v["summary"]["left_out"]["duplicate"], 2);
    assert_eq!(v["summary"]["left_out"]["errors"], 1);
    assert_eq!(v["summary"]["left_out"]["wrong_year"], 0);
    // Rows of another year are counted as such.
    let o = kooste(&[
        "validate",
        "samples/2021",
        "samples/2020/kymp_2020.xlsx",
        "--year",
        "2021",
    ]);
    assert!(
        summary_line(&stdout(&o)).starts_with(
            "6 tiedostoa, 24 toimenpidettä (2 riviä jätettiin pois: 2 toiselta vuodelta), 2 virhettä"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_duplicate_file_is_counted_as_left_out() {
    // A department's file sent again with one measure more: every row sent
    // twice is a duplicate of its department, left out of the outputs and
    // counted so. (A file whose rows are all another's is not read at all:
    // `duplicate-file`, tests/real_variants.rs.)
    let dir = tempfile::tempdir().unwrap();
    let input = samples_copy(dir.path());
    let conv = dir.path().join("conv");
    kooste(&[
        "convert",
        s(&root().join("samples/2021/kymp_2021.xlsx")),
        "--to",
        "csv",
        "--out",
        s(&conv),
    ]);
    let mut again = std::fs::read_to_string(conv.join("kymp_2021.csv")).unwrap();
    let last = again.trim_end().lines().last().unwrap().to_string();
    let mut fields: Vec<&str> = last.split(';').collect();
    fields[0] = "KYMP-99";
    fields[3] = "Uusi toimenpide";
    let added = fields.join(";");
    again = format!("{}\r\n{added}\r\n", again.trim_end());
    std::fs::write(input.join("kymp_2021_again.csv"), again).unwrap();
    let xlsx = dir.path().join("k.xlsx");
    let o = kooste(&[
        "merge",
        s(&input),
        "-o",
        s(&xlsx),
        "--draft",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(workbook_rows(&xlsx, "Measures"), 25);
    let line = stdout(&o)
        .lines()
        .find(|l| l.contains(" files, "))
        .unwrap()
        .to_string();
    assert!(
        line.starts_with("6 files, 25 measures (3 rows left out: 3 duplicates), "),
        "{line}"
    );
    // The sources sheet counts what each file gives the outputs: together
    // the 25 of the measures sheet, not 28.
    let sources = sheet(&xlsx, "Sources");
    let header = &sources[0];
    let col = header
        .iter()
        .position(|c| *c == "Measures")
        .unwrap_or_else(|| panic!("{header:?}"));
    let total: f64 = sources[1..]
        .iter()
        .filter_map(|r| r.get(col).and_then(calamine::DataType::as_f64))
        .sum();
    assert_eq!(total, 25.0);
}

/// Every row of the measures sheet but the source columns (the file names
/// differ between two folders).
fn measures_of(xlsx: &Path) -> Vec<String> {
    sheet(xlsx, "Toimenpiteet")
        .iter()
        .map(|r| format!("{:?}", &r[..r.len() - 2]))
        .collect()
}

#[test]
fn a_second_build_into_its_input_folder_reads_the_same_measures() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples_copy(dir.path());
    let out = input.join("out");
    let build = || kooste(&["build", s(&input), "--out", s(&out), "--date", "2022-02-15"]);
    let first = build();
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    let xlsx = out.join("kooste_2021.xlsx");
    let before = measures_of(&xlsx);
    assert_eq!(before.len(), 25);
    let second = build();
    let text = stdout(&second);
    assert_eq!(second.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "{}: varoitus[own-output]: Tiedosto on koosteen oma tuloste (koostetyökirja)",
            xlsx.display()
        )),
        "{text}"
    );
    assert!(summary_line(&text).contains("24 toimenpidettä"), "{text}");
    assert_eq!(measures_of(&xlsx), before, "the same measures");
    // The PDF is not a submission's extension: it is not even looked at.
    assert!(!text.contains("vuosiraportti_2021.pdf:"), "{text}");
    // A third run finds the same, and a rerun stays byte-identical.
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(build().status.code(), Some(0));
    assert!(std::fs::read(&xlsx).unwrap() == bytes, "byte-identical");
}

/// An annotated copy is read like a template (it is the file sent back
/// corrected); left uncorrected beside its original, it holds the same
/// rows and is set aside as a `duplicate-file`, so nothing counts twice.
#[test]
fn an_annotated_copy_in_the_input_folder_is_not_read_twice() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(
        root().join(real("duplicate_with_status_typo.xlsx")),
        input.join("kymp.xlsx"),
    )
    .unwrap();
    let (exit, first) = validate_json(&[s(&input), "--annotate", s(&input)]);
    assert_eq!(exit, Some(1));
    let copy = input.join("kymp_tarkistettu.xlsx");
    assert!(copy.is_file());
    let (_, second) = validate_json(&[s(&input)]);
    let all = findings(&second);
    let dup = at(&all, "duplicate-file", s(&copy), "");
    assert_eq!(dup.1, "warning");
    assert!(dup.4.contains("kymp.xlsx"), "{dup:?}");
    assert_eq!(second["summary"], {
        let mut s = first["summary"].clone();
        s["warnings"] = (s["warnings"].as_u64().unwrap() + 1).into();
        s
    });
}

#[test]
fn exports_in_the_input_folder_do_not_double_the_measures() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples_copy(dir.path());
    let xlsx = dir.path().join("k.xlsx");
    let (csv, csv_en, json) = (
        input.join("kooste.csv"),
        input.join("kooste_en.csv"),
        input.join("kooste.json"),
    );
    for (lang, style, csv) in [("fi", "finnish", &csv), ("en", "plain", &csv_en)] {
        let o = kooste(&[
            "merge",
            s(&input),
            "-o",
            s(&xlsx),
            "--csv",
            s(csv),
            "--csv-style",
            style,
            "--json",
            s(&json),
            "--lang",
            lang,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    }
    // The JSON export is named explicitly (a folder is not searched for .json).
    let (exit, v) = validate_json(&[s(&input), s(&json)]);
    assert_eq!(exit, Some(0), "{v}");
    assert_eq!(v["summary"]["measures"], 24, "not doubled");
    let all = findings(&v);
    assert!(at(&all, "own-output", s(&csv), "").4.contains("CSV-vienti"));
    at(&all, "own-output", s(&csv_en), "");
    assert!(
        at(&all, "own-output", s(&json), "")
            .4
            .contains("JSON-vienti")
    );
    // --previous reads a consolidated workbook on purpose, as before (of
    // an earlier year: this year's own is refused).
    let earlier = dir.path().join("k2020.xlsx");
    let o = kooste(&["merge", "samples/2020", "-o", s(&earlier)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = kooste(&[
        "merge",
        s(&input),
        "-o",
        s(&dir.path().join("k2.xlsx")),
        "--previous",
        s(&earlier),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = kooste(&[
        "merge",
        s(&input),
        "-o",
        s(&dir.path().join("k3.xlsx")),
        "--previous",
        s(&xlsx),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn nothing_to_report_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let templates = dir.path().join("templates");
    let o = kooste(&[
        "template",
        "--all",
        "--year",
        "2021",
        "--out",
        s(&templates),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = dir.path().join("out");
    for input in [&empty, &templates] {
        let o_dir = s(&out);
        let runs: [Vec<String>; 4] = [
            vec![
                "build".into(),
                s(input).into(),
                "--out".into(),
                o_dir.into(),
            ],
            vec![
                "build".into(),
                s(input).into(),
                "--out".into(),
                o_dir.into(),
                "--draft".into(),
            ],
            vec![
                "merge".into(),
                s(input).into(),
                "-o".into(),
                format!("{o_dir}/k.xlsx"),
            ],
            vec![
                "report".into(),
                s(input).into(),
                "-o".into(),
                format!("{o_dir}/r.pdf"),
            ],
        ];
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = kooste(&args);
            let text = stdout(&o);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {text}");
            assert!(
                text.contains(&format!(
                    "*: virhe[no-measures]: Yhtään toimenpidettä ei löytynyt (katsotut paikat: {}).",
                    input.display()
                )),
                "{args:?}: {text}"
            );
            assert!(
                !text.contains("--draft"),
                "no advice that would not help: {text}"
            );
            assert_eq!(files_under(&out), Vec::<PathBuf>::new(), "{args:?}");
        }
    }
    // validate says so of an empty folder; an untouched template validates
    // clean (tests/templates.rs).
    let (exit, v) = validate_json(&[s(&empty)]);
    assert_eq!(exit, Some(1));
    let all = findings(&v);
    assert_eq!(at(&all, "no-measures", "", "").1, "error");
    let (exit, _) = validate_json(&[s(&templates)]);
    assert_eq!(exit, Some(0));
    // With --draft, rows that all have errors leave nothing to write either.
    let o = kooste(&[
        "build",
        "tests/fixtures/bad_values.xlsx",
        "--out",
        s(&out),
        "--draft",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("virhe[no-measures]"), "{}", stdout(&o));
    assert_eq!(files_under(&out), Vec::<PathBuf>::new());
    let o = kooste(&["validate", s(&dir.path().join("missing"))]);
    assert_eq!(o.status.code(), Some(2), "a folder that does not exist");
}
