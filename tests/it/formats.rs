//! Every input format kooste reads, from files written by real applications
//! (openpyxl, LibreOffice, Finnish-Excel-style CSV bytes).

use crate::common::*;
use serde_json::Value;

/// The six fixtures that hold the same two measures (12 500,50 € and 30 000 €).
const SAME_TWO_MEASURES: [&str; 5] = [
    "title_rows_finnish_text_euros.xlsx",
    "swedish_headers.xls",
    "english_headers_reordered.ods",
    "semicolon_windows1252.csv",
    "comma_utf8_bom.csv",
];

fn validate_json(path: &str) -> Value {
    let o = kooste(&["validate", "--format", "json", path]);
    // Every file here reads without an error; a panic exits 101.
    assert_eq!(o.status.code(), Some(0), "{path}: {}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{path}: {e}: {}", stdout(&o)))
}

#[test]
fn each_format_reads_both_measures_without_errors() {
    for name in SAME_TWO_MEASURES {
        let path = fixture(name);
        let json = validate_json(path.to_str().unwrap());
        assert_eq!(json["summary"]["measures"], 2, "{name}: {json}");
        assert_eq!(json["summary"]["errors"], 0, "{name}: {json}");
        let codes: Vec<&str> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.iter().all(|c| *c == "missing-submission"),
            "{name}: {codes:?}"
        );
        assert_eq!(json["files"][0]["department"], "KYMP", "{name}");
    }
}

#[test]
fn each_format_merges_to_the_same_euros() {
    for name in SAME_TWO_MEASURES {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(name);
        let o = kooste(&[
            "build",
            path.to_str().unwrap(),
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stdout(&o));
        let rows = sheet(&dir.path().join("kooste_2021.xlsx"), "Toimenpiteet");
        let budgets: Vec<f64> = rows[1..].iter().map(|r| num(&r[7])).collect();
        assert_eq!(budgets, [12_500.5, 30_000.0], "{name}");
        let spent: f64 = rows[1..].iter().map(|r| num(&r[8])).sum();
        assert_eq!(spent, 10_000.0, "{name}");
        let areas = rows[2][4].to_string();
        assert_eq!(
            areas, "Länsimäki; Hakunila",
            "{name}: areas by name in the output language"
        );
    }
}

#[test]
fn header_below_title_rows_is_found_and_cells_located() {
    let json = validate_json(
        fixture("title_rows_finnish_text_euros.xlsx")
            .to_str()
            .unwrap(),
    );
    assert_eq!(json["files"][0]["sheet"], "Toimenpiteet");
    assert_eq!(json["files"][0]["rows"], 2, "total row is not a measure");
}

#[test]
fn folder_inputs_are_searched_and_lock_files_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture("comma_utf8_bom.csv"), sub.join("kymp.csv")).unwrap();
    std::fs::write(sub.join("~$kymp.xlsx"), b"lock").unwrap();
    std::fs::write(sub.join("notes.txt"), b"not a submission").unwrap();
    let json = validate_json(dir.path().to_str().unwrap());
    assert_eq!(json["summary"]["files"], 1, "{json}");
    let path = json["files"][0]["path"].as_str().unwrap();
    assert!(path.ends_with("a/b/kymp.csv"), "{path}");
}

/// The zip's part names, not its file name, tell an ODS (or xlsb) apart:
/// a LibreOffice file renamed to .xlsx reads as the same two measures.
#[test]
fn an_ods_named_xlsx_is_read_by_its_parts() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("renamed.xlsx");
    std::fs::copy(fixture("english_headers_reordered.ods"), &renamed).unwrap();
    let json = validate_json(renamed.to_str().unwrap());
    assert_eq!(json["summary"]["measures"], 2, "{json}");
    assert_eq!(json["files"][0]["format"], "ods", "{json}");
}
