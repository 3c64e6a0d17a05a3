//! Typing one cell by its column's kind: the single place where a cell
//! becomes a value or a finding.

use std::borrow::Cow;

use crate::config::{Field, Kind};
use crate::model::finding::Code;
use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};
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
    /// What is wrong.
    pub message: Message,
    /// How to fix it.
    pub hint: Option<Message>,
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

fn problem(code: Code, message: Message, hint: impl Into<Option<Message>>) -> Typed {
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
pub fn type_cell(schema: &Schema, field: &Field, cell: &Cell, mark: parse::DecimalMark) -> Typed {
    match cell {
        _ if cell.is_blank() => return Typed::Blank,
        Cell::Error(e) => {
            return problem(
                Code::TypeError,
                Message::new("read-error-value").arg("value", e),
                kind_hint(field.kind),
            );
        }
        // A spreadsheet's error value exported as text (a CSV of a sheet
        // whose VLOOKUP failed): Excel itself turns a typed `#N/A` into
        // the error value, so such text is never a person's value.
        Cell::Text(text) if is_error_literal(text) => {
            return problem(
                Code::TypeError,
                Message::new("read-error-value").arg("value", crate::text::trim(text)),
                kind_hint(field.kind),
            );
        }
        Cell::FormulaWithoutValue(f) => {
            return problem(
                Code::FormulaWithoutValue,
                Message::new("read-formula-without-value").arg("formula", f),
                Message::new("read-formula-without-value.hint"),
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
                        message: Message::new("read-text-too-long")
                            .count("count", text.encode_utf16().count())
                            .count("limit", EXCEL_CELL_CHARS),
                        hint: Some(Message::new("read-text-too-long.hint")),
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
                        message: Message::new("read-not-email").arg("value", text),
                        hint: Some(Message::new("read-not-email.hint")),
                    },
                )
            }
        }
        Kind::Department | Kind::FocusArea | Kind::Status => {
            let text = &*shown();
            let list = Schema::list_of_kind(field.kind).unwrap_or(ListKind::Status);
            match schema.lookup(list, text) {
                Some(i) => Typed::Value(Value::Choice(i)),
                None => not_allowed(schema, field, list, text),
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
                    None => return not_allowed(schema, field, list, part),
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
                None => type_error(field.kind, &shown()),
                Some(y) if !schema.config.is_programme_year(y) => {
                    let p = &schema.config.programme;
                    // Years as digits, never grouped as amounts are.
                    problem(
                        Code::OutOfRange,
                        Message::new("read-year-out-of-range")
                            .arg("value", y.to_string())
                            .arg("first", p.first_year.get_ref().to_string())
                            .arg("last", p.last_year.get_ref().to_string()),
                        Message::new("read-year-out-of-range.hint"),
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
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), mark),
                Err(ParseError::SubCent) => sub_cent(&shown()),
                Err(_) => too_large(field.kind, cell, mark)
                    .unwrap_or_else(|| type_error(field.kind, &shown())),
                Ok(c) if c.0 < 0 => negative(field, &shown()),
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
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), mark),
                Err(_) => type_error(field.kind, &shown()),
                // 400 digits typed as text read as infinity; two cells of
                // 1,7·10^308 would sum to it.
                Ok(v) if !v.is_finite() || v >= crate::config::limits::MAX_NUMBER => {
                    too_large(field.kind, cell, mark)
                        .unwrap_or_else(|| type_error(field.kind, &shown()))
                }
                Ok(v) if v < 0.0 => negative(field, &shown()),
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
                Err(ParseError::Ambiguous) => ambiguous(field.kind, &shown(), mark),
                Err(_) => too_large(field.kind, cell, mark)
                    .unwrap_or_else(|| type_error(field.kind, &shown())),
                Ok(v) if v < 0 => negative(field, &shown()),
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
                None => type_error(field.kind, &shown()),
            }
        }
    }
}

/// The name of a kind of value, for "… is not {kind}".
fn kind_name(kind: Kind) -> Message {
    match kind {
        Kind::Euro => Message::new("read-kind-euro"),
        Kind::Number => Message::new("read-kind-number"),
        Kind::Whole => Message::new("read-kind-whole"),
        Kind::Year => Message::new("read-kind-year"),
        _ => Message::new("read-kind-date"),
    }
}

/// How to type a value of a numeric or date kind.
fn kind_hint(kind: Kind) -> Option<Message> {
    Some(match kind {
        Kind::Euro => Message::new("read-kind-euro.hint"),
        Kind::Number => Message::new("read-kind-number.hint"),
        Kind::Whole => Message::new("read-kind-whole.hint"),
        Kind::Year => Message::new("read-kind-year.hint"),
        Kind::Date => Message::new("read-kind-date.hint"),
        _ => return None,
    })
}

fn type_error(kind: Kind, text: &str) -> Typed {
    // A footnote mark set above or below the line (`98000¹`): say so,
    // since the number itself looks right.
    let hint = if text.chars().any(crate::reading::raised::is_raised) {
        Some(Message::new("read-type-error.footnote"))
    } else {
        kind_hint(kind)
    };
    problem(
        Code::TypeError,
        Message::new("read-type-error")
            .arg("value", shortened(text, true))
            .arg("kind", kind_name(kind)),
        hint,
    )
}

/// A value for a message, cut after 60 characters with `…`: the finding's
/// `value` keeps it whole, and a line of thousands of characters hides
/// what it says. A number of more than 20 digits is shown by its size.
/// With `visible`, characters that cannot be seen are named (`<U+200B>`).
fn shortened(text: &str, visible: bool) -> Arg {
    let digits = text.trim().trim_start_matches('-');
    if digits.len() > 20 && digits.bytes().all(|b| b.is_ascii_digit()) {
        // A number of hundreds of digits: its size is what matters.
        if let Some(s) = digits_short(text) {
            return s;
        }
    }
    let cut = match text.char_indices().nth(60) {
        Some((i, _)) if text.chars().count() > 80 => Cow::Owned(format!("{}…", &text[..i])),
        _ => Cow::Borrowed(text),
    };
    Arg::Text(if visible {
        crate::text::visible(&cut)
    } else {
        cut.into_owned()
    })
}

/// A number in scientific form, `1,0·10^308`, its mantissa with the
/// message language's decimal mark.
fn scientific(mantissa: f64, exponent: impl ToString) -> Arg {
    Message::new("read-number-scientific")
        .arg("mantissa", Arg::Decimal(mantissa, 1))
        .arg("exponent", exponent.to_string())
        .into()
}

/// A whole number typed as digits (with spaces) in scientific form from
/// its first two digits and its count: `9,9·10^399`.
fn digits_short(s: &str) -> Option<Arg> {
    let t = s.trim().trim_start_matches('-');
    if !t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
        return None;
    }
    let digits: Vec<u32> = t.chars().filter_map(|c| c.to_digit(10)).collect();
    let (first, second) = (digits.first()?, digits.get(1)?);
    let sign = if s.trim().starts_with('-') { -1.0 } else { 1.0 };
    let mantissa = sign * (f64::from(*first) + f64::from(*second) / 10.0);
    Some(scientific(mantissa, digits.len() - 1))
}

/// A number of any size, short: as it is up to 15 digits, else in
/// scientific form with two significant digits (as
/// [`crate::text::short_number_in`] gives it, the decimal mark the
/// message's language's).
fn short_number(v: f64) -> Arg {
    if v.is_nan() {
        return Arg::Text("NaN".into());
    }
    if v.is_infinite() {
        return Arg::Text(if v > 0.0 { "∞" } else { "-∞" }.into());
    }
    if v.abs() < 1e15 && (v == 0.0 || v.abs() >= 1e-4) {
        let s = format!("{v}");
        let places = s.split_once('.').map_or(0, |(_, d)| d.len());
        return Arg::Decimal(v, u8::try_from(places).unwrap_or(u8::MAX));
    }
    let e = format!("{v:.1e}");
    match e.split_once('e') {
        Some((m, exp)) => scientific(m.parse().unwrap_or(v), exp),
        None => Arg::Text(e),
    }
}

/// The finding for a number too large for `kind` (euros past what kooste
/// keeps in cents, a whole number past exact integers, infinity), shown
/// short (`1,0·10^308`) instead of as hundreds of digits; `None` when the
/// cell is no such number, so it is an ordinary type error.
fn too_large(kind: Kind, cell: &Cell, mark: parse::DecimalMark) -> Option<Typed> {
    let v = match cell {
        Cell::Number(n) => *n,
        Cell::Text(s) => parse::parse_number_as(s, mark).ok()?,
        _ => return None,
    };
    let limit = match kind {
        Kind::Euro => crate::config::limits::MAX_EUROS,
        Kind::Whole => 9.0e15,
        Kind::Number => crate::config::limits::MAX_NUMBER,
        _ => f64::MAX,
    };
    if v.is_finite() && v.abs() < limit {
        return None;
    }
    let value = match cell {
        // Digits past f64's range read as infinity: say how many there are.
        Cell::Text(s) if v.is_infinite() => digits_short(s).unwrap_or_else(|| short_number(v)),
        _ => short_number(v),
    };
    Some(problem(
        Code::TypeError,
        Message::new("read-too-large-number")
            .arg("value", value)
            .arg("kind", kind_name(kind)),
        kind_hint(kind),
    ))
}

/// The `ambiguous-number` finding for a value such as `90,000`: both
/// readings, as thousands and as decimals, in the language's own format.
fn ambiguous(kind: Kind, text: &str, mark: parse::DecimalMark) -> Typed {
    let lone = match parse::shape(text) {
        parse::Shape::Lone(c) => parse::lone_readings(text).map(|(g, d)| (g, d, c)),
        _ => None,
    };
    // Or three decimals after digits grouped by spaces (`1 234,567`).
    let (grouped, decimal, sep) = lone
        .or_else(|| parse::grouped_readings(text))
        .unwrap_or((0.0, 0.0, ','));
    let show = |v: f64| match kind {
        // A reading past the cents is shown as it is (1 234,567 €), not
        // rounded to an amount nobody typed.
        Kind::Euro if ((v * 100.0).round() - v * 100.0).abs() > 1e-6 => {
            Message::new("read-euros-exact")
                .arg("value", Arg::Decimal(v, 3))
                .into()
        }
        Kind::Euro => Cents::from_euros(v).map_or(Arg::Text(String::new()), Arg::Euros),
        _ => Arg::Decimal(v, if v.fract() == 0.0 { 0 } else { 3 }),
    };
    // Where the file's own numbers make the separator its decimal mark,
    // the doubt is not the file's mark but the digits after it: three
    // decimals are no amount in cents, and a count has none.
    let (id, hint) = match kind {
        // The file's numbers use both characters as the decimal mark.
        _ if mark == parse::DecimalMark::Mixed => {
            ("read-ambiguous-number-mixed", "read-ambiguous-number.hint")
        }
        // The file's mark is the other character, and nothing shows this
        // one grouping thousands (a decimal number may have three decimals).
        _ if mark.decimal_char().is_some_and(|d| d != sep) => {
            ("read-ambiguous-number-other", "read-ambiguous-number.hint")
        }
        _ if mark.decimal_char() != Some(sep) => {
            ("read-ambiguous-number", "read-ambiguous-number.hint")
        }
        Kind::Euro => (
            "read-ambiguous-number-cents",
            "read-ambiguous-number-cents.hint",
        ),
        Kind::Whole => (
            "read-ambiguous-number-whole",
            "read-ambiguous-number-whole.hint",
        ),
        _ => ("read-ambiguous-number", "read-ambiguous-number.hint"),
    };
    problem(
        Code::AmbiguousNumber,
        Message::new(id)
            .arg("value", text)
            .arg("first", show(grouped))
            .arg("second", show(decimal))
            .arg("mark", sep.to_string())
            .arg("decimal", if sep == ',' { "." } else { "," }),
        Message::new(hint),
    )
}

/// The finding for a euro amount typed as text with fractions of a cent
/// (`0,005`, `10,5678`) and no other reading: not an amount in cents, and
/// not rounded in silence.
fn sub_cent(text: &str) -> Typed {
    problem(
        Code::TypeError,
        Message::new("read-sub-cent").arg("value", shortened(text, true)),
        Message::new("read-sub-cent.hint"),
    )
}

fn negative(field: &Field, text: &str) -> Typed {
    problem(
        Code::OutOfRange,
        Message::new("read-negative")
            .arg("field", crate::reading::sheet::header_of(field))
            .arg("value", shortened(text, false)),
        Message::new("read-negative.hint"),
    )
}

/// A value not in its list: the finding names the column by the
/// programme's own header, in each language.
fn not_allowed(schema: &Schema, field: &Field, list: ListKind, value: &str) -> Typed {
    // The allowed values and the closest of them as the configuration
    // names them in each language, for the hint in whichever it is shown.
    let allowed = crate::reading::per_lang(|lang| schema.allowed(list, lang));
    let closest: Vec<_> = Lang::ALL
        .iter()
        .map(|&lang| schema.closest_choice(list, value, lang))
        .collect();
    let hint = match closest.as_slice() {
        [Some(fi), Some(sv), Some(en)] => Message::new("read-not-allowed.hint-closest")
            .arg("closest", [fi, sv, en].map(|c| c.to_string()))
            .arg("allowed", allowed),
        _ => Message::new("read-not-allowed.hint").arg("allowed", allowed),
    };
    problem(
        Code::NotAllowed,
        // A value that differs from an allowed one only by what cannot be
        // seen names the invisible characters (`SOTE<U+200B>`).
        Message::new("read-not-allowed")
            .arg("value", crate::text::visible(value))
            .arg("field", crate::reading::sheet::header_of(field)),
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
        type_cell(&s, c.field(key).unwrap(), &cell, Default::default())
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
                let hint = p.hint.unwrap();
                assert_eq!(hint.id, "read-not-allowed.hint-closest");
                assert!(
                    matches!(hint.get("closest"), Some(Arg::PerLang(c)) if c[0] == "toteutusvaihe"),
                    "{hint:?}"
                );
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
