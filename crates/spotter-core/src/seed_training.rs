//! Demo training data for `seed --demo`: the exercise library, two templates, a current
//! plan for three clients, and two years of workout logs with realistic, noisy progress.

use chrono::{Datelike, Duration, NaiveDate};

use crate::training::plan::{
    Load, LoadKind, PlanBody, PlanDay, PlanWeek, Prescription, Progression, ProgressionRule,
};
use crate::training::plans::{self, Author, AuthorKind, NewPlan, PlanAssignment};
use crate::training::records::epley;
use crate::training::{exercises, progression};
use spotter_store::ids::new_id;
use spotter_store::time::{now_utc, today_utc};
use spotter_store::{AppError, Database, Result};

async fn exercise_id(db: &Database, key: &str) -> Result<String> {
    sqlx::query_scalar("SELECT id FROM exercises WHERE library_key = ?")
        .bind(key)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| AppError::internal(format!("the library has no {key}")))
}

fn rx(id: &str, sets: u32, reps: (u32, u32), load: Load, rest: u32) -> Prescription {
    Prescription {
        exercise_id: id.to_owned(),
        exercise_name: String::new(),
        sets,
        measure: Default::default(),
        reps_min: reps.0,
        reps_max: reps.1,
        load,
        tempo: String::new(),
        rest_seconds: Some(rest),
        notes: String::new(),
        group: None,
        group_kind: None,
    }
}

fn kg(v: f64) -> Load {
    Load {
        kind: LoadKind::Kg,
        value: Some(v),
    }
}

/// A small pseudo-random sequence, so the demo is the same on every machine.
struct Noise(u64);
impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % 1000) as f64 / 1000.0
    }
}

/// Returns how many workout logs were written.
pub async fn seed_demo_training(db: &Database) -> Result<u64> {
    exercises::ensure_library(db).await?;
    let squat = exercise_id(db, "barbell-back-squat").await?;
    let bench = exercise_id(db, "barbell-bench-press").await?;
    let deadlift = exercise_id(db, "barbell-romanian-deadlift").await?;
    let row = exercise_id(db, "barbell-bent-over-row").await?;
    let press = exercise_id(db, "barbell-overhead-press").await?;
    let pulldown = exercise_id(db, "cable-lat-pulldown").await?;
    let goblet = exercise_id(db, "dumbbell-goblet-squat").await?;
    let plank = exercise_id(db, "plank").await?;
    let author = Author {
        kind: AuthorKind::Trainer,
        name: crate::schedule::trainers::me(db).await?.name,
    };

    let full_body = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![
                PlanDay {
                    name: "Full body A".into(),
                    day_offset: 0,
                    items: vec![
                        rx(&goblet, 3, (8, 12), kg(16.0), 90),
                        rx(&bench, 3, (8, 10), kg(30.0), 120),
                        rx(&pulldown, 3, (10, 12), kg(35.0), 90),
                        rx(&plank, 3, (1, 1), Load::default(), 60),
                    ],
                },
                PlanDay {
                    name: "Full body B".into(),
                    day_offset: 3,
                    items: vec![
                        rx(&deadlift, 3, (8, 10), kg(40.0), 120),
                        rx(&press, 3, (8, 10), kg(20.0), 120),
                        rx(&row, 3, (10, 12), kg(30.0), 90),
                    ],
                },
            ],
        }],
        rule: ProgressionRule {
            progression: Some(Progression::Double { increment_kg: 2.5 }),
            deload_every: None,
        },
        notes: "Two sessions a week. Add a rep each week; at the top of the range add load.".into(),
    };
    let full_body = progression::generate(&full_body, 8)?;
    let beginner = plans::create(
        db,
        &NewPlan {
            name: "Beginner full body".into(),
            is_template: true,
            body: full_body,
        },
        &author,
    )
    .await?;

    let mut strength = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![
                PlanDay {
                    name: "Lower A".into(),
                    day_offset: 0,
                    items: vec![
                        rx(&squat, 4, (5, 5), kg(80.0), 180),
                        rx(&deadlift, 3, (8, 8), kg(70.0), 150),
                        rx(&plank, 3, (1, 1), Load::default(), 60),
                    ],
                },
                PlanDay {
                    name: "Upper A".into(),
                    day_offset: 2,
                    items: vec![
                        rx(&bench, 4, (5, 5), kg(60.0), 180),
                        rx(&row, 4, (8, 8), kg(55.0), 120),
                        rx(&press, 3, (8, 8), kg(35.0), 120),
                    ],
                },
                PlanDay {
                    name: "Full body".into(),
                    day_offset: 4,
                    items: vec![
                        rx(&squat, 3, (8, 8), kg(70.0), 150),
                        rx(&bench, 3, (8, 8), kg(52.5), 150),
                        rx(&pulldown, 3, (10, 12), kg(50.0), 90),
                    ],
                },
            ],
        }],
        rule: ProgressionRule {
            progression: Some(Progression::Linear { increment_kg: 2.5 }),
            deload_every: Some(4),
        },
        notes: "Leave one or two reps in the tank on every set.".into(),
    };
    strength = progression::generate(&strength, 12)?;
    let strength_template = plans::create(
        db,
        &NewPlan {
            name: "Strength 3 days".into(),
            is_template: true,
            body: strength,
        },
        &author,
    )
    .await?;

    let clients: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, name FROM clients WHERE deleted_at IS NULL ORDER BY local_key LIMIT 3",
    )
    .fetch_all(db.pool())
    .await?;
    let today = today_utc();
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let start = monday - Duration::weeks(4);
    let mut logs = 0;
    for (i, (client, _)) in clients.iter().enumerate() {
        let template = if i == 1 {
            &beginner
        } else {
            &strength_template
        };
        let assignment = PlanAssignment {
            client_id: client.clone(),
            start_date: start.format("%Y-%m-%d").to_string(),
        };
        let plan = plans::from_template(db, &template.id, None, Some(&assignment), &author).await?;
        logs += seed_history(db, client, &plan, start, i as u64 + 1).await?;
    }
    Ok(logs)
}

/// Two years of training for one client: three workouts a week with missed weeks, loads
/// that climb with noise and plateaus; the last four weeks follow the assigned plan.
async fn seed_history(
    db: &Database,
    client: &str,
    plan: &plans::Plan,
    plan_start: NaiveDate,
    seed: u64,
) -> Result<u64> {
    let mut noise = Noise(seed * 7919);
    let now = now_utc();
    let first = plan_start - Duration::weeks(100);
    let mut tx = db.pool().begin().await?;
    let mut count = 0;
    let days: Vec<&PlanDay> = plan.body.weeks[0].days.iter().collect();
    let mut week_start = first;
    let today = today_utc();
    let mut w: i64 = 0;
    while week_start + Duration::days(6) < today {
        let in_plan = week_start >= plan_start;
        // About one week in twelve off (holidays, illness), never inside the current plan.
        if !in_plan && noise.next() < 0.08 {
            week_start += Duration::weeks(1);
            w += 1;
            continue;
        }
        let progress = 0.55 + 0.45 * (w as f64 / 104.0).min(1.0);
        let plan_week = ((week_start - plan_start).num_days() / 7 + 1) as u32;
        for (d, day) in days.iter().enumerate() {
            let date = week_start + Duration::days(i64::from(day.day_offset));
            if date >= today {
                continue;
            }
            let plan_day = in_plan
                .then(|| {
                    plan.body
                        .weeks
                        .get(plan_week as usize - 1)
                        .and_then(|pw| pw.days.get(d))
                })
                .flatten();
            let items = plan_day
                .map(|pd| pd.items.clone())
                .unwrap_or_else(|| day.items.clone());
            let log_id = new_id();
            let performed = date.format("%Y-%m-%d").to_string();
            sqlx::query(
                "INSERT INTO workout_logs (id, client_id, performed_on, plan_id, plan_version, week, day_index, notes, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
            )
            .bind(&log_id)
            .bind(client)
            .bind(&performed)
            .bind(in_plan.then_some(&plan.id))
            .bind(in_plan.then_some(plan.version))
            .bind(in_plan.then_some(plan_week))
            .bind(in_plan.then_some(d as u32))
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            let mut pos = 0;
            for (item_index, p) in items.iter().enumerate() {
                let target = match (p.load.kind, p.load.value) {
                    (LoadKind::Kg, Some(v)) if in_plan => v,
                    (LoadKind::Kg, Some(v)) => {
                        ((v * progress + (noise.next() - 0.5) * 5.0) * 2.0).round() / 2.0
                    }
                    _ => 0.0,
                };
                for _ in 0..p.sets {
                    // Mostly the prescribed reps; sometimes one short, rarely a missed set.
                    let r = noise.next();
                    let reps = if r < 0.03 {
                        0
                    } else if r < 0.2 {
                        p.reps_min.saturating_sub(1).max(1)
                    } else {
                        p.reps_min + u32::from(r > 0.9)
                    };
                    sqlx::query(
                        "INSERT INTO workout_sets (id, log_id, client_id, performed_on, exercise_id, item_index, position, reps, load_kg, rpe, e1rm_kg, created_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    )
                    .bind(new_id())
                    .bind(&log_id)
                    .bind(client)
                    .bind(&performed)
                    .bind(&p.exercise_id)
                    .bind(in_plan.then_some(item_index as u32))
                    .bind(pos)
                    .bind(reps)
                    .bind(target.max(0.0))
                    .bind((p.load.kind == LoadKind::Kg).then(|| 7.0 + (noise.next() * 4.0).round() / 2.0))
                    .bind(epley(target, reps))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                    pos += 1;
                }
            }
            count += 1;
        }
        week_start += Duration::weeks(1);
        w += 1;
    }
    tx.commit().await?;
    Ok(count)
}
