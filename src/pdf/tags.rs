//! The report's logical structure: a tree of standard structure elements
//! (ISO 32000-1 §14.8.4) built while the pages are laid out, whose leaves
//! are the pages' marked-content sequences (by MCID) and the link
//! annotations, written into the lopdf document as the structure tree,
//! its parent tree and the pages' and annotations' back references.
//!
//! PDF/UA-1 (ISO 14289-1 §7.1) asks that all real content be tagged in
//! reading order and everything else be an artifact; PDF/A-2 level A
//! (ISO 19005-2 §6.8) asks for the same logical structure.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

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

/// Writes `tree` into `doc`: the structure tree root and its elements, the
/// parent tree, /StructParents on each page with tagged content,
/// /StructParent, /Contents and the print flag on each link annotation
/// (made indirect objects so the Link elements can name them), and /Tabs
/// /S on pages with annotations (ISO 14289-1 §7.18.3).
pub fn write(doc: &mut lopdf::Document, tree: &Tree, links: Links) -> Result<(), lopdf::Error> {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    // The annotations, each made an indirect object, in link order.
    let mut annots: Vec<ObjectId> = Vec::with_capacity(links.links.len());
    let mut next_key = pages.len() as i64;
    let mut parent_nums: Vec<(i64, Object)> = Vec::new();
    // Link index of each annotation: links are numbered page by page in
    // the order of the pages' /Annots.
    let mut by_page: Vec<Vec<(usize, &str)>> = vec![Vec::new(); pages.len()];
    for (i, (page, text)) in links.links.iter().enumerate() {
        if let Some(list) = by_page.get_mut(*page) {
            list.push((i, text.as_str()));
        }
    }
    let mut annot_of = vec![(0u32, 0u16); links.links.len()];
    let mut annot_key = vec![0i64; links.links.len()];
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
                annot_key[link] = next_key;
                next_key += 1;
                let id = doc.add_object(Object::Dictionary(d));
                annot_of[link] = id;
                annots.push(id);
                refs.push(Object::Reference(id));
            } else {
                refs.push(Object::Dictionary(d));
            }
        }
        let page = doc.get_dictionary_mut(*page_id)?;
        page.set("Annots", Object::Array(refs));
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
    // Object ids: the root, then one per element.
    let root_id = doc.new_object_id();
    let first = doc.max_id + 1;
    doc.max_id += tree.nodes.len() as u32;
    let id_of = |n: NodeId| (first + n as u32, 0u16);
    // Parent tree: for each page, the element of each MCID.
    let mut mcid_parents: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for (n, node) in tree.nodes.iter().enumerate() {
        let pg = node.kids.iter().find_map(|k| match k {
            Kid::Marked { page, .. } => Some(*page),
            _ => None,
        });
        let mut kids = Vec::with_capacity(node.kids.len());
        for kid in &node.kids {
            match *kid {
                Kid::Node(c) => kids.push(Object::Reference(id_of(c))),
                Kid::Marked { page, mcid } => {
                    if let Some(list) = mcid_parents.get_mut(page) {
                        let at = mcid as usize;
                        if list.len() <= at {
                            list.resize(at + 1, Object::Null);
                        }
                        list[at] = Object::Reference(id_of(n));
                    }
                    if Some(page) == pg {
                        kids.push(Object::Integer(i64::from(mcid)));
                    } else if let Some(page_id) = pages.get(page) {
                        let mut mcr = Dictionary::new();
                        mcr.set("Type", Object::Name(b"MCR".to_vec()));
                        mcr.set("Pg", Object::Reference(*page_id));
                        mcr.set("MCID", Object::Integer(i64::from(mcid)));
                        kids.push(Object::Dictionary(mcr));
                    }
                }
                Kid::Annot(link) => {
                    let (Some(&(page, _)), Some(&annot)) =
                        (links.links.get(link), annot_of.get(link))
                    else {
                        continue;
                    };
                    if annot.0 == 0 {
                        continue;
                    }
                    let mut objr = Dictionary::new();
                    objr.set("Type", Object::Name(b"OBJR".to_vec()));
                    if let Some(page_id) = pages.get(page) {
                        objr.set("Pg", Object::Reference(*page_id));
                    }
                    objr.set("Obj", Object::Reference(annot));
                    kids.push(Object::Dictionary(objr));
                    parent_nums.push((annot_key[link], Object::Reference(id_of(n))));
                }
            }
        }
        // /Type is optional (ISO 32000-1 Table 323) and left out: a long
        // report has a hundred thousand elements.
        // Room for exactly its keys: grown one by one, a dictionary of four
        // keys takes room for seven, over 100 MB in a report of 10 000
        // measures.
        let mut d = Dictionary::new();
        let keys = 3 + [pg.is_some(), node.alt.is_some(), node.scope.is_some()]
            .into_iter()
            .filter(|k| *k)
            .count();
        d.as_hashmap_mut().reserve_exact(keys);
        d.set("S", Object::Name(node.tag.name().as_bytes().to_vec()));
        d.set(
            "P",
            Object::Reference(if n == 0 { root_id } else { id_of(node.parent) }),
        );
        if let Some(page) = pg.and_then(|p| pages.get(p)) {
            d.set("Pg", Object::Reference(*page));
        }
        if let Some(alt) = &node.alt {
            d.set("Alt", text_string(alt));
        }
        if let Some(scope) = node.scope {
            let mut a = Dictionary::new();
            a.set("O", Object::Name(b"Table".to_vec()));
            a.set(
                "Scope",
                Object::Name(match scope {
                    Scope::Column => b"Column".to_vec(),
                    Scope::Row => b"Row".to_vec(),
                }),
            );
            d.set("A", Object::Dictionary(a));
        }
        // A single kid stands alone (ISO 32000-1 Table 323 allows either),
        // as readers that expect `/K 3` for a one-line heading find it.
        match <[Object; 1]>::try_from(kids) {
            Ok([one]) => d.set("K", one),
            Err(kids) => d.set("K", Object::Array(kids)),
        }
        doc.objects.insert(id_of(n), Object::Dictionary(d));
    }
    let mut nums: Vec<Object> = Vec::new();
    for (p, list) in mcid_parents.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        doc.get_dictionary_mut(pages[p])?
            .set("StructParents", Object::Integer(p as i64));
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(list));
    }
    for (key, elem) in parent_nums {
        nums.push(Object::Integer(key));
        nums.push(elem);
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree = doc.add_object(Object::Dictionary(parent_tree));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Array(vec![Object::Reference(id_of(0))]));
    root.set("ParentTree", Object::Reference(parent_tree));
    root.set("ParentTreeNextKey", Object::Integer(next_key));
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark = Dictionary::new();
    mark.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark));
    Ok(())
}
