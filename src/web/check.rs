//! The library's work for the web app: a sent file read and checked, the
//! year's current files checked together, a build, a template. The same
//! functions as the command line's (`validation::checked::Run`,
//! `commands::build`, `commands::template`), on the stored files put in a
//! scratch folder under names that carry nothing a browser sent.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::WebError;
use super::register::SubmissionRow;
use super::store::Workspace;
use crate::Config;
use crate::commands::build::{BuildOptions, build, output_paths};
use crate::commands::template::{Target, TemplateOptions, template};
use crate::i18n::findings::message;
use crate::model::finding::{Finding, Severity};
use crate::model::lang::Lang;
use crate::reading::Limits;
use crate::validation::checked::{Run, RunOptions};
use crate::xlsx::XlsxOptions;

/// A finding as the pages show it, in the three languages (so that one
/// check serves every page language) and located by the name the file
/// was sent with.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WebFinding {
    /// The register id of the file, `None` for a finding on the year
    /// (a department that sent nothing).
    pub submission: Option<i64>,
    /// The department code of the file, `""` if unknown.
    pub department: String,
    /// The file name as sent.
    pub file: String,
    /// The sheet, if the finding is in one.
    pub sheet: Option<String>,
    /// The A1 cell, if the finding is in one.
    pub cell: Option<String>,
    /// `error` or `warning`.
    pub severity: String,
    /// The stable code (`missing-value`).
    pub code: String,
    /// The message in fi, sv, en (as the command line says it).
    pub message: [String; 3],
    /// The hint in fi, sv, en, if any.
    pub hint: Option<[String; 3]>,
    /// The value as typed (an unknown column's header, a cell's text).
    #[serde(default)]
    pub value: Option<String>,
    /// The field's key, if the finding is about one.
    #[serde(default)]
    pub field: Option<String>,
}

/// The web app's own wording of a hint that tells the command line's
/// user to pass an option (`--year`, `--max-cells`), by the hint's
/// message id.
fn web_hint(id: &str) -> Option<&'static str> {
    match id {
        "check-wrong-year.hint" => Some("web-hint-wrong-year"),
        "read-too-large-bytes.hint" | "read-too-large-cells.hint" => Some("web-hint-too-large"),
        "check-duplicate-file.hint" => Some("web-hint-duplicate-file"),
        "read-own-output.hint" => Some("web-hint-own-output"),
        _ => None,
    }
}

/// A finding's hint `h` in `l` as the web app words it ([`web_hint`]).
pub fn hint_text(l: Lang, h: &crate::model::message::Message) -> String {
    match web_hint(h.id) {
        Some(id) => crate::i18n::text(l, id),
        None => crate::i18n::render(l, h),
    }
}

impl WebFinding {
    fn new(f: &Finding, submission: Option<&SubmissionRow>) -> WebFinding {
        WebFinding {
            submission: submission.map(|s| s.id),
            department: submission.map(|s| s.department.clone()).unwrap_or_default(),
            file: submission
                .map(|s| s.original_name.clone())
                .unwrap_or_default(),
            sheet: f.sheet.clone(),
            cell: f.cell.clone(),
            severity: f.severity.as_str().into(),
            code: f.code.as_str().into(),
            message: Lang::ALL.map(|l| message(l, f)),
            // A hint that names a command-line option says what to do
            // in the browser instead.
            hint: f.hint.as_ref().map(|h| Lang::ALL.map(|l| hint_text(l, h))),
            value: f.value.clone(),
            field: f.field.clone(),
        }
    }

    /// The error a file is refused with when its rows name another
    /// department than the one it is registered for: it is not built
    /// from and does not replace the department's current file.
    pub fn other_department(row: &SubmissionRow) -> WebFinding {
        let msg = crate::model::message::Message::new("web-finding-other-department")
            .arg("department", row.department.clone());
        WebFinding {
            submission: Some(row.id),
            department: row.department.clone(),
            file: row.original_name.clone(),
            sheet: None,
            cell: None,
            severity: Severity::Error.as_str().into(),
            code: "other-department".into(),
            message: Lang::ALL.map(|l| crate::i18n::render(l, &msg)),
            hint: None,
            value: None,
            field: None,
        }
    }

    /// Whether it is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error.as_str()
    }
}

/// The year's current files checked together.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Every finding, in the command line's order.
    pub findings: Vec<WebFinding>,
    /// The measures sheet the reader found, by submission id (the file
    /// page's any-cell form starts on it).
    pub sheets: HashMap<i64, String>,
    /// The submissions with rows naming a department other than the one
    /// they are registered for: never built from (a link's file read
    /// through its matches or corrections can name another department).
    pub foreign: Vec<i64>,
    /// The files of no known department whose rows name exactly one
    /// department: their id and that department's code (to be assigned
    /// to it, [`super::assign`]).
    pub unassigned: Vec<(i64, String)>,
}

fn run_options(paths: Vec<std::path::PathBuf>, year: i32, limits: Limits) -> RunOptions {
    RunOptions {
        inputs: paths,
        year: Some(year),
        limits,
        ..RunOptions::default()
    }
}

/// The matched columns and corrections of each submission, by register id
/// ([`super::corrections::adjustments`]).
pub type Adjust = std::collections::BTreeMap<i64, crate::reading::Adjustments>;

/// The run's adjustments by the scratch paths the submissions were put at.
fn adjust_by_path(
    paths: &[std::path::PathBuf],
    current: &[SubmissionRow],
    adjust: &Adjust,
) -> crate::reading::AdjustmentsByFile {
    paths
        .iter()
        .zip(current)
        .filter_map(|(p, s)| Some((p.clone(), adjust.get(&s.id)?.clone())))
        .collect()
}

/// The name each scratch copy is shown by in the findings and the
/// outputs (the sources sheet, the report's appendix, each measure's
/// source): the name its department sent, as the command line shows a
/// file's own name. A name two of them share is told apart by its
/// register number (`kooste.xlsx (#12)`), since the run matches findings
/// to files by the name.
pub fn shown_names(
    paths: &[std::path::PathBuf],
    current: &[SubmissionRow],
) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in current {
        *seen.entry(s.original_name.as_str()).or_default() += 1;
    }
    paths
        .iter()
        .zip(current)
        .map(|(p, s)| {
            let name = if seen.get(s.original_name.as_str()).copied() == Some(1) {
                s.original_name.clone()
            } else {
                format!("{} (#{})", s.original_name, s.id)
            };
            (p.clone(), name)
        })
        .collect()
}

/// Reads and checks one sent file alone (`bytes`, of type `ext`, with
/// `adjust`: the department's matched columns and the corrections of these
/// bytes), before it is stored: the departments its measures name, the
/// one most name first (none if it names none), and its findings.
/// `sent` is the name it was sent under, which its findings show.
pub fn receive(
    ws: &Workspace,
    config: &Config,
    limits: Limits,
    year: i32,
    bytes: &[u8],
    (sent, ext): (&str, &str),
    adjust: crate::reading::Adjustments,
) -> Result<(Vec<String>, Vec<Finding>), WebError> {
    let scratch = ws.scratch_of(bytes, ext)?;
    let mut opts = run_options(scratch.paths.clone(), year, limits);
    opts.names = scratch
        .paths
        .iter()
        .map(|p| (p.clone(), sent.to_string()))
        .collect();
    if !adjust.is_empty() {
        opts.adjust = scratch
            .paths
            .iter()
            .map(|p| (p.clone(), adjust.clone()))
            .collect();
    }
    let run = Run::collect(config, &opts).map_err(WebError::Kooste)?;
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for s in &run.submissions {
        for m in &s.measures {
            *counts.entry(m.department).or_default() += 1;
        }
    }
    // The most rows first; the configured order breaks a tie.
    let mut named: Vec<(usize, usize)> = counts.into_iter().collect();
    named.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
    let depts = named
        .into_iter()
        .map(|(d, _)| config.departments[d].code.get_ref().clone())
        .collect();
    let findings = run.findings_sorted().into_iter().cloned().collect();
    Ok((depts, findings))
}

/// The findings of one file alone as JSON (the register's copy at receipt).
pub fn findings_json(findings: &[Finding], row: &SubmissionRow) -> String {
    let list: Vec<WebFinding> = findings
        .iter()
        .map(|f| WebFinding::new(f, Some(row)))
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

/// The year's current files in a scratch folder, and the options that
/// read them with their matched columns and corrections, each shown by
/// the name it was sent under.
fn year_run(
    ws: &Workspace,
    limits: Limits,
    year: i32,
    current: &[SubmissionRow],
    adjust: &Adjust,
) -> Result<(super::store::Scratch, RunOptions), WebError> {
    let files: Vec<(&str, &str)> = current
        .iter()
        .map(|s| (s.sha256.as_str(), s.extension.as_str()))
        .collect();
    let scratch = ws.scratch_with(&files)?;
    let mut opts = run_options(scratch.paths.clone(), year, limits);
    opts.adjust = adjust_by_path(&scratch.paths, current, adjust);
    opts.names = shown_names(&scratch.paths, current);
    Ok((scratch, opts))
}

/// Checks the year's current files together (cross-file rules included).
pub fn check_year(
    ws: &Workspace,
    config: &Config,
    limits: Limits,
    year: i32,
    current: &[SubmissionRow],
    adjust: &Adjust,
) -> Result<Checked, WebError> {
    let (scratch, opts) = year_run(ws, limits, year, current, adjust)?;
    let run = Run::collect(config, &opts).map_err(WebError::Kooste)?;
    let by_display: HashMap<String, &SubmissionRow> = scratch
        .paths
        .iter()
        .zip(current)
        .filter_map(|(p, s)| Some((opts.names.get(p)?.clone(), s)))
        .collect();
    let findings = run
        .findings_sorted()
        .into_iter()
        .map(|f| WebFinding::new(f, by_display.get(&f.file).copied()))
        .collect();
    let ids: HashMap<&std::path::Path, i64> = scratch
        .paths
        .iter()
        .zip(current)
        .map(|(p, s)| (p.as_path(), s.id))
        .collect();
    let sheets = run
        .submissions
        .iter()
        .filter_map(|s| {
            let id = ids.get(s.file.path.as_path())?;
            Some((*id, s.sheet.clone()?))
        })
        .collect();
    let (foreign, unassigned) = foreign_rows(config, &run, &ids, current);
    Ok(Checked {
        findings,
        sheets,
        foreign,
        unassigned,
    })
}

/// The submissions of `run` (by their scratch paths' `ids`) with a row
/// naming a department other than the one `current` registers them for,
/// or, for a file of no known department, rows naming several; and the
/// files of no known department whose rows name exactly one.
fn foreign_rows(
    config: &Config,
    run: &Run,
    ids: &HashMap<&std::path::Path, i64>,
    current: &[SubmissionRow],
) -> (Vec<i64>, Vec<(i64, String)>) {
    let mut named: HashMap<i64, Vec<String>> = HashMap::new();
    for s in &run.submissions {
        let Some(&id) = ids.get(s.file.path.as_path()) else {
            continue;
        };
        let codes = named.entry(id).or_default();
        for m in &s.measures {
            if let Some(d) = config.departments.get(m.department) {
                let code = d.code.get_ref();
                if !codes.contains(code) {
                    codes.push(code.clone());
                }
            }
        }
    }
    let (mut foreign, mut unassigned) = (Vec::new(), Vec::new());
    for row in current {
        let Some(codes) = named.get(&row.id) else {
            continue;
        };
        if row.department.is_empty() {
            // A file of no known department: one department's rows make
            // it that department's; several's, refused as at receipt.
            match codes.as_slice() {
                [] => {}
                [one] => unassigned.push((row.id, one.clone())),
                _ => foreign.push(row.id),
            }
        } else if codes.iter().any(|c| *c != row.department) {
            foreign.push(row.id);
        }
    }
    (foreign, unassigned)
}

/// One output of a build, as the register lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Output {
    /// `workbook` or `report`.
    pub kind: String,
    /// The file's name in the build's folder.
    pub name: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// Builds the workbook and the report of `year` from `current` into a
/// scratch folder (`draft` while errors remain) and returns that folder
/// and the outputs written; `None` when nothing could be built (no
/// measures at all).
#[allow(clippy::too_many_arguments)]
pub fn build_year(
    ws: &Workspace,
    config: &Config,
    limits: Limits,
    year: i32,
    current: &[SubmissionRow],
    adjust: &Adjust,
    draft: bool,
    lang: Lang,
) -> Result<Option<(super::store::Scratch, Vec<Output>)>, WebError> {
    let (scratch, mut run) = year_run(ws, limits, year, current, adjust)?;
    let out_dir = scratch.dir.join("out");
    run.lang = lang;
    let opts = BuildOptions {
        run,
        out_dir: out_dir.clone(),
        previous: Vec::new(),
        xlsx: XlsxOptions {
            draft,
            ..XlsxOptions::default()
        },
        template: None,
        pdf_writer: crate::pdf::StreamWriter::Kooste,
    };
    let mut said = Vec::new();
    build(config, &opts, &mut said).map_err(WebError::Kooste)?;
    let (xlsx, pdf) = output_paths(&out_dir, Some(year));
    let mut outputs = Vec::new();
    for (kind, path) in [("workbook", xlsx), ("report", pdf)] {
        let Ok(bytes) = std::fs::read(&path) else {
            return Ok(None);
        };
        outputs.push(Output {
            kind: kind.into(),
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            size: bytes.len() as u64,
            sha256: super::store::hex(&sha2::Digest::finalize(
                <sha2::Sha256 as sha2::Digest>::new_with_prefix(&bytes),
            )),
        });
    }
    Ok(Some((scratch, outputs)))
}

/// The annotated copy of the current submission `id` in `lang`, made
/// from the year's check of `current` (cross-file findings included, its
/// matched columns and corrections applied) as `validate --annotate`
/// makes it: the file's bytes, or `None` when the file has no finding to
/// mark. The stored file is only read.
#[allow(clippy::too_many_arguments)]
pub fn annotated(
    ws: &Workspace,
    config: &Config,
    limits: Limits,
    year: i32,
    current: &[SubmissionRow],
    adjust: &Adjust,
    id: i64,
    lang: Lang,
) -> Result<Option<Vec<u8>>, WebError> {
    let (scratch, mut opts) = year_run(ws, limits, year, current, adjust)?;
    opts.lang = lang;
    let shown = scratch
        .paths
        .iter()
        .zip(current)
        .find(|(_, s)| s.id == id)
        .and_then(|(p, _)| opts.names.get(p).cloned());
    let Some(shown) = shown else {
        return Ok(None);
    };
    let run = Run::collect(config, &opts).map_err(WebError::Kooste)?;
    // Found by name: a file set aside (kooste's own output, a duplicate)
    // is not among the run's submissions, and the others move up.
    let Some(index) = run.submissions.iter().position(|s| s.file.display == shown) else {
        return Ok(None);
    };
    crate::xlsx::annotated::copy_bytes(config, &run, index).map_err(WebError::Kooste)
}

/// Department `code`'s template for `year` in `lang`, prefilled from the
/// consolidated workbook `from` when given: the file's bytes.
pub fn template_bytes(
    ws: &Workspace,
    config: &Config,
    limits: Limits,
    code: &str,
    year: i32,
    from: Option<std::path::PathBuf>,
    lang: Lang,
) -> Result<Vec<u8>, WebError> {
    let scratch = ws.scratch_with(&[])?;
    let output = scratch.dir.join("pohja.xlsx");
    let opts = TemplateOptions {
        target: Target::One {
            department: code.into(),
            output: output.clone(),
        },
        year,
        from,
        lang,
        date: None,
        limits,
    };
    let mut said = Vec::new();
    template(config, &opts, &mut said).map_err(WebError::Kooste)?;
    std::fs::read(&output).map_err(|e| WebError::io(&output, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, name: &str) -> SubmissionRow {
        SubmissionRow {
            id,
            department: String::new(),
            year: 2021,
            original_name: name.into(),
            extension: "xlsx".into(),
            size: 1,
            sha256: "00".into(),
            received_at: String::new(),
            received_by: "admin".into(),
            findings: "[]".into(),
        }
    }

    #[test]
    fn scratch_copies_are_shown_by_the_name_sent_and_a_shared_name_by_its_number() {
        let paths: Vec<std::path::PathBuf> = ["t/001.xlsx", "t/002.xlsx", "t/003.xlsx"]
            .map(Into::into)
            .into();
        let current = [
            row(4, "kymp.xlsx"),
            row(7, "pohja.xlsx"),
            row(9, "pohja.xlsx"),
        ];
        let names: Vec<String> = shown_names(&paths, &current).into_values().collect();
        assert_eq!(names, ["kymp.xlsx", "pohja.xlsx (#7)", "pohja.xlsx (#9)"]);
    }
}
