//! Importing exercises from files trainers already have: a wger `exerciseinfo` export and
//! the free-exercise-db `exercises.json`. Each entry keeps its licence and attribution;
//! names that match an existing exercise are offered for merge instead of being doubled.
//! See tests/fixtures/exercises/FORMATS.md for the formats and the vocabulary mapping.//!
//! The parts: `free_exercise_db.rs` and `wger.rs` read one format each, `vocabulary.rs` maps
//! what they read onto Spotter's muscles, equipment and movement patterns, `html.rs` turns wger's
//! HTML descriptions into plain text. This file classifies a file, previews it and imports it.

mod free_exercise_db;
mod html;
mod vocabulary;
mod wger;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::exercises::{self, validate, ExerciseInput, ExerciseSource, Provenance};
use super::vocab::name_key;
use free_exercise_db::{is_fedb_entry, parse_fedb};
pub use html::html_to_text;
use spotter_files::upload::FileUpload;
use spotter_store::{AppError, Database, ErrorCode, Result};
use wger::{is_wger_entry, parse_wger};

pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

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
        .bind(spotter_store::time::now_utc())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
