//! Control characters in the configuration's texts: they reach the
//! workbooks as XML attributes (table column names, input messages, sheet
//! names), where XML 1.0 cannot hold them, so a file with one is refused
//! at load like any other malformed configuration.
//!
//! TOML only lets a control character in through an escape (`\u0001`,
//! `\b`, `\f`), so the escapes are found in the text, which also gives the
//! line and the key.

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

/// The first escape of a control character other than TAB, LF and CR in
/// a basic (double-quoted) string of `text`.
pub fn find(text: &str) -> Option<Control> {
    let mut table = String::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            table = trimmed.trim_matches(['[', ']']).trim().to_string();
            continue;
        }
        if let Some(c) = escaped_control(line) {
            let name = line.split('=').next().unwrap_or("").trim();
            let key = if table.is_empty() {
                name.to_string()
            } else {
                format!("{table}.{name}")
            };
            return Some(Control {
                line: i + 1,
                key,
                char: c,
            });
        }
    }
    None
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
        b'u' => u32::from_str_radix(rest.get(1..5)?, 16).ok()?,
        b'U' => u32::from_str_radix(rest.get(1..9)?, 16).ok()?,
        _ => return None,
    };
    let c = char::from_u32(code)?;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')).then_some(c)
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
    }
}
