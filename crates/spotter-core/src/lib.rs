//! Spotter's core: the domains — clients, scheduling, training, the AI agents' data side,
//! imports and exports, settings, the first start and the demo data — with their validation.
//!
//! It stands on `spotter-store` (the data directory, the database, migrations, backups, ids,
//! timestamps, `AppError`), `spotter-files` (the files it writes and reads for the trainer)
//! and `spotter-ical` (the iCalendar format). Nothing in here knows
//! about Tauri, and nothing here may depend on the crates above it (`spotter-ai`,
//! `spotter-print`, `spotter-sync`, `spotter-cli`, the shell); `tests/boundary.rs` checks the
//! Cargo.toml. The desktop shell (`src-tauri`) and the command line (`spotter-cli`) are thin
//! adapters over this crate, so every rule is tested here against real SQLite files.

pub mod ai;
pub mod bindings;
pub mod clients;
pub mod datefmt;
pub mod export;
pub mod first_start;
pub mod full_export;
pub mod ics;
pub mod import;
pub mod info;
pub mod ipc;
pub mod logging;
pub mod quick_find;
pub mod schedule;
pub mod seed;
pub mod seed_training;
pub mod settings;
pub mod training;
pub mod updates;
