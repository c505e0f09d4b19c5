//! Contract numbers from a rule such as `HT-{YYYY}-{0000}`: date tokens and one zero-padded sequence,
//! the sequence counting per rendered pattern (so it starts again each year when the rule has a year).

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Year4,
    Year2,
    Month,
    Day,
    Sequence(usize),
}

/// A parsed numbering rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberRule(Vec<Part>);

const FIELD: &str = "contractNumberRule";

impl NumberRule {
    pub const DEFAULT: &'static str = "HT-{YYYY}-{0000}";

    /// Tokens: `{YYYY}`, `{YY}`, `{MM}`, `{DD}`, and exactly one sequence `{0…0}` of 1–9 zeros (its width).
    /// Everything else is literal text without control characters; at most 40 characters in all.
    pub fn parse(rule: &str) -> Result<Self> {
        let rule = rule.trim();
        if rule.is_empty() {
            return Err(CoreError::invalid(FIELD, "required"));
        }
        if rule.chars().count() > 40 {
            return Err(CoreError::invalid(FIELD, "too_long"));
        }
        if rule.chars().any(char::is_control) {
            return Err(CoreError::invalid(FIELD, "control_chars"));
        }
        let mut parts = Vec::new();
        let mut rest = rule;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('{') {
                let end = after.find('}').ok_or(CoreError::invalid(FIELD, "format"))?;
                let token = &after[..end];
                parts.push(match token {
                    "YYYY" => Part::Year4,
                    "YY" => Part::Year2,
                    "MM" => Part::Month,
                    "DD" => Part::Day,
                    t if !t.is_empty() && t.len() <= 9 && t.chars().all(|c| c == '0') => {
                        Part::Sequence(t.len())
                    }
                    _ => return Err(CoreError::invalid(FIELD, "format")),
                });
                rest = &after[end + 1..];
            } else {
                let end = rest.find('{').unwrap_or(rest.len());
                if rest[..end].contains('}') {
                    return Err(CoreError::invalid(FIELD, "format"));
                }
                parts.push(Part::Text(rest[..end].to_string()));
                rest = &rest[end..];
            }
        }
        match parts
            .iter()
            .filter(|p| matches!(p, Part::Sequence(_)))
            .count()
        {
            0 => Err(CoreError::invalid(FIELD, "no_sequence")),
            1 => Ok(NumberRule(parts)),
            _ => Err(CoreError::invalid(FIELD, "format")),
        }
    }

    /// The rule with the date filled in and the sequence left as `{}`: the counter's key.
    pub fn pattern(&self, on: NaiveDate) -> String {
        self.render_with(on, |_| "{}".to_string())
    }

    /// The number for sequence `seq` on day `on`. A sequence wider than its zeros is written in full.
    pub fn render(&self, on: NaiveDate, seq: u64) -> String {
        self.render_with(on, |width| format!("{seq:0width$}"))
    }

    fn render_with(&self, on: NaiveDate, seq: impl Fn(usize) -> String) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Year4 => format!("{:04}", on.year()),
                Part::Year2 => format!("{:02}", on.year() % 100),
                Part::Month => format!("{:02}", on.month()),
                Part::Day => format!("{:02}", on.day()),
                Part::Sequence(width) => seq(*width),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_default_rule_numbers_contracts_by_year_and_sequence() {
        let rule = NumberRule::parse(NumberRule::DEFAULT).unwrap();
        assert_eq!(rule.render(day(2026, 12, 2), 7), "HT-2026-0007");
        assert_eq!(rule.pattern(day(2026, 12, 2)), "HT-2026-{}");
        assert_ne!(
            rule.pattern(day(2026, 12, 31)),
            rule.pattern(day(2027, 1, 1)),
            "a new year starts a new sequence"
        );
    }

    #[test]
    fn a_sequence_past_its_width_keeps_every_digit() {
        let rule = NumberRule::parse("{YY}{MM}{DD}-{00}号").unwrap();
        assert_eq!(rule.render(day(2026, 3, 5), 123), "260305-123号");
    }

    #[test]
    fn a_rule_needs_exactly_one_sequence_and_known_tokens() {
        for (rule, reason) in [
            ("HT-{YYYY}", "no_sequence"),
            ("{000}-{000}", "format"),
            ("HT-{YYYYY}-{000}", "format"),
            ("HT-{000", "format"),
            ("HT}-{000}", "format"),
            ("", "required"),
            ("HT\u{7}{000}", "control_chars"),
        ] {
            assert_eq!(
                NumberRule::parse(rule).unwrap_err().reason(),
                Some(reason),
                "{rule:?}"
            );
        }
    }
}
