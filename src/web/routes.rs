//! The HTTP routes, and what every request goes through first
//! ([`guard`]): its session (made if missing), its language, the
//! administrator's sign-in where a password is set, and the security
//! headers on every response. Every POST handler checks the form's CSRF
//! token ([`csrf_ok`]); every refusal is logged ([`State::refuse`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Extension, Form, Multipart, Path, Query, Request};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

use super::check::{self, Checked, Output};
use super::pages;
use super::register::{Register, SubmissionRow};
use super::security::{self, SESSION_COOKIE, Sessions};
use super::store::{self, Workspace};
use super::{ServeOptions, WebError};
use crate::Config;
use crate::i18n::render;
use crate::model::lang::Lang;
use crate::model::message::Message;
use crate::reading::Limits;

/// The language cookie's name.
const LANG_COOKIE: &str = "kooste-kieli";

/// The Content-Security-Policy of every response: nothing but this
/// server's own files, no inline script or style, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The server's shared state.
pub struct Shared {
    /// The workspace folder.
    pub ws: Workspace,
    /// The register (one connection; SQLite serialises writers anyway).
    pub reg: Mutex<Register>,
    /// The programme.
    pub config: Config,
    /// The reader's caps.
    pub limits: Limits,
    /// The largest request body, bytes.
    pub max_upload_bytes: usize,
    /// The administrator's password hash; `None`: no sign-in (loopback).
    pub password: Option<String>,
    /// Sessions by id.
    pub sessions: Sessions,
    /// The year's check by (year, current submission ids): the newest of
    /// each year only.
    cache: Mutex<HashMap<(i32, Vec<i64>), Checked>>,
    /// Each session's latest upload's results, for the page its redirect
    /// shows (POST/redirect/GET); in memory only, as the answer was.
    batches: Mutex<HashMap<String, Vec<Received>>>,
    /// Each session's link just made, its token shown once and forgotten.
    new_links: Mutex<HashMap<String, String>>,
    /// When the recent wrong passwords were given, by the address they
    /// came from, for [`LOGIN_LIMIT`].
    login_failures: Mutex<security::Guesses>,
    /// The terminal's language, for the log.
    log_lang: Lang,
}

/// The state handlers share.
pub type State = Arc<Shared>;

impl Shared {
    /// The state of a prepared workspace (see [`super::prepare`]).
    pub fn new(
        opts: &ServeOptions,
        ws: Workspace,
        reg: Register,
        password: Option<String>,
    ) -> State {
        Arc::new(Shared {
            ws,
            reg: Mutex::new(reg),
            config: opts.config.clone(),
            limits: opts.limits,
            max_upload_bytes: opts.max_upload_bytes,
            password,
            sessions: Sessions::default(),
            cache: Mutex::new(HashMap::new()),
            batches: Mutex::new(HashMap::new()),
            new_links: Mutex::new(HashMap::new()),
            login_failures: Mutex::new(security::Guesses::default()),
            log_lang: opts.lang,
        })
    }

    /// Runs `f` on the register.
    pub fn reg<T>(&self, f: impl FnOnce(&Register) -> Result<T, WebError>) -> Result<T, WebError> {
        let guard = self.reg.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }

    /// Logs a refusal on standard error and in the register.
    pub fn refuse(&self, what: &'static str, detail: &str) {
        let at = security::now();
        let line = Message::new("web-log-refusal")
            .arg("at", at.clone())
            .arg("what", what)
            .arg("detail", detail);
        eprintln!("kooste: {}", render(self.log_lang, &line));
        let _ = self.reg(|r| r.add_refusal(&at, what, detail));
    }

    /// The year's current files checked together (cached until a file comes).
    /// A file found naming another department's rows (read through its
    /// matches or corrections) is refused and set aside first.
    pub fn checked(&self, year: i32) -> Result<(Vec<SubmissionRow>, Checked), WebError> {
        // Each round sets aside at least one file: bounded by their count.
        loop {
            let (current, c) = self.checked_once(year)?;
            if c.foreign.is_empty() && c.unassigned.is_empty() {
                return Ok((current, c));
            }
            // A file of no known department read as one department's
            // (through another file's choices, say) is that department's:
            // left unknown, its rows were built beside the department's.
            for (id, department) in &c.unassigned {
                let at = security::now();
                self.reg(|r| r.assign(*id, department, &at, "kooste"))?;
            }
            for id in &c.foreign {
                let row = current.iter().find(|s| s.id == *id);
                let detail = row.map_or_else(String::new, |s| {
                    format!("{}: {} (#{})", s.department, s.original_name, s.id)
                });
                self.refuse("other-department", &detail);
                self.reg(|r| r.set_foreign(*id))?;
            }
        }
    }

    fn checked_once(&self, year: i32) -> Result<(Vec<SubmissionRow>, Checked), WebError> {
        let current = self.reg(|r| r.current(year))?;
        // A new match or correction is a new check, as a new file is.
        let stamp = self.reg(|r| r.adjust_stamp())?;
        let mut key = (year, current.iter().map(|s| s.id).collect::<Vec<_>>());
        key.1.push(-1 - stamp);
        if let Some(c) = self.cache.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok((current, c));
        }
        let adjust = self.reg(|r| super::corrections::adjustments(r, &current))?;
        let c = check::check_year(&self.ws, &self.config, self.limits, year, &current, &adjust)?;
        if let Ok(mut m) = self.cache.lock() {
            // One check a year: an older set of files is not asked again.
            m.retain(|(y, _), _| *y != year);
            m.insert(key, c.clone());
        }
        Ok((current, c))
    }

    /// Keeps `results` as `session`'s latest upload.
    pub fn keep_batch(&self, session: &str, results: Vec<Received>) {
        keep_for_session(&self.batches, session, results);
    }

    /// Keeps the token of the link `session` just made, to be shown once.
    pub fn keep_new_link(&self, session: &str, token: String) {
        keep_for_session(&self.new_links, session, token);
    }

    /// The token of the link `session` just made, forgotten once taken.
    pub fn take_new_link(&self, session: &str) -> Option<String> {
        self.new_links.lock().ok()?.remove(session)
    }

    /// `session`'s latest upload's results (none if the server restarted).
    pub fn batch(&self, session: &str) -> Vec<Received> {
        self.batches
            .lock()
            .ok()
            .and_then(|m| m.get(session).cloned())
            .unwrap_or_default()
    }

    /// The year a page shows when none is asked: the newest with files,
    /// else the previous calendar year (an annual report is made after
    /// its year has ended).
    pub fn default_year(&self) -> i32 {
        self.reg(|r| r.years())
            .ok()
            .and_then(|y| y.first().copied())
            .unwrap_or_else(|| security::now()[..4].parse().map_or(2021, |y: i32| y - 1))
    }
}

/// Keeps `value` for `session` in `map`, bounded as the sessions are: the
/// oldest are not told apart, all go when too many are kept.
fn keep_for_session<T>(map: &Mutex<HashMap<String, T>>, session: &str, value: T) {
    if let Ok(mut m) = map.lock() {
        if m.len() >= 10_000 {
            m.clear();
        }
        m.insert(session.to_string(), value);
    }
}

/// What [`guard`] found out about a request, for the handlers.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The page language.
    pub lang: Lang,
    /// The session's CSRF token.
    pub csrf: String,
    /// The session's id.
    pub session: String,
    /// Signed in (or no sign-in needed).
    pub admin: bool,
    /// Whether sign-in is needed at all.
    pub login_needed: bool,
    /// The year the request looks at (`?year=`), kept by the menu's links.
    pub year: Option<i32>,
    /// The token of the department's upload link the request came by
    /// (`/d/<token>/…`): its pages show the department's menu only.
    pub link: Option<String>,
}

/// The app: every route, behind [`guard`] and the body cap.
pub fn router(state: State) -> Router {
    let limit = state.max_upload_bytes;
    Router::new()
        .route("/", get(dashboard))
        .route("/upload", get(upload_page).post(upload))
        .route("/findings", get(findings))
        .route("/build", get(build_page).post(build))
        .route("/builds/{id}/{kind}", get(download))
        .route("/templates", get(templates))
        .route("/templates/{code}", get(template))
        .route(
            "/links",
            get(super::links::links_page).post(super::links::create_link),
        )
        .route("/links/revoke", post(super::links::revoke_link))
        .route("/d/{token}", get(super::links::department_page))
        .route("/d/{token}/upload", post(super::links::department_upload))
        .route("/history", get(super::history::history_page))
        .route("/files/{id}", get(super::history::download_submission))
        .route(
            "/d/{token}/history",
            get(super::history::department_history),
        )
        .route(
            "/d/{token}/files/{id}",
            get(super::history::department_file),
        )
        .route("/submissions/{id}", get(super::fix_page::show))
        .route("/submissions/{id}/columns", post(super::columns::save))
        .route(
            "/submissions/{id}/withdraw",
            post(super::withdraw::withdraw),
        )
        .route(
            "/submissions/{id}/correct",
            post(super::corrections::correct),
        )
        .route(
            "/submissions/{id}/annotated",
            get(super::annotated::download),
        )
        .route(
            "/d/{token}/submissions/{id}",
            get(super::fix_page::show_by_link),
        )
        .route(
            "/d/{token}/submissions/{id}/annotated",
            get(super::annotated::download_by_link),
        )
        .route(
            "/d/{token}/submissions/{id}/columns",
            post(super::columns::save_by_link),
        )
        .route(
            "/d/{token}/submissions/{id}/correct",
            post(super::corrections::correct_by_link),
        )
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/assets/upload.js", get(script))
        .route("/assets/style.css", get(style))
        .fallback(not_found)
        .method_not_allowed_fallback(wrong_method)
        .layer(DefaultBodyLimit::max(limit))
        .layer(from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// `?year=` of a request, for [`Ctx::year`].
fn year_asked(query: Option<&str>) -> Result<Option<i32>, String> {
    let mut given = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|kv| kv.strip_prefix("year="));
    let Some(first) = given.next() else {
        return Ok(None);
    };
    // Two years asked (`?year=2021&year=2020`): neither is taken.
    if let Some(second) = given.next() {
        return Err(format!("{first}, {second}"));
    }
    form_year(first).map(Some).ok_or_else(|| first.to_string())
}

/// A year as typed in a form or an address, if it is one of [`YEARS`].
pub(super) fn form_year(given: &str) -> Option<i32> {
    given.trim().parse().ok().filter(|y| YEARS.contains(y))
}

/// The years the app works on. A template is for the year after the one
/// looked at, so the last is one short of four digits' end.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9998;

/// The page refusing a year that is not a number in [`YEARS`] (400).
pub(super) fn bad_year(state: &Shared, lang: Lang, given: &str) -> Response {
    state.refuse("bad-year", given);
    let m = Message::new("web-refused-year")
        .arg("year", given)
        .arg("first", YEARS.start().to_string())
        .arg("last", YEARS.end().to_string());
    (
        StatusCode::BAD_REQUEST,
        pages::refused_text(lang, &render(lang, &m)),
    )
        .into_response()
}

/// The language: `?lang=` (kept in a cookie), the cookie, the browser's
/// Accept-Language, else Finnish.
fn language(query: Option<&str>, headers: &HeaderMap) -> (Lang, bool) {
    let asked = query.and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
            .and_then(Lang::parse)
    });
    if let Some(l) = asked {
        return (l, true);
    }
    let cookies = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(l) = security::cookie(cookies, LANG_COOKIE).and_then(Lang::parse) {
        return (l, false);
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // The first listed of ours; quality values are in practice in order.
    let l = accept
        .split(',')
        .filter_map(|part| {
            let tag = part.split(';').next()?.trim();
            Lang::parse(tag.split('-').next()?)
        })
        .next()
        .unwrap_or_default();
    (l, false)
}

/// Every request: the session, the language, the sign-in, the headers.
async fn guard(
    axum::extract::State(state): axum::extract::State<State>,
    mut req: Request,
    next: Next,
) -> Response {
    let (lang, set_lang) = language(req.uri().query(), req.headers());
    let cookies = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let login_needed = state.password.is_some();
    let found = security::cookie(&cookies, SESSION_COOKIE)
        .and_then(|id| state.sessions.get(id).map(|s| (id.to_string(), s)));
    let (session, s, new_cookie) = match found {
        Some((id, s)) => (id, s, false),
        None => {
            let (id, s) = state.sessions.create(!login_needed);
            (id, s, true)
        }
    };
    let path = req.uri().path().to_string();
    // A department's upload link is its own credential (`super::links`).
    let open = path == "/login" || path.starts_with("/assets/") || path.starts_with("/d/");
    let mut resp = if login_needed && !s.admin && !open {
        if req.method() == Method::GET {
            Redirect::to("/login").into_response()
        } else {
            state.refuse("not-signed-in", &path);
            (
                StatusCode::FORBIDDEN,
                pages::refused(lang, "web-refused-sign-in"),
            )
                .into_response()
        }
    } else if let Err(given) = year_asked(req.uri().query()) {
        // Percent-encoded as sent; shown escaped, never as markup.
        bad_year(&state, lang, &given)
    } else {
        let year = year_asked(req.uri().query()).ok().flatten();
        let link = path
            .strip_prefix("/d/")
            .map(|rest| rest.split('/').next().unwrap_or("").to_string());
        req.extensions_mut().insert(Ctx {
            link,
            lang,
            csrf: s.csrf.clone(),
            session: session.clone(),
            admin: s.admin,
            login_needed,
            year,
        });
        let method = req.method().clone();
        match utf8_form(&state, lang, req).await {
            Ok(req) => rejection_page(&state, lang, (&method, &path), next.run(req).await),
            Err(refused) => refused,
        }
    };
    let h = resp.headers_mut();
    if new_cookie && let Ok(v) = HeaderValue::from_str(&security::session_cookie(&session)) {
        h.append(header::SET_COOKIE, v);
    }
    if set_lang {
        let c = format!("{LANG_COOKIE}={}; Path=/; SameSite=Strict", lang.code());
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    security_headers(h);
    resp
}

/// The security headers every response carries.
fn security_headers(h: &mut HeaderMap) {
    // A handler's own policy stays (the report shown in the browser).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// The request, its form body (`application/x-www-form-urlencoded`)
/// checked to decode to UTF-8: a form's parser would put U+FFFD in place
/// of a broken byte in silence, and a stored value must be what was sent.
/// Else the refusal's page, logged.
async fn utf8_form(state: &Shared, lang: Lang, req: Request) -> Result<Request, Response> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok(req);
    }
    let (parts, body) = req.into_parts();
    let refuse = |what: &'static str, status: StatusCode| {
        state.refuse(what, parts.uri.path());
        (status, pages::refused(lang, "web-refused-bad-form")).into_response()
    };
    let Ok(bytes) = axum::body::to_bytes(body, state.max_upload_bytes).await else {
        return Err(refuse("too-large", StatusCode::PAYLOAD_TOO_LARGE));
    };
    if !form_is_utf8(&bytes) {
        return Err(refuse("bad-form", StatusCode::BAD_REQUEST));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Whether every name and value of a URL-encoded form decodes to UTF-8.
fn form_is_utf8(body: &[u8]) -> bool {
    let hex = |b: u8| (b as char).to_digit(16);
    body.split(|&b| b == b'&')
        .flat_map(|pair| pair.split(|&b| b == b'='))
        .all(|part| {
            let mut out = Vec::with_capacity(part.len());
            let mut i = 0;
            while let Some(&b) = part.get(i) {
                let pair = (part.get(i + 1).copied(), part.get(i + 2).copied());
                match (b, pair) {
                    (b'%', (Some(h), Some(l))) if hex(h).is_some() && hex(l).is_some() => {
                        let v = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                        out.push(u8::try_from(v).unwrap_or(0));
                        i += 3;
                    }
                    _ => {
                        out.push(b);
                        i += 1;
                    }
                }
            }
            std::str::from_utf8(&out).is_ok()
        })
}

/// An extractor's rejection (axum's own English plain text: a path that
/// does not parse, a form that does not deserialise, a body of the wrong
/// type) as the app's own page, logged: a path's is not found (through a
/// link, an unknown link), a form's is refused.
fn rejection_page(
    state: &Shared,
    lang: Lang,
    (method, path): (&Method, &str),
    resp: Response,
) -> Response {
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let status = resp.status();
    let rejected = [
        StatusCode::BAD_REQUEST,
        StatusCode::UNPROCESSABLE_ENTITY,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    ];
    if !plain || !rejected.contains(&status) {
        return resp;
    }
    if method == Method::GET || method == Method::HEAD {
        let what = if path.starts_with("/d/") {
            "unknown-link"
        } else {
            "bad-path"
        };
        state.refuse(what, path);
        return (StatusCode::NOT_FOUND, pages::not_found(lang)).into_response();
    }
    state.refuse("bad-form", path);
    (status, pages::refused(lang, "web-refused-bad-form")).into_response()
}

/// Whether a form's CSRF token is the session's; logs a refusal if not.
pub(super) fn csrf_ok(state: &Shared, ctx: &Ctx, given: Option<&str>, path: &str) -> bool {
    let ok = given.is_some_and(|g| security::same_token(g, &ctx.csrf));
    if !ok {
        state.refuse("csrf", path);
    }
    ok
}

pub(super) fn html(m: Markup) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        m.into_string(),
    )
        .into_response()
}

/// A page's error: the sentence in the page, status 500, logged.
pub(super) fn failed(state: &Shared, ctx: &Ctx, e: &WebError) -> Response {
    eprintln!("kooste: {}", e.message(state.log_lang));
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        pages::failure(ctx, &e.message(ctx.lang)),
    )
        .into_response()
}

/// `?year=` of a page.
#[derive(Deserialize, Default)]
pub struct YearQuery {
    /// The year asked for.
    pub year: Option<i32>,
    /// The submission just withdrawn (the dashboard says so); as given,
    /// a value that is no number is ignored.
    pub withdrawn: Option<String>,
}

pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

async fn dashboard(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<YearQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let st = state.clone();
    match blocking(move || st.checked(year)).await {
        Some(Ok((current, checked))) => {
            let years = state.reg(|r| r.years()).unwrap_or_default();
            // Said only of a file of this year that is withdrawn: the
            // address alone proves nothing.
            let asked = q.withdrawn.as_deref().and_then(|w| w.parse::<i64>().ok());
            let withdrawn = asked.and_then(|id| {
                let gone = state.reg(|r| r.withdrawn()).ok()?.iter().any(|w| w.0 == id);
                let s = state.reg(|r| r.submission(id)).ok().flatten()?;
                (gone && s.year == year).then_some(s)
            });
            html(pages::dashboard(
                &ctx,
                &state.config,
                (year, &years),
                &current,
                &checked,
                withdrawn.as_ref(),
            ))
        }
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The findings table's filters and order (query parameters).
#[derive(Deserialize, Default, Debug)]
pub struct FindingsQuery {
    /// The year.
    pub year: Option<i32>,
    /// `error` or `warning`.
    pub severity: Option<String>,
    /// A finding code.
    pub code: Option<String>,
    /// A department code.
    pub department: Option<String>,
    /// `file` (default), `severity`, `code` or `department`.
    pub sort: Option<String>,
}

async fn findings(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<FindingsQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let st = state.clone();
    match blocking(move || st.checked(year)).await {
        Some(Ok((_, checked))) => html(pages::findings(&ctx, &state.config, year, &checked, &q)),
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `?year=&received=` of the upload page: `received` is set by the
/// upload's redirect, to show the session's latest upload's results.
#[derive(Deserialize, Default)]
pub struct UploadQuery {
    /// The year asked for.
    pub year: Option<i32>,
    /// Set after an upload.
    pub received: Option<String>,
    /// Set after an upload that held no file.
    pub nothing: Option<String>,
}

async fn upload_page(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<UploadQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let results = match q.received {
        Some(_) => state.batch(&ctx.session),
        None => Vec::new(),
    };
    let nothing = q.nothing.is_some();
    html(pages::upload(
        &ctx,
        &state.config,
        year,
        (&results, nothing),
    ))
}

/// One file's fate in an upload, for the page that answers it.
#[derive(Debug, Clone)]
pub enum Received {
    /// Stored and registered: the sent name, the department (`""` when
    /// unknown), (errors, warnings), the department whose remembered
    /// column choices made it readable when its department was detected
    /// through them.
    Stored(String, String, (usize, usize), Option<String>),
    /// The same bytes as the department's current file, which stays
    /// current (no second register row): the sent name, the department,
    /// and the current file's sent name and receipt time (UTC, RFC 3339).
    Same(String, String, String, String),
    /// Refused: the sent name and why (a message id).
    Refused(String, &'static str),
    /// Refused: the sent name, the department chosen in the form and the
    /// one the file's rows name.
    Mismatch(String, String, String),
    /// Refused: the sent name and the departments its rows name (more
    /// than one, comma-separated).
    Several(String, String),
    /// Refused as it cannot be read at all (not a workbook, empty,
    /// encrypted, too large, an unknown encoding, kooste's own output):
    /// the sent name and the finding that says why, with its hint.
    Unreadable(String, Message, Option<Message>),
}

/// The findings that refuse a file at receipt: nothing in it can be read,
/// matched or corrected, so registered it would only replace the
/// department's current file with nothing (and keep the year a draft).
const UNREADABLE: [crate::model::finding::Code; 5] = {
    use crate::model::finding::Code;
    [
        Code::UnreadableFile,
        Code::EncryptedFile,
        Code::TooLarge,
        Code::UnknownEncoding,
        Code::OwnOutput,
    ]
};

/// `POST /upload`: multipart with `csrf` first, then `year`, `department`
/// (optional), then one or more `files`. Answers 303 See Other to the
/// upload page with the results (POST/redirect/GET: Back or Reload never
/// send the files again).
async fn upload(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    form: Multipart,
) -> Response {
    match read_upload(&state, &ctx, form, None).await {
        // No file chosen: said so, rather than an empty list of results.
        Ok((year, results)) if results.is_empty() => {
            Redirect::to(&format!("/upload?year={year}&nothing=1")).into_response()
        }
        Ok((year, results)) => {
            state.keep_batch(&ctx.session, results);
            Redirect::to(&format!("/upload?year={year}&received=1")).into_response()
        }
        Err(refused) => refused,
    }
}

/// Reads an upload form and receives its files; `link` (a department's
/// upload link: its department and year) overrides the form's choices and
/// refuses a file whose rows name another department. Returns the year
/// and each file's fate, or the refusal's response.
pub(super) async fn read_upload(
    state: &State,
    ctx: &Ctx,
    mut form: Multipart,
    link: Option<(String, i32)>,
) -> Result<(i32, Vec<Received>), Response> {
    let forbidden = || {
        (
            StatusCode::FORBIDDEN,
            pages::refused(ctx.lang, "web-refused-csrf"),
        )
            .into_response()
    };
    let mut csrf: Option<String> = None;
    let mut year: Option<i32> = link.as_ref().map(|l| l.1);
    let mut department = String::new();
    let mut results = Vec::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(upload_error(state, ctx, e.status(), &e.body_text())),
        };
        let name = field.name().unwrap_or("").to_string();
        if name != "csrf" && !csrf_ok(state, ctx, csrf.as_deref(), "/upload") {
            return Err(forbidden());
        }
        let sent = field.file_name().map(store::display_name);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return Err(upload_error(state, ctx, e.status(), &e.body_text())),
        };
        match (name.as_str(), &link) {
            ("csrf", _) => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
            ("year", None) => {
                let given = String::from_utf8_lossy(&bytes).trim().to_string();
                match form_year(&given) {
                    Some(y) => year = Some(y),
                    // Never another year in silence: the form is refused.
                    None => return Err(bad_year(state, ctx.lang, &given)),
                }
            }
            ("department", None) => {
                department = String::from_utf8_lossy(&bytes).trim().to_string();
                // Empty is "recognise from the file"; any other must be
                // one of the programme's, never read as empty in silence.
                let known = |c: &str| {
                    state
                        .config
                        .departments
                        .iter()
                        .any(|d| d.code.get_ref() == c)
                };
                if !department.is_empty() && !known(&department) {
                    state.refuse("bad-form", "/upload department");
                    let page = pages::refused(ctx.lang, "web-refused-bad-form");
                    return Err((StatusCode::BAD_REQUEST, page).into_response());
                }
            }
            ("files", _) => {
                let Some(sent) = sent else { continue };
                if bytes.is_empty() && sent == "?" {
                    continue; // the file input left empty
                }
                let year = year.unwrap_or_else(|| state.default_year());
                let st = state.clone();
                let (dept, only) = match &link {
                    Some((d, _)) => (d.clone(), true),
                    None => (department.clone(), false),
                };
                let r = blocking(move || receive(&st, year, &sent, &dept, only, &bytes)).await;
                match r {
                    Some(Ok(r)) => results.push(r),
                    Some(Err(e)) => return Err(failed(state, ctx, &e)),
                    None => return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
                }
            }
            _ => {}
        }
    }
    if csrf.is_none() {
        state.refuse("csrf", "/upload");
        return Err(forbidden());
    }
    Ok((year.unwrap_or_else(|| state.default_year()), results))
}

fn upload_error(state: &Shared, ctx: &Ctx, status: StatusCode, detail: &str) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        state.refuse("too-large", detail);
        let m = Message::new("web-refused-too-large")
            .count("megabytes", (state.max_upload_bytes >> 20) as i64);
        return (status, pages::refused_text(ctx.lang, &render(ctx.lang, &m))).into_response();
    }
    state.refuse("bad-upload", detail);
    (status, pages::refused(ctx.lang, "web-refused-bad-upload")).into_response()
}

/// Stores and registers one sent file (blocking: reads and checks it).
/// `only`: the file must be of `department` (a department's upload link).
fn receive(
    state: &Shared,
    year: i32,
    sent: &str,
    department: &str,
    only: bool,
    bytes: &[u8],
) -> Result<Received, WebError> {
    let Some(ext) = store::extension(sent) else {
        state.refuse("file-type", sent);
        return Ok(Received::Refused(sent.into(), "web-refused-file-type"));
    };
    let chosen = state
        .config
        .departments
        .iter()
        .map(|d| d.code.get_ref().clone())
        .find(|c| c == department);
    // Checked before it is stored: a refused file must not stay in the
    // store without a register row naming it.
    let (named, findings, via) = receipt_check(state, year, bytes, (sent, ext), chosen.as_deref())?;
    if let Some(f) = findings
        .iter()
        .find(|f| f.sheet.is_none() && UNREADABLE.contains(&f.code))
    {
        state.refuse("unreadable", &format!("{sent}: {}", f.code.as_str()));
        let why = (f.message.clone(), f.hint.clone());
        return Ok(Received::Unreadable(sent.into(), why.0, why.1));
    }
    if only && another_departments(state, year, bytes, (sent, ext), department, &named)? {
        state.refuse("other-department", &format!("{department}: {sent}"));
        return Ok(Received::Refused(
            sent.into(),
            "web-refused-other-department",
        ));
    }
    // A department chosen in the form that the file's rows contradict is
    // not overridden in silence: the file is refused, both named.
    if let Some(c) = chosen.as_ref().filter(|_| !only)
        && let Some(other) = named.iter().find(|d| *d != c)
    {
        state.refuse("department-mismatch", &format!("{c}: {sent}"));
        return Ok(Received::Mismatch(sent.into(), c.clone(), other.clone()));
    }
    // Rows of several departments: a file is one department's, and a
    // build never takes a department's rows from another's file.
    if named.len() > 1 {
        state.refuse(
            "several-departments",
            &format!("{}: {sent}", named.join(", ")),
        );
        return Ok(Received::Several(sent.into(), named.join(", ")));
    }
    // The file's own rows decide; the form's choice where it names none.
    let dept = named.into_iter().next().or(chosen).unwrap_or_default();
    let sha = state.ws.put(bytes)?;
    // The same bytes as the department's current file: nothing new to
    // register (a second row would read as a new version in the history).
    let current = state.reg(|r| r.current(year))?;
    if let Some(same) = current
        .iter()
        .find(|s| s.sha256 == sha && s.department == dept)
    {
        return Ok(Received::Same(
            sent.into(),
            dept,
            same.original_name.clone(),
            same.received_at.clone(),
        ));
    }
    let mut row = SubmissionRow {
        id: 0,
        department: dept.clone(),
        year,
        original_name: sent.into(),
        extension: ext.into(),
        size: bytes.len() as i64,
        sha256: sha,
        received_at: security::now(),
        received_by: "admin".into(),
        findings: String::new(),
    };
    row.findings = check::findings_json(&findings, &row);
    state.reg(|r| r.add_submission(&row))?;
    let errors = findings
        .iter()
        .filter(|f| f.severity == crate::Severity::Error)
        .count();
    Ok(Received::Stored(
        sent.into(),
        dept,
        (errors, findings.len() - errors),
        via,
    ))
}

/// Whether a file sent through `department`'s link is another's: any row
/// naming another department (not only most of them), or, unreadable as
/// it is, read by another department's remembered column choices.
fn another_departments(
    state: &Shared,
    year: i32,
    bytes: &[u8],
    sent: (&str, &str),
    department: &str,
    named: &[String],
) -> Result<bool, WebError> {
    if !named.is_empty() {
        return Ok(named.iter().any(|f| f != department));
    }
    use sha2::Digest;
    let sha = store::hex(&sha2::Sha256::digest(bytes));
    let by = by_remembered(state, year, bytes, sent, &sha)?.and_then(|r| r.2);
    Ok(by.is_some_and(|d| d != department))
}

/// A sent file read at receipt: the departments its rows name (most
/// first), its findings, and the department whose remembered column
/// choices made it readable, if they were needed.
type Receipt = (Vec<String>, Vec<crate::Finding>, Option<String>);

/// Reads and checks a sent file before it is stored (see
/// [`check::receive`]), with the department's matched columns and the
/// corrections made on the same bytes of that department: the one chosen
/// (or the link's), else the one its rows name, so that the same file
/// sent again is received as it is then read, its corrections kept.
fn receipt_check(
    state: &Shared,
    year: i32,
    bytes: &[u8],
    sent: (&str, &str),
    chosen: Option<&str>,
) -> Result<Receipt, WebError> {
    use sha2::Digest;
    let sha = store::hex(&sha2::Sha256::digest(bytes));
    let adjust = |d: &str| state.reg(|r| super::corrections::file_adjustments(r, &sha, d));
    let first = match chosen {
        Some(d) => adjust(d)?,
        None => crate::reading::Adjustments::default(),
    };
    let (ws, config, limits) = (&state.ws, &state.config, state.limits);
    let (found, findings) = check::receive(ws, config, limits, year, bytes, sent, first)?;
    if chosen.is_some() {
        return Ok((found, findings, None));
    }
    if let Some(d) = found.first() {
        let again = adjust(d)?;
        if !again.corrections.is_empty() {
            let (f, fs) = check::receive(ws, config, limits, year, bytes, sent, again)?;
            return Ok((f, fs, None));
        }
        return Ok((found, findings, None));
    }
    match by_remembered(state, year, bytes, sent, &sha)? {
        Some(read) => Ok(read),
        None => Ok((found, findings, None)),
    }
}

/// A file unreadable as it is, read with each department's remembered
/// column choices (its own wording): the first that reads it with rows
/// of that department only, and whose choices they were.
fn by_remembered(
    state: &Shared,
    year: i32,
    bytes: &[u8],
    sent: (&str, &str),
    sha: &str,
) -> Result<Option<Receipt>, WebError> {
    let (ws, config, limits) = (&state.ws, &state.config, state.limits);
    for d in config.departments.iter().map(|d| d.code.get_ref()) {
        let a = state.reg(|r| super::corrections::file_adjustments(r, sha, d))?;
        if a.headers.is_empty() {
            continue;
        }
        let (f, fs) = check::receive(ws, config, limits, year, bytes, sent, a)?;
        // Its measure sheet found with these choices, and no row naming
        // another department (a row with an error names none: a typo in
        // one cell does not make the wording another department's).
        let sheet = !fs
            .iter()
            .any(|x| x.code == crate::model::finding::Code::NoMeasureSheet);
        if sheet && f.iter().all(|x| x == d) {
            return Ok(Some((vec![d.clone()], fs, Some(d.clone()))));
        }
    }
    Ok(None)
}

/// `GET /build[?year=&built=&nothing=]`: the year's builds; after a
/// build, the redirect from its form names the new build (`built`,
/// highlighted) or says there was nothing to build.
#[derive(Deserialize, Default)]
pub struct BuildQuery {
    /// The year asked for.
    pub year: Option<i32>,
    /// The build just made.
    pub built: Option<i64>,
    /// Set when the year had nothing to build.
    pub nothing: Option<String>,
}

async fn build_page(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<BuildQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let years = state.reg(|r| r.years()).unwrap_or_default();
    match state.reg(|r| r.builds(year)) {
        Ok(builds) => {
            // "Built" only of a build of this year: the address alone
            // proves nothing.
            let built = q.built.filter(|id| builds.iter().any(|b| b.id == *id));
            let note = match (built, &q.nothing) {
                (Some(_), _) => Some("web-build-done"),
                (None, Some(_)) => Some("web-build-nothing"),
                (None, None) => None,
            };
            html(pages::build(&ctx, (year, &years), &builds, (note, built)))
        }
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// The build form.
#[derive(Deserialize)]
pub struct BuildForm {
    csrf: Option<String>,
    /// As typed: a year that is not one is refused by name.
    year: String,
    /// The outputs' language (`fi`, `sv`, `en`); the page's if none.
    lang: Option<String>,
}

/// `POST /build`: builds, then answers 303 See Other to the build page
/// (POST/redirect/GET), so that Back from the report or a reload shows
/// the list again instead of offering to send the form (and build) again.
async fn build(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<BuildForm>,
) -> Response {
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/build") {
        return (
            StatusCode::FORBIDDEN,
            pages::refused(ctx.lang, "web-refused-csrf"),
        )
            .into_response();
    }
    let year = match form_year(&f.year) {
        Some(y) => y,
        None => return bad_year(&state, ctx.lang, &f.year),
    };
    let lang = match f.lang.as_deref().filter(|c| !c.is_empty()) {
        None => ctx.lang,
        Some(code) => match Lang::parse(code) {
            Some(l) => l,
            None => {
                state.refuse("bad-form", "/build lang");
                return (
                    StatusCode::BAD_REQUEST,
                    pages::refused(ctx.lang, "web-refused-bad-form"),
                )
                    .into_response();
            }
        },
    };
    let st = state.clone();
    let done = blocking(move || {
        let done = build_year(&st, year, lang);
        // The build's blocks are freed: an idle server gives them back.
        crate::memory::give_back_freed_memory();
        done
    })
    .await;
    match done {
        Some(Ok(Some(id))) => {
            Redirect::to(&format!("/build?year={year}&built={id}")).into_response()
        }
        Some(Ok(None)) => Redirect::to(&format!("/build?year={year}&nothing=1")).into_response(),
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Builds `year` (a draft while errors remain) and registers it.
fn build_year(state: &Shared, year: i32, lang: Lang) -> Result<Option<i64>, WebError> {
    let (mut current, checked) = state.checked(year)?;
    // Defence in depth: never a department's rows from another's file.
    let foreign = state.reg(|r| r.foreign())?;
    current.retain(|s| !checked.foreign.contains(&s.id) && !foreign.contains(&s.id));
    let draft = checked.findings.iter().any(|f| f.is_error());
    let adjust = state.reg(|r| super::corrections::adjustments(r, &current))?;
    let Some((scratch, outputs)) = check::build_year(
        &state.ws,
        &state.config,
        state.limits,
        year,
        &current,
        &adjust,
        draft,
        lang,
    )?
    else {
        return Ok(None);
    };
    let inputs: Vec<i64> = current.iter().map(|s| s.id).collect();
    let options = serde_json::json!({ "draft": draft, "lang": lang.code() });
    let id = state.reg(|r| {
        r.add_build(
            year,
            &security::now(),
            "admin",
            draft,
            &serde_json::to_string(&inputs).unwrap_or_default(),
            &options.to_string(),
            &serde_json::to_string(&outputs).unwrap_or_default(),
        )
    })?;
    let dir = state.ws.build_dir(id);
    let from = scratch.dir.join("out");
    std::fs::rename(&from, &dir).map_err(|e| WebError::io(&dir, e))?;
    Ok(Some(id))
}

/// `?inline=1` shows the report in the browser instead of downloading it.
#[derive(Deserialize, Default)]
pub struct InlineQuery {
    inline: Option<String>,
}

async fn download(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path((id, kind)): Path<(i64, String)>,
    Query(q): Query<InlineQuery>,
) -> Response {
    let Ok(Some(b)) = state.reg(|r| r.build(id)) else {
        return not_found(Extension(ctx)).await;
    };
    let outputs: Vec<Output> = serde_json::from_str(&b.outputs).unwrap_or_default();
    // The name comes from the register, never from the request.
    let Some(o) = outputs.iter().find(|o| o.kind == kind) else {
        return not_found(Extension(ctx)).await;
    };
    let path = state.ws.build_dir(id).join(&o.name);
    let Ok(bytes) = std::fs::read(&path) else {
        return failed(
            &state,
            &ctx,
            &WebError::io(&path, std::io::ErrorKind::NotFound.into()),
        );
    };
    let (mime, inline) = match kind.as_str() {
        "report" => ("application/pdf", q.inline.is_some()),
        _ => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            false,
        ),
    };
    let shown = download_name(&o.name, &b.lang);
    let disposition = format!(
        "{}; filename=\"{}\"",
        if inline { "inline" } else { "attachment" },
        shown
    );
    let mut resp = file_response(mime, &disposition, bytes);
    if inline {
        // Browsers show a PDF with a built-in viewer that the pages'
        // `default-src 'none'` (hence `object-src 'none'`) can block; the
        // report is still never framed by another site.
        resp.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        );
    }
    resp
}

/// The name a build's output is downloaded under: the report's named in
/// its own language (`arsrapport_2021.pdf` for a Swedish one), so that
/// builds in two languages are told apart among the downloads; the
/// stored name otherwise.
pub(super) fn download_name(stored: &str, lang: &str) -> String {
    let prefix = match lang {
        "sv" => "arsrapport",
        "en" => "annual_report",
        _ => return stored.to_string(),
    };
    match stored.strip_prefix("vuosiraportti") {
        Some(rest) => format!("{prefix}{rest}"),
        None => stored.to_string(),
    }
}

fn file_response(mime: &'static str, disposition: &str, bytes: Vec<u8>) -> Response {
    let mut resp = Response::new(Body::from(bytes));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

async fn templates(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<YearQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let from = prefill_build(&state, year);
    html(pages::templates(&ctx, &state.config, year, from.as_ref()))
}

/// The build a year's templates are prefilled from: its newest final
/// (not draft) build, if any.
fn prefill_build(state: &Shared, year: i32) -> Option<super::register::BuildRow> {
    state
        .reg(|r| r.builds(year))
        .ok()
        .and_then(|b| b.into_iter().find(|b| !b.draft))
}

async fn template(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> Response {
    let year = q.year.unwrap_or_else(|| state.default_year());
    let Some(code) = state
        .config
        .departments
        .iter()
        .map(|d| d.code.get_ref().clone())
        .find(|c| *c == code)
    else {
        return not_found(Extension(ctx)).await;
    };
    if !state.config.is_programme_year(year + 1) {
        state.refuse("template-year", &(year + 1).to_string());
        let m = Message::new("web-templates-outside")
            .arg("year", (year + 1).to_string())
            .arg(
                "first",
                state.config.programme.first_year.get_ref().to_string(),
            )
            .arg(
                "last",
                state.config.programme.last_year.get_ref().to_string(),
            );
        return (
            StatusCode::NOT_FOUND,
            pages::refused_text(ctx.lang, &render(ctx.lang, &m)),
        )
            .into_response();
    }
    let from = prefill_build(&state, year).and_then(|b| {
        let outputs: Vec<Output> = serde_json::from_str(&b.outputs).ok()?;
        let o = outputs.into_iter().find(|o| o.kind == "workbook")?;
        Some(state.ws.build_dir(b.id).join(o.name))
    });
    let st = state.clone();
    let lang = ctx.lang;
    let c = code.clone();
    let r = blocking(move || {
        check::template_bytes(&st.ws, &st.config, st.limits, &c, year + 1, from, lang)
    })
    .await;
    match r {
        Some(Ok(bytes)) => {
            let name = format!(
                "{}_{}.xlsx",
                crate::commands::template::file_stem(&code),
                year + 1
            );
            file_response(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("attachment; filename=\"{name}\""),
                bytes,
            )
        }
        Some(Err(e)) => failed(&state, &ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `?wrong=` of the sign-in page, set by a wrong password's redirect.
#[derive(Deserialize, Default)]
pub struct LoginQuery {
    wrong: Option<String>,
}

async fn login_page(Extension(ctx): Extension<Ctx>, Query(q): Query<LoginQuery>) -> Response {
    html(pages::login(&ctx, q.wrong.is_some()))
}

impl Shared {
    /// Whether sign-in from `ip` is refused now for too many recent wrong
    /// passwords from it ([`security::LOGIN_LIMIT`]).
    fn login_throttled(&self, ip: std::net::IpAddr) -> bool {
        let now = std::time::Instant::now();
        self.login_failures
            .lock()
            .map_or(true, |mut g| g.throttled(ip, now))
    }

    /// Counts a wrong password from `ip`.
    fn login_failed(&self, ip: std::net::IpAddr) {
        if let Ok(mut g) = self.login_failures.lock() {
            g.failed(ip, std::time::Instant::now());
        }
    }
}

/// The sign-in form.
#[derive(Deserialize)]
pub struct LoginForm {
    csrf: Option<String>,
    password: String,
}

async fn login(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    peer: Option<Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    Form(f): Form<LoginForm>,
) -> Response {
    let ip = peer.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.0.0.ip());
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/login") {
        return (
            StatusCode::FORBIDDEN,
            pages::refused(ctx.lang, "web-refused-csrf"),
        )
            .into_response();
    }
    let Some(hash) = state.password.clone() else {
        return Redirect::to("/").into_response();
    };
    if state.login_throttled(ip) {
        state.refuse("login-throttled", "/login");
        return (
            StatusCode::TOO_MANY_REQUESTS,
            pages::refused(ctx.lang, "web-login-throttled"),
        )
            .into_response();
    }
    let ok = blocking(move || security::verify_password(&f.password, &hash))
        .await
        .unwrap_or(false);
    if !ok {
        state.login_failed(ip);
        state.refuse("wrong-password", "/login");
        // POST/redirect/GET: a reload does not send the password again.
        return Redirect::to("/login?wrong=1").into_response();
    }
    // A new session id at sign-in (no fixation of the anonymous one).
    state.sessions.remove(&ctx.session);
    let (id, _) = state.sessions.create(true);
    let mut resp = Redirect::to("/").into_response();
    if let Ok(v) = HeaderValue::from_str(&security::session_cookie(&id)) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// The sign-out form.
#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: Option<String>,
}

async fn logout(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<CsrfForm>,
) -> Response {
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/logout") {
        return (
            StatusCode::FORBIDDEN,
            pages::refused(ctx.lang, "web-refused-csrf"),
        )
            .into_response();
    }
    state.sessions.remove(&ctx.session);
    Redirect::to("/login").into_response()
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        include_str!("assets/upload.js"),
    )
        .into_response()
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        include_str!("assets/style.css"),
    )
        .into_response()
}

/// A known address asked with a method it does not take (a form's
/// address opened as a page): 405 with a page saying so, not an empty body.
async fn wrong_method(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    method: Method,
    uri: axum::http::Uri,
) -> Response {
    state.refuse("wrong-method", &format!("{method} {}", uri.path()));
    (
        StatusCode::METHOD_NOT_ALLOWED,
        pages::refused(ctx.lang, "web-refused-method"),
    )
        .into_response()
}

pub(super) async fn not_found(Extension(ctx): Extension<Ctx>) -> Response {
    (StatusCode::NOT_FOUND, pages::not_found(ctx.lang)).into_response()
}
