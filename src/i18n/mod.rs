//! Every user-facing text: the Fluent message files of each language
//! (`templates/messages/<lang>/*.ftl`, made into text by [`render`]), a
//! finding's text ([`findings`]), the summary line, and number and date
//! formatting in each language's conventions (which stays in Rust: Fluent's
//! own number formatting has no digit grouping). The report's templates
//! (`templates/report_<lang>.toml`) fill their `{name}` placeholders with
//! [`fill`].

pub mod findings;
pub mod fluent;

pub use fluent::{render, text};

use crate::model::parse::{Cents, Date};

pub use crate::model::lang::Lang;

impl Lang {
    /// Euros with no decimals: `1 234 567 €` (fi, sv), `€1,234,567` (en).
    pub fn euros(self, c: Cents) -> String {
        let whole = (c.0 as f64 / 100.0).round() as i64;
        match self {
            Lang::En => format!(
                "{}€{}",
                if whole < 0 { "-" } else { "" },
                group(whole.unsigned_abs(), ',')
            ),
            _ => format!(
                "{}{}\u{a0}€",
                if whole < 0 { "−" } else { "" },
                group(whole.unsigned_abs(), '\u{a0}')
            ),
        }
    }

    /// Euros with cents where there are any: `12 500,50 €`.
    pub fn euros_exact(self, c: Cents) -> String {
        if c.0 % 100 == 0 {
            return self.euros(c);
        }
        let sign = if c.0 < 0 { "-" } else { "" };
        let abs = c.0.unsigned_abs();
        match self {
            Lang::En => format!("{sign}€{}.{:02}", group(abs / 100, ','), abs % 100),
            _ => format!(
                "{sign}{},{:02}\u{a0}€",
                group(abs / 100, '\u{a0}'),
                abs % 100
            ),
        }
    }

    /// A whole number with the language's grouping.
    pub fn integer(self, n: i64) -> String {
        let sep = if self == Lang::En { ',' } else { '\u{a0}' };
        format!(
            "{}{}",
            if n < 0 { "-" } else { "" },
            group(n.unsigned_abs(), sep)
        )
    }

    /// A decimal with `places` decimals and the language's decimal mark.
    pub fn decimal(self, v: f64, places: usize) -> String {
        let s = format!("{v:.places$}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let neg = int.starts_with('-');
        let n: u64 = int.trim_start_matches('-').parse().unwrap_or(0);
        let (sep, mark) = if self == Lang::En {
            (',', '.')
        } else {
            ('\u{a0}', ',')
        };
        let mut out = format!("{}{}", if neg { "-" } else { "" }, group(n, sep));
        if !frac.is_empty() {
            out.push(mark);
            out.push_str(frac);
        }
        out
    }

    /// A percentage with one decimal: `87,5 %` (fi, sv), `87.5%` (en).
    pub fn percent(self, ratio: f64) -> String {
        let v = self.decimal(ratio * 100.0, 1);
        if self == Lang::En {
            format!("{v}%")
        } else {
            format!("{v}\u{a0}%")
        }
    }

    /// A date: `31.12.2021` (fi), `2021-12-31` (sv), `31 December 2021` (en).
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::Fi => format!("{}.{}.{}", d.day, d.month, d.year),
            // Finland-Swedish writes dates as Finnish does (30.11.2026).
            Lang::Sv => format!("{}.{}.{}", d.day, d.month, d.year),
            Lang::En => format!(
                "{} {} {}",
                d.day,
                EN_MONTHS[(d.month as usize).clamp(1, 12) - 1],
                d.year
            ),
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Groups digits by three with `sep`.
fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The summary line: files read, measures that go into the outputs, the
/// rows left out and why, errors and warnings; each count in its plural
/// form (`out-summary` in `outputs.ftl`).
pub fn summary_line(
    lang: Lang,
    files: usize,
    tally: &crate::model::Tally,
    findings: (usize, usize),
) -> String {
    use crate::model::message::{Arg, Message};
    let count = |m: Message, n: usize| Arg::from(m.count("n", n));
    let reasons: Vec<Arg> = [
        (Message::new("out-left-out-duplicates"), tally.duplicate),
        (Message::new("out-left-out-wrong-year"), tally.wrong_year),
        (Message::new("out-left-out-errors"), tally.errors),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(m, n)| count(m, n))
    .collect();
    let line = if reasons.is_empty() {
        Message::new("out-summary")
    } else {
        Message::new("out-summary-left-out")
            .arg(
                "rows",
                count(Message::new("out-rows-left-out"), tally.left_out()),
            )
            .arg("reasons", Arg::List(reasons))
    };
    let line = line
        .arg("files", count(Message::new("out-files"), files))
        .arg(
            "measures",
            count(Message::new("out-measures"), tally.measures),
        )
        .arg("errors", count(Message::new("out-errors"), findings.0))
        .arg("warnings", count(Message::new("out-warnings"), findings.1));
    render(lang, &line)
}

/// Replaces `{name}` placeholders in `template` (a report template's
/// text, which its author writes with these names) in one pass: a value
/// that itself holds `{name}` is inserted as it is, not filled again. An
/// unknown `{…}` is left as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_euros_use_no_break_spaces() {
        assert_eq!(
            Lang::Fi.euros(Cents(123_456_700)),
            "1\u{a0}234\u{a0}567\u{a0}€"
        );
        assert_eq!(
            Lang::Fi.euros_exact(Cents(1_250_050)),
            "12\u{a0}500,50\u{a0}€"
        );
        assert_eq!(Lang::En.euros(Cents(123_456_700)), "€1,234,567");
        assert_eq!(Lang::Fi.euros(Cents(0)), "0\u{a0}€");
    }

    #[test]
    fn decimals_and_dates() {
        assert_eq!(Lang::Fi.decimal(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(Lang::En.percent(0.875), "87.5%");
        let d = Date::new(2021, 12, 31).unwrap();
        assert_eq!(Lang::Fi.date(d), "31.12.2021");
        assert_eq!(Lang::Sv.date(d), "31.12.2021");
        assert_eq!(Lang::En.date(d), "31 December 2021");
    }

    #[test]
    fn the_summary_line_counts_in_singular_and_plural() {
        let tally = crate::model::Tally {
            measures: 21,
            duplicate: 1,
            ..Default::default()
        };
        assert_eq!(
            summary_line(Lang::Fi, 7, &tally, (1, 0)),
            "7 tiedostoa, 21 toimenpidettä (1 rivi jätettiin pois: 1 kaksoiskappale), 1 virhe, 0 varoitusta"
        );
        let tally = crate::model::Tally {
            measures: 1,
            duplicate: 1,
            wrong_year: 0,
            errors: 2,
        };
        assert_eq!(
            summary_line(Lang::Sv, 1, &tally, (2, 1)),
            "1 fil, 1 åtgärd (3 rader utelämnades: 1 dubblett, 2 med fel), 2 fel, 1 varning"
        );
        assert_eq!(
            summary_line(Lang::En, 2, &crate::model::Tally::default(), (0, 2)),
            "2 files, 0 measures, 0 errors, 2 warnings"
        );
    }

    /// Every count of the summary line reads right for 0, 1 and 2, and
    /// large counts are grouped as the language groups digits.
    #[test]
    fn the_summary_line_reads_right_for_zero_one_and_two() {
        let line = |lang, n: usize| {
            let tally = crate::model::Tally {
                measures: n,
                duplicate: n,
                wrong_year: n,
                errors: n,
            };
            summary_line(lang, n, &tally, (n, n))
        };
        let expected = [
            (
                Lang::Fi,
                [
                    "0 tiedostoa, 0 toimenpidettä, 0 virhettä, 0 varoitusta",
                    "1 tiedosto, 1 toimenpide (3 riviä jätettiin pois: 1 kaksoiskappale, \
                     1 toiselta vuodelta, 1 virheellinen), 1 virhe, 1 varoitus",
                    "2 tiedostoa, 2 toimenpidettä (6 riviä jätettiin pois: 2 kaksoiskappaletta, \
                     2 toiselta vuodelta, 2 virheellistä), 2 virhettä, 2 varoitusta",
                ],
            ),
            (
                Lang::Sv,
                [
                    "0 filer, 0 åtgärder, 0 fel, 0 varningar",
                    "1 fil, 1 åtgärd (3 rader utelämnades: 1 dubblett, \
                     1 från ett annat år, 1 med fel), 1 fel, 1 varning",
                    "2 filer, 2 åtgärder (6 rader utelämnades: 2 dubbletter, \
                     2 från ett annat år, 2 med fel), 2 fel, 2 varningar",
                ],
            ),
            (
                Lang::En,
                [
                    "0 files, 0 measures, 0 errors, 0 warnings",
                    "1 file, 1 measure (3 rows left out: 1 duplicate, \
                     1 of another year, 1 with errors), 1 error, 1 warning",
                    "2 files, 2 measures (6 rows left out: 2 duplicates, \
                     2 of another year, 2 with errors), 2 errors, 2 warnings",
                ],
            ),
        ];
        for (lang, lines) in expected {
            for (n, want) in lines.iter().enumerate() {
                assert_eq!(line(lang, n), *want, "{lang:?} {n}");
            }
        }
        let tally = crate::model::Tally {
            measures: 200_000,
            ..Default::default()
        };
        assert_eq!(
            summary_line(Lang::Fi, 1, &tally, (0, 1_234)),
            "1 tiedosto, 200\u{a0}000 toimenpidettä, 0 virhettä, 1\u{a0}234 varoitusta"
        );
        assert_eq!(
            summary_line(Lang::En, 1, &tally, (0, 1_234)),
            "1 file, 200,000 measures, 0 errors, 1,234 warnings"
        );
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("{a} ja {b}", &[("a", "x"), ("b", "y")]), "x ja y");
        // A value holding a placeholder is inserted as it is.
        assert_eq!(fill("{a} ja {b}", &[("a", "{b}"), ("b", "y")]), "{b} ja y");
        assert_eq!(fill("{x} {{a}} {a", &[("a", "1")]), "{x} {1} {a");
    }
}
