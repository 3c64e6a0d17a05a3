//! Control characters in the configuration's texts: they reach the
//! workbooks as XML attributes (table column names, input messages, sheet
//! names), where XML 1.0 cannot hold them, so a file with one is refused
//! at load like any other malformed configuration.
//!
//! TOML only lets a control character in through an escape (`\u0001`,
//! `\b`, `\f`), so the escapes are found in the text, which also gives the
//! line and the key.
//!
//! [`key_at`] names the key of a line the same way, for the TOML parser's
//! errors, which give a place in the text but not the key.

/// A control character written as an escape: its line (1-based), the key
/// as `table.key`, and the character.
pub struct Control {
    /// 1-based line.
    pub line: usize,
    /// The key, with its table.
    pub key: String,
    /// The character the escape stands for.
    pub char: char,
}

/// The first escape of a control character other than TAB and LF in
/// a basic (double-quoted) string of `text`.
pub fn find(text: &str) -> Option<Control> {
    let mut table = String::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            table = table_name(trimmed);
            continue;
        }
        if let Some(c) = escaped_control(line) {
            return Some(Control {
                line: i + 1,
                key: key_of(&table, line),
                char: c,
            });
        }
    }
    None
}

/// The key that line `line` (1-based) of `text` sets, as `table.key`, or
/// the table a table header there names: what a TOML parser's error on
/// that line is about. `None` past the text or on a line with neither.
pub fn key_at(text: &str, line: usize) -> Option<String> {
    let mut table = String::new();
    for (i, l) in text.lines().enumerate().take(line) {
        let trimmed = l.trim();
        let here = i + 1 == line;
        if trimmed.starts_with('[') {
            table = table_name(trimmed);
            if here {
                return (!table.is_empty()).then(|| table.clone());
            }
        } else if here {
            let name = key_of(&table, l);
            let sets = l.contains('=') && !trimmed.starts_with('#');
            return (sets && !name.is_empty() && !name.ends_with('.')).then_some(name);
        }
    }
    None
}

/// The name of a table header line (`[programme]`, `[[departments]]`).
fn table_name(header: &str) -> String {
    header
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['[', ']'])
        .trim()
        .to_string()
}

/// The key a `key = value` line sets, with its table.
fn key_of(table: &str, line: &str) -> String {
    let name = line.split('=').next().unwrap_or("").trim();
    if table.is_empty() {
        name.to_string()
    } else {
        format!("{table}.{name}")
    }
}

/// The first escaped control character on `line` outside comments and
/// literal strings.
fn escaped_control(line: &str) -> Option<char> {
    let bytes = line.as_bytes();
    let (mut in_basic, mut in_literal) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if !in_basic && !in_literal => return None,
            b'\'' if !in_basic => in_literal = !in_literal,
            b'"' if !in_literal => in_basic = !in_basic,
            b'\\' if in_basic => {
                if let Some(c) = escape_at(&line[i + 1..]) {
                    return Some(c);
                }
                i += 1; // skip the escaped character
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The control character an escape (after its `\`) stands for, if any.
fn escape_at(rest: &str) -> Option<char> {
    let code = match rest.as_bytes().first()? {
        b'b' => 0x08,
        b'f' => 0x0c,
        b'r' => 0x0d,
        b'u' => u32::from_str_radix(rest.get(1..5)?, 16).ok()?,
        b'U' => u32::from_str_radix(rest.get(1..9)?, 16).ok()?,
        _ => return None,
    };
    let c = char::from_u32(code)?;
    // A carriage return is refused too: the attribute values would bring
    // it back as a line feed, and the report cannot draw it.
    (c.is_control() && !matches!(c, '\t' | '\n')).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_escaped_controls_with_line_and_key() {
        let text = "[programme]\ncode = \"MEK\"\n\n[[departments]]\ncode = \"A\\u0001\"\n";
        let c = find(text).unwrap();
        assert_eq!(
            (c.line, c.key.as_str(), c.char),
            (5, "departments.code", '\u{1}')
        );
        assert!(find("a = \"tab\\tnew\\nline \\u00e4\"\nb = 'lit \\u0001' # \\u0001").is_none());
        assert_eq!(find("x = \"\\\\u0001 \\f\"").unwrap().char, '\u{c}');
        assert_eq!(find("o = \"Vantaa\\rx\"").unwrap().char, '\r');
        assert_eq!(find("o = \"Vantaa\\u000Dx\"").unwrap().char, '\r');
    }

    #[test]
    fn key_at_names_the_key_or_table_of_a_line() {
        let text = "top = 1\n[programme] # p\nfirst_year = \"soon\"\n\n[[fields]]\nkey = \"x\"\n";
        assert_eq!(key_at(text, 1).as_deref(), Some("top"));
        assert_eq!(key_at(text, 2).as_deref(), Some("programme"));
        assert_eq!(key_at(text, 3).as_deref(), Some("programme.first_year"));
        assert_eq!(key_at(text, 4), None);
        assert_eq!(key_at(text, 5).as_deref(), Some("fields"));
        assert_eq!(key_at(text, 6).as_deref(), Some("fields.key"));
        assert_eq!(key_at(text, 99), None);
    }
}
