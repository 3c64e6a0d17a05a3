//! Helpers shared by the integration tests: run the real binary, require
//! the external tools CI installs, read workbooks back with calamine.
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

/// The environment variables that choose kooste's language.
pub const LANG_VARS: [&str; 4] = ["KOOSTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The `kooste` binary to run in the repository root, without the
/// machine's language settings ([`LANG_VARS`]): Finnish unless a test
/// sets them or gives `--lang`; and without a display, so that `kooste`
/// alone (its standard input not a terminal) prints the help on a
/// developer's desktop too instead of opening the web app in a browser.
pub fn kooste_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kooste"));
    cmd.current_dir(root());
    for var in LANG_VARS.iter().chain(&["DISPLAY", "WAYLAND_DISPLAY"]) {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `kooste` with `args` in the repository root (see [`kooste_command`]).
pub fn kooste(args: &[&str]) -> Output {
    kooste_command().args(args).output().expect("kooste runs")
}

/// Runs `kooste` with `args` and the environment variables `vars` set.
pub fn kooste_with_env(args: &[&str], vars: &[(&str, &str)]) -> Output {
    kooste_command()
        .args(args)
        .envs(vars.iter().copied())
        .output()
        .expect("kooste runs")
}

/// Runs `kooste` with `args` as [`kooste`] does, and also returns the
/// process's peak resident memory in MiB (its `ru_maxrss`, from wait4(2)),
/// or 0 when that stayed below this test process's own peak (see below):
/// a bound on the memory a run takes is checked without timing.
// The child is waited for with wait4(2), which std's Child does not know.
#[allow(clippy::zombie_processes)]
pub fn kooste_peak_mib(args: &[&str]) -> (Output, u64) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let mut child = kooste_command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kooste runs");
    let mut err = child.stderr.take().unwrap();
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        err.read_to_end(&mut v).unwrap();
        v
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let stderr = err.join().unwrap();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: our own child's pid, not yet waited for; valid out-pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4");
    let output = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout,
        stderr,
    };
    // ru_maxrss is in KiB on Linux. It is not the child's alone: when the
    // child execs, Linux folds the peak of the memory it ran in before
    // (std spawns with vfork, so that is this test process's own) into it.
    // Under a parallel test run this process alone can pass 100 MiB. So a
    // peak no higher than this process's own high-water mark, read after
    // the child's exec and so at least what was folded in, says only that
    // the child stayed below it: it counts as 0 here. A child that took
    // more than the test process shows its true peak.
    let peak = usage.ru_maxrss as u64;
    let own = own_high_water_kib().unwrap_or(0);
    (output, if peak > own { peak / 1024 } else { 0 })
}

/// This process's peak resident memory in KiB (`VmHWM`).
fn own_high_water_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Fails the test unless `tool` is on PATH. The tests that call it are
/// `#[ignore = "needs …"]`: plain `cargo test` leaves them out, and where
/// they are asked for (`cargo test -- --ignored`, as `.ci/run` does) a
/// missing tool is a failure, never a skip.
pub fn need(tool: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{tool} is not installed: this test needs it (.ci/run installs it)"
    );
}

/// Fails the test unless python3 can import `module` (see [`need`]).
pub fn need_python_module(module: &str) {
    need("python3");
    let o = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "python3 cannot import {module}: this test needs it (.ci/run installs it): {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Fails the test unless python3 with openpyxl is there (see [`need`]).
pub fn need_openpyxl() {
    need_python_module("openpyxl");
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

/// (code, cell) pairs as [`codes_at`] gives them, from string literals.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Each finding's code and cell (`""` for a file-level finding), in order.
pub fn codes_at(fs: &[serde_json::Value]) -> Vec<(String, String)> {
    fs.iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The text of one part (`xl/worksheets/sheet1.xml`) of a zip package
/// (a workbook kooste wrote), as a client unpacking it would read it.
pub fn zip_part(path: &std::path::Path, part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(part)
        .unwrap_or_else(|e| panic!("{}: {part}: {e}", path.display()))
        .read_to_string(&mut s)
        .unwrap();
    s
}
