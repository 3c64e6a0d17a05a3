//! The workbooks kooste writes open in the readers other programs use, and
//! each reader finds the same measures kooste's JSON export holds:
//! openpyxl and python-calamine (pandas, polars), SheetJS and ExcelJS (node
//! web back-ends) and LibreOffice, for the samples' workbook and a
//! 10 000-measure one. And every cell and row of every sheet kooste writes
//! carries its reference (ExcelJS, for one, places a cell only by it).
//!
//! The readers are external: python3 with `openpyxl` and `python-calamine`,
//! node with the packages of `tests/node/package.json` installed in
//! `$NODE_READERS` (default `target/node-readers`), and `soffice`. The tests
//! that use them are `#[ignore]`d and run by `.ci/run`, which installs them
//! all; there a missing reader fails the test.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use serde_json::Value;

/// Where the node packages are: `$NODE_READERS`, or `target/node-readers`.
fn node_readers() -> PathBuf {
    match std::env::var_os("NODE_READERS") {
        Some(d) => root().join(d),
        None => root().join("target/node-readers"),
    }
}

/// Fails the test unless node and the node package are there (see [`need`]).
fn need_node_package(package: &str) {
    need("node");
    let dir = node_readers().join("node_modules").join(package);
    assert!(
        dir.join("package.json").exists(),
        "node package {package} is not in {}: this test needs it (.ci/run installs it)",
        node_readers().display()
    );
}

/// Fails the test unless every reader is there.
fn need_every_reader() {
    need_python_module("openpyxl");
    need_python_module("python_calamine");
    need_node_package("xlsx");
    need_node_package("exceljs");
    need("soffice");
}

/// Merges `input` into `dir/<name>.xlsx` with its JSON export; returns the
/// workbook and the exported measures.
fn merged(dir: &Path, input: &Path, name: &str) -> (PathBuf, Vec<Value>) {
    let xlsx = dir.join(format!("{name}.xlsx"));
    let json = dir.join(format!("{name}.json"));
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--date",
        "2022-02-15",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let measures: Vec<Value> = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    (xlsx, measures)
}

/// Five department CSVs holding `n` measures in all, with budgets in
/// cents, names with characters that need escaping in XML, and every
/// thousandth measure spending more than its budget (a warning, so that
/// the findings sheet has rows too).
fn submissions(dir: &Path, n: usize) -> PathBuf {
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let depts = ["KYMP", "KASKO", "KSJ", "SOTE", "KUKU"];
    let areas = ["Mikkola", "Länsimäki", "Hakunila", "Korso-Koivukylä"];
    let words = ["pihan kunnostus", "kesäruokailu", "asukastila", "€-tuki"];
    for (d, dept) in depts.iter().enumerate() {
        let mut s = String::from(
            "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n",
        );
        for i in (d..n).step_by(depts.len()) {
            let budget = 5_000 + (i * 7_919) % 20_000;
            let spent = if i % 1_000 == 7 {
                budget + 100
            } else {
                budget * 9 / 10
            };
            s.push_str(&format!(
                "{dept}-{i:05};{dept};{};Toimenpide {i:05}: {} & <{}>;{};toteutusvaihe;2021;{},{:02};{},{:02}\n",
                1 + i % 3,
                words[i % words.len()],
                areas[i % areas.len()],
                areas[(i / 7) % areas.len()],
                budget / 100,
                budget % 100,
                spent / 100,
                spent % 100,
            ));
        }
        std::fs::write(folder.join(format!("{}.csv", dept.to_lowercase())), s).unwrap();
    }
    folder
}

/// A cell as the readers give it, made comparable: text, a number, or
/// nothing.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

fn cell(v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::String(s) => Cell::Text(s.clone()),
        Value::Number(n) => Cell::Number(n.as_f64().unwrap()),
        other => Cell::Text(other.to_string()),
    }
}

fn same(a: &Cell, b: &Cell) -> bool {
    match (a, b) {
        // Shortest round-trip digits read back to the same number; allow
        // an ulp for a reader's own decimal parsing all the same.
        (Cell::Number(x), Cell::Number(y)) => (x - y).abs() <= 1e-12 * x.abs().max(1.0),
        _ => a == b,
    }
}

/// The rows every reader should find on the measures sheet: the header
/// (id, measure, budget) and each measure of the JSON export, in order.
fn expected(measures: &[Value]) -> Vec<[Cell; 3]> {
    let mut rows = vec![[
        Cell::Text("Tunnus".into()),
        Cell::Text("Toimenpide".into()),
        Cell::Text("Budjetti (€)".into()),
    ]];
    rows.extend(
        measures
            .iter()
            .map(|m| [cell(&m["id"]), cell(&m["measure"]), cell(&m["budget_eur"])]),
    );
    rows
}

/// What a reader printed (`{"sheet": …, "rows": [[A, D, H], …]}`).
fn parse_reader_output(out: &[u8]) -> (String, Vec<[Cell; 3]>) {
    let v: Value = serde_json::from_slice(out).expect("the reader prints JSON");
    let rows = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let r = r.as_array().unwrap();
            [cell(&r[0]), cell(&r[1]), cell(&r[2])]
        })
        .collect();
    (v["sheet"].as_str().unwrap_or_default().to_string(), rows)
}

/// A python reader's (sheet, rows) of sheet index 1, or its error.
fn python_reader(xlsx: &Path, reader: &str) -> Result<(String, Vec<[Cell; 3]>), String> {
    let o = Command::new("python3")
        .arg(root().join("tests/python/read.py"))
        .arg(xlsx)
        .arg(reader)
        .output()
        .unwrap();
    if !o.status.success() {
        return Err(last_line(&o.stderr));
    }
    Ok(parse_reader_output(&o.stdout))
}

/// A node reader's (sheet, rows) of sheet index 1, or its error.
fn node_reader(xlsx: &Path, reader: &str) -> Result<(String, Vec<[Cell; 3]>), String> {
    let o = Command::new("node")
        .arg(root().join("tests/node/read.js"))
        .arg(xlsx)
        .arg(reader)
        .env("NODE_PATH", node_readers().join("node_modules"))
        .output()
        .unwrap();
    if !o.status.success() {
        let err = String::from_utf8_lossy(&o.stderr);
        return Err(err.lines().next().unwrap_or_default().to_string());
    }
    Ok(parse_reader_output(&o.stdout))
}

fn last_line(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    s.lines().last().unwrap_or_default().to_string()
}

/// LibreOffice's CSV export of the second sheet (raw values, UTF-8),
/// columns A, D and H of its non-empty rows. A fresh profile, so that it
/// runs beside other tests' LibreOffice.
fn libreoffice_reader(xlsx: &Path) -> Result<(String, Vec<[Cell; 3]>), String> {
    let profile = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
        ])
        .arg(out.path())
        .arg(xlsx)
        .output()
        .unwrap();
    if !o.status.success() {
        return Err(last_line(&o.stderr));
    }
    let csv_path = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .ok_or_else(|| format!("no CSV: {}", last_line(&o.stderr)))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&csv_path)
        .unwrap();
    let text = |r: &csv::StringRecord, i: usize| match r.get(i) {
        None | Some("") => Cell::Empty,
        Some(s) => Cell::Text(s.to_string()),
    };
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let r = record.map_err(|e| e.to_string())?;
        if r.iter().all(str::is_empty) {
            continue;
        }
        // A CSV has no types: the budget is a number past the header.
        let budget = match text(&r, 7) {
            Cell::Text(s) if n > 0 => s
                .parse()
                .map(Cell::Number)
                .unwrap_or_else(|_| Cell::Text(s)),
            other => other,
        };
        rows.push([text(&r, 0), text(&r, 3), budget]);
    }
    // The CSV file is named after the workbook and the sheet.
    let name = csv_path.file_stem().unwrap().to_string_lossy();
    let stem = xlsx.file_stem().unwrap().to_string_lossy();
    let sheet = name
        .strip_prefix(&format!("{stem}-"))
        .unwrap_or(&name)
        .to_string();
    Ok((sheet, rows))
}

/// Has every reader read the measures sheet of `xlsx`, and
/// asserts that each found `want`: the sheet's name, and every row's id,
/// measure and budget. All readers are run before any failure is reported.
fn every_reader_finds(xlsx: &Path, want: &[[Cell; 3]]) {
    type Read = Result<(String, Vec<[Cell; 3]>), String>;
    let readers: [(&str, &(dyn Fn() -> Read + Sync)); 5] = [
        ("openpyxl", &|| python_reader(xlsx, "openpyxl")),
        ("python-calamine", &|| python_reader(xlsx, "calamine")),
        ("SheetJS", &|| node_reader(xlsx, "sheetjs")),
        ("ExcelJS", &|| node_reader(xlsx, "exceljs")),
        ("LibreOffice", &|| libreoffice_reader(xlsx)),
    ];
    // The readers run side by side: each is one process on one core.
    let results: Vec<(&str, Read, f64)> = std::thread::scope(|s| {
        let running: Vec<_> = readers
            .iter()
            .map(|(name, read)| {
                s.spawn(move || {
                    let start = std::time::Instant::now();
                    let r = read();
                    (*name, r, start.elapsed().as_secs_f64())
                })
            })
            .collect();
        running.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let mut failures = Vec::new();
    for (reader, result, secs) in &results {
        let (sheet, rows) = match result {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{reader}: fails: {e}"));
                continue;
            }
        };
        let budgets: f64 = rows
            .iter()
            .filter_map(|r| match r[2] {
                Cell::Number(b) => Some(b),
                _ => None,
            })
            .sum();
        eprintln!(
            "{}: {reader} ({secs:.1} s): sheet {sheet:?}, {} rows, budgets {budgets:.2}, last {:?}",
            xlsx.file_name().unwrap().to_string_lossy(),
            rows.len(),
            rows.last()
        );
        if sheet != "Toimenpiteet" {
            failures.push(format!("{reader}: sheet {sheet:?}"));
        }
        if rows.len() != want.len() {
            failures.push(format!(
                "{reader}: {} rows, {} wanted",
                rows.len(),
                want.len()
            ));
        }
        if let Some((i, (got, wanted))) = rows
            .iter()
            .zip(want)
            .enumerate()
            .find(|(_, (g, w))| !g.iter().zip(w.iter()).all(|(a, b)| same(a, b)))
        {
            failures.push(format!(
                "{reader}: row {} is {got:?}, {wanted:?} wanted",
                i + 1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The shared readers' check: every reader counts the same non-empty rows
/// on the measures sheet. The script is `$READERS_CHECK`, else
/// `../shared/checks/readers_check.py` beside the repository (the copy the
/// outputs will be checked with), else the copy kept in `tests/python/`,
/// so a clone anywhere runs it and it is never skipped.
fn readers_check_agrees(xlsx: &Path, rows: usize) {
    let script = std::env::var_os("READERS_CHECK")
        .map(PathBuf::from)
        .or_else(|| {
            let shared = root().join("../shared/checks/readers_check.py");
            shared.exists().then_some(shared)
        })
        .unwrap_or_else(|| root().join("tests/python/readers_check.py"));
    assert!(
        script.exists(),
        "{} is not there (set READERS_CHECK to its path)",
        script.display()
    );
    let o = Command::new("python3")
        .arg(&script)
        .arg(xlsx)
        .arg("1")
        .env("NODE_READERS", node_readers())
        .output()
        .unwrap();
    let out = stdout(&o);
    eprintln!("readers_check.py {}: {out}", xlsx.display());
    assert!(o.status.success(), "{out}{}", stderr(&o));
    let counts: serde_json::Map<String, Value> = serde_json::from_str(&out).unwrap();
    for (reader, count) in counts {
        assert_eq!(count.as_u64(), Some(rows as u64), "{reader}");
    }
}

#[test]
#[ignore = "needs openpyxl, python-calamine, node with SheetJS and ExcelJS, LibreOffice: run by .ci/run"]
fn every_reader_reads_the_samples_measures() {
    need_every_reader();
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, measures) = merged(dir.path(), &root().join("samples/2021"), "samples");
    assert_eq!(measures.len(), 24);
    let want = expected(&measures);
    every_reader_finds(&xlsx, &want);
    readers_check_agrees(&xlsx, want.len());
}

#[test]
#[ignore = "needs openpyxl, python-calamine, node with SheetJS and ExcelJS, LibreOffice: run by .ci/run"]
fn every_reader_reads_ten_thousand_measures() {
    need_every_reader();
    let dir = tempfile::tempdir().unwrap();
    let input = submissions(dir.path(), 10_000);
    let (xlsx, measures) = merged(dir.path(), &input, "many");
    assert_eq!(measures.len(), 10_000);
    let want = expected(&measures);
    // The names and budgets are the submissions' (so the comparison below
    // is of texts that need escaping and of budgets with cents).
    let m42 = want
        .iter()
        .find(|r| r[0] == Cell::Text("KSJ-00042".into()))
        .unwrap();
    assert_eq!(
        m42[1..],
        [
            Cell::Text("Toimenpide 00042: asukastila & <Hakunila>".into()),
            Cell::Number(175.98)
        ]
    );
    every_reader_finds(&xlsx, &want);
    readers_check_agrees(&xlsx, want.len());
}

/// The sheet parts of a workbook, by name.
fn sheet_parts(xlsx: &Path) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/sheet") && name.ends_with(".xml") {
            let mut xml = String::new();
            part.read_to_string(&mut xml).unwrap();
            parts.push((name, xml));
        }
    }
    parts
}

/// Counts the `<row>` and `<c>` elements of a sheet part, asserting that
/// each carries its reference (`r="…"` as its first attribute, as Excel
/// and rust_xlsxwriter write it).
fn assert_referenced(what: &str, xml: &str) -> (usize, usize) {
    let (mut rows, mut cells) = (0, 0);
    for (at, _) in xml.match_indices('<') {
        let tag = &xml[at + 1..];
        let name_end = tag.find([' ', '>', '/']).unwrap_or(tag.len());
        let counter = match &tag[..name_end] {
            "row" => &mut rows,
            "c" => &mut cells,
            _ => continue,
        };
        *counter += 1;
        assert!(
            tag[name_end..].starts_with(" r=\""),
            "{what}: <{} without its reference",
            &tag[..tag.find('>').unwrap_or(tag.len()).min(80)]
        );
    }
    (rows, cells)
}

/// Every workbook kooste writes (the consolidated one with every optional
/// sheet, templates, converted and annotated submissions) has a reference
/// on every row and cell of every sheet.
#[test]
fn every_row_and_cell_carries_its_reference() {
    let dir = tempfile::tempdir().unwrap();
    let d = |p: &str| dir.path().join(p).to_str().unwrap().to_string();
    let input = submissions(dir.path(), 60);
    let run = |args: &[&str], ok: &[i32]| {
        let o = kooste(args);
        assert!(
            ok.contains(&o.status.code().unwrap_or(-1)),
            "{args:?}: {}{}",
            stdout(&o),
            stderr(&o)
        );
    };
    let input = input.to_str().unwrap();
    run(
        &["merge", "samples/2020", "-o", &d("prev.xlsx"), "--quiet"],
        &[0],
    );
    run(
        &[
            "merge",
            "samples/2021",
            input,
            "-o",
            &d("all.xlsx"),
            "--previous",
            &d("prev.xlsx"),
            "--per-department",
            "--draft",
            "--quiet",
        ],
        &[0, 1],
    );
    run(
        &[
            "template",
            "--all",
            "--year",
            "2022",
            "--out",
            &d("templates"),
        ],
        &[0],
    );
    run(
        &[
            "template",
            "--department",
            "KYMP",
            "--year",
            "2022",
            "--from",
            &d("all.xlsx"),
            "-o",
            &d("prefilled.xlsx"),
        ],
        &[0],
    );
    run(
        &[
            "convert",
            "samples/2021",
            "--to",
            "xlsx",
            "--out",
            &d("converted"),
            "--quiet",
        ],
        &[0, 1],
    );
    run(
        &[
            "validate",
            "samples/2021",
            input,
            "--annotate",
            &d("annotated"),
        ],
        &[0, 1],
    );
    let mut workbooks = Vec::new();
    let mut pending = vec![dir.path().to_path_buf()];
    while let Some(p) = pending.pop() {
        for e in std::fs::read_dir(&p).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                pending.push(p);
            } else if p.extension().is_some_and(|e| e == "xlsx") {
                workbooks.push(p);
            }
        }
    }
    workbooks.sort();
    let names: Vec<String> = workbooks
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for wanted in [
        "all.xlsx",
        "prefilled.xlsx",
        "templates/",
        "converted/",
        "annotated/",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(wanted)),
            "no {wanted} among {names:?}"
        );
    }
    for (path, name) in workbooks.iter().zip(&names) {
        let mut cells = 0;
        for (part, xml) in sheet_parts(path) {
            cells += assert_referenced(&format!("{name} {part}"), &xml).1;
        }
        assert!(cells > 0, "{name}: no cells");
    }
    // The consolidated workbook's large sheets (measures, per department,
    // area split, findings) are the ones kooste writes itself.
    let all = sheet_parts(&dir.path().join("all.xlsx"));
    assert!(all.len() >= 12, "{}", all.len());
    let (rows, cells) = all
        .iter()
        .map(|(part, xml)| assert_referenced(part, xml))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert!(
        rows > 3 * 84 && cells > 5 * rows,
        "{rows} rows, {cells} cells"
    );
}
