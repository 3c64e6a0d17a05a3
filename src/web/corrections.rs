//! Fixing a flagged cell in place (issue 23 point 3): the new value is
//! kept in the register (who, when, the file's SHA-256, sheet, cell, the
//! value before and after) and given to the reader on every read of that
//! file ([`crate::reading::Adjustments::corrections`]), so the usual
//! typing and checks apply to it and the outputs list it in their
//! sources. The department's file itself is never modified. A correction
//! belongs to the file's bytes: the same file sent again by its
//! department keeps it; another file (a new version) never gets it, its
//! page only lists it ([`Register::earlier_corrections`]).
//!
//! Who may: the administrator any current file; a department's upload
//! link only its own department's current files of its year ([`access`]).

use axum::extract::{Extension, Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rusqlite::params;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::WebError;
use super::check::Adjust;
use super::register::{DEPARTMENT_OF_S, Register, SubmissionRow};
use super::routes::{Ctx, Shared, State, blocking, csrf_ok, failed, not_found};
use super::security;
use super::store::hex;
use crate::reading::adjust::{Misfit, locate};
use crate::reading::{Adjustments, Correction};

/// The register's third schema step: matched columns and corrections.
/// Rows are only added, as elsewhere in the register.
pub(super) const MIGRATION: &str = r#"
CREATE TABLE column_matches (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL,      -- the files' department; '' when unknown
    header TEXT NOT NULL,          -- as the file has it
    field TEXT NOT NULL,           -- the field's key; '' forgets the match
    submission INTEGER NOT NULL,   -- the file it was chosen on
    chosen_at TEXT NOT NULL,       -- UTC, RFC 3339
    chosen_by TEXT NOT NULL
);
CREATE INDEX column_matches_department ON column_matches (department, header, id);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL,   -- register id of the file corrected
    sha256 TEXT NOT NULL,          -- that file's SHA-256
    sheet TEXT NOT NULL,
    cell TEXT NOT NULL,            -- A1
    value_before TEXT NOT NULL,    -- as the file has it
    value_after TEXT NOT NULL,     -- as given; read and typed as a cell
    corrected_at TEXT NOT NULL,    -- UTC, RFC 3339
    corrected_by TEXT NOT NULL
);
CREATE INDEX corrections_submission ON corrections (submission, id);
"#;

/// The longest corrected value accepted, in characters (a cell's text
/// field is far shorter; this only bounds what the register stores).
pub const MAX_VALUE_CHARS: usize = 1000;

/// One correction as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRow {
    /// Register id.
    pub id: i64,
    /// The submission's register id.
    pub submission: i64,
    /// The submission's SHA-256.
    pub sha256: String,
    /// The sheet.
    pub sheet: String,
    /// The A1 cell.
    pub cell: String,
    /// The value in the file.
    pub before: String,
    /// The value read instead.
    pub after: String,
    /// UTC, RFC 3339.
    pub at: String,
    /// `admin`, or the department code of the upload link used.
    pub by: String,
}

impl Register {
    /// Records a correction; returns its id.
    pub fn add_correction(&self, c: &CorrectionRow) -> Result<i64, WebError> {
        self.conn()
            .execute(
                "INSERT INTO corrections (submission, sha256, sheet, cell, value_before,
                 value_after, corrected_at, corrected_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    c.submission,
                    c.sha256,
                    c.sheet,
                    c.cell,
                    c.before,
                    c.after,
                    c.at,
                    c.by
                ],
            )
            .map_err(WebError::db)?;
        Ok(self.conn().last_insert_rowid())
    }

    /// The corrections of a file, oldest first: those made on any
    /// submission of its department with the same bytes (SHA-256), so
    /// the same file sent again keeps them, and a different file never
    /// gets them.
    pub fn corrections(&self, file: &SubmissionRow) -> Result<Vec<CorrectionRow>, WebError> {
        self.corrections_of(&file.sha256, &file.department)
    }

    /// The corrections made on `department`'s files of SHA-256 `sha`,
    /// oldest first (also before a file of those bytes is registered).
    pub fn corrections_of(
        &self,
        sha: &str,
        department: &str,
    ) -> Result<Vec<CorrectionRow>, WebError> {
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT c.id, c.submission, c.sha256, c.sheet, c.cell, c.value_before,
                 c.value_after, c.corrected_at, c.corrected_by
                 FROM corrections AS c JOIN submissions AS s ON s.id = c.submission
                 WHERE c.sha256 = ?1 AND {DEPARTMENT_OF_S} = ?2 ORDER BY c.id"
            ))
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map(params![sha, department], correction_row)
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// The corrections made to the department's earlier files of the
    /// year that are not this file's bytes (a new version of it), oldest
    /// first, each with the name of the file it was made on. Only shown:
    /// they are never applied to another file. None for a file of no
    /// known department (such files do not replace each other).
    pub fn earlier_corrections(
        &self,
        file: &SubmissionRow,
    ) -> Result<Vec<(CorrectionRow, String)>, WebError> {
        if file.department.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT c.id, c.submission, c.sha256, c.sheet, c.cell, c.value_before,
                 c.value_after, c.corrected_at, c.corrected_by, s.original_name
                 FROM corrections AS c JOIN submissions AS s ON s.id = c.submission
                 WHERE {DEPARTMENT_OF_S} = ?1 AND s.year = ?2 AND s.id < ?3 AND c.sha256 <> ?4
                 ORDER BY c.id"
            ))
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map(
                params![file.department, file.year, file.id, file.sha256],
                |r| Ok((correction_row(r)?, r.get(9)?)),
            )
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// A number that changes whenever a match, a correction or an
    /// assignment is added
    /// (the year's check is cached until it does).
    pub fn adjust_stamp(&self) -> Result<i64, WebError> {
        self.conn()
            .query_row(
                "SELECT (coalesce((SELECT max(id) FROM corrections), 0) * 1000003
                      + coalesce((SELECT max(id) FROM column_matches), 0)) * 1009
                      + coalesce((SELECT max(id) FROM assignments), 0)",
                [],
                |r| r.get(0),
            )
            .map_err(WebError::db)
    }
}

/// A row of `SELECT id, submission, sha256, sheet, cell, value_before,
/// value_after, corrected_at, corrected_by FROM corrections`.
fn correction_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CorrectionRow> {
    Ok(CorrectionRow {
        id: r.get(0)?,
        submission: r.get(1)?,
        sha256: r.get(2)?,
        sheet: r.get(3)?,
        cell: r.get(4)?,
        before: r.get(5)?,
        after: r.get(6)?,
        at: r.get(7)?,
        by: r.get(8)?,
    })
}

/// The adjustments of `current` (its department's matched columns, each
/// file's own corrections), by submission id; files with none are absent.
pub fn adjustments(reg: &Register, current: &[SubmissionRow]) -> Result<Adjust, WebError> {
    let mut out = Adjust::new();
    for s in current {
        let a = file_adjustments(reg, &s.sha256, &s.department)?;
        if !a.is_empty() {
            out.insert(s.id, a);
        }
    }
    Ok(out)
}

/// The adjustments of `department`'s file of SHA-256 `sha`: the
/// department's matched columns and the corrections of those bytes.
pub fn file_adjustments(
    reg: &Register,
    sha: &str,
    department: &str,
) -> Result<Adjustments, WebError> {
    let corrections = reg
        .corrections_of(sha, department)?
        .into_iter()
        .map(|c| Correction {
            sheet: c.sheet,
            cell: c.cell,
            value: c.after,
            by: c.by,
            at: c.at,
        })
        .collect();
    Ok(Adjustments {
        headers: reg.matches(department)?,
        corrections,
    })
}

/// Who is fixing: the administrator, or a department through its link.
#[derive(Debug, Clone)]
pub enum Who {
    /// The administrator (signed in, or on a loopback server).
    Admin,
    /// A department's upload link: its token (for the forms' addresses)
    /// and department.
    Link {
        /// The link's token, as in its address.
        token: String,
        /// The link's department.
        department: String,
    },
}

impl Who {
    /// The name the register and the sources show.
    pub fn name(&self) -> String {
        match self {
            Who::Admin => "admin".into(),
            Who::Link { department, .. } => department.clone(),
        }
    }

    /// The address of submission `id`'s page.
    pub fn base(&self, id: i64) -> String {
        match self {
            Who::Admin => format!("/submissions/{id}"),
            Who::Link { token, .. } => format!("/d/{token}/submissions/{id}"),
        }
    }
}

/// The submission `id` if `token` (a department's link; `None`: the
/// administrator) may fix it: a current file of the year, and through a
/// link only one of the link's department and year. Otherwise the
/// not-found page (a file of another department is not shown to exist),
/// the refusal logged.
pub async fn access(
    state: &State,
    ctx: &Ctx,
    token: Option<&str>,
    id: i64,
) -> Result<(SubmissionRow, Who), Response> {
    let row = match state.reg(|r| r.submission(id)) {
        Ok(r) => r,
        Err(e) => return Err(failed(state, ctx, &e)),
    };
    let who = match token {
        None => Who::Admin,
        Some(t) => match state.reg(|r| r.link(&hex(&Sha256::digest(t.as_bytes())))) {
            Ok(Some((department, year))) => {
                if row
                    .as_ref()
                    .is_some_and(|r| r.department != department || r.year != year)
                {
                    state.refuse("other-department-file", &format!("{department}: {id}"));
                    return Err(not_found(Extension(ctx.clone())).await);
                }
                Who::Link {
                    token: t.to_string(),
                    department,
                }
            }
            Ok(None) => {
                state.refuse("unknown-link", "/d/…");
                return Err(not_found(Extension(ctx.clone())).await);
            }
            Err(e) => return Err(failed(state, ctx, &e)),
        },
    };
    let Some(row) = row else {
        return Err(not_found(Extension(ctx.clone())).await);
    };
    // Only a current file: an older one no longer counts for anything.
    // A file refused for another department's rows is shown with why.
    let current = state.reg(|r| r.current(row.year)).unwrap_or_default();
    let foreign = state.reg(|r| r.foreign()).unwrap_or_default();
    if !current.iter().any(|c| c.id == row.id) && !foreign.contains(&row.id) {
        let withdrawn = state.reg(|r| r.withdrawn()).unwrap_or_default();
        let gone = withdrawn.iter().any(|w| w.0 == row.id);
        return Err(not_current(ctx, &who, &row, gone));
    }
    Ok((row, who))
}

/// The page of a file that is no longer current (withdrawn, or replaced
/// by the department's newer file): said so, with the history where it
/// stays downloadable, rather than "no such page".
fn not_current(ctx: &Ctx, who: &Who, row: &SubmissionRow, withdrawn: bool) -> Response {
    use crate::i18n::{render, text};
    use crate::model::message::Message;
    let l = ctx.lang;
    let ctx = &Ctx {
        year: Some(row.year),
        ..ctx.clone()
    };
    let id = if withdrawn {
        "web-file-withdrawn"
    } else {
        "web-file-replaced"
    };
    let history = match who {
        Who::Admin => format!("/history?year={}", row.year),
        Who::Link { token, .. } => format!("/d/{token}/history"),
    };
    let title = render(
        l,
        &Message::new("web-fix-title").arg("file", row.original_name.as_str()),
    );
    let body = maud::html! {
        p.note role="status" { (render(l, &Message::new(id).arg("file", row.original_name.as_str()))) }
        p { a href=(history) { (text(l, "web-nav-history")) } }
    };
    super::routes::html(super::pages::page(ctx, &title, body))
}

/// A form posted to a file [`access`] turned away: a file no longer
/// current answers with a redirect to its page, which says why
/// (POST/redirect/GET; nothing was changed); other refusals as they are.
pub fn answer_to_form(refused: Response, token: Option<&str>, id: i64) -> Response {
    if refused.status() != StatusCode::OK {
        return refused;
    }
    let to = match token {
        Some(t) => format!("/d/{t}/submissions/{id}"),
        None => format!("/submissions/{id}"),
    };
    axum::response::Redirect::to(&to).into_response()
}

/// The CSRF refusal's page.
pub fn refused_csrf(ctx: &Ctx) -> Response {
    (
        StatusCode::FORBIDDEN,
        super::pages::refused(ctx.lang, "web-refused-csrf"),
    )
        .into_response()
}

/// The correction form.
#[derive(Deserialize)]
pub struct CorrectForm {
    csrf: Option<String>,
    sheet: String,
    cell: String,
    value: String,
}

/// `POST /submissions/{id}/correct`: one cell's new value.
pub async fn correct(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<CorrectForm>,
) -> Response {
    correct_as(state, ctx, None, id, f).await
}

/// `POST /d/{token}/submissions/{id}/correct`: the same through a
/// department's link, for its own files only.
pub async fn correct_by_link(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
    Form(f): Form<CorrectForm>,
) -> Response {
    correct_as(state, ctx, Some(token), id, f).await
}

/// Why a correction is not taken, as a message id.
fn value_problem(value: &str) -> Option<&'static str> {
    if value.chars().count() > MAX_VALUE_CHARS {
        return Some("web-fix-refused-long");
    }
    // Tabs and line breaks are text a cell may hold; other control
    // characters are not.
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Some("web-fix-refused-value");
    }
    None
}

async fn correct_as(
    state: State,
    ctx: Ctx,
    token: Option<String>,
    id: i64,
    f: CorrectForm,
) -> Response {
    let (row, who) = match access(&state, &ctx, token.as_deref(), id).await {
        Ok(a) => a,
        Err(r) => return answer_to_form(r, token.as_deref(), id),
    };
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "correct") {
        return refused_csrf(&ctx);
    }
    if let Some(why) = value_problem(&f.value) {
        state.refuse("correction-value", &format!("{id} {}", f.cell));
        return super::fix_page::refused(&who, &row, why);
    }
    let st = state.clone();
    let (r2, by) = (row.clone(), who.name());
    let done = blocking(move || record(&st, &r2, &f, &by)).await;
    match done {
        Some(Ok(Ok(()))) => match super::assign::after_fix(&state, &row, &who.name()).await {
            Some(moved) => moved,
            None => super::fix_page::saved(&who, &row, "correction"),
        },
        Some(Ok(Err(why))) => {
            state.refuse("correction-cell", &id.to_string());
            super::fix_page::refused(&who, &row, why)
        }
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The stored file of `row` opened as the reader opens it, its cells
/// untouched (blocking); `None` when it cannot be read.
pub fn open_stored(
    state: &Shared,
    row: &SubmissionRow,
) -> Result<Option<crate::reading::Book>, WebError> {
    let path = state.ws.stored(&row.sha256);
    let bytes = std::fs::read(&path).map_err(|e| WebError::io(&path, e))?;
    // The stored file has no extension; the sent one's picks the reader.
    let named = std::path::PathBuf::from(format!("file.{}", row.extension));
    Ok(crate::reading::open(&named, &bytes, &state.limits).ok())
}

/// Whether `sheet` is the name a CSV file's one sheet is shown by (the
/// name it was sent under, as the check names it): the reader takes any
/// name for a text file's sheet, the register must keep the real one.
fn csv_sheet(state: &Shared, row: &SubmissionRow, sheet: &str) -> Result<bool, WebError> {
    let (_, checked) = state.checked(row.year)?;
    let stem = std::path::Path::new(&row.original_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    Ok(
        checked.sheets.get(&row.id).map(String::as_str) == Some(sheet)
            || stem.as_deref() == Some(sheet),
    )
}

/// Records the correction if its cell lies in the stored file's sheet
/// (blocking: opens the file); else the reason, as a message id.
fn record(
    state: &Shared,
    row: &SubmissionRow,
    f: &CorrectForm,
    by: &str,
) -> Result<Result<(), &'static str>, WebError> {
    let Some(book) = open_stored(state, row)? else {
        return Ok(Err("web-fix-refused-cell"));
    };
    if book.format == crate::reading::Format::Csv && !csv_sheet(state, row, &f.sheet)? {
        return Ok(Err("web-fix-refused-sheet"));
    }
    let cell = f.cell.trim().to_ascii_uppercase();
    let (i, r, c) = match locate(&book, &f.sheet, &cell) {
        Ok(found) => found,
        Err(Misfit::NoSheet) => return Ok(Err("web-fix-refused-sheet")),
        Err(Misfit::BadCell) => return Ok(Err("web-fix-refused-cell-name")),
        Err(Misfit::OutsideSheet) => return Ok(Err("web-fix-refused-cell")),
    };
    let before = book.sheets[i].get(r, c).display();
    let correction = CorrectionRow {
        id: 0,
        submission: row.id,
        sha256: row.sha256.clone(),
        sheet: f.sheet.clone(),
        cell: crate::text::a1(r, c),
        before,
        after: f.value.clone(),
        at: security::now(),
        by: by.to_string(),
    };
    state.reg(|reg| reg.add_correction(&correction))?;
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_overlong_values_are_refused() {
        assert_eq!(value_problem("90 000 €"), None);
        assert_eq!(value_problem("rivi\nrivi"), None);
        assert_eq!(value_problem("a\u{0}b"), Some("web-fix-refused-value"));
        assert_eq!(value_problem("\u{1b}[31m"), Some("web-fix-refused-value"));
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        assert_eq!(value_problem(&long), Some("web-fix-refused-long"));
    }
}
