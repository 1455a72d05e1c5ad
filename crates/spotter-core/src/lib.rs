//! Spotter's core: the domain model, validation and storage.
//!
//! Nothing in here knows about Tauri. The desktop shell (`src-tauri`) and the
//! command line (`spotter-cli`) are thin adapters over this crate, so every rule
//! is tested here against real SQLite files.

pub mod ai;
pub mod backups;
pub mod bindings;
pub mod clients;
pub mod datefmt;
pub mod db;
pub mod error;
pub mod export;
pub mod files;
pub mod full_export;
pub mod first_start;
pub mod ics;
pub mod ids;
pub mod import;
pub mod info;
pub mod ipc;
pub mod logging;
pub mod paths;
pub mod quick_find;
pub mod schedule;
pub mod seed;
pub mod seed_training;
pub mod settings;
pub mod time;
pub mod training;
pub mod updates;
pub mod upload;

pub use db::Database;
pub use error::{AppError, ErrorCode, Result};
