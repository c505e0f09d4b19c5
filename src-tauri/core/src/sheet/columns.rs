//! One column of a sheet: the record field it holds, its headers and its cell type.

use crate::settings::Language;

/// How a column's cells are typed in a workbook and parsed on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// Long text (notes): wider, wrapped on import as is.
    LongText,
    /// Text that is usually all digits (phones, codes, accounts): kept as text so no digit is lost.
    Code,
    Int,
    /// Money in 分, shown as yuan with a currency format.
    Money,
    Percent,
    /// A calendar day (`YYYY-MM-DD`).
    Date,
    /// A moment (epoch milliseconds), shown in local time.
    DateTime,
    /// One of a fixed set of values, shown by its label in the sheet's language.
    Choice,
    /// Yes or no.
    Flag,
}

/// A column of a sheet. `key` is the record's field name as the UI knows it (camelCase).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    /// The header in zh-CN, zh-TW and en.
    pub labels: [&'static str; 3],
    /// Other headers people use for it, in any of the three languages.
    pub synonyms: &'static [&'static str],
    pub kind: ColumnKind,
    /// Whether an import may fill it (times the store keeps itself are export-only).
    pub importable: bool,
    /// Whether exports write it (a customer's first contact is import-only).
    pub exported: bool,
}

impl Column {
    pub fn label(&self, language: Language) -> &'static str {
        self.labels[super::language_index(language)]
    }

    /// Width in characters that fits the header and typical values.
    pub fn width(&self, language: Language) -> f64 {
        let header = self
            .label(language)
            .chars()
            .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
            .sum::<f64>();
        let value: f64 = match self.kind {
            ColumnKind::LongText => 40.0,
            ColumnKind::Code => 20.0,
            ColumnKind::Text => 16.0,
            ColumnKind::DateTime => 17.0,
            ColumnKind::Date => 11.0,
            ColumnKind::Money => 14.0,
            ColumnKind::Int | ColumnKind::Percent | ColumnKind::Choice | ColumnKind::Flag => 8.0,
        };
        header.max(value) + 2.0
    }
}

/// Shorthand for the column tables.
pub(super) const fn col(
    key: &'static str,
    labels: [&'static str; 3],
    synonyms: &'static [&'static str],
    kind: ColumnKind,
) -> Column {
    Column {
        key,
        labels,
        synonyms,
        kind,
        importable: true,
        exported: true,
    }
}

/// A column only exports write.
pub(super) const fn out(key: &'static str, labels: [&'static str; 3], kind: ColumnKind) -> Column {
    Column {
        importable: false,
        ..col(key, labels, &[], kind)
    }
}

/// A column only imports read.
pub(super) const fn inp(
    key: &'static str,
    labels: [&'static str; 3],
    synonyms: &'static [&'static str],
    kind: ColumnKind,
) -> Column {
    Column {
        exported: false,
        ..col(key, labels, synonyms, kind)
    }
}
