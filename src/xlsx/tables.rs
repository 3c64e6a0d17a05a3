//! Widening the measures tables once the workbook is saved.
//!
//! rust_xlsxwriter's `add_table` records every cell of a table's range in a
//! hash map, to detect overlapping tables. For 200 000 measures × 18 columns
//! that cost about 0.5 s and 90 MB, a third of writing the whole sheet. So
//! each measures table is added over its header and first data row only
//! ([`placeholder`]), the rows are written as usual, and after saving, the
//! small table parts of the package are rewritten to the full range. Every
//! other part is copied still compressed, so this costs a file copy.

use std::io::{Read, Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::text::column_letters;

/// The range a table is added with: header and first data row of `cols`
/// columns.
pub(crate) fn placeholder(cols: u16) -> String {
    full_range(cols, 1)
}

/// The range of a table of `cols` columns over a header and `rows` data rows
/// (at least one: a table needs a data row).
pub(crate) fn full_range(cols: u16, rows: usize) -> String {
    let last = column_letters(u32::from(cols.max(1)) - 1);
    format!("A1:{last}{}", rows.max(1) + 1)
}

/// A table's range as added and as it should be.
#[derive(Debug, Clone)]
pub(crate) struct Widen {
    pub placeholder: String,
    pub full: String,
}

/// Copies the package `src` to `dst`, with the `n`th table part's range
/// (`xl/tables/table{n}.xml`, in the order the tables were added) replaced
/// by `tables[n - 1]`.
///
/// Fails rather than writing a wrong table if a part does not hold the
/// range it was added with.
pub(crate) fn widen<R: Read + Seek, W: Write + Seek>(
    src: R,
    dst: W,
    tables: &[Widen],
) -> Result<W, String> {
    let err = |e: zip::result::ZipError| e.to_string();
    let mut zin = ZipArchive::new(src).map_err(err)?;
    let mut zout = ZipWriter::new(dst);
    // The options rust_xlsxwriter writes its parts with, so the package
    // looks the same apart from the ranges.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default());
    let mut done = 0;
    for i in 0..zin.len() {
        let name = zin
            .by_index_raw(i)
            .map_err(err)?
            .name()
            .map_err(err)?
            .to_string();
        let Some(w) = table_number(&name).and_then(|n| tables.get(n - 1)) else {
            zout.raw_copy_file(zin.by_index_raw(i).map_err(err)?)
                .map_err(err)?;
            continue;
        };
        let mut xml = String::new();
        zin.by_index(i)
            .map_err(err)?
            .read_to_string(&mut xml)
            .map_err(|e| e.to_string())?;
        let from = format!("ref=\"{}\"", w.placeholder);
        if !xml.contains(&from) {
            return Err(format!("{name}: table range {} not found", w.placeholder));
        }
        let xml = xml.replace(&from, &format!("ref=\"{}\"", w.full));
        zout.start_file(name, options).map_err(err)?;
        zout.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
        done += 1;
    }
    if done != tables.len() {
        return Err(format!("{done} of {} table parts found", tables.len()));
    }
    zout.finish().map_err(err)
}

/// `n` of `xl/tables/table{n}.xml`.
fn table_number(name: &str) -> Option<usize> {
    name.strip_prefix("xl/tables/table")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_the_header_and_data_rows() {
        assert_eq!(placeholder(18), "A1:R2");
        assert_eq!(full_range(18, 200_000), "A1:R200001");
        assert_eq!(full_range(18, 0), "A1:R2");
        assert_eq!(full_range(28, 3), "A1:AB4");
    }

    #[test]
    fn table_parts_are_named_by_number() {
        assert_eq!(table_number("xl/tables/table1.xml"), Some(1));
        assert_eq!(table_number("xl/tables/table12.xml"), Some(12));
        assert_eq!(table_number("xl/tables/_rels/table1.xml.rels"), None);
        assert_eq!(table_number("xl/worksheets/sheet1.xml"), None);
    }
}
