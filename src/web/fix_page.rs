//! One file's page (issue 23 point 3): its findings after the year's
//! check, its unknown columns each with the fields it might be (closest
//! first, [`super::columns`]), a correction form beside every flagged
//! cell and one for any cell ([`super::corrections`]), and what was
//! matched and corrected so far. The administrator opens it at
//! `/submissions/{id}`, a department at `/d/{token}/submissions/{id}`.

use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::check::WebFinding;
use super::corrections::{CorrectionRow, Who, access};
use super::pages::page;
use super::register::SubmissionRow;
use super::routes::{Ctx, State, blocking, failed, html};
use crate::Config;
use crate::i18n::{render, text};
use crate::model::lang::Lang;
use crate::model::message::Message;

/// `GET /submissions/{id}`.
pub async fn show(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
) -> Response {
    match access(&state, &ctx, None, id).await {
        Ok((row, who)) => respond(&state, &ctx, &who, &row, None, None).await,
        Err(r) => r,
    }
}

/// `GET /d/{token}/submissions/{id}`: a department's own file only.
pub async fn show_by_link(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
) -> Response {
    match access(&state, &ctx, Some(&token), id).await {
        Ok((row, who)) => respond(&state, &ctx, &who, &row, None, None).await,
        Err(r) => r,
    }
}

/// The file's page after the year's files are checked again with every
/// match and correction: `note` says what was just done, `problem` why a
/// correction was not taken (then the status is 422).
pub async fn respond(
    state: &State,
    ctx: &Ctx,
    who: &Who,
    row: &SubmissionRow,
    note: Option<&'static str>,
    problem: Option<&'static str>,
) -> Response {
    let st = state.clone();
    let (year, id, dept) = (row.year, row.id, row.department.clone());
    let done = blocking(move || -> Result<_, super::WebError> {
        let (_, checked) = st.checked(year)?;
        let matches = st.reg(|r| r.matches(&dept))?;
        let corrections = st.reg(|r| r.corrections(id))?;
        Ok((checked, matches, corrections))
    })
    .await;
    let (checked, matches, corrections) = match done {
        Some(Ok(d)) => d,
        Some(Err(e)) => return failed(state, ctx, &e),
        None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let own: Vec<&WebFinding> = checked
        .findings
        .iter()
        .filter(|f| f.submission == Some(row.id))
        .collect();
    let view = View {
        ctx,
        config: &state.config,
        base: who.base(row.id),
        row,
        findings: &own,
        matches: &matches,
        corrections: &corrections,
    };
    let body = html(view.markup(note, problem));
    if problem.is_some() {
        (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
    } else {
        body
    }
}

/// Links to the pages of the files that have findings (each once), for
/// the findings pages; `base` is `/submissions/` or a link's
/// `/d/{token}/submissions/`.
pub fn fix_links(l: Lang, findings: &[&WebFinding], base: &str) -> Markup {
    let mut files: Vec<(i64, &str)> = findings
        .iter()
        .filter_map(|f| Some((f.submission?, f.file.as_str())))
        .collect();
    files.sort_unstable();
    files.dedup();
    html! {
        @if !files.is_empty() {
            section aria-labelledby="fix-files" {
                h2 #fix-files { (text(l, "web-fix-files")) }
                ul { @for (id, name) in &files {
                    li { a href={ (base) (id) } {
                        (render(l, &Message::new("web-fix-file-link").arg("file", *name)))
                    } }
                } }
            }
        }
    }
}

/// The three closest fields' headers in `l`, for the hint beside a choice.
fn closest(config: &Config, ranked: &[(usize, f64)], l: Lang) -> String {
    let names: Vec<&str> = ranked
        .iter()
        .take(3)
        .map(|(i, _)| config.fields[*i].header.get(l))
        .collect();
    names.join(", ")
}

struct View<'a> {
    ctx: &'a Ctx,
    config: &'a Config,
    base: String,
    row: &'a SubmissionRow,
    findings: &'a [&'a WebFinding],
    matches: &'a [(String, String)],
    corrections: &'a [CorrectionRow],
}

impl View<'_> {
    fn field_name(&self, key: &str) -> String {
        let l = self.ctx.lang;
        self.config
            .fields
            .iter()
            .find(|f| f.key.get_ref() == key)
            .map_or_else(|| key.to_string(), |f| f.header.get(l).to_string())
    }

    fn markup(&self, note: Option<&'static str>, problem: Option<&'static str>) -> Markup {
        let l = self.ctx.lang;
        let title = render(
            l,
            &Message::new("web-fix-title").arg("file", self.row.original_name.as_str()),
        );
        page(
            self.ctx,
            &title,
            html! {
                @if let Some(n) = note { p.note role="status" { (text(l, n)) } }
                @if let Some(p) = problem { p.refusal role="alert" { (text(l, "web-fix-refused")) " " (text(l, p)) } }
                p { (text(l, "web-fix-intro")) }
                (self.columns())
                (self.findings_table())
                (self.any_cell())
                (self.recorded())
            },
        )
    }

    /// The unknown columns, each with a choice of field.
    fn columns(&self) -> Markup {
        let l = self.ctx.lang;
        let unknown: Vec<&WebFinding> = self
            .findings
            .iter()
            .copied()
            .filter(|f| f.code == "unknown-column" && f.value.is_some())
            .collect();
        html! {
            @if !unknown.is_empty() {
                section aria-labelledby="columns" {
                    h2 #columns { (text(l, "web-fix-columns-title")) }
                    p { (text(l, "web-fix-columns-intro")) }
                    form #match method="post" action={ (self.base) "/columns" } {
                        input type="hidden" name="csrf" value=(self.ctx.csrf);
                        @for (i, f) in unknown.iter().enumerate() {
                            @let header = f.value.as_deref().unwrap_or("");
                            @let chosen = super::columns::suggested(self.config, header);
                            @let ranked = super::columns::ranked(self.config, header);
                            p {
                                input type="hidden" name="header" value=(header);
                                label for={ "match-" (i) } {
                                    (render(l, &Message::new("web-fix-column-label")
                                        .arg("header", header)
                                        .arg("cell", f.cell.as_deref().unwrap_or(""))))
                                }
                                " "
                                select id={ "match-" (i) } name="field" aria-describedby={ "closest-" (i) } {
                                    option value="" { (text(l, "web-fix-column-none")) }
                                    @for (fi, _) in &ranked {
                                        @let field = &self.config.fields[*fi];
                                        option value=(field.key.get_ref()) selected[chosen == Some(*fi)] {
                                            (field.header.get(l))
                                        }
                                    }
                                }
                                " "
                                span.hint id={ "closest-" (i) } {
                                    (render(l, &Message::new("web-fix-column-closest").arg("fields", closest(self.config, &ranked, l))))
                                }
                            }
                        }
                        p { button type="submit" { (text(l, "web-fix-columns-submit")) } }
                    }
                }
            }
            @if !self.matches.is_empty() {
                section aria-labelledby="matched" {
                    h2 #matched { (text(l, "web-fix-matched-title")) }
                    ul { @for (h, k) in self.matches {
                        li { (render(l, &Message::new("web-fix-matched")
                            .arg("header", h.as_str())
                            .arg("field", self.field_name(k)))) }
                    } }
                }
            }
        }
    }

    /// The file's findings, a correction form beside each flagged cell.
    fn findings_table(&self) -> Markup {
        let l = self.ctx.lang;
        html! {
            h2 #findings-title { (text(l, "web-nav-findings")) }
            p #count { (render(l, &Message::new("web-findings-count").count("count", self.findings.len() as i64))) }
            @if !self.findings.is_empty() {
                table #fix-findings aria-labelledby="findings-title" {
                    thead { tr {
                        th scope="col" { (text(l, "web-col-sheet")) }
                        th scope="col" { (text(l, "web-col-cell")) }
                        th scope="col" { (text(l, "web-col-severity")) }
                        th scope="col" { (text(l, "web-col-code")) }
                        th scope="col" { (text(l, "web-col-message")) }
                        th scope="col" { (text(l, "web-fix-col-correct")) }
                    } }
                    tbody { @for (i, f) in self.findings.iter().enumerate() { tr {
                        td { (f.sheet.as_deref().unwrap_or("")) }
                        td { (f.cell.as_deref().unwrap_or("")) }
                        td { (text(l, if f.is_error() { "severity-error" } else { "severity-warning" })) }
                        td { code { (f.code) } }
                        td {
                            (f.message[l.index()])
                            @if let Some(h) = &f.hint { br; span.hint { (h[l.index()]) } }
                        }
                        td { @if let (Some(sheet), Some(cell)) = (&f.sheet, &f.cell) {
                            @if f.code != "unknown-column" {
                                form.fix method="post" action={ (self.base) "/correct" } {
                                    input type="hidden" name="csrf" value=(self.ctx.csrf);
                                    input type="hidden" name="sheet" value=(sheet);
                                    input type="hidden" name="cell" value=(cell);
                                    label.visually-hidden for={ "fix-" (i) } {
                                        (render(l, &Message::new("web-fix-value-label").arg("sheet", sheet.as_str()).arg("cell", cell.as_str())))
                                    }
                                    input id={ "fix-" (i) } type="text" name="value" value=(f.value.as_deref().unwrap_or(""));
                                    " "
                                    button type="submit" { (text(l, "web-fix-submit")) }
                                }
                            }
                        } }
                    } } }
                }
            }
        }
    }

    /// A form for any cell of the file.
    fn any_cell(&self) -> Markup {
        let l = self.ctx.lang;
        let sheet = self
            .findings
            .iter()
            .find_map(|f| f.sheet.clone())
            .unwrap_or_default();
        html! {
            section aria-labelledby="any-cell" {
                h2 #any-cell { (text(l, "web-fix-any-title")) }
                form #correct-any method="post" action={ (self.base) "/correct" } {
                    input type="hidden" name="csrf" value=(self.ctx.csrf);
                    p {
                        label for="any-sheet" { (text(l, "web-col-sheet")) } " "
                        input #any-sheet type="text" name="sheet" value=(sheet) required;
                    }
                    p {
                        label for="any-cell-ref" { (text(l, "web-col-cell")) } " "
                        input #any-cell-ref type="text" name="cell" placeholder="H7" required;
                    }
                    p {
                        label for="any-value" { (text(l, "web-fix-new-value")) } " "
                        input #any-value type="text" name="value";
                    }
                    p { button type="submit" { (text(l, "web-fix-submit")) } }
                }
            }
        }
    }

    /// The corrections recorded for the file.
    fn recorded(&self) -> Markup {
        let l = self.ctx.lang;
        html! {
            @if !self.corrections.is_empty() {
                table #corrections {
                    caption { (text(l, "web-fix-recorded")) }
                    thead { tr {
                        th scope="col" { (text(l, "web-col-sheet")) }
                        th scope="col" { (text(l, "web-col-cell")) }
                        th scope="col" { (text(l, "web-fix-col-before")) }
                        th scope="col" { (text(l, "web-fix-col-after")) }
                        th scope="col" { (text(l, "web-fix-col-by")) }
                        th scope="col" { (text(l, "web-fix-col-at")) }
                    } }
                    tbody { @for c in self.corrections { tr {
                        td { (c.sheet) }
                        td { (c.cell) }
                        td { (c.before) }
                        td { (c.after) }
                        td { (c.by) }
                        td { (c.at) }
                    } } }
                }
            }
        }
    }
}
