//! The programme period (issue 21, item 3): 2019, 2020 and 2021 built one
//! after another, the third with both earlier workbooks (`--previous`
//! twice, or a folder of them). The trend sheet (*Kehitys*) is read back
//! with calamine and the report's trend section with pdftotext; both are
//! held to figures summed here straight from the samples' submissions, not
//! from kooste's outputs. The refusals: two workbooks of one year, a later
//! year.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use crate::common::*;

/// The departments in the programme's order, as the trend sheet names them.
const DEPARTMENTS: [(&str, &str); 5] = [
    ("KYMP", "Kaupunkiympäristö"),
    ("KASKO", "Kasvatus ja oppiminen"),
    ("KSJ", "Kaupunkistrategia ja johto"),
    ("SOTE", "Sosiaali- ja terveydenhuollon toimiala"),
    ("KUKU", "Kaupunkikulttuuri"),
];

const FOCUS_AREAS: [&str; 3] = [
    "Vahvistamme osaamista – tuemme koulupolkua",
    "Lasten ja perheiden hyvinvointi",
    "Yhteisöllisyyden ja turvallisuuden vahvistaminen",
];

/// Measures, budget and actual (in cents) of a group.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Sums {
    measures: usize,
    budget: i64,
    spent: i64,
}

/// One year's sums straight from the samples: per department code, per
/// focus area number, and the whole year.
#[derive(Debug, Default)]
struct Year {
    by_department: BTreeMap<String, Sums>,
    by_focus_area: BTreeMap<i64, Sums>,
    total: Sums,
}

/// A sample's euro cell in cents: a number, or text as `12 500,00 €`.
fn cents(d: &Data) -> i64 {
    match d {
        Data::Float(f) => (f * 100.0).round() as i64,
        Data::Int(i) => i * 100,
        Data::String(s) => {
            let t: String = s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            (t.replace(',', ".").parse::<f64>().unwrap() * 100.0).round() as i64
        }
        other => panic!("not euros: {other:?}"),
    }
}

/// Sums the sample submissions of `year` (every file's measures sheet,
/// the rows below the header naming a measure; the department from the
/// file's name).
fn sums_of_samples(year: i32) -> Year {
    let mut out = Year::default();
    let dir = root().join(format!("samples/{year}"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let dept = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .split('_')
            .next()
            .unwrap()
            .to_uppercase();
        let mut wb = calamine::open_workbook_auto(&file).unwrap();
        let rows: Vec<Vec<Data>> = wb
            .worksheet_range("Toimenpiteet")
            .unwrap()
            .rows()
            .map(|r| r.to_vec())
            .collect();
        let text = |d: &Data| d.to_string();
        let header = rows
            .iter()
            .position(|r| r.iter().any(|c| text(c) == "Budjetti (€)"))
            .unwrap();
        let col = |name: &str| rows[header].iter().position(|c| text(c) == name).unwrap();
        let (name, focus, budget, spent) = (
            col("Toimenpide"),
            col("Painopiste"),
            col("Budjetti (€)"),
            col("Toteuma (€)"),
        );
        for r in &rows[header + 1..] {
            // The total row (in the first column, the measure's where a
            // department ordered its columns so).
            if text(&r[name]).is_empty() || text(&r[0]) == "Yhteensä" {
                continue;
            }
            let s = Sums {
                measures: 1,
                budget: cents(&r[budget]),
                spent: cents(&r[spent]),
            };
            let f = num(&r[focus]) as i64;
            for group in [
                out.by_department.entry(dept.clone()).or_default(),
                out.by_focus_area.entry(f).or_default(),
                &mut out.total,
            ] {
                group.measures += s.measures;
                group.budget += s.budget;
                group.spent += s.spent;
            }
        }
    }
    out
}

/// Builds `samples/<year>` into `out/<year>` with the `--previous` given.
fn build(out: &Path, year: i32, previous: &[&Path]) -> std::process::Output {
    let input = format!("samples/{year}");
    let dir = out.join(year.to_string());
    let mut args = vec![
        "build".to_string(),
        "-q".into(),
        input,
        "--out".into(),
        dir.display().to_string(),
        "--date".into(),
        "2022-02-15".into(),
    ];
    for p in previous {
        args.push("--previous".into());
        args.push(p.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    kooste(&args)
}

fn workbook(out: &Path, year: i32) -> PathBuf {
    out.join(format!("{year}/kooste_{year}.xlsx"))
}

/// 2019, then 2020 with 2019's workbook, each checked to exit 0.
fn first_two_years(out: &Path) {
    let o = build(out, 2019, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = build(out, 2020, &[&workbook(out, 2019)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The table below the heading `heading`: its header row (years) and its
/// rows up to the first empty one, by the label in the first column.
fn table(rows: &[Vec<Data>], heading: &str) -> (Vec<String>, BTreeMap<String, Vec<f64>>) {
    let at = rows
        .iter()
        .position(|r| r.first().map(|c| c.to_string()).as_deref() == Some(heading))
        .unwrap_or_else(|| panic!("no table {heading}"));
    let header: Vec<String> = rows[at + 1][1..]
        .iter()
        .map(|c| c.to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut body = BTreeMap::new();
    for r in &rows[at + 2..] {
        let label = r[0].to_string();
        if label.is_empty() {
            break;
        }
        body.insert(label, r[1..=header.len()].iter().map(num).collect());
    }
    (header, body)
}

/// The trend sheet holds, for each year, exactly the samples' sums.
fn assert_trend_sheet(xlsx: &Path, years: &[(i32, Year)]) {
    let rows = sheet(xlsx, "Kehitys");
    assert_eq!(rows[0][0].to_string(), "Kehitys 2019–2021");
    // The whole programme: a row per year (year, measures, budget, actual).
    let at = rows
        .iter()
        .position(|r| r[0] == "Koko ohjelma vuosittain")
        .unwrap();
    for (k, (year, sums)) in years.iter().enumerate() {
        let r = &rows[at + 2 + k];
        assert_eq!(num(&r[0]), f64::from(*year));
        assert_eq!(num(&r[1]), sums.total.measures as f64, "{year}");
        assert_eq!(num(&r[2]), sums.total.budget as f64 / 100.0, "{year}");
        assert_eq!(num(&r[3]), sums.total.spent as f64 / 100.0, "{year}");
    }
    let labels: Vec<String> = years.iter().map(|(y, _)| y.to_string()).collect();
    let per = |s: &Sums, what: usize| match what {
        0 => s.budget as f64 / 100.0,
        1 => s.spent as f64 / 100.0,
        _ => s.measures as f64,
    };
    for (what, (dept_heading, focus_heading)) in [
        ("Budjetti toimialoittain", "Budjetti painopisteittäin"),
        ("Toteuma toimialoittain", "Toteuma painopisteittäin"),
        (
            "Toimenpiteet toimialoittain",
            "Toimenpiteet painopisteittäin",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let (header, body) = table(&rows, dept_heading);
        assert_eq!(header, labels);
        for (code, name) in DEPARTMENTS {
            let want: Vec<f64> = years
                .iter()
                .map(|(_, y)| {
                    per(
                        &y.by_department.get(code).copied().unwrap_or_default(),
                        what,
                    )
                })
                .collect();
            assert_eq!(body[name], want, "{dept_heading}: {name}");
        }
        let totals: Vec<f64> = years.iter().map(|(_, y)| per(&y.total, what)).collect();
        assert_eq!(body["Yhteensä"], totals, "{dept_heading}");
        let (header, body) = table(&rows, focus_heading);
        assert_eq!(header, labels);
        for (i, name) in FOCUS_AREAS.iter().enumerate() {
            let want: Vec<f64> = years
                .iter()
                .map(|(_, y)| {
                    per(
                        &y.by_focus_area
                            .get(&(i as i64 + 1))
                            .copied()
                            .unwrap_or_default(),
                        what,
                    )
                })
                .collect();
            assert_eq!(body[*name], want, "{focus_heading}: {name}");
        }
    }
}

fn samples_by_year() -> Vec<(i32, Year)> {
    (2019..=2021).map(|y| (y, sums_of_samples(y))).collect()
}

#[test]
fn three_years_give_the_trend_sheet_with_the_samples_figures() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    // One earlier year: the year-on-year comparison alone, as before.
    let names = sheet_names(&workbook(out, 2020));
    assert!(names.contains(&"Vertailu".to_string()), "{names:?}");
    assert!(!names.contains(&"Kehitys".to_string()), "{names:?}");

    // Given in either order: the latest earlier year is compared with.
    let o = build(out, 2021, &[&workbook(out, 2020), &workbook(out, 2019)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xlsx = workbook(out, 2021);
    let names = sheet_names(&xlsx);
    let at = |n: &str| names.iter().position(|s| s == n).unwrap();
    assert_eq!(at("Kehitys"), at("Vertailu") + 1, "{names:?}");
    let comparison = sheet(&xlsx, "Vertailu");
    assert_eq!(comparison[0][0].to_string(), "Vertailu 2020 → 2021");
    assert_trend_sheet(&xlsx, &samples_by_year());

    // Both earlier workbooks are sources, each with its SHA-256.
    let sources = sheet(&xlsx, "Lähteet");
    for year in [2019, 2020] {
        let path = workbook(out, year);
        let digest = hex_sha256(&path);
        let row = sources
            .iter()
            .find(|r| r[0].to_string() == path.display().to_string())
            .unwrap_or_else(|| panic!("{} not among the sources", path.display()));
        assert!(row.iter().any(|c| c.to_string() == digest), "{row:?}");
    }
}

fn hex_sha256(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `merge` writes the same workbook, trend and all.
#[test]
fn merge_takes_several_earlier_years_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    let xlsx = out.join("kooste_2021.xlsx");
    let (a, b) = (workbook(out, 2019), workbook(out, 2020));
    let o = kooste(&[
        "merge",
        "samples/2021",
        "-o",
        xlsx.to_str().unwrap(),
        "--previous",
        a.to_str().unwrap(),
        "--previous",
        b.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_trend_sheet(&xlsx, &samples_by_year());
}

#[test]
fn a_folder_of_earlier_workbooks_gives_the_same_trend() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    // The earlier years' outputs gathered in one folder, reports and all.
    let earlier = out.join("aiemmat");
    std::fs::create_dir(&earlier).unwrap();
    for year in [2019, 2020] {
        for name in [
            format!("kooste_{year}.xlsx"),
            format!("vuosiraportti_{year}.pdf"),
        ] {
            std::fs::copy(out.join(year.to_string()).join(&name), earlier.join(&name)).unwrap();
        }
    }
    let o = build(out, 2021, &[&earlier]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_trend_sheet(&workbook(out, 2021), &samples_by_year());
}

#[test]
fn two_workbooks_of_one_year_or_a_later_year_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    let copy = out.join("kopio");
    std::fs::create_dir(&copy).unwrap();
    std::fs::copy(workbook(out, 2019), copy.join("kooste_2019.xlsx")).unwrap();
    let o = build(
        out,
        2021,
        &[&workbook(out, 2019), &workbook(out, 2020), &copy],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("kaksi vuoden 2019 koostetyökirjaa"), "{e}");
    assert!(
        e.contains(&workbook(out, 2019).display().to_string()),
        "{e}"
    );
    assert!(
        e.contains(&copy.join("kooste_2019.xlsx").display().to_string()),
        "{e}"
    );
    assert!(!out.join("2021").exists(), "nothing is written");

    // 2021's workbook among the earlier years of 2020.
    let o = build(out, 2021, &[&workbook(out, 2019), &workbook(out, 2020)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = std::fs::read(workbook(out, 2020)).unwrap();
    let o = build(out, 2020, &[&workbook(out, 2019), &workbook(out, 2021)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("vuodelta 2021, myöhemmältä kuin tämän ajon vuosi 2020"),
        "{e}"
    );
    assert_eq!(
        std::fs::read(workbook(out, 2020)).unwrap(),
        before,
        "2020's outputs stay"
    );
}

/// A figure as the Finnish report writes it (`1 423 000 €`), spaces plain.
fn fi_euros(cents: i64) -> String {
    let digits = (cents / 100).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    format!("{out} €")
}

#[test]
#[ignore = "needs poppler (pdftotext) and the PDF checkers of pdf_check.py: run by .ci/run"]
fn the_report_has_the_trend_section_with_the_samples_figures() {
    need("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    let o = build(out, 2021, &[&workbook(out, 2019), &workbook(out, 2020)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = out.join("2021/vuosiraportti_2021.pdf");
    let o = std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = stdout(&o).replace(['\u{a0}', '\u{202f}'], " ");
    let start = text
        .rfind("Kehitys vuosina 2019–2021")
        .expect("the trend section");
    let end = text[start..].find("Liite: tietolähteet").unwrap() + start;
    let section: Vec<String> = text[start..end]
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // A table's row: the label, then figures in euros (the chart's axis
    // labels are years alone).
    let line = |label: &str| {
        section
            .iter()
            .find(|l| l.starts_with(label) && l.ends_with('€'))
            .unwrap_or_else(|| panic!("no line {label} in {section:#?}"))
            .clone()
    };
    for (year, sums) in samples_by_year() {
        let t = &sums.total;
        assert_eq!(
            line(&format!("{year} ")),
            format!(
                "{year} {} {} {}",
                t.measures,
                fi_euros(t.budget),
                fi_euros(t.spent)
            )
        );
    }
    let years = samples_by_year();
    for (code, name) in DEPARTMENTS {
        let figures: Vec<String> = years
            .iter()
            .map(|(_, y)| fi_euros(y.by_department.get(code).map_or(0, |s| s.budget)))
            .collect();
        assert_eq!(line(name), format!("{name} {}", figures.join(" ")));
    }
    for (i, name) in FOCUS_AREAS.iter().enumerate() {
        let figures: Vec<String> = years
            .iter()
            .map(|(_, y)| fi_euros(y.by_focus_area.get(&(i as i64 + 1)).map_or(0, |s| s.budget)))
            .collect();
        assert_eq!(line(name), format!("{name} {}", figures.join(" ")));
    }
    crate::accessible::pdf_check(&[pdf]);
}

/// The trend sheet's totals are live `SUM`s whose stored results are what
/// LibreOffice computes; its budget totals are the samples' sums.
#[test]
#[ignore = "needs LibreOffice (soffice): run by .ci/run"]
fn libreoffice_computes_the_trend_totals_as_stored() {
    need("soffice");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    first_two_years(out);
    let o = build(out, 2021, &[&workbook(out, 2019), &workbook(out, 2020)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xlsx = workbook(out, 2021);
    let stored = libreoffice_csvs(&xlsx, false);
    let computed = libreoffice_csvs(&xlsx, true);
    assert_eq!(computed["Kehitys"], stored["Kehitys"]);
    let budgets: Vec<String> = samples_by_year()
        .iter()
        .map(|(_, y)| (y.total.budget / 100).to_string())
        .collect();
    let total = format!("Yhteensä,{}", budgets.join(","));
    assert!(
        stored["Kehitys"].contains(&total),
        "{total} in {}",
        stored["Kehitys"]
    );
}
