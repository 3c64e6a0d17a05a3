//! Text helpers: accent- and case-insensitive matching, closest spelling,
//! A1 cell references.

/// Lower-cases, folds accents (ä→a, å→a, é→e …), turns dashes and underscores
/// into spaces and collapses white space, so that "  Korso–Koivukylä " and
/// "korso-koivukyla" compare equal.
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        return normalise_ascii(s);
    }
    normalise_chars(s)
}

/// [`normalise`] of an ASCII text, byte by byte: no ASCII character is
/// invisible, combining or accented, and each lower-cases to one byte.
/// Every row's first cell is normalised to test it for a total label
/// (mostly ASCII identifiers): char by char, that was 2 % of `validate`.
fn normalise_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true; // drop leading space
    for &b in s.as_bytes() {
        // What `fold` makes a space: the separators and ASCII's white
        // space (`char::is_whitespace`: tab to carriage return, space).
        if matches!(b, b'-' | b'_' | b'/' | b' ' | b'\t'..=b'\r') {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(char::from(b.to_ascii_lowercase()));
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`normalise`], character by character.
fn normalise_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true; // drop leading space
    for c in s.chars().filter(|&c| !is_invisible(c) && !is_combining(c)) {
        let folded = fold(c);
        if folded == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            for l in folded.to_lowercase() {
                out.push(l);
            }
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The first character of `normalise(s)`, found without normalising all
/// of `s`: a cheap test that rules most texts out before a comparison.
pub fn normalised_first(s: &str) -> Option<char> {
    s.chars()
        .filter(|&c| !is_invisible(c) && !is_combining(c))
        .map(fold)
        .find(|&c| c != ' ')
        .and_then(|c| c.to_lowercase().next())
}

/// Characters that show as nothing (or as an ordinary space's absence) but
/// make two spellings differ: zero-width space, non-joiner and joiner,
/// word joiner, byte order mark (zero-width no-break space), soft hyphen,
/// left-to-right and right-to-left marks. They are ignored when matching
/// codes, names and headers; no-break spaces count as spaces.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{ad}'
            | '\u{200e}'
            | '\u{200f}'
    )
}

/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): they reorder the text after them, so a line holding
/// one may show other than what it says.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with each invisible character ([`is_invisible`]), bidirectional
/// control ([`is_bidi_control`]) and control character written visibly as `<U+200B>`, for a message about a value
/// that differs from an allowed one only by what cannot be seen.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) || is_bidi_control(c) || (c.is_control() && c != '\n') {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` for the terminal: every control character (C0 with newline, TAB
/// and CR, DEL, C1), bidirectional control ([`is_bidi_control`]) and
/// invisible character written visibly as `<U+001B>`. A cell's escape
/// sequence could otherwise erase or recolour earlier lines, a newline
/// forge a line of its own, and an override reorder the line it is in.
/// kooste's own line ends and colours are added around what this returns.
pub fn terminal(s: &str) -> std::borrow::Cow<'_, str> {
    // ASCII, most of every line, is unsafe only as a control character;
    // the other tests are for the rest (every finding's line goes through
    // this, and testing each character three ways was 0.5 % of `merge`).
    let unsafe_char = |c: char| {
        if c.is_ascii() {
            c.is_ascii_control()
        } else {
            c.is_control() || is_bidi_control(c) || is_invisible(c)
        }
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A number for a message, short whatever its size: as it is up to 15
/// digits, else in scientific form with two significant digits
/// (`1.0·10^308`, with a decimal comma when `comma`), so a value of 309
/// digits does not flood the line. Infinity and NaN are named.
pub fn short_number_in(v: f64, comma: bool) -> String {
    let s = if v.is_nan() {
        "NaN".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "∞" } else { "-∞" }.to_string()
    } else if v.abs() < 1e15 && (v == 0.0 || v.abs() >= 1e-4) {
        format!("{v}")
    } else {
        let e = format!("{v:.1e}");
        match e.split_once('e') {
            Some((m, exp)) => format!("{m}·10^{exp}"),
            None => e,
        }
    };
    if comma { s.replace('.', ",") } else { s }
}

/// [`short_number_in`] with a decimal point.
pub fn short_number(v: f64) -> String {
    short_number_in(v, false)
}

/// A combining diacritical mark (U+0300–U+036F): a decomposed `ä` (NFD,
/// as macOS writes file names and some programs paste text) is `a` and
/// U+0308; matching is accent-insensitive, so the mark is left out.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds one character to its unaccented base; separators become a space.
fn fold(c: char) -> char {
    match c {
        'ä' | 'á' | 'à' | 'â' | 'ã' | 'å' | 'Ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Å' => 'a',
        'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' | 'Ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ø' => 'o',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'š' | 'Š' => 's',
        'ž' | 'Ž' => 'z',
        '-' | '–' | '—' | '_' | '/' => ' ',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Removes a trailing unit in brackets: "Budjetti (€)" → "Budjetti".
///
/// Also the forms people type without brackets or with others: `Toteuma €`,
/// `Toteuma, €`, `Toteuma [EUR]`, `Toteuma (euroa)`, `Budjetti €:`.
pub fn strip_unit(s: &str) -> String {
    let mut t = s.trim().trim_end_matches([':', ' ']);
    for (open, close) in [('(', ')'), ('[', ']')] {
        if t.ends_with(close)
            && let Some(at) = t.rfind(open)
            && at > 0
        {
            t = t[..at].trim_end();
        }
    }
    const UNITS: [&str; 9] = [
        "€", "eur", "euro", "euroa", "euros", "e", "kpl", "htv", "hlö",
    ];
    if let Some((head, unit)) = t.rsplit_once(|c: char| c.is_whitespace() || c == ',')
        && UNITS.contains(&unit.to_lowercase().as_str())
        && !head.trim().is_empty()
    {
        t = head.trim_end().trim_end_matches(',').trim_end();
    }
    t.to_string()
}

/// The unit a header names at its end, if any: the text in its last
/// brackets (`Budjetti (t€)` → `t€`, `Toteuma [EUR]` → `EUR`), or a last
/// word that is a known unit (`Toteuma €`, `Toteuma, €`).
pub fn unit_of(header: &str) -> Option<String> {
    let t = header.trim().trim_end_matches([':', ' ']);
    for (open, close) in [('(', ')'), ('[', ']')] {
        if t.ends_with(close)
            && let Some(at) = t.rfind(open)
            && at > 0
        {
            return Some(t[at + 1..t.len() - 1].trim().to_string());
        }
    }
    let stripped = strip_unit(t);
    (stripped.len() < t.len()).then(|| {
        t[stripped.len()..]
            .trim_start_matches([',', ' '])
            .trim()
            .to_string()
    })
}

/// Normalises a measure name for duplicate detection: also ignores punctuation.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    name_key_chars(s, |c| out.push(c));
    out
}

/// The characters of [`name_key`]`(s)`, one by one, to `emit` (which can
/// hash them without making the key).
pub fn name_key_chars(s: &str, mut emit: impl FnMut(char)) {
    // One pass (it runs for every measure): fold and lower-case as
    // `normalise` does, then anything not alphanumeric separates words.
    let mut started = false;
    let mut space = false;
    let mut take = |c: char| {
        if c.is_alphanumeric() {
            if space && started {
                emit(' ');
            }
            emit(c);
            started = true;
            space = false;
        } else {
            space = true;
        }
    };
    for c in s.chars() {
        // ASCII (most of any name) folds to itself or to a separator.
        if c.is_ascii() {
            take(c.to_ascii_lowercase());
        } else if !is_invisible(c) && !is_combining(c) {
            fold(c).to_lowercase().for_each(&mut take);
        }
    }
}

/// Edit distance between two strings, counted in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `value` (compared normalised), if it is close
/// enough to be a plausible typo: at most a third of its length away.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let v = normalise(value);
    let v_compact: String = v.chars().filter(|c| *c != ' ').collect();
    candidates
        .into_iter()
        .map(|c| {
            let n = normalise(c);
            let compact: String = n.chars().filter(|c| *c != ' ').collect();
            let d = levenshtein(&v, &n).min(levenshtein(&v_compact, &compact));
            (d, n.chars().count(), c)
        })
        .filter(|(d, len, _)| *d * 3 <= (*len).max(3))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, _, c)| c)
}

/// `s.trim()`, answered at once for text that starts and ends with a
/// visible ASCII character (nearly every cell, trimmed several times as
/// it is typed).
pub fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        return s;
    }
    // Invisible characters at the ends (a zero-width space pasted from a
    // web page, a BOM) are trimmed like spaces.
    s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// Column letters of a 0-based column index: 0 → "A", 26 → "AA".
pub fn column_letters(col: u32) -> String {
    let mut s = Vec::with_capacity(3);
    push_column_letters(&mut s, col);
    String::from_utf8(s).unwrap_or_default()
}

/// Appends the letters of 0-based column `col` ("A", …, "Z", "AA", …).
pub fn push_column_letters(out: &mut Vec<u8>, col: u32) {
    let mut n = u64::from(col) + 1;
    let mut letters = [0u8; 7];
    let mut i = letters.len();
    while n > 0 {
        i -= 1;
        letters[i] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    out.extend_from_slice(&letters[i..]);
}

/// A1 reference of a 0-based (row, column): (0, 0) → "A1".
pub fn a1(row: u32, col: u32) -> String {
    let mut s = Vec::with_capacity(12);
    push_a1(&mut s, row, col);
    String::from_utf8(s).unwrap_or_default()
}

/// Appends the [`a1`] reference of a 0-based (row, column).
pub fn push_a1(out: &mut Vec<u8>, row: u32, col: u32) {
    push_column_letters(out, col);
    push_digits(out, u64::from(row) + 1);
}

/// Parses an A1 reference into a 0-based (row, column).
pub fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches('$');
    let split = s.find(|c: char| !c.is_ascii_alphabetic())?;
    let (letters, digits) = s.split_at(split);
    let digits = digits.trim_start_matches('$');
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
        return None;
    }
    let mut col: u32 = 0;
    for c in letters.chars() {
        col = col * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    let row: u32 = digits.parse().ok()?;
    if row == 0 {
        return None;
    }
    Some((row - 1, col - 1))
}

/// Appends `v` as Rust's `{v}` writes it (the shortest digits that read
/// back to the same number, never in exponent notation), which is how
/// rust_xlsxwriter and lopdf write numbers. A number with at most two
/// decimals is written from its whole cents; other digits come from ryu,
/// which finds the same shortest form several times faster than
/// `std::fmt`. The two differ only in a tie, where ryu rounds half to even
/// and `std::fmt` half up, and in ryu's exponent notation; those numbers go
/// through `std::fmt`.
pub fn push_f64(out: &mut Vec<u8>, v: f64) {
    // Money and most other figures have at most two decimals: written from
    // the whole number of cents. A decimal of at most fifteen digits that
    // reads back as `v` is `v`'s shortest form (no two such decimals read
    // as the same number).
    if v != 0.0 && v.abs() < 1e13 {
        let cents = (v * 100.0).round();
        if cents / 100.0 == v {
            push_cents(out, cents as i64);
            return;
        }
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = match exp {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, exp - 1075),
    };
    let mut buf = ryu::Buffer::new();
    let digits = v.is_finite().then(|| buf.format_finite(v));
    push_shortest(out, digits, places(m, e), &v);
}

/// `cents` / 100 without trailing zeros (`12.5`, `12`, `-0.07`).
fn push_cents(out: &mut Vec<u8>, cents: i64) {
    if cents < 0 {
        out.push(b'-');
    }
    let (whole, frac) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
    push_digits(out, whole);
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// The decimal digits of `n`.
pub fn push_digits(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// [`push_f64`] for an `f32`.
pub fn push_f32(out: &mut Vec<u8>, v: f32) {
    let bits = v.to_bits();
    let exp = ((bits >> 23) & 0xff) as i32;
    let fraction = u64::from(bits & ((1 << 23) - 1));
    let (m, e) = match exp {
        0 => (fraction, -149),
        _ => (fraction | 1 << 23, exp - 150),
    };
    let mut buf = ryu::Buffer::new();
    let digits = v.is_finite().then(|| buf.format_finite(v));
    push_shortest(out, digits, places(m, e), &v);
}

/// ryu's `digits` of a finite number (with the exact value's decimal
/// places) where they read as `std::fmt` writes them, else `v` through
/// `std::fmt`.
fn push_shortest(out: &mut Vec<u8>, digits: Option<&str>, places: u32, v: &dyn std::fmt::Display) {
    if !digits.is_some_and(|d| push_plain(out, d, places)) {
        use std::io::Write;
        // Writing to a Vec cannot fail.
        let _ = write!(out, "{v}");
    }
}

/// Decimal places of the exact value of `m`·2^`e`: one per factor of 2 in
/// its denominator (2^-k = 5^k/10^k, so the last of them is a 5).
fn places(m: u64, e: i32) -> u32 {
    if m == 0 {
        return 0;
    }
    (-(e + m.trailing_zeros() as i32)).max(0) as u32
}

/// ryu's `digits` as `std::fmt` writes them, unless they are in exponent
/// notation or may differ from it: ryu ends a whole number with `.0`, which
/// `{}` leaves out, and where the exact value has just one decimal place
/// more than the digits, its last a 5, the two shortest candidates are
/// equally near and ryu and `std::fmt` choose differently. (A whole number
/// never ties: its spacing is a power of two no tie's 5 can divide.)
fn push_plain(out: &mut Vec<u8>, digits: &str, exact_places: u32) -> bool {
    if digits.contains('e') {
        return false;
    }
    let shown = digits.find('.').map_or(0, |dot| digits.len() - dot - 1);
    if exact_places == shown as u32 + 1 {
        return false;
    }
    out.extend_from_slice(digits.strip_suffix(".0").unwrap_or(digits).as_bytes());
    true
}

/// Text that a spreadsheet would take for a formula gets a leading apostrophe
/// (the usual CSV-injection guard), so it opens as text.
pub fn csv_guard(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_controls_overrides_and_invisibles_only() {
        let safe = "61 481,11\u{a0}€ – ä \u{202f}ok";
        assert!(matches!(terminal(safe), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            terminal("a\x1b[2Jb\tc\x7f"),
            "a<U+001B>[2Jb<U+0009>c<U+007F>"
        );
        assert_eq!(
            terminal("\u{85}x\u{202e}y\u{200b}z\u{2066}"),
            "<U+0085>x<U+202E>y<U+200B>z<U+2066>"
        );
        // Every ASCII character: unsafe exactly when a control character.
        for b in 0u8..128 {
            let c = char::from(b);
            let s = c.to_string();
            assert_eq!(terminal(&s) != s, c.is_control(), "{b}");
        }
    }

    #[test]
    fn ascii_is_normalised_as_by_characters() {
        // Every ASCII character alone, between letters and doubled.
        for b in 0u8..128 {
            let c = char::from(b);
            for s in [c.to_string(), format!("A{c}b"), format!("{c}{c}x{c}")] {
                assert_eq!(normalise_ascii(&s), normalise_chars(&s), "{s:?}");
            }
        }
        for s in ["  Yht. ", "KASKO-2021-0001/00001", "a_b\t\r\nC", "", " - "] {
            assert_eq!(normalise(s), normalise_chars(s), "{s:?}");
        }
    }

    #[test]
    fn normalise_folds_case_accents_and_space() {
        assert_eq!(normalise("  Korso–Koivukylä "), "korso koivukyla");
        assert_eq!(normalise("LÄNSIMÄKI"), "lansimaki");
        assert_eq!(normalise("Toteutus\u{a0}vaihe"), "toteutus vaihe");
    }

    #[test]
    fn strip_unit_removes_trailing_brackets_only() {
        assert_eq!(strip_unit("Budjetti (€)"), "Budjetti");
        assert_eq!(strip_unit("Budget (EUR) "), "Budget");
        assert_eq!(strip_unit("(x)"), "(x)");
    }

    #[test]
    fn closest_finds_typos() {
        let c = ["toteutusvaihe", "suunnitteluvaihe", "valmis"];
        assert_eq!(closest("toteutus vaihe", c), Some("toteutusvaihe"));
        assert_eq!(closest("suuunnitteluvaihe", c), Some("suunnitteluvaihe"));
        assert_eq!(closest("banana", c), None);
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "", " ", "a", " a", "a ", "\u{a0}a", "a\u{a0}", "ä", " ä ", "\ta\n", "a\u{7f}", "x y",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn a1_round_trips() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
        for (r, c) in [(0, 0), (4, 27), (1_048_575, 16_383), (77, 701)] {
            assert_eq!(parse_a1(&a1(r, c)), Some((r, c)));
        }
        assert_eq!(parse_a1("$B$3"), Some((2, 1)));
        assert_eq!(parse_a1("A0"), None);
        assert_eq!(parse_a1("12"), None);
    }

    #[test]
    fn normalised_first_is_the_first_of_normalise() {
        for s in [
            "  Yhteensä:",
            "–Ärende",
            "KYMP-2021",
            "",
            "  - ",
            "İstanbul",
            "ÅÄÖ",
        ] {
            assert_eq!(normalised_first(s), normalise(s).chars().next(), "{s:?}");
        }
    }

    #[test]
    fn name_key_is_normalise_with_punctuation_as_spaces() {
        // The one-pass `name_key` against its definition.
        let by_definition = |s: &str| {
            let n: String = normalise(s)
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            n.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "  Kesäruokailu!  ",
            "”Kohtaamisia”, etsivän  vanhustyön projekti",
            "Korso–Koivukylä / SOTE_01",
            "İstanbul",
            "---",
            "",
            "Åbo Akademi (2021)",
            "A\tB\u{1}c~D@e.f ÄB",
        ] {
            assert_eq!(name_key(s), by_definition(s), "{s:?}");
        }
    }

    #[test]
    fn name_key_ignores_punctuation() {
        assert_eq!(name_key("Kesäruokailu!"), name_key("kesaruokailu"));
        assert_eq!(
            name_key("”Kohtaamisia”, etsivän vanhustyön projekti"),
            name_key("Kohtaamisia etsivän  vanhustyön projekti")
        );
    }

    /// Numbers written by push_f64 and push_f32 read as `{}` writes them:
    /// money, shares, coordinates, whole numbers, powers of two and ten,
    /// the edges of ryu's plain notation, and spread bit patterns.
    #[test]
    fn shortest_numbers_are_written_as_std_writes_them() {
        let check64 = |v: f64| {
            let mut out = Vec::new();
            push_f64(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v}"), "{v:e}");
        };
        let check32 = |v: f32| {
            let mut out = Vec::new();
            push_f32(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v}"), "{v:e}");
        };
        let mut specials = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.5,
            35322.33,
            "79985.50999999999".parse().unwrap(),
            0.8898054007196015,
            1e15,
            1e16,
            1e17,
            1e-5,
            1e-6,
            1e-7,
            123456789012345680.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for k in -60..70 {
            specials.push(2f64.powi(k));
            specials.push(10f64.powi(k / 2));
        }
        for cents in (0..2_000_000i64).step_by(7) {
            specials.push(cents as f64 / 100.0);
        }
        for v in specials {
            check64(v);
            check64(-v);
            check32(v as f32);
            check32(-(v as f32));
        }
        // A spread of bit patterns: every exponent, varied mantissas.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            check64(f64::from_bits(x));
            check32(f32::from_bits((x >> 32) as u32));
            // In the ranges of money and page coordinates, and dyadic
            // fractions (k / 2^j), where the ties are.
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            check64(unit * 1e7);
            check32((unit * 1000.0) as f32);
            let j = (x % 40) as i32;
            check64(((x >> 20) % 100_000) as f64 / 2f64.powi(j));
            check32(((x >> 20) % 10_000) as f32 / 2f32.powi(j % 24));
        }
    }
}
