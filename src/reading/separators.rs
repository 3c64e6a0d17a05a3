//! Which character a submission uses as its decimal mark, decided from the
//! evidence of its own numbers typed as text, never guessed.
//!
//! A number such as `8,400.00`, `1,000,000`, `12,5` or `0.75` tells its
//! decimal mark by its form. `90,000` or `1.000` does not: it is ninety
//! thousand (or one thousand) in an English locale and ninety (or one) in
//! a Finnish one. The file decides: the forms that tell, across every
//! numeric column of the sheet, make the file's mark; a euro or whole-number
//! column whose values are `90,000`, `45,500` tells it weakly, since euros
//! have two decimals and counts none, so its separator groups thousands.
//! The header's language does not decide: a Finnish template exported from
//! an English-locale Excel keeps its Finnish headers and writes `90,000`.

use crate::config::{Field, Kind};
use crate::model::Cell;
use crate::model::parse::{DecimalMark, Shape, shape};

use super::Grid;

/// Decides the decimal mark of the numbers typed as text in `rows` of
/// `grid`, in the mapped `columns` (sheet column, field index) whose kind is
/// numeric. Where the forms that tell disagree the result is
/// [`DecimalMark::Mixed`], and every value they cannot tell is reported.
pub fn decide(
    grid: &Grid,
    rows: std::ops::Range<u32>,
    columns: &[(u32, usize)],
    fields: &[Field],
) -> DecimalMark {
    let numeric: Vec<(u32, Kind)> = columns
        .iter()
        .map(|&(c, f)| (c, fields[f].kind))
        .filter(|(_, k)| matches!(k, Kind::Euro | Kind::Number | Kind::Whole))
        .collect();
    let mut strong = Votes::default();
    let mut weak = Votes::default();
    for row in rows {
        for &(col, kind) in &numeric {
            let Cell::Text(t) = grid.get(row, col) else {
                continue;
            };
            match shape(t) {
                Shape::Decides(m) => strong.add(m),
                // Euros have two decimals and counts none: three digits
                // after the one separator are a group.
                Shape::Lone(sep) if kind != Kind::Number => weak.add(if sep == ',' {
                    DecimalMark::Point
                } else {
                    DecimalMark::Comma
                }),
                _ => {}
            }
        }
    }
    match strong.verdict() {
        DecimalMark::Undecided => weak.verdict(),
        m => m,
    }
}

#[derive(Default)]
struct Votes {
    comma: usize,
    point: usize,
}

impl Votes {
    fn add(&mut self, m: DecimalMark) {
        match m {
            DecimalMark::Comma => self.comma += 1,
            DecimalMark::Point => self.point += 1,
            _ => {}
        }
    }

    fn verdict(&self) -> DecimalMark {
        match (self.comma, self.point) {
            (0, 0) => DecimalMark::Undecided,
            (_, 0) => DecimalMark::Comma,
            (0, _) => DecimalMark::Point,
            _ => DecimalMark::Mixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, FieldKey};

    fn mark(budget: &[&str], fte: &[&str]) -> DecimalMark {
        let c = Config::builtin();
        let b = c.field_index(FieldKey::Budget).unwrap();
        let f = c.field_index(FieldKey::Fte).unwrap();
        let n = budget.len().max(fte.len());
        let rows = (0..n)
            .map(|i| {
                let cell = |v: Option<&&str>| v.map_or(Cell::Empty, |s| Cell::Text((*s).into()));
                vec![cell(budget.get(i)), cell(fte.get(i))]
            })
            .collect();
        let grid = Grid::new("S".into(), 0, 0, rows, false);
        decide(&grid, 0..n as u32, &[(0, b), (1, f)], &c.fields)
    }

    #[test]
    fn forms_that_tell_decide() {
        assert_eq!(
            mark(&["90,000", "8,400.00"], &["1.000"]),
            DecimalMark::Point
        );
        assert_eq!(mark(&["12 500,50 €"], &["1.000"]), DecimalMark::Comma);
        assert_eq!(mark(&["1.250.000"], &[]), DecimalMark::Comma);
        assert_eq!(mark(&["12,5", "8,400.00"], &[]), DecimalMark::Mixed);
    }

    #[test]
    fn euro_groups_tell_weakly_and_fte_alone_does_not() {
        assert_eq!(mark(&["90,000", "45,500"], &["1.000"]), DecimalMark::Point);
        assert_eq!(mark(&["90,000", "1,5"], &[]), DecimalMark::Comma);
        assert_eq!(mark(&[], &["1.000"]), DecimalMark::Undecided);
        assert_eq!(mark(&["12500"], &["2"]), DecimalMark::Undecided);
    }
}
