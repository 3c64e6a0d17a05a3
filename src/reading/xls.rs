//! Legacy Excel 97–2003 workbooks (BIFF8, [MS-XLS]) read straight from
//! their records into sparse grids: memory follows the cells present, not
//! the sheet's DIMENSIONS (calamine builds a dense range of rows × columns
//! at open, 1.6 GB for one stray cell at IV65536). A FORMULA's cached
//! result is its value; its tokens, where they are the arithmetic,
//! references and functions kooste evaluates, are decoded to formula text
//! (`rgce`), so a stored number is checked against its formula as in xlsx
//! and ods, and xlwt's empty placeholder result is evaluated. Merged
//! ranges are filled in here. Excel 95 (BIFF5) workbooks are left
//! to calamine: [`read`] says so by returning `None`.

mod cells;
mod records;
mod rgce;
mod sheet;
mod strings;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use records::{Record, Records, corrupt, u16_at, u32_at};
use sheet::Globals;

use super::{Grid, Limits, Unreadable};

/// BOF (MS-XLS 2.4.21).
const BOF: u16 = 0x0809;
/// BOF `vers` of BIFF8.
const BIFF8: u16 = 0x0600;

/// A sheet listed in BOUNDSHEET8 (MS-XLS 2.4.28).
struct Listed {
    /// Byte offset of the sheet's BOF in the Workbook stream.
    offset: usize,
    name: String,
    hidden: bool,
}

/// Reads the worksheets of a BIFF8 workbook in workbook order (hidden ones
/// flagged; chart, macro and VB module sheets skipped). `Ok(None)`: the
/// file is an older BIFF (Excel 95 and before), for calamine to read.
/// Cells are counted against `limits.max_cells` as they are read.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Option<Vec<Grid>>, Unreadable> {
    let Some(stream) = workbook_stream(bytes, limits)? else {
        return Ok(None);
    };
    let Some((globals, listed)) = read_globals(&stream)? else {
        return Ok(None);
    };
    let mut cells = 0u64;
    let mut out = Vec::with_capacity(listed.len());
    let mut results = Vec::with_capacity(listed.len());
    for s in listed {
        let (grid, r) = sheet::read(
            &stream,
            s.offset,
            (s.name, s.hidden),
            &globals,
            &mut cells,
            limits,
        )?;
        out.push(grid);
        results.push(r);
    }
    // A workbook none of whose formulas stores a result, and that was not
    // recalculated on saving (xlwt): an empty text stored as a formula's
    // result is no result, and a formula kooste does not evaluate (`&`,
    // `VLOOKUP`) is a formula without a value, not an empty cell.
    if results.iter().all(sheet::Results::none_stored) {
        for (grid, r) in out.iter_mut().zip(results) {
            for (row, col, text) in r.empty_text {
                grid.replace(row, col, crate::model::Cell::FormulaWithoutValue(text));
            }
        }
    }
    Ok(Some(out))
}

/// The function a NAME record (MS-XLS 2.4.150 Lbl) names, without the
/// `_xlfn.` of functions newer than BIFF8: `IFERROR`. `None` for a name
/// that is no function (fFunc, bit 1, unset) or a built-in name.
fn name_function(data: &[u8]) -> Option<String> {
    let flags = u16_at(data, 0)?;
    if flags & 0x0002 == 0 || flags & 0x0020 != 0 {
        return None;
    }
    // The name: `cch` at byte 3, its flags at 14 and characters from 15,
    // laid out as a ShortXLUnicodeString for `short_string`.
    let mut short = vec![*data.get(3)?, *data.get(14)?];
    short.extend_from_slice(data.get(15..)?);
    let name = strings::short_string(&short, 0).ok()?;
    Some(
        name.strip_prefix("_xlfn.")
            .unwrap_or(&name)
            .to_ascii_uppercase(),
    )
}

/// The compound file with the FAT entries past its last sector freed where
/// a writer marked them ENDOFCHAIN: SheetJS fills a FAT sector's unused
/// entries with 0xFFFFFFFE where MS-CFB §2.3 says FREESECT (0xFFFFFFFF).
/// LibreOffice opens such a file; the cfb crate refuses it ("Malformed
/// FAT"), and so a whole submission was called damaged. Only the FAT
/// sectors the header lists are looked at (a file under 7 MB has no
/// others); any other file is returned as it is.
pub fn with_free_sectors(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    const FREESECT: u32 = 0xFFFF_FFFF;
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    };
    if bytes.len() < 512 || !workbook_is_cfb(bytes) {
        return Cow::Borrowed(bytes);
    }
    let shift = u16_at(bytes, 0x1E).unwrap_or(0);
    if !(shift == 9 || shift == 12) {
        return Cow::Borrowed(bytes);
    }
    let size = 1usize << shift;
    let sectors = (bytes.len().saturating_sub(size)).div_ceil(size);
    let per_sector = size / 4;
    let mut fixed: Option<Vec<u8>> = None;
    for k in 0..109 {
        let Some(fat) = u32_at(bytes, 0x4C + 4 * k) else {
            break;
        };
        if fat >= 0xFFFF_FFFA {
            continue; // FREESECT, ENDOFCHAIN and the other markers
        }
        let start = (fat as usize + 1).saturating_mul(size);
        for i in 0..per_sector {
            let index = k * per_sector + i;
            let at = start.saturating_add(4 * i);
            if index >= sectors && u32_at(bytes, at) == Some(ENDOFCHAIN) {
                let out = fixed.get_or_insert_with(|| bytes.to_vec());
                out[at..at + 4].copy_from_slice(&FREESECT.to_le_bytes());
            }
        }
    }
    fixed.map_or(Cow::Borrowed(bytes), Cow::Owned)
}

/// The compound file signature (MS-CFB §2.2).
fn workbook_is_cfb(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Whether the workbook is BIFF8, the one this module reads (false for
/// Excel 95 and for anything unreadable): tells calamine's callers apart.
pub fn is_biff8(bytes: &[u8]) -> bool {
    let Ok(mut cfb) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(stream) = cfb.open_stream("/Workbook") else {
        return false;
    };
    let mut head = [0u8; 6];
    stream.take(6).read_exact(&mut head).is_ok()
        && u16_at(&head, 0) == Some(BOF)
        && u16_at(&head, 4) == Some(BIFF8)
}

/// The `Workbook` stream's bytes; `None` if there is only a BIFF5 `Book`.
fn workbook_stream(bytes: &[u8], limits: &Limits) -> Result<Option<Vec<u8>>, Unreadable> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("not a readable OLE compound file ({e})")))?;
    if !cfb.is_stream("/Workbook") {
        if cfb.is_stream("/Book") {
            return Ok(None);
        }
        return Err(corrupt("no Workbook stream: not an Excel workbook"));
    }
    let stream = cfb
        .open_stream("/Workbook")
        .map_err(|e| corrupt(format!("the Workbook stream cannot be opened ({e})")))?;
    let len = stream.len();
    if len > limits.max_unpacked_bytes {
        return Err(Unreadable::TooLarge {
            what: "bytes",
            found: len,
            limit: limits.max_unpacked_bytes,
        });
    }
    // The stream lies within the file's sectors, so the file's size bounds it.
    let mut out = Vec::with_capacity(usize::try_from(len).unwrap_or(0).min(bytes.len()));
    stream
        .take(len)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(format!("the Workbook stream cannot be read ({e})")))?;
    Ok(Some(out))
}

/// The globals substream (MS-XLS 2.1.7.20.1), up to its EOF: shared
/// strings, number formats, the date system and the sheet list. `None`
/// if the stream's first BOF is not BIFF8.
fn read_globals(stream: &[u8]) -> Result<Option<(Globals, Vec<Listed>)>, Unreadable> {
    let mut records = Records::new(stream, 0);
    let first = records
        .next()
        .ok_or_else(|| corrupt("the Workbook stream is empty"))??;
    if first.typ != BOF || u16_at(first.data, 0) != Some(BIFF8) {
        return Ok(None);
    }
    let mut globals = Globals {
        strings: Vec::new(),
        formats: cells::Formats::default(),
        xti_sheets: Vec::new(),
        function_names: Vec::new(),
        precision_as_shown: false,
    };
    // Every sheet's name in BOUNDSHEET order (charts too: XTIs count them),
    // the SUPBOOKs (whether each is this workbook) and the XTIs.
    let mut all_names: Vec<String> = Vec::new();
    let mut own_book: Vec<bool> = Vec::new();
    let mut xtis: Vec<(u16, u16, u16)> = Vec::new();
    let mut custom: HashMap<u16, bool> = HashMap::new();
    let mut units: HashMap<u16, crate::reading::FormatUnit> = HashMap::new();
    let mut durations: HashMap<u16, char> = HashMap::new();
    let mut fonts_raised: Vec<Option<bool>> = Vec::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut listed = Vec::new();
    for record in records {
        let r = record?;
        match r.typ {
            // FILEPASS (2.4.117): the records after it are encrypted.
            0x002F => return Err(Unreadable::Encrypted),
            // PRECISION (2.4.210): fFullPrec 0 is "precision as displayed".
            0x000E => globals.precision_as_shown = u16_at(r.data, 0) == Some(0),
            // DATEMODE (2.4.77).
            0x0022 => globals.formats.is_1904 = u16_at(r.data, 0) == Some(1),
            // FORMAT (2.4.126): a custom number format; one that cannot be
            // read leaves its cells numbers, as calamine did.
            0x041E => {
                if let (Some(ifmt), Ok(s)) = (u16_at(r.data, 0), strings::unicode_string(&r, 2)) {
                    custom.insert(ifmt, cells::custom_is_date(&s));
                    if let Some(unit) = cells::custom_duration(&s) {
                        durations.insert(ifmt, unit);
                    }
                    if let Some(unit) = super::units::excel_format_unit(&s) {
                        units.insert(ifmt, unit);
                    }
                }
            }
            // XF (2.4.353): `ifmt` at byte 2.
            0x00E0 => xf_formats
                .push(u16_at(r.data, 2).ok_or_else(|| corrupt("an XF record is cut short"))?),
            0x0085 => {
                let mut name = strings::short_string(r.data, 6).unwrap_or_default();
                name.retain(|c| c != '\0');
                all_names.push(name);
                listed.extend(bound_sheet(&r)?);
            }
            // SUPBOOK (2.4.271): `cch` 0x0401 marks this workbook's own.
            0x01AE => own_book.push(u16_at(r.data, 2) == Some(0x0401)),
            // EXTERNSHEET (2.4.106): a count, then XTIs of 6 bytes.
            0x0017 => {
                let n = usize::from(u16_at(r.data, 0).unwrap_or(0));
                xtis = (0..n)
                    .map_while(|k| {
                        let at = 2 + 6 * k;
                        Some((
                            u16_at(r.data, at)?,
                            u16_at(r.data, at + 2)?,
                            u16_at(r.data, at + 4)?,
                        ))
                    })
                    .collect();
            }
            // NAME (2.4.150): each counts for a ptgName's index.
            0x0018 => globals.function_names.push(name_function(r.data)),
            // FONT (2.4.122): `sss` at byte 8, 1 superscript, 2 subscript.
            0x0031 => fonts_raised.push(match u16_at(r.data, 8) {
                Some(1) => Some(true),
                Some(2) => Some(false),
                _ => None,
            }),
            0x00FC => globals.strings = strings::shared_strings(&r, &fonts_raised)?,
            0x000A => break,
            _ => {}
        }
    }
    // An XTI names one sheet of this workbook when its SUPBOOK is the own
    // one and its first and last sheets are the same.
    globals.xti_sheets = xtis
        .iter()
        .map(|&(book, first, last)| {
            let own = own_book.get(usize::from(book)).copied().unwrap_or(false);
            (own && first == last)
                .then(|| all_names.get(usize::from(first)).cloned())
                .flatten()
        })
        .collect();
    globals.formats.date_xf = xf_formats
        .iter()
        .map(|i| {
            custom
                .get(i)
                .copied()
                .unwrap_or_else(|| cells::builtin_is_date(*i))
        })
        .collect();
    let unit_of = |i: &u16| {
        units
            .get(i)
            .cloned()
            .or_else(|| super::units::builtin_format_unit(u32::from(*i)))
    };
    // Built-in 46 is `[h]:mm:ss` (MS-XLS 2.4.126).
    let duration_of = |i: &u16| durations.get(i).copied().or((*i == 46).then_some('h'));
    if xf_formats.iter().any(|i| duration_of(i).is_some()) {
        globals.formats.duration_xf = xf_formats.iter().map(duration_of).collect();
    }
    if xf_formats.iter().any(|i| unit_of(i).is_some()) {
        globals.formats.unit_xf = xf_formats.iter().map(unit_of).collect();
    }
    Ok(Some((globals, listed)))
}

/// BOUNDSHEET8 (2.4.28): `lbPlyPos`, `hsState` (bits 0–1: visible, hidden,
/// very hidden), `dt` (0 worksheet or dialog, 1 macro, 2 chart, 6 VB
/// module), then the name. Only worksheets are returned.
fn bound_sheet(r: &Record<'_>) -> Result<Option<Listed>, Unreadable> {
    let (Some(pos), Some(&state), Some(&dt)) = (u32_at(r.data, 0), r.data.get(4), r.data.get(5))
    else {
        return Err(corrupt("a BOUNDSHEET8 record is cut short"));
    };
    if dt != 0 {
        return Ok(None);
    }
    let mut name = strings::short_string(r.data, 6)?;
    name.retain(|c| c != '\0');
    Ok(Some(Listed {
        offset: usize::try_from(pos).map_err(|_| corrupt("a sheet offset out of range"))?,
        name,
        hidden: state & 0x03 != 0,
    }))
}

#[cfg(test)]
mod tests;
