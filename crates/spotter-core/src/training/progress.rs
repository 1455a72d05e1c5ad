//! A client's progress page in one call: estimated 1RM over time, weekly sets and volume per
//! muscle group, personal records and plan adherence. Measurements come from the client record.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::records::{brzycki, ExerciseRecords};
use crate::ids::parse_id;
use crate::time::today_utc;
use crate::{Database, Result};

/// How many exercises get a 1RM chart: the ones logged most often.
pub const E1RM_SERIES: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct E1rmPoint {
    pub date: String,
    pub e1rm_kg: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct E1rmSeries {
    pub exercise_id: String,
    pub exercise_name: String,
    pub points: Vec<E1rmPoint>,
}

/// Hard sets (reps > 0) and volume (reps × kg) on one muscle group in one week (from Monday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MuscleWeek {
    pub week_start: String,
    pub muscle: String,
    pub sets: u32,
    pub volume_kg: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdherenceWeek {
    pub plan_id: String,
    pub plan_name: String,
    pub week: u32,
    pub week_start: String,
    pub prescribed_sets: u32,
    pub completed_sets: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientProgress {
    pub e1rm: Vec<E1rmSeries>,
    pub weekly_volume: Vec<MuscleWeek>,
    pub records: Vec<ExerciseRecords>,
    pub adherence: Vec<AdherenceWeek>,
}

pub async fn client_progress(db: &Database, client_id: &str) -> Result<ClientProgress> {
    let client = parse_id("clientId", client_id)?;
    let pool = db.pool();

    // Per exercise: workouts, best e1RM (and the set it came from), best volume, max reps.
    type RecRow = (String, String, i64, Option<f64>, Option<String>, Option<f64>, Option<i64>, f64, Option<String>, i64);
    let recs: Vec<RecRow> = sqlx::query_as(
        "WITH s AS (SELECT * FROM workout_sets WHERE client_id = ? AND deleted_at IS NULL),
              best AS (SELECT exercise_id, e1rm_kg, performed_on, load_kg, reps,
                              row_number() OVER (PARTITION BY exercise_id ORDER BY e1rm_kg DESC, performed_on) AS rn
                       FROM s WHERE e1rm_kg IS NOT NULL),
              vol AS (SELECT exercise_id, log_id, performed_on, sum(reps * load_kg) AS v,
                             row_number() OVER (PARTITION BY exercise_id ORDER BY sum(reps * load_kg) DESC, performed_on) AS rn
                      FROM s GROUP BY exercise_id, log_id)
         SELECT s.exercise_id, coalesce(e.name, '?'), count(DISTINCT s.log_id),
                b.e1rm_kg, b.performed_on, b.load_kg, b.reps, coalesce(v.v, 0.0), v.performed_on, max(s.reps)
         FROM s LEFT JOIN exercises e ON e.id = s.exercise_id
                LEFT JOIN best b ON b.exercise_id = s.exercise_id AND b.rn = 1
                LEFT JOIN vol v ON v.exercise_id = s.exercise_id AND v.rn = 1
         GROUP BY s.exercise_id ORDER BY count(DISTINCT s.log_id) DESC, e.name",
    )
    .bind(&client)
    .fetch_all(pool)
    .await?;
    let records: Vec<ExerciseRecords> = recs
        .iter()
        .map(|r| ExerciseRecords {
            exercise_id: r.0.clone(),
            exercise_name: r.1.clone(),
            workouts: r.2 as u32,
            best_e1rm_epley_kg: r.3,
            best_e1rm_on: r.4.clone(),
            best_e1rm_brzycki_kg: match (r.5, r.6) {
                (Some(load), Some(reps)) => brzycki(load, reps as u32),
                _ => None,
            },
            best_volume_kg: r.7,
            best_volume_on: r.8.clone(),
            max_reps: r.9 as u32,
        })
        .collect();

    // 1RM over time for the most-logged exercises that have estimates.
    let charted: Vec<&ExerciseRecords> = records.iter().filter(|r| r.best_e1rm_epley_kg.is_some()).take(E1RM_SERIES).collect();
    let ids: Vec<&str> = charted.iter().map(|r| r.exercise_id.as_str()).collect();
    let points: Vec<(String, String, f64)> = sqlx::query_as(
        "SELECT exercise_id, performed_on, max(e1rm_kg) FROM workout_sets
         WHERE client_id = ? AND deleted_at IS NULL AND e1rm_kg IS NOT NULL
           AND exercise_id IN (SELECT value FROM json_each(?))
         GROUP BY exercise_id, performed_on ORDER BY performed_on",
    )
    .bind(&client)
    .bind(serde_json::to_string(&ids).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let mut by_ex: HashMap<String, Vec<E1rmPoint>> = HashMap::new();
    for (ex, date, v) in points {
        by_ex.entry(ex).or_default().push(E1rmPoint { date, e1rm_kg: (v * 10.0).round() / 10.0 });
    }
    let e1rm = charted
        .iter()
        .map(|r| E1rmSeries {
            exercise_id: r.exercise_id.clone(),
            exercise_name: r.exercise_name.clone(),
            points: by_ex.remove(&r.exercise_id).unwrap_or_default(),
        })
        .collect();

    // Weekly sets and volume per primary muscle (weeks start on Monday).
    let vol: Vec<(String, String, i64, f64)> = sqlx::query_as(
        "SELECT date(s.performed_on, '-' || ((CAST(strftime('%w', s.performed_on) AS INTEGER) + 6) % 7) || ' days') AS wk,
                m.value, count(*), sum(s.reps * s.load_kg)
         FROM workout_sets s JOIN exercises e ON e.id = s.exercise_id, json_each(e.primary_muscles) m
         WHERE s.client_id = ? AND s.deleted_at IS NULL AND s.reps > 0
         GROUP BY wk, m.value ORDER BY wk, m.value",
    )
    .bind(&client)
    .fetch_all(pool)
    .await?;
    let weekly_volume = vol
        .into_iter()
        .map(|(w, m, n, v)| MuscleWeek { week_start: w, muscle: m, sets: n as u32, volume_kg: (v * 10.0).round() / 10.0 })
        .collect();

    Ok(ClientProgress { e1rm, weekly_volume, records, adherence: adherence(db, &client).await? })
}

/// Share of prescribed sets done, per plan week that has begun, for the client's plans. A
/// prescription's logged sets count up to its prescribed number (extra sets do not make up
/// for missed ones).
pub async fn adherence(db: &Database, client: &str) -> Result<Vec<AdherenceWeek>> {
    let plans = super::plans::list(db, &super::plans::PlanListQuery { templates: Some(false), client_id: Some(client.to_owned()) }).await?;
    let today = today_utc();
    let mut out = Vec::new();
    for summary in plans {
        let Some(start) = summary.start_date.as_deref().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) else {
            continue;
        };
        let plan = super::plans::get(db, &summary.id).await?;
        let done: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT l.week, l.day_index, s.item_index, count(*) FROM workout_logs l JOIN workout_sets s ON s.log_id = l.id
             WHERE l.plan_id = ? AND l.deleted_at IS NULL AND s.deleted_at IS NULL AND s.reps > 0 AND s.item_index IS NOT NULL
             GROUP BY l.week, l.day_index, s.item_index",
        )
        .bind(&plan.id)
        .fetch_all(db.pool())
        .await?;
        let done: HashMap<(u32, u32, u32), u32> = done.into_iter().map(|r| ((r.0 as u32, r.1 as u32, r.2 as u32), r.3 as u32)).collect();
        for (w, week) in plan.body.weeks.iter().enumerate() {
            let week_no = w as u32 + 1;
            let week_start = super::plans::day_date(start, week_no, 0);
            if week_start > today {
                break;
            }
            let (mut prescribed, mut completed) = (0, 0);
            for (d, day) in week.days.iter().enumerate() {
                for (i, p) in day.items.iter().enumerate() {
                    prescribed += p.sets;
                    completed += done.get(&(week_no, d as u32, i as u32)).copied().unwrap_or(0).min(p.sets);
                }
            }
            out.push(AdherenceWeek {
                plan_id: plan.id.clone(),
                plan_name: plan.name.clone(),
                week: week_no,
                week_start: week_start.format("%Y-%m-%d").to_string(),
                prescribed_sets: prescribed,
                completed_sets: completed,
            });
        }
    }
    Ok(out)
}
