//! `kooste template`: the workbook each department fills in, for one
//! department or all, optionally prefilled from last year's consolidation.

use std::io::Write;
use std::path::PathBuf;

use super::Outcome;
use crate::config::{Config, FieldKey, Stage};
use crate::error::Error;
use crate::i18n::Lang;
use crate::merging::comparison::read_previous;
use crate::model::Value;
use crate::model::parse::Date;
use crate::output::{Transaction, ensure_dir, ensure_parent, transaction_dirs};
use crate::reading::schema::{ListKind, Schema};
use crate::xlsx::template::{TemplateSpec, measure_values, template_bytes};

/// Which templates to write.
#[derive(Debug, Clone)]
pub enum Target {
    /// One department (a code or name) into one file.
    One {
        /// The department as typed.
        department: String,
        /// The file.
        output: PathBuf,
    },
    /// Every department into a folder, as `<code>_<year>.xlsx`.
    All {
        /// The folder.
        dir: PathBuf,
    },
}

/// Options of `template`.
#[derive(Debug, Clone)]
pub struct TemplateOptions {
    /// One or all.
    pub target: Target,
    /// The year the templates are for.
    pub year: i32,
    /// Last year's consolidated workbook to prefill from.
    pub from: Option<PathBuf>,
    /// Language of the headers and texts.
    pub lang: Lang,
    /// Date in the document properties.
    pub date: Option<Date>,
    /// Caps on what the `--from` workbook may unpack to and hold.
    pub limits: crate::reading::Limits,
}

/// A file name from a department code: lower case, only letters, digits, `-` and `_`.
pub fn file_stem(code: &str) -> String {
    let s: String = code
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_matches('_').to_string();
    if s.is_empty() { "department".into() } else { s }
}

/// Runs `template`.
pub fn template(
    config: &Config,
    opts: &TemplateOptions,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if let Some(refusal) = config.year_refusal(opts.year) {
        return Err(Error::NotAProgrammeYear(refusal));
    }
    let previous = opts
        .from
        .as_deref()
        .map(|p| read_previous(p, config, opts.lang, opts.limits, "--from"))
        .transpose()?;
    // Prefilled from a year before the templates' own.
    if let Some(p) = &previous {
        p.check_year(Some(opts.year))?;
    }
    let schema = Schema::new(config);
    let targets: Vec<(usize, PathBuf)> = match &opts.target {
        Target::One { department, output } => {
            let d = schema
                .lookup(ListKind::Department, department)
                .ok_or_else(|| Error::UnknownDepartment {
                    given: department.clone(),
                    allowed: schema.allowed(ListKind::Department, opts.lang),
                })?;
            vec![(d, output.clone())]
        }
        Target::All { dir } => {
            ensure_dir(dir)?;
            config
                .departments
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    (
                        i,
                        dir.join(format!(
                            "{}_{}.xlsx",
                            file_stem(d.code.get_ref()),
                            opts.year
                        )),
                    )
                })
                .collect()
        }
    };
    let date = opts.date.unwrap_or(Date {
        year: opts.year,
        month: 1,
        day: 1,
    });
    let paths: Vec<&PathBuf> = targets.iter().map(|(_, p)| p).collect();
    crate::output::target::check(&paths, opts.lang)?;
    for p in &paths {
        ensure_parent(p)?;
    }
    // All templates of a run are one result (see `output`).
    let txn = Transaction::begin(opts.lang, &transaction_dirs(&paths))?;
    for (dept, path) in &targets {
        let (dept, path) = (*dept, path);
        // Last year's measures of this department that go on: identity,
        // names and areas carried forward; the status, euros and figures
        // left for the new year. Those that ended there (completed or
        // stopped) are not carried; the instructions list them.
        let mine: Vec<&crate::model::Measure> = previous
            .iter()
            .flat_map(|p| &p.measures)
            .filter(|m| m.department == dept)
            .collect();
        let (ended, going_on): (Vec<_>, Vec<_>) =
            mine.into_iter().partition(|m| has_ended(config, m));
        let rows: Vec<Vec<Option<Value>>> = going_on
            .into_iter()
            .map(|m| {
                let mut v = measure_values(m, config);
                for (f, field) in config.fields.iter().enumerate() {
                    if !field.role().is_some_and(FieldKey::carried_forward) {
                        v[f] = None;
                    }
                }
                v
            })
            .collect();
        let ended: Vec<String> = ended
            .into_iter()
            .map(|m| ended_line(config, m, opts.lang))
            .collect();
        let from_year = previous.as_ref().and_then(|p| p.year);
        let spec = TemplateSpec {
            department: Some(dept),
            year: opts.year,
            rows: &rows,
            date,
            mark: crate::reading::TEMPLATE_MARK,
            ended: previous
                .as_ref()
                .map(|_| (from_year.unwrap_or(opts.year - 1), ended.as_slice())),
        };
        let bytes = template_bytes(config, opts.lang, &spec).map_err(|source| Error::Workbook {
            path: path.clone(),
            source,
        })?;
        txn.stage_bytes(path, &bytes)?;
    }
    txn.commit()?;
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        writeln!(out, "{}", super::wrote_line(opts.lang, path)).map_err(super::stdout_err)?;
    }
    Ok(Outcome {
        errors: 0,
        warnings: 0,
    })
}

/// Whether a measure ended in its year: its status's life-cycle stage is
/// completed or stopped.
fn has_ended(config: &Config, m: &crate::model::Measure) -> bool {
    m.status
        .and_then(|s| config.statuses.get(s))
        .and_then(|s| s.stage.as_ref())
        .is_some_and(|stage| matches!(stage.get_ref(), Stage::Completed | Stage::Suspended))
}

/// An ended measure as the instructions list it: "SOTE-03 Name (valmis)".
fn ended_line(config: &Config, m: &crate::model::Measure, lang: Lang) -> String {
    let status = m
        .status
        .and_then(|s| config.statuses.get(s))
        .map(|s| format!(" ({})", s.name.get(lang)))
        .unwrap_or_default();
    match &m.id {
        Some(id) => format!("{id} {}{status}", m.name),
        None => format!("{}{status}", m.name),
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("SOTE"), "sote");
        assert_eq!(file_stem("../../x"), "x");
        assert_eq!(file_stem("A/B:C"), "a_b_c");
        assert_eq!(file_stem("///"), "department");
    }
}
