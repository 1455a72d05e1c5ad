//! Reading free-exercise-db's `exercises.json` (github.com/yuhonas/free-exercise-db, public
//! domain): its muscle names, levels and instruction lists.

use serde_json::Value;

use super::vocabulary::{equipment_word, finish, infer_pattern, str_of};
use super::{ExerciseImportPreview, ImportFormat, ImportedExercise, SkippedEntry};
use crate::training::exercises::ExerciseInput;

pub(super) fn is_fedb_entry(v: &Value) -> bool {
    v.get("primaryMuscles").is_some_and(Value::is_array)
        && v.get("name").is_some_and(Value::is_string)
}
fn fedb_muscle(m: &str) -> Option<&'static str> {
    Some(match m.trim().to_lowercase().as_str() {
        "abdominals" => "abs",
        "abductors" => "abductors",
        "adductors" => "adductors",
        "biceps" => "biceps",
        "calves" => "calves",
        "chest" => "chest",
        "forearms" => "forearms",
        "glutes" => "glutes",
        "hamstrings" => "hamstrings",
        "lats" => "lats",
        "lower back" => "lower_back",
        "middle back" => "upper_back",
        "neck" => "neck",
        "quadriceps" => "quadriceps",
        "shoulders" => "shoulders",
        "traps" => "traps",
        "triceps" => "triceps",
        _ => return None,
    })
}
pub(super) fn parse_fedb(entries: &[Value]) -> ExerciseImportPreview {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for v in entries {
        let name = str_of(v, "name").trim().to_owned();
        if name.is_empty() {
            skipped.push(SkippedEntry {
                name: "(no name)".into(),
                reason: "the entry has no name".into(),
            });
            continue;
        }
        let list = |key: &str| -> Vec<String> {
            v.get(key)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .filter_map(fedb_muscle)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut primary = list("primaryMuscles");
        primary.truncate(3);
        let secondary: Vec<String> = list("secondaryMuscles")
            .into_iter()
            .filter(|m| !primary.contains(m))
            .take(4)
            .collect();
        let mut notes = Vec::new();
        let equipment_raw = str_of(v, "equipment");
        let equipment = match equipment_word(equipment_raw) {
            Some(e) => vec![e.to_owned()],
            None if equipment_raw.is_empty() => vec![],
            None => {
                notes.push(format!(
                    "equipment “{equipment_raw}” has no match; set as bodyweight"
                ));
                vec![]
            }
        };
        let (pattern, guessed) = infer_pattern(
            &name,
            str_of(v, "category"),
            str_of(v, "mechanic") == "isolation",
        );
        if guessed {
            notes.push(format!(
                "movement pattern guessed from the category “{}”",
                str_of(v, "category")
            ));
        }
        let difficulty = match str_of(v, "level") {
            "beginner" => "beginner",
            "expert" => "advanced",
            _ => "intermediate",
        };
        let instructions = v
            .get("instructions")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let source_ref = match str_of(v, "id") {
            "" => name.clone(),
            id => id.to_owned(),
        };
        let e = ImportedExercise {
            source_ref,
            exercise: ExerciseInput {
                name,
                primary_muscles: primary,
                secondary_muscles: secondary,
                equipment,
                pattern,
                difficulty: difficulty.into(),
                instructions,
                cautions: vec![],
            },
            license: "Unlicense".into(),
            attribution:
                "free-exercise-db (github.com/yuhonas/free-exercise-db), public domain (Unlicense)"
                    .into(),
            duplicate_of: None,
            notes,
        };
        if let Some(e) = finish(e, &mut skipped) {
            out.push(e);
        }
    }
    ExerciseImportPreview {
        format: ImportFormat::FreeExerciseDb,
        entries: out,
        skipped,
        partial: false,
    }
}
