//! Pinyin of Han characters (every reading, most common first) and the syllables a query can be made of.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

use super::fold::is_han;

/// The distinct toneless readings of `c`, most common first, with ü typed as v (nv, lve) as every input
/// method does; empty for anything that is not Han.
pub fn readings(c: char) -> Vec<Cow<'static, str>> {
    let mut out: Vec<Cow<'static, str>> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let plain = p.plain();
            let typed = if plain.contains('ü') {
                Cow::Owned(plain.replace('ü', "v"))
            } else {
                Cow::Borrowed(plain)
            };
            if !out.contains(&typed) {
                out.push(typed);
            }
        }
    }
    out
}

/// What a character of a name can be typed as: its readings if Han, else the character itself.
pub fn spellings(c: char) -> Vec<String> {
    if is_han(c) {
        let r = readings(c);
        if !r.is_empty() {
            return r.into_iter().map(Cow::into_owned).collect();
        }
    }
    vec![c.to_string()]
}

/// Every toneless syllable of Mandarin, as the pinyin table knows them.
pub fn syllables() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        ('\u{4E00}'..='\u{9FFF}')
            .flat_map(readings)
            .map(Cow::into_owned)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polyphonic_characters_have_every_reading_with_the_common_one_first() {
        assert_eq!(readings('张'), vec!["zhang"]);
        assert!(
            readings('曾').iter().any(|r| r == "zeng"),
            "the surname 曾 is read zeng"
        );
        assert_eq!(readings('长')[0], "zhang");
        assert!(readings('长').iter().any(|r| r == "chang"));
        assert_eq!(readings('女')[0], "nv", "ü is typed as v");
        assert!(readings('a').is_empty(), "Latin letters have no pinyin");
    }

    #[test]
    fn the_syllable_table_knows_real_syllables_only() {
        for s in ["zhang", "san", "hua", "yuan", "a", "er", "lv", "nv"] {
            assert!(syllables().contains(s), "{s} is a syllable");
        }
        for s in ["zs", "hy", "zhan g", "x", "bjhy"] {
            assert!(!syllables().contains(s), "{s} is not a syllable");
        }
    }
}
