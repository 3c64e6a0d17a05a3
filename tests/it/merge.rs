//! The consolidated workbook from `merge`: every sheet, live totals whose
//! stored results are right, the year-over-year round trip, exports, and
//! determinism.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::*;
use calamine::Data;

fn merge(args: &[&str]) -> std::process::Output {
    let mut all = vec!["merge"];
    all.extend_from_slice(args);
    let o = kooste(&all);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    o
}

/// Merges 2020 then 2021 with --previous; returns (dir, 2021 workbook).
fn round_trip(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let prev = dir.path().join("kooste_2020.xlsx");
    let cur = dir.path().join("kooste_2021.xlsx");
    merge(&[
        "samples/2020",
        "-o",
        prev.to_str().unwrap(),
        "--date",
        "2021-02-01",
    ]);
    let mut args = vec![
        "samples/2021",
        "-o",
        cur.to_str().unwrap(),
        "--previous",
        prev.to_str().unwrap(),
        "--date",
        "2022-02-01",
    ];
    args.extend_from_slice(extra);
    merge(&args);
    (dir, cur)
}

fn text(d: &Data) -> String {
    d.to_string()
}

/// The opening tag (`<c …>`) of cell `cell` (such as `H7`) in a sheet
/// part, found by its reference (every cell carries one).
fn cell_tag<'x>(xml: &'x str, cell: &str) -> &'x str {
    let open = format!("<c r=\"{cell}\"");
    let at = xml
        .find(&open)
        .unwrap_or_else(|| panic!("cell {cell} not written"));
    &xml[at..at + xml[at..].find('>').unwrap()]
}

#[test]
fn every_sheet_is_present() {
    let (_dir, xlsx) = round_trip(&["--per-department"]);
    assert_eq!(
        sheet_names(&xlsx),
        [
            "Yhteenveto",
            "Toimenpiteet",
            "KYMP",
            "KASKO",
            "KSJ",
            "SOTE",
            "KUKU",
            "Aluejako",
            "Kaaviot",
            "Vertailu",
            "Tarkistukset",
            "Lähteet"
        ]
    );
    let kuku = sheet(&xlsx, "KUKU");
    assert_eq!(kuku.len(), 1 + 6);
}

/// The measures tables are added over their first row and widened to every
/// row after saving (src/xlsx/fast/tables.rs); read back, each covers its sheet.
#[test]
fn measure_tables_cover_every_row() {
    use calamine::{Xlsx, open_workbook};
    let (_dir, xlsx) = round_trip(&["--per-department"]);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    wb.load_tables().unwrap();
    let mut names: Vec<String> = wb.table_names().into_iter().cloned().collect();
    names.sort();
    // The measures sheet and the five department sheets.
    assert_eq!(names.len(), 6, "{names:?}");
    let mut seen = Vec::new();
    for name in &names {
        let table = wb.table_by_name(name).unwrap();
        let rows = sheet(&xlsx, table.sheet_name()).len() - 1;
        assert_eq!(
            table.data().height(),
            rows,
            "{name} on {}",
            table.sheet_name()
        );
        assert_eq!(table.columns().len(), 18);
        assert_eq!(table.columns()[3], "Toimenpide");
        seen.push((table.sheet_name().to_string(), rows));
    }
    seen.sort();
    assert!(seen.contains(&("Toimenpiteet".to_string(), 24)), "{seen:?}");
    assert!(seen.contains(&("KUKU".to_string(), 6)), "{seen:?}");
    // The widened part keeps the rest of the table definition.
    let part = zip_part(&xlsx, "xl/tables/table1.xml");
    assert!(part.contains(r#"ref="A1:R25""#), "{part}");
    assert!(part.contains(r#"<autoFilter ref="A1:R25"/>"#), "{part}");
    assert!(part.contains("TableStyleMedium2"), "{part}");
}

/// Sums the measures sheet by the value in `key_col`: (count, budget, actual).
fn sums_by(measures: &[Vec<Data>], key_col: usize) -> HashMap<String, (f64, f64, f64)> {
    let mut out: HashMap<String, (f64, f64, f64)> = HashMap::new();
    for r in &measures[1..] {
        let e = out.entry(text(&r[key_col])).or_default();
        e.0 += 1.0;
        e.1 += num(&r[7]);
        e.2 += if r[8] == Data::Empty { 0.0 } else { num(&r[8]) };
    }
    out
}

#[test]
fn stored_formula_results_equal_the_sums_of_the_rows() {
    let (_dir, xlsx) = round_trip(&[]);
    let measures = sheet(&xlsx, "Toimenpiteet");
    let summary = sheet(&xlsx, "Yhteenveto");
    let budget: f64 = measures[1..].iter().map(|r| num(&r[7])).sum();
    assert_eq!(budget, 1_973_000.0, "the samples' total");
    let find = |label: &str| {
        summary
            .iter()
            .position(|r| text(&r[0]) == label)
            .unwrap_or_else(|| panic!("{label}"))
    };
    assert_eq!(num(&summary[find("Toimenpiteitä")][1]), 24.0);
    assert_eq!(num(&summary[find("Budjetti (€)")][1]), budget);
    // Every group row of the department, focus area and status tables.
    let mut checked = 0;
    for (heading, key_col) in [
        ("Toimialoittain", 1),
        ("Painopisteittäin", 2),
        ("Vaiheittain", 5),
    ] {
        let sums = sums_by(&measures, key_col);
        let start = find(heading) + 2;
        for row in summary[start..]
            .iter()
            .take_while(|r| text(&r[0]) != "Yhteensä")
        {
            let (count, b, s) = sums.get(&text(&row[0])).copied().unwrap_or_default();
            assert_eq!(num(&row[1]), count, "{heading}: {}", text(&row[0]));
            assert!(
                (num(&row[2]) - b).abs() < 0.005,
                "{heading}: {}",
                text(&row[0])
            );
            assert!(
                (num(&row[3]) - s).abs() < 0.005,
                "{heading}: {}",
                text(&row[0])
            );
            checked += 1;
        }
        let total = summary[start..]
            .iter()
            .find(|r| text(&r[0]) == "Yhteensä")
            .unwrap();
        assert_eq!(num(&total[2]), budget, "{heading} total");
    }
    assert_eq!(checked, 5 + 3 + 5);
    // Areas: the split sheet's shares add up to each measure's budget.
    let split = sheet(&xlsx, "Aluejako");
    let split_total: f64 = split[1..].iter().map(|r| num(&r[5])).sum();
    assert!((split_total - budget).abs() < 0.01, "{split_total}");
    let area_total = summary[find("Alueittain") + 2..]
        .iter()
        .find(|r| text(&r[0]) == "Yhteensä")
        .unwrap();
    assert!((num(&area_total[2]) - budget).abs() < 0.01);
}

#[test]
fn round_trip_finds_added_ended_and_changed_measures() {
    let (_dir, xlsx) = round_trip(&[]);
    let cmp = sheet(&xlsx, "Vertailu");
    let count = |label: &str| num(&cmp.iter().find(|r| text(&r[0]) == label).unwrap()[1]);
    assert_eq!(count("Uudet toimenpiteet"), 11.0);
    assert_eq!(count("Päättyneet toimenpiteet"), 2.0);
    assert_eq!(count("Jatkuvat toimenpiteet"), 13.0);
    assert_eq!(count("Muutokset: Vaihe"), 3.0);
    let names: Vec<String> = cmp.iter().map(|r| text(&r[2])).collect();
    for ended in ["Mikkolan puiston valaistus", "Perhekeskusten koronatuki"] {
        assert!(names.iter().any(|n| n == ended), "{ended}");
    }
    let change = cmp
        .iter()
        .find(|r| text(&r[0]) == "SOTE-01" && r.len() > 4 && text(&r[3]) == "suunnitteluvaihe")
        .expect("status change row");
    assert_eq!(text(&change[4]), "toteutusvaihe");
    let dept = cmp
        .iter()
        .find(|r| text(&r[0]) == "Kaupunkiympäristö")
        .unwrap();
    assert_eq!(
        (num(&dept[1]), num(&dept[2]), num(&dept[3])),
        (125_000.0, 290_000.0, 165_000.0)
    );
}

#[test]
fn reruns_with_a_date_are_byte_identical() {
    // The same inputs by the same paths: the earlier workbook's path is
    // listed among the sources, so the rerun is in the same folder.
    let (a, xa) = round_trip(&["--per-department"]);
    let first = std::fs::read(&xa).unwrap();
    let prev = a.path().join("kooste_2020.xlsx");
    merge(&[
        "samples/2021",
        "-o",
        xa.to_str().unwrap(),
        "--previous",
        prev.to_str().unwrap(),
        "--date",
        "2022-02-01",
        "--per-department",
    ]);
    assert!(std::fs::read(&xa).unwrap() == first, "workbooks differ");
}

#[test]
fn properties_names_charts_and_protection() {
    let (_dir, xlsx) = round_trip(&[]);
    let core = zip_part(&xlsx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Myönteisen erityiskohtelun toimintaohjelma 2021</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("2022-02-01T"),
        "creation date from --date: {core}"
    );
    // What `--previous` and `template --from` know it by.
    let custom = zip_part(&xlsx, "docProps/custom.xml");
    for (name, value) in [
        ("kooste", "consolidated"),
        ("kooste-programme", "MEK"),
        (
            "kooste-programme-name",
            "Myönteisen erityiskohtelun toimintaohjelma",
        ),
        ("kooste-year", "2021"),
    ] {
        assert!(
            custom.contains(&format!("name=\"{name}\"><vt:lpwstr>{value}</vt:lpwstr>")),
            "{custom}"
        );
    }
    let wb = zip_part(&xlsx, "xl/workbook.xml");
    for name in ["Total_Budget", "Total_Actual", "Total_Measures"] {
        assert!(wb.contains(&format!("name=\"{name}\"")), "{name}");
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let charts = (0..zip.len())
        .filter(|&i| {
            zip.by_index(i)
                .unwrap()
                .name()
                .unwrap()
                .starts_with("xl/charts/chart")
        })
        .count();
    assert_eq!(charts, 4, "three charts and budget by year");
    let summary = zip_part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(summary.contains("<sheetProtection"), "summary protected");
    let measures = zip_part(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(
        !measures.contains("<sheetProtection"),
        "measures left open for filtering"
    );
}

#[test]
fn csv_and_json_exports() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("k.xlsx");
    let (csv_fi, csv_plain, json) = (
        dir.path().join("fi.csv"),
        dir.path().join("plain.csv"),
        dir.path().join("k.json"),
    );
    merge(&[
        "samples/2021",
        "-o",
        x.to_str().unwrap(),
        "--csv",
        csv_fi.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    merge(&[
        "samples/2021",
        "-o",
        x.to_str().unwrap(),
        "--csv",
        csv_plain.to_str().unwrap(),
        "--csv-style",
        "plain",
    ]);
    let fi = std::fs::read(&csv_fi).unwrap();
    assert!(fi.starts_with("\u{feff}".as_bytes()), "BOM");
    let fi = String::from_utf8(fi).unwrap();
    assert!(fi.lines().next().unwrap().contains(";Budjetti (€);"));
    assert!(
        fi.contains(";12500,50;") || fi.contains(";250000;"),
        "decimal comma style"
    );
    assert_eq!(fi.lines().count(), 25);
    assert!(fi.contains("\r\n"));
    let plain = std::fs::read_to_string(&csv_plain).unwrap();
    assert!(plain.lines().next().unwrap().contains(",Budjetti (€),"));
    assert!(!plain.contains('\u{feff}'));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 24);
    let total: f64 = items
        .iter()
        .map(|m| m["budget_eur"].as_f64().unwrap())
        .sum();
    assert_eq!(total, 1_973_000.0);
    assert_eq!(items[0]["department"], "KYMP");
    assert!(items[0]["source_cell"].as_str().unwrap().starts_with('D'));
}

#[test]
fn formula_like_text_stays_text_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (x, c, j) = (
        dir.path().join("k.xlsx"),
        dir.path().join("k.csv"),
        dir.path().join("k.json"),
    );
    merge(&[
        "tests/fixtures/formula_injection.csv",
        "-o",
        x.to_str().unwrap(),
        "--csv",
        c.to_str().unwrap(),
        "--json",
        j.to_str().unwrap(),
    ]);
    let rows = sheet(&x, "Toimenpiteet");
    assert_eq!(
        rows[1][3],
        Data::String("=HYPERLINK(\"http://example.org\";\"klikkaa\")".into())
    );
    assert_eq!(rows[2][3], Data::String("@SUM(A1:A2)".into()));
    assert_eq!(rows[1][12], Data::String("+cmd|calc".into()));
    let xml = zip_part(&x, "xl/worksheets/sheet2.xml");
    assert!(!xml.contains("<f>HYPERLINK"), "no formula");
    assert!(!xml.contains("<f>SUM(A1"), "no formula");
    let rels = zip_part(&x, "xl/worksheets/_rels/sheet2.xml.rels");
    assert!(
        !rels.contains("hyperlink") && !xml.contains("<hyperlink"),
        "no hyperlinks on the measures sheet"
    );
    let csv = std::fs::read_to_string(&c).unwrap();
    assert!(
        csv.contains("'=HYPERLINK(")
            && csv.contains(";'@SUM(A1:A2);")
            && csv.contains(";'+cmd|calc;"),
        "{csv}"
    );
    let json = std::fs::read_to_string(&j).unwrap();
    assert!(json.contains("\"=HYPERLINK("), "JSON keeps the text as is");
}

#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn libreoffice_reads_the_comparison() {
    need("soffice");
    let (_dir, xlsx) = round_trip(&[]);
    // Recomputed by LibreOffice, not its stored results.
    let csv = libreoffice_csvs(&xlsx, true);
    let summary = &csv["Yhteenveto"];
    assert!(summary.contains("Yhteensä,24,1973000,1591500"), "{summary}");
    let cmp = &csv["Vertailu"];
    assert!(
        cmp.contains("Uudet toimenpiteet,11")
            && cmp.contains("Kaupunkiympäristö,125000,290000,165000"),
        "{cmp}"
    );
}

/// Every formula's stored result is what LibreOffice computes from it: the
/// workbook exported as stored and exported after recomputing is the same,
/// sheet by sheet.
#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn stored_results_are_what_the_formulas_compute() {
    need("soffice");
    let (_dir, xlsx) = round_trip(&["--per-department"]);
    let stored = libreoffice_csvs(&xlsx, false);
    let computed = libreoffice_csvs(&xlsx, true);
    assert_eq!(stored.len(), sheet_names(&xlsx).len());
    for (sheet, csv) in &stored {
        assert_eq!(&computed[sheet], csv, "{sheet}");
    }
}

/// The `s` attribute of cell `cell` in a sheet part, and what that style's
/// entry in `cellXfs` says (its number format code and whether it wraps).
fn cell_style(xlsx: &Path, part: &str, cell: &str) -> (String, bool) {
    let xml = zip_part(xlsx, part);
    let c = cell_tag(&xml, cell);
    let s: usize = c
        .split(" s=\"")
        .nth(1)
        .map_or(0, |v| v[..v.find('"').unwrap()].parse().unwrap());
    let styles = zip_part(xlsx, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs.split("<xf ").nth(s + 1).expect("style exists");
    let xf = &xf[..xf.find("</xf>").or(xf.find("/>")).unwrap()];
    let id = xf.split("numFmtId=\"").nth(1).unwrap();
    let id = &id[..id.find('"').unwrap()];
    let code = styles
        .split(&format!("<numFmt numFmtId=\"{id}\" formatCode=\""))
        .nth(1)
        .map_or(String::new(), |v| v[..v.find('"').unwrap()].to_string());
    (code, xf.contains("wrapText=\"1\""))
}

#[test]
fn large_sheets_read_back_whole_with_their_formats() {
    // Rows are made and compressed in blocks of 4 096; 10 000 measures make
    // three blocks per large sheet, joined into one part each.
    let dir = tempfile::tempdir().unwrap();
    let input = many_measures(dir.path(), 10_000);
    let xlsx = dir.path().join("k.xlsx");
    let o = merge(&[input.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // Every part inflates whole and matches its CRC (the zip crate checks
    // it at the end of each part).
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes.len() as u64, part.size(), "{:?}", part.name());
    }
    let measures = sheet(&xlsx, "Toimenpiteet");
    assert_eq!(measures.len(), 10_001);
    let mut ids: Vec<String> = measures[1..].iter().map(|r| text(&r[0])).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10_000);
    let budget: f64 = measures[1..].iter().map(|r| num(&r[7])).sum();
    assert_eq!(budget, 1_000_000.0);
    assert!(measures[1..].iter().all(|r| num(&r[9]) == 0.9));
    let split = sheet(&xlsx, "Aluejako");
    assert_eq!(split.len(), 10_001);
    let shared: f64 = split[1..].iter().map(|r| num(&r[5])).sum();
    assert!((shared - 1_000_000.0).abs() < 1e-6, "{shared}");
    let part = zip_part(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(part.contains(r#"<dimension ref="A1:R10001"/>"#));
    // The cells carry their columns' formats, the last row as the first.
    for row in [2, 10_001] {
        let (euro, _) = cell_style(&xlsx, "xl/worksheets/sheet2.xml", &format!("H{row}"));
        assert!(euro.contains("€"), "{euro}");
        let (percent, _) = cell_style(&xlsx, "xl/worksheets/sheet2.xml", &format!("J{row}"));
        assert!(percent.contains('%'), "{percent}");
        let (_, wraps) = cell_style(&xlsx, "xl/worksheets/sheet2.xml", &format!("D{row}"));
        assert!(wraps);
        let (plain, wraps) = cell_style(&xlsx, "xl/worksheets/sheet2.xml", &format!("A{row}"));
        assert!(plain.is_empty() && !wraps, "{plain}");
    }
}

#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn libreoffice_reads_the_large_sheets_whole() {
    need("soffice");
    let dir = tempfile::tempdir().unwrap();
    let input = many_measures(dir.path(), 10_000);
    let xlsx = dir.path().join("k.xlsx");
    merge(&[input.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]);
    let csvs = libreoffice_csvs(&xlsx, false);
    assert_eq!(csvs["Toimenpiteet"].lines().count(), 10_001);
    assert_eq!(csvs["Aluejako"].lines().count(), 10_001);
}

#[test]
fn findings_link_to_the_rows_they_are_about() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(
        dir.path(),
        &[(
            "kymp.csv",
            "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n\
             A-1;KYMP;1;Ensimmäinen;Mikkola;toteutusvaihe;2021;100;90\n\
             A-2;KYMP;1;Ylittävä;Mikkola;toteutusvaihe;2021;100;150\n",
        )],
    );
    let xlsx = dir.path().join("k.xlsx");
    let o = merge(&[input.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let findings = sheet(&xlsx, "Tarkistukset");
    let row = findings
        .iter()
        .position(|r| text(&r[1]) == "spent-exceeds-budget")
        .expect("the overspend is a finding");
    assert_eq!(
        text(&findings[row][2]),
        "Käytetty summa ylittää varatun",
        "the code's title beside it"
    );
    assert_eq!(text(&findings[row][8]), "3", "the measure's row");
    assert_eq!(text(&sheet(&xlsx, "Toimenpiteet")[2][0]), "A-2");
    let part = zip_part(&xlsx, "xl/worksheets/sheet5.xml");
    let link = format!(
        r#"<hyperlink ref="I{}" location="'Toimenpiteet'!A3" display="3"/>"#,
        row + 1
    );
    assert!(part.contains(&link), "{part}");
    // The linked cell is in the workbook's Hyperlink cell style.
    let s: usize = cell_tag(&part, &format!("I{}", row + 1))
        .split(" s=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let styles = zip_part(&xlsx, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(s + 1).unwrap();
    let xf_id = xf
        .split("xfId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        styles.contains(&format!(
            r#"<cellStyle name="Hyperlink" xfId="{xf_id}" builtinId="8"/>"#
        )),
        "{styles}"
    );
}

#[test]
fn a_draft_leaves_out_the_rows_a_cross_file_error_is_about() {
    let dir = tempfile::tempdir().unwrap();
    let head = "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€)\n";
    let a = format!(
        "{head}A-1;KYMP;1;Sama nimi;Mikkola;toteutusvaihe;2021;100\n\
         A-2;KYMP;1;Toinen;Mikkola;toteutusvaihe;2021;100\n"
    );
    let b = format!("{head}B-1;KYMP;1;Sama nimi;Mikkola;toteutusvaihe;2021;100\n");
    let input = input_folder(dir.path(), &[("a.csv", &a), ("b.csv", &b)]);
    let xlsx = dir.path().join("k.xlsx");
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
        "--draft",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("b.csv!b!D2: virhe[duplicate-measure]"),
        "{}",
        stdout(&o)
    );
    let ids: Vec<String> = sheet(&xlsx, "Toimenpiteet")[1..]
        .iter()
        .map(|r| text(&r[0]))
        .collect();
    assert_eq!(ids, ["A-1", "A-2"]);
}

/// openpyxl, the reader behind pandas, finds every cell where calamine
/// does, with the same value: both readers must place the cells of the
/// large sheets, which kooste writes itself, alike (the per-department
/// sheets and the gaps of empty optional fields included).
#[test]
#[ignore = "needs python3 with openpyxl: run by .ci/run"]
fn openpyxl_reads_the_cells_calamine_reads() {
    need_openpyxl();
    let (_dir, xlsx) = round_trip(&["--per-department"]);
    let script = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
print(json.dumps({ws.title: [[c.row - 1, c.column - 1, c.value if isinstance(c.value, (int, float, str)) else str(c.value)]
    for row in ws.iter_rows() for c in row if c.value is not None] for ws in wb}))
"#;
    let o = std::process::Command::new("python3")
        .args(["-c", script, xlsx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let theirs: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&o.stdout).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(theirs.len(), sheet_names(&xlsx).len());
    for (name, cells) in &theirs {
        let range = calamine::Reader::worksheet_range(&mut book, name).unwrap();
        let ours: Vec<(u32, u32, &Data)> = range
            .used_cells()
            .filter(|(_, _, d)| !matches!(d, Data::Empty))
            .map(|(r, c, d)| {
                let (r0, c0) = range.start().unwrap();
                (r0 + r as u32, c0 + c as u32, d)
            })
            .collect();
        let cells = cells.as_array().unwrap();
        assert_eq!(ours.len(), cells.len(), "{name}");
        for ((r, c, d), cell) in ours.iter().zip(cells) {
            let at = format!("{name}!{cell}");
            assert_eq!(cell[0].as_u64(), Some(u64::from(*r)), "{at}");
            assert_eq!(cell[1].as_u64(), Some(u64::from(*c)), "{at}");
            match d {
                Data::String(s) => assert_eq!(cell[2].as_str(), Some(s.as_str()), "{at}"),
                // serde_json's float parsing may be an ulp off.
                Data::Float(_) | Data::Int(_) => {
                    let v = cell[2].as_f64().unwrap();
                    assert!((v - num(d)).abs() <= 1e-12 * v.abs().max(1.0), "{at}");
                }
                _ => {}
            }
        }
    }
}
