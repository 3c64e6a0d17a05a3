//! xlsb cells in the short record form ([MS-XLSB] 2.5.10 ShortCell:
//! `BrtShortBlank` … `BrtShortIsst`, record types 12–18), which carry no
//! column: the cell stands one column right of the cell before it in its
//! row. Excel writes the full form (2.5.9 Cell, with the column), but
//! SheetJS writes the short form for every cell after a row's first, and
//! calamine reads only the full form: such a sheet read one column wide,
//! every other cell missing. Each short record is rewritten here as its
//! full form, with the column it implies, in a copy of the package that
//! calamine then reads; a package without one is read as it is.

use std::io::{Cursor, Read, Write};

use super::super::{Damage, Limits, Unreadable};

/// The package with its worksheets' short cell records made full ones;
/// `None` where no worksheet holds one (nearly every file: only the
/// worksheet parts are looked at).
pub(super) fn expanded(bytes: &[u8], limits: &Limits) -> Result<Option<Vec<u8>>, Unreadable> {
    let damaged = |e: zip::result::ZipError| Unreadable::corrupt(Damage::Package, e);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(zip.len());
    let mut any = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(damaged)?;
        let name = entry.name().map_err(damaged)?.to_string();
        let mut data = Vec::new();
        (&mut entry)
            .take(limits.max_unpacked_bytes)
            .read_to_end(&mut data)
            .map_err(|e| Unreadable::corrupt(Damage::Package, e))?;
        if name.starts_with("xl/worksheets/")
            && name.ends_with(".bin")
            && let Some(full) = full_records(&data)
        {
            any = true;
            data = full;
        }
        parts.push((name, data));
    }
    if !any {
        return Ok(None);
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for (name, data) in parts {
        out.start_file(name, options).map_err(damaged)?;
        out.write_all(&data)
            .map_err(|e| Unreadable::corrupt(Damage::Package, e))?;
    }
    Ok(Some(out.finish().map_err(damaged)?.into_inner()))
}

/// A worksheet part's records with each short cell record made the full
/// one; `None` where it has none (or its records are cut short: calamine
/// then says so itself).
fn full_records(part: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(part.len() + part.len() / 4);
    let (mut i, mut col, mut any) = (0, 0u32, false);
    while i < part.len() {
        let (typ, after_type) = varint(part, i, 2)?;
        let (len, body_at) = varint(part, after_type, 4)?;
        let body = part.get(body_at..body_at + len as usize)?;
        match typ {
            // BrtCellBlank … BrtFmlaError: a full cell, its column first.
            1..=11 => {
                col = u32::from_le_bytes(body.get(..4)?.try_into().ok()?);
                out.extend_from_slice(&part[i..body_at + body.len()]);
            }
            // BrtShortBlank … BrtShortIsst: the full form is 11 less.
            12..=18 => {
                any = true;
                col = col.checked_add(1)?;
                push_varint(&mut out, typ - 11);
                push_varint(&mut out, len + 4);
                out.extend_from_slice(&col.to_le_bytes());
                out.extend_from_slice(body);
            }
            _ => out.extend_from_slice(&part[i..body_at + body.len()]),
        }
        i = body_at + body.len();
    }
    any.then_some(out)
}

/// A record's type (at most 2 bytes) or size (at most 4) at `at`: 7 bits a
/// byte, low first, the high bit saying another byte follows. The value
/// and where it ends.
pub(super) fn varint(bytes: &[u8], at: usize, most: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for k in 0..most {
        let b = *bytes.get(at + k)?;
        value |= u32::from(b & 0x7F) << (7 * k);
        if b & 0x80 == 0 {
            return Some((value, at + k + 1));
        }
    }
    None
}

fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_cell_is_the_full_one_a_column_right() {
        // BrtCellSt at column 2, then BrtShortReal (16) and BrtShortRk (13).
        let mut part = vec![0x06, 12, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
        part.extend([0x10, 12, 0, 0, 0, 0]);
        part.extend(1.5f64.to_le_bytes());
        part.extend([0x0D, 8, 0, 0, 0, 0, 6, 0, 0, 0]);
        let full = full_records(&part).unwrap();
        let mut expected = part[..14].to_vec();
        expected.extend([0x05, 16, 3, 0, 0, 0, 0, 0, 0, 0]);
        expected.extend(1.5f64.to_le_bytes());
        expected.extend([0x02, 12, 4, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0]);
        assert_eq!(full, expected);
        assert_eq!(full_records(&part[..14]), None);
        // A size of 200 takes two bytes.
        let mut v = Vec::new();
        push_varint(&mut v, 200);
        assert_eq!(varint(&v, 0, 4), Some((200, 2)));
    }
}
