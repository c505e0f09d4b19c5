//! Imports: .xlsx/.xls/.ods and CSV (UTF-8 or GB18030) into the store, mapped from header synonyms,
//! validated by the form's rules, matched on the keys the user picks, dry-run first, revertible.

mod contacts;
mod contracts;
mod customers;
mod files;
mod follow_ups;
mod grid;
mod header;
mod installments;
mod journal;
mod lookup;
mod model;
mod plan;
mod products;
mod read;
mod receipts;
mod revert;
mod row;
mod run;
mod text;
mod value;

pub use files::{reason_words, write_rejects, write_template};
pub use grid::{Grid, Raw, MAX_ROWS};
pub use header::{auto_mapping, column_for, normalize};
pub use model::{
    ImportField, ImportMode, ImportPreview, ImportRecord, ImportReport, ImportRequest, MatchKey,
    RejectedRow,
};
pub use read::read;
pub use revert::{list, revert};
pub use run::{inspect, run};
pub use text::decode;
