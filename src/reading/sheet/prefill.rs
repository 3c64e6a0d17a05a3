//! A template prefills the department and year of its empty rows, so a row
//! with nothing else is an untouched template row and is skipped. A row
//! whose department or year differs from the template's prefill (the one
//! value pair most of those rows share) was typed by a person, and since
//! nothing typed may disappear in silence it gets a finding.

use std::collections::HashMap;

use super::{Columns, SheetReader};
use crate::config::Kind;
use crate::model::Cell;
use crate::model::field::{EXAMPLE_BUDGET_EUROS, EXAMPLE_MEASURE, FieldKey};
use crate::model::finding::Code;
use crate::model::message::Message;
use crate::model::parse::{Cents, parse_euros};
use crate::text::normalise;

/// The department and year cells of a row, as shown, trimmed.
type Key = Vec<String>;

impl SheetReader<'_, '_> {
    /// The department and year columns: what a template prefills.
    fn prefill_columns(&self, columns: &Columns) -> Vec<u32> {
        let fields = &self.schema.config.fields;
        columns
            .iter()
            .filter(|(_, f)| matches!(fields[*f].kind, Kind::Department | Kind::Year))
            .map(|(c, _)| *c)
            .collect()
    }

    /// A row's prefillable cells, or `None` when all are empty.
    fn prefill_key(&self, row: u32, cols: &[u32]) -> Option<Key> {
        let key: Key = cols
            .iter()
            .map(|&c| self.grid.get(row, c).display().trim().to_string())
            .collect();
        key.iter().any(|k| !k.is_empty()).then_some(key)
    }

    /// The template's prefill: the department and year most rows with
    /// nothing else share, when at least two share it (a template prefills
    /// every empty row alike).
    pub(super) fn template_prefill(
        &self,
        header_row: u32,
        columns: &Columns,
        prefilled: &[bool],
    ) -> Option<Key> {
        let cols = self.prefill_columns(columns);
        if cols.is_empty() {
            return None;
        }
        let mut counts: HashMap<Key, usize> = HashMap::new();
        for row in header_row + 1..self.grid.end_row() {
            if self.is_blank_row(row, prefilled)
                && let Some(key) = self.prefill_key(row, &cols)
            {
                *counts.entry(key).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(k, _)| k)
    }

    /// For a row with nothing but department and year: whether those differ
    /// from the template's prefill (`prefill`), so a person typed them; if
    /// so, an `unread-content` warning names the row's first such cell.
    pub(super) fn report_changed_prefill(
        &mut self,
        row: u32,
        columns: &Columns,
        prefill: Option<&Key>,
    ) {
        let cols = self.prefill_columns(columns);
        let Some(key) = self.prefill_key(row, &cols) else {
            return;
        };
        if prefill == Some(&key) {
            return;
        }
        // The first cell that differs from the prefill (or the first filled).
        let at = cols
            .iter()
            .zip(&key)
            .enumerate()
            .find(|(i, (_, k))| !k.is_empty() && prefill.is_none_or(|p| p[*i] != **k))
            .map(|(_, (c, k))| (*c, k.clone()));
        let Some((col, value)) = at else {
            return;
        };
        let finding = self
            .finding(
                Code::UnreadContent,
                Message::new("read-prefill-changed").arg("value", &value),
            )
            .at(row, col)
            .value(value)
            .hint(Message::new("read-prefill-changed.hint"));
        self.findings.push(finding);
    }

    /// A template's example row is skipped; one that a department typed a
    /// measure over (its name or budget no longer the template's example,
    /// in any of the three languages) is named at the first such cell, so
    /// the measure does not vanish in silence.
    pub(super) fn report_changed_example(&mut self, row: u32, columns: &Columns) {
        let fields = &self.schema.config.fields;
        let changed = columns.iter().find_map(|&(c, f)| {
            let cell = self.grid.get(row, c);
            let shown = cell.display().trim().to_string();
            if shown.is_empty() {
                return None;
            }
            let typed = match fields[f].role() {
                Some(FieldKey::Measure) => !EXAMPLE_MEASURE
                    .iter()
                    .any(|e| normalise(e) == normalise(&shown)),
                Some(FieldKey::Budget) => {
                    let example = Cents(EXAMPLE_BUDGET_EUROS * 100);
                    match cell {
                        Cell::Number(v) => *v != EXAMPLE_BUDGET_EUROS as f64,
                        _ => parse_euros(&shown) != Ok(example),
                    }
                }
                _ => false,
            };
            typed.then_some((c, shown))
        });
        let Some((col, value)) = changed else {
            return;
        };
        let finding = self
            .finding(
                Code::UnreadContent,
                Message::new("read-example-changed").arg("value", &value),
            )
            .at(row, col)
            .value(value)
            .hint(Message::new("read-example-changed.hint"));
        self.findings.push(finding);
    }
}
