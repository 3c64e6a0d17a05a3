//! Property tests of the parsers and sums (proptest).

use kooste::Lang;
use kooste::parse::{Cents, parse_euros, parse_number};
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
    fn totals_do_not_depend_on_row_order(mut values in proptest::collection::vec(0i64..10_000_000_000, 0..200), seed in any::<u64>()) {
        let before: Cents = values.iter().map(|&c| Cents(c)).sum();
        // A deterministic shuffle driven by the seed.
        let mut s = seed;
        for i in (1..values.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            values.swap(i, (s >> 33) as usize % (i + 1));
        }
        let after: Cents = values.iter().map(|&c| Cents(c)).sum();
        prop_assert_eq!(before, after);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = parse_euros(&s);
        let _ = parse_number(&s);
        let _ = kooste::parse::parse_date(&s);
        let _ = kooste::parse::parse_year(&s);
    }
}
