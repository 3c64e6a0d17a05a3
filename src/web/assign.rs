//! A file of no known department made readable in place (issue 23): a
//! file whose rows named no department at receipt (its own column names,
//! a header row the reader did not find) has its columns matched or its
//! cells corrected on its page. Once its rows name exactly one department
//! it is that department's file: left unknown, it was built beside the
//! department's own current file (`duplicate-file`, or its rows added to
//! the department's) and its choices were remembered for no department.
//!
//! The register only grows: the same bytes are registered again as the
//! department's (a new row, so the department's newest file as ever),
//! the column choices made on the file are copied to the department and
//! its corrections to the new row, and the unknown row is withdrawn.

use rusqlite::params;

use super::WebError;
use super::corrections::CorrectionRow;
use super::register::{Register, SubmissionRow};
use super::routes::Shared;
use super::security;

/// Registers `row` (a current file of no known department) as the
/// department its rows now name, if exactly one; returns the new row.
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
    let (named, findings) =
        super::check::receive(ws, config, limits, row.year, &bytes, sent, adjust)?;
    let [department] = named.as_slice() else {
        return Ok(None);
    };
    let mut new = SubmissionRow {
        id: 0,
        department: department.clone(),
        received_at: security::now(),
        received_by: by.to_string(),
        findings: String::new(),
        ..row.clone()
    };
    new.findings = super::check::findings_json(&findings, &new);
    state.reg(|r| {
        new.id = r.add_submission(&new)?;
        for (header, field) in r.matches_chosen_on(row.id)? {
            r.add_match(department, &header, &field, new.id, by)?;
        }
        for c in r.corrections(row)? {
            r.add_correction(&CorrectionRow {
                submission: new.id,
                ..c
            })?;
        }
        r.withdraw(row.id, &new.received_at, by)
    })?;
    Ok(Some(new))
}

impl Register {
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
