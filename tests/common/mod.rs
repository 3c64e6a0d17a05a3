//! Helpers shared by the integration tests: run the real binary, find the
//! external tools CI installs, read workbooks back with calamine.
#![allow(dead_code)]

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
