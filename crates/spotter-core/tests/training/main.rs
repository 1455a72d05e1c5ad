//! Training against real SQLite files: the exercise library, prescriptions and their
//! validation, progression rules, version history and restore, workout logs, 1RM and
//! records, adherence and the progress page's data.
//!
//! One test binary, one module a feature; the set-up the modules share is below, the set-up
//! other test files share too is in `tests/support`.

#[path = "../support/mod.rs"]
mod support;

mod exercise_import;
mod library;
mod plans;
mod prescriptions;
mod progression_rules;
mod workout_logs;

use spotter_core::training::exercises::{self, ExerciseInput};
use spotter_core::training::plan::{
    Load, LoadKind, PlanBody, PlanDay, PlanWeek, Prescription, ProgressionRule,
};
use spotter_core::training::plans::{Author, AuthorKind};
use spotter_store::Database;

fn trainer() -> Author {
    Author {
        kind: AuthorKind::Trainer,
        name: "Alex Morgan".into(),
    }
}

async fn exercise(db: &Database, name: &str, muscle: &str) -> String {
    exercises::create(
        db,
        &ExerciseInput {
            name: name.into(),
            primary_muscles: vec![muscle.into()],
            equipment: vec!["barbell".into()],
            pattern: "squat".into(),
            difficulty: "intermediate".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

fn rx(exercise_id: &str, sets: u32, reps: (u32, u32), kg: Option<f64>) -> Prescription {
    Prescription {
        exercise_id: exercise_id.into(),
        exercise_name: String::new(),
        sets,
        measure: Default::default(),
        reps_min: reps.0,
        reps_max: reps.1,
        load: match kg {
            Some(v) => Load {
                kind: LoadKind::Kg,
                value: Some(v),
            },
            None => Load::default(),
        },
        tempo: String::new(),
        rest_seconds: Some(120),
        notes: String::new(),
        group: None,
        group_kind: None,
    }
}

fn one_week(days: Vec<(&str, u32, Vec<Prescription>)>) -> PlanBody {
    PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: days
                .into_iter()
                .map(|(n, o, items)| PlanDay {
                    name: n.into(),
                    day_offset: o,
                    items,
                })
                .collect(),
        }],
        rule: ProgressionRule::default(),
        notes: String::new(),
    }
}
