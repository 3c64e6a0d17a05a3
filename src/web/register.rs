//! The workspace's register: one SQLite database (`rekisteri.sqlite`) of
//! every submission received and every build made. Rows are only ever
//! added: a department's newer file becomes its current submission, the
//! older ones stay as its history. The schema is versioned with SQLite's
//! `PRAGMA user_version`; [`MIGRATIONS`] brings an older database up to date.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::WebError;

/// The schema, one step per version: step `i` takes `user_version` from
/// `i` to `i + 1`. Append only; never edit a step once released.
const MIGRATIONS: [&str; 4] = [
    r#"
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL,      -- configured code; '' when the file names none
    year INTEGER NOT NULL,
    original_name TEXT NOT NULL,   -- as sent; shown, never used as a path
    extension TEXT NOT NULL,       -- lower case, from the allowed list
    size INTEGER NOT NULL,         -- bytes
    sha256 TEXT NOT NULL,          -- the stored file's name in files/
    received_at TEXT NOT NULL,     -- UTC, RFC 3339
    received_by TEXT NOT NULL,
    findings TEXT NOT NULL         -- JSON: the file's findings at receipt
);
CREATE INDEX submissions_year ON submissions (year, department, id);
CREATE TABLE builds (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    built_at TEXT NOT NULL,
    built_by TEXT NOT NULL,
    draft INTEGER NOT NULL,
    inputs TEXT NOT NULL,          -- JSON: submission ids
    options TEXT NOT NULL,         -- JSON
    outputs TEXT NOT NULL          -- JSON: [{kind, name, size, sha256}]
);
CREATE TABLE refusals (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    what TEXT NOT NULL,
    detail TEXT NOT NULL
);
"#,
    r#"
CREATE TABLE upload_links (
    token_sha256 TEXT PRIMARY KEY, -- the link's token is not stored, only its digest
    department TEXT NOT NULL,
    year INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
"#,
    super::corrections::MIGRATION,
    r#"
CREATE TABLE withdrawals (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL,   -- register id of the file withdrawn
    withdrawn_at TEXT NOT NULL,    -- UTC, RFC 3339
    withdrawn_by TEXT NOT NULL
);
CREATE INDEX withdrawals_submission ON withdrawals (submission);
CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL,   -- a file received with no known department
    department TEXT NOT NULL,      -- the one its rows name once read in place
    assigned_at TEXT NOT NULL,     -- UTC, RFC 3339
    assigned_by TEXT NOT NULL
);
CREATE INDEX assignments_submission ON assignments (submission, id);
CREATE TABLE link_revocations (
    link INTEGER NOT NULL,         -- upload_links' rowid
    revoked_at TEXT NOT NULL       -- UTC, RFC 3339
);
"#,
];

/// The settings key prefix of a submission refused for another
/// department's rows ([`Register::set_foreign`]).
const FOREIGN: &str = "foreign-rows:";

/// One received file as the register holds it.
#[derive(Debug, Clone)]
pub struct SubmissionRow {
    /// Register id, increasing with receipt.
    pub id: i64,
    /// Department code, `""` when the file names none.
    pub department: String,
    /// The year it was sent for.
    pub year: i32,
    /// The file name as sent (shown only).
    pub original_name: String,
    /// `xlsx`, `xls`, `ods`, … (lower case).
    pub extension: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// UTC, RFC 3339.
    pub received_at: String,
    /// Who sent it (`admin`, `local`).
    pub received_by: String,
    /// The file's findings at receipt, JSON.
    pub findings: String,
}

/// One build as the register holds it.
#[derive(Debug, Clone)]
pub struct BuildRow {
    /// Register id.
    pub id: i64,
    /// The year built.
    pub year: i32,
    /// UTC, RFC 3339.
    pub built_at: String,
    /// Whether errors remained (the outputs are drafts).
    pub draft: bool,
    /// JSON: `[{kind, name, size, sha256}]`.
    pub outputs: String,
    /// The outputs' language code (`fi`, `sv`, `en`), from the build's
    /// options; `""` if they name none.
    pub lang: String,
}

/// A `builds` row of `SELECT {BUILD_COLUMNS}`.
fn build_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BuildRow> {
    let options: String = r.get(5)?;
    let lang = serde_json::from_str::<serde_json::Value>(&options)
        .ok()
        .and_then(|o| o.get("lang")?.as_str().map(str::to_string))
        .unwrap_or_default();
    Ok(BuildRow {
        id: r.get(0)?,
        year: r.get(1)?,
        built_at: r.get(2)?,
        draft: r.get(3)?,
        outputs: r.get(4)?,
        lang,
    })
}

/// The columns [`build_row`] reads.
const BUILD_COLUMNS: &str = "id, year, built_at, draft, outputs, options";

/// One department's upload link as the register holds it (the token
/// itself is never stored).
#[derive(Debug, Clone)]
pub struct LinkRow {
    /// Register id (the row's rowid).
    pub id: i64,
    /// Department code.
    pub department: String,
    /// The year it uploads for.
    pub year: i32,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// UTC, RFC 3339, once revoked.
    pub revoked_at: Option<String>,
}

/// The open register.
pub struct Register {
    conn: Connection,
}

/// A submission's department in SQL over `submissions AS s`: the one it
/// was received for, or the one it was assigned once its rows named it
/// ([`super::assign`]).
pub(super) const DEPARTMENT_OF_S: &str = "COALESCE((SELECT a.department FROM assignments AS a \
    WHERE a.submission = s.id ORDER BY a.id DESC LIMIT 1), s.department)";

/// The columns of `submissions AS s` in the order [`submission_row`]
/// reads them, the department as [`DEPARTMENT_OF_S`] gives it.
pub(super) const SUBMISSION_COLUMNS: &str = "s.id, COALESCE((SELECT a.department FROM assignments AS a \
    WHERE a.submission = s.id ORDER BY a.id DESC LIMIT 1), s.department), s.year, s.original_name, \
    s.extension, s.size, s.sha256, s.received_at, s.received_by, s.findings";

/// A row of `SELECT {SUBMISSION_COLUMNS} FROM submissions AS s`.
pub(super) fn submission_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SubmissionRow> {
    Ok(SubmissionRow {
        id: r.get(0)?,
        department: r.get(1)?,
        year: r.get(2)?,
        original_name: r.get(3)?,
        extension: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
        received_at: r.get(7)?,
        received_by: r.get(8)?,
        findings: r.get(9)?,
    })
}

impl Register {
    /// Opens (or creates) the database at `path` and migrates it.
    /// Errors: SQLite's, or a database newer than this program.
    pub fn open(path: &Path) -> Result<Register, WebError> {
        let mut conn = Connection::open(path).map_err(WebError::db)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(WebError::db)?;
        // Another process on the same workspace (a second server, a backup
        // reading it) waits its turn instead of failing as "locked".
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(WebError::db)?;
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(WebError::db)?;
        if version > MIGRATIONS.len() {
            return Err(WebError::NewerRegister {
                found: version,
                known: MIGRATIONS.len(),
            });
        }
        for (i, step) in MIGRATIONS.iter().enumerate().skip(version) {
            // Each step and its version number commit together.
            let tx = conn.transaction().map_err(WebError::db)?;
            tx.execute_batch(step).map_err(WebError::db)?;
            tx.pragma_update(None, "user_version", i + 1)
                .map_err(WebError::db)?;
            tx.commit().map_err(WebError::db)?;
        }
        Ok(Register { conn })
    }

    /// The connection, for the tables and queries of the other web modules
    /// (`super::history`, `super::corrections`).
    pub(super) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The schema version (`PRAGMA user_version`).
    pub fn version(&self) -> Result<usize, WebError> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(WebError::db)
    }

    /// A setting, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, WebError> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(WebError::db)
    }

    /// Sets a setting (settings are the one thing replaced).
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), WebError> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// Marks submission `id` refused for rows naming another department
    /// than its own (kept as a setting: rows are never changed).
    pub fn set_foreign(&self, id: i64) -> Result<(), WebError> {
        self.set_setting(&format!("{FOREIGN}{id}"), "1")
    }

    /// Lifts submission `id`'s refusal for another department's rows, so
    /// that the next check reads it again (after a correction or a column
    /// choice made on it): still naming another department, it is
    /// refused again.
    pub fn clear_foreign(&self, id: i64) -> Result<(), WebError> {
        self.set_setting(&format!("{FOREIGN}{id}"), "0")
    }

    /// The submissions refused for another department's rows.
    pub fn foreign(&self) -> Result<Vec<i64>, WebError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM settings WHERE key LIKE 'foreign-rows:%' AND value = '1'")
            .map_err(WebError::db)?;
        let keys = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(WebError::db)?;
        let mut out = Vec::new();
        for k in keys {
            let k = k.map_err(WebError::db)?;
            if let Some(id) = k.strip_prefix(FOREIGN).and_then(|i| i.parse().ok()) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Withdraws submission `id`: it stays in the register and the store,
    /// shown in the history as withdrawn, but is no longer current (a
    /// department's earlier file becomes current again), so it is neither
    /// checked nor built. Withdrawing twice records it twice, harmlessly.
    pub fn withdraw(&self, id: i64, at: &str, by: &str) -> Result<(), WebError> {
        self.conn
            .execute(
                "INSERT INTO withdrawals (submission, withdrawn_at, withdrawn_by) VALUES (?1, ?2, ?3)",
                params![id, at, by],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// The withdrawn submissions: id, when (UTC, RFC 3339) and by whom,
    /// the first withdrawal of each.
    pub fn withdrawn(&self) -> Result<Vec<(i64, String, String)>, WebError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT submission, MIN(withdrawn_at), withdrawn_by FROM withdrawals
                 GROUP BY submission ORDER BY submission",
            )
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// Records a received file; returns its id.
    pub fn add_submission(&self, s: &SubmissionRow) -> Result<i64, WebError> {
        self.conn
            .execute(
                "INSERT INTO submissions (department, year, original_name, extension, size,
                 sha256, received_at, received_by, findings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s.department,
                    s.year,
                    s.original_name,
                    s.extension,
                    s.size,
                    s.sha256,
                    s.received_at,
                    s.received_by,
                    s.findings
                ],
            )
            .map_err(WebError::db)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every submission of `year`, oldest first.
    pub fn submissions(&self, year: i32) -> Result<Vec<SubmissionRow>, WebError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {SUBMISSION_COLUMNS} FROM submissions AS s WHERE s.year = ?1 ORDER BY s.id"
            ))
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map([year], submission_row)
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// The current submissions of `year`: each department's newest file,
    /// and every file whose department is unknown (none replaces another);
    /// withdrawn files ([`Register::withdraw`]) are not current.
    pub fn current(&self, year: i32) -> Result<Vec<SubmissionRow>, WebError> {
        let all = self.submissions(year)?;
        let foreign = self.foreign()?;
        let withdrawn: Vec<i64> = self.withdrawn()?.into_iter().map(|w| w.0).collect();
        let mut current: Vec<SubmissionRow> = Vec::new();
        // A file refused for another department's rows replaces nothing.
        let counted = |s: &SubmissionRow| !foreign.contains(&s.id) && !withdrawn.contains(&s.id);
        for s in all.into_iter().rev().filter(counted) {
            if s.department.is_empty() || !current.iter().any(|c| c.department == s.department) {
                current.push(s);
            }
        }
        current.sort_by_key(|s| s.id);
        Ok(current)
    }

    /// The years with at least one submission not withdrawn, newest
    /// first (a file sent for a wrong year and withdrawn leaves no year
    /// behind to open on; the history still lists it).
    pub fn years(&self) -> Result<Vec<i32>, WebError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT year FROM submissions
                 WHERE id NOT IN (SELECT submission FROM withdrawals) ORDER BY year DESC",
            )
            .map_err(WebError::db)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// Records a build; returns its id.
    #[allow(clippy::too_many_arguments)]
    pub fn add_build(
        &self,
        year: i32,
        built_at: &str,
        built_by: &str,
        draft: bool,
        inputs: &str,
        options: &str,
        outputs: &str,
    ) -> Result<i64, WebError> {
        self.conn
            .execute(
                "INSERT INTO builds (year, built_at, built_by, draft, inputs, options, outputs)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![year, built_at, built_by, draft, inputs, options, outputs],
            )
            .map_err(WebError::db)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The builds of `year`, newest first.
    pub fn builds(&self, year: i32) -> Result<Vec<BuildRow>, WebError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {BUILD_COLUMNS} FROM builds WHERE year = ?1 ORDER BY id DESC"
            ))
            .map_err(WebError::db)?;
        let rows = stmt.query_map([year], build_row).map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// One build.
    pub fn build(&self, id: i64) -> Result<Option<BuildRow>, WebError> {
        self.conn
            .query_row(
                &format!("SELECT {BUILD_COLUMNS} FROM builds WHERE id = ?1"),
                [id],
                build_row,
            )
            .optional()
            .map_err(WebError::db)
    }

    /// Records a department's upload link by its token's SHA-256.
    pub fn add_link(
        &self,
        token_sha: &str,
        department: &str,
        year: i32,
        at: &str,
    ) -> Result<(), WebError> {
        self.conn
            .execute(
                "INSERT INTO upload_links (token_sha256, department, year, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![token_sha, department, year, at],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// The department and year of the link whose token has SHA-256
    /// `token_sha`; `None` if there is none or it was revoked.
    pub fn link(&self, token_sha: &str) -> Result<Option<(String, i32)>, WebError> {
        self.conn
            .query_row(
                "SELECT department, year FROM upload_links WHERE token_sha256 = ?1
                 AND rowid NOT IN (SELECT link FROM link_revocations)",
                [token_sha],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(WebError::db)
    }

    /// Every link, oldest first.
    pub fn links(&self) -> Result<Vec<LinkRow>, WebError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT rowid, department, year, created_at,
                 (SELECT MIN(revoked_at) FROM link_revocations WHERE link = upload_links.rowid)
                 FROM upload_links ORDER BY created_at, rowid",
            )
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(LinkRow {
                    id: r.get(0)?,
                    department: r.get(1)?,
                    year: r.get(2)?,
                    created_at: r.get(3)?,
                    revoked_at: r.get(4)?,
                })
            })
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// Revokes link `id` (its row in [`Register::links`]): its address
    /// opens nothing from now on. Returns whether such a link exists.
    pub fn revoke_link(&self, id: i64, at: &str) -> Result<bool, WebError> {
        let exists: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM upload_links WHERE rowid = ?1)",
                [id],
                |r| r.get(0),
            )
            .map_err(WebError::db)?;
        if exists {
            self.conn
                .execute(
                    "INSERT INTO link_revocations (link, revoked_at) VALUES (?1, ?2)",
                    params![id, at],
                )
                .map_err(WebError::db)?;
        }
        Ok(exists)
    }

    /// Records a refusal (a request turned away), as the log does.
    pub fn add_refusal(&self, at: &str, what: &str, detail: &str) -> Result<(), WebError> {
        self.conn
            .execute(
                "INSERT INTO refusals (at, what, detail) VALUES (?1, ?2, ?3)",
                [at, what, detail],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// How many refusals of kind `what` are recorded.
    pub fn refusals(&self, what: &str) -> Result<i64, WebError> {
        self.conn
            .query_row(
                "SELECT count(*) FROM refusals WHERE what = ?1",
                [what],
                |r| r.get(0),
            )
            .map_err(WebError::db)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(dept: &str, name: &str) -> SubmissionRow {
        SubmissionRow {
            id: 0,
            department: dept.into(),
            year: 2021,
            original_name: name.into(),
            extension: "xlsx".into(),
            size: 1,
            sha256: "00".into(),
            received_at: "2021-01-01T00:00:00Z".into(),
            received_by: "local".into(),
            findings: "[]".into(),
        }
    }

    #[test]
    fn a_newer_file_becomes_current_and_the_older_stays_in_history() {
        let dir = tempfile::tempdir().unwrap();
        let reg = Register::open(&dir.path().join("r.sqlite")).unwrap();
        assert_eq!(reg.version().unwrap(), MIGRATIONS.len());
        reg.add_submission(&row("KYMP", "a.xlsx")).unwrap();
        reg.add_submission(&row("SOTE", "b.ods")).unwrap();
        reg.add_submission(&row("KYMP", "c.xlsx")).unwrap();
        let names: Vec<String> = reg
            .current(2021)
            .unwrap()
            .into_iter()
            .map(|s| s.original_name)
            .collect();
        assert_eq!(names, ["b.ods", "c.xlsx"]);
        assert_eq!(reg.submissions(2021).unwrap().len(), 3);
        drop(reg);
        // Reopening migrates nothing and keeps every row.
        let reg = Register::open(&dir.path().join("r.sqlite")).unwrap();
        assert_eq!(reg.submissions(2021).unwrap().len(), 3);
    }
}
