//! Units that number formats show beside a cell's number. A euro cell
//! holding 55 shown as `55,0 t€` (format `0.0" t€"`) means 55 000 €, so a
//! unit the field is not read in makes the number unreadable
//! (`unknown-unit` at the cell), as it does in a column's header. A format
//! that shows euros (`#,##0 "€"`, `[$€-40B]`, `[$EUR]`) or only scales the
//! display (`#,##0,` shows thousands of the euros stored; `#,##0," t€"`
//! says so) leaves the number as stored.

use crate::config::Kind;
use crate::reading::FormatUnit;
use crate::text::normalise;

/// Units a field of `kind` is read in, as a header or a format may name
/// them (an empty list for fields that are not numbers).
pub(crate) fn allowed(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Euro => &["€", "eur", "euro", "euroa", "euros", "e"],
        Kind::Number => &["htv", "hlö", "henkilötyövuotta", "årsverken", "fte"],
        Kind::Whole => &["kpl", "hlö", "henkilöä", "st", "personer", "people"],
        _ => &[],
    }
}

/// Thousands and millions of euros, spelled as formats show them (spaces
/// and dots left out): right only where the format divides by as much.
const THOUSANDS: &[&str] = &[
    "t€",
    "k€",
    "teur",
    "keur",
    "te",
    "ke",
    "1000€",
    "tuhattaeuroa",
];
const MILLIONS: &[&str] = &["milj€", "m€", "meur", "me", "miljoonaaeuroa", "mileur"];

/// Whether a number shown with `unit` is read right as stored in a field
/// of `kind`.
pub(crate) fn accepted(unit: &FormatUnit, kind: Kind) -> bool {
    let allowed = allowed(kind);
    if allowed.is_empty() {
        return true;
    }
    let compact: String = normalise(&unit.text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if compact.is_empty() {
        return true;
    }
    let scale = |f: f64| (unit.factor - f).abs() < 1e-9 * f;
    if allowed.iter().any(|a| normalise(a) == compact) {
        return scale(1.0);
    }
    kind == Kind::Euro
        && ((THOUSANDS.contains(&compact.as_str()) && scale(1e3))
            || (MILLIONS.contains(&compact.as_str()) && scale(1e6)))
}

/// The unit an Excel number format (xlsx `numFmt`, xls FORMAT) shows
/// beside a positive number: the literal text of its first section (quoted
/// text, `\x`, the symbol of `[$t€-40B]`, bare symbols such as `€`), and
/// the factor its trailing commas divide by (`#,##0,` 1000). `None` when
/// the format shows no text.
pub fn excel_format_unit(code: &str) -> Option<FormatUnit> {
    let mut text = String::new();
    let mut commas = 0i32;
    let mut after_digit = false;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    text.push(q);
                }
                after_digit = false;
            }
            '\\' => {
                if let Some(q) = chars.next() {
                    text.push(q);
                }
                after_digit = false;
            }
            '[' => {
                let mut inside = String::new();
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                    inside.push(q);
                }
                // [$t€-40B]: a currency symbol and a locale; [Red], [>0]: none.
                if let Some(cur) = inside.strip_prefix('$') {
                    text.push(' ');
                    text.push_str(cur.split('-').next().unwrap_or(""));
                    text.push(' ');
                }
            }
            // Fill and spacing take the next character, which shows no text.
            '*' | '_' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                after_digit = true;
                commas = 0;
            }
            ',' if after_digit => {
                // A comma between digit placeholders groups thousands; one
                // after the last placeholder divides by a thousand.
                if matches!(chars.peek(), Some('0' | '#' | '?')) {
                    continue;
                }
                commas += 1;
            }
            '.' | 'E' | 'e' | '+' | '-' | '%' | '/' | '(' | ')' | ':' | ' ' | '@' => {
                after_digit = after_digit && c == '.';
            }
            c if c.is_ascii_alphabetic() => after_digit = false, // y, m, d, General
            c => {
                text.push(c); // €, $, £ and other symbols shown as they are
                after_digit = false;
            }
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then(|| FormatUnit {
        text,
        factor: 1000f64.powi(commas),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str) -> Option<(String, f64)> {
        excel_format_unit(code).map(|u| (u.text, u.factor))
    }

    #[test]
    fn units_are_the_formats_literal_text() {
        assert_eq!(unit("0.0\" t€\""), Some(("t€".into(), 1.0)));
        assert_eq!(unit("#,##0\" k€\""), Some(("k€".into(), 1.0)));
        assert_eq!(unit("0\" milj. €\""), Some(("milj. €".into(), 1.0)));
        assert_eq!(unit("[$t€-40B] #,##0"), Some(("t€".into(), 1.0)));
        assert_eq!(unit("#,##0,\" t€\""), Some(("t€".into(), 1000.0)));
        assert_eq!(unit("#,##0 €;[Red]-#,##0 €"), Some(("€".into(), 1.0)));
        assert_eq!(unit("#,##0,"), None);
        assert_eq!(unit("#,##0.00"), None);
        assert_eq!(unit("General"), None);
        assert_eq!(unit("d.m.yyyy"), None);
        assert_eq!(unit("[Red]#,##0;[Blue]-#,##0"), None);
        assert_eq!(unit("_-* #,##0\\ \"€\"_-"), Some(("€".into(), 1.0)));
    }

    #[test]
    fn a_unit_is_accepted_where_the_number_is_in_the_fields_unit() {
        let u = |t: &str, f: f64| FormatUnit {
            text: t.into(),
            factor: f,
        };
        assert!(accepted(&u("€", 1.0), Kind::Euro));
        assert!(accepted(&u("EUR", 1.0), Kind::Euro));
        assert!(accepted(&u("t€", 1000.0), Kind::Euro));
        assert!(accepted(&u("milj. €", 1e6), Kind::Euro));
        assert!(!accepted(&u("t€", 1.0), Kind::Euro));
        assert!(!accepted(&u("k€", 1.0), Kind::Euro));
        assert!(!accepted(&u("milj. €", 1.0), Kind::Euro));
        assert!(!accepted(&u("htkk", 1.0), Kind::Number));
        assert!(accepted(&u("htv", 1.0), Kind::Number));
        assert!(accepted(&u("t€", 1.0), Kind::Text));
    }
}
