//! The exercise library that ships with Spotter (`data/exercises.json`): parsed, inserted
//! when a database lacks an entry (never overwriting the trainer's edits), and given the same
//! id on every device.

use serde::Deserialize;

use super::store::insert;
use super::{validate, Caution, ExerciseInput, ExerciseSource, Provenance};
use spotter_store::{AppError, Database, Result};

/// The library written for Spotter (see `data/README.md`).
const LIBRARY_JSON: &str = include_str!("../../../data/exercises.json");

// Fields listed directly (not flattened) so unknown fields are really refused.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LibraryEntry {
    key: String,
    name: String,
    primary_muscles: Vec<String>,
    secondary_muscles: Vec<String>,
    equipment: Vec<String>,
    pattern: String,
    difficulty: String,
    instructions: String,
    cautions: Vec<Caution>,
}

/// Parses the shipped library. A test keeps it valid, so failure here is a bug.
pub fn library() -> Result<Vec<(String, ExerciseInput)>> {
    let raw: Vec<LibraryEntry> = serde_json::from_str(LIBRARY_JSON)
        .map_err(|e| AppError::internal(format!("the shipped exercise library is invalid: {e}")))?;
    Ok(raw
        .into_iter()
        .map(|f| {
            (
                f.key,
                ExerciseInput {
                    name: f.name,
                    primary_muscles: f.primary_muscles,
                    secondary_muscles: f.secondary_muscles,
                    equipment: f.equipment,
                    pattern: f.pattern,
                    difficulty: f.difficulty,
                    instructions: f.instructions,
                    cautions: f.cautions,
                },
            )
        })
        .collect())
}

/// The id of a shipped exercise: the same on every device (a UUIDv5 of its library key), so
/// plans and logs that name it mean the same exercise on every laptop of a studio.
pub fn library_id(key: &str) -> String {
    const NAMESPACE: uuid::Uuid = uuid::uuid!("5b0f2c0e-6a3e-4f7e-9d55-0c1b7a3e9a11");
    uuid::Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string()
}

/// Inserts the shipped exercises this database does not have yet (by library key).
/// Returns how many were added. Cheap when nothing is missing: one query.
/// The library is on every device already, so these inserts are not studio changes: the
/// sync capture is paused for them (`sync_state.applying`).
pub async fn ensure_library(db: &Database) -> Result<usize> {
    let entries = library()?;
    stabilise_library_ids(db).await?;
    let have: i64 =
        sqlx::query_scalar("SELECT count(*) FROM exercises WHERE library_key IS NOT NULL")
            .fetch_one(db.pool())
            .await?;
    if have as usize >= entries.len() {
        return Ok(0);
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1")
        .execute(&mut *tx)
        .await?;
    let mut added = 0;
    for (key, input) in &entries {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM exercises WHERE library_key = ?")
                .bind(key)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_some() {
            continue;
        }
        let input = validate(input)?;
        let from = Provenance {
            source: ExerciseSource::Spotter,
            library_key: Some(key),
            source_ref: None,
            license: "Spotter exercise library",
            attribution: "Written for Spotter",
        };
        insert(&mut *tx, &input, &from).await?;
        added += 1;
    }
    sqlx::query("UPDATE sync_state SET applying = 0")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(added)
}

/// Databases from before studio sync gave shipped exercises a random id each. Gives them
/// their [`library_id`] and rewrites every reference (sets, plan bodies, proposed plan
/// changes) in one transaction. A no-op (one read) once done.
async fn stabilise_library_ids(db: &Database) -> Result<()> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT id, library_key FROM exercises WHERE library_key IS NOT NULL")
            .fetch_all(db.pool())
            .await?;
    let remap: Vec<(String, String)> = rows
        .into_iter()
        .map(|(id, key)| (id, library_id(&key)))
        .filter(|(old, new)| old != new)
        .collect();
    if remap.is_empty() {
        return Ok(());
    }
    tracing::info!(
        count = remap.len(),
        "giving shipped exercises their stable ids"
    );
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1")
        .execute(&mut *tx)
        .await?;
    for (old, new) in &remap {
        sqlx::query("UPDATE exercises SET id = ? WHERE id = ?")
            .bind(new)
            .bind(old)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE workout_sets SET exercise_id = ? WHERE exercise_id = ?")
            .bind(new)
            .bind(old)
            .execute(&mut *tx)
            .await?;
        // Ids are UUIDs: a textual replace cannot hit anything but the id itself.
        for (table, column) in [("plan_versions", "body"), ("ai_review_items", "action")] {
            sqlx::query(&format!(
                "UPDATE {table} SET {column} = replace({column}, ?1, ?2) WHERE instr({column}, ?1) > 0"
            ))
            .bind(old)
            .bind(new)
            .execute(&mut *tx)
            .await?;
        }
    }
    sqlx::query("UPDATE sync_state SET applying = 0")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
