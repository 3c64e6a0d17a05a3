//! The departments' upload links (issue 23): the administrator makes a
//! link for one department and year (`/d/<token>`, a random 256-bit
//! token); whoever has it can upload that department's files for that year
//! and see that department's findings, nothing else. The register keeps
//! only the token's SHA-256, so a copy of the register opens no link.

use axum::extract::{Extension, Form, Multipart, Path, Query};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::check::WebFinding;
use super::corrections::refused_csrf;
use super::pages::{findings_table, page, results_list};
use super::register::LinkRow;
use super::routes::{
    Ctx, Received, State, blocking, csrf_ok, failed, html, not_found, read_upload,
};
use super::security;
use super::store::hex;
use crate::i18n::{render, text};
use crate::model::message::Message;

type St = axum::extract::State<State>;

fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// `GET /links[?year=&made=&revoked=]`: the links made, and the form that
/// makes one. After [`create_link`]'s redirect (`made`) the new link's
/// whole address is shown once, taken from the session's memory: the
/// token is never in an address the browser keeps in its history.
pub async fn links_page(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    Query(q): Query<LinksQuery>,
) -> Response {
    let new = q
        .made
        .and_then(|_| state.take_new_link(&ctx.session))
        .map(|token| format!("{}/d/{token}", origin(&headers)));
    let note = q.revoked.map(|_| "web-link-revoked");
    match state.reg(|r| r.links()) {
        Ok(links) => html(links_markup(&ctx, &state, &links, (new.as_deref(), note))),
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// `?made=&revoked=` of the links page, set by its forms' redirects.
#[derive(Deserialize, Default)]
pub struct LinksQuery {
    made: Option<String>,
    revoked: Option<String>,
}

/// `scheme://host` the browser reached this server by (its `Host`; https
/// behind a proxy that says so), for a link's whole address.
fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| h.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or("127.0.0.1:8080");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        == Some("https");
    format!("{}://{host}", if https { "https" } else { "http" })
}

/// The link form.
#[derive(Deserialize)]
pub struct LinkForm {
    csrf: Option<String>,
    department: String,
    /// As typed: a year that is not one is refused by name.
    year: String,
}

/// `POST /links`: a new link, then 303 See Other to the links page,
/// which shows it once (only its digest is kept). A reload of that page
/// makes no second link.
pub async fn create_link(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<LinkForm>,
) -> Response {
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/links") {
        return refused_csrf(&ctx);
    }
    if !state
        .config
        .departments
        .iter()
        .any(|d| *d.code.get_ref() == f.department)
    {
        state.refuse("bad-form", "/links department");
        return (
            StatusCode::BAD_REQUEST,
            super::pages::refused(ctx.lang, "web-refused-bad-form"),
        )
            .into_response();
    }
    let Some(year) = super::routes::form_year(&f.year) else {
        return super::routes::bad_year(&state, ctx.lang, &f.year);
    };
    let token = security::token();
    let made = state.reg(|r| r.add_link(&digest(&token), &f.department, year, &security::now()));
    match made {
        Ok(()) => {
            state.keep_new_link(&ctx.session, token);
            Redirect::to(&format!("/links?year={year}&made=1")).into_response()
        }
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// The revocation form: the link's register id.
#[derive(Deserialize)]
pub struct RevokeForm {
    csrf: Option<String>,
    link: i64,
}

/// `POST /links/revoke`: the link opens nothing from now on (its row
/// stays, marked revoked); 303 See Other to the links page.
pub async fn revoke_link(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<RevokeForm>,
) -> Response {
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/links/revoke") {
        return refused_csrf(&ctx);
    }
    match state.reg(|r| r.revoke_link(f.link, &security::now())) {
        Ok(true) => {
            let year = ctx.year.map(|y| format!("year={y}&")).unwrap_or_default();
            Redirect::to(&format!("/links?{year}revoked=1")).into_response()
        }
        Ok(false) => not_found(Extension(ctx)).await,
        Err(e) => failed(&state, &ctx, &e),
    }
}

fn links_markup(
    ctx: &Ctx,
    state: &State,
    links: &[LinkRow],
    (new, note): (Option<&str>, Option<&'static str>),
) -> Markup {
    let l = ctx.lang;
    let year = ctx.year.unwrap_or_else(|| state.default_year());
    page(
        ctx,
        &text(l, "web-links-title"),
        html! {
            @if let Some(address) = new {
                div.note role="status" {
                    p { (text(l, "web-link-made")) }
                    p { code #new-link { (address) } }
                }
            }
            @if let Some(n) = note { p.note role="status" { (text(l, n)) } }
            p { (text(l, "web-links-intro")) }
            form.stacked method="post" action="/links" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                p {
                    label for="link-department" { (text(l, "web-col-department")) }
                    select #link-department name="department" {
                        @for d in &state.config.departments { option value=(d.code.get_ref()) { (d.code.get_ref()) " – " (d.name.get(l)) } }
                    }
                }
                p {
                    label for="link-year" { (text(l, "web-year-label")) }
                    input #link-year type="number" name="year" value=(year) min="1900" max="9998" required;
                }
                p { button type="submit" { (text(l, "web-link-create")) } }
            }
            @if !links.is_empty() {
                div.wide role="region" aria-label=(text(l, "web-links-list")) tabindex="0" { table {
                    caption { (text(l, "web-links-list")) }
                    thead { tr {
                        th scope="col" { (text(l, "web-col-department")) }
                        th scope="col" { (text(l, "web-year-label")) }
                        th scope="col" { (text(l, "web-col-created")) }
                        th scope="col" { (text(l, "web-col-state")) }
                    } }
                    tbody { @for k in links { tr {
                        th scope="row" { (k.department) }
                        td { (k.year) }
                        td { (super::time::show(l, &k.created_at)) }
                        td { @match &k.revoked_at {
                            Some(at) => { (text(l, "web-link-state-revoked")) " " (super::time::show(l, at)) }
                            None => form method="post" action={ "/links/revoke?year=" (year) } {
                                input type="hidden" name="csrf" value=(ctx.csrf);
                                input type="hidden" name="link" value=(k.id);
                                (text(l, "web-link-state-open")) " "
                                button type="submit" aria-label=(render(l, &Message::new("web-link-revoke-label").arg("department", k.department.as_str()).arg("year", k.year.to_string()))) { (text(l, "web-link-revoke")) }
                            },
                        } }
                    } } }
                } }
            }
        },
    )
}

/// The department and year of a link's token; a refusal (logged) if none.
async fn link_of(state: &State, ctx: &Ctx, token: &str) -> Result<(String, i32), Response> {
    match state.reg(|r| r.link(&digest(token))) {
        Ok(Some(l)) => Ok(l),
        Ok(None) => {
            state.refuse("unknown-link", "/d/…");
            Err(not_found(Extension(ctx.clone())).await)
        }
        Err(e) => Err(failed(state, ctx, &e)),
    }
}

/// `GET /d/<token>`: the department's upload form and its own findings.
pub async fn department_page(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
    Query(q): Query<ReceivedQuery>,
) -> Response {
    let link = match link_of(&state, &ctx, &token).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    // After an upload (its redirect): the session's results.
    let results = match q.received {
        Some(_) => state.batch(&ctx.session),
        None => Vec::new(),
    };
    let shown = (results.as_slice(), q.nothing.is_some());
    department_response(&state, &ctx, &token, link, shown).await
}

/// `?received=` of a department's page, set by its upload's redirect.
#[derive(Deserialize, Default)]
pub struct ReceivedQuery {
    received: Option<String>,
    nothing: Option<String>,
}

/// `POST /d/<token>/upload`: the department's files, for its year only.
pub async fn department_upload(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
    form: Multipart,
) -> Response {
    let link = match link_of(&state, &ctx, &token).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    match read_upload(&state, &ctx, form, Some(link)).await {
        // POST/redirect/GET, as the administrator's upload.
        Ok((_, results)) if results.is_empty() => {
            Redirect::to(&format!("/d/{token}?nothing=1")).into_response()
        }
        Ok((_, results)) => {
            state.keep_batch(&ctx.session, results);
            Redirect::to(&format!("/d/{token}?received=1")).into_response()
        }
        Err(r) => r,
    }
}

async fn department_response(
    state: &State,
    ctx: &Ctx,
    token: &str,
    (dept, year): (String, i32),
    (results, nothing): (&[Received], bool),
) -> Response {
    let st = state.clone();
    let checked = match blocking(move || st.checked(year)).await {
        Some(Ok((_, c))) => c,
        Some(Err(e)) => return failed(state, ctx, &e),
        None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    // Its own files' findings only, not the year's or other departments'.
    let own: Vec<&WebFinding> = checked
        .findings
        .iter()
        .filter(|f| f.submission.is_some() && f.department == dept)
        .collect();
    let l = ctx.lang;
    let title = render(
        l,
        &Message::new("web-department-title")
            .arg("department", dept.as_str())
            .arg("year", year.to_string()),
    );
    html(page(
        ctx,
        &title,
        html! {
            @if nothing { p.refusal role="alert" { (text(l, "web-upload-nothing")) } }
            (results_list(l, results))
            form #upload method="post" action={ "/d/" (token) "/upload" } enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                div #drop.drop {
                    label for="files" { (text(l, "web-upload-files")) }
                    input #files type="file" name="files" multiple accept=".xlsx,.xlsm,.xlsb,.xls,.ods,.csv";
                    p.drop-hint { (text(l, "web-upload-drop")) }
                }
                progress #progress max="100" value="0" hidden aria-label=(text(l, "web-upload-progress")) {}
                p { button type="submit" { (text(l, "web-upload-submit")) } }
            }
            p { a href={ "/d/" (token) "/history" } { (render(l, &Message::new("web-department-history-link").arg("year", year.to_string()))) } }
            h2 { (text(l, "web-nav-findings")) }
            p #count { (render(l, &Message::new("web-findings-count").count("count", own.len() as i64))) }
            (super::fix_page::fix_links(l, &own, &format!("/d/{token}/submissions/")))
            (findings_table(l, &text(l, "web-findings-caption"), &own))
        },
    ))
}
