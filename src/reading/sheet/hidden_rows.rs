//! Rows the sheet hides: read as every other row (nothing is dropped), and
//! named, so the user knows figures the sheet does not show went into the
//! totals. A department hides an old measure, groups rows and collapses
//! the group, or filters the list; the reader records how each row is
//! hidden ([`crate::reading::Grid::row_hidden`]).

use super::SheetReader;
use crate::model::finding::Code;
use crate::model::message::{Arg, Message};
use crate::reading::grid::RowHidden;

impl SheetReader<'_, '_> {
    /// One `hidden-rows` warning per run of consecutive hidden measure
    /// rows hidden the same way (`rows`: absolute 0-based rows read as
    /// measures, in order, with how each is hidden), at the run's first
    /// row: "Rivit 5–7 on piilotettu (3 toimenpidettä)".
    pub(super) fn report_hidden_rows(&mut self, rows: &[(u32, RowHidden)]) {
        let mut i = 0;
        while i < rows.len() {
            let (first, how) = rows[i];
            let mut last = first;
            while let Some(&(r, h)) = rows.get(i + 1)
                && h == how
                && self.only_blank_between(last, r)
            {
                last = r;
                i += 1;
            }
            i += 1;
            let count = rows
                .iter()
                .filter(|(r, _)| (first..=last).contains(r))
                .count();
            let span = if first == last {
                format!("{}", first + 1)
            } else {
                format!("{}\u{2013}{}", first + 1, last + 1)
            };
            let msg = Message::new("read-hidden-rows")
                .arg("rows", Arg::Text(span))
                .arg(
                    "how",
                    match how {
                        RowHidden::Hidden => "hidden",
                        RowHidden::Filtered => "filtered",
                    },
                )
                .count("count", count);
            let finding = self
                .finding(Code::HiddenRows, msg)
                .at(first, self.grid.first_col)
                .hint(Message::new("read-hidden-rows.hint"));
            self.findings.push(finding);
        }
    }

    /// Whether every row strictly between `a` and `b` holds no cell (a
    /// hidden run is one run across the empty rows inside it).
    fn only_blank_between(&self, a: u32, b: u32) -> bool {
        (a + 1..b).all(|r| self.grid.filled_in_row(r).next().is_none())
    }
}
