//! Issue 18: text from a submission (cell values, sheet and file names)
//! must not act in what kooste writes: no formula in a CSV cell, no control
//! sequence on the terminal, no malformed XML in a workbook, and one hostile
//! file must not stop the others.

use crate::common::{self, fixture, kooste, stderr, stdout};

/// Every field of a CSV file (no quoted separators in these tests).
fn fields(csv: &str, sep: char) -> Vec<String> {
    csv.lines()
        .flat_map(|l| l.split(sep).map(|f| f.trim_matches('"').to_string()))
        .collect()
}

/// No field of the CSV begins as a formula would.
fn assert_guarded(csv: &str, sep: char) {
    for f in fields(csv, sep) {
        let formula_like = f.starts_with(['=', '+', '@', '\t', '\r'])
            || (f.starts_with('-') && f.parse::<f64>().is_err());
        assert!(!formula_like, "unguarded CSV field {f:?} in:\n{csv}");
    }
}

#[test]
fn every_csv_text_column_is_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("real/safe_formula_sheet_name.xlsx");
    let input = input.to_str().unwrap();
    let merged = dir.path().join("k.csv");
    let o = kooste(&[
        "merge",
        input,
        "-o",
        dir.path().join("k.xlsx").to_str().unwrap(),
        "--csv",
        merged.to_str().unwrap(),
        "--csv-style",
        "plain",
        "--year",
        "2021",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&merged).unwrap();
    assert!(csv.contains("'=cmd|' /C calc'!D2"), "{csv}");
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
    assert_guarded(&csv, ',');

    let out = dir.path().join("conv");
    let o = kooste(&[
        "convert",
        input,
        "--to",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let conv = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let csv = std::fs::read_to_string(conv).unwrap();
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
    assert_guarded(&csv, ';');

    // JSON stays exact.
    let json = dir.path().join("k.json");
    let o = kooste(&[
        "merge",
        input,
        "-o",
        dir.path().join("k2.xlsx").to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let json = std::fs::read_to_string(json).unwrap();
    assert!(
        json.contains("\"source_sheet\": \"=cmd|' /C calc'\""),
        "{json}"
    );
}

/// Opens a workbook with openpyxl; `Err` holds its complaint.
fn openpyxl_opens(path: &std::path::Path) -> Result<(), String> {
    let o = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    if o.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&o.stderr).into_owned())
    }
}

/// Annotates three files of hostile sheet names and a plain bad one into
/// `dir`; returns the paths of the four copies, each checked to exist.
fn annotated_copies_of_hostile_names(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let names = [
        "safe_sheet_apostrophe",
        "safe_sheet_control",
        "safe_sheet_brackets",
    ];
    // One run a file: the three hostile files hold the same rows, and in
    // one run all but one would be a duplicate-file, not read.
    let mut files: Vec<String> = names
        .iter()
        .map(|n| fixture(&format!("real/{n}.xlsx")).display().to_string())
        .collect();
    files.push(fixture("bad_values.xlsx").display().to_string());
    let annotate = dir.display().to_string();
    let mut o = None;
    for file in &files {
        let run = kooste(&["validate", file, "--annotate", &annotate]);
        assert_eq!(run.status.code(), Some(1), "{file}: {}", stderr(&run));
        assert!(!stderr(&run).contains("panicked"), "{}", stderr(&run));
        o = Some(run);
    }
    let o = o.expect("four files annotated");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let mut copies: Vec<_> = names
        .iter()
        .map(|n| format!("{n}_tarkistettu.xlsx"))
        .collect();
    copies.push("bad_values_tarkistettu.xlsx".into());
    copies
        .iter()
        .map(|copy| {
            let path = dir.join(copy);
            assert!(path.exists(), "no {copy}: {}", stderr(&o));
            path
        })
        .collect()
}

#[test]
fn hostile_sheet_names_give_annotated_copies_for_every_file() {
    let dir = tempfile::tempdir().unwrap();
    for path in annotated_copies_of_hostile_names(dir.path()) {
        // The copy has the template's sheets whatever the original's
        // names; the findings sheet links into the measures sheet.
        let names = common::sheet_names(&path);
        assert_eq!(names, ["Tarkistukset", "Toimenpiteet", "Ohjeet", "Listat"]);
        let list = common::zip_part(&path, "xl/worksheets/sheet1.xml");
        assert!(list.contains("location=\"'Toimenpiteet'!"), "{list}");
    }
}

#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn annotated_copies_of_hostile_names_open_in_openpyxl() {
    common::need_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    for path in annotated_copies_of_hostile_names(dir.path()) {
        openpyxl_opens(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn terminal_text_escapes_control_and_bidi_characters() {
    let dir = tempfile::tempdir().unwrap();
    // A file name and cells that would erase lines, forge a summary line
    // and reverse the rest of a line if printed raw.
    let input = dir.path().join("sote\u{1b}[1A.csv");
    let csv = "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€)\n\
               SOTE;1;Kesäruokailu;Mikkola;valmis;2021;\"\u{1b}[2K\u{1b}[1A12\"\n\
               SOTE;1;Iltapäiväkerho;Mikkola;valmis;2021;\"5\n0 virhettä, 0 varoitusta\"\n\
               SOTE;1;Kerho;Mikkola;valmis;2021;\"\u{202e}n\ta/\u{9b}x\"\n";
    std::fs::write(&input, csv).unwrap();
    let o = kooste(&["validate", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        !text.contains(['\u{1b}', '\u{202e}', '\u{9b}', '\t', '\r']),
        "{text:?}"
    );
    assert!(text.contains("<U+001B>[2K<U+001B>[1A12"), "{text}");
    assert!(text.contains("5<U+000A>0 virhettä"), "{text}");
    assert!(text.contains("sote<U+001B>[1A.csv"), "{text}");
    assert!(text.contains("<U+202E>n<U+0009>a/<U+009B>x"), "{text}");
    // Findings and the one summary line, nothing else.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[..3].iter().all(|l| l.contains("virhe[type-error]")),
        "{text}"
    );

    // JSON stays exact.
    let o = kooste(&["validate", input.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let values: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["value"].as_str())
        .collect();
    assert!(values.contains(&"\u{1b}[2K\u{1b}[1A12"), "{values:?}");
    assert!(
        values.contains(&"5\n0 virhettä, 0 varoitusta"),
        "{values:?}"
    );
}

#[test]
fn error_messages_escape_paths() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("puuttuu\u{1b}[2K.xlsx");
    let o = kooste(&["validate", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        !err.contains('\u{1b}') && err.contains("<U+001B>[2K"),
        "{err}"
    );
}

/// `merge --per-department` of the samples with a department code Excel
/// refuses as a sheet name; returns the workbook in `dir`.
fn merged_with_a_hostile_department_code(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(common::root().join("templates/programme.toml")).unwrap();
    let text = text.replacen("code = \"KUKU\"", "code = \"'KU[KU]:*'\"", 1);
    let config = dir.join("other.toml");
    std::fs::write(&config, text).unwrap();
    let out = dir.join("k.xlsx");
    let o = kooste(&[
        "merge",
        "samples/2021",
        "-o",
        out.to_str().unwrap(),
        "--per-department",
        "--draft",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    out
}

#[test]
fn per_department_sheet_names_follow_excels_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = merged_with_a_hostile_department_code(dir.path());
    let names = common::sheet_names(&out);
    assert!(names.iter().any(|n| n == "KUKU"), "{names:?}");
}

#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn per_department_sheets_of_hostile_codes_open_in_openpyxl() {
    common::need_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    openpyxl_opens(&merged_with_a_hostile_department_code(dir.path())).unwrap();
}

#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn consolidated_and_converted_workbooks_of_hostile_names_open() {
    common::need_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<String> = [
        "safe_sheet_apostrophe",
        "safe_sheet_control",
        "safe_sheet_brackets",
        "safe_formula_sheet_name",
    ]
    .iter()
    .map(|n| fixture(&format!("real/{n}.xlsx")).display().to_string())
    .collect();
    let out = dir.path().join("k.xlsx");
    let mut args: Vec<&str> = vec!["merge"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["-o", out.to_str().unwrap(), "--draft", "--per-department"]);
    let o = kooste(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    openpyxl_opens(&out).unwrap();
    // One conversion a file: the hostile files hold the same rows, and in
    // one run all but one would be a duplicate-file, not converted.
    let conv = dir.path().join("conv");
    for input in &inputs {
        let o = kooste(&[
            "convert",
            input,
            "--to",
            "xlsx",
            "--out",
            conv.to_str().unwrap(),
        ]);
        assert!(o.status.code().is_some(), "{}", stderr(&o));
    }
    for entry in std::fs::read_dir(&conv).unwrap() {
        openpyxl_opens(&entry.unwrap().path()).unwrap();
    }
    assert_eq!(std::fs::read_dir(&conv).unwrap().count(), 4);
}

/// A device or a named pipe given as an input is refused by name (reading
/// /dev/zero would never end, a FIFO would block), and one inside a folder
/// of submissions is no submission: the folder's files are read.
#[test]
fn devices_and_pipes_are_not_read_as_inputs() {
    let o = kooste(&["validate", "/dev/zero", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"/dev/zero\" is not read: it is neither a file nor a folder"),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.csv");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let o = kooste(&["validate", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("ei ole tiedosto eikä kansio"),
        "{}",
        stderr(&o)
    );
    std::fs::copy("samples/2021/kuku_2021.xlsx", dir.path().join("kuku.xlsx")).unwrap();
    let o = kooste(&["validate", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 file, 6 measures"), "{}", stdout(&o));
}

/// A text file larger than `--max-unpacked-mb` is `too-large` before it is
/// read (a 3 GB CSV, here a sparse one), not read into memory.
#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(3 << 20)
        .unwrap();
    let o = kooste(&[
        "validate",
        big.to_str().unwrap(),
        "--max-unpacked-mb",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &json["findings"][0];
    assert_eq!(f["code"], "too-large");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("3\u{a0}145\u{a0}728"),
        "{f}"
    );
}

/// A filled-in copy saved as an Excel template (`.xltx`, the same package
/// as `.xlsx`) in a folder of submissions is read, not passed over.
#[test]
fn an_excel_template_copy_in_a_folder_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("samples/2021/kuku_2021.xlsx", dir.path().join("kuku.xltx")).unwrap();
    let o = kooste(&["validate", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 file, 6 measures"), "{}", stdout(&o));
}
