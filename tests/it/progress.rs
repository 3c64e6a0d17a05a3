//! Progress on stderr: a bar while many files are read and a spinner while
//! a large run's outputs are written, only on a terminal and never with
//! --quiet. The terminal is a pseudo-terminal made by util-linux `script`.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// Eight department CSVs holding 20 000 measures in all.
fn large_run(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let depts = [
        "KYMP", "KASKO", "KSJ", "SOTE", "KUKU", "KYMP", "KASKO", "KSJ",
    ];
    for (f, dept) in depts.iter().enumerate() {
        let mut s = String::from(
            "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n",
        );
        for i in 0..2500 {
            s.push_str(&format!(
                "M-{f}-{i};{dept};{};Toimenpide {f} {i:05};Mikkola;toteutusvaihe;2021;100;90\n",
                1 + i % 3
            ));
        }
        std::fs::write(folder.join(format!("{f}_{}.csv", dept.to_lowercase())), s).unwrap();
    }
    folder
}

/// What a terminal shows while `kooste ARGS` runs.
fn on_terminal(args: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_kooste");
    let line = std::iter::once(bin)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut script = Command::new("script");
    // `script` passes its environment on to kooste.
    for var in LANG_VARS {
        script.env_remove(var);
    }
    let o = script
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(0), "{shown}");
    assert!(!shown.contains("panicked"), "{shown}");
    shown
}

/// `merge` of the large run into `dir/k.xlsx`: the arguments.
fn merge_args(dir: &Path) -> Vec<String> {
    let input = large_run(dir);
    let out = dir.join("k.xlsx");
    [
        "merge",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]
    .into_iter()
    .chain(["--date", "2022-01-01"])
    .map(String::from)
    .collect()
}

#[test]
#[ignore = "needs util-linux script (a terminal): run by .ci/run"]
fn bar_and_spinner_on_a_terminal_only() {
    need("script");
    let dir = tempfile::tempdir().unwrap();
    let args = merge_args(dir.path());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dir.path().join("k.xlsx");
    let shown = on_terminal(&args);
    assert!(shown.contains("/8"), "no bar: {shown}");
    assert!(shown.contains("Kirjoitetaan"), "no spinner: {shown}");
    assert!(out.exists());

    let mut quiet = args.to_vec();
    quiet.push("--quiet");
    let shown = on_terminal(&quiet);
    assert!(
        !shown.contains("/8") && !shown.contains("Kirjoitetaan"),
        "{shown}"
    );
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let args = merge_args(dir.path());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = kooste(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Kirjoitetaan"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("/8"), "{}", stderr(&o));
}
