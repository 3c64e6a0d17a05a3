//! One ODS table cell: what its attributes say, the text of its paragraphs,
//! and the [`Cell`] the two make.

use std::collections::HashMap;
use std::io::BufRead;

use compact_str::CompactString;
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::{corrupt, next};
use crate::model::Cell;
use crate::model::parse::Date;
use crate::reading::Unreadable;

/// Spaces a `text:s` may add to a cell's text: Excel's longest cell text.
/// A hostile `text:c="4000000000"` must not become gigabytes of spaces.
const MAX_SPACES: usize = 32_767;

/// The kind of value a cell declares (`office:value-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueType {
    /// float, percentage and currency: a number in `office:value`.
    Number,
    /// `office:date-value`.
    Date,
    /// `office:time-value` (a duration such as `PT10H30M`).
    Time,
    /// `office:boolean-value`.
    Boolean,
    /// `office:string-value`, or the paragraphs.
    String,
    /// None given, or one this reader does not know.
    Other,
}

/// What a `table:table-cell` or `table:covered-table-cell` element says in
/// its attributes. Counts are at least 1.
#[derive(Debug)]
pub(super) struct CellAttrs {
    /// `table:number-columns-repeated`: how many columns this element stands for.
    pub repeat: u64,
    /// `table:number-columns-spanned`: columns merged into this one.
    pub cols_spanned: u64,
    /// `table:number-rows-spanned`: rows merged into this one.
    pub rows_spanned: u64,
    value_type: ValueType,
    /// `calcext:value-type="error"`: LibreOffice's mark of an error result.
    error: bool,
    number: Option<f64>,
    date: Option<String>,
    boolean: Option<bool>,
    string: Option<String>,
    formula: Option<String>,
    /// `table:style-name`: the cell's own style, if any.
    pub style: Option<String>,
    /// Whether the cell's style shows a number as a truth value
    /// (`number:boolean-style`); set by the reader, which knows the styles.
    pub bool_style: bool,
}

impl CellAttrs {
    /// The formula of a cell whose stored result is a number, as a person
    /// would type it in Excel; `None` for other cells and for a repeated
    /// one (its relative references would shift from copy to copy).
    pub(super) fn number_formula(&self, value: &Cell) -> Option<String> {
        match (&self.formula, value) {
            (Some(f), Cell::Number(_)) if self.repeat == 1 => Some(readable_formula(f)),
            _ => None,
        }
    }
}

/// Whether an OpenFormula's result is a truth value: `TRUE()`, `FALSE()`, a
/// logical or `IS…` function around the whole formula, or a comparison
/// outside any brackets and quotes (`=[.H2]>0`).
pub(super) fn is_truth_formula(f: &str) -> bool {
    let body = readable_formula(f);
    let body = body.trim();
    let upper = body.to_ascii_uppercase();
    for name in [
        "TRUE(",
        "FALSE(",
        "AND(",
        "OR(",
        "NOT(",
        "XOR(",
        "ISBLANK(",
        "ISNUMBER(",
        "ISTEXT(",
        "ISERROR(",
        "ISNA(",
        "ISERR(",
        "ISLOGICAL(",
        "ISEVEN(",
        "ISODD(",
    ] {
        if upper.starts_with(name) && closes_at_end(&upper[name.len() - 1..]) {
            return true;
        }
    }
    let (mut depth, mut quoted) = (0i32, false);
    for c in body.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '<' | '>' | '=' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether `s`, starting with `(`, has its matching `)` as its last character.
fn closes_at_end(s: &str) -> bool {
    let (mut depth, mut quoted) = (0i32, false);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1 == s.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// Reads a cell element's attributes.
pub(super) fn attrs(e: &BytesStart) -> Result<CellAttrs, Unreadable> {
    let mut a = CellAttrs {
        repeat: 1,
        cols_spanned: 1,
        rows_spanned: 1,
        value_type: ValueType::Other,
        error: false,
        number: None,
        date: None,
        boolean: None,
        string: None,
        formula: None,
        style: None,
        bool_style: false,
    };
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| corrupt(&e))?;
        let value = || {
            attr.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .map_err(|e| corrupt(&e))
        };
        match attr.key.as_ref() {
            "table:number-columns-repeated" => a.repeat = count(&attr.value),
            "table:number-columns-spanned" => a.cols_spanned = count(&attr.value),
            "table:number-rows-spanned" => a.rows_spanned = count(&attr.value),
            "office:value-type" => a.value_type = value_type(&attr.value),
            "calcext:value-type" => a.error = &*attr.value == "error",
            "office:value" => {
                a.number = attr
                    .value
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite());
            }
            "office:date-value" => a.date = Some(value()?),
            // xsd:boolean: `true`, `false`, `1`, `0`.
            "office:boolean-value" => {
                a.boolean = match attr.value.trim() {
                    "true" | "TRUE" | "True" | "1" => Some(true),
                    "false" | "FALSE" | "False" | "0" => Some(false),
                    _ => None,
                }
            }
            "office:string-value" => a.string = Some(value()?),
            "table:formula" => a.formula = Some(value()?),
            "table:style-name" => a.style = Some(value()?),
            _ => {}
        }
    }
    Ok(a)
}

/// A repeat or span count; anything unreadable or zero counts as 1.
pub(super) fn count(v: &str) -> u64 {
    v.trim().parse::<u64>().map_or(1, |n| n.max(1))
}

fn value_type(v: &str) -> ValueType {
    match v {
        "float" | "percentage" | "currency" => ValueType::Number,
        "date" => ValueType::Date,
        "time" => ValueType::Time,
        "boolean" => ValueType::Boolean,
        "string" => ValueType::String,
        _ => ValueType::Other,
    }
}

/// The cell a person sees, from its attributes and its paragraphs' text
/// (`None` for an element without content). An error result is an error
/// whatever it is (`#N/A`, `#DIV/0!`, `Err:502`); a formula without a stored
/// value is shown as its formula.
pub(super) fn value(a: &CellAttrs, text: Option<&str>) -> Cell {
    if a.error {
        let shown = text
            .filter(|t| !t.trim().is_empty())
            .or(a.string.as_deref().filter(|s| !s.is_empty()))
            .unwrap_or("Err");
        return Cell::Error(shown.trim().to_string());
    }
    let typed = match a.value_type {
        ValueType::Date => a.date.as_deref().map(date),
        ValueType::Time => text.filter(|t| !t.is_empty()).map(|t| Cell::Text(t.into())),
        // A truth value without `office:boolean-value` has it as a number.
        ValueType::Boolean => a.boolean.or(a.number.map(|n| n != 0.0)).map(Cell::Bool),
        // A number whose formula gives a truth value (`=TRUE()`, `=A1>0`,
        // `=AND(…)`), as LibreOffice stores an imported xlsx `t="b"` cell,
        // or one shown through a boolean number style: what the person
        // sees is TRUE or FALSE (TOSI, EPÄTOSI), not a number.
        ValueType::Number
            if a.number.is_some()
                && (a.bool_style || a.formula.as_deref().is_some_and(is_truth_formula)) =>
        {
            a.number.map(|n| Cell::Bool(n != 0.0))
        }
        ValueType::Number => a.number.map(Cell::Number),
        ValueType::String => match (&a.string, text) {
            (Some(s), _) => Some(Cell::Text(s.as_str().into())),
            (None, Some(t)) => Some(Cell::Text(t.into())),
            (None, None) => None,
        },
        ValueType::Other => None,
    };
    match typed {
        // Writers without LibreOffice's error mark (Excel, for one) store a
        // formula's error as its text.
        Some(Cell::Text(t)) if a.formula.is_some() && is_error_text(&t) => {
            return Cell::Error(t.to_string());
        }
        Some(cell) => return cell,
        None => {}
    }
    match (&a.formula, text) {
        (Some(f), _) => Cell::FormulaWithoutValue(readable_formula(f)),
        (None, Some(t)) if !t.is_empty() => Cell::Text(CompactString::from(t)),
        _ => Cell::Empty,
    }
}

/// The text of a formula error in Excel or LibreOffice: `#N/A`, `#DIV/0!`,
/// `Err:502`, ….
fn is_error_text(t: &str) -> bool {
    const CODES: [&str; 13] = [
        "#N/A",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
        "#GETTING_DATA",
    ];
    CODES.contains(&t)
        || t.strip_prefix("Err:")
            .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `2021-01-01` or `2021-01-01T10:00:00` as a date; anything else as the
/// text it is.
fn date(v: &str) -> Cell {
    let day = v.split('T').next().unwrap_or(v);
    let mut parts = day.splitn(3, '-');
    let parsed = (|| {
        let y = parts.next()?.parse::<i32>().ok()?;
        let m = parts.next()?.parse::<u32>().ok()?;
        let d = parts.next()?.parse::<u32>().ok()?;
        Date::new(y, m, d)
    })();
    parsed.map_or_else(|| Cell::Text(v.into()), Cell::Date)
}

/// An OpenFormula as a person would type it in Excel: `of:=SUM([.H2:.H8])`
/// becomes `SUM(H2:H8)`, `[$Koodit.$A$1:.$B$3]` becomes `Koodit!$A$1:$B$3`,
/// and `;` between arguments becomes `,`. Text in quotes is kept as is.
pub(super) fn readable_formula(f: &str) -> String {
    let body = match f.split_once(":=") {
        Some((ns, rest)) if ns.chars().all(|c| c.is_ascii_alphanumeric()) => rest,
        _ => f.strip_prefix('=').unwrap_or(f),
    };
    let mut out = String::with_capacity(body.len());
    let mut in_string = false;
    let mut reference: Option<String> = None;
    for c in body.chars() {
        if let Some(r) = reference.as_mut() {
            if c == ']' {
                out.push_str(&readable_reference(r));
                reference = None;
            } else {
                r.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_string = !in_string;
                out.push(c);
            }
            _ if in_string => out.push(c),
            '[' => reference = Some(String::new()),
            ';' => out.push(','),
            _ => out.push(c),
        }
    }
    if let Some(r) = reference {
        out.push('[');
        out.push_str(&r);
    }
    out
}

/// `.H2:.H8` → `H2:H8`; `$Koodit.$A$1` → `Koodit!$A$1`.
fn readable_reference(r: &str) -> String {
    r.split(':')
        .map(|part| match part.strip_prefix('.') {
            Some(cell) => cell.to_string(),
            None => match part.rsplit_once('.') {
                Some((sheet, cell)) => format!("{}!{cell}", sheet.trim_start_matches('$')),
                None => part.to_string(),
            },
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// Reads a cell element's content up to its end tag into `out`: paragraphs
/// (`text:p`, `text:h`) joined by `\n`, `text:s` as spaces (`text:c` of
/// them), `text:tab` and `text:line-break`, the text of spans and links.
/// Comments (`office:annotation`) and drawings anchored to the cell
/// (`draw:*`) are not the cell's text and are skipped. White space inside
/// a paragraph collapses as OpenDocument says (a writer marks the spaces it
/// means with `text:s`).
pub(super) fn read_text<R: BufRead>(
    xml: &mut Reader<R>,
    buf: &mut Vec<u8>,
    out: &mut String,
    raised: &HashMap<String, bool>,
) -> Result<(), Unreadable> {
    let mut t = Text {
        out,
        depth: 0,
        skip_from: None,
        in_paragraph: 0,
        paragraphs: 0,
        after_space: true,
        raised,
        spans: Vec::new(),
    };
    loop {
        match next(xml, buf)? {
            Event::Start(e) => {
                t.depth += 1;
                if t.skip_from.is_none() {
                    t.open(e.name().as_ref(), &e)?;
                }
            }
            Event::Empty(e) if t.skip_from.is_none() => {
                t.open(e.name().as_ref(), &e)?;
                t.close(e.name().as_ref());
            }
            Event::End(e) => {
                if t.depth == 0 {
                    return Ok(()); // the cell's own end tag
                }
                if t.skip_from == Some(t.depth) {
                    t.skip_from = None;
                } else if t.skip_from.is_none() {
                    t.close(e.name().as_ref());
                }
                if t.spans.last().is_some_and(|(d, _)| *d == t.depth) {
                    t.spans.pop();
                }
                t.depth -= 1;
            }
            Event::Text(s) if t.readable() => t.push_collapsed(&s.xml10_content()),
            Event::CData(s) if t.readable() => t.push_collapsed(&s.xml10_content()),
            Event::GeneralRef(r) if t.readable() => {
                let resolved = r.resolve_char_ref().map_err(|e| corrupt(&e))?;
                match (resolved, resolve_predefined_entity(&r)) {
                    (Some(c), _) => t.out.push(c),
                    (None, Some(s)) => t.out.push_str(s),
                    (None, None) => return Err(corrupt(&format!("unknown entity &{};", &*r))),
                }
                t.after_space = false;
            }
            Event::Eof => return Err(corrupt(&"content.xml ends inside a cell")),
            _ => {}
        }
    }
}

/// The state of [`read_text`].
struct Text<'a> {
    out: &'a mut String,
    /// Elements open inside the cell.
    depth: usize,
    /// The depth of a skipped element (a comment, a drawing) while inside it.
    skip_from: Option<usize>,
    /// Paragraphs open (they may nest through frames; only > 0 matters).
    in_paragraph: usize,
    /// Paragraphs begun so far.
    paragraphs: usize,
    /// Whether the last character written collapses a following space.
    after_space: bool,
    /// The text styles that raise (`true`) or lower their spans.
    raised: &'a HashMap<String, bool>,
    /// Open spans with such a style: their depth, and which way.
    spans: Vec<(usize, bool)>,
}

impl Text<'_> {
    fn readable(&self) -> bool {
        self.skip_from.is_none() && self.in_paragraph > 0
    }

    fn open(&mut self, name: &str, e: &BytesStart) -> Result<(), Unreadable> {
        match name {
            "office:annotation" => self.skip_from = Some(self.depth),
            n if n.starts_with("draw:") => self.skip_from = Some(self.depth),
            "text:p" | "text:h" => {
                if self.paragraphs > 0 {
                    self.out.push('\n');
                }
                self.paragraphs += 1;
                self.in_paragraph += 1;
                self.after_space = true;
            }
            "text:s" if self.in_paragraph > 0 => {
                let n = match e.try_get_attribute("text:c").map_err(|e| corrupt(&e))? {
                    Some(c) => count(&c.value) as usize,
                    None => 1,
                };
                let room = MAX_SPACES.saturating_sub(self.out.len());
                self.out.extend(std::iter::repeat_n(' ', n.min(room)));
                self.after_space = false;
            }
            "text:tab" if self.in_paragraph > 0 => {
                self.out.push('\t');
                self.after_space = false;
            }
            "text:line-break" if self.in_paragraph > 0 => {
                self.out.push('\n');
                self.after_space = true;
            }
            // A footnote mark's span: its text as shown (`98000¹`).
            "text:span" if !self.raised.is_empty() => {
                if let Some(up) = super::attr(e, "text:style-name")?
                    .and_then(|name| self.raised.get(name.as_str()).copied())
                {
                    self.spans.push((self.depth, up));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) {
        if matches!(name, "text:p" | "text:h") {
            self.in_paragraph = self.in_paragraph.saturating_sub(1);
        }
    }

    /// Paragraph text with each run of white space as one space, none at
    /// the paragraph's start.
    fn push_collapsed(&mut self, s: &str) {
        let raised;
        let s = match self.spans.last() {
            Some(&(_, up)) => {
                raised = crate::reading::raised::raised(s, up);
                raised.as_str()
            }
            None => s,
        };
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !self.after_space {
                    self.out.push(' ');
                    self.after_space = true;
                }
            } else {
                self.out.push(c);
                self.after_space = false;
            }
        }
    }
}
