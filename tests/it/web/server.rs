//! Every route and refusal of the web app, through the real binary.

use std::path::Path;

use super::http::{Client, SAMPLES, Server};
use crate::common::{kooste_with_env, root};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples/2021").join(name)).unwrap()
}

/// Uploads the five 2021 samples in one request; returns the answer.
fn upload_samples(c: &mut Client) -> super::http::Response {
    let csrf = c.get("/upload").csrf();
    let bytes: Vec<Vec<u8>> = SAMPLES.iter().map(|n| sample(n)).collect();
    let files: Vec<(&str, &[u8])> = SAMPLES
        .iter()
        .zip(&bytes)
        .map(|(n, b)| (*n, b.as_slice()))
        .collect();
    c.post_multipart("/upload", &[("csrf", &csrf), ("year", "2021")], &files)
}

/// Each department's state cell on the dashboard, in the configured order.
fn states(page: &str) -> Vec<String> {
    page.split("class=\"state ")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

/// Every file name under `dir`, recursively.
fn names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(names(&e.path()));
        } else {
            out.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn the_samples_uploaded_are_clean_a_bad_file_shows_its_cells_and_the_register_outlives_a_restart() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);

    // Nothing received yet: five departments, each "nothing received".
    let page = c.get("/?year=2021");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<html lang=\"fi\""));
    assert_eq!(states(&page.text()), ["none"; 5]);

    let up = upload_samples(&mut c);
    assert_eq!(up.status, 200, "{}", up.text());
    assert!(
        up.text()
            .contains("kymp_2021.xlsx: toimiala KYMP, 0 virhettä, 0 varoitusta")
    );
    assert_eq!(states(&c.get("/?year=2021").text()), ["clean"; 5]);
    assert!(
        c.get("/findings?year=2021")
            .text()
            .contains("Ei havaintoja.")
    );

    // A newer KYMP file with errors becomes KYMP's current submission; it
    // names no department in its rows (none is read), so the form's does.
    let csrf = c.get("/upload").csrf();
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    let up = c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "KYMP")],
        &[("bad_values.xlsx", &bad)],
    );
    assert!(
        up.text()
            .contains("bad_values.xlsx: toimiala KYMP, 6 virhettä"),
        "{}",
        up.text()
    );
    // KYMP is first in the programme's order.
    assert_eq!(
        states(&c.get("/?year=2021").text()),
        ["errors", "clean", "clean", "clean", "clean"]
    );
    let f = c.get("/findings?year=2021&department=KYMP").text();
    assert!(f.contains("6 havaintoa."), "{f}");
    // The same message as the command line, located by the sent name.
    assert!(f.contains("<td>bad_values.xlsx</td><td>Toimenpiteet</td><td>H3</td><td>virhe</td><td><code>type-error</code></td>"), "{f}");
    assert!(f.contains("&quot;n/a&quot; ei ole euromäärä."), "{f}");
    let only = c.get("/findings?year=2021&code=missing-value").text();
    assert!(
        only.contains("1 havainto.") && only.contains("<td>H2</td>"),
        "{only}"
    );
    assert!(
        c.get("/findings?year=2021&department=SOTE")
            .text()
            .contains("Ei havaintoja.")
    );
    let sorted = c.get("/findings?year=2021&sort=code").text();
    let first = sorted.find("missing-value</code>").unwrap();
    assert!(first < sorted.find("type-error</code>").unwrap());

    // Build while errors remain: a draft workbook and report, downloadable.
    let csrf = c.get("/build?year=2021").csrf();
    // POST/redirect/GET: the build answers 303 See Other to the build
    // page, which shows the new build highlighted; Back from the report
    // then shows that page and does not offer to build again.
    let built = c.post_form("/build", &[("csrf", &csrf), ("year", "2021")]);
    assert_eq!(built.status, 303, "{}", built.text());
    assert_eq!(built.header("location"), Some("/build?year=2021&built=1"));
    let built = c.get("/build?year=2021&built=1");
    assert_eq!(built.status, 200);
    let t = built.text();
    assert!(t.contains("Luonnos"), "{t}");
    assert!(t.contains("Kooste ja vuosiraportti koottiin."), "{t}");
    assert!(t.contains("<tr class=\"new\">"), "{t}");
    // The same page later, without `built`: no note, nothing highlighted.
    let again = c.get("/build?year=2021").text();
    assert!(
        !again.contains("koottiin.") && !again.contains("class=\"new\""),
        "{again}"
    );
    // The time in the server's zone, the UTC original in `datetime`.
    assert!(t.contains("<time datetime=\"20"), "{t}");
    assert!(t.contains(" klo "), "{t}");
    let pdf = c.get("/builds/1/report?inline=1");
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(
        pdf.header("content-disposition")
            .unwrap()
            .starts_with("inline;")
    );
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert_eq!(
        pdf.header("content-security-policy"),
        Some("frame-ancestors 'none'")
    );
    assert_eq!(pdf.header("x-content-type-options"), Some("nosniff"));
    let xlsx = c.get("/builds/1/workbook");
    assert!(
        xlsx.header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    let path = ws.path().join("kooste.xlsx");
    std::fs::write(&path, &xlsx.body).unwrap();
    let names_in = crate::common::sheet_names(&path);
    assert!(!names_in.is_empty());
    // Nothing of a browser's naming in the workspace: the stored files are
    // named by their SHA-256.
    for n in names(&ws.path().join("tiedostot")) {
        assert!(
            n.len() == 64 && n.bytes().all(|b| b.is_ascii_hexdigit()),
            "{n}"
        );
    }
    drop(server);

    // A restart keeps the register: the states, the history, the build.
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    assert_eq!(
        states(&c.get("/?year=2021").text()),
        ["errors", "clean", "clean", "clean", "clean"]
    );
    assert_eq!(c.get("/builds/1/report").status, 200);
    assert_eq!(c.get("/builds/2/report").status, 404);
    let conn_check = std::fs::metadata(ws.path().join("rekisteri.sqlite")).unwrap();
    assert!(conn_check.len() > 0);
}

#[test]
fn a_new_workspace_opens_on_the_year_just_ended_and_the_menu_keeps_the_year_asked() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    // No files yet: the annual report of the year that ended is the work.
    let ended = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .year()
        - 1;
    for path in ["/", "/build", "/upload"] {
        let t = c.get(path).text();
        assert!(t.contains(&format!("value=\"{ended}\"")), "{path}: {t}");
    }
    // The build page chooses its year; the menu and the languages keep it.
    let t = c.get("/build?year=2020").text();
    assert!(
        t.contains("<form class=\"year\" method=\"get\" action=\"/build\">"),
        "{t}"
    );
    assert!(t.contains("value=\"2020\""), "{t}");
    for link in [
        "/?year=2020",
        "/upload?year=2020",
        "/findings?year=2020",
        "/templates?year=2020",
        "/links?year=2020",
        "/history?year=2020",
        "?lang=sv&amp;year=2020",
    ] {
        assert!(t.contains(&format!("href=\"{link}\"")), "{link}: {t}");
    }
    // A year that is not one is refused by name, never shown as a year
    // (nor its next year's templates as 10000).
    for bad in ["abc", "0", "9999", ""] {
        let r = c.get(&format!("/templates?year={bad}"));
        assert_eq!(r.status, 400, "{bad}");
        assert!(
            r.text().contains(&format!("Vuosi «{bad}» ei kelpaa")),
            "{bad}: {}",
            r.text()
        );
    }
    // Once a year has files, it is the one shown. The upload answers
    // 303 See Other to a page that shows its results (POST/redirect/GET).
    let csrf = c.get("/upload").csrf();
    let kymp = sample("kymp_2021.xlsx");
    let up = c.post_multipart_once(
        "/upload",
        &[("csrf", &csrf), ("year", "2021")],
        &[("kymp_2021.xlsx", &kymp)],
    );
    assert_eq!(up.status, 303, "{}", up.text());
    assert_eq!(up.header("location"), Some("/upload?year=2021&received=1"));
    let t = c.get("/upload?year=2021&received=1").text();
    assert!(
        t.contains("kymp_2021.xlsx: toimiala KYMP, 0 virhettä, 0 varoitusta"),
        "{t}"
    );
    // A file with no finding: the any-cell form starts on its measures sheet.
    let t = c.get("/submissions/1").text();
    assert!(
        t.contains("id=\"any-sheet\" type=\"text\" name=\"sheet\" value=\"Toimenpiteet\""),
        "{t}"
    );
    // Another session sees no one else's results.
    let t = Client::new(&server)
        .get("/upload?year=2021&received=1")
        .text();
    assert!(!t.contains("kymp_2021.xlsx"), "{t}");
    assert!(c.get("/build").text().contains("value=\"2021\""));
    server.stop();
}

#[test]
fn posts_without_the_right_csrf_token_are_refused_and_logged() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let page = c.get("/build?year=2021");
    assert_eq!(page.status, 200);
    let set_cookie = page.header("set-cookie").unwrap();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let wrong = "0".repeat(64);
    assert_eq!(c.post_form("/build", &[("year", "2021")]).status, 403);
    assert_eq!(
        c.post_form("/build", &[("csrf", &wrong), ("year", "2021")])
            .status,
        403
    );
    let up = c.post_multipart(
        "/upload",
        &[("csrf", &wrong), ("year", "2021")],
        &[("a.csv", b"x")],
    );
    assert_eq!(up.status, 403);
    // Another browser's token is not this one's.
    let mut other = Client::new(&server);
    let theirs = other.get("/build").csrf();
    assert_eq!(
        c.post_form("/build", &[("csrf", &theirs), ("year", "2021")])
            .status,
        403
    );
    // Nothing was registered.
    assert!(
        !c.get("/?year=2021")
            .text()
            .contains("class=\"state clean\"")
    );
    let log = server.stop();
    assert_eq!(log.matches("hylätty (csrf)").count(), 4, "{log}");
    assert!(names(&ws.path().join("tiedostot")).is_empty());
}

#[test]
fn oversized_uploads_and_hostile_file_names_are_refused_or_only_shown() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &["--max-upload-mb", "1"], &[]);
    let mut c = Client::new(&server);
    let csrf = c.get("/upload").csrf();
    let big = vec![b'x'; 2 << 20];
    let r = c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021")],
        &[("big.csv", &big)],
    );
    assert_eq!(r.status, 413);
    assert!(r.text().contains("enintään 1 Mt"), "{}", r.text());

    let kymp = sample("kymp_2021.xlsx");
    let r = c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021")],
        &[
            ("../../etc/passwd", b"root:x:0:0"),
            ("CON.xlsx", &kymp),
            ("..\\..\\x.ods", b""),
        ],
    );
    let t = r.text();
    assert_eq!(r.status, 200, "{t}");
    // The last path component is shown; a type kooste does not read is refused.
    assert!(t.contains("passwd: tiedostotyyppiä ei lueta"), "{t}");
    assert!(t.contains("CON.xlsx: toimiala KYMP, 0 virhettä"), "{t}");
    // An empty file cannot be read: refused, nothing stored.
    assert!(t.contains("x.ods: tiedostoa ei vastaanotettu"), "{t}");
    for n in names(ws.path()) {
        assert!(
            !n.contains("passwd") && !n.contains("CON") && !n.ends_with(".ods"),
            "{n}"
        );
    }
    let log = server.stop();
    assert!(
        log.contains("hylätty (too-large)") && log.contains("hylätty (file-type): passwd"),
        "{log}"
    );
}

#[test]
fn languages_templates_assets_and_unknown_pages() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    c.headers
        .push(("Accept-Language".into(), "en-GB,en;q=0.9".into()));
    let p = c.get("/?year=2021").text();
    assert!(
        p.contains("<html lang=\"en\"") && p.contains("Nothing received"),
        "{p}"
    );
    // ?lang= wins and is kept in a cookie.
    let p = c.get("/findings?year=2021&lang=sv").text();
    assert!(
        p.contains("<html lang=\"sv\"") && p.contains("Inga iakttagelser."),
        "{p}"
    );
    assert!(c.get("/upload").text().contains("Skicka filer"));

    let js = c.get("/assets/upload.js");
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(js.text().contains("DataTransfer"));
    assert!(c.get("/assets/style.css").text().contains(":focus"));
    assert!(
        !c.get("/upload").text().contains("<script>"),
        "no inline script"
    );

    let t = c.get("/templates?year=2021").text();
    assert!(t.contains("/templates/SOTE?year=2021"), "{t}");
    let x = c.get("/templates/SOTE?year=2021");
    assert_eq!(x.status, 200, "{}", x.text());
    assert!(
        x.header("content-disposition")
            .unwrap()
            .contains("sote_2022.xlsx")
    );
    assert!(x.body.starts_with(b"PK"));
    assert_eq!(c.get("/templates/NOPE?year=2021").status, 404);
    assert_eq!(c.get("/no/such/page").status, 404);
    assert_eq!(c.get("/builds/1/report").status, 404);
}

#[test]
fn a_non_loopback_address_needs_the_administrator_password_and_pages_then_need_sign_in() {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path().to_str().unwrap();
    // Any address but 127.0.0.1 and ::1, other loopback ones too.
    for addr in ["0.0.0.0:0", "127.0.0.2:0", "[::ffff:127.0.0.1]:0"] {
        let out = kooste_with_env(
            &["serve", "--workspace", dir, "--listen", addr],
            &[("KOOSTE_ADMIN_PASSWORD", "")],
        );
        assert_eq!(out.status.code(), Some(2), "{addr}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("ei {addr}: aseta ensin salasana"))
                && err.contains("KOOSTE_ADMIN_PASSWORD"),
            "{err}"
        );
    }

    // Set at the first start; stored only as an Argon2id hash.
    let server = Server::start(
        ws.path(),
        &[],
        &[("KOOSTE_ADMIN_PASSWORD", "kissa-koira-42")],
    );
    let mut c = Client::new(&server);
    let r = c.get("/");
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/login"));
    assert_eq!(c.post_form("/build", &[("year", "2021")]).status, 403);
    let csrf = c.get("/login").csrf();
    // POST/redirect/GET: the wrong password is said on the sign-in page.
    let wrong = c.post_form("/login", &[("csrf", &csrf), ("password", "väärä")]);
    assert_eq!(wrong.status, 303);
    assert_eq!(wrong.header("location"), Some("/login?wrong=1"));
    assert!(
        c.get("/login?wrong=1")
            .text()
            .contains("Salasana ei kelpaa.")
    );
    let r = c.post_form("/login", &[("csrf", &csrf), ("password", "kissa-koira-42")]);
    assert_eq!(r.status, 303);
    assert_eq!(c.get("/?year=2021").status, 200);
    // Guessing is bounded: past ten wrong passwords a minute (one above),
    // sign-in is refused for the rest of it, the right password too.
    let mut guesser = Client::new(&server);
    let csrf = guesser.get("/login").csrf();
    for _ in 0..9 {
        let r = guesser.post_form("/login", &[("csrf", &csrf), ("password", "arvaus-123456")]);
        assert_eq!(r.status, 303);
    }
    let r = guesser.post_form("/login", &[("csrf", &csrf), ("password", "kissa-koira-42")]);
    assert_eq!(r.status, 429);
    assert!(
        r.text().contains("Liian monta väärää salasanaa"),
        "{}",
        r.text()
    );
    let log = server.stop();
    assert!(log.contains("hylätty (wrong-password)"), "{log}");
    assert!(log.contains("hylätty (login-throttled)"), "{log}");
    // The database and its write-ahead log (the server was killed).
    let mut db = std::fs::read(ws.path().join("rekisteri.sqlite")).unwrap();
    db.extend(std::fs::read(ws.path().join("rekisteri.sqlite-wal")).unwrap_or_default());
    assert!(!db.windows(14).any(|w| w == b"kissa-koira-42"));
    assert!(db.windows(9).any(|w| w == b"$argon2id"));

    // A password given at a later start replaces the stored one, and the
    // log says so; a short one is refused before anything is stored.
    for short in ["lyhyt", "            "] {
        let out = kooste_with_env(
            &["serve", "--workspace", dir, "--listen", "127.0.0.1:0"],
            &[("KOOSTE_ADMIN_PASSWORD", short)],
        );
        assert_eq!(out.status.code(), Some(2), "{short:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("vähintään 12 merkkiä"), "{err}");
    }
    let server = Server::start(
        ws.path(),
        &[],
        &[("KOOSTE_ADMIN_PASSWORD", "uusi-salasana-2022")],
    );
    let mut c = Client::new(&server);
    let csrf = c.get("/login").csrf();
    let old = c.post_form("/login", &[("csrf", &csrf), ("password", "kissa-koira-42")]);
    assert_eq!(old.header("location"), Some("/login?wrong=1"));
    let new = c.post_form(
        "/login",
        &[("csrf", &csrf), ("password", "uusi-salasana-2022")],
    );
    assert_eq!(new.header("location"), Some("/"));
    let log = server.stop();
    assert!(log.contains("Ylläpitäjän salasana vaihdettiin"), "{log}");
}

#[test]
fn a_department_link_uploads_only_its_own_files_and_shows_only_its_own_findings() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[("KOOSTE_ADMIN_PASSWORD", "salasana-123")]);
    let mut admin = Client::new(&server);
    let csrf = admin.get("/login").csrf();
    admin.post_form("/login", &[("csrf", &csrf), ("password", "salasana-123")]);
    // POST/redirect/GET: the link is shown once, as a whole address; a
    // reload shows it no more and makes no second link.
    let link = admin.new_link("KUKU", "2021");
    assert!(link.starts_with("/d/"), "{link}");
    let again = admin.get("/links?year=2021&made=1").text();
    assert!(!again.contains("new-link"), "{again}");
    assert_eq!(again.matches("name=\"link\"").count(), 1, "{again}");
    // The register keeps only the token's digest.
    let mut db = std::fs::read(ws.path().join("rekisteri.sqlite")).unwrap();
    db.extend(std::fs::read(ws.path().join("rekisteri.sqlite-wal")).unwrap_or_default());
    assert!(!db.windows(64).any(|w| w == &link.as_bytes()[3..]));

    // The admin's KYMP file with errors: not the department's to see.
    let csrf = admin.get("/upload").csrf();
    let bad = std::fs::read(root().join("tests/fixtures/bad_values.xlsx")).unwrap();
    admin.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "KYMP")],
        &[("bad_values.xlsx", &bad)],
    );

    let mut dept = Client::new(&server);
    assert_eq!(dept.get("/").status, 303, "no admin pages");
    assert_eq!(dept.get("/findings?year=2021").status, 303);
    let page = dept.get(&link);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Ei havaintoja."), "{}", page.text());
    let csrf = page.csrf();
    let up = dept.post_multipart(
        &format!("{link}/upload"),
        &[("csrf", &csrf), ("year", "2019"), ("department", "SOTE")],
        &[
            ("kuku_2021.xlsx", &sample("kuku_2021.xlsx")),
            ("sote_2021.ods", &sample("sote_2021.ods")),
        ],
    );
    let t = up.text();
    assert!(
        t.contains("kuku_2021.xlsx: toimiala KUKU, 0 virhettä"),
        "{t}"
    );
    assert!(
        t.contains("sote_2021.ods: tiedosto on toisen toimialan"),
        "{t}"
    );
    assert!(
        !t.contains("bad_values.xlsx") && !t.contains("type-error"),
        "{t}"
    );
    assert_eq!(
        dept.get("/d/0000000000000000000000000000000000000000000000000000000000000000")
            .status,
        404
    );

    // The refused file was checked before storing: the store holds only
    // the two files the register names (bad_values.xlsx, kuku_2021.xlsx).
    let mut stored = names(&ws.path().join("tiedostot"));
    stored.sort();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.iter().all(|n| n.len() == 64), "{stored:?}");

    // The link's year and department, whatever the form said.
    let states = states(&admin.get("/?year=2021").text());
    assert_eq!(states, ["errors", "none", "none", "none", "clean"]);

    // The department's pages show its own menu, not the administrator's;
    // the sign-in page shows none.
    let own = dept.get(&link).text();
    assert!(own.contains(&format!("href=\"{link}/history\"")), "{own}");
    for admin_page in ["href=\"/links", "href=\"/build", "href=\"/upload"] {
        assert!(!own.contains(admin_page), "{admin_page}: {own}");
    }
    let login = dept.get("/login").text();
    assert!(!login.contains("href=\"/links"), "{login}");

    // Revoked, the link opens nothing; its row stays, marked.
    let page = admin.get("/links?year=2021");
    let csrf = page.csrf();
    let revoked = admin.post_redirected("/links/revoke", &[("csrf", &csrf), ("link", "1")]);
    assert!(
        revoked.text().contains("Linkki peruttiin"),
        "{}",
        revoked.text()
    );
    assert!(revoked.text().contains("Peruttu"), "{}", revoked.text());
    assert_eq!(dept.get(&link).status, 404);
    let log = server.stop();
    assert!(
        log.contains("hylätty (other-department): KUKU: sote_2021.ods"),
        "{log}"
    );
    assert!(log.contains("hylätty (unknown-link)"), "{log}");
}
