//! CSV submissions as offices produce them (tests/fixtures/real, written by
//! make_csv.py with LibreOffice and Python's codecs), read by the real
//! binary: the names come back exactly as typed, the euros exact, and every
//! finding names the row LibreOffice shows (make_csv.py checks those rows
//! against LibreOffice's own import).

use crate::common::*;
use serde_json::Value;

fn real(name: &str) -> String {
    format!("tests/fixtures/real/{name}")
}

/// The measures' names as typed (make_csv.py's ROWS and TYPOGRAPHIC).
const NAMES: [&str; 5] = [
    "Kesätyöpaikat nuorille",
    "Äitiysneuvolan perhetyö ja kotikäynnit",
    "Öisin liikkuvien nuorten tavoittaminen",
    "Ungdomsgård i Håkansböle, kevätjuhla 1 500 €",
    "Kotoutumisen ”Polku” – ohjausta…",
];
const BUDGETS: [f64; 5] = [12500.0, 30000.0, 8000.0, 1500.0, 5000.0];
const SPENT: [f64; 5] = [10000.0, 28500.0, 0.0, 1480.0, 2500.0];

/// `validate --format json`: the exit code and the findings.
fn validate(file: &str) -> (i32, Vec<Value>) {
    let o = kooste(&["validate", "--format", "json", &real(file)]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap().clone();
    (o.status.code().unwrap(), findings)
}

/// `merge FILE -o out.xlsx --json out.json` (with `extra` options): the exit
/// code and the measures of the JSON export.
fn merge(file: &str, extra: &[&str]) -> (i32, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, json) = (dir.path().join("out.xlsx"), dir.path().join("out.json"));
    let path = real(file);
    let mut args = vec!["merge", "-q", &path];
    args.extend_from_slice(&[
        "-o",
        xlsx.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    args.extend_from_slice(extra);
    let o = kooste(&args);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let measures = std::fs::read(&json)
        .map(|b| serde_json::from_slice::<Vec<Value>>(&b).unwrap())
        .unwrap_or_default();
    (o.status.code().unwrap(), measures)
}

fn field<'a>(measures: &'a [Value], key: &str) -> Vec<&'a Value> {
    measures.iter().map(|m| &m[key]).collect()
}

#[test]
fn every_office_encoding_reads_names_and_euros_as_typed() {
    let cases = [
        ("csv_libreoffice_utf8.csv", 5),
        ("csv_libreoffice_windows1252.csv", 5),
        ("csv_iso8859_15_euro.csv", 4),
        ("csv_libreoffice_utf16le_tab.csv", 5),
        ("csv_mac_roman_cr.csv", 5),
        ("csv_utf16le_tab.csv", 5),
        ("csv_utf16le_no_bom.csv", 5),
        ("csv_semicolon_prose_commas.csv", 4),
        ("csv_excel_utf8_prose_commas.csv", 4),
    ];
    for (file, n) in cases {
        let (code, findings) = validate(file);
        assert_eq!((code, findings.len()), (0, 0), "{file}: {findings:?}");
        let (code, m) = merge(file, &[]);
        assert_eq!(code, 0, "{file}");
        assert_eq!(field(&m, "measure"), NAMES[..n], "{file}");
        assert_eq!(field(&m, "budget_eur"), BUDGETS[..n], "{file}");
        assert_eq!(field(&m, "spent_eur"), SPENT[..n], "{file}");
        assert_eq!(
            m[1]["areas"],
            serde_json::json!(["Länsimäki", "Hakunila"]),
            "{file}"
        );
        let cells: Vec<Value> = (2..2 + n).map(|r| format!("D{r}").into()).collect();
        assert_eq!(
            m.iter()
                .map(|m| &m["source_cell"])
                .cloned()
                .collect::<Vec<_>>(),
            cells,
            "{file}"
        );
    }
}

#[test]
fn one_invalid_utf8_byte_is_a_finding_at_its_row_and_the_rest_stays_utf8() {
    let (code, findings) = validate("csv_utf8_one_invalid_byte.csv");
    assert_eq!((code, findings.len()), (1, 1), "{findings:?}");
    let f = &findings[0];
    assert_eq!(
        (f["code"].as_str(), f["row"].as_u64()),
        (Some("invalid-bytes"), Some(3))
    );
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("0x9F") && message.contains("UTF-8"),
        "{message}"
    );

    let (code, m) = merge("csv_utf8_one_invalid_byte.csv", &[]);
    assert_eq!((code, m.len()), (1, 0), "an error blocks the outputs");
    // A draft leaves the damaged row out, as it does a row with an error:
    // its text is not what was typed. The other rows stay UTF-8.
    let (_, m) = merge("csv_utf8_one_invalid_byte.csv", &["--draft"]);
    let mut names = NAMES.to_vec();
    names.remove(1);
    let mut budgets = BUDGETS.to_vec();
    budgets.remove(1);
    assert_eq!(field(&m, "measure"), names);
    assert_eq!(field(&m, "budget_eur"), budgets);
}

#[test]
fn a_nul_byte_is_a_finding_at_its_row_not_binary_data() {
    let (code, findings) = validate("csv_nul_byte.csv");
    assert_eq!((code, findings.len()), (1, 1), "{findings:?}");
    assert_eq!(findings[0]["code"], "invalid-bytes");
    assert_eq!(findings[0]["row"], 4);
    assert!(findings[0]["message"].as_str().unwrap().contains("NUL"));
    let (_, m) = merge("csv_nul_byte.csv", &["--draft"]);
    assert_eq!(field(&m, "measure"), NAMES);
    assert_eq!(
        m[2]["areas"],
        serde_json::json!(["Havukoski"]),
        "the NUL is dropped"
    );
}

#[test]
fn blank_lines_are_rows_as_libreoffice_shows_them() {
    for file in ["csv_blank_lines.csv", "csv_blank_lines_crlf.csv"] {
        let (code, findings) = validate(file);
        assert_eq!((code, findings.len()), (1, 1), "{file}: {findings:?}");
        assert_eq!(findings[0]["code"], "type-error", "{file}");
        assert_eq!(
            findings[0]["cell"], "H8",
            "{file}: LibreOffice shows the budget at H8"
        );
        let (_, m) = merge(file, &["--draft"]);
        assert_eq!(field(&m, "measure"), NAMES[..3], "{file}");
        assert_eq!(field(&m, "source_cell"), ["D3", "D4", "D7"], "{file}");
    }
}

#[test]
fn a_quoted_line_break_stays_in_its_row() {
    let (code, findings) = validate("csv_quoted_multiline.csv");
    assert_eq!((code, findings.len()), (1, 1), "{findings:?}");
    assert_eq!(findings[0]["cell"], "H4");
    let (_, m) = merge("csv_quoted_multiline.csv", &["--draft"]);
    assert_eq!(
        field(&m, "measure"),
        [
            NAMES[0],
            "Äitiysneuvolan perhetyö\nja kotikäynnit",
            NAMES[3]
        ]
    );
    assert_eq!(field(&m, "source_cell"), ["D2", "D3", "D5"]);
}

#[test]
fn an_ambiguous_single_byte_file_is_refused_with_one_finding() {
    let (code, findings) = validate("csv_ambiguous_single_byte.csv");
    assert_eq!((code, findings.len()), (1, 1), "{findings:?}");
    assert_eq!(findings[0]["code"], "unknown-encoding");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Windows-1252 / Mac Roman") && message.contains("0xE4: ä / ‰"),
        "{message}"
    );
    let (code, m) = merge("csv_ambiguous_single_byte.csv", &["--draft"]);
    assert_eq!((code, m.len()), (1, 0), "nothing is read by a guess");
}

#[test]
fn binary_data_is_still_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kuva.csv");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0u32..2000).map(|i| if i % 7 == 0 { (i % 251) as u8 } else { 0 }));
    std::fs::write(&path, bytes).unwrap();
    let o = kooste(&["validate", "--format", "json", path.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["findings"][0]["code"], "unreadable-file");
}

/// Two invalid bytes in a row are named in the plural, one in the
/// singular, in every language.
#[test]
fn invalid_bytes_are_counted_in_each_language() {
    let one = std::fs::read(fixture("real/csv_utf8_one_invalid_byte.csv")).unwrap();
    let at = one.iter().position(|b| *b == 0x9F).unwrap();
    let mut two = one.clone();
    two.insert(at + 1, 0xFE);
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("one.csv", &one), ("two.csv", &two)] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for (lang, singular, plural) in [
        (
            "fi",
            "on tavu 0x9F, joka ei",
            "on tavut 0x9F 0xFE, jotka eivät",
        ),
        ("sv", "har byten 0x9F, som", "har byterna 0x9F 0xFE, som"),
        (
            "en",
            "has the byte 0x9F, which is",
            "has the bytes 0x9F 0xFE, which are",
        ),
    ] {
        for (name, want) in [("one.csv", singular), ("two.csv", plural)] {
            let path = dir.path().join(name);
            let o = kooste(&["validate", path.to_str().unwrap(), "--lang", lang]);
            assert!(stdout(&o).contains(want), "{lang} {name}: {}", stdout(&o));
        }
    }
}
