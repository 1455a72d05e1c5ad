//! Files Spotter writes for the trainer and hands to other programs: where an export may
//! go and how it is written (`target`), which files the desktop may open (`document`), and
//! what a spreadsheet must not run (`formula`); the native dialogs' kinds, start folders and
//! remembered folders (`dialog`), the paths the trainer chose in them (`chosen`), and a file
//! to read as the core receives it, a chosen path or base64 bytes (`upload`).
//!
//! This is the window's least privilege on disk: it writes and reads only what the trainer
//! chose, never replaces a file unasked, and never leaves half a file. What goes into a file
//! (an export's rows, a calendar, a PDF) is the domains'. It stands on `spotter-store` only
//! and must never depend on a domain crate (`spotter-core` and the crates above it) nor on
//! Tauri; spotter-core's `tests/boundary.rs` reads its Cargo.toml to keep it so.

pub mod chosen;
pub mod dialog;
pub mod document;
pub mod formula;
pub mod target;
pub mod upload;
