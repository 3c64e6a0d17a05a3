//! The history page (issue 23): builds with their inputs, options and
//! outputs, every submission current or earlier, downloadable; a
//! department's upload link sees only its own.

use sha2::{Digest, Sha256};

use super::http::{Client, Server};
use crate::common::root;

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples/2021").join(name)).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Uploads `files` for 2021, the department chosen as `department`.
fn upload(c: &mut Client, department: &str, files: &[(&str, &[u8])]) {
    let csrf = c.get("/upload").csrf();
    let r = c.post_multipart(
        "/upload",
        &[
            ("csrf", &csrf),
            ("year", "2021"),
            ("department", department),
        ],
        files,
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn the_history_keeps_every_file_and_build_and_a_department_sees_only_its_own() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    assert!(
        c.get("/history")
            .text()
            .contains("Lähetyksiä tai koosteita ei vielä ole.")
    );

    let kymp = sample("kymp_2021.xlsx");
    let sote = sample("sote_2021.ods");
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    upload(
        &mut c,
        "",
        &[("kymp_2021.xlsx", &kymp), ("sote_2021.ods", &sote)],
    );
    // A newer KYMP file: KYMP's current submission; the older one stays.
    upload(&mut c, "KYMP", &[("KYMP uusi ä.xlsx", &bad)]);
    let csrf = c.get("/build?year=2021").csrf();
    assert_eq!(
        c.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")])
            .status,
        200
    );

    let h = c.get("/history").text();
    assert!(h.contains("<html lang=\"fi\""), "{h}");
    assert!(h.contains("<h1>Aiemmat vuodet ja lähetykset</h1>"), "{h}");
    assert!(h.contains("Vuosi 2021"), "{h}");
    // KYMP's newest first and current, the older one earlier.
    let newer = h.find("KYMP uusi ä.xlsx").unwrap();
    let older = h.find(">kymp_2021.xlsx<").unwrap();
    assert!(newer < older, "{h}");
    assert_eq!(h.matches("<td>Nykyinen<form").count(), 2, "{h}");
    assert_eq!(h.matches("<td>Aiempi<form").count(), 1, "{h}");
    for bytes in [&kymp, &sote, &bad] {
        assert!(h.contains(&sha256(bytes)), "{h}");
    }
    // The build: a draft (errors remain) of the current files, in Finnish,
    // with each output's digest, which is the downloaded file's.
    assert!(
        h.contains("<td>Luonnos</td>") && h.contains("kieli: suomi"),
        "{h}"
    );
    let inputs = &h[h.find("<td><ul><li>").unwrap()..];
    let inputs = &inputs[..inputs.find("</ul>").unwrap()];
    assert!(inputs.contains("KYMP uusi ä.xlsx") && inputs.contains("sote_2021.ods"));
    assert!(!inputs.contains("kymp_2021.xlsx"), "{inputs}");
    for kind in ["workbook", "report"] {
        let got = c.get(&format!("/builds/1/{kind}"));
        assert_eq!(got.status, 200);
        assert!(h.contains(&sha256(&got.body)), "{kind}");
    }

    // Every submission downloads as it was sent, under its sent name.
    let first = c.get("/files/1");
    assert_eq!(first.body, kymp);
    assert_eq!(
        first.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    let third = c.get("/files/3");
    assert_eq!(third.body, bad);
    assert_eq!(
        third.header("content-disposition"),
        Some(
            "attachment; filename=\"KYMP uusi _.xlsx\"; filename*=UTF-8''KYMP%20uusi%20%C3%A4.xlsx"
        )
    );
    assert_eq!(
        c.get("/files/2").header("content-type"),
        Some("application/vnd.oasis.opendocument.spreadsheet")
    );
    assert_eq!(c.get("/files/4").status, 404);

    // In Swedish and English.
    let sv = c.get("/history?lang=sv").text();
    assert!(
        sv.contains("<h1>Tidigare år och inlämningar</h1>") && sv.contains("Aktuell"),
        "{sv}"
    );
    let en = c.get("/history?year=2021&lang=en").text();
    assert!(
        en.contains("Builds of 2021") && en.contains("Earlier"),
        "{en}"
    );
    assert!(
        c.get("/history?year=2020")
            .text()
            .contains("Nothing has been built")
    );

    // KYMP's upload link: its own two files, not SOTE's, and no builds.
    c.get("/?lang=fi");
    let link = c.new_link("KYMP", "2021");
    let mut dept = Client::new(&server);
    let page = dept.get(&link).text();
    assert!(page.contains(&format!("href=\"{link}/history\"")), "{page}");
    let own = dept.get(&format!("{link}/history")).text();
    assert!(own.contains("KYMP: lähetykset vuodelta 2021"), "{own}");
    assert!(
        own.contains("KYMP uusi ä.xlsx") && own.contains(">kymp_2021.xlsx<"),
        "{own}"
    );
    assert!(
        !own.contains("sote_2021.ods") && !own.contains(&sha256(&sote)),
        "{own}"
    );
    assert!(
        !own.contains("/builds/") && !own.contains("Luonnos"),
        "{own}"
    );
    assert!(own.contains(&format!("href=\"{link}/files/1\"")), "{own}");
    assert_eq!(dept.get(&format!("{link}/files/1")).body, kymp);
    assert_eq!(dept.get(&format!("{link}/files/3")).body, bad);
    // SOTE's file, through KYMP's link: not found, and logged.
    assert_eq!(dept.get(&format!("{link}/files/2")).status, 404);
    assert_eq!(dept.get(&format!("{link}/files/99")).status, 404);
    // An unknown link has no history.
    let wrong = format!("/d/{}/history", "0".repeat(64));
    assert_eq!(dept.get(&wrong).status, 404);
    let log = server.stop();
    assert!(log.contains("hylätty (other-file): KYMP: 2"), "{log}");
    assert!(log.contains("hylätty (unknown-link)"), "{log}");
}
