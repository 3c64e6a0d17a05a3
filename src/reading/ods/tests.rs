use super::cell::readable_formula;
use super::read_content;
use super::styles::Styles;
use crate::model::Cell;
use crate::model::parse::Date;
use crate::reading::{Damage, Grid, Limits, Merged, Unreadable};

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0""#;

/// A content.xml with one sheet of `rows`.
fn doc(rows: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><office:document-content {NS}><office:body><office:spreadsheet>\
         <table:table table:name=\"T\">{rows}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    )
}

fn read(rows: &str) -> Result<Vec<Grid>, Unreadable> {
    read_content(doc(rows).as_bytes(), &Limits::default(), Styles::default())
}

fn one(rows: &str) -> Grid {
    read(rows).expect("reads").remove(0)
}

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

fn string_cell(p: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string">{p}</table:table-cell>"#)
}

#[test]
fn paragraphs_spaces_tabs_and_breaks() {
    let g = one(&format!(
        "<table:table-row>{}</table:table-row>",
        string_cell(
            "<text:p>a<text:s text:c=\"3\"/>b<text:tab/>c</text:p>\
             <text:p><text:span>sp</text:span>an<text:line-break/><text:a>link</text:a><text:s/></text:p>\
             <office:annotation><text:p>a comment</text:p></office:annotation>"
        )
    ));
    assert_eq!(g.get(0, 0), &text("a   b\tc\nspan\nlink "));
}

#[test]
fn white_space_in_a_paragraph_collapses() {
    let g = one(&format!(
        "<table:table-row>{}</table:table-row>",
        string_cell("<text:p>\n   two   words\n</text:p>")
    ));
    assert_eq!(g.get(0, 0), &text("two words "));
}

#[test]
fn entities_in_text_and_attributes() {
    let g = one(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>A &amp; B &#228;</text:p></table:table-cell><table:table-cell office:value-type="string" office:string-value="&lt;x&gt;"><text:p>shown</text:p></table:table-cell></table:table-row>"#,
    );
    assert_eq!(g.get(0, 0), &text("A & B ä"));
    assert_eq!(g.get(0, 1), &text("<x>"));
}

#[test]
fn empty_repeats_only_move_the_position() {
    // LibreOffice's fillers: a whole row of empty cells, a million empty rows.
    let g = one(concat!(
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        r#"<table:table-row><table:table-cell table:number-columns-repeated="5"/><table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16378"/></table:table-row>"#,
        r#"<table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
    ));
    assert_eq!((g.first_row, g.first_col), (3, 5));
    assert_eq!((g.end_row(), g.end_col()), (4, 6));
    assert_eq!(g.get(3, 5), &Cell::Number(7.0));
}

#[test]
fn repeated_filled_rows_and_cells_are_expanded() {
    let g = one(concat!(
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell/>"#,
        r#"<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>KASKO</text:p></table:table-cell>"#,
        r#"</table:table-row>"#,
    ));
    assert_eq!(
        (g.first_row, g.end_row(), g.first_col, g.end_col()),
        (0, 3, 1, 3)
    );
    for r in 0..3 {
        assert_eq!(g.get(r, 1), &text("KASKO"));
        assert_eq!(g.get(r, 2), &text("KASKO"));
    }
}

/// The count is all the repeats of the cell, a billion, taken before any
/// is made: were the cells made first, the limit would stop them at the
/// 50 000 001st and report that count.
#[test]
fn repeated_filled_cells_over_the_limit_are_refused_before_they_are_made() {
    // 1 000 000 rows × 1 000 columns of one value: a billion cells.
    let r = read(concat!(
        r#"<table:table-row table:number-rows-repeated="1000000">"#,
        r#"<table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/>"#,
        r#"</table:table-row>"#,
    ));
    assert_eq!(
        r.unwrap_err(),
        Unreadable::TooLarge {
            what: "cells",
            found: 1_000_000_000,
            limit: 50_000_000
        }
    );
}

#[test]
fn a_cell_past_the_last_row_is_refused() {
    let r = read(concat!(
        r#"<table:table-row table:number-rows-repeated="4000000000"/>"#,
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    ));
    assert!(matches!(
        r,
        Err(Unreadable::Corrupt { what: Damage::Content, detail }) if detail.contains("row 4000000001")
    ));
}

#[test]
fn error_results_are_errors_whatever_they_are() {
    let cell = |shown: &str| {
        format!(
            r#"<table:table-cell table:formula="of:=X()" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>{shown}</text:p></table:table-cell>"#
        )
    };
    let g = one(&format!(
        "<table:table-row>{}{}{}</table:table-row>",
        cell("#N/A"),
        cell("#DIV/0!"),
        cell("Err:502")
    ));
    assert_eq!(g.get(0, 0), &Cell::Error("#N/A".into()));
    assert_eq!(g.get(0, 1), &Cell::Error("#DIV/0!".into()));
    assert_eq!(g.get(0, 2), &Cell::Error("Err:502".into()));
}

#[test]
fn an_error_stored_as_a_formula_text_is_an_error() {
    // As a writer without LibreOffice's calcext mark stores it.
    let g = one(concat!(
        "<table:table-row>",
        r##"<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="#DIV/0!"><text:p>#DIV/0!</text:p></table:table-cell>"##,
        r#"<table:table-cell table:formula="of:=X()" office:value-type="string"><text:p>Err:502</text:p></table:table-cell>"#,
        // Typed text is text, whatever it says.
        r#"<table:table-cell office:value-type="string"><text:p>#N/A</text:p></table:table-cell>"#,
        "</table:table-row>",
    ));
    assert_eq!(g.get(0, 0), &Cell::Error("#DIV/0!".into()));
    assert_eq!(g.get(0, 1), &Cell::Error("Err:502".into()));
    assert_eq!(g.get(0, 2), &text("#N/A"));
}

#[test]
fn value_types() {
    let g = one(concat!(
        "<table:table-row>",
        r#"<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="currency" office:currency="EUR" office:value="12500.5"><text:p>12 500,50 €</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="date" office:date-value="2021-12-31"><text:p>31.12.2021</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="date" office:date-value="2021-01-02T10:30:00"><text:p>2.1.2021 10:30</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="time" office:time-value="PT10H30M00S"><text:p>10:30:00</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>"#,
        r#"<table:table-cell table:formula="of:=SUM([.H2:.H8])"/>"#,
        "</table:table-row>",
    ));
    assert_eq!(g.get(0, 0), &Cell::Number(0.25));
    assert_eq!(g.get(0, 1), &Cell::Number(12500.5));
    assert_eq!(g.get(0, 2), &Cell::Date(Date::new(2021, 12, 31).unwrap()));
    assert_eq!(g.get(0, 3), &Cell::Date(Date::new(2021, 1, 2).unwrap()));
    assert_eq!(g.get(0, 4), &text("10:30:00"));
    assert_eq!(g.get(0, 5), &Cell::Bool(true));
    assert_eq!(g.get(0, 6), &Cell::FormulaWithoutValue("SUM(H2:H8)".into()));
}

#[test]
fn formulas_read_like_excel() {
    assert_eq!(readable_formula("of:=SUM([.H2:.H8])"), "SUM(H2:H8)");
    assert_eq!(
        readable_formula(r#"of:=VLOOKUP("a;[b]";[$Koodit.$A$1:.$B$3];2;FALSE())"#),
        r#"VLOOKUP("a;[b]",Koodit!$A$1:$B$3,2,FALSE())"#
    );
    assert_eq!(readable_formula("=1/0"), "1/0");
}

#[test]
fn merged_cells_are_filled_and_recorded() {
    let g = one(concat!(
        r#"<table:table-row><table:table-cell office:value-type="string" table:number-rows-spanned="3"><text:p>SOTE</text:p></table:table-cell>"#,
        r#"<table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
        r#"<table:table-row><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="2"/></table:table-row>"#,
        // A span past the sheet's last row is cut at it.
        r#"<table:table-row><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="3" table:number-rows-spanned="1000"/></table:table-row>"#,
    ));
    for r in 0..3 {
        assert_eq!(g.get(r, 0), &text("SOTE"));
    }
    assert_eq!(
        g.merged,
        vec![Merged {
            first_row: 0,
            first_col: 0,
            last_row: 2,
            last_col: 0
        }]
    );
    assert!(g.is_merge_copy(2, 0));
}

#[test]
fn hidden_sheets_and_order() {
    let xml = format!(
        "<office:document-content {NS}><office:automatic-styles>\
         <style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>\
         <style:style style:name=\"ta1\" style:family=\"table\"><style:table-properties table:display=\"true\"/></style:style>\
         </office:automatic-styles><office:body><office:spreadsheet>\
         <table:table table:name=\"B\" table:style-name=\"ta1\"/>\
         <table:table table:name=\"A\" table:style-name=\"ta2\"><table:table-row><table:table-cell/></table:table-row></table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let sheets = read_content(xml.as_bytes(), &Limits::default(), Styles::default()).unwrap();
    let seen: Vec<(&str, bool)> = sheets.iter().map(|g| (g.name.as_str(), g.hidden)).collect();
    assert_eq!(seen, [("B", false), ("A", true)]);
}

#[test]
fn malformed_xml_is_corrupt() {
    for rows in [
        "<table:table-row><table:table-cell></table:table-row>",
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>a</text:p>",
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>&nope;</text:p></table:table-cell></table:table-row>",
    ] {
        assert!(
            matches!(
                read(rows),
                Err(Unreadable::Corrupt {
                    what: Damage::Xml(Some(part)),
                    ..
                }) if part == "content.xml"
            ),
            "{rows}"
        );
    }
    let truncated = &doc("<table:table-row>")[..120];
    assert!(matches!(
        read_content(truncated.as_bytes(), &Limits::default(), Styles::default()),
        Ok(_)
            | Err(Unreadable::Corrupt {
                what: Damage::Xml(_),
                ..
            })
    ));
}

/// A sheet with something of every kind the reader handles.
const RICH: &str = concat!(
    r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>"#,
    r#"<table:table-row><table:table-cell office:value-type="string" table:number-rows-spanned="2" table:number-columns-spanned="2"><text:p>a<text:s text:c="2"/><text:span>b</text:span></text:p><text:p>c<text:line-break/>d</text:p><office:annotation><text:p>n</text:p></office:annotation></table:table-cell>"#,
    r#"<table:covered-table-cell/><table:table-cell table:formula="of:=VLOOKUP(&quot;x&quot;;[$S.$A$1:.$B$3];2;0)" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>"#,
    r#"<table:table-cell table:number-columns-repeated="4" office:value-type="float" office:value="12.5"/></table:table-row>"#,
    r#"<table:table-row table:number-rows-repeated="3"><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="date" office:date-value="2021-02-28"/><table:table-cell office:value-type="boolean" office:boolean-value="false"/></table:table-row>"#,
    r#"<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
);

#[test]
fn the_rich_sheet_reads() {
    let g = one(RICH);
    assert_eq!(g.get(2, 0), &text("a  b\nc\nd"));
    assert_eq!(g.get(3, 1), &text("a  b\nc\nd"));
    assert_eq!(g.get(2, 2), &Cell::Error("#N/A".into()));
    assert_eq!(g.get(2, 6), &Cell::Number(12.5));
    assert_eq!(g.get(5, 2), &Cell::Date(Date::new(2021, 2, 28).unwrap()));
    assert_eq!(g.get(5, 3), &Cell::Bool(false));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Changed bytes and a cut anywhere give a grid or a reason, never a
    /// panic, and never a long wait (repeat counts may have grown).
    #[test]
    fn changed_content_never_panics(
        edits in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<u8>()),
            0..8,
        ),
        cut in proptest::prelude::any::<proptest::sample::Index>(),
    ) {
        let mut bytes = doc(RICH).into_bytes();
        for (i, b) in edits {
            let i = i.index(bytes.len());
            bytes[i] = b;
        }
        let end = cut.index(bytes.len() + 1).max(bytes.len() / 2);
        let limits = Limits { max_unpacked_bytes: 1 << 20, max_cells: 100_000 };
        let _ = read_content(&bytes[..end], &limits, Styles::default());
    }
}

/// calamine's reading of a cell, as the reader it replaced typed it.
fn as_calamine_typed(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text(s),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
    }
}

/// Every value calamine reads in these files (made by LibreOffice, without
/// error results), this reader reads the same, at the same cell; and it
/// reads no other value except merged copies.
#[test]
fn values_are_the_ones_calamine_reads() {
    use calamine::Reader;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "tests/fixtures/real/ods_text_and_values.ods",
        "tests/fixtures/real/ods_merged_department_year.ods",
        "tests/fixtures/real/ods_repeated_rows_template.ods",
        "tests/fixtures/english_headers_reordered.ods",
        "samples/2020/sote_2020.ods",
        "samples/2021/sote_2021.ods",
    ] {
        let bytes = std::fs::read(root.join(file)).unwrap();
        let book = super::read(&bytes, &Limits::default()).unwrap();
        let mut theirs = calamine::Ods::new(std::io::Cursor::new(&bytes)).unwrap();
        for grid in &book.sheets {
            let range = theirs.worksheet_range(&grid.name).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut seen = 0;
            for (r, c, d) in range.used_cells() {
                let (r, c) = (r0 + r as u32, c0 + c as u32);
                let theirs = as_calamine_typed(d);
                match (grid.get(r, c), &theirs) {
                    // A number whose formula gives a truth value (`=TRUE()`,
                    // how LibreOffice saves an xlsx truth value) is read as
                    // the TRUE the person sees; calamine reads the number.
                    (Cell::Bool(b), Cell::Number(n)) => {
                        assert_eq!(f64::from(u8::from(*b)), *n, "{file} {r} {c}");
                    }
                    (ours, _) => assert_eq!(ours, &theirs, "{file} {r} {c}"),
                }
                seen += 1;
            }
            let ours = (grid.first_row..grid.end_row())
                .flat_map(|r| (grid.first_col..grid.end_col()).map(move |c| (r, c)))
                .filter(|&(r, c)| *grid.get(r, c) != Cell::Empty && !grid.is_merge_copy(r, c))
                .count();
            assert_eq!(ours, seen, "{file} {}", grid.name);
        }
    }
}

#[test]
fn texts_as_libreoffice_shows_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("tests/fixtures/real/ods_text_and_values.ods")).unwrap();
    let g = &super::read(&bytes, &Limits::default()).unwrap().sheets[0];
    let col: Vec<String> = (0..10).map(|r| g.get(r, 0).display()).collect();
    assert_eq!(
        &col[..7],
        [
            "a  b",
            "  alussa",
            "lopussa  ",
            "rivi 1\nrivi 2",
            "sarkain\tvälissä",
            "<&>\"'",
            "Länsimäki – Hakunila 😀",
        ]
    );
    assert_eq!(col[8], "x   y    z");
    assert_eq!(col[9], "\n\nkaksi tyhjää riviä ennen");
    // LibreOffice stores 15 significant digits: openpyxl's 0.1 + 0.2 is 0.3.
    assert_eq!(g.get(0, 1), &Cell::Number(0.3));
    assert_eq!(g.get(1, 2), &Cell::Number(12500.5));
}

/// A zip of (name, text) parts.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_password_protected_package_is_encrypted() {
    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#;
    let bytes = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", "\u{1}\u{2}ciphertext"),
    ]);
    assert_eq!(
        super::read(&bytes, &Limits::default()).unwrap_err(),
        Unreadable::Encrypted
    );
}

#[test]
fn a_package_without_content_is_corrupt() {
    let bytes = package(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
    assert_eq!(
        super::read(&bytes, &Limits::default()).unwrap_err(),
        Unreadable::Corrupt {
            what: Damage::MissingPart("content.xml".into()),
            detail: "the package has no content.xml".into()
        }
    );
}

#[test]
fn truth_values_units_and_formulas_from_styles_and_attributes() {
    let styles = r#"<office:automatic-styles>
        <number:boolean-style style:name="N99"><number:boolean/></number:boolean-style>
        <number:number-style style:name="N1"><number:number number:decimal-places="1"/><number:text> t&#x20AC;</number:text></number:number-style>
        <number:number-style style:name="N2"><number:number number:display-factor="1000"/><number:text> t€</number:text></number:number-style>
        <style:style style:name="ceB" style:family="table-cell" style:data-style-name="N99"/>
        <style:style style:name="ceT" style:family="table-cell" style:data-style-name="N1"/>
        <style:style style:name="ceS" style:family="table-cell" style:data-style-name="N2"/>
        </office:automatic-styles>"#;
    let rows = r#"<table:table-column table:number-columns-repeated="4"/>
        <table:table-column table:default-cell-style-name="ceT"/>
        <table:table-row>
        <table:table-cell office:value-type="boolean" office:boolean-value="1"/>
        <table:table-cell table:style-name="ceB" office:value-type="float" office:value="55"/>
        <table:table-cell table:formula="of:=[.B1]&gt;0" office:value-type="float" office:value="1"/>
        <table:table-cell table:formula="of:=IF([.B1]&gt;0;2;3)" office:value-type="float" office:value="2"/>
        <table:table-cell office:value-type="float" office:value="55"/>
        <table:table-cell table:style-name="ceS" office:value-type="float" office:value="55000"/>
        </table:table-row>"#;
    let xml = format!(
        "<?xml version=\"1.0\"?><office:document-content {NS} \
         xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\">{styles}\
         <office:body><office:spreadsheet><table:table table:name=\"T\">{rows}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let g = read_content(xml.as_bytes(), &Limits::default(), Styles::default())
        .unwrap()
        .remove(0);
    assert_eq!(g.get(0, 0), &Cell::Bool(true), "xsd:boolean 1");
    assert_eq!(g.get(0, 1), &Cell::Bool(true), "a boolean number style");
    assert_eq!(g.get(0, 2), &Cell::Bool(true), "a comparison's result");
    assert_eq!(g.get(0, 3), &Cell::Number(2.0), "IF gives a number");
    assert_eq!(g.formula(0, 3), Some("IF(B1>0,2,3)"));
    let unit = g.format_unit(0, 4).expect("the column's default style");
    let unit = unit.section(1.0).unwrap();
    assert_eq!((unit.text.as_str(), unit.factor), ("t€", 1.0));
    let scaled = g.format_unit(0, 5).unwrap().section(1.0).unwrap();
    assert_eq!((scaled.text.as_str(), scaled.factor), ("t€", 1000.0));
    assert_eq!(g.format_unit(0, 3), None);
}
