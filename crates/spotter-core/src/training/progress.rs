//! A client's progress page in one call: estimated 1RM over time, weekly sets and volume per
//! muscle group, personal records and plan adherence. Measurements come from the client record.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::records::ExerciseRecords;
use spotter_store::ids::parse_id;
use spotter_store::time::today_utc;
use spotter_store::{Database, Result};

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

    // One row per exercise per training day, kept up to date by triggers on workout_sets
    // (migration 20261130000002), read in primary-key order; everything else is derived
    // from those rows. The Brzycki column mirrors records::brzycki (reps 1–12, a single is the 1RM).
    // SQLite hands the rows over as one JSON array: sqlx passes every row of a result
    // between threads, which for ~2,500 rows cost more than the query itself.
    type Row = (String, String, i64, f64, i64, Option<f64>, Option<f64>);
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(exercise_id, performed_on, hard_sets, volume_kg, max_reps, max_e1rm_kg, max_brzycki_kg))
         FROM (SELECT * FROM workout_day_stats WHERE client_id = ? ORDER BY exercise_id, performed_on)",
    )
    .bind(&client)
    .fetch_one(pool)
    .await?;
    let rows: Vec<Row> = serde_json::from_str(&json)
        .map_err(|e| spotter_store::AppError::internal(format!("progress rows: {e}")))?;
    let ids: Vec<&str> = {
        let mut v: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let info: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, name, primary_muscles FROM exercises WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(&ids).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let info: HashMap<String, (String, Vec<String>)> = info
        .into_iter()
        .map(|(id, name, m)| (id, (name, serde_json::from_str(&m).unwrap_or_default())))
        .collect();

    let mut recs: HashMap<&str, ExerciseRecords> = HashMap::new();
    let mut daily: HashMap<(&str, &str), f64> = HashMap::new();
    let mut weekly: std::collections::BTreeMap<(String, String), (u32, f64)> =
        std::collections::BTreeMap::new();
    for (ex, date, hard, volume, max_reps, e1rm, brz) in &rows {
        let r = recs.entry(ex.as_str()).or_insert_with(|| ExerciseRecords {
            exercise_id: ex.clone(),
            exercise_name: info
                .get(ex)
                .map(|i| i.0.clone())
                .unwrap_or_else(|| "?".into()),
            best_e1rm_epley_kg: None,
            best_e1rm_brzycki_kg: None,
            best_e1rm_on: None,
            best_volume_kg: 0.0,
            best_volume_on: None,
            max_reps: 0,
            workouts: 0,
        });
        r.workouts += 1;
        r.max_reps = r.max_reps.max(*max_reps as u32);
        let earlier = |on: &Option<String>| on.as_deref().is_none_or(|o| date.as_str() < o);
        if let Some(e) = *e1rm {
            if r.best_e1rm_epley_kg
                .is_none_or(|b| e > b || (e == b && earlier(&r.best_e1rm_on)))
            {
                r.best_e1rm_epley_kg = Some(e);
                r.best_e1rm_on = Some(date.clone());
            }
            let d = daily.entry((ex.as_str(), date.as_str())).or_insert(e);
            *d = d.max(e);
        }
        if let Some(b) = *brz {
            r.best_e1rm_brzycki_kg = Some(r.best_e1rm_brzycki_kg.map_or(b, |x| x.max(b)));
        }
        if *volume > r.best_volume_kg
            || (*volume == r.best_volume_kg && *volume > 0.0 && earlier(&r.best_volume_on))
        {
            r.best_volume_kg = *volume;
            r.best_volume_on = Some(date.clone());
        }
        if *hard > 0 {
            let week = week_start(date);
            for m in info.get(ex).map(|i| i.1.as_slice()).unwrap_or_default() {
                let w = weekly.entry((week.clone(), m.clone())).or_insert((0, 0.0));
                w.0 += *hard as u32;
                w.1 += volume;
            }
        }
    }
    let mut records: Vec<ExerciseRecords> = recs.into_values().collect();
    records.sort_by(|a, b| {
        b.workouts
            .cmp(&a.workouts)
            .then_with(|| a.exercise_name.cmp(&b.exercise_name))
    });

    // 1RM over time for the most-logged exercises that have estimates.
    let e1rm = records
        .iter()
        .filter(|r| r.best_e1rm_epley_kg.is_some())
        .take(E1RM_SERIES)
        .map(|r| {
            let mut points: Vec<E1rmPoint> = daily
                .iter()
                .filter(|((ex, _), _)| *ex == r.exercise_id)
                .map(|((_, date), v)| E1rmPoint {
                    date: (*date).to_owned(),
                    e1rm_kg: (v * 10.0).round() / 10.0,
                })
                .collect();
            points.sort_by(|a, b| a.date.cmp(&b.date));
            E1rmSeries {
                exercise_id: r.exercise_id.clone(),
                exercise_name: r.exercise_name.clone(),
                points,
            }
        })
        .collect();
    let weekly_volume = weekly
        .into_iter()
        .map(|((w, m), (n, v))| MuscleWeek {
            week_start: w,
            muscle: m,
            sets: n,
            volume_kg: (v * 10.0).round() / 10.0,
        })
        .collect();

    Ok(ClientProgress {
        e1rm,
        weekly_volume,
        records,
        adherence: adherence(db, &client).await?,
    })
}

/// The Monday of a YYYY-MM-DD date's week (the date itself if unreadable).
fn week_start(date: &str) -> String {
    match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => {
            use chrono::Datelike;
            (d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday())))
                .format("%Y-%m-%d")
                .to_string()
        }
        Err(_) => date.to_owned(),
    }
}

/// Share of prescribed sets done, per plan week that has begun, for the client's plans. A
/// prescription's logged sets count up to its prescribed number (extra sets do not make up
/// for missed ones).
pub async fn adherence(db: &Database, client: &str) -> Result<Vec<AdherenceWeek>> {
    let plans = super::plans::list(
        db,
        &super::plans::PlanListQuery {
            templates: Some(false),
            client_id: Some(client.to_owned()),
        },
    )
    .await?;
    let today = today_utc();
    let mut out = Vec::new();
    for summary in plans {
        let Some(start) = summary
            .start_date
            .as_deref()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        else {
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
        let done: HashMap<(u32, u32, u32), u32> = done
            .into_iter()
            .map(|r| ((r.0 as u32, r.1 as u32, r.2 as u32), r.3 as u32))
            .collect();
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
                    completed += done
                        .get(&(week_no, d as u32, i as u32))
                        .copied()
                        .unwrap_or(0)
                        .min(p.sets);
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
