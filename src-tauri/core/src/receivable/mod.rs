//! Payment plans (回款计划), receipts (回款), and receivables (应收) with aging. No UI, no tauri.

mod model;
mod plan;
mod receipt;
mod summary;

pub use model::{
    Aging, AgingBucket, BookReceivables, CustomerReceivables, Installment, InstallmentInput,
    OpenInstallment, OpenInstallmentPage, OpenInstallmentQuery, PaymentMethod, PaymentPlan,
    Receipt, ReceiptInput, ValidInstallment, ValidReceipt,
};
pub use plan::Plans;
pub(crate) use plan::{
    insert_one as insert_installment, live_contract, load as load_installment,
    overwrite as overwrite_installment, require_within_contract,
};
pub use receipt::Receipts;
pub(crate) use receipt::{
    add_received, insert_one as insert_receipt, open_installment, remove as remove_receipt,
};
pub(crate) use summary::{money_of_contracts, recount_contract, recount_customer};
pub use summary::{of_book, of_customer, open_installments};
