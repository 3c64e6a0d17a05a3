//! Withdrawing a received file (issue 23): a stray or mistaken upload (a
//! renamed text file, a file for the wrong year, one whose department
//! cannot be told) would otherwise stay current for good and keep the
//! year a draft. Withdrawing is a row of its own in the register: the
//! file stays stored and in the history, marked withdrawn, and is no
//! longer checked or built; a department's earlier file becomes current
//! again. Nothing is deleted, as the register's rule is.

use axum::extract::{Extension, Form, Path};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::corrections::refused_csrf;
use super::register::SubmissionRow;
use super::routes::{Ctx, State, csrf_ok, failed, not_found};
use super::security;
use crate::i18n::text;
use crate::model::lang::Lang;

/// The withdrawal form: its CSRF token only.
#[derive(Deserialize)]
pub struct WithdrawForm {
    csrf: Option<String>,
}

/// `POST /submissions/{id}/withdraw` (the administrator only): records
/// the withdrawal, then 303 See Other to the year's dashboard, which says
/// which file was withdrawn.
pub async fn withdraw(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<WithdrawForm>,
) -> Response {
    // Any file of the register, current or earlier (a stray earlier file
    // would otherwise come back once the newer one is withdrawn).
    let row = match state.reg(|r| r.submission(id)) {
        Ok(Some(row)) => row,
        Ok(None) => return not_found(Extension(ctx)).await,
        Err(e) => return failed(&state, &ctx, &e),
    };
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "withdraw") {
        return refused_csrf(&ctx);
    }
    // Withdrawn already (Back and the button again): said the same.
    let done = state.reg(|r| {
        if !r.withdrawn()?.iter().any(|w| w.0 == row.id) {
            r.withdraw(row.id, &security::now(), "admin")?;
        }
        Ok(())
    });
    if let Err(e) = done {
        return failed(&state, &ctx, &e);
    }
    Redirect::to(&format!("/?year={}&withdrawn={}", row.year, row.id)).into_response()
}

/// The form that withdraws `row`, with what it does.
pub fn form(l: Lang, csrf: &str, row: &SubmissionRow) -> Markup {
    html! {
        section #withdraw aria-labelledby="withdraw-title" {
            h2 #withdraw-title { (text(l, "web-withdraw-title")) }
            p { (text(l, "web-withdraw-intro")) }
            form method="post" action={ "/submissions/" (row.id) "/withdraw" } {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" { (text(l, "web-withdraw-submit")) }
            }
        }
    }
}
