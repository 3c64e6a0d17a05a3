//! How plausible a decoding is as Finnish or Swedish office text: the
//! evidence that tells Windows-1252, ISO-8859-15 and Mac Roman apart. The
//! letters are those of Finnish and Swedish (and é ü of names); the wrong
//! code page turns them into symbols and rare letters (ä is ‰ in Mac Roman,
//! Mac Roman's ä is Š in Windows-1252), and ISO-8859-15 has C1 controls
//! where Windows-1252 has € and typographic quotes.

/// How plausible a decoding's non-ASCII characters are as Finnish or
/// Swedish office text: the sum of [`char_score`]; `None` when it holds a
/// C1 control (no office program types one: the encoding is wrong).
pub(super) fn plausibility(text: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut chars = text.chars();
    let (mut prev, mut cur) = (None, chars.next());
    while let Some(c) = cur {
        let next = chars.next();
        if !c.is_ascii() {
            if ('\u{80}'..='\u{9F}').contains(&c) {
                return None;
            }
            total += i64::from(char_score(prev, c, next));
        }
        (prev, cur) = (Some(c), next);
    }
    Some(total)
}

/// The evidence one non-ASCII character gives for the encoding that
/// produced it, from its neighbours: a Finnish/Swedish letter inside a word
/// is strong evidence; a symbol or an unlikely letter (Š Ž ‰ ¤, what ä ö
/// become in a wrong code page) where a letter would be is evidence against.
fn char_score(prev: Option<char>, c: char, next: Option<char>) -> i32 {
    let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
    let touching = letter(prev) || letter(next);
    let inside = letter(prev) && letter(next);
    match c {
        'ä' | 'ö' | 'å' | 'Ä' | 'Ö' | 'Å' | 'é' | 'É' | 'ü' | 'Ü' => {
            // A capital right after a small letter ("kÄ") is no word.
            let capital_in_word = c.is_uppercase() && prev.is_some_and(char::is_lowercase);
            if touching && !capital_in_word { 2 } else { -1 }
        }
        // "12 k€", "(€)", "€/kk"; not "€iti".
        '€' => {
            if letter(next) {
                -2
            } else {
                2
            }
        }
        // An apostrophe ("Children’s") or a dash ("Korso–Koivukylä") may
        // stand between letters.
        '’' | '–' | '—' => 1,
        // Other punctuation between letters is where a letter would be.
        '‘' | '”' | '“' | '„' | '…' | 'º' | '°' | '§' | '«' | '»' | '\u{A0}' | '½' | '•' | '·'
        | '²' | '³' | '±' => {
            if inside {
                -2
            } else {
                1
            }
        }
        'Š' | 'Ž' | 'š' | 'ž' | 'Œ' | 'œ' | 'Ÿ' | 'ƒ' | '‰' | '¤' => {
            if touching {
                -2
            } else {
                -1
            }
        }
        // Other Latin letters (ñ î Ø ß): possible in a name, but what ä
        // and ö become in a code page not offered (cp850's ä is Mac
        // Roman's Ñ, its ö Mac Roman's î): weak evidence against, which
        // Finnish or Swedish letters elsewhere outweigh.
        c if c.is_alphabetic() && c <= '\u{24F}' => -1,
        _ => {
            if touching {
                -2
            } else {
                -1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(s: &str, at: usize) -> i32 {
        let chars: Vec<char> = s.chars().collect();
        char_score(
            chars.get(at.wrapping_sub(1)).copied(),
            chars[at],
            chars.get(at + 1).copied(),
        )
    }

    #[test]
    fn letters_in_words_are_evidence_for() {
        assert_eq!(score("Pää", 1), 2);
        assert_eq!(score("Äiti", 0), 2);
        assert_eq!(score("kÄ", 1), -1, "a capital after a small letter");
        assert_eq!(score("(Ä)", 1), -1, "a letter alone");
    }

    #[test]
    fn euro_before_a_letter_and_symbols_in_words_are_evidence_against() {
        assert_eq!(score("12 k€", 4), 2);
        assert_eq!(score("(€)", 1), 2);
        assert_eq!(score("€iti", 0), -2);
        assert_eq!(score("PŠŠ", 1), -2);
        assert_eq!(score("L‰nsi", 1), -2);
        assert_eq!(score("12 ¤", 3), -1);
        assert_eq!(score("a – b", 2), 1);
        assert_eq!(score("Korso–Koivukylä", 5), 1);
        assert_eq!(score("K§ytt", 1), -2);
        assert_eq!(score("YlÑkoulu", 2), -1, "cp850's ä read as Mac Roman");
        assert_eq!(score("tyîpaja", 2), -1, "cp850's ö read as Mac Roman");
    }

    #[test]
    fn c1_controls_rule_an_encoding_out() {
        assert_eq!(plausibility("Budjetti (\u{80})"), None);
        assert_eq!(plausibility("Pää 12 €"), Some(6));
    }
}
