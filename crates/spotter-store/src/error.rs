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
    /// The database file (or the drive it is on) cannot be written; nothing was saved.
    ReadOnly,
    /// The disk is full: the database or a file could not be written; nothing was saved.
    DiskFull,
    /// The database could not be read or written.
    Database,
    /// The database file is damaged (or no longer an SQLite file); the app offers the latest backup.
    DatabaseCorrupt,
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
    /// A new version of Spotter could not be downloaded or installed; the message says why
    /// (download cut off, signature not Spotter's, no permission to install) and that nothing
    /// was installed.
    Update,
    /// A bug: something that should not happen did.
    Internal,
}

impl ErrorCode {
    /// Every code, in declaration order: the UI's list of codes it knows is generated from this
    /// (ui/src/commands.gen.ts), and a test checks that it names every variant.
    pub const ALL: [ErrorCode; 18] = [
        ErrorCode::Validation,
        ErrorCode::NotFound,
        ErrorCode::SchemaTooNew,
        ErrorCode::Busy,
        ErrorCode::ReadOnly,
        ErrorCode::DiskFull,
        ErrorCode::Database,
        ErrorCode::DatabaseCorrupt,
        ErrorCode::Io,
        ErrorCode::InvalidFile,
        ErrorCode::FileExists,
        ErrorCode::Keychain,
        ErrorCode::Ai,
        ErrorCode::Cancelled,
        ErrorCode::Studio,
        ErrorCode::UpdateRequired,
        ErrorCode::Update,
        ErrorCode::Internal,
    ];
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
        Self::io_ref(context, &err)
    }

    /// As [`AppError::io`]; a full disk and a read-only drive get their own codes and words.
    pub fn io_ref(context: &str, err: &std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::StorageFull => Self::disk_full(context),
            std::io::ErrorKind::ReadOnlyFilesystem => Self::new(
                ErrorCode::ReadOnly,
                format!(
                    "{context}: the drive is read-only. Nothing was saved. Choose a folder on \
                     a writable drive."
                ),
            ),
            _ => Self::new(ErrorCode::Io, format!("{context}: {err}")),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

/// SQLite's primary result codes that mean something a trainer can act on
/// (<https://sqlite.org/rescode.html>; an extended code carries its primary code in the low byte).
mod sqlite_code {
    pub const BUSY: i32 = 5;
    pub const LOCKED: i32 = 6;
    pub const READONLY: i32 = 8;
    pub const FULL: i32 = 13;
}

/// The primary SQLite result code of a database error, if it came from SQLite.
fn sqlite_primary_code(db: &dyn sqlx::error::DatabaseError) -> Option<i32> {
    db.code()?.parse::<i32>().ok().map(|code| code & 0xff)
}

impl AppError {
    /// Another Spotter (the app, `spotter-cli`) or a database tool held the file longer than
    /// the busy timeout.
    pub fn busy() -> Self {
        Self::new(
            ErrorCode::Busy,
            "The database is busy — another Spotter or tool has it open. \
             Close the other program or wait a moment, then try again.",
        )
    }

    /// The database file, its folder or its drive cannot be written (permissions, a drive
    /// mounted read-only). A connection opened read-only stays so, hence the restart.
    pub fn read_only() -> Self {
        Self::new(
            ErrorCode::ReadOnly,
            "Spotter cannot save: the database file is read-only (its permissions, or a drive \
             mounted read-only). Nothing was saved. Make the data folder and its files writable, \
             then restart Spotter.",
        )
    }

    /// The disk holding the database (or the file being written) is full.
    pub fn disk_full(what: &str) -> Self {
        Self::new(
            ErrorCode::DiskFull,
            format!(
                "{what}: the disk is full. Nothing was saved. Free some space on the drive, \
                 then try again."
            ),
        )
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        // Log the detail for the developer; keep the user-facing message plain.
        tracing::error!(error = %err, "database error");
        let message = match &err {
            sqlx::Error::RowNotFound => return AppError::not_found("record"),
            sqlx::Error::Database(db) => match sqlite_primary_code(db.as_ref()) {
                Some(sqlite_code::BUSY | sqlite_code::LOCKED) => return AppError::busy(),
                Some(sqlite_code::READONLY) => return AppError::read_only(),
                Some(sqlite_code::FULL) => {
                    return AppError::disk_full("Spotter cannot save to its database")
                }
                // Not from SQLite (or no code): the words are all there is.
                None if db.message().contains("locked") || db.message().contains("busy") => {
                    return AppError::busy()
                }
                _ => format!("the database refused the change: {}", db.message()),
            },
            sqlx::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::StorageFull => {
                    return AppError::disk_full("Spotter cannot save to its database")
                }
                std::io::ErrorKind::ReadOnlyFilesystem => return AppError::read_only(),
                _ => format!("the database file could not be accessed: {io}"),
            },
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

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use super::ErrorCode;

    /// ts-rs reads the variants from the enum's definition, so a code added to the enum but not
    /// to `ALL` fails here (and the UI would otherwise read it as `internal`).
    #[test]
    fn all_lists_every_code_once_in_order() {
        let decl = ErrorCode::decl(&Config::new());
        let declared: Vec<&str> = decl.split('"').skip(1).step_by(2).collect();
        let listed: Vec<String> = ErrorCode::ALL
            .iter()
            .map(|c| {
                serde_json::to_value(c)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            listed, declared,
            "ErrorCode::ALL differs from the enum: {decl}"
        );
    }
}
