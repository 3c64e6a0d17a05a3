//! Every row a submission read, as the checks across rows see it: the rows
//! that became measures and the rows with errors (`Submission::partial`),
//! in row order. A typo in one cell must not hide a row from the checks
//! that compare it with others, or a second run would find new problems.

use std::borrow::Cow;
use std::iter::Peekable;

use crate::config::{Config, FieldKey};
use crate::model::parse::Cents;
use crate::model::{Measure, Value};
use crate::reading::Submission;

/// The field indexes a check across rows reads from a row with errors.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fields {
    department: Option<usize>,
    name: Option<usize>,
    /// The year field's index, if the programme has one.
    pub(crate) year: Option<usize>,
    budget: Option<usize>,
}

impl Fields {
    /// Looks the fields up by their keys in the configuration.
    pub(crate) fn of(config: &Config) -> Fields {
        let find = |key| config.field_index(key);
        Fields {
            department: find(FieldKey::Department),
            name: find(FieldKey::Measure),
            year: find(FieldKey::Year),
            budget: find(FieldKey::Budget),
        }
    }
}

/// One row of a submission, measure or not.
#[derive(Debug, Clone)]
pub(crate) struct RowView<'s> {
    /// The submission it is in.
    pub sub: &'s Submission,
    /// 1-based row.
    pub row: u32,
    /// A1 reference of the measure-name cell; empty if there is no name column.
    pub cell: Cow<'s, str>,
    /// The measure's name, if it could be read.
    pub name: Option<&'s str>,
    /// Index into `Config::departments`, if it could be read.
    pub department: Option<usize>,
    /// The year, if it could be read.
    pub year: Option<i32>,
    /// The budget, if it could be read.
    pub budget: Option<Cents>,
    /// The measure, when the row became one.
    pub measure: Option<&'s Measure>,
}

impl<'s> RowView<'s> {
    fn of_measure(sub: &'s Submission, m: &'s Measure) -> RowView<'s> {
        RowView {
            sub,
            row: m.source.row,
            cell: Cow::Borrowed(m.source_cell.as_str()),
            name: Some(m.name.as_str()),
            department: Some(m.department),
            year: m.year,
            budget: Some(m.budget),
            measure: Some(m),
        }
    }

    fn of_partial(
        sub: &'s Submission,
        fields: Fields,
        row: u32,
        values: &'s [Option<Value>],
    ) -> RowView<'s> {
        let get = |f: Option<usize>| f.and_then(|i| values.get(i)).and_then(Option::as_ref);
        let name_col = fields
            .name
            .and_then(|f| sub.columns.iter().find(|(_, g)| *g == f))
            .map(|(c, _)| *c);
        let cell = name_col
            .map(|c| Cow::Owned(crate::text::a1(row.saturating_sub(1), c)))
            .unwrap_or_default();
        RowView {
            sub,
            row,
            cell,
            name: match get(fields.name) {
                Some(Value::Text(s)) if !s.is_empty() => Some(s.as_str()),
                _ => None,
            },
            department: match get(fields.department) {
                Some(Value::Choice(d)) => Some(*d),
                _ => None,
            },
            year: match get(fields.year) {
                Some(Value::Year(y)) => Some(*y),
                _ => None,
            },
            budget: match get(fields.budget) {
                Some(Value::Money(c)) => Some(*c),
                _ => None,
            },
            measure: None,
        }
    }
}

/// Every row of `sub`, measures and rows with errors merged in row order
/// (both lists are kept in row order by the reader).
pub(crate) fn rows(sub: &Submission, fields: Fields) -> impl Iterator<Item = RowView<'_>> {
    Merged {
        measures: sub.measures.iter().peekable(),
        partial: sub.partial.iter().peekable(),
        sub,
        fields,
    }
}

/// [`rows`] of every submission, in submission order.
pub(crate) fn all_rows(subs: &[Submission], fields: Fields) -> impl Iterator<Item = RowView<'_>> {
    subs.iter().flat_map(move |s| rows(s, fields))
}

struct Merged<'s, M: Iterator, P: Iterator> {
    measures: Peekable<M>,
    partial: Peekable<P>,
    sub: &'s Submission,
    fields: Fields,
}

impl<'s, M, P> Iterator for Merged<'s, M, P>
where
    M: Iterator<Item = &'s Measure>,
    P: Iterator<Item = &'s (u32, Vec<Option<Value>>)>,
{
    type Item = RowView<'s>;

    fn next(&mut self) -> Option<RowView<'s>> {
        let partial_first = match (self.measures.peek(), self.partial.peek()) {
            (Some(m), Some((r, _))) => *r < m.source.row,
            (None, Some(_)) => true,
            _ => false,
        };
        if partial_first {
            let (row, values) = self.partial.next()?;
            return Some(RowView::of_partial(self.sub, self.fields, *row, values));
        }
        let m = self.measures.next()?;
        Some(RowView::of_measure(self.sub, m))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (a, b) = (self.measures.size_hint(), self.partial.size_hint());
        (a.0 + b.0, a.1.zip(b.1).map(|(x, y)| x + y))
    }
}
