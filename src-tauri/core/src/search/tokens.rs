//! The tokens a customer or contact is indexed under, column by column of its FTS5 table.
//!
//! The table's tokenizer only splits on ASCII punctuation and spaces, so the app decides what a token is:
//! - `whole`: the folded name, its pinyin and its initials, each as one token (exact matches), and for a
//!   customer its name key (duplicates);
//! - `head`: the first character and first two characters, the first character's syllables and the
//!   initials of the first two characters (prefix matches);
//! - `han`: every two adjacent characters, in order, so a phrase of them is a substring of two or more
//!   characters; `uni`: every single character, for one-character queries;
//! - `syl`: every reading of every Han character; `sp`: the readings of every two adjacent Han characters
//!   run together (zhangwei), for every combination of readings; `ini`: the initials of every two adjacent
//!   characters, likewise (pinyin and initials queries; the matcher checks the order);
//! - `num`: every three adjacent digits of the phone numbers, in order, with a one-letter token between two
//!   numbers so a phrase never runs from one into the next;
//! - `mail`: the same for the part of each e-mail address before the @, and its domain as one token.

use std::collections::BTreeSet;

use super::fold::{fold, is_han};
use super::pinyin::spellings;

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Customer = 0,
    Contact = 1,
}

/// The searchable text of one live record.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub kind: DocKind,
    pub id: i64,
    pub name: &'a str,
    pub numbers: Vec<&'a str>,
    pub emails: Vec<&'a str>,
}

impl<'a> Doc<'a> {
    /// A record with up to two phone numbers and an e-mail address, as the tables hold them.
    pub fn of(
        kind: DocKind,
        id: i64,
        name: &'a str,
        numbers: [&'a Option<String>; 2],
        email: &'a Option<String>,
    ) -> Self {
        Doc {
            kind,
            id,
            name,
            numbers: numbers.into_iter().flatten().map(String::as_str).collect(),
            emails: email.iter().map(String::as_str).collect(),
        }
    }
}

impl DocKind {
    /// The FTS5 table of this kind of record; its rowid is the record's id.
    pub fn table(self) -> &'static str {
        match self {
            DocKind::Customer => "search_customer",
            DocKind::Contact => "search_contact",
        }
    }
}

/// A record's tokens, one space-separated string per column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub whole: String,
    pub head: String,
    pub han: String,
    pub uni: String,
    pub syl: String,
    pub sp: String,
    pub ini: String,
    pub num: String,
    pub mail: String,
}

/// The token between two values of one column: one letter, never equal to a three-character token.
const BREAK: &str = "z";

pub fn columns(doc: &Doc) -> Columns {
    let chars: Vec<char> = fold(doc.name).chars().collect();
    let spelled: Vec<Vec<String>> = chars.iter().map(|&c| spellings(c)).collect();
    let initials: Vec<BTreeSet<char>> = spelled
        .iter()
        .map(|s| s.iter().filter_map(|r| r.chars().next()).collect())
        .collect();
    let mut c = Columns::default();

    let folded: String = chars.iter().collect();
    let mut whole = vec![folded.clone()];
    if chars.iter().any(|&ch| is_han(ch)) {
        whole.push(spelled.iter().map(|s| s[0].as_str()).collect());
        whole.push(spelled.iter().filter_map(|s| s[0].chars().next()).collect());
    }
    if doc.kind == DocKind::Customer {
        // The normalized company name, so a likely duplicate is one lookup away.
        whole.push(crate::duplicate::name_key(doc.name));
    }
    whole.retain(|t| !t.is_empty());
    whole.dedup();
    c.whole = whole.join(" ");

    let mut head: Vec<String> = Vec::new();
    if let Some(first) = chars.first() {
        head.push(first.to_string());
        head.extend(spelled[0].iter().filter(|_| is_han(*first)).cloned());
    }
    if chars.len() >= 2 {
        head.push(chars[..2].iter().collect());
        head.extend(pairs(&initials[0], &initials[1]));
    }
    c.head = head.join(" ");

    c.han = chars
        .windows(2)
        .map(|w| w.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    c.uni = chars
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let syllables: BTreeSet<&str> = chars
        .iter()
        .zip(&spelled)
        .filter(|(ch, _)| is_han(**ch))
        .flat_map(|(_, s)| s.iter().map(String::as_str))
        .collect();
    c.syl = syllables.into_iter().collect::<Vec<_>>().join(" ");
    let mut pairs_of_syllables: BTreeSet<String> = BTreeSet::new();
    for i in 1..chars.len() {
        if is_han(chars[i - 1]) && is_han(chars[i]) {
            for a in &spelled[i - 1] {
                for b in &spelled[i] {
                    pairs_of_syllables.insert(format!("{a}{b}"));
                }
            }
        }
    }
    c.sp = pairs_of_syllables.into_iter().collect::<Vec<_>>().join(" ");
    let pair_set: BTreeSet<String> = initials
        .windows(2)
        .flat_map(|w| pairs(&w[0], &w[1]))
        .collect();
    c.ini = pair_set.into_iter().collect::<Vec<_>>().join(" ");

    c.num = trigram_values(
        doc.numbers
            .iter()
            .map(|n| n.chars().filter(char::is_ascii_digit).collect()),
    );
    // The part before @ by its trigrams; the domain (qq.com, 163.com: shared by millions) as one token.
    let mut mail: Vec<String> = Vec::new();
    for e in &doc.emails {
        let (local, domain) = e.rsplit_once('@').unwrap_or((e, ""));
        mail.extend(trigrams(&fold(local)));
        mail.push(BREAK.to_string());
        if !fold(domain).is_empty() {
            mail.push(fold(domain));
            mail.push(BREAK.to_string());
        }
    }
    c.mail = mail.join(" ");
    c
}

fn pairs(a: &BTreeSet<char>, b: &BTreeSet<char>) -> Vec<String> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
        .collect()
}

/// Every three adjacent characters of a text, in order.
pub fn trigrams(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).map(|w| w.iter().collect()).collect()
}

fn trigram_values(values: impl Iterator<Item = String>) -> String {
    let parts: Vec<String> = values
        .map(|v| trigrams(&v).join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    parts.join(&format!(" {BREAK} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(name: &'a str, numbers: Vec<&'a str>, emails: Vec<&'a str>) -> Doc<'a> {
        Doc {
            kind: DocKind::Customer,
            id: 1,
            name,
            numbers,
            emails,
        }
    }

    #[test]
    fn a_company_name_is_indexed_by_characters_pairs_pinyin_and_initials() {
        let c = columns(&doc("北京华远科技有限公司", vec![], vec![]));
        assert_eq!(
            c.whole,
            "北京华远科技有限公司 beijinghuayuankejiyouxiangongsi bjhykjyxgs 华远科技"
        );
        assert!(
            c.han.contains("华远 远科"),
            "adjacent pairs stay in order for phrases: {}",
            c.han
        );
        assert!(c.uni.split(' ').any(|t| t == "远"));
        assert!(c.syl.split(' ').any(|t| t == "yuan"));
        assert!(
            c.sp.split(' ').any(|t| t == "huayuan"),
            "adjacent syllables run together: {}",
            c.sp
        );
        assert!(
            c.ini.split(' ').any(|t| t == "hy"),
            "华远 gives the initials pair hy: {}",
            c.ini
        );
        assert!(c.head.split(' ').any(|t| t == "bj") && c.head.split(' ').any(|t| t == "北京"));
    }

    #[test]
    fn every_reading_of_a_polyphonic_character_is_indexed() {
        let c = columns(&doc("曾乐", vec![], vec![]));
        assert!(c.syl.split(' ').any(|t| t == "zeng") && c.syl.split(' ').any(|t| t == "ceng"));
        assert!(
            c.ini.split(' ').any(|t| t == "zl") && c.ini.split(' ').any(|t| t == "cy"),
            "{}",
            c.ini
        );
    }

    #[test]
    fn phone_numbers_and_emails_are_cut_into_trigrams_that_never_span_two_values() {
        let c = columns(&doc(
            "张三",
            vec!["138-0013 8000", "010-1234"],
            vec!["Zhang.San@qq.com"],
        ));
        assert_eq!(
            c.num,
            "138 380 800 001 013 138 380 800 000 z 010 101 012 123 234"
        );
        assert_eq!(c.mail, "zha han ang ngs gsa san z qqcom z");
    }
}
