//! What a stored number does not say by itself: whether it is what its
//! formula gives (a stale result in a workbook calculated by hand), and
//! whether its cell's number format shows it in another unit (`55` shown as
//! `55,0 t€`). Either makes the number unreadable, with a finding at the
//! cell; the common case (no formula, or a result that agrees; a format
//! without a unit) costs a look-up in an empty map.

use super::SheetReader;
use crate::config::Kind;
use crate::i18n::{Lang, fill};
use crate::model::Cell;
use crate::model::finding::Code;
use crate::reading::formula::{Outcome, evaluate_within};
use crate::reading::units;

/// A number as a message shows it: whole, or with up to six decimals.
fn shown(lang: Lang, n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return lang.integer(n as i64);
    }
    let s = lang.decimal(n, 6);
    let s = s.trim_end_matches('0');
    s.trim_end_matches([',', '.']).to_string()
}

/// Whether a stored result and what the formula gives differ by more than
/// the last digits a spreadsheet keeps (15 significant digits).
fn differs(stored: f64, evaluated: f64) -> bool {
    let scale = stored.abs().max(evaluated.abs()).max(1.0);
    (stored - evaluated).abs() > 1e-9 * scale
}

impl SheetReader<'_, '_> {
    /// Whether the number stored at (row, col) of numeric field `f` cannot
    /// be read as it stands: its format shows a unit the field is not read
    /// in (`unknown-unit`), or its formula, evaluated, gives another value
    /// (`formula-mismatch`: which of the two the person meant cannot be
    /// told, so neither is taken). Each is an error at the cell.
    pub(super) fn stored_number_is_wrong(&mut self, row: u32, col: u32, f: usize) -> bool {
        let field = &self.schema.config.fields[f];
        if !matches!(field.kind, Kind::Euro | Kind::Number | Kind::Whole) {
            return false;
        }
        let Cell::Number(stored) = *self.grid.get(row, col) else {
            return false;
        };
        let t = self.lang.texts();
        if let Some(unit) = self
            .grid
            .format_unit(row, col)
            .and_then(|u| u.section(stored))
            && !units::accepted(unit, field.kind)
        {
            // The number as the section shows it: times 100 for a `%`,
            // divided by the factor (signed, as stored).
            let mut on_show = stored / unit.factor;
            if unit.percent {
                on_show *= 100.0;
            }
            let value = shown(self.lang, on_show);
            let name = field.header.get(self.lang);
            let args = [
                ("value", value.as_str()),
                ("unit", unit.text.as_str()),
                ("field", name),
            ];
            let finding = self
                .finding(Code::UnknownUnit, fill(t.unknown_unit_format, &args))
                .at(row, col)
                .field(field.key.get_ref())
                .value(format!("{value} {}", unit.text))
                .hint(fill(t.unknown_unit_format_hint, &args));
            self.findings.push(finding);
            return true;
        }
        let Some(formula) = self.grid.formula(row, col) else {
            return false;
        };
        let evaluated = match evaluate_within(formula, self.sheets, self.sheet, &self.budget) {
            Some(Outcome::Number(n)) if differs(stored, n) => shown(self.lang, n),
            Some(Outcome::Error(e)) => e.to_string(),
            _ => return false,
        };
        let formula = formula.trim_start_matches('=');
        let stored = shown(self.lang, stored);
        let args = [
            ("formula", formula),
            ("stored", stored.as_str()),
            ("evaluated", evaluated.as_str()),
        ];
        let finding = self
            .finding(Code::FormulaMismatch, fill(t.formula_mismatch, &args))
            .at(row, col)
            .field(field.key.get_ref())
            .value(format!("={formula}"))
            .hint(t.formula_mismatch_hint);
        self.findings.push(finding);
        true
    }
}
