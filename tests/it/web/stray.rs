//! Issue 23, tried as a new user would: a stray upload no longer keeps the
//! year a draft for good (it is withdrawn, kept in the history), a
//! department chosen in the form is never overridden in silence, an
//! upload with no file says so, the same file again registers nothing
//! new, and a build's language is chosen and shown.

use super::fixes::rows;

/// A KYMP file in the department's own column names: readable, but no
/// header row (so no department) is found until its columns are matched.
const OWN_WORDS: &str = "Yksikkö;Alue-osa;Hanke;Kaupunginosa;Tilanne;Vuosi;Kustannusarvio;Käytetty\n\
     KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n";
use super::http::{Client, Response, Server};
use crate::common::root;

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples/2021").join(name)).unwrap()
}

/// Uploads `files` for 2021 with the form's department `dept` ("" to
/// detect); returns the results page.
fn upload(c: &mut Client, dept: &str, files: &[(&str, &[u8])]) -> Response {
    let csrf = c.get("/upload").csrf();
    c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", dept)],
        files,
    )
}

/// Each department's state cell on the dashboard, in the configured order.
fn states(page: &str) -> Vec<String> {
    page.split("class=\"state ")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

/// Builds 2021; returns the build page after the redirect.
fn build(c: &mut Client, lang: &str) -> String {
    let csrf = c.get("/build?year=2021").csrf();
    let fields = [("csrf", csrf.as_str()), ("year", "2021"), ("lang", lang)];
    c.post_redirected("/build", &fields).text()
}

#[test]
fn a_stray_upload_is_withdrawn_and_the_year_builds_final_again() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let samples: Vec<(String, Vec<u8>)> = super::http::SAMPLES
        .iter()
        .map(|n| (n.to_string(), sample(n)))
        .collect();
    let files: Vec<(&str, &[u8])> = samples
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    upload(&mut c, "", &files);
    // A text file renamed .xlsx and an empty CSV cannot be read at all:
    // refused at receipt, saying why; nothing registered or stored.
    let up = upload(
        &mut c,
        "",
        &[("muistio.xlsx", b"hello\n"), ("tyhja.csv", b"")],
    )
    .text();
    assert!(
        up.contains("muistio.xlsx: tiedostoa ei vastaanotettu, koska sitä ei voi lukea. Tiedoston pääte on .xlsx, mutta se ei ole Excel- eikä OpenDocument-työkirja."),
        "{up}"
    );
    assert!(up.contains("tyhja.csv: tiedostoa ei vastaanotettu"), "{up}");
    assert!(up.contains("Tiedosto on tyhjä (0 tavua)"), "{up}");
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM submissions"), [["5"]]);
    assert_eq!(
        std::fs::read_dir(ws.path().join("tiedostot"))
            .unwrap()
            .count(),
        5
    );
    // A readable file whose department cannot be told (its own column
    // names): registered, and listed with why and a link to its page.
    let up = upload(&mut c, "", &[("oma.csv", OWN_WORDS.as_bytes())]).text();
    assert!(up.contains("oma.csv: toimiala tuntematon, 1 virhe"), "{up}");
    let page = c.get("/?year=2021").text();
    assert_eq!(states(&page), ["clean"; 5]);
    assert!(
        page.contains("<a href=\"/submissions/6\">oma.csv</a>"),
        "{page}"
    );
    assert!(page.contains("Virheitä – "), "{page}");
    assert!(build(&mut c, "fi").contains("Luonnos"));

    // Withdrawn from its page: POST/redirect/GET to the dashboard; the
    // button again (Back) says the same and records nothing more.
    for _ in 0..2 {
        let csrf = c.get("/upload").csrf();
        let done = c.post_form("/submissions/6/withdraw", &[("csrf", &csrf)]);
        assert_eq!(done.status, 303, "{}", done.text());
        assert_eq!(done.header("location"), Some("/?year=2021&withdrawn=6"));
    }
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM withdrawals"), [["1"]]);
    let page = c.get("/?year=2021&withdrawn=6").text();
    assert!(
        page.contains("Tiedosto oma.csv poistettiin käytöstä."),
        "{page}"
    );
    assert!(
        !page.contains("Tiedostot, joiden toimialaa ei tunnistettu"),
        "{page}"
    );
    // Said only of a withdrawn file of the year: the address proves nothing.
    assert!(
        !c.get("/?year=2021&withdrawn=4")
            .text()
            .contains("poistettiin")
    );
    assert!(
        !c.get("/?year=2020&withdrawn=6")
            .text()
            .contains("poistettiin")
    );
    // Its page says so, and where it stays.
    let gone = c.get("/submissions/6").text();
    assert!(
        gone.contains("Tiedosto oma.csv on poistettu käytöstä"),
        "{gone}"
    );
    assert!(gone.contains("href=\"/history?year=2021\""), "{gone}");
    assert!(
        c.get("/findings?year=2021")
            .text()
            .contains("Ei havaintoja.")
    );
    // Nothing deleted: the row, the stored file and the history remain.
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM submissions"), [["6"]]);
    let history = c.get("/history?year=2021").text();
    assert_eq!(
        history.matches("<td>Poistettu käytöstä").count(),
        1,
        "{history}"
    );
    assert_eq!(c.get("/files/6").body, OWN_WORDS.as_bytes());
    // The year builds final again, without the withdrawn file.
    let built = build(&mut c, "fi");
    assert!(built.contains("Lopullinen"), "{built}");
    let inputs = rows(ws.path(), "SELECT inputs FROM builds WHERE id = 2");
    assert_eq!(inputs, [["[1,2,3,4,5]"]]);

    // A file sent for a wrong year and withdrawn leaves no year behind:
    // the app does not open on it, nor list it among the years.
    let csrf = c.get("/upload").csrf();
    c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2030"), ("department", "")],
        &[("kuku_2021.xlsx", &sample("kuku_2021.xlsx"))],
    );
    assert!(c.get("/").text().contains("Vuoden 2030 tilanne"));
    let csrf = c.get("/upload").csrf();
    c.post_form("/submissions/7/withdraw", &[("csrf", &csrf)]);
    let home = c.get("/").text();
    assert!(home.contains("Vuoden 2021 tilanne"), "{home}");
    assert!(!home.contains("?year=2030\">2030"), "{home}");
    // The history keeps it, and any file there can be withdrawn.
    let history = c.get("/history").text();
    assert!(history.contains("Vuosi 2030"), "{history}");
    assert!(
        history.contains("action=\"/submissions/5/withdraw\""),
        "{history}"
    );

    // A department's withdrawn file gives way to its earlier one.
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    upload(&mut c, "KYMP", &[("bad_values.xlsx", &bad)]);
    assert_eq!(states(&c.get("/?year=2021").text())[0], "errors");
    let csrf = c.get("/submissions/8").csrf();
    let done = c.post_form("/submissions/8/withdraw", &[("csrf", &csrf)]);
    assert_eq!(done.status, 303);
    let page = c.get("/?year=2021").text();
    assert_eq!(states(&page), ["clean"; 5]);
    assert!(page.contains(">kymp_2021.xlsx</a>"), "{page}");
    // A withdrawal needs the form's token.
    let wrong = c.post_form("/submissions/4/withdraw", &[("csrf", "x")]);
    assert_eq!(wrong.status, 403);
    let log = server.stop();
    assert!(log.contains("hylätty (csrf): withdraw"), "{log}");
}

#[test]
fn a_chosen_department_is_never_overridden_and_an_empty_upload_says_so() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    // SOTE chosen, a KYMP file sent: refused, both named, nothing stored.
    let kymp = sample("kymp_2021.xlsx");
    let up = upload(&mut c, "SOTE", &[("kymp_2021.xlsx", &kymp)]).text();
    assert!(
        up.contains(
            "kymp_2021.xlsx: valitsit toimialan SOTE, mutta tiedoston riveillä on toimiala KYMP."
        ),
        "{up}"
    );
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM submissions"), [["0"]]);
    assert_eq!(states(&c.get("/?year=2021").text()), ["none"; 5]);
    // Chosen rightly, or detected, it is received.
    let up = upload(&mut c, "KYMP", &[("kymp_2021.xlsx", &kymp)]).text();
    assert!(
        up.contains("kymp_2021.xlsx: toimiala KYMP, 0 virhettä"),
        "{up}"
    );
    // The same bytes again: the current file stays, no second row.
    let up = upload(&mut c, "", &[("kopio.xlsx", &kymp)]).text();
    assert!(
        up.contains(
            "kopio.xlsx: sama tiedosto kuin toimialan KYMP nykyinen tiedosto kymp_2021.xlsx"
        ),
        "{up}"
    );
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM submissions"), [["1"]]);

    // Rows of two departments, the department left to the file: refused
    // at receipt, both named (a build never takes one's rows from the
    // other's file, and it would have been set aside in silence).
    let two = "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€)\n\
               KASKO;1;Kerho;Mikkola;toteutusvaihe;2021;1000\n\
               KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;2000\n\
               KASKO;1;Leiri;Mikkola;toteutusvaihe;2021;3000\n";
    let up = upload(&mut c, "", &[("kaksi.csv", two.as_bytes())]).text();
    assert!(
        up.contains(
            "kaksi.csv: tiedoston riveillä on usean toimialan toimenpiteitä (KASKO, KYMP)."
        ),
        "{up}"
    );
    assert_eq!(rows(ws.path(), "SELECT count(*) FROM submissions"), [["1"]]);

    // No file chosen: said so, in the page's language.
    let csrf = c.get("/upload").csrf();
    let none = c.post_multipart_once(
        "/upload",
        &[("csrf", &csrf), ("year", "2021")],
        &[("", &[][..])],
    );
    assert_eq!(none.status, 303);
    assert_eq!(none.header("location"), Some("/upload?year=2021&nothing=1"));
    let t = c.get("/upload?year=2021&nothing=1").text();
    assert!(t.contains("Yhtään tiedostoa ei valittu."), "{t}");
    // A year that is not one is refused, never taken as the default.
    let bad = c.post_multipart_once(
        "/upload",
        &[("csrf", &csrf), ("year", "20x1")],
        &[("kymp_2021.xlsx", &kymp)],
    );
    assert_eq!(bad.status, 400);
    assert!(
        bad.text().contains("Vuosi «20x1» ei kelpaa"),
        "{}",
        bad.text()
    );
    // A department that is not the programme's is refused, never taken as
    // "recognise from the file".
    let csrf = c.get("/upload").csrf();
    let nope = c.post_multipart_once(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "NOPE")],
        &[("kymp_2021.xlsx", &kymp)],
    );
    assert_eq!(nope.status, 400);
    // A form's address opened as a page: a page saying so.
    let get = c.get("/submissions/1/withdraw");
    assert_eq!(get.status, 405);
    assert!(get.text().contains("väärä pyyntötapa"), "{}", get.text());
    let log = server.stop();
    assert!(
        log.contains("hylätty (department-mismatch): SOTE: kymp_2021.xlsx"),
        "{log}"
    );
}

#[test]
fn a_builds_language_is_chosen_shown_and_names_its_report() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let kuku = sample("kuku_2021.xlsx");
    upload(&mut c, "", &[("kuku_2021.xlsx", &kuku)]);
    // No final build yet: the templates say they are not prefilled.
    let t = c.get("/templates?year=2021").text();
    assert!(
        t.contains("Vuodelta 2021 ei ole lopullista koostetta"),
        "{t}"
    );

    // The form offers the three languages, the page's chosen.
    let page = c.get("/build?year=2021").text();
    assert!(
        page.contains("<option value=\"fi\" lang=\"fi\" selected>suomi</option>"),
        "{page}"
    );
    let built = build(&mut c, "sv");
    assert!(built.contains("<td>ruotsi</td>"), "{built}");
    let report = c.get("/builds/1/report");
    assert_eq!(
        report.header("content-disposition"),
        Some("attachment; filename=\"arsrapport_2021.pdf\"")
    );
    assert!(report.body.starts_with(b"%PDF-"));
    build(&mut c, "fi");
    let fi = c.get("/builds/2/report");
    assert_eq!(
        fi.header("content-disposition"),
        Some("attachment; filename=\"vuosiraportti_2021.pdf\"")
    );
    assert_eq!(
        rows(ws.path(), "SELECT options FROM builds ORDER BY id").len(),
        2
    );
    // The templates say which build they are prefilled from.
    let t = c.get("/templates?year=2021").text();
    assert!(
        t.contains("Pohjat esitäytetään vuoden 2021 uusimmasta lopullisesta koosteesta"),
        "{t}"
    );
    // A language that is not one is refused.
    let csrf = c.get("/build?year=2021").csrf();
    let bad = c.post_form(
        "/build",
        &[("csrf", &csrf), ("year", "2021"), ("lang", "de")],
    );
    assert_eq!(bad.status, 400);
}

#[test]
fn a_file_of_no_known_department_matched_in_place_becomes_that_departments() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let kymp = sample("kymp_2021.xlsx");
    upload(&mut c, "", &[("kymp_2021.xlsx", &kymp)]);
    // KYMP's rows in its own column names: no department told at receipt.
    let up = upload(&mut c, "", &[("oma.csv", OWN_WORDS.as_bytes())]).text();
    assert!(up.contains("oma.csv: toimiala tuntematon, 1 virhe"), "{up}");
    let page = c.get("/submissions/2");
    let csrf = page.csrf();
    let pairs: Vec<(String, &str)> = super::resend::OWN_WORDS_FIELDS
        .iter()
        .map(|(h, f)| (super::fixes::enc(h), *f))
        .collect();
    let mut form = vec![("csrf", csrf.as_str()), ("sheet", "oma"), ("row", "1")];
    for (h, f) in &pairs {
        form.push(("header", h.as_str()));
        form.push(("field", f));
    }
    let done = c.post_form("/submissions/2/columns", &form);
    assert_eq!(done.status, 303, "{}", done.text());
    // Assigned to KYMP (a row of its own), keeping its place in the order
    // of receipt: sent after kymp_2021.xlsx, it is KYMP's current file.
    assert_eq!(
        done.header("location"),
        Some("/submissions/2?saved=assigned")
    );
    let t = c.get("/submissions/2?saved=assigned").text();
    assert!(t.contains("kirjattiin toimialan KYMP tiedostoksi"), "{t}");
    assert_eq!(
        rows(ws.path(), "SELECT submission, department FROM assignments"),
        [["2", "KYMP"]]
    );
    // The choices are KYMP's now (seven: `Vuosi` is the standard header
    // already), and no longer there to read other unknown files.
    let matched = rows(
        ws.path(),
        "SELECT count(*) FROM column_matches WHERE department = 'KYMP'",
    );
    assert_eq!(matched, [["7"]]);
    let pool = "SELECT count(*) FROM column_matches AS m WHERE department = '' AND field <> ''
                AND id = (SELECT max(id) FROM column_matches WHERE department = '' AND header = m.header)";
    assert_eq!(rows(ws.path(), pool), [["0"]]);
    let page = c.get("/?year=2021").text();
    assert!(
        !page.contains("Tiedostot, joiden toimialaa ei tunnistettu"),
        "{page}"
    );
    assert!(page.contains(">oma.csv</a>"), "{page}");
    let history = c.get("/history?year=2021").text();
    assert!(
        history.contains("<th scope=\"row\">KYMP</th><td><a href=\"/files/2\">oma.csv"),
        "{history}"
    );
    // One wrong value does not make the wording anyone else's.
    let again = OWN_WORDS
        .replace("Pihat", "Puistot")
        .replace("Mikkola", "Tikkurila");
    let up = upload(&mut c, "", &[("oma2.csv", again.as_bytes())]).text();
    assert!(up.contains("oma2.csv: toimiala KYMP, 1 virhe"), "{up}");
    assert!(
        up.contains("luettiin toimialan KYMP muistetuilla sarakevalinnoilla"),
        "{up}"
    );
    // The file sent later is current: oma.csv, assigned, is earlier now.
    let old = c.get("/submissions/2").text();
    assert!(old.contains("ei ole enää käytössä"), "{old}");
    let fixed = OWN_WORDS.replace("Pihat", "Puistot");
    let up = upload(&mut c, "", &[("oma3.csv", fixed.as_bytes())]).text();
    assert!(up.contains("oma3.csv: toimiala KYMP, 0 virhettä"), "{up}");
    // One KYMP file is built, never two: no duplicate-file finding.
    let built = build(&mut c, "fi");
    assert!(built.contains("Lopullinen"), "{built}");
}
