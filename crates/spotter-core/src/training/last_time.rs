//! What the workout logger shows beside each exercise: the sets the client did the last
//! time they trained it, and whether it is a bodyweight exercise (where an empty load means
//! bodyweight, not a forgotten number).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::schedule::zoned::parse_date;
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

/// At most this many exercises per question (a plan day has far fewer).
pub const MAX_EXERCISES: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastTime {
    pub exercise_id: String,
    /// The library lists "bodyweight" among its equipment.
    pub bodyweight: bool,
    /// The date of the last workout with this exercise, if there was one.
    #[ts(optional = nullable)]
    pub performed_on: Option<String>,
    /// Its sets of this exercise, in order.
    pub sets: Vec<LastSet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastSet {
    pub reps: u32,
    pub load_kg: f64,
}

/// For each exercise (in the order given, each once): the client's last workout with it on
/// or before `before` (`YYYY-MM-DD`), leaving out the log `except` (the one being edited).
pub async fn last_time(
    db: &Database,
    client_id: &str,
    exercise_ids: &[String],
    before: &str,
    except: Option<&str>,
) -> Result<Vec<LastTime>> {
    let client = parse_id("clientId", client_id)?;
    let before = parse_date("before", before)?.format("%Y-%m-%d").to_string();
    let except = except
        .filter(|e| !e.trim().is_empty())
        .map(|e| parse_id("except", e))
        .transpose()?
        .unwrap_or_default();
    if exercise_ids.len() > MAX_EXERCISES {
        return Err(AppError::validation(
            "exercises",
            format!("Ask for at most {MAX_EXERCISES} exercises"),
        ));
    }
    let mut out: Vec<LastTime> = Vec::new();
    for (i, raw) in exercise_ids.iter().enumerate() {
        let exercise = parse_id(&format!("exercises.{i}"), raw)?;
        if out.iter().any(|l| l.exercise_id == exercise) {
            continue;
        }
        let equipment: Option<String> =
            sqlx::query_scalar("SELECT equipment FROM exercises WHERE id = ?")
                .bind(&exercise)
                .fetch_optional(db.pool())
                .await?;
        let bodyweight = equipment
            .and_then(|e| serde_json::from_str::<Vec<String>>(&e).ok())
            .is_some_and(|e| e.iter().any(|x| x == "bodyweight"));
        let last: Option<(String, String)> = sqlx::query_as(
            "SELECT s.log_id, s.performed_on FROM workout_sets s
             WHERE s.client_id = ? AND s.exercise_id = ? AND s.deleted_at IS NULL
               AND s.performed_on <= ? AND s.log_id <> ?
             ORDER BY s.performed_on DESC, s.created_at DESC LIMIT 1",
        )
        .bind(&client)
        .bind(&exercise)
        .bind(&before)
        .bind(&except)
        .fetch_optional(db.pool())
        .await?;
        let (performed_on, sets) = match last {
            Some((log, on)) => {
                let rows: Vec<(i64, f64)> = sqlx::query_as(
                    "SELECT reps, load_kg FROM workout_sets
                     WHERE log_id = ? AND exercise_id = ? AND deleted_at IS NULL ORDER BY position",
                )
                .bind(&log)
                .bind(&exercise)
                .fetch_all(db.pool())
                .await?;
                let sets = rows
                    .into_iter()
                    .map(|(reps, load_kg)| LastSet {
                        reps: u32::try_from(reps).unwrap_or(0),
                        load_kg,
                    })
                    .collect();
                (Some(on), sets)
            }
            None => (None, Vec::new()),
        };
        out.push(LastTime {
            exercise_id: exercise,
            bodyweight,
            performed_on,
            sets,
        });
    }
    Ok(out)
}
