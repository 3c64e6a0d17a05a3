//! Text the report cannot show as typed: characters the report's font
//! (DejaVu Sans, regular and bold) has no glyph for print as U+FFFD,
//! and right-to-left scripts print unshaped, letter by letter from left to
//! right, as the layout neither shapes nor reorders. The font knowledge
//! lives here; the `unprintable-text` warnings it leads to are raised in
//! `validation::printable`.

use std::sync::OnceLock;

use printpdf::ParsedFont;

pub use crate::validation::printable::Lacks;

/// The report's two faces, parsed once and only when a text holds a
/// character outside the Latin range every face has.
fn faces() -> &'static [ParsedFont; 2] {
    static FACES: OnceLock<[ParsedFont; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        let parse = |bytes: &[u8]| {
            // The bundled fonts parse (`fonts_load` tests it).
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .unwrap_or_else(|| unreachable!("bundled font does not parse"))
        };
        [
            parse(super::layout::REGULAR_TTF),
            parse(super::layout::BOLD_TTF),
        ]
    })
}

/// Whether both faces have a glyph for `c`. Printable Latin (U+0020 to
/// U+024F) is in DejaVu Sans and answered without parsing the fonts.
pub fn printable(c: char) -> bool {
    if ('\u{20}'..'\u{7f}').contains(&c) || ('\u{a0}'..'\u{250}').contains(&c) {
        return true;
    }
    faces()
        .iter()
        .all(|f| f.lookup_glyph_index(c as u32).is_some_and(|g| g != 0))
}

/// What the report draws for a character the font lacks: the replacement
/// character, which DejaVu Sans has, so no text ever shows the missing
/// glyph (`.notdef`), forbidden by PDF/A-2 and PDF/UA-1.
pub const REPLACEMENT: char = '\u{fffd}';

/// Whether `c` is a control character (Unicode Cc), a format character
/// (Cf, but the soft hyphen the layout hyphenates with) or a noncharacter:
/// none has a visible shape, and none may be a glyph's Unicode value.
pub fn unseen(c: char) -> bool {
    let n = c as u32;
    c.is_control()
        || matches!(
            n,
            0x600..=0x605
                | 0x61c
                | 0x6dd
                | 0x70f
                | 0x890..=0x891
                | 0x8e2
                | 0x180e
                | 0x200b..=0x200f
                | 0x202a..=0x202e
                | 0x2060..=0x2064
                | 0x2066..=0x206f
                | 0xfdd0..=0xfdef
                | 0xfeff
                | 0xfff9..=0xfffb
                | 0x110bd
                | 0x110cd
                | 0x13430..=0x1343f
                | 0x1bca0..=0x1bca3
                | 0x1d173..=0x1d17a
                | 0xe0001
                | 0xe0020..=0xe007f
        )
        || n & 0xfffe == 0xfffe
}

/// What the report draws for `c`: nothing for an unseen character
/// ([`unseen`]), a space for a space the font lacks, [`REPLACEMENT`] for
/// any other character the font lacks, else `c` itself. Every text the
/// report sets goes through this (`draw::Page`), so no text references
/// the missing glyph or carries a Unicode value a validator refuses.
pub fn drawn(c: char) -> Option<char> {
    if ('\u{20}'..'\u{7f}').contains(&c) || ('\u{a0}'..'\u{250}').contains(&c) {
        return Some(c);
    }
    if unseen(c) {
        None
    } else if printable(c) {
        Some(c)
    } else if c.is_whitespace() {
        Some(' ')
    } else {
        Some(REPLACEMENT)
    }
}

/// `text` as the report draws it ([`drawn`]), borrowed when unchanged.
pub fn drawable(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .all(|c| ('\u{20}'..'\u{7f}').contains(&c) || ('\u{a0}'..'\u{250}').contains(&c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter_map(drawn).collect())
}

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms), which the report does not
/// shape or reorder.
pub fn right_to_left(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// What `text` lacks in the report, `None` when it prints as typed.
pub fn lacks(text: &str) -> Option<Lacks> {
    let mut out = Lacks::default();
    for c in text.chars() {
        // Tab and newline are laid out as space and line break.
        if matches!(c, '\t' | '\n' | '\r') {
            continue;
        }
        if unseen(c) {
            out.unseen.insert(c);
        } else if right_to_left(c) {
            out.unshaped = true;
        } else if !printable(c) && !c.is_whitespace() {
            // A space the font lacks prints as a space.
            out.missing.insert(c);
        }
    }
    (out.unshaped || !out.missing.is_empty() || !out.unseen.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_font_covers_latin_greek_cyrillic_but_not_cjk_or_emoji() {
        assert_eq!(lacks("Kesäruokailu – Åbo € ŝ"), None);
        assert_eq!(lacks("Ελληνικά Русский"), None);
        let l = lacks("中文 🦀").unwrap();
        assert_eq!(l.missing, BTreeSet::from(['中', '文', '🦀']));
        assert!(!l.unshaped);
    }

    #[test]
    fn what_the_font_lacks_is_drawn_as_a_glyph_it_has_or_not_at_all() {
        assert!(printable(REPLACEMENT));
        assert_eq!(drawable("Kesä € Ω"), "Kesä € Ω");
        assert_eq!(
            drawable("a\u{feff}b\u{2066}c\u{1}d\u{7f}\u{85}\u{180e}\u{fffe}\u{ffff}e"),
            "abcde"
        );
        assert_eq!(drawable("中🦀\u{f0b7}\u{e000}𝔘"), "\u{fffd}".repeat(5));
        assert_eq!(drawable("a\u{3000}b"), "a b");
        let l = lacks("a\u{feff}b\tc").unwrap();
        assert!(!l.unshaped && l.missing.is_empty());
        assert_eq!(l.unseen, BTreeSet::from(['\u{feff}']));
        assert_eq!(lacks("a\tb\nc"), None);
        assert_eq!(lacks("a\u{3000}b"), None);
    }

    #[test]
    fn arabic_and_hebrew_are_unshaped() {
        let l = lacks("مرحبا").unwrap();
        assert!(l.unshaped && l.missing.is_empty());
        assert!(lacks("שלום").unwrap().unshaped);
    }
}
