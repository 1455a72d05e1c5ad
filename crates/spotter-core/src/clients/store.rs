//! Reading and writing clients. Deletes are tombstones (`deleted_at`), and
//! every write is a single statement or a transaction, so nothing is half written.

use sqlx::{Executor, FromRow, Sqlite};

use super::{
    fts_query, validate, Client, ClientInput, ClientListQuery, ClientStatusFilter, ValidClient,
};
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::{now_utc, today_utc};
use spotter_store::{AppError, Database, Result};

pub const DEFAULT_LIST_LIMIT: u32 = 500;
pub const MAX_LIST_LIMIT: u32 = 5_000;

pub(super) const COLUMNS: &str = "c.id, c.name, c.email, c.phone, c.date_of_birth, c.goals, c.notes, c.tags, \
                       c.emergency_contact_name, c.emergency_contact_phone, c.fitness_level, c.injuries, \
                       c.body_areas, c.preferred_times, c.needs_clearance, c.clearance_on, c.paused_at, \
                       c.archived_at, c.created_at, c.updated_at, c.deleted_at";

#[derive(FromRow)]
pub(super) struct ClientRow {
    id: String,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    date_of_birth: Option<String>,
    goals: String,
    notes: String,
    tags: String,
    emergency_contact_name: Option<String>,
    emergency_contact_phone: Option<String>,
    fitness_level: Option<String>,
    injuries: String,
    body_areas: String,
    preferred_times: String,
    needs_clearance: i64,
    clearance_on: Option<String>,
    paused_at: Option<String>,
    archived_at: Option<String>,
    created_at: String,
    updated_at: String,
    deleted_at: Option<String>,
}

impl From<ClientRow> for Client {
    fn from(r: ClientRow) -> Self {
        // Tags are written only by this module as a JSON array; a hand-edited bad value reads as no tags.
        let tags = serde_json::from_str(&r.tags).unwrap_or_default();
        Client {
            id: r.id,
            name: r.name,
            email: r.email,
            phone: r.phone,
            date_of_birth: r.date_of_birth,
            goals: r.goals,
            notes: r.notes,
            tags,
            emergency_contact_name: r.emergency_contact_name,
            emergency_contact_phone: r.emergency_contact_phone,
            fitness_level: r
                .fitness_level
                .as_deref()
                .and_then(super::FitnessLevel::parse),
            injuries: r.injuries,
            body_areas: serde_json::from_str(&r.body_areas).unwrap_or_default(),
            preferred_times: r.preferred_times,
            status: if r.archived_at.is_some() {
                super::ClientStatus::Archived
            } else if r.paused_at.is_some() {
                super::ClientStatus::Paused
            } else {
                super::ClientStatus::Active
            },
            needs_clearance: r.needs_clearance != 0 && r.clearance_on.is_none(),
            clearance_on: r.clearance_on,
            paused_at: r.paused_at,
            archived_at: r.archived_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
            deleted_at: r.deleted_at,
        }
    }
}

fn tags_json(tags: &[String]) -> Result<String> {
    serde_json::to_string(tags).map_err(|e| AppError::internal(format!("cannot encode tags: {e}")))
}

pub async fn create(db: &Database, input: &ClientInput) -> Result<Client> {
    let valid = validate(input, today_utc())?;
    let id = new_id();
    insert_validated(db.pool(), &id, &valid, &now_utc()).await?;
    get(db, &id).await
}

/// Inserts an already validated client; used by create, import and seeding.
pub async fn insert_validated<'e, E: Executor<'e, Database = Sqlite>>(
    exec: E,
    id: &str,
    c: &ValidClient,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO clients (id, name, email, phone, date_of_birth, goals, notes, tags,
                              emergency_contact_name, emergency_contact_phone, fitness_level, injuries, body_areas,
                              preferred_times, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(&c.name)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(&c.date_of_birth)
    .bind(&c.goals)
    .bind(&c.notes)
    .bind(tags_json(&c.tags)?)
    .bind(&c.emergency_contact_name)
    .bind(&c.emergency_contact_phone)
    .bind(c.fitness_level.map(|l| l.as_str()))
    .bind(&c.injuries)
    .bind(tags_json(&c.body_areas)?)
    .bind(&c.preferred_times)
    .bind(now)
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

/// A client that is not deleted.
pub async fn get(db: &Database, id: &str) -> Result<Client> {
    let id = parse_id("id", id)?;
    let row: Option<ClientRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM clients c WHERE c.id = ? AND c.deleted_at IS NULL"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    row.map(Client::from)
        .ok_or_else(|| AppError::not_found("client"))
}

pub async fn update(db: &Database, id: &str, input: &ClientInput) -> Result<Client> {
    let id = parse_id("id", id)?;
    let c = validate(input, today_utc())?;
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE clients SET name = ?, email = ?, phone = ?, date_of_birth = ?, goals = ?, notes = ?, tags = ?,
                emergency_contact_name = ?, emergency_contact_phone = ?, fitness_level = ?, injuries = ?, body_areas = ?,
                preferred_times = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&c.name)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(&c.date_of_birth)
    .bind(&c.goals)
    .bind(&c.notes)
    .bind(tags_json(&c.tags)?)
    .bind(&c.emergency_contact_name)
    .bind(&c.emergency_contact_phone)
    .bind(c.fitness_level.map(|l| l.as_str()))
    .bind(&c.injuries)
    .bind(tags_json(&c.body_areas)?)
    .bind(&c.preferred_times)
    .bind(now_utc())
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("client"));
    }
    crate::schedule::sessions::refresh_names_for_client(&mut *tx, &id).await?;
    tx.commit().await?;
    get(db, &id).await
}

pub async fn set_archived(db: &Database, id: &str, archived: bool) -> Result<Client> {
    let id = parse_id("id", id)?;
    let now = now_utc();
    let done = sqlx::query(
        "UPDATE clients SET archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) ELSE NULL END, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(archived)
    .bind(&now)
    .bind(&now)
    .bind(&id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("client"));
    }
    get(db, &id).await
}

/// Soft-deletes a client (a tombstone); returns the client as it was, so the UI can offer undo.
pub async fn delete(db: &Database, id: &str) -> Result<Client> {
    let before = get(db, id).await?;
    let now = now_utc();
    sqlx::query(
        "UPDATE clients SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&now)
    .bind(&now)
    .bind(&before.id)
    .execute(db.pool())
    .await?;
    Ok(before)
}

/// Undoes a delete.
pub async fn restore(db: &Database, id: &str) -> Result<Client> {
    let id = parse_id("id", id)?;
    // No row changed means unknown (get then reports not found) or not deleted (a double undo).
    sqlx::query("UPDATE clients SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL")
        .bind(now_utc())
        .bind(&id)
        .execute(db.pool())
        .await?;
    get(db, &id).await
}

pub async fn list(db: &Database, query: &ClientListQuery) -> Result<Vec<Client>> {
    let limit = query
        .limit
        .unwrap_or(DEFAULT_LIST_LIMIT)
        .clamp(1, MAX_LIST_LIMIT);
    let status = match query.status {
        ClientStatusFilter::Active => "AND c.archived_at IS NULL",
        ClientStatusFilter::Paused => "AND c.archived_at IS NULL AND c.paused_at IS NOT NULL",
        ClientStatusFilter::Archived => "AND c.archived_at IS NOT NULL",
        ClientStatusFilter::All => "",
    };
    let text = query.search.as_deref().unwrap_or("").trim();
    let rows = match fts_query(text) {
        Some(fts) => search(db, text, &fts, status, limit).await?,
        None => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM clients c WHERE c.deleted_at IS NULL {status}
                 ORDER BY c.name COLLATE NOCASE LIMIT ?"
            ))
            .bind(limit)
            .fetch_all(db.pool())
            .await?
        }
    };
    Ok(rows.into_iter().map(Client::from).collect())
}

/// Above this many matches a query is too broad to rank (one or two typed letters in a
/// large studio); ranking them all would make search-as-you-type lag.
const RANKED_MATCH_LIMIT: i64 = 500;

async fn search(
    db: &Database,
    text: &str,
    fts: &str,
    status: &str,
    limit: u32,
) -> Result<Vec<ClientRow>> {
    let matches: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ? LIMIT ?)",
    )
    .bind(fts)
    .bind(RANKED_MATCH_LIMIT + 1)
    .fetch_one(db.pool())
    .await?;
    if matches <= RANKED_MATCH_LIMIT {
        // Specific enough: rank by relevance (name above email/phone, above tags, above notes).
        return Ok(sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM clients_fts JOIN clients c ON c.rowid = clients_fts.rowid
             WHERE clients_fts MATCH ? AND c.deleted_at IS NULL {status}
             ORDER BY clients_fts.rank, c.name COLLATE NOCASE LIMIT ?"
        ))
        .bind(fts)
        .bind(limit)
        .fetch_all(db.pool())
        .await?);
    }
    // Broad: names starting with the text first, alphabetically (served by the name index),
    // then other matches in storage order until the page is full.
    let pattern = format!(
        "{}%",
        text.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut rows: Vec<ClientRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM clients c
         WHERE c.deleted_at IS NULL AND c.name LIKE ? ESCAPE '\\' {status}
         ORDER BY c.name COLLATE NOCASE LIMIT ?"
    ))
    .bind(&pattern)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    if rows.len() < limit as usize {
        let more: Vec<ClientRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM clients_fts JOIN clients c ON c.rowid = clients_fts.rowid
             WHERE clients_fts MATCH ? AND c.deleted_at IS NULL AND NOT (c.name LIKE ? ESCAPE '\\') {status}
             LIMIT ?"
        ))
        .bind(fts)
        .bind(&pattern)
        .bind(limit as i64 - rows.len() as i64)
        .fetch_all(db.pool())
        .await?;
        rows.extend(more);
    }
    Ok(rows)
}

/// Every client row, tombstones included, oldest first: for export.
pub async fn all_including_deleted(db: &Database) -> Result<Vec<Client>> {
    let rows: Vec<ClientRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM clients c ORDER BY c.id"))
            .fetch_all(db.pool())
            .await?;
    Ok(rows.into_iter().map(Client::from).collect())
}
