//! The yardstick: reads every cell of the given workbooks with calamine and
//! writes the same cells with rust_xlsxwriter (constant memory), one after
//! the other, on one thread. The floor that kooste's own logic sits on.
//!
//! cargo build --release --example yardstick
//! target/release/examples/yardstick OUT.xlsx FILE...

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: yardstick OUT.xlsx FILE...")?;
    let mut files: Vec<String> = args.collect();
    files.sort();
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let ws = wb.add_worksheet_with_constant_memory()?;
    let mut out_row = 0u32;
    let mut cells = 0u64;
    for f in &files {
        let mut book = open_workbook_auto(f)?;
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name)?;
            for row in range.rows() {
                for (c, cell) in row.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        Data::Empty => {}
                        Data::String(s) => {
                            ws.write_string(out_row, c, s)?;
                        }
                        Data::Float(v) => {
                            ws.write_number(out_row, c, *v)?;
                        }
                        Data::Int(v) => {
                            ws.write_number(out_row, c, *v as f64)?;
                        }
                        other => {
                            ws.write_string(out_row, c, other.to_string())?;
                        }
                    }
                    cells += 1;
                }
                out_row += 1;
            }
        }
    }
    wb.save(&out)?;
    eprintln!(
        "yardstick: {} files, {cells} cells, {out_row} rows",
        files.len()
    );
    Ok(())
}
