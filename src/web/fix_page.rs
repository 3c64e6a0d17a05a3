//! One file's page (issue 23 point 3): its findings after the year's
//! check, its unknown columns each with the fields it might be (closest
//! first, [`super::columns`]), a correction form beside every flagged
//! cell and one for any cell ([`super::corrections`]), and what was
//! matched and corrected so far; a header row to match where the reader
//! found none ([`super::header_row`]); the corrections of the
//! department's previous file beside what this one has in those cells;
//! a link to its annotated copy ([`super::annotated`]). The administrator
//! opens it at `/submissions/{id}`, a department at
//! `/d/{token}/submissions/{id}`.

use axum::extract::{Extension, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::check::{Checked, WebFinding};
use super::corrections::{CorrectionRow, Who, access, open_stored};
use super::header_row::{Candidate, Pick, candidate};
use super::pages::page;
use super::register::SubmissionRow;
use super::routes::{Ctx, Shared, State, blocking, failed, html};
use crate::Config;
use crate::i18n::{render, text};
use crate::model::lang::Lang;
use crate::model::message::Message;
use crate::reading::adjust::locate;

/// `GET /submissions/{id}[?sheet=&row=]` (the header row asked for, on a
/// file in which none was found).
pub async fn show(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Query(pick): Query<Pick>,
) -> Response {
    match access(&state, &ctx, None, id).await {
        Ok((row, who)) => {
            let shown = (saved_note(&pick), refused_note(&pick));
            respond_with(&state, &ctx, &who, &row, shown, pick).await
        }
        Err(r) => r,
    }
}

/// `GET /d/{token}/submissions/{id}`: a department's own file only.
pub async fn show_by_link(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
    Query(pick): Query<Pick>,
) -> Response {
    match access(&state, &ctx, Some(&token), id).await {
        Ok((row, who)) => {
            let shown = (saved_note(&pick), refused_note(&pick));
            respond_with(&state, &ctx, &who, &row, shown, pick).await
        }
        Err(r) => r,
    }
}

/// The note of `?saved=` (set by [`saved`]'s redirect).
fn saved_note(pick: &Pick) -> Option<&'static str> {
    match pick.saved.as_deref() {
        Some("columns") => Some("web-fix-columns-saved"),
        Some("forgotten") => Some("web-fix-forgotten"),
        Some("assigned") => Some("web-fix-assigned"),
        Some("correction") => Some("web-fix-corrected"),
        _ => None,
    }
}

/// Why a file page's form was not taken: each `?refused=` key and its
/// message id. Only these are shown, whatever the address says.
pub const REFUSALS: [(&str, &str); 7] = [
    ("sheet", "web-fix-refused-sheet"),
    ("cell-name", "web-fix-refused-cell-name"),
    ("cell", "web-fix-refused-cell"),
    ("value", "web-fix-refused-value"),
    ("long", "web-fix-refused-long"),
    ("standard-header", "web-fix-refused-standard-header"),
    ("no-choice", "web-fix-refused-no-choice"),
];

/// The words a refusal `id` of [`REFUSALS`] follows: a column choice's
/// are not a correction's.
fn refusal_prefix(id: &str) -> &'static str {
    match id {
        "web-fix-refused-standard-header" | "web-fix-refused-no-choice" => "web-fix-refused-choice",
        _ => "web-fix-refused",
    }
}

/// The message of `?refused=` (set by [`refused`]'s redirect).
fn refused_note(pick: &Pick) -> Option<&'static str> {
    let key = pick.refused.as_deref()?;
    REFUSALS.iter().find(|(k, _)| *k == key).map(|(_, id)| *id)
}

/// The answer to a file page's form that was not taken, `why` a message
/// id of [`REFUSALS`]: 303 See Other to the file's page, which says why
/// (POST/redirect/GET: a reload does not send the form again).
pub fn refused(who: &Who, row: &SubmissionRow, why: &str) -> Response {
    let key = REFUSALS
        .iter()
        .find(|(_, id)| *id == why)
        .map_or("cell", |(k, _)| *k);
    let to = format!("{}?refused={key}", who.base(row.id));
    axum::response::Redirect::to(&to).into_response()
}

/// The answer to a file page's form once `what` (`columns` or
/// `correction`) is saved: 303 See Other to the file's page, which checks
/// the file again and says what was saved. Back or a reload then shows
/// that page instead of offering to send the form again.
pub fn saved(who: &Who, row: &SubmissionRow, what: &str) -> Response {
    saved_at(who, row, what, None)
}

/// [`saved`], back on the header row `at` (sheet, row) that was picked.
pub fn saved_at(who: &Who, row: &SubmissionRow, what: &str, at: Option<(&str, &str)>) -> Response {
    let mut to = format!("{}?saved={what}", who.base(row.id));
    if let Some((sheet, r)) = at {
        to.push_str(&format!(
            "&sheet={}&row={}",
            super::header_row::query_value(sheet),
            super::header_row::query_value(r)
        ));
    }
    axum::response::Redirect::to(&to).into_response()
}

/// The file's page after the year's files are checked again with every
/// match and correction: `note` says what was just done, `problem` why a
/// form was not taken; `pick` is the header row asked for.
async fn respond_with(
    state: &State,
    ctx: &Ctx,
    who: &Who,
    row: &SubmissionRow,
    (note, problem): (Option<&'static str>, Option<&'static str>),
    pick: Pick,
) -> Response {
    // The menu's links stay on the file's year.
    let ctx = &Ctx {
        year: Some(row.year),
        ..ctx.clone()
    };
    let (st, r) = (state.clone(), row.clone());
    let loaded = match blocking(move || load(&st, &r, &pick)).await {
        Some(Ok(d)) => d,
        Some(Err(e)) => return failed(state, ctx, &e),
        None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let refused = loaded.foreign.then(|| WebFinding::other_department(row));
    let own: Vec<&WebFinding> = refused
        .iter()
        .chain(
            loaded
                .checked
                .findings
                .iter()
                .filter(|f| f.submission == Some(row.id)),
        )
        .collect();
    let view = View {
        admin: matches!(who, Who::Admin),
        ctx,
        config: &state.config,
        base: who.base(row.id),
        row,
        findings: &own,
        loaded: &loaded,
    };
    html(view.markup(note, problem))
}

/// Whether a cell's value `now` is the corrected value `after`: the same
/// text, or the same amount however written (`62 000,00 €` is `62 000 €`;
/// amounts are what the cells are read as, to the cent).
fn same_value(now: &str, after: &str) -> bool {
    use crate::model::parse::parse_euros;
    let (now, after) = (now.trim(), after.trim());
    now == after || matches!((parse_euros(now), parse_euros(after)), (Ok(a), Ok(b)) if a == b)
}

/// What a file's page shows beside its findings.
struct Loaded {
    /// The year's check.
    checked: Checked,
    /// The department's matched columns.
    matches: Vec<(String, String)>,
    /// The file's own corrections.
    corrections: Vec<CorrectionRow>,
    /// The corrections of the department's earlier version of the file.
    earlier: Vec<Earlier>,
    /// The header row offered when the reader found none.
    candidate: Option<Candidate>,
    /// Refused for rows naming another department.
    foreign: bool,
}

/// A correction made to an earlier file, and what this file has there.
struct Earlier {
    /// The earlier file's sent name.
    file: String,
    /// The correction.
    c: CorrectionRow,
    /// This file's value at that cell, as text; `None` if it has no such cell.
    now: Option<String>,
}

/// Loads a file's page (blocking: checks the year, may open the file).
fn load(state: &Shared, row: &SubmissionRow, pick: &Pick) -> Result<Loaded, super::WebError> {
    let (_, checked) = state.checked(row.year)?;
    let foreign = state.reg(|r| r.foreign())?.contains(&row.id);
    let matches = state.reg(|r| r.matches(&row.department))?;
    let corrections = state.reg(|r| r.corrections(row))?;
    let earlier = state.reg(|r| r.earlier_corrections(row))?;
    let headerless = checked
        .findings
        .iter()
        .any(|f| f.submission == Some(row.id) && f.code == "no-measure-sheet");
    let book = if headerless || !earlier.is_empty() {
        open_stored(state, row)?
    } else {
        None
    };
    let candidate = book
        .as_ref()
        .filter(|_| headerless)
        .and_then(|b| candidate(b, pick));
    // A cell corrected more than once: its newest correction.
    let mut newest: Vec<(CorrectionRow, String)> = Vec::new();
    for (c, file) in earlier {
        newest.retain(|(o, _)| !(o.sheet == c.sheet && o.cell == c.cell));
        newest.push((c, file));
    }
    let earlier = newest
        .into_iter()
        .map(|(c, file)| {
            let now = book.as_ref().and_then(|b| {
                let (i, r, col) = locate(b, &c.sheet, &c.cell).ok()?;
                Some(b.sheets[i].get(r, col).display())
            });
            Earlier { file, c, now }
        })
        .collect();
    Ok(Loaded {
        checked,
        matches,
        corrections,
        earlier,
        candidate,
        foreign,
    })
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
    /// The administrator's page (a department's link cannot withdraw).
    admin: bool,
    ctx: &'a Ctx,
    config: &'a Config,
    base: String,
    row: &'a SubmissionRow,
    findings: &'a [&'a WebFinding],
    loaded: &'a Loaded,
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
                @if let Some(n) = note { p.note role="status" {
                    @if n == "web-fix-assigned" {
                        (render(l, &Message::new(n).arg("department", self.row.department.as_str())))
                    } @else { (text(l, n)) }
                } }
                @if let Some(p) = problem { p.refusal role="alert" { (text(l, refusal_prefix(p))) " " (text(l, p)) } }
                p { (text(l, "web-fix-intro")) }
                // A copy marks cells of the measures sheet: none without one.
                @if self.findings.iter().any(|f| f.sheet.is_some()) {
                    p {
                        a #annotated href={ (self.base) "/annotated" } { (text(l, "web-annotated-link")) }
                        " " (text(l, "web-annotated-intro"))
                    }
                }
                (self.earlier())
                (self.header_row())
                (self.columns())
                (self.findings_table())
                (self.any_cell())
                (self.recorded())
                @if self.admin { (super::withdraw::form(l, &self.ctx.csrf, self.row)) }
            },
        )
    }

    /// The unknown columns, each with a choice of field.
    fn columns(&self) -> Markup {
        let l = self.ctx.lang;
        let unknown: Vec<(&str, &str)> = self
            .findings
            .iter()
            .filter(|f| f.code == "unknown-column")
            .filter_map(|f| Some((f.value.as_deref()?, f.cell.as_deref().unwrap_or(""))))
            .collect();
        html! {
            @if !unknown.is_empty() {
                section aria-labelledby="columns" {
                    h2 #columns { (text(l, "web-fix-columns-title")) }
                    p { (text(l, "web-fix-columns-intro")) }
                    form #match method="post" action={ (self.base) "/columns" } {
                        input type="hidden" name="csrf" value=(self.ctx.csrf);
                        @for (i, (header, cell)) in unknown.iter().enumerate() {
                            (self.choice(("match", "closest", i), header, cell))
                        }
                        p { button type="submit" { (text(l, "web-fix-columns-submit")) } }
                    }
                }
            }
            @if !self.loaded.matches.is_empty() {
                section aria-labelledby="matched" {
                    h2 #matched { (text(l, "web-fix-matched-title")) }
                    ul { @for (i, (h, k)) in self.loaded.matches.iter().enumerate() {
                        li { (render(l, &Message::new("web-fix-matched")
                            .arg("header", h.as_str())
                            .arg("field", self.field_name(k))))
                            " " (self.forget_form(i, h)) }
                    } }
                }
            }
        }
    }

    /// A remembered choice's own form to forget it (a mistaken match):
    /// the header chosen as no field, which the reader then ignores.
    fn forget_form(&self, i: usize, header: &str) -> Markup {
        let l = self.ctx.lang;
        html! {
            form.forget id={ "forget-" (i) } method="post" action={ (self.base) "/columns" } {
                input type="hidden" name="csrf" value=(self.ctx.csrf);
                input type="hidden" name="header" value=(header);
                input type="hidden" name="field" value="";
                input type="hidden" name="forget" value="1";
                button type="submit" aria-label=(render(l, &Message::new("web-fix-forget-label").arg("header", header))) {
                    (text(l, "web-fix-forget"))
                }
            }
        }
    }

    /// One column's choice of field: the header (sent back hidden), its
    /// label, the fields closest first (the department's earlier choice
    /// for the header, else a likely misspelling, preselected) and the
    /// closest named as a hint. `ids`: the select's and the hint's id
    /// prefixes and the number.
    fn choice(&self, (select, hint, i): (&str, &str, usize), header: &str, cell: &str) -> Markup {
        let l = self.ctx.lang;
        let ranked = super::columns::ranked(self.config, header);
        let earlier = self.loaded.matches.iter().find(|(h, _)| h == header);
        let chosen = match earlier {
            Some((_, key)) => self
                .config
                .fields
                .iter()
                .position(|f| f.key.get_ref() == key),
            None => super::columns::suggested(self.config, header),
        };
        html! {
            p {
                input type="hidden" name="header" value=(header);
                label for={ (select) "-" (i) } {
                    (render(l, &Message::new("web-fix-column-label").arg("header", header).arg("cell", cell)))
                }
                " "
                select id={ (select) "-" (i) } name="field" aria-describedby={ (hint) "-" (i) } {
                    option value="" { (text(l, "web-fix-column-none")) }
                    @for (fi, _) in &ranked {
                        @let field = &self.config.fields[*fi];
                        option value=(field.key.get_ref()) selected[chosen == Some(*fi)] {
                            (field.header.get(l))
                        }
                    }
                }
                " "
                span.hint id={ (hint) "-" (i) } {
                    (render(l, &Message::new("web-fix-column-closest").arg("fields", closest(self.config, &ranked, l))))
                }
            }
        }
    }

    /// The header row offered when the reader found none: a choice of
    /// sheet and row, and each of the row's cells with a choice of field.
    fn header_row(&self) -> Markup {
        let l = self.ctx.lang;
        let Some(c) = &self.loaded.candidate else {
            return html! {};
        };
        html! {
            section aria-labelledby="header-row" {
                h2 #header-row { (text(l, "web-header-title")) }
                p { (text(l, "web-header-intro")) }
                @if let Some(name) = &c.no_sheet {
                    p.refusal role="alert" { (render(l, &Message::new("web-header-no-sheet")
                        .arg("sheet", name.as_str()).arg("shown", c.sheet.as_str()))) }
                }
                @if let Some(r) = c.outside {
                    p.refusal role="alert" { (render(l, &Message::new("web-header-row-outside")
                        .count("row", i64::from(r)).count("shown", i64::from(c.row)))) }
                }
                @if let Some(r) = c.beyond {
                    p.refusal role="alert" { (render(l, &Message::new("web-header-row-beyond")
                        .count("row", i64::from(r)).count("last", i64::from(c.last_row)))) }
                }
                form #pick-header method="get" action=(self.base) {
                    @if c.sheets.len() > 1 {
                        label for="pick-sheet" { (text(l, "web-col-sheet")) } " "
                        select #pick-sheet name="sheet" {
                            @for n in &c.sheets { option value=(n) selected[*n == c.sheet] { (n) } }
                        } " "
                    } @else {
                        input type="hidden" name="sheet" value=(c.sheet);
                    }
                    label for="pick-row" { (text(l, "web-header-row")) } " "
                    input #pick-row type="number" name="row" min="1" max=(c.last_row) value=(c.row);
                    " "
                    button type="submit" { (text(l, "web-header-show")) }
                }
                @if c.cells.is_empty() { p { (text(l, "web-header-empty")) } } @else {
                    form #match-header method="post" action={ (self.base) "/columns" } {
                        input type="hidden" name="csrf" value=(self.ctx.csrf);
                        // The page after saving shows this sheet and row again.
                        input type="hidden" name="sheet" value=(c.sheet);
                        input type="hidden" name="row" value=(c.row);
                        @for (i, (cell, header)) in c.cells.iter().enumerate() {
                            (self.choice(("head", "head-closest", i), header, cell))
                        }
                        p { button type="submit" { (text(l, "web-fix-columns-submit")) } }
                    }
                }
            }
        }
    }

    /// The corrections made to the department's earlier version of the
    /// file, beside what this file has in those cells: a notice only,
    /// since a value is never carried to another file in silence.
    fn earlier(&self) -> Markup {
        let l = self.ctx.lang;
        let state = |e: &Earlier| match &e.now {
            None => "web-earlier-no-cell",
            Some(v) if same_value(v, &e.c.after) => "web-earlier-same",
            Some(_) => "web-earlier-differs",
        };
        html! {
            @if !self.loaded.earlier.is_empty() {
                section aria-labelledby="earlier" {
                    h2 #earlier { (text(l, "web-earlier-title")) }
                    p.note role="status" { (text(l, "web-earlier-intro")) }
                    div.wide role="region" aria-label=(text(l, "web-earlier-title")) tabindex="0" { table #earlier-corrections aria-labelledby="earlier" {
                        thead { tr {
                            th scope="col" { (text(l, "web-col-file")) }
                            th scope="col" { (text(l, "web-col-sheet")) }
                            th scope="col" { (text(l, "web-col-cell")) }
                            th scope="col" { (text(l, "web-earlier-col-change")) }
                            th scope="col" { (text(l, "web-earlier-col-now")) }
                        } }
                        tbody { @for e in &self.loaded.earlier { tr {
                            td { (e.file) }
                            td { (e.c.sheet) }
                            td { (e.c.cell) }
                            td { (e.c.before) " → " (e.c.after) }
                            td {
                                @if let Some(v) = &e.now { (v) " " }
                                span.hint { "(" (text(l, state(e))) ")" }
                            }
                        } } }
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
                div.wide role="region" aria-label=(text(l, "web-nav-findings")) tabindex="0" { table #fix-findings aria-labelledby="findings-title" {
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
                } }
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
            // Once every finding is corrected away the corrections still
            // name the sheet, and a file with none has its measures sheet:
            // the next correction is most likely there.
            .or_else(|| self.loaded.corrections.last().map(|c| c.sheet.clone()))
            .or_else(|| self.loaded.checked.sheets.get(&self.row.id).cloned())
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

    /// Whether the file's `i`th correction is in effect or a later one
    /// of the same cell replaced it (the register keeps both).
    fn state_of(&self, i: usize, c: &CorrectionRow) -> &'static str {
        let later = self
            .loaded
            .corrections
            .iter()
            .skip(i + 1)
            .any(|o| o.sheet == c.sheet && o.cell.eq_ignore_ascii_case(&c.cell));
        if later {
            "web-fix-superseded"
        } else {
            "web-fix-in-effect"
        }
    }

    /// The corrections recorded for the file.
    fn recorded(&self) -> Markup {
        let l = self.ctx.lang;
        html! {
            @if !self.loaded.corrections.is_empty() {
                div.wide role="region" aria-label=(text(l, "web-fix-recorded")) tabindex="0" { table #corrections {
                    caption { (text(l, "web-fix-recorded")) }
                    thead { tr {
                        th scope="col" { (text(l, "web-col-sheet")) }
                        th scope="col" { (text(l, "web-col-cell")) }
                        th scope="col" { (text(l, "web-fix-col-before")) }
                        th scope="col" { (text(l, "web-fix-col-after")) }
                        th scope="col" { (text(l, "web-fix-col-by")) }
                        th scope="col" { (text(l, "web-fix-col-at")) }
                        th scope="col" { (text(l, "web-fix-col-state")) }
                    } }
                    tbody { @for (i, c) in self.loaded.corrections.iter().enumerate() { tr {
                        td { (c.sheet) }
                        td { (c.cell) }
                        td { (c.before) }
                        td { (c.after) }
                        td { (c.by) }
                        td { (super::time::show(l, &c.at)) }
                        td { (text(l, self.state_of(i, c))) }
                    } } }
                } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_value;

    #[test]
    fn an_amount_written_otherwise_is_the_same_value() {
        assert!(same_value("62 000,00 €", "62 000 €"));
        assert!(same_value(" Pihat ", "Pihat"));
        assert!(!same_value("62 000,01 €", "62 000 €"));
        assert!(!same_value("n/a", "1000"));
    }
}
