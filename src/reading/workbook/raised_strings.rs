//! The shared strings of an xlsx whose rich-text runs are set above or
//! below the line (ECMA-376 Part 1 §18.4.7 `vertAlign`), as the sheet
//! shows them (see [`crate::reading::raised`]). calamine joins a string's
//! runs into plain text; the cells it gives are mapped through these.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::Event;

use super::xml_attr;
use crate::reading::raised::raised;

/// The most a shared-strings part is read to; past it nothing is mapped
/// (the values were read by calamine within its own limits).
const SST_MAX: u64 = 256 << 20;

/// Plain text (the runs joined, as calamine gives it) → the text shown,
/// for each shared string with a superscript or subscript run. Empty for
/// the usual workbook, whose part never says `vertAlign`, and on any
/// failure.
pub fn raised_strings(bytes: &[u8]) -> HashMap<String, String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let name = shared_strings_part(&mut zip);
    let has_word = match zip.by_name(&name) {
        Ok(part) => super::sheet_part::part_contains(part.take(SST_MAX), b"vertAlign"),
        Err(_) => None,
    };
    if has_word != Some(true) {
        return HashMap::new();
    }
    match zip.by_name(&name) {
        Ok(part) => parse(quick_xml::Reader::from_reader(BufReader::new(
            part.take(SST_MAX),
        ))),
        Err(_) => HashMap::new(),
    }
}

/// The shared-strings part's name from the workbook's relationships, or
/// the name every writer gives it.
fn shared_strings_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let rels = super::read_part(zip, "xl/_rels/workbook.xml.rels").unwrap_or_default();
    let mut xml = quick_xml::Reader::from_str(&rels);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == "Relationship"
                    && xml_attr(&e, "Type").is_some_and(|t| t.ends_with("/sharedStrings")) =>
            {
                if let Some(target) = xml_attr(&e, "Target") {
                    return match target.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("xl/{target}"),
                    };
                }
            }
            Ok(Event::Eof) | Err(_) => return "xl/sharedStrings.xml".to_string(),
            _ => {}
        }
    }
}

/// Each `<si>`'s plain and shown text, kept where they differ. Phonetic
/// runs (`<rPh>`) are not text, as calamine does not read them.
fn parse<R: std::io::BufRead>(xml: quick_xml::Reader<R>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    strings(xml, "si", |_, plain, shown| {
        out.insert(plain, shown);
    });
    out
}

/// The inline strings (`<c t="inlineStr"><is>…</is></c>`, as openpyxl
/// writes rich text) of a sheet part whose runs are set above or below
/// the line: each cell's absolute 0-based (row, column) and the text
/// shown. Cells without an `r` reference are left as read.
pub fn raised_inline<R: std::io::BufRead>(xml: quick_xml::Reader<R>) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    strings(xml, "is", |cell, _, shown| {
        if let Some((row, col)) = cell.and_then(crate::text::parse_a1) {
            out.push((row, col, shown));
        }
    });
    out
}

/// Calls `found` with the enclosing cell's reference (`<c r="H2">`, if
/// any), the plain and the shown text of each `holder` element (`si`,
/// `is`) whose runs raise or lower some of its text.
fn strings<R: std::io::BufRead>(
    mut xml: quick_xml::Reader<R>,
    holder: &str,
    mut found: impl FnMut(Option<&str>, String, String),
) {
    let (mut plain, mut shown) = (String::new(), String::new());
    let (mut inside, mut in_t, mut in_rph, mut raise) = (false, false, false, None::<bool>);
    let mut cell: Option<String> = None;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "c" => cell = xml_attr(&e, "r"),
                h if h == holder => {
                    inside = true;
                    plain.clear();
                    shown.clear();
                }
                "r" => raise = None,
                "t" => in_t = inside && !in_rph,
                "rPh" => in_rph = true,
                _ => {}
            },
            Ok(Event::Empty(e)) if inside && e.local_name().as_ref() == "vertAlign" => {
                raise = match xml_attr(&e, "val").as_deref() {
                    Some("superscript") => Some(true),
                    Some("subscript") => Some(false),
                    _ => None,
                };
            }
            Ok(Event::Text(t)) if in_t => push(&mut plain, &mut shown, &t.xml10_content(), raise),
            Ok(Event::GeneralRef(r)) if in_t => {
                // An entity (`&amp;`, `&#8364;`) between text events.
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(p) => p.to_string(),
                        None => continue,
                    },
                };
                push(&mut plain, &mut shown, &text, raise);
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_rph = false,
                "r" => raise = None,
                h if h == holder => {
                    inside = false;
                    if plain != shown {
                        found(
                            cell.as_deref(),
                            std::mem::take(&mut plain),
                            std::mem::take(&mut shown),
                        );
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// Adds a run's `text` to a string's plain and shown text.
fn push(plain: &mut String, shown: &mut String, text: &str, raise: Option<bool>) {
    plain.push_str(text);
    match raise {
        Some(up) => shown.push_str(&raised(text, up)),
        None => shown.push_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn raised_runs_are_shown_raised_and_plain_strings_are_left_out() {
        let sst = r#"<sst><si><t>KUKU-01</t></si><si><r><t>98000</t></r><r><rPr><vertAlign val="superscript"/></rPr><t>1</t></r></si><si><r><t>CO</t></r><r><rPr><sz val="8"/><vertAlign val="subscript"/></rPr><t>2</t></r><r><t> &amp; 3</t></r></si><si><r><rPr><vertAlign val="baseline"/></rPr><t>5</t></r><rPh><t>x</t></rPh></si></sst>"#;
        let map = parse(quick_xml::Reader::from_str(sst));
        assert_eq!(map.len(), 2, "{map:?}");
        assert_eq!(map["980001"], "98000¹");
        assert_eq!(map["CO2 & 3"], "CO₂ & 3");
    }

    #[test]
    fn inline_strings_with_raised_runs_are_found_by_cell() {
        let sheet = r#"<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>KUKU-01</t></is></c><c r="H2" t="inlineStr"><is><r><t>98000</t></r><r><rPr><vertAlign val="superscript"/></rPr><t>1</t></r></is></c></row></sheetData>"#;
        let cells = super::raised_inline(quick_xml::Reader::from_str(sheet));
        assert_eq!(cells, [(1, 7, "98000¹".to_string())]);
    }
}
