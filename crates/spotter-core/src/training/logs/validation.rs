//! The checks a workout log passes before anything is written: the date (not in the future),
//! every set (counts and loads in range), and that the client, plan day and session exist and
//! belong together. What passes is a [`CheckedLog`], ready to write.

use chrono::Datelike;

use super::reading::day_measures;
use super::WorkoutSetInput;
use super::{WorkoutLogInput, MAX_SETS_PER_LOG};
use crate::schedule::zoned::parse_date;
use crate::training::plan::MAX_LOAD_KG;
use spotter_store::ids::parse_id;
use spotter_store::time::today_utc;
use spotter_store::{AppError, Database, Result};

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
            row(format!(
                "{} are 0 to {max}",
                s.measure.noun().to_lowercase()
            )),
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

pub(super) struct CheckedLog {
    pub(super) client_id: String,
    pub(super) performed_on: String,
    pub(super) plan: Option<(String, u32)>,
    pub(super) week: Option<u32>,
    pub(super) day_index: Option<u32>,
    pub(super) session_id: Option<String>,
    pub(super) notes: String,
    pub(super) sets: Vec<WorkoutSetInput>,
}

pub(super) async fn check(db: &Database, input: &WorkoutLogInput) -> Result<CheckedLog> {
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
    let names = crate::training::exercises::names(db, &ids).await?;
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
            let plan = crate::training::plans::get(db, pid)
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
