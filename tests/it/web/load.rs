//! Many uploads at once (issue 23): 50 browsers each send a different
//! file to one server at the same moment. Every file must be answered,
//! recorded in the register and stored whole (its SHA-256 is the one
//! sent), and the register must read the same after a restart. Nothing
//! here waits or times anything: the threads start together at a barrier
//! and each waits for its own answer.

use std::collections::BTreeMap;
use std::sync::Barrier;

use sha2::{Digest, Sha256};

use super::http::{Client, SAMPLES, Server};
use crate::common::root;

/// How many uploads run at once.
const UPLOADS: usize = 50;

const DEPARTMENTS: [&str; 5] = ["KYMP", "KASKO", "KSJ", "SOTE", "KUKU"];

/// The `i`th file: the five 2021 samples first, then CSV submissions of
/// the five departments, each with its own measures and budgets (so each
/// file's bytes, hence its SHA-256, differ).
fn file(i: usize) -> (String, Vec<u8>) {
    if let Some(name) = SAMPLES.get(i) {
        let bytes = std::fs::read(root().join("samples/2021").join(name)).unwrap();
        return (name.to_string(), bytes);
    }
    let dept = DEPARTMENTS[i % DEPARTMENTS.len()];
    let mut csv = String::from(
        "Tunnus,Toimiala,Painopiste,Toimenpide,Alue,Vaihe,Vuosi,Budjetti (€),Toteuma (€)\n",
    );
    for row in 0..=(i % 7) {
        csv.push_str(&format!(
            "T-{i}-{row},{dept},{},Toimenpide {i}.{row},Hakunila,toteutusvaihe,2021,{},{}\n",
            1 + row % 3,
            1000 + i * 10 + row,
            500 + i
        ));
    }
    (
        format!("kuorma_{i:02}_{}.csv", dept.to_lowercase()),
        csv.into_bytes(),
    )
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The register's submissions: sent name → (department, SHA-256, size).
fn register(ws: &std::path::Path) -> BTreeMap<String, (String, String, i64)> {
    let conn = rusqlite::Connection::open(ws.join("rekisteri.sqlite")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn
        .prepare(
            "SELECT original_name, department, sha256, size FROM submissions WHERE year = 2021",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn fifty_uploads_at_once_are_all_recorded_stored_whole_and_outlive_a_restart() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let files: Vec<(String, Vec<u8>)> = (0..UPLOADS).map(file).collect();
    let shas: Vec<String> = files.iter().map(|(_, b)| sha256(b)).collect();
    assert_eq!(
        shas.iter().collect::<std::collections::BTreeSet<_>>().len(),
        UPLOADS,
        "every file differs"
    );

    // Each browser has its session and token first; then all send at once.
    let barrier = Barrier::new(UPLOADS);
    let answers: Vec<(u16, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .iter()
            .map(|(name, bytes)| {
                let (server, barrier) = (&server, &barrier);
                s.spawn(move || {
                    let mut c = Client::new(server);
                    let csrf = c.get("/upload").csrf();
                    barrier.wait();
                    let r = c.post_multipart(
                        "/upload",
                        &[("csrf", &csrf), ("year", "2021")],
                        &[(name, bytes)],
                    );
                    (r.status, r.text())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for ((name, _), (status, text)) in files.iter().zip(&answers) {
        assert_eq!(*status, 200, "{name}: {text}");
        assert!(
            text.contains(&format!("{name}: toimiala ")),
            "{name}: {text}"
        );
    }

    // Every file in the register once, with the digest and size sent,
    // and stored under that digest with exactly the bytes sent.
    let before = register(ws.path());
    assert_eq!(before.len(), UPLOADS);
    for ((name, bytes), sha) in files.iter().zip(&shas) {
        let (dept, stored_sha, size) = &before[name];
        assert_eq!(stored_sha, sha, "{name}");
        assert_eq!(*size as usize, bytes.len(), "{name}");
        assert!(DEPARTMENTS.contains(&dept.as_str()), "{name}: {dept}");
        let stored = std::fs::read(ws.path().join("tiedostot").join(&sha[..2]).join(sha)).unwrap();
        assert_eq!(sha256(&stored), *sha, "{name}");
    }
    // And each comes back whole through the history's download.
    let mut c = Client::new(&server);
    for id in 1..=UPLOADS {
        let got = c.get(&format!("/files/{id}"));
        assert_eq!(got.status, 200);
        assert!(shas.contains(&sha256(&got.body)), "submission {id}");
    }
    let history = without_csrf(&c.get("/history?year=2021").text());
    let dashboard = c.get("/?year=2021").text();
    let log = server.stop();
    for bad in ["locked", "busy", "lukittu"] {
        assert!(!log.to_lowercase().contains(bad), "{log}");
    }

    // After a restart: the same submissions, the same history and overview.
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    assert_eq!(without_csrf(&c.get("/history?year=2021").text()), history);
    assert_eq!(c.get("/?year=2021").text(), dashboard);
    assert_eq!(register(ws.path()), before);
    // Nothing half-written was left beside the stored files.
    for dir in std::fs::read_dir(ws.path().join("tiedostot")).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let name = f.unwrap().file_name().to_string_lossy().into_owned();
            assert!(shas.contains(&name), "{name}");
        }
    }
}

/// A page with its forms' CSRF tokens blanked: they are the session's,
/// and a new server gives a new session.
fn without_csrf(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find("name=\"csrf\" value=\"") {
        let start = at + "name=\"csrf\" value=\"".len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}
