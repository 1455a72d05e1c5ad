//! Spotter's vocabulary for imported entries: equipment words, the movement pattern guessed
//! from the name (then the source's category), and the last step every entry goes through
//! (instructions cut to length, then the library's own validation).

use serde_json::Value;

use super::{ImportedExercise, SkippedEntry};
use crate::training::exercises::{self, validate};

pub(super) fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}
pub(super) fn equipment_word(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    Some(match n.as_str() {
        "barbell" => "barbell",
        "sz-bar" | "e-z curl bar" | "ez bar" => "ez_bar",
        "dumbbell" => "dumbbell",
        "kettlebell" | "kettlebells" => "kettlebell",
        "swiss ball" | "exercise ball" => "stability_ball",
        "pull-up bar" => "pull_up_bar",
        "bench" | "incline bench" => "bench",
        "none (bodyweight exercise)" | "body only" | "gym mat" => "bodyweight",
        "bands" | "resistance band" => "band",
        "cable" => "cable",
        "machine" => "machine",
        "medicine ball" => "medicine_ball",
        "foam roll" => "foam_roller",
        _ if n.contains("band") => "band",
        _ => return None,
    })
}

/// The movement pattern from the name first, then the source's category.
pub(super) fn infer_pattern(name: &str, category: &str, isolation: bool) -> (String, bool) {
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    let by_name = if has(&["split squat", "lunge", "step-up", "step up"]) {
        Some("lunge")
    } else if has(&["squat"]) {
        Some("squat")
    } else if has(&[
        "deadlift",
        "rdl",
        "good morning",
        "swing",
        "clean",
        "snatch",
        "hip thrust",
        "bridge",
    ]) {
        Some("hinge")
    } else if has(&["overhead", "shoulder press", "military press", "handstand"]) {
        Some("vertical_push")
    } else if has(&[
        "bench",
        "push-up",
        "push up",
        "pushup",
        "chest press",
        "dip",
    ]) {
        Some("horizontal_push")
    } else if has(&[
        "pulldown",
        "pull-down",
        "pull-up",
        "pull up",
        "pullup",
        "chin-up",
        "chin up",
    ]) {
        Some("vertical_pull")
    } else if has(&["row"]) {
        Some("horizontal_pull")
    } else if has(&["carry", "farmer"]) {
        Some("carry")
    } else if has(&["twist", "woodchop", "wood chop", "rotation"]) {
        Some("rotation")
    } else if has(&["plank", "rollout", "roll-out"]) {
        Some("anti_extension")
    } else if has(&["stretch"]) {
        Some("mobility")
    } else {
        None
    };
    if let Some(p) = by_name {
        return (p.to_owned(), false);
    }
    if isolation {
        return ("isolation".to_owned(), false);
    }
    let p = match category.trim().to_lowercase().as_str() {
        "stretching" => "mobility",
        "cardio" => "conditioning",
        "plyometrics" => "plyometric",
        "olympic weightlifting" => "hinge",
        "arms" | "calves" => "isolation",
        "legs" => "squat",
        "abs" => "anti_extension",
        "chest" => "horizontal_push",
        "back" => "horizontal_pull",
        "shoulders" => "vertical_push",
        _ => "isolation",
    };
    (p.to_owned(), true)
}

pub(super) fn finish(
    mut e: ImportedExercise,
    skipped: &mut Vec<SkippedEntry>,
) -> Option<ImportedExercise> {
    if e.exercise.instructions.chars().count() > exercises::MAX_INSTRUCTIONS_CHARS {
        e.exercise.instructions = e
            .exercise
            .instructions
            .chars()
            .take(exercises::MAX_INSTRUCTIONS_CHARS - 1)
            .collect::<String>()
            + "…";
    }
    match validate(&e.exercise) {
        Ok(v) => {
            e.exercise = v;
            Some(e)
        }
        Err(err) => {
            skipped.push(SkippedEntry {
                name: e.exercise.name.clone(),
                reason: err.message,
            });
            None
        }
    }
}
