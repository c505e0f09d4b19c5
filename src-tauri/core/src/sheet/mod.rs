//! What a spreadsheet column of each record type is: its field, its header in each UI language, the other
//! headers people give it, and its cell type. Exports write these headers; imports recognise them.

mod columns;
mod labels;
mod money;
mod sheets;

pub use columns::{Column, ColumnKind};
pub use labels::{enum_label, parse_enum, Label};

use crate::settings::Language;

/// The index of a language in a column's `labels`.
pub fn language_index(language: Language) -> usize {
    match language {
        Language::ZhCn => 0,
        Language::ZhTw => 1,
        Language::En => 2,
    }
}
