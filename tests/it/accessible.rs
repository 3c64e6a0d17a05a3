//! The annual report as an accessible (PDF/UA-1) and archival (PDF/A-2a)
//! document: its structure tree read back with lopdf, and every variant
//! (three languages, drafts, the samples and a few hundred measures)
//! checked by independent validators (the `page` validator's PDF/A-2a
//! and PDF/UA-1 rule sets, `pdfua check`, qpdf) through the shared
//! `pdf_check.py`, as a public body's review would.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::{Document, Object};

use crate::common::*;

fn report(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let pdf = dir.join(name);
    let mut all = vec![
        "report",
        "-q",
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2022-02-15",
        "--year",
        "2021",
    ];
    all.extend_from_slice(args);
    let o = kooste(&all);
    // A draft of submissions with errors is written, and exits 1.
    let ok = if args.contains(&"--draft") {
        0..=1
    } else {
        0..=0
    };
    assert!(
        o.status.code().is_some_and(|c| ok.contains(&c)) && pdf.exists(),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    pdf
}

/// Structure types by count, and the alternative texts of the Figures,
/// walking the structure tree from the catalog.
fn structure(pdf: &Path) -> (BTreeMap<String, usize>, Vec<String>) {
    let doc = Document::load(pdf).expect("lopdf reads the PDF");
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let mut kinds = BTreeMap::new();
    let mut alts = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(obj) = stack.pop() {
        let obj = match obj {
            Object::Reference(id) => doc.get_object(id).unwrap().clone(),
            o => o,
        };
        let Object::Dictionary(d) = obj else { continue };
        if let Ok(Object::Name(s)) = d.get(b"S") {
            let s = String::from_utf8_lossy(s).into_owned();
            if s == "Figure" {
                let alt = d
                    .get(b"Alt")
                    .ok()
                    .and_then(|a| lopdf::decode_text_string(a).ok())
                    .unwrap_or_default();
                // Amounts keep their no-break spaces.
                alts.push(alt.replace(['\u{a0}', '\u{202f}'], " "));
            }
            *kinds.entry(s).or_insert(0) += 1;
        }
        match d.get(b"K") {
            // Reversed onto the stack, so elements are met in reading order.
            Ok(Object::Array(a)) => stack.extend(a.iter().rev().cloned()),
            Ok(o @ (Object::Reference(_) | Object::Dictionary(_))) => stack.push(o.clone()),
            _ => {}
        }
    }
    (kinds, alts)
}

/// The sample report's structure holds every kind a reader navigates by,
/// and its charts' alternative texts give their values in Finnish.
#[test]
fn the_report_is_tagged_with_headings_tables_lists_figures_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = report(dir.path(), "fi.pdf", &["samples/2021"]);
    let (kinds, alts) = structure(&pdf);
    for kind in [
        "Document", "Sect", "H1", "H2", "P", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure",
        "L", "LI", "Lbl", "LBody", "TOC", "TOCI", "Link",
    ] {
        assert!(kinds.contains_key(kind), "no {kind} in {kinds:?}");
    }
    assert_eq!(alts.len(), 3, "{alts:?}");
    assert!(alts.iter().all(|a| !a.trim().is_empty()), "{alts:?}");
    assert!(
        alts[0].starts_with("Budjetti painopisteittäin: ")
            && alts[0].contains("Vahvistamme osaamista – tuemme koulupolkua 929 000 €; "),
        "{}",
        alts[0]
    );
    let doc = Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    for key in [
        &b"MarkInfo"[..],
        b"Lang",
        b"Metadata",
        b"OutputIntents",
        b"ViewerPreferences",
    ] {
        assert!(catalog.has(key), "{}", String::from_utf8_lossy(key));
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    assert!(!doc.get_dictionary(info).unwrap().has(b"GTS_PDFXVersion"));
}

/// The shared PDF check (`$PDF_CHECK`, else `../shared/checks/pdf_check.py`
/// beside the repository, else the copy in `tests/python/`, so it is
/// never skipped) passes every file.
pub(crate) fn pdf_check(pdfs: &[PathBuf]) {
    let script = std::env::var_os("PDF_CHECK")
        .map(PathBuf::from)
        .or_else(|| {
            let shared = root().join("../shared/checks/pdf_check.py");
            shared.exists().then_some(shared)
        })
        .unwrap_or_else(|| root().join("tests/python/pdf_check.py"));
    assert!(script.exists(), "{} is not there", script.display());
    let o = Command::new("python3")
        .arg(&script)
        .args(pdfs)
        .output()
        .unwrap();
    eprintln!("{}", stdout(&o));
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o).lines().filter(|l| l.contains(": ok;")).count(),
        pdfs.len(),
        "{}",
        stdout(&o)
    );
}

#[test]
#[ignore = "needs python3 with page-validation, pdfua and pikepdf, qpdf and poppler: run by .ci/run"]
fn every_report_variant_passes_pdf_a_2a_and_pdf_ua_1_validators() {
    for module in ["page", "pdfua", "pikepdf"] {
        need_python_module(module);
    }
    for tool in ["pdfua", "qpdf", "pdftotext"] {
        need(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let many = many_measures(dir.path(), 300);
    let mut pdfs = Vec::new();
    for lang in ["fi", "sv", "en"] {
        pdfs.push(report(
            dir.path(),
            &format!("{lang}.pdf"),
            &["samples/2021", "--lang", lang],
        ));
        pdfs.push(report(
            dir.path(),
            &format!("{lang}-draft.pdf"),
            &[
                "samples/2021",
                "tests/fixtures/messy_many_problems.xlsx",
                "--lang",
                lang,
                "--draft",
            ],
        ));
        pdfs.push(report(
            dir.path(),
            &format!("{lang}-many.pdf"),
            &[many.to_str().unwrap(), "--lang", lang],
        ));
        pdfs.push(report(
            dir.path(),
            &format!("{lang}-many-draft.pdf"),
            &[many.to_str().unwrap(), "--lang", lang, "--draft"],
        ));
    }
    pdf_check(&pdfs);
    for pdf in &pdfs {
        let o = Command::new("qpdf")
            .arg("--check")
            .arg(pdf)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}: {}", pdf.display(), stdout(&o));
        let o = Command::new("pdfua")
            .arg("check")
            .arg(pdf)
            .output()
            .unwrap();
        let out = stdout(&o);
        assert!(out.contains("errors=0") && !out.contains("[skip"), "{out}");
        if pdf.to_string_lossy().contains("many") {
            let o = Command::new("pdftotext")
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = stdout(&o);
            for i in 0..300 {
                let name = format!("Toimenpide numero {i:05}");
                assert!(text.contains(&name), "{}: {name}", pdf.display());
            }
        }
    }
}

/// Names with characters the font lacks (emoji, CJK, the Symbol bullet
/// U+F0B7), format and control characters (U+FEFF, U+2066, DEL, NEL) and a
/// programme name holding `endstream` make a report that passes the
/// validators: the characters the font lacks print as U+FFFD, the others
/// are left out, and the XMP escapes the keyword.
#[test]
#[ignore = "needs python3 with page-validation, pdfua and pikepdf, qpdf and poppler: run by .ci/run"]
fn names_the_font_cannot_draw_still_pass_the_validators() {
    for module in ["page", "pdfua", "pikepdf"] {
        need_python_module(module);
    }
    for tool in ["qpdf", "pdftotext"] {
        need(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("endstream.toml");
    let text = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    let from = "fi = \"Myönteisen erityiskohtelun toimintaohjelma\"";
    assert!(text.contains(from));
    std::fs::write(
        &config,
        text.replacen(from, "fi = \"Ohjelma endstream endobj\"", 1),
    )
    .unwrap();
    let pdf = dir.path().join("unicode.pdf");
    let o = kooste(&[
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2022-02-15",
        "--year",
        "2021",
        "--config",
        config.to_str().unwrap(),
        "tests/fixtures/unicode_names.xlsx",
    ]);
    let out = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{out}");
    // Every name but the ideographic space's is warned about, each for
    // its own reason.
    assert_eq!(out.matches("[unprintable-text]").count(), 6, "{out}");
    assert!(out.contains("korvausmerkkinä �: U+1F389"), "{out}");
    assert!(out.contains("jättää pois: U+FEFF."), "{out}");
    assert!(out.contains("jättää pois: U+2066, U+2069."), "{out}");
    assert!(out.contains("jättää pois: U+007F, U+0085."), "{out}");
    assert!(!out.contains("oikealta vasemmalle"), "{out}");
    pdf_check(std::slice::from_ref(&pdf));
    let o = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stdout(&o));
    let raw = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("Ohjelma &#101;ndstream &#101;ndobj"));
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = stdout(&o);
    for name in [
        "Emoji-ilta \u{fffd} juhla",
        "\u{fffd}\u{fffd}\u{fffd}\u{fffd} \u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}",
        "\u{fffd} Luettelon kohta",
        "Tavumerkki",
        "Eristys sisällä loppu",
        "Ohjausmerkkiloppu",
        "Väli kohta",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
}

/// Rows (TR) of each Table in reading order, walking the structure tree.
fn table_rows(pdf: &Path) -> Vec<usize> {
    let doc = Document::load(pdf).expect("lopdf reads the PDF");
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let mut tables = Vec::new();
    // (object, whether it lies inside a table)
    let mut stack = vec![(root.clone(), false)];
    while let Some((obj, inside)) = stack.pop() {
        let obj = match obj {
            Object::Reference(id) => doc.get_object(id).unwrap().clone(),
            o => o,
        };
        let Object::Dictionary(d) = obj else { continue };
        let tag = d.get(b"S").ok().and_then(|s| s.as_name().ok());
        let inside = match tag {
            Some(b"Table") => {
                tables.push(0);
                true
            }
            Some(b"TR") if inside => {
                *tables.last_mut().unwrap() += 1;
                inside
            }
            _ => inside,
        };
        match d.get(b"K") {
            Ok(Object::Array(a)) => stack.extend(a.iter().rev().map(|k| (k.clone(), inside))),
            Ok(o @ (Object::Reference(_) | Object::Dictionary(_))) => {
                stack.push((o.clone(), inside))
            }
            _ => {}
        }
    }
    tables
}

/// A focus area of a thousand measures and more is tagged as tables of at
/// most 1 000 body rows and a header row each (the `page` validator
/// refuses a table of more than 1 024 rows), and no row is lost on the way.
#[test]
fn a_long_list_is_tagged_as_tables_of_at_most_a_thousand_rows() {
    let dir = tempfile::tempdir().unwrap();
    // 3 000 measures: 1 000 in each of three focus areas.
    let many = many_measures(dir.path(), 3_000);
    let pdf = report(dir.path(), "long.pdf", &[many.to_str().unwrap()]);
    let rows = table_rows(&pdf);
    let longest = rows.iter().max().copied().unwrap_or(0);
    assert!(longest <= 1_001, "{longest} rows in one table: {rows:?}");
    // Each focus area's list in two parts, the first ending at the first
    // page break after 900 rows; every measure listed once, under a
    // header row per part.
    let parts: Vec<usize> = rows.iter().copied().filter(|&r| r > 50).collect();
    assert_eq!(parts.len(), 6, "{rows:?}");
    assert!(parts.iter().step_by(2).all(|&r| r >= 901), "{rows:?}");
    let body: usize = parts.iter().map(|r| r - 1).sum();
    assert_eq!(body, 3_000, "{rows:?}");
}

/// A report of 5 000 measures (one area list of 5 000 rows, the most a
/// list shows; the benchmark's 5 × 2 000 passes too, in 24 s of CPU),
/// passes the validators: its lists are tagged as tables the `page`
/// validator accepts.
#[test]
#[ignore = "needs python3 with page-validation, pdfua and pikepdf, qpdf and poppler: run by .ci/run"]
fn a_report_of_five_thousand_measures_passes_the_validators() {
    for module in ["page", "pdfua", "pikepdf"] {
        need_python_module(module);
    }
    for tool in ["pdfua", "qpdf", "pdftotext"] {
        need(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let many = many_measures(dir.path(), 5_000);
    let pdf = report(dir.path(), "long.pdf", &[many.to_str().unwrap()]);
    pdf_check(std::slice::from_ref(&pdf));
    let o = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stdout(&o));
}
