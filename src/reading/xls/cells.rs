//! Cell records of a BIFF8 sheet (MS-XLS 2.4.180 Number, 2.4.220 RK,
//! 2.4.175 MulRk, 2.4.149 LabelSst, 2.4.24 BoolErr, 2.4.127 Formula) and
//! the number formats that make a number a date (MS-XLS 2.4.126 Format,
//! 2.4.353 XF).

use crate::model::Cell;
use crate::model::parse::Date;

use super::records::{f64_at, u16_at, u32_at};

/// Days from 1899-12-31 (serial 0 of the 1900 system, counting Excel's
/// fictitious 1900-02-29) to 1904-01-01 (serial 0 of the 1904 system).
const DAYS_1900_TO_1904: f64 = 1462.0;

/// Which cell formats (XF records, by 0-based index) show a number as a
/// date, and the workbook's date system.
#[derive(Debug, Default)]
pub(super) struct Formats {
    /// Per XF index: whether its number format is a date format.
    pub date_xf: Vec<bool>,
    /// DATEMODE (MS-XLS 2.4.77): serials count from 1904-01-01.
    pub is_1904: bool,
    /// Per XF index: the unit its number format shows beside a number
    /// (`0.0" t€"`), if any; empty when no format shows one.
    pub unit_xf: Vec<Option<crate::reading::FormatUnit>>,
    /// Per XF index: the first unit (`h`, `m`, `s`) of a duration format
    /// (`[h]:mm`), if it is one; empty when no format is.
    pub duration_xf: Vec<Option<char>>,
}

impl Formats {
    /// The unit cell format `xf` shows beside a number, if any.
    pub fn unit(&self, xf: u16) -> Option<&crate::reading::FormatUnit> {
        self.unit_xf.get(usize::from(xf)).and_then(Option::as_ref)
    }
}

impl Formats {
    /// The cell for a number stored with cell format `xf`: a date where
    /// the format shows one and the serial is a day Excel can show, the
    /// number otherwise.
    pub fn number(&self, xf: u16, value: f64) -> Cell {
        // A duration (`[h]:mm` shows 1,5 as 36:00): its text, as
        // LibreOffice's .ods gives it, so an FTE shown as hours is a type
        // error, not 1,5 read in silence.
        if let Some(unit) = self.duration_xf.get(usize::from(xf)).copied().flatten() {
            return crate::model::parse::elapsed_time(value, unit)
                .map_or(Cell::Number(value), |t| Cell::Text(t.into()));
        }
        if !self.date_xf.get(usize::from(xf)).copied().unwrap_or(false) {
            return Cell::Number(value);
        }
        let serial = if self.is_1904 {
            value + DAYS_1900_TO_1904
        } else {
            value
        };
        // A serial below 1 is a time of day (`hh:mm` shows 0,5 as 12:00):
        // its text, as LibreOffice's .ods and calamine's xlsx give it, so
        // a euro cell formatted as a time is a type error there too.
        match Date::from_excel_serial(serial) {
            Some(d) => Cell::Date(d),
            None => crate::model::parse::clock_time(serial)
                .map_or(Cell::Number(value), |t| Cell::Text(t.into())),
        }
    }
}

/// Whether built-in number format `ifmt` shows a date or a clock time
/// (MS-XLS 2.4.126: 14–22, 45 and 47; 27–36 and 50–58 are the East Asian
/// dates). 46, `[h]:mm:ss`, is a duration and stays a number.
pub(super) fn builtin_is_date(ifmt: u16) -> bool {
    matches!(ifmt, 14..=22 | 27..=36 | 45 | 47 | 50..=58)
}

/// What a number format's first section holds outside quotes and escapes:
/// a character, or a bracket's contents (`[h]`, `[Red]`, `[$-40B]`).
enum Token {
    Char(char),
    Bracket(String),
}

/// Calls `each` on the tokens of `format`'s first section until it
/// answers; `None` when it never does.
fn first_section<R>(format: &str, mut each: impl FnMut(Token) -> Option<R>) -> Option<R> {
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        let token = match c {
            '\\' | '_' | '*' => {
                chars.next(); // the next character is literal, or a width
                continue;
            }
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
                continue;
            }
            '[' => Token::Bracket(chars.by_ref().take_while(|&b| b != ']').collect()),
            ';' => return None,
            c => Token::Char(c),
        };
        if let Some(r) = each(token) {
            return Some(r);
        }
    }
    None
}

/// The first unit of a duration format (`[h]:mm:ss` `h`, `[mm]:ss` `m`,
/// `[ss]` `s`): an elapsed-time bracket in its first section, outside
/// quotes and escapes. `None` for any other format.
pub(super) fn custom_duration(format: &str) -> Option<char> {
    first_section(format, |t| match t {
        Token::Bracket(inner) => {
            let lower = inner.to_ascii_lowercase();
            let first = lower.chars().next()?;
            (matches!(first, 'h' | 'm' | 's') && lower.chars().all(|b| b == first)).then_some(first)
        }
        Token::Char(_) => None,
    })
}

/// Whether a custom number format shows a date or a clock time: its first
/// section has d, m, y, h or s outside quotes, brackets and escapes. An
/// elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) makes it a duration
/// ([`custom_duration`]), not a date. The rules are calamine's, so dates
/// read as before.
pub(super) fn custom_is_date(format: &str) -> bool {
    let mut ampm = false;
    first_section(format, |t| match t {
        Token::Bracket(inner) => {
            let elapsed = !inner.is_empty()
                && inner
                    .chars()
                    .all(|b| matches!(b.to_ascii_lowercase(), 'h' | 'm' | 's'));
            elapsed.then_some(false)
        }
        Token::Char('a' | 'A') => {
            ampm = true;
            None
        }
        Token::Char('d' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S') => Some(true),
        Token::Char('p' | 'P' | '/') if ampm => Some(true),
        Token::Char(_) => None,
    })
    .unwrap_or(false)
}

/// An RK number (MS-XLS 2.5.217): bit 0 says divide by 100, bit 1 says
/// the upper 30 bits are a signed integer; otherwise they are the upper 30
/// bits of an IEEE double whose lower 34 bits are zero.
pub(super) fn rk(value: u32) -> f64 {
    let x = if value & 0x02 != 0 {
        f64::from((value as i32) >> 2)
    } else {
        f64::from_bits(u64::from(value & 0xFFFF_FFFC) << 32)
    };
    if value & 0x01 != 0 { x / 100.0 } else { x }
}

/// A cell's position and format index: the first 6 bytes of every cell
/// record (MS-XLS 2.5.12 Cell: `rw`, `col`, `ixfe`).
pub(super) fn head(data: &[u8]) -> Option<(u16, u16, u16)> {
    Some((u16_at(data, 0)?, u16_at(data, 2)?, u16_at(data, 4)?))
}

/// NUMBER: (row, col, cell).
pub(super) fn number(data: &[u8], formats: &Formats) -> Option<(u16, u16, Cell)> {
    let (row, col, xf) = head(data)?;
    Some((row, col, formats.number(xf, f64_at(data, 6)?)))
}

/// RK: (row, col, cell).
pub(super) fn rk_cell(data: &[u8], formats: &Formats) -> Option<(u16, u16, Cell)> {
    let (row, col, xf) = head(data)?;
    Some((row, col, formats.number(xf, rk(u32_at(data, 6)?))))
}

/// MULRK: a run of RK cells in one row, `colFirst` on; each entry is an
/// XF index and an RK (6 bytes); the record ends with `colLast`, which the
/// number of entries already says. Returns the row, first column and cells.
pub(super) fn mul_rk(data: &[u8], formats: &Formats) -> Option<(u16, u16, Vec<Cell>)> {
    let row = u16_at(data, 0)?;
    let first = u16_at(data, 2)?;
    let entries = data.get(4..data.len().checked_sub(2)?)?;
    if entries.len() % 6 != 0 {
        return None;
    }
    let cells = entries
        .chunks_exact(6)
        .map(|e| {
            let xf = u16_at(e, 0).unwrap_or(0);
            formats.number(xf, rk(u32_at(e, 2).unwrap_or(0)))
        })
        .collect();
    Some((row, first, cells))
}

/// The text of an error code (MS-XLS 2.5.97 BErr).
pub(super) fn error_text(code: u8) -> String {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => return format!("#ERROR({code:#04X})"),
    }
    .to_string()
}

/// BOOLERR: a boolean or an error value.
pub(super) fn bool_err(data: &[u8]) -> Option<(u16, u16, Cell)> {
    let (row, col, _) = head(data)?;
    let (value, is_error) = (*data.get(6)?, *data.get(7)?);
    let cell = if is_error != 0 {
        Cell::Error(error_text(value))
    } else {
        Cell::Bool(value != 0)
    };
    Some((row, col, cell))
}

/// What a FORMULA record stores as its last result (MS-XLS 2.5.133
/// FormulaValue): a number, or a tagged value when the last two bytes are
/// 0xFFFF.
#[derive(Debug, PartialEq)]
pub(super) enum Result {
    /// The value, ready.
    Value(Cell),
    /// A string, stored in the STRING record that follows.
    StringFollows,
}

/// FORMULA: position and cached result.
pub(super) fn formula(data: &[u8], formats: &Formats) -> Option<(u16, u16, Result)> {
    let (row, col, xf) = head(data)?;
    let value = data.get(6..14)?;
    if u16_at(value, 6) != Some(0xFFFF) {
        return Some((
            row,
            col,
            Result::Value(formats.number(xf, f64_at(value, 0)?)),
        ));
    }
    let result = match (value.first(), value.get(2)) {
        (Some(0x00), _) => Result::StringFollows,
        (Some(0x01), Some(&b)) => Result::Value(Cell::Bool(b != 0)),
        (Some(0x02), Some(&e)) => Result::Value(Cell::Error(error_text(e))),
        _ => Result::Value(Cell::Text(Default::default())), // 0x03: empty string
    };
    Some((row, col, result))
}

/// LABELSST: position and index into the shared strings.
pub(super) fn label_sst(data: &[u8]) -> Option<(u16, u16, u32)> {
    let (row, col, _) = head(data)?;
    Some((row, col, u32_at(data, 6)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rk_numbers_of_all_four_forms() {
        // Integer: 1000 << 2 | fInt.
        assert_eq!(rk((1000 << 2) | 0x02), 1000.0);
        assert_eq!(rk(((-7i32 << 2) as u32) | 0x02), -7.0);
        // Integer divided by 100: 1 250 050 → 12 500.50.
        assert_eq!(rk((1_250_050 << 2) | 0x03), 12_500.5);
        // Double with the low 34 bits zero: 0.5 and 1.25.
        let upper = |x: f64| (x.to_bits() >> 32) as u32;
        assert_eq!(rk(upper(0.5)), 0.5);
        assert_eq!(rk(upper(1.25)), 1.25);
        // Double divided by 100: 3.5 / 100.
        assert_eq!(rk(upper(3.5) | 0x01), 0.035);
    }

    #[test]
    fn mulrk_cells_follow_their_columns() {
        let f = Formats::default();
        let mut data = vec![4, 0, 2, 0];
        for v in [1u32, 2, 3] {
            data.extend([0, 0]);
            data.extend(((v << 2) | 2).to_le_bytes());
        }
        data.extend([4, 0]);
        let (row, first, cells) = mul_rk(&data, &f).unwrap();
        assert_eq!((row, first), (4, 2));
        assert_eq!(
            cells,
            [Cell::Number(1.0), Cell::Number(2.0), Cell::Number(3.0)]
        );
        assert!(mul_rk(&data[..9], &f).is_none());
        assert!(mul_rk(&[1], &f).is_none());
    }

    #[test]
    fn dates_by_format() {
        let f = Formats {
            date_xf: vec![false, true],
            is_1904: false,
            unit_xf: Vec::new(),
            duration_xf: vec![None, None, Some('h')],
        };
        assert_eq!(f.number(2, 1.5), Cell::Text("36:00".into()));
        assert_eq!(custom_duration("[h]:mm:ss"), Some('h'));
        assert_eq!(custom_duration("[MM]:ss"), Some('m'));
        assert_eq!(custom_duration("[ss]"), Some('s'));
        assert_eq!(custom_duration("[Red]0"), None);
        assert_eq!(custom_duration("[$-40B]0"), None);
        assert_eq!(custom_duration("0;[h]:mm"), None);
        assert_eq!(custom_duration("\"[h]\" 0"), None);
        assert_eq!(f.number(0, 44197.0), Cell::Number(44197.0));
        assert_eq!(
            f.number(1, 44197.0),
            Cell::Date(Date::new(2021, 1, 1).unwrap())
        );
        assert_eq!(f.number(7, 44197.0), Cell::Number(44197.0));
        let f = Formats { is_1904: true, ..f };
        assert_eq!(
            f.number(1, 42735.0),
            Cell::Date(Date::new(2021, 1, 1).unwrap())
        );
        assert!(custom_is_date("d.m.yyyy"));
        assert!(custom_is_date("[$-40B]D. MMMM YYYY"));
        assert!(custom_is_date("yyyy"));
        assert!(!custom_is_date("[h]:mm:ss"));
        assert!(!custom_is_date("# ##0,00\\ \"€\""));
        assert!(!custom_is_date("\"päivä\" 0"));
        assert!(!custom_is_date("General"));
        assert!(!custom_is_date("0;[Red]-0"));
        assert!(builtin_is_date(14) && !builtin_is_date(46) && !builtin_is_date(0));
    }

    #[test]
    fn formula_results() {
        let f = Formats::default();
        let mut data = vec![1, 0, 2, 0, 0, 0];
        data.extend(2021.5f64.to_le_bytes());
        assert_eq!(
            formula(&data, &f),
            Some((1, 2, Result::Value(Cell::Number(2021.5))))
        );
        let tagged = |t: u8, v: u8| [1, 0, 2, 0, 0, 0, t, 0, v, 0, 0, 0, 0xFF, 0xFF];
        assert_eq!(formula(&tagged(0, 0), &f).unwrap().2, Result::StringFollows);
        assert_eq!(
            formula(&tagged(1, 1), &f).unwrap().2,
            Result::Value(Cell::Bool(true))
        );
        assert_eq!(
            formula(&tagged(2, 0x2A), &f).unwrap().2,
            Result::Value(Cell::Error("#N/A".into()))
        );
        assert_eq!(
            formula(&tagged(3, 0), &f).unwrap().2,
            Result::Value(Cell::Text("".into()))
        );
        assert!(formula(&data[..10], &f).is_none());
    }
}
