//! What a stored number does not say by itself: whether it is what its
//! formula gives (a stale result in a workbook calculated by hand), and
//! whether its cell's number format shows it in another unit (`55` shown as
//! `55,0 t€`) or hides it (`;;;`). Each makes the number unreadable, with a finding at the
//! cell; the common case (no formula, or a result that agrees; a format
//! without a unit) costs a look-up in an empty map.

use super::{SheetReader, header_of};
use crate::config::Kind;
use crate::model::Cell;
use crate::model::finding::Code;
use crate::model::message::{Arg, Message};
use crate::reading::formula::{Outcome, evaluate_within};
use crate::reading::grid::FormatSection;
use crate::reading::units;

/// A number as a message shows it: whole, or with up to six decimals,
/// made in the message's language.
fn shown(n: f64) -> Arg {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return Arg::Count(n as i64);
    }
    Arg::Decimal(n, places(n))
}

/// The decimals `n` needs, up to six.
fn places(n: f64) -> u8 {
    let s = format!("{n:.6}");
    let decimals = s.split_once('.').map_or("", |(_, d)| d);
    decimals.trim_end_matches('0').len() as u8
}

/// A number as the finding's value keeps it, the same in every language:
/// whole, or with a decimal point and up to six decimals.
fn plain(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return (n as i64).to_string();
    }
    format!("{n:.*}", usize::from(places(n)))
}

/// `n` rounded half away from zero to `places` decimals, as a spreadsheet
/// rounds what it shows (the decimal it shows, 15 significant digits).
fn round_to(n: f64, places: u8) -> f64 {
    let f = 10f64.powi(i32::from(places));
    let shown: f64 = format!("{:.14e}", n * f).parse().unwrap_or(n * f);
    shown.round() / f
}

/// Whether a stored result and what the formula gives differ by more than
/// the last digits a spreadsheet keeps (15 significant digits).
fn differs(stored: f64, evaluated: f64) -> bool {
    let scale = stored.abs().max(evaluated.abs()).max(1.0);
    (stored - evaluated).abs() > 1e-9 * scale
}

impl SheetReader<'_, '_> {
    /// Whether the number stored at (row, col) of numeric field `f` is
    /// hidden by its format (`;;;`): the sheet shows the cell empty, so it
    /// is read as the empty cell the person sees, and the number left out
    /// is an `unread-content` warning naming it (an empty required cell is
    /// still `missing-value`). A zero hidden by `0;-0;;@` is the zero it
    /// stands for, and is read.
    pub(super) fn is_hidden_number(&mut self, row: u32, col: u32, f: usize) -> bool {
        let field = &self.schema.config.fields[f];
        if !matches!(field.kind, Kind::Euro | Kind::Number | Kind::Whole) {
            return false;
        }
        let Cell::Number(stored) = *self.grid.get(row, col) else {
            return false;
        };
        let hidden = self
            .grid
            .format_unit(row, col)
            .and_then(|u| u.section(stored))
            .is_some_and(|s| s.hidden);
        if !hidden || stored == 0.0 {
            return false;
        }
        let msg = Message::new("read-hidden-number").arg("value", shown(stored));
        let finding = self
            .finding(Code::UnreadContent, msg)
            .at(row, col)
            .field(field.key.get_ref())
            .value(plain(stored))
            .hint(Message::new("read-hidden-number.hint"));
        self.findings.push(finding);
        true
    }

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
        let section = self
            .grid
            .format_unit(row, col)
            .and_then(|u| u.section(stored));
        if let Some(unit) = section
            && !units::accepted(unit, field.kind)
        {
            // The number as the section shows it: times 100 for a `%`,
            // divided by the factor (signed, as stored).
            let mut on_show = stored / unit.factor;
            if unit.percent {
                on_show *= 100.0;
            }
            let msg = Message::new("read-unknown-unit-format")
                .arg("value", shown(on_show))
                .arg("unit", &unit.text)
                .arg("field", header_of(field));
            let finding = self
                .finding(Code::UnknownUnit, msg)
                .at(row, col)
                .field(field.key.get_ref())
                .value(format!("{} {}", plain(on_show), unit.text))
                .hint(Message::new("read-unknown-unit-format.hint").arg("unit", &unit.text));
            self.findings.push(finding);
            return true;
        }
        if let Some(unit) = section
            && unit.factor != 1.0
            && !unit.percent
        {
            self.report_scaled(row, col, f, stored, unit);
        }
        let Some(formula) = self.grid.formula(row, col) else {
            return false;
        };
        // "Precision as displayed": the workbook stores each result rounded
        // as its cell shows it, so the result is compared rounded to the
        // decimals the stored number has (1000/3 stored as 333,33).
        let as_stored = |n: f64| match self.grid.precision_as_shown {
            true => round_to(n, places(stored)),
            false => n,
        };
        let evaluated = match evaluate_within(formula, self.sheets, self.sheet, &self.budget) {
            Some(Outcome::Number(n)) if differs(stored, as_stored(n)) => shown(n),
            Some(Outcome::Error(e)) => Arg::Text(e.to_string()),
            // A text where a number is stored (`IF(H3="";"";…)` after H3
            // was emptied): the stored number is stale too.
            Some(Outcome::Copy(Cell::Text(t))) => Arg::Text(format!("\"{t}\"")),
            _ => return false,
        };
        let formula = formula.trim_start_matches('=');
        let msg = Message::new("read-formula-mismatch")
            .arg("formula", formula)
            .arg("stored", shown(stored))
            .arg("evaluated", evaluated);
        let finding = self
            .finding(Code::FormulaMismatch, msg)
            .at(row, col)
            .field(field.key.get_ref())
            .value(format!("={formula}"))
            .hint(Message::new("read-formula-mismatch.hint"));
        self.findings.push(finding);
        true
    }

    /// A euro number whose format scales what the sheet shows (`#,##0,`
    /// shows 55 000 as `55`, `0.0,," M€"` 1 200 000 as `1,2 M€`): read as
    /// stored, the euros the cell holds, with a `scaled-format` warning
    /// naming the stored number and what is shown, since the two differ
    /// (issue 17: the person sees another number than the one read).
    fn report_scaled(&mut self, row: u32, col: u32, f: usize, stored: f64, unit: &FormatSection) {
        let field = &self.schema.config.fields[f];
        let on_show = stored / unit.factor;
        let suffix = if unit.text.is_empty() {
            String::new()
        } else {
            format!(" {}", unit.text)
        };
        let msg = Message::new("read-scaled-format")
            .arg("stored", shown(stored))
            .arg("shown", shown(on_show))
            .arg("unit", suffix.as_str())
            .arg("field", header_of(field));
        let finding = self
            .finding(Code::ScaledFormat, msg)
            .at(row, col)
            .field(field.key.get_ref())
            .value(plain(stored))
            .hint(Message::new("read-scaled-format.hint"));
        self.findings.push(finding);
    }
}
