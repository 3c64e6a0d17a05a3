//! A small layout layer over printpdf's op-based API: measured and wrapped
//! text, headings that keep with what follows, tables that break across
//! pages with their header repeated, and a running header and footer.
//!
//! Coordinates inside this module are points measured from the top of the
//! page; they are flipped to PDF's bottom-up space only when ops are made.

use std::collections::{BTreeSet, HashMap};

use crate::error::PdfError;

use printpdf::{
    Color, FontId, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, Point,
    Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 56.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 64.0;

/// The regular and bold fonts shipped in `templates/fonts` (DejaVu Sans).
pub(super) const REGULAR_TTF: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans.ttf");
pub(super) const BOLD_TTF: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans-Bold.ttf");

/// An RGB colour, components 0–1.
pub type Rgb3 = (f32, f32, f32);

/// Dark text.
pub const INK: Rgb3 = (0.10, 0.12, 0.16);
/// Muted text.
pub const MUTED: Rgb3 = (0.38, 0.40, 0.45);
/// Accent for headings and rules.
pub const ACCENT: Rgb3 = (0.05, 0.27, 0.50);
/// Light fill for table headers.
pub const HEADER_FILL: Rgb3 = (0.87, 0.90, 0.94);

/// How text is set.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Colour.
    pub color: Rgb3,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style {
        size: 9.5,
        bold: false,
        color: INK,
    };
    /// Small muted text.
    pub const SMALL: Style = Style {
        size: 8.0,
        bold: false,
        color: MUTED,
    };
}

/// Horizontal alignment in a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left.
    Left,
    /// Right, for figures.
    Right,
}

/// A table column: its share of the text width and alignment.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Relative width.
    pub weight: f32,
    /// Alignment.
    pub align: Align,
}

impl Column {
    /// A left-aligned column of relative width `weight`.
    pub const fn left(weight: f32) -> Column {
        Column {
            weight,
            align: Align::Left,
        }
    }

    /// A right-aligned column (figures) of relative width `weight`.
    pub const fn right(weight: f32) -> Column {
        Column {
            weight,
            align: Align::Right,
        }
    }
}

struct Face {
    id: FontId,
    /// Advance widths looked up so far: by character in the Basic
    /// Multilingual Plane (NaN until looked up), in a map beyond it. A
    /// report measures every character it sets, several times.
    widths: Vec<f32>,
    astral_widths: HashMap<char, f32>,
    font: ParsedFont,
    bytes: &'static [u8],
    used: Used,
}

/// The characters a face sets: a bit per character of the Basic
/// Multilingual Plane, a set beyond it.
#[derive(Default)]
struct Used {
    bmp: Vec<u64>,
    astral: BTreeSet<char>,
}

impl Used {
    fn extend(&mut self, chars: impl Iterator<Item = char>) {
        for c in chars {
            let i = c as usize;
            if i < 0x1_0000 {
                if self.bmp.is_empty() {
                    self.bmp = vec![0; 0x1_0000 / 64];
                }
                self.bmp[i / 64] |= 1 << (i % 64);
            } else {
                self.astral.insert(c);
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(w, bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .filter_map(move |b| char::from_u32((w * 64 + b) as u32))
        });
        bmp.chain(self.astral.iter().copied())
    }
}

impl Face {
    fn load(bytes: &'static [u8], id: &str) -> Face {
        let mut warnings = Vec::new();
        // The fonts are compiled in and tested (`fonts_load`), so this cannot fail at run time.
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .unwrap_or_else(|| unreachable!("bundled font does not parse"));
        Face {
            id: FontId(id.to_string()),
            widths: vec![f32::NAN; 0x1_0000],
            astral_widths: HashMap::new(),
            font,
            bytes,
            used: Used::default(),
        }
    }

    /// The font reduced to the glyphs of the characters used, so that the PDF
    /// embeds kilobytes instead of the whole 700 KB face. Falls back to the
    /// whole font should subsetting fail.
    fn subset(&self) -> ParsedFont {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{CmapTarget, SubsetProfile, subset};
        let mut ids: Vec<u16> = self
            .used
            .iter()
            .filter_map(|c| self.font.lookup_glyph_index(c as u32))
            .collect();
        ids.push(0);
        ids.sort_unstable();
        ids.dedup();
        let bytes = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .ok()
            .and_then(|f| f.table_provider(0).ok())
            .and_then(|p| subset(&p, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok());
        bytes
            .and_then(|b| ParsedFont::from_bytes(&b, 0, &mut Vec::new()))
            .unwrap_or_else(|| self.font.clone())
    }

    /// Advance width of `c` in em.
    fn advance(&mut self, c: char) -> f32 {
        let known = match self.widths.get(c as usize) {
            Some(w) => (!w.is_nan()).then_some(*w),
            None => self.astral_widths.get(&c).copied(),
        };
        if let Some(w) = known {
            return w;
        }
        let upem = f32::from(self.font.units_per_em.max(1));
        let w = self
            .font
            .lookup_glyph_index(c as u32)
            .and_then(|g| self.font.get_glyph_width(g))
            .map(|w| f32::from(w) / upem)
            .unwrap_or(0.6);
        match self.widths.get_mut(c as usize) {
            Some(slot) => *slot = w,
            None => {
                self.astral_widths.insert(c, w);
            }
        }
        w
    }
}

/// Makes a page's footer label from its number (from 1) and the number of pages.
pub type PageLabel = Box<dyn Fn(usize, usize) -> String + Send + Sync>;

/// A document being laid out.
pub struct Doc {
    faces: [Face; 2],
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Text of the running header (left) from page 2 on.
    pub running_header: String,
    /// The footer's page label from the page's number (from 1) and the
    /// number of pages: "Page 3 / 12".
    pub page_of: PageLabel,
    /// A word printed across every page, e.g. LUONNOS.
    pub watermark: Option<String>,
    bookmarks: Vec<(String, usize)>,
    /// Page that drawing goes to instead of the last one (for the contents page).
    target: Option<usize>,
    /// Internal links: (page, rect x, top, w, h, destination page).
    links: Vec<(usize, [f32; 4], usize)>,
}

/// Document metadata.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// Author (the organisation).
    pub author: String,
    /// Subject.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// ISO 639-1 language, written as the catalog's /Lang.
    pub lang: String,
    /// Creation date as a Unix time stamp (the run's date, for reproducible files).
    pub created: i64,
}

impl Default for Doc {
    fn default() -> Self {
        Doc::new()
    }
}

impl Doc {
    /// An empty document with one blank page.
    pub fn new() -> Doc {
        Doc {
            faces: [Face::load(REGULAR_TTF, "F1"), Face::load(BOLD_TTF, "F2")],
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            running_header: String::new(),
            page_of: Box::new(|page, pages| format!("{page} / {pages}")),
            watermark: None,
            bookmarks: Vec::new(),
            target: None,
            links: Vec::new(),
        }
    }

    /// Draws on `page` (0-based) until [`Doc::end_page_override`].
    pub fn begin_page_override(&mut self, page: usize) {
        self.target = Some(page);
    }

    /// Back to drawing on the last page.
    pub fn end_page_override(&mut self) {
        self.target = None;
    }

    /// A clickable area on the page being drawn on that goes to `dest` (0-based).
    pub fn link(&mut self, x: f32, top: f32, w: f32, h: f32, dest: usize) {
        let page = self.target.unwrap_or(self.pages.len() - 1);
        self.links.push((page, [x, top, w, h], dest));
    }

    /// Number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Bottom of the text area, from the top of the page.
    pub fn bottom(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM
    }

    /// Sets the vertical position.
    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// Width of the text column.
    pub fn text_width(&self) -> f32 {
        PAGE_W - 2.0 * MARGIN_X
    }

    /// Measured width of `text` in points.
    pub fn measure(&mut self, text: &str, style: Style) -> f32 {
        let face = &mut self.faces[usize::from(style.bold)];
        text.chars().map(|c| face.advance(c)).sum::<f32>() * style.size
    }

    /// Breaks `text` into lines no wider than `width`; words longer than a
    /// line are broken by character.
    pub fn wrap(&mut self, text: &str, width: f32, style: Style) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.measure(" ", style);
        for para in text.split('\n') {
            // Widths are summed as words are added, so a line costs linear time.
            let mut line = String::new();
            let mut line_w = 0.0;
            // Only ordinary spaces break a line: no-break spaces keep `1 234 €` whole.
            for word in para.split([' ', '\t']).filter(|w| !w.is_empty()) {
                let word_w = self.measure(word, style);
                let with = if line.is_empty() {
                    word_w
                } else {
                    line_w + space + word_w
                };
                if with <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w = with;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line_w = 0.0;
                if word_w <= width {
                    line.push_str(word);
                    line_w = word_w;
                } else {
                    for c in word.chars() {
                        let cw = self.measure(c.encode_utf8(&mut [0; 4]), style);
                        if line_w + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += cw;
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Line height for a style.
    pub fn line_height(style: Style) -> f32 {
        style.size * 1.35
    }

    /// Current vertical position from the top.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves down by `dy` points.
    pub fn space(&mut self, dy: f32) {
        self.y += dy;
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    /// Breaks the page unless `height` more points fit.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN_BOTTOM {
            self.new_page();
        }
    }

    /// 0-based index of the current page.
    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Adds an outline entry pointing at the current page.
    pub fn bookmark(&mut self, title: &str) {
        let page = self.page_index();
        self.bookmarks.push((title.to_string(), page));
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        let page = self.target.unwrap_or(self.pages.len() - 1);
        &mut self.pages[page]
    }

    /// Sets `text` with its baseline at `baseline` (from the top) starting at `x`.
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        let face = &mut self.faces[usize::from(style.bold)];
        face.used.extend(text.chars());
        let font = face.id.clone();
        push_text(self.ops(), x, baseline, text, style, font);
    }

    /// A filled rectangle; `top` from the top of the page.
    pub fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb3) {
        push_rect(self.ops(), x, top, w, h, color);
    }

    /// A horizontal rule across the text column.
    pub fn rule(&mut self, color: Rgb3, thickness: f32) {
        let y = self.y;
        let w = self.text_width();
        self.rect(MARGIN_X, y, w, thickness, color);
    }

    /// A wrapped paragraph at the left margin plus `indent`.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.text_width() - indent;
        let lh = Doc::line_height(style);
        for line in self.wrap(text, width, style) {
            self.ensure(lh);
            self.y += lh;
            self.text_at(MARGIN_X + indent, self.y - lh * 0.25, &line, style);
        }
    }

    /// A heading of level 1–3, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, level: u8, text: &str, keep: f32) {
        let style = match level {
            1 => Style {
                size: 18.0,
                bold: true,
                color: ACCENT,
            },
            2 => Style {
                size: 13.0,
                bold: true,
                color: ACCENT,
            },
            _ => Style {
                size: 10.5,
                bold: true,
                color: INK,
            },
        };
        let before = match level {
            1 => 6.0,
            2 => 14.0,
            _ => 8.0,
        };
        let lines = self.wrap(text, self.text_width(), style).len() as f32;
        self.ensure(before + lines * Doc::line_height(style) + keep);
        if self.y > MARGIN_TOP {
            self.y += before;
        }
        self.paragraph(text, style, 0.0);
        if level == 1 {
            self.y += 4.0;
            self.rule(ACCENT, 1.2);
            self.y += 8.0;
        } else {
            self.y += 3.0;
        }
    }

    /// A table; the header row is repeated on every page it spans. Rows in
    /// `bold_rows` (indexes) are set bold, e.g. totals.
    pub fn table(
        &mut self,
        columns: &[Column],
        header: &[String],
        rows: &[Vec<String>],
        bold_rows: &[usize],
    ) {
        let pad = 3.0;
        let head_style = Style {
            size: 8.5,
            bold: true,
            color: INK,
        };
        let widths = self.column_widths(columns, header, rows, pad, head_style);
        // A table whose header cells are all empty is drawn without a header row.
        let has_header = header.iter().any(|h| !h.is_empty());
        let header_lines = self.wrap_cells(header, &widths, pad, head_style);
        let header_h = if has_header {
            row_height(&header_lines, head_style, pad)
        } else {
            0.0
        };
        let first_row_h = rows
            .first()
            .map(|r| {
                let lines = self.wrap_cells(r, &widths, pad, Style::BODY);
                row_height(&lines, Style::BODY, pad)
            })
            .unwrap_or(0.0);
        self.ensure(header_h + first_row_h);
        self.draw_row(
            columns,
            &widths,
            &header_lines,
            head_style,
            pad,
            Some(HEADER_FILL),
        );
        for (i, row) in rows.iter().enumerate() {
            let style = if bold_rows.contains(&i) {
                Style {
                    bold: true,
                    ..Style::BODY
                }
            } else {
                Style::BODY
            };
            let lines = self.wrap_cells(row, &widths, pad, style);
            let h = row_height(&lines, style, pad);
            if self.y + h > PAGE_H - MARGIN_BOTTOM {
                self.new_page();
                self.draw_row(
                    columns,
                    &widths,
                    &header_lines,
                    head_style,
                    pad,
                    Some(HEADER_FILL),
                );
            }
            let fill = (i % 2 == 1).then_some((0.965, 0.97, 0.98));
            self.draw_row(columns, &widths, &lines, style, pad, fill);
        }
        self.y += 6.0;
    }

    /// Each column gets at least its longest word (so words are not broken
    /// where that fits), and the rest of the width by weight.
    fn column_widths(
        &mut self,
        columns: &[Column],
        header: &[String],
        rows: &[Vec<String>],
        pad: f32,
        head: Style,
    ) -> Vec<f32> {
        let total = self.text_width();
        let mut mins = vec![0.0f32; columns.len()];
        for (i, m) in mins.iter_mut().enumerate() {
            // Short headers stay on one line; long ones may wrap between words.
            let head_word = header
                .get(i)
                .map(|h| {
                    self.measure(h, head)
                        .min(90.0)
                        .max(self.longest_word(h, head))
                })
                .unwrap_or(0.0);
            let cell_word = rows
                .iter()
                .filter_map(|r| r.get(i))
                // Measured bold, the widest a row can be set (totals are bold).
                .map(|c| {
                    self.longest_word(
                        c,
                        Style {
                            bold: true,
                            ..Style::BODY
                        },
                    )
                })
                .fold(0.0, f32::max);
            // An unbreakable value (a path, a hash) may not crowd out the others.
            *m = head_word.max(cell_word.min(total * 0.4)) + 2.0 * pad + 0.5;
        }
        let sum: f32 = mins.iter().sum();
        if sum >= total {
            return mins.iter().map(|m| m * total / sum).collect();
        }
        let weights: f32 = columns.iter().map(|c| c.weight).sum();
        mins.iter()
            .zip(columns)
            .map(|(m, c)| m + (total - sum) * c.weight / weights)
            .collect()
    }

    fn longest_word(&mut self, text: &str, style: Style) -> f32 {
        text.split([' ', '\t'])
            .map(|w| self.measure(w, style))
            .fold(0.0, f32::max)
    }

    fn wrap_cells(
        &mut self,
        cells: &[String],
        widths: &[f32],
        pad: f32,
        style: Style,
    ) -> Vec<Vec<String>> {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.wrap(c, w - 2.0 * pad, style))
            .collect()
    }

    fn draw_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        lines: &[Vec<String>],
        style: Style,
        pad: f32,
        fill: Option<Rgb3>,
    ) {
        let h = row_height(lines, style, pad);
        let top = self.y;
        if let Some(color) = fill {
            let w = self.text_width();
            self.rect(MARGIN_X, top, w, h, color);
        }
        let lh = Doc::line_height(style);
        let mut x = MARGIN_X;
        for ((cell, w), col) in lines.iter().zip(widths).zip(columns) {
            for (i, line) in cell.iter().enumerate() {
                let baseline = top + pad + lh * (i as f32 + 1.0) - lh * 0.25;
                let lx = match col.align {
                    Align::Left => x + pad,
                    Align::Right => x + w - pad - self.measure(line, style),
                };
                self.text_at(lx, baseline, line, style);
            }
            x += w;
        }
        self.y += h;
        self.rule((0.80, 0.83, 0.87), 0.4);
    }

    /// Lays the running header, footer and watermark on every page and
    /// serialises the document, the pages' content streams written by
    /// `writer`.
    pub fn finish(mut self, meta: &Meta, writer: super::StreamWriter) -> Result<Vec<u8>, PdfError> {
        let total = self.pages.len();
        let regular = self.faces[0].id.clone();
        let bold = self.faces[1].id.clone();
        for i in 0..total {
            let page_label = (self.page_of)(i + 1, total);
            let lw = self.measure(&page_label, Style::SMALL);
            let header = self.running_header.clone();
            let mark = self.watermark.clone();
            self.faces[0]
                .used
                .extend(page_label.chars().chain(header.chars()));
            if let Some(m) = &mark {
                self.faces[1].used.extend(m.chars());
            }
            let ops = &mut self.pages[i];
            if i > 0 {
                push_text(ops, MARGIN_X, 36.0, &header, Style::SMALL, regular.clone());
                push_rect(ops, MARGIN_X, 42.0, PAGE_W - 2.0 * MARGIN_X, 0.5, MUTED);
            }
            push_text(
                ops,
                PAGE_W - MARGIN_X - lw,
                PAGE_H - 32.0,
                &page_label,
                Style::SMALL,
                regular.clone(),
            );
            if let Some(mark) = mark {
                let style = Style {
                    size: 28.0,
                    bold: true,
                    color: (0.80, 0.15, 0.15),
                };
                push_text(ops, MARGIN_X, PAGE_H - 28.0, &mark, style, bold.clone());
            }
        }
        for (page, [x, top, w, h], dest) in std::mem::take(&mut self.links) {
            let rect = printpdf::Rect::from_xywh(Pt(x), Pt(PAGE_H - top - h), Pt(w), Pt(h));
            let action = printpdf::Actions::Goto(printpdf::Destination::Xyz {
                page: dest + 1,
                left: None,
                top: None,
                zoom: None,
            });
            let link = printpdf::LinkAnnotation::new(
                rect,
                action,
                Some(printpdf::BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            );
            self.pages[page].push(Op::LinkAnnotation { link });
        }
        let mut doc = PdfDocument::new(&meta.title);
        doc.metadata.info.author = meta.author.clone();
        doc.metadata.info.subject = meta.subject.clone();
        doc.metadata.info.keywords = meta.keywords.clone();
        if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(meta.created) {
            doc.metadata.info.creation_date = date;
            doc.metadata.info.modification_date = date;
            doc.metadata.info.metadata_date = date;
        }
        doc.metadata.info.creator = "kooste".to_string();
        doc.metadata.info.producer = "kooste".to_string();
        for (name, page) in &self.bookmarks {
            doc.add_bookmark(name, page + 1);
        }
        let fonts: Vec<(FontId, ParsedFont)> = self
            .faces
            .iter()
            .map(|f| (f.id.clone(), f.subset()))
            .collect();
        finish_pdf(
            super::serialise::to_lopdf(doc, &fonts, self.pages, writer),
            meta,
        )
    }
}

/// Adds what printpdf's API lacks: the document language, outlines shown on
/// opening, and a document ID derived from the content (printpdf's is a
/// counter), so identical inputs give identical bytes.
fn finish_pdf(mut doc: lopdf::Document, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    use lopdf::{Object, StringFormat};
    let catalog = doc.catalog_mut().map_err(PdfError::Catalog)?;
    catalog.set(
        "Lang",
        Object::String(meta.lang.as_bytes().to_vec(), StringFormat::Literal),
    );
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    compress_streams(&mut doc);
    doc.trailer.remove(b"ID");
    let mut first = Vec::new();
    #[cfg(test)]
    if meta.created == tests_hook::FAIL_CREATED.load(std::sync::atomic::Ordering::Relaxed) {
        save(&mut doc, &mut tests_hook::Failing)?;
    }
    save(&mut doc, &mut first)?;
    use sha2::Digest;
    let id: Vec<u8> = sha2::Sha256::digest(&first)[..16].to_vec();
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let id_obj = || Object::String(hex.as_bytes().to_vec(), StringFormat::Literal);
    doc.trailer
        .set("ID", Object::Array(vec![id_obj(), id_obj()]));
    let mut out = Vec::new();
    save(&mut doc, &mut out)?;
    Ok(out)
}

/// Serialises `doc` into `out`; every failure of lopdf's writer, also of
/// `out`, is an error.
fn save(doc: &mut lopdf::Document, out: &mut impl std::io::Write) -> Result<(), PdfError> {
    doc.save_to(out).map_err(PdfError::Save)
}

/// A test hook: a report whose creation time is [`FAIL_CREATED`] is
/// serialised into a writer that fails, as lopdf's writer might.
#[cfg(test)]
pub(crate) mod tests_hook {
    /// The creation time (seconds) of the reports whose saving fails.
    pub(crate) static FAIL_CREATED: std::sync::atomic::AtomicI64 =
        std::sync::atomic::AtomicI64::new(i64::MIN);

    /// A writer that refuses every byte.
    pub(crate) struct Failing;

    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("refused by the test hook"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}

/// Deflates every stream not yet compressed, in parallel. lopdf's own
/// `compress` works through them one by one at the highest level, which
/// was a fifth of the time for a report of some 800 pages; the default
/// level gives nearly the same size.
fn compress_streams(doc: &mut lopdf::Document) {
    use rayon::prelude::*;
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    streams.par_iter_mut().for_each(|s| {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let compressed = z.write_all(&s.content).and_then(|()| z.finish());
        // As lopdf does: keep a stream that would not get smaller as it is.
        if let Ok(c) = compressed
            && c.len() + 19 < s.content.len()
        {
            s.dict.set("Filter", "FlateDecode");
            s.set_content(c);
        }
    });
}

fn row_height(lines: &[Vec<String>], style: Style, pad: f32) -> f32 {
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
    n * Doc::line_height(style) + 2.0 * pad
}

fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn push_text(ops: &mut Vec<Op>, x: f32, baseline: f32, text: &str, style: Style, font: FontId) {
    if text.is_empty() {
        return;
    }
    ops.extend([
        Op::StartTextSection,
        Op::SetFillColor {
            col: color(style.color),
        },
        Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(style.size),
        },
        Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(PAGE_H - baseline),
            },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        },
        Op::EndTextSection,
    ]);
}

fn push_rect(ops: &mut Vec<Op>, x: f32, top: f32, w: f32, h: f32, c: Rgb3) {
    let pt = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - y),
        },
        bezier: false,
    };
    ops.push(Op::SetFillColor { col: color(c) });
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing {
                points: vec![
                    pt(x, top),
                    pt(x + w, top),
                    pt(x + w, top + h),
                    pt(x, top + h),
                ],
            }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_load_and_measure() {
        let mut d = Doc::new();
        let w = d.measure("Länsimäki €", Style::BODY);
        assert!(w > 30.0 && w < 80.0, "{w}");
        assert!(d.measure("MMMM", Style::BODY) > d.measure("iiii", Style::BODY));
    }

    #[test]
    fn wrap_respects_width() {
        let mut d = Doc::new();
        let text = "Erityisesti pojille kohdennettua sukupuolisensitiivistä sosiaalista nuorisotyötä Korso-Koivukylä alueella";
        let lines = d.wrap(text, 120.0, Style::BODY);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(d.measure(l, Style::BODY) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }
}
