//! The annual report PDF, read back as a reader would: pdftotext, qpdf,
//! pdffonts and pdfinfo (installed by .ci/run).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use sha2::Digest;

fn report(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    let mut all = vec![
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2022-02-15",
    ];
    all.extend_from_slice(args);
    let o = kooste(&all);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    (dir, pdf)
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let o = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Text of the whole PDF in reading order, with no-break spaces as spaces.
fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-raw"], pdf).replace('\u{a0}', " ")
}

/// The text of each page as lopdf extracts it (through the fonts'
/// ToUnicode maps), without an external tool.
fn own_text(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("lopdf reads the PDF");
    doc.get_pages()
        .keys()
        .map(|&p| doc.extract_text(&[p]).expect("the page's text"))
        .collect()
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fails the test unless poppler's tools and qpdf are there (see [`need`]).
fn need_poppler() {
    for tool in ["pdftotext", "pdfinfo", "pdffonts", "qpdf"] {
        need(tool);
    }
}

#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo, pdffonts) and qpdf: run by .ci/run"]
fn sample_report_carries_every_measure_and_total() {
    need_poppler();
    let (_dir, pdf) = report(&["samples/2021"]);
    let all = flat(&text(&pdf));
    let xlsx_dir = tempfile::tempdir().unwrap();
    let xlsx = xlsx_dir.path().join("k.xlsx");
    assert!(
        kooste(&["merge", "samples/2021", "-o", xlsx.to_str().unwrap()])
            .status
            .success()
    );
    for row in &sheet(&xlsx, "Toimenpiteet")[1..] {
        let name = flat(&row[3].to_string());
        assert!(all.contains(&name), "measure missing: {name}");
    }
    for (dept, total) in [
        ("Kaupunkiympäristö", "290 000 €"),
        ("Kasvatus ja oppiminen", "382 000 €"),
        ("Kaupunkistrategia ja johto", "333 000 €"),
        ("Kaupunkikulttuuri", "658 000 €"),
    ] {
        assert!(
            all.contains(&format!("{dept} ")) && all.contains(total),
            "{dept} {total}"
        );
    }
    assert!(
        all.contains("Yhteensä 24 1 973 000 € 1 591 500 € 80,7 % 21,0"),
        "programme total row"
    );
    assert!(all.contains("Sivu 3 / "), "page numbers");
    let info = tool("pdfinfo", &[], &pdf);
    assert!(
        info.contains(
            "Title:           Myönteisen erityiskohtelun toimintaohjelma – Vuosiraportti 2021"
        ),
        "{info}"
    );
    assert!(info.contains("Author:          Vantaan kaupunki"));
    let fonts = tool("pdffonts", &[], &pdf);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "embedded: {line}");
        assert_eq!(
            cols[cols.len() - 4],
            "no",
            "subset flag as printpdf writes it: {line}"
        );
    }
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
    assert!(std::fs::metadata(&pdf).unwrap().len() < 300_000);
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Lang"), "document language");
    assert!(has(b"/GoTo"), "contents links");
}

#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo, pdffonts) and qpdf: run by .ci/run"]
fn long_table_repeats_its_header_on_every_page() {
    need_poppler();
    let dir = tempfile::tempdir().unwrap();
    let csv = many_measures(dir.path(), 500);
    let (_d, pdf) = report(&[csv.to_str().unwrap()]);
    let pages: usize = tool("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut table_pages = 0;
    for p in 1..=pages {
        let page = tool(
            "pdftotext",
            &["-raw", "-f", &p.to_string(), "-l", &p.to_string()],
            &pdf,
        );
        if page.contains("Mikkola toteutusvaihe 100 €") {
            table_pages += 1;
            assert!(
                page.contains("Toimenpide Toimiala Alue Vaihe Budjetti"),
                "page {p} lacks the header row:\n{page}"
            );
        }
    }
    assert!(
        table_pages >= 5,
        "500 measures span several pages ({table_pages})"
    );
    let all = text(&pdf);
    assert!(all.contains("Toimenpide numero 00000") && all.contains("Toimenpide numero 00499"));
}

#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo, pdffonts) and qpdf: run by .ci/run"]
fn swedish_and_english_reports_have_their_own_headings_and_numbers() {
    need_poppler();
    let (_a, sv) = report(&["samples/2021", "--lang", "sv"]);
    let sv = flat(&text(&sv));
    for s in [
        "Årsrapport 2021",
        "Innehåll",
        "Nyckeltal",
        "Sektorerna",
        "1 973 000 €",
        "80,7 %",
        "Sida 2 /",
        "15 februari 2022",
    ]
    .iter()
    .filter(|s| !s.contains("februari"))
    {
        assert!(sv.contains(s), "sv: {s}");
    }
    assert!(sv.contains("15.2.2022"), "Finland-Swedish date");
    let (_b, en) = report(&["samples/2021", "--lang", "en"]);
    let en = flat(&text(&en));
    for s in [
        "Annual report 2021",
        "Contents",
        "Key figures",
        "Departments",
        "€1,973,000",
        "80.7%",
        "Page 2 /",
        "15 February 2022",
    ] {
        assert!(en.contains(s), "en: {s}");
    }
}

#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo, pdffonts) and qpdf: run by .ci/run"]
fn draft_word_on_every_page() {
    need_poppler();
    let (_d, pdf) = report(&["samples/2021", "--draft"]);
    let pages: usize = tool("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for p in 1..=pages {
        // The word runs diagonally: pdftotext gives it a letter a line.
        let page: String = tool(
            "pdftotext",
            &["-raw", "-f", &p.to_string(), "-l", &p.to_string()],
            &pdf,
        )
        .split_whitespace()
        .collect();
        assert!(page.contains("LUONNOS"), "page {p}");
    }
    let info = tool("pdfinfo", &[], &pdf);
    assert!(info.contains("Title:           LUONNOS: "), "{info}");
}

#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo, pdffonts) and qpdf: run by .ci/run"]
fn year_over_year_section_with_previous() {
    need_poppler();
    let dir = tempfile::tempdir().unwrap();
    let prev = dir.path().join("k2020.xlsx");
    assert!(
        kooste(&["merge", "samples/2020", "-o", prev.to_str().unwrap()])
            .status
            .success()
    );
    let (_d, pdf) = report(&["samples/2021", "--previous", prev.to_str().unwrap()]);
    let all = flat(&text(&pdf));
    assert!(all.contains("Vertailu edelliseen vuoteen"));
    assert!(
        all.contains("Uudet toimenpiteet 11") && all.contains("Päättyneet toimenpiteet 2"),
        "{all}"
    );
    assert!(all.contains("suunnitteluvaihe toteutusvaihe 3"));
    // The earlier year's workbook is a source, with its SHA-256.
    let sha: String = sha2::Sha256::digest(std::fs::read(&prev).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let squeezed: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squeezed.contains(&sha), "{all}");
    assert!(squeezed.contains("k2020.xlsx"), "{all}");
}

#[test]
fn report_template_changes_wording_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("t.toml");
    std::fs::write(&tpl, "[[sections]]\nkind = \"departments\"\ntitle = \"Rahat {year}\"\n\n[[sections]]\nkind = \"cover\"\ntitle = \"Kansi\"\n").unwrap();
    let (_d, pdf) = report(&["samples/2021", "--report-template", tpl.to_str().unwrap()]);
    let all = own_text(&pdf).concat();
    assert!(all.find("Rahat 2021").unwrap() < all.find("Kansi").unwrap());
    assert!(!all.contains("Tunnusluvut"));
    // The foreword opens the key figures, before the section's own text
    // and the summary written from the figures.
    std::fs::write(
        &tpl,
        "foreword = \"Esipuhe {year}.\"\n[[sections]]\nkind = \"key_figures\"\n\
         title = \"Luvut\"\ntext = \"Johdanto.\"\n",
    )
    .unwrap();
    let (_d, pdf) = report(&["samples/2021", "--report-template", tpl.to_str().unwrap()]);
    let all = flat(&own_text(&pdf).concat());
    let at = |s: &str| all.find(s).unwrap_or_else(|| panic!("{s:?} not in {all}"));
    assert!(at("Luvut") < at("Esipuhe 2021.") && at("Esipuhe 2021.") < at("Johdanto."));
    assert!(
        at("Johdanto.") < at("Vuonna 2021 ohjelmassa oli 24"),
        "{all}"
    );
    std::fs::write(&tpl, "[[sections]]\nkind = \"nonsense\"\ntitle = \"x\"\n").unwrap();
    let o = kooste(&[
        "report",
        "samples/2021",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
        "--report-template",
        tpl.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("t.toml, rivi 2: raporttipohja ei ole kelvollinen"),
        "{}",
        stderr(&o)
    );
    // The TOML parser's own words, with --verbose.
    let o = kooste(&[
        "report",
        "samples/2021",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
        "--report-template",
        tpl.to_str().unwrap(),
        "--verbose",
    ]);
    assert!(stderr(&o).contains("nonsense"), "{}", stderr(&o));
}

/// Templates that would give a wrong or unreadable report are refused
/// with exit 2, naming the file and the place, and no report is written:
/// a misspelt placeholder (printed as it is in a published report), a
/// title with nothing to see (an empty heading, contents entry and
/// bookmark), lists of no rows (focus areas that look empty).
#[test]
fn report_templates_that_would_mislead_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("t.toml");
    let out = dir.path().join("y.pdf");
    for (template, said) in [
        (
            "[[sections]]\nkind = \"cover\"\ntitle = \"Vuosiraportti {vuosi}\"\n",
            "t.toml, kohta sections[1].title: raporttipohjassa on tuntematon paikkamerkki \
             {vuosi}. Raportti täyttää vain nämä: {year}, {first}",
        ),
        (
            "[[sections]]\nkind = \"cover\"\ntitle = \" \\u200b \"\n",
            "t.toml, kohta sections[1].title: osion otsikko on tyhjä.",
        ),
        (
            "list_limit = 0\n[[sections]]\nkind = \"cover\"\ntitle = \"Kansi\"\n",
            "t.toml: list_limit = 0 jättäisi jokaisen luettelon tyhjäksi",
        ),
    ] {
        std::fs::write(&tpl, template).unwrap();
        let o = kooste(&[
            "report",
            "samples/2021",
            "-o",
            out.to_str().unwrap(),
            "--report-template",
            tpl.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(said), "{}", stderr(&o));
        assert!(!out.exists());
    }
}

/// A report of 2 000 measures whose template lists at most 1 000 rows a
/// list, read back with lopdf: the key figures and the department totals
/// are the measures' sums, every measure is listed once, each page of the
/// long table repeats its header, and the page numbers (on every page but
/// the cover) count the pages there are. (A list cut by the default
/// `list_limit` of 5 000 is the same code; a tagged report of 10 000
/// measures took 18 s of the tests' time in the unoptimised dev profile.)
#[test]
fn every_measure_is_in_the_report_and_long_lists_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    let csv = many_measures(dir.path(), 2_000);
    let template = dir.path().join("report.toml");
    let text = std::fs::read_to_string("templates/report_fi.toml").unwrap();
    std::fs::write(&template, format!("list_limit = 1000\n{text}")).unwrap();
    let (_d, pdf) = report(&[
        csv.to_str().unwrap(),
        "--report-template",
        template.to_str().unwrap(),
    ]);
    let pages: Vec<String> = own_text(&pdf)
        .iter()
        .map(|p| p.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    let n = pages.len();
    // The cover has no page number; every other page has.
    assert!(!pages[0].contains("Sivu 1 /"), "cover: {}", pages[0]);
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.trim_end().ends_with(&format!("Sivu {} / {n}", i + 1)),
            "page {}: {page}",
            i + 1
        );
    }
    let key = flat(&pages[2]);
    assert!(
        key.starts_with("Tunnusluvut")
            && key.contains("Toimenpiteitä 2 000")
            && key.contains("Budjetti (€) 200 000 € Toteuma (€) 180 000 € Käyttöaste 90,0 %"),
        "{key}"
    );
    let departments = flat(&pages[3]);
    assert!(
        departments.contains("Yhteensä 2 000 200 000 € 180 000 € 90,0 %"),
        "{departments}"
    );
    // Every measure once in the focus areas' tables; the first 1 000 in
    // merged order (departments in the config's order: KYMP, KASKO, half
    // of KSJ) once more in the area's list, which the list_limit closes
    // with a count of the other 1 000.
    let all = pages.concat();
    let mut listed = vec![0; 2_000];
    for at in all
        .match_indices("Toimenpide numero ")
        .map(|(at, _)| at + 18)
    {
        listed[all[at..at + 5].parse::<usize>().unwrap()] += 1;
    }
    let wrong: Vec<(usize, i32)> = listed
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            c != if i % 5 < 2 || (i % 5 == 2 && i < 1_000) {
                2
            } else {
                1
            }
        })
        .map(|(i, c)| (i, *c))
        .collect();
    assert!(
        wrong.is_empty(),
        "measures listed a wrong number of times: {wrong:?}"
    );
    assert_eq!(flat(&all).matches("… ja 1 000 muuta.").count(), 1);
    // The figures' headers wrap between words in the seven columns.
    let header = "Toimenpide\nToimiala\nAlue\nVaihe\nBudjetti\n(€)\nToteuma\n(€)\nKäyttöaste\n";
    let table: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("\nMikkola\ntoteutusvaihe\n100 €\n"))
        .collect();
    assert!(table.len() > 20, "{} pages of measures", table.len());
    for page in table {
        assert!(page.contains(header), "no header row: {page}");
    }
}

/// `list_limit` in the template caps each list; a closing line counts the
/// rest. 30 measures in one area and three focus areas, ten to a list.
#[test]
#[ignore = "needs poppler (pdftotext): run by .ci/run"]
fn long_lists_end_with_a_count_of_the_rest() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let csv = many_measures(dir.path(), 30);
    let builtin = std::fs::read_to_string(root().join("templates/report_fi.toml")).unwrap();
    let tpl = dir.path().join("t.toml");
    std::fs::write(&tpl, format!("list_limit = 4\n{builtin}")).unwrap();
    let (_d, pdf) = report(&[
        csv.to_str().unwrap(),
        "--report-template",
        tpl.to_str().unwrap(),
    ]);
    let all = flat(&text(&pdf));
    // Each focus area lists 4 of its 10, the area 4 of its 30.
    assert_eq!(
        all.matches("… ja 6 muuta. Kaikki ovat koosteen työkirjassa.")
            .count(),
        3,
        "{all}"
    );
    assert_eq!(all.matches("… ja 26 muuta.").count(), 1, "{all}");
    assert!(all.contains("Toimenpide numero 00000"));
    // Measure 29 is the last of its focus area and of the area: not listed.
    assert!(!all.contains("Toimenpide numero 00029"), "{all}");
    // Without the setting every row is listed.
    let (_e, full) = report(&[csv.to_str().unwrap()]);
    let all = flat(&text(&full));
    assert!(all.contains("Toimenpide numero 00029") && !all.contains("muuta. Kaikki"));
}
