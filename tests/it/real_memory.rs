//! Layouts that once made memory follow a sheet's extent instead of its
//! cells (tests/fixtures/real/make_memory.py): a note in the last column of
//! every row. What is read is checked here; `benches/run.sh` measures the
//! peak memory of the same files against its 300 MB target.

use crate::common::*;
use serde_json::Value;

#[test]
fn a_note_in_the_last_column_of_every_row_reads_the_measures_and_names_the_column() {
    for (file, cell) in [
        ("xlsx_note_in_column_xfd_every_row.xlsx", "XFD1"),
        ("xls_note_in_column_iv_every_row.xls", "IV1"),
        ("ods_note_in_column_iv_every_row.ods", "IV1"),
    ] {
        let path = format!("tests/fixtures/real/{file}");
        let o = kooste(&["validate", "--format", "json", &path]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["measures"], 2, "{file}: {v}");
        let findings = v["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{file}: {v}");
        assert_eq!(findings[0]["code"], "unknown-column", "{file}");
        assert_eq!(findings[0]["cell"], cell, "{file}");
    }
}
