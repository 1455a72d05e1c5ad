//! Exercises as rows: inserting one with its provenance, reading one or a filtered list,
//! creating and editing the trainer's own (names unique), hiding, and names by id for labels.

use serde::Serialize;
use sqlx::FromRow;

use super::shipped::library_id;
use super::{validate, Exercise, ExerciseInput, ExerciseQuery, ExerciseSource};
use crate::training::vocab::name_key;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

const COLUMNS: &str =
    "id, name, primary_muscles, secondary_muscles, equipment, pattern, difficulty, \
                       instructions, cautions, source, source_ref, license, attribution, hidden";

#[derive(FromRow)]
struct ExerciseRow {
    id: String,
    name: String,
    primary_muscles: String,
    secondary_muscles: String,
    equipment: String,
    pattern: String,
    difficulty: String,
    instructions: String,
    cautions: String,
    source: String,
    source_ref: Option<String>,
    license: String,
    attribution: String,
    hidden: i64,
}

impl From<ExerciseRow> for Exercise {
    fn from(r: ExerciseRow) -> Self {
        // The JSON columns are written only by this module.
        Exercise {
            id: r.id,
            name: r.name,
            primary_muscles: serde_json::from_str(&r.primary_muscles).unwrap_or_default(),
            secondary_muscles: serde_json::from_str(&r.secondary_muscles).unwrap_or_default(),
            equipment: serde_json::from_str(&r.equipment).unwrap_or_default(),
            pattern: r.pattern,
            difficulty: r.difficulty,
            instructions: r.instructions,
            cautions: serde_json::from_str(&r.cautions).unwrap_or_default(),
            source: ExerciseSource::parse(&r.source),
            source_ref: r.source_ref,
            license: r.license,
            attribution: r.attribution,
            hidden: r.hidden != 0,
        }
    }
}

fn json(v: &impl Serialize) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Where an exercise came from, for [`insert`].
pub struct Provenance<'a> {
    pub source: ExerciseSource,
    pub library_key: Option<&'a str>,
    pub source_ref: Option<&'a str>,
    pub license: &'a str,
    pub attribution: &'a str,
}

/// Inserts an already validated exercise and returns its id.
pub async fn insert<'e, E>(ex: E, input: &ExerciseInput, from: &Provenance<'_>) -> Result<String>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    let id = from.library_key.map(library_id).unwrap_or_else(new_id);
    let now = now_utc();
    sqlx::query(
        "INSERT INTO exercises (id, library_key, name, name_key, primary_muscles, secondary_muscles, equipment,
             pattern, difficulty, instructions, cautions, source, source_ref, license, attribution, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(from.library_key)
    .bind(&input.name)
    .bind(name_key(&input.name))
    .bind(json(&input.primary_muscles))
    .bind(json(&input.secondary_muscles))
    .bind(json(&input.equipment))
    .bind(&input.pattern)
    .bind(&input.difficulty)
    .bind(&input.instructions)
    .bind(json(&input.cautions))
    .bind(from.source.as_str())
    .bind(from.source_ref)
    .bind(from.license)
    .bind(from.attribution)
    .bind(&now)
    .bind(&now)
    .execute(ex)
    .await?;
    Ok(id)
}

pub async fn get(db: &Database, id: &str) -> Result<Exercise> {
    let id = parse_id("exerciseId", id)?;
    sqlx::query_as::<_, ExerciseRow>(&format!(
        "SELECT {COLUMNS} FROM exercises WHERE id = ? AND deleted_at IS NULL"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?
    .map(Exercise::from)
    .ok_or_else(|| AppError::not_found("exercise"))
}

/// The library, filtered. Search matches words of the name in any order.
pub async fn list(db: &Database, q: &ExerciseQuery) -> Result<Vec<Exercise>> {
    let mut sql = format!("SELECT {COLUMNS} FROM exercises WHERE deleted_at IS NULL");
    let mut binds: Vec<String> = Vec::new();
    if !q.include_hidden {
        sql.push_str(" AND hidden = 0");
    }
    for word in name_key(q.search.as_deref().unwrap_or("")).split_whitespace() {
        sql.push_str(" AND name_key LIKE ? ESCAPE '\\'");
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        binds.push(format!("%{escaped}%"));
    }
    if let Some(m) = q.muscle.as_deref().filter(|m| !m.is_empty()) {
        sql.push_str(" AND (EXISTS (SELECT 1 FROM json_each(primary_muscles) WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(secondary_muscles) WHERE value = ?))");
        binds.push(m.to_owned());
        binds.push(m.to_owned());
    }
    if let Some(e) = q.equipment.as_deref().filter(|e| !e.is_empty()) {
        sql.push_str(" AND EXISTS (SELECT 1 FROM json_each(equipment) WHERE value = ?)");
        binds.push(e.to_owned());
    }
    if let Some(p) = q.pattern.as_deref().filter(|p| !p.is_empty()) {
        sql.push_str(" AND pattern = ?");
        binds.push(p.to_owned());
    }
    sql.push_str(" ORDER BY name COLLATE NOCASE");
    let mut query = sqlx::query_as::<_, ExerciseRow>(&sql);
    for b in &binds {
        query = query.bind(b);
    }
    Ok(query
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(Exercise::from)
        .collect())
}

async fn ensure_unique_name(db: &Database, name: &str, except: Option<&str>) -> Result<()> {
    let other: Option<String> = sqlx::query_scalar(
        "SELECT name FROM exercises WHERE name_key = ? AND deleted_at IS NULL AND id IS NOT ?",
    )
    .bind(name_key(name))
    .bind(except)
    .fetch_optional(db.pool())
    .await?;
    match other {
        Some(n) => Err(AppError::validation(
            "name",
            format!("The library already has “{n}”"),
        )),
        None => Ok(()),
    }
}

pub async fn create(db: &Database, input: &ExerciseInput) -> Result<Exercise> {
    let input = validate(input)?;
    ensure_unique_name(db, &input.name, None).await?;
    let from = Provenance {
        source: ExerciseSource::Custom,
        library_key: None,
        source_ref: None,
        license: "",
        attribution: "",
    };
    let id = insert(db.pool(), &input, &from).await?;
    get(db, &id).await
}

pub async fn update(db: &Database, id: &str, input: &ExerciseInput) -> Result<Exercise> {
    let current = get(db, id).await?;
    let input = validate(input)?;
    ensure_unique_name(db, &input.name, Some(&current.id)).await?;
    sqlx::query(
        "UPDATE exercises SET name = ?, name_key = ?, primary_muscles = ?, secondary_muscles = ?, equipment = ?,
             pattern = ?, difficulty = ?, instructions = ?, cautions = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&input.name)
    .bind(name_key(&input.name))
    .bind(json(&input.primary_muscles))
    .bind(json(&input.secondary_muscles))
    .bind(json(&input.equipment))
    .bind(&input.pattern)
    .bind(&input.difficulty)
    .bind(&input.instructions)
    .bind(json(&input.cautions))
    .bind(now_utc())
    .bind(&current.id)
    .execute(db.pool())
    .await?;
    get(db, &current.id).await
}

/// Hides an exercise from the library and pickers; plans and logs that use it keep it.
pub async fn set_hidden(db: &Database, id: &str, hidden: bool) -> Result<Exercise> {
    let current = get(db, id).await?;
    sqlx::query("UPDATE exercises SET hidden = ?, updated_at = ? WHERE id = ?")
        .bind(hidden)
        .bind(now_utc())
        .bind(&current.id)
        .execute(db.pool())
        .await?;
    get(db, &current.id).await
}

/// Names of exercises by id, for labels in plans, logs and PDFs.
pub async fn names(
    db: &Database,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>> {
    let json_ids = json(&ids);
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, name FROM exercises WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(json_ids)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().collect())
}
