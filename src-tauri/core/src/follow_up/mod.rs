//! Follow-ups (跟进记录): what was said, with whom, and when to follow up next. No UI, no tauri.

mod model;
mod store;

pub use model::{FollowUp, FollowUpInput, FollowUpKind, ValidFollowUp};
pub(crate) use store::{insert_many, insert_one, refresh_customer};
pub use store::{FollowUps, NewFollowUp};
