//! The summaries and the outputs' words in each language: counts read
//! right for 0, 1 and 2 (`1 tiedosto`, `2 tiedostoa`; `1 fil`, `2 filer`;
//! `1 file`, `2 files`), and a finding's code has its title beside it
//! wherever a person reads it.

use std::path::{Path, PathBuf};

use calamine::Data;

use crate::common::*;

const HEADER: &str =
    "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)";

/// A department's CSV: one good measure, and with `flawed` an unknown
/// column (a warning) and a row whose budget is not a figure (an error).
fn submission(id: &str, flawed: bool) -> String {
    if flawed {
        format!(
            "{HEADER};Huomio\n\
             {id}-1;KYMP;1;Kerho {id};Mikkola;toteutusvaihe;2021;100;90;x\n\
             {id}-2;KYMP;1;Leiri {id};Mikkola;toteutusvaihe;2021;paljon;90;y\n"
        )
    } else {
        format!(
            "{HEADER}\n\
             {id}-1;KYMP;1;Kerho {id};Mikkola;toteutusvaihe;2021;100;90\n\
             {id}-2;KYMP;1;Leiri {id};Mikkola;toteutusvaihe;2021;200;90\n"
        )
    }
}

/// A folder of `files` (name, contents) under a new folder in `dir`.
fn folder(dir: &Path, name: &str, files: &[(&str, String)]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for (file, text) in files {
        std::fs::write(folder.join(file), text).unwrap();
    }
    folder
}

/// The last line `validate` prints: the summary.
fn summary(input: &Path, lang: &str) -> String {
    let o = kooste(&[
        "validate",
        input.to_str().unwrap(),
        "--year",
        "2021",
        "--lang",
        lang,
    ]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    stdout(&o).lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_summary_counts_read_right_for_zero_one_and_two() {
    let dir = tempfile::tempdir().unwrap();
    let none = folder(dir.path(), "none", &[]);
    let clean = folder(dir.path(), "clean", &[("a.csv", submission("A", false))]);
    let one = folder(dir.path(), "one", &[("a.csv", submission("A", true))]);
    let two = folder(
        dir.path(),
        "two",
        &[
            ("a.csv", submission("A", true)),
            ("b.csv", submission("B", true)),
        ],
    );
    let expected: [(&str, [&str; 4]); 3] = [
        (
            "fi",
            [
                "0 tiedostoa, 0 toimenpidettä, 1 virhe, 0 varoitusta",
                "1 tiedosto, 2 toimenpidettä, 0 virhettä, 0 varoitusta",
                "1 tiedosto, 1 toimenpide (1 rivi jätettiin pois: 1 virheellinen), \
                 1 virhe, 1 varoitus",
                "2 tiedostoa, 2 toimenpidettä (2 riviä jätettiin pois: 2 virheellistä), \
                 2 virhettä, 2 varoitusta",
            ],
        ),
        (
            "sv",
            [
                "0 filer, 0 åtgärder, 1 fel, 0 varningar",
                "1 fil, 2 åtgärder, 0 fel, 0 varningar",
                "1 fil, 1 åtgärd (1 rad utelämnades: 1 med fel), 1 fel, 1 varning",
                "2 filer, 2 åtgärder (2 rader utelämnades: 2 med fel), 2 fel, 2 varningar",
            ],
        ),
        (
            "en",
            [
                "0 files, 0 measures, 1 error, 0 warnings",
                "1 file, 2 measures, 0 errors, 0 warnings",
                "1 file, 1 measure (1 row left out: 1 with errors), 1 error, 1 warning",
                "2 files, 2 measures (2 rows left out: 2 with errors), 2 errors, 2 warnings",
            ],
        ),
    ];
    for (lang, lines) in expected {
        for (input, want) in [&none, &clean, &one, &two].iter().zip(lines) {
            assert_eq!(summary(input, lang), want, "{lang} {}", input.display());
        }
    }
}

#[test]
fn a_refused_build_counts_its_errors_in_the_singular_and_plural() {
    let dir = tempfile::tempdir().unwrap();
    let one = folder(dir.path(), "one", &[("a.csv", submission("A", true))]);
    let two = folder(
        dir.path(),
        "two",
        &[
            ("a.csv", submission("A", true)),
            ("b.csv", submission("B", true)),
        ],
    );
    let xlsx = dir.path().join("k.xlsx");
    let refused = |input: &Path, lang: &str| {
        let o = kooste(&[
            "merge",
            input.to_str().unwrap(),
            "-o",
            xlsx.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(!xlsx.exists(), "nothing written");
        stdout(&o).lines().last().unwrap_or_default().to_string()
    };
    assert_eq!(
        refused(&one, "fi"),
        "Tulosteita ei kirjoitettu, koska ilmoituksissa on 1 virhe. \
         Korjaa se tai käytä valitsinta --draft."
    );
    assert_eq!(
        refused(&two, "fi"),
        "Tulosteita ei kirjoitettu, koska ilmoituksissa on 2 virhettä. \
         Korjaa ne tai käytä valitsinta --draft."
    );
    assert_eq!(
        refused(&one, "sv"),
        "Inga resultat skrevs eftersom anmälningarna har 1 fel. Rätta det eller använd --draft."
    );
    assert_eq!(
        refused(&one, "en"),
        "No outputs were written because the submissions have 1 error. \
         Correct it or use --draft."
    );
    assert_eq!(
        refused(&two, "en"),
        "No outputs were written because the submissions have 2 errors. \
         Correct them or use --draft."
    );
}

fn text(d: &Data) -> String {
    d.to_string()
}

/// The findings sheet of the consolidated workbook: the code column stays
/// (scripts read it) and the code's title in the workbook's language
/// stands beside it, in every language.
#[test]
fn the_findings_sheet_has_a_title_beside_each_code() {
    let dir = tempfile::tempdir().unwrap();
    let input = folder(dir.path(), "in", &[("a.csv", submission("A", true))]);
    for (lang, sheet_name, headers, titles) in [
        (
            "fi",
            "Tarkistukset",
            ["Vakavuus", "Koodi", "Selite"],
            ["Tuntematon sarake", "Väärä arvon tyyppi"],
        ),
        (
            "sv",
            "Kontroller",
            ["Allvarlighet", "Kod", "Förklaring"],
            ["Okänd kolumn", "Fel typ av värde"],
        ),
        (
            "en",
            "Findings",
            ["Severity", "Code", "Meaning"],
            ["Unknown column", "Wrong kind of value"],
        ),
    ] {
        let xlsx = dir.path().join(format!("k_{lang}.xlsx"));
        let o = kooste(&[
            "merge",
            input.to_str().unwrap(),
            "-o",
            xlsx.to_str().unwrap(),
            "--draft",
            "--lang",
            lang,
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let rows = sheet(&xlsx, sheet_name);
        assert_eq!(
            rows[0][..3].iter().map(text).collect::<Vec<_>>(),
            headers,
            "{lang}"
        );
        let found: Vec<(String, String)> = rows[1..]
            .iter()
            .map(|r| (text(&r[1]), text(&r[2])))
            .collect();
        assert_eq!(
            found,
            [
                ("unknown-column".to_string(), titles[0].to_string()),
                ("type-error".to_string(), titles[1].to_string()),
            ],
            "{lang}"
        );
    }
}

/// The annotated copy's findings sheet and its cell notes name each code
/// with its title.
#[test]
fn the_annotated_copy_has_a_title_beside_each_code() {
    let dir = tempfile::tempdir().unwrap();
    let input = folder(dir.path(), "in", &[("a.csv", submission("A", true))]);
    let out = dir.path().join("back");
    let o = kooste(&[
        "validate",
        input.to_str().unwrap(),
        "--annotate",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let copy = out.join("a_checked.xlsx");
    assert!(copy.is_file(), "{}", stdout(&o));
    let list = sheet(&copy, "Findings");
    assert_eq!(
        list[0].iter().map(text).collect::<Vec<_>>(),
        ["Severity", "Code", "Meaning", "Cell", "Message", "Hint"]
    );
    let row = list
        .iter()
        .find(|r| text(&r[1]) == "type-error")
        .expect("the type error is listed");
    assert_eq!(text(&row[0]), "error");
    assert_eq!(text(&row[2]), "Wrong kind of value");
    // The cell in the copy, which has the template's shape: the CSV's
    // row 3 is the copy's third data row (the template's row 7).
    assert_eq!(text(&row[3]), "H7");
    let notes = zip_part(&copy, "xl/comments1.xml");
    assert!(
        notes.contains("[type-error] Wrong kind of value: "),
        "{notes}"
    );
}
