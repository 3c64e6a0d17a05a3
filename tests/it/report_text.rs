//! Issue 18 point 8: text the report's font cannot show, or does not
//! shape, is an `unprintable-text` warning naming the measure and the
//! characters, raised by the commands that make the report.

use crate::common::{kooste, stderr, stdout};

fn input(dir: &std::path::Path) -> String {
    let rows = [
        "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€);Toteuma (€);Vaikuttavuustarina",
        "SOTE;1;Kerho 中文 🦀;Mikkola;toteutusvaihe;2021;1000;10;",
        "SOTE;1;Ελληνικά Русский;Mikkola;toteutusvaihe;2021;1000;10;مرحبا שלום",
        "SOTE;1;Kesäruokailu;Mikkola;toteutusvaihe;2021;1000;10;",
    ];
    let path = dir.join("scripts.csv");
    std::fs::write(&path, rows.join("\n") + "\n").unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn characters_the_report_lacks_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path());
    let out = dir.path().join("out");
    let o = kooste(&[
        "build",
        &input,
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[unprintable-text]"))
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with(&format!("{input}!scripts!C2: warning[unprintable-text]")),
        "{text}"
    );
    assert!(
        lines[0].contains("U+4E2D 中, U+6587 文, U+1F980 🦀"),
        "{text}"
    );
    assert!(lines[0].contains("\"Kerho 中文 🦀\""), "{text}");
    // Greek and Cyrillic print; the Arabic and Hebrew story is unshaped.
    assert!(
        lines[1].contains("!C3:") && lines[1].contains("right-to-left"),
        "{text}"
    );
    assert!(!lines[1].contains("U+03"), "{text}");
    assert!(text.contains("0 errors, 2 warnings"), "{text}");

    // The JSON of validate is unchanged: the warning belongs to the report.
    let o = kooste(&["validate", &input]);
    assert!(!stdout(&o).contains("unprintable-text"), "{}", stdout(&o));
    let o = kooste(&[
        "report",
        &input,
        "-o",
        dir.path().join("r.pdf").to_str().unwrap(),
    ]);
    assert_eq!(
        stdout(&o).matches("[unprintable-text]").count(),
        2,
        "{}",
        stdout(&o)
    );
}
