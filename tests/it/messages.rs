//! Issue 18 point 9: messages that say what is true.

use crate::common::{fixture, kooste, stderr, stdout};

const HEADER: [&str; 7] = [
    "Toimiala",
    "Painopiste",
    "Toimenpide",
    "Alue",
    "Vaihe",
    "Vuosi",
    "Budjetti (€)",
];

fn write_csv(dir: &std::path::Path, name: &str, header: &[String], rows: &[Vec<String>]) -> String {
    let path = dir.join(name);
    let mut text = header.join(";") + "\n";
    for r in rows {
        text += &(r.join(";") + "\n");
    }
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_full_header_with_many_extra_columns_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    header.extend((1..=16).map(|i| format!("Oma sarake {i}")));
    let mut row: Vec<String> = ["SOTE", "1", "Kerho", "Mikkola", "valmis", "2021", "1000"]
        .map(String::from)
        .to_vec();
    row.extend((1..=16).map(|i| i.to_string()));
    let input = write_csv(dir.path(), "extra.csv", &header, &[row]);
    let o = kooste(&["validate", &input]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(!text.contains("no-measure-sheet"), "{text}");
    assert_eq!(
        text.matches("varoitus[unknown-column]").count(),
        16,
        "{text}"
    );
    assert!(text.contains("1 toimenpide"), "{text}");
}

#[test]
fn a_too_large_number_is_shown_short_and_called_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    let huge = format!("1{}", "0".repeat(308));
    let row: Vec<String> = ["SOTE", "1", "Kerho", "Mikkola", "valmis", "2021", &huge]
        .map(String::from)
        .to_vec();
    let input = write_csv(dir.path(), "huge.csv", &header, &[row]);
    let o = kooste(&["validate", &input]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    let line = text.lines().find(|l| l.contains("!G2:")).unwrap();
    assert!(
        line.contains("1,0·10^308") && line.contains("liian suuri"),
        "{line}"
    );
    assert!(line.len() < 250, "{line}");
    let o = kooste(&["validate", &input, "--lang", "en"]);
    assert!(stdout(&o).contains("The number 1.0·10^308 is too large to be an amount of euros"));
    // JSON keeps the value whole.
    let o = kooste(&["validate", &input, "--format", "json"]);
    assert!(
        stdout(&o).contains(&format!("\"value\": \"{huge}\"")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn convert_names_only_the_cells_it_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("real/duplicate_with_status_typo.xlsx");
    let o = kooste(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "csv",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    // The duplicates (D4, D6) are errors about their rows, and their names
    // are written; the statuses (F4, F5) that could not be read are not.
    let line = text
        .lines()
        .find(|l| l.contains("jätettiin tyhjiksi"))
        .unwrap();
    assert!(line.ends_with("F4, F5"), "{line}");
    let csv = std::fs::read_to_string(dir.path().join("duplicate_with_status_typo.csv")).unwrap();
    assert!(csv.contains("Puistotalkoot!"), "{csv}");
}

#[test]
fn a_header_lacking_a_required_column_is_named_in_the_hint() {
    let dir = tempfile::tempdir().unwrap();
    let mut header: Vec<String> = HEADER
        .iter()
        .filter(|h| **h != "Vaihe")
        .map(|s| s.to_string())
        .collect();
    header.extend((1..=16).map(|i| format!("Oma sarake {i}")));
    let row: Vec<String> = (0..header.len()).map(|i| i.to_string()).collect();
    let input = write_csv(dir.path(), "vaihe.csv", &header, &[row]);
    let o = kooste(&["validate", &input]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("no-measure-sheet"))
        .unwrap();
    assert!(
        line.ends_with("(Välilehden vaihe rivillä 1 on otsikoita, mutta siitä puuttuu pakollinen sarake \"Vaihe\".)"),
        "{line}"
    );
}

#[test]
fn a_huge_negative_number_is_shown_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    header.push("Henkilötyövuodet".into());
    let huge = format!("-{}", "9".repeat(300));
    let row: Vec<String> = [
        "SOTE", "1", "Kerho", "Mikkola", "valmis", "2021", "1000", &huge,
    ]
    .map(String::from)
    .to_vec();
    let input = write_csv(dir.path(), "neg.csv", &header, &[row]);
    let o = kooste(&["validate", &input]);
    let line = stdout(&o)
        .lines()
        .find(|l| l.contains("!H2:"))
        .unwrap()
        .to_string();
    assert!(line.contains("(-9,9·10^299)"), "{line}");
}

/// Issue 20 item 5: a header one letter off is answered with "did you
/// mean" in every language, whichever language the file's headers and
/// the run are in, naming the header in the run's language.
#[test]
fn a_header_typo_gets_a_suggestion_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let row: Vec<String> = ["SOTE", "1", "Kerho", "Mikkola", "valmis", "2021", "1000"]
        .map(String::from)
        .to_vec();
    let headers = [
        (
            "fi",
            [
                "Toimiala",
                "Painopiste",
                "Toimenpide",
                "Alue",
                "Vaihe",
                "Vuosi",
                "Budjeti",
            ],
            "Tarkoititko \"Budjetti (€)\"?",
        ),
        (
            "sv",
            [
                "Sektor",
                "Fokusområde",
                "Åtgärd",
                "Område",
                "Skede",
                "År",
                "Budgte (€)",
            ],
            "Menade du \"Budget (€)\"?",
        ),
        (
            "en",
            [
                "Department",
                "Focus area",
                "Measure",
                "Area",
                "Status",
                "Year",
                "Budgt",
            ],
            "Did you mean \"Budget (EUR)\"?",
        ),
    ];
    for (lang, header, suggestion) in headers {
        let header: Vec<String> = header.map(String::from).to_vec();
        let input = write_csv(
            dir.path(),
            &format!("{lang}.csv"),
            &header,
            std::slice::from_ref(&row),
        );
        let o = kooste(&["validate", &input, "--lang", lang]);
        let text = stdout(&o);
        let line = text
            .lines()
            .find(|l| l.contains("[unknown-column]"))
            .unwrap_or_else(|| panic!("{lang}: {text}"));
        assert!(line.ends_with(&format!("({suggestion})")), "{lang}: {line}");
    }
    // A Finnish typo under --lang en names the English header.
    let input = dir.path().join("fi.csv");
    let o = kooste(&["validate", input.to_str().unwrap(), "--lang", "en"]);
    assert!(
        stdout(&o).contains("The header \"Budjeti\" is not recognised; the column's data is ignored. (Did you mean \"Budget (EUR)\"?)"),
        "{}",
        stdout(&o)
    );
}

/// A cell's text is shown as typed in every language: `{kind}`,
/// `{value}` or `{{` in it is never read as a placeholder of the message.
#[test]
fn placeholders_in_a_cell_are_shown_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    let typed = ["{kind}", "{value}", "{{ $value }}", "{ -term }"];
    let rows: Vec<Vec<String>> = typed
        .iter()
        .map(|d| {
            [d, "1", "Kerho", "Mikkola", "valmis", "2021", "1000"]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let input = write_csv(dir.path(), "braces.csv", &header, &rows);
    for (lang, sentence) in [
        (
            "fi",
            "\"{}\" ei ole sallittu arvo sarakkeessa \"Toimiala\".",
        ),
        (
            "sv",
            "\"{}\" är inte ett tillåtet värde i kolumnen \"Sektor\".",
        ),
        (
            "en",
            "\"{}\" is not an allowed value in the column \"Department\".",
        ),
    ] {
        let o = kooste(&["validate", &input, "--lang", lang, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let found: Vec<&serde_json::Value> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "not-allowed")
            .collect();
        assert_eq!(found.len(), typed.len(), "{lang}: {v}");
        for (f, t) in found.iter().zip(typed) {
            assert_eq!(f["value"], t, "{lang}: {f}");
            assert_eq!(f["message"], sentence.replace("{}", t), "{lang}: {f}");
        }
    }
}

/// The measures sheet's name in every language is one an earlier year's
/// workbook is looked up by (`--previous`, `template --from`): renaming it
/// in a translation needs the new name added there, beside the old.
#[test]
fn the_measures_sheet_names_are_recognised_in_earlier_workbooks() {
    for lang in kooste::Lang::ALL {
        let name = kooste::i18n::text(lang, "out-sheet-measures");
        assert!(
            kooste::merging::comparison::MEASURE_SHEETS.contains(&name.as_str()),
            "{}: {name}",
            lang.code()
        );
    }
}

/// A damaged file's finding is a sentence in the language; the zip
/// library's own words appear only below it with `--verbose` (and in the
/// JSON's `detail`).
#[test]
fn a_librarys_words_show_only_with_verbose() {
    let file = "tests/fixtures/codes/unreadable-file.xlsx";
    let plain = kooste(&["validate", file, "--lang", "sv"]);
    let text = stdout(&plain);
    assert!(text.contains("paketet kan inte öppnas"), "{text}");
    assert!(
        !text.contains("Zip error") && !text.contains("EOCD"),
        "{text}"
    );
    let verbose = kooste(&["validate", file, "--lang", "sv", "--verbose"]);
    let text = stdout(&verbose);
    assert!(
        text.contains("\n  tilläggsuppgift: Zip error: invalid Zip archive"),
        "{text}"
    );
    let json = kooste(&["validate", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        json["findings"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("EOCD")
    );
}
