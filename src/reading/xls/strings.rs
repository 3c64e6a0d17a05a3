//! BIFF8 strings: the shared string table (MS-XLS 2.4.265 SST) and the
//! string structures of cell and sheet records (MS-XLS 2.5.240, 2.5.293,
//! 2.5.294). Characters are UTF-16LE, or "compressed" to one byte each
//! (the high byte zero, so Latin-1), as each string's flag byte says.

use compact_str::CompactString;

use super::records::{Frags, Record, corrupt, u16_at};
use crate::reading::Unreadable;

/// `fHighByte`: the characters are two bytes each.
const HIGH_BYTE: u8 = 0x01;
/// `fExtSt`: phonetic data (ExtRst) follows the characters.
const EXT_ST: u8 = 0x04;
/// `fRichSt`: formatting runs follow the characters.
const RICH_ST: u8 = 0x08;

/// UTF-16 units to text; a lone surrogate becomes U+FFFD, not an error.
fn text(units: &[u16]) -> CompactString {
    CompactString::from(String::from_utf16_lossy(units))
}

/// The shared strings, in order (MS-XLS 2.4.265 SST: `cstTotal`,
/// `cstUnique`, then `XLUnicodeRichExtendedString`s on through the
/// CONTINUE records). The counts are not trusted: the strings are read
/// until the data ends, so a wrong count neither loses strings nor makes
/// this allocate for strings that are not there.
///
/// `raised` says, per font (by the index a formatting run gives), whether
/// it sets text above (`Some(true)`) or below the line (FONT `sss`): a
/// string with such a run is the text shown, its footnote mark in raised
/// characters (see [`crate::reading::raised`]).
pub(super) fn shared_strings(
    record: &Record<'_>,
    raised: &[Option<bool>],
) -> Result<Vec<CompactString>, Unreadable> {
    if record.data.len() < 8 {
        return Err(corrupt("the shared string table is cut short"));
    }
    let mut frags = Frags::new(record, 8);
    let mut out = Vec::new();
    let mut units = Vec::new();
    let mut runs = Vec::new();
    let any_raised = raised.iter().any(Option::is_some);
    while !frags.is_empty() {
        units.clear();
        runs.clear();
        rich_extended(&mut frags, &mut units, &mut runs)
            .map_err(|_| corrupt(format!("shared string {} is cut short", out.len())))?;
        if any_raised && !runs.is_empty() {
            out.push(shown(&units, &runs, raised));
        } else {
            out.push(text(&units));
        }
    }
    Ok(out)
}

/// A string's text with its formatting runs applied (MS-XLS 2.5.129
/// FormatRun: from character `ich` on, font `ifnt`; font index 4 is never
/// used, so indexes above it are one past their FONT record).
fn shown(units: &[u16], runs: &[(u16, u16)], raised: &[Option<bool>]) -> CompactString {
    let font = |ifnt: u16| {
        let i = usize::from(if ifnt > 4 { ifnt - 1 } else { ifnt });
        raised.get(i).copied().flatten()
    };
    let mut out = String::new();
    let mut from = 0usize;
    let mut up = None;
    for &(ich, ifnt) in runs.iter().chain(std::iter::once(&(u16::MAX, 0))) {
        let to = usize::from(ich).min(units.len()).max(from);
        let part = String::from_utf16_lossy(&units[from..to]);
        match up {
            Some(up) => out.push_str(&crate::reading::raised::raised(&part, up)),
            None => out.push_str(&part),
        }
        from = to;
        up = font(ifnt);
    }
    CompactString::from(out)
}

/// One `XLUnicodeRichExtendedString` (MS-XLS 2.5.293): `cch`, flags, the
/// run count and phonetic size if flagged, the characters, then the runs
/// (4 bytes each: `ich`, `ifnt`, kept in `runs`) and the phonetic block,
/// skipped.
fn rich_extended(
    f: &mut Frags<'_, '_>,
    units: &mut Vec<u16>,
    runs_out: &mut Vec<(u16, u16)>,
) -> Result<(), Unreadable> {
    let cch = u16::from_le_bytes(f.bytes::<2>()?);
    let [flags] = f.bytes::<1>()?;
    let runs = if flags & RICH_ST != 0 {
        usize::from(u16::from_le_bytes(f.bytes::<2>()?))
    } else {
        0
    };
    let ext = if flags & EXT_ST != 0 {
        u32::from_le_bytes(f.bytes::<4>()?) as usize
    } else {
        0
    };
    f.chars(usize::from(cch), flags & HIGH_BYTE != 0, units)?;
    for _ in 0..runs {
        let [a, b, c, d] = f.bytes::<4>()?;
        runs_out.push((u16::from_le_bytes([a, b]), u16::from_le_bytes([c, d])));
    }
    f.skip(ext)
}

/// An `XLUnicodeString` (MS-XLS 2.5.294: 2-byte `cch`, flags, characters)
/// starting at byte `at` of the record, read on into its CONTINUEs (a long
/// formula result does): LABEL, RSTRING, STRING and FORMAT use it.
pub(super) fn unicode_string(record: &Record<'_>, at: usize) -> Result<CompactString, Unreadable> {
    let Some(cch) = u16_at(record.data, at) else {
        return Err(corrupt(format!(
            "record 0x{:04X} holds no string",
            record.typ
        )));
    };
    if cch == 0 {
        return Ok(CompactString::default()); // some writers omit the flag byte
    }
    let mut f = Frags::new(record, at + 2);
    let [flags] = f.bytes::<1>()?;
    let mut units = Vec::with_capacity(usize::from(cch));
    f.chars(usize::from(cch), flags & HIGH_BYTE != 0, &mut units)?;
    Ok(text(&units))
}

/// A `ShortXLUnicodeString` (MS-XLS 2.5.240: 1-byte `cch`, flags,
/// characters) at byte `at`: sheet names in BOUNDSHEET8.
pub(super) fn short_string(data: &[u8], at: usize) -> Result<String, Unreadable> {
    let (Some(&cch), Some(&flags)) = (data.get(at), data.get(at + 1)) else {
        return Err(corrupt("a sheet name is cut short"));
    };
    let cch = usize::from(cch);
    let chars = data.get(at + 2..).unwrap_or(&[]);
    let units: Vec<u16> = if flags & HIGH_BYTE != 0 {
        let bytes = chars
            .get(..cch * 2)
            .ok_or_else(|| corrupt("a sheet name is cut short"))?;
        bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    } else {
        let bytes = chars
            .get(..cch)
            .ok_or_else(|| corrupt("a sheet name is cut short"))?;
        bytes.iter().map(|&b| u16::from(b)).collect()
    };
    Ok(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(data: &'a [u8], cont: Vec<&'a [u8]>) -> Record<'a> {
        Record {
            typ: 0x00FC,
            data,
            cont,
        }
    }

    #[test]
    fn a_string_split_across_continue_records_changes_its_width_there() {
        // SST with 2 strings: "äbc" compressed, split after "äb"; the
        // CONTINUE repeats the flag as UTF-16 for "€"; then "x" with a
        // formatting run and phonetic data, split inside the run block.
        let mut sst = vec![2, 0, 0, 0, 2, 0, 0, 0];
        sst.extend([3, 0, 0x00, 0xE4, b'b']);
        let mut c1 = vec![0x01, 0xAC, 0x20]; // flag: high byte; "€"
        c1.extend([1, 0, RICH_ST | EXT_ST, 1, 0, 2, 0, 0, 0, b'x', 0, 0]);
        let c2 = [0, 0, 0xAA, 0xBB]; // rest of the run, then 2 bytes ExtRst
        let r = record(&sst, vec![&c1, &c2]);
        let strings = shared_strings(&r, &[]).unwrap();
        assert_eq!(strings, ["äb€", "x"]);
    }

    #[test]
    fn a_string_header_at_a_continue_start_has_no_flag_byte() {
        let sst = [1, 0, 0, 0, 1, 0, 0, 0];
        let c1 = [2, 0, 0x01, b'o', 0, b'k', 0];
        let r = record(&sst, vec![&c1]);
        assert_eq!(shared_strings(&r, &[]).unwrap(), ["ok"]);
    }

    #[test]
    fn wrong_counts_and_cut_strings_do_not_panic() {
        let sst = [
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 5, 0, 0, b'a',
        ];
        assert!(shared_strings(&record(&sst, vec![]), &[]).is_err());
        let huge_ext = [
            1, 0, 0, 0, 1, 0, 0, 0, 1, 0, EXT_ST, 0xFF, 0xFF, 0xFF, 0x7F, b'a',
        ];
        assert!(shared_strings(&record(&huge_ext, vec![]), &[]).is_err());
        assert!(shared_strings(&record(&[1, 2], vec![]), &[]).is_err());
        let ok = [9, 9, 9, 9, 9, 9, 9, 9, 1, 0, 0, b'a'];
        assert_eq!(shared_strings(&record(&ok, vec![]), &[]).unwrap(), ["a"]);
    }

    #[test]
    fn a_run_in_a_raised_font_is_shown_raised() {
        // "98000" in font 0, then "1" from character 5 in font 5 (the
        // fifth FONT record: index 4 is skipped), which is superscript.
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0];
        sst.extend([6, 0, RICH_ST, 1, 0]);
        sst.extend(b"980001");
        sst.extend([5, 0, 5, 0]);
        let raised = [None, None, None, None, Some(true)];
        assert_eq!(
            shared_strings(&record(&sst, vec![]), &raised).unwrap(),
            ["98000¹"]
        );
        assert_eq!(
            shared_strings(&record(&sst, vec![]), &[]).unwrap(),
            ["980001"]
        );
    }

    #[test]
    fn short_and_unicode_strings() {
        assert_eq!(short_string(&[2, 0, b'h', b'i'], 0).unwrap(), "hi");
        assert_eq!(short_string(&[1, 1, 0xE4, 0], 0).unwrap(), "ä");
        assert!(short_string(&[9, 0, b'h'], 0).is_err());
        let label = [0, 0, 0, 0, 0, 0, 2, 0, 1, 0xC5, 0, 0x20, 0];
        let r = Record {
            typ: 0x0204,
            data: &label,
            cont: vec![],
        };
        assert_eq!(unicode_string(&r, 6).unwrap(), "Å ");
        let cut = [0, 0, 0, 0, 0, 0, 200, 0, 0, b'a'];
        let r = Record {
            typ: 0x0204,
            data: &cut,
            cont: vec![],
        };
        assert!(unicode_string(&r, 6).is_err());
    }
}
