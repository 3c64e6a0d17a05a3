//! Real submissions read right (issue 17), second trial: kinds of file a
//! fresh trial on 2026-12-01 found misread, each written by the application
//! that writes such files (tests/fixtures/real/make_trials.py). The values
//! kooste reads are checked in its JSON export, the findings by code, cell
//! and message.

use crate::common::*;
use serde_json::Value;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn message_at(fs: &[Value], cell: &str) -> String {
    fs.iter()
        .find(|f| f["cell"] == cell)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no finding at {cell}: {fs:?}"))
        .to_string()
}

#[test]
fn an_fte_shown_as_a_duration_is_a_type_error_quoting_what_is_shown() {
    // `[h]:mm` shows 1,5 as 36:00: read as 1,5 FTE in silence before, in
    // xlsx (calamine's durations) and xls alike; LibreOffice's .ods was
    // right. The xls reader knows the bracket's unit (`[mm]:ss`: 2880:00).
    for (file, mm) in [
        ("xlsxwriter_fte_as_duration.xlsx", "48:00"),
        ("lo_fte_as_duration.xls", "2880:00"),
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("type-error", "J2"),
                ("type-error", "J3"),
                ("type-error", "J4")
            ]),
            "{file}"
        );
        assert!(message_at(&fs, "J2").contains("\"36:00\""), "{file}");
        assert!(
            message_at(&fs, "J3").contains(&format!("\"{mm}\"")),
            "{file}"
        );
        assert!(message_at(&fs, "J4").contains("\"18:00\""), "{file}");
    }
}

#[test]
fn a_csv_in_a_code_page_not_offered_is_refused_not_read_as_mac_roman() {
    // cp850's ä and ö are Ñ and î in Mac Roman, „ and ” in Windows-1252:
    // no reading is Finnish, so none is taken (it was Mac Roman, exit 0,
    // "YlÑkoulujen tyîpajat" in every output).
    let (exit, fs) = real_findings("csv_cp850_dos_export.csv", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("unknown-encoding", "")]));
    let msg = fs[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("Mac Roman") && msg.contains("Windows-1252"),
        "{msg}"
    );
}

#[test]
fn a_measure_whose_actual_is_a_subtotal_of_its_quarters_stays_a_measure() {
    // Excel's AutoSum in a filtered list writes `=SUBTOTAL(9,K2:N2)`: the
    // rows were taken for subtotal rows (0 measures and six false
    // total-mismatch errors; a matching one vanished in silence). A row
    // that names a focus area, area or status is a measure; its actual is
    // the formula's value, stored (LibreOffice) or evaluated (openpyxl).
    for file in [
        "openpyxl_actual_as_row_subtotal.xlsx",
        "lo_actual_as_row_subtotal.xlsx",
        "lo_actual_as_row_subtotal.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert!(
            fs.iter().all(|f| f["code"] == "unknown-column"),
            "{file}: {:?}",
            codes_at(&fs)
        );
        let spent: Vec<f64> = real_measures(file)
            .iter()
            .map(|m| m["spent_eur"].as_f64().unwrap())
            .collect();
        assert_eq!(spent, [91500.0, 238900.0, 20000.0], "{file}");
    }
}
