//! The one error type of the core and its `{code, message}` form for the UI; depends on nothing but std and serde.

use serde::Serialize;
use ts_rs::TS;

/// The small fixed set of error codes the UI maps to localized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    Locked,
    Io,
    Internal,
}

/// Every failure the core reports. `field` and `reason` are stable keys the UI translates.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{field}: {reason}")]
    Validation {
        field: &'static str,
        reason: &'static str,
    },
    #[error("not found")]
    NotFound,
    #[error("conflict: {reason}")]
    Conflict {
        reason: &'static str,
        detail: String,
    },
    #[error("locked: {reason}")]
    Locked {
        reason: &'static str,
        detail: String,
    },
    #[error("i/o: {reason}: {detail}")]
    Io {
        reason: &'static str,
        detail: String,
    },
    #[error("internal: {0}")]
    Internal(String),
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    pub fn invalid(field: &'static str, reason: &'static str) -> Self {
        CoreError::Validation { field, reason }
    }
    pub fn locked(reason: &'static str, detail: impl Into<String>) -> Self {
        CoreError::Locked {
            reason,
            detail: detail.into(),
        }
    }
    pub fn io(reason: &'static str, detail: impl Into<String>) -> Self {
        CoreError::Io {
            reason,
            detail: detail.into(),
        }
    }
    pub fn conflict(reason: &'static str, detail: impl Into<String>) -> Self {
        CoreError::Conflict {
            reason,
            detail: detail.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Validation { .. } => ErrorCode::Validation,
            CoreError::NotFound => ErrorCode::NotFound,
            CoreError::Conflict { .. } => ErrorCode::Conflict,
            CoreError::Locked { .. } => ErrorCode::Locked,
            CoreError::Io { .. } => ErrorCode::Io,
            CoreError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The stable reason key, when the error has one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            CoreError::Validation { reason, .. }
            | CoreError::Conflict { reason, .. }
            | CoreError::Locked { reason, .. }
            | CoreError::Io { reason, .. } => Some(reason),
            _ => None,
        }
    }
}

impl From<std::io::Error> for CoreError {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind::*;
        let reason = match e.kind() {
            StorageFull => "disk_full",
            ReadOnlyFilesystem | PermissionDenied => "read_only",
            NotFound => "not_found",
            _ => "other",
        };
        CoreError::io(reason, e.to_string())
    }
}

impl From<sqlx::Error> for CoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => CoreError::NotFound,
            sqlx::Error::Database(db) => match db.code().and_then(|c| c.parse::<i32>().ok()) {
                Some(code) => CoreError::sqlite(code, e.to_string()),
                None => CoreError::Internal(e.to_string()),
            },
            sqlx::Error::Io(io) => CoreError::io("other", io.to_string()),
            _ => CoreError::Internal(e.to_string()),
        }
    }
}

impl CoreError {
    /// The error of an SQLite result code (extended or primary), through sqlx or the C API alike.
    pub(crate) fn sqlite(code: i32, detail: String) -> Self {
        match code & 0xff {
            13 => CoreError::io("disk_full", detail),   // SQLITE_FULL
            8 => CoreError::io("read_only", detail),    // SQLITE_READONLY
            5 | 6 => CoreError::locked("busy", detail), // SQLITE_BUSY, SQLITE_LOCKED
            26 => CoreError::io("not_a_database", detail), // SQLITE_NOTADB
            _ => CoreError::Internal(detail),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for CoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        use sqlx::migrate::MigrateError::*;
        match e {
            VersionMissing(_) | VersionTooNew(..) => {
                CoreError::conflict("schema_newer", e.to_string())
            }
            Execute(inner) => inner.into(),
            other => CoreError::Internal(other.to_string()),
        }
    }
}

/// What the UI receives: `{code, message, field, reason}`. `message` is English, for logs only.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    pub reason: Option<String>,
}

impl From<&CoreError> for AppError {
    fn from(e: &CoreError) -> Self {
        let field = match e {
            CoreError::Validation { field, .. } => Some(field.to_string()),
            _ => None,
        };
        // Internal details go to the log, not to the window.
        let message = match e {
            CoreError::Internal(_) => "internal error".to_string(),
            other => other.to_string(),
        };
        AppError {
            code: e.code(),
            message,
            field,
            reason: e.reason().map(str::to_string),
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        if let CoreError::Internal(detail) = &e {
            tracing::error!(%detail, "internal error");
        }
        AppError::from(&e)
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validation_error_reaches_the_ui_with_its_field_and_reason() {
        let e: AppError = CoreError::invalid("uscc", "checksum").into();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(
            e.field.as_deref(),
            Some("uscc"),
            "the UI marks the field that failed"
        );
        assert_eq!(
            e.reason.as_deref(),
            Some("checksum"),
            "the UI translates the reason key"
        );
    }

    #[test]
    fn internal_details_are_not_shown_to_the_user() {
        let e: AppError = CoreError::Internal("SELECT * FROM secret".into()).into();
        assert!(
            !e.message.contains("SELECT"),
            "SQL and paths stay in the log"
        );
    }

    #[test]
    fn the_code_serializes_as_snake_case() {
        let json = serde_json::to_string(&AppError::from(CoreError::NotFound)).unwrap();
        assert!(json.contains("\"code\":\"not_found\""), "{json}");
    }
}
