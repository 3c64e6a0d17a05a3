//! The programme configuration: everything about one programme (departments,
//! focus areas, areas, statuses, submission columns) lives in a TOML file so
//! that no programme data is hard-coded in Rust.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::Lang;
pub use crate::model::field::{Column, FieldKey, Kind};
use crate::text::normalise;

mod controls;
pub mod limits;

/// The default programme, compiled into the binary.
pub const DEFAULT_TOML: &str = include_str!("../templates/programme.toml");

/// A text in the three user languages.
#[derive(Debug, Clone, Deserialize)]
pub struct Localised {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl Localised {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// All three texts.
    pub fn all(&self) -> [&str; 3] {
        [&self.fi, &self.sv, &self.en]
    }
}

/// The programme itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInfo {
    /// Short code, e.g. "MEK".
    pub code: String,
    /// Full name.
    pub name: Localised,
    /// The organisation that runs it.
    pub organisation: Localised,
    /// First programme year.
    pub first_year: Spanned<i32>,
    /// Last programme year.
    pub last_year: Spanned<i32>,
    /// Budget per year, in euros.
    pub annual_budget_eur: Spanned<f64>,
    /// First-cell labels of a total row.
    #[serde(default)]
    pub total_labels: Vec<String>,
    /// How a measure's euros are counted for each of its areas.
    #[serde(default)]
    pub area_split: AreaSplit,
    /// First-cell labels of an example row, which the reader skips.
    #[serde(default = "default_example_labels")]
    pub example_labels: Vec<String>,
}

fn default_example_labels() -> Vec<String> {
    ["Esimerkki", "Exempel", "Example"]
        .map(String::from)
        .to_vec()
}

/// What the submission templates tell the departments.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionInfo {
    /// The deadline, as shown to the departments (e.g. "31.1.2022").
    #[serde(default)]
    pub deadline: Option<String>,
    /// Who answers questions (name and e-mail).
    #[serde(default)]
    pub contact: Option<String>,
    /// Empty rows in a template.
    #[serde(default = "default_template_rows")]
    pub template_rows: Spanned<u32>,
}

fn default_template_rows() -> Spanned<u32> {
    Spanned::new(0..0, 100)
}

impl Default for SubmissionInfo {
    fn default() -> SubmissionInfo {
        SubmissionInfo {
            deadline: None,
            contact: None,
            template_rows: default_template_rows(),
        }
    }
}

/// How a measure in several areas is counted per area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaSplit {
    /// Its euros are divided evenly between its areas (the default).
    #[default]
    Even,
    /// Its euros are counted in full in every area.
    Full,
}

/// One allowed value of a list (department, focus area, theme, area, status).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Code as typed in submissions.
    pub code: Spanned<String>,
    /// Name in the three languages.
    pub name: Localised,
    /// Other accepted spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For statuses: the life-cycle stage the checks reason about.
    #[serde(default)]
    pub stage: Option<Spanned<Stage>>,
}

impl Choice {
    /// Every spelling that selects this choice, normalised.
    pub fn spellings(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(self.code.get_ref().as_str())
            .chain(self.name.all())
            .chain(self.aliases.iter().map(String::as_str))
            .map(normalise)
    }
}

/// Life-cycle stage of a status, used by the status checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Still being planned.
    Planning,
    /// Being carried out.
    Implementation,
    /// Done.
    Completed,
    /// Stopped.
    Suspended,
    /// Continued with outside funding.
    External,
}

/// One column of the submission format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The field's key: a [`FieldKey`] (see [`Field::role`]) or any other
    /// key, whose values are kept as extras.
    pub key: Spanned<String>,
    /// How cells are read.
    pub kind: Kind,
    /// Whether every row must fill it.
    #[serde(default)]
    pub required: bool,
    /// Header name in the three languages.
    pub header: Localised,
    /// Other accepted header names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the column means, for the template's instructions.
    #[serde(default)]
    pub description: Option<Localised>,
}

/// A whole programme configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The programme.
    pub programme: ProgrammeInfo,
    /// Departments that submit.
    pub departments: Vec<Choice>,
    /// Focus areas.
    pub focus_areas: Vec<Choice>,
    /// Cross-cutting themes.
    #[serde(default)]
    pub themes: Vec<Choice>,
    /// Areas (neighbourhoods).
    pub areas: Vec<Choice>,
    /// Statuses.
    pub statuses: Vec<Choice>,
    /// Submission columns.
    pub fields: Vec<Field>,
    /// Deadline and contact for the templates.
    #[serde(default)]
    pub submission: SubmissionInfo,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read the configuration: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Not valid TOML or not the expected shape.
    #[error("{origin}: line {line}: {}", source.message())]
    Syntax {
        /// File name or "built-in".
        origin: String,
        /// 1-based line.
        line: usize,
        /// What the TOML parser said.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// Valid TOML whose content contradicts itself.
    #[error("{origin}: line {line}: key `{key}`: {message}")]
    Inconsistent {
        /// File name or "built-in".
        origin: String,
        /// 1-based line.
        line: usize,
        /// The offending key.
        key: String,
        /// What is wrong.
        message: String,
    },
}

impl Field {
    /// The known field this column is, or `None` for an extra.
    pub fn role(&self) -> Option<FieldKey> {
        FieldKey::from_key(self.key.get_ref())
    }
}

impl Config {
    /// The compiled-in default programme.
    pub fn builtin() -> Config {
        // The default is tested (`builtin_config_is_valid`), so this cannot fail at run time.
        Config::parse(DEFAULT_TOML, "built-in programme.toml")
            .unwrap_or_else(|e| unreachable!("built-in config is invalid: {e}"))
    }

    /// Loads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, &path.display().to_string())
    }

    /// Parses and checks a configuration text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            origin: origin.to_string(),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            source: Box::new(e),
        })?;
        config.check(text, origin)?;
        if let Some(c) = controls::find(text) {
            return Err(ConfigError::Inconsistent {
                origin: origin.to_string(),
                line: c.line,
                key: c.key,
                message: format!(
                    "the control character U+{:04X} cannot stand in a workbook",
                    c.char as u32
                ),
            });
        }
        Ok(config)
    }

    fn check(&self, text: &str, origin: &str) -> Result<(), ConfigError> {
        let fail = |span: std::ops::Range<usize>, key: &str, message: String| {
            Err(ConfigError::Inconsistent {
                origin: origin.to_string(),
                line: line_of(text, span.start),
                key: key.to_string(),
                message,
            })
        };
        if let Some(e) = limits::check(self) {
            return fail(e.span, e.key, e.message);
        }
        for (name, list) in [
            ("departments", &self.departments),
            ("focus_areas", &self.focus_areas),
            ("themes", &self.themes),
            ("areas", &self.areas),
            ("statuses", &self.statuses),
        ] {
            if list.is_empty() && name != "themes" {
                return fail(0..0, name, "needs at least one entry".into());
            }
            let mut seen = HashSet::new();
            for choice in list {
                let code = &choice.code;
                if code.get_ref().trim().is_empty() {
                    return fail(code.span(), &format!("{name}.code"), "is empty".into());
                }
                let own: HashSet<String> = choice.spellings().collect();
                for s in own {
                    if !seen.insert(s.clone()) {
                        return fail(
                            code.span(),
                            &format!("{name}.code"),
                            format!("\"{s}\" names two entries of {name}"),
                        );
                    }
                }
            }
        }
        for status in &self.statuses {
            if status.stage.is_none() {
                return fail(
                    status.code.span(),
                    "statuses.stage",
                    format!(
                        "status {} needs a stage (planning, implementation, completed, suspended, external)",
                        status.code.get_ref()
                    ),
                );
            }
        }
        let mut keys = HashSet::new();
        let mut headers = HashSet::new();
        for f in &self.fields {
            if !keys.insert(f.key.get_ref().clone()) {
                return fail(
                    f.key.span(),
                    "fields.key",
                    format!("\"{}\" is defined twice", f.key.get_ref()),
                );
            }
            for h in f
                .header
                .all()
                .into_iter()
                .chain(f.aliases.iter().map(String::as_str))
            {
                let n = normalise(&crate::text::strip_unit(h));
                // One field may use the same name in two languages; two fields may not share one.
                if let Some(other) = headers
                    .iter()
                    .find(|(hn, k): &&(String, String)| *hn == n && k != f.key.get_ref())
                {
                    return fail(
                        f.key.span(),
                        "fields.header",
                        format!("header \"{h}\" is also used by field {}", other.1),
                    );
                }
                headers.insert((n, f.key.get_ref().clone()));
            }
            if let Some(expected) = f.role().map(FieldKey::kind)
                && expected != f.kind
            {
                return fail(
                    f.key.span(),
                    "fields.kind",
                    format!("field {} must have kind {:?}", f.key.get_ref(), expected),
                );
            }
        }
        for k in FieldKey::REQUIRED {
            if !keys.contains(k.as_str()) {
                return fail(
                    0..0,
                    "fields",
                    format!("a field with key \"{k}\" is required"),
                );
            }
        }
        Ok(())
    }

    /// The field `key`, if configured.
    pub fn field(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.role() == Some(key))
    }

    /// The position of field `key` in [`Config::fields`], if configured.
    pub fn field_index(&self, key: FieldKey) -> Option<usize> {
        self.fields.iter().position(|f| f.role() == Some(key))
    }

    /// The known field of each configured field, by position: look-ups per
    /// row index this rather than compare keys.
    pub fn roles(&self) -> Vec<Option<FieldKey>> {
        self.fields.iter().map(Field::role).collect()
    }

    /// The header of an output's column in `lang`: the program's own name
    /// for a figure it reasons about, the configured header of a field it
    /// only carries (or the field's English name if none is configured).
    pub fn column_header(&self, column: Column, lang: Lang) -> String {
        use crate::i18n::text;
        match column {
            Column::Field(key) => match key {
                FieldKey::Department => text(lang, "out-col-department"),
                FieldKey::FocusArea => text(lang, "out-col-focus-area"),
                FieldKey::Areas => text(lang, "out-col-areas"),
                FieldKey::Status => text(lang, "out-col-status"),
                FieldKey::Year => text(lang, "out-year"),
                FieldKey::Budget => text(lang, "out-col-budget"),
                FieldKey::Spent => text(lang, "out-col-spent"),
                FieldKey::Fte => text(lang, "out-col-fte"),
                FieldKey::Reached => text(lang, "out-col-reached"),
                FieldKey::Id
                | FieldKey::Measure
                | FieldKey::Themes
                | FieldKey::Schedule
                | FieldKey::ImpactStory
                | FieldKey::Contact => self.field_header(key, lang).to_string(),
            },
            Column::Utilisation => text(lang, "out-col-utilisation"),
            Column::Share => text(lang, "out-col-share"),
            Column::SourceFile => text(lang, "out-col-source-file"),
            Column::SourceCell => text(lang, "out-col-source-cell"),
        }
    }

    /// The configured header of field `key` in `lang`, or its English name.
    pub fn field_header(&self, key: FieldKey, lang: Lang) -> &str {
        self.field(key)
            .map_or(key.fallback_header(), |f| f.header.get(lang))
    }

    /// Whether `year` is a programme year.
    pub fn is_programme_year(&self, year: i32) -> bool {
        (*self.programme.first_year.get_ref()..=*self.programme.last_year.get_ref()).contains(&year)
    }

    /// The annual budget in euros.
    pub fn annual_budget(&self) -> f64 {
        *self.programme.annual_budget_eur.get_ref()
    }
}

/// 1-based line number of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_config_is_valid() {
        let c = Config::parse(DEFAULT_TOML, "built-in").unwrap();
        assert_eq!(c.departments.len(), 5);
        assert_eq!(c.annual_budget(), 2_000_000.0);
        assert!(c.is_programme_year(2022) && !c.is_programme_year(2023));
    }

    #[test]
    fn syntax_error_names_line() {
        let text = DEFAULT_TOML.replace("first_year = 2019", "first_year = \"soon\"");
        let err = Config::parse(&text, "x.toml").unwrap_err().to_string();
        let line = DEFAULT_TOML
            .lines()
            .position(|l| l.starts_with("first_year"))
            .unwrap()
            + 1;
        assert!(err.starts_with(&format!("x.toml: line {line}:")), "{err}");
    }

    #[test]
    fn duplicate_code_names_key_and_line() {
        let text = DEFAULT_TOML.replace("code = \"KUKU\"", "code = \"KSJ\"");
        let err = Config::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("departments.code"), "{err}");
        let line = text
            .lines()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| *l == "code = \"KSJ\"")
            .unwrap()
            + 1;
        assert!(err.contains(&format!("line {line}")), "{err}");
    }

    #[test]
    fn wrong_kind_for_known_key_is_refused() {
        let text = DEFAULT_TOML.replacen("kind = \"euro\"", "kind = \"text\"", 1);
        let err = Config::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("fields.kind"), "{err}");
    }
}
