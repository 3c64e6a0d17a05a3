//! The programme configuration: everything about one programme (departments,
//! focus areas, areas, statuses, submission columns) lives in a TOML file so
//! that no programme data is hard-coded in Rust.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::Lang;
pub use crate::model::field::{Column, FieldKey, Kind};
use crate::model::message::{Arg, Message};
use crate::text::normalise;

mod controls;
pub mod limits;
pub mod logo;

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

/// A configured text as a message argument: each output shows it in its
/// own language.
impl From<&Localised> for Arg {
    fn from(t: &Localised) -> Arg {
        Arg::PerLang(Box::new([t.fi.clone(), t.sv.clone(), t.en.clone()]))
    }
}

/// The templates' contact line: one text for every language, or one per
/// language like the other configured texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Contact {
    /// The same text in every language.
    Same(String),
    /// A text per language.
    PerLang(Localised),
}

impl Contact {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Contact::Same(s) => s,
            Contact::PerLang(t) => t.get(lang),
        }
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
    /// The organisation logo drawn on the report's cover: a PNG or JPEG
    /// file, relative to the configuration file (read into [`Config::logo`]).
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// The logo's alternative text (required with `logo`): the report tags
    /// the logo as a Figure, as it names the publisher (ISO 14289-1 §7.3).
    #[serde(default)]
    pub logo_alt: Option<Localised>,
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
    /// The deadline of each year's submissions (see [`DeadlineSpec`]).
    #[serde(default)]
    pub deadline: Option<Spanned<DeadlineSpec>>,
    /// Who answers questions (name and e-mail), in each language; one
    /// string is the same in all three (an address alone needs no
    /// translation).
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Empty rows in a template.
    #[serde(default = "default_template_rows")]
    pub template_rows: Spanned<u32>,
}

/// The submission deadline as configured: a day and month (`"31.1."`: 31
/// January of the year after the reported year), or a date for each
/// reported year (`{ 2022 = "31.1.2023" }`). A full date given alone
/// (`"31.1.2022"`, as older configurations have it) counts as its day and
/// month, so that each year's templates name their own year.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DeadlineSpec {
    /// `"31.1."`, or a full date read as its day and month.
    Yearly(String),
    /// A date per reported year, keyed by the year.
    PerYear(std::collections::BTreeMap<String, String>),
}

/// A deadline's day and month from `"31.1."` or a full date (`"31.1.2022"`,
/// `"2022-01-31"`); `None` if it is neither.
fn day_and_month(s: &str) -> Option<(u32, u32)> {
    if let Ok(d) = crate::model::parse::parse_date(s) {
        return Some((d.day, d.month));
    }
    let t = s.trim().strip_suffix('.')?;
    let (d, m) = t.split_once('.')?;
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit());
    if !(digits(d) && digits(m)) {
        return None;
    }
    let (d, m) = (d.parse().ok()?, m.parse().ok()?);
    // A leap year, so that 29 February is a day and month.
    crate::model::parse::Date::new(2000, m, d).map(|_| (d, m))
}

impl DeadlineSpec {
    /// The deadline of the submissions that report on `year`, if one is
    /// configured for it.
    pub fn for_year(&self, year: i32) -> Option<crate::model::parse::Date> {
        use crate::model::parse::Date;
        match self {
            DeadlineSpec::Yearly(s) => {
                let (d, m) = day_and_month(s)?;
                // 29 February in a year that has none: the day before.
                Date::new(year + 1, m, d).or_else(|| Date::new(year + 1, m, d - 1))
            }
            DeadlineSpec::PerYear(map) => map
                .iter()
                .find(|(y, _)| y.trim().parse() == Ok(year))
                .and_then(|(_, d)| crate::model::parse::parse_date(d).ok()),
        }
    }

    /// The first value that is not a deadline, as typed.
    fn invalid(&self) -> Option<String> {
        match self {
            DeadlineSpec::Yearly(s) => day_and_month(s).is_none().then(|| s.clone()),
            DeadlineSpec::PerYear(map) => map.iter().find_map(|(y, d)| {
                let year_ok = y
                    .trim()
                    .parse::<i32>()
                    .is_ok_and(|y| limits::YEARS.contains(&y));
                if !year_ok {
                    Some(y.clone())
                } else {
                    crate::model::parse::parse_date(d)
                        .is_err()
                        .then(|| d.clone())
                }
            }),
        }
    }
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

/// The programme's own annual report: a report template per language
/// (`[report] templates = { fi = "report_fi.toml", … }`), paths relative to
/// the configuration file. Without it the built-in templates are used, whose
/// texts name no programme (`{programme}` and `{organisation}` are filled in).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportInfo {
    /// The report template file of each language.
    #[serde(default)]
    pub templates: Option<Localised>,
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
    /// The field's name inside a sentence, without the unit and in lower
    /// case (`budjetti` for `Budjetti (€)`), for natural headings and chart
    /// titles; the header when unset. See [`Config::labelled`].
    #[serde(default)]
    pub short: Option<Localised>,
    /// The "by" phrase of a grouping by this field, in lower case
    /// (`toimialoittain`, `per sektor`, `by department`); when unset the
    /// outputs use the generic heading (`Ryhmittely: Toimiala`).
    #[serde(default)]
    pub by: Option<Localised>,
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
    /// The programme's own annual report texts.
    #[serde(default)]
    pub report: ReportInfo,
    /// The folder of the configuration file, against which its relative
    /// paths ([`ReportInfo::templates`]) are read; `None` for the built-in.
    #[serde(skip)]
    pub base_dir: Option<PathBuf>,
    /// Where the configuration came from: its file, or [`BUILTIN_ORIGIN`].
    #[serde(skip)]
    pub origin: String,
    /// The logo of `programme.logo`, read and checked when the
    /// configuration was loaded.
    #[serde(skip)]
    pub logo: Option<std::sync::Arc<logo::Logo>>,
}

/// The [`Config::origin`] of the built-in programme.
pub const BUILTIN_ORIGIN: &str = "built-in programme.toml";

/// A configuration that cannot be used.
///
/// Each variant keeps its data (the file, the line, the key, the values)
/// and, where another library failed, its error as the source. What the
/// user reads is [`ConfigError::message`], in their language; the other
/// library's own words are [`ConfigError::detail`]. `Display` is English,
/// for logs.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: cannot read the configuration: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Not valid TOML or not the expected shape.
    #[error("{origin}: {}{}", at(*line, key.as_deref()), source.message())]
    Syntax {
        /// File name or "built-in".
        origin: String,
        /// 1-based line, where the TOML parser tells one.
        line: Option<usize>,
        /// The key on that line, as `table.key`, where there is one.
        key: Option<String>,
        /// What the TOML parser said.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// Valid TOML whose content contradicts itself or is out of range.
    #[error("{origin}: {}{problem}", at(*line, Some(key)))]
    Inconsistent {
        /// File name or "built-in".
        origin: String,
        /// 1-based line, where the problem has one (a missing list has none).
        line: Option<usize>,
        /// The offending key, as `table.key`.
        key: String,
        /// What is wrong.
        problem: Inconsistency,
    },
    /// The logo of `programme.logo` cannot be used.
    #[error("{}: {problem}", path.display())]
    Logo {
        /// The logo file, resolved against the configuration's folder.
        path: PathBuf,
        /// Why.
        #[source]
        problem: logo::LogoProblem,
    },
}

/// `line N: key `k`: ` for `Display`, each part where there is one.
fn at(line: Option<usize>, key: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(l) = line {
        s.push_str(&format!("line {l}: "));
    }
    if let Some(k) = key {
        s.push_str(&format!("key `{k}`: "));
    }
    s
}

/// What is wrong with a key of a configuration that parsed: the check
/// that failed and the values it saw.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Inconsistency {
    /// A programme year outside [`limits::YEARS`].
    #[error("{value} is not a year from {min} to {max}")]
    YearOutOfRange {
        /// The year given.
        value: i32,
        /// The earliest allowed.
        min: i32,
        /// The latest allowed.
        max: i32,
    },
    /// `last_year` before `first_year`.
    #[error("is before first_year")]
    LastYearBeforeFirst {
        /// `first_year`.
        first: i32,
        /// `last_year`.
        last: i32,
    },
    /// A programme of more than [`limits::MAX_SPAN`] years.
    #[error("{first}–{last} is {years} years; a programme spans at most {max}")]
    SpanTooLong {
        /// `first_year`.
        first: i32,
        /// `last_year`.
        last: i32,
        /// How many years that is.
        years: i32,
        /// The most allowed.
        max: i32,
    },
    /// An annual budget that is negative, not a number, or too large to
    /// keep in cents.
    #[error("{} is not a number of euros from 0 to below 90 000 000 000 000", crate::text::short_number(*value))]
    BudgetOutOfRange {
        /// The budget given, in euros.
        value: f64,
    },
    /// More template rows than a sheet holds.
    #[error("{value} is more than {max} rows (an Excel sheet holds 1 048 576)")]
    TooManyTemplateRows {
        /// The rows given.
        value: u32,
        /// The most allowed.
        max: u32,
    },
    /// A control character (escaped in the TOML) that XML cannot hold.
    #[error("the control character U+{:04X} cannot stand in a workbook", *char as u32)]
    ControlCharacter {
        /// The character.
        char: char,
    },
    /// A submission deadline that is neither a day and month nor a date
    /// per year.
    #[error("\"{value}\" is not a deadline (\"31.1.\", or a date per year)")]
    BadDeadline {
        /// The value (or the year key) as typed.
        value: String,
    },
    /// A required list with no entries.
    #[error("needs at least one entry")]
    EmptyList {
        /// The list (`departments`, `statuses`, ...).
        list: &'static str,
    },
    /// An entry of a list whose code is empty.
    #[error("is empty")]
    EmptyCode,
    /// One spelling (code, name or alias) that selects two entries.
    #[error("\"{spelling}\" names two entries of {list}")]
    SameSpelling {
        /// The spelling, normalised.
        spelling: String,
        /// The list (`departments`, `statuses`, ...).
        list: &'static str,
    },
    /// A status without a stage.
    #[error(
        "status {code} needs a stage (planning, implementation, completed, suspended, external)"
    )]
    NoStage {
        /// The status's code.
        code: String,
    },
    /// Two fields with one key.
    #[error("\"{field}\" is defined twice")]
    FieldTwice {
        /// The key.
        field: String,
    },
    /// One header or alias used by two fields.
    #[error("header \"{header}\" is also used by field {other}")]
    SharedHeader {
        /// The header.
        header: String,
        /// The other field's key.
        other: String,
    },
    /// A known field configured with another kind than its own.
    #[error("field {field} must have kind {expected:?}")]
    WrongKind {
        /// The field's key.
        field: String,
        /// The kind it must have.
        expected: Kind,
    },
    /// A field every programme needs is not configured.
    #[error("a field with key \"{field}\" is required")]
    MissingField {
        /// The field.
        field: FieldKey,
    },
    /// A logo without its alternative text (PDF/UA: ISO 14289-1 §7.3).
    #[error("a logo needs logo_alt, its alternative text in fi, sv and en")]
    LogoWithoutAlt,
}

impl Inconsistency {
    /// What is wrong and what to change, as a clause that follows the
    /// file, line and key (`config-…` in `checks.ftl`).
    pub fn message(&self) -> Message {
        // Years, limits and lines as text: they are not grouped like counts.
        match self {
            Inconsistency::YearOutOfRange { value, min, max } => {
                Message::new("config-year-out-of-range")
                    .arg("value", value.to_string())
                    .arg("min", min.to_string())
                    .arg("max", max.to_string())
            }
            Inconsistency::LastYearBeforeFirst { first, last } => {
                Message::new("config-last-year-before-first")
                    .arg("first", first.to_string())
                    .arg("last", last.to_string())
            }
            Inconsistency::SpanTooLong {
                first,
                last,
                years,
                max,
            } => Message::new("config-span-too-long")
                .arg("first", first.to_string())
                .arg("last", last.to_string())
                .count("years", *years)
                .count("max", *max),
            Inconsistency::BudgetOutOfRange { value } => {
                let comma = crate::text::short_number_in(*value, true);
                let point = crate::text::short_number(*value);
                Message::new("config-budget-out-of-range")
                    .arg("value", [comma.clone(), comma, point])
                    .count("max", limits::MAX_EUROS as i64)
            }
            Inconsistency::TooManyTemplateRows { value, max } => {
                Message::new("config-too-many-template-rows")
                    .count("value", *value)
                    .count("max", *max)
                    .count("sheet_rows", limits::SHEET_ROWS)
            }
            Inconsistency::ControlCharacter { char } => Message::new("config-control-character")
                .arg("char", format!("U+{:04X}", *char as u32)),
            Inconsistency::BadDeadline { value } => {
                Message::new("config-bad-deadline").arg("value", value)
            }
            Inconsistency::EmptyList { list } => {
                Message::new("config-empty-list").arg("list", *list)
            }
            Inconsistency::EmptyCode => Message::new("config-empty-code"),
            Inconsistency::SameSpelling { spelling, list } => Message::new("config-same-spelling")
                .arg("spelling", spelling)
                .arg("list", *list),
            Inconsistency::NoStage { code } => Message::new("config-no-stage").arg("code", code),
            Inconsistency::FieldTwice { field } => {
                Message::new("config-field-twice").arg("field", field)
            }
            Inconsistency::SharedHeader { header, other } => Message::new("config-shared-header")
                .arg("header", header)
                .arg("other", other),
            Inconsistency::WrongKind { field, expected } => Message::new("config-wrong-kind")
                .arg("field", field)
                .arg("kind", kind_name(*expected)),
            Inconsistency::MissingField { field } => {
                Message::new("config-missing-field").arg("field", field.as_str())
            }
            Inconsistency::LogoWithoutAlt => Message::new("config-logo-without-alt"),
        }
    }
}

/// A kind as the configuration spells it (`kind = "euro"`).
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Department => "department",
        Kind::FocusArea => "focus_area",
        Kind::Areas => "areas",
        Kind::Status => "status",
        Kind::Year => "year",
        Kind::Euro => "euro",
        Kind::Number => "number",
        Kind::Whole => "whole",
        Kind::Themes => "themes",
        Kind::Email => "email",
        Kind::Date => "date",
    }
}

impl ConfigError {
    /// What is wrong, in the user's language where it is shown: a sentence
    /// that names the file, the line and key where there are ones, and
    /// what to change (`config-…` in `checks.ftl`). The TOML parser's or
    /// the operating system's own words are [`ConfigError::detail`].
    pub fn message(&self) -> Message {
        match self {
            ConfigError::Io { path, source } => {
                let id = if source.kind() == std::io::ErrorKind::NotFound {
                    Message::new("config-not-found")
                } else {
                    Message::new("config-unreadable")
                };
                id.arg("file", path.display().to_string())
            }
            ConfigError::Syntax {
                origin,
                line,
                key,
                source,
            } => {
                if let Some(problem) = shape_problem(source.message(), key.as_deref()) {
                    let frame = match line {
                        Some(l) => Message::new("config-error-at").arg("line", l.to_string()),
                        None => Message::new("config-error"),
                    };
                    return frame.arg("file", origin).arg("problem", problem);
                }
                let m = match (line, key) {
                    (Some(l), Some(k)) => Message::new("config-syntax-at-key")
                        .arg("line", l.to_string())
                        .arg("key", k),
                    (Some(l), None) => {
                        Message::new("config-syntax-at-line").arg("line", l.to_string())
                    }
                    _ => Message::new("config-syntax"),
                };
                m.arg("file", origin)
            }
            ConfigError::Inconsistent {
                origin,
                line,
                key,
                problem,
            } => {
                let m = match line {
                    Some(l) => Message::new("config-inconsistent-at").arg("line", l.to_string()),
                    None => Message::new("config-inconsistent"),
                };
                m.arg("file", origin)
                    .arg("key", key)
                    .arg("problem", problem.message())
            }
            ConfigError::Logo { path, problem } => {
                let m = match problem {
                    logo::LogoProblem::Io(_) => Message::new("config-logo-unreadable"),
                    logo::LogoProblem::TooLarge { .. } => Message::new("config-logo-too-large")
                        .count("pixels", logo::MAX_PIXELS)
                        .count("megabytes", logo::MAX_BYTES >> 20),
                    logo::LogoProblem::Format(_) => Message::new("config-logo-format"),
                };
                m.arg("file", path.display().to_string())
            }
        }
    }

    /// Another library's or the operating system's own words about the
    /// problem, untranslated, where there are any: shown apart from
    /// [`ConfigError::message`], never inside it.
    pub fn detail(&self) -> Option<String> {
        match self {
            ConfigError::Io { source, .. } => Some(source.to_string()),
            ConfigError::Syntax { source, .. } => Some(source.message().trim().to_string()),
            ConfigError::Inconsistent { .. } => None,
            ConfigError::Logo { problem, .. } => Some(problem.to_string()),
        }
    }
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
        Config::parse(DEFAULT_TOML, BUILTIN_ORIGIN)
            .unwrap_or_else(|e| unreachable!("built-in config is invalid: {e}"))
    }

    /// Loads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::parse(&text, &path.display().to_string())?;
        config.base_dir = Some(path.parent().map(Path::to_path_buf).unwrap_or_default());
        Ok(config)
    }

    /// The programme's own report template of `lang`, if its configuration
    /// names one (`[report] templates`), as a path read against the
    /// configuration file's folder.
    pub fn report_template(&self, lang: Lang) -> Option<PathBuf> {
        let file = self.report.templates.as_ref()?.get(lang);
        let base = self.base_dir.as_deref().unwrap_or(Path::new(""));
        Some(base.join(file))
    }

    /// Parses and checks a configuration text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            ConfigError::Syntax {
                origin: origin.to_string(),
                line,
                key: line.and_then(|l| controls::key_at(text, l)),
                source: Box::new(e),
            }
        })?;
        config.origin = origin.to_string();
        config.check(text, origin)?;
        if let Some(file) = &config.programme.logo {
            if config.programme.logo_alt.is_none() {
                return Err(ConfigError::Inconsistent {
                    origin: origin.to_string(),
                    line: Some(line_of(text, file.span().start)),
                    key: "programme.logo_alt".into(),
                    problem: Inconsistency::LogoWithoutAlt,
                });
            }
            let path = logo::resolve(origin, file.get_ref());
            let read = logo::read(&path).map_err(|problem| ConfigError::Logo { path, problem })?;
            config.logo = Some(std::sync::Arc::new(read));
        }
        if let Some(c) = controls::find(text) {
            return Err(ConfigError::Inconsistent {
                origin: origin.to_string(),
                line: Some(c.line),
                key: c.key,
                problem: Inconsistency::ControlCharacter { char: c.char },
            });
        }
        Ok(config)
    }

    fn check(&self, text: &str, origin: &str) -> Result<(), ConfigError> {
        // `None` for a problem with no place in the text (a list or a
        // field that is missing).
        let fail = |span: Option<std::ops::Range<usize>>, key: &str, problem: Inconsistency| {
            Err(ConfigError::Inconsistent {
                origin: origin.to_string(),
                line: span.map(|s| line_of(text, s.start)),
                key: key.to_string(),
                problem,
            })
        };
        if let Some(e) = limits::check(self) {
            return fail(Some(e.span), e.key, e.problem);
        }
        if let Some(d) = &self.submission.deadline
            && let Some(value) = d.get_ref().invalid()
        {
            return fail(
                Some(d.span()),
                "submission.deadline",
                Inconsistency::BadDeadline { value },
            );
        }
        for (name, list) in [
            ("departments", &self.departments),
            ("focus_areas", &self.focus_areas),
            ("themes", &self.themes),
            ("areas", &self.areas),
            ("statuses", &self.statuses),
        ] {
            if list.is_empty() && name != "themes" {
                return fail(None, name, Inconsistency::EmptyList { list: name });
            }
            let mut seen = HashSet::new();
            for choice in list {
                let code = &choice.code;
                if code.get_ref().trim().is_empty() {
                    return fail(
                        Some(code.span()),
                        &format!("{name}.code"),
                        Inconsistency::EmptyCode,
                    );
                }
                let own: HashSet<String> = choice.spellings().collect();
                for s in own {
                    if !seen.insert(s.clone()) {
                        return fail(
                            Some(code.span()),
                            &format!("{name}.code"),
                            Inconsistency::SameSpelling {
                                spelling: s,
                                list: name,
                            },
                        );
                    }
                }
            }
        }
        for status in &self.statuses {
            if status.stage.is_none() {
                return fail(
                    Some(status.code.span()),
                    "statuses.stage",
                    Inconsistency::NoStage {
                        code: status.code.get_ref().clone(),
                    },
                );
            }
        }
        let mut keys = HashSet::new();
        let mut headers = HashSet::new();
        for f in &self.fields {
            if !keys.insert(f.key.get_ref().clone()) {
                return fail(
                    Some(f.key.span()),
                    "fields.key",
                    Inconsistency::FieldTwice {
                        field: f.key.get_ref().clone(),
                    },
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
                        Some(f.key.span()),
                        "fields.header",
                        Inconsistency::SharedHeader {
                            header: h.to_string(),
                            other: other.1.clone(),
                        },
                    );
                }
                headers.insert((n, f.key.get_ref().clone()));
            }
            if let Some(expected) = f.role().map(FieldKey::kind)
                && expected != f.kind
            {
                return fail(
                    Some(f.key.span()),
                    "fields.kind",
                    Inconsistency::WrongKind {
                        field: f.key.get_ref().clone(),
                        expected,
                    },
                );
            }
        }
        for k in FieldKey::REQUIRED {
            if !keys.contains(k.as_str()) {
                return fail(None, "fields", Inconsistency::MissingField { field: k });
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

    /// The header of an output's column in `lang`: a configured field's own
    /// header, so the outputs use the programme's words and read back as its
    /// submissions do (issue 21); kooste's name for a figure it adds or a
    /// field the programme does not configure.
    pub fn column_header(&self, column: Column, lang: Lang) -> String {
        use crate::i18n::text;
        match column {
            Column::Field(key) => match self.field(key) {
                Some(f) => f.header.get(lang).to_string(),
                None => match key {
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
                    | FieldKey::Contact => key.fallback_header().to_string(),
                },
            },
            Column::Utilisation => text(lang, "out-col-utilisation"),
            Column::Share => text(lang, "out-col-share"),
            Column::SourceFile => text(lang, "out-col-source-file"),
            Column::SourceCell => text(lang, "out-col-source-cell"),
        }
    }

    /// The name of field `key` in `lang` as the outputs show it (a column
    /// header, a list's heading): [`Config::column_header`] of the field.
    pub fn label(&self, key: FieldKey, lang: Lang) -> String {
        self.column_header(Column::Field(key), lang)
    }

    /// Message `id` in `lang` with the programme's column names as its
    /// arguments, so headings and chart titles name the programme's own
    /// columns, not kooste's words. For each of `department`, `focus`,
    /// `status`, `area`, `budget`, `spent` and `year` the message gets
    /// `<name>_field` (the header), `<name>_short` (the field's `short`
    /// phrase, or the header), `<name>_by` (its `by` phrase, or `none` when
    /// the programme sets none: messages then fall back to a generic
    /// heading) and `_short_cap`/`_by_cap`, the same with a capital first
    /// letter for the start of a heading.
    pub fn labelled(&self, lang: Lang, id: &'static str) -> String {
        let mut msg = Message::new(id);
        for (names, key) in LABELLED_ARGS {
            let [field_arg, short_arg, short_cap_arg, by_arg, by_cap_arg] = names;
            let header = self.label(key, lang);
            let field = self.field(key);
            let short = field
                .and_then(|f| f.short.as_ref())
                .map_or_else(|| header.clone(), |s| s.get(lang).to_string());
            let by = field
                .and_then(|f| f.by.as_ref())
                .map(|b| b.get(lang).to_string());
            msg = msg
                .arg(short_cap_arg, capitalise(&short))
                .arg(short_arg, short)
                .arg(
                    by_cap_arg,
                    by.as_deref().map_or_else(String::new, capitalise),
                )
                .arg(by_arg, by.unwrap_or_else(|| "none".into()))
                .arg(field_arg, header);
        }
        crate::i18n::render(lang, &msg)
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

    /// The deadline of the submissions that report on `year`, if the
    /// configuration gives one for it.
    pub fn deadline(&self, year: i32) -> Option<crate::model::parse::Date> {
        self.submission.deadline.as_ref()?.get_ref().for_year(year)
    }

    /// The refusal of `year` where it is not a programme year: the
    /// programme's years and the key of the configuration that would
    /// extend them (`programme.last_year` for a later year,
    /// `programme.first_year` for an earlier one).
    pub fn year_refusal(&self, year: i32) -> Option<YearRefusal> {
        if self.is_programme_year(year) {
            return None;
        }
        let p = &self.programme;
        let (first, last) = (*p.first_year.get_ref(), *p.last_year.get_ref());
        let key = if year > last {
            "programme.last_year"
        } else {
            "programme.first_year"
        };
        Some(YearRefusal {
            year,
            first,
            last,
            key,
            origin: (self.origin != BUILTIN_ORIGIN).then(|| self.origin.clone()),
        })
    }

    /// The annual budget in euros.
    pub fn annual_budget(&self) -> f64 {
        *self.programme.annual_budget_eur.get_ref()
    }
}

/// What a TOML text of the wrong shape lacks or has too much of, from
/// serde's error (`missing field `x``, `unknown field `x`, expected …`,
/// `invalid type: …`): those words are stable in serde and only choose
/// the sentence; the user sees a translated one naming the key.
fn shape_problem(said: &str, key: Option<&str>) -> Option<Message> {
    let quoted = |rest: &str| rest.split('`').nth(1).map(str::to_string);
    if let Some(rest) = said.strip_prefix("missing field ") {
        return Some(Message::new("config-problem-missing-key").arg("name", quoted(rest)?));
    }
    if let Some(rest) = said.strip_prefix("unknown field ") {
        return Some(Message::new("config-problem-unknown-key").arg("name", quoted(rest)?));
    }
    // A single text where a text per language is wanted (`Localised`).
    if said.starts_with("invalid type: ") && said.ends_with("expected struct Localised") {
        return Some(Message::new("config-problem-per-language").arg("name", key?));
    }
    if said.starts_with("invalid type: ") || said.starts_with("invalid value: ") {
        return Some(Message::new("config-problem-wrong-type").arg("name", key?));
    }
    None
}

/// A year outside the programme's, and what would make it one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRefusal {
    /// The year asked for.
    pub year: i32,
    /// The programme's first year.
    pub first: i32,
    /// The programme's last year.
    pub last: i32,
    /// The key to change: `programme.last_year` or `programme.first_year`.
    pub key: &'static str,
    /// The configuration file, or `None` for the built-in programme.
    pub origin: Option<String>,
}

/// 1-based line number of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The arguments [`Config::labelled`] gives per field: the header, the
/// short phrase, the short phrase capitalised, the "by" phrase (or `none`)
/// and the "by" phrase capitalised.
const LABELLED_ARGS: [([&str; 5], FieldKey); 7] = [
    (
        [
            "department_field",
            "department_short",
            "department_short_cap",
            "department_by",
            "department_by_cap",
        ],
        FieldKey::Department,
    ),
    (
        [
            "focus_field",
            "focus_short",
            "focus_short_cap",
            "focus_by",
            "focus_by_cap",
        ],
        FieldKey::FocusArea,
    ),
    (
        [
            "status_field",
            "status_short",
            "status_short_cap",
            "status_by",
            "status_by_cap",
        ],
        FieldKey::Status,
    ),
    (
        [
            "area_field",
            "area_short",
            "area_short_cap",
            "area_by",
            "area_by_cap",
        ],
        FieldKey::Areas,
    ),
    (
        [
            "budget_field",
            "budget_short",
            "budget_short_cap",
            "budget_by",
            "budget_by_cap",
        ],
        FieldKey::Budget,
    ),
    (
        [
            "spent_field",
            "spent_short",
            "spent_short_cap",
            "spent_by",
            "spent_by_cap",
        ],
        FieldKey::Spent,
    ),
    (
        [
            "year_field",
            "year_short",
            "year_short_cap",
            "year_by",
            "year_by_cap",
        ],
        FieldKey::Year,
    ),
];

/// `text` with its first letter in upper case, for a phrase that starts a
/// heading (`toimialoittain` → `Toimialoittain`).
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
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

    /// Headings use a field's `by` and `short` phrases where the programme
    /// sets them and fall back to the generic heading where it does not.
    #[test]
    fn labelled_headings_use_natural_phrases_or_fall_back() {
        let mut c = Config::parse(DEFAULT_TOML, "built-in").unwrap();
        assert_eq!(c.labelled(Lang::Fi, "out-by-department"), "Toimialoittain");
        assert_eq!(c.labelled(Lang::Sv, "out-by-department"), "Per sektor");
        assert_eq!(
            c.labelled(Lang::En, "out-chart-budget-actual"),
            "Budget and actual by department"
        );
        assert_eq!(
            c.labelled(Lang::Sv, "out-chart-status-dept"),
            "Åtgärder per skede och per sektor"
        );
        assert_eq!(
            c.labelled(Lang::Fi, "out-chart-budget-year"),
            "Budjetti vuosittain"
        );
        for f in &mut c.fields {
            f.by = None;
            f.short = None;
        }
        assert_eq!(
            c.labelled(Lang::Fi, "out-by-department"),
            "Ryhmittely: Toimiala"
        );
        assert_eq!(
            c.labelled(Lang::Fi, "out-chart-budget-actual"),
            "Budjetti (€) ja Toteuma (€) – Toimiala"
        );
        assert_eq!(capitalise("äänestysalueittain"), "Äänestysalueittain");
        assert_eq!(capitalise(""), "");
    }

    /// A programme's own report templates are read beside its file; the
    /// built-in programme has none, and a field's label is its header.
    #[test]
    fn second_programme_names_its_report_templates_and_labels() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/programmes/jarvela");
        let c = Config::load(&dir.join("programme.toml")).unwrap();
        for lang in Lang::ALL {
            let t = c.report_template(lang).unwrap();
            assert_eq!(t, dir.join(format!("report_{}.toml", lang.code())));
            assert!(t.is_file(), "{}", t.display());
        }
        assert_eq!(c.label(FieldKey::Status, Lang::Fi), "Tilanne");
        assert_eq!(c.label(FieldKey::Budget, Lang::Sv), "Anslag (€)");
        assert_eq!(c.programme.area_split, AreaSplit::Full);
        let builtin = Config::builtin();
        assert_eq!(builtin.report_template(Lang::Fi), None);
        assert_eq!(builtin.label(FieldKey::Status, Lang::Fi), "Vaihe");
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

    /// The sentence of the configuration error `text` gives, per language.
    fn sentences(text: &str) -> [String; 3] {
        let err = Config::parse(text, "x.toml").unwrap_err();
        Lang::ALL.map(|lang| crate::i18n::render(lang, &err.message()))
    }

    fn line_of_text(text: &str, start: &str) -> usize {
        text.lines().position(|l| l.starts_with(start)).unwrap() + 1
    }

    #[test]
    fn one_text_where_one_per_language_is_wanted_says_the_form() {
        let name = DEFAULT_TOML
            .lines()
            .find(|l| l.starts_with("name = {"))
            .unwrap();
        let text = DEFAULT_TOML.replacen(name, "name = \"Toinen ohjelma\"", 1);
        let [fi, sv, en] = sentences(&text);
        assert!(
            fi.contains("programme.name arvoksi tarvitaan teksti kullakin kielellä"),
            "{fi}"
        );
        assert!(
            sv.contains("programme.name behöver en text på varje språk"),
            "{sv}"
        );
        assert!(
            en.contains("{ fi = \"…\", sv = \"…\", en = \"…\" }"),
            "{en}"
        );
    }

    #[test]
    fn an_inconsistent_programme_is_told_in_each_language() {
        let text = DEFAULT_TOML.replace("annual_budget_eur = 2000000", "annual_budget_eur = -5.5");
        let line = line_of_text(&text, "annual_budget_eur");
        let [fi, sv, en] = sentences(&text);
        assert_eq!(
            fi,
            format!(
                "Asetustiedostossa x.toml on virhe rivillä {line}, avaimessa \
                 programme.annual_budget_eur: -5,5 ei ole euromäärä, joka on vähintään 0 ja \
                 alle 90\u{a0}000\u{a0}000\u{a0}000\u{a0}000. Anna vuosibudjetti euroina \
                 tältä väliltä."
            )
        );
        assert_eq!(
            sv,
            format!(
                "Konfigurationsfilen x.toml har ett fel på rad {line}, i nyckeln \
                 programme.annual_budget_eur: -5,5 är inte ett eurobelopp från 0 till under \
                 90\u{a0}000\u{a0}000\u{a0}000\u{a0}000. Ange årsbudgeten i euro i det intervallet."
            )
        );
        assert_eq!(
            en,
            format!(
                "The configuration file x.toml has an error on line {line}, in the key \
                 programme.annual_budget_eur: -5.5 is not a number of euros from 0 to below \
                 90,000,000,000,000. Give the annual budget in euros in that range."
            )
        );
        let err = Config::parse(&text, "x.toml").unwrap_err();
        assert_eq!(err.detail(), None);
    }

    #[test]
    fn a_missing_list_names_no_line() {
        let start = DEFAULT_TOML.find("[[statuses]]").unwrap();
        let end = DEFAULT_TOML[start..].find("\n# The submission").unwrap() + start;
        // Top-level keys come before the first table.
        let text = format!(
            "statuses = []\n{}{}",
            &DEFAULT_TOML[..start],
            &DEFAULT_TOML[end..]
        );
        let [fi, _, en] = sentences(&text);
        assert_eq!(
            fi,
            "Asetustiedostossa x.toml on virhe avaimessa statuses: luettelossa ei ole yhtään \
             kohtaa. Lisää ainakin yksi kohta [[statuses]]."
        );
        assert!(en.ends_with("Add at least one [[statuses]] entry."), "{en}");
    }

    #[test]
    fn a_syntax_error_names_line_and_key_and_keeps_the_parsers_words_apart() {
        // Not TOML (a bare word): the parser's own words are the detail.
        // (A wrongly typed value, `"soon"`, names the key's type instead.)
        let text = DEFAULT_TOML.replace("first_year = 2019", "first_year = soon");
        let line = line_of_text(&text, "first_year");
        let err = Config::parse(&text, "x.toml").unwrap_err();
        let [fi, sv, en] = Lang::ALL.map(|lang| crate::i18n::render(lang, &err.message()));
        assert!(
            fi.starts_with(&format!(
                "Asetustiedostossa x.toml on virhe rivillä {line}, avaimen \
                 programme.first_year kohdalla:"
            )),
            "{fi}"
        );
        assert!(
            sv.contains(&format!("rad {line}, vid nyckeln programme.first_year")),
            "{sv}"
        );
        assert!(
            en.contains(&format!("line {line}, at the key programme.first_year")),
            "{en}"
        );
        let detail = err.detail().unwrap();
        assert!(!detail.is_empty() && !fi.contains(&detail), "{detail}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = Config::load(Path::new("no/such/programme.toml")).unwrap_err();
        let fi = crate::i18n::render(Lang::Fi, &err.message());
        assert_eq!(
            fi,
            "Asetustiedostoa no/such/programme.toml ei löydy. Tarkista valitsimen --config polku."
        );
        assert!(err.detail().is_some());
    }

    /// Every problem makes a whole sentence in every language: each
    /// argument filled, no id left as it is.
    #[test]
    fn every_inconsistency_has_a_sentence() {
        let problems = [
            Inconsistency::YearOutOfRange {
                value: -5,
                min: 1900,
                max: 9999,
            },
            Inconsistency::LastYearBeforeFirst {
                first: 2022,
                last: 2019,
            },
            Inconsistency::SpanTooLong {
                first: 1900,
                last: 2022,
                years: 123,
                max: 100,
            },
            Inconsistency::BudgetOutOfRange { value: f64::NAN },
            Inconsistency::TooManyTemplateRows {
                value: 4_000_000_000,
                max: limits::MAX_TEMPLATE_ROWS,
            },
            Inconsistency::ControlCharacter { char: '\u{1}' },
            Inconsistency::BadDeadline {
                value: "31.13.".into(),
            },
            Inconsistency::EmptyList { list: "areas" },
            Inconsistency::EmptyCode,
            Inconsistency::SameSpelling {
                spelling: "ksj".into(),
                list: "departments",
            },
            Inconsistency::NoStage {
                code: "DONE".into(),
            },
            Inconsistency::FieldTwice {
                field: "budget".into(),
            },
            Inconsistency::SharedHeader {
                header: "Budjetti".into(),
                other: "budget".into(),
            },
            Inconsistency::WrongKind {
                field: "budget".into(),
                expected: Kind::Euro,
            },
            Inconsistency::MissingField {
                field: FieldKey::Budget,
            },
        ];
        for problem in problems {
            let err = ConfigError::Inconsistent {
                origin: "x.toml".into(),
                line: Some(7),
                key: "k".into(),
                problem: problem.clone(),
            };
            for lang in Lang::ALL {
                let s = crate::i18n::render(lang, &err.message());
                assert!(
                    s.contains("x.toml") && s.contains(" 7") && s.contains(" k: "),
                    "{problem:?}: {s}"
                );
                assert!(
                    !s.contains(['{', '}']) && !s.contains("config-"),
                    "{problem:?}: {s}"
                );
                assert!(s.ends_with('.'), "{problem:?}: {s}");
            }
        }
        let rows = Inconsistency::TooManyTemplateRows {
            value: 4_000_000_000,
            max: limits::MAX_TEMPLATE_ROWS,
        };
        assert_eq!(
            crate::i18n::render(Lang::En, &rows.message()),
            "4,000,000,000 rows is more than the 1,000,000 allowed (an Excel sheet holds \
             1,048,576 rows). Give fewer rows."
        );
    }

    #[test]
    fn the_deadline_follows_the_reported_year() {
        let date = |s: &str| crate::model::parse::parse_date(s).unwrap();
        let with = |deadline: &str| {
            let text =
                DEFAULT_TOML.replace("deadline = \"31.1.\"", &format!("deadline = {deadline}"));
            Config::parse(&text, "x.toml")
        };
        let builtin = Config::builtin();
        assert_eq!(builtin.deadline(2021), Some(date("31.1.2022")));
        assert_eq!(builtin.deadline(2022), Some(date("31.1.2023")));
        // An older configuration's full date gives its day and month.
        let old = with("\"31.1.2022\"").unwrap();
        assert_eq!(old.deadline(2021), Some(date("31.1.2022")));
        assert_eq!(old.deadline(2023), Some(date("31.1.2024")));
        let leap = with("\"29.2.\"").unwrap();
        assert_eq!(leap.deadline(2023), Some(date("29.2.2024")));
        assert_eq!(leap.deadline(2021), Some(date("28.2.2022")));
        let per_year = with("{ 2022 = \"31.1.2023\", 2023 = \"15.2.2024\" }").unwrap();
        assert_eq!(per_year.deadline(2023), Some(date("15.2.2024")));
        assert_eq!(per_year.deadline(2021), None);
        for bad in [
            "\"31.13.\"",
            "\"tammikuun loppu\"",
            "{ 2022 = \"soon\" }",
            "{ next = \"31.1.2023\" }",
        ] {
            let err = with(bad).unwrap_err();
            assert!(
                err.to_string().contains("submission.deadline"),
                "{bad}: {err}"
            );
            let fi = crate::i18n::render(Lang::Fi, &err.message());
            assert!(fi.contains("31.1."), "{fi}");
        }
    }

    #[test]
    fn a_year_outside_names_the_key_that_extends_the_programme() {
        let c = Config::builtin();
        assert_eq!(c.year_refusal(2022), None);
        let later = c.year_refusal(2023).unwrap();
        assert_eq!(
            (later.key, later.origin.clone()),
            ("programme.last_year", None)
        );
        assert_eq!(c.year_refusal(2018).unwrap().key, "programme.first_year");
        let text = DEFAULT_TOML.replace("last_year = 2022", "last_year = 2023");
        let continued = Config::parse(&text, "ohjelma.toml").unwrap();
        assert_eq!(continued.year_refusal(2023), None);
        assert_eq!(
            continued.year_refusal(2024).unwrap().origin.as_deref(),
            Some("ohjelma.toml")
        );
    }

    #[test]
    fn wrong_kind_for_known_key_is_refused() {
        let text = DEFAULT_TOML.replacen("kind = \"euro\"", "kind = \"text\"", 1);
        let err = Config::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("fields.kind"), "{err}");
    }
}
