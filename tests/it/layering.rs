//! The folders' import rules of ARCHITECTURE.md, checked on the sources:
//! nothing below `commands` imports it, nothing in the library imports
//! the web app, and the checks (reading,
//! validation, merging) leave their sentences as data: they do not import
//! the translations (`crate::i18n`), so a finding is made into text only
//! where it is shown, in that output's language (issue 20).

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its unit tests (which may render a message
/// to check it).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn checks_do_not_import_the_translations() {
    let mut found = Vec::new();
    for folder in ["reading", "validation", "merging"] {
        for path in sources(&src().join(folder)) {
            if code_of(&path).contains("i18n") {
                found.push(path.display().to_string());
            }
        }
    }
    assert!(found.is_empty(), "import crate::i18n: {found:?}");
}

#[test]
fn nothing_below_commands_imports_it() {
    let mut found = Vec::new();
    for path in sources(&src()) {
        let rel = path.strip_prefix(src()).unwrap();
        // `cli` (the command line) and `web` (the web app) sit on top of
        // `commands`.
        if rel.starts_with("commands")
            || rel.starts_with("cli")
            || rel.starts_with("web")
            || rel == Path::new("main.rs")
            || rel == Path::new("lib.rs")
        {
            continue;
        }
        if code_of(&path).contains("crate::commands") {
            found.push(rel.display().to_string());
        }
    }
    assert!(found.is_empty(), "import crate::commands: {found:?}");
}

/// The web app (`src/web/`, issue 23) sits on top of the library like
/// `commands`: nothing else in the library imports it (`cli` starts it).
#[test]
fn nothing_in_the_library_imports_the_web_app() {
    let mut found = Vec::new();
    for path in sources(&src()) {
        let rel = path.strip_prefix(src()).unwrap();
        if rel.starts_with("web") || rel.starts_with("cli") || rel == Path::new("lib.rs") {
            continue;
        }
        let code = code_of(&path);
        if code.contains("crate::web")
            || code.contains("kooste::web")
            || code.contains("super::web")
        {
            found.push(rel.display().to_string());
        }
    }
    assert!(found.is_empty(), "import crate::web: {found:?}");
}
