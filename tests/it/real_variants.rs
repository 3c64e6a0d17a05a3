//! Variants of real submissions that were read wrong without a finding,
//! each written by the application that writes such files
//! (tests/fixtures/real/make_variants.py): stale formula results, units in
//! number formats, truth values in numeric fields, and a template row whose
//! prefilled department was retyped. The values kooste reads are checked in
//! its JSON export, and the findings by code and cell.

use crate::common::*;
use serde_json::Value;

fn names(ms: &[Value]) -> Vec<String> {
    ms.iter()
        .map(|m| m["measure"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn stale_formula_results_are_reported_with_both_values_not_read() {
    // XlsxWriter in manual calculation stores 0 for =55000+55000 (H2) and
    // a wrong 9 000 for =ROUND(H3*0.4,0) (I3); H3 =H2/4 stores 27 500,
    // which a recalculation gives too. LibreOffice keeps the same stored
    // results when it saves the sheet as .ods or .xls (whose formulas
    // kooste decodes from their tokens, the VLOOKUP too).
    for file in [
        "xlsxwriter_manual_calc_stale_results.xlsx",
        "lo_stale_formula_results.ods",
        "lo_stale_formula_results.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        let expected = [
            ("formula-mismatch", "H2"),
            ("formula-mismatch", "I3"),
            ("formula-mismatch", "H4"),
        ];
        assert_eq!(codes_at(&fs), pairs(&expected), "{file}");
        assert_eq!(fs[0]["value"], "=55000+55000");
        let msg = fs[0]["message"].as_str().unwrap();
        assert!(
            msg.contains("110\u{a0}000") && msg.contains("tulos 0,"),
            "{msg}"
        );
        let msg = fs[1]["message"].as_str().unwrap();
        assert!(
            msg.contains("11\u{a0}000") && msg.contains("9\u{a0}000"),
            "{msg}"
        );
        // Neither value of a mismatched cell is taken: those rows are left
        // out. H4's VLOOKUP finds nothing in the empty Z1:Z2 (#N/A), so its
        // stored 5 000 is stale too.
        assert!(
            fs[2]["message"].as_str().unwrap().contains("#N/A"),
            "{file}"
        );
        assert_eq!(fs[2]["value"], "=VLOOKUP(1,Z1:Z2,1,0)", "{file}");
        let o = kooste(&["validate", "--format", "json", &real(file)]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["measures"], 0, "{file}: no row read");
    }
}

/// (measure, budget, spent, FTE) of each measure read.
fn figures(ms: &[Value]) -> Vec<(String, f64, f64, f64)> {
    ms.iter()
        .map(|m| {
            (
                m["measure"].as_str().unwrap().to_string(),
                m["budget_eur"].as_f64().unwrap(),
                m["spent_eur"].as_f64().unwrap(),
                m["fte"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn xls_formulas_are_decoded_evaluated_where_xlwt_stored_no_result_and_silent_where_right() {
    // The same sheet of formulas (make_xls_formulas.py): xlwt stores an
    // empty text as every result, so each decoded formula is evaluated
    // (=55000+55000, =ROUND(H3*0.4,0), =H3, =$H$3/4-5%*100, MAX/MIN,
    // =SUM(H6:H7) as tAttrSum, AVERAGE); LibreOffice stores the right
    // results, which agree with the formulas: both read alike, silently.
    let want: Vec<(String, f64, f64, f64)> = [
        ("Koulupihat", 110_000.0, 20_000.0, 1.0),
        ("Perhekahvilat", 40_000.0, 16_000.0, 1.5),
        ("Kesäkahvila", 40_000.0, 2_500.0, 0.75),
        ("Kerhot", 9_995.0, 3_000.0, 0.5),
        ("Liikuntaneuvonta", 10_000.0, 4_000.0, 1.0),
        ("Nuorisotila", 20_000.0, 7_000.0, 2.0),
        ("Kokonaisuus", 30_000.0, 11_000.0, 1.0),
    ]
    .iter()
    .map(|(m, b, s, f)| (m.to_string(), *b, *s, *f))
    .collect();
    for file in [
        "xlwt_formulas_without_results.xls",
        "lo_formulas_with_results.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert!(
            fs.iter()
                .all(|f| !f["code"].as_str().unwrap().starts_with("formula")),
            "{file}: {:?}",
            codes_at(&fs)
        );
        assert_eq!(figures(&real_measures(file)), want, "{file}");
    }
}

#[test]
fn many_formulas_whose_results_agree_are_read_silently() {
    let file = "xlsxwriter_manual_calc_many_formulas.xlsx";
    let (_, fs) = real_findings(file, &[]);
    assert!(
        fs.iter().all(|f| f["code"] == "budget-exceeds-programme"),
        "{:?}",
        codes_at(&fs)
    );
    let ms = real_measures(file);
    assert_eq!(ms.len(), 2000);
    assert_eq!(ms[0]["budget_eur"], 1010.0);
    assert_eq!(ms[0]["spent_eur"], 505.0);
    assert_eq!(ms[1999]["fte"], 0.315);
}

#[test]
fn units_in_number_formats_are_unknown_units_in_every_format() {
    // H2:H5 hold 55 shown as 55,0 t€ / 55 k€ / 55 milj. € / t€ 55; J11 18
    // shown as 18 htkk. Formats that show euros read as stored, silently;
    // those that scale the display (#,##0, and #,##0," t€" over 55 000,
    // H6 and H9) read as stored, each named (`scaled-format`).
    for file in [
        "openpyxl_units_in_number_format.xlsx",
        "lo_units_in_number_format.ods",
        "lo_units_in_number_format.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("unknown-unit", "H2"),
                ("unknown-unit", "H3"),
                ("unknown-unit", "H4"),
                ("unknown-unit", "H5"),
                ("scaled-format", "H6"),
                ("scaled-format", "H9"),
                ("unknown-unit", "J11"),
            ]),
            "{file}"
        );
        let units: Vec<&str> = fs.iter().map(|f| f["value"].as_str().unwrap()).collect();
        assert_eq!(
            units,
            [
                "55 t€",
                "55 k€",
                "55 milj. €",
                "55 t€",
                "55000",
                "55000",
                "18 htkk"
            ],
            "{file}"
        );
        let ms = real_measures(file);
        assert_eq!(
            names(&ms),
            [
                "Toimenpide 4",
                "Toimenpide 5",
                "Toimenpide 6",
                "Toimenpide 7",
                "Toimenpide 8",
                "Henkilöstö 2"
            ],
            "{file}"
        );
        assert!(
            ms[..5].iter().all(|m| m["budget_eur"] == 55_000.0),
            "{file}: {ms:?}"
        );
        assert_eq!(ms[5]["fte"], 2.0, "{file}: htv is the field's unit");
    }
}

#[test]
fn percentages_and_the_section_that_shows_the_value_decide_the_unit() {
    // A `%` format shows 0.85 as 85 %: not euros (I2, H3) nor FTE (J4).
    // Of a format with sections, the one that applies to the value decides:
    // 55 under `0" t€";-0" €"`, `0" t€";-0" t€";0" €"` and
    // `[<1000]0" t€";#,##0 €` shows t€ (H5:H7), while 55 000 under
    // `#,##0 €;[Red]-#,##0" t€"`, 5 500 under `[<1000]0" t€";#,##0 €` and
    // 0 under the zero section `0" €"` show euros. LibreOffice's .ods keeps
    // the positive section in a `style:map` (`value()>=0`) and its .xls its
    // own FORMAT records; all three read alike.
    for file in [
        "openpyxl_percent_and_sections.xlsx",
        "lo_percent_and_sections.ods",
        "lo_percent_and_sections.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("unknown-unit", "I2"),
                ("unknown-unit", "H3"),
                ("unknown-unit", "J4"),
                ("unknown-unit", "H5"),
                ("unknown-unit", "H6"),
                ("unknown-unit", "H7"),
                ("unknown-unit", "I11"),
            ]),
            "{file}"
        );
        let shown: Vec<&str> = fs.iter().map(|f| f["value"].as_str().unwrap()).collect();
        assert_eq!(
            shown,
            ["85 %", "55 %", "50 %", "55 t€", "55 t€", "55 t€", "100 %"],
            "{file}: the value as the file shows it"
        );
        assert!(
            fs.iter()
                .all(|f| !f["message"].as_str().unwrap_or("").contains("0,85")),
            "{file}: {fs:?}"
        );
        let ms = real_measures(file);
        assert_eq!(
            names(&ms),
            ["Toimenpide 8", "Toimenpide 9", "Toimenpide 10"],
            "{file}"
        );
        let read: Vec<(f64, f64)> = ms
            .iter()
            .map(|m| {
                (
                    m["budget_eur"].as_f64().unwrap(),
                    m["spent_eur"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [(55_000.0, 500.0), (5_500.0, 500.0), (1000.0, 0.0)],
            "{file}"
        );
    }
}

#[test]
fn truth_values_in_numeric_fields_are_type_errors_in_every_format() {
    // TRUE in a euro cell (H2), FALSE in another (I3), TRUE as FTE (J3).
    // LibreOffice saves an imported truth value in .ods as the number 1
    // with the formula TRUE(): it is still TRUE to the person.
    for file in [
        "openpyxl_boolean_in_numeric_fields.xlsx",
        "lo_boolean_in_numeric_fields.ods",
        "lo_boolean_in_numeric_fields.xls",
        "lo_boolean_in_numeric_fields.csv",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("type-error", "H2"),
                ("type-error", "I3"),
                ("type-error", "J3")
            ]),
            "{file}"
        );
        let values: Vec<&str> = fs.iter().map(|f| f["value"].as_str().unwrap()).collect();
        assert_eq!(values, ["TRUE", "FALSE", "TRUE"], "{file}");
        let ms = real_measures(file);
        assert_eq!(names(&ms), ["Kahvila"], "{file}");
        assert_eq!(ms[0]["budget_eur"], 4000.0);
    }
}

/// `merge --json` of `inputs`: the exit code, stdout and the measures.
fn merged(dir: &std::path::Path, inputs: &[&std::path::Path]) -> (i32, String, Vec<Value>) {
    let json = dir.join("m.json");
    let xlsx = dir.join("m.xlsx");
    let mut args = vec!["merge"];
    let inputs: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    args.extend(inputs.iter().map(String::as_str));
    let (j, x) = (json.display().to_string(), xlsx.display().to_string());
    args.extend(["-o", &x, "--json", &j, "--draft"]);
    let o = kooste(&args);
    let ms = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    (o.status.code().unwrap(), stdout(&o) + &stderr(&o), ms)
}

#[test]
fn a_converted_copy_or_a_second_copy_beside_its_source_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    for f in [
        "kymp_2021.xlsx",
        "sote_2021.ods",
        "ksj_2021.xls",
        "kuku_2021.xlsx",
    ] {
        std::fs::copy(root().join("samples/2021").join(f), inp.join(f)).unwrap();
    }
    let (_, _, before) = merged(dir.path(), &[&inp]);
    let n = before.len();
    assert!(n > 10);
    // kooste's own conversions written into the input folder: a CSV next
    // to its source, an xlsx (marked as a conversion) in a subfolder, and
    // a copy a browser saved a second time.
    let s = |p: &std::path::Path| p.display().to_string();
    let o = kooste(&[
        "convert",
        &s(&inp.join("kymp_2021.xlsx")),
        "--to",
        "csv",
        "--out",
        &s(&inp),
    ]);
    assert!(inp.join("kymp_2021.csv").exists(), "{}", stderr(&o));
    let conv = inp.join("muunnetut");
    kooste(&[
        "convert",
        &s(&inp.join("sote_2021.ods")),
        "--to",
        "xlsx",
        "--out",
        &s(&conv),
    ]);
    assert!(conv.join("sote_2021.xlsx").exists());
    std::fs::copy(inp.join("kuku_2021.xlsx"), inp.join("kuku_2021 (1).xlsx")).unwrap();

    let (exit, out, after) = merged(dir.path(), &[&inp]);
    assert_eq!(exit, 0, "{out}");
    assert_eq!(after.len(), n, "no measure doubled: {out}");
    assert!(!out.contains("duplicate-measure"), "{out}");
    for (skipped, read) in [
        ("kymp_2021.csv", "kymp_2021.xlsx"),
        ("sote_2021.xlsx", "sote_2021.ods"),
        ("kuku_2021 (1).xlsx", "kuku_2021.xlsx"),
    ] {
        let line = out
            .lines()
            .find(|l| l.contains("duplicate-file") && l.contains(skipped))
            .unwrap_or_else(|| panic!("{skipped}: {out}"));
        assert!(line.contains(read), "{line}");
    }
    // The measures keep pointing at the sources, not at the copies.
    let files: std::collections::BTreeSet<&str> = after
        .iter()
        .map(|m| m["source_file"].as_str().unwrap())
        .collect();
    assert!(
        files
            .iter()
            .all(|f| !f.ends_with(".csv") && !f.contains("(1)") && !f.contains("muunnetut")),
        "{files:?}"
    );

    // A conversion sent back alone is read as a submission.
    let (exit, out, alone) = merged(dir.path(), &[&inp.join("kymp_2021.csv")]);
    assert_eq!(exit, 0, "{out}");
    let kymp = before.iter().filter(|m| m["department"] == "KYMP").count();
    assert_eq!(alone.len(), kymp);
    assert!(!out.contains("duplicate-file"));
}

#[test]
fn a_template_row_with_only_a_retyped_department_or_year_is_named() {
    // kooste's template, filled with openpyxl: one measure (row 8), the
    // department retyped as its code on an otherwise empty row (B9), and
    // a year changed on another (G11); the other prefilled rows are
    // untouched and stay silent.
    let file = "openpyxl_template_retyped_department.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        codes_at(&fs),
        pairs(&[("unread-content", "B9"), ("unread-content", "G11")])
    );
    assert_eq!(fs[0]["value"], "KYMP");
    assert_eq!(fs[1]["value"], "2022");
    assert!(
        fs[0]["message"]
            .as_str()
            .unwrap()
            .contains("vain pohjan esitäytetyt tiedot")
    );
    let ms = real_measures(file);
    assert_eq!(names(&ms), ["Koulupihat"]);
    assert_eq!(ms[0]["budget_eur"], 1000.0);
    assert_eq!(ms[0]["year"], 2021);
}

#[test]
fn merged_spent_and_fte_in_xlsx_are_merged_amounts() {
    // Neither field is required: the merges are looked up all the same.
    for file in [
        "openpyxl_merged_spent_and_fte.xlsx",
        "lo_merged_spent_and_fte.xlsx",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[("merged-amount", "I3"), ("merged-amount", "J5")]),
            "{file}"
        );
        let values: Vec<&str> = fs.iter().map(|f| f["value"].as_str().unwrap()).collect();
        assert_eq!(values, ["5000", "2"], "{file}");
    }
}

#[test]
fn xlsxwriter_array_formula_range_cells_have_no_value() {
    // H3 stores a plain 0 inside H2's array range in a workbook recalculated
    // on load: it is a result of H2's formula, not a typed 0.
    let file = "xlsxwriter_array_formula_two_cells.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        pairs(&[
            ("formula-without-value", "H2"),
            ("formula-without-value", "H3")
        ])
    );
    let ms = real_measures(file);
    assert!(!names(&ms).contains(&"Toimenpide 2".to_string()), "{ms:?}");
}

#[test]
fn a_measure_typed_over_the_template_example_row_is_named() {
    // kooste's template, filled with openpyxl: a measure typed over the
    // example row (D5 "Koulukerho", H5 40 000 €, the example label kept in
    // A5) and one measure on a data row. The measure below is read; the
    // one over the example is not, and is named at its first typed cell.
    let file = "openpyxl_template_example_row_typed_over.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(codes_at(&fs), pairs(&[("unread-content", "D5")]));
    assert_eq!(fs[0]["value"], "Koulukerho");
    assert_eq!(names(&real_measures(file)), ["Koulupihat"]);
    // Untouched templates, in every language, stay silent.
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fi", "sv", "en"] {
        let tpl = dir.path().join(format!("pohja_{lang}.xlsx"));
        let tpl = tpl.to_str().unwrap();
        let o = kooste(&[
            "template",
            "--department",
            "KYMP",
            "--year",
            "2021",
            "--lang",
            lang,
            "-o",
            tpl,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = kooste(&["validate", tpl, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let findings = v.as_array().or_else(|| v["findings"].as_array()).unwrap();
        assert!(findings.is_empty(), "{lang}: {findings:?}");
    }
}

#[test]
fn a_second_sheet_with_a_name_and_a_budget_column_is_named() {
    // openpyxl: the measure sheet, and a sheet "Muut" with a title row and
    // a header of only `Toimenpide | Budjetti (€)` over one measure. Only
    // the first sheet is read; the other is named, not dropped in silence.
    let file = "openpyxl_second_sheet_name_and_budget.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(codes_at(&fs), pairs(&[("unread-content", "")]));
    assert_eq!(fs[0]["sheet"], "Muut");
    assert_eq!(names(&real_measures(file)), ["Koulupihat"]);
}
