//! Hostile and broken input (tests/fixtures/hostile, each named for what it
//! is), outputs written whole or not at all, determinism whatever the order
//! of the inputs, and names that are unsafe as file names.

use crate::common::*;
use serde_json::Value;

fn hostile(name: &str) -> String {
    root()
        .join("tests/fixtures/hostile")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Validates one file; returns (exit code, the first finding).
fn first_finding(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["validate", "--format", "json"];
    all.extend_from_slice(args);
    let o = kooste(&all);
    let code = o.status.code().expect("an exit code, not a signal");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stderr(&o)));
    (code, v["findings"].get(0).cloned().unwrap_or(Value::Null))
}

#[test]
fn every_broken_file_gets_a_clear_finding_and_exit_1() {
    // The message says in the user's language what is wrong; the reader
    // library's own words, where there are any, are only the detail.
    let cases = [
        ("zero_bytes.xlsx", "unreadable-file", "0 tavua", None),
        (
            "truncated_zip.xlsx",
            "unreadable-file",
            "zip-paketti",
            Some("Zip"),
        ),
        (
            "zip_not_a_workbook.xlsx",
            "unreadable-file",
            "puuttuu sen tarvitsema osa xl/workbook.xml",
            Some("no xl/workbook.xml"),
        ),
        (
            "text_named_xlsx.xlsx",
            "unreadable-file",
            "pääte on .xlsx, mutta se ei ole Excel-",
            None,
        ),
        ("html_saved_as.xls", "unreadable-file", "HTML-sivu", None),
        (
            "malformed_shared_strings.xlsx",
            "unreadable-file",
            "XML-sisältö on rikki",
            Some("xml"),
        ),
        (
            "malformed_sheet_xml.xlsx",
            "unreadable-file",
            "vioittunut",
            Some("shared strings"),
        ),
    ];
    for (name, code, words, detail) in cases {
        let (exit, f) = first_finding(&[&hostile(name)]);
        assert_eq!(exit, 1, "{name}");
        assert_eq!(f["code"], code, "{name}: {f}");
        assert_eq!(f["file"], hostile(name));
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(words), "{name}: {f}");
        assert!(f["hint"].is_string(), "{name}");
        match detail {
            Some(d) => {
                assert!(f["detail"].as_str().unwrap().contains(d), "{name}: {f}");
                assert!(!message.contains(d), "{name}: {f}");
            }
            None => assert!(f["detail"].is_null(), "{name}: {f}"),
        }
    }
    let (exit, f) = first_finding(&["tests/fixtures/codes/encrypted-file.xlsx"]);
    assert_eq!((exit, f["code"].as_str()), (1, Some("encrypted-file")));
}

#[test]
fn zip_bomb_is_refused_under_the_cap() {
    let (exit, f) = first_finding(&[&hostile("zip_bomb.xlsx"), "--max-unpacked-mb", "16"]);
    assert_eq!(exit, 1);
    assert_eq!(f["code"], "too-large");
    let msg = f["message"].as_str().unwrap().replace('\u{a0}', " ");
    assert!(msg.contains("tavua") && msg.contains("16 777 216"), "{msg}");
    let (exit, f) = first_finding(&["samples/2021/kuku_2021.xlsx", "--max-cells", "10"]);
    assert_eq!(
        (exit, f["code"].as_str()),
        (1, Some("too-large")),
        "the cell cap"
    );
}

#[test]
fn the_tallest_sheet_is_read_to_its_last_row() {
    let (exit, f) = first_finding(&[&hostile("tallest_sheet.xlsx")]);
    assert_eq!(exit, 1);
    assert_eq!(f["code"], "missing-value");
    assert_eq!(
        f["row"], 1_048_576,
        "the last row's text is found, and its empty cells named"
    );
}

#[test]
fn long_cells_and_other_encodings_read_cleanly() {
    for name in [
        "cell_40000_chars.xlsx",
        "utf16_with_bom.csv",
        "windows_1252.csv",
    ] {
        let o = kooste(&["validate", "--format", "json", &hostile(name)]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stdout(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["measures"], 1, "{name}");
        let codes: Vec<&str> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        let expected: &[&str] = if name.starts_with("cell") {
            &["text-too-long"]
        } else {
            &[]
        };
        assert_eq!(codes, expected, "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.json");
    let o = kooste(&[
        "merge",
        &hostile("windows_1252.csv"),
        "-o",
        dir.path().join("k.xlsx").to_str().unwrap(),
        "--json",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let json = std::fs::read_to_string(out).unwrap();
    assert!(json.contains("Kaupunkiympäristö"), "Windows-1252 decoded");
    let long_json = dir.path().join("long.json");
    let o = kooste(&[
        "merge",
        &hostile("cell_40000_chars.xlsx"),
        "-o",
        dir.path().join("long.xlsx").to_str().unwrap(),
        "--json",
        long_json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("varoitus[text-too-long]"),
        "the shortening is said: {}",
        stdout(&o)
    );
    let rows = sheet(&dir.path().join("long.xlsx"), "Toimenpiteet");
    assert_eq!(rows[1][3].to_string().len(), 32_767, "Excel's limit");
    let v: Value = serde_json::from_slice(&std::fs::read(long_json).unwrap()).unwrap();
    assert_eq!(
        v[0]["measure"].as_str().unwrap().len(),
        40_000,
        "the export keeps it whole"
    );
}

#[test]
fn a_folder_of_broken_files_still_validates_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("tests/fixtures/hostile")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(fixture("comma_utf8_bom.csv"), dir.path().join("good.csv")).unwrap();
    let o = kooste(&["validate", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let good = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("good.csv"))
        .unwrap();
    assert_eq!(
        (good["rows"].as_u64(), good["errors"].as_u64()),
        (Some(2), Some(0))
    );
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("kymp.xlsx");
    std::fs::copy("tests/fixtures/codes/unknown-column.xlsx", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("korvaisi syötetiedoston"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
}

#[test]
fn an_unwritable_output_folder_is_exit_2_and_leaves_nothing() {
    // /proc refuses new files even to root, as a read-only folder would.
    let o = kooste(&["build", "samples/2021", "--out", "/proc/kooste-out"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).starts_with("kooste: /proc/kooste-out: kirjoittaminen ei onnistu:"),
        "{}",
        stderr(&o)
    );
    assert!(!std::path::Path::new("/proc/kooste-out").exists());
    let o = kooste(&["merge", "samples/2021", "-o", "/proc/self/kooste.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/proc/self/kooste.xlsx: kirjoittaminen ei onnistu"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn outputs_do_not_depend_on_the_order_of_the_inputs() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("samples/2021"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let run = |files: &[String]| {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec!["build"];
        args.extend(files.iter().map(String::as_str));
        args.extend([
            "--out",
            dir.path().to_str().unwrap(),
            "--date",
            "2022-02-15",
        ]);
        let o = kooste(&args);
        assert_eq!(o.status.code(), Some(0));
        let x = std::fs::read(dir.path().join("kooste_2021.xlsx")).unwrap();
        let p = std::fs::read(dir.path().join("vuosiraportti_2021.pdf")).unwrap();
        (x, p)
    };
    let a = run(&files);
    files.reverse();
    files.swap(0, 2);
    let b = run(&files);
    assert!(a.0 == b.0, "workbooks differ with the input order");
    assert!(a.1 == b.1, "reports differ with the input order");
}

#[test]
fn unsafe_names_make_safe_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("p.toml");
    let text = kooste::config::DEFAULT_TOML
        .replace("code = \"KSJ\"", "code = \"../../x\"")
        .replace("code = \"KYMP\"", "code = \"A/B:C*?\"");
    std::fs::write(&config, text).unwrap();
    let out = dir.path().join("pohjat");
    let o = kooste(&[
        "template",
        "--all",
        "--year",
        "2022",
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "a_b_c_2022.xlsx",
            "kasko_2022.xlsx",
            "kuku_2022.xlsx",
            "sote_2022.xlsx",
            "x_2022.xlsx"
        ]
    );
    assert!(
        !dir.path().join("x_2022.xlsx").exists() && !root().join("x_2022.xlsx").exists(),
        "nothing outside the folder"
    );
    // An input named with characters a file system may refuse, annotated.
    let odd = dir.path().join("tiedosto ?*:<>.csv");
    std::fs::write(&odd, "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Kommentti\nX;KYMP;1;Kerho;Mikkola;toteutusvaihe;2021;1;x\n").unwrap();
    let ann = dir.path().join("takaisin");
    let o = kooste(&[
        "validate",
        odd.to_str().unwrap(),
        "--annotate",
        ann.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let written: Vec<String> = std::fs::read_dir(&ann)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["tiedosto ______tarkistettu.xlsx"]);
}

#[test]
fn outputs_do_not_depend_on_the_number_of_threads() {
    let run = |threads: &str| {
        let dir = tempfile::tempdir().unwrap();
        let o = kooste_command()
            .args([
                "build",
                "samples/2021",
                "tests/fixtures/hostile",
                "--draft",
                "--date",
                "2022-02-15",
                "--out",
            ])
            .arg(dir.path())
            .current_dir(root())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(1),
            "errors from the hostile files, outputs as drafts"
        );
        let x = std::fs::read(dir.path().join("kooste_2021.xlsx")).unwrap();
        let p = std::fs::read(dir.path().join("vuosiraportti_2021.pdf")).unwrap();
        let findings: Vec<String> = String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| !l.starts_with("Kirjoitettu"))
            .map(String::from)
            .collect();
        (findings, x, p)
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.0, four.0, "findings in the same order");
    assert!(one.1 == four.1 && one.2 == four.2, "byte-identical outputs");
}

#[test]
fn a_cell_long_only_in_excels_count_is_cut_too() {
    // 20 000 emoji are 20 000 characters but 40 000 UTF-16 units, which is
    // how Excel counts its 32 767; rust_xlsxwriter refused such a cell and
    // with it the whole workbook (exit 2).
    let dir = tempfile::tempdir().unwrap();
    let csv = format!(
        "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€)\n\
         M-1;KYMP;1;{};Mikkola;toteutusvaihe;2021;100\n",
        "🙂".repeat(20_000)
    );
    let input = input_folder(dir.path(), &[("kymp.csv", &csv)]);
    let xlsx = dir.path().join("k.xlsx");
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("varoitus[text-too-long]"),
        "{}",
        stdout(&o)
    );
    let rows = sheet(&xlsx, "Toimenpiteet");
    let name = rows[1][3].to_string();
    assert_eq!(name.encode_utf16().count(), 32_766, "16 383 emoji fit");
}

/// A workbook package without its workbook part (a damaged copy) is an
/// unreadable file naming the part, not a workbook without a measure
/// sheet; an OpenDocument spreadsheet with no sheet at all says so.
#[test]
fn a_package_without_its_workbook_part_is_unreadable() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.xlsx");
    let mut src =
        zip::ZipArchive::new(std::fs::File::open("samples/2021/kuku_2021.xlsx").unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(&damaged).unwrap());
    for i in 0..src.len() {
        let mut part = src.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name == "xl/workbook.xml" {
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
    let empty = dir.path().join("empty.ods");
    let mut ods = zip::ZipWriter::new(std::fs::File::create(&empty).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    ods.start_file("mimetype", stored).unwrap();
    ods.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    ods.start_file("content.xml", stored).unwrap();
    ods.write_all(
        b"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">\
          <office:body><office:spreadsheet/></office:body></office:document-content>",
    )
    .unwrap();
    ods.finish().unwrap();
    let o = kooste(&[
        "validate",
        damaged.to_str().unwrap(),
        empty.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("damaged.xlsx: error[unreadable-file]: The workbook lacks a part it needs: xl/workbook.xml."),
        "{text}"
    );
    assert!(
        text.contains("empty.ods: error[no-measure-sheet]: The workbook has no sheets."),
        "{text}"
    );
}
