//! The languages kooste speaks. The sentences themselves live in
//! `templates/messages/<code>/*.ftl` and are made by `crate::i18n`; this is
//! only the choice, so that the checks can carry it without the texts.

/// A user language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Finnish (default).
    #[default]
    Fi,
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order of [`Lang::index`].
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// 0 for Finnish, 1 for Swedish, 2 for English: the index into a
    /// `[T; 3]` that holds one value per language.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses "fi", "sv" or "en".
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}
