//! Real .ods submissions (tests/fixtures/real, made by LibreOffice through
//! make_ods.py, the hostile ones by hand) read right by the binary: error
//! results are errors at their cell, merged cells are filled, repeated rows
//! are expanded, and memory follows the cells present.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

fn real(name: &str) -> String {
    format!("tests/fixtures/real/{name}")
}

/// `validate --format json` of one file: (exit code, the JSON).
fn validate(file: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["validate", file, "--format", "json"];
    args.extend_from_slice(extra);
    let o = kooste(&args);
    let json = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (o.status.code(), json)
}

/// The measures `merge --json` writes for one file (with `--draft`, so a
/// file with errors still gives its good rows).
fn measures(file: &str, draft: bool) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let xlsx = dir.path().join("out.xlsx");
    let mut args = vec![
        "merge",
        file,
        "-o",
        xlsx.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ];
    if draft {
        args.push("--draft");
    }
    let o = kooste(&args);
    let text = std::fs::read_to_string(&json)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    match serde_json::from_str(&text).unwrap() {
        Value::Array(rows) => rows,
        other => panic!("not a list of measures: {other}"),
    }
}

/// (code, cell, value) of every finding.
fn findings(json: &Value) -> Vec<(String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("code"), s("cell"), s("value"))
        })
        .collect()
}

fn field<'a>(rows: &'a [Value], key: &str) -> Vec<&'a Value> {
    rows.iter().map(|r| &r[key]).collect()
}

#[test]
fn a_vlookup_giving_na_is_a_type_error_at_its_cell_not_a_measure() {
    let file = real("ods_vlookup_na.ods");
    let (code, json) = validate(&file, &[]);
    assert_eq!(code, Some(1), "{json}");
    assert_eq!(
        findings(&json),
        [
            ("type-error".into(), "D3".into(), "#N/A".into()),
            ("type-error".into(), "H4".into(), "#DIV/0!".into()),
        ],
        "{json}"
    );
    let rows = measures(&file, true);
    assert_eq!(field(&rows, "measure"), ["Nuorten kesätyöt"]);
    assert_eq!(field(&rows, "source_cell"), ["D2"]);
    // The hidden lookup sheet is not taken for the measure sheet.
    assert_eq!(json["files"][0]["sheet"], "Toimenpiteet");
}

#[test]
fn a_department_and_year_merged_down_fill_every_row() {
    let file = real("ods_merged_department_year.ods");
    let (code, json) = validate(&file, &[]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(findings(&json), [], "{json}");
    let rows = measures(&file, false);
    assert_eq!(field(&rows, "id"), ["M-1", "M-2", "M-3", "M-4", "M-5"]);
    assert!(rows.iter().all(|r| r["department"] == "SOTE"), "{rows:?}");
    assert!(rows.iter().all(|r| r["year"] == 2021), "{rows:?}");
    assert_eq!(
        field(&rows, "measure"),
        [
            "Perheohjaus",
            "Nuorten kesätyöt",
            "Kotikäynnit",
            "Koulupolun tuki",
            "Asukastalo"
        ]
    );
    assert_eq!(
        field(&rows, "budget_eur"),
        [10000.0, 20000.0, 5000.0, 7000.0, 3000.0]
    );
    // The title merged across A1:I1 is still the first row, above the header.
    assert_eq!(json["files"][0]["department"], "SOTE");
}

#[test]
fn repeated_template_rows_are_read_and_the_prefilled_ones_skipped() {
    let file = real("ods_repeated_rows_template.ods");
    let (code, json) = validate(&file, &[]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(findings(&json), [], "{json}");
    let rows = measures(&file, false);
    assert_eq!(
        field(&rows, "measure"),
        ["Läksyapu", "Kielikerhot", "Vanhempainillat"]
    );
    assert_eq!(field(&rows, "spent_eur"), [1200.0, 0.0, 450.0]);
    assert!(
        rows.iter()
            .all(|r| r["department"] == "KASKO" && r["year"] == 2021)
    );
}

#[test]
fn repeated_filled_rows_count_against_max_cells() {
    // 297 repeated rows × 2 filled cells are 594 cells on their own.
    let (code, json) = validate(
        &real("ods_repeated_rows_template.ods"),
        &["--max-cells", "500"],
    );
    assert_eq!(code, Some(1), "{json}");
    assert_eq!(findings(&json)[0].0, "too-large", "{json}");
}

/// `validate --format json` of one file: the JSON and the run's peak
/// memory in MiB.
fn validate_peak(file: &str) -> (Value, u64) {
    let (o, mib) = kooste_peak_mib(&["validate", file, "--format", "json"]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let json = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (json, mib)
}

/// The most memory a run of these small files may take: the 16.7 million
/// cells of a 256 × 65 536 sheet or 40 million empty cells, were they made,
/// would take several times more.
const SMALL_FILE_MIB: u64 = 100;

#[test]
fn a_stray_cell_at_iv65536_leaves_the_measures_right() {
    let file = real("ods_stray_cell_iv65536.ods");
    let (json, mib) = validate_peak(&file);
    assert!(mib < SMALL_FILE_MIB, "{mib} MiB");
    // The stray cell stands in a column with no header: reported at
    // IV65536 as content that is not read, and nothing else.
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("unread-content", "IV65536")
    );
    let rows = measures(&file, true);
    assert_eq!(
        field(&rows, "measure"),
        ["Kirjastojen läksykerho", "Kesäteatteri", "Perhekonsertit"]
    );
    assert_eq!(field(&rows, "budget_eur"), [4000.0, 6000.0, 2500.5]);
    assert_eq!(field(&rows, "spent_eur"), [3500.0, 6000.0, 1000.0]);
}

#[test]
fn forty_million_declared_empty_cells_cost_nothing() {
    let (json, mib) = validate_peak(&real("ods_40m_repeated_cells.ods"));
    assert!(mib < SMALL_FILE_MIB, "{mib} MiB");
    // Nor do they count towards the limit of cells: a limit of a
    // four-hundredth of them reads the same.
    let (_, limited) = validate(
        &real("ods_40m_repeated_cells.ods"),
        &["--max-cells", "100000"],
    );
    assert_eq!(limited, json);
    assert_eq!(json["summary"]["measures"], 1, "{json}");
    // The one cell after the 40 000 × 1 000 empty ones is at ALM40003.
    assert!(
        findings(&json)
            .iter()
            .all(|(_, cell, _)| cell.ends_with("40003")),
        "{json}"
    );
}

/// A minimal .ods package with one sheet of `rows`.
fn write_ods(path: &Path, rows: &str) {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Toimenpiteet">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn row(cells: &[&str]) -> String {
    let mut s = String::from("<table:table-row>");
    for c in cells {
        if let Some(f) = c.strip_prefix('=') {
            s += &format!(r#"<table:table-cell table:formula="of:={f}"/>"#);
        } else {
            s += &format!(
                r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#
            );
        }
    }
    s + "</table:table-row>"
}

#[test]
fn a_formula_without_a_stored_value_is_found_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("kaava.ods");
    let header = [
        "Tunnus",
        "Toimiala",
        "Painopiste",
        "Toimenpide",
        "Alue",
        "Vaihe",
        "Vuosi",
        "Budjetti (€)",
    ];
    let data = [
        "F-1",
        "SOTE",
        "2",
        "Perheohjaus",
        "Mikkola",
        "toteutusvaihe",
        "2021",
        "=VLOOKUP([.A2];[.J2:.K8];2;0)",
    ];
    write_ods(&path, &(row(&header) + &row(&data)));
    let (code, json) = validate(path.to_str().unwrap(), &[]);
    assert_eq!(code, Some(1), "{json}");
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("type-error", "H2")
    );
    // The key is not in the (empty) range: Excel's #N/A, not a guess.
    assert!(found[0].2.contains("#N/A"), "{json}");
}
