//! Legacy .xls submissions written by LibreOffice (tests/fixtures/real/make_xls.py)
//! and read by kooste's own BIFF8 reader: the values in the JSON export,
//! the findings by code and cell, and the cell limit.

use crate::common::*;
use serde_json::Value;

fn codes_at(fs: &[Value]) -> Vec<(&str, &str)> {
    fs.iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["cell"].as_str().unwrap_or(""),
            )
        })
        .collect()
}

/// make_xls.py's `story(i, n)`: `n` characters of a text with ä ö å €.
fn story(i: usize, n: usize) -> String {
    let base = format!(
        "Tarina {i}: nuoret kävivät kerhossa ja löysivät harrastuksen; åbolaiset vieraat, 5 € päivässä. "
    );
    base.chars().cycle().take(n).collect()
}

#[test]
fn a_stray_cell_at_iv65536_is_named_and_the_measures_read() {
    let file = "xls_stray_cell_iv65536.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{fs:?}");
    assert_eq!(codes_at(&fs), [("unread-content", "IV65536")]);
    let ms = real_measures(file);
    let got: Vec<_> = ms
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m["measure"].as_str().unwrap(),
                m["status_name"].as_str().unwrap(),
                m["year"].as_i64().unwrap(),
                m["budget_eur"].as_f64().unwrap(),
                m["spent_eur"].as_f64().unwrap(),
                m["source_cell"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "S-1",
                "Koulupihat",
                "toteutusvaihe",
                2021,
                12_500.0,
                11_000.0,
                "D2"
            ),
            (
                "S-2",
                "Perhekahvilat",
                "valmis",
                2021,
                8_000.0,
                8_000.0,
                "D3"
            ),
        ]
    );
}

#[test]
fn cells_past_max_cells_are_refused() {
    let (exit, fs) = real_findings("xls_stray_cell_iv65536.xls", &["--max-cells", "20"]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), [("too-large", "")], "{fs:?}");
}

#[test]
fn dates_non_ascii_and_long_shared_strings_read_whole() {
    let file = "xls_dates_strings_continue.xls";
    let (exit, fs) = real_findings(file, &[]);
    // The euros are read exactly: the checks name them to the cent.
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        [
            ("spent-exceeds-budget", "D2"),
            ("spent-exceeds-budget", "D3"),
            ("budget-exceeds-programme", "")
        ]
    );
    assert!(
        fs[0]["message"]
            .as_str()
            .unwrap()
            .contains("1\u{a0}234\u{a0}567,89")
    );
    assert!(
        fs[2]["message"]
            .as_str()
            .unwrap()
            .contains("2\u{a0}072\u{a0}600,50")
    );
    let ms = real_measures(file);
    assert_eq!(ms.len(), 11);
    let row = |m: &Value| {
        (
            m["measure"].as_str().unwrap().to_string(),
            m["areas"][0].as_str().unwrap().to_string(),
            m["year"].as_i64().unwrap(),
            m["budget_eur"].as_f64().unwrap(),
            m["spent_eur"].as_f64().unwrap(),
            m["fte"].as_f64().unwrap(),
        )
    };
    let s = |x: &str| x.to_string();
    // D2's year is the date 15.3.2021 shown through `yyyy`.
    assert_eq!(
        row(&ms[0]),
        (
            s("Perheneuvola – Länsimäki"),
            s("Länsimäki"),
            2021,
            12_500.5,
            1_234_567.89,
            0.5
        )
    );
    assert_eq!(
        row(&ms[1]),
        (
            s("Nuorisotyö Åbo € -kokeilu"),
            s("Hakunila"),
            2021,
            100.0,
            1_234.57,
            1.25
        )
    );
    assert_eq!(
        row(&ms[2]),
        (
            s("Kesätyöt ja kerhot ääkkösin: äöå ÄÖÅ"),
            s("Mikkola"),
            2021,
            2_000_000.0,
            0.1,
            3.0
        )
    );
    assert_eq!(
        ms[0]["schedule"], "30.6.2021",
        "a date cell as the person sees it"
    );
    assert_eq!(ms[2]["schedule"], "1.1.–31.12.2021");
    // 9 000 characters with ä: 18 000 bytes, across three SST records.
    assert_eq!(ms[0]["impact_story"].as_str().unwrap(), story(0, 9000));
    assert_eq!(ms[1]["impact_story"].as_str().unwrap(), story(1, 2000));
    assert_eq!(ms[2]["impact_story"].as_str().unwrap(), "x".repeat(9000));
    for (i, m) in ms.iter().enumerate().skip(3) {
        let n = i + 1;
        assert_eq!(m["measure"], format!("Kerho {n} ä"));
        assert_eq!(m["budget_eur"].as_f64().unwrap(), 1000.0 * n as f64);
        assert_eq!(m["impact_story"].as_str().unwrap(), story(n, 1500));
    }
}

#[test]
fn formula_results_booleans_errors_and_hidden_and_chart_sheets() {
    let file = "xls_formulas_hidden_chart.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), [("type-error", "I3"), ("type-error", "H4")]);
    assert_eq!(fs[0]["value"], "#DIV/0!");
    assert_eq!(fs[1]["value"], "#N/A");
    let ms = real_measures(file);
    assert_eq!(ms.len(), 1, "{ms:?}");
    let m = &ms[0];
    assert_eq!(
        m["source_sheet"], "Toimenpiteet",
        "the chart sheet before it is skipped"
    );
    assert_eq!(
        m["measure"], "Kulttuurikurssit Länsimäki",
        "a string result"
    );
    assert_eq!(m["year"], 2021, "=2020+1");
    assert_eq!(m["budget_eur"].as_f64().unwrap(), 12_000.5, "=1000*12+0.5");
    assert_eq!(
        m["spent_eur"].as_f64().unwrap(),
        4_321.0,
        "looked up in the hidden sheet"
    );
    assert_eq!(m["schedule"], "TRUE", "a boolean as shown");
}

#[test]
fn the_lo_fixtures_read_as_before() {
    let (exit, fs) = real_findings("lo_vlookup_na.xls", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), [("type-error", "D3")]);
    let ms = real_measures("lo_merged_department_year.xls");
    assert_eq!(ms.len(), 3);
    for m in &ms {
        assert_eq!(
            (m["department"].as_str(), m["year"].as_i64()),
            (Some("KASKO"), Some(2021))
        );
    }
}
