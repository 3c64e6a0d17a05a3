//! Issue 18: text from a submission (cell values, sheet and file names)
//! must not act in what kooste writes: no formula in a CSV cell, no control
//! sequence on the terminal, no malformed XML in a workbook, and one hostile
//! file must not stop the others.

mod common;

use common::{fixture, kooste, stderr, stdout};

/// Every field of a CSV file (no quoted separators in these tests).
fn fields(csv: &str, sep: char) -> Vec<String> {
    csv.lines()
        .flat_map(|l| l.split(sep).map(|f| f.trim_matches('"').to_string()))
        .collect()
}

/// No field of the CSV begins as a formula would.
fn assert_guarded(csv: &str, sep: char) {
    for f in fields(csv, sep) {
        let formula_like = f.starts_with(['=', '+', '@', '\t', '\r'])
            || (f.starts_with('-') && f.parse::<f64>().is_err());
        assert!(!formula_like, "unguarded CSV field {f:?} in:\n{csv}");
    }
}

#[test]
fn every_csv_text_column_is_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("real/safe_formula_sheet_name.xlsx");
    let input = input.to_str().unwrap();
    let merged = dir.path().join("k.csv");
    let o = kooste(&[
        "merge",
        input,
        "-o",
        dir.path().join("k.xlsx").to_str().unwrap(),
        "--csv",
        merged.to_str().unwrap(),
        "--csv-style",
        "plain",
        "--year",
        "2021",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&merged).unwrap();
    assert!(csv.contains("'=cmd|' /C calc'!D2"), "{csv}");
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
    assert_guarded(&csv, ',');

    let out = dir.path().join("conv");
    let o = kooste(&[
        "convert",
        input,
        "--to",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let conv = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let csv = std::fs::read_to_string(conv).unwrap();
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
    assert_guarded(&csv, ';');

    // JSON stays exact.
    let json = dir.path().join("k.json");
    let o = kooste(&[
        "merge",
        input,
        "-o",
        dir.path().join("k2.xlsx").to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let json = std::fs::read_to_string(json).unwrap();
    assert!(
        json.contains("\"source_sheet\": \"=cmd|' /C calc'\""),
        "{json}"
    );
}

/// Opens a workbook with openpyxl; `Err` holds its complaint.
fn openpyxl_opens(path: &std::path::Path) -> Result<(), String> {
    let o = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    if o.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&o.stderr).into_owned())
    }
}

#[test]
fn hostile_sheet_names_give_annotated_copies_for_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "safe_sheet_apostrophe",
        "safe_sheet_control",
        "safe_sheet_brackets",
    ];
    let mut args = vec!["validate".to_string()];
    args.extend(
        names
            .iter()
            .map(|n| fixture(&format!("real/{n}.xlsx")).display().to_string()),
    );
    args.push(fixture("bad_values.xlsx").display().to_string());
    args.extend(["--annotate".into(), dir.path().display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = kooste(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let mut copies: Vec<_> = names
        .iter()
        .map(|n| format!("{n}_tarkistettu.xlsx"))
        .collect();
    copies.push("bad_values_tarkistettu.xlsx".into());
    for copy in &copies {
        let path = dir.path().join(copy);
        assert!(path.exists(), "no {copy}: {}", stderr(&o));
        let names = common::sheet_names(&path);
        assert!(
            names[1] == "Kulut" || names[1].starts_with("Kulut 2021") || copy.starts_with("bad"),
            "{names:?}"
        );
        if common::have_openpyxl() {
            openpyxl_opens(&path).unwrap_or_else(|e| panic!("{copy}: {e}"));
        }
    }
}
