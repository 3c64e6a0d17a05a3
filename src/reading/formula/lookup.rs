//! The exact-match lookups submissions use to fetch a figure from a price
//! list or another sheet of the same workbook: `VLOOKUP` and `HLOOKUP`
//! with `FALSE` (or 0) as their last argument, `MATCH` with 0, and `INDEX`
//! (Excel's and LibreOffice's function reference). A key is a number or a
//! text compared case-insensitively, as Excel does; a key not found is
//! `#N/A`, an index past the range `#REF!`. Approximate matches (the
//! argument left out or `TRUE`), wildcards in a text key (`*`, `?`, `~`)
//! and keys or looked-at cells whose value kooste cannot know (a formula it
//! does not evaluate, a date) are not evaluated: the formula stays without
//! a value rather than give a guessed figure. Each cell looked at counts
//! against the sheet's [`super::Budget`].

use super::{Parser, Val, csv_integer};
use crate::model::Cell;

/// A value a lookup compares: a number, or a text in lower case.
#[derive(Debug, PartialEq)]
enum Key {
    Num(f64),
    Text(String),
}

/// A text key, or `None` where it holds a wildcard (exact matches treat
/// `*`, `?` and `~` as patterns).
fn text_key(text: &str) -> Option<Key> {
    (!text.contains(['*', '?', '~'])).then(|| Key::Text(text.to_lowercase()))
}

impl Parser<'_> {
    /// `VLOOKUP(key, table, index, FALSE)` (`vertical`) or
    /// `HLOOKUP(key, table, index, FALSE)`: the cell `index` columns (rows)
    /// into `table` on the first row (column) whose first cell is `key`.
    pub(super) fn lookup(&self, vertical: bool, args: &[Val]) -> Option<Val> {
        let [key, table, index, exact] = args else {
            return None;
        };
        self.exact(exact, 0.0)?;
        let Val::Range(s, (r1, c1), (r2, c2)) = *table else {
            return None;
        };
        let key = match self.key(key)? {
            Ok(k) => k,
            Err(e) => return Some(Val::Err(e)),
        };
        let width = if vertical { c2 - c1 + 1 } else { r2 - r1 + 1 };
        let index = match self.position(index)? {
            Ok(i) if i > width => return Some(Val::Err("#REF!")),
            Ok(i) => i,
            Err(e) => return Some(Val::Err(e)),
        };
        let line = match vertical {
            true => (s, (r1, c1), (r2, c1)),
            false => (s, (r1, c1), (r1, c2)),
        };
        Some(match self.find(&key, line)? {
            Some(at) if vertical => {
                Val::Range(s, (r1 + at, c1 + index - 1), (r1 + at, c1 + index - 1))
            }
            Some(at) => Val::Range(s, (r1 + index - 1, c1 + at), (r1 + index - 1, c1 + at)),
            None => Val::Err("#N/A"),
        })
    }

    /// `MATCH(key, line, 0)`: the 1-based position of `key` in a range of
    /// one row or one column.
    pub(super) fn match_(&self, args: &[Val]) -> Option<Val> {
        let [key, line, kind] = args else {
            return None;
        };
        self.exact(kind, 0.0)?;
        let Val::Range(s, a, b) = *line else {
            return None;
        };
        if a.0 != b.0 && a.1 != b.1 {
            return None;
        }
        let key = match self.key(key)? {
            Ok(k) => k,
            Err(e) => return Some(Val::Err(e)),
        };
        Some(match self.find(&key, (s, a, b))? {
            Some(at) => Val::Num(f64::from(at + 1)),
            None => Val::Err("#N/A"),
        })
    }

    /// `INDEX(range, row, column)`, or `INDEX(range, n)` over one row or
    /// one column: that cell of the range.
    pub(super) fn index(&self, args: &[Val]) -> Option<Val> {
        let (Val::Range(s, (r1, c1), (r2, c2)), rest) = args.split_first()? else {
            return None;
        };
        let (rows, cols) = (r2 - r1 + 1, c2 - c1 + 1);
        let mut at = Vec::new();
        for v in rest {
            match self.position(v)? {
                Ok(i) => at.push(i),
                Err(e) => return Some(Val::Err(e)),
            }
        }
        let (row, col) = match at.as_slice() {
            [n] if cols == 1 => (*n, 1),
            [n] if rows == 1 => (1, *n),
            [r, c] => (*r, *c),
            _ => return None,
        };
        if row > rows || col > cols {
            return Some(Val::Err("#REF!"));
        }
        let cell = (r1 + row - 1, c1 + col - 1);
        Some(Val::Range(*s, cell, cell))
    }

    /// `Some(())` where `flag` asks for an exact match (`FALSE`, `0`).
    fn exact(&self, flag: &Val, zero: f64) -> Option<()> {
        match flag {
            Val::Bool(false) => Some(()),
            Val::Num(n) if *n == zero => Some(()),
            _ => None,
        }
    }

    /// A 1-based position (`2`, `2.7` is 2); a position below 1 is
    /// `#VALUE!`, an error argument that error.
    fn position(&self, v: &Val) -> Option<Result<u32, &'static str>> {
        match self.scalar(v.clone())? {
            Val::Num(n) if n >= 1.0 && n < f64::from(u32::MAX) => Some(Ok(n.trunc() as u32)),
            Val::Num(_) => Some(Err("#VALUE!")),
            Val::Err(e) => Some(Err(e)),
            _ => None,
        }
    }

    /// The key a lookup looks for; `None` where it cannot be known.
    fn key(&self, v: &Val) -> Option<Result<Key, &'static str>> {
        Some(Ok(match v {
            Val::Num(n) => Key::Num(*n),
            Val::Str(t) => text_key(t)?,
            Val::Err(e) => return Some(Err(e)),
            Val::Range(s, a, b) if a == b => match self.cell_key(*s, a.0, a.1)? {
                Some(k) => k,
                // An empty key cell matches nothing in Excel.
                None => return Some(Err("#N/A")),
            },
            _ => return None,
        }))
    }

    /// A cell as a lookup compares it: `Some(None)` for one that matches
    /// no key (empty, a truth value, an error), `None` where its value
    /// cannot be known.
    fn cell_key(&self, s: usize, row: u32, col: u32) -> Option<Option<Key>> {
        let grid = &self.sheets[s];
        match grid.get(row, col) {
            // A CSV's `+90000+8000`: the number Excel computes.
            Cell::Text(t) if grid.text_numbers && super::csv_formula(t).is_some() => {
                match self.cell_value(s, row, col)? {
                    Some(Val::Num(n)) => Some(Some(Key::Num(n))),
                    Some(Val::Err(_)) => Some(None),
                    _ => None,
                }
            }
            Cell::Text(t) if grid.text_numbers && csv_integer(t).is_some() => {
                Some(csv_integer(t).map(Key::Num))
            }
            Cell::Text(t) => Some(Some(text_key(t)?)),
            Cell::Empty | Cell::Bool(_) | Cell::Error(_) => Some(None),
            Cell::Date(_) => None,
            Cell::Number(_) | Cell::FormulaWithoutValue(_) => match self.cell_value(s, row, col)? {
                Some(Val::Num(n)) => Some(Some(Key::Num(n))),
                Some(Val::Err(_)) => Some(None),
                // A formula giving text or nothing kooste knows.
                _ => None,
            },
        }
    }

    /// The 0-based place of `key` in a range of one row or column (`line`),
    /// `Some(None)` where it is not there; `None` where a cell before it
    /// cannot be known or the budget is spent.
    fn find(&self, key: &Key, line: (usize, (u32, u32), (u32, u32))) -> Option<Option<u32>> {
        let (s, (r1, c1), (r2, c2)) = line;
        let grid = &self.sheets[s];
        let last_row = r2.min(grid.end_row().saturating_sub(1));
        let last_col = c2.min(grid.end_col().saturating_sub(1));
        let cells: Box<dyn Iterator<Item = (u32, u32)>> = match r1 == r2 {
            true => Box::new((c1..=last_col).map(move |c| (r1, c))),
            false => Box::new((r1..=last_row).map(move |r| (r, c1))),
        };
        for (row, col) in cells {
            if !self.budget.take() {
                return None;
            }
            if self.cell_key(s, row, col)?.as_ref() == Some(key) {
                return Some(Some((row - r1) + (col - c1)));
            }
        }
        Some(None)
    }
}
