//! Issue 23 point 3 through the library: a cell corrected and a column
//! matched by the caller (the web app's register) are inputs of a run, the
//! file untouched; a correction changes the merged figure and is listed in
//! the workbook's sources sheet and the report's appendix.

use std::path::{Path, PathBuf};

use crate::common::*;
use kooste::Config;
use kooste::merging::Consolidation;
use kooste::model::parse::{Cents, Date};
use kooste::pdf::{ReportOptions, StreamWriter, Template, report_bytes};
use kooste::reading::{Adjustments, Correction};
use kooste::validation::checked::{Run, RunOptions};
use kooste::xlsx::{XlsxOptions, workbook_bytes};

fn run(inputs: &[PathBuf], adjust: &[(PathBuf, Adjustments)]) -> Run {
    let opts = RunOptions {
        inputs: inputs.to_vec(),
        year: Some(2021),
        date: Some(Date {
            year: 2022,
            month: 2,
            day: 1,
        }),
        adjust: adjust.iter().cloned().collect(),
        ..RunOptions::default()
    };
    Run::collect(&Config::builtin(), &opts).unwrap()
}

fn kymp() -> PathBuf {
    root().join("samples/2021/kymp_2021.xlsx")
}

fn correction(cell: &str, value: &str) -> Correction {
    Correction {
        sheet: "Toimenpiteet".into(),
        cell: cell.into(),
        value: value.into(),
        by: "admin".into(),
        at: "2026-11-30T12:00:00Z".into(),
    }
}

fn budget_of(run: &Run) -> Cents {
    Consolidation::new(run, &Config::builtin()).total.budget
}

fn texts(path: &Path, name: &str) -> Vec<Vec<String>> {
    sheet(path, name)
        .iter()
        .map(|r| r.iter().map(|d| d.to_string()).collect())
        .collect()
}

#[test]
fn a_correction_changes_the_merged_figure_and_is_in_the_sources() {
    let file = kymp();
    let before = std::fs::read(&file).unwrap();
    let plain = run(std::slice::from_ref(&file), &[]);
    let adjust = Adjustments {
        corrections: vec![correction("H2", "100 000 €")],
        ..Adjustments::default()
    };
    let fixed = run(std::slice::from_ref(&file), &[(file.clone(), adjust)]);
    // 90 000 € became 100 000 €: typed as any cell, summed as any figure.
    assert_eq!(budget_of(&fixed).0 - budget_of(&plain).0, 1_000_000);
    // The file is not touched.
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let applied = &fixed.submissions[0].corrections;
    assert_eq!(applied.len(), 1);
    assert_eq!(applied[0].before, "90000");

    let config = Config::builtin();
    let dir = tempfile::tempdir().unwrap();
    let cons = Consolidation::new(&fixed, &config);
    let xlsx = dir.path().join("kooste.xlsx");
    std::fs::write(
        &xlsx,
        workbook_bytes(&fixed, &config, &cons, None, XlsxOptions::default()).unwrap(),
    )
    .unwrap();
    let rows = texts(&xlsx, "Lähteet");
    let at = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "Korjaukset"))
        .expect("a corrections section in the sources sheet");
    let row = &rows[at + 2];
    assert!(row[0].ends_with("kymp_2021.xlsx"), "{row:?}");
    assert_eq!(
        &row[1..7],
        [
            "Toimenpiteet",
            "H2",
            "90000",
            "100 000 €",
            "admin",
            "2026-11-30T12:00:00Z"
        ]
    );
    assert_eq!(row[7].len(), 64, "the file's SHA-256: {row:?}");

    // Without corrections the sources sheet has no such section.
    let cons = Consolidation::new(&plain, &config);
    std::fs::write(
        &xlsx,
        workbook_bytes(&plain, &config, &cons, None, XlsxOptions::default()).unwrap(),
    )
    .unwrap();
    assert!(
        texts(&xlsx, "Lähteet")
            .iter()
            .all(|r| r.first().is_none_or(|c| c != "Korjaukset"))
    );
}

#[test]
fn empty_adjustments_read_as_none() {
    let file = kymp();
    let config = Config::builtin();
    let plain = run(std::slice::from_ref(&file), &[]);
    let empty = run(
        std::slice::from_ref(&file),
        &[(file.clone(), Adjustments::default())],
    );
    let bytes = |r: &Run| {
        let cons = Consolidation::new(r, &config);
        workbook_bytes(r, &config, &cons, None, XlsxOptions::default()).unwrap()
    };
    assert!(bytes(&plain) == bytes(&empty));
}

#[test]
fn a_matched_column_is_read_as_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("kymp.csv");
    std::fs::write(
        &csv,
        "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Kustannusarvio;Toteuma (€)\n\
         KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n",
    )
    .unwrap();
    let plain = run(std::slice::from_ref(&csv), &[]);
    let codes: Vec<&str> = plain.submissions[0]
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert!(codes.contains(&"unknown-column"), "{codes:?}");
    let adjust = Adjustments {
        headers: vec![("Kustannusarvio".into(), "budget_eur".into())],
        ..Adjustments::default()
    };
    let mapped = run(std::slice::from_ref(&csv), &[(csv.clone(), adjust)]);
    let s = &mapped.submissions[0];
    assert!(
        s.findings
            .iter()
            .all(|f| f.code.as_str() != "unknown-column" && f.code.as_str() != "missing-column"),
        "{:?}",
        s.findings
    );
    assert_eq!(s.measures[0].budget, Cents(100_000));
}

#[test]
#[ignore = "needs pdftotext"]
fn a_correction_is_in_the_report_appendix() {
    need("pdftotext");
    let file = kymp();
    let adjust = Adjustments {
        corrections: vec![correction("H2", "100 000 €")],
        ..Adjustments::default()
    };
    let fixed = run(std::slice::from_ref(&file), &[(file.clone(), adjust)]);
    let config = Config::builtin();
    let cons = Consolidation::new(&fixed, &config);
    let template = Template::builtin(fixed.lang);
    let opts = ReportOptions {
        draft: true,
        writer: StreamWriter::Kooste,
    };
    let pdf = report_bytes(&fixed, &config, &cons, None, &template, opts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Korjaukset"), "{text}");
    assert!(text.contains("Toimenpiteet!H2"), "{text}");
    assert!(text.contains("100 000 €"), "{text}");
}
