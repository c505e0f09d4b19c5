//! Global search over customers and contacts: any substring of Chinese text (one and two characters
//! included), full pinyin and initials, phone fragments and e-mail, ranked exact > prefix > substring.
//!
//! An FTS5 index with tokens the app makes ([`tokens`]) proposes candidates for each tier ([`plan`]); each
//! candidate is then checked and ranked against the record itself ([`matcher`]).

mod bulk;
mod docs;
mod fold;
mod index;
mod matcher;
mod pinyin;
mod plan;
mod run;
mod tokens;

pub(crate) use bulk::{bulk_settings, index_load, Before};
pub use fold::fold;
pub use index::TOKENS_VERSION;
pub(crate) use index::{rebuild_if_stale, sync_contact, sync_contacts_of, sync_customer};
pub use matcher::{best_match, pinyin_tier, MatchField, MatchTier};
pub use plan::{plan, segmentations, Plan, MAX_QUERY_CHARS};
pub use run::{search, HitKind, SearchHit, MAX_HITS};
pub use tokens::{columns, trigrams, Columns, Doc, DocKind};

/// The most common reading of a character as typed (the character itself when it has none), for
/// benchmarks and tests that make pinyin queries.
pub fn columns_spelling(c: char) -> String {
    pinyin::spellings(c).swap_remove(0)
}
