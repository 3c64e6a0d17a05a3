//! `kooste convert`: any submission kooste reads, written in the canonical
//! layout: an xlsx in the template's form, or CSV or JSON of its typed rows.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{Map, Value as Json, json};

use super::Outcome;
use super::validate::print_text;
use crate::commands::template::file_stem;
use crate::config::Config;
use crate::error::Error;
use crate::export::{CsvStyle, ExportError};
use crate::i18n::{Lang, render};
use crate::model::Value;
use crate::model::finding::Severity;
use crate::model::message::Message;
use crate::output::{Transaction, ensure_dir, refuse_input};
use crate::reading::Submission;
use crate::validation::checked::{Run, RunOptions};
use crate::xlsx::template::{TemplateSpec, measure_values, template_bytes, value_text};

/// The output kind of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvertTo {
    /// The template's workbook layout.
    Xlsx,
    /// CSV of the typed rows.
    Csv,
    /// JSON of the typed rows.
    Json,
}

/// Options of `convert`.
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    /// What to read.
    pub run: RunOptions,
    /// Output kind.
    pub to: ConvertTo,
    /// CSV dialect.
    pub csv_style: CsvStyle,
    /// Output folder.
    pub out_dir: PathBuf,
}

/// A submission's rows in source order: measures and, for rows with errors,
/// whatever could be typed. Returns (1-based source row, values by field).
fn rows_of(sub: &Submission, config: &Config) -> Vec<(u32, Vec<Option<Value>>)> {
    let mut rows: Vec<(u32, Vec<Option<Value>>)> = sub
        .measures
        .iter()
        .map(|m| (m.source.row, measure_values(m, config)))
        .collect();
    rows.extend(sub.partial.iter().cloned());
    rows.sort_by_key(|(r, _)| *r);
    rows
}

/// Runs `convert`.
pub fn convert(
    config: &Config,
    opts: &ConvertOptions,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let run = Run::collect(config, &opts.run)?;
    print_text(&run, false, out).map_err(super::stdout_err)?;
    ensure_dir(&opts.out_dir)?;
    // All files of a run are one result (see `output`); what was written
    // is said once they are in place.
    let txn = Transaction::begin(run.lang, &[&opts.out_dir])?;
    let mut said: Vec<u8> = Vec::new();
    let inputs = run.inputs();
    let lang = run.lang;
    let mut used = std::collections::HashSet::new();
    let mut failed = Vec::new();
    for sub in run.submissions.iter().filter(|s| s.sheet.is_some()) {
        let rows = rows_of(sub, config);
        let ext = match opts.to {
            ConvertTo::Xlsx => "xlsx",
            ConvertTo::Csv => "csv",
            ConvertTo::Json => "json",
        };
        let stem = sub
            .file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut name = format!("{}.{ext}", file_stem(&stem));
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{}_{n}.{ext}", file_stem(&stem));
            n += 1;
        }
        let path = opts.out_dir.join(name);
        refuse_input(&path, &inputs)?;
        let bytes = match opts.to {
            ConvertTo::Xlsx => {
                let values: Vec<Vec<Option<Value>>> = rows.iter().map(|(_, v)| v.clone()).collect();
                let department = sub.measures.first().map(|m| m.department);
                let year = sub
                    .measures
                    .iter()
                    .find_map(|m| m.year)
                    .or(run.year)
                    .unwrap_or(*config.programme.first_year.get_ref());
                let spec = TemplateSpec {
                    department,
                    year,
                    rows: &values,
                    date: run.date,
                    mark: crate::reading::OutputKind::Converted.mark(),
                    ended: None,
                };
                template_bytes(config, lang, &spec).map_err(|source| Error::Workbook {
                    path: path.clone(),
                    source,
                })
            }
            ConvertTo::Csv => {
                csv_rows(config, lang, &rows, opts.csv_style).map_err(|source| Error::Export {
                    path: path.clone(),
                    source,
                })
            }
            ConvertTo::Json => json_rows(config, &rows).map_err(|source| Error::Export {
                path: path.clone(),
                source,
            }),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => {
                // One file's failure does not stop the others.
                failed.push(e);
                continue;
            }
        };
        txn.stage_bytes(&path, &bytes)?;
        writeln!(said, "{}", super::wrote_line(lang, &path)).map_err(super::stdout_err)?;
        let empty = left_empty(&run, sub, &rows, config);
        if !empty.is_empty() {
            writeln!(
                said,
                "{}",
                crate::text::terminal(&render(
                    lang,
                    &Message::new("out-left-empty")
                        .arg("file", &sub.file.display)
                        .count("n", empty.len())
                        .arg("cells", empty.join(", "))
                ))
            )
            .map_err(super::stdout_err)?;
        }
    }
    // Every file that could be converted is written (one transaction);
    // the last failure is the command's error (exit 2), the others are
    // said before it.
    txn.commit()?;
    out.write_all(&said).map_err(super::stdout_err)?;
    if let Some(last) = failed.pop() {
        for e in &failed {
            eprintln!("{}", e.report(run.lang, false));
        }
        return Err(last);
    }
    Ok(Outcome {
        errors: run.errors(),
        warnings: run.warnings(),
    })
}

/// The cells of `sub` with an error whose row is written with that field
/// empty: a value that could not be read, or a required one missing; and
/// the figure cells of a shifted CSV row (`shifted-row`), none of which is
/// taken where it landed. Other errors about whole rows (a duplicate,
/// another year) leave the row's values in, and errors about headers name
/// no cell of a row.
fn left_empty(
    run: &Run,
    sub: &Submission,
    rows: &[(u32, Vec<Option<Value>>)],
    config: &Config,
) -> Vec<String> {
    let file = sub.file.display.as_str();
    let shifted = run
        .findings()
        .filter(|f| f.file == file && f.code == crate::model::finding::Code::ShiftedRow);
    let figures = shifted.flat_map(|f| {
        let row = f.row.unwrap_or(0);
        let values = rows.iter().find(|(r, _)| *r == row).map(|(_, v)| v);
        sub.columns
            .iter()
            .filter(move |&&(_, i)| {
                config.fields[i].kind.is_numeric()
                    && values.is_some_and(|v| v.get(i).is_some_and(Option::is_none))
                    && sub.measures.iter().all(|m| m.source.row != row)
            })
            .map(move |&(col, _)| crate::text::a1(row.saturating_sub(1), col))
    });
    let mut cells: Vec<String> = run
        .findings()
        .filter(|f| f.file == file && f.severity == Severity::Error)
        .filter(|f| {
            let Some(i) = f
                .field
                .as_deref()
                .and_then(|k| config.fields.iter().position(|c| c.key.get_ref() == k))
            else {
                return false;
            };
            rows.iter()
                .find(|(r, _)| Some(*r) == f.row)
                .is_some_and(|(_, values)| values.get(i).is_some_and(Option::is_none))
        })
        .filter_map(|f| f.cell.clone())
        .chain(figures)
        .collect();
    cells.dedup();
    cells
}

/// CSV in the configured field order, headers in `lang`, choices by name.
fn csv_rows(
    config: &Config,
    lang: Lang,
    rows: &[(u32, Vec<Option<Value>>)],
    style: CsvStyle,
) -> Result<Vec<u8>, ExportError> {
    use crate::export::{CsvCell, csv_number};
    let mut w = crate::export::CsvOut::new(style);
    w.text_row(config.fields.iter().map(|f| f.header.get(lang)))?;
    for (_, values) in rows {
        let record = config.fields.iter().zip(values).map(|(f, v)| match v {
            None => CsvCell::Text(String::new()),
            Some(Value::Money(c)) => CsvCell::Number(csv_number(c.euros(), style)),
            Some(Value::Number(n)) => CsvCell::Number(csv_number(*n, style)),
            Some(Value::Whole(n)) => CsvCell::Number(n.to_string()),
            Some(Value::Year(y)) => CsvCell::Number(y.to_string()),
            Some(v) => CsvCell::Text(value_text(v, f, config, lang)),
        });
        w.row(record)?;
    }
    w.into_bytes()
}

/// JSON: one object per row keyed by field, choices as codes, euros as numbers.
fn json_rows(config: &Config, rows: &[(u32, Vec<Option<Value>>)]) -> Result<Vec<u8>, ExportError> {
    let code = |list: &[crate::config::Choice], i: usize| {
        list.get(i)
            .map(|c| c.code.get_ref().clone())
            .unwrap_or_default()
    };
    let items: Vec<Json> = rows
        .iter()
        .map(|(row, values)| {
            let mut obj = Map::new();
            obj.insert("row".into(), json!(row));
            for (f, v) in config.fields.iter().zip(values) {
                let list: &[crate::config::Choice] = match f.kind {
                    crate::config::Kind::Department => &config.departments,
                    crate::config::Kind::FocusArea => &config.focus_areas,
                    crate::config::Kind::Status => &config.statuses,
                    crate::config::Kind::Areas => &config.areas,
                    crate::config::Kind::Themes => &config.themes,
                    _ => &[],
                };
                let j = match v {
                    None => Json::Null,
                    Some(Value::Text(s)) => json!(s.as_str()),
                    Some(Value::Choice(i)) => json!(code(list, *i)),
                    Some(Value::Choices(v)) => {
                        json!(v.iter().map(|&i| code(list, i)).collect::<Vec<_>>())
                    }
                    Some(Value::Year(y)) => json!(y),
                    Some(Value::Money(c)) => json!(c.euros()),
                    Some(Value::Number(n)) => json!(n),
                    Some(Value::Whole(n)) => json!(n),
                    Some(Value::Date(d)) => {
                        json!(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
                    }
                };
                obj.insert(f.key.get_ref().clone(), j);
            }
            Json::Object(obj)
        })
        .collect();
    crate::export::json_text(&items)
}
