//! Real submissions read right (issue 17): values that were misread, and
//! rows that were lost, without a finding. Each fixture is written by the
//! application that writes such files (tests/fixtures/real/make_misreads.py:
//! openpyxl, xlwt, LibreOffice); the values kooste reads are checked in its
//! JSON export and the findings by code, cell and message.

use crate::common::*;
use serde_json::Value;

/// (measure, budget, spent) of each measure read; a missing spent is -1.
fn euros(ms: &[Value]) -> Vec<(String, f64, f64)> {
    ms.iter()
        .map(|m| {
            (
                m["measure"].as_str().unwrap().to_string(),
                m["budget_eur"].as_f64().unwrap(),
                m["spent_eur"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect()
}

/// The message of the finding at `cell`, its no-break spaces (digit groups,
/// before €) as plain spaces.
fn message_at(fs: &[Value], cell: &str) -> String {
    fs.iter()
        .find(|f| f["cell"] == cell)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no finding at {cell}: {fs:?}"))
        .replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn euro_text_past_the_cents_is_two_readings_or_a_finding_never_rounded() {
    // "1 234,567" and "1 000,125": a thousands group or three decimals;
    // "12,345 €": a lone mark; "0,005" and "10,5678": fractions of a cent
    // with no other reading. In an xlsx (text cells) and in LibreOffice's
    // CSV of it alike.
    for file in [
        "openpyxl_euro_text_sub_cent.xlsx",
        "lo_euro_text_sub_cent.csv",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("ambiguous-number", "I2"),
                ("type-error", "H3"),
                ("ambiguous-number", "H4"),
                ("ambiguous-number", "I5"),
                ("type-error", "H6"),
            ]),
            "{file}"
        );
        // Both readings named, the decimal one as it is (not rounded).
        let msg = message_at(&fs, "I2");
        assert!(
            msg.contains("1 234 567 €") && msg.contains("1 234,567 €"),
            "{msg}"
        );
        let msg = message_at(&fs, "H3");
        assert!(
            msg.contains("\"0,005\"") && msg.contains("senttien"),
            "{msg}"
        );
        // Each row has its error: no measure is read (nothing to merge).
        assert!(
            fs.iter().all(|f| f["severity"] == "error"),
            "{file}: {:?}",
            codes_at(&fs)
        );
    }
}

#[test]
fn stored_numbers_past_the_cents_are_read_to_the_cent() {
    // =1000/3 (evaluated: openpyxl stores no result) and a typed
    // 1 234,5678 are numbers; Excel shows them rounded, and a division is
    // a legitimate budget split, so they are read to the cent.
    let file = "openpyxl_euro_numbers_sub_cent.xlsx";
    let (_, fs) = real_findings(file, &[]);
    assert!(
        fs.iter()
            .all(|f| f["severity"] != "error" && f["code"] != "unread-content"),
        "{:?}",
        codes_at(&fs)
    );
    assert_eq!(
        euros(&real_measures(file)),
        [
            ("Toimenpide 1".to_string(), 333.33, 1234.57),
            ("Toimenpide 2".to_string(), 2000.0, 666.67),
        ]
    );
}

#[test]
fn a_time_format_is_a_type_error_and_a_hidden_number_is_named_in_every_format() {
    // H2: 0,5 shown as 12:00; I3: 5 000 hidden by ;;; (read as the empty
    // cell the sheet shows, with a warning); I4: 0 under 0;-0;;@ is 0.
    for file in [
        "openpyxl_time_and_hidden_formats.xlsx",
        "lo_time_and_hidden_formats.ods",
        "lo_time_and_hidden_formats.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("type-error", "H2"), ("unread-content", "I3")]),
            "{file}"
        );
        assert!(message_at(&fs, "H2").contains("\"12:00\""), "{file}");
        assert!(
            message_at(&fs, "I3").contains("5 000"),
            "{file}: {}",
            message_at(&fs, "I3")
        );
        assert_eq!(fs[1]["severity"], "warning");
        assert_eq!(
            euros(&real_measures(file)),
            [
                ("Toimenpide 2".to_string(), 4000.0, -1.0),
                ("Toimenpide 3".to_string(), 3000.0, 0.0),
                ("Toimenpide 4".to_string(), 2000.0, 100.0),
            ],
            "{file}"
        );
    }
}

#[test]
fn xlwt_formulas_kooste_does_not_evaluate_are_not_empty_cells() {
    // xlwt stores an empty text as every result: a concatenation in the
    // optional schedule (K3) has no value, which is said; =1000+500 (I4)
    // and the exact VLOOKUP in the actual (I2: 1 found in L2:L3) are
    // evaluated.
    let file = "xlwt_formulas_text_and_lookup.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        pairs(&[("unknown-column", "L1"), ("formula-without-value", "K3")])
    );
    assert_eq!(fs[1]["value"], "=\"Q1\"&\"-Q2\"");
    assert_eq!(
        euros(&real_measures(file)),
        [
            ("Toimenpide 1".to_string(), 10000.0, 1.0),
            ("Toimenpide 3".to_string(), 30000.0, 1500.0)
        ]
    );
}

#[test]
fn an_if_that_really_gives_an_empty_text_is_an_empty_cell() {
    // LibreOffice calculates and stores each result: =IF(H2>100000;"";…)
    // gives an empty text in I2, rightly read as no actual.
    let file = "lo_if_empty_text_results.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    assert!(fs.is_empty(), "{:?}", codes_at(&fs));
    let ms = real_measures(file);
    assert_eq!(
        euros(&ms),
        [
            ("Toimenpide 1".to_string(), 120000.0, -1.0),
            ("Toimenpide 2".to_string(), 20000.0, 10000.0),
        ]
    );
    assert_eq!(ms[1]["schedule"], "kevät");
}

#[test]
fn total_rows_are_known_by_their_labels_and_by_their_shape() {
    // Σ, Kokonaissumma, Summa, Totalt, Total (whose budget is one euro
    // off), "Toimenpiteet yhteensä 2021" in the measure column and a row
    // of sums without a label: each a total, checked against the rows.
    let file = "openpyxl_total_labels_and_shapes.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("total-mismatch", "H9")]));
    assert_eq!(real_measures(file).len(), 3);

    // The total typed in the measure column of kooste's own template,
    // on a row whose department and year are prefilled.
    let file = "openpyxl_template_total_in_measure_column.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    assert_eq!(real_measures(file).len(), 2);

    // A row of one number that adds up to nothing above is no total: it
    // is a row whose values are missing, and says so.
    let (_, fs) = real_findings("openpyxl_unlabelled_row_not_a_total.xlsx", &[]);
    assert!(
        fs.iter()
            .any(|f| f["code"] == "missing-value" && f["cell"] == "D4"),
        "{:?}",
        codes_at(&fs)
    );
}

#[test]
fn a_merged_total_label_and_a_budget_merged_across_read_alike_in_every_format() {
    // "Yhteensä" merged over A5:G5 is a total label, not a department,
    // status or year; the budget merged over H2:I2 is H2's, and I2 holds
    // no actual of its own.
    for file in [
        "openpyxl_merged_total_and_budget_across.xlsx",
        "lo_merged_total_and_budget_across.ods",
        "lo_merged_total_and_budget_across.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert_eq!(
            euros(&real_measures(file)),
            [
                ("Toimenpide 1".to_string(), 5000.0, -1.0),
                ("Toimenpide 2".to_string(), 20000.0, 2000.0),
                ("Toimenpide 3".to_string(), 30000.0, 3000.0),
            ],
            "{file}"
        );
    }
}

#[test]
fn the_same_rows_in_another_order_are_a_duplicate_file() {
    let o = kooste(&[
        "validate",
        "--format",
        "json",
        &real("openpyxl_three_measures.xlsx"),
        &real("openpyxl_three_measures_reordered.xlsx"),
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["duplicate-file"], "{}", stderr(&o));
}

/// A budget split in thirds by XlsxWriter (`=100000/3`, stored as 0 for
/// Excel to recalculate) is 33 333,33 € a row as read; the typed total of
/// 100 000 € is right, off only by the rows' rounding to cents, while a
/// total two cents off is a mismatch.
#[test]
fn a_total_off_only_by_rounding_to_cents_is_right() {
    let (code, fs) = real_findings("xlsxwriter_thirds_under_a_total.xlsx", &[]);
    assert_eq!(code, 0, "{:?}", codes_at(&fs));
    let budgets: Vec<f64> = real_measures("xlsxwriter_thirds_under_a_total.xlsx")
        .iter()
        .map(|m| m["budget_eur"].as_f64().unwrap())
        .collect();
    assert_eq!(budgets, [33333.33, 33333.33, 33333.33]);
    let (code, fs) = real_findings("xlsxwriter_thirds_total_two_cents_off.xlsx", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        pairs(&[("total-mismatch", "H5")]),
        codes_at(&fs)
            .into_iter()
            .filter(|(c, _)| c == "total-mismatch")
            .collect::<Vec<_>>()
    );
}

/// Stored amounts whose binary value lies just under a half cent
/// (`20000.01 / 2` is 10000.004999…) are read as Excel and LibreOffice
/// show them: 10 000,01 €, not 10 000,00 €.
#[test]
fn stored_half_cents_are_read_as_shown() {
    let spent: Vec<f64> = real_measures("openpyxl_half_cents_as_shown.xlsx")
        .iter()
        .map(|m| m["spent_eur"].as_f64().unwrap())
        .collect();
    assert_eq!(spent, [10000.01, 10.08, 1.01, 0.29]);
}

/// A year typed as a date and stored as ISO 8601 text (`t="d"`, as
/// openpyxl with `iso_dates` and some other writers store dates) is read
/// as that date's year, as the same date stored as a serial number is.
#[test]
fn an_iso_date_in_the_year_column_is_its_year() {
    let (code, fs) = real_findings("openpyxl_iso_date_year.xlsx", &[]);
    assert_eq!(code, 0, "{:?}", codes_at(&fs));
    let years: Vec<i64> = real_measures("openpyxl_iso_date_year.xlsx")
        .iter()
        .map(|m| m["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2021, 2021]);
}

#[test]
fn a_csv_text_formula_is_read_as_the_text_excel_shows() {
    // ="KUKU-01", ="098000": the ERP export idiom, bare and quoted alike.
    // A real formula (=90000+8000) is computed, as Excel does on opening.
    for file in [
        "python_csv_text_formulas_bare.csv",
        "python_csv_text_formulas_quoted.csv",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        let ms = real_measures(file);
        let ids: Vec<&str> = ms.iter().map(|m| m["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["KUKU-01", "KUKU-02", "KUKU-03"], "{file}");
        assert_eq!(
            euros(&ms),
            [
                ("Toimenpide 1".to_string(), 98_000.0, 91_500.0),
                ("Toimenpide 2".to_string(), 250_000.0, 238_900.0),
                ("Toimenpide 3".to_string(), 98_000.0, 1_000.0)
            ],
            "{file}"
        );
        assert_eq!(ms[1]["year"], 2021, "{file}");
    }
}

/// Formulas typed into a CSV (Excel computes them when it opens the
/// file): arithmetic, references within the CSV, a lookup and an IF are
/// evaluated as a workbook's formulas are; one kooste does not compute is
/// `formula-without-value` at its cell, in every language, never text.
#[test]
fn a_csv_formula_is_computed_or_named_never_a_type_error() {
    let file = "python_csv_formulas.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1, "{file}");
    assert_eq!(
        codes_at(&fs),
        pairs(&[("formula-without-value", "J5")]),
        "{file}"
    );
    assert_eq!(fs[0]["value"], "=MEDIAN(J2:J4)");
    for (lang, says) in [
        ("fi", "Solussa on kaava =MEDIAN("),
        ("sv", "Cellen har formeln =MEDIAN("),
        ("en", "The cell holds the formula =MEDIAN("),
    ] {
        let (_, fs) = real_findings(file, &["--lang", lang]);
        assert!(message_at(&fs, "J5").contains(says), "{lang}: {fs:?}");
    }
    let ms = real_measures(file);
    assert_eq!(
        euros(&ms),
        [
            ("Toimenpide 1".to_string(), 98_000.0, 49_000.0),
            ("Toimenpide 2".to_string(), 12_000.0, 4_000.0),
            ("Toimenpide 3".to_string(), 110_000.0, 12_000.0)
        ]
    );
    assert_eq!(ms[2]["fte"], 2.0);
}

/// A CSV cell that begins with `+`, `-` or `@` and is more than a number
/// is the formula Excel computes on opening (`+90000+8000`, `-100+2100`,
/// `@ROUND(H3/12000;0)`, `@SUM(I2:I3)`, `=H2+H3` over such cells); a signed
/// number is that number (`+1200`; `-1200`, negative euros, is
/// `out-of-range`), one kooste does not compute is `formula-without-value`,
/// and a text field keeps the text as typed. Python's csv module and
/// LibreOffice's CSV alike.
#[test]
fn a_csv_cell_with_a_leading_sign_is_the_formula_excel_computes() {
    for file in [
        "python_csv_signed_formulas.csv",
        "lo_csv_signed_formulas.csv",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        let expected = pairs(&[("out-of-range", "H4"), ("formula-without-value", "H5")]);
        assert_eq!(codes_at(&fs), expected, "{file}");
        assert_eq!(fs[0]["value"], "-1200", "{file}");
        assert_eq!(fs[1]["value"], "=+MEDIAN(1;2)", "{file}");
        let ms = real_measures(file);
        let read: Vec<(String, f64, f64, f64)> = ms
            .iter()
            .map(|m| {
                let n = m["measure"].as_str().unwrap().to_string();
                let f = |k: &str| m[k].as_f64().unwrap();
                (n, f("budget_eur"), f("spent_eur"), f("fte"))
            })
            .collect();
        let expected = [
            ("Kerho".to_string(), 98_000.0, 1_200.0, 1.0),
            ("-1+2 (kokeilu)".to_string(), 12_000.0, 2_000.0, 1.0),
            ("Kuoro".to_string(), 110_000.0, 3_200.0, 1.0),
        ];
        assert_eq!(read, expected, "{file}");
    }
}

#[test]
fn a_note_under_the_measures_is_named_and_a_unit_note_is_the_unit_rule() {
    for ext in ["xlsx", "csv"] {
        let app = if ext == "xlsx" {
            "openpyxl"
        } else {
            "python_csv"
        };
        // A source line: a warning naming it, both measures read.
        let file = format!("{app}_foot_note_source.{ext}");
        let (exit, fs) = real_findings(&file, &[]);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unread-content", "A4")]), "{file}");
        assert!(message_at(&fs, "A4").contains("Lähde: talousjärjestelmä"));
        let read: Vec<f64> = euros(&real_measures(&file)).iter().map(|e| e.1).collect();
        assert_eq!(read, [55.0, 120.0], "{file}");
        // `Luvut tuhansina euroina`: thousands, so no euro is read.
        let file = format!("{app}_foot_note_thousands.{ext}");
        let (exit, fs) = real_findings(&file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("unknown-unit", "A4"), ("unread-content", "A4")]),
            "{file}"
        );
        // The note has its own wording, not the title area's.
        for (lang, says) in [
            ("fi", "Taulukon alla olevan huomautuksen solu A4"),
            ("sv", "Cellen A4 i en anmärkning under tabellen"),
            ("en", "Cell A4 in a note below the table"),
        ] {
            let (_, fs) = real_findings(&file, &["--lang", lang]);
            let msg = message_at(&fs, "A4");
            assert!(
                msg.contains(says) && msg.contains("\"tuhansina euroina\""),
                "{lang}: {msg}"
            );
            let hint = fs[0]["hint"].as_str().unwrap();
            assert!(
                !hint.contains("otsikosta") && !hint.contains("title"),
                "{hint}"
            );
        }
        let o = kooste(&["validate", "--format", "json", &real(&file)]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["measures"], 0, "{file}: no euro read as euros");
    }
}

#[test]
fn the_sheet_of_measures_wins_over_an_instructions_sheet_before_it() {
    let file = "openpyxl_instructions_sheet_first.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{file}");
    assert_eq!(codes_at(&fs), pairs(&[("unread-content", "")]), "{file}");
    assert_eq!(fs[0]["sheet"], "Ohjeet", "{fs:?}");
    assert_eq!(
        euros(&real_measures(file)),
        [
            ("Toimenpide 1".to_string(), 55_000.0, 40_000.0),
            ("Toimenpide 2".to_string(), 120_000.0, -1.0)
        ]
    );
}

/// A price list before the measures, its headers like a budget's
/// (`Toimenpide | Vuosi | Budjetti (€) | Toteuma (€)`) over more priced rows
/// than there are measures: the sheet whose header names every required
/// field is read, its VLOOKUPs into the price list evaluated (openpyxl) or
/// their stored results read (LibreOffice's xlsx, ods, xls), and the price
/// list is named as not read, never chosen with missing-column errors.
#[test]
fn the_sheet_of_measures_wins_over_a_price_list_before_it() {
    for file in [
        "openpyxl_price_list_sheet_first.xlsx",
        "lo_price_list_sheet_first.xlsx",
        "lo_price_list_sheet_first.ods",
        "lo_price_list_sheet_first.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("unread-content", "")]), "{file}");
        assert_eq!(fs[0]["sheet"], "Hinnasto", "{file}");
        assert_eq!(
            euros(&real_measures(file)),
            [
                ("Leiri".to_string(), 12_000.0, 11_500.0),
                ("Kuoro".to_string(), 1_500.0, 1_000.0)
            ],
            "{file}"
        );
    }
}

/// Budgets fetched by exact-match lookups from a price list on another
/// sheet. XlsxWriter (pandas) stores 0 and asks Excel to recalculate,
/// openpyxl stores nothing: kooste evaluates VLOOKUP, INDEX/MATCH, HLOOKUP,
/// IFERROR and an IF around a lookup as Excel does, never taking the
/// placeholder 0. A key not in the list is Excel's #N/A. LibreOffice's
/// copies store the results it calculated, and read the same (in an xls,
/// the lookups decoded from their tokens are checked against them).
#[test]
fn lookups_over_another_sheet_are_evaluated_or_named_never_a_placeholder() {
    for file in [
        "xlsxwriter_lookup_formulas.xlsx",
        "openpyxl_lookup_formulas.xlsx",
        "lo_lookup_formulas.xlsx",
        "lo_lookup_formulas.ods",
        "lo_lookup_formulas.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(codes_at(&fs), pairs(&[("type-error", "H5")]), "{file}");
        assert!(message_at(&fs, "H5").contains("#N/A"), "{file}");
        let read = [
            ("Kerho".to_string(), 4_000.0, 3_500.0),
            ("Leiri".to_string(), 12_000.0, 11_000.0),
            ("Retki".to_string(), 2_500.0, 2_000.0),
        ];
        assert_eq!(euros(&real_measures(file)), read, "{file}");
    }
}

/// Stale lookup results (manual calculation: XlsxWriter's, kept by
/// LibreOffice in .xls and .ods): VLOOKUP, INDEX/MATCH, HLOOKUP and
/// IFERROR(VLOOKUP) each give `formula-mismatch` naming both figures, in
/// an xls too (its tokens decoded, IFERROR written as a NAME called by
/// ptgFuncVar 255); the row whose stored result agrees is read.
#[test]
fn stale_lookup_results_are_mismatches_in_xlsx_xls_and_ods() {
    for file in [
        "xlsxwriter_manual_calc_stale_lookups.xlsx",
        "lo_stale_lookup_results.xls",
        "lo_stale_lookup_results.ods",
    ] {
        let (exit, fs) = real_findings(file, &["--lang", "en"]);
        assert_eq!(exit, 1, "{file}");
        let expected = ["H2", "H3", "H4", "H5"].map(|c| ("formula-mismatch", c));
        assert_eq!(codes_at(&fs), pairs(&expected), "{file}");
        for (cell, gives, stored) in [
            ("H2", "4,000", "3,000"),
            ("H3", "12,000", "10,000"),
            ("H4", "2,500", "2,000"),
            ("H5", "900", "800"),
        ] {
            let msg = message_at(&fs, cell);
            assert!(msg.contains(&format!("gives {gives}, ")), "{file}: {msg}");
            assert!(msg.contains(&format!("result {stored}, ")), "{file}: {msg}");
        }
        assert!(
            message_at(&fs, "H5").contains("=IFERROR(VLOOKUP(D5,"),
            "{file}"
        );
        assert_eq!(
            euros(&real_measures(file)),
            [("Kuoro".to_string(), 4_000.0, -1.0)],
            "{file}"
        );
    }
}

/// (measure, budget, spent, FTE) of each measure read; a missing figure is -1.
fn figures(ms: &[Value]) -> Vec<(String, f64, f64, f64)> {
    ms.iter()
        .map(|m| {
            let (b, s) = (m["budget_eur"].as_f64(), m["spent_eur"].as_f64());
            let name = m["measure"].as_str().unwrap().to_string();
            (
                name,
                b.unwrap(),
                s.unwrap_or(-1.0),
                m["fte"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect()
}

/// IFs over comparisons (`H2=""`, `D3="LEIRI"`, `B4<>"KYMP"`, `H4>100`,
/// `<=`, `>=`, `<`, AND, OR, NOT, an empty cell compared with "") are
/// evaluated as Excel does where the file stores no result (XlsxWriter's
/// placeholder 0, openpyxl's nothing); a text compared by a locale's
/// collation (`D5<"Äiti"`) is not guessed: `formula-without-value`.
/// LibreOffice's copies store its results, which are read and agree with
/// the formulas (xlsx, ods, and xls, whose tokens kooste decodes).
#[test]
fn formulas_with_comparisons_are_evaluated_never_a_placeholder() {
    for (file, trusted) in [
        ("xlsxwriter_if_comparisons.xlsx", false),
        ("openpyxl_if_comparisons.xlsx", false),
        ("lo_if_comparisons.xlsx", true),
        ("lo_if_comparisons.ods", true),
        ("lo_if_comparisons.xls", true),
    ] {
        let (exit, fs) = real_findings(file, &[]);
        let mut read = vec![
            ("Kerho".to_string(), 4_000.0, 2_000.0, 1.0),
            ("Leiri".to_string(), 12_000.0, 6_000.0, 2.0),
            ("Retki".to_string(), 2_500.0, 2_400.0, 1.0),
            ("Kuoro".to_string(), 1_500.0, -1.0, 1.0),
        ];
        if trusted {
            assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
            // LibreOffice orders "Sirkus" after "Äiti", as its collation does.
            read.insert(3, ("Sirkus".to_string(), 800.0, 200.0, 1.0));
        } else {
            assert_eq!(exit, 1, "{file}");
            let expected = pairs(&[("formula-without-value", "I5")]);
            assert_eq!(codes_at(&fs), expected, "{file}");
            assert!(message_at(&fs, "I5").contains("=IF(D5<\"Äiti\""), "{file}");
        }
        assert_eq!(figures(&real_measures(file)), read, "{file}");
    }
}

/// A stale IF result (manual calculation: XlsxWriter's, kept by
/// LibreOffice in .ods and .xls) is `formula-mismatch`, naming both
/// values, a text result too; a result that agrees is read.
#[test]
fn a_stale_if_result_is_a_mismatch_in_xlsx_ods_and_xls() {
    for file in [
        "xlsxwriter_manual_calc_stale_if.xlsx",
        "lo_stale_if_results.ods",
        "lo_stale_if_results.xls",
    ] {
        let (exit, fs) = real_findings(file, &["--lang", "en"]);
        assert_eq!(exit, 1, "{file}");
        let expected = pairs(&[("formula-mismatch", "H2"), ("formula-mismatch", "I2")]);
        assert_eq!(codes_at(&fs), expected, "{file}");
        assert!(message_at(&fs, "H2").contains("gives 5,000"), "{file}");
        assert!(message_at(&fs, "H2").contains("result 0,"), "{file}");
        assert!(message_at(&fs, "I2").contains("gives \"\""), "{file}");
        let read = [("Leiri".to_string(), 3_000.0, 2_000.0, 1.0)];
        assert_eq!(figures(&real_measures(file)), read, "{file}");
    }
}

/// An xlsb SheetJS wrote: every cell after a row's first is in the short
/// record form (no column), which calamine alone reads as nothing, so the
/// sheet read one column wide (no header found). Read in full: the figures,
/// an error value as a type-error, a date formatted `yyyy` as its year.
#[test]
fn an_xlsb_in_short_cell_records_is_read_in_full() {
    let file = "sheetjs_short_cell_records.xlsb";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1, "{file}");
    assert_eq!(codes_at(&fs), pairs(&[("type-error", "I3")]), "{file}");
    assert!(message_at(&fs, "I3").contains("#N/A"), "{file}");
    let ms = real_measures(file);
    assert_eq!(
        euros(&ms),
        [
            ("Kerho".to_string(), 4_000.0, 3_500.0),
            ("Retki".to_string(), 2_500.0, 2_000.0),
            ("Sirkus".to_string(), 900.5, 800.0),
        ]
    );
    let years: Vec<_> = ms.iter().map(|m| m["year"].clone()).collect();
    assert_eq!(years, [2021, 2021, 2021]);
    let ids: Vec<_> = ms.iter().map(|m| m["department"].clone()).collect();
    assert_eq!(ids, ["KUKU", "KUKU", "KUKU"]);
}

/// An xlsb's merged ranges and hidden rows, which calamine does not report,
/// read from the sheet's part (SheetJS's xlsb): a department merged over
/// two rows counts in both, a hidden row is read and named
/// (`hidden-rows`), a budget merged over two rows is `merged-amount`, as in
/// xlsx, xls and ods.
#[test]
fn an_xlsb_s_merged_cells_and_hidden_rows_are_seen() {
    let file = "sheetjs_merged_and_hidden_rows.xlsb";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1, "{file}");
    let expected = pairs(&[("hidden-rows", "A4"), ("merged-amount", "H6")]);
    assert_eq!(codes_at(&fs), expected, "{file}");
    let ms = real_measures(file);
    assert_eq!(
        euros(&ms),
        [
            ("Kerho".to_string(), 4_000.0, 3_500.0),
            ("Leiri".to_string(), 12_000.0, 11_000.0),
            ("Retki".to_string(), 2_500.0, 2_000.0),
            ("Sirkus".to_string(), 900.0, 800.0),
        ]
    );
    let departments: Vec<_> = ms.iter().map(|m| m["department"].clone()).collect();
    assert_eq!(departments, ["KUKU", "KUKU", "KUKU", "KUKU"]);
}

/// An xlsb's number formats, which calamine does not report, read from
/// its styles and cells (SheetJS's xlsb): 55 shown as `55,0 t€` and 0,85
/// as `85 %` in an FTE cell are `unknown-unit`, 55 000 shown as `55` is
/// read with `scaled-format`, an actual hidden by `;;;` is read as the
/// empty cell the sheet shows (`unread-content`), as in xlsx, xls and ods.
#[test]
fn an_xlsb_s_number_formats_are_seen() {
    let file = "sheetjs_unit_formats.xlsb";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1, "{file}");
    let expected = pairs(&[
        ("unknown-unit", "H2"),
        ("scaled-format", "H3"),
        ("unread-content", "I4"),
        ("unknown-unit", "J5"),
    ]);
    assert_eq!(codes_at(&fs), expected, "{file}");
    assert!(message_at(&fs, "H2").contains("t€"), "{file}");
    assert_eq!(
        euros(&real_measures(file)),
        [
            ("Leiri".to_string(), 55_000.0, 1_000.0),
            ("Retki".to_string(), 2_500.0, -1.0),
        ]
    );
}

/// An xlsb's hidden column, which calamine does not report, read from the
/// sheet's part (SheetJS's xlsb): the actual's column read with a
/// `hidden-column` warning at its header, as in xlsx, xls and ods.
#[test]
fn an_xlsb_s_hidden_column_is_named() {
    let file = "sheetjs_hidden_column.xlsb";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{file}");
    assert_eq!(codes_at(&fs), pairs(&[("hidden-column", "I1")]), "{file}");
    assert_eq!(
        euros(&real_measures(file)),
        [
            ("Kerho".to_string(), 4_000.0, 3_500.0),
            ("Leiri".to_string(), 12_000.0, 11_000.0),
        ]
    );
}
