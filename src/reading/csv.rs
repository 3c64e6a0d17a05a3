//! CSV submissions: `;` or `,` separated, UTF-8 (with or without BOM),
//! UTF-16 with BOM, or Windows-1252 as older Finnish Excel saves them.

use std::path::Path;

use super::{Book, Format, Grid, Limits, Unreadable};
use crate::model::Cell;

/// Reads CSV bytes into a one-sheet [`Book`]; the sheet is named after the file.
pub fn read(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Book, Unreadable> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(Unreadable::Corrupt("binary data, not text".into()));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| Unreadable::Corrupt(e.to_string()))?;
        cells += record.len() as u64;
        if cells > limits.max_cells {
            return Err(Unreadable::TooLarge {
                what: "cells",
                found: cells,
                limit: limits.max_cells,
            });
        }
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.into())
                    }
                })
                .collect(),
        );
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "csv".into());
    Ok(Book {
        format: Format::Csv,
        sheets: vec![Grid::new(name, 0, 0, rows, false)],
        notes: Vec::new(),
    })
}

/// Decodes by BOM, else as UTF-8 when valid, else as Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// `;` when the first non-empty lines have more semicolons than commas
/// (Finnish Excel's choice, since the comma is the decimal mark), else `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let (mut semi, mut comma) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        semi += line.matches(';').count();
        comma += line.matches(',').count();
    }
    if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_utf16() {
        assert_eq!(decode(b"P\xe4\xe4 \x80"), "Pää €");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Vähä".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16), "Vähä");
        assert_eq!(decode("\u{feff}Åtgärd".as_bytes()), "Åtgärd");
    }

    #[test]
    fn sniffs_semicolon_when_commas_are_decimals() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
    }
}
