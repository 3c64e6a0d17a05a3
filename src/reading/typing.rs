//! Typing one cell by its column's kind: the single place where a cell
//! becomes a value or a finding.

use std::borrow::Cow;

use crate::config::{Field, Kind};
use crate::i18n::{Lang, fill};
use crate::model::finding::Code;
use crate::model::parse::{self, Cents, ParseError};
use crate::model::{Cell, Value};
use crate::reading::schema::{ListKind, Schema};

/// The most characters an Excel cell holds, counted as Excel counts them: in
/// UTF-16 units (an emoji is two).
pub const EXCEL_CELL_CHARS: usize = 32_767;

/// A problem with one cell, before it is given a location.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Finding code.
    pub code: Code,
    /// Message in the chosen language.
    pub message: String,
    /// Hint in the chosen language.
    pub hint: Option<String>,
}

/// The outcome of typing a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// A good value.
    Value(Value),
    /// A usable value with a warning.
    Warned(Value, Problem),
    /// Nothing typed.
    Blank,
    /// A value that cannot be used.
    Problem(Problem),
}

fn problem(code: Code, message: String, hint: impl Into<Option<String>>) -> Typed {
    Typed::Problem(Problem {
        code,
        message,
        hint: hint.into(),
    })
}

/// Types `cell` as `field`'s kind. `mark` is the decimal mark of the
/// file's numbers typed as text (`reading::separators` decides it from the
/// file): it reads `90,000` and `1.000`, and where it decides nothing such
/// a value is an `ambiguous-number` finding naming both readings.
pub fn type_cell(
    schema: &Schema,
    field: &Field,
    cell: &Cell,
    lang: Lang,
    mark: parse::DecimalMark,
) -> Typed {
    let t = lang.texts();
    match cell {
        _ if cell.is_blank() => return Typed::Blank,
        Cell::Error(e) => {
            return problem(
                Code::TypeError,
                fill(t.error_value, &[("value", e)]),
                kind_hint(field.kind, lang),
            );
        }
        // A spreadsheet's error value exported as text (a CSV of a sheet
        // whose VLOOKUP failed): Excel itself turns a typed `#N/A` into
        // the error value, so such text is never a person's value.
        Cell::Text(text) if is_error_literal(text) => {
            return problem(
                Code::TypeError,
                fill(t.error_value, &[("value", crate::text::trim(text))]),
                kind_hint(field.kind, lang),
            );
        }
        Cell::FormulaWithoutValue(f) => {
            return problem(
                Code::FormulaWithoutValue,
                fill(t.formula_without_value, &[("value", f)]),
                t.formula_hint.to_string(),
            );
        }
        _ => {}
    }
    // Text cells are borrowed; other cells (numbers for a text field, say)
    // are rendered only where the text is used. This runs for every cell.
    let shown = || -> Cow<'_, str> {
        match cell {
            Cell::Text(s) => Cow::Borrowed(crate::text::trim(s)),
            other => {
                let shown = other.display();
                match shown.trim() {
                    t if t.len() == shown.len() => Cow::Owned(shown),
                    t => Cow::Owned(t.to_string()),
                }
            }
        }
    };
    match field.kind {
        Kind::Text => {
            let text = shown();
            // UTF-16 units are never more than bytes: the length in bytes
            // rules out most texts without counting.
            if text.len() > EXCEL_CELL_CHARS && text.encode_utf16().count() > EXCEL_CELL_CHARS {
                Typed::Warned(
                    Value::Text(text.as_ref().into()),
                    Problem {
                        code: Code::TextTooLong,
                        message: fill(
                            t.text_too_long,
                            &[
                                ("count", &lang.integer(text.encode_utf16().count() as i64)),
                                ("limit", &lang.integer(EXCEL_CELL_CHARS as i64)),
                            ],
                        ),
                        hint: Some(t.text_too_long_hint.to_string()),
                    },
                )
            } else {
                Typed::Value(Value::Text(text.as_ref().into()))
            }
        }
        Kind::Email => {
            let text = &*shown();
            if is_email(text) {
                Typed::Value(Value::Text(text.into()))
            } else {
                Typed::Warned(
                    Value::Text(text.into()),
                    Problem {
                        code: Code::InvalidFormat,
                        message: fill(t.not_email, &[("value", text)]),
                        hint: Some(t.email_hint.to_string()),
                    },
                )
            }
        }
        Kind::Department | Kind::FocusArea | Kind::Status => {
            let text = &*shown();
            let list = Schema::list_of_kind(field.kind).unwrap_or(ListKind::Status);
            match schema.lookup(list, text) {
                Some(i) => Typed::Value(Value::Choice(i)),
                None => not_allowed(schema, list, text, lang),
            }
        }
        Kind::Areas | Kind::Themes => {
            let text = &*shown();
            let list = Schema::list_of_kind(field.kind).unwrap_or(ListKind::Area);
            let mut chosen = Vec::new();
            for part in text
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match schema.lookup(list, part) {
                    Some(i) if !chosen.contains(&i) => chosen.push(i),
                    Some(_) => {}
                    None => return not_allowed(schema, list, part, lang),
                }
            }
            if chosen.is_empty() {
                Typed::Blank
            } else {
                Typed::Value(Value::Choices(chosen))
            }
        }
        Kind::Year => {
            let year = match cell {
                Cell::Number(n) => parse::whole_from_f64(*n)
                    .ok()
                    .and_then(|v| i32::try_from(v).ok()),
                Cell::Text(s) => parse::parse_year(s).ok(),
                // A year typed as a date (often shown as `2021` through the
                // format `yyyy`): the year is what the person sees and means.
                Cell::Date(d) => Some(d.year),
                _ => None,
            };
            match year {
                None => type_error(field.kind, &shown(), lang),
                Some(y) if !schema.config.is_programme_year(y) => {
                    let p = &schema.config.programme;
                    problem(
                        Code::OutOfRange,
                        fill(
                            t.year_out_of_range,
                            &[
                                ("value", &y.to_string()),
                                ("first", &p.first_year.get_ref().to_string()),
                                ("last", &p.last_year.get_ref().to_string()),
                            ],
                        ),
                        t.year_hint.to_string(),
                    )
                }
                Some(y) => Typed::Value(Value::Year(y)),
            }
        }
        Kind::Euro => {
            let cents = match cell {
                Cell::Number(n) => Cents::from_euros(*n).ok_or(ParseError::NotANumber),
                Cell::Text(s) => parse::parse_euros_as(s, mark),
                _ => Err(ParseError::NotANumber),
            };
            match cents {
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), lang),
                Err(_) => too_large(field.kind, cell, mark, lang)
                    .unwrap_or_else(|| type_error(field.kind, &shown(), lang)),
                Ok(c) if c.0 < 0 => negative(field, &shown(), lang),
                Ok(c) => Typed::Value(Value::Money(c)),
            }
        }
        Kind::Number => {
            let v = match cell {
                Cell::Number(n) if n.is_finite() => Ok(*n),
                Cell::Text(s) => parse::parse_number_as(s, mark),
                _ => Err(ParseError::NotANumber),
            };
            match v {
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), lang),
                Err(_) => type_error(field.kind, &shown(), lang),
                // 400 digits typed as text read as infinity.
                Ok(v) if !v.is_finite() => too_large(field.kind, cell, mark, lang)
                    .unwrap_or_else(|| type_error(field.kind, &shown(), lang)),
                Ok(v) if v < 0.0 => negative(field, &shown(), lang),
                Ok(v) => Typed::Value(Value::Number(v)),
            }
        }
        Kind::Whole => {
            let v = match cell {
                Cell::Number(n) => parse::whole_from_f64(*n),
                Cell::Text(s) => parse::parse_whole_as(s, mark),
                _ => Err(ParseError::NotANumber),
            };
            match v {
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), lang),
                Err(_) => too_large(field.kind, cell, mark, lang)
                    .unwrap_or_else(|| type_error(field.kind, &shown(), lang)),
                Ok(v) if v < 0 => negative(field, &shown(), lang),
                Ok(v) => Typed::Value(Value::Whole(v)),
            }
        }
        Kind::Date => {
            let d = match cell {
                Cell::Date(d) => Some(*d),
                Cell::Number(n) => parse::Date::from_excel_serial(*n),
                Cell::Text(s) => parse::parse_date(s.split('T').next().unwrap_or(s)).ok(),
                _ => None,
            };
            match d {
                Some(d) => Typed::Value(Value::Date(d)),
                None => type_error(field.kind, &shown(), lang),
            }
        }
    }
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Euro => 0,
        Kind::Number => 1,
        Kind::Whole => 2,
        Kind::Year => 3,
        _ => 4,
    }
}

fn kind_hint(kind: Kind, lang: Lang) -> Option<String> {
    matches!(
        kind,
        Kind::Euro | Kind::Number | Kind::Whole | Kind::Year | Kind::Date
    )
    .then(|| lang.texts().kind_hints[kind_index(kind)].to_string())
}

fn type_error(kind: Kind, text: &str, lang: Lang) -> Typed {
    let t = lang.texts();
    problem(
        Code::TypeError,
        fill(
            t.type_error,
            &[
                ("value", &crate::text::visible(&shortened(text, lang))),
                ("kind", t.kind_names[kind_index(kind)]),
            ],
        ),
        kind_hint(kind, lang),
    )
}

/// A value for a message, cut after 60 characters with `…`: the finding's
/// `value` keeps it whole, and a line of thousands of characters hides
/// what it says.
fn shortened(text: &str, lang: Lang) -> Cow<'_, str> {
    let digits = text.trim().trim_start_matches('-');
    if digits.len() > 20 && digits.bytes().all(|b| b.is_ascii_digit()) {
        // A number of hundreds of digits: its size is what matters.
        if let Some(s) = digits_short(text, lang != Lang::En) {
            return Cow::Owned(s);
        }
    }
    match text.char_indices().nth(60) {
        Some((i, _)) if text.chars().count() > 80 => Cow::Owned(format!("{}…", &text[..i])),
        _ => Cow::Borrowed(text),
    }
}

/// A whole number typed as digits (with spaces) in scientific form from
/// its first two digits and its count: `9,9·10^399`.
fn digits_short(s: &str, comma: bool) -> Option<String> {
    let t = s.trim().trim_start_matches('-');
    if !t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
        return None;
    }
    let digits: Vec<char> = t.chars().filter(char::is_ascii_digit).collect();
    let (first, second) = (digits.first()?, digits.get(1)?);
    let sign = if s.trim().starts_with('-') { "-" } else { "" };
    let mark = if comma { ',' } else { '.' };
    Some(format!(
        "{sign}{first}{mark}{second}·10^{}",
        digits.len() - 1
    ))
}

/// The finding for a number too large for `kind` (euros past what kooste
/// keeps in cents, a whole number past exact integers, infinity), shown
/// short (`1,0·10^308`) instead of as hundreds of digits; `None` when the
/// cell is no such number, so it is an ordinary type error.
fn too_large(kind: Kind, cell: &Cell, mark: parse::DecimalMark, lang: Lang) -> Option<Typed> {
    let v = match cell {
        Cell::Number(n) => *n,
        Cell::Text(s) => parse::parse_number_as(s, mark).ok()?,
        _ => return None,
    };
    let limit = match kind {
        Kind::Euro => crate::config::limits::MAX_EUROS,
        Kind::Whole => 9.0e15,
        _ => f64::MAX,
    };
    if v.is_finite() && v.abs() < limit {
        return None;
    }
    let t = lang.texts();
    let comma = lang != Lang::En;
    let value = match cell {
        // Digits past f64's range read as infinity: say how many there are.
        Cell::Text(s) if v.is_infinite() => {
            digits_short(s, comma).unwrap_or_else(|| crate::text::short_number_in(v, comma))
        }
        _ => crate::text::short_number_in(v, comma),
    };
    Some(problem(
        Code::TypeError,
        fill(
            t.too_large_number,
            &[("value", &value), ("kind", t.kind_names[kind_index(kind)])],
        ),
        kind_hint(kind, lang),
    ))
}

/// The `ambiguous-number` finding for a value such as `90,000`: both
/// readings, as thousands and as decimals, in the language's own format.
fn ambiguous(kind: Kind, text: &str, lang: Lang) -> Typed {
    let t = lang.texts();
    let sep = match parse::shape(text) {
        parse::Shape::Lone(c) => c,
        _ => ',',
    };
    let (grouped, decimal) = parse::lone_readings(text).unwrap_or_default();
    let show = |v: f64| match kind {
        Kind::Euro => Cents::from_euros(v)
            .map(|c| lang.euros_exact(c))
            .unwrap_or_default(),
        _ => {
            let places = if v.fract() == 0.0 { 0 } else { 3 };
            lang.decimal(v, places)
        }
    };
    problem(
        Code::AmbiguousNumber,
        fill(
            t.ambiguous_number,
            &[
                ("value", text),
                ("first", &show(grouped)),
                ("second", &show(decimal)),
                ("mark", &format!("\"{sep}\"")),
            ],
        ),
        t.ambiguous_number_hint.to_string(),
    )
}

fn negative(field: &Field, text: &str, lang: Lang) -> Typed {
    let t = lang.texts();
    problem(
        Code::OutOfRange,
        fill(
            t.negative,
            &[
                ("field", field.header.get(lang)),
                ("value", &shortened(text, lang)),
            ],
        ),
        t.negative_hint.to_string(),
    )
}

fn not_allowed(schema: &Schema, list: ListKind, value: &str, lang: Lang) -> Typed {
    let t = lang.texts();
    let allowed = fill(t.allowed_values, &[("values", &schema.allowed(list, lang))]);
    let hint = match schema.closest_choice(list, value, lang) {
        Some(c) => format!("{} {allowed}", fill(t.did_you_mean, &[("value", c)])),
        None => allowed,
    };
    problem(
        Code::NotAllowed,
        // A value that differs from an allowed one only by what cannot be
        // seen names the invisible characters (`SOTE<U+200B>`).
        fill(
            t.not_allowed,
            &[
                ("value", &crate::text::visible(value)),
                ("what", t.list_names[list.index()]),
            ],
        ),
        hint,
    )
}

/// Whether a text is a spreadsheet error value as Excel (in English,
/// Finnish and Swedish) and LibreOffice show it: `#N/A`, `#PUUTTUU!`,
/// `#SAKNAS!`, `#DIV/0!`, `Err:502` …
pub fn is_error_literal(text: &str) -> bool {
    const ERRORS: [&str; 30] = [
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        // Finnish Excel
        "#TYHJÄ!",
        "#JAKO/0!",
        "#ARVO!",
        "#VIITTAUS!",
        "#NIMI?",
        "#LUKU!",
        "#PUUTTUU",
        "#PUUTTUU!",
        // Swedish Excel
        "#SKÄRNING!",
        "#DIVISION/0!",
        "#VÄRDEFEL!",
        "#REFERENS!",
        "#NAMN?",
        "#OGILTIGT!",
        "#SAKNAS!",
    ];
    let t = crate::text::trim(text);
    if !(t.starts_with('#') || t.starts_with("Err:")) {
        return false;
    }
    ERRORS.iter().any(|e| e.eq_ignore_ascii_case(t))
        || t.strip_prefix("Err:")
            .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A plain check of an e-mail address: one `@`, a non-empty local part, a
/// dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    // ASCII text is checked byte by byte: `char::is_whitespace` of an
    // ASCII character is these six.
    let spaced = if s.is_ascii() {
        s.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '))
    } else {
        s.chars().any(char::is_whitespace)
    };
    !local.is_empty()
        && !domain.contains('@')
        && !spaced
        && domain.contains('.')
        && domain.split('.').all(|p| !p.is_empty())
}

/// A value as plain text, for extras and exports.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Text(s) => s.to_string(),
        Value::Choice(i) => i.to_string(),
        Value::Choices(v) => v
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(";"),
        Value::Year(y) => y.to_string(),
        Value::Money(c) => format!("{:.2}", c.euros()),
        Value::Number(n) => n.to_string(),
        Value::Whole(n) => n.to_string(),
        Value::Date(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, FieldKey};

    fn ty(key: FieldKey, cell: Cell) -> Typed {
        let c = Config::builtin();
        let s = Schema::new(&c);
        type_cell(
            &s,
            c.field(key).unwrap(),
            &cell,
            Lang::Fi,
            Default::default(),
        )
    }

    fn code(t: Typed) -> Code {
        match t {
            Typed::Problem(p) | Typed::Warned(_, p) => p.code,
            other => panic!("no problem: {other:?}"),
        }
    }

    #[test]
    fn emails_are_checked_for_spaces_as_char_is_whitespace_sees_them() {
        for ws in [
            '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{a0}', '\u{2003}',
        ] {
            assert!(!is_email(&format!("etu.suku@example.fi{ws}")), "{ws:?}");
        }
        assert!(is_email("etu.suku@example.fi"));
        assert!(!is_email("etu.suku@example.") && !is_email("etu@suku@example.fi"));
    }

    #[test]
    fn euros_from_numbers_and_text() {
        assert_eq!(
            ty(FieldKey::Budget, Cell::Number(12500.5)),
            Typed::Value(Value::Money(Cents(1_250_050)))
        );
        assert_eq!(
            ty(FieldKey::Budget, Cell::Text("12 500,50 €".into())),
            Typed::Value(Value::Money(Cents(1_250_050)))
        );
        assert_eq!(
            code(ty(FieldKey::Budget, Cell::Text("n/a".into()))),
            Code::TypeError
        );
        assert_eq!(
            code(ty(FieldKey::Budget, Cell::Number(-1.0))),
            Code::OutOfRange
        );
        assert_eq!(
            code(ty(FieldKey::Budget, Cell::Error("#DIV/0!".into()))),
            Code::TypeError
        );
        assert_eq!(
            code(ty(
                FieldKey::Budget,
                Cell::FormulaWithoutValue("SUM(A1)".into())
            )),
            Code::FormulaWithoutValue
        );
        assert_eq!(ty(FieldKey::Budget, Cell::Text("  ".into())), Typed::Blank);
        for e in ["#N/A", " #PUUTTUU! ", "Err:502", "#SAKNAS!"] {
            assert_eq!(
                code(ty(FieldKey::Measure, Cell::Text(e.into()))),
                Code::TypeError,
                "{e}"
            );
        }
        assert!(!is_error_literal("#1 prioriteetti") && !is_error_literal("Err:5021"));
    }

    #[test]
    fn choices_and_lists() {
        assert_eq!(
            ty(FieldKey::FocusArea, Cell::Number(2.0)),
            Typed::Value(Value::Choice(1))
        );
        assert_eq!(
            ty(
                FieldKey::Areas,
                Cell::Text("Mikkola; Länsimäki, Mikkola".into())
            ),
            Typed::Value(Value::Choices(vec![0, 1]))
        );
        match ty(FieldKey::Status, Cell::Text("toteutus vaihe".into())) {
            Typed::Problem(p) => {
                assert_eq!(p.code, Code::NotAllowed);
                assert!(p.hint.unwrap().contains("\"toteutusvaihe\""));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn years_whole_numbers_and_email() {
        assert_eq!(
            ty(FieldKey::Year, Cell::Text("2021".into())),
            Typed::Value(Value::Year(2021))
        );
        assert_eq!(
            code(ty(FieldKey::Year, Cell::Number(2030.0))),
            Code::OutOfRange
        );
        assert_eq!(
            code(ty(FieldKey::Year, Cell::Text("ensi vuosi".into()))),
            Code::TypeError
        );
        assert_eq!(
            ty(FieldKey::Reached, Cell::Text("1 200".into())),
            Typed::Value(Value::Whole(1200))
        );
        assert_eq!(
            code(ty(FieldKey::Reached, Cell::Number(1.5))),
            Code::TypeError
        );
        assert_eq!(
            code(ty(FieldKey::Fte, Cell::Text("-1".into()))),
            Code::OutOfRange
        );
        assert_eq!(
            code(ty(FieldKey::Contact, Cell::Text("matti at vantaa".into()))),
            Code::InvalidFormat
        );
        assert!(is_email("piia.sauranen@vantaa.fi"));
        assert!(!is_email("a@b") && !is_email("@b.fi") && !is_email("a b@c.fi"));
    }
}
