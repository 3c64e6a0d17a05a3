//! The report's file: lopdf's objects (the pages, fonts, annotations,
//! metadata and bookmarks) written as lopdf's own writer writes them, and
//! objects kooste has already serialised (the structure tree's elements and
//! its parent tree, a hundred thousand and more in a long report) packed
//! into compressed object streams (ISO 32000-1 §7.5.7), all found through a
//! cross-reference stream (§7.5.8). PDF/A-2 allows both (ISO 19005-2 is
//! based on PDF 1.7; only PDF/A-1 forbade them).
//!
//! Why not lopdf's writer: it writes every object it holds, so each
//! element would first be made a lopdf `Object` (a dictionary on the heap
//! with its keys and values), which with the writing itself was a third of
//! a long report's time; its own object streams are made of such objects
//! too, one after another (twice the time, README, Performance).

use std::io::{self, Write};

use lopdf::{Dictionary, Object, StringFormat};
use rayon::prelude::*;

use super::serialise::{HEX, name_only};

/// Objects per object stream: large enough that the streams' own
/// dictionaries and the deflate state's setting up are a small part, small
/// enough that a reader that needs one element inflates a few kilobytes.
const PER_STREAM: usize = 400;

/// Objects already serialised, numbered from `first` on, each one's bytes
/// after the previous one's.
#[derive(Debug, Default)]
pub struct Packed {
    first: u32,
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Packed {
    /// No objects yet; the first will be number `first`, and about
    /// `bytes` bytes are expected in all.
    pub fn new(first: u32, bytes: usize) -> Packed {
        Packed {
            first,
            bytes: Vec::with_capacity(bytes),
            ends: Vec::new(),
        }
    }

    /// The number of the next object pushed.
    pub fn next_id(&self) -> u32 {
        self.first + self.ends.len() as u32
    }

    /// Appends the object that `write` serialises; returns its number.
    pub fn push(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> u32 {
        let id = self.next_id();
        write(&mut self.bytes);
        self.ends.push(self.bytes.len());
        id
    }

    /// Which objects (by index) the `k`th object stream holds.
    fn stream(&self, k: usize) -> std::ops::Range<usize> {
        (k * PER_STREAM)..((k + 1) * PER_STREAM).min(self.ends.len())
    }

    /// The bytes of the `i`th object.
    fn object(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// Where the cross-reference stream finds an object.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    /// No object of that number.
    Free,
    /// At a byte offset in the file, with its generation.
    At(usize, u16),
    /// The `index`th object of the object stream numbered `stream`.
    In(u32, u16),
}

/// Writes `doc`'s objects, then `packed`'s in object streams, then the
/// cross-reference stream with `doc`'s trailer entries (the catalog, the
/// document information, the ID) to `out`.
pub fn save(doc: &lopdf::Document, packed: &Packed, out: &mut impl Write) -> io::Result<()> {
    let streams = object_streams(packed);
    let last_packed = packed.next_id().saturating_sub(1);
    let last_object = doc.objects.keys().next_back().map_or(0, |(id, _)| *id);
    let first_stream = doc.max_id.max(last_object).max(last_packed) + 1;
    // The object streams, then the cross-reference stream, take the
    // numbers after every other object's.
    let xref_id = first_stream + streams.len() as u32;
    let mut xref = vec![Entry::Free; xref_id as usize + 1];
    let mut w = Counting { out, at: 0 };
    w.write_all(b"%PDF-")?;
    w.write_all(doc.version.as_bytes())?;
    // The binary comment PDF/A asks for (ISO 19005-2 §6.1.2), as lopdf
    // writes it.
    w.write_all(b"\n%")?;
    w.write_all(&doc.binary_mark)?;
    w.write_all(b"\n")?;
    let mut buf = Vec::new();
    for (&(id, generation), object) in &doc.objects {
        xref[id as usize] = Entry::At(w.at, generation);
        buf.clear();
        indirect(&mut buf, id, generation, object);
        w.write_all(&buf)?;
    }
    for (k, stream) in streams.iter().enumerate() {
        let id = first_stream + k as u32;
        xref[id as usize] = Entry::At(w.at, 0);
        buf.clear();
        push_u32(&mut buf, id);
        buf.extend_from_slice(b" 0 obj\n");
        w.write_all(&buf)?;
        w.write_all(stream)?;
        w.write_all(b"\nendobj\n")?;
        for (index, i) in packed.stream(k).enumerate() {
            xref[packed.first as usize + i] = Entry::In(id, index as u16);
        }
    }
    let start = w.at;
    xref[xref_id as usize] = Entry::At(start, 0);
    buf.clear();
    xref_stream(&mut buf, xref_id, &xref, &doc.trailer);
    w.write_all(&buf)?;
    write!(w, "\nstartxref\n{start}\n%%EOF")
}

/// Each object stream's dictionary and stream, `PER_STREAM` objects of
/// `packed` in each, made and deflated on every core.
fn object_streams(packed: &Packed) -> Vec<Vec<u8>> {
    let count = packed.ends.len().div_ceil(PER_STREAM);
    (0..count)
        .into_par_iter()
        .map(|k| {
            let objects = packed.stream(k);
            // The pairs of object number and offset, then the objects, each
            // on a line of its own.
            let (mut pairs, mut body) = (Vec::new(), Vec::new());
            for i in objects.clone() {
                push_u32(&mut pairs, packed.first + i as u32);
                pairs.push(b' ');
                push_u32(&mut pairs, body.len() as u32);
                pairs.push(b' ');
                body.extend_from_slice(packed.object(i));
                body.push(b'\n');
            }
            let first = pairs.len();
            pairs.extend_from_slice(&body);
            let mut dict = b"<</Type/ObjStm/N ".to_vec();
            push_u32(&mut dict, objects.len() as u32);
            dict.extend_from_slice(b"/First ");
            push_u32(&mut dict, first as u32);
            stream(dict, pairs, super::layout::deflate_fast)
        })
        .collect()
}

/// The cross-reference stream (ISO 32000-1 §7.5.8) numbered `id` with its
/// `entries`, also the trailer: `trailer`'s entries are its dictionary's.
fn xref_stream(out: &mut Vec<u8>, id: u32, entries: &[Entry], trailer: &Dictionary) {
    let largest = entries.iter().fold(0, |m, e| match *e {
        Entry::Free => m,
        Entry::At(offset, _) => m.max(offset),
        Entry::In(stream, _) => m.max(stream as usize),
    });
    // As few bytes for the offsets and numbers as they need.
    let width = (1..8).find(|w| largest >> (8 * w) == 0).unwrap_or(8);
    let mut rows = Vec::with_capacity(entries.len() * (width + 3));
    for (n, entry) in entries.iter().enumerate() {
        let (kind, field, last) = match *entry {
            // The head of the free list (ISO 32000-1 §7.5.4), then numbers
            // no object has.
            Entry::Free if n == 0 => (0, 0, 65535),
            Entry::Free => (0, 0, 0),
            Entry::At(offset, generation) => (1, offset, generation),
            Entry::In(stream, index) => (2, stream as usize, index),
        };
        rows.push(kind);
        rows.extend_from_slice(&field.to_be_bytes()[8 - width..]);
        rows.extend_from_slice(&last.to_be_bytes());
    }
    let mut dict = b"<<".to_vec();
    for (key, value) in trailer {
        // The entries a cross-reference stream states itself, and those of
        // an earlier file's.
        const OWN: [&[u8]; 9] = [
            b"Size",
            b"Prev",
            b"XRefStm",
            b"Type",
            b"W",
            b"Index",
            b"Filter",
            b"DecodeParms",
            b"Length",
        ];
        if OWN.contains(&key.as_slice()) {
            continue;
        }
        name_only(&mut dict, key);
        value_after_key(&mut dict, value);
    }
    dict.extend_from_slice(b"/Type/XRef/Size ");
    push_u32(&mut dict, entries.len() as u32);
    dict.extend_from_slice(format!("/W[1 {width} 2]").as_bytes());
    push_u32(out, id);
    out.extend_from_slice(b" 0 obj\n");
    out.extend_from_slice(&stream(dict, rows, super::layout::deflate));
    out.extend_from_slice(b"\nendobj\n");
}

/// A stream of `content`, deflated by `deflate` where that makes it
/// smaller, with `dict`'s entries so far (left open, `<<…`) and its
/// /Filter and /Length.
fn stream(mut dict: Vec<u8>, content: Vec<u8>, deflate: fn(&[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    let content = match deflate(&content) {
        Some(deflated) => {
            dict.extend_from_slice(b"/Filter/FlateDecode");
            deflated
        }
        None => content,
    };
    dict.extend_from_slice(b"/Length ");
    push_u32(&mut dict, content.len() as u32);
    dict.extend_from_slice(b">>stream\n");
    dict.extend_from_slice(&content);
    dict.extend_from_slice(b"\nendstream");
    dict
}

/// Counts the bytes written, for the cross-reference offsets.
struct Counting<'a, W: Write> {
    out: &'a mut W,
    at: usize,
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.at += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `id gen obj`, the object and `endobj`, spaced as lopdf spaces them.
fn indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object) {
    push_u32(out, id);
    out.push(b' ');
    push_u32(out, u32::from(generation));
    out.extend_from_slice(b" obj\n");
    if needs_space(object) {
        out.push(b' ');
    }
    push_object(out, object);
    // lopdf ends numbers, names, references and streams with a space.
    if needs_space(object) || matches!(object, Object::Name(_) | Object::Stream(_)) {
        out.push(b' ');
    }
    out.extend_from_slice(b"\nendobj\n");
}

/// Whether lopdf writes a space before `object` after a key or another
/// array item: where it would otherwise run into what is before it.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// A dictionary value after its key.
fn value_after_key(out: &mut Vec<u8>, value: &Object) {
    if needs_space(value) {
        out.push(b' ');
    }
    push_object(out, value);
}

/// `object` as lopdf writes it (ISO 32000-1 §7.3).
pub fn push_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(v) => push_i64(out, *v),
        Object::Real(v) => crate::text::push_f32(out, *v),
        Object::Name(name) => name_only(out, name),
        Object::String(text, format) => push_string(out, text, *format),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                push_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => push_dictionary(out, dict),
        Object::Stream(stream) => {
            push_dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => push_reference(out, *id, *generation),
    }
}

fn push_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        name_only(out, key);
        value_after_key(out, value);
    }
    out.extend_from_slice(b">>");
}

/// `id gen R`.
pub fn push_reference(out: &mut Vec<u8>, id: u32, generation: u16) {
    push_u32(out, id);
    out.push(b' ');
    push_u32(out, u32::from(generation));
    out.extend_from_slice(b" R");
}

/// A string as lopdf writes it: literal, with backslashes, carriage
/// returns and unbalanced parentheses escaped, or in upper-case hex.
fn push_string(out: &mut Vec<u8>, text: &[u8], format: StringFormat) {
    if format == StringFormat::Hexadecimal {
        out.push(b'<');
        for &b in text {
            out.extend_from_slice(&HEX[usize::from(b)]);
        }
        out.push(b'>');
        return;
    }
    // Which bytes take a backslash: a `)` without its `(`, a `(` never
    // closed, every `\` and carriage return.
    let mut escaped = vec![false; text.len()];
    let mut open = Vec::new();
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' if open.pop().is_none() => escaped[i] = true,
            b'\\' | b'\r' => escaped[i] = true,
            _ => {}
        }
    }
    for i in open {
        escaped[i] = true;
    }
    out.push(b'(');
    for (&b, escape) in text.iter().zip(escaped) {
        if escape {
            out.push(b'\\');
        }
        out.push(if escape && b == b'\r' { b'r' } else { b });
    }
    out.push(b')');
}

/// `v` in decimal.
pub fn push_u32(out: &mut Vec<u8>, v: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut v = v;
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn push_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    match u32::try_from(v.unsigned_abs()) {
        Ok(small) => push_u32(out, small),
        Err(_) => out.extend_from_slice(v.unsigned_abs().to_string().as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of every kind of object, with generations other than 0.
    fn doc() -> lopdf::Document {
        let mut doc = lopdf::Document::with_version("1.7");
        // lopdf's table, whose start ends the comparison.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Catalog".to_vec()));
        dict.set("N", Object::Integer(-12_345_678_901));
        dict.set("R", Object::Real(0.1));
        dict.set("Odd", Object::Name(b"a b#(c)".to_vec()));
        let strings = [
            Object::String(b"plain".to_vec(), StringFormat::Literal),
            Object::String(b"(un)balanced) \\ \r (".to_vec(), StringFormat::Literal),
            Object::String(vec![0xfe, 0xff, 0, b'a'], StringFormat::Hexadecimal),
        ];
        dict.set("S", Object::Array(strings.to_vec()));
        let mixed = [
            Object::Null,
            Object::Boolean(true),
            Object::Reference((3, 2)),
        ];
        dict.set("A", Object::Array(mixed.to_vec()));
        doc.objects.insert((1, 0), Object::Dictionary(dict));
        doc.objects.insert((2, 0), Object::Integer(7));
        let stream = lopdf::Stream::new(Dictionary::new(), b"0 0 m".to_vec());
        doc.objects.insert((3, 2), Object::Stream(stream));
        doc.objects.insert((5, 0), Object::Name(b"N".to_vec()));
        doc.max_id = 5;
        doc.trailer.set("Root", Object::Reference((1, 0)));
        doc
    }

    /// lopdf's objects are written byte for byte as lopdf writes them.
    #[test]
    fn objects_are_written_as_lopdf_writes_them() {
        let mut doc = doc();
        let mut theirs = Vec::new();
        doc.save_to(&mut theirs).unwrap();
        let mut ours = Vec::new();
        save(&doc, &Packed::new(6, 0), &mut ours).unwrap();
        // Up to lopdf's cross-reference table.
        let at = theirs.windows(5).position(|w| w == b"xref\n").unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours[..at]),
            String::from_utf8_lossy(&theirs[..at])
        );
    }

    /// The packed objects are found in their object streams, the others at
    /// their offsets, by lopdf's reader.
    #[test]
    fn packed_objects_are_read_back() {
        let doc = doc();
        let mut packed = Packed::new(6, 0);
        for i in 0..(PER_STREAM as u32 * 2 + 3) {
            packed.push(|out| {
                out.extend_from_slice(b"<</S/P/K ");
                push_u32(out, i);
                out.extend_from_slice(b">>");
            });
        }
        // An integer alone, as the last object of its stream.
        packed.push(|out| push_u32(out, 42));
        let mut file = Vec::new();
        save(&doc, &packed, &mut file).unwrap();
        let back = lopdf::Document::load_mem(&file).unwrap();
        let last = packed.next_id() - 1;
        for id in 6..last {
            let d = back.get_dictionary((id, 0)).unwrap();
            assert_eq!(d.get(b"K").unwrap().as_i64().unwrap(), i64::from(id - 6));
        }
        assert_eq!(back.get_object((last, 0)).unwrap().as_i64().unwrap(), 42);
        assert_eq!(back.get_object((2, 0)).unwrap().as_i64().unwrap(), 7);
        assert!(back.get_object((3, 2)).unwrap().as_stream().is_ok());
        assert!(back.get_object((4, 0)).is_err());
        assert_eq!(
            back.trailer.get(b"Root").unwrap(),
            &Object::Reference((1, 0))
        );
    }
}
