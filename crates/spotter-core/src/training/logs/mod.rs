//! Workout logs: what a client actually did, set by set, and the records a log sets.

use std::collections::HashMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::plan::{LoadKind, Measure, MAX_LOAD_KG};
use super::records::{epley, RecordHit, RecordKind};
use crate::ids::{new_id, parse_id};
use crate::schedule::zoned::parse_date;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, Result};

pub const MAX_SETS_PER_LOG: usize = 400;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutSetInput {
    pub exercise_id: String,
    /// The prescription this set fulfils (its row within the plan day), if any.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub item_index: Option<u32>,
    /// 0 records a set that was attempted but not completed.
    pub reps: u32,
    /// What `reps` counts: the seconds or metres of a timed or distance prescription. It is
    /// the measure of the prescription the set fulfils (`item_index`), which is how it is read
    /// back; a set outside a plan counts reps.
    #[serde(default)]
    pub measure: Measure,
    #[serde(default)]
    pub load_kg: f64,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub rpe: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLogInput {
    pub client_id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub plan_id: Option<String>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub day_index: Option<u32>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub notes: String,
    pub sets: Vec<WorkoutSetInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutSet {
    pub id: String,
    pub exercise_id: String,
    pub exercise_name: String,
    #[ts(optional = nullable)]
    pub item_index: Option<u32>,
    pub reps: u32,
    /// What `reps` counts (reps, seconds or metres), from the prescription the set fulfils.
    pub measure: Measure,
    pub load_kg: f64,
    #[ts(optional = nullable)]
    pub rpe: Option<f64>,
    #[ts(optional = nullable)]
    pub e1rm_kg: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLog {
    pub id: String,
    pub client_id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    pub plan_id: Option<String>,
    #[ts(optional = nullable)]
    pub plan_name: Option<String>,
    #[ts(optional = nullable)]
    pub plan_version: Option<u32>,
    #[ts(optional = nullable)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    pub day_index: Option<u32>,
    #[ts(optional = nullable)]
    pub session_id: Option<String>,
    pub notes: String,
    pub sets: Vec<WorkoutSet>,
}

/// The result of saving a log: the log and the records it set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogSaved {
    pub log: WorkoutLog,
    pub records: Vec<RecordHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLogSummary {
    pub id: String,
    pub performed_on: String,
    #[ts(optional = nullable)]
    pub plan_name: Option<String>,
    #[ts(optional = nullable)]
    pub week: Option<u32>,
    #[ts(optional = nullable)]
    pub day_index: Option<u32>,
    pub exercises: u32,
    pub sets: u32,
    pub volume_kg: f64,
}

fn check_date(raw: &str) -> Result<String> {
    let d = parse_date("performedOn", raw)?;
    if d > today_utc() + chrono::Duration::days(1) {
        return Err(AppError::validation(
            "performedOn",
            "A workout cannot be logged for a future date",
        ));
    }
    if d.year() < 1900 {
        return Err(AppError::validation(
            "performedOn",
            "The date is before 1900",
        ));
    }
    Ok(d.format("%Y-%m-%d").to_string())
}

fn check_set(i: usize, s: &WorkoutSetInput) -> Result<()> {
    let row = |m: String| format!("Set {}: {m}", i + 1);
    let max = s.measure.max();
    if s.reps > max {
        return Err(AppError::validation(
            "reps",
            row(format!("{} are 0 to {max}", s.measure.noun().to_lowercase())),
        ));
    }
    if !s.load_kg.is_finite() || !(0.0..=MAX_LOAD_KG).contains(&s.load_kg) {
        return Err(AppError::validation(
            "loadKg",
            row(format!("a load is 0 to {MAX_LOAD_KG} kg")),
        ));
    }
    if let Some(r) = s.rpe {
        if !r.is_finite() || !(1.0..=10.0).contains(&r) {
            return Err(AppError::validation(
                "rpe",
                row("RPE is between 1 and 10".into()),
            ));
        }
    }
    Ok(())
}

struct CheckedLog {
    client_id: String,
    performed_on: String,
    plan: Option<(String, u32)>,
    week: Option<u32>,
    day_index: Option<u32>,
    session_id: Option<String>,
    notes: String,
    sets: Vec<WorkoutSetInput>,
}

async fn check(db: &Database, input: &WorkoutLogInput) -> Result<CheckedLog> {
    let client = crate::clients::get(db, &input.client_id)
        .await
        .map_err(|_| AppError::validation("clientId", "Choose a client"))?;
    let performed_on = check_date(&input.performed_on)?;
    if input.sets.is_empty() {
        return Err(AppError::validation("sets", "Log at least one set"));
    }
    if input.sets.len() > MAX_SETS_PER_LOG {
        return Err(AppError::validation(
            "sets",
            format!("A workout has at most {MAX_SETS_PER_LOG} sets"),
        ));
    }
    let ids: Vec<String> = input.sets.iter().map(|s| s.exercise_id.clone()).collect();
    let names = super::exercises::names(db, &ids).await?;
    if let Some((i, _)) = input
        .sets
        .iter()
        .enumerate()
        .find(|(_, s)| !names.contains_key(&s.exercise_id))
    {
        return Err(AppError::validation(
            "exerciseId",
            format!("Set {}: that exercise is not in the library", i + 1),
        ));
    }
    let notes = input.notes.trim().to_owned();
    if notes.chars().count() > 4_000 {
        return Err(AppError::validation(
            "notes",
            "Workout notes are at most 4000 characters",
        ));
    }
    let plan = match input.plan_id.as_deref().filter(|p| !p.is_empty()) {
        None => None,
        Some(pid) => {
            let plan = super::plans::get(db, pid)
                .await
                .map_err(|_| AppError::validation("planId", "That plan does not exist"))?;
            if plan.client_id.as_deref() != Some(client.id.as_str()) {
                return Err(AppError::validation(
                    "planId",
                    "That plan is not assigned to this client",
                ));
            }
            let week = input.week.ok_or_else(|| {
                AppError::validation("week", "Say which week of the plan this is")
            })?;
            let day = input.day_index.ok_or_else(|| {
                AppError::validation("dayIndex", "Say which day of the plan this is")
            })?;
            let Some(w) = plan
                .body
                .weeks
                .get(week.saturating_sub(1) as usize)
                .filter(|_| week >= 1)
            else {
                return Err(AppError::validation(
                    "week",
                    format!("The plan has {} weeks", plan.body.weeks.len()),
                ));
            };
            if w.days.get(day as usize).is_none() {
                return Err(AppError::validation(
                    "dayIndex",
                    format!("Week {week} has {} days", w.days.len()),
                ));
            }
            Some((plan.id, plan.version))
        }
    };
    // A set's measure is its prescription's, whatever the caller sent.
    let measures = match (&plan, input.week, input.day_index) {
        (Some((id, version)), Some(week), Some(day)) => {
            day_measures(db, id, *version, week, day).await?
        }
        _ => Vec::new(),
    };
    let mut sets = input.sets.clone();
    for (i, s) in sets.iter_mut().enumerate() {
        s.measure = s
            .item_index
            .and_then(|k| measures.get(k as usize).copied())
            .unwrap_or_default();
        check_set(i, s)?;
    }
    let session_id = match input.session_id.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let sid = parse_id("sessionId", raw)?;
            let booked: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM sessions s JOIN session_participants p ON p.session_id = s.id
                 WHERE s.id = ? AND p.client_id = ? AND s.deleted_at IS NULL",
            )
            .bind(&sid)
            .bind(&client.id)
            .fetch_optional(db.pool())
            .await?;
            if booked.is_none() {
                return Err(AppError::validation(
                    "sessionId",
                    "That session is not one of this client's",
                ));
            }
            Some(sid)
        }
    };
    Ok(CheckedLog {
        client_id: client.id,
        performed_on,
        week: plan.as_ref().and(input.week),
        day_index: plan.as_ref().and(input.day_index),
        plan,
        session_id,
        notes,
        sets,
    })
}

async fn insert_sets(tx: &mut SqliteConnection, log_id: &str, c: &CheckedLog) -> Result<()> {
    let now = now_utc();
    for (pos, s) in c.sets.iter().enumerate() {
        // An estimated 1RM is for repetitions, not seconds or metres.
        let e1rm = (s.measure == Measure::Reps)
            .then(|| epley(s.load_kg, s.reps))
            .flatten();
        sqlx::query(
            "INSERT INTO workout_sets (id, log_id, client_id, performed_on, exercise_id, item_index, position, reps, load_kg, rpe, e1rm_kg, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new_id())
        .bind(log_id)
        .bind(&c.client_id)
        .bind(&c.performed_on)
        .bind(&s.exercise_id)
        .bind(s.item_index)
        .bind(pos as i64)
        .bind(s.reps)
        .bind(s.load_kg)
        .bind(s.rpe)
        .bind(e1rm)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Saves a new workout log with its sets in one transaction and reports the records it set.
pub async fn create(db: &Database, input: &WorkoutLogInput) -> Result<LogSaved> {
    let c = check(db, input).await?;
    let id = new_id();
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO workout_logs (id, client_id, performed_on, plan_id, plan_version, week, day_index, session_id, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&c.client_id)
    .bind(&c.performed_on)
    .bind(c.plan.as_ref().map(|p| &p.0))
    .bind(c.plan.as_ref().map(|p| p.1))
    .bind(c.week)
    .bind(c.day_index)
    .bind(&c.session_id)
    .bind(&c.notes)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    insert_sets(&mut tx, &id, &c).await?;
    let records = records_set_by(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(LogSaved {
        log: get(db, &id).await?,
        records,
    })
}

/// Replaces a log's content: its old sets are tombstoned and the new ones written.
pub async fn update(db: &Database, id: &str, input: &WorkoutLogInput) -> Result<LogSaved> {
    let current = get(db, id).await?;
    let c = check(db, input).await?;
    if c.client_id != current.client_id {
        return Err(AppError::validation(
            "clientId",
            "A workout cannot move to another client",
        ));
    }
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE workout_logs SET performed_on = ?, plan_id = ?, plan_version = ?, week = ?, day_index = ?, session_id = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&c.performed_on)
    .bind(c.plan.as_ref().map(|p| &p.0))
    .bind(c.plan.as_ref().map(|p| p.1))
    .bind(c.week)
    .bind(c.day_index)
    .bind(&c.session_id)
    .bind(&c.notes)
    .bind(&now)
    .bind(&current.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE workout_sets SET deleted_at = ? WHERE log_id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&current.id)
        .execute(&mut *tx)
        .await?;
    insert_sets(&mut tx, &current.id, &c).await?;
    let records = records_set_by(&mut tx, &current.id).await?;
    tx.commit().await?;
    Ok(LogSaved {
        log: get(db, &current.id).await?,
        records,
    })
}

pub async fn delete(db: &Database, id: &str) -> Result<()> {
    let log = get(db, id).await?;
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE workout_logs SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(&now)
        .bind(&now)
        .bind(&log.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE workout_sets SET deleted_at = ? WHERE log_id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&log.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(db: &Database, id: &str) -> Result<WorkoutLog> {
    let id = parse_id("logId", id)?;
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        String,
    );
    let r: Row = sqlx::query_as(
        "SELECT l.id, l.client_id, l.performed_on, l.plan_id, p.name, l.plan_version, l.week, l.day_index, l.session_id, l.notes
         FROM workout_logs l LEFT JOIN plans p ON p.id = l.plan_id WHERE l.id = ? AND l.deleted_at IS NULL",
    )
    .bind(&id)
    .fetch_optional(db.pool())
    .await?
    .ok_or_else(|| AppError::not_found("workout"))?;
    type SetRow = (
        String,
        String,
        String,
        Option<i64>,
        i64,
        f64,
        Option<f64>,
        Option<f64>,
    );
    let sets: Vec<SetRow> = sqlx::query_as(
        "SELECT s.id, s.exercise_id, coalesce(e.name, '?'), s.item_index, s.reps, s.load_kg, s.rpe, s.e1rm_kg
         FROM workout_sets s LEFT JOIN exercises e ON e.id = s.exercise_id
         WHERE s.log_id = ? AND s.deleted_at IS NULL ORDER BY s.position",
    )
    .bind(&id)
    .fetch_all(db.pool())
    .await?;
    let measures = match (&r.3, r.5, r.6, r.7) {
        (Some(plan), Some(version), Some(week), Some(day)) => {
            day_measures(db, plan, version as u32, week as u32, day as u32).await?
        }
        _ => Vec::new(),
    };
    let measure_of = |item: Option<i64>| {
        item.and_then(|k| measures.get(k as usize).copied())
            .unwrap_or_default()
    };
    Ok(WorkoutLog {
        id: r.0,
        client_id: r.1,
        performed_on: r.2,
        plan_id: r.3,
        plan_name: r.4,
        plan_version: r.5.map(|v| v as u32),
        week: r.6.map(|v| v as u32),
        day_index: r.7.map(|v| v as u32),
        session_id: r.8,
        notes: r.9,
        sets: sets
            .into_iter()
            .map(|s| WorkoutSet {
                id: s.0,
                exercise_id: s.1,
                exercise_name: s.2,
                item_index: s.3.map(|v| v as u32),
                measure: measure_of(s.3),
                reps: s.4 as u32,
                load_kg: s.5,
                rpe: s.6,
                e1rm_kg: s.7,
            })
            .collect(),
    })
}

/// The measure of each prescription of one day of one plan version (empty when the version
/// or day is gone: its sets then read as reps).
async fn day_measures(
    db: &Database,
    plan_id: &str,
    version: u32,
    week: u32,
    day_index: u32,
) -> Result<Vec<Measure>> {
    let body = match super::plans::version(db, plan_id, version).await {
        Ok(v) => v.body,
        Err(_) => return Ok(Vec::new()),
    };
    Ok(body
        .weeks
        .get(week.saturating_sub(1) as usize)
        .filter(|_| week >= 1)
        .and_then(|w| w.days.get(day_index as usize))
        .map(|d| d.items.iter().map(|p| p.measure).collect())
        .unwrap_or_default())
}

/// The client's log of a booked session, if one was written (the newest, should there be two).
pub async fn for_session(
    db: &Database,
    client_id: &str,
    session_id: &str,
) -> Result<Option<String>> {
    let client = parse_id("clientId", client_id)?;
    let session = parse_id("sessionId", session_id)?;
    Ok(sqlx::query_scalar(
        "SELECT id FROM workout_logs WHERE client_id = ? AND session_id = ? AND deleted_at IS NULL
         ORDER BY updated_at DESC LIMIT 1",
    )
    .bind(&client)
    .bind(&session)
    .fetch_optional(db.pool())
    .await?)
}

/// A client's workouts, newest first (the first `limit`; see `log_pages` for paging).
pub async fn list(db: &Database, client_id: &str, limit: u32) -> Result<Vec<WorkoutLogSummary>> {
    Ok(super::log_pages::page(db, client_id, 0, limit).await?.logs)
}

/// Sets to start a log from: each prescription of the plan day, set by set, with its
/// target reps and a load — the prescribed kg, or a % of 1RM worked out from the client's
/// best estimate, or else what they last lifted.
pub async fn prefill(
    db: &Database,
    plan_id: &str,
    week: u32,
    day_index: u32,
) -> Result<Vec<WorkoutSetInput>> {
    let plan = super::plans::get(db, plan_id).await?;
    let day = plan
        .body
        .weeks
        .get(week.saturating_sub(1) as usize)
        .filter(|_| week >= 1)
        .and_then(|w| w.days.get(day_index as usize))
        .ok_or_else(|| AppError::validation("dayIndex", "The plan has no such day"))?;
    let mut last: HashMap<String, (f64, Option<f64>)> = HashMap::new();
    if let Some(client) = &plan.client_id {
        let rows: Vec<(String, f64, Option<f64>)> = sqlx::query_as(
            "SELECT s.exercise_id,
                    (SELECT s2.load_kg FROM workout_sets s2 WHERE s2.client_id = s.client_id AND s2.exercise_id = s.exercise_id
                       AND s2.deleted_at IS NULL ORDER BY s2.performed_on DESC, s2.position DESC LIMIT 1),
                    max(s.e1rm_kg)
             FROM workout_sets s WHERE s.client_id = ? AND s.deleted_at IS NULL
               AND s.exercise_id IN (SELECT value FROM json_each(?)) GROUP BY s.exercise_id",
        )
        .bind(client)
        .bind(serde_json::to_string(&day.items.iter().map(|p| &p.exercise_id).collect::<Vec<_>>()).unwrap_or_default())
        .fetch_all(db.pool())
        .await?;
        last = rows.into_iter().map(|r| (r.0, (r.1, r.2))).collect();
    }
    let mut out = Vec::new();
    for (i, p) in day.items.iter().enumerate() {
        let history = last.get(&p.exercise_id);
        let load = match (p.load.kind, p.load.value) {
            (LoadKind::Kg, Some(v)) => v,
            (LoadKind::PercentOneRm, Some(pct)) => match history.and_then(|h| h.1) {
                Some(one_rm) => ((one_rm * pct / 100.0) * 2.0).round() / 2.0,
                None => history.map(|h| h.0).unwrap_or(0.0),
            },
            _ => history.map(|h| h.0).unwrap_or(0.0),
        };
        for _ in 0..p.sets {
            out.push(WorkoutSetInput {
                exercise_id: p.exercise_id.clone(),
                item_index: Some(i as u32),
                reps: p.reps_min,
                measure: p.measure,
                load_kg: load,
                rpe: match p.load.kind {
                    LoadKind::Rpe => p.load.value,
                    _ => None,
                },
            });
        }
    }
    Ok(out)
}

/// The records the log `log_id` set, compared with every other workout of the client on or
/// before its date.
async fn records_set_by(tx: &mut SqliteConnection, log_id: &str) -> Result<Vec<RecordHit>> {
    // Per exercise in this log: its best e1RM and volume, the previous bests.
    let rows: Vec<(String, String, Option<f64>, Option<f64>, f64, Option<f64>)> = sqlx::query_as(
        "WITH mine AS (SELECT * FROM workout_sets WHERE log_id = ?1 AND deleted_at IS NULL),
              log AS (SELECT client_id, performed_on FROM workout_logs WHERE id = ?1),
              prior AS (SELECT s.* FROM workout_sets s, log
                        WHERE s.client_id = log.client_id AND s.performed_on <= log.performed_on
                          AND s.log_id != ?1 AND s.deleted_at IS NULL)
         SELECT m.exercise_id, coalesce(e.name, '?'), max(m.e1rm_kg),
                (SELECT max(p.e1rm_kg) FROM prior p WHERE p.exercise_id = m.exercise_id),
                sum(m.reps * m.load_kg),
                (SELECT max(v) FROM (SELECT sum(p.reps * p.load_kg) AS v FROM prior p WHERE p.exercise_id = m.exercise_id GROUP BY p.log_id))
         FROM mine m LEFT JOIN exercises e ON e.id = m.exercise_id GROUP BY m.exercise_id ORDER BY min(m.position)",
    )
    .bind(log_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut hits = Vec::new();
    for (ex, name, best, prev_best, volume, prev_volume) in rows {
        if let Some(best) = best {
            if prev_best.is_none_or(|p| best > p + 1e-9) {
                hits.push(RecordHit {
                    exercise_id: ex.clone(),
                    exercise_name: name.clone(),
                    kind: RecordKind::EstimatedOneRm,
                    value: best,
                    load_kg: None,
                    previous: prev_best,
                });
            }
        }
        if volume > 0.0 && prev_volume.is_some_and(|p| volume > p + 1e-9) {
            hits.push(RecordHit {
                exercise_id: ex.clone(),
                exercise_name: name.clone(),
                kind: RecordKind::Volume,
                value: volume,
                load_kg: None,
                previous: prev_volume,
            });
        }
    }
    // Rep records: more reps than any earlier set at the same load or heavier (not the first time).
    let rep_rows: Vec<(String, String, f64, Option<i64>, i64)> = sqlx::query_as(
        "WITH mine AS (SELECT * FROM workout_sets WHERE log_id = ?1 AND deleted_at IS NULL AND reps > 0 AND load_kg > 0),
              log AS (SELECT client_id, performed_on FROM workout_logs WHERE id = ?1)
         SELECT m.exercise_id, coalesce(e.name, '?'), m.load_kg,
                (SELECT max(p.reps) FROM workout_sets p, log WHERE p.client_id = log.client_id AND p.exercise_id = m.exercise_id
                   AND p.performed_on <= log.performed_on AND p.log_id != ?1 AND p.deleted_at IS NULL AND p.load_kg >= m.load_kg),
                max(m.reps)
         FROM mine m LEFT JOIN exercises e ON e.id = m.exercise_id GROUP BY m.exercise_id, m.load_kg ORDER BY m.exercise_id, m.load_kg DESC",
    )
    .bind(log_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut seen: Vec<String> = Vec::new();
    for (ex, name, load, prev, reps) in rep_rows {
        if seen.contains(&ex) {
            continue; // one rep record per exercise: the heaviest load that set one
        }
        if let Some(prev) = prev {
            if reps > prev {
                seen.push(ex.clone());
                hits.push(RecordHit {
                    exercise_id: ex,
                    exercise_name: name,
                    kind: RecordKind::Reps,
                    value: reps as f64,
                    load_kg: Some(load),
                    previous: Some(prev as f64),
                });
            }
        }
    }
    Ok(hits)
}
