//! Text the report cannot show as typed: characters the report's font
//! (DejaVu Sans, regular and bold) has no glyph for print as empty boxes,
//! and right-to-left scripts print unshaped, letter by letter from left to
//! right, as the layout neither shapes nor reorders. Each is an
//! `unprintable-text` warning about the measure, raised by the commands
//! that make the report, before their findings are printed.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::config::Config;
use crate::finding::{Code, Finding};
use crate::i18n::fill;
use crate::run::Run;

/// The most characters a finding lists; the rest are counted.
const LIST_MAX: usize = 12;

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

/// What a text lacks in the report: the distinct characters without a
/// glyph, and whether it has right-to-left text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lacks {
    /// Characters the font has no glyph for.
    pub missing: BTreeSet<char>,
    /// Whether right-to-left letters print unshaped.
    pub unshaped: bool,
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

/// The characters listed visibly: `U+4E2D 中, U+1F980 🦀`, controls by
/// code alone, and how many more past [`LIST_MAX`].
pub fn listed(chars: &BTreeSet<char>) -> String {
    let mut parts: Vec<String> = chars
        .iter()
        .take(LIST_MAX)
        .map(|&c| {
            if c.is_control() || crate::text::is_bidi_control(c) || crate::text::is_invisible(c) {
                format!("U+{:04X}", c as u32)
            } else {
                format!("U+{:04X} {c}", c as u32)
            }
        })
        .collect();
    if chars.len() > LIST_MAX {
        parts.push(format!("+{}", chars.len() - LIST_MAX));
    }
    parts.join(", ")
}

/// The `unprintable-text` warnings for the measures that go into the
/// report: their names and impact stories, the texts the report prints.
pub fn findings(run: &Run, config: &Config) -> Vec<Finding> {
    let t = run.lang.texts();
    let header = |key: &str, fallback: &str| {
        config
            .field(key)
            .map(|f| f.header.get(run.lang).to_string())
            .unwrap_or(fallback.to_string())
    };
    let mut out = Vec::new();
    for (sub, m) in run.included() {
        let texts = [
            ("measure", m.name.as_str()),
            ("impact_story", m.impact_story.as_deref().unwrap_or("")),
        ];
        for (key, text) in texts {
            let Some(l) = lacks(text) else { continue };
            let vars = [
                ("measure", crate::text::visible(&m.name)),
                ("field", header(key, key)),
                ("chars", listed(&l.missing)),
            ];
            let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let mut message = Vec::new();
            if !l.missing.is_empty() {
                message.push(fill(t.unprintable_text, &vars));
            }
            if l.unshaped {
                message.push(fill(t.unshaped_text, &vars));
            }
            let mut f = Finding::file(Code::UnprintableText, &sub.file.display, message.join(" "))
                .field(key)
                .value(text)
                .hint(t.unprintable_hint);
            f.sheet = sub.sheet.clone();
            f.cell = Some(m.source_cell.to_string());
            f.row = Some(m.source.row);
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_latin_greek_cyrillic_but_not_cjk_or_emoji() {
        assert_eq!(lacks("Kesäruokailu – Åbo € ŝ"), None);
        assert_eq!(lacks("Ελληνικά Русский"), None);
        let l = lacks("中文 🦀").unwrap();
        assert_eq!(l.missing, BTreeSet::from(['中', '文', '🦀']));
        assert!(!l.unshaped);
        assert_eq!(listed(&l.missing), "U+4E2D 中, U+6587 文, U+1F980 🦀");
    }

    #[test]
    fn arabic_and_hebrew_are_unshaped() {
        let l = lacks("مرحبا").unwrap();
        assert!(l.unshaped && l.missing.is_empty());
        assert!(lacks("שלום").unwrap().unshaped);
    }
}
