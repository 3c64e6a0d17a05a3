//! A page's drawing as kooste lays it out: a compact list of the few
//! operations the report uses (text, filled rectangles, the logo, marked
//! content), its text in one buffer per page.
//!
//! printpdf keeps a page as `Op`s of 128 bytes each, a text, a font id and
//! a property map each on the heap: several per table cell, so a report of
//! 10 000 measures held hundreds of megabytes of them and spent a quarter
//! of its time allocating, copying and freeing them. A [`Draw`] is a few
//! dozen bytes and allocates nothing. The pages become content streams by
//! `serialise::page_stream` (kooste's writer) or, for the reference writer,
//! printpdf `Op`s by [`Page::to_ops`], in the very order and with the very
//! numbers that the layout once gave printpdf directly.

use printpdf::{
    Color, DictItem, FontId, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing,
    Pt, Rgb, TextItem, WindingOrder,
};

use super::layout::{PAGE_H, Rgb3};
use super::tags::Tag;

/// One drawing operation. Coordinates are PDF's (points from the bottom
/// left) except where said.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// A text object: `BT`, the fill colour, the font, `x y Td`, the text, `ET`.
    Text {
        /// Where the baseline starts.
        x: f32,
        /// Baseline, from the bottom.
        y: f32,
        /// Font size in points.
        size: f32,
        /// The bold face (else the regular one).
        bold: bool,
        /// Fill colour.
        color: Rgb3,
        /// The text: a range of the page's text buffer.
        text: (u32, u32),
    },
    /// A text object set by a text matrix (the draft mark across the page).
    Turned {
        /// The text matrix; it turns or scales (printpdf writes a plain
        /// translation otherwise).
        matrix: Box<[f32; 6]>,
        /// Font size in points.
        size: f32,
        /// The bold face (else the regular one).
        bold: bool,
        /// Fill colour.
        color: Rgb3,
        /// The text: a range of the page's text buffer.
        text: (u32, u32),
    },
    /// A filled rectangle (fill colour, a closed path of four corners, `f`);
    /// `top` from the top of the page, as the layout measures.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge, from the top of the page.
        top: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        color: Rgb3,
    },
    /// An image XObject `Im<n>` drawn into the box at `x`, `y` (its bottom
    /// left corner) of `w` × `h` points.
    Image {
        /// The image's number in its resource name (`Im1`).
        n: u32,
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// `/Artifact BMC`.
    BeginArtifact,
    /// `/TD <</MCID 3>> BDC`: a structure element's marked content.
    BeginMarked {
        /// The element's type.
        tag: Tag,
        /// The sequence's MCID on its page.
        mcid: u32,
    },
    /// `EMC`.
    End,
}

/// A page's drawing and the text it sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The operations, in drawing order.
    pub draws: Vec<Draw>,
    /// Every text of the page, one after another.
    pub text: String,
}

impl Page {
    /// Adds `s` to the page's text buffer; its range.
    /// Every text drawn passes here: characters the font lacks become a
    /// glyph it has, control and format characters are left out
    /// (`coverage::drawable`).
    fn keep(&mut self, s: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(&super::coverage::drawable(s));
        (start, self.text.len() as u32)
    }

    /// The text of a range made by [`Page::keep`].
    pub fn str(&self, (start, end): (u32, u32)) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Sets `text` with its baseline at `x`, `y` (from the bottom); nothing
    /// for an empty text.
    pub fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, color: Rgb3) {
        if text.is_empty() {
            return;
        }
        let text = self.keep(text);
        self.draws.push(Draw::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    /// The draw that sets `text` by `matrix`, to be placed by the caller.
    pub fn turned(
        &mut self,
        matrix: [f32; 6],
        text: &str,
        size: f32,
        bold: bool,
        color: Rgb3,
    ) -> Draw {
        Draw::Turned {
            matrix: Box::new(matrix),
            size,
            bold,
            color,
            text: self.keep(text),
        }
    }

    /// A filled rectangle; `top` from the top of the page.
    pub fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb3) {
        self.draws.push(Draw::Rect {
            x,
            top,
            w,
            h,
            color,
        });
    }

    /// The texts of the page in drawing order, each with its face (bold).
    pub fn texts(&self) -> impl Iterator<Item = (bool, &str)> {
        self.draws.iter().filter_map(|d| match d {
            Draw::Text { bold, text, .. } | Draw::Turned { bold, text, .. } => {
                Some((*bold, self.str(*text)))
            }
            _ => None,
        })
    }

    /// The page as printpdf operations, as the layout made them before it
    /// kept its own list; `fonts` are the regular and the bold face's ids.
    pub fn to_ops(&self, fonts: [&FontId; 2]) -> Vec<Op> {
        let mut ops = Vec::with_capacity(self.draws.len() * 4);
        for d in &self.draws {
            match d {
                Draw::Text {
                    x,
                    y,
                    size,
                    bold,
                    color,
                    text,
                } => {
                    let pos = Point {
                        x: Pt(*x),
                        y: Pt(*y),
                    };
                    let font = fonts[usize::from(*bold)];
                    let at = Op::SetTextCursor { pos };
                    self.push_text(&mut ops, at, font, *size, *color, *text);
                }
                Draw::Turned {
                    matrix,
                    size,
                    bold,
                    color,
                    text,
                } => {
                    let at = Op::SetTextMatrix {
                        matrix: printpdf::TextMatrix::Raw(**matrix),
                    };
                    let font = fonts[usize::from(*bold)];
                    self.push_text(&mut ops, at, font, *size, *color, *text);
                }
                Draw::Rect {
                    x,
                    top,
                    w,
                    h,
                    color,
                } => push_rect(&mut ops, *x, *top, *w, *h, *color),
                Draw::Image { n, x, y, w, h } => ops.push(Op::UseXobject {
                    id: printpdf::XObjectId(format!("Im{n}")),
                    transform: printpdf::XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(*y)),
                        scale_x: Some(*w),
                        scale_y: Some(*h),
                        // An image is drawn into the unit square: the scale is its size.
                        no_auto_scale: true,
                        ..Default::default()
                    },
                }),
                Draw::BeginArtifact => ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".into(),
                }),
                Draw::BeginMarked { tag, mcid } => ops.push(Op::BeginMarkedContentWithProperties {
                    tag: tag.marked_name().into(),
                    properties: DictItem::Dict {
                        map: [("MCID".to_string(), DictItem::Int((*mcid).into()))]
                            .into_iter()
                            .collect(),
                    },
                }),
                Draw::End => ops.push(Op::EndMarkedContent),
            }
        }
        ops
    }

    /// A text object: `at` places it.
    fn push_text(
        &self,
        ops: &mut Vec<Op>,
        at: Op,
        font: &FontId,
        size: f32,
        c: Rgb3,
        text: (u32, u32),
    ) {
        ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(c) },
            Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(size),
            },
            at,
            Op::ShowText {
                items: vec![TextItem::Text(self.str(text).to_string())],
            },
            Op::EndTextSection,
        ]);
    }
}

/// printpdf's colour of `c`.
pub fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// The corners of a rectangle whose top is `top` points from the top of
/// the page, in PDF's space, in drawing order.
pub fn corners(x: f32, top: f32, w: f32, h: f32) -> [(f32, f32); 4] {
    let flip = |x: f32, y: f32| (x, PAGE_H - y);
    [
        flip(x, top),
        flip(x + w, top),
        flip(x + w, top + h),
        flip(x, top + h),
    ]
}

fn push_rect(ops: &mut Vec<Op>, x: f32, top: f32, w: f32, h: f32, c: Rgb3) {
    let points = corners(x, top, w, h)
        .into_iter()
        .map(|(x, y)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        })
        .collect();
    ops.push(Op::SetFillColor { col: color(c) });
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draw_is_small() {
        assert!(
            std::mem::size_of::<Draw>() <= 40,
            "{}",
            std::mem::size_of::<Draw>()
        );
    }

    #[test]
    fn empty_text_draws_nothing() {
        let mut p = Page::default();
        p.text(1.0, 2.0, "", 9.0, false, (0.0, 0.0, 0.0));
        assert!(p.draws.is_empty());
        p.text(1.0, 2.0, "ä€", 9.0, true, (0.0, 0.0, 0.0));
        assert_eq!(p.texts().collect::<Vec<_>>(), vec![(true, "ä€")]);
    }
}
