//! A build made in the web app names its inputs as the departments sent
//! them, with their SHA-256, in the workbook's *Lähteet* sheet and the
//! report's sources appendix, as the command line names its files: never
//! by the server's scratch copies.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::http::{Client, SAMPLES, Server};
use crate::common::{need, root, sheet};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The five 2021 samples uploaded and built; the build's workbook and
/// report written into `dir`. Returns each sample's (name, SHA-256).
fn built(c: &mut Client, dir: &Path) -> Vec<(String, String)> {
    let bytes: Vec<Vec<u8>> = SAMPLES
        .iter()
        .map(|n| std::fs::read(root().join("samples/2021").join(n)).unwrap())
        .collect();
    let files: Vec<(&str, &[u8])> = SAMPLES
        .iter()
        .zip(&bytes)
        .map(|(n, b)| (*n, b.as_slice()))
        .collect();
    let csrf = c.get("/upload").csrf();
    let up = c.post_multipart("/upload", &[("csrf", &csrf), ("year", "2021")], &files);
    assert_eq!(up.status, 200, "{}", up.text());
    let csrf = c.get("/build?year=2021").csrf();
    let b = c.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")]);
    assert_eq!(b.status, 200, "{}", b.text());
    for (kind, name) in [("workbook", "kooste.xlsx"), ("report", "raportti.pdf")] {
        let got = c.get(&format!("/builds/1/{kind}"));
        assert_eq!(got.status, 200, "{kind}");
        std::fs::write(dir.join(name), &got.body).unwrap();
    }
    SAMPLES
        .iter()
        .zip(&bytes)
        .map(|(n, b)| (n.to_string(), sha256(b)))
        .collect()
}

/// Whether `text` holds a scratch copy's name (`001.xlsx`, `tyo/…`).
fn names_a_scratch_copy(text: &str) -> bool {
    text.contains("tyo/")
        || text.contains("tyo\\")
        || (1..=9).any(|i| text.contains(&format!("00{i}.")))
}

#[test]
fn the_workbooks_sources_name_each_file_as_sent_with_its_sha256() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let sent = built(&mut c, ws.path());
    let rows: Vec<Vec<String>> = sheet(&ws.path().join("kooste.xlsx"), "Lähteet")
        .iter()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    // The header, then one row a file in the order received.
    for (i, (name, sha)) in sent.iter().enumerate() {
        assert_eq!(rows[i + 1][0], *name, "{rows:?}");
        assert_eq!(rows[i + 1][7], *sha, "{rows:?}");
    }
    for r in &rows {
        assert!(!names_a_scratch_copy(&r.join(" ")), "{r:?}");
    }
    // Each measure's source on the measures sheet too.
    let measures = sheet(&ws.path().join("kooste.xlsx"), "Toimenpiteet");
    let text: String = measures
        .iter()
        .flatten()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("kymp_2021.xlsx"), "{text}");
    assert!(!names_a_scratch_copy(&text), "{text}");
}

#[test]
#[ignore = "needs pdftotext"]
fn the_reports_sources_appendix_names_each_file_as_sent_with_its_sha256() {
    need("pdftotext");
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let sent = built(&mut c, ws.path());
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(ws.path().join("raportti.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for (name, sha) in &sent {
        assert!(text.contains(name.as_str()), "{name}: {text}");
        // A digest may be broken over lines in the table's narrow column.
        let flat: String = text.split_whitespace().collect();
        assert!(flat.contains(sha.as_str()), "{sha}: {text}");
    }
    assert!(!names_a_scratch_copy(&text), "{text}");
}
