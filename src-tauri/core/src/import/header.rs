//! Finding the header row under any title rows, and mapping its columns to fields by their headers in
//! zh-CN, zh-TW or en and the synonyms people use.

use unicode_normalization::UnicodeNormalization;

use super::grid::Raw;
use super::value::plain_text;
use crate::record::RecordKind;
use crate::sheet::Column;

/// Rows looked at for the header.
const HEADER_SEARCH: usize = 20;

/// A header as compared: full-width forms folded (NFKC), lower case, no spaces, no required-field marks
/// (`*客户名称`, `客户名称（必填）`) and no trailing colon.
pub fn normalize(header: &str) -> String {
    let s: String = header.nfkc().collect::<String>().to_lowercase();
    let s = s
        .replace("(必填)", "")
        .replace("(選填)", "")
        .replace("(选填)", "");
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .collect::<String>()
        .trim_end_matches(':')
        .to_string()
}

/// The importable column a header names, if any.
pub fn column_for(entity: RecordKind, header: &str) -> Option<&'static Column> {
    let h = normalize(header);
    if h.is_empty() {
        return None;
    }
    entity
        .columns()
        .iter()
        .filter(|c| c.importable)
        .find(|c| c.labels.iter().chain(c.synonyms).any(|w| normalize(w) == h))
}

/// The index (in `rows`) of the header row: among the first rows, the one naming the most fields; with
/// none named, the first row with the most filled cells.
pub fn find_header(entity: RecordKind, rows: &[Vec<Raw>]) -> Option<usize> {
    let candidates = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .take(HEADER_SEARCH);
    let mut best: Option<(usize, usize, usize)> = None; // (index, named, filled)
    for (i, r) in candidates {
        let named = r
            .iter()
            .filter(|c| column_for(entity, &plain_text(c)).is_some())
            .count();
        let filled = r.iter().filter(|c| !c.is_empty()).count();
        let better = match best {
            None => true,
            Some((_, n, f)) => named > n || (named == n && named == 0 && filled > f),
        };
        if better {
            best = Some((i, named, filled));
        }
    }
    best.map(|(i, _, _)| i)
}

/// A field key for each header, each field taken by the first column that names it.
pub fn auto_mapping(entity: RecordKind, headers: &[String]) -> Vec<Option<String>> {
    let mut taken: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let c = column_for(entity, h)?;
            if taken.contains(&c.key) {
                return None;
            }
            taken.push(c.key);
            Some(c.key.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Raw> {
        cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Raw::Empty
                } else {
                    Raw::Text(c.to_string())
                }
            })
            .collect()
    }

    #[test]
    fn the_usual_chinese_headers_map_to_their_fields() {
        let headers: Vec<String> = [
            "单位名称",
            "联系电话",
            "手機號碼",
            "*统一社会信用代码",
            "E-Mail",
            "备注（选填）",
            "不知道",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            auto_mapping(RecordKind::Customers, &headers),
            vec![
                Some("name".into()),
                Some("phone".into()),
                Some("mobile".into()),
                Some("uscc".into()),
                Some("email".into()),
                Some("notes".into()),
                None
            ]
        );
    }

    #[test]
    fn a_field_named_twice_is_mapped_once() {
        let headers: Vec<String> = ["客户名称", "公司名称"].map(String::from).to_vec();
        assert_eq!(
            auto_mapping(RecordKind::Customers, &headers),
            vec![Some("name".into()), None],
            "the second column is left for the user to map"
        );
    }

    #[test]
    fn title_rows_above_the_header_are_skipped() {
        let rows = vec![
            row(&["2026年客户名单", "", ""]),
            row(&["", "", ""]),
            row(&["制表：销售部", "", ""]),
            row(&["客户名称", "手机", "地址"]),
            row(&["华远", "13800138000", "北京"]),
        ];
        assert_eq!(find_header(RecordKind::Customers, &rows), Some(3));
    }
}
