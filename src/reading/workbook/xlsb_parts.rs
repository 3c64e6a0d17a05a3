//! What calamine does not report of an xlsb sheet, from the sheet's own
//! binary part ([MS-XLSB]): its merged ranges (BrtMergeCell), its hidden
//! columns (BrtColInfo) and rows (BrtRowHdr's fDyZero: hidden by hand or
//! in a collapsed group) and the units its cells' number formats show (BrtFmt, BrtXF and
//! each cell's style), so that a merged department counts in every row it
//! covers, hidden columns and measure rows are named and `0.0" t€"` is
//! `unknown-unit`,
//! as in xlsx, xls and ods.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::xlsb_short::varint;
use crate::reading::grid::RowHidden;
use crate::reading::{FormatUnit, Merged};

/// Most bytes of one part read.
const PART_MAX: u64 = 1 << 30;

/// The merged ranges of sheet `name`; none where the part cannot be read.
pub(super) fn merged(bytes: &[u8], name: &str) -> Vec<Merged> {
    let Some(part) = sheet_part(bytes, name) else {
        return Vec::new();
    };
    let u32_at =
        |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?));
    records(&part)
        .filter(|(typ, _)| *typ == 0xB0)
        .filter_map(|(_, b)| {
            let (r1, r2, c1, c2) = (u32_at(b, 0)?, u32_at(b, 4)?, u32_at(b, 8)?, u32_at(b, 12)?);
            Some(Merged {
                first_row: r1.min(r2),
                first_col: c1.min(c2),
                last_row: r1.max(r2),
                last_col: c1.max(c2),
            })
        })
        .collect()
}

/// The columns and the rows sheet `name` hides, in one pass over its part:
/// BrtColInfo (first and last column at bytes 0 and 4, fHidden the bit 0x01
/// of byte 16) and BrtRowHdr (the row at byte 0, fDyZero the bit 0x10 of
/// byte 11: by hand or in a collapsed group). None where the part cannot
/// be read.
pub(super) fn hidden(bytes: &[u8], name: &str) -> (Vec<(u32, u32)>, BTreeMap<u32, RowHidden>) {
    let (mut columns, mut rows) = (Vec::new(), BTreeMap::new());
    let Some(part) = sheet_part(bytes, name) else {
        return (columns, rows);
    };
    let u32_at =
        |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?));
    for (typ, b) in records(&part) {
        match typ {
            0x3C if b.get(16).is_some_and(|f| f & 0x01 != 0) => {
                if let (Some(first), Some(last)) = (u32_at(b, 0), u32_at(b, 4)) {
                    columns.push((first.min(last), first.max(last)));
                }
            }
            0 if b.get(11).is_some_and(|f| f & 0x10 != 0) => {
                if let Some(row) = u32_at(b, 0) {
                    rows.insert(row, RowHidden::Hidden);
                }
            }
            _ => {}
        }
    }
    (columns, rows)
}

/// The unit each cell's number format shows, by (row, column), where one
/// does (`0.0" t€"`, `#,##0,`, `0%`, `;;;`, `hh:mm`); none where the parts
/// cannot be read.
pub(super) fn format_units(bytes: &[u8], name: &str) -> BTreeMap<(u32, u32), FormatUnit> {
    let mut out = BTreeMap::new();
    let Some(by_xf) = xf_units(bytes) else {
        return out;
    };
    if by_xf.iter().all(Option::is_none) {
        return out;
    }
    let Some(part) = sheet_part(bytes, name) else {
        return out;
    };
    let u32_at =
        |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?));
    let (mut row, mut col) = (0u32, 0u32);
    for (typ, b) in records(&part) {
        // A full cell (1–11) names its column; a short one (12–18) is the
        // next; the style is the low 24 bits after the column.
        let style = match typ {
            0 => {
                row = u32_at(b, 0).unwrap_or(row);
                continue;
            }
            1..=11 => {
                col = u32_at(b, 0).unwrap_or(col);
                u32_at(b, 4)
            }
            12..=18 => {
                col = col.saturating_add(1);
                u32_at(b, 0)
            }
            _ => continue,
        };
        if let Some(unit) =
            style.and_then(|s| by_xf.get((s & 0xFF_FFFF) as usize).cloned().flatten())
        {
            out.insert((row, col), unit);
        }
    }
    out
}

/// The unit of each cell XF (BrtXF between BrtBeginCellXFs and
/// BrtEndCellXFs: its number format at byte 2), from `xl/styles.bin`'s
/// custom formats (BrtFmt: the id, then the code) and the built-in ones.
fn xf_units(bytes: &[u8]) -> Option<Vec<Option<FormatUnit>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let styles = read(&mut zip, "xl/styles.bin")?;
    let mut formats = std::collections::HashMap::new();
    let (mut out, mut in_xfs) = (Vec::new(), false);
    for (typ, b) in records(&styles) {
        let id = || {
            b.get(..2)
                .map(|x| u32::from(u16::from_le_bytes([x[0], x[1]])))
        };
        let format = || {
            b.get(2..4)
                .map(|x| u32::from(u16::from_le_bytes([x[0], x[1]])))
        };
        match typ {
            0x2C => {
                if let (Some(id), Some((code, _))) = (id(), wide_string(b, 2))
                    && let Some(unit) = crate::reading::units::excel_format_unit(&code)
                {
                    formats.insert(id, unit);
                }
            }
            0x269 => in_xfs = true,
            0x26A => in_xfs = false,
            0x2F if in_xfs => out.push(format().and_then(|f| {
                formats
                    .get(&f)
                    .cloned()
                    .or_else(|| crate::reading::units::builtin_format_unit(f))
            })),
            _ => {}
        }
    }
    Some(out)
}

/// The records of a part as (type, body), until one is cut short.
fn records(part: &[u8]) -> impl Iterator<Item = (u32, &[u8])> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let (typ, after) = varint(part, i, 2)?;
        let (len, at) = varint(part, after, 4)?;
        let body = part.get(at..at.checked_add(len as usize)?)?;
        i = at + body.len();
        Some((typ, body))
    })
}

/// The bytes of sheet `name`'s part: the workbook's BrtBundleSh gives the
/// sheet's relationship id, `xl/_rels/workbook.bin.rels` its part.
fn sheet_part(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let workbook = read(&mut zip, "xl/workbook.bin")?;
    let rel_id = records(&workbook)
        .filter(|(typ, _)| *typ == 0x9C)
        .find_map(|(_, b)| {
            let (rel, at) = wide_string(b, 8)?;
            let (sheet, _) = wide_string(b, at)?;
            (sheet == name).then_some(rel)
        })?;
    let rels = String::from_utf8(read(&mut zip, "xl/_rels/workbook.bin.rels")?).ok()?;
    let target = rels.split("<Relationship ").find_map(|r| {
        (attr(r, "Id")? == rel_id)
            .then(|| attr(r, "Target"))
            .flatten()
    })?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    read(&mut zip, &path)
}

fn read(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    zip.by_name(name)
        .ok()?
        .take(PART_MAX)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// An XLWideString at `at` (a 4-byte count of UTF-16 units, then the
/// units), and where it ends.
fn wide_string(b: &[u8], at: usize) -> Option<(String, usize)> {
    let n = u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?);
    if n == u32::MAX {
        return Some((String::new(), at + 4));
    }
    let end = (at + 4).checked_add(2 * n as usize)?;
    let units: Vec<u16> = b
        .get(at + 4..end)?
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some((String::from_utf16_lossy(&units), end))
}

/// The value of attribute `name` in an XML element's text (`Id="rId1"`).
fn attr(element: &str, name: &str) -> Option<String> {
    let element = format!(" {element}");
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = element[start..].find('"')?;
    Some(element[start..start + len].to_string())
}
