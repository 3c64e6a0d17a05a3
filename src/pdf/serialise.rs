//! Turning the laid-out pages into a lopdf document on every core.
//!
//! printpdf's `to_lopdf_document` turns the pages' operations into content
//! streams one page after another: half of a 800-page report's time. Its
//! page translation is not public, so the pages are translated in chunks,
//! each chunk as a document of its own on rayon's threads, and each page's
//! content stream is then moved into the one document that holds the
//! fonts, links, bookmarks and metadata (whose own pages carry only their
//! links). The streams name fonts by the same ids and, as the fonts are
//! embedded whole (kooste subsets them beforehand), encode the same glyph
//! ids in every document.

use std::collections::{BTreeMap, HashMap};

use printpdf::{FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions};
use printpdf::{Pt, TextItem};
use rayon::prelude::*;

/// Fewest pages worth a chunk of their own: each chunk's document costs
/// some milliseconds of font set-up.
const MIN_CHUNK_PAGES: usize = 32;

/// `doc` (metadata, bookmarks; no fonts or pages yet) with `fonts` and
/// `pages` (A4), as a lopdf document.
pub(crate) fn to_lopdf(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont)],
    pages: Vec<Vec<Op>>,
) -> lopdf::Document {
    let with_fonts = |mut d: PdfDocument| {
        for (id, font) in fonts {
            d.resources
                .fonts
                .map
                .insert(id.clone(), printpdf::font::PdfFont::new(font.clone()));
        }
        d
    };
    let a4 = |ops: Vec<Op>| PdfPage::new(Mm(210.0), Mm(297.0), ops);
    // The document's own pages keep their links (which name other pages);
    // the first also shows every character once in each font, in the order
    // of their last use, so that the fonts' widths and text mappings are
    // what they would be with every page's text in place.
    let mut shells: Vec<Vec<Op>> = Vec::with_capacity(pages.len());
    let mut drawn: Vec<Vec<Op>> = Vec::with_capacity(pages.len());
    for ops in pages {
        let (links, rest): (Vec<Op>, Vec<Op>) = ops
            .into_iter()
            .partition(|op| matches!(op, Op::LinkAnnotation { .. }));
        shells.push(links);
        drawn.push(rest);
    }
    if let Some(first) = shells.first_mut() {
        first.extend(glyph_usage(&drawn));
    }
    // One chunk per thread: the set-up is paid once per chunk.
    let per = drawn
        .len()
        .div_ceil(rayon::current_num_threads().max(1))
        .max(MIN_CHUNK_PAGES);
    let contents: Vec<Vec<u8>> = drawn
        .par_chunks_mut(per)
        .with_max_len(1)
        .flat_map_iter(|chunk| {
            let mut part = with_fonts(PdfDocument::new(""));
            part.with_pages(
                chunk
                    .iter_mut()
                    .map(|ops| a4(std::mem::take(ops)))
                    .collect(),
            );
            let mut part = part.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new());
            let pages: Vec<lopdf::ObjectId> = part.get_pages().into_values().collect();
            pages
                .into_iter()
                .map(|page| content(&mut part, page))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut doc = with_fonts(doc);
    doc.with_pages(shells.into_iter().map(a4).collect());
    let mut out = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new());
    let ids: Vec<lopdf::ObjectId> = out.get_pages().values().copied().collect();
    for (page, content) in ids.into_iter().zip(contents) {
        // Each page was made here with one content stream. Left
        // uncompressed: the streams are deflated together, in parallel,
        // before saving (lopdf's own replacement compresses each).
        if let Some(lopdf::Object::Stream(s)) = out
            .get_page_contents(page)
            .first()
            .and_then(|id| out.objects.get_mut(id))
        {
            s.set_plain_content(content);
        }
    }
    out
}

/// The bytes of a page's (only) content stream, taken out of `doc`.
fn content(doc: &mut lopdf::Document, page: lopdf::ObjectId) -> Vec<u8> {
    match doc
        .get_page_contents(page)
        .first()
        .and_then(|id| doc.objects.get_mut(id))
    {
        Some(lopdf::Object::Stream(s)) => std::mem::take(&mut s.content),
        _ => Vec::new(),
    }
}

/// Text operations that use every character of the pages' text once per
/// font, each at its last use in page order.
fn glyph_usage(pages: &[Vec<Op>]) -> Vec<Op> {
    // Last use of each character by font: a table for the Basic Multilingual
    // Plane (a lookup per character of the whole text), a map beyond it.
    struct Uses {
        bmp: Vec<u32>,
        astral: HashMap<char, u32>,
    }
    let mut last: BTreeMap<FontId, Uses> = BTreeMap::new();
    let mut n = 0u32;
    for ops in pages {
        let mut font: Option<&FontId> = None;
        for op in ops {
            match op {
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    ..
                } => font = Some(id),
                Op::ShowText { items } => {
                    let Some(id) = font else { continue };
                    let uses = last.entry(id.clone()).or_insert_with(|| Uses {
                        bmp: vec![0; 0x1_0000],
                        astral: HashMap::new(),
                    });
                    for item in items {
                        if let TextItem::Text(text) = item {
                            for c in text.chars() {
                                n += 1;
                                match uses.bmp.get_mut(c as usize) {
                                    Some(at) => *at = n,
                                    None => {
                                        uses.astral.insert(c, n);
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let last: BTreeMap<FontId, Vec<(u32, char)>> = last
        .into_iter()
        .map(|(id, uses)| {
            let bmp = uses
                .bmp
                .iter()
                .enumerate()
                .filter(|(_, at)| **at > 0)
                .filter_map(|(c, at)| Some((*at, char::from_u32(c as u32)?)));
            let astral = uses.astral.into_iter().map(|(c, at)| (at, c));
            (id, bmp.chain(astral).collect())
        })
        .collect();
    let mut ops = vec![Op::StartTextSection];
    for (id, mut chars) in last {
        chars.sort_unstable();
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.into_iter().map(|(_, c)| c).collect())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans.ttf");
    const BOLD: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans-Bold.ttf");

    fn text(font: &FontId, y: f32, s: &str) -> Vec<Op> {
        vec![
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(10.0),
            },
            Op::SetTextCursor {
                pos: printpdf::Point {
                    x: Pt(50.0),
                    y: Pt(y),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(s.to_string())],
            },
            Op::EndTextSection,
        ]
    }

    /// Pages of text in two fonts, some characters only on some pages,
    /// each page linking to another.
    fn pages(fonts: &[(FontId, ParsedFont)]) -> Vec<Vec<Op>> {
        (0..150)
            .map(|p| {
                let mut ops = text(
                    &fonts[p % 2].0,
                    700.0,
                    &format!("Sivu {p}: Länsimäki 1\u{a0}973 €"),
                );
                ops.extend(text(
                    &fonts[(p + 1) % 2].0,
                    600.0,
                    &format!("{} ÅÄÖ 🙂", p * 7),
                ));
                if p % 3 == 0 {
                    ops.extend(text(&fonts[0].0, 500.0, "tail with space"));
                }
                let link = printpdf::LinkAnnotation::new(
                    printpdf::Rect::from_xywh(Pt(50.0), Pt(50.0), Pt(100.0), Pt(20.0)),
                    printpdf::Actions::Goto(printpdf::Destination::Xyz {
                        page: (p * 13) % 150 + 1,
                        left: None,
                        top: None,
                        zoom: None,
                    }),
                    None,
                    None,
                    None,
                );
                ops.push(Op::LinkAnnotation { link });
                ops
            })
            .collect()
    }

    /// A document dated at a fixed time.
    fn doc() -> PdfDocument {
        let mut d = PdfDocument::new("t");
        let date = printpdf::OffsetDateTime::from_unix_timestamp(0).unwrap();
        d.metadata.info.creation_date = date;
        d.metadata.info.modification_date = date;
        d.metadata.info.metadata_date = date;
        d
    }

    #[test]
    fn chunked_serialisation_equals_printpdfs_own() {
        let fonts: Vec<(FontId, ParsedFont)> = [(REGULAR, "F1"), (BOLD, "F2")]
            .iter()
            .map(|(b, id)| {
                let font = ParsedFont::from_bytes(b, 0, &mut Vec::new()).unwrap();
                (FontId(id.to_string()), font)
            })
            .collect();
        let mut theirs = doc();
        for (id, font) in &fonts {
            theirs
                .resources
                .fonts
                .map
                .insert(id.clone(), printpdf::font::PdfFont::new(font.clone()));
        }
        theirs.with_pages(
            pages(&fonts)
                .into_iter()
                .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
                .collect(),
        );
        let mut theirs = theirs.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new());
        // On two threads and more, whatever the machine has: several chunks.
        for threads in [2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut ours = pool.install(|| to_lopdf(doc(), &fonts, pages(&fonts)));
            let (mut a, mut b) = (Vec::new(), Vec::new());
            // printpdf's document ID is random; kooste replaces it.
            theirs.trailer.remove(b"ID");
            ours.trailer.remove(b"ID");
            theirs.save_to(&mut a).unwrap();
            ours.save_to(&mut b).unwrap();
            assert!(
                a == b,
                "{threads} threads: {} vs {} bytes",
                a.len(),
                b.len()
            );
        }
    }
}
