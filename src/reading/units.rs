//! Units that number formats show beside a cell's number. A euro cell
//! holding 55 shown as `55,0 t€` (format `0.0" t€"`) means 55 000 €, so a
//! unit the field is not read in makes the number unreadable
//! (`unknown-unit` at the cell), as it does in a column's header. A format
//! that shows euros (`#,##0 "€"`, `[$€-40B]`, `[$EUR]`) or only scales the
//! display (`#,##0,` shows thousands of the euros stored; `#,##0," t€"`
//! says so) leaves the number as stored.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::config::Kind;
use crate::reading::FormatUnit;
use crate::reading::grid::{FormatSection, IntegerShown, Op, When};
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

/// Phrases that state amounts in thousands of euros, as a title, a group
/// row above the header, a unit row or a header's second line writes them
/// (compared as [`phrase`] spells them: lower case, punctuation as spaces).
const THOUSANDS_PHRASES: &[&str] = &[
    "t€",
    "k€",
    "teur",
    "keur",
    "t eur",
    "1000 €",
    "1 000 €",
    "1000€",
    "1 000€",
    "1000 eur",
    "1 000 eur",
    "1000 euroa",
    "1 000 euroa",
    "1000 e",
    "1 000 e",
    "eurk",
    "tuhatta €",
    "tuhansina €",
    "tusen €",
    "€ 1000",
    "€ 1 000",
    "eur 1000",
    "eur 1 000",
    "€ 000",
    "€000",
    "tuhansina euroina",
    "tuhansissa euroissa",
    "tuhatta euroa",
    "tuhansia euroja",
    "luvut tuhansina",
    "i tusen euro",
    "tusen euro",
    "tusentals euro",
    "i tusental euro",
    "in thousands of euros",
    "thousands of euros",
    "thousand euros",
    "in thousands",
    "eur thousand",
    "eur thousands",
    "€ thousand",
    "€ thousands",
];

/// Phrases that state amounts in millions of euros.
const MILLIONS_PHRASES: &[&str] = &[
    "m€",
    "meur",
    "milj €",
    "milj euroa",
    "miljoonaa euroa",
    "miljoonina euroina",
    "miljoonissa euroissa",
    "i miljoner euro",
    "miljoner euro",
    "in millions of euros",
    "millions of euros",
    "million euros",
    "in millions",
    "eur million",
    "€ million",
];

/// A text as the phrases compare: normalised (lower case, accents and
/// invisible characters folded), brackets, dots, commas, colons and
/// apostrophes as spaces, between single spaces (`" luvut tuhansina
/// euroina "`), so a phrase matches whole words only.
fn phrase(text: &str) -> String {
    let spaced: String = normalise(text)
        .chars()
        .map(|c| match c {
            '(' | ')' | '[' | ']' | '{' | '}' | '.' | ',' | ':' | ';' | '\'' | '’' | '/' | '|'
            | '=' => ' ',
            c => c,
        })
        .collect();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The factor (1 000 or 1 000 000) a text states amounts in, anywhere in
/// it (`Toimenpiteet 2021 (t€)`, `Luvut tuhansina euroina`, `i tusen
/// euro`, `in thousands of euros`, `1 000 €`), with the phrase found;
/// `None` when it states no such unit. Titles and group rows above the
/// header are read with it (issue 17: a title saying thousands over euro
/// columns).
pub(crate) fn scale_stated(text: &str) -> Option<(u32, String)> {
    static SPELLED: OnceLock<Vec<(String, u32, &'static str)>> = OnceLock::new();
    let spelled = SPELLED.get_or_init(|| {
        let of =
            |list: &'static [&'static str], f: u32| list.iter().map(move |p| (phrase(p), f, *p));
        of(THOUSANDS_PHRASES, 1000)
            .chain(of(MILLIONS_PHRASES, 1_000_000))
            .collect()
    });
    let t = phrase(text);
    // A phrase followed by more digits is part of an amount (`€ 1 000
    // 000`), not a unit.
    let stated = |p: &str| {
        t.match_indices(p)
            .any(|(at, _)| !t[at + p.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    spelled
        .iter()
        .find(|(p, _, _)| stated(p))
        .map(|&(_, f, p)| (f, p.to_string()))
        .or_else(|| scale_of(text).map(|(f, _)| (f, text.trim().to_string())))
}

/// The words of a text as the scale recogniser reads them: normalised
/// (lower case, accents folded), split into runs of letters, runs of
/// digits (`1 000`, `1.000` and `1,000` joined into `1000`), `€` and `/`;
/// other punctuation separates. `'000` is read as `000`.
fn scale_tokens(text: &str) -> Vec<String> {
    // Normalising folds `/` to a space: the parts between are read apart.
    let mut parts = text.split('/').map(scale_words);
    let mut out = parts.next().unwrap_or_default();
    for part in parts {
        out.push("/".to_string());
        out.extend(part);
    }
    out
}

/// The words of a text without `/` (see [`scale_tokens`]).
fn scale_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = normalise(text).chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
            continue;
        }
        if c.is_ascii_digit() {
            let mut num = String::new();
            loop {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    num.push(chars[i]);
                    i += 1;
                }
                // A group separator followed by exactly three digits goes
                // on the number (`2 341 000`, `1.000`, `1,000`).
                let sep = i < chars.len() && matches!(chars[i], ' ' | '\u{a0}' | '.' | ',');
                let three = sep
                    && chars.len() >= i + 4
                    && chars[i + 1..i + 4].iter().all(|c| c.is_ascii_digit())
                    && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
                if !three {
                    break;
                }
                i += 1;
            }
            out.push(num);
            continue;
        }
        if c == '€' {
            out.push(c.to_string());
        }
        i += 1;
    }
    out
}

/// Whether a word names euros (`€`, `eur`, `euroa`, `euroina`,
/// `euromäärät`, `e`).
fn is_euro_word(w: &str) -> bool {
    w == "€" || w == "e" || w == "eur" || w.starts_with("euro")
}

/// The factor a word states amounts in by itself (`tuhansina`,
/// `thousands`, `tusental`, `miljoonina`, `millions`), with no euro word
/// needed.
fn strong_scale(w: &str) -> Option<u32> {
    if w.starts_with("tuhansi") || w.starts_with("thousands") || w.starts_with("tusental") {
        Some(1000)
    } else if w.starts_with("miljoonin")
        || w.starts_with("miljoonis")
        || w.starts_with("millions")
        || w.starts_with("miljoner")
    {
        Some(1_000_000)
    } else {
        None
    }
}

/// The factor a word states beside a euro word or as a unit alone (`t`,
/// `tuh`, `tuhatta`, `tsd`, `thousand`, `tusen`, `k`, `1000`, `000`;
/// `milj`, `mio`, `mn`, `m`, `million`, `miljoonaa`), and whether the word
/// names euros too (`teur`, `keur`, `teuroa`, `meur`).
fn weak_scale(w: &str) -> Option<(u32, bool)> {
    let thousand = ["t", "tuh", "tsd", "thousand", "tusen", "k", "1000", "000"];
    let million = ["m", "mio", "mn", "milj", "million"];
    if thousand.contains(&w) || w.starts_with("tuhat") || w.starts_with("tuhan") {
        return Some((1000, false));
    }
    if million.contains(&w) || w.starts_with("miljoon") || w.starts_with("miljon") {
        return Some((1_000_000, false));
    }
    match w {
        "teur" | "keur" | "teuroa" | "teuro" | "eurk" => Some((1000, true)),
        "meur" | "mileur" => Some((1_000_000, true)),
        _ => None,
    }
}

/// Words that may stand beside a unit in a unit phrase (`x 1000`, `in
/// thousands of euros`, `i tusen euro`) without making it a sentence.
fn is_filler(w: &str) -> bool {
    matches!(w, "x" | "in" | "i" | "of" | "ssa" | "luvut" | "/")
}

/// The one recogniser of a unit of thousands or millions of euros
/// (issue 17), used by titles, the cell above the header, a unit row, a
/// header's unit and a number format's text: the factor (1 000 or
/// 1 000 000) `text` states and whether the text is nothing but the unit
/// (`t. €`, `x 1000`, `(1000)`), or `None`. A word that states a scale by
/// itself (`tuhansina`, `thousands`, `miljoonina`) is enough; a short one
/// (`t.`, `tuh.`, `tsd`, `k`, `1 000`, `'000`, `mio`, `milj.`) counts next
/// to a euro word or in a text that is only a unit. An amount is not a
/// unit: `2 341 000 €` (the digits are one number) and `1 000 € / hlö`
/// (per something).
pub(crate) fn scale_of(text: &str) -> Option<(u32, bool)> {
    let toks = scale_tokens(text);
    let per = |i: usize| {
        toks.get(i + 1).is_some_and(|n| n == "/" || n == "per")
            && toks
                .get(i + 2)
                .is_some_and(|w| weak_scale(w).is_none() && strong_scale(w).is_none())
    };
    let only_unit = !toks.is_empty()
        && toks.iter().all(|w| {
            is_euro_word(w) || weak_scale(w).is_some() || strong_scale(w).is_some() || is_filler(w)
        });
    if let Some(f) = toks.iter().find_map(|w| strong_scale(w)) {
        return Some((f, only_unit));
    }
    for (i, w) in toks.iter().enumerate() {
        let Some((f, euro_too)) = weak_scale(w) else {
            continue;
        };
        let near = |j: usize| toks.get(j).is_some_and(|x| is_euro_word(x));
        // A euro word next to it, or one word away across a filler
        // (`€ x 1000`, `€/1000`).
        let euro_at = [1, 2].into_iter().find_map(|d| {
            [i.checked_sub(d), Some(i + d)]
                .into_iter()
                .flatten()
                .find(|&j| near(j) && (d == 1 || is_filler(&toks[(i + j) / 2])))
        });
        if let Some(j) = euro_at {
            if !per(j.max(i)) {
                return Some((f, only_unit));
            }
        } else if euro_too && !per(i) {
            return Some((f, only_unit));
        }
    }
    // A unit alone without a euro word (`x 1000`, `(1000)`, `tuhatta`):
    // a bare number needs the `x` or the brackets to be a unit.
    let marked = toks.iter().any(|w| w == "x") || text.contains('(');
    if only_unit {
        let f = toks.iter().find_map(|w| {
            weak_scale(w)
                .filter(|_| marked || !w.chars().all(|c| c.is_ascii_digit()) && w.len() > 1)
        });
        return f.map(|(f, _)| (f, true));
    }
    None
}

/// Whether a text is a unit and nothing else (`€`, `t€`, `1 000 €`,
/// `htv`, `kpl`, `%`, `(EUR)`, `tuhatta euroa`): a unit row's cell, a
/// header's second line, or the bracketed or trailing part of a header.
pub(crate) fn is_unit_text(text: &str) -> bool {
    static UNITS: OnceLock<HashSet<String>> = OnceLock::new();
    let units = UNITS.get_or_init(|| {
        [Kind::Euro, Kind::Number, Kind::Whole]
            .iter()
            .flat_map(|k| allowed(*k).iter())
            .chain(THOUSANDS_PHRASES)
            .chain(MILLIONS_PHRASES)
            .chain(&["%", "eur", "euroa"])
            .map(|u| phrase(u))
            .collect()
    });
    let t = phrase(text);
    t.trim() != "" && (units.contains(&t) || scale_of(text).is_some_and(|(_, alone)| alone))
}

/// Whether a header's `unit` is one a field of `kind` is read in (euros,
/// FTE, people): what a header cell, a unit row or a title says is read
/// by the same rule as the format's text ([`accepted`]).
pub(crate) fn header_unit_allowed(unit: &str, kind: Kind) -> bool {
    let list = allowed(kind);
    let n = phrase(unit);
    list.is_empty() || n.trim().is_empty() || list.iter().any(|a| phrase(a) == n)
}

/// Whether a number shown with `unit` is read right as stored in a field
/// of `kind`.
pub(crate) fn accepted(unit: &FormatSection, kind: Kind) -> bool {
    let allowed = allowed(kind);
    if allowed.is_empty() {
        return true;
    }
    let compact: String = normalise(&unit.text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if unit.percent {
        return false; // shows the number times 100
    }
    if compact.is_empty() {
        return true;
    }
    let scale = |f: f64| (unit.factor - f).abs() < 1e-9 * f;
    if allowed.iter().any(|a| normalise(a) == compact) {
        return scale(1.0);
    }
    kind == Kind::Euro
        && ((THOUSANDS.contains(&compact.as_str()) && scale(1e3))
            || (MILLIONS.contains(&compact.as_str()) && scale(1e6))
            || scale_of(&unit.text).is_some_and(|(f, alone)| alone && scale(f64::from(f))))
}

/// What an Excel number format (xlsx `numFmt`, xls FORMAT) shows beside
/// a number, section by section (`pos;neg;zero;text`, or conditions such
/// as `[<1000]`): each section's literal text (quoted text, `\x`, the
/// symbol of `[$t€-40B]`, bare symbols such as `€`, a `%`), the factor its
/// trailing commas divide by (`#,##0,` 1000), and whether a `%` shows the
/// number times 100. `None` when no section shows text or a percentage.
pub fn excel_format_unit(code: &str) -> Option<FormatUnit> {
    let mut parsed: Vec<(Option<When>, FormatSection)> = split_sections(code)
        .into_iter()
        .take(3) // a fourth section shows text, not numbers
        .map(|s| excel_section(&s))
        .collect();
    if parsed.is_empty() {
        return None;
    }
    if parsed.iter().all(|(w, _)| w.is_none()) {
        // Without conditions: positive (and zero); negative; zero.
        let whens: &[When] = match parsed.len() {
            1 => &[When::Any],
            2 => &[When::Cmp(Op::Ge, 0.0), When::Any],
            _ => &[When::Cmp(Op::Gt, 0.0), When::Cmp(Op::Lt, 0.0), When::Any],
        };
        for ((_, s), w) in parsed.iter_mut().zip(whens) {
            s.when = *w;
        }
    } else {
        for (w, s) in parsed.iter_mut() {
            s.when = w.unwrap_or(When::Any);
        }
    }
    let unit = FormatUnit {
        sections: parsed.into_iter().map(|(_, s)| s).collect(),
    };
    (!unit.is_plain()).then_some(unit)
}

/// The sections of a format code, split at `;` outside quotes, escapes
/// and brackets.
fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        let cur = out.last_mut().expect("one section at least");
        match c {
            ';' => out.push(String::new()),
            '"' => {
                cur.push(c);
                for q in chars.by_ref() {
                    cur.push(q);
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                cur.push(c);
                for q in chars.by_ref() {
                    cur.push(q);
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '*' | '_' => {
                cur.push(c);
                if let Some(q) = chars.next() {
                    cur.push(q);
                }
            }
            c => cur.push(c),
        }
    }
    out
}

/// One section of an Excel format: its condition (`[<1000]`), if any, and
/// what it shows.
fn excel_section(code: &str) -> (Option<When>, FormatSection) {
    let mut text = String::new();
    let mut when = None;
    let mut percent = false;
    let mut commas = 0i32;
    let mut after_digit = false;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
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
                // [$t€-40B]: a currency symbol and a locale; [<1000]: a
                // condition; [Red]: neither.
                if let Some(cur) = inside.strip_prefix('$') {
                    text.push(' ');
                    text.push_str(cur.split('-').next().unwrap_or(""));
                    text.push(' ');
                } else if let Some(w) = When::parse(&inside) {
                    when = Some(w);
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
            '%' => {
                // Shows the number times 100, and a percent sign.
                percent = true;
                text.push(' ');
                text.push('%');
                text.push(' ');
                after_digit = false;
            }
            '.' | 'E' | 'e' | '+' | '-' | '/' | '(' | ')' | ':' | ' ' | '@' => {
                after_digit = after_digit && c == '.';
            }
            c if c.is_ascii_alphabetic() => after_digit = false, // y, m, d, General
            c => {
                text.push(c); // €, $, £ and other symbols shown as they are
                after_digit = false;
            }
        }
    }
    let integer = integer_shown(code);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let section = FormatSection {
        when: When::Any,
        // An empty section (`;;;`, the zero section of `0;-0;;@`) shows
        // nothing: the sheet shows the cell empty.
        hidden: code.trim().is_empty(),
        text,
        factor: 1000f64.powi(commas),
        percent,
        integer,
    };
    (when, section)
}

/// A section that shows a whole number zero-padded between literal texts
/// (`"KUKU-"00`, `\T-000`, `00000`): only quoted, escaped or plain literal text (`-`, `/`, a space…) around
/// one run of `0`s, nothing else (no decimals, grouping, scaling, colour
/// or condition, which a number field's format would have).
fn integer_shown(code: &str) -> Option<IntegerShown> {
    let (mut prefix, mut suffix) = (String::new(), String::new());
    let mut digits = 0;
    let mut chars = code.trim().chars();
    while let Some(c) = chars.next() {
        if c == '0' && suffix.is_empty() {
            digits += 1;
            continue;
        }
        let side = if digits == 0 {
            &mut prefix
        } else {
            &mut suffix
        };
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    side.push(q);
                }
            }
            '\\' => side.push(chars.next()?),
            // Characters Excel shows as they are without quotes.
            '-' | '+' | '/' | '(' | ')' | ':' | ' ' | '$' => side.push(c),
            _ => return None,
        }
    }
    (digits > 0 && (digits > 1 || !prefix.is_empty() || !suffix.is_empty())).then_some(
        IntegerShown {
            prefix,
            digits,
            suffix,
        },
    )
}

/// The built-in Excel number formats (xlsx `numFmtId`, xls `ifmt` below
/// 164) that show a unit: 9 `0%` and 10 `0.00%`.
pub fn builtin_format_unit(id: u32) -> Option<FormatUnit> {
    matches!(id, 9 | 10).then(|| FormatUnit::single("%", 1.0, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str) -> Option<(String, f64)> {
        excel_format_unit(code).map(|u| {
            let s = &u.sections[0];
            (s.text.clone(), s.factor)
        })
    }

    /// The text of the section that shows `v`.
    fn shows(code: &str, v: f64) -> Option<String> {
        let u = excel_format_unit(code)?;
        u.section(v).map(|s| s.text.clone())
    }

    #[test]
    fn units_are_the_formats_literal_text() {
        assert_eq!(unit("0.0\" t€\""), Some(("t€".into(), 1.0)));
        assert_eq!(unit("#,##0\" k€\""), Some(("k€".into(), 1.0)));
        assert_eq!(unit("0\" milj. €\""), Some(("milj. €".into(), 1.0)));
        assert_eq!(unit("[$t€-40B] #,##0"), Some(("t€".into(), 1.0)));
        assert_eq!(unit("#,##0,\" t€\""), Some(("t€".into(), 1000.0)));
        assert_eq!(unit("#,##0 €;[Red]-#,##0 €"), Some(("€".into(), 1.0)));
        assert_eq!(unit("#,##0,"), Some(("".into(), 1000.0)));
        assert_eq!(unit("#,##0.00"), None);
        assert_eq!(unit("General"), None);
        assert_eq!(unit("d.m.yyyy"), None);
        assert_eq!(unit("[Red]#,##0;[Blue]-#,##0"), None);
        assert_eq!(unit("_-* #,##0\\ \"€\"_-"), Some(("€".into(), 1.0)));
        assert_eq!(unit("0%"), Some(("%".into(), 1.0)));
        assert!(excel_format_unit("0.00%").unwrap().sections[0].percent);
        assert_eq!(unit("0\"%\""), Some(("%".into(), 1.0)));
        assert!(!excel_format_unit("0\"%\"").unwrap().sections[0].percent);
        assert!(builtin_format_unit(9).is_some() && builtin_format_unit(3).is_none());
    }

    #[test]
    fn the_section_for_the_value_decides() {
        let two = "0\" t€\";-0\" €\"";
        assert_eq!(shows(two, 55.0).as_deref(), Some("t€"));
        assert_eq!(shows(two, 0.0).as_deref(), Some("t€"));
        assert_eq!(shows(two, -55.0).as_deref(), Some("€"));
        let three = "0\" t€\";-0\" t€\";0\" €\"";
        assert_eq!(shows(three, 55.0).as_deref(), Some("t€"));
        assert_eq!(shows(three, 0.0).as_deref(), Some("€"));
        let cond = "[<1000]0\" t€\";#,##0 €";
        assert_eq!(shows(cond, 55.0).as_deref(), Some("t€"));
        assert_eq!(shows(cond, 5500.0).as_deref(), Some("€"));
        let neg = "#,##0 €;[Red]-#,##0\" t€\"";
        assert_eq!(shows(neg, 55.0).as_deref(), Some("€"));
        assert_eq!(shows(neg, -55.0).as_deref(), Some("t€"));
        assert_eq!(shows("0;-0;0;@\" t€\"", 5.0).as_deref(), None);
    }

    #[test]
    fn empty_sections_hide_the_number() {
        let hidden = |code: &str, v: f64| {
            excel_format_unit(code)
                .and_then(|u| u.section(v).map(|s| s.hidden))
                .unwrap_or(false)
        };
        assert!(hidden(";;;", 5000.0) && hidden(";;;", -1.0) && hidden(";;;", 0.0));
        assert!(hidden("0;-0;;@", 0.0) && !hidden("0;-0;;@", 5.0));
        assert!(!hidden("#,##0", 5.0) && !hidden("General", 5.0));
    }

    #[test]
    fn titles_state_thousands_in_three_languages_and_amounts_do_not() {
        for (text, factor) in [
            ("Kaupunkiympäristön toimenpiteet 2021 (t€)", 1000),
            ("Luvut tuhansina euroina", 1000),
            ("Summat: tuhatta euroa", 1000),
            ("Belopp i tusen euro", 1000),
            ("Figures in thousands of euros", 1000),
            ("Toimenpiteet 2021, 1 000 €", 1000),
            ("(EUR 1,000)", 1000),
            ("TEUR", 1000),
            ("Luvut miljoonina euroina", 1_000_000),
        ] {
            assert_eq!(scale_stated(text).map(|s| s.0), Some(factor), "{text}");
        }
        for text in [
            "Ohjelman budjetti 2 341 000 €",
            "Budget € 1 000 000",
            "Kaupunkiympäristön toimenpiteet 2021 (€)",
            "Summat euroina",
            "Toimenpiteet 2021",
        ] {
            assert_eq!(scale_stated(text), None, "{text}");
        }
        assert!(is_unit_text("€") && is_unit_text("(EUR)") && is_unit_text("1 000 €"));
        assert!(is_unit_text("htv") && is_unit_text("t€") && !is_unit_text("Toteuma"));
        assert!(!is_unit_text("") && !is_unit_text("2021"));
    }

    #[test]
    fn a_unit_is_accepted_where_the_number_is_in_the_fields_unit() {
        let u = |t: &str, f: f64| FormatUnit::single(t, f, false).sections.remove(0);
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
        let pct = FormatUnit::single("%", 1.0, true).sections.remove(0);
        assert!(!accepted(&pct, Kind::Euro));
        assert!(!accepted(&pct, Kind::Whole));
        assert!(accepted(&pct, Kind::Text));
    }

    #[test]
    fn code_formats_show_whole_numbers_padded_between_texts() {
        let shown = |code: &str, v: f64| integer_shown(code).and_then(|i| i.show(v));
        assert_eq!(shown("\"KUKU-\"00", 7.0).as_deref(), Some("KUKU-07"));
        assert_eq!(shown("00000", 42.0).as_deref(), Some("00042"));
        assert_eq!(shown("\\T-000\" a\"", 5.0).as_deref(), Some("T-005 a"));
        // Numbers, not codes: plain, decimals, grouping, scaling, fractions.
        for code in ["0", "0.00", "#,##0", "0,", "\"KUKU-\"0.0", "General"] {
            assert_eq!(integer_shown(code), None, "{code}");
        }
        assert_eq!(shown("\"KUKU-\"00", 7.5), None);
    }

    #[test]
    fn one_recogniser_reads_thousands_and_millions_in_three_languages() {
        // Titles and the cell above the header (issue 17, tester 17c).
        for text in [
            "Luvut 1000 euroina",
            "Luvut 1 000 euroina",
            "Euromäärät tuhansina",
            "Rahasummat tuhansina",
            "Luvut t. €",
            "Taulukon luvut tuh. euroa",
            "Belopp i 1000 euro",
            "x 1000",
            "tuh. €",
            "euroa (1000)",
            "tuhansina",
            "Kaupunkikulttuuri 2021, luvut 1000 euroina",
            "Summat 1000 €:ssa",
            "Kaikki luvut x 1000 €",
            "Amounts in EUR 1,000",
            "Figures in €000",
            "Amounts in kEUR",
            "Euromäärät (1000 euroa)",
            "Summor i tusental euro",
            "Belopp i tusen euro",
            "Beträge in Tsd. €",
            "EUR '000",
        ] {
            assert_eq!(scale_stated(text).map(|s| s.0), Some(1000), "{text}");
        }
        for text in [
            "Luvut miljoonina euroina",
            "Summat milj. €",
            "Belopp i miljoner euro",
        ] {
            assert_eq!(scale_stated(text).map(|s| s.0), Some(1_000_000), "{text}");
        }
        // A header's unit: only a unit, so `undecorate` takes it off.
        for unit in [
            "t. €",
            "tuh. €",
            "1000 euro",
            "thousand EUR",
            "Tsd. €",
            "x 1000 €",
            "€ x 1000",
            "€1000",
            "€/1000",
            "teuroa",
            "€k",
            "€'000",
            "x1000",
            "1.000 €",
            "tuhansina",
        ] {
            assert!(is_unit_text(unit), "{unit}");
            assert_eq!(scale_of(unit).map(|s| s.0), Some(1000), "{unit}");
        }
        for unit in ["Mio. €", "milj. euroa", "mn EUR", "M€", "million euros"] {
            assert!(is_unit_text(unit), "{unit}");
            assert_eq!(scale_of(unit).map(|s| s.0), Some(1_000_000), "{unit}");
        }
        // Amounts and ordinary texts are not units.
        for text in [
            "Tuki 1 000 € / hlö",
            "Avustus 1 000 euroa per hakija",
            "Ohjelman budjetti 2 341 000 €",
            "Budget € 1 000 000",
            "Toimenpiteet 2021",
            "Summat euroina",
            "Budjetti 2021",
            "1000",
            "Toteuma",
        ] {
            assert_eq!(scale_of(text), None, "{text}");
        }
        // A format's text with the matching division is read as stored.
        let u = |t: &str, f: f64| FormatUnit::single(t, f, false).sections.remove(0);
        assert!(accepted(&u("Tsd. €", 1000.0), Kind::Euro));
        assert!(!accepted(&u("Tsd. €", 1.0), Kind::Euro));
    }
}
