//! What documents and queries are reduced to before they meet: half-width, lower case, letters and digits only.

use crate::field::half_width;

/// Full-width forms become half-width, letters lower case, and everything that is neither a letter nor a
/// digit (spaces, punctuation, brackets, FTS operators) is dropped. Han characters are letters.
pub fn fold(s: &str) -> String {
    half_width(s)
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A Han (CJK unified ideograph) character, the ones that have pinyin.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2A6DF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_only_letters_and_digits_in_lower_case_and_half_width() {
        assert_eq!(
            fold(" 北京（华远）科技 ABC-１２３ "),
            "北京华远科技abc123",
            "brackets, spaces and dashes are not searchable"
        );
        assert_eq!(
            fold("\"NEAR\" AND (x* OR y)"),
            "nearandxory",
            "FTS syntax is just text"
        );
        assert_eq!(fold("　！？…"), "", "only punctuation folds to nothing");
    }
}
