//! Issue 23 point 3 over HTTP: an unknown column matched to a field and
//! remembered for the department's next files, a flagged cell corrected
//! in place and re-checked, the refusals (a wrong CSRF token, a cell
//! outside the sheet, a value with control characters, another
//! department's link), and what the register keeps.

use std::path::Path;

use super::http::{Client, Response, Server};
use crate::common;

/// A KYMP file whose budget column is headed `Kustannusarvio` (no
/// spelling of any field) and whose second row's budget is `n/a`.
const CSV: &str = "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Kustannusarvio;Toteuma (€)\n\
                   KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n\
                   KYMP;1;Kerho;Mikkola;toteutusvaihe;2021;n/a;10\n";

/// Percent-encodes a form value.
pub(super) fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn upload(c: &mut Client, name: &str) -> Response {
    upload_text(c, name, CSV)
}

fn upload_text(c: &mut Client, name: &str, text: &str) -> Response {
    let csrf = c.get("/upload").csrf();
    c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "KYMP")],
        &[(name, text.as_bytes())],
    )
}

/// The columns form's fields that match the sample CSV's unknown header
/// `Kustannusarvio` to the budget, with `csrf` as its token.
fn budget_match(csrf: &str) -> [(&str, &str); 3] {
    [
        ("csrf", csrf),
        ("header", "Kustannusarvio"),
        ("field", "budget_eur"),
    ]
}

/// The value of the first hidden `sheet` field in a page.
fn sheet_field(page: &str) -> String {
    let at = page
        .find("name=\"sheet\" value=\"")
        .expect("a correction form")
        + 20;
    page[at..].split('"').next().unwrap().to_string()
}

/// The rows of a register table, each as text columns.
pub(super) fn rows(ws: &Path, sql: &str) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(ws.join("rekisteri.sqlite")).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i).map(|v| match v {
                    rusqlite::types::Value::Text(t) => t,
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    other => format!("{other:?}"),
                })
            })
            .collect()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The findings table of a file's page only (its codes), not the forms.
pub(super) fn codes(page: &str) -> Vec<String> {
    let Some(at) = page.find("id=\"fix-findings\"") else {
        return Vec::new();
    };
    page[at..]
        .split("<code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect()
}

#[test]
fn a_column_is_matched_and_remembered_and_a_cell_corrected_and_rechecked() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    assert_eq!(upload(&mut c, "kymp.csv").status, 200);
    let findings = c.get("/findings?year=2021").text();
    assert!(findings.contains("href=\"/submissions/1\""), "{findings}");

    // The unknown column beside the fields, each labelled.
    let page = c.get("/submissions/1");
    assert_eq!(page.status, 200);
    let t = page.text();
    assert!(codes(&t).contains(&"unknown-column".to_string()), "{t}");
    assert!(
        t.contains("<label for=\"match-0\">Sarake «Kustannusarvio» (G1)</label>"),
        "{t}"
    );
    assert!(
        t.contains("<option value=\"budget_eur\">Budjetti (€)</option>"),
        "{t}"
    );

    assert!(
        t.contains("<span class=\"hint\" id=\"closest-0\">Lähimmät kentät: "),
        "{t}"
    );

    // Matched: re-checked at once, the budget column read, its `n/a` flagged.
    let csrf = page.csrf();
    let wrong = "0".repeat(64);
    let no = c.post_form("/submissions/1/columns", &budget_match(&wrong));
    assert_eq!(no.status, 403);
    assert!(rows(ws.path(), "SELECT id FROM column_matches").is_empty());
    // A saved match answers 303 See Other to the file's page, which says so.
    let see = c.post_form("/submissions/1/columns", &budget_match(&csrf));
    assert_eq!(see.status, 303, "{}", see.text());
    assert_eq!(see.header("location"), Some("/submissions/1?saved=columns"));
    let matched = c.get("/submissions/1?saved=columns");
    assert_eq!(matched.status, 200);
    let t = matched.text();
    assert!(t.contains("Sarakkeiden valinnat tallennettiin"), "{t}");
    let found = codes(&t);
    assert!(!found.contains(&"unknown-column".to_string()), "{found:?}");
    assert!(found.contains(&"type-error".to_string()), "{found:?}");
    assert!(
        t.contains("«Kustannusarvio» luetaan kenttänä Budjetti (€)"),
        "{t}"
    );
    assert_eq!(
        rows(
            ws.path(),
            "SELECT department, header, field, submission, chosen_by FROM column_matches"
        ),
        [["KYMP", "Kustannusarvio", "budget_eur", "1", "admin"]]
    );

    // Refused: a wrong token, a cell outside the sheet, a control character.
    let sheet = sheet_field(&t);
    let no = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &wrong),
            ("sheet", &sheet),
            ("cell", "G3"),
            ("value", "5"),
        ],
    );
    assert_eq!(no.status, 403);
    let outside = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", &sheet),
            ("cell", "Z99"),
            ("value", "5"),
        ],
    );
    // POST/redirect/GET: each refusal is said on the file's page, a cell
    // outside the sheet, a cell that is no address and a sheet the file
    // lacks each in words of their own.
    let shown = |c: &mut Client, r: super::http::Response| {
        assert_eq!(r.status, 303, "{}", r.text());
        c.get(r.header("location").unwrap()).text()
    };
    let outside = shown(&mut c, outside);
    assert!(
        outside.contains("solu on välilehden täytetyn alueen ulkopuolella"),
        "{outside}"
    );
    let correct = |c: &mut Client, sheet: &str, cell: &str| {
        let f = [
            ("csrf", csrf.as_str()),
            ("sheet", sheet),
            ("cell", cell),
            ("value", "5"),
        ];
        let r = c.post_form("/submissions/1/correct", &f);
        shown(c, r)
    };
    let no_address = correct(&mut c, &sheet, "ZZ");
    assert!(
        no_address.contains("solun osoite ei kelpaa"),
        "{no_address}"
    );
    let no_sheet = correct(&mut c, "Eiole", "G3");
    assert!(
        no_sheet.contains("tiedostossa ei ole tämännimistä välilehteä"),
        "{no_sheet}"
    );
    let bad = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", &sheet),
            ("cell", "G3"),
            ("value", "5%00"),
        ],
    );
    let bad = shown(&mut c, bad);
    assert!(bad.contains("ohjausmerkkejä"), "{bad}");
    assert!(rows(ws.path(), "SELECT id FROM corrections").is_empty());

    // Corrected: the error is gone at once; the register keeps the change.
    let fixed = c.post_redirected(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", &sheet),
            ("cell", "g3"),
            ("value", &enc("2 000 €")),
        ],
    );
    assert_eq!(fixed.status, 200);
    let t = fixed.text();
    assert!(t.contains("Korjaus tallennettiin"), "{t}");
    assert!(!codes(&t).contains(&"type-error".to_string()), "{t}");
    let sha = &rows(ws.path(), "SELECT sha256 FROM submissions WHERE id = 1")[0][0];
    assert_eq!(
        rows(
            ws.path(),
            "SELECT submission, sha256, sheet, cell, value_before, value_after, corrected_by FROM corrections"
        ),
        [["1", sha.as_str(), &sheet, "G3", "n/a", "2 000 €", "admin"]]
    );
    // The stored file is the one sent.
    let stored = std::fs::read(ws.path().join("tiedostot").join(&sha[..2]).join(sha)).unwrap();
    assert_eq!(stored, CSV.as_bytes());

    // A hostile value is text: escaped in the page.
    let hostile = c.post_redirected(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", &sheet),
            ("cell", "C2"),
            ("value", &enc("<script>alert(1)</script>")),
        ],
    );
    assert_eq!(hostile.status, 200);
    let t = hostile.text();
    assert!(!t.contains("<script>alert"), "{t}");
    assert!(t.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{t}");

    // The build reads the corrected value and lists the correction.
    let csrf = c.get("/build?year=2021").csrf();
    assert_eq!(
        c.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")])
            .status,
        200
    );
    let xlsx = c.get("/builds/1/workbook");
    let path = ws.path().join("kooste.xlsx");
    std::fs::write(&path, &xlsx.body).unwrap();
    let sources: Vec<Vec<String>> = common::sheet(&path, "Lähteet")
        .iter()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    let at = sources
        .iter()
        .position(|r| r[0] == "Korjaukset")
        .expect("corrections in the sources");
    assert_eq!(sources[at + 2][2..6], ["G3", "n/a", "2 000 €", "admin"]);
    assert_eq!(sources[at + 2][7], *sha);

    // The department's next file: the column is known at once, from its
    // receipt (one error: the `n/a`) to its page.
    // (A new version: the same bytes would keep the file's corrections.)
    let next = upload_text(&mut c, "kymp2.csv", &CSV.replace("Kerho", "Kerho 2"));
    assert!(
        next.text().contains("kymp2.csv: toimiala KYMP, 1 virhe"),
        "{}",
        next.text()
    );
    let next = c.get("/submissions/2").text();
    assert!(
        !codes(&next).contains(&"unknown-column".to_string()),
        "{next}"
    );
    assert!(codes(&next).contains(&"type-error".to_string()), "{next}");
    // The older file is no longer current: nothing to fix there, said so.
    let old = c.get("/submissions/1").text();
    assert!(old.contains("ei ole enää käytössä"), "{old}");
    assert!(!old.contains("name=\"value\""), "{old}");
}

#[test]
fn a_department_link_fixes_only_its_own_departments_files() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[("KOOSTE_ADMIN_PASSWORD", "salasana-123")]);
    let mut admin = Client::new(&server);
    let csrf = admin.get("/login").csrf();
    admin.post_form("/login", &[("csrf", &csrf), ("password", "salasana-123")]);
    assert_eq!(upload(&mut admin, "kymp.csv").status, 200);
    let link = |admin: &mut Client, dept: &str| admin.new_link(dept, "2021");
    let kuku = link(&mut admin, "KUKU");
    let kymp = link(&mut admin, "KYMP");

    let mut dept = Client::new(&server);
    assert_eq!(dept.get("/submissions/1").status, 303, "the admin's page");
    let csrf = dept.get(&kuku).csrf();
    assert_eq!(dept.get(&format!("{kuku}/submissions/1")).status, 404);
    let other = dept.post_form(
        &format!("{kuku}/submissions/1/correct"),
        &[
            ("csrf", &csrf),
            ("sheet", "x"),
            ("cell", "G3"),
            ("value", "5"),
        ],
    );
    assert_eq!(other.status, 404);
    let other = dept.post_form(
        &format!("{kuku}/submissions/1/columns"),
        &budget_match(&csrf),
    );
    assert_eq!(other.status, 404);
    assert!(rows(ws.path(), "SELECT id FROM corrections").is_empty());
    assert!(rows(ws.path(), "SELECT id FROM column_matches").is_empty());

    // Its own department's file: listed on its page, fixable.
    let own = dept.get(&kymp).text();
    assert!(
        own.contains(&format!("href=\"{kymp}/submissions/1\"")),
        "{own}"
    );
    let page = dept.get(&format!("{kymp}/submissions/1"));
    assert_eq!(page.status, 200);
    let csrf = page.csrf();
    let done = dept.post_redirected(
        &format!("{kymp}/submissions/1/columns"),
        &budget_match(&csrf),
    );
    assert_eq!(done.status, 200);
    let sheet = sheet_field(&done.text());
    let done = dept.post_redirected(
        &format!("{kymp}/submissions/1/correct"),
        &[
            ("csrf", &csrf),
            ("sheet", &sheet),
            ("cell", "G3"),
            ("value", "2000"),
        ],
    );
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(
        rows(
            ws.path(),
            "SELECT cell, value_after, corrected_by FROM corrections"
        ),
        [["G3", "2000", "KYMP"]]
    );
    let log = server.stop();
    assert!(log.contains("hylätty (other-department-file)"), "{log}");
}

#[test]
fn a_cell_corrected_twice_shows_the_files_value_before_and_only_the_newest_applied() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    upload(&mut c, "kymp.csv");
    let csrf = c.get("/submissions/1").csrf();
    let matched = c.post_redirected("/submissions/1/columns", &budget_match(&csrf));
    let sheet = sheet_field(&matched.text());
    for value in ["1000", "2000"] {
        let done = c.post_redirected(
            "/submissions/1/correct",
            &[
                ("csrf", &csrf),
                ("sheet", &sheet),
                ("cell", "G3"),
                ("value", value),
            ],
        );
        assert_eq!(done.status, 200, "{}", done.text());
    }
    // The register keeps both, each with the value in the file.
    assert_eq!(
        rows(
            ws.path(),
            "SELECT cell, value_before, value_after FROM corrections ORDER BY id"
        ),
        [["G3", "n/a", "1000"], ["G3", "n/a", "2000"]]
    );
    let page = c.get("/submissions/1").text();
    let at = page
        .find("id=\"corrections\"")
        .expect("the corrections table");
    let table = &page[at..];
    assert_eq!(table.matches("korvattu uudemmalla").count(), 1, "{table}");
    assert_eq!(table.matches("voimassa").count(), 1, "{table}");

    // The workbook lists the correction in effect only.
    let csrf = c.get("/build?year=2021").csrf();
    c.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")]);
    let xlsx = c.get("/builds/1/workbook");
    assert_eq!(xlsx.status, 200);
    let path = ws.path().join("kooste.xlsx");
    std::fs::write(&path, &xlsx.body).unwrap();
    let sources: Vec<Vec<String>> = common::sheet(&path, "Lähteet")
        .iter()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    let at = sources
        .iter()
        .position(|r| r[0] == "Korjaukset")
        .expect("corrections in the sources");
    let listed: Vec<&[String]> = sources[at + 2..]
        .iter()
        .filter(|r| r.get(2).is_some_and(|c| c == "G3"))
        .map(|r| &r[2..5])
        .collect();
    assert_eq!(listed, [["G3", "n/a", "2000"]]);
    let measures = common::sheet(&path, "Toimenpiteet");
    let text: String = measures
        .iter()
        .flatten()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("2000") || text.contains("2 000"), "{text}");
    assert!(!text.contains("n/a"), "{text}");
}

/// KYMP's rows under headers in the department's own words only.
const OWN_WORDS: &str = "Osasto;Teema;Mitä tehtiin;Missä;Missä vaiheessa;Minä vuonna;Rahaa varattu;Rahaa käytetty\n\
                         KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n";

#[test]
fn a_detected_departments_remembered_column_choices_read_its_next_own_wording_file() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let first = upload_text(&mut c, "oma.csv", OWN_WORDS);
    assert!(
        first.text().contains("oma.csv: toimiala KYMP"),
        "{}",
        first.text()
    );
    let page = c.get("/submissions/1");
    assert!(codes(&page.text()).contains(&"no-measure-sheet".to_string()));
    let csrf = page.csrf();
    let pairs = [
        ("Osasto", "department"),
        ("Teema", "focus_area"),
        ("Mitä tehtiin", "measure"),
        ("Missä", "areas"),
        ("Missä vaiheessa", "status"),
        ("Minä vuonna", "year"),
        ("Rahaa varattu", "budget_eur"),
        ("Rahaa käytetty", "spent_eur"),
    ];
    let mut form = vec![("csrf", csrf.as_str())];
    for (h, f) in &pairs {
        form.push(("header", h));
        form.push(("field", f));
    }
    let encoded: Vec<(String, String)> = form
        .iter()
        .map(|(k, v)| ((*k).to_string(), enc(v)))
        .collect();
    let fields: Vec<(&str, &str)> = encoded
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let done = c.post_redirected("/submissions/1/columns", &fields);
    assert!(
        !codes(&done.text()).contains(&"no-measure-sheet".to_string()),
        "{}",
        done.text()
    );

    // Its next file, department left to the file: detected through the
    // remembered choices, and the upload says whose.
    let csrf = c.get("/upload").csrf();
    let next = c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "")],
        &[("oma2.csv", OWN_WORDS.replace("Pihat", "Puistot").as_bytes())],
    );
    let t = next.text();
    assert!(t.contains("oma2.csv: toimiala KYMP, 0 virhettä"), "{t}");
    assert!(
        t.contains("luettiin toimialan KYMP muistetuilla sarakevalinnoilla"),
        "{t}"
    );
    assert_eq!(
        rows(ws.path(), "SELECT department FROM submissions WHERE id = 2"),
        [["KYMP"]]
    );
}

#[test]
fn a_remembered_choice_is_forgotten_by_its_form_and_a_standard_header_is_not_remapped() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    upload(&mut c, "kymp.csv");
    let csrf = c.get("/submissions/1").csrf();
    let matched = c.post_redirected("/submissions/1/columns", &budget_match(&csrf));
    let t = matched.text();
    assert!(t.contains("id=\"forget-0\""), "{t}");
    assert!(
        t.contains("name=\"header\" value=\"Kustannusarvio\""),
        "{t}"
    );
    assert!(
        t.contains("aria-label=\"Unohda valinta «Kustannusarvio»\""),
        "{t}"
    );

    // A standard header keeps its field: refused, logged, nothing saved.
    let no = c.post_form(
        "/submissions/1/columns",
        &[
            ("csrf", &csrf),
            ("header", &enc("Budjetti (€)")),
            ("field", "spent_eur"),
        ],
    );
    // POST/redirect/GET: the refusal is shown on the file's page.
    assert_eq!(no.status, 303);
    let no = c.get(no.header("location").unwrap());
    assert!(no.text().contains("ohjelman oma otsikko"), "{}", no.text());
    assert_eq!(
        rows(ws.path(), "SELECT count(*) FROM column_matches"),
        [["1"]]
    );

    // Forgotten through the department's own link.
    let link = c.new_link("KYMP", "2021");
    let mut dept = Client::new(&server);
    let page = dept.get(&format!("{link}/submissions/1"));
    assert!(page.text().contains("id=\"forget-0\""), "{}", page.text());
    let csrf = page.csrf();
    let forgot = dept.post_redirected(
        &format!("{link}/submissions/1/columns"),
        &[
            ("csrf", &csrf),
            ("header", "Kustannusarvio"),
            ("field", ""),
            ("forget", "1"),
        ],
    );
    assert_eq!(forgot.status, 200);
    let t = forgot.text();
    assert!(!t.contains("id=\"forget-0\""), "{t}");
    // Said as forgotten, not as choices saved.
    assert!(t.contains("Sarakkeen valinta unohdettiin"), "{t}");
    assert!(!t.contains("Sarakkeiden valinnat tallennettiin"), "{t}");
    assert!(codes(&t).contains(&"unknown-column".to_string()), "{t}");
    let log = server.stop();
    assert!(
        log.contains("hylätty (standard-header): Budjetti (€)"),
        "{log}"
    );
}

#[test]
fn malformed_paths_and_forms_get_the_apps_own_pages_logged() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    upload(&mut c, "kymp.csv");
    let csrf = c.get("/submissions/1").csrf();

    let abc = c.get("/submissions/abc");
    assert_eq!(abc.status, 404);
    let t = abc.text();
    assert!(
        t.contains("<h1>Sivua ei löydy</h1>") && t.contains("Sivua ei ole."),
        "{t}"
    );
    assert!(
        !t.contains("Invalid URL") && !t.contains("Pyyntöä ei hyväksytty"),
        "{t}"
    );
    let sv = c.get("/submissions/abc?lang=sv").text();
    assert!(sv.contains("<h1>Sidan hittades inte</h1>"), "{sv}");
    c.get("/upload?lang=fi");
    let link = c.get("/d/%FF/history");
    assert_eq!(link.status, 404);

    let no_value = c.post_form(
        "/submissions/1/correct",
        &[("csrf", &csrf), ("sheet", "kymp"), ("cell", "G3")],
    );
    assert_eq!(no_value.status, 422);
    let t = no_value.text();
    assert!(t.contains("Lomakkeen tiedot eivät kelpaa"), "{t}");
    assert!(!t.contains("Failed to deserialize"), "{t}");
    let json = c.send(
        "POST",
        "/submissions/1/correct",
        Some("application/json"),
        b"{}",
    );
    assert_eq!(json.status, 415);
    assert!(
        json.text().contains("Lomakkeen tiedot eivät kelpaa"),
        "{}",
        json.text()
    );

    // A value that is not UTF-8 is refused, not stored as U+FFFD.
    let broken = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", "kymp"),
            ("cell", "G3"),
            ("value", "%FF"),
        ],
    );
    assert_eq!(broken.status, 400);
    // A CSV's correction names its real sheet.
    let other = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", "Muu"),
            ("cell", "G3"),
            ("value", "5"),
        ],
    );
    assert_eq!(other.status, 303);
    assert_eq!(
        other.header("location"),
        Some("/submissions/1?refused=sheet")
    );
    assert!(rows(ws.path(), "SELECT id FROM corrections").is_empty());
    let real = c.post_form(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", "kymp"),
            ("cell", "G3"),
            ("value", "5"),
        ],
    );
    assert_eq!(real.status, 303, "{}", real.text());
    assert_eq!(rows(ws.path(), "SELECT sheet FROM corrections"), [["kymp"]]);

    let log = server.stop();
    assert!(
        log.contains("hylätty (bad-path): /submissions/abc"),
        "{log}"
    );
    assert!(log.contains("hylätty (unknown-link)"), "{log}");
    assert!(
        log.contains("hylätty (bad-form): /submissions/1/correct"),
        "{log}"
    );
}
