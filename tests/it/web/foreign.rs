//! A department's upload link never puts another department's rows into
//! the build: not at receipt (any row naming another department refuses
//! the file), not once the file is read through the department's column
//! matches (the file is refused, set aside and logged), not in a build.

use super::fixes::{codes, rows};
use super::http::{Client, Response, Server};

/// A KYMP file the programme reads as it is.
const OWN: &str = "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n\
                   KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n";

/// KUKU's rows under a department column headed in the sender's words.
const KUKU_OWN_WORDS: &str = "Osasto;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n\
     KUKU;1;Kirjasto;Mikkola;toteutusvaihe;2021;500;5\n";

fn link(c: &mut Client, dept: &str) -> String {
    c.new_link(dept, "2021")
}

fn send(c: &mut Client, link: &str, name: &str, text: &str) -> Response {
    let csrf = c.get(link).csrf();
    c.post_multipart(
        &format!("{link}/upload"),
        &[("csrf", &csrf)],
        &[(name, text.as_bytes())],
    )
}

#[test]
fn a_links_file_naming_another_department_is_refused_whenever_it_becomes_readable() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut admin = Client::new(&server);
    let kymp = link(&mut admin, "KYMP");
    let mut dept = Client::new(&server);
    let t = send(&mut dept, &kymp, "kymp.csv", OWN).text();
    assert!(t.contains("kymp.csv: toimiala KYMP, 0 virhettä"), "{t}");

    // Unreadable at receipt: kept under the link's department.
    let t = send(&mut dept, &kymp, "muu.csv", KUKU_OWN_WORDS).text();
    assert!(t.contains("muu.csv: toimiala KYMP"), "{t}");
    // Matched through the link: its rows name KUKU, so it is refused.
    let page = dept.get(&format!("{kymp}/submissions/2"));
    let csrf = page.csrf();
    let done = dept.post_redirected(
        &format!("{kymp}/submissions/2/columns"),
        &[
            ("csrf", &csrf),
            ("header", "Osasto"),
            ("field", "department"),
        ],
    );
    assert_eq!(done.status, 200);
    let t = done.text();
    assert!(codes(&t).contains(&"other-department".to_string()), "{t}");
    assert!(t.contains("tiedosto hylättiin"), "{t}");
    // Readable at receipt through the remembered match: refused at once,
    // and so is a file with a single row of another department.
    let t = send(
        &mut dept,
        &kymp,
        "muu2.csv",
        &KUKU_OWN_WORDS.replace("500", "600"),
    )
    .text();
    assert!(t.contains("muu2.csv: tiedosto on toisen toimialan"), "{t}");
    let mixed = format!("{OWN}KUKU;1;Kirjasto;Mikkola;toteutusvaihe;2021;500;5\n");
    let t = send(&mut dept, &kymp, "seka.csv", &mixed).text();
    assert!(t.contains("seka.csv: tiedosto on toisen toimialan"), "{t}");

    // The build takes KYMP's own file only.
    let csrf = admin.get("/build?year=2021").csrf();
    let built = admin.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")]);
    assert_eq!(built.status, 200);
    assert_eq!(rows(ws.path(), "SELECT inputs FROM builds"), [["[1]"]]);
    assert_eq!(
        rows(ws.path(), "SELECT count(*) FROM submissions"),
        [["2"]],
        "the refused files at receipt are not registered"
    );
    let log = server.stop();
    assert!(
        log.contains("hylätty (other-department): KYMP: muu.csv (#2)"),
        "{log}"
    );
    assert!(
        log.contains("hylätty (other-department): KYMP: muu2.csv"),
        "{log}"
    );
}

#[test]
fn another_departments_own_wording_file_sent_through_a_link_is_refused_at_receipt() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut admin = Client::new(&server);
    let kuku = link(&mut admin, "KUKU");
    let kymp = link(&mut admin, "KYMP");
    let mut dept = Client::new(&server);
    let t = send(&mut dept, &kuku, "kuku.csv", KUKU_OWN_WORDS).text();
    assert!(t.contains("kuku.csv: toimiala KUKU"), "{t}");
    let csrf = dept.get(&format!("{kuku}/submissions/1")).csrf();
    let done = dept.post_redirected(
        &format!("{kuku}/submissions/1/columns"),
        &[
            ("csrf", &csrf),
            ("header", "Osasto"),
            ("field", "department"),
        ],
    );
    assert!(!codes(&done.text()).contains(&"other-department".to_string()));

    // KUKU's very bytes through KYMP's link: read by KUKU's choices, refused.
    let t = send(&mut dept, &kymp, "kuku.csv", KUKU_OWN_WORDS).text();
    assert!(t.contains("kuku.csv: tiedosto on toisen toimialan"), "{t}");
    assert_eq!(
        rows(ws.path(), "SELECT department FROM submissions"),
        [["KUKU"]]
    );
    let log = server.stop();
    assert!(
        log.contains("hylätty (other-department): KYMP: kuku.csv"),
        "{log}"
    );
}
