//! Whether a record really matches a query, and how well: the index only proposes candidates.

use serde::Serialize;
use ts_rs::TS;

use super::fold::fold;
use super::pinyin::spellings;

/// How a hit matches, best first: the whole value, its beginning, or somewhere inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MatchTier {
    Exact,
    Prefix,
    Substring,
}

/// Which value of the record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MatchField {
    Name,
    Pinyin,
    Phone,
    Email,
}

/// The best way the folded query `q` matches a record with these values, if any.
pub fn best_match(
    q: &str,
    name: &str,
    numbers: &[&str],
    emails: &[&str],
) -> Option<(MatchTier, MatchField)> {
    if q.is_empty() {
        return None;
    }
    let mut found: Vec<(MatchTier, MatchField)> = Vec::new();
    if let Some(t) = tier_in(&fold(name), q) {
        found.push((t, MatchField::Name));
    }
    if q.bytes().all(|b| b.is_ascii_lowercase()) {
        if let Some(t) = pinyin_tier(q, name) {
            found.push((t, MatchField::Pinyin));
        }
    }
    if q.chars().count() >= 3 {
        if q.bytes().all(|b| b.is_ascii_digit()) {
            let digits = numbers
                .iter()
                .map(|n| n.chars().filter(char::is_ascii_digit).collect::<String>());
            if let Some(t) = digits.filter_map(|d| tier_in(&d, q)).min() {
                found.push((t, MatchField::Phone));
            }
        }
        if let Some(t) = emails.iter().filter_map(|e| tier_in(&fold(e), q)).min() {
            found.push((t, MatchField::Email));
        }
    }
    found.into_iter().min()
}

fn tier_in(value: &str, q: &str) -> Option<MatchTier> {
    if value == q {
        Some(MatchTier::Exact)
    } else if value.starts_with(q) {
        Some(MatchTier::Prefix)
    } else if value.contains(q) {
        Some(MatchTier::Substring)
    } else {
        None
    }
}

/// Matches letters typed as pinyin against the characters of a name: each character is typed as one of
/// its readings or any beginning of one (so "zs", "zhangs", "zhsan" and "zhangsan" all find 张三), in order.
pub fn pinyin_tier(q: &str, name: &str) -> Option<MatchTier> {
    let spelled: Vec<Vec<String>> = fold(name).chars().map(spellings).collect();
    let q = q.as_bytes();
    let mut m = Matcher {
        spelled: &spelled,
        q,
        failed: vec![false; (spelled.len() + 1) * (q.len() + 1) * 2],
    };
    if m.consumes(0, 0, true) {
        Some(MatchTier::Exact)
    } else if m.consumes(0, 0, false) {
        Some(MatchTier::Prefix)
    } else if (1..spelled.len()).any(|start| m.consumes(start, 0, false)) {
        Some(MatchTier::Substring)
    } else {
        None
    }
}

struct Matcher<'a> {
    spelled: &'a [Vec<String>],
    q: &'a [u8],
    /// States (character, query position, must reach the end) already known to fail.
    failed: Vec<bool>,
}

impl Matcher<'_> {
    /// Whether the query from `j` on can be typed by the characters from `i` on (all of them if `to_end`).
    fn consumes(&mut self, i: usize, j: usize, to_end: bool) -> bool {
        if j == self.q.len() {
            return !to_end || i == self.spelled.len();
        }
        if i == self.spelled.len() {
            return false;
        }
        let key = (i * (self.q.len() + 1) + j) * 2 + to_end as usize;
        if self.failed[key] {
            return false;
        }
        for r in self.spelled[i].iter().map(String::as_bytes) {
            let mut k = 0;
            while k < r.len() && j + k < self.q.len() && r[k] == self.q[j + k] {
                k += 1;
                if self.consumes(i + 1, j + k, to_end) {
                    return true;
                }
            }
        }
        self.failed[key] = true;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_initials_and_mixtures_find_a_name() {
        for q in ["zhangsan", "zs", "zhangs", "zsan", "zhsan"] {
            assert_eq!(
                pinyin_tier(q, "张三"),
                Some(MatchTier::Exact),
                "{q} types 张三"
            );
        }
        assert_eq!(pinyin_tier("zhang", "张三"), Some(MatchTier::Prefix));
        assert_eq!(
            pinyin_tier("hy", "北京华远科技有限公司"),
            Some(MatchTier::Substring)
        );
        assert_eq!(
            pinyin_tier("huayuan", "北京华远科技有限公司"),
            Some(MatchTier::Substring)
        );
        assert_eq!(
            pinyin_tier("zhangsi", "张三"),
            None,
            "the second character is not si"
        );
        assert_eq!(pinyin_tier("sz", "张三"), None, "order matters");
    }

    #[test]
    fn any_reading_of_a_polyphonic_character_counts() {
        assert_eq!(pinyin_tier("zengle", "曾乐"), Some(MatchTier::Exact));
        assert_eq!(pinyin_tier("cengyue", "曾乐"), Some(MatchTier::Exact));
    }

    #[test]
    fn exact_beats_prefix_beats_substring_and_name_beats_the_other_fields() {
        assert_eq!(
            best_match("华远", "华远", &[], &[]),
            Some((MatchTier::Exact, MatchField::Name))
        );
        assert_eq!(
            best_match("华远", "华远科技", &[], &[]),
            Some((MatchTier::Prefix, MatchField::Name))
        );
        assert_eq!(
            best_match("华远", "北京华远", &[], &[]),
            Some((MatchTier::Substring, MatchField::Name))
        );
        assert!(MatchTier::Exact < MatchTier::Prefix && MatchTier::Prefix < MatchTier::Substring);
    }

    #[test]
    fn phone_fragments_and_email_parts_match_their_fields() {
        let numbers = ["138-0013-8000"];
        let emails = ["Zhang.San@qq.com"];
        assert_eq!(
            best_match("0013", "张三", &numbers, &emails),
            Some((MatchTier::Substring, MatchField::Phone))
        );
        assert_eq!(
            best_match("zhangsanqq", "李四", &numbers, &emails),
            Some((MatchTier::Prefix, MatchField::Email))
        );
        assert_eq!(best_match("9999", "张三", &numbers, &emails), None);
    }
}
