//! Sheets that would pass Excel's 1 048 575 data rows: the area split goes
//! on over further sheets that the summary sums, the findings sheet is cut
//! with a note. Tested through the library with a small row limit (a real
//! million-row run is in benches/run.sh).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::common::*;
use calamine::{Data, Reader};
use kooste::Config;
use kooste::merging::Consolidation;
use kooste::model::parse::Date;
use kooste::validation::checked::{Run, RunOptions};
use kooste::xlsx::{XlsxOptions, workbook_bytes};

fn run(inputs: &[PathBuf]) -> (Config, Run) {
    let config = Config::builtin();
    let opts = RunOptions {
        inputs: inputs.to_vec(),
        date: Some(Date {
            year: 2022,
            month: 2,
            day: 1,
        }),
        ..RunOptions::default()
    };
    let run = Run::collect(&config, &opts).unwrap();
    (config, run)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The samples' workbook with the area split on one sheet and on sheets
/// of ten rows; and the number of area shares.
fn one_and_many(dir: &Path) -> (PathBuf, PathBuf, usize) {
    let (config, run) = run(&[root().join("samples/2021")]);
    let cons = Consolidation::new(&run, &config);
    let bytes = |opts| workbook_bytes(&run, &config, &cons, None, opts).unwrap();
    let one = write(dir, "one.xlsx", &bytes(XlsxOptions::default()));
    let many = write(
        dir,
        "many.xlsx",
        &bytes(XlsxOptions {
            max_sheet_rows: 10,
            ..XlsxOptions::default()
        }),
    );
    (one, many, cons.area_shares.len())
}

/// The summary's area table: area → (count, budget, actual) as stored.
fn area_table(xlsx: &Path) -> HashMap<String, (f64, f64, f64)> {
    let rows = sheet(xlsx, "Yhteenveto");
    let start = rows
        .iter()
        .position(|r| r.first().map(|c| c.to_string()) == Some("Alueittain".into()))
        .expect("area table");
    rows[start + 2..]
        .iter()
        .take_while(|r| !r[0].to_string().is_empty() && r[0] != Data::String("Yhteensä".into()))
        .map(|r| (r[0].to_string(), (num(&r[1]), num(&r[2]), num(&r[3]))))
        .collect()
}

#[test]
fn the_area_split_goes_on_over_further_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let (one, many, shares) = one_and_many(dir.path());
    assert!(shares > 20, "{shares}");

    let parts: Vec<String> = sheet_names(&many)
        .into_iter()
        .filter(|n| n.starts_with("Aluejako"))
        .collect();
    assert_eq!(parts.len(), shares.div_ceil(10), "{parts:?}");
    assert_eq!(parts[1], "Aluejako 2");
    // Every share on exactly one part, in order, as on the single sheet.
    let single = sheet(&one, "Aluejako");
    let mut joined: Vec<Vec<Data>> = vec![single[0].clone()];
    for p in &parts {
        let rows = sheet(&many, p);
        assert_eq!(rows[0], single[0], "{p} has the header");
        assert!(rows.len() - 1 <= 10, "{p}");
        joined.extend(rows.into_iter().skip(1));
    }
    assert_eq!(joined, single);

    // The summary sums every part: its formulas name each part's full range,
    // and its stored results equal the single-sheet workbook's and the sums
    // of the parts' own rows.
    let mut wb = calamine::open_workbook_auto(&many).unwrap();
    let formulas = wb.worksheet_formula("Yhteenveto").unwrap();
    let area_formula = formulas
        .rows()
        .flatten()
        .find(|f| f.contains("Aluejako"))
        .expect("a formula over the area split")
        .clone();
    for p in &parts {
        let last = sheet(&many, p).len();
        assert!(
            area_formula.contains(&format!("'{p}'!$D$2:$D${last}")),
            "{area_formula}"
        );
    }
    assert_eq!(area_table(&many), area_table(&one));
    let mut sums: HashMap<String, (f64, f64, f64)> = HashMap::new();
    for r in joined.iter().skip(1) {
        let e = sums.entry(r[3].to_string()).or_default();
        e.0 += 1.0;
        e.1 += num(&r[5]);
        e.2 += num(&r[6]);
    }
    for (area, (count, budget, spent)) in area_table(&many) {
        let (c, b, s) = sums.get(&area).copied().unwrap_or_default();
        assert_eq!(count, c, "{area}");
        assert!(
            (budget - b).abs() < 0.01 && (spent - s).abs() < 0.01,
            "{area}"
        );
    }
}

#[test]
fn the_findings_sheet_is_cut_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let (config, run) = run(&[fixture("messy_many_problems.xlsx")]);
    let total = run.findings().count();
    assert!(total > 6, "{total}");
    let cons = Consolidation::new(&run, &config);
    let opts = XlsxOptions {
        max_sheet_rows: 5,
        draft: true,
        ..XlsxOptions::default()
    };
    let xlsx = write(
        dir.path(),
        "cut.xlsx",
        &workbook_bytes(&run, &config, &cons, None, opts).unwrap(),
    );
    let rows = sheet(&xlsx, "Tarkistukset");
    // Header, four findings, the note.
    assert_eq!(rows.len(), 6);
    let note = rows[5][0].to_string();
    assert!(
        note.contains(&format!("{} muuta havaintoa", total - 4)),
        "{note}"
    );
}

/// LibreOffice, made to recompute every formula, gets the stored results:
/// the summary over several area split sheets and over one are the same.
#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn libreoffice_recomputes_the_stored_results() {
    need("soffice");
    let dir = tempfile::tempdir().unwrap();
    let (one, many, _) = one_and_many(dir.path());
    let stored = &libreoffice_csvs(&one, false)["Yhteenveto"];
    assert!(stored.contains("Yhteensä,24,1973000,1591500"), "{stored}");
    assert_eq!(&libreoffice_csvs(&one, true)["Yhteenveto"], stored);
    assert_eq!(&libreoffice_csvs(&many, true)["Yhteenveto"], stored);
}

/// More measures than an Excel sheet holds: refused with a message before
/// anything is written.
#[test]
fn more_measures_than_a_sheet_holds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (config, run) = run(&[root().join("samples/2021")]);
    let mut cons = Consolidation::new(&run, &config);
    let one = cons.rows[0];
    cons.rows.resize(kooste::xlsx::EXCEL_DATA_ROWS + 1, one);
    let path = dir.path().join("big.xlsx");
    let txn = kooste::output::Transaction::begin(run.lang, &[dir.path()]).unwrap();
    let err = kooste::commands::merge::write_workbook(
        &run,
        &config,
        &cons,
        None,
        XlsxOptions::default(),
        &path,
        &txn,
    )
    .unwrap_err()
    .to_string()
    .replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        err.contains(
            "1 048 576 toimenpidettä ei mahdu Excel-taulukkoon (enintään 1 048 575 riviä)"
        ),
        "{err}"
    );
    drop(txn);
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
