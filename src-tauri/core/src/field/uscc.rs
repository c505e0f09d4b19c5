//! 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015, check character included; pure.

use super::text::half_width;
use crate::error::{CoreError, Result};

/// The 31 characters the code may use (no I, O, Z, S, V).
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A 统一社会信用代码 whose 18th character matches its check character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uscc(String);

impl Uscc {
    /// Accepts lower case, full-width characters and spaces as people type them.
    pub fn parse(raw: &str) -> Result<Self> {
        let code: String = half_width(raw)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase();
        if code.chars().count() != 18 {
            return Err(CoreError::invalid("uscc", "length"));
        }
        let values: Option<Vec<u32>> = code.chars().map(value_of).collect();
        let values = values.ok_or(CoreError::invalid("uscc", "format"))?;
        if check_value(&values[..17]) != values[17] {
            return Err(CoreError::invalid("uscc", "checksum"));
        }
        Ok(Uscc(code))
    }

    /// Completes the first 17 characters with their check character (used by demo data).
    pub fn complete(first17: &str) -> Option<Self> {
        let values: Option<Vec<u32>> = first17.chars().map(value_of).collect();
        let values = values.filter(|v| v.len() == 17)?;
        let check = ALPHABET.chars().nth(check_value(&values) as usize)?;
        Some(Uscc(format!("{first17}{check}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

fn check_value(first17: &[u32]) -> u32 {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_published_code_is_accepted() {
        // 小米科技有限责任公司, as printed on its business licence.
        assert_eq!(
            Uscc::parse("91110108551385082Q").unwrap().as_str(),
            "91110108551385082Q"
        );
    }

    #[test]
    fn lower_case_spaces_and_full_width_are_normalized() {
        let u = Uscc::parse(" ９１１１０１０８ 551385082q ").unwrap();
        assert_eq!(u.as_str(), "91110108551385082Q");
    }

    #[test]
    fn a_wrong_check_character_is_refused_as_checksum() {
        assert_eq!(
            Uscc::parse("91110108551385082A").unwrap_err().reason(),
            Some("checksum")
        );
    }

    #[test]
    fn letters_outside_the_alphabet_are_refused_as_format() {
        assert_eq!(
            Uscc::parse("9111010855138508IQ").unwrap_err().reason(),
            Some("format")
        );
    }

    #[test]
    fn a_short_code_is_refused_as_length() {
        assert_eq!(
            Uscc::parse("9111010855").unwrap_err().reason(),
            Some("length")
        );
    }

    proptest! {
        #[test]
        fn every_completed_code_parses_and_any_other_check_character_fails(
            body in "[0-9A-HJ-NP-RTUW-Y]{17}", other in 0usize..31
        ) {
            let good = Uscc::complete(&body).unwrap();
            prop_assert_eq!(Uscc::parse(good.as_str()).unwrap(), good.clone());
            let wrong = ALPHABET.chars().nth(other).unwrap();
            if !good.as_str().ends_with(wrong) {
                let bad = format!("{body}{wrong}");
                prop_assert!(Uscc::parse(&bad).is_err());
            }
        }
    }
}
