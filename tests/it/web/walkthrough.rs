//! The README's walkthrough ("Walkthrough: a year in the browser") done
//! in headless Chromium by tests/python/walkthrough.py, as its
//! screenshots were made: the script starts the binary on a fresh
//! workspace and goes through a whole year in Finnish (upload with a
//! problem file, dashboard, findings, the file's page, draft and final
//! build, the report in the browser, the workbook, a template, the
//! earlier year and the history), asserting what each page shows. Its
//! screenshots go to a temporary folder here, so the test never rewrites
//! `samples/web`; that the README shows exactly those screenshots, and
//! that they are committed, is checked too.

use std::path::Path;
use std::process::Command;

use crate::common::{need, need_python_module, root};

/// The screenshots the README's walkthrough shows, in its order.
fn readme_screenshots() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme
        .find("### Walkthrough: a year in the browser")
        .expect("the README's walkthrough");
    let section = &readme[start..];
    let section = &section[..section[4..].find("\n#").map_or(section.len(), |e| e + 4)];
    section
        .match_indices("](samples/web/")
        .map(|(at, m)| {
            let rest = &section[at + m.len()..];
            rest[..rest.find(')').expect("a closed link")].to_string()
        })
        .collect()
}

fn pngs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the screenshots' folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".png"))
        .collect();
    names.sort();
    names
}

#[test]
#[ignore = "needs chromium, chromium-driver, python selenium, openpyxl and Pillow"]
fn the_readmes_walkthrough_works_in_chromium_as_written() {
    need("chromium");
    need("chromedriver");
    need_python_module("selenium");
    need_python_module("openpyxl");
    need_python_module("PIL");
    let shots = tempfile::tempdir().unwrap();
    let out = Command::new("python3")
        .arg(root().join("tests/python/walkthrough.py"))
        .arg(env!("CARGO_BIN_EXE_kooste"))
        .arg(shots.path())
        .output()
        .expect("python3 runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.trim_end().ends_with("ok"), "{said}");
    // The README shows every screenshot made, in order, each committed.
    let made = pngs(shots.path());
    let shown = readme_screenshots();
    assert_eq!(shown, made, "the README's screenshots against the script's");
    assert_eq!(
        pngs(&root().join("samples/web")),
        made,
        "samples/web against the script's screenshots"
    );
    for name in &made {
        let size = std::fs::metadata(shots.path().join(name)).unwrap().len();
        assert!(size < 150 * 1024, "{name} is {size} bytes");
    }
}
