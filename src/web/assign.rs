//! A file of no known department made readable in place (issue 23; the
//! year's check assigns one read so by other means too): a
//! file whose rows named no department at receipt (its own column names,
//! a header row the reader did not find) has its columns matched or its
//! cells corrected on its page. Once its rows name exactly one department
//! it is that department's file: left unknown, it was built beside the
//! department's own current file (`duplicate-file`, or its rows added to
//! the department's) and its choices were remembered for no department.
//!
//! The register only grows: an assignment is a row of its own
//! (`assignments`), and the file keeps its place in the order of receipt
//! (a department's file sent later stays current). The column choices
//! made on the file are copied to the department and forgotten for files
//! of no known department, where they would read other files; its
//! corrections stay with it, now the department's.

use axum::response::{IntoResponse, Response};
use rusqlite::params;

use super::WebError;
use super::register::{Register, SubmissionRow};
use super::routes::{Shared, State, blocking};
use super::security;

/// Assigns `row` (a current file of no known department) to the
/// department its rows now name, if exactly one; returns the row as that
/// department's.
/// `by`: who made the choice or correction that made it readable.
/// Blocking: reads the stored file.
pub fn assign_if_known(
    state: &Shared,
    row: &SubmissionRow,
    by: &str,
) -> Result<Option<SubmissionRow>, WebError> {
    if !row.department.is_empty() {
        return Ok(None);
    }
    let path = state.ws.stored(&row.sha256);
    let bytes = std::fs::read(&path).map_err(|e| WebError::io(&path, e))?;
    let adjust =
        state.reg(|r| super::corrections::file_adjustments(r, &row.sha256, &row.department))?;
    let sent = (row.original_name.as_str(), row.extension.as_str());
    let (ws, config, limits) = (&state.ws, &state.config, state.limits);
    let (named, _) = super::check::receive(ws, config, limits, row.year, &bytes, sent, adjust)?;
    let [department] = named.as_slice() else {
        return Ok(None);
    };
    let at = security::now();
    state.reg(|r| {
        for (header, field) in r.matches_chosen_on(row.id)? {
            r.add_match(department, &header, &field, row.id, by)?;
            r.add_match("", &header, "", row.id, by)?;
        }
        r.assign(row.id, department, &at, by)
    })?;
    Ok(Some(SubmissionRow {
        department: department.clone(),
        ..row.clone()
    }))
}

/// After a column choice or correction is saved on `row`: a file set
/// aside for another department's rows is read again at the next check;
/// a file of no known department whose rows now name one is assigned to
/// it ([`assign_if_known`]), answered by the redirect to its page saying
/// so. `None`: answer as usual.
pub async fn after_fix(state: &State, row: &SubmissionRow, by: &str) -> Option<Response> {
    // A file refused for another department's rows is read again with
    // the change: a correction may have made its rows its own.
    if state.reg(|r| r.foreign()).ok()?.contains(&row.id) {
        let _ = state.reg(|r| r.clear_foreign(row.id));
        return None;
    }
    if !row.department.is_empty() {
        return None;
    }
    let (st, r, by) = (state.clone(), row.clone(), by.to_string());
    let new = blocking(move || assign_if_known(&st, &r, &by))
        .await?
        .ok()??;
    let to = format!("/submissions/{}?saved=assigned", new.id);
    Some(axum::response::Redirect::to(&to).into_response())
}

impl Register {
    /// Records that submission `id` is `department`'s from now on.
    pub fn assign(&self, id: i64, department: &str, at: &str, by: &str) -> Result<(), WebError> {
        self.conn()
            .execute(
                "INSERT INTO assignments (submission, department, assigned_at, assigned_by)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, department, at, by],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// The column choices made on submission `id`: each header's newest
    /// choice, oldest header first (a forgotten one included, as `""`).
    pub fn matches_chosen_on(&self, id: i64) -> Result<Vec<(String, String)>, WebError> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT header, field FROM column_matches AS m
                 WHERE submission = ?1 AND id = (
                     SELECT max(id) FROM column_matches
                     WHERE submission = m.submission AND header = m.header)
                 ORDER BY id",
            )
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }
}
