//! The whole reader on arbitrary bytes, under each file extension: it must
//! give a submission with findings, never panic. A panic that kooste caught
//! inside a reader library is turned back into a crash here, so that
//! libFuzzer keeps the input for a regression test.
#![no_main]

use kooste::reading::read_bytes;
use kooste::schema::Schema;
use kooste::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = Config::builtin();
    let schema = Schema::new(&config);
    let ext = ["xlsx", "xls", "ods", "xlsb", "csv"][data.first().copied().unwrap_or(0) as usize % 5];
    let sub = read_bytes(&format!("fuzz.{ext}"), data.get(1..).unwrap_or(&[]), &schema);
    if let Some(f) = sub.findings.iter().find(|f| f.message.id == "read-damaged-reader") {
        panic!("caught panic in a reader: {:?}", f.detail);
    }
});
