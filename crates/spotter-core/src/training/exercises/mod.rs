//! The exercise library: Spotter's shipped exercises, the trainer's own and imported ones.
//! Shipped exercises are inserted at start-up when missing and never overwritten, so a
//! trainer's edits and hides survive updates.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::vocab::{self, name_key};
use crate::clients::BODY_AREAS;
use crate::ids::{new_id, parse_id};
use crate::time::now_utc;
use crate::{AppError, Database, Result};

/// The library written for Spotter (see `data/README.md`).
const LIBRARY_JSON: &str = include_str!("../../../data/exercises.json");

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
    sqlx::query("UPDATE sync_state SET applying = 1").execute(&mut *tx).await?;
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
    sqlx::query("UPDATE sync_state SET applying = 0").execute(&mut *tx).await?;
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
    tracing::info!(count = remap.len(), "giving shipped exercises their stable ids");
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1").execute(&mut *tx).await?;
    for (old, new) in &remap {
        sqlx::query("UPDATE exercises SET id = ? WHERE id = ?").bind(new).bind(old).execute(&mut *tx).await?;
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
    sqlx::query("UPDATE sync_state SET applying = 0").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
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
