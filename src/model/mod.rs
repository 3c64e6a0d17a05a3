//! The data kooste works on: cells as read, measures as typed, and the
//! submissions they came from.

pub mod field;
pub mod finding;
pub mod lang;
pub mod message;
pub mod parse;

use compact_str::CompactString;

use crate::model::parse::{Cents, Date};

/// One cell as read from a sheet, before it is typed by its column's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing stored.
    Empty,
    /// Text (kept inline up to 24 bytes: most cells are short).
    Text(CompactString),
    /// A number (also an Excel date that was not formatted as one).
    Number(f64),
    /// TRUE / FALSE.
    Bool(bool),
    /// A cell formatted as a date.
    Date(Date),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula whose file stores no computed result.
    FormulaWithoutValue(String),
}

impl Cell {
    /// The number the cell holds, or that its text reads as
    /// ([`parse::parse_number`]: `423 000`, `1,5`); `None` for anything else.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => parse::parse_number(t).ok(),
            _ => None,
        }
    }

    /// Whether the cell holds nothing a person typed (empty, or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => crate::text::trim(t).is_empty(),
            _ => false,
        }
    }

    /// The cell as a person sees it, for messages and for the annotated copy.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Date(d) => format!("{}.{}.{}", d.day, d.month, d.year),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    // A whole number, as `format!("{}", n as i64)` writes it
                    // (this runs for every number typed as a code).
                    let mut s = Vec::with_capacity(17);
                    if *n < 0.0 {
                        s.push(b'-');
                    }
                    crate::text::push_digits(&mut s, n.abs() as u64);
                    String::from_utf8(s).unwrap_or_default()
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
            Cell::FormulaWithoutValue(f) => format!("={f}"),
        }
    }
}

/// Where a row came from: which input, which sheet, which 1-based row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceRef {
    /// Index of the submission in the run's input order (sorted by path).
    pub file: usize,
    /// 1-based row number as the user's program shows it.
    pub row: u32,
}

/// One measure: a typed data row of a submission.
///
/// Choice fields hold the index of the entry in the configuration's list.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Optional identifier.
    pub id: Option<CompactString>,
    /// Index into `Config::departments`.
    pub department: usize,
    /// Index into `Config::focus_areas`.
    pub focus_area: Option<usize>,
    /// The measure's name.
    pub name: CompactString,
    /// Indexes into `Config::areas`.
    pub areas: Vec<usize>,
    /// Index into `Config::statuses`.
    pub status: Option<usize>,
    /// The year the row reports.
    pub year: Option<i32>,
    /// Budget for the year.
    pub budget: Cents,
    /// Actual spend.
    pub spent: Option<Cents>,
    /// Staff in full-time equivalents.
    pub fte: Option<f64>,
    /// Indexes into `Config::themes`.
    pub themes: Vec<usize>,
    /// Free-text schedule.
    pub schedule: Option<CompactString>,
    /// People reached.
    pub reached: Option<i64>,
    /// Impact story.
    pub impact_story: Option<CompactString>,
    /// Contact e-mail.
    pub contact: Option<CompactString>,
    /// Date-kind extra fields and other configured fields, as (key, text).
    pub extras: Vec<(String, String)>,
    /// Where it came from.
    pub source: SourceRef,
    /// A1 reference of the measure-name cell, for tracing.
    pub source_cell: CompactString,
}

/// A value typed from a cell of a given kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(CompactString),
    /// An index into one of the configuration's lists.
    Choice(usize),
    /// Several indexes.
    Choices(Vec<usize>),
    /// A year.
    Year(i32),
    /// Euros.
    Money(Cents),
    /// A decimal.
    Number(f64),
    /// A whole number.
    Whole(i64),
    /// A date.
    Date(Date),
}

/// The rows of a run: how many go into the outputs, how many were left out
/// for each reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Measures that go into the outputs.
    pub measures: usize,
    /// Rows left out as duplicates.
    pub duplicate: usize,
    /// Rows left out as of another year.
    pub wrong_year: usize,
    /// Rows left out for errors in their cells or department.
    pub errors: usize,
}

impl Tally {
    /// Rows left out, for every reason.
    pub fn left_out(&self) -> usize {
        self.duplicate + self.wrong_year + self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_display_as_std_formats_them() {
        let mut values = vec![0.0, -0.0, 1.0, -1.0, 2021.0, 999_999_999_999_999.0];
        values.extend([-999_999_999_999_999.0, 1e14, 123_456_789.0, -42.0]);
        values.extend((0..2000).map(|i| f64::from(i) * 7919.0 - 5_000_000.0));
        for v in values {
            assert_eq!(Cell::Number(v).display(), format!("{}", v as i64), "{v}");
        }
        assert_eq!(Cell::Number(1e15).display(), "1000000000000000");
        assert_eq!(Cell::Number(0.5).display(), "0.5");
    }
}
