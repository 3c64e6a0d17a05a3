//! Submission templates and conversion: filled as people do (openpyxl typing
//! into cells, LibreOffice saving), read back without findings; convert round
//! trips over every format.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use calamine::Data;
use serde_json::Value;

fn ok(args: &[&str]) -> String {
    let o = kooste(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

fn json_findings(path: &Path) -> Value {
    let o = kooste(&["validate", "--format", "json", path.to_str().unwrap()]);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A SOTE template for 2022 filled with openpyxl; returns (dir, filled file).
fn filled_template() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("sote_2022.xlsx");
    ok(&[
        "template",
        "--department",
        "SOTE",
        "--year",
        "2022",
        "-o",
        template.to_str().unwrap(),
    ]);
    let filled = dir.path().join("filled.xlsx");
    let o = Command::new("python3")
        .arg(fixture("fill_template.py"))
        .arg(&template)
        .arg(&filled)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, filled)
}

fn assert_clean_and_merges_to_typed_figures(file: &Path) {
    let v = json_findings(file);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["summary"]["measures"], 2);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.xlsx");
    ok(&["merge", file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let rows = sheet(&out, "Toimenpiteet");
    let budgets: Vec<f64> = rows[1..].iter().map(|r| num(&r[7])).collect();
    assert_eq!(budgets, [12_500.5, 3_000.0]);
    assert_eq!(num(&rows[1][8]), 10_000.0);
    assert_eq!(num(&rows[1][10]), 1.5);
    assert_eq!(rows[2][4], Data::String("Mikkola; Länsimäki".into()));
    assert_eq!(
        rows[1][1],
        Data::String("Sosiaali- ja terveydenhuollon toimiala".into()),
        "department prefilled"
    );
    assert_eq!(num(&rows[1][6]), 2022.0, "year prefilled");
}

#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn template_typed_into_with_openpyxl_validates_clean() {
    need_openpyxl();
    let (_dir, filled) = filled_template();
    assert_clean_and_merges_to_typed_figures(&filled);
}

#[test]
#[ignore = "needs python3 with openpyxl and LibreOffice (soffice): run by .ci/run"]
fn template_saved_by_libreoffice_validates_clean() {
    need_openpyxl();
    need("soffice");
    let (dir, filled) = filled_template();
    let profile = tempfile::tempdir().unwrap();
    let out = dir.path().join("lo");
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&out)
        .arg(&filled)
        .output()
        .unwrap();
    assert!(o.status.success());
    let saved = out.join("filled.xlsx");
    // LibreOffice computed and stored the total row's SUMs.
    let total = sheet(&saved, "Toimenpiteet")
        .into_iter()
        .find(|r| r[0] == "Yhteensä")
        .unwrap();
    assert_eq!(num(&total[7]), 15_500.5);
    assert_clean_and_merges_to_typed_figures(&saved);
}

#[test]
fn data_validations_point_at_the_hidden_lists() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.xlsx");
    ok(&[
        "template",
        "--department",
        "KYMP",
        "--year",
        "2022",
        "-o",
        t.to_str().unwrap(),
    ]);
    let xml = zip_part(&t, "xl/worksheets/sheet1.xml");
    for (sqref, formula) in [
        ("B6:B105", "'Listat'!$A$2:$A$6"),
        ("C6:C105", "'Listat'!$B$2:$B$4"),
        ("F6:F105", "'Listat'!$C$2:$C$6"),
        ("E6:E105", "'Listat'!$D$2:$D$8"),
        ("K6:K105", "'Listat'!$E$2:$E$3"),
    ] {
        let at = xml
            .find(&format!("sqref=\"{sqref}\""))
            .unwrap_or_else(|| panic!("no validation on {sqref}"));
        let tail = &xml[at..];
        assert!(
            tail.starts_with(&format!("sqref=\"{sqref}\"><formula1>{formula}</formula1>")),
            "{sqref}: {}",
            &tail[..80]
        );
    }
    assert!(xml.contains("type=\"whole\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" promptTitle=\"Vuosi\""));
    assert!(xml.contains("sqref=\"G6:G105\"><formula1>2019</formula1><formula2>2022</formula2>"));
    assert!(
        xml.contains("type=\"decimal\" operator=\"greaterThanOrEqual\"")
            && xml.contains("sqref=\"H6:H105\"><formula1>0</formula1>")
    );
    assert!(
        xml.contains("sqref=\"M6:M105\"><formula1>0</formula1>"),
        "people reached"
    );
    assert!(xml.contains("<pane ySplit=\"4\""), "header frozen");
    assert!(xml.contains("<sheetProtection"), "header locked");
    assert!(xml.contains("<f>SUM(H6:H105)</f>"), "total row");
    let wb = zip_part(&t, "xl/workbook.xml");
    assert!(
        wb.contains("name=\"Listat\" sheetId=\"3\" state=\"hidden\""),
        "{wb}"
    );
    let instructions = sheet(&t, "Ohjeet");
    let flat: Vec<String> = instructions
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    // The deadline of the 2022 submissions: in January after the year.
    assert!(flat.iter().any(|c| c.contains("31.1.2023")), "deadline");
    assert!(
        flat.iter().any(|c| c == "toteutusvaihe")
            || flat.iter().any(|c| c.contains("toteutusvaihe")),
        "allowed values"
    );
}

#[test]
fn templates_in_three_languages_read_back_without_findings() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fi", "sv", "en"] {
        let t = dir.path().join(format!("t_{lang}.xlsx"));
        ok(&[
            "template",
            "--department",
            "KUKU",
            "--year",
            "2021",
            "--lang",
            lang,
            "-o",
            t.to_str().unwrap(),
        ]);
        let v = json_findings(&t);
        assert_eq!(v["findings"].as_array().unwrap().len(), 0, "{lang}: {v}");
        assert_eq!(
            v["files"][0]["rows"], 0,
            "{lang}: example and prefilled rows are not measures"
        );
    }
    let names = sheet_names(&dir.path().join("t_sv.xlsx"));
    assert_eq!(names, ["Åtgärder", "Anvisningar", "Listor"]);
    // The contact line is the configuration's text in each language.
    for (lang, contact) in [
        ("fi", "Ohjelman talousasiantuntija"),
        ("sv", "Programmets ekonomisakkunnig"),
        ("en", "The programme's finance specialist"),
    ] {
        let strings = zip_part(
            &dir.path().join(format!("t_{lang}.xlsx")),
            "xl/sharedStrings.xml",
        );
        let strings = strings.replace("&apos;", "'");
        assert!(strings.contains(contact), "{lang}: {contact}");
        if lang != "fi" {
            assert!(
                !strings.contains("talousasiantuntija"),
                "{lang}: Finnish contact"
            );
        }
    }
}

#[test]
fn all_departments_at_once_and_prefilled_from_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pohjat");
    ok(&[
        "template",
        "--all",
        "--year",
        "2022",
        "--out",
        out.to_str().unwrap(),
    ]);
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "kasko_2022.xlsx",
            "ksj_2022.xlsx",
            "kuku_2022.xlsx",
            "kymp_2022.xlsx",
            "sote_2022.xlsx"
        ]
    );

    let prev = dir.path().join("kooste_2021.xlsx");
    ok(&["merge", "samples/2021", "-o", prev.to_str().unwrap()]);
    let t = dir.path().join("sote_2022.xlsx");
    ok(&[
        "template",
        "--department",
        "sote",
        "--year",
        "2022",
        "--from",
        prev.to_str().unwrap(),
        "-o",
        t.to_str().unwrap(),
    ]);
    let rows = sheet(&t, "Toimenpiteet");
    let ids: Vec<String> = rows
        .iter()
        .skip(5)
        .take(6)
        .map(|r| r[0].to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "SOTE-01", "SOTE-02", "SOTE-03", "SOTE-04", "SOTE-05", "SOTE-06"
        ]
    );
    assert_eq!(
        rows[5][3],
        Data::String("Hakunilan lasten ja perheiden yhteisötalo".into())
    );
    assert_eq!(
        rows[5][5],
        Data::Empty,
        "the status is the new year's to give"
    );
    assert_eq!(num(&rows[5][6]), 2022.0, "the new year");
    assert!(
        matches!(rows[5][7], Data::Empty),
        "euros left for the new year"
    );
    let v = json_findings(&t);
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes, ["missing-value"; 12],
        "only the statuses and budgets are asked for"
    );
}

/// Typed rows of a file as `convert --to json` gives them, without row numbers.
fn typed_rows(path: &Path) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let o = kooste(&[
        "convert",
        path.to_str().unwrap(),
        "--to",
        "json",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    // Every input here converts without an error; a panic exits 101.
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut v: Vec<Value> = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    for item in &mut v {
        item.as_object_mut().unwrap().remove("row");
    }
    v
}

#[test]
fn convert_to_xlsx_reads_back_to_the_same_typed_rows_in_every_format() {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(root().join("samples/2021"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    for name in [
        "title_rows_finnish_text_euros.xlsx",
        "swedish_headers.xls",
        "english_headers_reordered.ods",
        "semicolon_windows1252.csv",
        "comma_utf8_bom.csv",
    ] {
        inputs.push(fixture(name));
    }
    for input in inputs {
        let dir = tempfile::tempdir().unwrap();
        ok(&[
            "convert",
            input.to_str().unwrap(),
            "--to",
            "xlsx",
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        let converted = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let before = typed_rows(&input);
        let after = typed_rows(&converted);
        assert!(!before.is_empty(), "{}", input.display());
        assert_eq!(before, after, "{}", input.display());
    }
}

#[test]
fn convert_csv_and_json_match_hand_checked_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("comma_utf8_bom.csv");
    let out = dir.path().to_str().unwrap();
    ok(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "json",
        "--out",
        out,
    ]);
    let json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("comma_utf8_bom.json")).unwrap())
            .unwrap();
    let expected: Value = serde_json::json!([
        {"row": 2, "id": "T-1", "department": "KYMP", "focus_area": "1", "measure": "Koulun pihan kunnostus",
         "areas": ["MIKKOLA"], "status": "IMPLEMENTATION", "year": 2021, "budget_eur": 12500.5, "spent_eur": 10000.0,
         "fte": null, "themes": null, "schedule": null, "reached": null, "impact_story": null, "contact": null},
        {"row": 3, "id": "T-2", "department": "KYMP", "focus_area": "3", "measure": "Torin valaistus",
         "areas": ["LANSIMAKI", "HAKUNILA"], "status": "PLANNING", "year": 2021, "budget_eur": 30000.0, "spent_eur": 0.0,
         "fte": null, "themes": null, "schedule": null, "reached": null, "impact_story": null, "contact": null}
    ]);
    assert_eq!(json, expected);
    ok(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "csv",
        "--csv-style",
        "plain",
        "--out",
        out,
    ]);
    let csv = std::fs::read_to_string(dir.path().join("comma_utf8_bom.csv")).unwrap();
    let expected = "Tunnus,Toimiala,Painopiste,Toimenpide,Alue,Vaihe,Vuosi,Budjetti (€),Toteuma (€),Henkilötyövuodet,Läpileikkaavat teemat,Toteutusaika,Tavoitetut asukkaat,Vaikuttavuustarina,Yhteyshenkilö\n\
T-1,Kaupunkiympäristö,Vahvistamme osaamista – tuemme koulupolkua,Koulun pihan kunnostus,Mikkola,toteutusvaihe,2021,12500.50,10000,,,,,,\n\
T-2,Kaupunkiympäristö,Yhteisöllisyyden ja turvallisuuden vahvistaminen,Torin valaistus,Länsimäki; Hakunila,suunnitteluvaihe,2021,30000,0,,,,,,\n";
    assert_eq!(csv, expected);
    ok(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "csv",
        "--out",
        out,
    ]);
    let fi = std::fs::read_to_string(dir.path().join("comma_utf8_bom.csv")).unwrap();
    assert!(
        fi.starts_with('\u{feff}') && fi.contains(";12500,50;10000;"),
        "{fi}"
    );
}

#[test]
fn convert_with_errors_writes_what_it_read_and_names_the_empty_cells() {
    let dir = tempfile::tempdir().unwrap();
    let o = kooste(&[
        "convert",
        "tests/fixtures/bad_values.xlsx",
        "--to",
        "xlsx",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("seuraavat solut jätettiin tyhjiksi: H2, H3, F4, H5, G6, E7"),
        "{}",
        stdout(&o)
    );
    let rows = sheet(&dir.path().join("bad_values.xlsx"), "Toimenpiteet");
    let names: Vec<String> = rows
        .iter()
        .skip(5)
        .take(6)
        .map(|r| r[3].to_string())
        .collect();
    assert_eq!(names[1], "Tekstiä euroina");
    assert!(
        matches!(rows[6][7], Data::Empty),
        "the bad euro cell left empty"
    );
}

/// `template --from` carries the measures that go on, with their identity,
/// names and areas but not their status, and lists those that ended (the
/// status's stage completed or stopped) on the instructions sheet instead
/// of carrying them.
#[test]
fn template_from_leaves_ended_measures_out_and_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    // The 2020 samples have a completed measure in SOTE and in KYMP.
    let prev = dir.path().join("kooste_2020.xlsx");
    ok(&["merge", "samples/2020", "-o", prev.to_str().unwrap()]);
    let t = dir.path().join("sote_2021.xlsx");
    ok(&[
        "template",
        "--department",
        "sote",
        "--year",
        "2021",
        "--from",
        prev.to_str().unwrap(),
        "-o",
        t.to_str().unwrap(),
    ]);
    let rows = sheet(&t, "Toimenpiteet");
    let carried: Vec<&[Data]> = rows
        .iter()
        .skip(5)
        .filter(|r| !matches!(r[3], Data::Empty))
        .map(Vec::as_slice)
        .collect();
    let ids: Vec<String> = carried.iter().map(|r| r[0].to_string()).collect();
    assert_eq!(ids, ["SOTE-01", "SOTE-02"], "SOTE-07 (valmis) ended");
    for r in &carried {
        assert!(!r[1].to_string().is_empty(), "department: {r:?}");
        assert!(!r[4].to_string().is_empty(), "areas: {r:?}");
        assert_eq!(r[5], Data::Empty, "status left to fill: {r:?}");
        assert_eq!(num(&r[6]), 2021.0, "the new year");
        assert_eq!(r[7], Data::Empty, "euros left to fill");
    }
    let instructions = sheet(&t, "Ohjeet");
    let lines: Vec<String> = instructions.iter().map(|r| r[0].to_string()).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Päättyneet toimenpiteet vuodelta 2020, joita ei siirretty"))
        .unwrap_or_else(|| panic!("the note: {lines:?}"));
    assert_eq!(
        lines[at + 1..]
            .iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>(),
        ["SOTE-07 Perhekeskusten koronatuki (valmis)"]
    );

    // A department with nothing ended gets no note.
    let t = dir.path().join("kasko_2021.xlsx");
    ok(&[
        "template",
        "--department",
        "kasko",
        "--year",
        "2021",
        "--from",
        prev.to_str().unwrap(),
        "-o",
        t.to_str().unwrap(),
    ]);
    let flat: Vec<String> = sheet(&t, "Ohjeet")
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    assert!(
        !flat.iter().any(|c| c.starts_with("Päättyneet")),
        "{flat:?}"
    );
    let ids: Vec<String> = sheet(&t, "Toimenpiteet")
        .iter()
        .skip(5)
        .filter(|r| !matches!(r[3], Data::Empty))
        .map(|r| r[0].to_string())
        .collect();
    assert_eq!(ids, ["KASKO-01", "KASKO-02", "KASKO-03"]);
}
