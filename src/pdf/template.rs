//! The report template: which sections the annual report has, in which
//! order, with which titles and fixed texts (one TOML file per language in
//! `templates/`, or the user's own).

use std::path::Path;

use serde::Deserialize;

use super::coverage::unseen;
use crate::error::TemplateError;
use crate::i18n::Lang;

/// What a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Title page.
    Cover,
    /// Clickable table of contents.
    Contents,
    /// Key figures and budget by focus area.
    KeyFigures,
    /// Departments: table and chart.
    Departments,
    /// Each focus area's measures.
    FocusAreas,
    /// What was done in each area.
    Areas,
    /// The impact stories.
    ImpactStories,
    /// Comparison with the previous year (only with `--previous`).
    YearOverYear,
    /// The programme period by year (only with two earlier years or more
    /// given with `--previous`).
    Trend,
    /// Sources and remaining warnings.
    Appendix,
}

/// One section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What it shows.
    pub kind: SectionKind,
    /// Its heading.
    pub title: String,
    /// An introductory paragraph (`{year}`, `{previous}`, `{programme}`,
    /// `{organisation}` and `{area_split}`, how the programme counts a
    /// measure's euros in several areas, are filled in).
    #[serde(default)]
    pub text: Option<String>,
    /// The chart's title, for sections with a chart.
    #[serde(default)]
    pub chart: Option<String>,
}

/// A whole report template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Most rows one list of the report shows (the measures of a focus
    /// area, of an area, the impact stories, the warnings); a closing line
    /// counts the rest, which are all in the workbook. Keeps the report
    /// readable, and its size and making time bounded, for very large runs.
    #[serde(default = "default_list_limit")]
    pub list_limit: usize,
    /// The programme's foreword, at the start of the key figures
    /// (paragraphs apart by a blank line; `{programme}`, `{organisation}`,
    /// `{year}` are filled in).
    #[serde(default)]
    pub foreword: Option<String>,
    /// Sections in order.
    pub sections: Vec<Section>,
}

fn default_list_limit() -> usize {
    5000
}

const FI: &str = include_str!("../../templates/report_fi.toml");
const SV: &str = include_str!("../../templates/report_sv.toml");
const EN: &str = include_str!("../../templates/report_en.toml");

impl Template {
    /// The built-in template of a language.
    pub fn builtin(lang: Lang) -> Template {
        let text = match lang {
            Lang::Fi => FI,
            Lang::Sv => SV,
            Lang::En => EN,
        };
        // The built-in templates are tested (`builtin_templates_parse`).
        toml::from_str(text).unwrap_or_else(|e| unreachable!("built-in report template: {e}"))
    }

    /// A template from a file; errors name the file and line.
    pub fn load(path: &Path) -> Result<Template, TemplateError> {
        let text = std::fs::read_to_string(path).map_err(|source| TemplateError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let template: Template = toml::from_str(&text).map_err(|source| {
            let line = source
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(0);
            TemplateError::Syntax {
                path: path.to_path_buf(),
                line,
                source: Box::new(source),
            }
        })?;
        let path = path.to_path_buf();
        if template.list_limit == 0 {
            // Every list would show none of its rows, a focus area's
            // measures as if it had none.
            return Err(TemplateError::ListLimitZero { path });
        }
        if let Some(place) = template.blank_title() {
            return Err(TemplateError::BlankTitle { path, place });
        }
        match template.unknown_placeholder() {
            Some((place, name)) => Err(TemplateError::Placeholder {
                path,
                place,
                name,
                known: PLACEHOLDERS,
            }),
            None => Ok(template),
        }
    }

    /// The first section whose title has nothing to see (empty, spaces,
    /// or only control and format characters): a heading, a contents
    /// entry and a bookmark without a name, which PDF/UA-1 (ISO 14289-1
    /// §7.4.2) and WCAG 2.1 SC 2.4.6 do not allow. As
    /// `sections[i].title`, i 1-based.
    fn blank_title(&self) -> Option<String> {
        let blank = |t: &str| t.chars().all(|c| c.is_whitespace() || unseen(c));
        self.sections
            .iter()
            .position(|s| blank(&s.title))
            .map(|i| format!("sections[{}].title", i + 1))
    }

    /// The first `{name}` in the template's texts that the report does not
    /// fill in (a typo such as `{yaer}` would otherwise be printed as it
    /// is in a published report), as (where, name): where is `foreword`
    /// or `sections[i].title|text|chart`, i 1-based.
    fn unknown_placeholder(&self) -> Option<(String, String)> {
        let texts = self.foreword.iter().map(|t| ("foreword".to_string(), t));
        let sections = self.sections.iter().enumerate().flat_map(|(i, s)| {
            [
                Some(("title", &s.title)),
                s.text.as_ref().map(|t| ("text", t)),
                s.chart.as_ref().map(|t| ("chart", t)),
            ]
            .into_iter()
            .flatten()
            .map(move |(field, t)| (format!("sections[{}].{field}", i + 1), t))
        });
        texts.chain(sections).find_map(|(place, text)| {
            placeholders(text)
                .find(|name| !PLACEHOLDERS.contains(name))
                .map(|name| (place, name.to_string()))
        })
    }
}

/// The names the report fills in (`Ctx::fill` in `report.rs`).
pub const PLACEHOLDERS: &[&str] = &[
    "year",
    "first",
    "previous",
    "programme",
    "organisation",
    "area_split",
];

/// The `{name}`s of a text: braces around a name of letters, digits and
/// `_` (other braces are text, not placeholders).
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|after| {
        let name = &after[..after.find('}')?];
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        is_name.then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_parse() {
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            let t = Template::builtin(lang);
            assert_eq!(t.sections.len(), 10);
            assert_eq!(t.sections[0].kind, SectionKind::Cover);
            // The trend after the comparison, before the appendix.
            assert_eq!(t.sections[8].kind, SectionKind::Trend);
            assert_eq!(t.unknown_placeholder(), None, "{lang:?}");
        }
    }

    #[test]
    fn a_blank_title_is_named_with_its_place() {
        let t: Template = toml::from_str(
            "[[sections]]\nkind = \"cover\"\ntitle = \"Vuosiraportti\"\n\
             [[sections]]\nkind = \"areas\"\ntitle = \" \\u00a0\\u200b\\u0007\"\n",
        )
        .unwrap();
        assert_eq!(t.blank_title(), Some("sections[2].title".to_string()));
    }

    #[test]
    fn a_misspelt_placeholder_is_named_with_its_place() {
        let t: Template = toml::from_str(
            "foreword = \"{programme} {year}: {not a name} {}\"\n\
             [[sections]]\nkind = \"cover\"\ntitle = \"Vuosiraportti {year}\"\n\
             [[sections]]\nkind = \"areas\"\ntitle = \"Alueet\"\ntext = \"Vuonna {yaer}\"\n",
        )
        .unwrap();
        assert_eq!(
            t.unknown_placeholder(),
            Some(("sections[2].text".to_string(), "yaer".to_string()))
        );
    }
}
