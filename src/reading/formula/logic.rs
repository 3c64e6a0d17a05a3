//! Comparisons (`=`, `<>`, `<`, `<=`, `>`, `>=`), `IF`, `AND`, `OR` and
//! `NOT` as Excel computes them (Excel's and LibreOffice's function
//! reference): an empty cell compares as 0, `""` or FALSE, whichever the
//! other side is; numbers sort before texts and texts before truth
//! values; texts are equal ignoring case. A submission's
//! `IF(D2="";0;D2*2)` or `IF(B2>100;…)` is then a figure, not a
//! `formula-without-value`. Where Excel's answer depends on what kooste
//! cannot know, nothing is guessed and the formula is not evaluated: texts
//! ordered by a locale's collation (anything but ASCII letters and digits),
//! a CSV text that Excel may read as a number, date or truth value in the
//! user's locale, a cell of spaces (text to Excel, blank to kooste's
//! arithmetic).

use std::cmp::Ordering;

use super::{Outcome, Parser, Tok, Val, csv_integer};
use crate::model::Cell;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// The operator at the start of `b` and its length in bytes.
    pub(super) fn at(b: &[u8]) -> Option<(Cmp, usize)> {
        Some(match b {
            [b'<', b'=', ..] => (Cmp::Le, 2),
            [b'<', b'>', ..] => (Cmp::Ne, 2),
            [b'>', b'=', ..] => (Cmp::Ge, 2),
            [b'<', ..] => (Cmp::Lt, 1),
            [b'>', ..] => (Cmp::Gt, 1),
            [b'=', ..] => (Cmp::Eq, 1),
            _ => return None,
        })
    }

    /// Whether the operator holds between two values so related; `None`
    /// where an order is asked of values whose order is not known.
    fn holds(self, r: Relation) -> Option<bool> {
        let ord = match (self, r) {
            (Cmp::Eq, r) => return Some(r == Relation::Order(Ordering::Equal)),
            (Cmp::Ne, r) => return Some(r != Relation::Order(Ordering::Equal)),
            (_, Relation::Unequal) => return None,
            (_, Relation::Order(o)) => o,
        };
        Some(match self {
            Cmp::Lt => ord.is_lt(),
            Cmp::Le => ord.is_le(),
            Cmp::Gt => ord.is_gt(),
            _ => ord.is_ge(),
        })
    }
}

/// How two values compare: in a known order, or unequal in an order that
/// depends on the locale (two texts of other than ASCII letters and digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Order(Ordering),
    Unequal,
}

/// A single value as a comparison or a truth test sees it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    Num(f64),
    Text(String),
    Bool(bool),
    /// An empty cell: 0, `""` or FALSE by what it is compared with.
    Blank,
    Err(&'static str),
}

impl Operand {
    /// Excel's order of types: numbers, then texts, then truth values.
    fn rank(&self) -> u8 {
        match self {
            Operand::Num(_) | Operand::Blank | Operand::Err(_) => 0,
            Operand::Text(_) => 1,
            Operand::Bool(_) => 2,
        }
    }

    /// An empty cell as the value it is compared with.
    fn blank_like(&self) -> Operand {
        match self {
            Operand::Text(_) => Operand::Text(String::new()),
            Operand::Bool(_) => Operand::Bool(false),
            _ => Operand::Num(0.0),
        }
    }
}

/// How `a` compares with `b` (neither an error).
fn relate(a: &Operand, b: &Operand) -> Relation {
    let order = match (a, b) {
        (Operand::Blank, Operand::Blank) => Ordering::Equal,
        (Operand::Blank, x) => return relate(&x.blank_like(), x),
        (x, Operand::Blank) => return relate(x, &x.blank_like()),
        (Operand::Num(x), Operand::Num(y)) => match shown(*x).partial_cmp(&shown(*y)) {
            Some(o) => o,
            None => return Relation::Unequal,
        },
        (Operand::Text(x), Operand::Text(y)) => return relate_texts(x, y),
        (Operand::Bool(x), Operand::Bool(y)) => x.cmp(y),
        _ => a.rank().cmp(&b.rank()),
    };
    Relation::Order(order)
}

/// A number as a spreadsheet keeps it, 15 significant digits: Excel and
/// LibreOffice find `0.1+0.2=0.3` true.
fn shown(x: f64) -> f64 {
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// Two texts: equal ignoring case; otherwise ordered only where the order
/// is the same in every locale (ASCII letters and digits).
fn relate_texts(x: &str, y: &str) -> Relation {
    let (x, y) = (x.to_lowercase(), y.to_lowercase());
    if x == y {
        return Relation::Order(Ordering::Equal);
    }
    let plain = |t: &str| t.bytes().all(|b| b.is_ascii_alphanumeric());
    match plain(&x) && plain(&y) {
        true => Relation::Order(x.cmp(&y)),
        false => Relation::Unequal,
    }
}

/// A CSV cell's text as Excel reads it on opening, where every locale
/// reads it alike: digits are a number, text without digits stays text;
/// `None` for text a locale may read as a number, date or truth value
/// (`12,5`, `1.2.2021`, `TOSI`).
fn csv_text(t: &str) -> Option<Operand> {
    if let Some(n) = csv_integer(t) {
        return Some(Operand::Num(n));
    }
    let truth_words = ["true", "false", "tosi", "epätosi", "sant", "falskt"];
    let trimmed = crate::text::trim(t).to_lowercase();
    (!t.bytes().any(|b| b.is_ascii_digit()) && !truth_words.contains(&trimmed.as_str()))
        .then(|| Operand::Text(t.to_string()))
}

impl Parser<'_> {
    /// `IF(test, then, else)`, with its `(` read: only the branch the test
    /// chooses is evaluated, as in Excel, so a branch kooste cannot
    /// evaluate does not matter when it is not taken. Without `else`, a
    /// false test gives FALSE.
    pub(super) fn if_(&mut self) -> Option<Val> {
        let test = self.expr()?;
        let chosen = self.truth(test)?;
        if !self.eat(',') {
            return None;
        }
        let then = self.branch(chosen == Ok(true))?;
        let otherwise = match self.eat(',') {
            true => self.branch(chosen == Ok(false))?,
            false => Some(Val::Bool(false)),
        };
        if !self.eat(')') {
            return None;
        }
        match chosen {
            Err(e) => Some(Val::Err(e)),
            Ok(true) => then,
            Ok(false) => otherwise,
        }
    }

    /// One branch of an `IF`: evaluated where `taken` (`Some(value)`),
    /// else skipped to the `,` or `)` that ends it (`Some(None)`).
    fn branch(&mut self, taken: bool) -> Option<Option<Val>> {
        if taken {
            return Some(Some(self.expr()?));
        }
        let mut depth = 0u32;
        loop {
            match self.peek()? {
                Tok::Op('(') => depth += 1,
                Tok::Op(')' | ',') if depth == 0 => return Some(None),
                Tok::Op(')') => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// A test's truth: a number other than 0, TRUE; an empty cell is
    /// false; an error is `Err`; text is not evaluated.
    pub(super) fn truth(&self, v: Val) -> Option<Result<bool, &'static str>> {
        match self.operand(v)? {
            Operand::Num(n) => Some(Ok(n != 0.0)),
            Operand::Bool(b) => Some(Ok(b)),
            Operand::Blank => Some(Ok(false)),
            Operand::Err(e) => Some(Err(e)),
            Operand::Text(_) => None,
        }
    }

    /// `a op b`: a truth value, or the first error of the two.
    pub(super) fn compare(&self, a: Val, b: Val, op: Cmp) -> Option<Val> {
        let (a, b) = (self.operand(a)?, self.operand(b)?);
        if let Operand::Err(e) = a {
            return Some(Val::Err(e));
        }
        if let Operand::Err(e) = b {
            return Some(Val::Err(e));
        }
        op.holds(relate(&a, &b)).map(Val::Bool)
    }

    /// `AND` (`all`) or `OR` of its arguments: numbers and truth values
    /// count, text and empty cells in ranges are skipped, an error is the
    /// result; with nothing to count, `#VALUE!`.
    pub(super) fn all_or_any(&self, all: bool, args: &[Val]) -> Option<Val> {
        let mut seen = Vec::new();
        for a in args {
            match a {
                Val::Range(s, (r1, c1), (r2, c2)) => {
                    let grid = &self.sheets[*s];
                    let last_row = (*r2).min(grid.end_row().saturating_sub(1));
                    let last_col = (*c2).min(grid.end_col().saturating_sub(1));
                    for row in *r1..=last_row {
                        for col in *c1..=last_col {
                            if !self.budget.take() {
                                return None;
                            }
                            seen.push(self.cell_operand(*s, row, col)?);
                        }
                    }
                }
                // A text typed as an argument: Excel reads "TRUE" but
                // gives #VALUE! for others; not evaluated.
                Val::Str(_) => return None,
                v => seen.push(self.operand(v.clone())?),
            }
        }
        let mut truths = Vec::new();
        for o in seen {
            match o {
                Operand::Err(e) => return Some(Val::Err(e)),
                Operand::Num(n) => truths.push(n != 0.0),
                Operand::Bool(b) => truths.push(b),
                Operand::Text(_) | Operand::Blank => {}
            }
        }
        Some(match truths.is_empty() {
            true => Val::Err("#VALUE!"),
            false if all => Val::Bool(truths.iter().all(|t| *t)),
            false => Val::Bool(truths.iter().any(|t| *t)),
        })
    }

    /// A value as one operand; a range of more than one cell is not one.
    pub(super) fn operand(&self, v: Val) -> Option<Operand> {
        Some(match v {
            Val::Num(n) => Operand::Num(n),
            Val::Str(t) => Operand::Text(t),
            Val::Bool(b) => Operand::Bool(b),
            Val::Err(e) => Operand::Err(e),
            Val::Range(s, a, b) if a == b => self.cell_operand(s, a.0, a.1)?,
            Val::Range(..) => return None,
        })
    }

    /// A cell's value as an operand: a formula's by evaluating it where
    /// kooste can, else the value stored; `None` where it cannot be known
    /// (a date, a formula not evaluated, text of spaces).
    fn cell_operand(&self, s: usize, row: u32, col: u32) -> Option<Operand> {
        let text_numbers = self.sheets[s].text_numbers;
        if let Some(o) = self.stored_outcome(s, row, col) {
            return outcome_operand(o, text_numbers);
        }
        let cell = self.sheets[s].get(row, col);
        match super::unstored_formula(&self.sheets[s], cell) {
            Some(f) => {
                let o = super::eval_in(f, self.sheets, s, self.depth + 1, self.budget)?;
                outcome_operand(o, text_numbers)
            }
            None => cell_operand(cell, text_numbers),
        }
    }
}

fn outcome_operand(o: Outcome, text_numbers: bool) -> Option<Operand> {
    match o {
        Outcome::Number(n) => Some(Operand::Num(n)),
        Outcome::Error(e) => Some(Operand::Err(e)),
        Outcome::Copy(c) => cell_operand(&c, text_numbers),
    }
}

/// A stored cell as an operand (`text_numbers`: a CSV's text, which Excel
/// reads by the user's locale on opening).
fn cell_operand(c: &Cell, text_numbers: bool) -> Option<Operand> {
    Some(match c {
        Cell::Empty => Operand::Blank,
        Cell::Number(n) => Operand::Num(*n),
        Cell::Bool(b) => Operand::Bool(*b),
        Cell::Error(_) => Operand::Err("#VALUE!"),
        Cell::Text(t) if text_numbers => csv_text(t)?,
        Cell::Text(t) if !t.is_empty() && crate::text::trim(t).is_empty() => return None,
        Cell::Text(t) => Operand::Text(t.to_string()),
        Cell::Date(_) | Cell::FormulaWithoutValue(_) => return None,
    })
}
