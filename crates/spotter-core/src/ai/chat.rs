//! "Ask about a client": the conversation history per client. The runtime (spotter-ai)
//! answers; this keeps both sides of every turn, as read and as sent.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChatMessage {
    pub id: String,
    pub client_id: String,
    /// "user" (the trainer) or "assistant".
    pub role: String,
    pub content: String,
    /// Numbers in an answer that are not among the client's facts (shown as a warning).
    pub unverified: Vec<String>,
    pub created_at: String,
}

#[derive(FromRow)]
struct Row {
    id: String,
    client_id: String,
    role: String,
    content: String,
    unverified: String,
    created_at: String,
}

impl From<Row> for ChatMessage {
    fn from(r: Row) -> Self {
        ChatMessage {
            id: r.id,
            client_id: r.client_id,
            role: r.role,
            content: r.content,
            unverified: serde_json::from_str(&r.unverified).unwrap_or_default(),
            created_at: r.created_at,
        }
    }
}

pub const MAX_QUESTION_CHARS: usize = 2000;

pub fn validate_question(q: &str) -> Result<String> {
    let q = q.trim();
    if q.is_empty() {
        return Err(AppError::validation(
            "question",
            "Type a question about the client",
        ));
    }
    if q.chars().count() > MAX_QUESTION_CHARS {
        return Err(AppError::validation(
            "question",
            format!("Keep the question under {MAX_QUESTION_CHARS} characters"),
        ));
    }
    Ok(q.to_owned())
}

/// Oldest first.
pub async fn history(db: &Database, client_id: &str) -> Result<Vec<ChatMessage>> {
    let client = parse_id("clientId", client_id)?;
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, client_id, role, content, unverified, created_at FROM ai_chat_messages
         WHERE client_id = ? AND deleted_at IS NULL ORDER BY created_at, local_key",
    )
    .bind(&client)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(ChatMessage::from).collect())
}

/// The last `n` turns as they were sent (role, pseudonymised content), oldest first.
pub async fn sent_history(db: &Database, client_id: &str, n: u32) -> Result<Vec<(String, String)>> {
    let mut rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT role, sent FROM ai_chat_messages WHERE client_id = ? AND deleted_at IS NULL AND sent != ''
         ORDER BY created_at DESC, local_key DESC LIMIT ?",
    )
    .bind(client_id)
    .bind(i64::from(n))
    .fetch_all(db.pool())
    .await?;
    rows.reverse();
    Ok(rows)
}

pub async fn add(
    db: &Database,
    client_id: &str,
    role: &str,
    content: &str,
    sent: &str,
    unverified: &[String],
    execution_id: Option<&str>,
) -> Result<ChatMessage> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO ai_chat_messages (id, client_id, role, content, sent, unverified, execution_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(role)
    .bind(content)
    .bind(sent)
    .bind(serde_json::to_string(unverified).unwrap_or_else(|_| "[]".into()))
    .bind(execution_id)
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    let row: Row = sqlx::query_as("SELECT id, client_id, role, content, unverified, created_at FROM ai_chat_messages WHERE id = ?")
        .bind(&id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.into())
}

/// Clears the conversation (tombstones: kept in the export).
pub async fn clear(db: &Database, client_id: &str) -> Result<()> {
    let client = parse_id("clientId", client_id)?;
    sqlx::query(
        "UPDATE ai_chat_messages SET deleted_at = ? WHERE client_id = ? AND deleted_at IS NULL",
    )
    .bind(now_utc())
    .bind(&client)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A question that got no answer stays in the history but is not sent again as context.
pub async fn unanswered(db: &Database, id: &str) -> Result<()> {
    sqlx::query("UPDATE ai_chat_messages SET sent = '' WHERE id = ?")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}
