//! The report's logical structure: a tree of standard structure elements
//! (ISO 32000-1 §14.8.4) built while the pages are laid out, whose leaves
//! are the pages' marked-content sequences (by MCID) and the link
//! annotations, written as the structure tree, its parent tree and the
//! pages' and annotations' back references: the root and the back
//! references into the lopdf document, the elements and the parent tree
//! serialised here, for the file's object streams.
//!
//! PDF/UA-1 (ISO 14289-1 §7.1) asks that all real content be tagged in
//! reading order and everything else be an artifact; PDF/A-2 level A
//! (ISO 19005-2 §6.8) asks for the same logical structure.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::file::{Packed, push_object, push_reference, push_u32};
use super::serialise::name_only;

/// A standard structure type (ISO 32000-1 §14.8.4), so no role map is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// The whole document.
    Document,
    /// A section of the report.
    Sect,
    /// Headings, by level (§14.8.4.3.2; ISO 14289-1 §7.4.2: no level skipped).
    H1,
    /// Second level heading.
    H2,
    /// Third level heading.
    H3,
    /// A paragraph.
    P,
    /// A list, its items, their labels and bodies (§14.8.4.3.3).
    L,
    /// A list item.
    LI,
    /// A list item's label (the bullet).
    Lbl,
    /// A list item's text.
    LBody,
    /// A table and its parts (§14.8.4.3.4; ISO 14289-1 §7.5).
    Table,
    /// The header rows of a table.
    THead,
    /// The body rows of a table.
    TBody,
    /// A table row.
    TR,
    /// A header cell; carries a Scope attribute.
    TH,
    /// A data cell.
    TD,
    /// A chart; carries alternative text (ISO 14289-1 §7.3; WCAG 2.1 SC 1.1.1).
    Figure,
    /// The contents list and its items.
    TOC,
    /// An item of the contents list.
    TOCI,
    /// A link: its text and its annotation (ISO 14289-1 §7.18.5).
    Link,
}

impl Tag {
    fn name(self) -> &'static str {
        match self {
            Tag::Document => "Document",
            Tag::Sect => "Sect",
            Tag::H1 => "H1",
            Tag::H2 => "H2",
            Tag::H3 => "H3",
            Tag::P => "P",
            Tag::L => "L",
            Tag::LI => "LI",
            Tag::Lbl => "Lbl",
            Tag::LBody => "LBody",
            Tag::Table => "Table",
            Tag::THead => "THead",
            Tag::TBody => "TBody",
            Tag::TR => "TR",
            Tag::TH => "TH",
            Tag::TD => "TD",
            Tag::Figure => "Figure",
            Tag::TOC => "TOC",
            Tag::TOCI => "TOCI",
            Tag::Link => "Link",
        }
    }

    /// The tag's name in content streams (`/P <</MCID 0>> BDC`).
    pub fn marked_name(self) -> &'static str {
        self.name()
    }

    /// A heading of `level` 1–3.
    pub fn heading(level: u8) -> Tag {
        match level {
            0 | 1 => Tag::H1,
            2 => Tag::H2,
            _ => Tag::H3,
        }
    }
}

/// Which cells a header cell heads (ISO 14289-1 §7.5: header cells shall
/// be determinable; the Table attribute Scope, ISO 32000-1 §14.8.5.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The cells below it.
    Column,
    /// The cells beside it.
    Row,
}

/// Index of an element in [`Tree::nodes`].
pub type NodeId = usize;

/// What an element holds, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    /// Another element.
    Node(NodeId),
    /// A marked-content sequence of a page (0-based) by its MCID.
    Marked {
        /// Page index.
        page: usize,
        /// The sequence's MCID on that page.
        mcid: u32,
    },
    /// A link annotation, by its index among the document's links.
    Annot(usize),
}

/// One structure element.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its type.
    pub tag: Tag,
    /// Its parent (the document element is its own).
    pub parent: NodeId,
    /// Its content and children.
    pub kids: Vec<Kid>,
    /// Alternative text.
    pub alt: Option<String>,
    /// For header cells.
    pub scope: Option<Scope>,
}

/// The structure tree being built; node 0 is the document element.
#[derive(Debug, Clone)]
pub struct Tree {
    /// Every element; children follow their parents.
    pub nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

impl Tree {
    /// A tree holding only the document element.
    pub fn new() -> Tree {
        Tree {
            nodes: vec![Node {
                tag: Tag::Document,
                parent: 0,
                kids: Vec::new(),
                alt: None,
                scope: None,
            }],
        }
    }

    /// Adds an element of `tag` as the last child of `parent`.
    pub fn add(&mut self, parent: NodeId, tag: Tag) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            tag,
            parent,
            kids: Vec::new(),
            alt: None,
            scope: None,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }

    /// Kinds present, for tests.
    pub fn has(&self, tag: Tag) -> bool {
        self.nodes.iter().any(|n| n.tag == tag)
    }
}

/// A PDF text string (ISO 32000-1 §7.9.2.2): PDFDocEncoding-compatible
/// ASCII as it is, anything else as UTF-16BE with a byte order mark.
pub fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Where the links are: for each link (in [`Kid::Annot`]'s numbering), its
/// page and its description (the annotation's /Contents, ISO 14289-1
/// §7.18.5).
pub struct Links<'a> {
    /// (page, description) per link, in the order they were added to the
    /// pages (which is the order of each page's /Annots).
    pub links: &'a [(usize, String)],
}

/// The annotation of each link (in [`Kid::Annot`]'s numbering) and its key
/// in the parent tree, if it has one.
type Annots = Vec<Option<(ObjectId, i64)>>;

/// Writes `tree` into `doc`: the structure tree root, /StructParents on
/// each page with tagged content, /StructParent, /Contents and the print
/// flag on each link annotation (made indirect objects so the Link
/// elements can name them), and /Tabs /S on pages with annotations (ISO
/// 14289-1 §7.18.3). The elements and the parent tree, a hundred thousand
/// objects and more in a long report, are returned serialised instead,
/// numbered as the root names them, for the file's object streams
/// ([`super::file`]).
pub fn write(doc: &mut lopdf::Document, tree: &Tree, links: Links) -> Result<Packed, lopdf::Error> {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let (annots, next_key) = link_annotations(doc, &pages, &links)?;
    // Object ids: the root, then one per element, then the parent tree.
    let root_id = doc.new_object_id();
    let first = doc.max_id + 1;
    doc.max_id += tree.nodes.len() as u32 + 1;
    let mut elements = Elements {
        pages: &pages,
        links: links.links,
        annots: &annots,
        first,
        root: root_id,
        mcid_parents: vec![Vec::new(); pages.len()],
        annot_parents: Vec::new(),
        kids: Vec::new(),
    };
    // Some 40 bytes an element.
    let mut packed = Packed::new(first, 48 * tree.nodes.len());
    for (n, node) in tree.nodes.iter().enumerate() {
        packed.push(|out| elements.element(out, n, node));
    }
    let parent_tree = packed.push(|out| elements.parent_tree(out));
    for (p, list) in elements.mcid_parents.iter().enumerate() {
        if !list.is_empty() {
            doc.get_dictionary_mut(pages[p])?
                .set("StructParents", Object::Integer(p as i64));
        }
    }
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Array(vec![Object::Reference((first, 0))]));
    root.set("ParentTree", Object::Reference((parent_tree, 0)));
    root.set("ParentTreeNextKey", Object::Integer(next_key));
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark = Dictionary::new();
    mark.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark));
    Ok(packed)
}

/// Makes each link's annotation an indirect object with its description,
/// page, print flag and key in the parent tree (the keys after the pages'
/// own), and sets /Tabs /S on the pages with annotations. Returns each
/// link's annotation and key, and the next key.
fn link_annotations(
    doc: &mut lopdf::Document,
    pages: &[ObjectId],
    links: &Links,
) -> Result<(Annots, i64), lopdf::Error> {
    let mut next_key = pages.len() as i64;
    // Link index of each annotation: links are numbered page by page in
    // the order of the pages' /Annots.
    let mut by_page: Vec<Vec<(usize, &str)>> = vec![Vec::new(); pages.len()];
    for (i, (page, text)) in links.links.iter().enumerate() {
        if let Some(list) = by_page.get_mut(*page) {
            list.push((i, text.as_str()));
        }
    }
    let mut annots: Annots = vec![None; links.links.len()];
    for (p, page_id) in pages.iter().enumerate() {
        let arr = match doc.get_dictionary(*page_id)?.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            _ => continue,
        };
        let mut refs = Vec::with_capacity(arr.len());
        for (k, item) in arr.into_iter().enumerate() {
            let Object::Dictionary(mut d) = item else {
                refs.push(item);
                continue;
            };
            d.set("F", Object::Integer(4));
            d.set("P", Object::Reference(*page_id));
            if let Some(&(link, text)) = by_page[p].get(k) {
                d.set("Contents", text_string(text));
                d.set("StructParent", Object::Integer(next_key));
                let id = doc.add_object(Object::Dictionary(d));
                annots[link] = Some((id, next_key));
                next_key += 1;
                refs.push(Object::Reference(id));
            } else {
                refs.push(Object::Dictionary(d));
            }
        }
        let page = doc.get_dictionary_mut(*page_id)?;
        page.set("Annots", Object::Array(refs));
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
    Ok((annots, next_key))
}

/// Serialises the structure elements, each as lopdf would write the
/// dictionary of its entries (in the same order), and gathers the parent
/// tree on the way.
struct Elements<'a> {
    /// The pages, by index.
    pages: &'a [ObjectId],
    /// Each link's page and description.
    links: &'a [(usize, String)],
    /// Each link's annotation and key.
    annots: &'a Annots,
    /// The first element's object number; element `n` is `first + n`.
    first: u32,
    /// The structure tree root, the document element's parent.
    root: ObjectId,
    /// For each page, the element of each MCID.
    mcid_parents: Vec<Vec<Option<u32>>>,
    /// The element of each link annotation, by the annotation's key.
    annot_parents: Vec<(i64, u32)>,
    /// The element being written's kids, separated as in an array.
    kids: Vec<u8>,
}

impl Elements<'_> {
    /// Element `n`'s dictionary: /S, /P, /Pg (the page of its first marked
    /// content), /Alt, /A (a header cell's scope) and /K. /Type is optional
    /// (ISO 32000-1 Table 323) and left out: a long report has a hundred
    /// thousand elements.
    fn element(&mut self, out: &mut Vec<u8>, n: NodeId, node: &Node) {
        let pg = node.kids.iter().find_map(|k| match k {
            Kid::Marked { page, .. } => Some(*page),
            _ => None,
        });
        out.extend_from_slice(b"<</S");
        name_only(out, node.tag.name().as_bytes());
        out.extend_from_slice(b"/P ");
        match n {
            0 => push_reference(out, self.root.0, self.root.1),
            _ => push_reference(out, self.first + node.parent as u32, 0),
        }
        if let Some(page) = pg.and_then(|p| self.pages.get(p)) {
            out.extend_from_slice(b"/Pg ");
            push_reference(out, page.0, page.1);
        }
        if let Some(alt) = &node.alt {
            out.extend_from_slice(b"/Alt");
            push_object(out, &text_string(alt));
        }
        if let Some(scope) = node.scope {
            out.extend_from_slice(match scope {
                Scope::Column => b"/A<</O/Table/Scope/Column>>".as_slice(),
                Scope::Row => b"/A<</O/Table/Scope/Row>>",
            });
        }
        self.kids.clear();
        let mut count = 0;
        let mut spaced = false;
        for kid in &node.kids {
            // Integers and references are spaced from what is before them.
            if let Some(space) = self.kid(n, pg, *kid, count > 0) {
                spaced |= count == 0 && space;
                count += 1;
            }
        }
        // A single kid stands alone (ISO 32000-1 Table 323 allows either),
        // as readers that expect `/K 3` for a one-line heading find it.
        out.extend_from_slice(b"/K");
        match count {
            1 if spaced => out.push(b' '),
            1 => {}
            _ => out.push(b'['),
        }
        out.extend_from_slice(&self.kids);
        if count != 1 {
            out.push(b']');
        }
        out.extend_from_slice(b">>");
    }

    /// Writes `kid` of element `n` (whose page is `pg`) after the kids
    /// before it (`after`), and notes it in the parent tree; returns
    /// whether it is spaced from what is before it, or `None` if it was
    /// left out (a page or link that does not exist).
    fn kid(&mut self, n: NodeId, pg: Option<usize>, kid: Kid, after: bool) -> Option<bool> {
        let element = self.first + n as u32;
        let out = &mut self.kids;
        match kid {
            Kid::Node(c) => {
                if after {
                    out.push(b' ');
                }
                push_reference(out, self.first + c as u32, 0);
                Some(true)
            }
            Kid::Marked { page, mcid } => {
                if let Some(list) = self.mcid_parents.get_mut(page) {
                    let at = mcid as usize;
                    if list.len() <= at {
                        list.resize(at + 1, None);
                    }
                    list[at] = Some(element);
                }
                if Some(page) == pg {
                    if after {
                        out.push(b' ');
                    }
                    push_u32(out, mcid);
                    return Some(true);
                }
                let page_id = self.pages.get(page)?;
                out.extend_from_slice(b"<</Type/MCR/Pg ");
                push_reference(out, page_id.0, page_id.1);
                out.extend_from_slice(b"/MCID ");
                push_u32(out, mcid);
                out.extend_from_slice(b">>");
                Some(false)
            }
            Kid::Annot(link) => {
                let &(page, _) = self.links.get(link)?;
                let (annot, key) = (*self.annots.get(link)?)?;
                out.extend_from_slice(b"<</Type/OBJR");
                if let Some(page_id) = self.pages.get(page) {
                    out.extend_from_slice(b"/Pg ");
                    push_reference(out, page_id.0, page_id.1);
                }
                out.extend_from_slice(b"/Obj ");
                push_reference(out, annot.0, annot.1);
                out.extend_from_slice(b">>");
                self.annot_parents.push((key, element));
                Some(false)
            }
        }
    }

    /// The parent tree (ISO 32000-1 §14.7.4.4): a number tree of one node
    /// whose /Nums give, for each page with tagged content, the array of
    /// its MCIDs' elements, and for each link annotation its Link element.
    fn parent_tree(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<</Nums[");
        let mut first = true;
        for (p, list) in self.mcid_parents.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            if !first {
                out.push(b' ');
            }
            first = false;
            push_u32(out, p as u32);
            out.push(b'[');
            for (i, element) in list.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                match element {
                    Some(id) => push_reference(out, *id, 0),
                    None => out.extend_from_slice(b"null"),
                }
            }
            out.push(b']');
        }
        for &(key, element) in &self.annot_parents {
            if !first {
                out.push(b' ');
            }
            first = false;
            push_object(out, &Object::Integer(key));
            out.push(b' ');
            push_reference(out, element, 0);
        }
        out.extend_from_slice(b"]>>");
    }
}
