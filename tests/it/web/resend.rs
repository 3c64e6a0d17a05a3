//! Issue 23 over HTTP: a file in which the reader finds no header row
//! (a department's own column names) has its columns matched on its page
//! and becomes readable; and a department's file sent again keeps its
//! corrections when it is the same bytes, while a new version only shows
//! the previous file's corrections beside its own values (nothing is
//! applied to a different file in silence).

use std::path::Path;

use super::http::{Client, Response, Server};
use crate::common::sheet;

/// A KYMP file whose header is in the department's own words: not one
/// required field is named, so no header row is found.
const OWN_WORDS: &str = "Yksikkö;Alue-osa;Hanke;Kaupunginosa;Tilanne;Vuosi;Kustannusarvio;Käytetty\n\
     KYMP;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n\
     KYMP;1;Kerho;Mikkola;toteutusvaihe;2021;2000;10\n";

/// A KYMP file whose budget (G2) is `n/a`, then `budget` in later versions.
fn version(budget: &str, name: &str) -> String {
    format!(
        "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Budjetti (€)\n\
         KYMP;1;{name};Mikkola;toteutusvaihe;2021;{budget}\n"
    )
}

/// Each header of [`OWN_WORDS`] and the field it means.
pub(super) const OWN_WORDS_FIELDS: [(&str, &str); 8] = [
    ("Yksikkö", "department"),
    ("Alue-osa", "focus_area"),
    ("Hanke", "measure"),
    ("Kaupunginosa", "areas"),
    ("Tilanne", "status"),
    ("Vuosi", "year"),
    ("Kustannusarvio", "budget_eur"),
    ("Käytetty", "spent_eur"),
];

fn upload(c: &mut Client, name: &str, text: &str) -> Response {
    let csrf = c.get("/upload").csrf();
    let r = c.post_multipart(
        "/upload",
        &[("csrf", &csrf), ("year", "2021"), ("department", "KYMP")],
        &[(name, text.as_bytes())],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    r
}

/// The codes of a file page's findings table.
fn codes(page: &str) -> Vec<String> {
    let Some(at) = page.find("id=\"fix-findings\"") else {
        return Vec::new();
    };
    let end = page[at..].find("</table>").map_or(page.len(), |e| at + e);
    page[at..end]
        .split("<code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect()
}

/// Builds 2021 and returns the workbook's sheet `name` as text rows.
fn built_sheet(c: &mut Client, ws: &Path, build: u32, name: &str) -> Vec<Vec<String>> {
    let csrf = c.get("/build?year=2021").csrf();
    let b = c.post_redirected("/build", &[("csrf", &csrf), ("year", "2021")]);
    assert_eq!(b.status, 200, "{}", b.text());
    let xlsx = c.get(&format!("/builds/{build}/workbook"));
    let path = ws.join(format!("kooste{build}.xlsx"));
    std::fs::write(&path, &xlsx.body).unwrap();
    sheet(&path, name)
        .iter()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect()
}

#[test]
fn a_file_with_no_known_header_has_its_header_row_matched_and_becomes_readable() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let up = upload(&mut c, "oma.csv", OWN_WORDS);
    assert!(
        up.text().contains("oma.csv: toimiala KYMP, 1 virhe"),
        "{}",
        up.text()
    );

    // The reader's finding, and the first row offered cell by cell.
    let page = c.get("/submissions/1");
    let t = page.text();
    assert_eq!(codes(&t), ["no-measure-sheet"], "{t}");
    assert!(t.contains("<h2 id=\"header-row\">Otsikkorivi</h2>"), "{t}");
    // No copy to mark: the file has no measures sheet yet.
    assert!(!t.contains("/annotated"), "{t}");
    assert!(!c.get("/?year=2021").text().contains("/annotated"));
    assert!(
        t.contains("<label for=\"head-0\">Sarake «Yksikkö» (A1)</label>"),
        "{t}"
    );
    assert!(
        t.contains("<label for=\"head-6\">Sarake «Kustannusarvio» (G1)</label>"),
        "{t}"
    );
    assert!(
        t.contains("id=\"pick-row\" type=\"number\" name=\"row\" min=\"1\" max=\"50\" value=\"1\"")
    );
    // Another row may be asked for; the form shows it.
    let second = c.get("/submissions/1?sheet=oma&row=2").text();
    assert!(
        second.contains("<label for=\"head-0\">Sarake «KYMP» (A2)</label>"),
        "{second}"
    );

    // A row field left empty shows the likeliest row, not a refusal.
    let empty = c.get("/submissions/1?sheet=oma&row=");
    assert_eq!(empty.status, 200);
    assert!(empty.text().contains("Sarake «Yksikkö» (A1)"));
    assert!(!empty.text().contains("role=\"alert\""), "{}", empty.text());
    // A row the sheet does not reach, or a sheet the file lacks: the
    // likeliest shown, and said so (never swapped in silence).
    let far = c.get("/submissions/1?sheet=oma&row=20").text();
    assert!(far.contains("Välilehdellä ei ole riviä 20"), "{far}");
    assert!(far.contains("Sarake «Yksikkö» (A1)"), "{far}");

    // Matched: saved for KYMP, read at once, no finding left.
    let pairs = OWN_WORDS_FIELDS;
    let csrf = page.csrf();
    let mut form = vec![("csrf", csrf.as_str())];
    for (h, f) in &pairs {
        form.push(("header", h));
        form.push(("field", f));
    }
    let encoded: Vec<(String, String)> = form
        .iter()
        .map(|(k, v)| (k.to_string(), super::fixes::enc(v)))
        .collect();
    let fields: Vec<(&str, &str)> = encoded
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let done = c.post_redirected("/submissions/1/columns", &fields);
    assert_eq!(done.status, 200, "{}", done.text());
    let t = done.text();
    assert!(t.contains("Sarakkeiden valinnat tallennettiin"), "{t}");
    assert!(codes(&t).is_empty(), "{t}");
    assert!(!t.contains("id=\"header-row\""), "{t}");
    assert!(t.contains("«Kustannusarvio» luetaan kenttänä Budjetti (€)"));

    // The build reads both measures with their budgets.
    let measures = built_sheet(&mut c, ws.path(), 1, "Toimenpiteet");
    let text = measures.concat().join(" ");
    assert!(text.contains("Pihat") && text.contains("Kerho"), "{text}");
}

#[test]
fn the_same_file_again_keeps_its_corrections_and_a_new_version_shows_them_only() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    let first = version("n/a", "Pihat");
    upload(&mut c, "kymp.csv", &first);
    let page = c.get("/submissions/1");
    assert_eq!(codes(&page.text()), ["type-error"]);
    let csrf = page.csrf();
    let fixed = c.post_redirected(
        "/submissions/1/correct",
        &[
            ("csrf", &csrf),
            ("sheet", "kymp"),
            ("cell", "G2"),
            ("value", "1000"),
        ],
    );
    assert_eq!(fixed.status, 200, "{}", fixed.text());
    assert!(codes(&fixed.text()).is_empty(), "{}", fixed.text());

    // The same bytes again while the file is current: nothing new is
    // registered (the history would show a second version), and it says
    // which file it is the same as.
    let same = upload(&mut c, "kymp (1).csv", &first).text();
    assert!(
        same.contains("kymp (1).csv: sama tiedosto kuin toimialan KYMP nykyinen tiedosto kymp.csv"),
        "{same}"
    );
    assert_eq!(c.get("/submissions/2").status, 404);
    let history = c.get("/history?year=2021").text();
    assert_eq!(
        history.matches("class=\"submission\"").count(),
        1,
        "{history}"
    );

    // A new version still holding `n/a`: flagged, the earlier correction
    // shown beside the value this file has.
    upload(&mut c, "kymp_v2.csv", &version("n/a", "Pihat ja puistot"));
    let v2 = c.get("/submissions/2").text();
    assert_eq!(codes(&v2), ["type-error"], "{v2}");
    assert!(!v2.contains("id=\"corrections\""), "{v2}");
    assert!(
        v2.contains("<h2 id=\"earlier\">Edellisen tiedoston korjaukset</h2>"),
        "{v2}"
    );
    let row = "<td>kymp.csv</td><td>kymp</td><td>G2</td><td>n/a → 1000</td>\
               <td>n/a <span class=\"hint\">(eri kuin korjattu arvo)</span></td>";
    assert!(v2.contains(row), "{v2}");

    // A version that carries the corrected value says so.
    upload(&mut c, "kymp_v3.csv", &version("1000", "Pihat ja puistot"));
    let v3 = c.get("/submissions/3").text();
    assert!(codes(&v3).is_empty(), "{v3}");
    assert!(
        v3.contains("<td>1000 <span class=\"hint\">(sama kuin korjattu arvo)</span></td>"),
        "{v3}"
    );
    // In Swedish and English too.
    let sv = c.get("/submissions/3?lang=sv").text();
    assert!(sv.contains("Rättelser i den föregående filen"), "{sv}");
    let en = c.get("/submissions/3?lang=en").text();
    assert!(en.contains("(same as the corrected value)"), "{en}");

    // The first file's bytes sent again under another name, once another
    // version is current: current again, its correction still holding,
    // from the receipt on.
    c.get("/?lang=fi");
    let again = upload(&mut c, "kymp (1).csv", &first).text();
    assert!(
        again.contains("kymp (1).csv: toimiala KYMP, 0 virhettä"),
        "{again}"
    );
    let again = c.get("/submissions/4").text();
    assert!(codes(&again).is_empty(), "{again}");
    assert!(again.contains("id=\"corrections\""), "{again}");
    let sources = built_sheet(&mut c, ws.path(), 1, "Lähteet");
    let at = sources.iter().position(|r| r[0] == "Korjaukset").unwrap();
    assert_eq!(
        sources[at + 2][..5],
        ["kymp (1).csv", "kymp", "G2", "n/a", "1000"]
    );
}

#[test]
fn a_header_row_past_the_search_is_refused_and_a_saved_pick_stays_shown() {
    let ws = tempfile::tempdir().unwrap();
    let server = Server::start(ws.path(), &[], &[]);
    let mut c = Client::new(&server);
    // Sixty notes before the header: the reader looks at the first 50 rows.
    let text = format!("{}{OWN_WORDS}", "huomio\n".repeat(59));
    upload(&mut c, "oma.csv", &text);
    let far = c.get("/submissions/1?sheet=oma&row=60");
    assert_eq!(far.status, 200);
    let t = far.text();
    assert!(
        t.contains("Riviä 60 ei voi valita otsikkoriviksi: otsikkoriviä etsitään vain 50 ensimmäiseltä riviltä."),
        "{t}"
    );
    assert!(!t.contains("«Yksikkö» (A60)"), "{t}");
    // One id per element: the form and its row field differ.
    assert_eq!(t.matches("id=\"pick-row\"").count(), 1, "{t}");
    assert!(t.contains("<label for=\"pick-row\">"), "{t}");

    // A row in range, saved without making the file readable: the page
    // after saving shows that sheet and row, not the likeliest.
    let page = c.get("/submissions/1?sheet=oma&row=3");
    let csrf = page.csrf();
    let saved = c.post_form(
        "/submissions/1/columns",
        &[
            ("csrf", &csrf),
            ("sheet", "oma"),
            ("row", "3"),
            ("header", "huomio"),
            ("field", ""),
        ],
    );
    assert_eq!(saved.status, 303);
    assert_eq!(
        saved.header("location"),
        Some("/submissions/1?saved=columns&sheet=oma&row=3")
    );
    let shown = c.get("/submissions/1?saved=columns&sheet=oma&row=3").text();
    assert!(shown.contains("Sarake «huomio» (A3)"), "{shown}");
    assert!(shown.contains("name=\"row\" value=\"3\""), "{shown}");
}
