//! One fixture per finding code (tests/fixtures/codes, named for the code),
//! the messy file with many problems, and the annotated copy.

use crate::common::*;
use serde_json::Value;

fn findings(path: &str) -> (i32, Vec<Value>) {
    let o = kooste(&["validate", "--format", "json", path]);
    let code = o.status.code().expect("exits, never panics");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{path}: {e}"));
    (code, v["findings"].as_array().unwrap().clone())
}

/// (fixture, code, severity, cell) — cell `None` for whole-file or run-wide findings.
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    ("unreadable-file.xlsx", "unreadable-file", "error", None),
    ("unreadable-file-html.xls", "unreadable-file", "error", None),
    ("encrypted-file.xlsx", "encrypted-file", "error", None),
    ("no-measure-sheet.xlsx", "no-measure-sheet", "error", None),
    ("missing-column.xlsx", "missing-column", "error", None),
    (
        "duplicate-column.xlsx",
        "duplicate-column",
        "error",
        Some("P1"),
    ),
    (
        "unknown-column.xlsx",
        "unknown-column",
        "warning",
        Some("P1"),
    ),
    ("missing-value.xlsx", "missing-value", "error", Some("D3")),
    ("type-error.xlsx", "type-error", "error", Some("H2")),
    ("not-allowed.xlsx", "not-allowed", "error", Some("F2")),
    ("out-of-range.xlsx", "out-of-range", "error", Some("H2")),
    (
        "invalid-format.xlsx",
        "invalid-format",
        "warning",
        Some("O2"),
    ),
    (
        "formula-without-value.xlsx",
        "formula-without-value",
        "error",
        Some("H3"),
    ),
    ("total-mismatch.xlsx", "total-mismatch", "error", Some("H4")),
    (
        "spent-exceeds-budget.xlsx",
        "spent-exceeds-budget",
        "warning",
        Some("D2"),
    ),
    (
        "status-conflict.xlsx",
        "status-conflict",
        "warning",
        Some("D2"),
    ),
    (
        "duplicate-measure.xlsx",
        "duplicate-measure",
        "error",
        Some("D3"),
    ),
    (
        "duplicate-measure-across",
        "duplicate-measure",
        "warning",
        Some("D2"),
    ),
    (
        "department-mismatch.xlsx",
        "department-mismatch",
        "error",
        None,
    ),
    (
        "budget-exceeds-programme.xlsx",
        "budget-exceeds-programme",
        "error",
        None,
    ),
    ("missing-submission", "missing-submission", "warning", None),
    ("wrong-year.xlsx", "wrong-year", "error", Some("G4")),
];

#[test]
fn each_code_is_found_with_its_severity_and_cell() {
    for (name, code, severity, cell) in CASES {
        let path = root().join("tests/fixtures/codes").join(name);
        let (exit, fs) = findings(path.to_str().unwrap());
        let hit = fs
            .iter()
            .find(|f| f["code"] == *code)
            .unwrap_or_else(|| panic!("{name}: no {code} in {fs:?}"));
        assert_eq!(hit["severity"], *severity, "{name}");
        match cell {
            Some(c) => assert_eq!(hit["cell"], *c, "{name}"),
            None => assert!(hit["cell"].is_null(), "{name}: {hit}"),
        }
        assert!(
            !hit["message"].as_str().unwrap().is_empty() && hit["hint"].is_string(),
            "{name}"
        );
        let errors = fs.iter().any(|f| f["severity"] == "error");
        assert_eq!(
            exit,
            i32::from(errors),
            "{name}: exit code follows the errors"
        );
    }
}

#[test]
fn formula_without_value_keeps_the_formula() {
    let (_, fs) = findings("tests/fixtures/codes/formula-without-value.xlsx");
    assert_eq!(fs[0]["value"], "=INDIRECT(\"H2\")*12");
}

#[test]
fn total_mismatch_gives_both_figures_and_the_difference() {
    let (_, fs) = findings("tests/fixtures/codes/total-mismatch.xlsx");
    let msg = fs[0]["message"].as_str().unwrap().replace('\u{a0}', " ");
    assert!(
        msg.contains("2 500 €") && msg.contains("2 000 €") && msg.contains("500 €"),
        "{msg}"
    );
}

#[test]
fn missing_submission_names_each_absent_department() {
    let (_, fs) = findings("tests/fixtures/codes/missing-submission");
    let named: Vec<&str> = fs
        .iter()
        .filter(|f| f["code"] == "missing-submission")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(named.len(), 3, "{named:?}");
    for d in ["KASKO", "KSJ", "KUKU"] {
        assert!(
            named.iter().any(|m| m.contains(d)),
            "{d} missing from {named:?}"
        );
    }
}

#[test]
fn clean_fixtures_give_no_finding() {
    for name in [
        "title_rows_finnish_text_euros.xlsx",
        "swedish_headers.xls",
        "english_headers_reordered.ods",
        "semicolon_windows1252.csv",
        "comma_utf8_bom.csv",
    ] {
        let (exit, fs) = findings(fixture(name).to_str().unwrap());
        assert_eq!((exit, fs.len()), (0, 0), "{name}: {fs:?}");
    }
}

#[test]
fn the_messy_file_gets_every_problem_in_one_run() {
    let (exit, fs) = findings("tests/fixtures/messy_many_problems.xlsx");
    assert_eq!(exit, 1);
    let mut codes: Vec<&str> = fs.iter().map(|f| f["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    codes.dedup();
    let want = [
        "department-mismatch",
        "duplicate-measure",
        "formula-without-value",
        "invalid-format",
        "missing-value",
        "not-allowed",
        "out-of-range",
        "spent-exceeds-budget",
        "status-conflict",
        "total-mismatch",
        "type-error",
        "unknown-column",
    ];
    assert_eq!(codes, want);
}

#[test]
fn annotated_copy_marks_cells_and_leaves_the_original_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("messy.xlsx");
    std::fs::copy(fixture("messy_many_problems.xlsx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = dir.path().join("takaisin");
    let o = kooste(&[
        "validate",
        input.to_str().unwrap(),
        "--annotate",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
    let copy = out.join("messy_tarkistettu.xlsx");
    assert!(copy.is_file(), "{}", stdout(&o));
    // The template's sheets, the findings first and the values with no
    // place in the template (titles, the unknown column) last.
    assert_eq!(
        sheet_names(&copy),
        [
            "Tarkistukset",
            "Toimenpiteet",
            "Ohjeet",
            "Listat",
            "Muut arvot"
        ]
    );
    let list = sheet(&copy, "Tarkistukset");
    let (_, fs) = findings(input.to_str().unwrap());
    let own = fs.iter().filter(|f| f["file"] != "").count();
    assert_eq!(list.len(), own + 1, "one row per finding of the file");
    // The original's data rows 4..=13 are the template's rows 6..=15, each
    // value in its field's column (the original's columns are the
    // template's), as typed.
    let data = sheet(&copy, "Toimenpiteet");
    let original = sheet(&input, "Toimenpiteet");
    let first = original.iter().position(|r| r[0] == "C-1").unwrap();
    let copied = data.iter().position(|r| r[0] == "C-1").unwrap();
    assert_eq!(copied, 5, "the template's first data row (row 6)");
    for (i, row) in original[first..first + 10].iter().enumerate() {
        for (c, v) in row.iter().enumerate().take(15) {
            let got = &data[copied + i][c];
            // A formula without a stored result is shown as its text.
            if v.to_string().is_empty() {
                continue;
            }
            assert_eq!(got.to_string(), v.to_string(), "row {i} col {c}");
        }
    }
    assert_eq!(data[6][7].to_string(), "paljon", "values copied as typed");
    let other = sheet(&copy, "Muut arvot");
    let kept: Vec<String> = other[2..].iter().map(|r| r[2].to_string()).collect();
    assert_eq!(
        kept,
        [
            "Vuosi-ilmoitus 2021",
            "Toimiala: Kaupunkiympäristö",
            "Kommentti"
        ]
    );
    let styles = zip_part(&copy, "xl/styles.xml");
    assert!(
        styles.contains("FFF4B6B6") && styles.contains("FFFFD98A"),
        "red and amber fills"
    );
    let notes = zip_part(&copy, "xl/comments1.xml");
    assert!(
        notes.contains("type-error") && notes.contains("paljon"),
        "notes hold the messages"
    );
    let links = zip_part(&copy, "xl/worksheets/sheet1.xml");
    assert!(
        links.contains("hyperlink") && links.contains("Toimenpiteet'!H7"),
        "links to cells"
    );
}
