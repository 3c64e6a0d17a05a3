//! The pages, rendered on the server with maud (every value escaped) in
//! the request's language; every text comes from `web.ftl`. Accessible
//! HTML: the `lang` attribute, one `h1` a page, labelled fields, table
//! headers with `scope`, a skip link, visible focus (style.css).

use axum::response::Html;
use maud::{DOCTYPE, Markup, html};

use super::check::{Checked, WebFinding};
use super::register::{BuildRow, SubmissionRow};
use super::routes::{Ctx, FindingsQuery, Received};
use crate::Config;
use crate::i18n::{render, text};
use crate::model::lang::Lang;
use crate::model::message::Message;

fn t(lang: Lang, id: &'static str) -> String {
    text(lang, id)
}

/// A page: the head, the navigation, the language links, `body` under `h1` `title`.
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let l = ctx.lang;
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – kooste" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/upload.js" defer {}
            }
            body {
                a.skip href="#main" { (t(l, "web-skip")) }
                header {
                    @if let Some(token) = &ctx.link {
                        // A department's link opens its own pages only.
                        nav aria-label=(t(l, "web-nav-label")) {
                            ul {
                                li { a href={ "/d/" (token) } { (t(l, "web-nav-department-files")) } }
                                li { a href={ "/d/" (token) "/history" } { (t(l, "web-nav-history")) } }
                            }
                        }
                    } @else if ctx.admin || !ctx.login_needed {
                        nav aria-label=(t(l, "web-nav-label")) {
                            ul {
                                @for (path, id) in MENU {
                                    li { a href={ (path) (year_query(ctx, "?")) } { (t(l, id)) } }
                                }
                            }
                        }
                    }
                    nav aria-label=(t(l, "web-lang-label")) {
                        ul {
                            li { a href={ "?lang=fi" (year_query(ctx, "&")) } lang="fi" hreflang="fi" { "suomeksi" } }
                            li { a href={ "?lang=sv" (year_query(ctx, "&")) } lang="sv" hreflang="sv" { "på svenska" } }
                            li { a href={ "?lang=en" (year_query(ctx, "&")) } lang="en" hreflang="en" { "in English" } }
                        }
                    }
                    @if ctx.login_needed && ctx.admin {
                        form method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(ctx.csrf);
                            button type="submit" { (t(l, "web-logout")) }
                        }
                    }
                }
                main #main { h1 { (title) } (body) }
            }
        }
    }
}

/// The administrator's menu: each page's path and its link's message.
/// Every link keeps the year looked at (the history and the links pages
/// list every year, and start from that one).
const MENU: [(&str, &str); 7] = [
    ("/", "web-nav-dashboard"),
    ("/upload", "web-nav-upload"),
    ("/findings", "web-nav-findings"),
    ("/build", "web-nav-build"),
    ("/templates", "web-nav-templates"),
    ("/links", "web-nav-links"),
    ("/history", "web-nav-history"),
];

/// `year=Y` after `sep` when the page looks at a year asked for, so that
/// the menu's and the languages' links stay on that year.
fn year_query(ctx: &Ctx, sep: &str) -> String {
    ctx.year
        .map(|y| format!("{sep}year={y}"))
        .unwrap_or_default()
}

/// A refusal's page (no navigation: the request was not let in).
pub fn refused(lang: Lang, id: &'static str) -> Html<String> {
    refused_text(lang, &t(lang, id))
}

/// The not-found page, headed as such rather than as a refusal.
pub fn not_found(lang: Lang) -> Html<String> {
    notice(lang, "web-not-found-title", &t(lang, "web-not-found"))
}

/// A refusal's page with the sentence given (its first letter made a
/// capital: the same messages follow a file's name elsewhere).
pub fn refused_text(lang: Lang, sentence: &str) -> Html<String> {
    let mut chars = sentence.chars();
    let capital = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    notice(lang, "web-refused-title", &capital)
}

/// A page of one sentence under the heading `title` (a message id).
fn notice(lang: Lang, title: &'static str, sentence: &str) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang=(lang.code()) {
                head { meta charset="utf-8"; meta name="viewport" content="width=device-width, initial-scale=1"; title { (sentence) } link rel="stylesheet" href="/assets/style.css"; }
                body { main { h1 { (t(lang, title)) } p.refusal { (sentence) } p { a href="/" { (t(lang, "web-nav-dashboard")) } } } }
            }
        }
        .into_string(),
    )
}

/// A page whose work failed: the sentence.
pub fn failure(ctx: &Ctx, sentence: &str) -> Html<String> {
    Html(
        page(
            ctx,
            &t(ctx.lang, "web-failure-title"),
            html! { p.refusal { (sentence) } },
        )
        .into_string(),
    )
}

/// A note when `year` is not a year of the programme period: its files
/// are checked (their rows get `out-of-range`), but no template is made
/// for it and the report covers the period's years only.
fn period_note(l: Lang, config: &Config, year: i32) -> Markup {
    let m = Message::new("web-year-outside")
        .arg("year", year.to_string())
        .arg("first", config.programme.first_year.get_ref().to_string())
        .arg("last", config.programme.last_year.get_ref().to_string());
    html! {
        @if !config.is_programme_year(year) { p.refusal role="status" { (render(l, &m)) } }
    }
}

fn year_form(ctx: &Ctx, action: &str, year: i32) -> Markup {
    let l = ctx.lang;
    html! {
        form.year method="get" action=(action) {
            label for="year" { (t(l, "web-year-label")) }
            input #year type="number" name="year" value=(year) min="1900" max="9998";
            button type="submit" { (t(l, "web-show")) }
        }
    }
}

fn severity_name(lang: Lang, s: &str) -> String {
    if s == "error" {
        t(lang, "severity-error")
    } else {
        t(lang, "severity-warning")
    }
}

/// A department's state on the dashboard: a message id and a class.
fn state_of(findings: &[&WebFinding], received: bool) -> (&'static str, &'static str) {
    if !received {
        ("web-state-none", "none")
    } else if findings.iter().any(|f| f.is_error()) {
        ("web-state-errors", "errors")
    } else if !findings.is_empty() {
        ("web-state-warnings", "warnings")
    } else {
        ("web-state-clean", "clean")
    }
}

/// The year's dashboard: each department's state, last file, findings.
pub fn dashboard(
    ctx: &Ctx,
    config: &Config,
    (year, years): (i32, &[i32]),
    current: &[SubmissionRow],
    checked: &Checked,
    withdrawn: Option<&SubmissionRow>,
) -> Markup {
    let l = ctx.lang;
    let title = render(
        l,
        &Message::new("web-dashboard-title").arg("year", year.to_string()),
    );
    let unassigned: Vec<&SubmissionRow> =
        current.iter().filter(|s| s.department.is_empty()).collect();
    page(
        ctx,
        &title,
        html! {
            @if let Some(w) = withdrawn {
                p.note role="status" { (render(l, &Message::new("web-withdrawn").arg("file", w.original_name.as_str()))) }
            }
            (period_note(l, config, year))
            (year_form(ctx, "/", year))
            @if !years.is_empty() {
                p { (t(l, "web-years")) " " @for y in years { a href={ "/?year=" (y) } { (y) } " " } }
            }
            div.wide role="region" aria-label=(t(l, "web-dashboard-caption")) tabindex="0" { table {
                caption { (t(l, "web-dashboard-caption")) }
                thead { tr {
                    th scope="col" { (t(l, "web-col-department")) }
                    th scope="col" { (t(l, "web-col-state")) }
                    th scope="col" { (t(l, "web-col-last-file")) }
                    th scope="col" { (t(l, "web-col-findings")) }
                } }
                tbody {
                    @for d in &config.departments {
                        @let code = d.code.get_ref();
                        @let sub = current.iter().find(|s| &s.department == code);
                        @let fs: Vec<&WebFinding> = checked.findings.iter().filter(|f| f.submission.is_some() && &f.department == code).collect();
                        @let (state, class) = state_of(&fs, sub.is_some());
                        tr {
                            th scope="row" { (code) " – " (d.name.get(l)) }
                            td class={ "state " (class) } { (t(l, state)) }
                            td { @if let Some(s) = sub { a href={ "/submissions/" (s.id) } { (s.original_name) } ", " (super::time::show(l, &s.received_at)) } @else { "–" } }
                            td { @if let Some(s) = sub {
                                a href={ "/findings?year=" (year) "&department=" (code) } {
                                    (render(l, &Message::new("web-findings-link").count("count", fs.len() as i64).arg("department", code.as_str())))
                                }
                                @if fs.iter().any(|f| f.sheet.is_some()) {
                                    " · "
                                    a href={ "/submissions/" (s.id) "/annotated" } {
                                        (render(l, &Message::new("web-annotated-link-of").arg("department", code.as_str())))
                                    }
                                }
                            } @else { "–" } }
                        }
                    }
                }
            } }
            @if !unassigned.is_empty() {
                h2 { (t(l, "web-unassigned-title")) }
                p { (t(l, "web-unassigned-intro")) }
                ul.unassigned { @for s in &unassigned {
                    @let fs: Vec<&WebFinding> = checked.findings.iter().filter(|f| f.submission == Some(s.id)).collect();
                    @let (state, _) = state_of(&fs, true);
                    li {
                        a href={ "/submissions/" (s.id) } { (s.original_name) } ", " (super::time::show(l, &s.received_at)) ": " (t(l, state))
                        @if let Some(f) = fs.iter().find(|f| f.is_error()).or(fs.first()) { " – " (f.message[l.index()]) }
                    }
                } }
            }
        },
    )
}

fn sort_findings(list: &mut [&WebFinding], by: &str) {
    match by {
        "severity" => list.sort_by_key(|f| !f.is_error()),
        "code" => list.sort_by(|a, b| a.code.cmp(&b.code)),
        "department" => list.sort_by(|a, b| a.department.cmp(&b.department)),
        _ => {}
    }
}

fn select(
    id: &'static str,
    label: String,
    all: String,
    options: &[(String, String)],
    chosen: Option<&str>,
) -> Markup {
    html! {
        label for=(id) { (label) }
        select #(id) name=(id) {
            option value="" { (all) }
            @for (v, shown) in options {
                option value=(v) selected[chosen == Some(v.as_str())] { (shown) }
            }
        }
    }
}

/// Every finding of the year, filtered and sorted by the query.
pub fn findings(
    ctx: &Ctx,
    config: &Config,
    year: i32,
    checked: &Checked,
    q: &FindingsQuery,
) -> Markup {
    let l = ctx.lang;
    let nonempty = |o: &Option<String>| o.clone().filter(|s| !s.is_empty());
    let (sev, code, dept) = (
        nonempty(&q.severity),
        nonempty(&q.code),
        nonempty(&q.department),
    );
    let mut list: Vec<&WebFinding> = checked
        .findings
        .iter()
        .filter(|f| sev.as_ref().is_none_or(|s| &f.severity == s))
        .filter(|f| code.as_ref().is_none_or(|c| &f.code == c))
        .filter(|f| dept.as_ref().is_none_or(|d| &f.department == d))
        .collect();
    let sort = q.sort.clone().unwrap_or_default();
    sort_findings(&mut list, &sort);
    let mut codes: Vec<String> = checked.findings.iter().map(|f| f.code.clone()).collect();
    codes.sort();
    codes.dedup();
    let codes: Vec<(String, String)> = codes.into_iter().map(|c| (c.clone(), c)).collect();
    let sevs = [("error", "severity-error"), ("warning", "severity-warning")]
        .map(|(v, id)| (v.to_string(), t(l, id)));
    let depts: Vec<(String, String)> = config
        .departments
        .iter()
        .map(|d| (d.code.get_ref().clone(), d.code.get_ref().clone()))
        .collect();
    let sorts = [
        ("file", "web-sort-file"),
        ("severity", "web-col-severity"),
        ("code", "web-col-code"),
        ("department", "web-col-department"),
    ]
    .map(|(v, id)| (v.to_string(), t(l, id)));
    let title = render(
        l,
        &Message::new("web-findings-title").arg("year", year.to_string()),
    );
    page(
        ctx,
        &title,
        html! {
            form.filters method="get" action="/findings" {
                input type="hidden" name="year" value=(year);
                (select("severity", t(l, "web-col-severity"), t(l, "web-filter-all"), &sevs, sev.as_deref()))
                (select("code", t(l, "web-col-code"), t(l, "web-filter-all"), &codes, code.as_deref()))
                (select("department", t(l, "web-col-department"), t(l, "web-filter-all"), &depts, dept.as_deref()))
                label for="sort" { (t(l, "web-filter-sort")) }
                select #sort name="sort" {
                    @for (v, shown) in &sorts { option value=(v) selected[sort == *v] { (shown) } }
                }
                button type="submit" { (t(l, "web-filter-apply")) }
            }
            p #count { (render(l, &Message::new("web-findings-count").count("count", list.len() as i64))) }
            (super::fix_page::fix_links(l, &list, "/submissions/"))
            (findings_table(l, &t(l, "web-findings-caption"), &list))
        },
    )
}

/// The findings table (nothing when `list` is empty).
pub fn findings_table(l: Lang, caption: &str, list: &[&WebFinding]) -> Markup {
    html! {
    @if !list.is_empty() {
        div.wide role="region" aria-label=(caption) tabindex="0" { table #findings {
            caption { (caption) }
            thead { tr {
                th scope="col" { (t(l, "web-col-department")) }
                th scope="col" { (t(l, "web-col-file")) }
                th scope="col" { (t(l, "web-col-sheet")) }
                th scope="col" { (t(l, "web-col-cell")) }
                th scope="col" { (t(l, "web-col-severity")) }
                th scope="col" { (t(l, "web-col-code")) }
                th scope="col" { (t(l, "web-col-message")) }
            } }
            tbody {
                @for f in list {
                    tr class=(f.severity) {
                        td { (f.department) }
                        td { (f.file) }
                        td { (f.sheet.as_deref().unwrap_or("")) }
                        td { (f.cell.as_deref().unwrap_or("")) }
                        td { (severity_name(l, &f.severity)) }
                        td { code { (f.code) } }
                        td {
                            (f.message[l.index()])
                            @if let Some(h) = &f.hint { br; span.hint { (h[l.index()]) } }
                        }
                    }
                }
            }
        } }
    }
    }
}

/// What became of the files just sent (nothing when none were).
pub fn results_list(l: Lang, results: &[Received]) -> Markup {
    let unknown = t(l, "web-upload-department-unknown");
    let shown = |d: &str| {
        if d.is_empty() {
            unknown.clone()
        } else {
            d.to_string()
        }
    };
    html! {
        @if !results.is_empty() {
            section aria-labelledby="results" {
                h2 #results { (t(l, "web-upload-results")) }
                ul { @for r in results { li { @match r {
                    Received::Stored(name, dept, (e, w), via) => {
                        (render(l, &Message::new("web-upload-stored")
                            .arg("file", name.as_str()).arg("department", shown(dept))
                            .count("errors", *e as i64).count("warnings", *w as i64)))
                        @if let Some(v) = via {
                            " " span.via { (render(l, &Message::new("web-upload-via-choices").arg("department", v.as_str()))) }
                        }
                    }
                    Received::Same(name, dept, current, at) => {
                        (render(l, &Message::new(if dept.is_empty() { "web-upload-same-unknown" } else { "web-upload-same" })
                            .arg("file", name.as_str()).arg("department", dept.as_str()).arg("current", current.as_str())
                            .arg("received", super::time::text(l, at))))
                    }
                    Received::Refused(name, why) => span.refusal { (name) ": " (t(l, why)) },
                    Received::Unreadable(name, why, hint) => span.refusal {
                        (render(l, &Message::new("web-refused-unreadable").arg("file", name.as_str())))
                        " " (render(l, why))
                        @if let Some(h) = hint { " " (super::check::hint_text(l, h)) }
                    },
                    Received::Several(name, departments) => span.refusal {
                        (render(l, &Message::new("web-refused-several-departments").arg("file", name.as_str()).arg("departments", departments.as_str())))
                    },
                    Received::Mismatch(name, chosen, found) => span.refusal {
                        (render(l, &Message::new("web-refused-department-mismatch").arg("file", name.as_str())
                            .arg("chosen", chosen.as_str()).arg("found", found.as_str()))) },
                } } } }
            }
        }
    }
}

/// The upload form, and what became of the files just sent.
pub fn upload(
    ctx: &Ctx,
    config: &Config,
    year: i32,
    (results, nothing): (&[Received], bool),
) -> Markup {
    let l = ctx.lang;
    page(
        ctx,
        &t(l, "web-upload-title"),
        html! {
            @if nothing { p.refusal role="alert" { (t(l, "web-upload-nothing")) } }
            (period_note(l, config, year))
            (results_list(l, results))
            @if !results.is_empty() { p { a href={ "/findings?year=" (year) } { (t(l, "web-nav-findings")) } } }
            p { (t(l, "web-upload-intro")) }
            form #upload method="post" action="/upload" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                p {
                    label for="upload-year" { (t(l, "web-year-label")) }
                    input #upload-year type="number" name="year" value=(year) min="1900" max="9998" required;
                }
                p {
                    label for="department" { (t(l, "web-upload-department")) }
                    select #department name="department" {
                        option value="" { (t(l, "web-upload-department-detect")) }
                        @for d in &config.departments { option value=(d.code.get_ref()) { (d.code.get_ref()) " – " (d.name.get(l)) } }
                    }
                }
                div #drop.drop {
                    label for="files" { (t(l, "web-upload-files")) }
                    input #files type="file" name="files" multiple accept=".xlsx,.xlsm,.xlsb,.xls,.ods,.csv";
                    p.drop-hint { (t(l, "web-upload-drop")) }
                }
                progress #progress max="100" value="0" hidden aria-label=(t(l, "web-upload-progress")) {}
                p { button type="submit" { (t(l, "web-upload-submit")) } }
            }
        },
    )
}

fn outputs_of(b: &BuildRow) -> Vec<super::check::Output> {
    serde_json::from_str(&b.outputs).unwrap_or_default()
}

/// The build form and the year's builds with their downloads.
/// The year's build page: `years` (those with files) for the year's
/// choice; `note` and the build just made (`new`, highlighted) after a build.
pub fn build(
    ctx: &Ctx,
    (year, years): (i32, &[i32]),
    builds: &[BuildRow],
    (note, new): (Option<&'static str>, Option<i64>),
) -> Markup {
    let l = ctx.lang;
    let title = render(
        l,
        &Message::new("web-build-title").arg("year", year.to_string()),
    );
    page(
        ctx,
        &title,
        html! {
            @if let Some(n) = note { p.note role="status" { (t(l, n)) } }
            (year_form(ctx, "/build", year))
            @if !years.is_empty() {
                p { (t(l, "web-years")) " " @for y in years { a href={ "/build?year=" (y) } { (y) } " " } }
            }
            p { (t(l, "web-build-intro")) }
            form.stacked method="post" action="/build" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                input type="hidden" name="year" value=(year);
                p {
                    label for="build-lang" { (t(l, "web-build-lang")) }
                    select #build-lang name="lang" {
                        @for (code, name) in LANGS {
                            option value=(code) lang=(code) selected[code == l.code()] { (name) }
                        }
                    }
                }
                p { button type="submit" { (t(l, "web-build-submit")) } }
            }
            h2 { (t(l, "web-build-list")) }
            @if builds.is_empty() { p { (t(l, "web-builds-none")) } } @else {
                div.wide role="region" aria-label=(t(l, "web-build-list")) tabindex="0" { table #builds {
                    thead { tr {
                        th scope="col" { (t(l, "web-col-built-at")) }
                        th scope="col" { (t(l, "web-col-build-kind")) }
                        th scope="col" { (t(l, "web-col-build-lang")) }
                        th scope="col" { (t(l, "web-col-downloads")) }
                    } }
                    tbody { @for b in builds { tr class=[(new == Some(b.id)).then_some("new")] {
                        th scope="row" {
                            (super::time::show(l, &b.built_at))
                            @if new == Some(b.id) { " " strong.tag { (t(l, "web-build-new")) } }
                        }
                        td { (t(l, if b.draft { "web-build-draft" } else { "web-build-final" })) }
                        td { (lang_name(l, &b.lang).unwrap_or_else(|| "–".into())) }
                        td { @for (i, (href, id)) in build_links(b).into_iter().enumerate() {
                            @if i > 0 { " · " }
                            a href=(href) { (t(l, id)) }
                        } }
                    } } }
                } }
            }
        },
    )
}

/// The outputs' languages: each code and its name in itself.
const LANGS: [(&str, &str); 3] = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")];

/// The name of the outputs' language `code` in the page's language `l`
/// (`sv` → `ruotsi` on a Finnish page); `None` for an unknown code.
pub fn lang_name(l: Lang, code: &str) -> Option<String> {
    let id = match code {
        "fi" => "web-lang-name-fi",
        "sv" => "web-lang-name-sv",
        "en" => "web-lang-name-en",
        _ => return None,
    };
    Some(t(l, id))
}

/// A build's download links (address, message), separated on the page
/// only between them.
fn build_links(b: &BuildRow) -> Vec<(String, &'static str)> {
    let mut links = Vec::new();
    for o in outputs_of(b) {
        if o.kind == "report" {
            links.push((format!("/builds/{}/report", b.id), "web-download-report"));
            links.push((
                format!("/builds/{}/report?inline=1", b.id),
                "web-view-report",
            ));
        } else {
            links.push((
                format!("/builds/{}/workbook", b.id),
                "web-download-workbook",
            ));
        }
    }
    links
}

/// Each department's template for the next year.
pub fn templates(ctx: &Ctx, config: &Config, year: i32, from: Option<&BuildRow>) -> Markup {
    let l = ctx.lang;
    let next = (year + 1).to_string();
    page(
        ctx,
        &render(
            l,
            &Message::new("web-templates-title").arg("year", next.clone()),
        ),
        html! {
            p { (render(l, &Message::new("web-templates-intro").arg("year", year.to_string()))) }
            @if !config.is_programme_year(year + 1) {
                // The command line refuses such a template (`--year`
                // outside the programme): no links that would fail.
                p.refusal role="status" { (render(l, &Message::new("web-templates-outside")
                    .arg("year", next.clone())
                    .arg("first", config.programme.first_year.get_ref().to_string())
                    .arg("last", config.programme.last_year.get_ref().to_string()))) }
            } @else {
            p #prefill { @match from {
                Some(b) => (render(l, &Message::new("web-templates-from")
                    .arg("year", year.to_string())
                    .arg("built", super::time::text(l, &b.built_at)))),
                None => (render(l, &Message::new("web-templates-empty").arg("year", year.to_string()))),
            } }
            ul { @for d in &config.departments {
                li { a href={ "/templates/" (d.code.get_ref()) "?year=" (year) } {
                    (render(l, &Message::new("web-template-download").arg("department", d.name.get(l)).arg("year", next.clone())))
                } }
            } }
            }
        },
    )
}

/// The administrator's sign-in.
pub fn login(ctx: &Ctx, wrong: bool) -> Markup {
    let l = ctx.lang;
    page(
        ctx,
        &t(l, "web-login-title"),
        html! {
            @if wrong { p.refusal role="alert" { (t(l, "web-login-wrong")) } }
            form method="post" action="/login" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                p {
                    label for="password" { (t(l, "web-login-password")) }
                    input #password type="password" name="password" autocomplete="current-password" required;
                }
                p { button type="submit" { (t(l, "web-login-submit")) } }
            }
        },
    )
}
