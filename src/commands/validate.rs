//! `kooste validate`: every finding, as text or JSON.

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::Outcome;
use crate::config::Config;
use crate::error::Error;
use crate::i18n::findings::FindingJson;
use crate::model::finding::{Finding, Severity};
use crate::validation::checked::{Run, RunOptions};

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// One line a finding.
    #[default]
    Text,
    /// One JSON object.
    Json,
}

/// Options of `validate`.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    /// What to read.
    pub run: RunOptions,
    /// How to print.
    pub format: ReportFormat,
    /// Colour the severities (only on a terminal).
    pub color: bool,
    /// Write annotated copies of the submissions with findings into this folder.
    pub annotate: Option<std::path::PathBuf>,
}

/// Runs `validate`.
pub fn validate(
    config: &Config,
    opts: &ValidateOptions,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mut run = Run::collect(config, &opts.run)?;
    run.require_files(&opts.run.inputs);
    match opts.format {
        ReportFormat::Text => print_text(&run, opts.color, out).map_err(super::stdout_err)?,
        ReportFormat::Json => print_json(&run, config, out).map_err(super::stdout_err)?,
    }
    if let Some(dir) = &opts.annotate {
        let mut done = crate::xlsx::annotated::annotate_all(config, &run, dir)?;
        for path in &done.written {
            // The JSON report owns stdout; say where the copies went on stderr there.
            let line = super::wrote_line(run.lang, path);
            if opts.format == ReportFormat::Json {
                eprintln!("{line}");
            } else {
                writeln!(out, "{line}").map_err(super::stdout_err)?;
            }
        }
        // Every copy that could be made is written; the last failure is the
        // command's error (exit 2), the others are said before it.
        if let Some(last) = done.failed.pop() {
            for e in &done.failed {
                eprintln!("{}", e.report(run.lang, false));
            }
            return Err(last);
        }
    }
    Ok(Outcome {
        errors: run.errors(),
        warnings: run.warnings(),
    })
}

/// Prints findings grouped by file, then the summary line.
pub fn print_text(run: &Run, color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    // Tens of thousands of lines at scale: made on every core, in order,
    // and written at once (stdout is line-buffered: a write per line).
    let chunks: Vec<String> = run
        .findings_sorted()
        .par_chunks(1024)
        .map(|chunk| {
            let mut text = String::new();
            for f in chunk {
                text.push_str(&crate::i18n::findings::line(run.lang, f, color));
                text.push('\n');
                if let (true, Some(detail)) = (run.verbose, &f.detail) {
                    text.push_str(&crate::i18n::findings::detail_lines(run.lang, detail));
                }
            }
            text
        })
        .collect();
    for chunk in chunks {
        out.write_all(chunk.as_bytes())?;
    }
    let summary = crate::i18n::summary_line(
        run.lang,
        run.submissions.len(),
        &run.tally(),
        (run.errors(), run.warnings()),
    );
    writeln!(out, "{summary}")
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    sha256: Option<&'a str>,
    format: Option<&'static str>,
    sheet: Option<&'a str>,
    department: Option<&'a str>,
    year: Option<i32>,
    rows: usize,
    errors: usize,
    warnings: usize,
}

/// The summary line's numbers: `measures` go into the outputs, `left_out`
/// counts the other rows by reason.
#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    measures: usize,
    left_out: JsonLeftOut,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonLeftOut {
    duplicate: usize,
    wrong_year: usize,
    errors: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
    findings: Vec<FindingJson<'a>>,
    summary: JsonSummary,
}

/// Prints the JSON report documented in the README.
pub fn print_json(run: &Run, config: &Config, out: &mut dyn Write) -> std::io::Result<()> {
    let files = run
        .submissions
        .iter()
        .map(|s| {
            let own: Vec<&Finding> = s
                .findings
                .iter()
                .chain(run.cross.iter().filter(|f| f.file == s.file.display))
                .collect();
            let errors = own.iter().filter(|f| f.severity == Severity::Error).count();
            let mut depts: Vec<usize> = s.measures.iter().map(|m| m.department).collect();
            depts.dedup();
            JsonFile {
                path: &s.file.display,
                sha256: s.sha256.as_deref(),
                format: s.format.map(|f| f.as_str()),
                sheet: s.sheet.as_deref(),
                department: (depts.len() == 1)
                    .then(|| config.departments[depts[0]].code.get_ref().as_str()),
                year: s.measures.first().and_then(|m| m.year),
                rows: s.rows_read,
                errors,
                warnings: own.len() - errors,
            }
        })
        .collect();
    let tally = run.tally();
    let report = JsonReport {
        files,
        findings: run
            .findings_sorted()
            .into_iter()
            .map(|f| FindingJson::new(run.lang, f))
            .collect(),
        summary: JsonSummary {
            files: run.submissions.len(),
            measures: tally.measures,
            left_out: JsonLeftOut {
                duplicate: tally.duplicate,
                wrong_year: tally.wrong_year,
                errors: tally.errors,
            },
            errors: run.errors(),
            warnings: run.warnings(),
        },
    };
    // A failed write keeps its kind (a full disk is said as one); only a
    // serialisation failure, which cannot happen for these types, is "other".
    serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })?;
    writeln!(out)
}
