//! Findings located to the cell, exit codes, and broken files that never
//! stop the others from being read.

use crate::common::*;
use serde_json::Value;

fn json_of(args: &[&str]) -> (Option<i32>, Value) {
    let o = kooste(args);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (o.status.code(), v)
}

#[test]
fn bad_values_are_found_at_their_cells() {
    let path = fixture("bad_values.xlsx");
    let (code, json) = json_of(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let got: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] != "")
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["cell"].as_str().unwrap_or("").into(),
                f["severity"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("missing-value", "H2"),
        ("type-error", "H3"),
        ("not-allowed", "F4"),
        ("out-of-range", "H5"),
        ("out-of-range", "G6"),
        ("not-allowed", "E7"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((code, cell, sev), (wc, wcell)) in got.iter().zip(want) {
        assert_eq!(
            (code.as_str(), cell.as_str(), sev.as_str()),
            (wc, wcell, "error")
        );
    }
    let typo = &json["findings"][2];
    assert_eq!(typo["value"], "toteutus vaihe");
    assert!(
        typo["hint"].as_str().unwrap().contains("\"toteutusvaihe\""),
        "{typo}"
    );
    assert_eq!(typo["row"], 4);
    assert_eq!(typo["field"], "status");
}

#[test]
fn text_output_names_file_sheet_and_cell() {
    let o = kooste(&["validate", "tests/fixtures/bad_values.xlsx"]);
    let out = stdout(&o);
    assert!(out.contains("tests/fixtures/bad_values.xlsx!Toimenpiteet!H3: virhe[type-error]: \"n/a\" ei ole euromäärä."), "{out}");
    assert!(out.lines().last().unwrap().contains("6 virhettä"), "{out}");
}

#[test]
fn messages_in_swedish_and_english() {
    let sv = stdout(&kooste(&[
        "validate",
        "--lang",
        "sv",
        "tests/fixtures/bad_values.xlsx",
    ]));
    assert!(sv.contains("\"n/a\" är inte ett eurobelopp."), "{sv}");
    let en = stdout(&kooste(&[
        "validate",
        "--lang",
        "en",
        "tests/fixtures/bad_values.xlsx",
    ]));
    assert!(en.contains("\"n/a\" is not an amount of euros."), "{en}");
}

#[test]
fn broken_files_give_findings_and_the_rest_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "text_named_xlsx.xlsx",
        "zero_bytes.xlsx",
        "comma_utf8_bom.csv",
    ] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let (code, json) = json_of(&["validate", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["measures"], 2, "the good file is read");
    let unreadable = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "unreadable-file")
        .count();
    assert_eq!(unreadable, 2);
}

#[test]
fn build_refuses_to_write_while_errors_remain() {
    let dir = tempfile::tempdir().unwrap();
    let o = kooste(&[
        "build",
        "tests/fixtures/bad_values.xlsx",
        "tests/fixtures/comma_utf8_bom.csv",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--draft"), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let o = kooste(&[
        "build",
        "tests/fixtures/bad_values.xlsx",
        "tests/fixtures/comma_utf8_bom.csv",
        "--out",
        dir.path().to_str().unwrap(),
        "--draft",
    ]);
    assert_eq!(o.status.code(), Some(1), "errors still reported");
    let rows = sheet(&dir.path().join("kooste_2021.xlsx"), "Toimenpiteet");
    assert_eq!(rows.len(), 3, "only the two good rows");
    let title = sheet(&dir.path().join("kooste_2021.xlsx"), "Yhteenveto")[0][0].to_string();
    assert!(title.starts_with("LUONNOS"), "{title}");
}

#[test]
fn usage_and_configuration_problems_exit_2() {
    let o = kooste(&["validate", "no/such/file.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.xlsx"), "{}", stderr(&o));

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    let text = kooste::config::DEFAULT_TOML
        .replace("annual_budget_eur = 2000000", "annual_budget_eur = -5");
    std::fs::write(&config, text).unwrap();
    let o = kooste(&[
        "validate",
        "--config",
        config.to_str().unwrap(),
        "samples/2021",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let line = kooste::config::DEFAULT_TOML
        .lines()
        .position(|l| l.starts_with("annual_budget_eur"))
        .unwrap()
        + 1;
    assert!(
        stderr(&o).contains(&format!(
            "rivillä {line}, avaimessa programme.annual_budget_eur: -5 ei ole euromäärä"
        )),
        "{}",
        stderr(&o)
    );

    let o = kooste(&["build", "samples/2021"]);
    assert_eq!(o.status.code(), Some(2), "missing --out is a usage error");
}

#[test]
fn another_programme_is_only_a_new_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("other.toml");
    let text = kooste::config::DEFAULT_TOML
        .replace("code = \"KYMP\"", "code = \"YMP\"")
        .replace("last_year = 2022", "last_year = 2030");
    std::fs::write(&config, text).unwrap();
    let csv = dir.path().join("ymp.csv");
    let body = std::fs::read_to_string(fixture("comma_utf8_bom.csv"))
        .unwrap()
        .replace(",KYMP,", ",YMP,")
        .replace("2021", "2030");
    std::fs::write(&csv, body).unwrap();
    let (code, json) = json_of(&[
        "validate",
        "--format",
        "json",
        "--config",
        config.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["files"][0]["department"], "YMP");
    assert_eq!(json["files"][0]["year"], 2030);
}
