//! `unprintable-text`: measure texts the report cannot print as typed.
//! Which characters those are is the report font's knowledge
//! (`pdf::coverage::lacks`), passed in by the commands that make a report,
//! so the rule and its finding live here with the other checks.

use std::collections::BTreeSet;

use crate::config::{Config, FieldKey};
use crate::model::finding::{Code, Finding};
use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};
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
    /// Control and format characters, which the report leaves out.
    pub unseen: BTreeSet<char>,
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
            let (message, hint) = match (l.missing.is_empty(), l.unshaped) {
                (true, false) => (
                    Message::new("check-unseen-text"),
                    Message::new("check-unseen-text.hint"),
                ),
                (false, false) => (
                    Message::new("check-unprintable-text"),
                    Message::new("check-unprintable-text.hint"),
                ),
                (true, true) => (
                    Message::new("check-unshaped-text"),
                    Message::new("check-unshaped-text.hint"),
                ),
                (false, true) => (
                    Message::new("check-unprintable-and-unshaped-text"),
                    Message::new("check-unprintable-and-unshaped-text.hint"),
                ),
            };
            let header = Lang::ALL.map(|lang| config.field_header(key, lang).to_string());
            let message = message
                .arg("measure", crate::text::visible(&m.name))
                .arg("field", Arg::PerLang(Box::new(header)))
                .arg(
                    "chars",
                    listed(if l.missing.is_empty() {
                        &l.unseen
                    } else {
                        &l.missing
                    }),
                );
            let mut f = Finding::file(Code::UnprintableText, &sub.file.display, message)
                .field(key)
                .value(text)
                .hint(hint);
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

    /// Both problems of one text make one message of two sentences, each
    /// with the arguments filled, in every language.
    #[test]
    fn both_problems_are_told_in_two_sentences() {
        let m = Message::new("check-unprintable-and-unshaped-text")
            .arg("measure", "Kerho")
            .arg(
                "field",
                Arg::PerLang(Box::new([
                    "Vaikutus".into(),
                    "Effekt".into(),
                    "Impact".into(),
                ])),
            )
            .arg("chars", "U+4E2D 中");
        let fi = crate::i18n::render(Lang::Fi, &m);
        assert!(
            fi.starts_with("Toimenpiteen \"Kerho\" kentässä \"Vaikutus\" on merkkejä")
                && fi.contains("korvausmerkkinä �: U+4E2D 中. Toimenpiteen \"Kerho\" kentässä")
                && fi.ends_with("vasemmalta oikealle."),
            "{fi}"
        );
        let en = crate::i18n::render(Lang::En, &m);
        assert!(
            en.starts_with("The field \"Impact\" of the measure \"Kerho\" has characters")
                && en.contains(
                    ": U+4E2D 中. The field \"Impact\" of the measure \"Kerho\" has right-to-left"
                ),
            "{en}"
        );
        let sv = crate::i18n::render(Lang::Sv, &m);
        assert!(
            sv.contains("i fältet \"Effekt\" tecken") && !sv.contains('{'),
            "{sv}"
        );
    }
}
