//! Turning the laid-out pages into a lopdf document, by printpdf (the
//! reference) or on every core by kooste's own content-stream writer.
//!
//! printpdf's `to_lopdf_document` turns the pages' operations into content
//! streams one page after another, through an object per operand: more
//! than half of a 800-page report's time. The few operations kooste draws
//! with (text, fill colours, filled polygons) are written here straight to
//! bytes, a page per task on rayon's threads, exactly as printpdf writes
//! them (tests compare the two, for pages and for whole reports). The
//! streams are then moved into the one document that holds the fonts,
//! links, bookmarks and metadata, whose own pages carry only their links.
//! The fonts are embedded whole (kooste subsets them beforehand), so a
//! character has the same glyph id in every page. A page with any other
//! operation sends the whole document through printpdf.

use printpdf::{Color, FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage};
use printpdf::{DictItem, PaintMode, PdfSaveOptions, Pt, TextItem, WindingOrder};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

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

/// `doc` (metadata, bookmarks; no fonts or pages yet) with `fonts` and
/// `pages` (A4), as a lopdf document.
pub(crate) fn to_lopdf(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont)],
    pages: Vec<Vec<Op>>,
    writer: StreamWriter,
) -> lopdf::Document {
    let written: Option<Vec<Vec<u8>>> = match writer {
        StreamWriter::Kooste => {
            let glyphs = Glyphs::new(fonts);
            pages
                .par_iter()
                .with_min_len(8)
                .map(|ops| page_stream(ops, &glyphs))
                .collect()
        }
        StreamWriter::Printpdf => None,
    };
    match written {
        Some(contents) => with_streams(doc, fonts, pages, contents),
        None => through_printpdf(doc, fonts, pages),
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

/// The document printpdf makes of the pages' links alone, with each
/// page's content stream replaced by `contents`.
fn with_streams(
    doc: PdfDocument,
    fonts: &[(FontId, ParsedFont)],
    mut pages: Vec<Vec<Op>>,
    contents: Vec<Vec<u8>>,
) -> lopdf::Document {
    // The document's own pages keep their links (which name other pages);
    // the first also shows every character once in each font, in the order
    // of their last use, so that the fonts' widths and text mappings are
    // what they would be with every page's text in place.
    let mut shells: Vec<Vec<Op>> = pages
        .iter_mut()
        .map(|ops| {
            ops.extract_if(.., |op| matches!(op, Op::LinkAnnotation { .. }))
                .collect()
        })
        .collect();
    if let Some(first) = shells.first_mut() {
        first.extend(glyph_usage(&pages));
    }
    let mut doc = with_fonts(doc, fonts);
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
    /// glyph, for a character the font lacks, as printpdf does); `None` for
    /// a font not embedded.
    fn hex(&self, font: &str, text: &str, out: &mut Vec<u8>) -> Option<()> {
        let (bmp, map) = self.fonts.get(font)?;
        for c in text.chars() {
            let id = match bmp.get(c as usize) {
                Some(g) => *g,
                None => map.get(&(c as u32)).copied().unwrap_or(0),
            };
            for b in id.to_be_bytes() {
                out.extend_from_slice(&HEX[usize::from(b)]);
            }
        }
        Some(())
    }
}

/// A page's content stream, byte for byte as printpdf's translation writes
/// it (operands each followed by a space, then the operator; operators on
/// lines of their own), or `None` if the page uses an operation not
/// written here.
fn page_stream(ops: &[Op], glyphs: &Glyphs) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(64 * ops.len());
    let mut font: Option<&str> = None;
    // Starts an operation's line.
    let line = |out: &mut Vec<u8>| {
        if !out.is_empty() {
            out.push(b'\n');
        }
    };
    for op in ops {
        match op {
            Op::StartTextSection => {
                line(&mut out);
                out.extend_from_slice(b"BT");
            }
            Op::EndTextSection => {
                line(&mut out);
                out.extend_from_slice(b"ET");
            }
            Op::SetFillColor { col } => {
                line(&mut out);
                for v in col.into_vec() {
                    real(&mut out, v);
                }
                out.extend_from_slice(match col {
                    Color::Rgb(_) => b"rg".as_slice(),
                    Color::Cmyk(_) | Color::SpotColor(_) => b"k",
                    Color::Greyscale(_) => b"g",
                });
            }
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size,
            } => {
                line(&mut out);
                name(&mut out, id.0.as_bytes());
                real(&mut out, size.0);
                out.extend_from_slice(b"Tf");
                font = Some(id.0.as_str());
            }
            Op::SetTextCursor { pos } => {
                line(&mut out);
                real(&mut out, pos.x.0);
                real(&mut out, pos.y.0);
                out.extend_from_slice(b"Td");
            }
            Op::ShowText { items } => {
                // One non-empty text in an embedded font: printpdf's `Tj`.
                let [TextItem::Text(text)] = items.as_slice() else {
                    return None;
                };
                if text.is_empty() {
                    return None;
                }
                line(&mut out);
                out.push(b'<');
                glyphs.hex(font?, text, &mut out)?;
                out.extend_from_slice(b"> Tj");
            }
            Op::DrawPolygon { polygon } => {
                if polygon.mode != PaintMode::Fill || polygon.rings.is_empty() {
                    return None;
                }
                for ring in &polygon.rings {
                    for (i, point) in ring.points.iter().enumerate() {
                        if point.bezier {
                            return None;
                        }
                        line(&mut out);
                        real(&mut out, point.p.x.0);
                        real(&mut out, point.p.y.0);
                        out.push(if i == 0 { b'm' } else { b'l' });
                    }
                }
                line(&mut out);
                out.push(b'h');
                line(&mut out);
                out.extend_from_slice(match polygon.winding_order {
                    WindingOrder::NonZero => b"f".as_slice(),
                    WindingOrder::EvenOdd => b"f*",
                });
            }
            Op::BeginMarkedContent { tag } => {
                line(&mut out);
                name(&mut out, tag.as_bytes());
                out.extend_from_slice(b"BMC");
            }
            Op::BeginMarkedContentWithProperties {
                tag,
                properties: DictItem::Dict { map },
            } => {
                // `/P <</MCID 3>> BDC`: a dictionary of one integer, as the
                // structure's marked content has it.
                let mut entries = map.iter();
                let (Some((key, DictItem::Int(mcid))), None) = (entries.next(), entries.next())
                else {
                    return None;
                };
                line(&mut out);
                name(&mut out, tag.as_bytes());
                out.extend_from_slice(b"<<");
                name_only(&mut out, key.as_bytes());
                out.push(b' ');
                {
                    use std::io::Write;
                    let _ = write!(out, "{mcid}");
                }
                out.extend_from_slice(b">> BDC");
            }
            Op::EndMarkedContent => {
                line(&mut out);
                out.extend_from_slice(b"EMC");
            }
            Op::SetTextMatrix { matrix } => {
                let m = matrix.as_array();
                // printpdf holds back a plain translation to merge glyph
                // runs; only a rotated or scaled matrix is written as it is.
                if m[..4] == [1.0, 0.0, 0.0, 1.0] {
                    return None;
                }
                line(&mut out);
                for v in m {
                    real(&mut out, v);
                }
                out.extend_from_slice(b"Tm");
            }
            Op::UseXobject { id, transform } if transform.no_auto_scale => {
                // An image placed by its own matrix: `q`, the matrix the
                // transform's steps make (combined as printpdf combines
                // them), `/Im1 Do`, `Q`.
                let mut m = printpdf::CurTransMat::Identity.as_array();
                for step in transform.get_ctms(None) {
                    m = printpdf::CurTransMat::combine_matrix(m, step.as_array());
                }
                line(&mut out);
                out.push(b'q');
                line(&mut out);
                for v in m {
                    real(&mut out, v);
                }
                out.extend_from_slice(b"cm");
                line(&mut out);
                name(&mut out, id.0.as_bytes());
                out.extend_from_slice(b"Do");
                line(&mut out);
                out.push(b'Q');
            }
            Op::LinkAnnotation { .. } => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Upper-case hex digits of each byte, as lopdf writes hex strings.
const HEX: [[u8; 2]; 256] = {
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
fn name_only(out: &mut Vec<u8>, bytes: &[u8]) {
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

    fn bar(w: f32) -> Vec<Op> {
        let pt = |x: f32, y: f32| printpdf::LinePoint {
            p: printpdf::Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        vec![
            Op::SetFillColor {
                col: Color::Rgb(printpdf::Rgb {
                    r: 0.05,
                    g: 0.27,
                    b: 0.5,
                    icc_profile: None,
                }),
            },
            Op::DrawPolygon {
                polygon: printpdf::Polygon {
                    rings: vec![printpdf::PolygonRing {
                        points: vec![
                            pt(56.69, 400.25),
                            pt(56.69 + w, 400.25),
                            pt(56.69 + w, 390.0),
                            pt(56.69, 390.0),
                        ],
                    }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]
    }

    /// Pages of text in two fonts, some characters only on some pages,
    /// each page linking to another.
    fn pages(fonts: &[(FontId, ParsedFont)]) -> Vec<Vec<Op>> {
        (0..150)
            .map(|p| {
                // Tagged content, as the report marks it: a structure
                // element's sequence by MCID, and an artifact.
                let mut ops = vec![Op::BeginMarkedContentWithProperties {
                    tag: "TD".into(),
                    properties: DictItem::Dict {
                        map: [("MCID".to_string(), DictItem::Int(p as i64))]
                            .into_iter()
                            .collect(),
                    },
                }];
                ops.extend(text(
                    &fonts[p % 2].0,
                    700.0,
                    &format!("Sivu {p}: Länsimäki 1\u{a0}973 €"),
                ));
                ops.push(Op::EndMarkedContent);
                ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".into(),
                });
                // The draft mark: rotated text.
                let (c, s) = (0.70710677, 0.70710677);
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::External(fonts[1].0.clone()),
                        size: Pt(96.0),
                    },
                    Op::SetTextMatrix {
                        matrix: printpdf::TextMatrix::Raw([c, s, -s, c, 170.5, 200.25]),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text("LUONNOS".into())],
                    },
                    Op::EndTextSection,
                    Op::EndMarkedContent,
                ]);
                ops.extend(text(
                    &fonts[(p + 1) % 2].0,
                    600.0,
                    &format!("{} ÅÄÖ 🙂", p * 7),
                ));
                if p % 3 == 0 {
                    ops.extend(text(&fonts[0].0, 500.0, "tail with space"));
                }
                // A bar as the report draws them: a fill colour and a
                // four-cornered polygon, at fractional coordinates.
                ops.extend(bar(p as f32 * 1.37));
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
    fn our_serialisation_equals_printpdfs_own() {
        same_as_printpdf(pages);
    }

    /// A page with an operation kooste does not write itself sends the
    /// document through printpdf: still the same bytes.
    #[test]
    fn pages_with_other_operations_go_through_printpdf() {
        let fonts = fonts();
        let mut ours = pages(&fonts);
        ours[7].push(Op::SaveGraphicsState);
        ours[7].push(Op::RestoreGraphicsState);
        assert!(page_stream(&ours[7], &Glyphs::new(&fonts)).is_none());
        assert!(page_stream(&ours[8], &Glyphs::new(&fonts)).is_some());
        same_as_printpdf(|fonts| {
            let mut p = pages(fonts);
            p[7].push(Op::SaveGraphicsState);
            p[7].push(Op::RestoreGraphicsState);
            p
        });
    }

    fn fonts() -> Vec<(FontId, ParsedFont)> {
        [(REGULAR, "F1"), (BOLD, "F2")]
            .iter()
            .map(|(b, id)| {
                let font = ParsedFont::from_bytes(b, 0, &mut Vec::new()).unwrap();
                (FontId(id.to_string()), font)
            })
            .collect()
    }

    /// `to_lopdf` with either writer, on two and three threads, saves the
    /// same bytes as printpdf's own serialisation of the same pages.
    fn same_as_printpdf(pages: impl Fn(&[(FontId, ParsedFont)]) -> Vec<Vec<Op>> + Sync) {
        let fonts = fonts();
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
            let mut ours = pool.install(|| to_lopdf(doc(), &fonts, pages(&fonts), writer));
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
}
