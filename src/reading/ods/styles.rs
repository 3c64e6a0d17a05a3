//! What an .ods cell's style says about how its number is shown: a unit
//! beside it (`number:text` " t€" in a number style, a currency symbol),
//! the factor the display divides it by (`number:display-factor`), or a
//! truth value (`number:boolean-style`). Data styles and cell styles are
//! collected from styles.xml and content.xml's automatic styles as the
//! events stream by; a cell takes its own `table:style-name`, or else its
//! column's `table:default-cell-style-name`.

use std::collections::HashMap;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::attr;
use crate::reading::grid::{FormatSection, IntegerShown, When};
use crate::reading::{FormatUnit, Unreadable};

/// How deep a cell style's parents are followed for its data style.
const MAX_PARENTS: usize = 8;

/// A data style as read: its literal text, display factor, whether it
/// shows truth values or percentages; `maps` are the styles its
/// `style:map`s apply under their conditions (LibreOffice keeps the last
/// section of a format in the style itself and puts the others, such as
/// the positive one under `value()>=0`, there).
#[derive(Debug, Default, Clone)]
struct DataStyle {
    text: String,
    factor: f64,
    truth: bool,
    percent: bool,
    /// Whether the style shows the number (a `number:number`, a
    /// scientific number, a fraction), or shows text in its place (a text
    /// style): a number style with neither, as LibreOffice writes each
    /// empty section of `;;;`, hides the number.
    shows: bool,
    /// A text style: its own section shows text cells, so its literal text
    /// is no unit of a number.
    for_text: bool,
    maps: Vec<(When, String)>,
    /// A number style's `number:number` that shows whole numbers without
    /// grouping or scaling: its `number:min-integer-digits`, and where in
    /// `text` it stands (the text before it is a prefix, after it a suffix).
    integer: Option<(usize, usize)>,
    /// Another element that shows something (a grouping, a second number).
    not_integer: bool,
}

/// What a cell style shows its numbers with.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shown {
    /// A unit beside the number, if any.
    pub unit: Option<FormatUnit>,
    /// Whether a number is shown as TRUE or FALSE.
    pub truth: bool,
}

/// The data styles and cell styles seen so far.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    data: HashMap<String, DataStyle>,
    /// Cell style → (data style, parent style).
    cells: HashMap<String, (Option<String>, Option<String>)>,
    /// The data style being read, with its name.
    open: Option<(String, DataStyle)>,
    /// Inside a `number:text` or `number:currency-symbol`.
    in_text: bool,
    /// Text styles that set their text above (`true`) or below the line
    /// (`style:text-position`, ODF 1.2 Part 1 §20.374): a footnote mark's
    /// span (see [`crate::reading::raised`]).
    pub raised: HashMap<String, bool>,
    /// The text style being read.
    open_text: Option<String>,
}

/// Whether a `style:text-position` (`super 58%`, `33% 58%`, `sub`,
/// `-33% 58%`) raises text (`Some(true)`) or lowers it; `None` for the
/// baseline (`0% 100%`).
fn text_position(value: &str) -> Option<bool> {
    let first = value.split_whitespace().next()?;
    match first {
        "super" => Some(true),
        "sub" => Some(false),
        p => {
            let v: f64 = p.strip_suffix('%')?.trim().parse().ok()?;
            (v != 0.0).then_some(v > 0.0)
        }
    }
}

fn is_data_style(name: &str) -> bool {
    matches!(
        name,
        "number:number-style"
            | "number:currency-style"
            | "number:percentage-style"
            | "number:boolean-style"
            | "number:text-style"
    )
}

impl Styles {
    /// Takes in one XML event of styles.xml or content.xml.
    pub(crate) fn see(&mut self, ev: &Event) -> Result<(), Unreadable> {
        match ev {
            Event::Start(e) if is_data_style(e.name().as_ref()) => {
                let name = attr(e, "style:name")?.unwrap_or_default();
                let style = DataStyle {
                    factor: 1.0,
                    truth: e.name().as_ref() == "number:boolean-style",
                    percent: e.name().as_ref() == "number:percentage-style",
                    // A text style's own section is for text (its maps,
                    // LibreOffice's `;;;`, are for numbers); a boolean
                    // style shows TRUE or FALSE.
                    shows: matches!(
                        e.name().as_ref(),
                        "number:text-style" | "number:boolean-style"
                    ),
                    for_text: e.name().as_ref() == "number:text-style",
                    ..DataStyle::default()
                };
                self.open = Some((name, style));
            }
            Event::End(e) if is_data_style(e.name().as_ref()) => {
                if let Some((name, style)) = self.open.take() {
                    self.data.insert(name, style);
                }
                self.in_text = false;
            }
            Event::Start(e) | Event::Empty(e) if self.open.is_some() => {
                self.see_inside(e, matches!(ev, Event::Start(_)))?;
            }
            Event::End(e)
                if matches!(e.name().as_ref(), "number:text" | "number:currency-symbol") =>
            {
                self.in_text = false;
            }
            Event::Text(t) if self.in_text => {
                if let Some((_, s)) = self.open.as_mut() {
                    s.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if self.in_text => {
                if let Some((_, s)) = self.open.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        s.text.push(c);
                    } else if let Some(p) = resolve_predefined_entity(r) {
                        s.text.push_str(p);
                    }
                }
            }
            Event::Start(e)
                if e.name().as_ref() == "style:style"
                    && attr(e, "style:family")?.as_deref() == Some("text") =>
            {
                self.open_text = attr(e, "style:name")?;
            }
            Event::End(e) if e.name().as_ref() == "style:style" => self.open_text = None,
            Event::Start(e) | Event::Empty(e)
                if e.name().as_ref() == "style:text-properties" && self.open_text.is_some() =>
            {
                if let Some(up) = attr(e, "style:text-position")?
                    .as_deref()
                    .and_then(text_position)
                    && let Some(name) = self.open_text.clone()
                {
                    self.raised.insert(name, up);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "style:style" => {
                if attr(e, "style:family")?.as_deref() == Some("table-cell")
                    && let Some(name) = attr(e, "style:name")?
                {
                    let data = attr(e, "style:data-style-name")?;
                    let parent = attr(e, "style:parent-style-name")?;
                    self.cells.insert(name, (data, parent));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// An element inside a data style.
    fn see_inside(&mut self, e: &BytesStart, start: bool) -> Result<(), Unreadable> {
        let Some((_, style)) = self.open.as_mut() else {
            return Ok(());
        };
        match e.name().as_ref() {
            "number:text" | "number:currency-symbol" => self.in_text = start,
            "number:scientific-number" | "number:fraction" => style.shows = true,
            "number:number" => {
                style.shows = true;
                let whole = attr(e, "number:decimal-places")?.as_deref() == Some("0")
                    && attr(e, "number:grouping")?.as_deref() != Some("true")
                    && attr(e, "number:display-factor")?.is_none();
                let digits = attr(e, "number:min-integer-digits")?
                    .and_then(|d| d.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                if whole && style.integer.is_none() && digits <= 30 {
                    style.integer = Some((digits, style.text.len()));
                } else {
                    style.not_integer = true;
                }
                if let Some(f) = attr(e, "number:display-factor")?
                    .and_then(|f| f.trim().parse::<f64>().ok())
                    .filter(|f| f.is_finite() && *f > 0.0)
                {
                    style.factor = f;
                }
            }
            "number:boolean" => style.truth = true,
            "style:map" => {
                let when = attr(e, "style:condition")?
                    .and_then(|c| c.trim().strip_prefix("value()").and_then(When::parse));
                if let (Some(when), Some(name)) = (when, attr(e, "style:apply-style-name")?) {
                    style.maps.push((when, name));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The cell styles whose numbers show a unit or a truth value; the
    /// others are left out, so that a sheet without such styles costs one
    /// empty-map check a cell.
    pub(crate) fn shown(&self) -> HashMap<String, Shown> {
        let mut out = HashMap::new();
        for name in self.cells.keys() {
            let Some(data) = self.data_style_of(name) else {
                continue;
            };
            // The mapped sections under their conditions, tried in order,
            // then the style's own for the values no condition takes.
            let mut truth = data.truth;
            let mut sections = Vec::new();
            for (when, m) in &data.maps {
                if let Some(m) = self.data.get(m) {
                    truth |= m.truth;
                    sections.push(section(*when, m));
                }
            }
            sections.push(section(When::Any, data));
            let unit = FormatUnit { sections };
            let unit = (!unit.is_plain()).then_some(unit);
            if unit.is_some() || truth {
                out.insert(name.clone(), Shown { unit, truth });
            }
        }
        out
    }

    /// The data style a cell style uses, its own or a parent's.
    fn data_style_of(&self, name: &str) -> Option<&DataStyle> {
        let mut name = name;
        for _ in 0..MAX_PARENTS {
            let (data, parent) = self.cells.get(name)?;
            if let Some(d) = data {
                return self.data.get(d);
            }
            name = parent.as_deref()?;
        }
        None
    }
}

/// What data style `d` shows for the values `when` holds for.
fn section(when: When, d: &DataStyle) -> FormatSection {
    let text = if d.for_text {
        String::new()
    } else {
        d.text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    FormatSection {
        when,
        hidden: !d.shows && text.is_empty() && !d.percent,
        text,
        factor: d.factor,
        percent: d.percent,
        integer: integer_shown(d),
    }
}

/// A number style that shows a whole number zero-padded between literal
/// texts (`"KUKU-"00` as LibreOffice stores it: `number:text` "KUKU-",
/// `number:number` with `number:min-integer-digits="2"`).
fn integer_shown(d: &DataStyle) -> Option<IntegerShown> {
    let (digits, at) = d.integer?;
    if d.not_integer || d.percent || d.truth || d.for_text || !d.text.is_char_boundary(at) {
        return None;
    }
    let (prefix, suffix) = d.text.split_at(at);
    (digits > 1 || !d.text.trim().is_empty()).then(|| IntegerShown {
        prefix: prefix.to_string(),
        digits,
        suffix: suffix.to_string(),
    })
}

/// The columns' default cell styles that matter, as runs of columns.
#[derive(Debug, Default)]
pub(crate) struct ColumnStyles {
    /// (first column, one past the last, style), left to right.
    runs: Vec<(u64, u64, String)>,
    /// One past the last column declared so far.
    end: u64,
}

impl ColumnStyles {
    /// Declares `n` more columns with the default cell style `style` (if
    /// it is one that matters).
    pub(crate) fn add(&mut self, n: u64, style: Option<String>) {
        let start = self.end;
        self.end = self.end.saturating_add(n);
        if let Some(s) = style {
            self.runs.push((start, self.end, s));
        }
    }

    fn at(&self, col: u64) -> Option<&str> {
        self.runs
            .iter()
            .find(|(a, b, _)| (*a..*b).contains(&col))
            .map(|(_, _, s)| s.as_str())
    }
}

/// The styles a row's cells are read with.
pub(crate) struct Looks<'a> {
    /// The cell styles that matter ([`Styles::shown`]).
    pub shown: &'a HashMap<String, Shown>,
    /// The text styles that raise or lower their spans ([`Styles::raised`]).
    pub raised: &'a HashMap<String, bool>,
    /// The sheet's column default styles.
    pub columns: &'a ColumnStyles,
}

impl Looks<'_> {
    /// What the cell at `col` with its own style `style` shows.
    pub(crate) fn of(&self, style: Option<&str>, col: u64) -> Option<&Shown> {
        if self.shown.is_empty() {
            return None;
        }
        match style {
            Some(s) => self.shown.get(s),
            None => self.columns.at(col).and_then(|s| self.shown.get(s)),
        }
    }
}

#[cfg(test)]
mod text_position_tests {
    #[test]
    fn text_positions_above_and_below_the_line() {
        use super::text_position;
        assert_eq!(text_position("super 58%"), Some(true));
        assert_eq!(text_position("33% 58%"), Some(true));
        assert_eq!(text_position("sub 58%"), Some(false));
        assert_eq!(text_position("-33% 58%"), Some(false));
        assert_eq!(text_position("0% 100%"), None);
    }
}
