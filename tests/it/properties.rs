//! Property tests of the parsers and sums (proptest).

use std::path::Path;

use crate::common::{kooste, num, sheet, stderr};
use kooste::Lang;
use kooste::model::parse::{Cents, parse_euros, parse_number};
use proptest::prelude::*;

/// Groups digits the Finnish way with `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn finnish_euros_parse_back_to_themselves(cents in 0i64..10_000_000_000_000) {
        let c = Cents(cents);
        prop_assert_eq!(parse_euros(&Lang::Fi.euros_exact(c)), Ok(c));
        prop_assert_eq!(parse_euros(&Lang::Sv.euros_exact(c)), Ok(c));
        prop_assert_eq!(parse_euros(&Lang::En.euros_exact(c)), Ok(c));
    }

    #[test]
    fn every_typed_grouping_reads_the_same(euros in 0u64..1_000_000_000, cents in 0u64..100, style in 0usize..5) {
        let want = Cents((euros * 100 + cents) as i64);
        let text = match style {
            0 => format!("{},{:02} €", grouped(euros, " "), cents),
            1 => format!("{},{:02}", grouped(euros, "."), cents),
            2 => format!("{},{:02}", grouped(euros, "\u{a0}"), cents),
            3 => format!("{}{}{:02}", grouped(euros, "\u{202f}"), ",", cents),
            _ => format!("{euros}.{cents:02}"),
        };
        prop_assert_eq!(parse_euros(&text), Ok(want), "{}", text);
    }

    #[test]
    fn numbers_with_a_decimal_comma_parse_back(whole in 0u64..1_000_000, frac in 0u64..10) {
        let v = parse_number(&format!("{},{frac}", grouped(whole, " "))).unwrap();
        prop_assert!((v - (whole as f64 + frac as f64 / 10.0)).abs() < 1e-6);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = parse_euros(&s);
        let _ = parse_number(&s);
        let _ = kooste::model::parse::parse_date(&s);
        let _ = kooste::model::parse::parse_year(&s);
    }
}

/// Writes `rows` (department index, budget in cents) as one CSV per
/// department into `dir`, each row's id its index in `rows`; a file's rows
/// in the order given, the files named so that `first` (a department index)
/// sorts first.
fn write_submissions(dir: &Path, rows: &[(usize, i64)], order: &[usize], first: usize) {
    const DEPTS: [&str; 5] = ["KYMP", "KASKO", "KSJ", "SOTE", "KUKU"];
    std::fs::create_dir_all(dir).unwrap();
    for (d, dept) in DEPTS.iter().enumerate() {
        let mut s = String::from(
            "Tunnus;Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n",
        );
        for &i in order.iter().filter(|&&i| rows[i].0 == d) {
            let (budget, spent) = (rows[i].1, rows[i].1 / 2);
            s.push_str(&format!(
                "M-{i};{dept};{};Toimenpide {i};Mikkola;toteutusvaihe;2021;{},{:02};{},{:02}\n",
                1 + i % 3,
                budget / 100,
                budget % 100,
                spent / 100,
                spent % 100
            ));
        }
        let rank = (d + DEPTS.len() - first) % DEPTS.len();
        std::fs::write(dir.join(format!("{rank}_{}.csv", dept.to_lowercase())), s).unwrap();
    }
}

/// The summary sheet of `merge` of the submissions in `dir`.
fn summary(dir: &Path) -> Vec<Vec<calamine::Data>> {
    let xlsx = dir.join("k.xlsx");
    let input = dir.join("in");
    let o = kooste(&[
        "merge",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
        "--date",
        "2022-02-15",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    sheet(&xlsx, "Yhteenveto")
}

proptest! {
    // Each case runs kooste twice.
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The summary of the same measures is the same whatever the order of
    /// the rows in each file and of the files, and its total budget is the
    /// exact sum of the budgets typed (below the programme's budget, which
    /// would be an error).
    #[test]
    fn totals_do_not_depend_on_the_order_of_rows_and_files(
        rows in proptest::collection::vec((0usize..5, 0i64..5_000_000), 1..40),
        seed in any::<u64>(),
        first in 0usize..5,
    ) {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        write_submissions(&a.join("in"), &rows, &order, 0);
        // A deterministic shuffle driven by the seed.
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let b = dir.path().join("b");
        write_submissions(&b.join("in"), &rows, &order, first);
        let (x, y) = (summary(&a), summary(&b));
        prop_assert_eq!(x.len(), y.len());
        // The sums by department, focus area and status (up to the third
        // total row) are of whole cents: exactly equal. The area split
        // sums each measure's share in row order as floats, so its figures
        // may differ in the last bits (225 660 € against 225 659.99999999997 €),
        // never by a cent.
        let exact = x.iter().enumerate().filter(|(_, r)| r[0] == "Yhteensä").nth(2).unwrap().0;
        for (i, (p, q)) in x.iter().zip(&y).enumerate() {
            if i <= exact {
                prop_assert_eq!(p, q, "row {}", i + 1);
                continue;
            }
            prop_assert_eq!(p.len(), q.len());
            for (c, d) in p.iter().zip(q) {
                match (c, d) {
                    (calamine::Data::Float(c), calamine::Data::Float(d)) => {
                        prop_assert!((c - d).abs() <= 1e-9 * c.abs().max(1.0), "row {}: {} {}", i + 1, c, d)
                    }
                    _ => prop_assert_eq!(c, d, "row {}", i + 1),
                }
            }
        }
        let total = x.iter().find(|r| r[0] == "Yhteensä").expect("a total row");
        let typed: i64 = rows.iter().map(|r| r.1).sum();
        prop_assert_eq!(num(&total[1]), rows.len() as f64);
        prop_assert_eq!(num(&total[2]), typed as f64 / 100.0);
        prop_assert_eq!(num(&total[3]), rows.iter().map(|r| r.1 / 2).sum::<i64>() as f64 / 100.0);
    }
}
