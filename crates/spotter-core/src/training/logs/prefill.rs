//! Starting a log from a plan day: each prescription set by set, with its target reps and a
//! load from the prescription, the client's best estimated 1RM, or what they last lifted.

use std::collections::HashMap;

use super::WorkoutSetInput;
use crate::training::plan::LoadKind;
use spotter_store::{AppError, Database, Result};

/// Sets to start a log from: each prescription of the plan day, set by set, with its
/// target reps and a load — the prescribed kg, or a % of 1RM worked out from the client's
/// best estimate, or else what they last lifted.
pub async fn prefill(
    db: &Database,
    plan_id: &str,
    week: u32,
    day_index: u32,
) -> Result<Vec<WorkoutSetInput>> {
    let plan = crate::training::plans::get(db, plan_id).await?;
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
