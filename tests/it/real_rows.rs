//! Real submissions read right (issue 17), rows and formulas: hidden,
//! filtered and collapsed rows, Excel's Data→Subtotal sections, a table's
//! SUBTOTAL total row, and the files of a folder that are text exports or
//! not spreadsheets at all. The fixtures are written by the applications
//! (tests/fixtures/real/make_misreads.py, the block after `hidden_rows`:
//! openpyxl, XlsxWriter, LibreOffice); the euros kooste reads are checked
//! in its JSON export and the findings by code, cell and message.

use crate::common::*;
use serde_json::Value;

/// (measure, budget) of each measure read, in order.
fn budgets(file: &str) -> Vec<(String, f64)> {
    real_measures(file)
        .iter()
        .map(|m| {
            (
                m["measure"].as_str().unwrap().to_string(),
                m["budget_eur"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn message(f: &Value) -> String {
    f["message"]
        .as_str()
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

fn measures_1_to(n: u32, step: f64) -> Vec<(String, f64)> {
    (1..=n)
        .map(|i| (format!("Toimenpide {i}"), step * f64::from(i)))
        .collect()
}

#[test]
fn hidden_and_collapsed_rows_are_read_and_named_in_every_format() {
    // Row 3 hidden by hand, rows 5-6 a collapsed group: all six measures
    // are read (the total of 210 000 agrees), each run of hidden rows named.
    for file in [
        "openpyxl_hidden_and_grouped_rows.xlsx",
        "lo_hidden_and_grouped_rows.ods",
        "lo_hidden_and_grouped_rows.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("hidden-rows", "A3"), ("hidden-rows", "A5")]),
            "{file}"
        );
        assert!(fs.iter().all(|f| f["severity"] == "warning"), "{file}");
        assert!(
            message(&fs[0]).starts_with("Rivi 3 on piilotettu"),
            "{file}: {}",
            message(&fs[0])
        );
        assert!(
            message(&fs[1]).starts_with("Rivit 5–6 (2 toimenpidettä) on piilotettu"),
            "{file}: {}",
            message(&fs[1])
        );
        assert_eq!(budgets(file), measures_1_to(6, 10000.0), "{file}");
    }
}

#[test]
fn filtered_rows_are_read_and_a_subtotal_over_the_shown_rows_is_no_mismatch() {
    // An autofilter hides rows 3-4; SUBTOTAL(9,H2:H5) counts the rows the
    // filter shows (1 000 + 4 000), as Excel computes it.
    let file = "openpyxl_filtered_rows.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        codes_at(&fs),
        pairs(&[
            ("hidden-rows", "A3"),
            ("status-conflict", "D3"),
            ("status-conflict", "D4")
        ])
    );
    assert!(
        message(&fs[0]).contains("suodatettu piiloon"),
        "{}",
        message(&fs[0])
    );
    assert_eq!(budgets(file), measures_1_to(4, 1000.0));
}

#[test]
fn data_subtotal_sections_are_totals_checked_section_by_section() {
    // Subtotals under each section ("Kasvatus ja oppiminen Yhteensä",
    // "2 Summa") and a grand total over them; or the grand total under the
    // header and each subtotal above its section. Unevaluated (openpyxl)
    // or stored (LibreOffice), no subtotal is a measure or a mismatch.
    for file in [
        "openpyxl_subtotal_sections.xlsx",
        "lo_subtotal_sections.xlsx",
        "lo_subtotal_sections.ods",
        "lo_subtotal_sections.xls",
        "openpyxl_subtotals_above_data.xlsx",
        "lo_subtotals_above_data.ods",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert!(fs.is_empty(), "{file}: {:?}", codes_at(&fs));
        assert_eq!(budgets(file), measures_1_to(4, 10000.0), "{file}");
    }
}

#[test]
fn a_section_subtotal_off_names_its_section_sum() {
    // Typed subtotals: 30 000 right, 70 001 a euro over its section's
    // 70 000 (not the 100 000 of every row above); the grand total right.
    let (exit, fs) = real_findings("openpyxl_typed_subtotals_one_off.xlsx", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("total-mismatch", "H7")]));
    let msg = message(&fs[0]);
    assert!(
        msg.contains("70 001 €") && msg.contains("summa on 70 000 €") && msg.contains("ero 1 €"),
        "{msg}"
    );
    // A stale SUBTOTAL result is checked against the rows of its range.
    let (exit, fs) = real_findings("xlsxwriter_stale_subtotal.xlsx", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("total-mismatch", "H4")]));
    let msg = message(&fs[0]);
    assert!(
        msg.contains("30 001 €") && msg.contains("H2:H3") && msg.contains("30 000 €"),
        "{msg}"
    );
}

#[test]
fn a_tables_subtotal_total_row_is_evaluated_through_its_column_names() {
    // XlsxWriter's total row: SUBTOTAL(109,[Budjetti (€)]) stored as 0
    // for Excel to recalculate; kooste evaluates it as 60 000, the sum.
    let file = "xlsxwriter_table_total_row.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    assert!(fs.is_empty(), "{:?}", codes_at(&fs));
    assert_eq!(budgets(file), measures_1_to(3, 10000.0));
}

#[test]
fn a_folders_text_exports_are_read_and_other_files_named() {
    // .fods and the tab-separated .txt hold the same two rows (one is a
    // duplicate file), the .tsv a third; a note and a PDF are named.
    let dir = "folder_exports";
    let (exit, fs) = real_findings(dir, &[]);
    assert_eq!(exit, 0);
    let named: Vec<(String, String)> = fs
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let base = file.rsplit(['/', '\\']).next().unwrap().to_string();
            (f["code"].as_str().unwrap().to_string(), base)
        })
        .collect();
    assert_eq!(
        named,
        pairs(&[
            ("unread-content", "muistio.txt"),
            ("unread-content", "tuloste.pdf"),
            ("duplicate-file", "lo_export_tab.txt"),
        ])
    );
    let mut read: Vec<(String, f64)> = budgets(dir);
    read.sort_by(|a, b| a.0.cmp(&b.0));
    // Runs of spaces and a line break as LibreOffice shows them.
    assert_eq!(
        read,
        [
            ("Kerhot\nkouluille".to_string(), 8000.0),
            ("Kesäkahvila".to_string(), 5000.0),
            ("Koulupihat   ja puistot".to_string(), 12000.0),
        ]
    );
    // Each read alone, as the same rows.
    for file in [
        "folder_exports/lo_export.fods",
        "folder_exports/lo_export_tab.txt",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!((exit, fs.len()), (0, 0), "{file}: {:?}", codes_at(&fs));
        assert_eq!(
            budgets(file),
            [
                ("Koulupihat   ja puistot".to_string(), 12000.0),
                ("Kerhot\nkouluille".to_string(), 8000.0),
            ],
            "{file}"
        );
    }
}

#[test]
fn an_xls_formula_on_another_sheet_is_evaluated_or_shown_with_its_text() {
    // xlwt stores no results: Perustiedot!B2*2 is evaluated (50 000 €),
    // and so is the exact VLOOKUP over the other sheet (I3: 4 000 €).
    let file = "xlwt_cross_sheet_formulas.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    let ms = real_measures(file);
    assert_eq!(ms[1]["spent_eur"], 4000.0, "{ms:?}");
    assert_eq!(
        budgets(file),
        [
            ("Toimenpide 1".to_string(), 50000.0),
            ("Toimenpide 2".to_string(), 10000.0)
        ]
    );
}

#[test]
fn an_id_shown_through_a_code_format_is_read_as_shown_in_every_format() {
    // 7 under "KUKU-"00 shows KUKU-07, 42 under 00000 shows 00042: the ID
    // is what the sheet shows, not the number stored.
    for file in [
        "openpyxl_id_number_formats.xlsx",
        "lo_id_number_formats.xls",
        "lo_id_number_formats.ods",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!((exit, fs.len()), (0, 0), "{file}: {:?}", codes_at(&fs));
        let ids: Vec<String> = real_measures(file)
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, ["KUKU-07", "KUKU-12", "00042"], "{file}");
    }
}

#[test]
fn precision_as_displayed_results_are_no_formula_mismatch() {
    // LibreOffice calculated "precision as displayed" (0.00): 1000/3 is
    // stored as 333,33, =H2*3 as 999,99 (from the rounded 333,33), =H3/7
    // as 285,71. Those are the figures read; none is a formula-mismatch.
    for file in ["lo_precision_as_shown.ods", "lo_precision_as_shown.xls"] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("spent-exceeds-budget", "D2")]),
            "{file}"
        );
        let read: Vec<(f64, f64)> = real_measures(file)
            .iter()
            .map(|m| {
                (
                    m["budget_eur"].as_f64().unwrap(),
                    m["spent_eur"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(read, [(333.33, 999.99), (2000.0, 285.71)], "{file}");
    }
}

#[test]
fn a_file_named_beside_its_folder_is_read_not_named_as_unread() {
    // muistio.txt named on the command line is read (and has no measure
    // sheet); its folder's walk does not also call it unread.
    let dir = real("folder_exports");
    let note = real("folder_exports/muistio.txt");
    let o = kooste(&["validate", "--format", "json", &dir, &note]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let at_note: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().unwrap().ends_with("muistio.txt"))
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(at_note, ["no-measure-sheet"], "{}", stdout(&o));
}
