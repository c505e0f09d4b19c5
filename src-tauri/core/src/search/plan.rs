//! From a folded query to the FTS5 expressions that find candidates for each tier. Every token is quoted and
//! made of letters and digits only, so nothing a user types can become FTS syntax.

use super::fold::fold;
use super::pinyin::syllables;
use super::tokens::trigrams;

/// The longest query looked at, in characters; the rest of a pasted essay is ignored.
pub const MAX_QUERY_CHARS: usize = 64;

/// The candidate queries for one search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Records whose whole name (or its pinyin or initials) is the query.
    pub exact: String,
    /// Records whose name begins with the query (by characters or pinyin).
    pub prefix: Option<String>,
    /// Every record that contains the query somewhere.
    pub substring: String,
}

/// The plan for a query as typed, or none when nothing in it is searchable.
pub fn plan(query: &str) -> Option<Plan> {
    let chars: Vec<char> = fold(query).chars().take(MAX_QUERY_CHARS).collect();
    if chars.is_empty() {
        return None;
    }
    let q: String = chars.iter().collect();
    let mut substring = vec![han_phrase(&chars)];
    let mut prefix = vec![format!(
        "(head : {} AND {})",
        quote(&chars[..chars.len().min(2)].iter().collect::<String>()),
        han_phrase(&chars)
    )];

    let letters = q.bytes().all(|b| b.is_ascii_lowercase());
    if letters && chars.len() >= 2 {
        for units in segmentations(&q) {
            let Some(body) = pinyin_clause(&units) else {
                continue;
            };
            let head = if units.len() >= 2 {
                format!(
                    "head : {}",
                    quote(&format!("{}{}", &units[0][..1], &units[1][..1]))
                )
            } else {
                format!("head : {} *", quote(&units[0]))
            };
            prefix.push(format!("({head} AND {body})"));
            substring.push(body);
        }
    }
    if chars.len() >= 3 && q.bytes().all(|b| b.is_ascii_digit()) {
        substring.push(format!("num : {}", quote(&trigrams(&q).join(" "))));
    }
    // An address typed across the @ is looked up by what comes before it (the domain is one token).
    let local: String = fold(query.split('@').next().unwrap_or_default())
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect();
    if q.is_ascii() && local.chars().count() >= 3 {
        substring.push(format!("mail : {}", quote(&trigrams(&local).join(" "))));
    }
    if q.is_ascii() && !query.contains('@') {
        substring.push(format!("mail : {}", quote(&q)));
    }
    Some(Plan {
        exact: format!("whole : {}", quote(&q)),
        prefix: Some(prefix.join(" OR ")),
        substring: substring.join(" OR "),
    })
}

fn quote(tokens: &str) -> String {
    debug_assert!(
        tokens.chars().all(|c| c.is_alphanumeric() || c == ' '),
        "tokens are letters and digits"
    );
    format!("\"{tokens}\"")
}

/// Characters as a phrase: one character is a token of `uni`, more are a phrase of adjacent pairs in `han`.
fn han_phrase(chars: &[char]) -> String {
    if chars.len() == 1 {
        return format!("uni : {}", quote(&chars[0].to_string()));
    }
    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    format!("han : {}", quote(&pairs.join(" ")))
}

/// What the candidates for one way of reading the letters must contain. Two adjacent whole syllables are
/// one token of `sp` (zhang + wei: "zhangwei", selective even in a book of millions); a whole syllable
/// followed by the unit still being typed is the beginning of one ("zhangw" *); any other pair is known
/// by its initials. A single unit is the beginning of a syllable.
fn pinyin_clause(units: &[String]) -> Option<String> {
    let whole = |u: &String| syllables().contains(u.as_str());
    let mut parts: Vec<String> = Vec::new();
    for (i, w) in units.windows(2).enumerate() {
        let last = i + 2 == units.len();
        if whole(&w[0]) && whole(&w[1]) && !last {
            parts.push(format!("sp : {}", quote(&format!("{}{}", w[0], w[1]))));
        } else if whole(&w[0]) && last {
            parts.push(format!("sp : {} *", quote(&format!("{}{}", w[0], w[1]))));
        } else {
            parts.push(format!(
                "ini : {}",
                quote(&format!("{}{}", &w[0][..1], &w[1][..1]))
            ));
        }
    }
    if let [only] = units {
        if only.len() >= 2 {
            parts.push(format!("syl : {} *", quote(only)));
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(format!("({})", parts.join(" AND ")))
}

/// The likeliest ways to cut letters into pinyin units — whole syllables, initials (z, zh, ...), and a last
/// unit that may be the beginning of a syllable still being typed — fewest units first, at most three.
pub fn segmentations(q: &str) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut budget = 256;
    cut(q, 0, &mut Vec::new(), &mut found, &mut budget);
    found.sort_by_key(|u| u.len());
    found.dedup();
    // One more unit than the fewest still reads "xian" as xi + an (西安) besides xian (先); more than that
    // are far-fetched cuts that only cost time.
    let fewest = found.first().map_or(0, Vec::len);
    found.retain(|u| u.len() <= fewest + 1);
    found.truncate(3);
    found
}

fn cut(
    q: &str,
    at: usize,
    units: &mut Vec<String>,
    found: &mut Vec<Vec<String>>,
    budget: &mut usize,
) {
    if *budget == 0 {
        return;
    }
    if at == q.len() {
        *budget -= 1;
        found.push(units.clone());
        return;
    }
    let rest = &q[at..];
    for len in (1..=rest.len().min(6)).rev() {
        let piece = &rest[..len];
        let whole = syllables().contains(piece);
        let initial = len == 1 || matches!(piece, "zh" | "ch" | "sh");
        let started = len == rest.len() && syllables().iter().any(|s| s.starts_with(piece));
        if whole || initial || started {
            units.push(piece.to_string());
            cut(q, at + len, units, found, budget);
            units.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_cut_into_syllables_before_initials() {
        let s = segmentations("zhangsan");
        assert_eq!(s[0], vec!["zhang", "san"], "whole syllables first: {s:?}");
        assert!(segmentations("zs").contains(&vec!["z".to_string(), "s".to_string()]));
        assert_eq!(segmentations("huay")[0], vec!["hua", "y"]);
    }

    #[test]
    fn every_token_is_quoted_so_fts_operators_are_text() {
        let p = plan("nearandor").expect("letters are searchable");
        for expr in [&p.exact, p.prefix.as_ref().unwrap(), &p.substring] {
            assert!(!expr.contains(" NEAR(") && !expr.contains("\"\""), "{expr}");
        }
        assert!(plan("").is_none(), "nothing to search for");
    }

    #[test]
    fn a_pasted_essay_is_cut_to_the_first_characters() {
        let long = "华".repeat(10_000);
        let p = plan(&long).expect("searchable");
        assert!(p.substring.len() < 1000, "the expression stays small");
    }
}
