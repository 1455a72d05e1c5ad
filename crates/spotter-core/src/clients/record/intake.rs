//! PAR-Q+ intakes: the seven questions, a client's answers on a date, and whether the latest
//! intake means the client needs medical clearance before training.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::{check_date, client_id};
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

/// The seven general health questions of the PAR-Q+ (2023).
pub const PARQ_QUESTIONS: [&str; 7] = [
    "Has your doctor ever said that you have a heart condition OR high blood pressure?",
    "Do you feel pain in your chest at rest, during your daily activities of living, OR when you do physical activity?",
    "Do you lose balance because of dizziness OR have you lost consciousness in the last 12 months?",
    "Have you ever been diagnosed with another chronic medical condition (other than heart disease or high blood pressure)?",
    "Are you currently taking prescribed medications for a chronic medical condition?",
    "Do you currently have (or have had within the past 12 months) a bone, joint, or soft tissue problem that could be made worse by becoming more physically active?",
    "Has your doctor ever said that you should only do medically supervised physical activity?",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParqIntake {
    pub id: String,
    pub client_id: String,
    pub answered_on: String,
    /// Answers to [`PARQ_QUESTIONS`], in order; `true` is "yes".
    pub answers: Vec<bool>,
    pub notes: String,
    /// Any "yes": the client needs medical clearance before training.
    pub any_yes: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ParqInput {
    pub answered_on: String,
    /// Seven answers; `null` means not answered (refused).
    pub answers: Vec<Option<bool>>,
    pub notes: String,
}

#[derive(FromRow)]
struct IntakeRow {
    id: String,
    client_id: String,
    answered_on: String,
    answers: String,
    notes: String,
    created_at: String,
}

impl From<IntakeRow> for ParqIntake {
    fn from(r: IntakeRow) -> Self {
        let answers: Vec<bool> = serde_json::from_str(&r.answers).unwrap_or_default();
        ParqIntake {
            any_yes: answers.iter().any(|a| *a),
            id: r.id,
            client_id: r.client_id,
            answered_on: r.answered_on,
            answers,
            notes: r.notes,
            created_at: r.created_at,
        }
    }
}

/// Records a PAR-Q+; the latest one decides whether the client needs medical clearance.
pub async fn record_intake(db: &Database, client: &str, input: &ParqInput) -> Result<ParqIntake> {
    let client = client_id(db, client).await?;
    let answered_on = check_date("answeredOn", &input.answered_on)?;
    if input.answers.len() != PARQ_QUESTIONS.len() {
        return Err(AppError::validation(
            "answers",
            format!("Answer all {} questions", PARQ_QUESTIONS.len()),
        ));
    }
    let mut answers = Vec::with_capacity(7);
    for (i, a) in input.answers.iter().enumerate() {
        answers.push(a.ok_or_else(|| {
            AppError::validation(
                &format!("answers.{i}"),
                format!("Answer question {} (yes or no)", i + 1),
            )
        })?);
    }
    let notes = input.notes.trim().to_owned();
    if notes.chars().count() > 10_000 {
        return Err(AppError::validation(
            "notes",
            "Notes are at most 10,000 characters",
        ));
    }
    let id = new_id();
    let now = now_utc();
    let json = serde_json::to_string(&answers).map_err(|e| AppError::internal(e.to_string()))?;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO parq_intakes (id, client_id, answered_on, answers, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&client)
    .bind(&answered_on)
    .bind(&json)
    .bind(&notes)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    // The flag follows the newest intake (by date, then by when it was entered).
    let latest: String = sqlx::query_scalar(
        "SELECT answers FROM parq_intakes WHERE client_id = ? AND deleted_at IS NULL ORDER BY answered_on DESC, created_at DESC, local_key DESC LIMIT 1",
    )
    .bind(&client)
    .fetch_one(&mut *tx)
    .await?;
    let needs = serde_json::from_str::<Vec<bool>>(&latest)
        .unwrap_or_default()
        .iter()
        .any(|a| *a);
    // A new "yes" after an earlier clearance asks for clearance again.
    sqlx::query(
        "UPDATE clients SET needs_clearance = ?, clearance_on = CASE WHEN ? AND clearance_on < ? THEN NULL ELSE clearance_on END,
                updated_at = ? WHERE id = ?",
    )
    .bind(needs)
    .bind(needs)
    .bind(&answered_on)
    .bind(&now)
    .bind(&client)
    .execute(&mut *tx)
    .await?;
    crate::schedule::sessions::refresh_names_for_client(&mut *tx, &client).await?;
    tx.commit().await?;
    Ok(intakes(db, &client)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| AppError::not_found("intake"))?)
}

pub async fn intakes(db: &Database, client: &str) -> Result<Vec<ParqIntake>> {
    let client = parse_id("clientId", client)?;
    let rows: Vec<IntakeRow> = sqlx::query_as(
        "SELECT id, client_id, answered_on, answers, notes, created_at FROM parq_intakes
         WHERE client_id = ? AND deleted_at IS NULL ORDER BY answered_on DESC, created_at DESC, local_key DESC",
    )
    .bind(&client)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(ParqIntake::from).collect())
}
