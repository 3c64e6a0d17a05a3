//! The web app in a real browser (issue 23, point 6): headless Chromium
//! driven through WebDriver (chromedriver, python selenium) by
//! tests/python/browser_check.py uploads the 2021 samples and a bad file,
//! reads the findings table, matches a file's unknown column and corrects
//! a cell in place (issue 23 point 3), downloads a file's annotated copy,
//! matches the header row of a file in a department's own words, sees a
//! new version's page list the previous file's corrections, builds and
//! downloads the workbook
//! (the correction in its sources) and the report, switches language, and runs axe-core on every page in Finnish,
//! Swedish and English: no WCAG 2.1 A or AA violation may remain.

use std::path::PathBuf;
use std::process::Command;

use super::http::Server;
use crate::common::{need, need_python_module, root};

/// axe-core's browser build: `$NODE_READERS` (default `target/node-readers`,
/// where `.ci/run` installs tests/node's packages).
fn axe_min_js() -> PathBuf {
    let dir = match std::env::var_os("NODE_READERS") {
        Some(d) => root().join(d),
        None => root().join("target/node-readers"),
    };
    let js = dir.join("node_modules/axe-core/axe.min.js");
    assert!(
        js.is_file(),
        "{} is missing: this test needs axe-core (.ci/run installs tests/node's packages)",
        js.display()
    );
    js
}

#[test]
#[ignore = "needs chromium, chromium-driver, python selenium and axe-core"]
fn in_chromium_every_page_works_and_axe_core_finds_no_wcag_21_aa_violation() {
    need("chromium");
    need("chromedriver");
    need_python_module("selenium");
    need_python_module("openpyxl");
    let axe = axe_min_js();
    let ws = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    // With a password, so that the sign-in pages are part of the run.
    let password = "salasana-123";
    let server = Server::start(ws.path(), &[], &[("KOOSTE_ADMIN_PASSWORD", password)]);
    let out = Command::new("python3")
        .arg(root().join("tests/python/browser_check.py"))
        .arg(format!("http://{}", server.addr))
        .arg(root())
        .arg(&axe)
        .arg(downloads.path())
        .arg(password)
        .output()
        .expect("python3 runs");
    let log = server.stop();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}\n{}\nserver:\n{log}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every page of the three languages was checked, not just a few, and
    // 18 again in a window 400 pixels wide.
    assert!(said.contains("axe-core checked 79 pages"), "{said}");
    assert!(said.trim_end().ends_with("ok"), "{said}");
}
