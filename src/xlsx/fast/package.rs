//! Writing the final package: the parts rust_xlsxwriter made, copied still
//! compressed, with the large sheets' data rows spliced in and the measures
//! tables widened.
//!
//! A sheet's rows are made in blocks on rayon's threads; each block is
//! deflated on its own, ending on a byte boundary (a sync flush), so the
//! blocks joined in order are one valid deflate stream, as pigz does. The
//! CRC-32 of the whole part is combined from the blocks'. The zip container
//! is written here because the zip crate cannot take data compressed
//! elsewhere; it is the plain format (no zip64: a part or a package of
//! 4 GiB or more is refused with a message, as rust_xlsxwriter refuses it).

use std::io::{Read, Seek, SeekFrom, Write};

use flate2::{Compress, Compression, FlushCompress, Status};
use zip::{CompressionMethod, ZipArchive};

use super::super::body::{Body, Links};
use super::pipeline::Ordered;
use super::sheetxml::Rows;
use super::tables::Widen;
use crate::error::{PartProblem, SaveError};

/// A block of rows deflated: the bytes, the CRC and length of its XML.
type Block = (Vec<u8>, crc32fast::Hasher, usize);

/// Data rows per block: a few MB of XML, deflated as one piece.
const BLOCK_ROWS: usize = 4096;

thread_local! {
    /// Each thread's XML buffer, kept from block to block: growing a fresh
    /// one for every block copied and page-faulted hundreds of MB at
    /// 200 000 measures.
    static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Writes the package `src` (as rust_xlsxwriter saved it) to `dst`, with
/// each body's rows added to its sheet and the `n`th table part's range
/// replaced by `tables[n - 1]`.
///
/// Every body's blocks are made on rayon's threads in the order they go
/// into the package, while another thread writes the package and takes
/// them in turn: no thread waits at the end of a sheet.
///
/// Fails rather than writing a wrong package if a part is not as expected.
pub(crate) fn assemble<W: Write + Seek + Send>(
    src: &[u8],
    dst: W,
    tables: &[Widen],
    bodies: &[Body],
) -> Result<W, SaveError> {
    let mut zin = ZipArchive::new(std::io::Cursor::new(src))?;
    // Each body's blocks with its column styles, in package order.
    let mut work: Vec<(usize, usize, usize)> = Vec::new();
    let mut styles: Vec<Vec<u32>> = vec![Vec::new(); bodies.len()];
    for i in 0..zin.len() {
        let name = match zin.name_for_index(i) {
            Some(n) => n?.to_string(),
            None => continue,
        };
        let Some(b) = sheet_number(&name).and_then(|n| bodies.iter().position(|b| b.sheet == n))
        else {
            continue;
        };
        styles[b] = column_styles(&read_part(&mut zin, i)?, bodies[b].cols);
        work.extend(
            blocks(bodies[b].rows)
                .into_iter()
                .map(|(first, len)| (b, first, len)),
        );
    }
    let make = |k: usize| {
        let (b, first, len) = work[k];
        make_block(&bodies[b], &styles[b], first, len)
    };
    // A few blocks per thread ahead of the writer: enough that no thread
    // waits for it, few enough to hold little memory.
    let queue: Ordered<Result<Block, SaveError>> =
        Ordered::new(work.len(), 4 * rayon::current_num_threads().max(1));
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            // Done or failed, the writer takes no more blocks.
            let _stop = queue.stop_on_drop();
            write_parts(&mut zin, dst, tables, bodies, &queue)
        });
        queue.make_all(make);
        writer.join().unwrap_or(Err(SaveError::WriterFailed))
    })
}

/// Part `i` of the package as text.
fn read_part(zin: &mut ZipArchive<std::io::Cursor<&[u8]>>, i: usize) -> Result<String, SaveError> {
    let mut xml = String::new();
    zin.by_index(i)?.read_to_string(&mut xml)?;
    Ok(xml)
}

/// The rows `first..first + len` of a body as XML, deflated.
fn make_block(body: &Body, styles: &[u32], first: usize, len: usize) -> Result<Block, SaveError> {
    let mut rows = Rows::new(styles, BUFFER.take());
    for i in first..first + len {
        rows.start(i as u32 + 1);
        (body.write)(i, &mut rows as &mut dyn super::super::body::Cells);
        rows.end();
    }
    let xml = rows.into_bytes();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&xml);
    let z = deflate(&xml, false)?;
    let len = xml.len();
    BUFFER.set(xml);
    Ok((z, crc, len))
}

/// The package's parts written in order, the bodies' blocks taken from
/// `queue` as their sheets come.
fn write_parts<W: Write + Seek>(
    zin: &mut ZipArchive<std::io::Cursor<&[u8]>>,
    dst: W,
    tables: &[Widen],
    bodies: &[Body],
    queue: &Ordered<Result<Block, SaveError>>,
) -> Result<W, SaveError> {
    let mut out = ZipOut::new(dst);
    let (mut tables_done, mut bodies_done) = (0, 0);
    for i in 0..zin.len() {
        let mut part = zin.by_index_raw(i)?;
        let name = part.name()?.to_string();
        let mode = part.unix_mode().unwrap_or(0o100_600);
        let table = table_number(&name).and_then(|n| tables.get(n - 1));
        let body = sheet_number(&name).and_then(|n| bodies.iter().find(|b| b.sheet == n));
        if table.is_none() && body.is_none() {
            let method = match part.compression() {
                CompressionMethod::Stored => 0,
                CompressionMethod::Deflated => 8,
                other => {
                    return Err(SaveError::Part {
                        part: name,
                        problem: PartProblem::Compression(other.to_string()),
                    });
                }
            };
            let (crc, size) = (part.crc32(), part.size());
            out.begin(&name, method, mode)?;
            std::io::copy(&mut part, &mut out)?;
            out.end(crc, size)?;
            continue;
        }
        drop(part);
        let xml = read_part(zin, i)?;
        out.begin(&name, 8, mode)?;
        let mut part = Deflated::default();
        if let Some(w) = table {
            let xml = super::tables::widened(&xml, w).ok_or_else(|| SaveError::Part {
                part: name.clone(),
                problem: PartProblem::NoTableRange(w.placeholder.clone()),
            })?;
            part.push(&mut out, xml.as_bytes(), true)?;
            tables_done += 1;
        } else if let Some(body) = body {
            let (head, tail) = split_sheet(&xml, body).map_err(|problem| SaveError::Part {
                part: name.clone(),
                problem,
            })?;
            part.push(&mut out, head.as_bytes(), false)?;
            for _ in 0..blocks(body.rows).len() {
                let block = queue.take().ok_or(SaveError::MissingBlock)??;
                part.write(&mut out, block)?;
            }
            part.push(&mut out, &tail, true)?;
            bodies_done += 1;
        }
        out.end(part.crc.clone().finalize(), part.len)?;
    }
    if tables_done != tables.len() || bodies_done != bodies.len() {
        return Err(SaveError::MissingParts {
            tables_found: tables_done,
            tables: tables.len(),
            sheets_found: bodies_done,
            sheets: bodies.len(),
        });
    }
    out.finish()
}

/// The sheet's XML up to its rows' end (with the dimension covering the
/// body), and the rest (with the body's links).
fn split_sheet(xml: &str, body: &Body) -> Result<(String, Vec<u8>), PartProblem> {
    let at = xml.find("</sheetData>").ok_or(PartProblem::NoSheetData)?;
    let (head, tail) = xml.split_at(at);
    if !head.contains("<row r=\"1\"") || head.contains("<row r=\"2\"") {
        return Err(PartProblem::NotHeaderOnly);
    }
    let mut head = head.to_string();
    if body.rows > 0 {
        let start = head
            .find("<dimension ref=\"")
            .ok_or(PartProblem::NoDimension)?
            + 16;
        let end = start + head[start..].find('"').ok_or(PartProblem::BadDimension)?;
        let last = crate::text::column_letters(u32::from(body.cols.max(1)) - 1);
        head.replace_range(start..end, &format!("A1:{last}{}", body.rows + 1));
    }
    let mut tail = tail.as_bytes().to_vec();
    if let Some(links) = &body.links {
        // After the sheet protection, before the page margins, as
        // rust_xlsxwriter places them.
        let at = xml_find(&tail, b"<pageMargins").ok_or(PartProblem::NoPageMargins)?;
        let mut more = Vec::new();
        hyperlinks(&mut more, links);
        tail.splice(at..at, more);
    }
    Ok((head, tail))
}

/// `<hyperlinks>` for the links of a body's rows (from row 2), as
/// rust_xlsxwriter writes internal links.
fn hyperlinks(out: &mut Vec<u8>, links: &Links) {
    use std::fmt::Write as _;
    if links.targets.iter().all(Option::is_none) {
        return;
    }
    let col = crate::text::column_letters(u32::from(links.col));
    let mut xml = String::from("<hyperlinks>");
    for (i, target) in links.targets.iter().enumerate() {
        if let Some(target) = target {
            let row = i + 2;
            let _ = write!(
                xml,
                "<hyperlink ref=\"{col}{row}\" location=\"{}\" display=\"{target}\"/>",
                super::super::names::escape_attribute(&links.location(*target))
            );
        }
    }
    xml.push_str("</hyperlinks>");
    out.extend_from_slice(xml.as_bytes());
}

fn xml_find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The style of each of the first `cols` columns, from the sheet's `<cols>`
/// (the column formats, which rust_xlsxwriter also gives a cell written
/// without a format of its own).
fn column_styles(xml: &str, cols: u16) -> Vec<u32> {
    let mut styles = vec![0; usize::from(cols)];
    let Some(start) = xml.find("<cols>") else {
        return styles;
    };
    let end = xml[start..]
        .find("</cols>")
        .map_or(xml.len(), |e| start + e);
    for col in xml[start..end].split("<col ").skip(1) {
        // Every attribute, the first too, after a space.
        let col = format!(" {col}");
        let num = |attr: &str| -> Option<u32> {
            let from = col
                .find(&format!(" {attr}=\""))
                .map(|i| i + attr.len() + 3)?;
            let rest = &col[from..];
            rest[..rest.find('"')?].parse().ok()
        };
        let (Some(min), Some(max)) = (num("min"), num("max")) else {
            continue;
        };
        let style = num("style").unwrap_or(0);
        for c in min.max(1)..=max.min(u32::from(cols)) {
            styles[c as usize - 1] = style;
        }
    }
    styles
}

/// One part being deflated in pieces.
#[derive(Default)]
struct Deflated {
    crc: crc32fast::Hasher,
    len: u64,
}

impl Deflated {
    /// Deflates `data` as the next piece (`last` ends the stream).
    fn push<W: Write + Seek>(
        &mut self,
        out: &mut ZipOut<W>,
        data: &[u8],
        last: bool,
    ) -> Result<(), SaveError> {
        self.crc.update(data);
        self.len += data.len() as u64;
        Ok(out.write_all(&deflate(data, last)?)?)
    }

    /// Writes the next deflated block.
    fn write<W: Write + Seek>(
        &mut self,
        out: &mut ZipOut<W>,
        block: Block,
    ) -> Result<(), SaveError> {
        let (z, crc, len) = block;
        self.crc.combine(&crc);
        self.len += len as u64;
        Ok(out.write_all(&z)?)
    }
}

/// The blocks (first row, rows) `rows` data rows are made in: about
/// [`BLOCK_ROWS`] each, and as many as a multiple of four, so that two or
/// four threads get even shares of a batch. They depend on the rows alone,
/// never on the threads, so the bytes do not either.
fn blocks(rows: usize) -> Vec<(usize, usize)> {
    let count = rows.div_ceil(BLOCK_ROWS).next_multiple_of(4);
    let per = rows.div_ceil(count.max(1)).max(1);
    (0..rows)
        .step_by(per)
        .map(|first| (first, per.min(rows - first)))
        .collect()
}

/// `data` as raw deflate at level 1 (as rust_xlsxwriter's other parts),
/// ending with the final block if `last`, else with a sync flush so that the
/// next piece can follow.
fn deflate(data: &[u8], last: bool) -> Result<Vec<u8>, SaveError> {
    let mut c = Compress::new(Compression::new(1), false);
    let mut out = Vec::with_capacity(data.len() / 4 + 64);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(4096));
        }
        let read = c.total_in() as usize;
        let status = c.compress_vec(&data[read..], &mut out, flush)?;
        let all_in = c.total_in() as usize == data.len();
        match status {
            Status::StreamEnd => return Ok(out),
            _ if !last && all_in && out.len() < out.capacity() => return Ok(out),
            _ => {}
        }
    }
}

/// `n` of `xl/tables/table{n}.xml`.
pub(crate) fn table_number(name: &str) -> Option<usize> {
    name.strip_prefix("xl/tables/table")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

/// `n` of `xl/worksheets/sheet{n}.xml`.
fn sheet_number(name: &str) -> Option<usize> {
    name.strip_prefix("xl/worksheets/sheet")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

/// A zip archive written entry by entry; an entry's CRC and sizes are
/// filled into its local header once its data is written.
struct ZipOut<W: Write + Seek> {
    w: W,
    pos: u64,
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    method: u16,
    mode: u32,
    offset: u32,
    crc: u32,
    compressed: u32,
    size: u32,
}

/// The DOS date of 1980-01-01, the earliest a zip holds (time 00:00);
/// rust_xlsxwriter dates its parts so, which keeps the bytes reproducible.
const DOS_DATE: u16 = (1 << 5) | 1;

/// Limit of the plain zip format's sizes and offsets.
fn small(n: u64, what: &'static str) -> Result<u32, SaveError> {
    u32::try_from(n).map_err(|_| SaveError::TooLarge { what })
}

impl<W: Write + Seek> ZipOut<W> {
    fn new(w: W) -> Self {
        ZipOut {
            w,
            pos: 0,
            entries: Vec::new(),
        }
    }

    fn begin(&mut self, name: &str, method: u16, mode: u32) -> Result<(), SaveError> {
        let offset = small(self.pos, "size")?;
        self.entries.push(Entry {
            name: name.to_string(),
            method,
            mode,
            offset,
            crc: 0,
            compressed: 0,
            size: 0,
        });
        let e = self.entries.last().expect("just pushed");
        let header = local_header(e);
        Ok(self.write_all(&header)?)
    }

    /// Ends the entry begun last, whose data is everything written since
    /// its header.
    fn end(&mut self, crc: u32, size: u64) -> Result<(), SaveError> {
        let pos = self.pos;
        let e = self.entries.last_mut().ok_or(SaveError::NoEntry)?;
        let data_start = u64::from(e.offset) + 30 + e.name.len() as u64;
        e.crc = crc;
        e.compressed = small(pos - data_start, "part size")?;
        e.size = small(size, "part size")?;
        let header = local_header(e);
        self.w.seek(SeekFrom::Start(u64::from(e.offset)))?;
        self.w.write_all(&header)?;
        self.w.seek(SeekFrom::Start(pos))?;
        Ok(())
    }

    fn finish(mut self) -> Result<W, SaveError> {
        let start = small(self.pos, "size")?;
        let mut dir = Vec::new();
        for e in &self.entries {
            dir.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            // Made by: Unix (3), spec 2.0 — so readers take the mode.
            dir.extend_from_slice(&((3u16 << 8) | 20).to_le_bytes());
            dir.extend_from_slice(&fixed_fields(e));
            dir.extend_from_slice(&[0; 2]); // comment length
            dir.extend_from_slice(&[0; 2]); // disk
            dir.extend_from_slice(&[0; 2]); // internal attributes
            dir.extend_from_slice(&(e.mode << 16).to_le_bytes());
            dir.extend_from_slice(&e.offset.to_le_bytes());
            dir.extend_from_slice(e.name.as_bytes());
        }
        let count = u16::try_from(self.entries.len()).map_err(|_| SaveError::TooManyParts)?;
        let size = small(dir.len() as u64, "size")?;
        let mut end = Vec::new();
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]); // disk numbers
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&size.to_le_bytes());
        end.extend_from_slice(&start.to_le_bytes());
        end.extend_from_slice(&[0; 2]); // comment length
        dir.extend_from_slice(&end);
        self.write_all(&dir)?;
        small(self.pos, "size")?;
        self.w.flush()?;
        Ok(self.w)
    }
}

impl<W: Write + Seek> Write for ZipOut<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.w.write(buf)?;
        self.pos += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// Version needed, flags, method, time, date, CRC, sizes, name and extra
/// lengths: the fields the local and central headers share.
fn fixed_fields(e: &Entry) -> Vec<u8> {
    let mut f = Vec::with_capacity(26);
    f.extend_from_slice(&20u16.to_le_bytes());
    let utf8: u16 = if e.name.is_ascii() { 0 } else { 1 << 11 };
    f.extend_from_slice(&utf8.to_le_bytes());
    f.extend_from_slice(&e.method.to_le_bytes());
    f.extend_from_slice(&0u16.to_le_bytes());
    f.extend_from_slice(&DOS_DATE.to_le_bytes());
    f.extend_from_slice(&e.crc.to_le_bytes());
    f.extend_from_slice(&e.compressed.to_le_bytes());
    f.extend_from_slice(&e.size.to_le_bytes());
    f.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
    f.extend_from_slice(&0u16.to_le_bytes());
    f
}

fn local_header(e: &Entry) -> Vec<u8> {
    let mut h = Vec::with_capacity(30 + e.name.len());
    h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    h.extend_from_slice(&fixed_fields(e));
    h.extend_from_slice(e.name.as_bytes());
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_deflated_apart_inflate_as_one() {
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("<row r=\"{i}\"><c><v>{}</v></c></row>", i * 7).into_bytes())
            .collect();
        let mut z = Vec::new();
        let mut crc = crc32fast::Hasher::new();
        let pieces: Vec<&[u8]> = text.chunks(333_333).collect();
        for (k, p) in pieces.iter().enumerate() {
            z.extend(deflate(p, k == pieces.len() - 1).unwrap());
            let mut c = crc32fast::Hasher::new();
            c.update(p);
            crc.combine(&c);
        }
        let mut back = Vec::new();
        flate2::read::DeflateDecoder::new(&z[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text);
        assert_eq!(crc.finalize(), crc32fast::hash(&text));
        // An empty last piece ends the stream too.
        let mut z = deflate(b"abc", false).unwrap();
        z.extend(deflate(b"", true).unwrap());
        let mut back = Vec::new();
        flate2::read::DeflateDecoder::new(&z[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, b"abc");
    }

    #[test]
    fn blocks_cover_the_rows_in_even_sets_of_four() {
        for rows in [0, 1, 5, 4096, 4097, 200_000, 1_048_575] {
            let b = blocks(rows);
            assert_eq!(b.iter().map(|x| x.1).sum::<usize>(), rows, "{rows}");
            let mut next = 0;
            for &(first, len) in &b {
                assert_eq!(first, next);
                assert!(len > 0 && len <= BLOCK_ROWS);
                next = first + len;
            }
        }
        assert_eq!(blocks(200_000).len(), 52);
        assert_eq!(blocks(10_000).len(), 4);
    }

    #[test]
    fn parts_are_named_by_number() {
        assert_eq!(table_number("xl/tables/table12.xml"), Some(12));
        assert_eq!(table_number("xl/tables/_rels/table1.xml.rels"), None);
        assert_eq!(sheet_number("xl/worksheets/sheet3.xml"), Some(3));
        assert_eq!(sheet_number("xl/worksheets/_rels/sheet3.xml.rels"), None);
    }

    #[test]
    fn column_styles_come_from_the_cols_element() {
        let xml = r#"<cols><col min="1" max="3" width="9" customWidth="1"/><col min="4" max="4" width="50" style="1" customWidth="1"/><col min="8" max="9" width="14" style="2" customWidth="1"/></cols>"#;
        assert_eq!(column_styles(xml, 10), [0, 0, 0, 1, 0, 0, 0, 2, 2, 0]);
        assert_eq!(column_styles("<sheetData/>", 2), [0, 0]);
    }
}
