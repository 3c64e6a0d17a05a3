//! The departments' upload links (issue 23): the administrator makes a
//! link for one department and year (`/d/<token>`, a random 256-bit
//! token); whoever has it can upload that department's files for that year
//! and see that department's findings, nothing else. The register keeps
//! only the token's SHA-256, so a copy of the register opens no link.

use axum::extract::{Extension, Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::check::WebFinding;
use super::pages::{findings_table, page, results_list};
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

/// `GET /links`: the links made, and the form that makes one.
pub async fn links_page(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
) -> Response {
    match state.reg(|r| r.links()) {
        Ok(links) => html(links_markup(&ctx, &state, &links, None)),
        Err(e) => failed(&state, &ctx, &e),
    }
}

/// The link form.
#[derive(Deserialize)]
pub struct LinkForm {
    csrf: Option<String>,
    department: String,
    year: i32,
}

/// `POST /links`: a new link, shown once (only its digest is kept).
pub async fn create_link(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<LinkForm>,
) -> Response {
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "/links") {
        return (
            StatusCode::FORBIDDEN,
            super::pages::refused(ctx.lang, "web-refused-csrf"),
        )
            .into_response();
    }
    if !state
        .config
        .departments
        .iter()
        .any(|d| *d.code.get_ref() == f.department)
    {
        return not_found(Extension(ctx)).await;
    }
    let token = security::token();
    let made = state.reg(|r| r.add_link(&digest(&token), &f.department, f.year, &security::now()));
    match made.and_then(|()| state.reg(|r| r.links())) {
        Ok(links) => html(links_markup(
            &ctx,
            &state,
            &links,
            Some(&format!("/d/{token}")),
        )),
        Err(e) => failed(&state, &ctx, &e),
    }
}

fn links_markup(
    ctx: &Ctx,
    state: &State,
    links: &[(String, i32, String)],
    new: Option<&str>,
) -> Markup {
    let l = ctx.lang;
    page(
        ctx,
        &text(l, "web-links-title"),
        html! {
            @if let Some(path) = new {
                p.note role="status" { (text(l, "web-link-made")) " " code #new-link { (path) } }
            }
            form method="post" action="/links" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                label for="link-department" { (text(l, "web-col-department")) }
                select #link-department name="department" {
                    @for d in &state.config.departments { option value=(d.code.get_ref()) { (d.code.get_ref()) " – " (d.name.get(l)) } }
                }
                label for="link-year" { (text(l, "web-year-label")) }
                input #link-year type="number" name="year" value=(state.default_year()) min="1900" max="9999" required;
                button type="submit" { (text(l, "web-link-create")) }
            }
            @if !links.is_empty() {
                table {
                    caption { (text(l, "web-links-title")) }
                    thead { tr {
                        th scope="col" { (text(l, "web-col-department")) }
                        th scope="col" { (text(l, "web-year-label")) }
                        th scope="col" { (text(l, "web-col-created")) }
                    } }
                    tbody { @for (d, y, at) in links { tr { th scope="row" { (d) } td { (y) } td { (super::time::show(l, at)) } } } }
                }
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
    department_response(&state, &ctx, &token, link, &results).await
}

/// `?received=` of a department's page, set by its upload's redirect.
#[derive(Deserialize, Default)]
pub struct ReceivedQuery {
    received: Option<String>,
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
    results: &[Received],
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
            (findings_table(l, &title, &own))
        },
    ))
}
