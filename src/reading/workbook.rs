//! Workbooks through calamine: xlsx, xlsm, xlsb, xls and ods.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, SheetVisible, Xls, Xlsb, Xlsx};

use super::{Book, Format, Grid, Unreadable};
use crate::model::Cell;
use crate::parse::Date;

/// Zip local-file signature: xlsx, xlsm, xlsb, ods.
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
}

/// OLE compound file signature: xls, or an encrypted OOXML package.
pub fn is_cfb(head: &[u8]) -> bool {
    head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// An encrypted xlsx is a CFB container with an `EncryptionInfo` stream; its
/// directory stores stream names in UTF-16LE.
pub fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Tells xlsb and ods from xlsx by the part names in the zip's directory.
pub fn zip_kind(bytes: &[u8]) -> Format {
    let contains = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
    if contains(b"xl/workbook.bin") {
        Format::Xlsb
    } else if contains(b"content.xml") && !contains(b"xl/workbook.xml") {
        Format::Ods
    } else {
        Format::Xlsx
    }
}

/// Reads every sheet's values. Formulas are read separately for the measure
/// sheet only (see [`formulas`]), since that costs a second parse.
pub fn read(bytes: &[u8], format: Format) -> Result<Book, Unreadable> {
    let cursor = Cursor::new(bytes);
    let err = |e: &dyn std::fmt::Display| Unreadable::Corrupt(e.to_string());
    let sheets = match format {
        Format::Xlsx | Format::Xlsm => {
            sheets_of(&mut Xlsx::new(cursor).map_err(|e| err(&e))?).map_err(|e| err(&e))?
        }
        Format::Xlsb => {
            sheets_of(&mut Xlsb::new(cursor).map_err(|e| err(&e))?).map_err(|e| err(&e))?
        }
        Format::Xls => {
            sheets_of(&mut Xls::new(cursor).map_err(|e| err(&e))?).map_err(|e| err(&e))?
        }
        Format::Ods => {
            sheets_of(&mut Ods::new(cursor).map_err(|e| err(&e))?).map_err(|e| err(&e))?
        }
        Format::Csv => unreachable!("CSV is not read through calamine"),
    };
    Ok(Book { format, sheets })
}

fn sheets_of<RS, R>(reader: &mut R) -> Result<Vec<Grid>, R::Error>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let meta: Vec<_> = reader.sheets_metadata().to_vec();
    let mut out = Vec::with_capacity(meta.len());
    for sheet in meta {
        let range = reader.worksheet_range(&sheet.name)?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|r| r.iter().map(cell_of).collect())
            .collect();
        out.push(Grid {
            name: sheet.name.clone(),
            first_row,
            first_col,
            rows,
            hidden: sheet.visible != SheetVisible::Visible,
        });
    }
    Ok(out)
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) => Cell::Date(date),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// The formulas of one sheet as (absolute row, column, formula), for finding
/// formula cells that store no result. Any failure yields no formulas: the
/// values were already read, and a missing check is better than a lost file.
pub fn formulas(bytes: &[u8], format: Format, sheet: &str) -> Vec<(u32, u32, String)> {
    let cursor = Cursor::new(bytes);
    let range = match format {
        Format::Xlsx | Format::Xlsm => Xlsx::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        Format::Xlsb => Xlsb::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        Format::Xls => Xls::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        Format::Ods => Ods::new(cursor)
            .ok()
            .and_then(|mut r| r.worksheet_formula(sheet).ok()),
        Format::Csv => None,
    };
    let Some(range) = range else {
        return Vec::new();
    };
    range
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            (r0 + r as u32, c0 + c as u32, f.clone())
        })
        .collect()
}
