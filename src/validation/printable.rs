//! `unprintable-text`: measure texts the report cannot print as typed.
//! Which characters those are is the report font's knowledge
//! (`pdf::coverage::lacks`), passed in by the commands that make a report,
//! so the rule and its finding live here with the other checks.

use std::collections::BTreeSet;

use crate::config::{Config, FieldKey};
use crate::i18n::fill;
use crate::model::finding::{Code, Finding};
use crate::validation::checked::Run;

/// The most characters a finding lists; the rest are counted.
const LIST_MAX: usize = 12;

/// What a text lacks in the report: the distinct characters without a
/// glyph, and whether it has right-to-left text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lacks {
    /// Characters the font has no glyph for.
    pub missing: BTreeSet<char>,
    /// Whether right-to-left letters print unshaped.
    pub unshaped: bool,
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
/// `lacks` tells what a text lacks in the report's font.
pub fn findings(run: &Run, config: &Config, lacks: impl Fn(&str) -> Option<Lacks>) -> Vec<Finding> {
    let t = run.lang.texts();
    let mut out = Vec::new();
    for (sub, m) in run.included() {
        let texts = [
            (FieldKey::Measure, m.name.as_str()),
            (
                FieldKey::ImpactStory,
                m.impact_story.as_deref().unwrap_or(""),
            ),
        ];
        for (key, text) in texts {
            let Some(l) = lacks(text) else { continue };
            let vars = [
                ("measure", crate::text::visible(&m.name)),
                ("field", config.field_header(key, run.lang).to_string()),
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
    fn characters_are_listed_by_code_point_and_counted_past_the_cap() {
        let chars = BTreeSet::from(['中', '文', '🦀']);
        assert_eq!(listed(&chars), "U+4E2D 中, U+6587 文, U+1F980 🦀");
        let many: BTreeSet<char> = ('\u{4e00}'..='\u{4e0f}').collect();
        assert!(listed(&many).ends_with(", +4"), "{}", listed(&many));
        assert_eq!(listed(&BTreeSet::from(['\u{200b}'])), "U+200B");
    }
}
