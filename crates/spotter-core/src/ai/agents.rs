//! The agent registry: one row per task type, made at start-up when missing, with the
//! trainer's choices (enabled, provider and model, temperature) kept across upgrades.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::TaskType;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

/// The prompts' version; bumped when a prompt changes, so cached results of the old
/// prompt are not reused (it is part of the input fingerprint).
pub const PROMPT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub id: String,
    pub task_type: TaskType,
    pub name: String,
    pub enabled: bool,
    /// None: the providers' fallback chain.
    pub provider_id: Option<String>,
    /// None: the provider's own model.
    pub model: Option<String>,
    pub temperature: f64,
    pub prompt_version: u32,
    /// Per agent, e.g. `{"intervalMinutes": 5}` for the health checker.
    #[ts(type = "Record<string, unknown>")]
    pub settings: serde_json::Value,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AgentInput {
    pub enabled: bool,
    #[ts(optional = nullable)]
    pub provider_id: Option<String>,
    #[ts(optional = nullable)]
    pub model: Option<String>,
    pub temperature: f64,
    #[ts(type = "Record<string, unknown>")]
    pub settings: serde_json::Value,
}

#[derive(FromRow)]
struct Row {
    id: String,
    task_type: String,
    name: String,
    enabled: i64,
    provider_id: Option<String>,
    model: Option<String>,
    temperature: f64,
    prompt_version: i64,
    settings: String,
}

impl TryFrom<Row> for Agent {
    type Error = AppError;
    fn try_from(r: Row) -> Result<Agent> {
        Ok(Agent {
            id: r.id,
            task_type: TaskType::parse(&r.task_type)?,
            name: r.name,
            enabled: r.enabled != 0,
            provider_id: r.provider_id,
            model: r.model,
            temperature: r.temperature,
            prompt_version: u32::try_from(r.prompt_version).unwrap_or(1),
            settings: serde_json::from_str(&r.settings).unwrap_or_else(|_| serde_json::json!({})),
        })
    }
}

fn default_settings(task: TaskType) -> serde_json::Value {
    match task {
        TaskType::HealthCheck => serde_json::json!({ "intervalMinutes": 5 }),
        TaskType::WeeklyDigest => serde_json::json!({ "concurrency": 4 }),
        _ => serde_json::json!({}),
    }
}

/// Inserts the agents this version knows and the database lacks. Never changes a row
/// that exists, so the trainer's settings survive; the prompt version follows the code.
pub async fn ensure_agents(db: &Database) -> Result<()> {
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    for task in TaskType::ALL {
        sqlx::query(
            "INSERT INTO ai_agents (id, task_type, name, enabled, temperature, prompt_version, settings, created_at, updated_at)
             VALUES (?, ?, ?, 1, 0.2, ?, ?, ?, ?) ON CONFLICT (task_type) DO UPDATE SET prompt_version = excluded.prompt_version",
        )
        .bind(new_id())
        .bind(task.as_str())
        .bind(task.label())
        .bind(i64::from(PROMPT_VERSION))
        .bind(default_settings(task).to_string())
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

const COLUMNS: &str =
    "id, task_type, name, enabled, provider_id, model, temperature, prompt_version, settings";

pub async fn list(db: &Database) -> Result<Vec<Agent>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_agents ORDER BY local_key"
    ))
    .fetch_all(db.pool())
    .await?;
    // Rows of task types this version does not know (a newer app wrote them) are skipped.
    Ok(rows
        .into_iter()
        .filter_map(|r| Agent::try_from(r).ok())
        .collect())
}

pub async fn for_task(db: &Database, task: TaskType) -> Result<Agent> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_agents WHERE task_type = ?"
    ))
    .bind(task.as_str())
    .fetch_optional(db.pool())
    .await?;
    match row {
        Some(r) => Agent::try_from(r),
        None => {
            ensure_agents(db).await?;
            Box::pin(for_task(db, task)).await
        }
    }
}

pub async fn update(db: &Database, id: &str, input: &AgentInput) -> Result<Agent> {
    let id = parse_id("id", id)?;
    if !(0.0..=2.0).contains(&input.temperature) || !input.temperature.is_finite() {
        return Err(AppError::validation(
            "temperature",
            "The temperature must be between 0 and 2",
        ));
    }
    let provider_id = match input
        .provider_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(p) => Some(
            super::providers::get(db, p)
                .await
                .map_err(|_| AppError::validation("providerId", "No such provider"))?
                .id,
        ),
        None => None,
    };
    let model = input
        .model
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if model.as_deref().is_some_and(|m| m.chars().count() > 120) {
        return Err(AppError::validation("model", "The model name is too long"));
    }
    let settings = if input.settings.is_object() {
        input.settings.clone()
    } else {
        serde_json::json!({})
    };
    if let Some(m) = settings.get("intervalMinutes") {
        if !m.as_u64().is_some_and(|m| (1..=1440).contains(&m)) {
            return Err(AppError::validation(
                "intervalMinutes",
                "The interval must be between 1 and 1440 minutes",
            ));
        }
    }
    if let Some(c) = settings.get("concurrency") {
        if !c.as_u64().is_some_and(|c| (1..=16).contains(&c)) {
            return Err(AppError::validation(
                "concurrency",
                "Concurrency must be between 1 and 16",
            ));
        }
    }
    let done = sqlx::query(
        "UPDATE ai_agents SET enabled = ?, provider_id = ?, model = ?, temperature = ?, settings = ?, updated_at = ? WHERE id = ?",
    )
    .bind(input.enabled)
    .bind(&provider_id)
    .bind(&model)
    .bind(input.temperature)
    .bind(settings.to_string())
    .bind(now_utc())
    .bind(&id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("agent"));
    }
    let row: Row = sqlx::query_as(&format!("SELECT {COLUMNS} FROM ai_agents WHERE id = ?"))
        .bind(&id)
        .fetch_one(db.pool())
        .await?;
    Agent::try_from(row)
}
