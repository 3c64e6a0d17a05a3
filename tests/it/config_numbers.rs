//! Issue 18 point 7: every number of the configuration is range-checked at
//! load, with the line and key named and exit 2.

use crate::common::{kooste, root, stderr};

/// Runs `validate` on the samples with the built-in config where `from`
/// is replaced by `to`; returns the exit code and stderr.
fn with_config(from: &str, to: &str) -> (Option<i32>, String, usize) {
    let text = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    assert!(text.contains(from), "{from}");
    let text = text.replacen(from, to, 1);
    // The line of the key the error names: the one changed, or for a span
    // too long, the last year.
    let named = if to.starts_with("first_year = 1900") {
        "last_year"
    } else {
        to
    };
    let line = text.lines().position(|l| l.starts_with(named)).unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.toml");
    std::fs::write(&path, text).unwrap();
    let o = kooste(&[
        "validate",
        "samples/2021",
        "--config",
        path.to_str().unwrap(),
    ]);
    (o.status.code(), stderr(&o), line)
}

#[test]
fn out_of_range_numbers_are_refused_with_line_and_key() {
    let cases = [
        (
            "annual_budget_eur = 2000000",
            "annual_budget_eur = 1e14",
            "programme.annual_budget_eur",
        ),
        (
            "annual_budget_eur = 2000000",
            "annual_budget_eur = inf",
            "programme.annual_budget_eur",
        ),
        (
            "annual_budget_eur = 2000000",
            "annual_budget_eur = nan",
            "programme.annual_budget_eur",
        ),
        (
            "annual_budget_eur = 2000000",
            "annual_budget_eur = -1",
            "programme.annual_budget_eur",
        ),
        (
            "template_rows = 100",
            "template_rows = 4000000000",
            "submission.template_rows",
        ),
        (
            "first_year = 2019",
            "first_year = -5",
            "programme.first_year",
        ),
        (
            "last_year = 2022",
            "last_year = 99999",
            "programme.last_year",
        ),
        (
            "first_year = 2019",
            "first_year = 1900",
            "programme.last_year",
        ),
    ];
    for (from, to, key) in cases {
        let (code, err, line) = with_config(from, to);
        assert_eq!(code, Some(2), "{to}: {err}");
        let want = format!("other.toml on virhe rivillä {line}, avaimessa {key}: ");
        assert!(err.contains(&want), "{to}: {err}");
        assert!(err.len() < 300, "{to}: {err}");
    }
}

#[test]
fn numbers_in_range_are_accepted() {
    let (code, err, _) = with_config("annual_budget_eur = 2000000", "annual_budget_eur = 8.9e13");
    assert_eq!(code, Some(0), "{err}");
    let (code, err, _) = with_config("template_rows = 100", "template_rows = 0");
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn control_characters_in_texts_are_refused_with_line_and_key() {
    let (code, err, line) = with_config("code = \"KUKU\"", "code = \"KU\\u0001KU\"");
    assert_eq!(code, Some(2), "{err}");
    let want = format!(
        "other.toml on virhe rivillä {line}, avaimessa departments.code: arvossa on ohjausmerkki U+0001"
    );
    assert!(err.contains(&want), "{err}");
}

/// A configuration of the wrong shape names the key that is missing,
/// unknown or of the wrong type, in the user's language; TOML's own words
/// stay for `--verbose`.
#[test]
fn a_key_missing_unknown_or_of_the_wrong_type_is_named() {
    let cases = [
        (
            "annual_budget_eur = 2000000",
            "annual_budgett_eur = 2000000",
            "avainta annual_budgett_eur ei tunneta",
        ),
        (
            "first_year = 2019",
            "first_year = \"2019\"",
            "avaimen programme.first_year arvo on väärää tyyppiä",
        ),
        (
            "annual_budget_eur = 2000000",
            "",
            "pakollinen avain annual_budget_eur puuttuu",
        ),
    ];
    for (from, to, says) in cases {
        let text = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.toml");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let o = kooste(&[
            "validate",
            "samples/2021",
            "--config",
            path.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains("other.toml on virhe rivillä "), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(!err.contains("TOML parse error"), "{err}");
    }
}
