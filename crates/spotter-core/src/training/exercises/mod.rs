//! The exercise library: Spotter's shipped exercises, the trainer's own and imported ones.
//! Shipped exercises are inserted at start-up when missing and never overwritten, so a
//! trainer's edits and hides survive updates.
//!
//! The parts: `shipped.rs` the library that ships with Spotter and its stable ids,
//! `validation.rs` the checks every exercise passes, `store.rs` reading and writing
//! exercises. This file holds the types.

mod shipped;
mod store;
mod validation;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use shipped::{ensure_library, library, library_id};
pub use store::{create, get, insert, list, names, set_hidden, update, Provenance};
pub use validation::validate;

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_INSTRUCTIONS_CHARS: usize = 4_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Caution {
    /// A body-area tag, the same words as a client's injuries ([`BODY_AREAS`]).
    pub area: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseSource {
    Spotter,
    Custom,
    Wger,
    FreeExerciseDb,
}

impl ExerciseSource {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spotter => "spotter",
            Self::Custom => "custom",
            Self::Wger => "wger",
            Self::FreeExerciseDb => "free-exercise-db",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "spotter" => Self::Spotter,
            "wger" => Self::Wger,
            "free-exercise-db" => Self::FreeExerciseDb,
            _ => Self::Custom,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub primary_muscles: Vec<String>,
    pub secondary_muscles: Vec<String>,
    pub equipment: Vec<String>,
    pub pattern: String,
    pub difficulty: String,
    pub instructions: String,
    pub cautions: Vec<Caution>,
    pub source: ExerciseSource,
    #[ts(optional = nullable)]
    pub source_ref: Option<String>,
    pub license: String,
    pub attribution: String,
    pub hidden: bool,
}

/// What the trainer edits (and what imports produce before they are stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ExerciseInput {
    pub name: String,
    pub primary_muscles: Vec<String>,
    pub secondary_muscles: Vec<String>,
    pub equipment: Vec<String>,
    pub pattern: String,
    pub difficulty: String,
    pub instructions: String,
    pub cautions: Vec<Caution>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ExerciseQuery {
    #[ts(optional = nullable)]
    pub search: Option<String>,
    #[ts(optional = nullable)]
    pub muscle: Option<String>,
    #[ts(optional = nullable)]
    pub equipment: Option<String>,
    #[ts(optional = nullable)]
    pub pattern: Option<String>,
    /// Hidden exercises are left out unless asked for.
    pub include_hidden: bool,
}
