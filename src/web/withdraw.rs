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

use super::corrections::{access, refused_csrf};
use super::register::SubmissionRow;
use super::routes::{Ctx, State, csrf_ok, failed};
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
    let (row, _) = match access(&state, &ctx, None, id).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    if !csrf_ok(&state, &ctx, f.csrf.as_deref(), "withdraw") {
        return refused_csrf(&ctx);
    }
    if let Err(e) = state.reg(|r| r.withdraw(row.id, &security::now(), "admin")) {
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
