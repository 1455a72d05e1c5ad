//! The records a saved log set (best estimated 1RM, best volume), compared with every other
//! workout of the client on or before its date. Runs inside the save's transaction.

use sqlx::SqliteConnection;

use crate::training::records::{RecordHit, RecordKind};
use spotter_store::Result;

/// The records the log `log_id` set, compared with every other workout of the client on or
/// before its date.
pub(super) async fn records_set_by(
    tx: &mut SqliteConnection,
    log_id: &str,
) -> Result<Vec<RecordHit>> {
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
