//! The report's layout at the edges of what kooste accepts: amounts near
//! the largest, names thousands of characters long, a hundred
//! departments. Read back by lopdf (the Figures' alternative texts) and
//! poppler (`pdftotext -bbox`: every word inside the page's text area,
//! none over another).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// The default programme with `annual_budget_eur` set to `budget`, as
/// `dir/p.toml`.
fn config(dir: &Path, budget: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    let text = text.replace(
        "annual_budget_eur = 2000000",
        &format!("annual_budget_eur = {budget}"),
    );
    let path = dir.join("p.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A CSV submission of the given (department, name, budget, spent) rows.
fn submission(dir: &Path, rows: &[(&str, &str, &str, &str)]) -> PathBuf {
    let mut s = String::from(
        "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n",
    );
    for (i, (dept, name, budget, spent)) in rows.iter().enumerate() {
        s.push_str(&format!(
            "M-{i};{dept};{};{name} {i};Mikkola;toteutusvaihe;2021;{budget};{spent}\n",
            1 + i % 3
        ));
    }
    input_folder(dir, &[("kymp.csv", &s)])
}

/// A draft report (errors allowed) of `input` with `args`, as `dir/r.pdf`.
fn draft(dir: &Path, input: &Path, args: &[&str]) -> PathBuf {
    let pdf = dir.join("r.pdf");
    let mut all = vec![
        "report",
        "-q",
        "--draft",
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2022-03-01",
        "--year",
        "2021",
    ];
    all.extend_from_slice(args);
    all.push(input.to_str().unwrap());
    let o = kooste(&all);
    assert!(
        matches!(o.status.code(), Some(0 | 1)) && pdf.exists(),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    pdf
}

/// The Figures' alternative texts, no-break spaces as spaces.
fn alts(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
        .filter_map(|d| d.get(b"Alt").ok())
        .filter_map(|a| lopdf::decode_text_string(a).ok())
        .map(|a| a.replace('\u{a0}', " "))
        .collect()
}

/// A word as poppler places it: page (from 1), text, xMin, yMin, xMax, yMax.
pub(crate) type Word = (usize, String, f64, f64, f64, f64);

/// Every word of `pdf` with its box (`pdftotext -bbox`).
pub(crate) fn words(pdf: &Path) -> Vec<Word> {
    let o = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success());
    let html = String::from_utf8(o.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut out = Vec::new();
    for (page, html) in html.split("<page ").skip(1).enumerate() {
        for w in html.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap();
            let word = rest.split('<').next().unwrap();
            let word = word.replace("&amp;", "&").replace("&quot;", "\"");
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(tag, n));
            out.push((page + 1, word, b[0], b[1], b[2], b[3]));
        }
    }
    out
}

/// No two words of a line (the same page and baseline, set at most 12 pt
/// high: the draft watermark is left out) overlap.
pub(crate) fn assert_no_overlap(words: &[Word]) {
    let text: Vec<&Word> = words.iter().filter(|w| w.5 - w.3 < 12.0).collect();
    for (i, a) in text.iter().enumerate() {
        for b in &text[i + 1..] {
            let same_line = a.0 == b.0 && (a.5 - b.5).abs() < 0.5;
            let overlap = a.2 < b.4 - 0.3 && b.2 < a.4 - 0.3;
            assert!(!(same_line && overlap), "{a:?} overlaps {b:?}");
        }
    }
}

/// Totals past what one cell may hold are charted and described with
/// their value, not as 0 €: the conversion back to cents saturates
/// rather than failing at 9e13 €.
#[test]
fn a_total_of_hundreds_of_trillions_is_charted_with_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let budget = "50000000000000";
    let rows = [("KYMP", "Iso", budget, budget); 3];
    let input = submission(dir.path(), &rows);
    let cfg = config(dir.path(), "89999999999999");
    let pdf = draft(dir.path(), &input, &["--config", cfg.to_str().unwrap()]);
    let alts = alts(&pdf);
    let dept = alts.iter().find(|a| a.contains("toimialoittain")).unwrap();
    assert!(
        dept.contains("Budjetti (€) 150 000 000 000 000 €"),
        "{dept}"
    );
    assert!(alts.iter().all(|a| !a.contains("Iso 0 €")), "{alts:?}");
}

/// The bars' value labels show the amount too, and in the departments'
/// and focus areas' tables the widest amounts (the largest a cell may
/// hold, and totals past it) stand apart from the counts and each other.
#[test]
#[ignore = "needs poppler (pdftotext): run by .ci/run"]
fn the_largest_amounts_fit_their_columns_and_labels() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let top = "89999999999999";
    // A utilisation of millions of percent widens its column too.
    let rows = [
        ("KYMP", "Iso", top, top),
        ("KASKO", "Iso", top, top),
        ("KSJ", "Pieni", "1", "250000000"),
    ];
    let input = submission(dir.path(), &rows);
    let cfg = config(dir.path(), top);
    let pdf = draft(dir.path(), &input, &["--config", cfg.to_str().unwrap()]);
    let words = words(&pdf);
    let text: Vec<&str> = words.iter().map(|w| w.1.as_str()).collect();
    let text = text.join(" ").replace('\u{a0}', " ");
    assert!(text.contains("179 999 999 999 999 €"), "{text}");
    assert!(text.contains("89 999 999 999 999 €"), "{text}");
    assert_no_overlap(&words);
}

/// Words below the page's text area (`PAGE_H` less the bottom margin),
/// but for the footer line: those on the baseline of the page's last
/// word, the page number.
fn below_text_area(words: &[Word]) -> Vec<&Word> {
    let bottom = 841.89 - 64.0 + 0.5;
    let footer = |page: usize| {
        words
            .iter()
            .filter(|w| w.0 == page)
            .map(|w| w.5)
            .fold(0.0, f64::max)
    };
    words
        .iter()
        .filter(|w| w.5 > bottom && (w.5 - footer(w.0)).abs() > 0.5)
        .collect()
}

/// A measure's name of 2 000 characters, taller than a page in its
/// table's narrow column, goes on over the next page under the repeated
/// header: all of it is there, none of it below the text area, and its
/// section's heading stands over it.
#[test]
#[ignore = "needs poppler (pdftotext): run by .ci/run"]
fn a_row_taller_than_a_page_goes_on_over_the_next() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let long = format!(
        "{}LOPPU",
        "osallistuva budjetointi ja asukastila ".repeat(52)
    );
    let rows = [
        ("KYMP", long.as_str(), "1000", "500"),
        ("KYMP", "Pihatalkoot", "1000", "500"),
    ];
    let input = submission(dir.path(), &rows);
    let pdf = draft(dir.path(), &input, &[]);
    let words = words(&pdf);
    let flat: String = words.iter().map(|w| w.1.as_str()).collect();
    let want: String = format!("{long} 0").split_whitespace().collect();
    assert!(flat.contains(&want[..want.len() - 1]), "{flat}");
    assert_eq!(below_text_area(&words), Vec::<&Word>::new());
    assert_no_overlap(&words);
    // The heading of the focus area is on the page where its table starts.
    let at = words.iter().position(|w| w.1 == "osallistuva").unwrap();
    let heading = words[..at].iter().rfind(|w| w.1 == "Vahvistamme").unwrap();
    assert_eq!(heading.0, words[at].0, "{heading:?} {:?}", words[at]);
}

/// The default programme with `n` more departments, as `dir/p.toml`.
fn many_departments(dir: &Path, n: usize) -> PathBuf {
    let path = config(dir, "2000000");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut more = String::new();
    for i in 0..n {
        more.push_str(&format!(
            "[[departments]]\ncode = \"D{i:02}\"\nname = {{ fi = \"Toimiala numero {i}\", \
             sv = \"Sektor {i}\", en = \"Department {i}\" }}\n\n"
        ));
    }
    let text = text.replacen("[[focus_areas]]", &format!("{more}[[focus_areas]]"), 1);
    std::fs::write(&path, text).unwrap();
    path
}

/// A chart of 45 departments, taller than a page, goes on over the next
/// under its title marked as continued: every department is named, none
/// below the text area, and the title stands over the chart's first rows.
#[test]
#[ignore = "needs poppler (pdftotext) and the validators of pdf_check.py: run by .ci/run"]
fn a_chart_taller_than_a_page_goes_on_over_the_next() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let cfg = many_departments(dir.path(), 40);
    let input = submission(dir.path(), &[("KYMP", "Pihatalkoot", "1000", "500")]);
    let pdf = draft(dir.path(), &input, &["--config", cfg.to_str().unwrap()]);
    let words = words(&pdf);
    assert_eq!(below_text_area(&words), Vec::<&Word>::new());
    let text: Vec<&str> = words.iter().map(|w| w.1.as_str()).collect();
    let text = text.join(" ");
    let chart = text.find("Budjetti ja toteuma toimialoittain").unwrap();
    let rest = &text[chart..];
    for i in 0..40 {
        assert!(
            rest.contains(&format!("Toimiala numero {i} ")),
            "{i}: {rest}"
        );
    }
    assert!(rest.contains("toimialoittain (jatkuu)"), "{rest}");
    // The title is on the page of the chart's first row.
    let at = text[..chart].split(' ').count() - 1;
    let title_page = words[at].0;
    let first_row = words[at..]
        .iter()
        .find(|w| w.1 == "Kaupunkiympäristö")
        .unwrap();
    assert_eq!(title_page, first_row.0);
    crate::accessible::pdf_check(&[pdf]);
}

/// The default programme with long names: the programme's (130
/// characters), a department's and a focus area's, as `dir/p.toml`.
fn long_names(dir: &Path) -> (PathBuf, [String; 3]) {
    let path = config(dir, "2000000");
    let programme = format!("Pitkä ohjelma {}", "alueellisen tasa-arvon ".repeat(5));
    let dept = format!("Toimiala {}", "pitkällä nimellä ".repeat(6));
    let area = format!("Painopiste {}", "hyvin pitkällä otsikolla ".repeat(5));
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replacen(
            "fi = \"Myönteisen erityiskohtelun toimintaohjelma\"",
            &format!("fi = \"{}\"", programme.trim()),
            1,
        )
        .replacen(
            "fi = \"Kaupunkiympäristö\"",
            &format!("fi = \"{}\"", dept.trim()),
            1,
        )
        .replacen(
            "fi = \"Vahvistamme osaamista – tuemme koulupolkua\"",
            &format!("fi = \"{}\"", area.trim()),
            1,
        );
    std::fs::write(&path, text).unwrap();
    let names = [programme, dept, area].map(|n| n.trim().to_string());
    (path, names)
}

/// Long names stay inside the right margin: the running header ends in
/// an ellipsis (the document's title has the whole name), contents
/// entries wrap short of their page numbers, and a chart's label cut
/// short ends in an ellipsis (its Figure's alternative text has it all).
#[test]
#[ignore = "needs poppler (pdftotext, pdfinfo) and the validators of pdf_check.py: run by .ci/run"]
fn long_names_stay_inside_the_margins() {
    need("pdftotext");
    need("pdfinfo");
    let dir = tempfile::tempdir().unwrap();
    let (cfg, [programme, dept, area]) = long_names(dir.path());
    let input = submission(dir.path(), &[("KYMP", "Pihatalkoot", "1000", "500")]);
    let pdf = draft(dir.path(), &input, &["--config", cfg.to_str().unwrap()]);
    let words = words(&pdf);
    let right = 595.28 - 56.0 + 0.5;
    let out: Vec<&Word> = words.iter().filter(|w| w.4 > right).collect();
    assert_eq!(out, Vec::<&Word>::new());
    assert_no_overlap(&words);
    let header: Vec<&str> = words
        .iter()
        .filter(|w| w.0 == 3 && w.5 < 42.0)
        .map(|w| w.1.as_str())
        .collect();
    assert!(header.last().unwrap().ends_with('…'), "{header:?}");
    let o = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains(&programme));
    // The contents entry, wrapped, is all there.
    let contents: Vec<&str> = words
        .iter()
        .filter(|w| w.0 == 2)
        .map(|w| w.1.as_str())
        .collect();
    assert!(contents.join(" ").contains(&area), "{contents:?}");
    let all: Vec<&str> = words.iter().map(|w| w.1.as_str()).collect();
    assert!(all.iter().any(|w| w.ends_with("pitkällä…")), "{all:?}");
    assert!(alts(&pdf).iter().any(|a| a.contains(&dept)));
    crate::accessible::pdf_check(&[pdf]);
}

/// An area's list of 150 measures goes on over the next pages, each of
/// them under the area's heading marked as continued: no page starts with
/// a list item whose list the reader cannot name, and every measure is
/// listed.
#[test]
#[ignore = "needs poppler (pdftotext): run by .ci/run"]
fn a_list_continued_on_the_next_page_repeats_its_heading() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<(&str, &str, &str, &str)> = (0..150)
        .map(|_| ("KYMP", "Pihatalkoot", "1000", "500"))
        .collect();
    let input = submission(dir.path(), &rows);
    let pdf = draft(dir.path(), &input, &[]);
    let words = words(&pdf);
    // Each page's lines top down, as (top, text); the draft watermark's
    // letters (set far larger than text) left out.
    let pages = words.last().map_or(0, |w| w.0);
    let mut continued = 0;
    for page in 2..=pages {
        let mut lines: Vec<(f64, String)> = Vec::new();
        let mut on_page: Vec<&Word> = words
            .iter()
            .filter(|w| w.0 == page && w.5 - w.3 < 20.0)
            .collect();
        on_page.sort_by(|a, b| a.3.total_cmp(&b.3).then(a.2.total_cmp(&b.2)));
        for w in on_page {
            match lines.last_mut() {
                Some((top, text)) if (w.3 - *top).abs() < 1.0 => {
                    text.push(' ');
                    text.push_str(&w.1);
                }
                _ => lines.push((w.3, w.1.clone())),
            }
        }
        // Under the running header, the page's first line of its own.
        let first = lines.get(1).map_or("", |l| l.1.as_str());
        assert!(!first.starts_with('•'), "page {page}: {lines:?}");
        if first == "Mikkola (jatkuu)" {
            continued += 1;
            assert!(lines[2].1.starts_with('•'), "page {page}: {lines:?}");
        }
    }
    let text: String = words.iter().map(|w| format!("{} ", w.1)).collect();
    assert!(continued >= 2, "{text}");
    for i in 0..150 {
        let item = format!("• Pihatalkoot {i} (KYMP, toteutusvaihe)");
        assert!(text.contains(&item), "{item}");
    }
}

/// A soft hyphen typed into a name is invisible where the line does not
/// break (it used to print as a hyphen), and a control or format character
/// in a template's title reaches neither the page nor the bookmarks (a
/// right-to-left override turned the title round in the bookmarks panel);
/// figures no measure gives are a dash in the key figures, not zero.
#[test]
fn soft_hyphens_and_format_characters_stay_out_of_the_page_and_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [("KYMP", "Piha\u{ad}talkoot", "1000", "500")];
    let input = submission(dir.path(), &rows);
    let template = dir.path().join("t.toml");
    let text = std::fs::read_to_string(root().join("templates/report_fi.toml")).unwrap();
    let text = text.replace(
        "title = \"Alueet\"",
        "title = \"Alueet\\u0007\\u202e vuonna {year}\"",
    );
    std::fs::write(&template, text).unwrap();
    let pdf = draft(
        dir.path(),
        &input,
        &["--report-template", template.to_str().unwrap()],
    );
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let all = doc.extract_text(&pages).unwrap();
    assert!(all.contains("Pihatalkoot 0"), "{all}");
    assert!(
        !all.contains("Piha-talkoot") && !all.contains('\u{ad}'),
        "{all}"
    );
    // The input gives neither FTEs nor people reached: the key figures say
    // so with a dash, not 0,0 and 0.
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Henkilötyövuodet –"), "{flat}");
    assert!(flat.contains("Tavoitetut asukkaat –"), "{flat}");
    let titles: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"Parent") && d.has(b"Dest") || d.has(b"A") && d.has(b"Title"))
        .filter_map(|d| d.get(b"Title").ok())
        .filter_map(|t| lopdf::decode_text_string(t).ok())
        .collect();
    assert!(
        titles.iter().any(|t| t == "Alueet vuonna 2021"),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.contains(['\u{7}', '\u{202e}'])),
        "{titles:?}"
    );
}

/// Contents longer than a page (sections of long titles) go on over the
/// next page under their heading marked as continued: no entry below the
/// text area, and each entry's page number is the page its section starts
/// on, counted with the contents' second page.
#[test]
#[ignore = "needs poppler (pdftotext): run by .ci/run"]
fn contents_longer_than_a_page_go_on_over_the_next() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let rows = [("KYMP", "Pihatalkoot", "1000", "500")];
    let input = submission(dir.path(), &rows);
    let long = " osana koko kaupungin yhteistä ohjelmaa".repeat(30);
    let template = dir.path().join("t.toml");
    let text = std::fs::read_to_string(root().join("templates/report_fi.toml")).unwrap();
    let mut text = text.replace("title = \"Sisällys\"", "title = \"Sisällys\"\n#");
    for title in ["Tunnusluvut", "Toimialat", "Alueet", "Vaikuttavuustarinat"] {
        text = text.replace(
            &format!("title = \"{title}\""),
            &format!("title = \"{title}{long} LOPPU\""),
        );
    }
    std::fs::write(&template, text).unwrap();
    let pdf = draft(
        dir.path(),
        &input,
        &["--report-template", template.to_str().unwrap()],
    );
    let words = words(&pdf);
    assert_eq!(below_text_area(&words), Vec::<&Word>::new());
    // A page's words, the draft watermark's letters left out.
    let page_text = |page: usize| -> String {
        let w: Vec<&str> = words
            .iter()
            .filter(|w| w.0 == page && w.5 - w.3 < 40.0)
            .map(|w| w.1.as_str())
            .collect();
        w.join(" ")
    };
    // The contents on pages 2 and 3, the second under "Sisällys (jatkuu)".
    assert!(
        page_text(3).contains("Sisällys (jatkuu)"),
        "{}",
        page_text(3)
    );
    // Each entry's link (lopdf): its text names the page drawn beside the
    // entry, its destination is that page, where its section starts.
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages = doc.get_pages();
    let number_of = |id: lopdf::ObjectId| pages.iter().find(|(_, p)| **p == id).map(|(n, _)| *n);
    let mut entries = Vec::new();
    for page in [2, 3] {
        let dict = doc.get_dictionary(pages[&page]).unwrap();
        let annots = dict.get(b"Annots").unwrap().as_array().unwrap();
        for a in annots {
            let a = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let said = lopdf::decode_text_string(a.get(b"Contents").unwrap()).unwrap();
            let action = match a.get(b"A").unwrap() {
                lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
                o => o.as_dict().unwrap(),
            };
            let target = action.get(b"D").unwrap().as_array().unwrap()[0]
                .as_reference()
                .unwrap();
            entries.push((page, said, number_of(target).unwrap() as usize));
        }
    }
    let titles = ["Tunnusluvut", "Toimialat", "Alueet", "Vaikuttavuustarinat"];
    for title in titles {
        let (_, said, target) = entries
            .iter()
            .find(|(_, said, _)| said.starts_with(title))
            .unwrap_or_else(|| panic!("{title}: {entries:?}"));
        assert!(said.ends_with(&format!(", sivu {target}")), "{said}");
        let text = page_text(*target);
        assert!(text.contains(title), "{title}: page {target}: {text}");
        assert!(!page_text(target - 1).contains(&format!("{title} osana")));
    }
    // Entries on both pages; the last section after the contents' second page.
    assert!(entries.iter().any(|e| e.0 == 2) && entries.iter().any(|e| e.0 == 3));
    assert!(entries.iter().all(|e| e.2 >= 4), "{entries:?}");
}
