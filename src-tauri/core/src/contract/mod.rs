//! Contracts (合同): numbered, with product lines, a customer and a signing contact. No UI, no tauri.

mod model;
mod number;
mod query;
mod store;

pub use model::{
    Contract, ContractInput, ContractLine, ContractLineInput, ContractMoney, ContractRow,
    ContractStatus, ValidContract, ValidLine, MAX_LINES,
};
pub use number::NumberRule;
pub use query::{ContractPage, ContractQuery, ContractSort};
pub use store::Contracts;
pub(crate) use store::{insert_one, load, move_to_customer, overwrite, unique_number};
