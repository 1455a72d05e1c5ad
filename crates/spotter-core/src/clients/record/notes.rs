//! A client's notes: timestamped text, newest first, editable (the edit time kept apart from
//! the creation time) and deletable.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client_id;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientNote {
    pub id: String,
    pub client_id: String,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

pub const NOTE_MAX: usize = 20_000;

pub async fn add_note(db: &Database, client: &str, body: &str) -> Result<ClientNote> {
    let client = client_id(db, client).await?;
    let mut conn = db.pool().acquire().await?;
    insert_note(&mut conn, &client, body).await
}

/// A note's text, trimmed: not empty, at most [`NOTE_MAX`] characters.
fn check_note_body(body: &str) -> Result<&str> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::validation("body", "Write the note first"));
    }
    let n = body.chars().count();
    if n > NOTE_MAX {
        return Err(AppError::validation(
            "body",
            format!("A note is at most {NOTE_MAX} characters (this one has {n})"),
        ));
    }
    Ok(body)
}

/// Checks and writes a note for a client known to exist, on the caller's connection (so
/// accepting an AI insight writes its note in the same transaction as the acceptance).
pub(crate) async fn insert_note(
    conn: &mut sqlx::SqliteConnection,
    client: &str,
    body: &str,
) -> Result<ClientNote> {
    let body = check_note_body(body)?;
    let id = new_id();
    let now = now_utc();
    sqlx::query("INSERT INTO client_notes (id, client_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(client)
        .bind(body)
        .bind(&now)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    Ok(ClientNote {
        id,
        client_id: client.to_owned(),
        body: body.to_owned(),
        created_at: now.clone(),
        updated_at: now,
    })
}

/// Newest first.
pub async fn notes(db: &Database, client: &str) -> Result<Vec<ClientNote>> {
    let client = parse_id("clientId", client)?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, client_id, body, created_at, updated_at FROM client_notes
         WHERE client_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, local_key DESC",
    )
    .bind(&client)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, client_id, body, created_at, updated_at)| ClientNote {
            id,
            client_id,
            body,
            created_at,
            updated_at,
        })
        .collect())
}

/// Replaces a note's text (same rules as a new note). `updated_at` moves, `created_at` stays,
/// so the UI can say "edited". A deleted note cannot be edited.
pub async fn update_note(db: &Database, id: &str, body: &str) -> Result<ClientNote> {
    let id = parse_id("id", id)?;
    let body = check_note_body(body)?;
    let row: Option<(String, String, String, String, String)> = sqlx::query_as(
        "UPDATE client_notes SET body = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL
         RETURNING id, client_id, body, created_at, updated_at",
    )
    .bind(body)
    .bind(now_utc())
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    let (id, client_id, body, created_at, updated_at) =
        row.ok_or_else(|| AppError::not_found("note"))?;
    Ok(ClientNote {
        id,
        client_id,
        body,
        created_at,
        updated_at,
    })
}

pub async fn delete_note(db: &Database, id: &str) -> Result<()> {
    super::tombstone(db, "client_notes", "note", id).await
}
