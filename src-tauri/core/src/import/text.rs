//! CSV files: the encoding is found (a UTF-8 byte-order mark, valid UTF-8, else GB18030, the superset of
//! GBK that Chinese Excel writes), and the delimiter (comma, tab or semicolon) from the first lines.

use std::path::Path;

use super::grid::{file_error, Grid, Raw, MAX_ROWS};
use crate::error::{CoreError, Result};

/// The text of a CSV file and the name of its encoding.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(rest);
        return (text.into_owned(), "UTF-16");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), "GB18030")
        }
    }
}

/// The delimiter that splits the first lines into the most, and equally many, fields.
fn delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .collect();
    [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| {
            let counts: Vec<usize> = lines
                .iter()
                .map(|l| l.bytes().filter(|b| b == d).count())
                .collect();
            let min = counts.iter().copied().min().unwrap_or(0);
            (min, counts.first().copied().unwrap_or(0))
        })
        .unwrap_or(b',')
}

pub fn read_csv(path: &Path) -> Result<Grid> {
    let bytes = std::fs::read(path).map_err(file_error)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        // A workbook saved with a .csv name.
        return Err(CoreError::invalid("file", "unsupported"));
    }
    let (text, encoding) = decode(&bytes);
    drop(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| CoreError::invalid("file", "corrupt"))?;
        if rows.len() > MAX_ROWS + 50 {
            return Err(CoreError::invalid("file", "too_many_rows"));
        }
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.is_empty() {
                        Raw::Empty
                    } else {
                        Raw::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid {
        sheet: None,
        encoding: Some(encoding.to_string()),
        first_row: 1,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_file_from_chinese_excel_reads_as_chinese() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("客户名称,手机\n北京华远科技有限公司,13800138000\n");
        let (text, encoding) = decode(&bytes);
        assert_eq!(encoding, "GB18030");
        assert!(text.starts_with("客户名称,手机"), "{text}");
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_reads_the_same() {
        let plain = "客户名称\n华远\n";
        let bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
        assert_eq!(decode(plain.as_bytes()), (plain.to_string(), "UTF-8"));
        assert_eq!(
            decode(&bom),
            (plain.to_string(), "UTF-8"),
            "the mark is not part of the first header"
        );
    }

    #[test]
    fn tabs_or_semicolons_split_a_file_that_uses_them() {
        assert_eq!(delimiter("a\tb\tc\n1\t2\t3"), b'\t');
        assert_eq!(delimiter("a;b\n1;2"), b';');
        assert_eq!(delimiter("名称,地址\n华远,\"北京; 海淀\"\n"), b',');
    }
}
