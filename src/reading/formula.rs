//! Evaluating the formulas submissions use, where the file stores no
//! result or only a placeholder, and to check a stored number against its
//! formula (a stale result is `formula-mismatch`): arithmetic (`+ - * / ^ %`, brackets),
//! comparisons with `IF`, `AND`, `OR`, `NOT` ([`logic`]),
//! `SUM`, `MIN`, `MAX`, `AVERAGE`, `ROUND`, `ABS`, `SUBTOTAL` (sums,
//! counts, averages, extremes), exact-match `VLOOKUP`, `HLOOKUP`, `INDEX`,
//! `MATCH` and `IFERROR` ([`lookup`]) and references to cells
//! and ranges of the same workbook (`H2`, `$H$2`, `H2:H8`, `H:H`,
//! `'Toimenpiteet 2021'!H2`).
//!
//! Writers that do not calculate (openpyxl) store no result, and XlsxWriter
//! (pandas' default xlsx engine) and rust_xlsxwriter store `0` and ask
//! Excel to recalculate on load (`fullCalcOnLoad`, ECMA-376 Part 1
//! §18.2.2). Such a cell's value is what Excel would compute, so kooste
//! computes it the way Excel does: `SUM` and the other functions skip text
//! and empty cells in ranges, an empty cell is 0 in arithmetic, an error
//! value propagates. Anything else (another function, text in arithmetic, a
//! reference to another workbook, a cycle) is not evaluated, and the cell
//! stays a `formula-without-value` finding: a value is never guessed.

mod logic;
mod lookup;

use logic::Operand;

use super::Grid;
use super::grid::RowHidden;
use crate::model::Cell;
use crate::text::parse_a1;

/// How deep formulas may refer to other formulas before kooste gives up.
const MAX_DEPTH: u32 = 32;

/// The result of evaluating a formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A number (euros, FTE…: the formula's own unit).
    Number(f64),
    /// An Excel error value such as `#DIV/0!`.
    Error(&'static str),
    /// A formula that is one reference (`=Perustiedot!B2`) to a cell that
    /// holds text, a date or a truth value: that cell's value.
    Copy(Cell),
}

/// How many cells of ranges one sheet's formulas may look at in all
/// ([`Budget::default`]): a running total `SUM($H$2:H2)` down a sheet of
/// many rows costs rows² cells, and past this a formula is not evaluated.
pub const MAX_CELLS_LOOKED_AT: u64 = 20_000_000;

/// The range cells formulas may still look at ([`MAX_CELLS_LOOKED_AT`]),
/// shared by the formulas of one sheet, and the results of the stored
/// formulas evaluated so far (a running total refers to every cell above
/// it: each is evaluated once).
#[derive(Debug)]
pub struct Budget {
    left: std::cell::Cell<u64>,
    /// Results of cells' formulas, by (sheet, row, column).
    known: std::cell::RefCell<rustc_hash::FxHashMap<(usize, u32, u32), Option<Outcome>>>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            left: std::cell::Cell::new(MAX_CELLS_LOOKED_AT),
            known: Default::default(),
        }
    }
}

impl Budget {
    /// Takes one cell; `false` when none is left.
    fn take(&self) -> bool {
        match self.left.get() {
            0 => false,
            n => {
                self.left.set(n - 1);
                true
            }
        }
    }
}

/// Evaluates `formula` (without its leading `=`) as it stands in sheet
/// `sheet` of `sheets`. `None` where kooste does not evaluate it.
#[cfg(test)]
pub fn evaluate(formula: &str, sheets: &[Grid], sheet: usize) -> Option<Outcome> {
    evaluate_within(formula, sheets, sheet, &Budget::default())
}

/// [`evaluate`] within a budget of range cells shared with other formulas:
/// `None` once it is spent.
pub fn evaluate_within(
    formula: &str,
    sheets: &[Grid],
    sheet: usize,
    budget: &Budget,
) -> Option<Outcome> {
    eval_in(formula, sheets, sheet, 0, budget)
}

fn eval_in(
    formula: &str,
    sheets: &[Grid],
    sheet: usize,
    depth: u32,
    budget: &Budget,
) -> Option<Outcome> {
    if depth > MAX_DEPTH || !budget.take() {
        return None;
    }
    let tokens = tokenize(formula.trim().trim_start_matches('='))?;
    if let [Tok::Ref(name, row, col)] = tokens.as_slice() {
        let s = match name {
            None => sheet,
            Some(n) => sheets.iter().position(|g| g.name.eq_ignore_ascii_case(n))?,
        };
        match sheets[s].get(*row, *col) {
            c @ (Cell::Text(_) | Cell::Date(_) | Cell::Bool(_)) => {
                return Some(Outcome::Copy(c.clone()));
            }
            Cell::Error(_) => return Some(Outcome::Error("#VALUE!")),
            _ => {}
        }
    }
    let mut p = Parser {
        tokens: &tokens,
        pos: 0,
        sheets,
        sheet,
        depth,
        budget,
    };
    let v = p.expr()?;
    if p.pos != tokens.len() {
        return None;
    }
    // `=H2`, `=(H2)`, `=+H2`: a one-cell reference is its cell's value; a
    // text or a truth value (`=IF(H2="";"";H2*2)`, `=H2>0`) is the cell
    // Excel shows, typed by the field as any cell.
    Some(match p.operand(v)? {
        Operand::Num(n) if n.is_finite() => Outcome::Number(n),
        Operand::Num(_) => Outcome::Error("#NUM!"),
        Operand::Blank => Outcome::Number(0.0),
        Operand::Err(e) => Outcome::Error(e),
        Operand::Text(t) => Outcome::Copy(Cell::Text(t.into())),
        Operand::Bool(b) => Outcome::Copy(Cell::Bool(b)),
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    /// A cell reference: sheet name (if any), 0-based row and column.
    Ref(Option<String>, u32, u32),
    /// A whole column `H:H` or range's second half is handled by `Colon`.
    Col(Option<String>, u32),
    Name(String),
    Op(char),
    /// A comparison: `=`, `<>`, `<`, `<=`, `>`, `>=`.
    Cmp(logic::Cmp),
    /// A text literal (`"Kerho"`, `""` inside for a quote).
    Str(String),
    /// `TRUE` or `FALSE` written as a value (a lookup's exact-match flag).
    Bool(bool),
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '+' | '-' | '*' | '/' | '^' | '%' | '(' | ')' | ',' | ';' | ':' => {
                out.push(Tok::Op(if c == ';' { ',' } else { c }));
                i += 1;
            }
            '0'..='9' | '.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                    i += 1;
                    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                        i += 1;
                    }
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                out.push(Tok::Num(s[start..i].parse().ok()?));
            }
            '\'' => {
                // 'Sheet name'!A1, with '' for a quote inside the name.
                let mut name = String::new();
                i += 1;
                loop {
                    let ch = s[i..].chars().next()?;
                    i += ch.len_utf8();
                    if ch == '\'' {
                        if s[i..].starts_with('\'') {
                            name.push('\'');
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    name.push(ch);
                }
                if !s[i..].starts_with('!') {
                    return None;
                }
                i += 1;
                let (tok, len) = reference(&s[i..], Some(name))?;
                out.push(tok);
                i += len;
            }
            _ if c.is_alphabetic() || c == '$' || c == '_' => {
                let start = i;
                while i < b.len() {
                    let ch = s[i..].chars().next()?;
                    if ch.is_alphanumeric() || ch == '$' || ch == '_' || ch == '.' {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                let word = &s[start..i];
                if s[i..].starts_with('!') {
                    i += 1;
                    let (tok, len) = reference(&s[i..], Some(word.to_string()))?;
                    out.push(tok);
                    i += len;
                } else if s[i..].trim_start().starts_with('(') {
                    out.push(Tok::Name(word.to_ascii_uppercase()));
                } else if word.eq_ignore_ascii_case("TRUE") || word.eq_ignore_ascii_case("FALSE") {
                    out.push(Tok::Bool(word.eq_ignore_ascii_case("TRUE")));
                } else {
                    let (tok, len) = reference(word, None)?;
                    if len != word.len() {
                        return None;
                    }
                    out.push(tok);
                }
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                loop {
                    let ch = s[i..].chars().next()?;
                    i += ch.len_utf8();
                    if ch == '"' {
                        if s[i..].starts_with('"') {
                            text.push('"');
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    text.push(ch);
                }
                out.push(Tok::Str(text));
            }
            '=' | '<' | '>' => {
                let (cmp, len) = logic::Cmp::at(&b[i..])?;
                out.push(Tok::Cmp(cmp));
                i += len;
            }
            // `&`, array constants, external workbooks `[1]`: not evaluated.
            _ => return None,
        }
    }
    Some(out)
}

/// A cell (`$H$2`) or column (`H`) reference at the start of `s`, and its length.
fn reference(s: &str, sheet: Option<String>) -> Option<(Tok, usize)> {
    let len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '$'))
        .unwrap_or(s.len());
    let word = &s[..len];
    let bare = word.replace('$', "");
    if let Some((row, col)) = parse_a1(&bare) {
        return Some((Tok::Ref(sheet, row, col), len));
    }
    if !bare.is_empty() && bare.len() <= 3 && bare.bytes().all(|b| b.is_ascii_alphabetic()) {
        let col = bare.bytes().fold(0u32, |a, b| {
            a * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
        }) - 1;
        return Some((Tok::Col(sheet, col), len));
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum Val {
    Num(f64),
    Err(&'static str),
    /// Sheet index and an inclusive 0-based (row, col) rectangle.
    Range(usize, (u32, u32), (u32, u32)),
    /// A text: a literal, or what `IF` gives (text in arithmetic is not
    /// evaluated).
    Str(String),
    /// A truth value: a literal, or a comparison's result (1 or 0 in
    /// arithmetic, as in Excel).
    Bool(bool),
}

struct Parser<'a> {
    tokens: &'a [Tok],
    pos: usize,
    sheets: &'a [Grid],
    sheet: usize,
    depth: u32,
    budget: &'a Budget,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn eat(&mut self, op: char) -> bool {
        if self.peek() == Some(&Tok::Op(op)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// The lowest level: comparisons (`D2=""`, `B2>100`), which bind
    /// less strongly than arithmetic, as in Excel.
    fn expr(&mut self) -> Option<Val> {
        let mut v = self.sum()?;
        while let Some(Tok::Cmp(op)) = self.peek() {
            let op = *op;
            self.pos += 1;
            let r = self.sum()?;
            v = self.compare(v, r, op)?;
        }
        Some(v)
    }

    fn sum(&mut self) -> Option<Val> {
        let mut v = self.term()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(c @ ('+' | '-'))) => *c,
                _ => return Some(v),
            };
            self.pos += 1;
            let r = self.term()?;
            v = arith(self.scalar(v)?, self.scalar(r)?, op);
        }
    }

    fn term(&mut self) -> Option<Val> {
        let mut v = self.power()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(c @ ('*' | '/'))) => *c,
                _ => return Some(v),
            };
            self.pos += 1;
            let r = self.power()?;
            v = arith(self.scalar(v)?, self.scalar(r)?, op);
        }
    }

    fn power(&mut self) -> Option<Val> {
        let mut v = self.unary()?;
        while self.eat('^') {
            let r = self.unary()?;
            v = arith(self.scalar(v)?, self.scalar(r)?, '^');
        }
        Some(v)
    }

    fn unary(&mut self) -> Option<Val> {
        if self.eat('-') {
            let v = self.unary()?;
            return Some(arith(Val::Num(0.0), self.scalar(v)?, '-'));
        }
        if self.eat('+') {
            return self.unary();
        }
        let mut v = self.primary()?;
        while self.eat('%') {
            v = arith(self.scalar(v)?, Val::Num(100.0), '/');
        }
        Some(v)
    }

    fn primary(&mut self) -> Option<Val> {
        let tok = self.peek()?.clone();
        self.pos += 1;
        match tok {
            Tok::Num(n) => Some(Val::Num(n)),
            Tok::Str(t) => Some(Val::Str(t)),
            Tok::Bool(b) => Some(Val::Bool(b)),
            Tok::Op('(') => {
                let v = self.expr()?;
                self.eat(')').then_some(v)
            }
            Tok::Ref(sheet, row, col) => {
                let s = self.sheet_index(sheet.as_deref())?;
                if self.eat(':') {
                    let (r2, c2) = match self.peek()?.clone() {
                        Tok::Ref(None, r, c) => (r, c),
                        _ => return None,
                    };
                    self.pos += 1;
                    return Some(Val::Range(
                        s,
                        (row.min(r2), col.min(c2)),
                        (row.max(r2), col.max(c2)),
                    ));
                }
                Some(Val::Range(s, (row, col), (row, col)))
            }
            Tok::Col(sheet, col) => {
                let s = self.sheet_index(sheet.as_deref())?;
                if !self.eat(':') {
                    return None;
                }
                let Some(Tok::Col(None, c2)) = self.peek().cloned() else {
                    return None;
                };
                self.pos += 1;
                let end = self.sheets[s].end_row().max(1) - 1;
                Some(Val::Range(s, (0, col.min(c2)), (end, col.max(c2))))
            }
            Tok::Name(name) => self.call(&name),
            Tok::Op(_) | Tok::Cmp(_) => None,
        }
    }

    fn sheet_index(&self, name: Option<&str>) -> Option<usize> {
        match name {
            None => Some(self.sheet),
            Some(n) => self
                .sheets
                .iter()
                .position(|g| g.name.eq_ignore_ascii_case(n)),
        }
    }

    fn call(&mut self, name: &str) -> Option<Val> {
        if !self.eat('(') {
            return None;
        }
        if name == "IF" {
            return self.if_();
        }
        let mut args = Vec::new();
        if !self.eat(')') {
            loop {
                args.push(self.expr()?);
                if self.eat(')') {
                    break;
                }
                if !self.eat(',') {
                    return None;
                }
            }
        }
        match name {
            "SUM" | "MIN" | "MAX" | "AVERAGE" => self.aggregate(name, &args, None),
            "SUBTOTAL" => self.subtotal(&args),
            "ROUND" => self.round(&args),
            "VLOOKUP" | "HLOOKUP" => self.lookup(name == "VLOOKUP", &args),
            "MATCH" => self.match_(&args),
            "INDEX" => self.index(&args),
            "IFERROR" => match args.as_slice() {
                [v, fallback] => match self.operand(v.clone())? {
                    Operand::Err(_) => Some(fallback.clone()),
                    _ => Some(v.clone()),
                },
                _ => None,
            },
            "ABS" => match args.as_slice() {
                [x] => match self.scalar(x.clone())? {
                    Val::Num(n) => Some(Val::Num(n.abs())),
                    other => Some(other),
                },
                _ => None,
            },
            "AND" | "OR" => self.all_or_any(name == "AND", &args),
            "NOT" => match args.as_slice() {
                [x] => Some(match self.truth(x.clone())? {
                    Ok(b) => Val::Bool(!b),
                    Err(e) => Val::Err(e),
                }),
                _ => None,
            },
            // OpenDocument writes the truth values as functions.
            "TRUE" | "FALSE" if args.is_empty() => Some(Val::Bool(name == "TRUE")),
            _ => None,
        }
    }

    /// `ROUND(x, digits)`: Excel rounds the decimal number it shows (15
    /// significant digits), half away from zero: 1.005 is 1.01, though the
    /// double nearest 1.005 is a little less.
    fn round(&self, args: &[Val]) -> Option<Val> {
        let [x, d] = args else { return None };
        let (x, d) = match (self.scalar(x.clone())?, self.scalar(d.clone())?) {
            (Val::Num(x), Val::Num(d)) => (x, d.trunc()),
            (Val::Err(e), _) | (_, Val::Err(e)) => return Some(Val::Err(e)),
            _ => return None,
        };
        let f = 10f64.powi(d as i32);
        let shown: f64 = format!("{:.14e}", x * f).parse().unwrap_or(x * f);
        Some(Val::Num(shown.round() / f))
    }

    /// `SUBTOTAL(function_num, ref…)` as Excel computes it for the
    /// functions that are sums, counts, averages and extremes (1 AVERAGE,
    /// 2 COUNT, 3 COUNTA, 4 MAX, 5 MIN, 9 SUM, and 101–105, 109, which
    /// also leave out hidden rows): cells that are themselves SUBTOTALs
    /// are left out (Excel's rule, so a grand total over sections' subtotals
    /// counts each figure once), and so are rows a filter hides. PRODUCT,
    /// the deviations and variances (6–8, 10, 11) are not evaluated.
    fn subtotal(&self, args: &[Val]) -> Option<Val> {
        let (num, refs) = args.split_first()?;
        let num = match self.scalar(num.clone())? {
            Val::Num(n) if n.fract() == 0.0 => n as u32,
            Val::Err(e) => return Some(Val::Err(e)),
            _ => return None,
        };
        let name = match num % 100 {
            1 => "AVERAGE",
            2 => "COUNT",
            3 => "COUNTA",
            4 => "MAX",
            5 => "MIN",
            9 => "SUM",
            _ => return None,
        };
        if !(1..=11).contains(&num) && !(101..=111).contains(&num) {
            return None;
        }
        // Only references count (`SUBTOTAL(9, 5)` is #VALUE! in Excel).
        if refs.is_empty() || refs.iter().any(|r| !matches!(r, Val::Range(..))) {
            return None;
        }
        let skip = Skip { hidden: num > 100 };
        self.aggregate(name, refs, Some(skip))
    }

    /// SUM, MIN, MAX, AVERAGE, COUNT and COUNTA as Excel computes them:
    /// numbers in ranges count, text, booleans and empty cells in ranges
    /// are skipped (COUNTA counts every cell that is not empty), an error
    /// anywhere is the result. `skip`: the cells SUBTOTAL leaves out.
    fn aggregate(&self, name: &str, args: &[Val], skip: Option<Skip>) -> Option<Val> {
        let mut nums = Vec::new();
        let mut filled = 0usize;
        for a in args {
            match a {
                Val::Num(n) => {
                    nums.push(*n);
                    filled += 1;
                }
                Val::Err(e) => return Some(Val::Err(e)),
                Val::Str(_) | Val::Bool(_) => return None,
                Val::Range(s, (r1, c1), (r2, c2)) => {
                    let grid = &self.sheets[*s];
                    let last_row = (*r2).min(grid.end_row().saturating_sub(1));
                    let last_col = (*c2).min(grid.end_col().saturating_sub(1));
                    for row in *r1..=last_row {
                        if skip
                            .is_some_and(|k| grid.row_hidden(row).is_some_and(|h| k.leaves_out(h)))
                        {
                            continue;
                        }
                        for col in *c1..=last_col {
                            if !self.budget.take() {
                                return None;
                            }
                            if skip.is_some() && is_subtotal_cell(grid, row, col) {
                                continue;
                            }
                            if !grid.get(row, col).is_blank() {
                                filled += 1;
                            }
                            match self.cell_value(*s, row, col)? {
                                Some(Val::Num(n)) => nums.push(n),
                                Some(Val::Err(e)) if name != "COUNTA" => {
                                    return Some(Val::Err(e));
                                }
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        let fold = |init: f64, f: fn(f64, f64) -> f64| nums.iter().copied().fold(init, f);
        Some(match name {
            "SUM" => Val::Num(nums.iter().sum()),
            "COUNT" => Val::Num(nums.len() as f64),
            "COUNTA" => Val::Num(filled as f64),
            "MIN" if nums.is_empty() => Val::Num(0.0),
            "MAX" if nums.is_empty() => Val::Num(0.0),
            "MIN" => Val::Num(fold(f64::INFINITY, f64::min)),
            "MAX" => Val::Num(fold(f64::NEG_INFINITY, f64::max)),
            _ if nums.is_empty() => Val::Err("#DIV/0!"),
            _ => Val::Num(nums.iter().sum::<f64>() / nums.len() as f64),
        })
    }

    /// What the formula stored with a number at the cell gives now, where
    /// kooste evaluates it (each cell evaluated once per sheet). A
    /// recalculation recomputes it too; where kooste cannot evaluate it,
    /// the stored value is the best there is. In a workbook that
    /// calculates "precision as displayed" the stored number is the
    /// rounded result the others were calculated from: `None`.
    fn stored_outcome(&self, sheet: usize, row: u32, col: u32) -> Option<Outcome> {
        let grid = &self.sheets[sheet];
        if grid.precision_as_shown {
            return None;
        }
        let f = grid.formula(row, col)?;
        let key = (sheet, row, col);
        if let Some(known) = self.budget.known.borrow().get(&key) {
            return known.clone();
        }
        let o = eval_in(f, self.sheets, sheet, self.depth + 1, self.budget);
        // A result cut short by depth or budget is not kept: from
        // another cell it may be evaluated whole.
        if o.is_some() {
            self.budget.known.borrow_mut().insert(key, o.clone());
        }
        o
    }

    /// A cell's value inside a range: `Some(None)` for what ranges skip
    /// (empty, text, booleans), `None` where it cannot be known.
    fn cell_value(&self, sheet: usize, row: u32, col: u32) -> Option<Option<Val>> {
        let grid = &self.sheets[sheet];
        let outcome = self.stored_outcome(sheet, row, col);
        if let Some(o) = outcome {
            return Some(match o {
                Outcome::Number(n) => Some(Val::Num(n)),
                Outcome::Error(e) => Some(Val::Err(e)),
                Outcome::Copy(_) => None,
            });
        }
        let cell = self.sheets[sheet].get(row, col);
        if let Some(f) = unstored_formula(grid, cell) {
            return Some(
                match eval_in(f, self.sheets, sheet, self.depth + 1, self.budget)? {
                    Outcome::Number(n) => Some(Val::Num(n)),
                    Outcome::Error(e) => Some(Val::Err(e)),
                    Outcome::Copy(_) => None,
                },
            );
        }
        Some(match cell {
            Cell::Number(n) => Some(Val::Num(*n)),
            Cell::Error(_) => Some(Val::Err("#VALUE!")),
            Cell::FormulaWithoutValue(_) => None,
            // A CSV's digits are the number Excel reads on opening.
            Cell::Text(t) if grid.text_numbers => csv_integer(t).map(Val::Num),
            Cell::Empty | Cell::Text(_) | Cell::Bool(_) | Cell::Date(_) => None,
        })
    }

    /// A single value for arithmetic: a one-cell range is its cell (empty
    /// is 0), a truth value 1 or 0; text or a larger range is not evaluated.
    fn scalar(&self, v: Val) -> Option<Val> {
        match v {
            Val::Range(s, a, b) if a == b => match self.sheets[s].get(a.0, a.1) {
                Cell::Empty => Some(Val::Num(0.0)),
                Cell::Bool(b) => Some(Val::Num(f64::from(u8::from(*b)))),
                Cell::Text(t) if crate::text::trim(t).is_empty() => Some(Val::Num(0.0)),
                _ => self.cell_value(s, a.0, a.1)?,
            },
            Val::Bool(b) => Some(Val::Num(f64::from(u8::from(b)))),
            Val::Range(..) | Val::Str(_) => None,
            other => Some(other),
        }
    }
}

/// A CSV cell's text that every locale's Excel reads as the same number
/// when it opens the file: digits, with a leading sign (`12000`, `-500`,
/// `+500`). Others (`12,5`, `12.5`, `12 000`) depend on the locale and are
/// not read as numbers by formulas: those formulas stay without a value.
fn csv_integer(text: &str) -> Option<f64> {
    let t = crate::text::trim(text);
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    (!digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// A CSV cell's text that Excel computes as a formula when it opens the
/// file, besides `=…` (which the CSV reader makes a formula already): a
/// `+` or `-` followed by more than a number (`+90000+8000`, `-100+20`,
/// `-H2`: an operator, a bracket or a cell reference after the sign), and
/// Lotus's `@` before a formula (`@SUM(H2:H3)`). Returns the formula to
/// evaluate; `None` for a signed number (`-1200`, `+1200`, `-1 200,50 €`),
/// which is typed as the number it is. A text field keeps the text as
/// typed: only numbers are computed.
pub fn csv_formula(text: &str) -> Option<&str> {
    let t = crate::text::trim(text);
    if let Some(rest) = t.strip_prefix('@') {
        return (!crate::text::trim(rest).is_empty()).then_some(rest);
    }
    let rest = t.strip_prefix(['+', '-'])?;
    let operator = rest.contains(['+', '-', '*', '/', '^', '(', ')', '&', '=', '<', '>']);
    // A letter before a digit is a cell reference (`-H2`), but not the
    // exponent of a number (`-1.2e3`, which the locale decides).
    let b = rest.as_bytes();
    let exponent = |i: usize| {
        b[i].eq_ignore_ascii_case(&b'e') && i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.')
    };
    let reference = (0..b.len().saturating_sub(1))
        .any(|i| b[i].is_ascii_alphabetic() && b[i + 1].is_ascii_digit() && !exponent(i));
    (operator || reference).then_some(t)
}

/// The formula of a cell whose file stores no result: a formula without
/// a value, or a CSV text Excel computes ([`csv_formula`]).
fn unstored_formula<'c>(grid: &Grid, cell: &'c Cell) -> Option<&'c str> {
    match cell {
        Cell::FormulaWithoutValue(f) => Some(f),
        Cell::Text(t) if grid.text_numbers => csv_formula(t),
        _ => None,
    }
}

/// What `SUBTOTAL` leaves out of its ranges: other SUBTOTAL cells always,
/// rows a filter hides always, rows hidden by hand or by a collapsed group
/// only for the functions 101–111.
#[derive(Debug, Clone, Copy)]
struct Skip {
    /// Rows hidden by hand or a collapsed group too (101–111).
    hidden: bool,
}

impl Skip {
    fn leaves_out(self, how: RowHidden) -> bool {
        self.hidden || how == RowHidden::Filtered
    }
}

/// Whether the cell holds a `SUBTOTAL` formula (stored with a result or not).
fn is_subtotal_cell(grid: &Grid, row: u32, col: u32) -> bool {
    let f = match grid.get(row, col) {
        Cell::FormulaWithoutValue(f) => Some(f.as_str()),
        _ => grid.formula(row, col),
    };
    f.is_some_and(is_subtotal_formula)
}

/// Whether a formula calls `SUBTOTAL` (`=SUBTOTAL(9,H2:H5)`, `subtotal(109;…)`).
pub fn is_subtotal_formula(formula: &str) -> bool {
    formula
        .as_bytes()
        .windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"SUBTOTAL("))
}

fn arith(a: Val, b: Val, op: char) -> Val {
    let (x, y) = match (a, b) {
        (Val::Num(x), Val::Num(y)) => (x, y),
        (Val::Err(e), _) | (_, Val::Err(e)) => return Val::Err(e),
        _ => return Val::Err("#VALUE!"),
    };
    match op {
        '+' => Val::Num(x + y),
        '-' => Val::Num(x - y),
        '*' => Val::Num(x * y),
        '/' if y == 0.0 => Val::Err("#DIV/0!"),
        '/' => Val::Num(x / y),
        _ => Val::Num(x.powf(y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(name: &str, rows: Vec<Vec<Cell>>) -> Grid {
        Grid::new(name.into(), 0, 0, rows, false)
    }

    fn eval(f: &str, sheets: &[Grid]) -> Option<Outcome> {
        evaluate(f, sheets, 0)
    }

    #[test]
    fn arithmetic_as_excel_does_it() {
        let g = [grid("S", vec![])];
        assert_eq!(eval("=55000+55000", &g), Some(Outcome::Number(110_000.0)));
        assert_eq!(eval("2*(3+4)^2", &g), Some(Outcome::Number(98.0)));
        assert_eq!(eval("-2^2", &g), Some(Outcome::Number(4.0)));
        assert_eq!(eval("50%*200", &g), Some(Outcome::Number(100.0)));
        assert_eq!(eval("1/0", &g), Some(Outcome::Error("#DIV/0!")));
        assert_eq!(eval("1.5e3", &g), Some(Outcome::Number(1500.0)));
    }

    #[test]
    fn references_ranges_and_sums() {
        let n = Cell::Number;
        let rows = vec![
            vec![Cell::Text("Budjetti".into())],
            vec![n(100.0)],
            vec![Cell::Text("12 500".into())],
            vec![Cell::FormulaWithoutValue("A2*2".into())],
            vec![Cell::Empty],
        ];
        let other = grid("Muut luvut", vec![vec![n(7.0)]]);
        let g = [grid("S", rows), other];
        assert_eq!(eval("SUM(A2:A5)", &g), Some(Outcome::Number(300.0)));
        assert_eq!(eval("SUM($A$2:$A$5;1)", &g), Some(Outcome::Number(301.0)));
        assert_eq!(eval("sum(A:A)", &g), Some(Outcome::Number(300.0)));
        assert_eq!(eval("A2+A5", &g), Some(Outcome::Number(100.0)));
        assert_eq!(eval("'Muut luvut'!A1*2", &g), Some(Outcome::Number(14.0)));
        assert_eq!(eval("ROUND(A2/3,2)", &g), Some(Outcome::Number(33.33)));
        assert_eq!(
            eval("ROUND(1.005,2)*1000", &g),
            Some(Outcome::Number(1010.0))
        );
        assert_eq!(eval("ROUND(0.285,2)", &g), Some(Outcome::Number(0.29)));
        assert_eq!(eval("=+A2", &g), Some(Outcome::Number(100.0)));
        assert_eq!(eval("=(A2)", &g), Some(Outcome::Number(100.0)));
        assert_eq!(eval("=Z9", &g), Some(Outcome::Number(0.0)));
        assert_eq!(
            eval("MAX(A2:A4)+MIN(A2:A4)", &g),
            Some(Outcome::Number(300.0))
        );
        // Text in arithmetic, unknown functions, other workbooks: not evaluated.
        assert_eq!(eval("A3+1", &g), None);
        assert_eq!(eval("MEDIAN(A2:A3)", &g), None);
        assert_eq!(eval("[1]S!A1", &g), None);
        assert_eq!(eval("\"a\"&\"b\"", &g), None);
        assert_eq!(eval("Nowhere!A1", &g), None);
        // One reference to a text cell is that text.
        assert_eq!(
            eval("=A1", &g),
            Some(Outcome::Copy(Cell::Text("Budjetti".into())))
        );
    }

    #[test]
    fn subtotal_leaves_out_other_subtotals_and_the_rows_it_should() {
        let n = Cell::Number;
        let sub = |f: &str| Cell::FormulaWithoutValue(f.into());
        let rows = vec![
            vec![n(10.0)],
            vec![n(20.0)],
            vec![sub("SUBTOTAL(9,A1:A2)")],
            vec![n(30.0)],
            vec![n(40.0)],
            vec![sub("SUBTOTAL(9,A4:A5)")],
        ];
        let mut g = grid("S", rows);
        assert_eq!(
            eval("SUBTOTAL(9,A1:A6)", std::slice::from_ref(&g)),
            Some(Outcome::Number(100.0))
        );
        assert_eq!(
            eval(
                "SUBTOTAL(1,A1:A6)+SUBTOTAL(2,A1:A6)",
                std::slice::from_ref(&g)
            ),
            Some(Outcome::Number(29.0))
        );
        // SUM counts the subtotals too.
        assert_eq!(
            eval("SUM(A1:A6)", std::slice::from_ref(&g)),
            Some(Outcome::Number(200.0))
        );
        g.hidden_rows.insert(0, RowHidden::Hidden);
        g.hidden_rows.insert(3, RowHidden::Filtered);
        let g = [g];
        // 9 leaves out the filtered row, 109 every hidden one.
        assert_eq!(eval("SUBTOTAL(9,A1:A6)", &g), Some(Outcome::Number(70.0)));
        assert_eq!(eval("SUBTOTAL(109,A1:A6)", &g), Some(Outcome::Number(60.0)));
        // PRODUCT, a number for a reference: not evaluated.
        assert_eq!(eval("SUBTOTAL(6,A1:A6)", &g), None);
        assert_eq!(eval("SUBTOTAL(9,5)", &g), None);
    }

    #[test]
    fn exact_lookups_as_excel_gives_them() {
        let t = |s: &str| Cell::Text(s.into());
        let n = Cell::Number;
        let prices = grid(
            "Hinnat",
            vec![
                vec![t("Kerho"), n(4000.0), n(3500.0)],
                vec![t("Leiri"), n(12000.0), Cell::Empty],
                vec![n(7.0), n(70.0), t("teksti")],
            ],
        );
        let across = grid(
            "Vaaka",
            vec![vec![t("Kerho"), t("Leiri")], vec![n(1.0), n(2.0)]],
        );
        let g = [grid("S", vec![vec![t("leiri"), t("Ker*")]]), prices, across];
        let num = |x: f64| Some(Outcome::Number(x));
        assert_eq!(eval("VLOOKUP(A1,Hinnat!A1:C3,2,FALSE)", &g), num(12000.0));
        assert_eq!(eval("VLOOKUP(\"KERHO\",Hinnat!A:C,3,0)", &g), num(3500.0));
        assert_eq!(eval("VLOOKUP(7,Hinnat!A1:C3,2,FALSE)*2", &g), num(140.0));
        // An empty result is 0, as Excel shows it; a text is that text
        // (a type-error in a numeric field).
        assert_eq!(eval("VLOOKUP(A1,Hinnat!A1:C3,3,FALSE)", &g), num(0.0));
        assert_eq!(
            eval("VLOOKUP(7,Hinnat!A1:C3,3,FALSE)", &g),
            Some(Outcome::Copy(t("teksti")))
        );
        assert_eq!(eval("VLOOKUP(7,Hinnat!A1:C3,3,FALSE)+1", &g), None);
        assert_eq!(
            eval("VLOOKUP(\"Sirkus\",Hinnat!A1:C3,2,FALSE)", &g),
            Some(Outcome::Error("#N/A"))
        );
        assert_eq!(
            eval("VLOOKUP(A1,Hinnat!A1:C3,4,FALSE)", &g),
            Some(Outcome::Error("#REF!"))
        );
        assert_eq!(eval("IFERROR(VLOOKUP(9,Hinnat!A1:C3,2,0),0)", &g), num(0.0));
        assert_eq!(
            eval("INDEX(Hinnat!B1:B3,MATCH(A1,Hinnat!A1:A3,0))", &g),
            num(12000.0)
        );
        assert_eq!(eval("INDEX(Hinnat!A1:C3,1,3)", &g), num(3500.0));
        assert_eq!(eval("HLOOKUP(\"leiri\",Vaaka!A1:B2,2,FALSE)", &g), num(2.0));
        // Approximate matches, wildcards, comparisons: not evaluated.
        assert_eq!(eval("VLOOKUP(A1,Hinnat!A1:C3,2)", &g), None);
        assert_eq!(eval("VLOOKUP(A1,Hinnat!A1:C3,2,TRUE)", &g), None);
        assert_eq!(eval("VLOOKUP(B1,Hinnat!A1:C3,2,FALSE)", &g), None);
        assert_eq!(eval("MATCH(A1,Hinnat!A1:A3,1)", &g), None);
        // A truth value is the cell Excel shows (a type-error in a
        // numeric field), text is no number in arithmetic.
        assert_eq!(eval("TRUE", &g), Some(Outcome::Copy(Cell::Bool(true))));
        assert_eq!(eval("\"5\"+1", &g), None);
    }

    #[test]
    fn comparisons_and_if_as_excel_gives_them() {
        let t = |s: &str| Cell::Text(s.into());
        let n = Cell::Number;
        let rows = vec![vec![
            Cell::Empty,
            n(150.0),
            t("Kerho"),
            t(""),
            Cell::Bool(true),
            t("  "),
            Cell::FormulaWithoutValue("B1*2".into()),
        ]];
        let g = [grid("S", rows)];
        let num = |x: f64| Some(Outcome::Number(x));
        let truth = |b: bool| Some(Outcome::Copy(Cell::Bool(b)));
        // An empty cell is "" and 0; a formula's "" is text, not 0.
        assert_eq!(eval("IF(A1=\"\";0;A1*2)", &g), num(0.0));
        assert_eq!(eval("IF(B1=\"\";0;B1*2)", &g), num(300.0));
        assert_eq!(eval("A1=0", &g), truth(true));
        assert_eq!(eval("D1=\"\"", &g), truth(true));
        assert_eq!(eval("D1=0", &g), truth(false));
        assert_eq!(eval("IF(B1>100,B1-100,0)", &g), num(50.0));
        assert_eq!(eval("IF(G1>=300,1,2)+IF(G1<>300,10,20)", &g), num(21.0));
        assert_eq!(eval("IF(B1<=100,1)", &g), truth(false));
        // Texts equal ignoring case; numbers before texts before truths.
        assert_eq!(eval("C1=\"KERHO\"", &g), truth(true));
        assert_eq!(eval("C1>\"ab\"", &g), truth(true));
        assert_eq!(eval("C1>1000000", &g), truth(true));
        assert_eq!(eval("E1>C1", &g), truth(true));
        assert_eq!(eval("0.1+0.2=0.3", &g), truth(true));
        assert_eq!(eval("(B1>100)*B1", &g), num(150.0));
        // AND, OR, NOT, ODF's TRUE().
        assert_eq!(eval("IF(AND(B1>100,E1),1,2)", &g), num(1.0));
        assert_eq!(eval("IF(OR(B1<100,NOT(E1)),1,2)", &g), num(2.0));
        assert_eq!(eval("AND(A1:D1)", &g), truth(true));
        assert_eq!(eval("OR(C1:D1)", &g), Some(Outcome::Error("#VALUE!")));
        assert_eq!(eval("IF(TRUE(),5,6)", &g), num(5.0));
        // The branch not taken is not evaluated; an error test is the error.
        assert_eq!(eval("IF(B1>0,1,VLOOKUP(B1,A1:B1,2))", &g), num(1.0));
        assert_eq!(eval("IF(B1>0,VLOOKUP(B1,A1:B1,2),1)", &g), None);
        assert_eq!(eval("IF(1/0>1,1,2)", &g), Some(Outcome::Error("#DIV/0!")));
        // A text result is the text Excel shows.
        assert_eq!(
            eval("IF(A1=\"\",\"\",A1)", &g),
            Some(Outcome::Copy(Cell::Text("".into())))
        );
        // What depends on the locale or is not known: not evaluated.
        assert_eq!(eval("C1<\"Äiti\"", &g), None);
        assert_eq!(eval("C1=\"Äiti\"", &g), truth(false));
        assert_eq!(eval("F1=\"\"", &g), None);
        assert_eq!(eval("IF(C1,1,2)", &g), None);
        assert_eq!(eval("A1&B1=\"x\"", &g), None);
    }

    #[test]
    fn a_csv_text_that_a_locale_reads_otherwise_is_not_compared() {
        let t = |s: &str| Cell::Text(s.into());
        let mut g = grid(
            "S",
            vec![vec![t("12000"), t("12,5"), t("Kerho"), t("TOSI")]],
        );
        g.text_numbers = true;
        let g = [g];
        let truth = |b: bool| Some(Outcome::Copy(Cell::Bool(b)));
        assert_eq!(eval("A1>100", &g), truth(true));
        assert_eq!(eval("C1=\"kerho\"", &g), truth(true));
        assert_eq!(eval("B1>100", &g), None);
        assert_eq!(eval("D1=TRUE", &g), None);
    }

    #[test]
    fn a_csv_text_excel_computes_is_a_formula() {
        assert_eq!(csv_formula("+90000+8000"), Some("+90000+8000"));
        assert_eq!(csv_formula(" -100+20 "), Some("-100+20"));
        assert_eq!(csv_formula("-H2"), Some("-H2"));
        assert_eq!(csv_formula("@SUM(H2:H3)"), Some("SUM(H2:H3)"));
        assert_eq!(csv_formula("+Hinnat!B2"), Some("+Hinnat!B2"));
        for number in [
            "-1.2e3",
            "-1200",
            "+1200",
            "-1 200,50 €",
            "-12,5 t€",
            "12+3",
            "-",
            "@",
        ] {
            assert_eq!(csv_formula(number), None, "{number}");
        }
        let t = |s: &str| Cell::Text(s.into());
        let mut g = grid(
            "S",
            vec![vec![t("+90000+8000"), t("+1200"), t("@SUM(A1:B1)")]],
        );
        g.text_numbers = true;
        let g = [g];
        assert_eq!(eval("SUM(A1:B1)", &g), Some(Outcome::Number(99_200.0)));
        assert_eq!(eval("C1*1", &g), Some(Outcome::Number(99_200.0)));
    }

    #[test]
    fn cycles_are_not_evaluated() {
        let g = [grid(
            "S",
            vec![vec![
                Cell::FormulaWithoutValue("B1".into()),
                Cell::FormulaWithoutValue("SUM(A1)".into()),
            ]],
        )];
        assert_eq!(eval("A1", &g), None);
    }
}
