//! Look-up tables built once from the configuration: header names to fields,
//! typed spellings to list entries.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::config::{Choice, Config, Kind};
use crate::model::field::CSV_EXPORT;
use crate::model::lang::Lang;
use crate::reading::units;
use crate::text::{closest, normalise, normalised_first, strip_unit};

/// Which configured list a choice belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Departments.
    Department,
    /// Focus areas.
    FocusArea,
    /// Areas.
    Area,
    /// Statuses.
    Status,
    /// Cross-cutting themes.
    Theme,
}

impl ListKind {
    /// Position in the configuration's lists.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Look-ups for one configuration.
#[derive(Debug, Clone)]
pub struct Schema<'c> {
    /// The configuration.
    pub config: &'c Config,
    headers: HashMap<String, usize>,
    lists: [FxHashMap<String, usize>; 5],
    exact: [FxHashMap<String, usize>; 5],
    totals: Vec<String>,
    /// The total labels of one word, without a full stop or colon after
    /// them (`yht`): worked out once, not for every row asked.
    total_words: Vec<String>,
    /// Every word of every total label, normalised, without colons, full
    /// stops or commas around it, where it is ASCII (`yhteensa` would be,
    /// `yhteensä` is not): an ASCII text holding none of them is no label
    /// ([`Schema::is_total_label`]). `None` when a label has no such word
    /// at all (`,` alone), so that test would not hold.
    label_words: Option<Vec<String>>,
    examples: Vec<String>,
    /// Caps on what one file may unpack to.
    pub limits: crate::reading::Limits,
    /// The year being reported, where the run was given one (`--year`):
    /// of a workbook's sheets per year, the one named for it is read.
    pub year: Option<i32>,
}

impl<'c> Schema<'c> {
    /// Builds the look-ups.
    pub fn new(config: &'c Config) -> Schema<'c> {
        let mut headers = HashMap::new();
        for (i, f) in config.fields.iter().enumerate() {
            for h in f
                .header
                .all()
                .into_iter()
                .chain(f.aliases.iter().map(String::as_str))
            {
                headers.entry(normalise(&strip_unit(h))).or_insert(i);
                headers.entry(normalise(h)).or_insert(i);
            }
            headers.entry(normalise(f.key.get_ref())).or_insert(i);
        }
        let exact_index = |list: &[Choice]| {
            let mut m = FxHashMap::default();
            for (i, c) in list.iter().enumerate() {
                let spellings = std::iter::once(c.code.get_ref().as_str())
                    .chain(c.name.all())
                    .chain(c.aliases.iter().map(String::as_str));
                for s in spellings {
                    m.entry(s.trim().to_string()).or_insert(i);
                }
            }
            m
        };
        let index = |list: &[Choice]| {
            let mut m = FxHashMap::default();
            for (i, c) in list.iter().enumerate() {
                for s in c.spellings() {
                    m.entry(s).or_insert(i);
                }
            }
            m
        };
        Schema {
            config,
            headers,
            lists: [
                index(&config.departments),
                index(&config.focus_areas),
                index(&config.areas),
                index(&config.statuses),
                index(&config.themes),
            ],
            exact: [
                exact_index(&config.departments),
                exact_index(&config.focus_areas),
                exact_index(&config.areas),
                exact_index(&config.statuses),
                exact_index(&config.themes),
            ],
            totals: config
                .programme
                .total_labels
                .iter()
                .map(|t| normalise(t))
                .collect(),
            total_words: config
                .programme
                .total_labels
                .iter()
                .map(|t| normalise(t).trim_end_matches(['.', ':']).to_string())
                .filter(|t| !t.contains(' '))
                .collect(),
            label_words: label_words(&config.programme.total_labels),
            examples: config
                .programme
                .example_labels
                .iter()
                .map(|t| normalise(t))
                .collect(),
            limits: crate::reading::Limits::default(),
            year: None,
        }
    }

    /// The look-ups with extra header spellings (header text → field key)
    /// that one read adds without touching the file: a column the person
    /// matched to a field. They come before the configuration's own; a
    /// key the configuration lacks is ignored.
    pub fn with_headers(&self, headers: &[(String, String)]) -> Schema<'c> {
        let mut s = self.clone();
        for (h, key) in crate::reading::adjust::normalised_headers(headers) {
            if let Some(i) = s.config.fields.iter().position(|f| f.key.get_ref() == key) {
                s.headers.insert(h, i);
            }
        }
        s
    }

    /// The field a header names, if any.
    pub fn field_of_header(&self, header: &str) -> Option<usize> {
        let n = normalise(header);
        self.headers
            .get(&n)
            .or_else(|| self.headers.get(&normalise(&strip_unit(header))))
            .or_else(|| {
                let (name, _) = undecorate(header)?;
                self.headers
                    .get(&normalise(&name))
                    .or_else(|| self.headers.get(&normalise(&strip_unit(&name))))
            })
            .copied()
    }

    /// Whether `header` is spelled as the configuration spells a field's
    /// header or alias (units included), not only matched without its unit.
    pub fn is_configured_header(&self, header: &str) -> bool {
        let n = normalise(header);
        self.config.fields.iter().any(|f| {
            f.header
                .all()
                .into_iter()
                .chain(f.aliases.iter().map(String::as_str))
                .any(|h| normalise(h) == n)
        })
    }

    /// The field whose header an unknown header is closest to, for "did
    /// you mean": by the headers of every language and the aliases, each
    /// also without its unit (`Budgt` is one letter from `Budget (EUR)`
    /// without `(EUR)`), so a typo is caught whatever the language of the
    /// file and of the run.
    pub fn closest_field(&self, header: &str) -> Option<usize> {
        let spellings: Vec<String> = self
            .config
            .fields
            .iter()
            .flat_map(|f| {
                f.header
                    .all()
                    .into_iter()
                    .chain(f.aliases.iter().map(String::as_str))
            })
            .flat_map(|h| [h.to_string(), strip_unit(h)])
            .collect();
        let found = closest(header, spellings.iter().map(String::as_str))?;
        self.field_of_header(found)
    }

    /// The entries of a list.
    pub fn list(&self, kind: ListKind) -> &'c [Choice] {
        match kind {
            ListKind::Department => &self.config.departments,
            ListKind::FocusArea => &self.config.focus_areas,
            ListKind::Area => &self.config.areas,
            ListKind::Status => &self.config.statuses,
            ListKind::Theme => &self.config.themes,
        }
    }

    /// The entry `value` selects, by code, name in any language, or alias.
    pub fn lookup(&self, kind: ListKind, value: &str) -> Option<usize> {
        // Most cells are typed exactly as the configuration spells them.
        if let Some(i) = self.exact[kind.index()].get(crate::text::trim(value)) {
            return Some(*i);
        }
        let n = normalise(value);
        if let Some(i) = self.lists[kind.index()].get(&n) {
            return Some(*i);
        }
        // "1. Vahvistamme osaamista …" or "1 – …": a leading code then its name.
        let list = self.list(kind);
        list.iter().position(|c| {
            let code = normalise(c.code.get_ref());
            n.strip_prefix(&code)
                .map(|rest| rest.trim_start_matches(['.', ':', ')', ' ']))
                .is_some_and(|rest| c.name.all().iter().any(|name| normalise(name) == rest))
        })
    }

    /// The entry closest to a value that selects nothing, as the allowed
    /// values show it in `lang` (its name, or `code (name)`): the value is
    /// compared with every spelling of every entry (its code, its names in
    /// each language, its aliases), so `slutförrd` under Finnish suggests
    /// `valmis`, the entry it meant, not a Swedish name that is not in the
    /// Finnish list.
    pub fn closest_choice(&self, kind: ListKind, value: &str, lang: Lang) -> Option<String> {
        let list = self.list(kind);
        let spellings = |c: &'c Choice| {
            std::iter::once(c.code.get_ref().as_str())
                .chain(c.name.all())
                .chain(c.aliases.iter().map(String::as_str))
        };
        let found = closest(value, list.iter().flat_map(spellings))?;
        let entry = list.iter().find(|c| spellings(c).any(|s| s == found))?;
        Some(self.shown_choice(kind, entry, lang))
    }

    /// One entry of a list as a hint shows it in `lang`.
    fn shown_choice(&self, kind: ListKind, c: &Choice, lang: Lang) -> String {
        let name = c.name.get(lang);
        let code = c.code.get_ref();
        if normalise(code) == normalise(name) || kind == ListKind::Area || kind == ListKind::Status
        {
            name.to_string()
        } else {
            format!("{code} ({name})")
        }
    }

    /// The allowed values of a list as shown in a hint.
    pub fn allowed(&self, kind: ListKind, lang: Lang) -> String {
        let list = self.list(kind);
        let parts: Vec<String> = list
            .iter()
            .map(|c| self.shown_choice(kind, c, lang))
            .collect();
        parts.join(", ")
    }

    /// Whether a cell text marks a total row: a configured label
    /// (`Yhteensä`), with a colon or a full stop after it (`Yhteensä:`), or
    /// as a word of a label of at most three words (`Kaikki yhteensä`,
    /// `Yhteensä 2021`, `Toimenpiteet yhteensä 2021`), or as the last word
    /// of a label of at most eight (Excel's Data→Subtotal labels each
    /// section with its value and the word: `Kasvatus ja oppiminen Yhteensä`).
    pub fn is_total_label(&self, text: &str) -> bool {
        // Asked of every row, whose first cell is mostly an ASCII
        // identifier or name: ruled out in place, word by word, unless a
        // word is one of a label's (normalising each first cell was 1.6 %
        // of `merge`).
        if text.is_ascii() && self.has_label_word(text) == Some(false) {
            return false;
        }
        self.is_total_label_normalised(text)
    }

    /// Whether the ASCII `text` has a word of a total label, its words
    /// split and compared as [`normalise`] and
    /// [`Schema::is_total_label_normalised`] split and compare them (at
    /// the separators, without colons, full stops and commas around them,
    /// ignoring case). Every label has a word of its own, so a text with
    /// none is no label; `None` when that does not hold.
    fn has_label_word(&self, text: &str) -> Option<bool> {
        let words = self.label_words.as_ref()?;
        Some(
            text.split(|c: char| matches!(c, '-' | '_' | '/' | ' ' | '\t'..='\r'))
                .map(|w| w.trim_matches([':', '.', ',']))
                .filter(|w| !w.is_empty())
                .any(|w| words.iter().any(|l| l.eq_ignore_ascii_case(w))),
        )
    }

    /// [`Schema::is_total_label`] on the normalised text.
    fn is_total_label_normalised(&self, text: &str) -> bool {
        // Most first cells are ruled out by the first characters of their
        // words without normalising them.
        let starts = |c: Option<char>| self.totals.iter().any(|t| t.chars().next() == c);
        if !text
            .split_whitespace()
            .take(8)
            .any(|w| starts(normalised_first(w)))
        {
            return false;
        }
        let n = normalise(text);
        let n = n.trim_end_matches([':', '.', ' ']);
        if n.is_empty() {
            return false;
        }
        if self.totals.iter().any(|t| t == n) {
            return true;
        }
        // A label of more than three words is a name, not a label, unless
        // it ends in the total word as Excel's Data→Subtotal labels a
        // section ("Kasvatus ja oppiminen Yhteensä": the section's value
        // and the word).
        // One walk over the words, nothing collected: this runs for every
        // row whose first cell passes the test above.
        let (mut count, mut any, mut last) = (0, false, false);
        for w in n
            .split(' ')
            .map(|w| w.trim_matches([':', '.', ',']))
            .filter(|w| !w.is_empty())
        {
            count += 1;
            if count > 8 {
                return false;
            }
            last = self.total_words.iter().any(|t| t == w);
            any |= last;
        }
        if count <= 3 { any } else { last }
    }

    /// Whether a cell text marks a template's example row.
    pub fn is_example_label(&self, text: &str) -> bool {
        let first = normalised_first(text);
        if !self.examples.iter().any(|e| e.chars().next() == first) {
            return false;
        }
        let n = normalise(text);
        self.examples
            .iter()
            .any(|e| e == n.trim_end_matches([':', '.']))
    }

    /// The list a kind reads from, if it is a list kind.
    pub fn list_of_kind(kind: Kind) -> Option<ListKind> {
        match kind {
            Kind::Department => Some(ListKind::Department),
            Kind::FocusArea => Some(ListKind::FocusArea),
            Kind::Areas => Some(ListKind::Area),
            Kind::Status => Some(ListKind::Status),
            Kind::Themes => Some(ListKind::Theme),
            _ => None,
        }
    }
}

/// The ASCII words of the normalised `labels`, without colons, full
/// stops and commas around them (for [`Schema::has_label_word`]); `None`
/// if a label has no word left.
fn label_words(labels: &[String]) -> Option<Vec<String>> {
    let mut words = Vec::new();
    for label in labels {
        let normalised = normalise(label);
        let mut own = normalised
            .split(' ')
            .map(|w| w.trim_matches([':', '.', ',']))
            .filter(|w| !w.is_empty())
            .peekable();
        own.peek()?;
        words.extend(own.filter(|w| w.is_ascii()).map(str::to_string));
    }
    words.sort_unstable();
    words.dedup();
    Some(words)
}

/// A header's name without its decorations, and the unit it names, when
/// it has any: footnote marks (`Toteuma (€)*`, `Toteuma¹`), a date or a
/// year (`Toteuma 31.12.2021 (€)`, `Budjetti 2021`), and a unit on a line
/// of its own (`Toteuma\n1 000 €`), in brackets or at the end
/// (`Toteuma, t€`). `None` when the header has none of these (it is then
/// matched as it stands). Text in brackets that is not a unit
/// (`Budjetti (ennuste)`) is kept in the name, so such a header matches
/// no field rather than losing a word that may matter (issue 17: a
/// decorated header lost its column with only an `unknown-column`).
pub(crate) fn undecorate(header: &str) -> Option<(String, Option<String>)> {
    let cleaned: String = header.chars().filter(|&c| !is_footnote_mark(c)).collect();
    let cleaned = without_footnote_number(&cleaned);
    let mut lines = cleaned.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let rest: Vec<&str> = lines.collect();
    let mut unit = None;
    let mut name = first.to_string();
    if !rest.is_empty() {
        let more = rest.join(" ");
        let inner = more.trim_matches(['(', ')', '[', ']', ' ']);
        if units::is_unit_text(inner) {
            unit = Some(inner.to_string());
        } else {
            name = format!("{first} {more}");
        }
    }
    let kept: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_date_or_year(w))
        .collect();
    name = kept.join(" ");
    if unit.is_none() {
        unit = trailing_unit(&mut name);
    }
    let name = name
        .trim()
        .trim_end_matches([',', ':', '-', '–', ' '])
        .to_string();
    let changed = normalise(&name) != normalise(header) || unit.is_some();
    (changed && !name.is_empty()).then_some((name, unit))
}

/// Takes the unit off the end of `name`, if its last bracket or its last
/// words are a unit (`Toteuma (t€)`, `Budjetti 1 000 €`), and returns it.
fn trailing_unit(name: &mut String) -> Option<String> {
    let t = name.trim_end();
    if let Some(close) = t.chars().last().filter(|c| matches!(c, ')' | ']'))
        && let Some(at) = t.rfind(if close == ')' { '(' } else { '[' })
        && at > 0
        && units::is_unit_text(&t[at + 1..t.len() - 1])
    {
        let unit = t[at + 1..t.len() - 1].trim().to_string();
        *name = t[..at].trim_end().to_string();
        return Some(unit);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // The longest run of last words that is a unit (`1 000 €` before `€`).
    for k in (1..words.len().min(4)).rev() {
        let tail = words[words.len() - k..].join(" ");
        if units::is_unit_text(&tail) {
            *name = words[..words.len() - k]
                .join(" ")
                .trim_end_matches(',')
                .to_string();
            return Some(tail);
        }
    }
    None
}

/// Footnote marks a header may carry: `*`, `†`, `‡` and superscript digits.
fn is_footnote_mark(c: char) -> bool {
    matches!(c, '*' | '†' | '‡' | '¹' | '²' | '³' | '⁰'..='⁹' | '⁽' | '⁾')
}

/// `header` without a footnote number after it in the Finnish way, `1)`
/// (`Vuosi 1)`, `Toteuma (€)2)`): digits and a closing bracket no opening
/// one goes with (`Budjetti (1)` keeps its bracket).
fn without_footnote_number(header: &str) -> &str {
    let t = header.trim_end();
    let Some(body) = t.strip_suffix(')') else {
        return header;
    };
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &body[..body.len() - digits];
    if digits == 0 || digits > 2 || before.ends_with('(') || before.trim().is_empty() {
        return header;
    }
    before
}

/// Whether a word of a header is a date or a year (`31.12.2021`,
/// `2021-12-31`, `12/2021`, `2021`, `(31.12.2021)`, `v.2021`), which says
/// when, not what.
fn is_date_or_year(word: &str) -> bool {
    let w = word.trim_matches(['(', ')', '[', ']', ',', ':']);
    let w = w
        .strip_prefix("v.")
        .or_else(|| w.strip_prefix("år"))
        .unwrap_or(w);
    if w.is_empty()
        || !w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/'))
    {
        return false;
    }
    w.split(['.', '-', '/'])
        .any(|p| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)))
}

/// The CSV export's header row in `lang` (its columns are
/// [`CSV_EXPORT`]), here beside the submission's headers because the reader
/// also uses it: an export found among the inputs is told from a submission
/// by this row.
pub fn export_header(config: &Config, lang: Lang) -> Vec<String> {
    CSV_EXPORT
        .iter()
        .map(|&c| config.column_header(c, lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::FieldKey;

    #[test]
    fn headers_in_three_languages_and_units() {
        let c = Config::builtin();
        let s = Schema::new(&c);
        let budget = c.field_index(FieldKey::Budget);
        for h in [
            "Budjetti (€)",
            "budjetti",
            "BUDGET (EUR)",
            " Budget (€) ",
            "budget_eur",
            "Budjetti €",
            "Budjetti, €",
            "Budjetti (euroa)",
            "Budjetti\n(€)",
            "\u{feff}Budjetti [EUR]:",
        ] {
            assert_eq!(s.field_of_header(h), budget, "{h}");
        }
        assert_eq!(
            s.field_of_header("Henkilotyovuodet"),
            c.field_index(FieldKey::Fte)
        );
        assert_eq!(s.field_of_header("Kommentti"), None);
    }

    #[test]
    fn decorated_headers_match_their_field_in_three_languages() {
        let c = Config::builtin();
        let s = Schema::new(&c);
        let spent = c.field_index(FieldKey::Spent);
        for h in [
            "Toteuma (€)*",
            "Toteuma¹ (€)",
            "Toteuma (€)²",
            "Toteuma 31.12.2021 (€)",
            "Toteuma\n1 000 €",
            "Toteuma 2021",
            "Toteuma\n(t€)",
            "Utfall (€)*",
            "Utfall 31.12.2021 (euro)",
            "Actual (EUR)†",
            "Actual 2021-12-31 (€)",
            "Actual\nin thousands of euros",
        ] {
            assert_eq!(s.field_of_header(h), spent, "{h:?}");
        }
        assert_eq!(s.field_of_header("Toteuma ennuste 2022"), None);
        assert_eq!(
            undecorate("Toteuma\n1 000 €"),
            Some(("Toteuma".into(), Some("1 000 €".into())))
        );
        assert_eq!(
            undecorate("Budjetti 1 000 €"),
            Some(("Budjetti".into(), Some("1 000 €".into())))
        );
        assert_eq!(
            undecorate("Toteuma 31.12.2021 (€)*"),
            Some(("Toteuma".into(), Some("€".into())))
        );
        assert_eq!(undecorate("Toteuma"), None);
    }

    #[test]
    fn choices_by_code_name_and_alias() {
        let c = Config::builtin();
        let s = Schema::new(&c);
        assert_eq!(s.lookup(ListKind::Department, "sote"), Some(3));
        assert_eq!(s.lookup(ListKind::Department, "Stadskultur"), Some(4));
        assert_eq!(s.lookup(ListKind::FocusArea, "2"), Some(1));
        assert_eq!(
            s.lookup(ListKind::FocusArea, "Lasten ja perheiden hyvinvointi"),
            Some(1)
        );
        assert_eq!(
            s.lookup(ListKind::FocusArea, "2. Lasten ja perheiden hyvinvointi"),
            Some(1)
        );
        assert_eq!(s.lookup(ListKind::Status, "Toteutusvaihe"), Some(1));
        assert_eq!(s.lookup(ListKind::Area, "korso koivukyla"), Some(5));
        assert_eq!(s.lookup(ListKind::Status, "toteutus vaihe"), None);
        assert_eq!(
            s.closest_choice(ListKind::Status, "toteutus vaihe", Lang::Fi)
                .as_deref(),
            Some("toteutusvaihe")
        );
        // The entry meant, named in the language shown: never a code or
        // another language's name that the list in this language lacks.
        for (typed, lang, shown) in [
            ("slutförrd", Lang::Fi, "valmis"),
            ("completd", Lang::Fi, "valmis"),
            ("valmiss", Lang::En, "completed"),
            ("Mikkolaa", Lang::Sv, "Mickelsböle"),
            ("MIKOLA", Lang::Fi, "Mikkola"),
        ] {
            assert_eq!(
                s.closest_choice(ListKind::Status, typed, lang)
                    .or_else(|| s.closest_choice(ListKind::Area, typed, lang))
                    .as_deref(),
                Some(shown),
                "{typed}"
            );
        }
        assert!(s.is_total_label("YHTEENSÄ:"));
        for label in [
            "Kaikki yhteensä",
            "Yhteensä 2021",
            "yht.",
            "\u{200b}Yhteensä",
            "Total:",
            "Toimenpiteet yhteensä 2021",
            "Σ",
            "Kokonaissumma",
            "Totalt",
            "Summa",
        ] {
            assert!(s.is_total_label(label), "{label}");
        }
        for text in ["Yhteensä parempi arki nuorille", "Yhteistyö", "Totaalinen"] {
            assert!(!s.is_total_label(text), "{text}");
        }
        // Invisible characters do not make a valid code differ.
        assert_eq!(s.lookup(ListKind::Department, "SOTE\u{200b}"), Some(3));
        assert_eq!(
            s.lookup(ListKind::Department, "\u{feff}so\u{ad}te"),
            Some(3)
        );
    }

    /// The in-place test of ASCII texts answers as normalising them does.
    #[test]
    fn ascii_total_labels_are_ruled_out_as_normalising_rules_them_out() {
        let c = Config::builtin();
        let s = Schema::new(&c);
        let pieces: Vec<&str> =
            "Total|SUM|yht.|Yhteensa|grand|KASKO-2021-0001|kaikki|2021|:|.|,| |-|/|_|\t|\n|Totalt:|summa,|x"
                .split('|')
                .collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let text: String = (0..seed % 7)
                .map(|k| pieces[((seed >> (8 * k)) % pieces.len() as u64) as usize])
                .collect();
            assert_eq!(
                s.is_total_label(&text),
                s.is_total_label_normalised(&text),
                "{text:?}"
            );
        }
        assert!(s.is_total_label("Grand total:"));
        assert!(!s.is_total_label("KASKO-2021-0001-00009"));
        // A label without a word of its own is still found.
        let mut c = Config::builtin();
        c.programme.total_labels.push(",".into());
        assert!(Schema::new(&c).is_total_label(","));
    }

    #[test]
    fn a_footnote_number_after_a_header_is_no_part_of_it() {
        use super::without_footnote_number as strip;
        assert_eq!(strip("Vuosi 1)"), "Vuosi ");
        assert_eq!(strip("Toteuma (€)2)"), "Toteuma (€)");
        assert_eq!(strip("Budjetti (1)"), "Budjetti (1)");
        assert_eq!(strip("Toteuma (€)"), "Toteuma (€)");
        assert_eq!(strip("1)"), "1)");
        assert_eq!(strip("Vuosi 2021)"), "Vuosi 2021)");
    }
}
