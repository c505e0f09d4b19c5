//! The key two company names share when they name the same company: 北京华远科技有限公司, 华远科技有限公司
//! and 华远科技（集团）股份有限公司 all come down to 华远科技.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::places::PLACES;
use crate::search::fold;

/// Legal-form endings, longest first, after folding (brackets are gone, so （集团） is 集团).
const SUFFIXES: &[&str] = &[
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "集团",
    "公司",
    "coltd",
    "limited",
    "ltd",
];

/// The least a key keeps: a name is never stripped down to less than two characters.
const MIN_CHARS: usize = 2;

/// Folded (width, case, spaces, brackets), without legal-form endings and without up to two leading
/// place names (a province, then a city).
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut key: &str = &folded;
    'suffixes: loop {
        for s in SUFFIXES {
            if let Some(rest) = key.strip_suffix(s) {
                if rest.chars().count() >= MIN_CHARS {
                    key = rest;
                    continue 'suffixes;
                }
            }
        }
        break;
    }
    for _ in 0..2 {
        let Some(rest) = strip_place(key) else {
            break;
        };
        if rest.chars().count() < MIN_CHARS {
            break;
        }
        key = rest;
    }
    key.to_string()
}

/// The name without the longest place name it begins with: a few hash lookups (one per length a place
/// name has) rather than a comparison with each of the hundreds of names.
fn strip_place(key: &str) -> Option<&str> {
    static INDEX: OnceLock<(HashSet<&'static str>, Vec<usize>)> = OnceLock::new();
    let (places, lengths) = INDEX.get_or_init(|| {
        let mut lengths: Vec<usize> = PLACES.iter().map(|p| p.chars().count()).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        (PLACES.iter().copied().collect(), lengths)
    });
    lengths.iter().find_map(|&n| {
        let (end, _) = key.char_indices().nth(n)?;
        places.contains(&key[..end]).then(|| &key[end..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_same_company_share_a_key() {
        for name in [
            "北京华远科技有限公司",
            "华远科技有限公司",
            "华远科技（集团）股份有限公司",
            "北京市华远科技有限责任公司",
            "广东省深圳市华远科技有限公司",
            " 华远科技 (集团) ",
        ] {
            assert_eq!(name_key(name), "华远科技", "{name}");
        }
        assert_eq!(name_key("ABC Trading Co., Ltd."), "abctrading");
        assert_eq!(name_key("abc trading limited"), "abctrading");
    }

    #[test]
    fn a_name_that_is_only_a_place_and_a_legal_form_keeps_enough_to_compare() {
        assert_eq!(
            name_key("北京有限公司"),
            "北京",
            "never stripped to nothing"
        );
        assert_eq!(name_key("张三"), "张三", "a person's name stays as it is");
        assert_ne!(
            name_key("上海金腾机械设备有限公司"),
            name_key("北京华远科技有限公司")
        );
    }
}
