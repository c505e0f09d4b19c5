//! Rules every free-text field shares: trimmed, width-normalized, length-limited, no control characters.

use crate::error::{CoreError, Result};

/// Limits of one text field.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub field: &'static str,
    pub max_chars: usize,
    /// Notes may span lines; names may not.
    pub multiline: bool,
}

impl Text {
    pub const fn line(field: &'static str, max_chars: usize) -> Self {
        Text {
            field,
            max_chars,
            multiline: false,
        }
    }
    pub const fn block(field: &'static str, max_chars: usize) -> Self {
        Text {
            field,
            max_chars,
            multiline: true,
        }
    }

    fn clean(&self, raw: &str) -> Result<Option<String>> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > self.max_chars {
            return Err(CoreError::invalid(self.field, "too_long"));
        }
        let allowed = |c: char| self.multiline && (c == '\n' || c == '\t' || c == '\r');
        if trimmed.chars().any(|c| c.is_control() && !allowed(c)) {
            return Err(CoreError::invalid(self.field, "control_chars"));
        }
        Ok(Some(trimmed.to_string()))
    }
}

/// A text that must be present.
pub fn required_text(rule: Text, raw: &str) -> Result<String> {
    rule.clean(raw)?
        .ok_or(CoreError::invalid(rule.field, "required"))
}

/// A text that may be left empty; empty becomes `None`.
pub fn optional_text(rule: Text, raw: Option<&str>) -> Result<Option<String>> {
    match raw {
        Some(r) => rule.clean(r),
        None => Ok(None),
    }
}

/// Full-width ASCII variants (０-９, Ａ-Ｚ, ＠, full-width space) become their half-width forms,
/// as Chinese input methods often type them.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Tags: trimmed, de-duplicated in order, at most 20 of at most 30 characters each.
pub fn tags(raw: &[String]) -> Result<Vec<String>> {
    let rule = Text::line("tags", 30);
    let mut out: Vec<String> = Vec::new();
    for t in raw {
        if let Some(tag) = rule.clean(t)? {
            if tag.contains(',') {
                return Err(CoreError::invalid("tags", "format"));
            }
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
    }
    if out.len() > 20 {
        return Err(CoreError::invalid("tags", "too_long"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: Text = Text::line("name", 200);

    #[test]
    fn an_empty_or_blank_required_text_is_refused_as_required() {
        for raw in ["", "   ", "\u{3000}"] {
            let e = required_text(NAME, raw).unwrap_err();
            assert_eq!(e.reason(), Some("required"), "{raw:?} has no content");
        }
    }

    #[test]
    fn a_ten_thousand_character_name_is_refused_as_too_long() {
        let e = required_text(NAME, &"华".repeat(10_000)).unwrap_err();
        assert_eq!(e.reason(), Some("too_long"));
    }

    #[test]
    fn control_characters_are_refused_in_a_single_line_field() {
        let e = required_text(NAME, "华远\u{0007}科技").unwrap_err();
        assert_eq!(e.reason(), Some("control_chars"));
        let e = required_text(NAME, "华远\n科技").unwrap_err();
        assert_eq!(
            e.reason(),
            Some("control_chars"),
            "a name has no line breaks"
        );
    }

    #[test]
    fn notes_may_span_lines() {
        let notes = Text::block("notes", 10_000);
        assert_eq!(
            optional_text(notes, Some("第一行\n第二行"))
                .unwrap()
                .as_deref(),
            Some("第一行\n第二行")
        );
    }

    #[test]
    fn emoji_are_kept_as_typed() {
        assert_eq!(required_text(NAME, " 🍜 面馆 ").unwrap(), "🍜 面馆");
    }

    #[test]
    fn full_width_digits_and_letters_become_half_width() {
        assert_eq!(half_width("９１１１ＡＢ＠ｑｑ．ｃｏｍ"), "9111AB@qq.com");
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let t = tags(&[" VIP ".into(), "VIP".into(), "".into(), "老客户".into()]).unwrap();
        assert_eq!(t, vec!["VIP", "老客户"]);
    }
}

/// Runs an optional raw value through a parser; blank counts as absent.
pub fn parsed<T>(
    raw: &Option<String>,
    parse: impl Fn(&str) -> Result<T>,
    into: impl Fn(T) -> String,
) -> Result<Option<String>> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse(s).map(|v| Some(into(v))),
    }
}

/// An optional one-line text of at most `max` characters.
pub fn line(field: &'static str, max: usize, raw: &Option<String>) -> Result<Option<String>> {
    optional_text(Text::line(field, max), raw.as_deref())
}
