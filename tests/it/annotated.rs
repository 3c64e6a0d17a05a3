//! The annotated copy (`validate --annotate`) is the template, marked: it
//! keeps the template's drop-downs, input messages, locked header and live
//! total formulas, holds the department's values in the template's columns
//! whatever the original's shape, keeps the values it could not place on a
//! sheet of their own, and validates clean once corrected.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use calamine::Data;

/// Annotates `input` into `dir/back`; returns the copy's path.
fn annotate(input: &Path, dir: &Path, copy: &str) -> PathBuf {
    let back = dir.join("back");
    let o = kooste(&[
        "validate",
        input.to_str().unwrap(),
        "--annotate",
        back.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let copy = back.join(copy);
    assert!(copy.is_file(), "{}", stdout(&o));
    copy
}

/// `validate --format json` of one file: (exit code, findings).
fn findings_of(path: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    let o = kooste(&["validate", "--format", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    (o.status.code(), v["findings"].as_array().unwrap().clone())
}

fn messy_copy(dir: &Path) -> PathBuf {
    annotate(
        &fixture("messy_many_problems.xlsx"),
        dir,
        "messy_many_problems_tarkistettu.xlsx",
    )
}

#[test]
fn the_copy_of_a_file_with_errors_has_the_templates_rules_and_live_totals() {
    let dir = tempfile::tempdir().unwrap();
    let copy = messy_copy(dir.path());
    // The second sheet is the measures sheet (the findings come first).
    let xml = zip_part(&copy, "xl/worksheets/sheet2.xml");
    // Live sums over the template's 100 data rows, stored with the sum of
    // the numbers the copy holds (seven rows of 1 000 €; "paljon" and an
    // unevaluated formula are text until corrected).
    assert!(
        xml.contains("<f>SUM(H6:H105)</f><v>7000</v>"),
        "budget total: {xml}"
    );
    assert!(
        xml.contains("<f>SUM(I6:I105)</f><v>7595</v>"),
        "spend total"
    );
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    for (kind, range, formula) in [
        ("list", "B6:B105", "'Listat'!$A$2:$A$6"),
        ("list", "F6:F105", "'Listat'!$C$2:$C$6"),
        ("decimal", "H6:H105", "0"),
        ("whole", "G6:G105", "2019"),
    ] {
        let at = xml
            .find(&format!("sqref=\"{range}\""))
            .unwrap_or_else(|| panic!("no validation on {range}"));
        let start = xml[..at].rfind("<dataValidation ").unwrap();
        let end = at + xml[at..].find("</dataValidation>").unwrap();
        let dv = &xml[start..end];
        assert!(dv.contains(&format!("type=\"{kind}\"")), "{dv}");
        assert!(
            dv.contains(&format!("<formula1>{formula}</formula1>")),
            "{dv}"
        );
    }
    assert!(
        xml.contains("promptTitle=\"Budjetti (€)\""),
        "input messages"
    );
    // The values as typed, in the template's rows; the flagged one red.
    let data = sheet(&copy, "Toimenpiteet");
    assert_eq!(data[3][7], Data::String("Budjetti (€)".into()), "header");
    assert_eq!(data[5][0], Data::String("C-1".into()));
    assert_eq!(data[6][7], Data::String("paljon".into()));
    assert_eq!(num(&data[7][7]), 1000.0);
    assert_eq!(data[105][0], Data::String("Yhteensä".into()));
    assert_eq!(num(&data[105][7]), 7000.0);
    let instructions = sheet(&copy, "Ohjeet");
    assert!(instructions.len() > 10, "the instructions sheet");
}

#[test]
fn the_uncorrected_copy_reads_back_with_the_same_cell_findings_at_their_new_cells() {
    let dir = tempfile::tempdir().unwrap();
    let copy = messy_copy(dir.path());
    let (exit, fs) = findings_of(&copy);
    assert_eq!(exit, Some(1));
    let cells = codes_at(&fs);
    for (code, cell) in [
        ("missing-value", "H6"),
        ("type-error", "H7"),
        ("not-allowed", "F8"),
        ("out-of-range", "I9"),
        ("duplicate-measure", "D14"),
    ] {
        assert!(
            cells.contains(&(code.to_string(), cell.to_string())),
            "{code} at {cell}: {cells:?}"
        );
    }
    // The copy's total is a live sum: no total-mismatch; the findings
    // sheet and the list of other values are not read as measure sheets.
    let codes: Vec<&str> = fs.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(!codes.contains(&"total-mismatch"), "{codes:?}");
    assert!(!codes.contains(&"unread-content"), "{codes:?}");
    assert!(fs.iter().all(|f| f["sheet"] == "Toimenpiteet"), "{fs:?}");
}

/// A CSV in another column order, with a column the template lacks and
/// more rows than the template's 100: every value is in the copy, in the
/// template's columns or on the sheet of other values, and the rules and
/// sums reach the last row.
#[test]
fn a_csv_in_another_shape_gets_the_templates_shape_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv =
        String::from("Budjetti (€);Toimenpide;Huomio;Toimiala;Painopiste;Alue;Vaihe;Vuosi\n");
    for i in 1..=120 {
        let budget = if i == 60 {
            "paljon".to_string()
        } else {
            format!("{i}0 €")
        };
        csv.push_str(&format!(
            "{budget};Kerho {i};huom {i};KYMP;1;Mikkola;toteutusvaihe;2021\n"
        ));
    }
    let input = dir.path().join("kymp.csv");
    std::fs::write(&input, csv).unwrap();
    let copy = annotate(&input, dir.path(), "kymp_tarkistettu.xlsx");
    let data = sheet(&copy, "Toimenpiteet");
    // Row 2 of the CSV is the template's row 6; the name in column D, the
    // budget (typed from text) a number in H.
    assert_eq!(data[5][3], Data::String("Kerho 1".into()));
    assert_eq!(num(&data[5][7]), 10.0);
    assert_eq!(data[5][1], Data::String("KYMP".into()));
    assert_eq!(data[124][3], Data::String("Kerho 120".into()));
    assert_eq!(data[64][7], Data::String("paljon".into()), "as typed");
    let total: f64 = (1..=120)
        .filter(|i| *i != 60)
        .map(|i| f64::from(i) * 10.0)
        .sum();
    assert_eq!(data[125][0], Data::String("Yhteensä".into()));
    assert_eq!(num(&data[125][7]), total);
    let xml = zip_part(&copy, "xl/worksheets/sheet2.xml");
    assert!(xml.contains("<f>SUM(H6:H125)</f>"), "sum over every row");
    assert!(xml.contains("sqref=\"H6:H125\""), "rules on every row");
    // The column the template lacks: each value with its original cell and
    // its row in the copy.
    let other = sheet(&copy, "Muut arvot");
    assert_eq!(other[2][0], Data::String("C1".into()));
    assert_eq!(other[2][2], Data::String("Huomio".into()));
    assert_eq!(other[3][0], Data::String("C2".into()));
    assert_eq!(num(&other[3][1]), 6.0);
    assert_eq!(other[3][2], Data::String("huom 1".into()));
    assert_eq!(other.len(), 2 + 121, "the header and every value");
    // The one error, at its new cell; the findings sheet links to it.
    let (_, fs) = findings_of(&copy);
    let errors: Vec<_> = codes_at(&fs)
        .into_iter()
        .filter(|(c, _)| c != "unknown-column")
        .collect();
    assert_eq!(errors, [("type-error".to_string(), "H65".to_string())]);
    let list = sheet(&copy, "Tarkistukset");
    assert!(
        list.iter().any(|r| r[1] == "type-error" && r[3] == "H65"),
        "{list:?}"
    );
}

#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn the_copy_opened_and_corrected_in_openpyxl_validates_clean() {
    need_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    let copy = messy_copy(dir.path());
    let fixed = dir.path().join("korjattu.xlsx");
    // What the findings ask, typed as a person would.
    let edits = [
        "H6=1000",
        "H7=1000",
        "F8=toteutusvaihe",
        "I9=5",
        "O10=a@example.org",
        "H11=3000",
        "I12=800",
        "I13=900",
        "D14=Penkit 2",
        "B15=KYMP",
    ];
    let o = Command::new("python3")
        .arg(fixture("correct_annotated.py"))
        .arg(&copy)
        .arg(&fixed)
        .args(edits)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let facts: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        facts["sheets"],
        serde_json::json!([
            "Tarkistukset",
            "Toimenpiteet",
            "Ohjeet",
            "Listat",
            "Muut arvot"
        ])
    );
    assert_eq!(facts["states"]["Listat"], "hidden");
    assert_eq!(facts["protected"], true);
    assert_eq!(facts["header_locked"], true);
    assert_eq!(facts["data_unlocked"], true);
    let dvs = facts["validations"].as_array().unwrap();
    let dv = |range: &str| {
        dvs.iter()
            .find(|d| d["sqref"] == range)
            .unwrap_or_else(|| panic!("no validation on {range}: {dvs:?}"))
    };
    assert_eq!(dv("B6:B105")["type"], "list");
    assert_eq!(dv("B6:B105")["formula1"], "'Listat'!$A$2:$A$6");
    assert_eq!(dv("F6:F105")["formula1"], "'Listat'!$C$2:$C$6");
    assert_eq!(dv("H6:H105")["type"], "decimal");
    assert_eq!(dv("H6:H105")["promptTitle"], "Budjetti (€)");
    assert!(
        dv("H6:H105")["prompt"]
            .as_str()
            .unwrap()
            .starts_with("Kirjoita euromäärä"),
        "{dvs:?}"
    );
    assert_eq!(dv("G6:G105")["type"], "whole");
    assert_eq!(facts["totals"]["H106"], "=SUM(H6:H105)");
    assert_eq!(facts["totals"]["I106"], "=SUM(I6:I105)");
    assert_eq!(facts["total_types"]["H106"], "f", "a formula, not text");
    // openpyxl stores the formulas without results: kooste evaluates them.
    let (exit, fs) = findings_of(&fixed);
    assert_eq!(fs, Vec::<serde_json::Value>::new());
    assert_eq!(exit, Some(0));
    let o = kooste(&["validate", "--format", "json", fixed.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["measures"], 10);
}

/// A copy returned with errors left and annotated again keeps the values
/// the first copy could not place, and lists nothing of its own template
/// (its title lines, the year prefilled on its empty rows).
#[test]
fn a_copy_annotated_again_keeps_the_values_with_no_place() {
    let dir = tempfile::tempdir().unwrap();
    let first = messy_copy(dir.path());
    let again = tempfile::tempdir().unwrap();
    let second = annotate(
        &first,
        again.path(),
        "messy_many_problems_tarkistettu_tarkistettu.xlsx",
    );
    let other = sheet(&second, "Muut arvot");
    let kept: Vec<(String, String)> = other[2..]
        .iter()
        .map(|r| (r[0].to_string(), r[2].to_string()))
        .collect();
    let want = [
        ("A1", "Vuosi-ilmoitus 2021"),
        ("A2", "Toimiala: Kaupunkiympäristö"),
        ("P3", "Kommentti"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(kept, want);
    // The same rows, at the same cells, with the same values.
    let (a, b) = (
        sheet(&first, "Toimenpiteet"),
        sheet(&second, "Toimenpiteet"),
    );
    assert_eq!(a[3..16], b[3..16]);
}
