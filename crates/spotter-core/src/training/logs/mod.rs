//! Workout logs: what a client actually did, set by set, and the records a log sets.
//!
//! The parts: `validation.rs` checks a log before anything is written, `writing.rs` creates,
//! replaces and deletes logs, `reading.rs` reads them back, `prefill.rs` starts a log from a
//! plan day, `records_set.rs` finds the records a saved log set. This file holds the types.

mod prefill;
mod reading;
mod records_set;
mod validation;
mod writing;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan::Measure;
use super::records::RecordHit;

pub use prefill::prefill;
pub use reading::{for_session, get, list};
pub use writing::{create, delete, update};

pub const MAX_SETS_PER_LOG: usize = 400;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutSetInput {
    pub exercise_id: String,
    /// The prescription this set fulfils (its row within the plan day), if any.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub item_index: Option<u32>,
    /// 0 records a set that was attempted but not completed.
    pub reps: u32,
    /// What `reps` counts: the seconds or metres of a timed or distance prescription. It is
    /// the measure of the prescription the set fulfils (`item_index`), which is how it is read
    /// back; a set outside a plan counts reps.
    #[serde(default)]
    pub measure: Measure,
    #[serde(default)]
    pub load_kg: f64,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub rpe: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLogInput {
    pub client_id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub plan_id: Option<String>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub day_index: Option<u32>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub notes: String,
    pub sets: Vec<WorkoutSetInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutSet {
    pub id: String,
    pub exercise_id: String,
    pub exercise_name: String,
    #[ts(optional = nullable)]
    pub item_index: Option<u32>,
    pub reps: u32,
    /// What `reps` counts (reps, seconds or metres), from the prescription the set fulfils.
    pub measure: Measure,
    pub load_kg: f64,
    #[ts(optional = nullable)]
    pub rpe: Option<f64>,
    #[ts(optional = nullable)]
    pub e1rm_kg: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLog {
    pub id: String,
    pub client_id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    pub plan_id: Option<String>,
    #[ts(optional = nullable)]
    pub plan_name: Option<String>,
    #[ts(optional = nullable)]
    pub plan_version: Option<u32>,
    #[ts(optional = nullable)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    pub day_index: Option<u32>,
    #[ts(optional = nullable)]
    pub session_id: Option<String>,
    pub notes: String,
    pub sets: Vec<WorkoutSet>,
}

/// The result of saving a log: the log and the records it set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogSaved {
    pub log: WorkoutLog,
    pub records: Vec<RecordHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLogSummary {
    pub id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    pub plan_name: Option<String>,
    #[ts(optional = nullable)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    pub day_index: Option<u32>,
    pub exercises: u32,
    pub sets: u32,
    pub volume_kg: f64,
}
