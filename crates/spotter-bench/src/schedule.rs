//! Scheduling benchmarks on 50 trainers, 5,000 clients and 1,000,000 sessions over five
//! years (seeded once into the data directory and reused).

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use spotter_core::schedule::recurrence::{expand, weekly_rule};
use spotter_core::schedule::sessions;
use spotter_core::schedule::zoned::{fmt_utc, to_utc_lenient};
use spotter_core::schedule::{trainers, CalendarQuery, Recurrence, SessionInput, SessionKind};
use spotter_core::{ics, seed};
use spotter_store::paths::DataDir;
use spotter_store::Database;

use crate::{percentiles, Lcg};

pub const TRAINERS: u64 = 50;
pub const CLIENTS: u64 = 5_000;
pub const SESSIONS: u64 = 1_000_000;

fn week_start(rng: &mut Lcg) -> NaiveDate {
    // A Monday somewhere in the five seeded years.
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    first + Days::weeks(rng.below(255) as i64)
}

fn utc(day: NaiveDate) -> String {
    fmt_utc(to_utc_lenient(
        day.and_hms_opt(0, 0, 0).unwrap_or_default(),
        chrono_tz::Europe::Berlin,
    ))
}

pub async fn run(data: &DataDir, rounds: usize) -> spotter_store::Result<()> {
    let db = Database::open(data).await?;
    let seeded: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(db.pool())
        .await?;
    if seeded == 0 {
        let t = Instant::now();
        seed::seed_bench(&db, CLIENTS, TRAINERS, SESSIONS).await?;
        eprintln!(
            "seeded {TRAINERS} trainers, {CLIENTS} clients, {SESSIONS} sessions in {:?}",
            t.elapsed()
        );
    }
    let all = trainers::list(&db).await?;
    let mut rng = Lcg(42);

    // A trainer's week, through the core and as the same SQL run directly on the file.
    let mut core = Vec::new();
    let mut raw = Vec::new();
    let mut rows = 0usize;
    for i in 0..rounds * 200 {
        let t = &all[rng.below(all.len())];
        let monday = week_start(&mut rng);
        let q = CalendarQuery {
            from: utc(monday),
            to: utc(monday + Days::days(7)),
            trainer_ids: vec![t.id.clone()],
            ..Default::default()
        };
        // Alternate which goes first, so neither always finds a warmer cache.
        let (a, b) = if i % 2 == 0 {
            (true, false)
        } else {
            (false, true)
        };
        for use_core in [a, b] {
            let start = Instant::now();
            if use_core {
                rows += sessions::range(&db, &q).await?.len();
                core.push(start.elapsed());
            } else {
                let n = raw_week(&db, &q).await?;
                raw.push(start.elapsed());
                let _ = n;
            }
        }
    }
    let (c50, _, c99) = percentiles(&mut core);
    let (r50, _, r99) = percentiles(&mut raw);
    println!(
        "{}",
        serde_json::json!({
            "bench": "trainer_week_view",
            "queries": core.len(),
            "avg_sessions": rows as f64 / core.len() as f64,
            "core_p50_ms": c50, "core_p99_ms": c99,
            "raw_sql_p50_ms": r50, "raw_sql_p99_ms": r99,
            "ratio_p50": c50 / r50, "ratio_p99": c99 / r99,
        })
    );

    // Every trainer's month (five weeks, as the month grid shows it), and the same SQL run directly.
    let mut month = Vec::new();
    let mut month_raw = Vec::new();
    let mut month_typed = Vec::new();
    let mut month_rows = 0;
    for _ in 0..rounds.max(5) * 2 {
        let monday = week_start(&mut rng);
        let q = CalendarQuery {
            from: utc(monday),
            to: utc(monday + Days::days(35)),
            ..Default::default()
        };
        // What the calendar calls: the rows as one JSON array, handed to the webview as is.
        let start = Instant::now();
        let json = sessions::range_json(&db, &q).await?;
        month.push(start.elapsed());
        month_rows = json.matches("\"id\":").count();
        let start = Instant::now();
        let _raw: String = sqlx::query_scalar(&sessions::range_json_sql(0, 0, false))
            .bind(sessions::range_lower_bound(&q.from)?)
            .bind(&q.to)
            .bind(&q.from)
            .bind(sessions::RANGE_LIMIT)
            .fetch_one(db.pool())
            .await?;
        month_raw.push(start.elapsed());
        let start = Instant::now();
        sessions::range(&db, &q).await?;
        month_typed.push(start.elapsed());
    }
    let (m50, _, _) = percentiles(&mut month);
    let (r50, _, _) = percentiles(&mut month_raw);
    let (t50, _, _) = percentiles(&mut month_typed);
    let max = month.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "{}",
        serde_json::json!({ "bench": "month_view_all_trainers", "sessions": month_rows, "queries": month.len(),
                            "p50_ms": m50, "max_ms": max, "raw_sql_p50_ms": r50,
                            "decoded_to_structs_p50_ms": t50 })
    );

    // The conflict check a create runs (validation included), for a busy trainer and client.
    let client: String = sqlx::query_scalar("SELECT id FROM clients LIMIT 1")
        .fetch_one(db.pool())
        .await?;
    let mut checks = Vec::new();
    let mut found = 0;
    for _ in 0..rounds * 100 {
        let t = &all[rng.below(all.len())];
        let day = week_start(&mut rng) + Days::days(rng.below(5) as i64);
        let hour = 7 + rng.below(12);
        let input = SessionInput {
            trainer_id: t.id.clone(),
            client_ids: vec![client.clone()],
            kind: SessionKind::Personal,
            time_zone: "Europe/Berlin".into(),
            start: format!("{day}T{hour:02}:10"),
            end: format!("{day}T{:02}:00", hour + 1),
            ..Default::default()
        };
        let start = Instant::now();
        found += sessions::check_conflicts(&db, &input, None).await?.len();
        checks.push(start.elapsed());
    }
    let (k50, k95, k99) = percentiles(&mut checks);
    println!(
        "{}",
        serde_json::json!({ "bench": "conflict_check_on_create", "checks": checks.len(), "conflicts_found": found,
                            "p50_ms": k50, "p95_ms": k95, "p99_ms": k99 })
    );

    // Expanding a two-year weekly series.
    let tz = chrono_tz::Europe::Berlin;
    let first = NaiveDate::from_ymd_opt(2026, 1, 6)
        .and_then(|d| d.and_hms_opt(18, 0, 0))
        .unwrap_or_default();
    let rule = weekly_rule(
        &Recurrence {
            weekdays: vec![2],
            interval_weeks: 1,
            until: Some("2027-12-31".into()),
            count: None,
        },
        first,
        tz,
    )?;
    let mut expansions = Vec::new();
    let mut n = 0;
    for _ in 0..rounds * 50 {
        let start = Instant::now();
        n = expand(&rule, first, tz, &[])?.len();
        expansions.push(start.elapsed());
    }
    let (e50, _, e99) = percentiles(&mut expansions);
    println!(
        "{}",
        serde_json::json!({ "bench": "expand_two_year_weekly_series", "occurrences": n, "p50_ms": e50, "p99_ms": e99 })
    );
    db.close().await;
    Ok(())
}

/// The calendar's query exactly as the core sends it, run directly: the JSON text, undecoded.
async fn raw_week(db: &Database, q: &CalendarQuery) -> spotter_store::Result<usize> {
    let json: String = sqlx::query_scalar(&sessions::range_json_sql(1, 0, false))
        .bind(sessions::range_lower_bound(&q.from)?)
        .bind(&q.to)
        .bind(&q.from)
        .bind(&q.trainer_ids[0])
        .bind(sessions::RANGE_LIMIT)
        .fetch_one(db.pool())
        .await?;
    Ok(json.len())
}

/// Exporting 10,000 events to .ics (one trainer with 10,000 single sessions).
pub async fn ics_export(data: &DataDir, rounds: usize) -> spotter_store::Result<()> {
    let db = Database::open(data).await?;
    let seeded: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(db.pool())
        .await?;
    if seeded == 0 {
        seed::seed_bench(&db, 500, 1, 10_000).await?;
    }
    let trainer = trainers::list(&db).await?.remove(0);
    let mut times: Vec<Duration> = Vec::new();
    let mut events = 0;
    let mut bytes = 0;
    for _ in 0..rounds.max(5) {
        let start = Instant::now();
        let (text, e, _) = ics::trainer_calendar(&db, &trainer.id).await?;
        times.push(start.elapsed());
        events = e;
        bytes = text.len();
    }
    let (p50, _, max) = percentiles(&mut times);
    println!(
        "{}",
        serde_json::json!({ "bench": "ics_export", "events": events, "bytes": bytes, "p50_ms": p50, "max_ms": max })
    );
    db.close().await;
    Ok(())
}
