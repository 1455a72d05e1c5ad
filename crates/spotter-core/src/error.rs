//! The one error type that crosses every boundary (IPC, CLI, tests).
//!
//! It serialises to `{code, message, field}` so the UI can show a message at the
//! field it concerns. Messages are written for the trainer, never contain
//! secrets, and never contain SQL.

use serde::Serialize;
use ts_rs::TS;

/// A machine-readable error category the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input failed validation; `field` names the offending field.
    Validation,
    /// The record does not exist (or was deleted).
    NotFound,
    /// The database was written by a newer Spotter and was left untouched.
    SchemaTooNew,
    /// Another process held the database longer than the busy timeout; trying again helps.
    Busy,
    /// The database could not be read or written.
    Database,
    /// A file could not be read or written.
    Io,
    /// A file the user supplied (CSV, JSON) is malformed.
    InvalidFile,
    /// An export would replace a file the trainer has not agreed to replace; `field` is `path`.
    FileExists,
    /// The OS keychain (where API keys live) cannot be used; the message says how to fix it.
    Keychain,
    /// An AI run was refused (its agent is disabled) or could not get an answer from any provider.
    Ai,
    /// The trainer cancelled the run.
    Cancelled,
    /// The studio server could not be reached, refused the login, or ended this member's access;
    /// the message says which and what to do.
    Studio,
    /// This device and the studio server run different Spotter schemas: one of them needs updating.
    UpdateRequired,
    /// A bug: something that should not happen did.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the error concerns, in the UI's (camelCase) naming.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Validation,
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    pub fn io(context: &str, err: std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{context}: {err}"))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        // Log the detail for the developer; keep the user-facing message plain.
        tracing::error!(error = %err, "database error");
        let message = match &err {
            sqlx::Error::RowNotFound => return AppError::not_found("record"),
            sqlx::Error::Database(db)
                if db.message().contains("locked") || db.message().contains("busy") =>
            {
                return AppError::new(
                    ErrorCode::Busy,
                    "the database is busy (another Spotter window or command holds it); try again",
                );
            }
            sqlx::Error::Database(db) => {
                format!("the database refused the change: {}", db.message())
            }
            sqlx::Error::Io(io) => format!("the database file could not be accessed: {io}"),
            _ => "the database could not be read or written".to_owned(),
        };
        AppError::new(ErrorCode::Database, message)
    }
}

impl From<sqlx::migrate::MigrateError> for AppError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        tracing::error!(error = %err, "migration error");
        AppError::new(
            ErrorCode::Database,
            format!("the database could not be upgraded: {err}"),
        )
    }
}
