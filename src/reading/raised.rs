//! Text set above or below the line (a footnote mark `98 000¹`, `CO₂`):
//! a rich-text run in superscript or subscript (xlsx `<vertAlign
//! val="superscript"/>`, ods `style:text-position="super 58%"`, xls FONT
//! `sss`). The file stores its characters as plain ones, and a reader that
//! joins the runs reads the footnote mark `1` after `98000` as `980001`.
//! kooste reads such a run as the characters the sheet shows: digits and
//! signs as their Unicode superscript or subscript forms, so a number with
//! a mark is no number (`type-error`), never another number.

/// `text` as shown raised (`up`) or lowered: digits, `+ - = ( )` in their
/// Unicode superscript (`¹`) or subscript (`₁`) forms; other characters as
/// they are (`a` stays `a`: it makes no number either).
pub fn raised(text: &str, up: bool) -> String {
    const SUPER: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const SUB: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    text.chars()
        .map(|c| match (c, up) {
            ('0'..='9', true) => SUPER[c as usize - '0' as usize],
            ('0'..='9', false) => SUB[c as usize - '0' as usize],
            ('+', true) => '⁺',
            ('-', true) => '⁻',
            ('=', true) => '⁼',
            ('(', true) => '⁽',
            (')', true) => '⁾',
            ('+', false) => '₊',
            ('-', false) => '₋',
            ('=', false) => '₌',
            ('(', false) => '₍',
            (')', false) => '₎',
            _ => c,
        })
        .collect()
}

/// Whether `c` is one of the characters [`raised`] makes.
pub fn is_raised(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' | '⁺' | '⁻' | '⁼' | '⁽' | '⁾' | '₀'..='₎')
}

#[cfg(test)]
mod tests {
    use super::raised;

    #[test]
    fn digits_and_signs_take_their_raised_forms() {
        assert_eq!(raised("1", true), "¹");
        assert_eq!(raised("(12)", true), "⁽¹²⁾");
        assert_eq!(raised("2", false), "₂");
        assert_eq!(raised("a", true), "a");
        assert_eq!(format!("98000{}", raised("1", true)), "98000¹");
        assert!("98000¹".chars().any(super::is_raised));
        assert!(!"98000 €".chars().any(super::is_raised));
    }
}
