//! Widening the measures tables once the workbook is saved.
//!
//! rust_xlsxwriter's `add_table` records every cell of a table's range in a
//! hash map, to detect overlapping tables. For 200 000 measures × 18 columns
//! that cost about 0.5 s and 90 MB, a third of writing the whole sheet. So
//! each measures table is added over its header and first data row only
//! ([`placeholder`]) and its small table part is rewritten to the full range
//! as the package is written (see `package`).

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

/// A table part's XML with its range widened; `None` rather than a wrong
/// table if the part does not hold the range it was added with.
pub(crate) fn widened(xml: &str, w: &Widen) -> Option<String> {
    let from = format!("ref=\"{}\"", w.placeholder);
    if !xml.contains(&from) {
        return None;
    }
    Some(xml.replace(&from, &format!("ref=\"{}\"", w.full)))
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
    fn widening_replaces_the_placeholder_or_fails() {
        let w = Widen {
            placeholder: placeholder(18),
            full: full_range(18, 5),
        };
        let xml = r#"<table id="1" ref="A1:R2"><autoFilter ref="A1:R2"/></table>"#;
        assert_eq!(
            widened(xml, &w).unwrap(),
            r#"<table id="1" ref="A1:R6"><autoFilter ref="A1:R6"/></table>"#
        );
        assert!(widened(r#"<table ref="A1:B2"/>"#, &w).is_none());
    }
}
