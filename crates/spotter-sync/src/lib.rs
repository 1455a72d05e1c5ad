//! Studio sync: every device's SQLite file converges through one shared PostgreSQL,
//! offline-first, with no lost writes.
//!
//! - Capture ([`capture`]): SQLite triggers append every local write of a shared table to the
//!   outbox in the writing transaction; writes that come from a pull are not captured.
//! - Push ([`server::push`]): outbox batches go to `spotter.push`, one Postgres transaction
//!   each, applied in order and exactly once per device; the device adopts the server's rows.
//! - Pull ([`server::pull`]): pages of rows above the device's cursor (the studio's version
//!   counter), each page applied with its cursor in one SQLite transaction ([`device`]).
//! - [`engine`] runs a sync (push, then pull), reports status, and waits for NOTIFY.
//!
//! Tauri-free: the CLI and (next) the app adapt it. It depends on spotter-core for the
//! database and the error type, never on spotter-ai, spotter-print or the shell.

pub mod capture;
pub mod credentials;
pub mod device;
pub mod engine;
pub mod server;
pub mod tables;

pub use engine::{SyncReport, SyncStatus};
pub use server::{Server, ServerAddress};

/// The newest server schema this build knows (the last file in migrations/postgres).
pub fn known_server_schema() -> i64 {
    server::schema::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0)
}
