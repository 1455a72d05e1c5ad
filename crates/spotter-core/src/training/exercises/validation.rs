//! The checks every exercise passes, shipped, typed or imported: a name of sensible length,
//! muscles, equipment and pattern from Spotter's vocabulary, cautions naming known body
//! areas. Each error names its field; what passes is normalised.

use super::{Caution, ExerciseInput, MAX_INSTRUCTIONS_CHARS, MAX_NAME_CHARS};
use crate::clients::BODY_AREAS;
use crate::training::vocab;
use spotter_store::{AppError, Result};

fn clean_list(
    field: &str,
    list: &[String],
    known: fn(&str) -> bool,
    what: &str,
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in list {
        let w = raw.trim().to_lowercase();
        if w.is_empty() {
            continue;
        }
        if !known(&w) {
            return Err(AppError::validation(
                field,
                format!("'{}' is not a known {what}", raw.trim()),
            ));
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    Ok(out)
}

/// Validates and normalises an exercise; each error names its field.
pub fn validate(input: &ExerciseInput) -> Result<ExerciseInput> {
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(AppError::validation("name", "Name is required"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::validation(
            "name",
            format!("Name is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    let primary = clean_list(
        "primaryMuscles",
        &input.primary_muscles,
        vocab::is_muscle,
        "muscle",
    )?;
    if primary.is_empty() {
        return Err(AppError::validation(
            "primaryMuscles",
            "Choose at least one primary muscle",
        ));
    }
    let secondary: Vec<String> = clean_list(
        "secondaryMuscles",
        &input.secondary_muscles,
        vocab::is_muscle,
        "muscle",
    )?
    .into_iter()
    .filter(|m| !primary.contains(m))
    .collect();
    let mut equipment = clean_list(
        "equipment",
        &input.equipment,
        vocab::is_equipment,
        "piece of equipment",
    )?;
    if equipment.is_empty() {
        equipment.push("bodyweight".into());
    }
    let pattern = input.pattern.trim().to_lowercase();
    if !vocab::is_pattern(&pattern) {
        return Err(AppError::validation(
            "pattern",
            format!("Choose a movement pattern ({})", vocab::PATTERNS.join(", ")),
        ));
    }
    let difficulty = input.difficulty.trim().to_lowercase();
    if !vocab::is_difficulty(&difficulty) {
        return Err(AppError::validation(
            "difficulty",
            "Difficulty is beginner, intermediate or advanced",
        ));
    }
    let instructions = input.instructions.trim().to_owned();
    if instructions.chars().count() > MAX_INSTRUCTIONS_CHARS {
        return Err(AppError::validation(
            "instructions",
            format!("Instructions are longer than {MAX_INSTRUCTIONS_CHARS} characters"),
        ));
    }
    let mut cautions = Vec::new();
    for c in &input.cautions {
        let area = c.area.trim().to_lowercase();
        let text = c.text.trim().to_owned();
        if area.is_empty() && text.is_empty() {
            continue;
        }
        if !BODY_AREAS.contains(&area.as_str()) {
            return Err(AppError::validation(
                "cautions",
                format!(
                    "'{}' is not a body area ({})",
                    c.area,
                    BODY_AREAS.join(", ")
                ),
            ));
        }
        if text.is_empty() || text.chars().count() > 500 {
            return Err(AppError::validation(
                "cautions",
                "Each caution needs a short text (up to 500 characters)",
            ));
        }
        cautions.push(Caution { area, text });
    }
    Ok(ExerciseInput {
        name,
        primary_muscles: primary,
        secondary_muscles: secondary,
        equipment,
        pattern,
        difficulty,
        instructions,
        cautions,
    })
}
