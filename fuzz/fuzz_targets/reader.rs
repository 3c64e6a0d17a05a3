//! The whole reader on arbitrary bytes, under each file extension: it must
//! give a submission with findings, never panic.
#![no_main]

use kooste::reading::read_bytes;
use kooste::schema::Schema;
use kooste::{Config, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = Config::builtin();
    let schema = Schema::new(&config);
    let ext = ["xlsx", "xls", "ods", "xlsb", "csv"][data.first().copied().unwrap_or(0) as usize % 5];
    let _ = read_bytes(&format!("fuzz.{ext}"), data.get(1..).unwrap_or(&[]), &schema, Lang::Fi);
});
