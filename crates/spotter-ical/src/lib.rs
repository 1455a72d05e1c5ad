//! iCalendar (RFC 5545), the file format and nothing else.
//!
//! Writing: content lines with TEXT escaping and 75-octet folding (`writer`) and VTIMEZONE
//! components computed from the IANA database (`vtimezone`). Reading: a file's bytes checked
//! and unfolded, its events with their times, durations, repeat rules and exceptions as
//! written, and zone names as Google, Apple, Outlook (`windows_zones`) and Thunderbird spell
//! them (`read`).
//!
//! What a calendar means for Spotter — sessions, trainers, clients, the import window, the
//! 12-hour limit, the database — is `spotter-core`'s `ics` module. This crate must never
//! depend on the storage foundation (`spotter-store`), on a domain crate (`spotter-core` and
//! the crates above it) or on Tauri; spotter-core's `tests/boundary.rs` reads its Cargo.toml to keep it so.

pub mod read;
pub mod vtimezone;
mod windows_zones;
pub mod writer;

pub use read::ReadError;
