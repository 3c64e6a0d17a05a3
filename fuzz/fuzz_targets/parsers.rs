//! The euro, number, year and date parsers on arbitrary text: no panic, and
//! a parsed euro amount formats back to the same cents.
#![no_main]

use kooste::Lang;
use kooste::parse::{Cents, parse_date, parse_euros, parse_number, parse_whole, parse_year};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(c) = parse_euros(s) {
        // What kooste prints, it reads back.
        let printed = Lang::Fi.euros_exact(c);
        assert_eq!(parse_euros(&printed), Ok(c), "{s:?} -> {printed:?}");
        let _ = Cents::from_euros(c.euros());
    }
    let _ = parse_number(s);
    let _ = parse_whole(s);
    let _ = parse_year(s);
    if let Ok(d) = parse_date(s) {
        assert!(kooste::parse::Date::new(d.year, d.month, d.day).is_some());
    }
});
