//! File names of documents: the name shown (what the user's file was called, cleaned of what cannot be
//! shown) and the name written to disk (safe on Windows, macOS and Linux, never leaving its directory).
//! Pure functions.

/// Longest name shown, in characters.
const MAX_SHOWN: usize = 255;
/// Longest name written, in bytes (file systems count bytes; leave room for the directory).
const MAX_WRITTEN: usize = 180;

/// Splits `name` into stem and extension (without the dot) when the extension is short and plain.
fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => {
            let ext = &name[i + 1..];
            if ext.chars().count() <= 10 && ext.chars().all(|c| c.is_alphanumeric()) {
                (&name[..i], Some(ext))
            } else {
                (name, None)
            }
        }
        _ => (name, None),
    }
}

/// The extension in lower case, if the name has a plain one.
pub fn extension(name: &str) -> Option<String> {
    split_extension(name).1.map(str::to_lowercase)
}

/// Cuts the stem so that stem + extension fit `fits`, on a character boundary.
fn shorten(stem: &str, ext: Option<&str>, fits: impl Fn(&str) -> bool) -> String {
    let join = |s: &str| match ext {
        Some(e) => format!("{s}.{e}"),
        None => s.to_string(),
    };
    let mut cut = stem.to_string();
    while !cut.is_empty() && !fits(&join(&cut)) {
        cut.pop();
    }
    join(&cut)
}

/// The name as the app shows it: the last path component, control characters removed, trimmed, at most
/// 255 characters (the end of the stem cut, the extension kept). Never empty.
pub fn shown(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        return "file".to_string();
    }
    let (stem, ext) = split_extension(clean);
    shorten(stem, ext, |s| s.chars().count() <= MAX_SHOWN)
}

/// Windows reserves these names, with any extension, in every directory.
fn reserved_on_windows(stem: &str) -> bool {
    let upper = stem.trim_end_matches([' ', '.']).to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

/// A name that is safe to create inside a directory of ours on every platform: separators and characters
/// Windows refuses become `_`, leading dots and trailing dots or spaces go, reserved device names get a
/// leading `_`, and the whole fits in 180 bytes. Emoji and Chinese are kept.
pub fn written(shown_name: &str) -> String {
    let replaced: String = shown_name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        return "file".to_string();
    }
    let (stem, ext) = split_extension(trimmed);
    let first = stem.split('.').next().unwrap_or(stem);
    let stem = if reserved_on_windows(first) {
        format!("_{stem}")
    } else {
        stem.to_string()
    };
    let out = shorten(&stem, ext, |s| s.len() <= MAX_WRITTEN);
    if out.starts_with('.') || out.is_empty() {
        format!("file{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_name_is_the_last_component_without_control_characters() {
        assert_eq!(shown("C:\\扫描件\\合同.pdf"), "合同.pdf");
        assert_eq!(shown("/home/u/合同\u{7}签字版.pdf"), "合同签字版.pdf");
        assert_eq!(shown("  "), "file");
        assert_eq!(shown(".."), "file");
    }

    #[test]
    fn a_300_character_name_is_cut_to_255_keeping_its_extension() {
        let long = format!("{}.pdf", "合".repeat(300));
        let s = shown(&long);
        assert_eq!(s.chars().count(), 255);
        assert!(s.ends_with(".pdf"));
        let w = written(&s);
        assert!(w.len() <= 180, "{} bytes", w.len());
        assert!(w.ends_with(".pdf"));
    }

    #[test]
    fn separators_and_dot_dot_never_leave_the_directory() {
        for raw in [
            "../../etc/passwd",
            "..\\..\\boot.ini",
            "a/../b.pdf",
            "..",
            "...",
            "./x",
        ] {
            let w = written(raw);
            assert!(!w.contains('/') && !w.contains('\\'), "{raw:?} → {w:?}");
            assert!(
                !w.starts_with('.'),
                "{raw:?} → {w:?} would be hidden or a parent"
            );
            assert_ne!(w, "..");
        }
    }

    #[test]
    fn reserved_windows_names_get_a_prefix() {
        assert_eq!(written("CON.pdf"), "_CON.pdf");
        assert_eq!(written("nul"), "_nul");
        assert_eq!(written("com1.tar.gz"), "_com1.tar.gz");
        assert_eq!(
            written("COM10.pdf"),
            "COM10.pdf",
            "only COM1–COM9 are reserved"
        );
        assert_eq!(written("console.pdf"), "console.pdf");
    }

    #[test]
    fn emoji_and_chinese_are_kept_and_windows_punctuation_replaced() {
        assert_eq!(written("报价单🎉.xlsx"), "报价单🎉.xlsx");
        assert_eq!(written("a:b*c?d\"e<f>g|h.txt"), "a_b_c_d_e_f_g_h.txt");
        assert_eq!(written("name. "), "name");
    }
}
