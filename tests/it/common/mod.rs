//! Helpers shared by the integration tests: run the real binary, find the
//! external tools CI installs, read workbooks back with calamine.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs `kooste` with `args` in the repository root.
pub fn kooste(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooste"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("kooste runs")
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Whether an external tool is on PATH. CI installs them all (`.ci/run`), so
/// there a missing tool fails the test instead of skipping it.
pub fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !found {
        assert!(std::env::var_os("CI").is_none(), "{tool} is missing in CI");
        eprintln!("skipping: {tool} is not installed");
    }
    found
}

/// Whether python3 with openpyxl is there (it must be in CI).
pub fn have_openpyxl() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "openpyxl is missing in CI"
        );
        eprintln!("skipping: python3 with openpyxl is not installed");
    }
    found
}

/// Every cell of a sheet as text, row by row.
pub fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb = calamine::open_workbook_auto(path).expect("workbook opens");
    let range = wb.worksheet_range(name).expect("sheet exists");
    range.rows().map(|r| r.to_vec()).collect()
}

/// A cell as f64 (numbers only).
pub fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// Sheet names of a workbook.
pub fn sheet_names(path: &Path) -> Vec<String> {
    calamine::open_workbook_auto(path)
        .expect("workbook opens")
        .sheet_names()
}

/// Every sheet of a workbook as LibreOffice exports it to CSV (UTF-8,
/// comma), by sheet name, converted once in a fresh profile. With
/// `recalculate`, the profile makes LibreOffice recompute every formula on
/// load instead of showing the stored results (its default for xlsx), so a
/// stored result that is not what its formula gives shows up.
pub fn libreoffice_csvs(xlsx: &Path, recalculate: bool) -> HashMap<String, String> {
    let profile = tempfile::tempdir().unwrap();
    if recalculate {
        let user = profile.path().join("user");
        std::fs::create_dir_all(&user).unwrap();
        std::fs::write(
            user.join("registrymodifications.xcu"),
            r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
        ])
        .arg(out.path())
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let prefix = format!("{}-", xlsx.file_stem().unwrap().to_string_lossy());
    std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            let sheet = name.strip_prefix(&prefix)?.to_string();
            Some((sheet, std::fs::read_to_string(&p).unwrap()))
        })
        .collect()
}

/// A folder of five department CSVs holding `n` measures in all.
pub fn many_measures(dir: &Path, n: usize) -> PathBuf {
    let folder = dir.join("many");
    std::fs::create_dir_all(&folder).unwrap();
    let depts = ["KYMP", "KASKO", "KSJ", "SOTE", "KUKU"];
    for (d, dept) in depts.iter().enumerate() {
        let mut s = String::from(
            "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n",
        );
        for i in (d..n).step_by(5) {
            s.push_str(&format!(
                "M-{i};{dept};{};Toimenpide numero {i:05};Mikkola;toteutusvaihe;2021;100;90\n",
                1 + i % 3
            ));
        }
        std::fs::write(folder.join(format!("{}.csv", dept.to_lowercase())), s).unwrap();
    }
    folder
}

/// A folder `in` under `dir` holding the given (file name, contents).
pub fn input_folder(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, contents) in files {
        std::fs::write(folder.join(name), contents).unwrap();
    }
    folder
}

/// A fixture of `tests/fixtures/real` (files written by real applications).
pub fn real(name: &str) -> String {
    format!("tests/fixtures/real/{name}")
}

/// `validate --format json` of a real fixture with `extra` options: the
/// exit code and the findings. A panic in kooste fails the test.
pub fn real_findings(file: &str, extra: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let path = real(file);
    let mut args = vec!["validate", "--format", "json", &path];
    args.extend(extra);
    let o = kooste(&args);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{file}: {e}"));
    (
        o.status.code().expect("an exit code, not a signal"),
        v["findings"].as_array().cloned().unwrap_or_default(),
    )
}

/// The measures kooste merges from a real fixture, as its JSON export
/// writes them (`merge --draft`, so that a file with errors still gives its
/// good rows).
pub fn real_measures(file: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("m.json");
    let xlsx = dir.path().join("m.xlsx");
    let o = kooste(&[
        "merge",
        &real(file),
        "-o",
        xlsx.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--draft",
        "-q",
    ]);
    assert!(json.exists(), "{file}: {}", stderr(&o));
    serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap()
}
