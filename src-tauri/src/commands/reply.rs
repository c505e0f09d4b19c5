//! What every command answers with, and the one test-only way around a native dialog.

/// A command's answer: its value, or the core's error as `{code, message, field, reason}`.
pub type Reply<T> = Result<T, crm_core::AppError>;

/// Test-only: debug builds take what a native dialog would give (or a switch) from the environment; the
/// end-to-end tests cannot click through a native dialog. Release builds ignore these variables.
pub(crate) fn test_path(var: &str) -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var(var).ok().filter(|v| !v.is_empty())
    } else {
        None
    }
}
