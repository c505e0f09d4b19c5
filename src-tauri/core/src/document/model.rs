//! What a document (合同文档) is, what kinds of file may be attached, and how big.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// The largest file that may be attached.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;

/// What a document is, for its icon and whether the app previews it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum DocumentKind {
    Pdf,
    Image,
    Word,
    Excel,
    Other,
}

/// A stored document of a customer, possibly of one of its contracts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Document {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    #[ts(type = "number | null")]
    pub contract_id: Option<i64>,
    pub contract_number: Option<String>,
    /// What the file was called, cleaned for showing.
    pub name: String,
    pub kind: DocumentKind,
    #[ts(type = "number")]
    pub size: i64,
    /// SHA-256 of the contents, hex.
    pub sha256: String,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

impl Document {
    /// Whether the window can show it itself (PDF.js or an image tag).
    pub fn previewable(&self) -> bool {
        matches!(self.kind, DocumentKind::Pdf | DocumentKind::Image)
    }
}

/// Extensions of the documents, spreadsheets, images and archives a business keeps with its contracts.
/// Programs and scripts are refused: a document is opened with the system's app for its type.
const ALLOWED: &[&str] = &[
    "pdf", "ofd", "doc", "docx", "rtf", "odt", "wps", "txt", "md", "xls", "xlsx", "xlsm", "csv",
    "ods", "et", "ppt", "pptx", "odp", "dps", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif",
    "tiff", "heic", "zip", "rar", "7z",
];

/// The kind of a file, from its first bytes where they are telling, else from its extension. Refuses
/// extensions outside [`ALLOWED`].
pub fn kind_of(extension: Option<&str>, head: &[u8]) -> Result<DocumentKind> {
    let ext = extension.unwrap_or_default();
    if !ALLOWED.contains(&ext) {
        return Err(CoreError::invalid("file", "type_not_allowed"));
    }
    if head.starts_with(b"%PDF-") {
        return Ok(DocumentKind::Pdf);
    }
    let image = head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || (head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP")
        || head.starts_with(b"BM");
    if image && matches!(ext, "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp") {
        return Ok(DocumentKind::Image);
    }
    Ok(match ext {
        "doc" | "docx" | "rtf" | "odt" | "wps" => DocumentKind::Word,
        "xls" | "xlsx" | "xlsm" | "csv" | "ods" | "et" => DocumentKind::Excel,
        _ => DocumentKind::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_first_bytes() {
        assert_eq!(
            kind_of(Some("pdf"), b"%PDF-1.7\n").unwrap(),
            DocumentKind::Pdf
        );
    }

    #[test]
    fn an_image_must_look_like_one_to_be_previewed() {
        assert_eq!(
            kind_of(Some("png"), b"\x89PNG\r\n\x1a\n....").unwrap(),
            DocumentKind::Image
        );
        assert_eq!(
            kind_of(Some("png"), b"not an image").unwrap(),
            DocumentKind::Other,
            "a renamed file is not shown as an image"
        );
    }

    #[test]
    fn programs_and_files_without_an_extension_are_refused() {
        for ext in [Some("exe"), Some("sh"), Some("desktop"), Some("js"), None] {
            assert_eq!(
                kind_of(ext, b"MZ").unwrap_err().reason(),
                Some("type_not_allowed"),
                "{ext:?}"
            );
        }
    }
}
