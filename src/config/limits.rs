//! Range checks of the configuration's numbers, made when it is loaded: a
//! number past what kooste can carry would otherwise turn into something
//! else much later (a budget of 1e14 € became 0 €, 4 000 000 000 template
//! rows failed only in the workbook writer).

use toml::Spanned;

use super::{Config, Inconsistency};

/// The earliest and latest programme year: what a spreadsheet date holds.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// The most years a programme spans (each is a choice in the templates).
pub const MAX_SPAN: i32 = 100;

/// Euros kooste keeps in whole cents in an `i64`, with room for sums; the
/// annual budget must be below this (see [`crate::model::parse::Cents::from_euros`]).
pub const MAX_EUROS: f64 = 9.0e13;

/// The largest decimal number (FTE) a cell may hold, exclusive: a
/// thousand billion person-years is no measure's, and summed over a
/// million rows it stays a finite number every workbook reader shows
/// (two cells of 1,7·10^308 summed to infinity, written as `inf`, which
/// is no xlsx number: ECMA-376 Part 1 §18.3.1.96 `xsd:double` is finite
/// there).
pub const MAX_NUMBER: f64 = 1.0e12;

/// Empty rows a template may have: an Excel sheet holds 1 048 576 rows,
/// and the title, header, example and total rows need some.
pub const MAX_TEMPLATE_ROWS: u32 = 1_000_000;

/// The rows of an Excel sheet.
pub const SHEET_ROWS: u32 = 1_048_576;

/// A number that is out of range: its span, key and what it must be.
pub struct OutOfRange {
    /// Where the value stands in the TOML text.
    pub span: std::ops::Range<usize>,
    /// The key, as `table.key`.
    pub key: &'static str,
    /// What is wrong, with the value.
    pub problem: Inconsistency,
}

/// The first number of `config` that is out of its range.
pub fn check(config: &Config) -> Option<OutOfRange> {
    let p = &config.programme;
    year(&p.first_year, "programme.first_year")
        .or_else(|| year(&p.last_year, "programme.last_year"))
        .or_else(|| span(config))
        .or_else(|| budget(&p.annual_budget_eur))
        .or_else(|| template_rows(&config.submission.template_rows))
}

fn year(y: &Spanned<i32>, key: &'static str) -> Option<OutOfRange> {
    (!YEARS.contains(y.get_ref())).then(|| OutOfRange {
        span: y.span(),
        key,
        problem: Inconsistency::YearOutOfRange {
            value: *y.get_ref(),
            min: *YEARS.start(),
            max: *YEARS.end(),
        },
    })
}

fn span(config: &Config) -> Option<OutOfRange> {
    let p = &config.programme;
    let (first, last) = (*p.first_year.get_ref(), *p.last_year.get_ref());
    if first > last {
        return Some(OutOfRange {
            span: p.last_year.span(),
            key: "programme.last_year",
            problem: Inconsistency::LastYearBeforeFirst { first, last },
        });
    }
    (last - first >= MAX_SPAN).then(|| OutOfRange {
        span: p.last_year.span(),
        key: "programme.last_year",
        problem: Inconsistency::SpanTooLong {
            first,
            last,
            years: last - first + 1,
            max: MAX_SPAN,
        },
    })
}

fn budget(b: &Spanned<f64>) -> Option<OutOfRange> {
    let v = *b.get_ref();
    (!(v.is_finite() && (0.0..MAX_EUROS).contains(&v))).then(|| OutOfRange {
        span: b.span(),
        key: "programme.annual_budget_eur",
        problem: Inconsistency::BudgetOutOfRange { value: v },
    })
}

fn template_rows(rows: &Spanned<u32>) -> Option<OutOfRange> {
    (*rows.get_ref() > MAX_TEMPLATE_ROWS).then(|| OutOfRange {
        span: rows.span(),
        key: "submission.template_rows",
        problem: Inconsistency::TooManyTemplateRows {
            value: *rows.get_ref(),
            max: MAX_TEMPLATE_ROWS,
        },
    })
}
