//! The history (issue 23): every year's builds with their inputs, options
//! and outputs (each with its SHA-256), and each department's submissions,
//! the current one and every earlier one, all downloadable. Nothing in the
//! register is overwritten, so this is only a view of it.
//!
//! The administrator sees everything (`/history`, `/files/<id>`); a
//! department's upload link sees only its own department's submissions of
//! its year (`/d/<token>/history`, `/d/<token>/files/<id>`): another
//! department's file is "not found", as an unknown one is.

use axum::body::Body;
use axum::extract::{Extension, Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use super::WebError;
use super::check::Output;
use super::pages::page;
use super::register::{Register, SUBMISSION_COLUMNS, SubmissionRow, submission_row};
use super::routes::{Ctx, State, YearQuery, blocking, failed, html, not_found};
use super::store::hex;
use crate::i18n::{render, text};
use crate::model::lang::Lang;
use crate::model::message::Message;

type St = axum::extract::State<State>;

/// One build with everything the register keeps of it.
#[derive(Debug, Clone)]
pub struct BuildRecord {
    /// Register id.
    pub id: i64,
    /// The year built.
    pub year: i32,
    /// UTC, RFC 3339.
    pub built_at: String,
    /// Whether errors remained (the outputs are drafts).
    pub draft: bool,
    /// The submissions it was built from (register ids).
    pub inputs: Vec<i64>,
    /// The options, JSON (`{"draft": …, "lang": …}`).
    pub options: serde_json::Value,
    /// The files written.
    pub outputs: Vec<Output>,
}

impl Register {
    /// One submission by its id.
    pub fn submission(&self, id: i64) -> Result<Option<SubmissionRow>, WebError> {
        self.conn()
            .query_row(
                &format!("SELECT {SUBMISSION_COLUMNS} FROM submissions AS s WHERE s.id = ?1"),
                [id],
                submission_row,
            )
            .optional()
            .map_err(WebError::db)
    }

    /// Every year with a submission or a build, newest first.
    pub fn history_years(&self) -> Result<Vec<i32>, WebError> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT year FROM submissions UNION SELECT year FROM builds ORDER BY year DESC",
            )
            .map_err(WebError::db)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }

    /// Every build of `year` with its inputs and options, newest first.
    pub fn build_records(&self, year: i32) -> Result<Vec<BuildRecord>, WebError> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT id, year, built_at, draft, inputs, options, outputs FROM builds
                 WHERE year = ?1 ORDER BY id DESC",
            )
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map([year], |r| {
                let inputs: String = r.get(4)?;
                let options: String = r.get(5)?;
                let outputs: String = r.get(6)?;
                Ok(BuildRecord {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    built_at: r.get(2)?,
                    draft: r.get(3)?,
                    inputs: serde_json::from_str(&inputs).unwrap_or_default(),
                    options: serde_json::from_str(&options).unwrap_or_default(),
                    outputs: serde_json::from_str(&outputs).unwrap_or_default(),
                })
            })
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }
}

/// A year's history: its builds and every submission (oldest first).
struct Year {
    year: i32,
    builds: Vec<BuildRecord>,
    submissions: Vec<SubmissionRow>,
    current: Vec<i64>,
    withdrawn: Vec<i64>,
}

fn year_of(r: &Register, year: i32, with_builds: bool) -> Result<Year, WebError> {
    Ok(Year {
        year,
        builds: if with_builds {
            r.build_records(year)?
        } else {
            Vec::new()
        },
        submissions: r.submissions(year)?,
        current: r.current(year)?.iter().map(|s| s.id).collect(),
        withdrawn: r.withdrawn()?.into_iter().map(|w| w.0).collect(),
    })
}

/// `GET /history[?year=]`: every year (or the one asked), newest first.
pub async fn history_page(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<YearQuery>,
) -> Response {
    let asked = q.year;
    let st = state.clone();
    let years = blocking(move || {
        st.reg(|r| {
            let years = r.history_years()?;
            let shown: Vec<i32> = match asked {
                Some(y) => vec![y],
                None => years.clone(),
            };
            let list = shown
                .into_iter()
                .map(|y| year_of(r, y, true))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((years, list))
        })
    })
    .await;
    match years {
        Some(Ok((all, list))) => html(history_markup(&ctx, &state, &all, &list)),
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn history_markup(ctx: &Ctx, state: &State, all: &[i32], list: &[Year]) -> Markup {
    let l = ctx.lang;
    page(
        ctx,
        &text(l, "web-history-title"),
        html! {
            p { (text(l, "web-history-intro")) }
            @if all.is_empty() { p { (text(l, "web-history-none")) } } @else {
                nav aria-label=(text(l, "web-years")) { p { (text(l, "web-years")) " "
                    @for y in all { a href={ "/history?year=" (y) } { (y) } " " }
                    @if list.len() < all.len() { a href="/history" { (text(l, "web-history-all")) } }
                } }
            }
            @for y in list {
                section aria-labelledby={ "year-" (y.year) } {
                    h2 id={ "year-" (y.year) } { (render(l, &Message::new("web-history-year").arg("year", y.year.to_string()))) }
                    (builds_table(l, y))
                    (submissions_table(l, state, y, ("/files/", Some(&ctx.csrf))))
                }
            }
        },
    )
}

fn builds_table(l: Lang, y: &Year) -> Markup {
    let caption = render(
        l,
        &Message::new("web-history-builds").arg("year", y.year.to_string()),
    );
    let name_of = |id: &i64| {
        y.submissions
            .iter()
            .find(|s| s.id == *id)
            .map(|s| s.original_name.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    html! {
        @if y.builds.is_empty() { p { (text(l, "web-history-builds-none")) } } @else {
            div.wide role="region" aria-label=(caption) tabindex="0" { table.history {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (text(l, "web-col-built-at")) }
                    th scope="col" { (text(l, "web-col-build-kind")) }
                    th scope="col" { (text(l, "web-col-inputs")) }
                    th scope="col" { (text(l, "web-col-options")) }
                    th scope="col" { (text(l, "web-col-outputs")) }
                } }
                tbody { @for b in &y.builds { tr {
                    th scope="row" { (super::time::show(l, &b.built_at)) }
                    td { (text(l, if b.draft { "web-build-draft" } else { "web-build-final" })) }
                    td { ul { @for id in &b.inputs { li { (name_of(id)) } } } }
                    @let lang = b.options.get("lang").and_then(|v| v.as_str()).unwrap_or("");
                    td { @if let Some(name) = super::pages::lang_name(l, lang) {
                        (render(l, &Message::new("web-history-lang").arg("lang", name)))
                    } }
                    td { ul { @for o in &b.outputs { li {
                        a href={ "/builds/" (b.id) "/" (o.kind) } { (super::routes::download_name(&o.name, lang)) }
                        ", " (bytes(l, o.size as i64)) ", SHA-256 " code.sha { (o.sha256) }
                    } } } }
                } } }
            } }
        }
    }
}

fn bytes(l: Lang, n: i64) -> String {
    render(l, &Message::new("web-history-bytes").count("bytes", n))
}

/// The submissions of a year, each department's newest first; `href`
/// is the download path the id follows.
/// A year's submissions, each linked at `href` + its id; with `csrf` (the
/// administrator's page) each not withdrawn has its withdrawal form.
fn submissions_table(
    l: Lang,
    state: &State,
    y: &Year,
    (href, csrf): (&str, Option<&str>),
) -> Markup {
    let caption = render(
        l,
        &Message::new("web-history-submissions").arg("year", y.year.to_string()),
    );
    // The programme's order of departments, then the unknown ones.
    let rank = |d: &str| {
        state
            .config
            .departments
            .iter()
            .position(|c| c.code.get_ref() == d)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<&SubmissionRow> = y.submissions.iter().collect();
    rows.sort_by(|a, b| {
        (rank(&a.department), &a.department, std::cmp::Reverse(a.id)).cmp(&(
            rank(&b.department),
            &b.department,
            std::cmp::Reverse(b.id),
        ))
    });
    html! {
        @if !rows.is_empty() {
            div.wide role="region" aria-label=(caption) tabindex="0" { table.history {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (text(l, "web-col-department")) }
                    th scope="col" { (text(l, "web-col-file")) }
                    th scope="col" { (text(l, "web-col-state")) }
                    th scope="col" { (text(l, "web-col-received")) }
                    th scope="col" { (text(l, "web-col-size")) }
                    th scope="col" { (text(l, "web-col-sha256")) }
                } }
                tbody { @for s in rows { tr.submission {
                    th scope="row" { @if s.department.is_empty() { (text(l, "web-history-no-department")) } @else { (s.department) } }
                    td { a href={ (href) (s.id) } { (s.original_name) } }
                    td {
                        (text(l, if y.current.contains(&s.id) { "web-history-current" } else if y.withdrawn.contains(&s.id) { "web-history-withdrawn" } else { "web-history-earlier" }))
                        @if let Some(token) = csrf.filter(|_| !y.withdrawn.contains(&s.id)) {
                            form.inline method="post" action={ "/submissions/" (s.id) "/withdraw" } {
                                input type="hidden" name="csrf" value=(token);
                                button type="submit" aria-label=(render(l, &Message::new("web-withdraw-label").arg("file", s.original_name.as_str()))) { (text(l, "web-withdraw-submit")) }
                            }
                        }
                    }
                    td { (super::time::show(l, &s.received_at)) }
                    td { (bytes(l, s.size)) }
                    td { code.sha { (s.sha256) } }
                } } }
            } }
        }
    }
}

/// `GET /files/<id>`: a received file as it was sent.
pub async fn download_submission(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
) -> Response {
    match state.reg(|r| r.submission(id)) {
        Ok(Some(s)) => send_file(&state, &ctx, &s),
        Ok(None) => not_found(Extension(ctx)).await,
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// The department and year of an upload link's token; the refusal's
/// response (logged, "not found") when it is no link.
async fn link_of(state: &State, ctx: &Ctx, token: &str) -> Result<(String, i32), Response> {
    let digest = hex(&Sha256::digest(token.as_bytes()));
    match state.reg(|r| r.link(&digest)) {
        Ok(Some(l)) => Ok(l),
        Ok(None) => {
            state.refuse("unknown-link", "/d/…");
            Err(not_found(Extension(ctx.clone())).await)
        }
        Err(e) => Err(failed(state, ctx, &e)),
    }
}

/// `GET /d/<token>/history`: the link's department's own submissions of
/// its year, current and earlier; nobody else's, and no builds (which
/// hold every department's measures).
pub async fn department_history(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Response {
    let (dept, year) = match link_of(&state, &ctx, &token).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let y = match state.reg(|r| year_of(r, year, false)) {
        Ok(mut y) => {
            y.submissions.retain(|s| s.department == dept);
            y
        }
        Err(e) => return failed(&state, &ctx, &e),
    };
    let l = ctx.lang;
    let title = render(
        l,
        &Message::new("web-department-history-title")
            .arg("department", dept.as_str())
            .arg("year", year.to_string()),
    );
    let href = format!("/d/{token}/files/");
    html(page(
        &ctx,
        &title,
        html! {
            p { (text(l, "web-history-intro")) }
            p { a href={ "/d/" (token) } { (render(l, &Message::new("web-department-title").arg("department", dept.as_str()).arg("year", year.to_string()))) } }
            @if y.submissions.is_empty() { p { (text(l, "web-history-none")) } }
            (submissions_table(l, &state, &y, (&href, None)))
        },
    ))
}

/// `GET /d/<token>/files/<id>`: one of the link's department's own files
/// of its year; any other is "not found" (and the attempt logged).
pub async fn department_file(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
) -> Response {
    let (dept, year) = match link_of(&state, &ctx, &token).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    match state.reg(|r| r.submission(id)) {
        Ok(Some(s)) if s.department == dept && s.year == year => send_file(&state, &ctx, &s),
        Ok(_) => {
            state.refuse("other-file", &format!("{dept}: {id}"));
            not_found(Extension(ctx)).await
        }
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// The MIME type of a stored file by its (checked) extension.
fn mime(ext: &str) -> &'static str {
    match ext {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        "xlsb" => "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
        "xls" => "application/vnd.ms-excel",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

/// `attachment` with the sent name: an ASCII fallback and the name itself
/// percent-encoded as UTF-8 (RFC 6266), so `ä` and quotes survive.
pub fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

fn send_file(state: &State, ctx: &Ctx, s: &SubmissionRow) -> Response {
    let path = state.ws.stored(&s.sha256);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => return failed(state, ctx, &WebError::io(&path, e)),
    };
    let mut resp = Response::new(Body::from(bytes));
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(mime(&s.extension)),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition(&s.original_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_name_is_offered_whole_and_safely() {
        assert_eq!(
            disposition("kymp 2021.xlsx"),
            "attachment; filename=\"kymp 2021.xlsx\"; filename*=UTF-8''kymp%202021.xlsx"
        );
        assert_eq!(
            disposition("Sote \"ä\".ods"),
            "attachment; filename=\"Sote ___.ods\"; filename*=UTF-8''Sote%20%22%C3%A4%22.ods"
        );
        assert!(HeaderValue::from_str(&disposition("\u{1f600}ä\\.csv")).is_ok());
    }

    #[test]
    fn builds_keep_their_inputs_options_and_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let reg = Register::open(&dir.path().join("r.sqlite")).unwrap();
        reg.add_build(
            2020,
            "2021-01-01T00:00:00Z",
            "admin",
            true,
            "[3,4]",
            r#"{"draft":true,"lang":"sv"}"#,
            r#"[{"kind":"report","name":"r.pdf","size":5,"sha256":"ab"}]"#,
        )
        .unwrap();
        let b = &reg.build_records(2020).unwrap()[0];
        assert_eq!(b.inputs, [3, 4]);
        assert_eq!(b.options["lang"], "sv");
        assert_eq!(b.outputs[0].sha256, "ab");
        assert_eq!(reg.history_years().unwrap(), [2020]);
        assert!(reg.submission(1).unwrap().is_none());
    }
}
