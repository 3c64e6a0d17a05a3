//! A current submission's annotated copy (issue 23): the file in the
//! template's form with its flagged cells filled and commented and a
//! first sheet listing its findings, as `kooste validate --annotate`
//! writes it, made from the year's check (its matched columns and
//! corrections applied) and offered as a download under the sent name
//! (`kymp_tarkistettu.xlsx`). The stored file is only read, never changed.
//!
//! The administrator downloads any current file's copy
//! (`/submissions/{id}/annotated`); a department's upload link only its
//! own department's (`/d/{token}/submissions/{id}/annotated`): another
//! one's is "not found", the attempt logged ([`access`]).

use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::WebError;
use super::corrections::access;
use super::history::disposition;
use super::pages::page;
use super::register::SubmissionRow;
use super::routes::{Ctx, Shared, State, blocking, failed};
use crate::i18n::{render, text};
use crate::model::lang::Lang;
use crate::model::message::Message;

type St = axum::extract::State<State>;

/// The MIME type of the copy (always an xlsx workbook).
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `GET /submissions/{id}/annotated`.
pub async fn download(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
) -> Response {
    send(&state, &ctx, None, id).await
}

/// `GET /d/{token}/submissions/{id}/annotated`: its own department's only.
pub async fn download_by_link(
    axum::extract::State(state): St,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
) -> Response {
    send(&state, &ctx, Some(&token), id).await
}

async fn send(state: &State, ctx: &Ctx, token: Option<&str>, id: i64) -> Response {
    let row = match access(state, ctx, token, id).await {
        Ok((row, _)) => row,
        Err(refused) => return refused,
    };
    let (st, r, lang) = (state.clone(), row.clone(), ctx.lang);
    match blocking(move || make(&st, &r, lang)).await {
        Some(Ok(Some(bytes))) => {
            let mut resp = bytes.into_response();
            let h = resp.headers_mut();
            h.insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static(XLSX),
            );
            let name = copy_name(&row.original_name, lang);
            if let Ok(v) = axum::http::HeaderValue::from_str(&disposition(&name)) {
                h.insert(axum::http::header::CONTENT_DISPOSITION, v);
            }
            resp
        }
        Some(Ok(None)) => none_page(ctx, &row),
        Some(Err(e)) => failed(state, ctx, &e),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The copy's bytes (blocking: reads and checks the year's files).
fn make(state: &Shared, row: &SubmissionRow, lang: Lang) -> Result<Option<Vec<u8>>, WebError> {
    let current = state.reg(|r| r.current(row.year))?;
    let adjust = state.reg(|r| super::corrections::adjustments(r, &current))?;
    super::check::annotated(
        &state.ws,
        &state.config,
        state.limits,
        row.year,
        &current,
        &adjust,
        row.id,
        lang,
    )
}

/// The page of a file with nothing to mark: no copy to download.
fn none_page(ctx: &Ctx, row: &SubmissionRow) -> Response {
    let l = ctx.lang;
    let title = render(
        l,
        &Message::new("web-annotated-title").arg("file", row.original_name.as_str()),
    );
    let body = page(ctx, &title, html! { p { (text(l, "web-annotated-none")) } });
    (StatusCode::NOT_FOUND, super::routes::html(body)).into_response()
}

/// The download name: the sent name's stem and the copy's suffix in the
/// language (`kymp 2021.ods` → `kymp 2021_tarkistettu.xlsx`), as the
/// command line names its copies.
pub fn copy_name(sent: &str, lang: Lang) -> String {
    let stem = match sent.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => sent,
    };
    format!("{stem}_{}.xlsx", text(lang, "out-annotated-suffix"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_is_named_after_the_sent_file_in_the_language() {
        assert_eq!(
            copy_name("kymp 2021.ods", Lang::Fi),
            "kymp 2021_tarkistettu.xlsx"
        );
        assert_eq!(copy_name("a.b.csv", Lang::Sv), "a.b_granskad.xlsx");
        assert_eq!(copy_name("noext", Lang::En), "noext_checked.xlsx");
    }
}
