//! A small layout layer over printpdf's op-based API: measured and wrapped
//! text, headings that keep with what follows, tables that break across
//! pages with their header repeated, and a running header and footer.
//!
//! Coordinates inside this module are points measured from the top of the
//! page; they are flipped to PDF's bottom-up space only when ops are made.

use std::collections::{BTreeSet, HashMap};

use crate::config::logo::{Logo, LogoData};
use crate::error::PdfError;

use super::tags::{Kid, NodeId, Scope, Tag, Tree};

use printpdf::{FontId, Op, ParsedFont, PdfDocument, Pt};

use super::draw::{Draw, Page};

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 56.0;
/// Top margin: the running header stands above it.
pub const MARGIN_TOP: f32 = 64.0;
/// Bottom margin: the page number stands below it.
pub const MARGIN_BOTTOM: f32 = 64.0;

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
            .filter_map(super::coverage::drawn)
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
        // The width of what is drawn for `c` (`coverage::drawn`).
        let w = match super::coverage::drawn(c) {
            None => 0.0,
            Some(d) => self
                .font
                .lookup_glyph_index(d as u32)
                .and_then(|g| self.font.get_glyph_width(g))
                .map(|w| f32::from(w) / upem)
                .unwrap_or(0.6),
        };
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

/// The most body rows tagged in one Table: a longer table is tagged as
/// several, each under its own header row (see [`Doc::table`]). The
/// `page` validator refuses a table of more than 1 024 rows.
pub const TABLE_PART_ROWS: usize = 1_000;
/// From this many body rows on, a table's part ends at the next page break
/// rather than in the middle of a page (a page holds under a hundred rows).
const TABLE_PART_SOFT: usize = 900;

/// A document being laid out.
pub struct Doc {
    faces: [Face; 2],
    pages: Vec<Page>,
    y: f32,
    /// Text of the running header (left) from page 2 on.
    pub running_header: String,
    /// The footer's page label from the page's number (from 1) and the
    /// number of pages: "Page 3 / 12".
    pub page_of: PageLabel,
    /// A word printed across every page, e.g. LUONNOS.
    pub watermark: Option<String>,
    /// "{heading} (continued)": the heading repeated above a table's
    /// continuation on the next page.
    pub continued: String,
    /// The last heading drawn: (level, text).
    last_heading: Option<(u8, String)>,
    /// The TR and cells of a table row to go on with (a row split over
    /// pages), and of the row drawn last.
    resume_row: Vec<NodeId>,
    last_row: Vec<NodeId>,
    /// The language whose rules hyphenate words too long for their column.
    pub lang: Option<crate::i18n::Lang>,
    /// For a table of many columns: smaller body text, and header cells of
    /// right-aligned (figure) columns that wrap between words.
    pub compact_table: bool,
    /// Outline entries: (level, title, page).
    bookmarks: Vec<(u8, String, usize)>,
    /// Page that drawing goes to instead of the last one (for the contents page).
    target: Option<usize>,
    /// Internal links: (page, rect x, top, w, h, destination page, description).
    links: Vec<(usize, [f32; 4], usize, String)>,
    /// The logical structure laid out so far.
    tree: Tree,
    /// The open structure elements, innermost last; the document element first.
    open: Vec<NodeId>,
    /// Each page's open marked-content sequence and next MCID.
    marks: Vec<PageMarks>,
    /// Set while drawing what repeats content already tagged (a table's
    /// header row on a continuation page): drawn as an artifact.
    artifact: bool,
    /// Whether the section (since the last first-level heading) has a
    /// second-level heading, so that a third-level one is tagged H3 and
    /// not, skipping a level, after an H1 (ISO 14289-1 §7.4.2).
    has_h2: bool,
    /// Images drawn (the logo), by their resource name.
    images: Vec<(String, std::sync::Arc<Logo>)>,
}

/// The marked-content sequence open at the end of a page's operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Artifact,
    Node(NodeId),
}

#[derive(Debug, Clone, Copy)]
struct PageMarks {
    open: Open,
    next_mcid: u32,
}

impl PageMarks {
    const NEW: PageMarks = PageMarks {
        open: Open::Nothing,
        next_mcid: 0,
    };
}

/// The fewest lines of a tall table row set at the foot of a page, the
/// rest going on over the next.
const MIN_ROW_PART: usize = 3;

/// A table's columns and header row, drawn again on each page it spans.
struct TableHead<'a> {
    columns: &'a [Column],
    widths: Vec<f32>,
    header_lines: Vec<Vec<String>>,
    style: Style,
    pad: f32,
    has_header: bool,
}

impl TableHead<'_> {
    /// The header row's height; 0 without one.
    fn height(&self) -> f32 {
        if self.has_header {
            row_height(&self.header_lines, self.style, self.pad)
        } else {
            0.0
        }
    }

    /// The header row, tagged as `kind`.
    fn draw(&self, doc: &mut Doc, kind: RowKind) {
        let (columns, widths, lines) = (self.columns, &self.widths, &self.header_lines);
        doc.draw_row(
            columns,
            widths,
            lines,
            self.style,
            self.pad,
            Some(HEADER_FILL),
            kind,
        );
    }
}

/// How a table row is tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// A repeated header row: an artifact, its content tagged once already.
    Repeat,
    /// The header row: TH cells heading their columns.
    Header,
    /// A body row; `row_headers` makes its first cell a TH heading the row.
    Body { row_headers: bool },
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
            pages: vec![Page::default()],
            y: MARGIN_TOP,
            running_header: String::new(),
            page_of: Box::new(|page, pages| format!("{page} / {pages}")),
            watermark: None,
            continued: "{heading}".into(),
            last_heading: None,
            resume_row: Vec::new(),
            last_row: Vec::new(),
            compact_table: false,
            lang: None,
            bookmarks: Vec::new(),
            target: None,
            links: Vec::new(),
            tree: Tree::new(),
            open: vec![0],
            marks: vec![PageMarks::NEW],
            artifact: false,
            has_h2: false,
            images: Vec::new(),
        }
    }

    /// Draws on `page` (0-based) until [`Doc::end_page_override`].
    pub fn begin_page_override(&mut self, page: usize) {
        self.close_marks(self.page_now());
        self.target = Some(page);
    }

    /// Back to drawing on the last page.
    pub fn end_page_override(&mut self) {
        self.close_marks(self.page_now());
        self.target = None;
    }

    /// A clickable area on the page being drawn on that goes to `dest`
    /// (0-based), described by `contents` (ISO 14289-1 §7.18.5). Inside an
    /// open Link element it becomes that element's annotation.
    pub fn link(&mut self, x: f32, top: f32, w: f32, h: f32, dest: usize, contents: &str) {
        let page = self.page_now();
        let index = self.links.len();
        self.links
            .push((page, [x, top, w, h], dest, contents.to_string()));
        if let Some(&node) = self.open.last()
            && self.tree.nodes[node].tag == Tag::Link
        {
            self.tree.nodes[node].kids.push(Kid::Annot(index));
        }
    }

    /// Opens a structure element of `tag` inside the innermost open one;
    /// what is drawn until [`Doc::close`] is its content.
    pub fn open(&mut self, tag: Tag) -> NodeId {
        let parent = self.open.last().copied().unwrap_or(0);
        let id = self.tree.add(parent, tag);
        self.open.push(id);
        id
    }

    /// Opens again an element made earlier (the contents section, filled
    /// once the pages it lists are known).
    pub fn reopen(&mut self, node: NodeId) {
        self.open.push(node);
    }

    /// Opens `node` again if given, else a new element of `tag`.
    fn open_or_resume(&mut self, tag: Tag, node: Option<&NodeId>) -> NodeId {
        match node {
            Some(&n) => {
                self.reopen(n);
                n
            }
            None => self.open(tag),
        }
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Sets the alternative text of an element (a Figure's, ISO 14289-1 §7.3).
    pub fn set_alt(&mut self, node: NodeId, alt: String) {
        self.tree.nodes[node].alt = Some(alt);
    }

    /// The structure laid out so far.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    fn page_now(&self) -> usize {
        self.target.unwrap_or(self.pages.len() - 1)
    }

    /// Ends the marked-content sequence open on `page`, if any.
    fn close_marks(&mut self, page: usize) {
        if let Some(m) = self.marks.get_mut(page) {
            if m.open != Open::Nothing {
                self.pages[page].draws.push(Draw::End);
            }
            m.open = Open::Nothing;
        }
    }

    /// The operations of the page being drawn on, inside the marked-content
    /// sequence `want`: the one open if it is that, else a new one (a new
    /// MCID of the element, or an artifact).
    fn marked(&mut self, want: Open) -> &mut Page {
        let page = self.page_now();
        let m = &mut self.marks[page];
        if m.open != want {
            let ops = &mut self.pages[page].draws;
            if m.open != Open::Nothing {
                ops.push(Draw::End);
            }
            match want {
                Open::Nothing => {}
                Open::Artifact => ops.push(Draw::BeginArtifact),
                Open::Node(n) => {
                    let mcid = m.next_mcid;
                    m.next_mcid += 1;
                    self.tree.nodes[n].kids.push(Kid::Marked { page, mcid });
                    let tag = self.tree.nodes[n].tag;
                    ops.push(Draw::BeginMarked { tag, mcid });
                }
            }
            m.open = want;
        }
        &mut self.pages[page]
    }

    /// The sequence text goes into: the innermost open element's content
    /// (an artifact outside every element but the document's, or while
    /// drawing a repeat).
    fn text_mark(&self) -> Open {
        match self.open.last() {
            Some(&n) if n != 0 && !self.artifact => Open::Node(n),
            _ => Open::Artifact,
        }
    }

    /// The sequence shapes go into: a Figure's content, else an artifact
    /// (rules, fills, backgrounds: ISO 14289-1 §7.1).
    fn shape_mark(&self) -> Open {
        match self.open.last() {
            Some(&n) if !self.artifact && self.tree.nodes[n].tag == Tag::Figure => Open::Node(n),
            _ => Open::Artifact,
        }
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
                // A soft hyphen of the text's own is invisible unless the
                // line breaks there (Unicode's U+00AD); the layout breaks
                // words by the language's rules and marks its own hyphens
                // with it, so the text's own are left out.
                let word = match word.contains('\u{ad}') {
                    true => std::borrow::Cow::Owned(word.replace('\u{ad}', "")),
                    false => std::borrow::Cow::Borrowed(word),
                };
                let word = word.as_ref();
                if word.is_empty() {
                    continue;
                }
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
                if word_w <= width || unbreakable(word) {
                    // An amount stands whole, if need be past the column.
                    line.push_str(word);
                    line_w = word_w;
                } else {
                    // Hyphenated by the language's rules where it can be,
                    // each piece with a hyphen the layout adds (`\u{ad}`
                    // at the line's end, drawn as an artifact).
                    let mut start = 0;
                    let breaks = self.break_points(word);
                    let hyphen = self.measure("-", style);
                    while self.measure(&word[start..], style) > width {
                        let mut fit = None;
                        for &(b, hyphenated) in breaks.iter().filter(|(b, _)| *b > start) {
                            let piece = word.get(start..b).unwrap_or_default();
                            let extra = if hyphenated { hyphen } else { 0.0 };
                            if self.measure(piece, style) + extra > width {
                                break;
                            }
                            fit = Some((b, hyphenated));
                        }
                        let Some((b, hyphenated)) = fit else { break };
                        let mark = if hyphenated { "\u{ad}" } else { "" };
                        lines.push(format!("{}{mark}", &word[start..b]));
                        start = b;
                    }
                    for c in word[start..].chars() {
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

    /// `text` cut to fit `width` with an ellipsis at its end; with `cut`
    /// (the text went on), the ellipsis is added even where it fits.
    pub fn ellipsis(&mut self, text: &str, width: f32, style: Style, cut: bool) -> String {
        let mut kept = text.trim_end_matches('\u{ad}').to_string();
        if !cut && self.measure(&kept, style) <= width {
            return text.to_string();
        }
        let dots = self.measure("…", style);
        while !kept.is_empty() && self.measure(&kept, style) + dots > width {
            kept.pop();
        }
        format!("{}…", kept.trim_end())
    }

    /// `text` wrapped to `width` in at most `max` lines, the last ending
    /// in an ellipsis where the text goes on.
    pub fn wrap_at_most(
        &mut self,
        text: &str,
        width: f32,
        style: Style,
        max: usize,
    ) -> Vec<String> {
        let mut lines = self.wrap(text, width, style);
        if lines.len() > max {
            lines.truncate(max.max(1));
            if let Some(last) = lines.pop() {
                let last = self.ellipsis(&last, width, style, true);
                lines.push(last);
            }
        }
        lines
    }

    /// The body text of a table.
    fn body(&self) -> Style {
        if self.compact_table {
            Style {
                size: 8.5,
                ..Style::BODY
            }
        } else {
            Style::BODY
        }
    }

    /// Where `word` may break, in order: after a hyphen of its own, and
    /// within its letters where the language's patterns allow (`true`: a
    /// hyphen is added there).
    fn break_points(&self, word: &str) -> Vec<(usize, bool)> {
        use hyphenation::Hyphenator;
        let dict = self.lang.and_then(dictionary);
        let mut out = Vec::new();
        let mut from = 0;
        for part in word.split_inclusive('-') {
            let letters = part.strip_suffix('-').unwrap_or(part);
            if let Some(dict) = dict
                && !letters.is_empty()
                && letters.chars().all(char::is_alphabetic)
            {
                out.extend(
                    dict.hyphenate(letters)
                        .breaks
                        .into_iter()
                        .map(|b| (from + b, true)),
                );
            }
            from += part.len();
            if part.ends_with('-') && from < word.len() {
                out.push((from, false));
            }
        }
        out
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
        self.close_marks(self.pages.len() - 1);
        self.pages.push(Page::default());
        self.marks.push(PageMarks::NEW);
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

    /// Adds an outline entry of `level` (1 at the top) pointing at the current page.
    pub fn bookmark(&mut self, level: u8, title: &str) {
        let page = self.page_index();
        self.bookmarks.push((level, title.to_string(), page));
    }

    /// Sets `text` with its baseline at `baseline` (from the top) starting
    /// at `x`, as content of the innermost open element.
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        // A line ending in a word the layout hyphenated: the hyphen is not
        // the text's own, so it is an artifact (ISO 14289-1 §7.1).
        if let Some(stem) = text.strip_suffix('\u{ad}') {
            self.text_at(x, baseline, stem, style);
            let w = self.measure(stem, style);
            let was = std::mem::replace(&mut self.artifact, true);
            self.text_at(x + w, baseline, "-", style);
            self.artifact = was;
            return;
        }
        let face = &mut self.faces[usize::from(style.bold)];
        face.used.extend(text.chars());
        let want = self.text_mark();
        push_text(self.marked(want), x, baseline, text, style);
    }

    /// A filled rectangle; `top` from the top of the page. Part of an open
    /// Figure, else an artifact.
    pub fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb3) {
        let want = self.shape_mark();
        self.marked(want).rect(x, top, w, h, color);
    }

    /// A horizontal rule across the text column.
    pub fn rule(&mut self, color: Rgb3, thickness: f32) {
        let y = self.y;
        let w = self.text_width();
        self.rect(MARGIN_X, y, w, thickness, color);
    }

    /// A wrapped paragraph (a P element) at the left margin plus `indent`.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        self.open(Tag::P);
        self.lines(text, style, indent);
        self.close();
    }

    /// A list item (an LI of the open L): `label` (a Lbl) at the left
    /// margin plus `indent`, `text` (its LBody) wrapped beside it. An item
    /// is kept on one page (unless it is taller than a page); one that
    /// starts a page goes under the last heading marked as continued, so a
    /// reader of that page knows whose list it is.
    pub fn list_item(&mut self, label: &str, text: &str, style: Style, indent: f32) {
        let label_w = self.measure(label, style) + 4.0;
        let height = self.list_item_height(label, text, style, indent);
        // An item taller than a page starts where it is and goes on over
        // the next; any other that does not fit moves whole.
        if self.y + height > PAGE_H - MARGIN_BOTTOM && height <= self.page_room() - 40.0 {
            self.continued_page();
        }
        self.open(Tag::LI);
        self.open(Tag::Lbl);
        let baseline = self.y + Doc::line_height(style) * 0.75;
        self.text_at(MARGIN_X + indent, baseline, label, style);
        self.close();
        self.open(Tag::LBody);
        self.lines(text, style, indent + label_w);
        self.close();
        self.close();
    }

    /// An item's height in [`Doc::list_item`], in points.
    pub fn list_item_height(&mut self, label: &str, text: &str, style: Style, indent: f32) -> f32 {
        let label_w = self.measure(label, style) + 4.0;
        let width = self.text_width() - indent - label_w;
        let lines = self.wrap(text, width, style).len().max(1);
        lines as f32 * Doc::line_height(style)
    }

    /// What a heading over a list keeps with it, in points: the list's
    /// first item where [`Doc::list_item`] keeps it whole, else its first
    /// line.
    pub fn list_keep(&mut self, label: &str, text: &str, style: Style, indent: f32) -> f32 {
        let height = self.list_item_height(label, text, style, indent);
        if height <= self.page_room() - 40.0 {
            height
        } else {
            Doc::line_height(style)
        }
    }

    /// Wrapped lines at the left margin plus `indent`, in the open element.
    fn lines(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.text_width() - indent;
        let lh = Doc::line_height(style);
        for line in self.wrap(text, width, style) {
            self.ensure(lh);
            self.y += lh;
            self.text_at(MARGIN_X + indent, self.y - lh * 0.25, &line, style);
        }
    }

    fn heading_style(level: u8) -> Style {
        match level {
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
        }
    }

    /// Draws `image` in the box of `w` × `h` points whose top left corner
    /// is `x`, `top` (points from the page's top left), as the content of
    /// the open Figure (an artifact outside one).
    pub fn image(&mut self, image: &std::sync::Arc<Logo>, x: f32, top: f32, w: f32, h: f32) {
        let n = match self
            .images
            .iter()
            .position(|(_, i)| std::sync::Arc::ptr_eq(i, image))
        {
            Some(at) => at + 1,
            None => {
                let n = self.images.len() + 1;
                self.images.push((format!("Im{n}"), image.clone()));
                n
            }
        };
        let mark = self.shape_mark();
        let y = PAGE_H - top - h;
        let n = n as u32;
        (self.marked(mark).draws).push(Draw::Image { n, x, y, w, h });
    }

    /// A heading of level 1–3, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, level: u8, text: &str, keep: f32) {
        let style = Doc::heading_style(level);
        self.last_heading = Some((level, text.to_string()));
        let before = match level {
            1 => 6.0,
            2 => 14.0,
            _ => 8.0,
        };
        // The room under the heading (a rule under a level 1).
        let after = if level == 1 { 12.0 } else { 3.0 };
        let lines = self.wrap(text, self.text_width(), style).len() as f32;
        // At a page's top already, a new page would only leave this one
        // blank (and the bookmark made before it pointing there).
        if self.y > MARGIN_TOP {
            self.ensure(before + lines * Doc::line_height(style) + after + keep);
        }
        if self.y > MARGIN_TOP {
            self.y += before;
        }
        // Tagged without skipping a level: a subheading of a section
        // without focus-area headings is its second level.
        let tagged = match level {
            0 | 1 => {
                self.has_h2 = false;
                1
            }
            2 => {
                self.has_h2 = true;
                2
            }
            _ if self.has_h2 => 3,
            _ => 2,
        };
        self.open(Tag::heading(tagged));
        self.lines(text, style, 0.0);
        self.close();
        if level == 1 {
            self.y += 4.0;
            self.rule(ACCENT, 1.2);
            self.y += after - 4.0;
        } else {
            self.y += after;
        }
    }

    /// A table; the header row is repeated on every page it spans (as an
    /// artifact), and a table of more than [`TABLE_PART_ROWS`] rows is
    /// tagged as consecutive tables, each from the top of a page under the
    /// heading marked as continued and its own tagged header row. Rows in
    /// `bold_rows` (indexes) are set bold, e.g. totals. A row taller than
    /// the room left goes on over the next pages.
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
        let widths = self.column_widths(columns, header, (rows, bold_rows), pad, head_style);
        // A table whose header cells are all empty is drawn without a header row.
        let has_header = header.iter().any(|h| !h.is_empty());
        let head = TableHead {
            columns,
            header_lines: self.wrap_cells(header, &widths, pad, head_style),
            widths,
            style: head_style,
            pad,
            has_header,
        };
        let header_h = head.height();
        // The header and the first row (or, if it is tall, its first lines).
        let first_row_h = rows
            .first()
            .map(|r| {
                let lines = self.wrap_cells(r, &head.widths, pad, self.body());
                row_height(&lines, self.body(), pad)
            })
            .unwrap_or(0.0)
            .min(2.0 * pad + MIN_ROW_PART as f32 * Doc::line_height(self.body()));
        self.ensure(header_h + first_row_h);
        self.open(Tag::Table);
        if has_header {
            self.open(Tag::THead);
            head.draw(self, RowKind::Header);
            self.close();
        }
        self.open(Tag::TBody);
        self.table_body(&head, rows, bold_rows);
        self.close();
        self.close();
        self.y += 6.0;
    }

    /// The body rows of a table whose TBody is open.
    fn table_body(&mut self, head: &TableHead, rows: &[Vec<String>], bold_rows: &[usize]) {
        let pad = head.pad;
        let body = RowKind::Body {
            row_headers: !head.has_header,
        };
        // The room for rows on a page under the continued heading and header.
        let page_room = PAGE_H - MARGIN_BOTTOM - MARGIN_TOP - head.height() - 30.0;
        let mut in_part = 0usize;
        for (i, row) in rows.iter().enumerate() {
            let style = if bold_rows.contains(&i) {
                Style {
                    bold: true,
                    ..self.body()
                }
            } else {
                self.body()
            };
            let lines = self.wrap_cells(row, &head.widths, pad, style);
            let h = row_height(&lines, style, pad);
            // A long table is tagged as tables of at most TABLE_PART_ROWS
            // rows, each starting on a page of its own under its own header
            // row: validators and assistive technology refuse or stall on a
            // table of thousands of rows (the `page` validator stops at
            // 1 024). Drawn, it is the same table continued.
            let limit = PAGE_H - MARGIN_BOTTOM;
            let split = head.has_header
                && (in_part >= TABLE_PART_ROWS
                    || (in_part >= TABLE_PART_SOFT && self.y + h > limit));
            // A row taller than a page starts where a few of its lines fit.
            let part_fits =
                self.y + 2.0 * pad + MIN_ROW_PART as f32 * Doc::line_height(style) <= limit;
            let starts_here = h > page_room && part_fits;
            if split || (self.y + h > limit && !starts_here) {
                self.table_page_break(head, split);
                if split {
                    in_part = 0;
                }
            }
            in_part += 1;
            let fill = (i % 2 == 1).then_some((0.965, 0.97, 0.98));
            self.body_row(head, &lines, (style, fill), body);
        }
    }

    /// Starts a new page of a table: the heading again, marked as
    /// continued, and the header row; `split` starts a new Table part
    /// whose header row is tagged, else the header row is an artifact.
    fn table_page_break(&mut self, head: &TableHead, split: bool) {
        self.continued_page();
        if split {
            // The next part: a Table of its own, its header row tagged.
            self.close();
            self.close();
            self.open(Tag::Table);
            self.open(Tag::THead);
            head.draw(self, RowKind::Header);
            self.close();
            self.open(Tag::TBody);
        } else if head.has_header {
            head.draw(self, RowKind::Repeat);
        }
    }

    /// Starts a new page under the last heading again, marked as
    /// continued: an artifact, as the heading is tagged where it first
    /// stands.
    pub fn continued_page(&mut self) {
        self.new_page();
        self.continued_heading();
    }

    /// The height [`Doc::continued_heading`] takes, in points.
    pub fn continued_height(&mut self) -> f32 {
        match self.last_heading.clone() {
            Some((level, text)) => {
                let line = crate::i18n::fill(&self.continued, &[("heading", &text)]);
                let style = Doc::heading_style(level.max(3));
                let lines = self.wrap(&line, self.text_width(), style).len() as f32;
                lines * Doc::line_height(style) + 3.0
            }
            None => 0.0,
        }
    }

    /// The last heading again at the current place, marked as continued,
    /// as an artifact.
    pub fn continued_heading(&mut self) {
        if let Some((level, text)) = self.last_heading.clone() {
            let line = crate::i18n::fill(&self.continued, &[("heading", &text)]);
            let style = Doc::heading_style(level.max(3));
            self.artifact = true;
            self.lines(&line, style, 0.0);
            self.artifact = false;
            self.y += 3.0;
        }
    }

    /// The height of a page's text area.
    pub fn page_room(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM - MARGIN_TOP
    }

    /// A body row; where it is taller than the room left, as many of its
    /// lines as fit, the rest on the next pages under the continued
    /// heading and header, every part content of the same TR and cells.
    fn body_row(
        &mut self,
        head: &TableHead,
        lines: &[Vec<String>],
        (style, fill): (Style, Option<Rgb3>),
        body: RowKind,
    ) {
        let lh = Doc::line_height(style);
        let n = lines.iter().map(Vec::len).max().unwrap_or(0);
        let mut start = 0;
        let mut nodes = Vec::new();
        loop {
            let room = PAGE_H - MARGIN_BOTTOM - self.y - 2.0 * head.pad;
            let end = n.min(start + ((room / lh).floor().max(1.0) as usize));
            let part: Vec<Vec<String>> = lines
                .iter()
                .map(|c| {
                    c.get(start..end.min(c.len()).max(start))
                        .unwrap_or_default()
                        .to_vec()
                })
                .collect();
            self.resume_row = nodes;
            self.draw_row(
                head.columns,
                &head.widths,
                &part,
                style,
                head.pad,
                fill,
                body,
            );
            nodes = std::mem::take(&mut self.last_row);
            start = end;
            if start >= n {
                return;
            }
            self.table_page_break(head, false);
        }
    }

    /// Each column gets at least its longest word (so words are not broken
    /// where that fits), and the rest of the width by weight.
    fn column_widths(
        &mut self,
        columns: &[Column],
        header: &[String],
        (rows, bold_rows): (&[Vec<String>], &[usize]),
        pad: f32,
        head: Style,
    ) -> Vec<f32> {
        let total = self.text_width();
        let mut mins = vec![0.0f32; columns.len()];
        for (i, m) in mins.iter_mut().enumerate() {
            // Short headers stay on one line; long ones may wrap between words.
            let wraps = self.compact_table && columns[i].align == Align::Right;
            let head_word = header
                .get(i)
                .map(|h| {
                    let whole = if wraps { 0.0 } else { self.measure(h, head) };
                    whole.min(90.0).max(self.longest_word(h, head))
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
                            ..self.body()
                        },
                    )
                })
                .fold(0.0, f32::max);
            // An unbreakable value (a path, a hash) may not crowd out the others.
            *m = head_word.max(cell_word.min(total * 0.4)) + 2.0 * pad + 0.5;
        }
        let mut sum: f32 = mins.iter().sum();
        if sum > total {
            // Too wide: the column of most weight (the names) gives up room
            // first, down to its header's longest word, so the figures and
            // short words elsewhere stay whole; only then all shrink.
            if let Some((widest, _)) = columns
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.weight.total_cmp(&b.1.weight))
            {
                let floor = header
                    .get(widest)
                    .map(|h| self.longest_word(h, head))
                    .unwrap_or(0.0)
                    .max(total * 0.15)
                    + 2.0 * pad;
                let give = (sum - total).min((mins[widest] - floor).max(0.0));
                mins[widest] -= give;
                sum -= give;
            }
            if sum > total {
                let cells = self.figure_widths(columns, rows, bold_rows, pad);
                return shrink_to(&mins, &cells, columns, total);
            }
        }
        let weights: f32 = columns.iter().map(|c| c.weight).sum();
        mins.iter()
            .zip(columns)
            .map(|(m, c)| m + (total - sum) * c.weight / weights)
            .collect()
    }

    /// The width each right-aligned column of figures needs for its
    /// widest cell as set (bold in `bold_rows`); 0 for the others.
    fn figure_widths(
        &mut self,
        columns: &[Column],
        rows: &[Vec<String>],
        bold_rows: &[usize],
        pad: f32,
    ) -> Vec<f32> {
        let limit = self.text_width() * 0.4;
        let mut widths = vec![0.0f32; columns.len()];
        for (r, row) in rows.iter().enumerate() {
            let style = Style {
                bold: bold_rows.contains(&r),
                ..self.body()
            };
            for ((w, c), col) in widths.iter_mut().zip(row).zip(columns) {
                if col.align == Align::Right {
                    *w = w.max(self.longest_word(c, style).min(limit) + 2.0 * pad + 0.5);
                }
            }
        }
        widths
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

    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        lines: &[Vec<String>],
        style: Style,
        pad: f32,
        fill: Option<Rgb3>,
        kind: RowKind,
    ) {
        let h = row_height(lines, style, pad);
        let top = self.y;
        if let Some(color) = fill {
            let w = self.text_width();
            self.rect(MARGIN_X, top, w, h, color);
        }
        let lh = Doc::line_height(style);
        let mut x = MARGIN_X;
        // The elements of a row continued from the page before, if any.
        let resume = std::mem::take(&mut self.resume_row);
        let mut made = Vec::new();
        match kind {
            RowKind::Repeat => self.artifact = true,
            _ => made.push(self.open_or_resume(Tag::TR, resume.first())),
        }
        for (c, ((cell, w), col)) in lines.iter().zip(widths).zip(columns).enumerate() {
            let cell_tag = match kind {
                RowKind::Repeat => None,
                RowKind::Header => Some((Tag::TH, Some(Scope::Column))),
                RowKind::Body { row_headers: true } if c == 0 => Some((Tag::TH, Some(Scope::Row))),
                RowKind::Body { .. } => Some((Tag::TD, None)),
            };
            if let Some((tag, scope)) = cell_tag {
                let node = self.open_or_resume(tag, resume.get(c + 1));
                self.tree.nodes[node].scope = scope;
                made.push(node);
            }
            for (i, line) in cell.iter().enumerate() {
                let baseline = top + pad + lh * (i as f32 + 1.0) - lh * 0.25;
                let lx = match col.align {
                    Align::Left => x + pad,
                    Align::Right => x + w - pad - self.measure(line, style),
                };
                self.text_at(lx, baseline, line, style);
            }
            if cell_tag.is_some() {
                self.close();
            }
            x += w;
        }
        match kind {
            RowKind::Repeat => self.artifact = false,
            _ => self.close(),
        }
        self.last_row = made;
        self.y += h;
        self.rule((0.80, 0.83, 0.87), 0.4);
    }

    /// Lays the running header, footer and watermark on every page as
    /// artifacts (ISO 14289-1 §7.1: pagination artifacts are not real
    /// content) and serialises the document, the pages' content streams
    /// written by `writer`, with its structure tree, metadata and bookmarks.
    pub fn finish(mut self, meta: &Meta, writer: super::StreamWriter) -> Result<Vec<u8>, PdfError> {
        let total = self.pages.len();
        for page in 0..total {
            self.close_marks(page);
        }
        let mark_style = Style {
            size: 96.0,
            bold: true,
            color: (0.93, 0.80, 0.80),
        };
        let mark_w = match self.watermark.clone() {
            Some(m) => {
                self.faces[1].used.extend(m.chars());
                self.measure(&m, mark_style)
            }
            None => 0.0,
        };
        for i in 0..total {
            let page_label = (self.page_of)(i + 1, total);
            let lw = self.measure(&page_label, Style::SMALL);
            // A name longer than the line ends in an ellipsis; the whole
            // name is the document's title.
            let header = self.running_header.clone();
            let header = self.ellipsis(&header, PAGE_W - 2.0 * MARGIN_X, Style::SMALL, false);
            self.faces[0]
                .used
                .extend(page_label.chars().chain(header.chars()));
            // The cover has neither running header nor page number.
            if i > 0 {
                let page = &mut self.pages[i];
                page.draws.push(Draw::BeginArtifact);
                push_text(page, MARGIN_X, 36.0, &header, Style::SMALL);
                let w = PAGE_W - 2.0 * MARGIN_X;
                page.rect(MARGIN_X, 42.0, w, 0.5, MUTED);
                let x = PAGE_W - MARGIN_X - lw;
                push_text(page, x, PAGE_H - 32.0, &page_label, Style::SMALL);
                page.draws.push(Draw::End);
            }
            if let Some(mark) = &self.watermark {
                // Diagonally across the page's centre, under the content.
                let (c, s) = (
                    std::f32::consts::FRAC_1_SQRT_2,
                    std::f32::consts::FRAC_1_SQRT_2,
                );
                let half = mark_w / 2.0;
                let x = PAGE_W / 2.0 - half * c + mark_style.size * 0.35 * s;
                let y = PAGE_H / 2.0 - half * s - mark_style.size * 0.35 * c;
                let page = &mut self.pages[i];
                let st = mark_style;
                let turned = page.turned([c, s, -s, c, x, y], mark, st.size, st.bold, st.color);
                let draws = [Draw::BeginArtifact, turned, Draw::End];
                page.draws.splice(0..0, draws);
            }
        }
        let mut links: Vec<Vec<Op>> = vec![Vec::new(); total];
        let mut described = Vec::with_capacity(self.links.len());
        for (page, [x, top, w, h], dest, contents) in std::mem::take(&mut self.links) {
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
            if let Some(on) = links.get_mut(page) {
                on.push(Op::LinkAnnotation { link });
            }
            described.push((page, contents));
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
        for (name, image) in &self.images {
            doc.resources.xobjects.map.insert(
                printpdf::XObjectId(name.clone()),
                printpdf::XObject::External(image_xobject(image)),
            );
        }
        let fonts: [(FontId, ParsedFont); 2] =
            self.faces.each_ref().map(|f| (f.id.clone(), f.subset()));
        let (tree, bookmarks) = (&self.tree, &self.bookmarks);
        // The structure tree and the metadata are written into the
        // document while the pages' content streams are made.
        let (out, tagged) =
            super::serialise::to_lopdf(doc, &fonts, self.pages, links, writer, |out| {
                let links = super::tags::Links { links: &described };
                let packed = super::tags::write(out, tree, links)?;
                super::archive::conform(out, meta, bookmarks);
                Ok(packed)
            });
        let packed = tagged.map_err(PdfError::Catalog)?;
        finish_pdf(out, &packed, meta)
    }
}

/// Compresses the streams and saves the document once, with `packed`
/// (the structure tree's elements) in object streams and a document ID
/// derived from the content (printpdf's is a counter), so identical inputs
/// give identical bytes: the file is written with a placeholder ID, whose
/// bytes are then replaced by those of the file's hash.
fn finish_pdf(
    mut doc: lopdf::Document,
    packed: &super::file::Packed,
    meta: &Meta,
) -> Result<Vec<u8>, PdfError> {
    use lopdf::{Object, StringFormat};
    const PLACEHOLDER: &[u8; 32] = b"KOOSTE-DOCUMENT-ID-PLACEHOLDER-X";
    compress_streams(&mut doc);
    let id_obj = || Object::String(PLACEHOLDER.to_vec(), StringFormat::Literal);
    doc.trailer
        .set("ID", Object::Array(vec![id_obj(), id_obj()]));
    #[cfg(test)]
    if meta.created == tests_hook::FAIL_CREATED.load(std::sync::atomic::Ordering::Relaxed) {
        save(&doc, packed, &mut tests_hook::Failing)?;
    }
    #[cfg(not(test))]
    let _ = meta;
    let mut out = Vec::new();
    save(&doc, packed, &mut out)?;
    use sha2::Digest;
    let hex: Vec<u8> = sha2::Sha256::digest(&out)[..16]
        .iter()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .collect();
    // The two copies in the cross-reference stream's dictionary, the last
    // ones in the file.
    let mut end = out.len();
    for _ in 0..2 {
        if let Some(at) = out[..end]
            .windows(PLACEHOLDER.len())
            .rposition(|w| w == PLACEHOLDER)
        {
            out[at..at + PLACEHOLDER.len()].copy_from_slice(&hex);
            end = at;
        }
    }
    // A long report's document is hundreds of thousands of small
    // allocations: freed on another thread while the caller goes on.
    rayon::spawn(move || drop(doc));
    Ok(out)
}

/// Serialises `doc` and `packed` into `out`; every failure of `out` is an
/// error.
fn save(
    doc: &lopdf::Document,
    packed: &super::file::Packed,
    out: &mut impl std::io::Write,
) -> Result<(), PdfError> {
    super::file::save(doc, packed, out).map_err(PdfError::Save)
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
        if let Some(c) = deflate(&s.content) {
            s.dict.set("Filter", "FlateDecode");
            s.set_content(c);
        }
    });
}

/// `content` deflated at zlib's default level, or `None` where that would
/// not make it smaller.
pub(super) fn deflate(content: &[u8]) -> Option<Vec<u8>> {
    deflate_at(content, [6, 9, 1])
}

/// `content` deflated at the fastest level, or `None` where that would not
/// make it smaller: for the structure tree's object streams, a few
/// megabytes of nearly the same dictionaries, which the fastest level
/// shrinks nearly as well in a fraction of the time.
pub(super) fn deflate_fast(content: &[u8]) -> Option<Vec<u8>> {
    deflate_at(content, [1, 2, 6])
}

/// `content` deflated at the first of `levels` whose result does not end in
/// a carriage return, unless that is not smaller.
fn deflate_at(content: &[u8], levels: [u32; 3]) -> Option<Vec<u8>> {
    // Data ending in a carriage return would read, with the line feed
    // written before `endstream`, as a CR LF end of line outside the
    // stream's /Length (ISO 19005-2 §6.1.7.1): another level, or none,
    // gives other last bytes.
    let compressed = levels.into_iter().find_map(|level| {
        let c = zlib(content, level)?;
        (c.last() != Some(&b'\r')).then_some(c)
    })?;
    // As lopdf does: keep a stream that would not get smaller as it is.
    (compressed.len() + 19 < content.len()).then_some(compressed)
}

/// `content` as a zlib stream at `level`, by this thread's compressor for
/// that level. Each compressor is set up once per thread and reset for each
/// stream: setting one up allocates and clears some 300 kB of tables, which
/// for the 900 streams of a long report was a twentieth of its
/// instructions.
fn zlib(content: &[u8], level: u32) -> Option<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    thread_local! {
        static COMPRESSORS: std::cell::RefCell<Vec<(u32, Compress)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    COMPRESSORS.with_borrow_mut(|compressors| {
        let at = match compressors.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                compressors.push((level, Compress::new(Compression::new(level), true)));
                compressors.len() - 1
            }
        };
        let z = &mut compressors[at].1;
        z.reset();
        let mut out = Vec::with_capacity(content.len() / 4 + 64);
        loop {
            let done = usize::try_from(z.total_in()).ok()?;
            let rest = content.get(done..)?;
            match z.compress_vec(rest, &mut out, FlushCompress::Finish).ok()? {
                Status::StreamEnd => return Some(out),
                // Out of room: more, and go on.
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(64)),
            }
        }
    })
}

/// An image XObject (ISO 32000-1 §8.9.5) of `image`: RGB samples,
/// deflated with the other streams before saving, or a JPEG as it is.
fn image_xobject(image: &Logo) -> printpdf::ExternalXObject {
    use printpdf::DictItem;
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let mut dict = std::collections::BTreeMap::new();
    dict.insert("Type".to_string(), name("XObject"));
    dict.insert("Subtype".to_string(), name("Image"));
    dict.insert("Width".to_string(), DictItem::Int(image.width.into()));
    dict.insert("Height".to_string(), DictItem::Int(image.height.into()));
    dict.insert("BitsPerComponent".to_string(), DictItem::Int(8));
    let (content, space, compress) = match &image.data {
        LogoData::Rgb(rgb) => (rgb.clone(), "DeviceRGB", true),
        LogoData::Jpeg { bytes, components } => {
            dict.insert("Filter".to_string(), name("DCTDecode"));
            let space = if *components == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            (bytes.clone(), space, false)
        }
    };
    dict.insert("ColorSpace".to_string(), name(space));
    printpdf::ExternalXObject {
        stream: printpdf::ExternalStream {
            dict,
            content,
            compress,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// Column widths `mins` (too wide together) narrowed to `total`: all
/// alike while the figures still fit their columns, else the
/// columns of text, which wrap, down to 0.15 of the table, and the
/// right-aligned columns of figures down to their widest cell (`cells`;
/// amounts are never broken), their headers wrapping; only if that is
/// still too wide do all shrink alike.
fn shrink_to(mins: &[f32], cells: &[f32], columns: &[Column], total: f32) -> Vec<f32> {
    let sum: f32 = mins.iter().sum();
    let even: Vec<f32> = mins.iter().map(|m| m * total / sum).collect();
    let figures_fit = even
        .iter()
        .zip(cells)
        .zip(columns)
        .all(|((w, cell), c)| c.align == Align::Left || w >= cell);
    if figures_fit {
        return even;
    }
    let hard: Vec<f32> = mins
        .iter()
        .zip(cells)
        .zip(columns)
        .map(|((m, cell), c)| match c.align {
            Align::Right => m.min(cell.max(total * 0.06)),
            Align::Left => m.min(total * 0.15),
        })
        .collect();
    let hard_sum: f32 = hard.iter().sum();
    let slack = sum - hard_sum;
    if hard_sum <= total && slack > 0.0 {
        let f = (sum - total) / slack;
        return mins
            .iter()
            .zip(&hard)
            .map(|(m, h)| m - (m - h) * f)
            .collect();
    }
    // Else the figures keep their width and the text columns share the rest.
    let is_left = |c: &Column| c.align == Align::Left;
    let figures: f32 = hard
        .iter()
        .zip(columns)
        .filter(|(_, c)| !is_left(c))
        .map(|(h, _)| h)
        .sum();
    let texts: f32 = mins
        .iter()
        .zip(columns)
        .filter(|(_, c)| is_left(c))
        .map(|(m, _)| m)
        .sum();
    let text_columns = columns.iter().filter(|c| is_left(c)).count() as f32;
    if texts > 0.0 && figures + text_columns * total * 0.08 <= total {
        let f = (total - figures) / texts;
        return hard
            .iter()
            .zip(mins)
            .zip(columns)
            .map(|((h, m), c)| if is_left(c) { m * f } else { *h })
            .collect();
    }
    even
}

fn row_height(lines: &[Vec<String>], style: Style, pad: f32) -> f32 {
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
    n * Doc::line_height(style) + 2.0 * pad
}

/// `text` in `style` with its baseline at `baseline` points from the top.
fn push_text(page: &mut Page, x: f32, baseline: f32, text: &str, style: Style) {
    let y = PAGE_H - baseline;
    page.text(x, y, text, style.size, style.bold, style.color);
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

    /// A heading goes to the next page unless what it keeps fits under it
    /// with the room it leaves below itself: a list's first item kept whole
    /// was moved away from its heading, which stood alone at the bottom.
    #[test]
    fn a_heading_stays_with_what_it_keeps() {
        let mut d = Doc::new();
        d.new_page();
        d.open(Tag::Sect);
        let item = "Alakoulujen erityisnuorisotyöntekijät (KUKU, toteutusvaihe) ".repeat(4);
        let keep = d.list_keep("•", &item, Style::BODY, 8.0);
        let heading = Doc::line_height(Doc::heading_style(3));
        // Room for the heading and the item but not the 3 pt below it.
        d.set_y(PAGE_H - MARGIN_BOTTOM - (8.0 + heading + keep + 1.0));
        d.heading(3, "Länsimäki", keep);
        d.open(Tag::L);
        d.list_item("•", &item, Style::BODY, 8.0);
        d.close();
        d.close();
        // Both on the next page; nothing left alone on this one.
        assert_eq!(d.page_index(), 2);
        assert!(d.pages[1].draws.is_empty());
        assert!(!d.pages[2].draws.is_empty());
    }

    #[test]
    fn long_words_are_hyphenated_by_the_languages_rules() {
        let mut d = Doc::new();
        d.lang = Some(crate::i18n::Lang::Fi);
        let lines = d.wrap("erityisnuorisotyöntekijät", 60.0, Style::BODY);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with('\u{ad}'), "{lines:?}");
        }
        let joined: String = lines.concat().replace('\u{ad}', "");
        assert_eq!(joined, "erityisnuorisotyöntekijät");
        // Finnish breaks before a consonant-vowel pair: eri-tyis-nuo-ri-so-…
        assert!(lines[0].starts_with("erityis"), "{lines:?}");
    }

    #[test]
    fn a_compound_breaks_after_its_own_hyphen() {
        let mut d = Doc::new();
        d.lang = Some(crate::i18n::Lang::Fi);
        let lines = d.wrap("Tempo-orkesteritoiminta", 40.0, Style::BODY);
        assert_eq!(lines[0], "Tempo-", "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(['-', '\u{ad}']), "{lines:?}");
        }
        assert_eq!(
            lines.concat().replace('\u{ad}', ""),
            "Tempo-orkesteritoiminta"
        );
    }

    #[test]
    fn an_amount_is_never_broken() {
        let mut d = Doc::new();
        let lines = d.wrap(
            "yht. 1\u{a0}250\u{a0}000\u{a0}€ käytetty",
            30.0,
            Style::BODY,
        );
        assert!(
            lines.contains(&"1\u{a0}250\u{a0}000\u{a0}€".to_string()),
            "{lines:?}"
        );
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

/// Whether a word must not be broken across lines: an amount, whose
/// digits, no-break spaces and currency sign read as one (`1 234 567 €`).
fn unbreakable(word: &str) -> bool {
    word.contains('€')
        && word.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '€' | ',' | '.' | '-' | '+' | '\u{a0}' | '\u{202f}')
        })
}

/// The hyphenation patterns of each language, loaded once on first use
/// (`None` should a dictionary not load: words are then cut by width).
fn dictionary(lang: crate::i18n::Lang) -> Option<&'static hyphenation::Standard> {
    use hyphenation::{Language, Load, Standard};
    use std::sync::OnceLock;
    static DICTIONARIES: OnceLock<[Option<Standard>; 3]> = OnceLock::new();
    DICTIONARIES.get_or_init(|| {
        crate::i18n::Lang::ALL.map(|l| {
            let language = match l {
                crate::i18n::Lang::Fi => Language::Finnish,
                crate::i18n::Lang::Sv => Language::Swedish,
                crate::i18n::Lang::En => Language::EnglishUS,
            };
            Standard::from_embedded(language).ok()
        })
    })[lang.index()]
    .as_ref()
}
