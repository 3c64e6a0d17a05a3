//! Parsers for the values people type into submissions: euros the Finnish
//! way, numbers with a decimal comma, whole numbers, years and dates.
//!
//! Euros are kept as whole cents ([`Cents`]) so that sums are exact.

use std::fmt;

/// An amount of money in euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cents(pub i64);

impl Cents {
    /// Euros as a float, for writing to spreadsheets and charts.
    pub fn euros(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Rounds a stored spreadsheet number of euros to cents as Excel and
    /// LibreOffice show it: half a cent away from zero on the number's
    /// shortest decimal form. `20000.01 / 2` is stored as
    /// 10000.004999…, which those programs show as 10 000,01 €; rounding
    /// the binary value times 100 would give 10 000,00 €.
    pub fn from_euros(v: f64) -> Option<Cents> {
        let scaled = v * 100.0;
        if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
            return None;
        }
        // Most amounts are whole cents, far from a half: no decimal form needed.
        let from_half = ((scaled - scaled.trunc()).abs() - 0.5).abs();
        if from_half > 1e-6 {
            return Some(Cents(scaled.round() as i64));
        }
        Some(Cents(half_cent_away_from_zero(v)))
    }
}

/// `v` in cents from its shortest decimal form (`10000.005` → 1 000 001),
/// a half rounded away from zero.
fn half_cent_away_from_zero(v: f64) -> i64 {
    let shown = format!("{}", v.abs());
    let (whole, frac) = shown.split_once('.').unwrap_or((&shown, ""));
    let digit = |i: usize| i64::from(frac.as_bytes().get(i).map_or(0, |b| b - b'0'));
    let whole: i64 = whole.parse().unwrap_or(0);
    let mut cents = whole * 100 + digit(0) * 10 + digit(1);
    if digit(2) >= 5 {
        cents += 1;
    }
    if v < 0.0 { -cents } else { cents }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, o: Cents) -> Cents {
        Cents(self.0.saturating_add(o.0))
    }
}

impl std::ops::AddAssign for Cents {
    fn add_assign(&mut self, o: Cents) {
        *self = *self + o;
    }
}

impl std::ops::Sub for Cents {
    type Output = Cents;
    fn sub(self, o: Cents) -> Cents {
        Cents(self.0.saturating_sub(o.0))
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents(0), |a, b| a + b)
    }
}

/// Why a text could not be read as the wanted kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but spaces.
    Empty,
    /// Not a number at all.
    NotANumber,
    /// A number with a fractional part where a whole one is needed.
    NotWhole,
    /// Not a date in a known form.
    NotADate,
    /// A lone separator followed by three digits that the file's decimal
    /// mark does not decide (`90,000`: ninety thousand, or ninety), or a
    /// euro amount whose three decimals could be a thousands group
    /// (`1 234,567`: 1 234 567 €, or no amount in cents).
    Ambiguous,
    /// A euro amount with fractions of a cent and no other reading
    /// (`0,005`, `10,5678`): not rounded in silence.
    SubCent,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseError::Empty => "empty",
            ParseError::NotANumber => "not a number",
            ParseError::NotWhole => "not a whole number",
            ParseError::NotADate => "not a date",
            ParseError::Ambiguous => "ambiguous decimal mark",
            ParseError::SubCent => "fractions of a cent",
        })
    }
}

/// `s` without the characters that show as nothing (zero-width space, BOM,
/// soft hyphen…: [`crate::text::is_invisible`]), which a number pasted from
/// a web page or a PDF may carry.
fn without_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(crate::text::is_invisible) {
        s.chars()
            .filter(|c| !crate::text::is_invisible(*c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// Space characters people (and Excel in Finnish locale) put between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\''
    )
}

/// Which character a file uses as its decimal mark in numbers typed as
/// text, decided from the file's own evidence (see
/// `reading::separators`). Only a number whose one separator is followed
/// by exactly three digits (`90,000`, `12.500`, `1.000`) needs it: every
/// other form tells its decimal mark by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// `,` is the decimal mark, `.` and spaces group digits (Finnish, Swedish).
    Comma,
    /// `.` is the decimal mark, `,` groups digits (an English locale).
    Point,
    /// Nothing in the file tells: the kind's precision decides where it can
    /// (euros have two decimals, whole numbers none), otherwise the value is
    /// ambiguous.
    #[default]
    Undecided,
    /// The file's numbers disagree: every ambiguous value is reported.
    Mixed,
}

impl DecimalMark {
    /// The character this mark is (`,` or `.`); `None` where the file's
    /// numbers did not decide it, or disagree.
    pub fn decimal_char(self) -> Option<char> {
        match self {
            DecimalMark::Comma => Some(','),
            DecimalMark::Point => Some('.'),
            DecimalMark::Undecided | DecimalMark::Mixed => None,
        }
    }
}

/// Parses a euro amount: `12500`, `12 500`, `12 500,50 €`, `12.500,50`,
/// `12,5 t€` (thousands), `1,2 M€` (millions), `EUR 300`, `-50` (sign kept
/// for the range check to report). A lone separator followed by three
/// digits (`90,000`) is a thousands separator: euros have two decimals.
pub fn parse_euros(s: &str) -> Result<Cents, ParseError> {
    parse_euros_as(s, DecimalMark::Undecided)
}

/// [`parse_euros`] in a file whose decimal mark is `mark`. A lone
/// separator followed by three digits is read by `mark`; where `mark` makes
/// it a decimal mark in an amount without a scale (three decimals, not a
/// sum in cents), or is [`DecimalMark::Mixed`], the result is
/// [`ParseError::Ambiguous`]. An undecided mark reads it as grouping in an
/// amount without a scale and as ambiguous in `12,500 t€`.
pub fn parse_euros_as(s: &str, mark: DecimalMark) -> Result<Cents, ParseError> {
    let visible = without_invisible(s);
    let t = visible.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let lower = t.to_lowercase();
    let (body, scale_pow) = strip_currency(&lower);
    let (negative, digits) = split_sign(body);
    let lone = match mark {
        // Three decimals are no amount in cents: the three digits are a group.
        DecimalMark::Undecided if scale_pow == 0 => Lone::Grouping,
        m => match (m.decimal_char(), scale_pow) {
            (Some(_), 0) => Lone::GroupingElseAmbiguous(m),
            _ => Lone::By(m),
        },
    };
    let (int_part, frac_part) = split_decimal(&digits, lone)?;
    let keep = (2 + scale_pow) as usize;
    if frac_part.len() > keep {
        // More decimals than cents. Three of them after digits grouped by
        // spaces (`1 234,567`) may be one more group (1 234 567 €): two
        // readings. Otherwise they are fractions of a cent, which a person
        // does not type as an amount: not rounded in silence either. Zeros
        // past the cents change nothing (`12,5000`).
        if scale_pow == 0 && grouped_readings(t).is_some() {
            return Err(ParseError::Ambiguous);
        }
        if frac_part.bytes().skip(keep).any(|b| b != b'0') {
            return Err(ParseError::SubCent);
        }
    }
    let frac_part = &frac_part[..frac_part.len().min(keep)];
    // Exact decimal arithmetic: cents = (int.frac) × 10^(2+scale).
    let mut all = int_part.clone();
    all.push_str(frac_part);
    let shift = keep - frac_part.len();
    let mut value: i128 = all.parse().map_err(|_| ParseError::NotANumber)?;
    value = value
        .checked_mul(10i128.pow(shift as u32))
        .ok_or(ParseError::NotANumber)?;
    if value > 9_000_000_000_000_000 {
        return Err(ParseError::NotANumber);
    }
    let v = value as i64;
    Ok(Cents(if negative { -v } else { v }))
}

/// The amount without its currency sign and scale (`t€`, `M€`, `milj. €`,
/// `EUR`…), and the scale's power of ten. `lower` is lower-cased.
fn strip_currency(lower: &str) -> (&str, u32) {
    let mut body = lower;
    let mut scale_pow = 0;
    for (suffix, pow) in [
        ("t€", 3),
        ("k€", 3),
        ("teur", 3),
        ("keur", 3),
        ("m€", 6),
        ("meur", 6),
        ("milj. €", 6),
        ("milj.€", 6),
        ("milj €", 6),
        ("€", 0),
        ("eur", 0),
        ("euroa", 0),
        ("e", 0),
    ] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            scale_pow = pow;
            break;
        }
    }
    for prefix in ["€", "eur"] {
        if let Some(rest) = body.strip_prefix(prefix) {
            body = rest.trim_start();
        }
    }
    (body, scale_pow)
}

/// How [`split_decimal`] reads a lone separator followed by exactly three
/// digits after one to three leading digits (`90,000`, `12.500`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lone {
    /// As the file's decimal mark says; ambiguous where it says nothing.
    By(DecimalMark),
    /// Always a thousands separator (whole numbers, euros).
    Grouping,
    /// A thousands separator where the file's mark is the other character;
    /// ambiguous where the file says it is the decimal mark.
    GroupingElseAmbiguous(DecimalMark),
    /// The decimal mark where it is the file's; ambiguous otherwise: a
    /// decimal number (FTE) may well have three decimals, so the other
    /// character is not known to group (`1.250` in a file of `12,5`).
    Decimal(DecimalMark),
}

/// Splits a leading minus sign (ASCII or U+2212) or accounting brackets.
fn split_sign(s: &str) -> (bool, String) {
    let s = s.trim();
    let (neg, rest) = if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    };
    (neg, rest.trim().to_string())
}

/// What the separators of one number typed as text say about the file's
/// decimal mark: evidence for [`DecimalMark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No separator, or only spaces: says nothing.
    Plain,
    /// The form itself says which character is the decimal mark (`8,400.00`,
    /// `1,000,000`, `12,5`, `0.75`).
    Decides(DecimalMark),
    /// One separator followed by exactly three digits (`90,000`): either
    /// reading is possible; the separator is given.
    Lone(char),
    /// Not a number.
    NotANumber,
}

/// The [`Shape`] of a number typed as text (currency signs and scales are
/// stripped first).
pub fn shape(s: &str) -> Shape {
    let lower = s.trim().to_lowercase();
    let (body, _) = strip_currency(&lower);
    let (_, digits) = split_sign(body);
    let cleaned: String = digits.chars().filter(|c| !is_group_space(*c)).collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !cleaned.chars().any(|c| c.is_ascii_digit())
    {
        return Shape::NotANumber;
    }
    let other = |c: char| {
        if c == ',' {
            DecimalMark::Point
        } else {
            DecimalMark::Comma
        }
    };
    let own = |c: char| {
        if c == ',' {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    };
    let (dots, commas) = (cleaned.matches('.').count(), cleaned.matches(',').count());
    match (dots, commas) {
        (0, 0) => Shape::Plain,
        (d, c) if d > 0 && c > 0 => {
            let last = cleaned
                .rfind(['.', ','])
                .map(|i| cleaned.as_bytes()[i] as char);
            Shape::Decides(own(last.unwrap_or(',')))
        }
        (d, c) if d + c > 1 => Shape::Decides(other(if d > 0 { '.' } else { ',' })),
        _ => {
            let sep = if dots > 0 { '.' } else { ',' };
            let (int, frac) = cleaned.split_once(sep).unwrap_or((&cleaned, ""));
            if is_lone_group(int, frac) {
                Shape::Lone(sep)
            } else {
                Shape::Decides(own(sep))
            }
        }
    }
}

/// The two readings of a number with a lone separator followed by three
/// digits (`90,000 €`, `1.000`): as a thousands separator and as a decimal
/// mark, scale (`t€`) applied. `None` for any other form.
pub fn lone_readings(s: &str) -> Option<(f64, f64)> {
    let Shape::Lone(sep) = shape(s) else {
        return None;
    };
    let lower = s.trim().to_lowercase();
    let (body, pow) = strip_currency(&lower);
    let (as_decimal, as_group) = if sep == ',' {
        (DecimalMark::Comma, DecimalMark::Point)
    } else {
        (DecimalMark::Point, DecimalMark::Comma)
    };
    let scale = 10f64.powi(pow as i32);
    let grouped = number_with(body, Lone::By(as_group)).ok()? * scale;
    let decimal = number_with(body, Lone::By(as_decimal)).ok()? * scale;
    Some((grouped, decimal))
}

/// The two readings of a euro amount typed with three decimals after
/// digits grouped by spaces (`1 234,567`, `12 345.678 €`): its decimal
/// mark as one more thousands separator (1 234 567) and as the decimal
/// mark (1 234,567, no amount in cents), and the mark. `None` for any
/// other form, and for an amount with a scale (`t€`).
pub fn grouped_readings(s: &str) -> Option<(f64, f64, char)> {
    let lower = without_invisible(s).trim().to_lowercase();
    let (body, pow) = strip_currency(&lower);
    if pow != 0 {
        return None;
    }
    let (_, digits) = split_sign(body);
    let pos = digits.rfind(['.', ','])?;
    let mark = digits[pos..].chars().next()?;
    let (int, frac) = (digits[..pos].trim_end(), &digits[pos + 1..]);
    if frac.len() != 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The integer part: groups of three digits after a first of one to
    // three, separated by spaces only (a `.` or `,` there would make the
    // last mark the decimal one for sure).
    let groups: Vec<&str> = int.split(is_group_space).collect();
    let grouped = groups.len() >= 2
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3);
    if !grouped {
        return None;
    }
    let int_digits: String = groups.concat();
    let whole: f64 = format!("{int_digits}{frac}").parse().ok()?;
    let decimal: f64 = format!("{int_digits}.{frac}").parse().ok()?;
    Some((whole, decimal, mark))
}

/// Whether `int` `sep` `frac` could be a number with a thousands separator:
/// one to three leading digits (not a lone 0) and exactly three after.
fn is_lone_group(int: &str, frac: &str) -> bool {
    frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0" && !int.starts_with('0')
}

/// Whether spaces in the integer part of `s` (as typed) separate groups of
/// three digits after a first group of one to three (`12 500`, `1 234 567`),
/// as they do wherever a space groups digits; `10 00` or `1 2 5` is no
/// number. Text without spaces passes.
fn spaces_group_by_three(s: &str, decimal_mark: Option<char>) -> bool {
    let int = match decimal_mark {
        Some(m) => s.rfind(m).map_or(s, |i| &s[..i]),
        None => s,
    };
    if !int.chars().any(|c| is_group_space(c) && c != '\'') {
        return true;
    }
    let groups: Vec<&str> = int.split(is_group_space).collect();
    groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Splits digits into integer and fraction digit strings, resolving which of
/// `.` and `,` is the decimal mark: with both, the last one is; one repeated
/// separator groups digits; a lone separator is the decimal mark unless it
/// is followed by exactly three digits, which `lone` decides.
fn split_decimal(s: &str, lone: Lone) -> Result<(String, String), ParseError> {
    let cleaned: String = s.chars().filter(|c| !is_group_space(*c)).collect();
    if cleaned.is_empty() {
        return Err(ParseError::NotANumber);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(ParseError::NotANumber);
    }
    let last_dot = cleaned.rfind('.');
    let last_comma = cleaned.rfind(',');
    let decimal_mark = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (None, Some(_)) | (Some(_), None) => {
            let sep = if last_dot.is_some() { '.' } else { ',' };
            let (int, frac) = cleaned.split_once(sep).unwrap_or((&cleaned, ""));
            if cleaned.matches(sep).count() > 1 {
                None // "1,000,000" or "1.250.000": grouping only
            } else if !is_lone_group(int, frac) {
                Some(sep)
            } else {
                match lone {
                    Lone::Grouping => None,
                    Lone::Decimal(m) if m.decimal_char() == Some(sep) => Some(sep),
                    Lone::Decimal(_) => return Err(ParseError::Ambiguous),
                    Lone::By(m) | Lone::GroupingElseAmbiguous(m) if m.decimal_char().is_some() => {
                        match (m.decimal_char() == Some(sep), lone) {
                            (false, _) => None,
                            (true, Lone::By(_)) => Some(sep),
                            (true, _) => return Err(ParseError::Ambiguous),
                        }
                    }
                    _ => return Err(ParseError::Ambiguous),
                }
            }
        }
        (None, None) => None,
    };
    let (int_raw, frac) = match decimal_mark {
        Some(m) => {
            let pos = cleaned.rfind(m).unwrap_or(cleaned.len());
            (&cleaned[..pos], &cleaned[pos + 1..])
        }
        None => (cleaned.as_str(), ""),
    };
    if frac.contains(['.', ',']) || !spaces_group_by_three(s, decimal_mark) {
        return Err(ParseError::NotANumber);
    }
    let int_digits: String = int_raw.chars().filter(|c| c.is_ascii_digit()).collect();
    // Grouping marks must separate groups of three digits.
    if let Some(g) = int_raw.chars().find(|c| *c == '.' || *c == ',') {
        let parts: Vec<&str> = int_raw.split(g).collect();
        if parts[0].is_empty() || parts[0].len() > 3 || parts[1..].iter().any(|p| p.len() != 3) {
            return Err(ParseError::NotANumber);
        }
    }
    if int_digits.is_empty() && frac.is_empty() {
        return Err(ParseError::NotANumber);
    }
    let int_digits = if int_digits.is_empty() {
        "0".to_string()
    } else {
        int_digits
    };
    Ok((int_digits, frac.to_string()))
}

/// Parses a decimal number typed either way: `1,5`, `1.5`, `1 234,5`,
/// `1.000,5`. A lone separator followed by three digits (`1.000`) is
/// ambiguous without a file's decimal mark: see [`parse_number_as`].
pub fn parse_number(s: &str) -> Result<f64, ParseError> {
    parse_number_as(s, DecimalMark::Undecided)
}

/// [`parse_number`] in a file whose decimal mark is `mark`; a lone
/// separator followed by three digits is read by it, and is
/// [`ParseError::Ambiguous`] where `mark` decides nothing.
pub fn parse_number_as(s: &str, mark: DecimalMark) -> Result<f64, ParseError> {
    number_with(s, Lone::Decimal(mark))
}

fn number_with(s: &str, lone: Lone) -> Result<f64, ParseError> {
    let visible = without_invisible(s);
    let t = visible.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let (negative, body) = split_sign(t);
    let (int, frac) = split_decimal(&body, lone)?;
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    let v: f64 = text.parse().map_err(|_| ParseError::NotANumber)?;
    Ok(if negative { -v } else { v })
}

/// Parses a whole number: `1200`, `1 200`, `1.200`, `1,200`, `12,0`. A
/// lone separator followed by three digits groups them (a whole number has
/// no decimals), unless the file's decimal mark (`mark`) is that separator,
/// which makes it ambiguous.
pub fn parse_whole(s: &str) -> Result<i64, ParseError> {
    parse_whole_as(s, DecimalMark::Undecided)
}

/// [`parse_whole`] in a file whose decimal mark is `mark`.
pub fn parse_whole_as(s: &str, mark: DecimalMark) -> Result<i64, ParseError> {
    let lone = match mark {
        DecimalMark::Undecided => Lone::Grouping,
        m => Lone::GroupingElseAmbiguous(m),
    };
    whole_from_f64(number_with(s, lone)?)
}

/// A stored number that must be whole.
pub fn whole_from_f64(v: f64) -> Result<i64, ParseError> {
    if !v.is_finite() || v.abs() > 9.0e15 {
        return Err(ParseError::NotANumber);
    }
    if v.fract() != 0.0 {
        return Err(ParseError::NotWhole);
    }
    Ok(v as i64)
}

/// Parses a year, `2021` or `2021.0`, or "v. 2021".
pub fn parse_year(s: &str) -> Result<i32, ParseError> {
    let visible = without_invisible(s);
    let t = visible.trim().trim_start_matches("v.").trim();
    let v = parse_whole(t)?;
    i32::try_from(v).map_err(|_| ParseError::NotANumber)
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// A checked date.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let dim = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=dim).contains(&day) && (1..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The date of an Excel serial in the 1900 system (1 = 1.1.1900, with
    /// Excel's fictitious 29.2.1900 at 60).
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        let mut days = serial.floor() as i64;
        if days >= 60 {
            days -= 1; // skip the fictitious leap day
        }
        Some(Date::from_days_since_1899_12_31(days))
    }

    fn from_days_since_1899_12_31(days: i64) -> Date {
        // Civil-from-days (Howard Hinnant), epoch shifted to 1970-01-01.
        let z = days - 25_568 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a Unix time stamp (UTC).
    pub fn from_unix(secs: i64) -> Date {
        Date::from_days_since_1899_12_31(secs.div_euclid(86_400) + 25_568)
    }
}

/// A duration as a spreadsheet shows a serial formatted with an elapsed-time
/// bracket (ECMA-376 Part 1 §18.8.31: `[h]:mm`, `[mm]:ss`, `[ss]`), whose
/// first unit is `unit` (`h`, `m` or `s`) and counts past 24 hours or 60
/// minutes: 1,5 days is `36:00` as `[h]:mm`, `2160:00` as `[mm]:ss`.
/// Seconds are shown where there are any. `None` for a serial no sheet
/// shows as a duration (not finite, or beyond a million days).
pub fn elapsed_time(serial: f64, unit: char) -> Option<String> {
    if !serial.is_finite() || serial.abs() > 1e6 {
        return None;
    }
    let total = (serial.abs() * 86_400.0).round() as u64;
    let sign = if serial < 0.0 && total > 0 { "-" } else { "" };
    let (m, s) = (total / 60, total % 60);
    Some(match unit {
        's' => format!("{sign}{total}"),
        'm' => format!("{sign}{m}:{s:02}"),
        _ if s == 0 => format!("{sign}{}:{:02}", m / 60, m % 60),
        _ => format!("{sign}{}:{:02}:{s:02}", m / 60, m % 60),
    })
}

/// A time of day as a spreadsheet shows a serial below 1 formatted as a
/// time (`hh:mm`): 0,5 is `12:00`, 0,75 `18:00`, with seconds where there
/// are any (`12:00:30`). `None` for a serial that is no time of day.
pub fn clock_time(serial: f64) -> Option<String> {
    if !(0.0..1.0).contains(&serial) {
        return None;
    }
    let secs = (serial * 86_400.0).round() as u32;
    let (h, m, s) = (secs / 3600 % 24, secs / 60 % 60, secs % 60);
    Some(if s == 0 {
        format!("{h}:{m:02}")
    } else {
        format!("{h}:{m:02}:{s:02}")
    })
}

/// Parses `31.12.2021`, `31.12.21`, `2021-12-31` or `31/12/2021`.
pub fn parse_date(s: &str) -> Result<Date, ParseError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let nums: Vec<&str> = t.split(['.', '-', '/']).map(str::trim).collect();
    if nums.len() != 3
        || nums
            .iter()
            .any(|n| n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(ParseError::NotADate);
    }
    let n = |i: usize| nums[i].parse::<i64>().map_err(|_| ParseError::NotADate);
    let (y, m, d) = if nums[0].len() == 4 {
        (n(0)?, n(1)?, n(2)?)
    } else {
        let y = n(2)?;
        (if nums[2].len() == 2 { 2000 + y } else { y }, n(1)?, n(0)?)
    };
    let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u32::try_from(m), u32::try_from(d)) else {
        return Err(ParseError::NotADate);
    };
    Date::new(y, m, d).ok_or(ParseError::NotADate)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored amounts are rounded as Excel and LibreOffice show them: a
    /// half cent away from zero on the decimal form, not on the binary
    /// value (`20000.01 / 2` is 10000.004999… in binary).
    #[test]
    fn stored_amounts_round_to_the_cents_people_see() {
        for (v, cents) in [
            (20000.01 / 2.0, 1_000_001),
            (10.075, 1008),
            (1.005, 101),
            (0.285, 29),
            (4.015, 402),
            (-1.005, -101),
            (333.333_333_333_333_3, 33333),
            (98_000.0, 9_800_000),
            (0.004_999, 0),
            (12.344_999, 1234),
        ] {
            assert_eq!(Cents::from_euros(v), Some(Cents(cents)), "{v}");
        }
        assert_eq!(Cents::from_euros(f64::NAN), None);
    }

    fn eur(s: &str) -> i64 {
        parse_euros(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).0
    }

    #[test]
    fn euros_every_documented_form() {
        assert_eq!(eur("12500"), 1_250_000);
        assert_eq!(eur("12 500"), 1_250_000);
        assert_eq!(eur("12 500,50 €"), 1_250_050);
        assert_eq!(eur("12.500,50"), 1_250_050);
        assert_eq!(eur("12,5 t€"), 1_250_000);
        assert_eq!(eur("12\u{a0}500,50\u{a0}€"), 1_250_050);
        assert_eq!(eur("12\u{202f}500"), 1_250_000);
        assert_eq!(eur("1\u{202f}234\u{202f}567 €"), 123_456_700);
    }

    #[test]
    fn euros_other_common_forms() {
        assert_eq!(eur("12.500"), 1_250_000);
        assert_eq!(eur("1.250.000"), 125_000_000);
        assert_eq!(eur("12500.5"), 1_250_050);
        assert_eq!(eur("12,500.50"), 1_250_050);
        assert_eq!(eur("0,1"), 10);
        assert_eq!(eur("EUR 300"), 30_000);
        assert_eq!(eur("300 EUR"), 30_000);
        assert_eq!(eur("1,2 M€"), 120_000_000);
        assert_eq!(eur("-50"), -5_000);
        assert_eq!(eur("−50,5"), -5_050);
        assert_eq!(eur("12,5000"), 1_250);
        assert_eq!(eur("1,2345 t€"), 123_450);
        assert_eq!(eur("12 500 e"), 1_250_000);
        assert_eq!(eur("10\u{a0}000\u{200b}"), 1_000_000);
        assert_eq!(parse_year("2021\u{200b}"), Ok(2021));
    }

    #[test]
    fn euros_bad_values_are_errors() {
        for bad in [
            "n/a",
            "",
            "  ",
            "€",
            "12,50,5",
            "1.2.3",
            "12..5",
            "abc 12",
            "1 2x",
            "1,2,3.4,5",
            "10 00",
            "12 50",
            "1 00 000",
            "1 2 5",
        ] {
            assert!(parse_euros(bad).is_err(), "{bad:?} parsed");
        }
        assert_eq!(parse_euros(""), Err(ParseError::Empty));
        assert!(parse_euros("99999999999999999999999").is_err());
        // Found by the fuzzer: a thousand decimals overflowed the rounding
        // divisor. Fractions of a cent are not rounded in silence.
        let many = format!(".{}285074112", "0".repeat(150));
        assert_eq!(parse_euros(&many), Err(ParseError::SubCent));
        assert_eq!(
            parse_euros(&format!("1,{}", "9".repeat(400))),
            Err(ParseError::SubCent)
        );
        assert_eq!(
            parse_euros(&format!("1,5{}", "0".repeat(400))),
            Ok(Cents(150))
        );
    }

    #[test]
    fn euro_text_past_cents_is_never_rounded_in_silence() {
        let as_comma = |s: &str| parse_euros_as(s, DecimalMark::Comma);
        for s in ["0,005", "0,0049", "10,5678", "1234,567", "12,3456 €"] {
            assert_eq!(as_comma(s), Err(ParseError::SubCent), "{s}");
        }
        for s in ["1 234,567", "1 000,125", "12 345,678 €", "1 234,500"] {
            assert_eq!(as_comma(s), Err(ParseError::Ambiguous), "{s}");
        }
        assert_eq!(
            grouped_readings("1 234,567"),
            Some((1_234_567.0, 1_234.567, ','))
        );
        assert_eq!(grouped_readings("1234,567"), None);
        assert_eq!(grouped_readings("1.234,567"), None);
        assert_eq!(as_comma("1,2345 t€"), Ok(Cents(123_450)));
        assert_eq!(as_comma("12 500,50"), Ok(Cents(1_250_050)));
    }

    #[test]
    fn cents_from_stored_floats() {
        assert_eq!(Cents::from_euros(0.1 + 0.2), Some(Cents(30)));
        assert_eq!(Cents::from_euros(f64::NAN), None);
        assert_eq!(Cents::from_euros(1e300), None);
    }

    #[test]
    fn numbers_and_whole_numbers() {
        assert_eq!(parse_number("1,5"), Ok(1.5));
        assert_eq!(parse_number("1.5"), Ok(1.5));
        assert_eq!(parse_number("1 234,5"), Ok(1234.5));
        assert_eq!(parse_number("-2"), Ok(-2.0));
        assert_eq!(parse_whole("1 200"), Ok(1200));
        assert_eq!(parse_whole("12,0"), Ok(12));
        assert_eq!(parse_whole("12,5"), Err(ParseError::NotWhole));
        assert_eq!(parse_number("kuusi"), Err(ParseError::NotANumber));
        assert_eq!(parse_number(""), Err(ParseError::Empty));
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2021"), Ok(2021));
        assert_eq!(parse_year(" 2021.0 "), Ok(2021));
        assert_eq!(parse_year("v. 2021"), Ok(2021));
        assert!(parse_year("2021–2022").is_err());
        assert!(parse_year("vuosi").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("31.12.2021"),
            Ok(Date {
                year: 2021,
                month: 12,
                day: 31
            })
        );
        assert_eq!(
            parse_date("2021-12-31"),
            Ok(Date {
                year: 2021,
                month: 12,
                day: 31
            })
        );
        assert_eq!(
            parse_date("1.2.21"),
            Ok(Date {
                year: 2021,
                month: 2,
                day: 1
            })
        );
        assert_eq!(parse_date("31.2.2021"), Err(ParseError::NotADate));
        assert_eq!(parse_date("huomenna"), Err(ParseError::NotADate));
        assert_eq!(Date::from_excel_serial(44561.0), Date::new(2021, 12, 31));
        assert_eq!(Date::from_excel_serial(1.0), Date::new(1900, 1, 1));
        assert_eq!(Date::from_excel_serial(61.0), Date::new(1900, 3, 1));
        assert_eq!(Date::from_excel_serial(f64::NAN), None);
        assert_eq!(Date::from_unix(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(clock_time(0.5).as_deref(), Some("12:00"));
        assert_eq!(clock_time(0.0).as_deref(), Some("0:00"));
        assert_eq!(
            clock_time(0.75 + 30.0 / 86_400.0).as_deref(),
            Some("18:00:30")
        );
        assert_eq!(clock_time(1.5), None);
        assert_eq!(elapsed_time(1.5, 'h').as_deref(), Some("36:00"));
        assert_eq!(elapsed_time(0.75, 'h').as_deref(), Some("18:00"));
        assert_eq!(elapsed_time(1.5, 'm').as_deref(), Some("2160:00"));
        assert_eq!(elapsed_time(2.0, 's').as_deref(), Some("172800"));
        assert_eq!(elapsed_time(-0.5, 'h').as_deref(), Some("-12:00"));
        assert_eq!(
            elapsed_time(1.0 + 1.0 / 86_400.0, 'h').as_deref(),
            Some("24:00:01")
        );
        assert_eq!(elapsed_time(f64::INFINITY, 'h'), None);
        let d = Date::new(2021, 12, 31).unwrap();
        assert_eq!(Date::from_unix(d.days_since_epoch() * 86_400), d);
    }
}
