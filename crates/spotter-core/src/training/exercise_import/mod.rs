//! Importing exercises from files trainers already have: a wger `exerciseinfo` export and
//! the free-exercise-db `exercises.json`. Each entry keeps its licence and attribution;
//! names that match an existing exercise are offered for merge instead of being doubled.
//! See tests/fixtures/exercises/FORMATS.md for the formats and the vocabulary mapping.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::exercises::{self, validate, ExerciseInput, ExerciseSource, Provenance};
use super::vocab::name_key;
use crate::upload::FileUpload;
use crate::{AppError, Database, ErrorCode, Result};

pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;
const WGER_ENGLISH: i64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportFormat {
    Wger,
    FreeExerciseDb,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExistingExercise {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedExercise {
    /// The entry's id in its source (wger uuid, free-exercise-db id): what decisions refer to.
    pub source_ref: String,
    pub exercise: ExerciseInput,
    pub license: String,
    pub attribution: String,
    /// An exercise already in the library with the same name.
    #[ts(optional = nullable)]
    pub duplicate_of: Option<ExistingExercise>,
    /// What was guessed and deserves a look (pattern from the category, unknown equipment…).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedEntry {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExerciseImportPreview {
    pub format: ImportFormat,
    pub entries: Vec<ImportedExercise>,
    pub skipped: Vec<SkippedEntry>,
    /// A wger file that is one page of a longer list.
    pub partial: bool,
}

/// What to do with an entry whose name is already in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateAction {
    /// Leave the library as it is.
    Skip,
    /// Add what the existing exercise lacks (muscles, equipment, instructions) and note the source.
    Merge,
    /// Add it as its own exercise, named with its source ("… (wger)").
    AddSeparately,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateDecision {
    pub source_ref: String,
    pub action: DuplicateAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExerciseImportReport {
    pub added: u32,
    pub merged: u32,
    pub skipped: u32,
}

fn invalid(msg: impl Into<String>) -> AppError {
    AppError {
        code: ErrorCode::InvalidFile,
        message: msg.into(),
        field: Some("file".into()),
    }
}

/// Reads and classifies a file, and maps every entry onto Spotter's vocabulary.
pub async fn preview(db: &Database, file: &FileUpload) -> Result<ExerciseImportPreview> {
    let bytes = file.bytes(MAX_FILE_BYTES).map_err(|e| AppError {
        field: Some("file".into()),
        ..e
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| invalid("The file is not UTF-8 text; export it again as JSON"))?;
    let json: Value = serde_json::from_str(text).map_err(|e| {
        invalid(format!(
            "The file is not valid JSON (line {}, column {}): it may be cut short",
            e.line(),
            e.column()
        ))
    })?;
    let (format, mut preview) = if let Some(arr) =
        json.as_array().filter(|a| a.iter().any(is_fedb_entry))
    {
        (ImportFormat::FreeExerciseDb, parse_fedb(arr))
    } else if is_fedb_entry(&json) {
        (
            ImportFormat::FreeExerciseDb,
            parse_fedb(std::slice::from_ref(&json)),
        )
    } else if let Some(results) = json.get("results").and_then(Value::as_array) {
        let mut p = parse_wger(results);
        p.partial = json.get("next").is_some_and(|n| !n.is_null());
        (ImportFormat::Wger, p)
    } else if is_wger_entry(&json) {
        (ImportFormat::Wger, parse_wger(std::slice::from_ref(&json)))
    } else {
        return Err(invalid(
            "This JSON is neither a wger exercise export (exerciseinfo) nor a free-exercise-db exercises.json",
        ));
    };
    preview.format = format;
    // Duplicates: against the library and against earlier entries of the same file.
    let mut seen: Vec<String> = Vec::new();
    let mut kept = Vec::new();
    for mut e in std::mem::take(&mut preview.entries) {
        let key = name_key(&e.exercise.name);
        if seen.contains(&key) {
            preview.skipped.push(SkippedEntry {
                name: e.exercise.name,
                reason: "appears twice in the file".into(),
            });
            continue;
        }
        seen.push(key.clone());
        let existing: Option<(String, String)> = sqlx::query_as(
            "SELECT id, name FROM exercises WHERE name_key = ? AND deleted_at IS NULL ORDER BY library_key IS NULL LIMIT 1",
        )
        .bind(&key)
        .fetch_optional(db.pool())
        .await?;
        e.duplicate_of = existing.map(|(id, name)| ExistingExercise { id, name });
        kept.push(e);
    }
    preview.entries = kept;
    Ok(preview)
}

/// Imports the file: new names are added, duplicates follow the decisions (skip by default).
/// All or nothing.
pub async fn import(
    db: &Database,
    file: &FileUpload,
    decisions: &[DuplicateDecision],
) -> Result<ExerciseImportReport> {
    let preview = preview(db, file).await?;
    let source = match preview.format {
        ImportFormat::Wger => ExerciseSource::Wger,
        ImportFormat::FreeExerciseDb => ExerciseSource::FreeExerciseDb,
    };
    let suffix = match preview.format {
        ImportFormat::Wger => "wger",
        ImportFormat::FreeExerciseDb => "free-exercise-db",
    };
    let mut report = ExerciseImportReport {
        added: 0,
        merged: 0,
        skipped: preview.skipped.len() as u32,
    };
    let mut tx = db.pool().begin().await?;
    for e in &preview.entries {
        let action = match &e.duplicate_of {
            None => None,
            Some(_) => Some(
                decisions
                    .iter()
                    .find(|d| d.source_ref == e.source_ref)
                    .map(|d| d.action)
                    .unwrap_or(DuplicateAction::Skip),
            ),
        };
        let from = Provenance {
            source,
            library_key: None,
            source_ref: Some(&e.source_ref),
            license: &e.license,
            attribution: &e.attribution,
        };
        match (action, &e.duplicate_of) {
            (None, _) => {
                // An earlier "add separately" of this import may have taken the name.
                if name_taken(&mut tx, &e.exercise.name).await? {
                    report.skipped += 1;
                    continue;
                }
                exercises::insert(&mut *tx, &e.exercise, &from).await?;
                report.added += 1;
            }
            (Some(DuplicateAction::Skip), _) => report.skipped += 1,
            (Some(DuplicateAction::AddSeparately), _) => {
                let mut input = e.exercise.clone();
                input.name = format!("{} ({suffix})", input.name);
                if name_taken(&mut tx, &input.name).await? {
                    report.skipped += 1;
                    continue;
                }
                let input = validate(&input)?;
                exercises::insert(&mut *tx, &input, &from).await?;
                report.added += 1;
            }
            (Some(DuplicateAction::Merge), Some(existing)) => {
                merge(&mut tx, &existing.id, e).await?;
                report.merged += 1;
            }
            (Some(DuplicateAction::Merge), None) => {}
        }
    }
    tx.commit().await?;
    Ok(report)
}

async fn name_taken(tx: &mut sqlx::SqliteConnection, name: &str) -> Result<bool> {
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM exercises WHERE name_key = ? AND deleted_at IS NULL")
            .bind(name_key(name))
            .fetch_optional(&mut *tx)
            .await?;
    Ok(taken.is_some())
}

async fn merge(tx: &mut sqlx::SqliteConnection, id: &str, e: &ImportedExercise) -> Result<()> {
    let (secondary, equipment, instructions, attribution, primary): (String, String, String, String, String) = sqlx::query_as(
        "SELECT secondary_muscles, equipment, instructions, attribution, primary_muscles FROM exercises WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let primary: Vec<String> = serde_json::from_str(&primary).unwrap_or_default();
    let mut secondary: Vec<String> = serde_json::from_str(&secondary).unwrap_or_default();
    for m in e
        .exercise
        .primary_muscles
        .iter()
        .chain(&e.exercise.secondary_muscles)
    {
        if !primary.contains(m) && !secondary.contains(m) {
            secondary.push(m.clone());
        }
    }
    let mut equipment: Vec<String> = serde_json::from_str(&equipment).unwrap_or_default();
    for q in &e.exercise.equipment {
        if !equipment.contains(q) && q != "bodyweight" {
            equipment.push(q.clone());
        }
    }
    let instructions = if instructions.trim().is_empty() {
        e.exercise.instructions.clone()
    } else {
        instructions
    };
    let note = format!("Merged with {}", e.attribution);
    let attribution = if attribution.is_empty() {
        note
    } else {
        format!("{attribution}; {note}")
    };
    sqlx::query("UPDATE exercises SET secondary_muscles = ?, equipment = ?, instructions = ?, attribution = ?, updated_at = ? WHERE id = ?")
        .bind(serde_json::to_string(&secondary).unwrap_or_else(|_| "[]".into()))
        .bind(serde_json::to_string(&equipment).unwrap_or_else(|_| "[]".into()))
        .bind(instructions)
        .bind(attribution)
        .bind(crate::time::now_utc())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

fn is_fedb_entry(v: &Value) -> bool {
    v.get("primaryMuscles").is_some_and(Value::is_array)
        && v.get("name").is_some_and(Value::is_string)
}

fn is_wger_entry(v: &Value) -> bool {
    v.get("uuid").is_some()
        && (v.get("translations").is_some_and(Value::is_array)
            || v.get("exercises").is_some_and(Value::is_array))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
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

fn equipment_word(name: &str) -> Option<&'static str> {
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
fn infer_pattern(name: &str, category: &str, isolation: bool) -> (String, bool) {
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

fn finish(mut e: ImportedExercise, skipped: &mut Vec<SkippedEntry>) -> Option<ImportedExercise> {
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

fn parse_fedb(entries: &[Value]) -> ExerciseImportPreview {
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

fn wger_muscle(m: &Value) -> Option<&'static str> {
    let by_id = match m.get("id").and_then(Value::as_i64) {
        Some(1 | 13) => Some("biceps"),
        Some(2) => Some("shoulders"),
        Some(3 | 4) => Some("chest"),
        Some(5) => Some("triceps"),
        Some(6) => Some("abs"),
        Some(7 | 15) => Some("calves"),
        Some(8) => Some("glutes"),
        Some(9) => Some("traps"),
        Some(10) => Some("quadriceps"),
        Some(11) => Some("hamstrings"),
        Some(12) => Some("lats"),
        Some(14) => Some("obliques"),
        Some(16) => Some("lower_back"),
        _ => None,
    };
    by_id.or_else(|| {
        let text = format!("{} {}", str_of(m, "name_en"), str_of(m, "name")).to_lowercase();
        [
            ("bicep", "biceps"),
            ("tricep", "triceps"),
            ("quad", "quadriceps"),
            ("hamstring", "hamstrings"),
            ("glute", "glutes"),
            ("calf", "calves"),
            ("calves", "calves"),
            ("chest", "chest"),
            ("shoulder", "shoulders"),
            ("lat", "lats"),
            ("abs", "abs"),
            ("trap", "traps"),
        ]
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, s)| *s)
    })
}

fn wger_license(id: Option<i64>) -> Option<(&'static str, &'static str)> {
    match id {
        Some(1) => Some((
            "CC-BY-SA 3",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        )),
        Some(2) => Some((
            "CC-BY-SA 4",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        )),
        Some(3) => Some(("CC0", "https://creativecommons.org/publicdomain/zero/1.0/")),
        Some(4) => Some(("CC-BY 4", "https://creativecommons.org/licenses/by/4.0/")),
        _ => None,
    }
}

fn parse_wger(results: &[Value]) -> ExerciseImportPreview {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for v in results {
        let translations = v
            .get("translations")
            .or_else(|| v.get("exercises"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let Some(en) = translations
            .iter()
            .find(|t| t.get("language").and_then(Value::as_i64) == Some(WGER_ENGLISH))
        else {
            let name = translations
                .first()
                .map(|t| str_of(t, "name").to_owned())
                .unwrap_or_else(|| {
                    format!(
                        "wger exercise {}",
                        v.get("id").cloned().unwrap_or(Value::Null)
                    )
                });
            skipped.push(SkippedEntry {
                name,
                reason: "no English name in the file".into(),
            });
            continue;
        };
        let name = str_of(en, "name").trim().to_owned();
        let muscles = |key: &str| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for m in v.get(key).and_then(Value::as_array).into_iter().flatten() {
                if let Some(s) = wger_muscle(m) {
                    if !out.iter().any(|o| o == s) {
                        out.push(s.to_owned());
                    }
                }
            }
            out
        };
        let mut primary = muscles("muscles");
        let mut secondary: Vec<String> = muscles("muscles_secondary")
            .into_iter()
            .filter(|m| !primary.contains(m))
            .collect();
        primary.truncate(3);
        secondary.truncate(4);
        let mut notes = Vec::new();
        if primary.is_empty() {
            if let Some(first) = secondary.first().cloned() {
                secondary.remove(0);
                primary.push(first);
            }
        }
        let mut equipment = Vec::new();
        for q in v
            .get("equipment")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match equipment_word(str_of(q, "name")) {
                Some(e) if !equipment.contains(&e.to_owned()) => equipment.push(e.to_owned()),
                Some(_) => {}
                None => notes.push(format!("equipment “{}” has no match", str_of(q, "name"))),
            }
        }
        let category = v.get("category").map(|c| str_of(c, "name")).unwrap_or("");
        let (pattern, guessed) = infer_pattern(&name, category, false);
        if guessed {
            notes.push(format!(
                "movement pattern guessed from the category “{category}”"
            ));
        }
        notes.push("difficulty not in wger; set to intermediate".into());
        let ex_license = v.get("license");
        let (short, url) = wger_license(en.get("license").and_then(Value::as_i64))
            .map(|(s, u)| (s.to_owned(), u.to_owned()))
            .unwrap_or_else(|| {
                (
                    ex_license
                        .map(|l| str_of(l, "short_name").to_owned())
                        .unwrap_or_default(),
                    ex_license
                        .map(|l| str_of(l, "url").to_owned())
                        .unwrap_or_default(),
                )
            });
        let text_author = str_of(en, "license_author");
        let data_author = str_of(v, "license_author");
        let attribution = format!(
            "“{name}” by {}{} — wger.de, {short}{}",
            if text_author.is_empty() {
                "wger contributors"
            } else {
                text_author
            },
            if data_author.is_empty() || data_author == text_author {
                String::new()
            } else {
                format!(" (exercise data: {data_author})")
            },
            if url.is_empty() {
                String::new()
            } else {
                format!(", {url}")
            },
        );
        let source_ref = match v.get("uuid").and_then(Value::as_str) {
            Some(u) => u.to_owned(),
            None => v
                .get("id")
                .map(|i| i.to_string())
                .unwrap_or_else(|| name.clone()),
        };
        let e = ImportedExercise {
            source_ref,
            exercise: ExerciseInput {
                name,
                primary_muscles: primary,
                secondary_muscles: secondary,
                equipment,
                pattern,
                difficulty: "intermediate".into(),
                instructions: html_to_text(str_of(en, "description")),
                cautions: vec![],
            },
            license: short,
            attribution,
            duplicate_of: None,
            notes,
        };
        if let Some(e) = finish(e, &mut skipped) {
            out.push(e);
        }
    }
    ExerciseImportPreview {
        format: ImportFormat::Wger,
        entries: out,
        skipped,
        partial: false,
    }
}

/// wger descriptions are HTML: list items become lines, tags go, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        match (tag.starts_with('/'), name.as_str()) {
            (false, "li") => out.push_str("\n- "),
            (_, "br") | (true, "p") | (true, "ol") | (true, "ul") | (false, "p") => out.push('\n'),
            _ => {}
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let Some(semi) = after.find(';').filter(|&n| n <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let ent = &after[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
