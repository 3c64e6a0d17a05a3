//! What makes the report an archival (PDF/A-2a, ISO 19005-2) and
//! accessible (PDF/UA-1, ISO 14289-1) file besides its tags: the document
//! information and the XMP metadata that repeats it with the conformance
//! claims, an sRGB output intent, the viewer's title bar and the nested
//! bookmarks. Written with lopdf after printpdf has made the pages.
//!
//! Why not through printpdf 0.12: its conformance setting writes an
//! output intent and XMP for PDF/X only (no PDF/A or PDF/UA
//! identification, no extension schemas) and an empty `/GTS_PDFXVersion`
//! otherwise; its bookmarks are one level; its link annotations carry no
//! /Contents, print flag or /StructParent; and it has no structure tree.
//! Marked content (BDC/EMC with MCIDs, /Artifact) does go through its
//! operations, and through kooste's own stream writer alike.

use lopdf::{Dictionary, Object, Stream, StringFormat};

use super::coverage::unseen;
use super::layout::Meta;
use super::tags::text_string;

/// The sRGB IEC 61966-2.1 profile of icc-profiles-free (zlib licence,
/// `templates/icc/LICENSE`).
const SRGB_ICC: &[u8] = include_bytes!("../../templates/icc/sRGB.icc");

/// A bookmark: its level (1 for a section), title and 0-based page.
pub type Bookmark = (u8, String, usize);

/// Makes `doc` claim, and meet outside its tags, PDF/A-2a and PDF/UA-1:
///
/// - PDF 1.7 header (ISO 19005-2 §6.1.2 allows any 1.x; 1.7 is its base);
/// - the document information dictionary holds only the entries the XMP
///   repeats, identical (ISO 19005-2 §6.6.3), and no PDF/X key;
/// - XMP metadata, uncompressed (ISO 19005-2 §6.6.2.1), with the PDF/A
///   identification (§6.6.4), the PDF/UA identification (ISO 14289-1
///   §5) and its extension schema declaration (ISO 19005-2 §6.6.2.3),
///   the title (ISO 14289-1 §7.1) and language;
/// - an sRGB output intent for the DeviceRGB colours (ISO 19005-2 §6.2.3);
/// - /DisplayDocTitle (ISO 14289-1 §7.1) and the language (§7.2);
/// - the bookmarks, nested by level (WCAG 2.1 SC 2.4.5).
pub fn conform(doc: &mut lopdf::Document, meta: &Meta, bookmarks: &[Bookmark]) {
    doc.version = "1.7".to_string();
    let (pdf_date, xmp_date) = dates(meta.created);
    let keywords = meta.keywords.join(", ");
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Keywords", text_string(&keywords));
    info.set("Creator", text_string("kooste"));
    info.set("Producer", text_string("kooste"));
    info.set(
        "CreationDate",
        Object::String(pdf_date.clone().into_bytes(), StringFormat::Literal),
    );
    info.set(
        "ModDate",
        Object::String(pdf_date.into_bytes(), StringFormat::Literal),
    );
    let info_id = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => {
            let id = *id;
            doc.objects.insert(id, Object::Dictionary(info));
            id
        }
        _ => doc.add_object(Object::Dictionary(info)),
    };
    doc.trailer.set("Info", Object::Reference(info_id));

    let xmp = xmp(meta, &keywords, &xmp_date);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = doc.add_object(Stream::new(dict, xmp.into_bytes()).with_compression(false));

    let mut icc = Dictionary::new();
    icc.set("N", Object::Integer(3));
    let icc = doc.add_object(Stream::new(icc, SRGB_ICC.to_vec()));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        text_string("sRGB IEC61966-2.1"),
    );
    intent.set("Info", text_string("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(icc));

    let outlines = outlines(doc, bookmarks);
    let Ok(catalog) = doc.catalog_mut() else {
        return;
    };
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    catalog.set("Lang", text_string(&meta.lang));
    match outlines {
        Some(o) => {
            catalog.set("Outlines", Object::Reference(o));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
        }
    }
}

/// The outline tree of `bookmarks`, each under the last one of a lower
/// level before it; `None` without bookmarks.
fn outlines(doc: &mut lopdf::Document, bookmarks: &[Bookmark]) -> Option<lopdf::ObjectId> {
    if bookmarks.is_empty() {
        return None;
    }
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    let root = doc.new_object_id();
    let first = doc.max_id + 1;
    doc.max_id += bookmarks.len() as u32;
    let id = |i: usize| (first + i as u32, 0u16);
    // Parent of each item (None: the root), and children of each.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(bookmarks.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, (level, _, _)) in bookmarks.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if bookmarks[top].0 < *level {
                break;
            }
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..bookmarks.len()).filter(|&i| parent[i] == p).collect()
    };
    let mut top_count = 0;
    let mut kids_of: Vec<Vec<usize>> = vec![Vec::new(); bookmarks.len()];
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => kids_of[*p].push(i),
            None => top_count += 1,
        }
    }
    let top = children(None);
    for (i, (_, title, page)) in bookmarks.iter().enumerate() {
        let siblings = match parent[i] {
            Some(p) => &kids_of[p],
            None => &top,
        };
        let at = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = Dictionary::new();
        // No control or format character, as on the page (a right-to-left
        // override would turn the title round in the bookmarks panel); the
        // viewer's own fonts show the rest.
        let title: String = title.chars().filter(|&c| !unseen(c)).collect();
        d.set("Title", text_string(&title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map(id).unwrap_or(root)),
        );
        if at > 0 {
            d.set("Prev", Object::Reference(id(siblings[at - 1])));
        }
        if let Some(&next) = siblings.get(at + 1) {
            d.set("Next", Object::Reference(id(next)));
        }
        if let (Some(&f), Some(&l)) = (kids_of[i].first(), kids_of[i].last()) {
            d.set("First", Object::Reference(id(f)));
            d.set("Last", Object::Reference(id(l)));
            // Open, showing its children.
            d.set("Count", Object::Integer(kids_of[i].len() as i64));
        }
        if let Some(p) = pages.get(*page) {
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*p),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Null,
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(id(i), Object::Dictionary(d));
    }
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(id(f)));
        r.set("Last", Object::Reference(id(l)));
    }
    r.set("Count", Object::Integer(top_count));
    doc.objects.insert(root, Object::Dictionary(r));
    // printpdf's flat outline, if it made one, is left unreferenced and
    // dropped when the document is pruned.
    Some(root)
}

/// The date `created` (Unix seconds, UTC) as a PDF date and as an XMP date.
fn dates(created: i64) -> (String, String) {
    let days = created.div_euclid(86_400);
    let secs = created.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    let (hh, mm, ss) = (secs / 3600, secs / 60 % 60, secs % 60);
    (
        format!("D:{y:04}{m:02}{d:02}{hh:02}{mm:02}{ss:02}+00'00'"),
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}+00:00"),
    )
}

/// Year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's civil_from_days).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `s` as XML character data. The words `endstream` and `endobj` begin
/// with a character reference (`&#101;ndstream`): the metadata stream is
/// uncompressed (PDF/A-2 forbids it a filter), and a reader that looks for
/// the keyword to find the stream's end would otherwise cut it there.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            'e' if s[i..].starts_with("endstream") || s[i..].starts_with("endobj") => {
                out.push_str("&#101;");
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            '\u{fffe}' | '\u{ffff}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet (ISO 16684-1) repeating the document information, with
/// the PDF/A and PDF/UA identification schemas and the extension schema
/// that declares `pdfuaid` (ISO 19005-2 §6.6.2.3.1: a schema outside
/// XMP's predefined ones is declared in the packet itself).
fn xmp(meta: &Meta, keywords: &str, date: &str) -> String {
    let title = xml(&meta.title);
    let author = xml(&meta.author);
    let subject = xml(&meta.subject);
    let keywords = xml(keywords);
    let lang = xml(&meta.lang);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>kooste</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>kooste</pdf:Producer>
<pdf:Keywords>{keywords}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li>
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(
            dates(19_038 * 86_400),
            (
                "D:20220215000000+00'00'".to_string(),
                "2022-02-15T00:00:00+00:00".to_string()
            )
        );
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(-1), (1969, 12, 31));
    }

    #[test]
    fn stream_keywords_are_escaped_in_xmp_text() {
        assert_eq!(
            xml("a endstream endobj <b>"),
            "a &#101;ndstream &#101;ndobj &lt;b&gt;"
        );
    }
}
