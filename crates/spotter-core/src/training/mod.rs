//! Training: the exercise library, workout plans (weeks → days → prescriptions) with their
//! version history and progression rules, workout logs, records and progress.

pub mod diff;
pub mod exercise_import;
pub mod exercises;
pub mod last_time;
pub mod log_pages;
pub mod logs;
pub mod plan;
pub mod plans;
pub mod progress;
pub mod progression;
pub mod records;
pub mod report_range;
pub mod vocab;
