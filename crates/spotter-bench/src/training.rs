//! Training benchmarks: plan PDFs (12 weeks × 5 days × 8 exercises, and one page), saving a
//! plan version, and a client's progress-page data over two years of logs (seed --demo).

use std::time::{Duration, Instant};

use spotter_core::seed;
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::{
    Load, LoadKind, PlanBody, PlanDay, PlanWeek, Prescription, Progression, ProgressionRule,
};
use spotter_core::training::plans::{self, Author, AuthorKind, NewPlan, PlanSave};
use spotter_core::training::{progress, progression};
use spotter_print::{documents, plan_pdf, Branding, LoadUnit};
use spotter_store::paths::DataDir;
use spotter_store::Database;

use crate::percentiles;

fn body(
    ids: &[String],
    weeks: usize,
    days: u32,
    per_day: usize,
) -> spotter_store::Result<PlanBody> {
    let week = PlanWeek {
        deload: false,
        days: (0..days)
            .map(|d| PlanDay {
                name: format!("Day {}", d + 1),
                day_offset: d,
                items: ids
                    .iter()
                    .cycle()
                    .skip(d as usize)
                    .take(per_day)
                    .enumerate()
                    .map(|(i, id)| Prescription {
                        exercise_id: id.clone(),
                        exercise_name: String::new(),
                        sets: 3 + (i as u32 % 3),
                        measure: Default::default(),
                        reps_min: 8,
                        reps_max: 12,
                        load: Load {
                            kind: LoadKind::Kg,
                            value: Some(40.0 + i as f64 * 5.0),
                        },
                        tempo: "3-1-1-0".into(),
                        rest_seconds: Some(90),
                        notes: if i == 2 {
                            "Keep a neutral spine; stop a rep short of failure.".into()
                        } else {
                            String::new()
                        },
                        group: None,
                        group_kind: None,
                    })
                    .collect(),
            })
            .collect(),
    };
    let base = PlanBody {
        weeks: vec![week],
        rule: ProgressionRule {
            progression: Some(Progression::Linear { increment_kg: 2.5 }),
            deload_every: Some(4),
        },
        notes: String::new(),
    };
    progression::generate(&base, weeks)
}

pub(crate) fn report(name: &str, extra: serde_json::Value, times: &mut [Duration]) {
    let max = times
        .iter()
        .max()
        .copied()
        .unwrap_or_default()
        .as_secs_f64()
        * 1000.0;
    let (p50, p95, p99) = percentiles(times);
    let mut v = serde_json::json!({ "bench": name, "runs": times.len(), "p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "max_ms": max });
    if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    println!("{v}");
}

pub async fn run(data: &DataDir, rounds: usize) -> spotter_store::Result<()> {
    let db = Database::open(data).await?;
    let seeded: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_logs")
        .fetch_one(db.pool())
        .await?;
    if seeded == 0 {
        seed::seed_demo(&db).await?;
    }
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM exercises WHERE library_key IS NOT NULL ORDER BY library_key LIMIT 40",
    )
    .fetch_all(db.pool())
    .await?;
    let author = Author {
        kind: AuthorKind::Trainer,
        name: "Bench".into(),
    };
    let rounds = rounds.max(10);

    // PDFs: rendering alone (data in memory) and end to end from the database.
    let big = plans::create(
        &db,
        &NewPlan {
            name: "Bench 12 weeks".into(),
            is_template: true,
            body: body(&ids, 12, 5, 8)?,
        },
        &author,
    )
    .await?;
    let small = plans::create(
        &db,
        &NewPlan {
            name: "Bench one page".into(),
            is_template: true,
            body: body(&ids, 1, 1, 6)?,
        },
        &author,
    )
    .await?;
    let branding = Branding {
        studio_name: "Bench Studio".into(),
        logo: None,
    };
    let dates = spotter_core::datefmt::DateFormatter::new("en-GB", Default::default());
    for (name, plan) in [("plan_pdf_12_weeks", &big), ("plan_pdf_one_page", &small)] {
        let doc = plan_pdf::PlanDoc {
            plan,
            client_name: Some("Zoë Łukasiewicz"),
            branding: &branding,
            paper: spotter_print::canvas::PageSize::A4,
            unit: LoadUnit::Kg,
            printed_on: chrono::Utc::now().date_naive(),
            dates: &dates,
        };
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            bytes = plan_pdf::render(&doc)
                .map_err(spotter_store::AppError::internal)?
                .len();
            times.push(t.elapsed());
        }
        report(
            name,
            serde_json::json!({ "bytes": bytes, "what": "render only" }),
            &mut times,
        );
        let mut times = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            documents::plan_pdf(&db, &plan.id).await?;
            times.push(t.elapsed());
        }
        report(
            &format!("{name}_from_db"),
            serde_json::json!({}),
            &mut times,
        );
    }

    // Saving a version of the 12-week plan: one change each time.
    let mut current = plans::get(&db, &big.id).await?;
    let mut times = Vec::new();
    for i in 0..rounds * 5 {
        let mut b = current.body.clone();
        b.weeks[i % 12].days[i % 5].items[i % 8].sets = 3 + (i as u32 % 4);
        b.weeks[0].days[0].items[0].notes = format!("change {i}");
        let t = Instant::now();
        current = plans::save(
            &db,
            &big.id,
            &PlanSave {
                name: current.name.clone(),
                body: b,
                base_version: current.version,
            },
            &author,
        )
        .await?;
        times.push(t.elapsed());
    }
    report(
        "plan_save_version",
        serde_json::json!({ "weeks": 12, "prescriptions": 480, "versions": current.version }),
        &mut times,
    );

    // Progress page data for a client with two busy years: 4 workouts a week of 6 exercises
    // × 4 sets (~10,000 sets), on top of the demo data.
    let client = heavy_client(&db, &ids).await?;
    let sets: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_sets WHERE client_id = ?")
        .bind(&client)
        .fetch_one(db.pool())
        .await?;
    let mut times = Vec::new();
    for _ in 0..rounds * 3 {
        let t = Instant::now();
        progress::client_progress(&db, &client).await?;
        times.push(t.elapsed());
    }
    report(
        "client_progress",
        serde_json::json!({ "sets_logged": sets }),
        &mut times,
    );
    // Of which: the plan-adherence part alone.
    let mut times = Vec::new();
    for _ in 0..rounds * 3 {
        let t = Instant::now();
        progress::adherence(&db, &client).await?;
        times.push(t.elapsed());
    }
    report(
        "client_progress_adherence_part",
        serde_json::json!({}),
        &mut times,
    );
    db.close().await;
    Ok(())
}

pub(crate) async fn heavy_client(db: &Database, ids: &[String]) -> spotter_store::Result<String> {
    let name = "Bench Heavy Lifter";
    if let Some(id) = sqlx::query_scalar::<_, String>("SELECT id FROM clients WHERE name = ?")
        .bind(name)
        .fetch_optional(db.pool())
        .await?
    {
        return Ok(id);
    }
    let client = spotter_core::clients::create(
        db,
        &spotter_core::clients::ClientInput {
            name: name.into(),
            ..Default::default()
        },
    )
    .await?;
    let start = chrono::Utc::now().date_naive() - chrono::Duration::weeks(104);
    for w in 0..104i64 {
        for d in 0..4i64 {
            let date = start + chrono::Duration::days(w * 7 + d * 2);
            let sets = (0..6usize)
                .flat_map(|e| {
                    let id = ids[(d as usize * 6 + e) % ids.len()].clone();
                    (0..4).map(move |s| WorkoutSetInput {
                        exercise_id: id.clone(),
                        item_index: None,
                        measure: Default::default(),
                        reps: 5 + ((w + s) % 4) as u32,
                        load_kg: 40.0 + w as f64 * 0.5 + e as f64 * 5.0,
                        rpe: Some(8.0),
                    })
                })
                .collect();
            logs::create(
                db,
                &WorkoutLogInput {
                    client_id: client.id.clone(),
                    performed_on: date.format("%Y-%m-%d").to_string(),
                    plan_id: None,
                    week: None,
                    day_index: None,
                    session_id: None,
                    notes: String::new(),
                    sets,
                },
            )
            .await?;
        }
    }
    Ok(client.id)
}
