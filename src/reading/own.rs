//! kooste's own outputs among the inputs. A consolidated workbook, an
//! annotated copy, a converted file or an export in an input folder is not a
//! submission: read back, it would double every measure. Workbooks are told
//! by a custom document property kooste writes into each ([`PROPERTY`]);
//! exports, which have no properties, by their exact header or shape.

use std::io::Read;

use super::{Book, Format};
use crate::config::Config;
use crate::model::finding::{Code, Finding};
use crate::model::lang::Lang;
use crate::model::message::Message;

/// The custom document property every workbook kooste writes carries; its
/// value is the kind ([`OutputKind::mark`] or [`TEMPLATE_MARK`]).
pub const PROPERTY: &str = "kooste";

/// The mark of a template. A template is filled in and sent back, so one
/// found among the inputs is read as a submission (as is a conversion to
/// xlsx, marked [`OutputKind::Converted`]).
pub const TEMPLATE_MARK: &str = "template";

/// Most bytes of `docProps/custom.xml` looked at: kooste's is a few hundred.
const CUSTOM_XML_MAX: u64 = 64 * 1024;

/// A kind of output kooste writes that is not a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// The consolidated workbook (`merge`, `build`).
    Consolidated,
    /// An annotated copy (`validate --annotate`): the template with the
    /// department's values, corrected and sent back, so it is read.
    Annotated,
    /// A converted file (`convert`): skipped when JSON; an xlsx is read.
    Converted,
    /// The CSV export (`merge --csv`).
    CsvExport,
    /// The JSON export (`merge --json`).
    JsonExport,
}

impl OutputKind {
    /// The value of [`PROPERTY`] in a workbook of this kind.
    pub fn mark(self) -> &'static str {
        match self {
            OutputKind::Consolidated => "consolidated",
            OutputKind::Annotated => "annotated",
            OutputKind::Converted => "converted",
            OutputKind::CsvExport => "csv-export",
            OutputKind::JsonExport => "json-export",
        }
    }

    /// The kind in words, for the `own-output` finding.
    pub fn name(self) -> Message {
        match self {
            OutputKind::Consolidated => Message::new("read-own-kind-consolidated"),
            OutputKind::Annotated => Message::new("read-own-kind-annotated"),
            OutputKind::Converted => Message::new("read-own-kind-converted"),
            OutputKind::CsvExport => Message::new("read-own-kind-csv-export"),
            OutputKind::JsonExport => Message::new("read-own-kind-json-export"),
        }
    }

    /// The kind a workbook's mark names, if it is skipped as an input. A
    /// conversion to xlsx and an annotated copy are in the template's
    /// form, to be corrected and sent back like a template, so they are
    /// read (beside their source, of two with the same rows one is
    /// skipped as a `duplicate-file`).
    fn from_mark(mark: &str) -> Option<OutputKind> {
        (mark == OutputKind::Consolidated.mark()).then_some(OutputKind::Consolidated)
    }
}

/// What a file's bytes tell before it is opened: a workbook's mark, or a
/// JSON export's or conversion's shape.
pub(crate) fn by_bytes(bytes: &[u8]) -> Option<OutputKind> {
    if bytes.starts_with(b"PK\x03\x04") {
        // The zip crate reports a malformed archive as an error; a panic in
        // it is a broken file, which the reader proper then reports.
        return super::guard::guarded(|| workbook_mark(bytes))
            .ok()
            .flatten();
    }
    json_shape(bytes)
}

/// The kind a workbook's `kooste` property names, if any.
fn workbook_mark(bytes: &[u8]) -> Option<OutputKind> {
    OutputKind::from_mark(&mark_of(bytes)?)
}

/// The value of a workbook's `kooste` property, if it has one.
fn mark_of(bytes: &[u8]) -> Option<String> {
    custom_property_of(bytes, PROPERTY)
}

/// The value of a workbook's custom document property `name`, if it has
/// one: what kooste records about a workbook it wrote (its kind, and for a
/// consolidated workbook its programme and year).
pub fn custom_property(bytes: &[u8], name: &str) -> Option<String> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    super::guard::guarded(|| custom_property_of(bytes, name))
        .ok()
        .flatten()
}

fn custom_property_of(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let part = zip.by_name("docProps/custom.xml").ok()?;
    let mut xml = String::new();
    part.take(CUSTOM_XML_MAX).read_to_string(&mut xml).ok()?;
    property(&xml, name)
}

/// Whether a workbook is a conversion (`convert --to xlsx`) or an
/// annotated copy (`validate --annotate`) kooste wrote: read as a
/// submission, but where it holds the same rows as another input, the
/// other is the one read.
pub(crate) fn is_conversion(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && super::guard::guarded(|| mark_of(bytes))
            .ok()
            .flatten()
            .is_some_and(|m| m == OutputKind::Converted.mark() || m == OutputKind::Annotated.mark())
}

/// The text value of the custom property `name` in `docProps/custom.xml`.
fn property(xml: &str, name: &str) -> Option<String> {
    let start = xml.find(&format!("name=\"{name}\""))?;
    let rest = &xml[start..];
    let end = rest.find("</property>")?;
    let body = &rest[rest.find('>')? + 1..end];
    // The value is the text inside the one <vt:…> element.
    let value = body.split('>').nth(1)?.split('<').next()?;
    Some(value.trim().to_string())
}

/// A JSON array whose first object has the keys of the JSON export
/// (`merge --json`) or of a conversion (`convert --to json`). Only the first
/// object is parsed, so a large export costs little.
fn json_shape(bytes: &[u8]) -> Option<OutputKind> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = text[start..].strip_prefix(b"[")?;
    let first = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    if rest[first] == b']' {
        // An export of nothing.
        return Some(OutputKind::JsonExport);
    }
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::Deserializer::from_slice(&rest[first..])
            .into_iter()
            .next()?
            .ok()?;
    let has = |keys: &[&str]| keys.iter().all(|k| object.contains_key(*k));
    if has(&["department_name", "measure", "source_file", "source_cell"]) {
        Some(OutputKind::JsonExport)
    } else if has(&["row", "measure", "department"]) {
        Some(OutputKind::Converted)
    } else {
        None
    }
}

/// Whether an opened CSV file's first row is the CSV export's header
/// (`merge --csv`) in one of the languages.
pub(crate) fn by_content(book: &Book, config: &Config) -> Option<OutputKind> {
    if book.format != Format::Csv {
        return None;
    }
    let first = book.sheets.first()?.rows.first()?;
    let cells: Vec<String> = first
        .iter()
        .map(|c| c.display().trim().to_string())
        .collect();
    [Lang::Fi, Lang::Sv, Lang::En]
        .into_iter()
        .any(|lang| {
            // The export writes its header guarded like any text cell.
            let header = super::schema::export_header(config, lang);
            header
                .iter()
                .map(|h| crate::text::csv_guard(h))
                .eq(cells.iter().cloned())
        })
        .then_some(OutputKind::CsvExport)
}

/// The `own-output` finding naming the file and what kind of output it is.
pub(crate) fn finding(display: &str, kind: OutputKind) -> Finding {
    Finding::file(
        Code::OwnOutput,
        display,
        Message::new("read-own-output").arg("kind", kind.name()),
    )
    .hint(Message::new("read-own-output.hint"))
}

/// Whether the file at `path` is a report kooste printed (a PDF whose XMP
/// metadata names kooste as its creator tool, as `pdf::archive` writes
/// it): an output found in an input folder, passed over without a word,
/// as the consolidated workbook is set aside. Only the first 64 MiB are
/// looked at.
pub fn is_own_print(path: &std::path::Path) -> bool {
    use std::io::Read;
    const MARK: &[u8] = b"<xmp:CreatorTool>kooste</xmp:CreatorTool>";
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut bytes = Vec::new();
    file.take(64 << 20).read_to_end(&mut bytes).is_ok()
        && bytes.starts_with(b"%PDF-")
        && bytes.windows(MARK.len()).any(|w| w == MARK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_property_is_found_in_custom_xml() {
        let xml = r#"<?xml version="1.0"?><Properties><property fmtid="{D5CDD505}" pid="2" name="kooste"><vt:lpwstr>consolidated</vt:lpwstr></property></Properties>"#;
        assert_eq!(property(xml, "kooste").as_deref(), Some("consolidated"));
        assert_eq!(property(xml, "other"), None);
        assert_eq!(property("<x name=\"kooste\">", "kooste"), None);
    }

    #[test]
    fn json_exports_and_conversions_are_told_by_their_keys() {
        let export = br#"[{"id": null, "department": "KYMP", "department_name": "K", "measure": "M", "source_file": "a.xlsx", "source_cell": "D2"}, {"#;
        assert_eq!(json_shape(export), Some(OutputKind::JsonExport));
        let converted =
            b"\xEF\xBB\xBF [\n {\"row\": 2, \"department\": \"KYMP\", \"measure\": \"M\"}]";
        assert_eq!(json_shape(converted), Some(OutputKind::Converted));
        assert_eq!(json_shape(b"[ ]"), Some(OutputKind::JsonExport));
        assert_eq!(json_shape(b"[{\"a\": 1}]"), None);
        assert_eq!(json_shape(b"Toimiala;Toimenpide"), None);
        assert_eq!(by_bytes(b"PK\x03\x04 not a zip"), None);
    }
}
