//! A current file's annotated copy over HTTP (issue 23): linked from the
//! dashboard and the file's page, an xlsx with the flagged cells'
//! comments, the stored file untouched; a department's link gets only its
//! own department's copy.

use std::io::Read;
use std::path::Path;

use super::http::{Client, Response, Server};
use crate::common::{root, sheet, sheet_names};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn upload(c: &mut Client, department: &str, name: &str, bytes: &[u8]) {
    let csrf = c.get("/upload").csrf();
    let r = c.post_multipart(
        "/upload",
        &[
            ("csrf", &csrf),
            ("year", "2021"),
            ("department", department),
        ],
        &[(name, bytes)],
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

/// Every comment (note) part of an xlsx package, concatenated.
fn comments(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut all = String::new();
    for n in names.iter().filter(|n| n.starts_with("xl/comments")) {
        zip.by_name(n).unwrap().read_to_string(&mut all).unwrap();
    }
    all
}

/// The copy written to `dir/name`, checked to be an xlsx download.
fn saved(r: &Response, dir: &Path, name: &str) -> std::path::PathBuf {
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some(XLSX));
    let path = dir.join(name);
    std::fs::write(&path, &r.body).unwrap();
    path
}

#[test]
fn the_annotated_copy_is_an_xlsx_with_its_findings_commented_and_the_file_untouched() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    upload(&mut c, "KYMP", "bad_values.xlsx", &bad);
    let kasko = std::fs::read(root().join("samples/2021/kasko_2021.xlsx")).unwrap();
    upload(&mut c, "", "kasko_2021.xlsx", &kasko);

    // Linked from the dashboard's row and from the file's page.
    let dash = c.get("/?year=2021").text();
    assert!(dash.contains("href=\"/submissions/1/annotated\""), "{dash}");
    assert!(
        !dash.contains("href=\"/submissions/2/annotated\""),
        "{dash}"
    );
    let page = c.get("/submissions/1").text();
    assert!(
        page.contains("<a id=\"annotated\" href=\"/submissions/1/annotated\">"),
        "{page}"
    );

    let r = c.get("/submissions/1/annotated");
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("filename*=UTF-8''bad_values_tarkistettu.xlsx"),
        "{:?}",
        r.headers
    );
    let copy = saved(&r, ws.path(), "copy.xlsx");
    let sheets = sheet_names(&copy);
    assert_eq!(sheets[0], "Tarkistukset", "{sheets:?}");
    assert!(sheets.contains(&"Toimenpiteet".to_string()), "{sheets:?}");
    let listed: String = sheet(&copy, &sheets[0])
        .iter()
        .flatten()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(listed.contains("type-error"), "{listed}");
    let notes = comments(&copy);
    assert!(notes.contains("type-error"), "{notes}");
    assert!(notes.contains("ei ole euromäärä"), "{notes}");

    // In the page's language; the stored file is the one sent.
    let sv = c.get("/submissions/1/annotated?lang=sv");
    assert!(
        sv.header("content-disposition")
            .unwrap()
            .contains("bad_values_granskad.xlsx")
    );
    let sha = sha2_hex(&bad);
    let stored = std::fs::read(ws.path().join("tiedostot").join(&sha[..2]).join(&sha)).unwrap();
    assert_eq!(stored, bad);

    // A clean file has nothing to mark; an unknown id is not found.
    let clean = c.get("/submissions/2/annotated?lang=fi");
    assert_eq!(clean.status, 404);
    assert!(
        clean.text().contains("ei ole havaintoja"),
        "{}",
        clean.text()
    );
    assert_eq!(c.get("/submissions/99/annotated").status, 404);
}

fn sha2_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_department_link_downloads_only_its_own_departments_annotated_copy() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[("KOOSTE_ADMIN_PASSWORD", "salasana-123")]);
    let mut admin = Client::new(&server);
    let csrf = admin.get("/login").csrf();
    admin.post_form("/login", &[("csrf", &csrf), ("password", "salasana-123")]);
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    upload(&mut admin, "KYMP", "bad_values.xlsx", &bad);
    let mut link = |dept: &str| admin.new_link(dept, "2021");
    let kuku = link("KUKU");
    let kymp = link("KYMP");

    let mut dept = Client::new(&server);
    // Signed out, the administrator's address asks for the sign-in.
    assert_eq!(dept.get("/submissions/1/annotated").status, 303);
    let other = dept.get(&format!("{kuku}/submissions/1/annotated"));
    assert_eq!(other.status, 404);
    assert!(
        other
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let page = dept.get(&format!("{kymp}/submissions/1")).text();
    assert!(
        page.contains(&format!("href=\"{kymp}/submissions/1/annotated\"")),
        "{page}"
    );
    let own = dept.get(&format!("{kymp}/submissions/1/annotated"));
    let copy = saved(&own, ws.path(), "own.xlsx");
    assert!(comments(&copy).contains("type-error"));
    let log = server.stop();
    assert!(log.contains("hylätty (other-department-file)"), "{log}");
}

#[test]
fn a_csvs_annotated_copy_downloads_with_its_comments() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let csv = "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€)\n\
               KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;n/a;10\n";
    upload(&mut c, "KYMP", "kymp oma.csv", csv.as_bytes());
    let page = c.get("/submissions/1").text();
    assert!(page.contains("href=\"/submissions/1/annotated\""), "{page}");
    let r = c.get("/submissions/1/annotated");
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("kymp%20oma_tarkistettu.xlsx"),
        "{:?}",
        r.headers
    );
    let copy = saved(&r, ws.path(), "copy.xlsx");
    let sheets = sheet_names(&copy);
    assert_eq!(sheets[0], "Tarkistukset", "{sheets:?}");
    assert!(sheets.contains(&"Toimenpiteet".to_string()), "{sheets:?}");
    let notes = comments(&copy);
    assert!(notes.contains("type-error"), "{notes}");
    assert!(notes.contains("ei ole euromäärä"), "{notes}");
    let log = server.stop();
    assert!(!log.contains("001.csv"), "{log}");
}
