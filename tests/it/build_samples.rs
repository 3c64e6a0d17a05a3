//! The main job on the bundled samples, checked as real clients see the outputs.

use std::process::Command;

use crate::common::*;
use calamine::Data;
use kooste::model::parse::parse_euros;

/// Builds the 2021 samples into a fresh folder; returns the folder.
fn build_samples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = kooste(&[
        "build",
        "samples/2021",
        "--out",
        out,
        "--date",
        "2022-02-15",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("0 virhettä"), "{}", stdout(&o));
    dir
}

/// The sum of the budget figures on the total rows of the sample files,
/// read from the inputs with calamine (independently of kooste's reader).
fn sample_total_rows_budget() -> f64 {
    let mut total = 0.0;
    for entry in std::fs::read_dir(root().join("samples/2021")).unwrap() {
        let path = entry.unwrap().path();
        let rows = sheet(&path, "Toimenpiteet");
        let header = rows
            .iter()
            .position(|r| r.iter().any(|c| *c == "Budjetti (€)"))
            .unwrap();
        let col = rows[header]
            .iter()
            .position(|c| *c == "Budjetti (€)")
            .unwrap();
        let total_row = rows
            .iter()
            .find(|r| r.first().map(|c| c.to_string()) == Some("Yhteensä".into()))
            .unwrap();
        total += match &total_row[col] {
            Data::String(s) => parse_euros(s).unwrap().euros(),
            d => num(d),
        };
    }
    total
}

#[test]
fn build_writes_workbook_and_report() {
    let dir = build_samples();
    assert!(dir.path().join("kooste_2021.xlsx").is_file());
    assert!(dir.path().join("vuosiraportti_2021.pdf").is_file());
    let names = sheet_names(&dir.path().join("kooste_2021.xlsx"));
    assert_eq!(
        names,
        [
            "Yhteenveto",
            "Toimenpiteet",
            "Aluejako",
            "Kaaviot",
            "Tarkistukset",
            "Lähteet"
        ]
    );
}

#[test]
fn workbook_totals_equal_sum_of_sample_rows() {
    let dir = build_samples();
    let xlsx = dir.path().join("kooste_2021.xlsx");
    let measures = sheet(&xlsx, "Toimenpiteet");
    assert_eq!(measures.len(), 1 + 24, "24 measures in the 2021 samples");
    let budget_sum: f64 = measures[1..].iter().map(|r| num(&r[7])).sum();
    let spent_sum: f64 = measures[1..].iter().map(|r| num(&r[8])).sum();
    assert_eq!(budget_sum, sample_total_rows_budget());
    let summary = sheet(&xlsx, "Yhteenveto");
    let totals: Vec<&Vec<Data>> = summary.iter().filter(|r| r[0] == "Yhteensä").collect();
    assert_eq!(
        totals.len(),
        4,
        "by department, focus area, status and area"
    );
    for row in &totals[..3] {
        assert_eq!(num(&row[1]), 24.0);
        assert_eq!(num(&row[2]), budget_sum, "cached SUM result");
        assert_eq!(num(&row[3]), spent_sum);
    }
    assert!(
        (num(&totals[3][2]) - budget_sum).abs() < 0.01,
        "area shares add up to the total"
    );
}

#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn libreoffice_shows_the_summary_totals() {
    need("soffice");
    let dir = build_samples();
    // As LibreOffice shows it by default: the stored results.
    let csv = &libreoffice_csvs(&dir.path().join("kooste_2021.xlsx"), false)["Yhteenveto"];
    let expected = sample_total_rows_budget();
    let total_lines: Vec<&str> = csv.lines().filter(|l| l.starts_with("Yhteensä,")).collect();
    assert_eq!(total_lines.len(), 4, "{csv}");
    for line in &total_lines[..3] {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[1], "24", "{line}");
        assert_eq!(cells[2].parse::<f64>().unwrap(), expected, "{line}");
    }
}

#[test]
#[ignore = "needs qpdf and poppler (pdffonts, pdftotext): run by .ci/run"]
fn pdf_is_valid_embeds_its_font_and_keeps_finnish_letters() {
    need("qpdf");
    need("pdffonts");
    need("pdftotext");
    let dir = build_samples();
    let pdf = dir.path().join("vuosiraportti_2021.pdf");
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let fonts =
        String::from_utf8(Command::new("pdffonts").arg(&pdf).output().unwrap().stdout).unwrap();
    let font_lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!font_lines.is_empty(), "{fonts}");
    for l in font_lines {
        let cols: Vec<&str> = l.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {l}");
    }
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args(["-raw"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // A word the layout hyphenated at a line's end is joined again, as
    // pdftotext does without -raw (and as the tags read it: the hyphen is
    // an artifact).
    let mut joined = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("-\n") {
        let next = rest[at + 2..].chars().next();
        joined.push_str(&rest[..at]);
        if !next.is_some_and(char::is_lowercase) {
            joined.push_str("-\n");
        }
        rest = &rest[at + 2..];
    }
    joined.push_str(rest);
    let flat = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let measures = sheet(&dir.path().join("kooste_2021.xlsx"), "Toimenpiteet");
    for row in &measures[1..] {
        let name = row[3].to_string();
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&name), "measure missing from the PDF: {name}");
    }
    for word in [
        "Länsimäen yläkoulun pihan varustaminen",
        "Yläkoulujen erityisnuorisotyöntekijät (6)",
        "Kaupunkiympäristö",
    ] {
        assert!(flat.contains(word), "{word} missing");
    }
    // pdftotext gives no-break spaces back as spaces.
    assert!(
        text.replace('\u{a0}', " ").contains("1 973 000 €"),
        "programme total missing"
    );
    assert!(
        std::fs::metadata(&pdf).unwrap().len() < 300_000,
        "fonts are subset"
    );
}

#[test]
fn reruns_with_a_date_are_byte_identical() {
    let a = build_samples();
    let b = build_samples();
    for name in ["kooste_2021.xlsx", "vuosiraportti_2021.pdf"] {
        let x = std::fs::read(a.path().join(name)).unwrap();
        let y = std::fs::read(b.path().join(name)).unwrap();
        assert!(x == y, "{name} differs between runs");
    }
}

#[test]
fn earlier_year_samples_build_too() {
    let dir = tempfile::tempdir().unwrap();
    let o = kooste(&[
        "build",
        "samples/2020",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(dir.path().join("kooste_2020.xlsx").is_file());
}

/// The workbook as LibreOffice prints it (to PDF): each page's width and
/// height in points and its text, page by page.
fn printed(xlsx: &std::path::Path) -> (Vec<(f64, f64)>, Vec<String>) {
    let dir = xlsx.parent().unwrap();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = xlsx.with_extension("pdf");
    let info = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "9999"])
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let sizes = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let n: Vec<f64> = l
                .split_once("size:")
                .unwrap()
                .1
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (n[0], n[1])
        })
        .collect();
    let text = Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let pages = String::from_utf8(text.stdout)
        .unwrap()
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect();
    (sizes, pages)
}

/// The words printed on page `page` (from 1) of `pdf` with their heights
/// in points, as poppler finds them (`pdftotext -bbox`).
fn printed_words(pdf: &std::path::Path, page: usize) -> Vec<(String, f64)> {
    let n = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-bbox", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(o.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let word = rest.split('<').next().unwrap();
            let word = word.replace("&amp;", "&").replace("&quot;", "\"");
            (word, attr(tag, "yMax") - attr(tag, "yMin"))
        })
        .collect()
}

/// The sheet a printed page is of: the page header ends with its name.
fn sheet_of(page: &str) -> &str {
    let head = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    head.split_whitespace().last().unwrap_or("")
}

/// Printed (from LibreOffice), the samples' workbook is a few landscape
/// pages, one page wide, the measures sheet on one A3 page with text of
/// at least 7.2 pt and every word of its long text columns; with more measures, the measures sheet goes on
/// over pages that each repeat its header row.
#[test]
#[ignore = "needs LibreOffice (soffice) and poppler (pdfinfo, pdftotext): run by .ci/run"]
fn the_workbook_prints_on_few_landscape_pages_with_its_header_row() {
    need("soffice");
    need("pdfinfo");
    need("pdftotext");
    let dir = build_samples();
    let (sizes, pages) = printed(&dir.path().join("kooste_2021.xlsx"));
    assert!(
        (4..=10).contains(&sizes.len()),
        "{} pages: {sizes:?}",
        sizes.len()
    );
    assert_eq!(sizes.len(), pages.len());
    for (w, h) in &sizes {
        assert!(w > h, "landscape: {w} x {h}");
    }
    let sheets: Vec<&str> = pages.iter().map(|p| sheet_of(p)).collect();
    assert_eq!(
        sheets.iter().filter(|s| **s == "Toimenpiteet").count(),
        1,
        "the 24 measures on one page: {sheets:?}"
    );
    // The measures sheet on A3 (1190.55 x 841.89 pt), its text legible: at
    // A4 width it printed at 3.8 pt (issue 21 item 7).
    let at = sheets.iter().position(|s| *s == "Toimenpiteet").unwrap();
    let (w, h) = sizes[at];
    assert!(
        (w - 1190.55).abs() < 1.0 && (h - 841.89).abs() < 1.0,
        "A3: {w} x {h}"
    );
    let pdf = dir.path().join("kooste_2021.pdf");
    let words = printed_words(&pdf, at + 1);
    let mut heights: Vec<f64> = words.iter().map(|(_, h)| *h).collect();
    heights.sort_by(f64::total_cmp);
    let median = heights[heights.len() / 2];
    assert!(median >= 7.2, "printed text {median} pt high");
    // Wrapped, nothing cut: every word of the long text columns is printed
    // (in pieces, as LibreOffice also breaks lines after `-` and `/`).
    let pieces = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    };
    let seen: std::collections::HashSet<String> =
        words.iter().flat_map(|(w, _)| pieces(w)).collect();
    let measures = sheet(&dir.path().join("kooste_2021.xlsx"), "Toimenpiteet");
    for head in [
        "Toimiala",
        "Painopiste",
        "Toimenpide",
        "Alue",
        "Vaikuttavuustarina",
    ] {
        let c = measures[0].iter().position(|d| *d == head).unwrap();
        for row in &measures[1..] {
            for word in pieces(&row[c].to_string()) {
                assert!(seen.contains(&word), "{head}: {word:?} not printed");
            }
        }
    }
    for p in &pages {
        assert!(
            p.contains("Myönteisen erityiskohtelun toimintaohjelma 2021"),
            "programme and year on every page: {p}"
        );
    }

    // 600 measures: the measures sheet over several pages, each with the header row.
    let many = tempfile::tempdir().unwrap();
    let input = many_measures(many.path(), 600);
    let xlsx = many.path().join("kooste.xlsx");
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (sizes, pages) = printed(&xlsx);
    assert!(sizes.iter().all(|(w, h)| w > h), "{sizes:?}");
    let measures: Vec<&String> = pages
        .iter()
        .filter(|p| sheet_of(p) == "Toimenpiteet")
        .collect();
    assert!(measures.len() > 1, "{}", measures.len());
    for p in measures {
        for head in ["Tunnus", "Toimiala", "Painopiste", "Toimenpide", "Vaihe"] {
            assert!(p.contains(head), "{head} missing on a measures page: {p}");
        }
    }
}

/// Every chart's value axis starts at zero, the figures of the summary are
/// numbers in the formats of the report (whole euros, grouped counts), and
/// every sheet is set up for printing.
#[test]
fn the_workbook_is_set_up_for_paper() {
    let dir = build_samples();
    let xlsx = dir.path().join("kooste_2021.xlsx");
    // The titles read naturally from the programme's `by` and `short`
    // phrases (templates/programme.toml), as before issue 21 item 4.
    let titles = [
        "Budjetti ja toteuma toimialoittain",
        "Budjetti painopisteittäin",
        "Toimenpiteet vaiheittain toimialoittain",
    ];
    for (n, title) in (1..=3).zip(titles) {
        let chart = zip_part(&xlsx, &format!("xl/charts/chart{n}.xml"));
        assert!(chart.contains("<c:min val=\"0\"/>"), "chart {n}: {chart}");
        assert!(
            chart.contains(&format!("<a:t>{title}</a:t>")),
            "chart {n}: {chart}"
        );
    }
    let styles = zip_part(&xlsx, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"#,##0\\ &quot;€&quot;\""),
        "{styles}"
    );
    assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
    assert!(
        !styles.contains("#,##0.00"),
        "whole euros, as the report: {styles}"
    );
    let summary = sheet(&xlsx, "Yhteenveto");
    assert_eq!(num(&summary[2][1]), 2021.0, "the year a number");
    assert!(
        matches!(summary[4][1], Data::DateTime(_)),
        "the date a date: {:?}",
        summary[4][1]
    );
    let workbook = zip_part(&xlsx, "xl/workbook.xml");
    assert!(
        workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">Toimenpiteet!$1:$1</definedName>"),
        "{workbook}"
    );
    for n in 1..=sheet_names(&xlsx).len() {
        let ws = zip_part(&xlsx, &format!("xl/worksheets/sheet{n}.xml"));
        // The measures sheet (the second) on A3, the others on A4.
        let paper = if n == 2 {
            "paperSize=\"8\""
        } else {
            "paperSize=\"9\""
        };
        assert!(ws.contains(paper), "sheet {n}: {paper}");
        assert!(
            ws.contains("orientation=\"landscape\"") && ws.contains("fitToHeight=\"0\""),
            "sheet {n}"
        );
        assert!(ws.contains("<oddHeader>&amp;L"), "sheet {n}");
    }
}
