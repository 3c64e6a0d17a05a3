//! Sheet names and XML text that every workbook kooste writes can hold:
//! a submission's sheet name or a configured code may break Excel's rules
//! for sheet names or hold characters XML 1.0 cannot carry, and one such
//! name must not make a workbook unreadable or stop a run.

/// Characters Excel forbids in a sheet name.
const FORBIDDEN: &str = "[]:*?/\\";

/// Excel's limit on a sheet name, in UTF-16 units as Excel counts them.
const MAX_UNITS: usize = 31;

/// Whether `c` may not stand in XML 1.0 text or attributes, or would
/// mislead as a name: C0 and C1 controls, DEL, noncharacters U+FFFE/U+FFFF
/// and the bidirectional overrides that reorder what follows them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') || crate::text::is_bidi_control(c)
}

/// A sheet name Excel accepts, made from `wanted` and unique among `used`
/// (case-insensitively), which it joins: no `[]:*?/\`, no control
/// characters, no `'` at either end, at most 31 UTF-16 units, not empty.
pub fn sheet_name(wanted: &str, used: &mut Vec<String>) -> String {
    let cleaned: String = wanted
        .chars()
        .filter(|&c| !FORBIDDEN.contains(c) && !is_unsafe_char(c))
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base = if cleaned.is_empty() { "Sheet" } else { cleaned };
    let taken = |n: &str, used: &[String]| {
        used.iter().any(|u| u.to_lowercase() == n.to_lowercase())
            || n.eq_ignore_ascii_case("history")
    };
    let mut n = 1;
    let name = loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let name = format!("{}{suffix}", cut(base, MAX_UNITS - suffix.len()));
        // Cutting may leave a quote at the end again.
        let name = name.trim_end_matches('\'').to_string();
        if !taken(&name, used) {
            break name;
        }
        n += 1;
    };
    used.push(name.clone());
    name
}

/// The longest prefix of `s` of at most `units` UTF-16 units.
fn cut(s: &str, units: usize) -> &str {
    let mut total = 0;
    for (i, c) in s.char_indices() {
        total += c.len_utf16();
        if total > units {
            return s[..i].trim_end();
        }
    }
    s
}

/// A reference to cell `cell` of sheet `sheet` for a formula or a link:
/// `'sheet'!A1`, a quote inside the name doubled.
pub fn sheet_ref(sheet: &str, cell: &str) -> String {
    format!("'{}'!{cell}", sheet.replace('\'', "''"))
}

/// Text for a double-quoted XML attribute: markup escaped, characters XML
/// cannot hold dropped.
pub fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(wanted: &str) -> String {
        sheet_name(wanted, &mut Vec::new())
    }

    #[test]
    fn names_follow_excels_rules() {
        assert_eq!(one("Kulut'"), "Kulut");
        assert_eq!(one("'Kulut'"), "Kulut");
        assert_eq!(one("Kulut\u{1}"), "Kulut");
        assert_eq!(one("=cmd|' /C calc'"), "=cmd|' C calc");
        assert_eq!(one("[]:*?/\\"), "Sheet");
        assert_eq!(one("a\u{202e}b\u{85}"), "ab");
        assert_eq!(one(&"x".repeat(40)).len(), 31);
        assert_eq!(one(&"😀".repeat(20)).chars().count(), 15);
        assert_eq!(one("History"), "History (2)");
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let mut used = vec!["Tarkistukset".to_string()];
        assert_eq!(sheet_name("tarkistukset", &mut used), "tarkistukset (2)");
        assert_eq!(sheet_name("TARKISTUKSET", &mut used), "TARKISTUKSET (3)");
        assert_eq!(sheet_name(&"Ä".repeat(40), &mut used).chars().count(), 31);
        assert_eq!(
            sheet_name(&"ä".repeat(40), &mut used),
            format!("{} (2)", "ä".repeat(27))
        );
    }

    #[test]
    fn references_double_quotes_and_attributes_drop_controls() {
        assert_eq!(sheet_ref("Kulut'", "A1"), "'Kulut'''!A1");
        assert_eq!(escape_attribute("a\u{1}<\"&"), "a&lt;&quot;&amp;");
    }
}
