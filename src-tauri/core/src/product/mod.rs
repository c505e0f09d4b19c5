//! Products (产品): what the business sells, with its list price and cost. No UI, no tauri.

mod model;
mod store;

pub use model::{Product, ProductInput, ProductPage, ProductQuery, ValidProduct};
pub use store::Products;
pub(crate) use store::{insert_one, overwrite, unique_code};
