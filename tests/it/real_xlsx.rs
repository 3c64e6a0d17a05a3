//! Submissions shaped like the files people really send, each written by the
//! application that writes such files (tests/fixtures/real/make_xlsx.py):
//! the values kooste reads are checked in its JSON export, and the findings
//! by code and cell.

use crate::common::*;
use serde_json::Value;

fn budgets(ms: &[Value]) -> Vec<(String, f64)> {
    ms.iter()
        .map(|m| {
            (
                m["measure"].as_str().unwrap().to_string(),
                m["budget_eur"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn xlsxwriter_placeholder_results_are_evaluated_not_read_as_zero() {
    let file = "xlsxwriter_placeholder_formula_results.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{fs:?}");
    assert!(fs.is_empty(), "no false total-mismatch: {fs:?}");
    let ms = real_measures(file);
    assert_eq!(
        budgets(&ms),
        [
            ("Koulupihat".to_string(), 110_000.0),
            ("Perhekahvilat".to_string(), 27_500.0)
        ]
    );
    assert_eq!(ms[1]["spent_eur"], 11_000.0);
    assert_eq!(ms[1]["department"], "KYMP", "=Perustiedot!B1 is its text");
}

#[test]
fn a_formula_kooste_cannot_evaluate_is_reported_not_guessed() {
    // XlsxWriter stores 0 for =VLOOKUP("Kerhot",Hinnat!A:B,2,FALSE): the
    // exact lookup on the other sheet is evaluated (4 000 €), not the 0.
    let file = "xlsxwriter_formula_kooste_cannot_evaluate.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    let ms = real_measures(file);
    assert_eq!(ms[1]["measure"], "Kerhot");
    assert_eq!(ms[1]["budget_eur"], 4000.0);
}

#[test]
fn error_cells_are_type_errors_in_xls_and_xlsx() {
    // The CSV export of the same sheet holds the error's text.
    for file in [
        "lo_vlookup_na.xls",
        "lo_vlookup_na.xlsx",
        "lo_vlookup_na.csv",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            [("type-error".to_string(), "D3".to_string())],
            "{file}"
        );
        assert_eq!(fs[0]["value"], "#N/A");
        let names: Vec<String> = budgets(&real_measures(file))
            .into_iter()
            .map(|m| m.0)
            .collect();
        assert_eq!(names, ["Koulupihat"], "{file}: no measure named #N/A");
    }
}

#[test]
fn english_thousands_separators_are_read_from_the_files_evidence() {
    // "90,000" beside "8,400.50": the file writes a decimal point.
    let ms = real_measures("lo_english_locale_as_shown.csv");
    assert_eq!(
        budgets(&ms),
        [
            ("Läksykerho".to_string(), 90_000.0),
            ("Kesäleiri".to_string(), 125_000.0)
        ]
    );
    assert_eq!(ms[0]["spent_eur"], 8_400.5);
    assert_eq!(ms[1]["spent_eur"], 124_999.99);
    // The same workbook exported under a Finnish locale reads the same.
    let fi = real_measures("lo_finnish_locale_as_shown.csv");
    assert_eq!(budgets(&fi), budgets(&ms));
    assert_eq!(fi[1]["spent_eur"], 124_999.99);
    // Numbers stored as text in a workbook, FTE "1.000" included.
    let ms = real_measures("openpyxl_english_numbers_as_text.xlsx");
    assert_eq!(
        budgets(&ms),
        [
            ("Perheneuvola".to_string(), 90_000.0),
            ("Nuorten kahvila".to_string(), 45_500.0)
        ]
    );
    assert_eq!(ms[0]["fte"], 1.0);
    assert_eq!(ms[1]["spent_eur"], 12_250.5);
}

#[test]
fn a_number_nothing_in_the_file_decides_names_both_readings() {
    let (exit, fs) = real_findings("openpyxl_fte_ambiguous.xlsx", &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        [("ambiguous-number".to_string(), "J2".to_string())]
    );
    let msg = fs[0]["message"].as_str().unwrap().replace('\u{a0}', " ");
    assert!(msg.contains("1 000") && msg.contains(" 1."), "{msg}");
}

#[test]
fn rows_below_the_total_are_read_and_what_is_left_out_is_named() {
    let file = "openpyxl_measure_below_total.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    let mut found = codes_at(&fs);
    found.sort();
    assert_eq!(
        found,
        [
            ("unread-content".to_string(), String::new()),
            ("unread-content".to_string(), "A7".to_string()),
            ("unread-content".to_string(), "J2".to_string()),
        ]
    );
    let sheet = fs.iter().find(|f| f["cell"].is_null()).unwrap();
    assert_eq!(sheet["sheet"], "2020");
    let ms = real_measures(file);
    assert_eq!(
        budgets(&ms),
        [
            ("Koulupihat".to_string(), 10_000.0),
            ("Perhekahvilat".to_string(), 20_000.0),
            ("Lisätty myöhemmin".to_string(), 7_000.0),
        ]
    );
    assert_eq!(ms[2]["source_cell"], "D6");
}

#[test]
fn chart_sheets_are_skipped_and_the_measure_sheet_read() {
    for file in [
        "openpyxl_chartsheet_first.xlsx",
        "xlsxwriter_chartsheet.xlsx",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!((exit, fs.len()), (0, 0), "{file}: {fs:?}");
        assert_eq!(
            budgets(&real_measures(file)),
            [("Kulttuurikurssit".to_string(), 15_000.0)],
            "{file}"
        );
    }
}

#[test]
fn merged_department_and_year_fill_every_row() {
    for file in [
        "openpyxl_merged_department_year.xlsx",
        "lo_merged_department_year.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!((exit, fs.len()), (0, 0), "{file}: {fs:?}");
        let ms = real_measures(file);
        assert_eq!(ms.len(), 3, "{file}");
        for m in &ms {
            assert_eq!(m["department"], "KASKO", "{file}");
            assert_eq!(m["year"], 2021, "{file}");
        }
    }
}

#[test]
fn what_people_see_is_what_is_read() {
    let file = "openpyxl_seen_not_stored.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    // Only the status with a visible extra letter is wrong, and the
    // invisible character in it is named.
    assert_eq!(
        codes_at(&fs),
        [("not-allowed".to_string(), "F4".to_string())]
    );
    assert!(
        fs[0]["message"].as_str().unwrap().contains("<U+200B>"),
        "{}",
        fs[0]["message"]
    );
    let ms = real_measures(file);
    assert_eq!(ms.len(), 2);
    for m in &ms {
        assert_eq!(m["department"], "SOTE");
        assert_eq!(m["year"], 2021, "a date shown as a year is that year");
    }
    assert_eq!(ms[0]["status_name"], "toteutusvaihe");
    assert_eq!(ms[1]["areas"][0], "Länsimäki");
    assert_eq!(
        ms[0]["spent_eur"], 2_000.0,
        "Toteuma\\n(euroa) is the actual"
    );
    assert_eq!(ms[1]["fte"], 0.5, "Henkilötyövuodet htv is the FTE");
}

#[test]
fn a_budget_in_thousands_is_not_read_as_euros() {
    let (exit, fs) = real_findings("openpyxl_budget_in_thousands.xlsx", &[]);
    assert_eq!(exit, 1);
    let found = codes_at(&fs);
    assert!(
        found.contains(&("unknown-unit".to_string(), "H1".to_string())),
        "{fs:?}"
    );
    // Nothing is read at the wrong scale: the run has no measure to write.
    let o = kooste(&[
        "validate",
        "--format",
        "json",
        &real("openpyxl_budget_in_thousands.xlsx"),
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["measures"], 0, "{v}");
}

#[test]
fn a_budget_merged_over_two_measures_is_counted_once_and_reported() {
    let file = "openpyxl_budget_merged_over_two_measures.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        [("merged-amount".to_string(), "H3".to_string())]
    );
    assert_eq!(
        budgets(&real_measures(file)),
        [("Koulupihat".to_string(), 100_000.0)]
    );
}

#[test]
fn a_heading_merged_across_the_row_is_named_not_read_as_a_measure() {
    let file = "openpyxl_section_headings_merged.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        codes_at(&fs),
        [
            ("unread-content".to_string(), "A2".to_string()),
            ("unread-content".to_string(), "A4".to_string())
        ]
    );
    assert_eq!(
        budgets(&real_measures(file)),
        [
            ("Koulupihat".to_string(), 1_000.0),
            ("Perhekahvilat".to_string(), 2_000.0)
        ]
    );
}
