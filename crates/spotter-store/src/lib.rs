//! Spotter's storage foundation: where the data lives and how it is kept safe.
//!
//! The data directory (`paths`), opening the SQLite database with its embedded migrations
//! and the refusal of newer or damaged files (`db`), backups taken, listed, pruned and
//! restored (`backups`; the pre-migration backup is one of them), and the vocabulary every
//! domain shares: record ids (`ids`), stored timestamps (`time`) and the one error type
//! (`error`, `AppError` serialising to `{code, message, field}`).
//!
//! It knows tables only as SQL (the settings row a retention lives in, the tables that make a
//! file a Spotter database), never a domain's rules. It must never depend on a domain crate
//! (`spotter-core`, `spotter-ical`, `spotter-ai`, `spotter-print`, `spotter-sync`) nor on
//! Tauri; spotter-core's `tests/boundary.rs` reads this crate's Cargo.toml to keep it so.

pub mod backups;
pub mod db;
pub mod error;
pub mod ids;
pub mod paths;
pub mod time;

pub use db::Database;
pub use error::{AppError, ErrorCode, Result};
