//! Estimated one-repetition maximums and personal records.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Above this many reps a 1RM estimate says little; such sets get none.
pub const MAX_REPS_FOR_ESTIMATE: u32 = 12;

/// Epley: w × (1 + r/30); a single is the 1RM itself.
pub fn epley(load_kg: f64, reps: u32) -> Option<f64> {
    estimate(load_kg, reps).map(|()| {
        if reps == 1 {
            load_kg
        } else {
            load_kg * (1.0 + f64::from(reps) / 30.0)
        }
    })
}

/// Brzycki: w × 36 / (37 − r); a single is the 1RM itself.
pub fn brzycki(load_kg: f64, reps: u32) -> Option<f64> {
    estimate(load_kg, reps).map(|()| {
        if reps == 1 {
            load_kg
        } else {
            load_kg * 36.0 / (37.0 - f64::from(reps))
        }
    })
}

fn estimate(load_kg: f64, reps: u32) -> Option<()> {
    (load_kg.is_finite() && load_kg > 0.0 && (1..=MAX_REPS_FOR_ESTIMATE).contains(&reps))
        .then_some(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Best estimated 1RM (Epley).
    EstimatedOneRm,
    /// More reps than ever at this load or heavier.
    Reps,
    /// Most volume (reps × load) for the exercise in one workout (one day on the progress page).
    Volume,
}

/// A record set by a workout. `previous` is none the first time the exercise is logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordHit {
    pub exercise_id: String,
    pub exercise_name: String,
    pub kind: RecordKind,
    pub value: f64,
    /// For rep records: the load the reps were done with.
    #[ts(optional = nullable)]
    pub load_kg: Option<f64>,
    #[ts(optional = nullable)]
    pub previous: Option<f64>,
}

/// A client's bests for one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExerciseRecords {
    pub exercise_id: String,
    pub exercise_name: String,
    #[ts(optional = nullable)]
    pub best_e1rm_epley_kg: Option<f64>,
    #[ts(optional = nullable)]
    pub best_e1rm_brzycki_kg: Option<f64>,
    #[ts(optional = nullable)]
    pub best_e1rm_on: Option<String>,
    pub best_volume_kg: f64,
    #[ts(optional = nullable)]
    pub best_volume_on: Option<String>,
    pub max_reps: u32,
    /// Days the exercise was trained.
    pub workouts: u32,
}
