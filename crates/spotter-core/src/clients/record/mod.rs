//! The rest of a client's record: status (paused), PAR-Q+ intakes and medical clearance,
//! measurements over time (stored in SI units) and timestamped notes.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::{get, Client};
use crate::ids::{new_id, parse_id};
use crate::schedule::zoned::parse_date;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, Result};

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

async fn client_id(db: &Database, raw: &str) -> Result<String> {
    Ok(get(db, raw).await?.id)
}

fn check_date(field: &str, raw: &str) -> Result<String> {
    let d = parse_date(field, raw)?;
    if d > today_utc() + chrono::Duration::days(1) {
        return Err(AppError::validation(field, "The date is in the future"));
    }
    if d.year() < 1900 {
        return Err(AppError::validation(field, "The date is before 1900"));
    }
    Ok(d.format("%Y-%m-%d").to_string())
}

/// Pauses a client (a break: injury, travel) or makes them active again.
pub async fn set_paused(db: &Database, id: &str, paused: bool) -> Result<Client> {
    let id = client_id(db, id).await?;
    let now = now_utc();
    sqlx::query("UPDATE clients SET paused_at = CASE WHEN ? THEN coalesce(paused_at, ?) ELSE NULL END, updated_at = ? WHERE id = ?")
        .bind(paused)
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    get(db, &id).await
}

/// Records that medical clearance was received on a date (or removes the record).
pub async fn set_clearance(db: &Database, id: &str, cleared_on: Option<&str>) -> Result<Client> {
    let id = client_id(db, id).await?;
    let date = cleared_on
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| check_date("clearanceOn", d))
        .transpose()?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE clients SET clearance_on = ?, updated_at = ? WHERE id = ?")
        .bind(&date)
        .bind(now_utc())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    crate::schedule::sessions::refresh_names_for_client(&mut *tx, &id).await?;
    tx.commit().await?;
    get(db, &id).await
}

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

// ---- measurements ----

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    BodyWeight,
    BodyFat,
    Waist,
    Hips,
    Chest,
    Arm,
    Thigh,
    RestingHeartRate,
    Custom,
}

impl Metric {
    const ALL: [Metric; 9] = [
        Self::BodyWeight,
        Self::BodyFat,
        Self::Waist,
        Self::Hips,
        Self::Chest,
        Self::Arm,
        Self::Thigh,
        Self::RestingHeartRate,
        Self::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BodyWeight => "body_weight",
            Self::BodyFat => "body_fat",
            Self::Waist => "waist",
            Self::Hips => "hips",
            Self::Chest => "chest",
            Self::Arm => "arm",
            Self::Thigh => "thigh",
            Self::RestingHeartRate => "resting_heart_rate",
            Self::Custom => "custom",
        }
    }

    fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .unwrap_or(Self::Custom)
    }

    /// The SI unit it is stored in, and the plausible range there.
    fn si(self) -> (&'static str, f64, f64) {
        match self {
            Self::BodyWeight => ("kg", 20.0, 400.0),
            Self::BodyFat => ("%", 2.0, 75.0),
            Self::Waist | Self::Hips | Self::Chest => ("cm", 30.0, 250.0),
            Self::Arm | Self::Thigh => ("cm", 10.0, 150.0),
            Self::RestingHeartRate => ("bpm", 25.0, 220.0),
            Self::Custom => ("", f64::MIN, f64::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    pub id: String,
    pub client_id: String,
    pub measured_on: String,
    pub metric: Metric,
    /// The custom metric's name (for `custom`).
    pub custom_name: Option<String>,
    /// In SI units (kg, cm, %, bpm) or the custom metric's unit.
    pub value: f64,
    pub unit: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct MeasurementInput {
    pub measured_on: String,
    #[ts(optional = nullable)]
    pub metric: Option<Metric>,
    #[ts(optional = nullable)]
    pub custom_name: Option<String>,
    pub value: f64,
    /// The unit the value was typed in: kg or lb, cm or in, %, bpm, or the custom unit.
    pub unit: String,
}

#[derive(FromRow)]
struct MeasurementRow {
    id: String,
    client_id: String,
    measured_on: String,
    metric: String,
    value: f64,
    unit: String,
    created_at: String,
}

impl From<MeasurementRow> for Measurement {
    fn from(r: MeasurementRow) -> Self {
        let metric = Metric::parse(&r.metric);
        Measurement {
            custom_name: r.metric.strip_prefix("custom:").map(str::to_owned),
            id: r.id,
            client_id: r.client_id,
            measured_on: r.measured_on,
            metric,
            value: r.value,
            unit: r.unit,
            created_at: r.created_at,
        }
    }
}

pub const LB_PER_KG: f64 = 2.204_622_621_8;
pub const CM_PER_IN: f64 = 2.54;

/// Converts a typed value to the metric's SI unit, refusing units that do not fit.
fn to_si(metric: Metric, value: f64, unit: &str) -> Result<(f64, String)> {
    if !value.is_finite() {
        return Err(AppError::validation("value", "Enter a number"));
    }
    let unit = unit.trim();
    let (si, min, max) = metric.si();
    let converted = match (metric, unit) {
        (Metric::Custom, u) => {
            if u.chars().count() > 20 {
                return Err(AppError::validation(
                    "unit",
                    "The unit is at most 20 characters",
                ));
            }
            return Ok((value, u.to_owned()));
        }
        (_, u) if u == si => value,
        (Metric::BodyWeight, "lb") => value / LB_PER_KG,
        (Metric::Waist | Metric::Hips | Metric::Chest | Metric::Arm | Metric::Thigh, "in") => {
            value * CM_PER_IN
        }
        (_, u) => {
            return Err(AppError::validation(
                "unit",
                format!("'{u}' is not a unit for this measurement (use {si})"),
            ))
        }
    };
    if !(min..=max).contains(&converted) {
        return Err(AppError::validation(
            "value",
            format!("{value} {unit} is outside the plausible range ({min}–{max} {si})"),
        ));
    }
    // Four decimals is far below what a tape or scale can tell, and keeps 33 in = 83.82 cm exact.
    Ok(((converted * 10_000.0).round() / 10_000.0, si.to_owned()))
}

pub async fn add_measurement(
    db: &Database,
    client: &str,
    input: &MeasurementInput,
) -> Result<Measurement> {
    let client = client_id(db, client).await?;
    let measured_on = check_date("measuredOn", &input.measured_on)?;
    let metric = input
        .metric
        .ok_or_else(|| AppError::validation("metric", "Choose what was measured"))?;
    let key = if metric == Metric::Custom {
        let name = input.custom_name.as_deref().map(str::trim).unwrap_or("");
        if name.is_empty() || name.chars().count() > 60 {
            return Err(AppError::validation(
                "customName",
                "Name the custom measurement (at most 60 characters)",
            ));
        }
        format!("custom:{name}")
    } else {
        metric.as_str().to_owned()
    };
    let (value, unit) = to_si(metric, input.value, &input.unit)?;
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO measurements (id, client_id, measured_on, metric, value, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&client)
    .bind(&measured_on)
    .bind(&key)
    .bind(value)
    .bind(&unit)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    measurements(db, &client)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| AppError::not_found("measurement"))
}

/// A client's measurements, oldest first (the order charts want).
pub async fn measurements(db: &Database, client: &str) -> Result<Vec<Measurement>> {
    let client = parse_id("clientId", client)?;
    let rows: Vec<MeasurementRow> = sqlx::query_as(
        "SELECT id, client_id, measured_on, metric, value, unit, created_at FROM measurements
         WHERE client_id = ? AND deleted_at IS NULL ORDER BY measured_on, created_at, local_key",
    )
    .bind(&client)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Measurement::from).collect())
}

pub async fn delete_measurement(db: &Database, id: &str) -> Result<()> {
    let id = parse_id("id", id)?;
    let now = now_utc();
    let done = sqlx::query("UPDATE measurements SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("measurement"));
    }
    Ok(())
}

// ---- notes ----

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
    let id = parse_id("id", id)?;
    let now = now_utc();
    let done = sqlx::query("UPDATE client_notes SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("note"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imperial_values_are_stored_in_si_and_implausible_ones_refused() {
        let (kg, unit) = to_si(Metric::BodyWeight, 154.0, "lb").unwrap();
        assert!((kg - 69.853).abs() < 0.01 && unit == "kg", "{kg}");
        assert_eq!(to_si(Metric::Waist, 32.0, "in").unwrap().0, 81.28);
        assert_eq!(
            to_si(Metric::BodyWeight, 70.0, "cm")
                .unwrap_err()
                .field
                .as_deref(),
            Some("unit")
        );
        assert_eq!(
            to_si(Metric::BodyFat, 120.0, "%")
                .unwrap_err()
                .field
                .as_deref(),
            Some("value")
        );
        assert_eq!(
            to_si(Metric::BodyWeight, f64::NAN, "kg")
                .unwrap_err()
                .field
                .as_deref(),
            Some("value")
        );
    }
}
