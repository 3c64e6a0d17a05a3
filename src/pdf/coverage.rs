//! Text the report cannot show as typed: characters the report's font
//! (DejaVu Sans, regular and bold) has no glyph for print as empty boxes,
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
        if right_to_left(c) {
            out.unshaped = true;
        }
        if !printable(c) {
            out.missing.insert(c);
        }
    }
    (out.unshaped || !out.missing.is_empty()).then_some(out)
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
    fn arabic_and_hebrew_are_unshaped() {
        let l = lacks("مرحبا").unwrap();
        assert!(l.unshaped && l.missing.is_empty());
        assert!(lacks("שלום").unwrap().unshaped);
    }
}
