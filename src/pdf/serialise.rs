//! Turning the laid-out pages into a lopdf document, by printpdf (the
//! reference) or on every core by kooste's own content-stream writer.
//!
//! printpdf's `to_lopdf_document` turns the pages' operations into content
//! streams one page after another, through an object per operand: more
//! than half of a 800-page report's time. The pages' drawing lists
//! ([`Page`]: text, filled rectangles, the logo, marked content) are
//! written here straight to bytes and deflated, a page per task on rayon's
//! threads, exactly as printpdf writes the same operations
//! ([`Page::to_ops`]; tests compare the two, for each kind of drawing and
//! for whole reports). The streams are then moved into the one document
//! that holds the fonts, links, bookmarks and metadata, whose own pages
//! carry only their links. The fonts are embedded whole (kooste subsets
//! them beforehand), so a character has the same glyph id in every page.

use printpdf::{FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage};
use printpdf::{PdfSaveOptions, Pt, TextItem};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

use super::draw::{Draw, Page, corners};
use super::layout::Rgb3;

/// Who writes the report pages' content streams. Both give the same bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StreamWriter {
    /// kooste's own, a page per task on every core; several times faster
    /// than printpdf's for a long report (README, Performance).
    #[default]
    Kooste,
    /// printpdf's own translation, one page after another: the reference.
    Printpdf,
}

/// `doc` (metadata, bookmarks; no fonts or pages yet) with `fonts` (the
/// regular face, then the bold one) and `pages` (A4), each page with its
/// `links` (`Op::LinkAnnotation`s), as a lopdf document, and what `then`
/// returns, which is given the document before the pages' content streams
/// are in it (kooste's writer makes them meanwhile on the other cores).
pub(crate) fn to_lopdf<R: Send>(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont); 2],
    pages: Vec<Page>,
    links: Vec<Vec<Op>>,
    writer: StreamWriter,
    then: impl FnOnce(&mut lopdf::Document) -> R + Send,
) -> (lopdf::Document, R) {
    let ids = [&fonts[0].0, &fonts[1].0];
    match writer {
        StreamWriter::Kooste => {
            let usage = glyph_usage(&pages, ids);
            let mut out = with_links(doc, fonts, links, usage, pages.len());
            let glyphs = Glyphs::new(fonts);
            // Each page's stream deflated as soon as it is made, so the
            // uncompressed streams are never all held at once.
            let (done, contents) = rayon::join(
                || then(&mut out),
                || -> Vec<Result<Vec<u8>, Vec<u8>>> {
                    pages
                        .par_iter()
                        .with_min_len(8)
                        .map(|page| {
                            let plain = page_stream(page, ids, &glyphs);
                            super::layout::deflate(&plain).ok_or(plain)
                        })
                        .collect()
                },
            );
            // The pages' drawing is no longer needed: freed on another
            // thread while the document is finished.
            rayon::spawn(move || drop(pages));
            with_streams(&mut out, contents);
            (out, done)
        }
        StreamWriter::Printpdf => {
            let pages = pages
                .iter()
                .zip(links.into_iter().chain(std::iter::repeat_with(Vec::new)))
                .map(|(page, links)| {
                    let mut ops = page.to_ops(ids);
                    ops.extend(links);
                    ops
                })
                .collect();
            let mut out = through_printpdf(doc, fonts, pages);
            let done = then(&mut out);
            (out, done)
        }
    }
}

/// `doc` with `fonts` embedded.
fn with_fonts(mut doc: PdfDocument, fonts: &[(FontId, ParsedFont)]) -> PdfDocument {
    for (id, font) in fonts {
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::font::PdfFont::new(font.clone()));
    }
    doc
}

fn a4(ops: Vec<Op>) -> PdfPage {
    PdfPage::new(Mm(210.0), Mm(297.0), ops)
}

/// The document as printpdf makes it, every page's stream included.
fn through_printpdf(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont)],
    pages: Vec<Vec<Op>>,
) -> lopdf::Document {
    let mut doc = with_fonts(doc, fonts);
    doc.with_pages(pages.into_iter().map(a4).collect());
    doc.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new())
}

/// The document printpdf makes of `pages` pages with their `links`
/// alone; `usage` is drawn on the first page (see [`glyph_usage`]).
fn with_links(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont)],
    links: Vec<Vec<Op>>,
    usage: Vec<Op>,
    pages: usize,
) -> lopdf::Document {
    // The document's own pages keep their links (which name other pages);
    // the first also shows every character once in each font, in the order
    // of their last use, so that the fonts' widths and text mappings are
    // what they would be with every page's text in place.
    let mut shells = links;
    shells.resize_with(pages, Vec::new);
    if let Some(first) = shells.first_mut() {
        first.extend(usage);
    }
    let mut doc = with_fonts(doc, fonts);
    doc.with_pages(shells.into_iter().map(a4).collect());
    doc.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new())
}

/// Each page's content stream of `out` replaced by its content: deflated
/// (`Ok`) where that makes it smaller, as the document's other streams are
/// before saving and with the same dictionary, else plain (`Err`).
fn with_streams(out: &mut lopdf::Document, contents: Vec<Result<Vec<u8>, Vec<u8>>>) {
    let ids: Vec<lopdf::ObjectId> = out.get_pages().values().copied().collect();
    for (page, content) in ids.into_iter().zip(contents) {
        // Each page was made by printpdf with one content stream.
        if let Some(lopdf::Object::Stream(s)) = out
            .get_page_contents(page)
            .first()
            .and_then(|id| out.objects.get_mut(id))
        {
            match content {
                Ok(deflated) => {
                    s.set_plain_content(Vec::new());
                    s.dict.set("Filter", "FlateDecode");
                    s.set_content(deflated);
                }
                Err(plain) => s.set_plain_content(plain),
            }
        }
    }
}

/// Glyph ids of each font by character: a table for the Basic Multilingual
/// Plane, the font's own map beyond it.
struct Glyphs<'a> {
    fonts: HashMap<&'a str, (Vec<u16>, &'a BTreeMap<u32, u16>)>,
}

impl<'a> Glyphs<'a> {
    fn new(fonts: &'a [(FontId, ParsedFont)]) -> Self {
        let fonts = fonts
            .iter()
            .map(|(id, font)| {
                let map = &font.codepoint_to_glyph;
                let mut bmp = vec![0u16; 0x1_0000];
                for (&c, &g) in map.range(..0x1_0000) {
                    bmp[c as usize] = g;
                }
                (id.0.as_str(), (bmp, map))
            })
            .collect();
        Glyphs { fonts }
    }

    /// `text` as the big-endian glyph ids of `font`, in hex (0, the missing
    /// glyph, for a character the font lacks or a font not embedded, as
    /// printpdf does).
    fn hex(&self, font: &str, text: &str, out: &mut Vec<u8>) {
        let found = self.fonts.get(font);
        for c in text.chars() {
            let id = match found {
                Some((bmp, map)) => match bmp.get(c as usize) {
                    Some(g) => *g,
                    None => map.get(&(c as u32)).copied().unwrap_or(0),
                },
                None => 0,
            };
            for b in id.to_be_bytes() {
                out.extend_from_slice(&HEX[usize::from(b)]);
            }
        }
    }
}

/// A page's content stream, byte for byte as printpdf's translation writes
/// the page's operations ([`Page::to_ops`]): operands each followed by a
/// space, then the operator; operators on lines of their own. `fonts` are
/// the regular and the bold face's ids.
fn page_stream(page: &Page, fonts: [&FontId; 2], glyphs: &Glyphs) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(80 * page.draws.len() + 4 * page.text.len());
    let mut known = Known::default();
    for d in &page.draws {
        match d {
            Draw::Text {
                x,
                y,
                size,
                bold,
                color,
                text,
            } => {
                let font = fonts[usize::from(*bold)];
                begin_text(&mut out, &mut known, *color, font, *size);
                real(&mut out, *x);
                real(&mut out, *y);
                out.extend_from_slice(b"Td");
                end_text(&mut out, font, page.str(*text), glyphs);
            }
            Draw::Turned {
                matrix,
                size,
                bold,
                color,
                text,
            } => {
                let font = fonts[usize::from(*bold)];
                begin_text(&mut out, &mut known, *color, font, *size);
                // A turned matrix, which printpdf writes as it is (it
                // holds back a plain translation to merge glyph runs).
                for v in matrix.iter() {
                    real(&mut out, *v);
                }
                out.extend_from_slice(b"Tm");
                end_text(&mut out, font, page.str(*text), glyphs);
            }
            Draw::Rect {
                x,
                top,
                w,
                h,
                color,
            } => {
                fill(&mut out, &mut known, *color);
                for (i, (x, y)) in corners(*x, *top, *w, *h).into_iter().enumerate() {
                    line(&mut out);
                    real(&mut out, x);
                    real(&mut out, y);
                    out.push(if i == 0 { b'm' } else { b'l' });
                }
                out.extend_from_slice(b"\nh\nf");
            }
            Draw::Image { n, x, y, w, h } => image(&mut out, *n, [*x, *y, *w, *h]),
            Draw::BeginArtifact => {
                line(&mut out);
                out.extend_from_slice(b"/Artifact BMC");
            }
            Draw::BeginMarked { tag, mcid } => {
                // `/P <</MCID 3>> BDC`, as printpdf writes a dictionary of
                // one integer.
                line(&mut out);
                name(&mut out, tag.marked_name().as_bytes());
                out.extend_from_slice(b"<</MCID ");
                {
                    use std::io::Write;
                    let _ = write!(out, "{mcid}");
                }
                out.extend_from_slice(b">> BDC");
            }
            Draw::End => {
                line(&mut out);
                out.extend_from_slice(b"EMC");
            }
        }
    }
    out
}

/// Starts an operation's line.
fn line(out: &mut Vec<u8>) {
    if !out.is_empty() {
        out.push(b'\n');
    }
}

/// The numbers a page's stream repeats most, formatted once per page: the
/// report's few colours and font sizes. (Formatting the numbers was a
/// tenth of a long report's instructions, half of it these.)
#[derive(Default)]
struct Known {
    /// Each number's bits and its operand, the space after it included.
    numbers: Vec<(u32, Vec<u8>)>,
}

impl Known {
    /// At most this many: the report uses a dozen.
    const MAX: usize = 32;

    /// `v` as [`real`] writes it.
    fn real(&mut self, out: &mut Vec<u8>, v: f32) {
        let bits = v.to_bits();
        if let Some((_, operand)) = self.numbers.iter().find(|(b, _)| *b == bits) {
            out.extend_from_slice(operand);
            return;
        }
        let start = out.len();
        real(out, v);
        if self.numbers.len() < Self::MAX {
            self.numbers.push((bits, out[start..].to_vec()));
        }
    }
}

/// `r g b rg` on a line of its own.
fn fill(out: &mut Vec<u8>, known: &mut Known, (r, g, b): Rgb3) {
    line(out);
    for v in [r, g, b] {
        known.real(out, v);
    }
    out.extend_from_slice(b"rg");
}

/// `BT`, the fill colour, the font and the start of the line that places
/// the text.
fn begin_text(out: &mut Vec<u8>, known: &mut Known, color: Rgb3, font: &FontId, size: f32) {
    line(out);
    out.extend_from_slice(b"BT");
    fill(out, known, color);
    line(out);
    name(out, font.0.as_bytes());
    known.real(out, size);
    out.extend_from_slice(b"Tf");
    line(out);
}

/// The text's glyphs (`<…> Tj`) and `ET`.
fn end_text(out: &mut Vec<u8>, font: &FontId, text: &str, glyphs: &Glyphs) {
    line(out);
    out.push(b'<');
    glyphs.hex(&font.0, text, out);
    out.extend_from_slice(b"> Tj\nET");
}

/// An image placed by its own matrix: `q`, the matrix the transform's
/// steps make (combined as printpdf combines them), `/Im1 Do`, `Q`.
fn image(out: &mut Vec<u8>, n: u32, [x, y, w, h]: [f32; 4]) {
    let transform = printpdf::XObjectTransform {
        translate_x: Some(Pt(x)),
        translate_y: Some(Pt(y)),
        scale_x: Some(w),
        scale_y: Some(h),
        no_auto_scale: true,
        ..Default::default()
    };
    let mut m = printpdf::CurTransMat::Identity.as_array();
    for step in transform.get_ctms(None) {
        m = printpdf::CurTransMat::combine_matrix(m, step.as_array());
    }
    line(out);
    out.push(b'q');
    line(out);
    for v in m {
        real(out, v);
    }
    out.extend_from_slice(b"cm");
    line(out);
    name(out, format!("Im{n}").as_bytes());
    out.extend_from_slice(b"Do\nQ");
}

/// Upper-case hex digits of each byte, as lopdf writes hex strings.
pub(super) const HEX: [[u8; 2]; 256] = {
    let digits = b"0123456789ABCDEF";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [digits[i >> 4], digits[i & 15]];
        i += 1;
    }
    t
};

/// A number operand as lopdf writes a real (`{v}`: Rust's shortest form,
/// never an exponent), and the space after it.
fn real(out: &mut Vec<u8>, v: f32) {
    crate::text::push_f32(out, v);
    out.push(b' ');
}

/// A name operand as lopdf writes it (delimiters and bytes outside `!`..`~`
/// as `#XX`), and the space after it.
fn name(out: &mut Vec<u8>, bytes: &[u8]) {
    name_only(out, bytes);
    out.push(b' ');
}

/// A name as lopdf writes it, without a space after it.
pub(super) fn name_only(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'/');
    for &b in bytes {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            out.push(b'#');
            out.extend_from_slice(&HEX[usize::from(b)]);
        } else {
            out.push(b);
        }
    }
}

/// Text operations that use every character of the pages' text once per
/// font, each at its last use in page order.
fn glyph_usage(pages: &[Page], fonts: [&FontId; 2]) -> Vec<Op> {
    // Last use of each character by face: a table for the Basic
    // Multilingual Plane (a lookup per character of the whole text), a map
    // beyond it.
    struct Uses {
        bmp: Vec<u32>,
        astral: HashMap<char, u32>,
    }
    let mut last: [Option<Uses>; 2] = [None, None];
    let mut n = 0u32;
    for (bold, text) in pages.iter().flat_map(Page::texts) {
        let uses = last[usize::from(bold)].get_or_insert_with(|| Uses {
            bmp: vec![0; 0x1_0000],
            astral: HashMap::new(),
        });
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
    // By font id, as printpdf would order them.
    let mut last: BTreeMap<&FontId, Vec<(u32, char)>> = fonts
        .into_iter()
        .zip(last)
        .filter_map(|(id, uses)| {
            let uses = uses?;
            let bmp = uses
                .bmp
                .iter()
                .enumerate()
                .filter(|(_, at)| **at > 0)
                .filter_map(|(c, at)| Some((*at, char::from_u32(c as u32)?)));
            let astral = uses.astral.into_iter().map(|(c, at)| (at, c));
            Some((id, bmp.chain(astral).collect()))
        })
        .collect();
    let mut ops = vec![Op::StartTextSection];
    for (id, chars) in &mut last {
        chars.sort_unstable();
        ops.push(Op::SetFont {
            font: PdfFontHandle::External((*id).clone()),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().map(|(_, c)| c).collect())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::tags::Tag;

    const REGULAR: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans.ttf");
    const BOLD: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans-Bold.ttf");
    const INK: Rgb3 = (0.1, 0.12, 0.16);

    /// Pages of text in two fonts, some characters only on some pages,
    /// marked content, the draft mark, bars, an image, and links to other
    /// pages.
    fn pages() -> (Vec<Page>, Vec<Vec<Op>>) {
        let mut links = Vec::new();
        let pages = (0..150)
            .map(|p| {
                let mut page = Page::default();
                // Tagged content, as the report marks it: a structure
                // element's sequence by MCID, and an artifact.
                let mcid = p as u32;
                page.draws.push(Draw::BeginMarked { tag: Tag::TD, mcid });
                let text = format!("Sivu {p}: Länsimäki 1\u{a0}973 €");
                page.text(50.0, 700.0, &text, 10.0, p % 2 == 1, INK);
                page.draws.push(Draw::End);
                page.draws.push(Draw::BeginArtifact);
                // The draft mark: turned text.
                let (c, s) = (0.70710677, 0.70710677);
                let m = [c, s, -s, c, 170.5, 200.25];
                let mark = page.turned(m, "LUONNOS", 96.0, true, (0.93, 0.8, 0.8));
                page.draws.push(mark);
                page.draws.push(Draw::End);
                let text = format!("{} ÅÄÖ 🙂", p * 7);
                page.text(50.0, 600.0, &text, 9.5, p % 2 == 0, INK);
                if p % 3 == 0 {
                    page.text(50.0, 500.0, "tail with space", 8.0, false, INK);
                }
                // A bar as the report draws them, at fractional coordinates.
                page.rect(56.69, 400.25, p as f32 * 1.37, 10.25, (0.05, 0.27, 0.5));
                if p == 0 {
                    let (x, y, w, h) = (56.0, 700.5, 170.0, 42.5);
                    page.draws.push(Draw::Image { n: 1, x, y, w, h });
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
                links.push(vec![Op::LinkAnnotation { link }]);
                page
            })
            .collect();
        (pages, links)
    }

    /// A document dated at a fixed time, with an image `Im1`.
    fn doc() -> PdfDocument {
        let mut d = PdfDocument::new("t");
        let date = printpdf::OffsetDateTime::from_unix_timestamp(0).unwrap();
        d.metadata.info.creation_date = date;
        d.metadata.info.modification_date = date;
        d.metadata.info.metadata_date = date;
        let image = printpdf::ExternalXObject {
            stream: printpdf::ExternalStream {
                dict: Default::default(),
                content: vec![0; 12],
                compress: false,
            },
            width: None,
            height: None,
            dpi: None,
        };
        d.resources.xobjects.map.insert(
            printpdf::XObjectId("Im1".into()),
            printpdf::XObject::External(image),
        );
        d
    }

    fn fonts() -> [(FontId, ParsedFont); 2] {
        [(REGULAR, "F1"), (BOLD, "F2")].map(|(b, id)| {
            let font = ParsedFont::from_bytes(b, 0, &mut Vec::new()).unwrap();
            (FontId(id.to_string()), font)
        })
    }

    /// `to_lopdf` with either writer, on two and three threads, saves the
    /// same bytes as printpdf's own serialisation of the pages' operations.
    #[test]
    fn our_serialisation_equals_printpdfs_own() {
        let fonts = fonts();
        let (pages, links) = pages();
        let ids = [&fonts[0].0, &fonts[1].0];
        let ops = pages
            .iter()
            .zip(&links)
            .map(|(p, l)| p.to_ops(ids).into_iter().chain(l.clone()).collect())
            .collect();
        let mut theirs = through_printpdf(doc(), &fonts, ops);
        // On two threads and more, whatever the machine has.
        for (threads, writer) in [
            (2, StreamWriter::Kooste),
            (3, StreamWriter::Kooste),
            (2, StreamWriter::Printpdf),
        ] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let pages = pages.clone();
            let (mut ours, ()) =
                pool.install(|| to_lopdf(doc(), &fonts, pages, links.clone(), writer, |_| ()));
            if writer == StreamWriter::Kooste {
                // The reference leaves its streams to be deflated later.
                inflate_pages(&mut ours);
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            // printpdf's document ID is random; kooste replaces it.
            theirs.trailer.remove(b"ID");
            ours.trailer.remove(b"ID");
            theirs.save_to(&mut a).unwrap();
            ours.save_to(&mut b).unwrap();
            assert!(
                a == b,
                "{writer:?} on {threads} threads: {} vs {} bytes",
                a.len(),
                b.len()
            );
        }
    }

    /// The pages' content streams of `doc` deflated back.
    fn inflate_pages(doc: &mut lopdf::Document) {
        let ids: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
        for page in ids {
            for id in doc.get_page_contents(page) {
                if let Some(lopdf::Object::Stream(s)) = doc.objects.get_mut(&id)
                    && s.dict.get(b"Filter").is_ok()
                {
                    let plain = s.decompressed_content().unwrap();
                    s.set_plain_content(plain);
                }
            }
        }
    }

    /// Each kind of drawing, written alone, is what printpdf writes of it.
    #[test]
    fn each_drawing_is_written_as_printpdf_writes_it() {
        let fonts = fonts();
        let (pages, _) = pages();
        let glyphs = Glyphs::new(&fonts);
        let ids = [&fonts[0].0, &fonts[1].0];
        let page = &pages[0];
        for d in &page.draws {
            let one = Page {
                draws: vec![d.clone()],
                text: page.text.clone(),
            };
            let ours = page_stream(&one, ids, &glyphs);
            let mut doc = with_fonts(doc(), &fonts);
            doc.with_pages(vec![a4(one.to_ops(ids))]);
            let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new());
            let id = lo.get_pages().values().copied().next().unwrap();
            // lopdf ends each content stream it reads with a line feed.
            let mut content = lo.get_page_content(id);
            if content.last() == Some(&b'\n') {
                content.pop();
            }
            lo.objects.clear();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&content),
                "{d:?}"
            );
        }
    }
}
