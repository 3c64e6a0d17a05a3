//! Real submissions read right (issue 17): how the header and the units
//! are read. Units written above the header (a title, a note, a pandas
//! two-row header), a row of units under it, decorated headers (footnote
//! marks, dates, a unit on a second line), hidden columns with stale
//! figures, and number formats that show a number scaled. Each fixture is
//! written by the application that writes such files
//! (tests/fixtures/real/make_misreads.py: openpyxl, XlsxWriter, pandas,
//! LibreOffice for .ods and .xls); the euros kooste reads are checked in
//! its JSON export and the findings by code, cell and severity.

use crate::common::*;
use serde_json::Value;

/// `validate --format json`: the exit code, the findings and how many
/// measures were read.
fn validate(file: &str) -> (i32, Vec<Value>, u64) {
    let o = kooste(&["validate", "--format", "json", &real(file)]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{file}: {e}"));
    (
        o.status.code().expect("an exit code"),
        v["findings"].as_array().cloned().unwrap_or_default(),
        v["summary"]["measures"].as_u64().unwrap(),
    )
}

/// (budget, spent) in euros of each measure merged; a missing spent is -1.
fn euros(file: &str) -> Vec<(f64, f64)> {
    real_measures(file)
        .iter()
        .map(|m| {
            (
                m["budget_eur"].as_f64().unwrap(),
                m["spent_eur"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect()
}

fn severity_at(fs: &[Value], cell: &str, code: &str) -> String {
    fs.iter()
        .find(|f| f["cell"] == cell && f["code"] == code)
        .and_then(|f| f["severity"].as_str())
        .unwrap_or_else(|| panic!("no {code} at {cell}: {fs:?}"))
        .to_string()
}

fn message_at(fs: &[Value], cell: &str, code: &str) -> String {
    fs.iter()
        .find(|f| f["cell"] == cell && f["code"] == code)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no {code} at {cell}: {fs:?}"))
        .replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn a_unit_of_thousands_above_the_header_is_named_and_no_euro_is_read() {
    // The figures are 55 and 120 (thousands); read as euros they would be
    // a thousand times too small, with exit 0.
    for (file, cell, unit) in [
        ("openpyxl_title_thousands_fi.xlsx", "A1", "t€"),
        ("lo_title_thousands_fi.ods", "A1", "t€"),
        ("lo_title_thousands_fi.xls", "A1", "t€"),
        (
            "openpyxl_title_thousands_note_fi.xlsx",
            "A2",
            "tuhansina euroina",
        ),
        ("lo_title_thousands_note_fi.xls", "A2", "tuhansina euroina"),
        ("openpyxl_title_thousands_sv.xlsx", "H2", "i tusen euro"),
        (
            "openpyxl_title_thousands_en.xlsx",
            "A1",
            "in thousands of euros",
        ),
        ("openpyxl_title_1000_eur_fi.xlsx", "A1", "1 000 €"),
        ("lo_title_1000_eur_fi.ods", "A1", "1 000 €"),
        ("pandas_multiindex_thousands.xlsx", "I1", "t€"),
    ] {
        let (exit, fs, measures) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(severity_at(&fs, cell, "unknown-unit"), "error", "{file}");
        let msg = message_at(&fs, cell, "unknown-unit");
        assert!(
            msg.contains(&format!("\"{unit}\"")) && msg.contains("Budjetti (€)"),
            "{file}: {msg}"
        );
        assert_eq!(measures, 0, "{file}: no euro read at the wrong scale");
    }
}

#[test]
fn a_title_that_says_euros_reads_the_euros() {
    let file = "openpyxl_title_euros_fi.xlsx";
    let (exit, fs, _) = validate(file);
    assert_eq!((exit, fs.len()), (0, 0), "{fs:?}");
    assert_eq!(euros(file), [(55_000.0, 20_000.0), (120_000.0, 100_000.0)]);
}

#[test]
fn a_row_of_units_under_the_header_belongs_to_it() {
    // € € htv: the columns' own units, read, the row named once.
    for file in [
        "openpyxl_unit_row_euros.xlsx",
        "lo_unit_row_euros.ods",
        "lo_unit_row_euros.xls",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unit-row", "H2")]), "{file}");
        assert_eq!(severity_at(&fs, "H2", "unit-row"), "warning");
        assert!(message_at(&fs, "H2", "unit-row").contains("€, €, htv"));
        assert_eq!(
            euros(file),
            [(55_000.0, 20_000.0), (120_000.0, 100_000.0)],
            "{file}"
        );
    }
    // Swedish, written otherwise: euro, (EUR), årsverken.
    for file in ["openpyxl_unit_row_sv.xlsx", "lo_unit_row_sv.xls"] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unit-row", "H2")]), "{file}");
        assert_eq!(
            euros(file),
            [(55_000.0, 20_000.0), (110_000.0, 40_000.0)],
            "{file}"
        );
    }
    // t€ under the euro columns: named at each unit's cell, not read.
    for file in [
        "openpyxl_unit_row_thousands.xlsx",
        "lo_unit_row_thousands.ods",
    ] {
        let (exit, fs, measures) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("unknown-unit", "H2"),
                ("unit-row", "H2"),
                ("unknown-unit", "I2")
            ]),
            "{file}"
        );
        assert_eq!(measures, 0, "{file}");
    }
    // English: EUR is read; 1 000 EUR is named and the actual left out.
    let file = "openpyxl_unit_row_en.xlsx";
    let (exit, fs, _) = validate(file);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        pairs(&[("unit-row", "H2"), ("unknown-unit", "I2")])
    );
    assert_eq!(euros(file), [(55_000.0, -1.0), (110_000.0, -1.0)]);
}

#[test]
fn decorated_headers_are_read_as_their_field() {
    // Footnote marks, a date, a second line with the unit: the actual is
    // read, in three languages and three formats.
    for (file, spent) in [
        ("openpyxl_header_footnote_fi.xlsx", [20_000.0, 100_000.0]),
        ("lo_header_footnote_fi.ods", [20_000.0, 100_000.0]),
        ("lo_header_footnote_fi.xls", [20_000.0, 100_000.0]),
        ("openpyxl_header_superscript_fi.xlsx", [20_000.0, 100_000.0]),
        ("openpyxl_header_date_fi.xlsx", [20_000.0, 100_000.0]),
        ("lo_header_date_fi.ods", [20_000.0, 100_000.0]),
        ("lo_header_date_fi.xls", [20_000.0, 100_000.0]),
        (
            "openpyxl_header_second_line_euros_fi.xlsx",
            [20_000.0, 100_000.0],
        ),
        ("openpyxl_header_decorated_sv.xlsx", [20_000.0, 40_000.0]),
        ("lo_header_decorated_sv.ods", [20_000.0, 40_000.0]),
        ("openpyxl_header_decorated_en.xlsx", [20_000.0, 40_000.0]),
        ("lo_header_decorated_en.xls", [20_000.0, 40_000.0]),
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!((exit, codes_at(&fs)), (0, vec![]), "{file}");
        let read: Vec<f64> = euros(file).iter().map(|e| e.1).collect();
        assert_eq!(read, spent, "{file}");
    }
    // `Toteuma\n1 000 €`: thousands, named at the header, not read.
    for file in [
        "openpyxl_header_second_line_thousands_fi.xlsx",
        "lo_header_second_line_thousands_fi.ods",
        "lo_header_second_line_thousands_fi.xls",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unknown-unit", "I1")]), "{file}");
        assert!(message_at(&fs, "I1", "unknown-unit").contains("\"1 000 €\""));
        assert_eq!(euros(file), [(55.0, -1.0), (120.0, -1.0)], "{file}");
    }
}

#[test]
fn a_hidden_column_is_never_read_in_silence() {
    // I (hidden) holds last year's 11 111 and 22 222; L, visible, this
    // year's 20 000 and 100 000 under a header kooste does not know.
    for file in [
        "openpyxl_hidden_stale_actual.xlsx",
        "lo_hidden_stale_actual.ods",
        "lo_hidden_stale_actual.xls",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("hidden-column", "I1"), ("unknown-column", "L1")]),
            "{file}"
        );
        assert_eq!(severity_at(&fs, "I1", "hidden-column"), "error");
        assert!(message_at(&fs, "I1", "hidden-column").contains("\"Toteutunut 2021\""));
        assert_eq!(
            euros(file),
            [(55_000.0, -1.0), (120_000.0, -1.0)],
            "{file}: the stale figures are not read"
        );
    }
    // The only column of its field: read, with a warning at its header.
    for file in [
        "openpyxl_hidden_only_actual.xlsx",
        "lo_hidden_only_actual.ods",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("hidden-column", "I1")]), "{file}");
        assert_eq!(severity_at(&fs, "I1", "hidden-column"), "warning");
        assert_eq!(
            euros(file),
            [(55_000.0, 11_111.0), (120_000.0, 22_222.0)],
            "{file}"
        );
    }
    // The hidden old actual and a visible new one under the same header:
    // neither is read, both named.
    for file in [
        "openpyxl_hidden_actual_visible_twin.xlsx",
        "lo_hidden_actual_visible_twin.xls",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("hidden-column", "I1"), ("duplicate-column", "L1")]),
            "{file}"
        );
        assert_eq!(severity_at(&fs, "I1", "hidden-column"), "error");
        assert_eq!(euros(file), [(55_000.0, -1.0), (120_000.0, -1.0)], "{file}");
    }
    // XlsxWriter, English: the hidden budget beside a visible revised one.
    let (exit, fs, measures) = validate("xlsxwriter_hidden_budget_en.xlsx");
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        pairs(&[("hidden-column", "H1"), ("unknown-column", "K1")])
    );
    assert_eq!(measures, 0);
}

#[test]
fn a_number_shown_scaled_is_read_as_stored_and_named() {
    // H2 55 000 shown as 55 (#,##0,), H3 1 200 000 as 1,2 M€, H4 300 as
    // 0,3 t€; H5 70 000 under a plain format.
    for file in [
        "openpyxl_scaled_formats.xlsx",
        "lo_scaled_formats.ods",
        "lo_scaled_formats.xls",
    ] {
        let (exit, fs, _) = validate(file);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("scaled-format", "H2"),
                ("scaled-format", "H3"),
                ("scaled-format", "H4")
            ]),
            "{file}"
        );
        let msg = message_at(&fs, "H3", "scaled-format");
        assert!(
            msg.contains("1 200 000") && msg.contains("\"1,2 M€\""),
            "{file}: {msg}"
        );
        assert!(message_at(&fs, "H2", "scaled-format").contains("\"55\""));
        let budgets: Vec<f64> = euros(file).iter().map(|e| e.0).collect();
        assert_eq!(budgets, [55_000.0, 1_200_000.0, 300.0, 70_000.0], "{file}");
    }
}

#[test]
fn thousands_as_abbreviations_and_words_are_one_unit_everywhere() {
    // Tester 17c: these were read as euros with exit 0. The figures are 55
    // and 120 (thousands): no measure is read with them.
    let cases = [
        ("openpyxl_scale_title_0.xlsx", "A1", "Luvut 1 000 euroina"),
        ("openpyxl_scale_title_1.xlsx", "A1", "Rahasummat tuhansina"),
        ("openpyxl_scale_title_2.xlsx", "A1", "Luvut t. €"),
        ("openpyxl_scale_title_3.xlsx", "A1", "Belopp i 1000 euro"),
        (
            "openpyxl_scale_title_4.xlsx",
            "A1",
            "Taulukon luvut tuh. euroa",
        ),
        ("openpyxl_scale_above_0.xlsx", "H1", "x 1000"),
        ("openpyxl_scale_above_1.xlsx", "H1", "tuh. €"),
        ("openpyxl_scale_above_2.xlsx", "H1", "euroa (1000)"),
        ("openpyxl_scale_above_3.xlsx", "H1", "tuhansina"),
    ];
    for (file, cell, unit) in cases {
        let (exit, fs, measures) = validate(file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unknown-unit", cell)]), "{file}");
        assert!(
            message_at(&fs, cell, "unknown-unit").contains(&format!("\"{unit}\"")),
            "{file}"
        );
        assert_eq!(measures, 0, "{file}: no euro read at the wrong scale");
    }
    // In the budget header itself: the column is not read (so the budget
    // is missing), the header named with its unit.
    for (n, unit) in [
        "t. €",
        "tuh. €",
        "1000 euro",
        "thousand EUR",
        "Mio. €",
        "Tsd. €",
    ]
    .iter()
    .enumerate()
    {
        let file = format!("openpyxl_scale_header_{n}.xlsx");
        let (exit, fs, measures) = validate(&file);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(severity_at(&fs, "H1", "unknown-unit"), "error", "{file}");
        let msg = message_at(&fs, "H1", "unknown-unit");
        assert!(msg.contains(&format!("\"{unit}\"")), "{file}: {msg}");
        assert_eq!(measures, 0, "{file}");
    }
}
