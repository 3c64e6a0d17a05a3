//! The whole yearly cycle on a second, fictional programme (issue 21 item 4):
//! the town of Järvelä's programme in
//! `templates/programmes/jarvela/programme.toml`, with its own departments,
//! focus areas, areas, statuses, years, budget, column names and report
//! texts. Template, validate (three languages, text and JSON), annotate,
//! build, `template --from` and `build --previous` run through the real
//! binary, and no output may name anything of the default programme
//! (`templates/programme.toml`): every label, message and text comes from
//! the configuration or the report template. The filled submissions are
//! kooste's own templates filled with openpyxl
//! (`tests/fixtures/programme/make_programme.py`).

use std::path::{Path, PathBuf};

use crate::common::*;

const CONFIG: &str = "templates/programmes/jarvela/programme.toml";

/// What the cycle wrote: each output's text (a workbook's XML parts, the
/// terminal's lines) by a name for the failure message, and the reports.
struct Outputs {
    texts: Vec<(String, String)>,
    reports: Vec<PathBuf>,
    _dir: tempfile::TempDir,
}

/// Runs `kooste` with `args` and the second programme's configuration;
/// checks the exit code and returns stdout and stderr.
fn run(args: &[&str], code: i32) -> String {
    let mut all = args.to_vec();
    all.extend(["--config", CONFIG, "-q"]);
    let o = kooste(&all);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
    format!("{}{}", stdout(&o), stderr(&o))
}

/// Every part of a zip package as text, with XML's escapes undone so
/// that names are found as they are shown.
fn package_text(path: &Path) -> Vec<(String, String)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = format!("{}!{}", path.display(), part.name().unwrap());
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes)
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        out.push((name, text));
    }
    out
}

/// The whole cycle, in a temporary folder.
fn cycle() -> Outputs {
    let dir = tempfile::tempdir().unwrap();
    let at = |p: &str| dir.path().join(p).display().to_string();
    let mut texts = Vec::new();
    let mut reports = Vec::new();
    let fixtures = |p: &str| fixture("programme").join(p).display().to_string();

    // The departments' templates for 2025.
    let out = run(
        &["template", "--all", "--year", "2025", "--out", &at("t2025")],
        0,
    );
    texts.push(("template --all".to_string(), out));
    for dept in ["sivi", "tekn", "hypa", "elke"] {
        let path = dir.path().join(format!("t2025/{dept}_2025.xlsx"));
        texts.extend(package_text(&path));
    }

    // Their mistakes, in each language, as text and JSON, and annotated;
    // with a second service area's file, the two missing ones are named.
    for lang in ["fi", "sv", "en"] {
        for format in ["text", "json"] {
            let (bad, sivi) = (fixtures("bad"), fixtures("2025/sivi_2025.xlsx"));
            let args = ["validate", &bad, &sivi, "--lang", lang, "--format", format];
            texts.push((format!("validate {lang} {format}"), run(&args, 1)));
        }
    }
    let out = run(&["validate", &fixtures("bad"), "--annotate", &at("ann")], 1);
    texts.push(("validate --annotate".to_string(), out));
    texts.extend(package_text(
        &dir.path().join("ann/tekn_2025_tarkistettu.xlsx"),
    ));

    // The year's workbook and report, in each language.
    for lang in ["fi", "sv", "en"] {
        let out_dir = at(&format!("o2025_{lang}"));
        let args = [
            "build",
            &fixtures("2025"),
            "--out",
            &out_dir,
            "--lang",
            lang,
            "--date",
            "2026-02-20",
        ];
        texts.push((format!("build 2025 {lang}"), run(&args, 0)));
        texts.extend(package_text(
            &dir.path().join(format!("o2025_{lang}/kooste_2025.xlsx")),
        ));
        reports.push(
            dir.path()
                .join(format!("o2025_{lang}/vuosiraportti_2025.pdf")),
        );
    }

    // The next year: a template prefilled from the programme's own
    // workbook, and a build compared with it.
    let out = run(
        &[
            "template",
            "--year",
            "2026",
            "--department",
            "SIVI",
            "--from",
            &at("o2025_fi/kooste_2025.xlsx"),
            "-o",
            &at("t2026_sivi.xlsx"),
        ],
        0,
    );
    texts.push(("template --from".to_string(), out));
    texts.extend(package_text(&dir.path().join("t2026_sivi.xlsx")));
    for lang in ["fi", "sv", "en"] {
        let args = [
            "build",
            &fixtures("2026"),
            "--out",
            &at(&format!("o2026_{lang}")),
            "--lang",
            lang,
            "--previous",
            &at(&format!("o2025_{lang}/kooste_2025.xlsx")),
            "--date",
            "2027-02-20",
        ];
        texts.push((format!("build 2026 --previous {lang}"), run(&args, 0)));
        texts.extend(package_text(
            &dir.path().join(format!("o2026_{lang}/kooste_2026.xlsx")),
        ));
        reports.push(
            dir.path()
                .join(format!("o2026_{lang}/vuosiraportti_2026.pdf")),
        );
    }
    Outputs {
        texts,
        reports,
        _dir: dir,
    }
}

/// The names of the default programme: its code, name and organisation,
/// the codes, names and aliases of its departments, focus areas, themes,
/// areas and statuses, its column headers, its city and years. Left out:
/// a name the second programme uses itself (its year and contact columns
/// keep the default's words, as a programme may).
fn default_names() -> Vec<String> {
    let names_of = |path: &str| -> Vec<String> {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        let t: toml::Table = toml::from_str(&text).unwrap();
        let mut out = Vec::new();
        let texts = |v: &toml::Value, out: &mut Vec<String>| match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Table(t) => {
                out.extend(t.values().filter_map(|v| v.as_str().map(String::from)))
            }
            toml::Value::Array(a) => {
                out.extend(a.iter().filter_map(|v| v.as_str().map(String::from)))
            }
            _ => {}
        };
        let p = &t["programme"];
        for key in ["code", "name", "organisation"] {
            texts(&p[key], &mut out);
        }
        for list in [
            "departments",
            "focus_areas",
            "themes",
            "areas",
            "statuses",
            "fields",
        ] {
            for item in t.get(list).and_then(|l| l.as_array()).into_iter().flatten() {
                for key in ["code", "name", "aliases", "header", "by"] {
                    if let Some(v) = item
                        .get(key)
                        .filter(|_| !(list == "fields" && key == "code"))
                    {
                        texts(v, &mut out);
                    }
                }
            }
        }
        out
    };
    let own = names_of(CONFIG);
    let mut names = names_of("templates/programme.toml");
    names.extend(["Vantaa", "Vantaan", "Vanda", "Vandas"].map(String::from));
    names.extend((2019..=2022).map(|y| y.to_string()));
    names.retain(|n| n.chars().count() > 1 && !own.contains(n));
    names.sort();
    names.dedup();
    names
}

/// Where any of `names` appears in `texts` as a whole word (not inside a
/// longer word or identifier: "Korso" is not in "Korsolan", "FTE" not in
/// the defined name "Total_FTE"); kooste's own English sheet name "Area
/// split" is not the default programme's "Area".
fn found(names: &[String], texts: &[(String, String)]) -> Vec<String> {
    let mut hits = Vec::new();
    for (where_, text) in texts {
        let text = text.replace("Area split", "");
        for name in names {
            for (i, _) in text.match_indices(name.as_str()) {
                let before = text[..i].chars().next_back();
                let after = text[i + name.len()..].chars().next();
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                };
                if !word(before) && !word(after) {
                    let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
                    let context: String = text[from..].chars().take(100).collect();
                    hits.push(format!("{name:?} in {where_}: …{context}…"));
                    break;
                }
            }
        }
    }
    hits
}

#[test]
fn second_programme_cycle_names_nothing_of_the_default() {
    let out = cycle();
    let names = default_names();
    // The list is what it claims to be.
    for n in [
        "KASKO",
        "Vaihe",
        "Budjetti (€)",
        "toteutusvaihe",
        "Hakunila",
        "Vantaa",
        "2021",
    ] {
        assert!(names.contains(&n.to_string()), "{n} not among {names:?}");
    }
    let hits = found(&names, &out.texts);
    assert!(
        hits.is_empty(),
        "default programme's names:\n{}",
        hits.join("\n")
    );

    // The second programme's own words are there.
    let all: String = out.texts.iter().map(|(_, t)| t.as_str()).collect();
    for own in [
        "Tilanne",
        "Määräraha (€)",
        "Käytetty (€)",
        "Palvelualue",
        "Kylä",
        "Läge",
        "Appropriation (EUR)",
        "Elinvoimaiset kylät -ohjelma",
        "Sivistyspalvelut",
        "Koko kunta",
        "käynnissä",
        // A finding names the configured column.
        "\"kesken\" ei ole sallittu arvo sarakkeessa \"Tilanne\"",
        "\"kesken\" is not an allowed value in the column \"State\"",
        "Sarakkeen \"Käytetty (€)\" summa 500",
        "ylittää sarakkeen \"Määräraha (€)\" summan 100",
        "Hyvinvointipalvelut (HYPA): ei yhtään toimenpidettä vuodelle 2025",
        "Tiedoston riveillä on sarakkeessa \"Palvelualue\" useita arvoja",
        // The template's department line and instructions.
        "Palvelualue: Sivistyspalvelut (SIVI)",
        "Valitse listasta sarakkeiden \"Tavoite\", \"Kylä\", \"Tilanne\", \"Näkökulmat\" arvot",
        // The comparison with the programme's own previous workbook.
        "Muutokset: Tilanne",
        // Summary headings and chart titles from its `by` and `short`
        // phrases (Yhteenveto sheet, chart XML).
        "<t>Palvelualueittain</t>",
        "<t>Tavoitteittain</t>",
        "<t>Kylittäin</t>",
        "<a:t>Määräraha ja käytetty palvelualueittain</a:t>",
        "<a:t>Määräraha tavoitteittain</a:t>",
        "<a:t>Toimenpiteet tilanteittain palvelualueittain</a:t>",
    ] {
        assert!(all.contains(own), "{own:?} is in no output");
    }
    // `template --from` carried the 2025 projects forward.
    let from = &out
        .texts
        .iter()
        .find(|(w, _)| w.contains("t2026_sivi.xlsx!xl/sharedStrings.xml"))
        .unwrap()
        .1;
    assert!(from.contains("Kyläkirjasto (Sivistyspalvelut)"), "{from}");
}

#[test]
#[ignore = "needs pdftotext (poppler)"]
fn second_programme_reports_name_nothing_of_the_default() {
    need("pdftotext");
    let out = cycle();
    let texts: Vec<(String, String)> = out
        .reports
        .iter()
        .map(|pdf| {
            let o = std::process::Command::new("pdftotext")
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            assert!(o.status.success());
            // Lines joined: a table's header may wrap ("Määräraha\n(€)").
            let text = String::from_utf8(o.stdout).unwrap();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (pdf.display().to_string(), text)
        })
        .collect();
    let hits = found(&default_names(), &texts);
    assert!(
        hits.is_empty(),
        "default programme's names:\n{}",
        hits.join("\n")
    );
    let fi = &texts[0].1;
    for own in [
        // The programme's own report template: cover, foreword, sections.
        "Vuosikatsaus 2025",
        "Elinvoimaiset kylät -ohjelma pitää kylät elinvoimaisina",
        "Järvelän kunta",
        "Kylät",
        // Its area_split = "full", said by kooste (not the template's words).
        "laskettu täysimääräisinä kullekin alueelle",
        // Tables and headings name its columns.
        "Määräraha (€)",
        "Käytetty (€)",
        "Palvelualue – lyhenteet",
    ] {
        assert!(fi.contains(own), "{own:?} not in the Finnish report:\n{fi}");
    }
    assert!(texts[3].1.contains("Edellinen tilivuosi"), "{}", texts[3].1);
    assert!(texts[2].1.contains("counted in full in each of them"));
}
