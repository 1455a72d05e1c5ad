//! Synthetic data for benchmarks: any number of clients with varied names (non-ASCII among
//! them), and trainers with sessions over five years, from a fixed-seed generator so every run
//! writes the same rows.

use super::{ensure_empty, SeedReport};
use crate::clients::{insert_validated, validate, ClientInput};
use spotter_store::ids::new_id;
use spotter_store::time::{now_utc, today_utc};
use spotter_store::{AppError, Database, Result};

const FIRST: &[&str] = &[
    "Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jonas", "Kira",
    "Lars", "Maya", "Nils", "Olga", "Paul", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wim",
    "Xenia", "Yusuf", "Zoë", "José", "Łucja", "Søren", "Aoife",
];
const LAST: &[&str] = &[
    "Schmidt",
    "Müller",
    "Novak",
    "Rossi",
    "García",
    "Smith",
    "Kowalski",
    "Jensen",
    "Dubois",
    "Nakamura",
    "Okafor",
    "Silva",
    "Petrov",
    "Yilmaz",
    "Andersson",
    "Núñez",
    "Łukasiewicz",
    "Horvat",
    "Costa",
    "Byrne",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
];
const TAGS: &[&str] = &[
    "knee", "shoulder", "back", "running", "strength", "mobility", "senior", "rehab", "vip",
    "online",
];

/// Adds `count` synthetic clients for benchmarks, in one transaction, and optionally
/// `trainers` trainers with `sessions` sessions over five years.
pub async fn seed_bench(
    db: &Database,
    count: u64,
    trainers: u64,
    sessions: u64,
) -> Result<SeedReport> {
    if count == 0 || count > 1_000_000 {
        return Err(AppError::validation(
            "count",
            "count must be between 1 and 1,000,000",
        ));
    }
    ensure_empty(db).await?;
    let now = now_utc();
    let today = today_utc();
    let mut rng = Lcg(0x5eed);
    let mut tx = db.pool().begin().await?;
    for i in 0..count {
        let first = FIRST[rng.below(FIRST.len())];
        let last = LAST[rng.below(LAST.len())];
        let input = ClientInput {
            name: format!("{first} {last}"),
            email: Some(format!(
                "{}.{}{i}@example.com",
                ascii_slug(first),
                ascii_slug(last)
            )),
            phone: Some(format!(
                "+49 1{:02} {:07}",
                rng.below(100),
                rng.below(10_000_000)
            )),
            date_of_birth: Some(format!(
                "{}-{:02}-{:02}",
                1950 + rng.below(55),
                1 + rng.below(12),
                1 + rng.below(28)
            )),
            goals: "General fitness".into(),
            notes: format!("Synthetic client {i} for benchmarks."),
            tags: vec![TAGS[rng.below(TAGS.len())].into()],
            ..Default::default()
        };
        let valid = validate(&input, today)
            .map_err(|e| AppError::internal(format!("bench client invalid: {}", e.message)))?;
        insert_validated(&mut *tx, &new_id(), &valid, &now).await?;
    }
    tx.commit().await?;
    let sessions = if trainers > 0 && sessions > 0 {
        seed_bench_sessions(db, trainers, sessions, &mut rng).await?
    } else {
        0
    };
    Ok(SeedReport {
        clients: count,
        trainers,
        sessions,
    })
}

/// Start of the five years the benchmark sessions span.
pub const BENCH_FIRST_DAY: &str = "2024-01-01";

/// Sessions for benchmarks, written with plain inserts (no conflict checks) in one
/// transaction: each trainer works weekdays from 07:00 in hour slots, in Europe/Berlin;
/// one session in ten is a small group of four.
async fn seed_bench_sessions(
    db: &Database,
    trainers: u64,
    total: u64,
    rng: &mut Lcg,
) -> Result<u64> {
    use crate::schedule::zoned::{fmt_utc, to_utc_lenient};
    use chrono::{Datelike, Duration, NaiveDate};

    if trainers > 1_000 || total > 5_000_000 {
        return Err(AppError::validation(
            "sessions",
            "at most 1,000 trainers and 5,000,000 sessions",
        ));
    }
    let tz: chrono_tz::Tz = chrono_tz::Europe::Berlin;
    let now = now_utc();
    let hours = serde_json::to_string(&crate::schedule::trainers::default_hours())
        .map_err(|e| AppError::internal(e.to_string()))?;
    let clients: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM clients ORDER BY local_key")
            .fetch_all(db.pool())
            .await?;
    if clients.is_empty() {
        return Err(AppError::validation("clients", "seed clients first"));
    }
    let mut tx = db.pool().begin().await?;
    let mut trainer_ids = Vec::new();
    for t in 0..trainers {
        let id = new_id();
        sqlx::query(
            "INSERT INTO trainers (id, name, color, time_zone, working_hours, is_me, created_at, updated_at)
             VALUES (?, ?, '#228be6', 'Europe/Berlin', ?, ?, ?, ?)",
        )
        .bind(&id)
        .bind(format!("Trainer {t:03}"))
        .bind(&hours)
        .bind(t == 0)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        trainer_ids.push(id);
    }
    // Sixteen hourly sessions a weekday per trainer (07:00–23:00): 1,000,000 sessions for 50
    // trainers fill about five years; 320 for 4 trainers fill exactly one week.
    let per_day: u64 = 16;
    let first = NaiveDate::parse_from_str(BENCH_FIRST_DAY, "%Y-%m-%d")
        .map_err(|e| AppError::internal(e.to_string()))?;
    let mut written = 0u64;
    let mut day = first;
    'days: while written < total {
        if day.weekday().number_from_monday() <= 5 {
            for trainer in &trainer_ids {
                for slot in 0..per_day {
                    if written >= total {
                        break 'days;
                    }
                    let start = day.and_hms_opt(7, 0, 0).unwrap_or_default()
                        + Duration::minutes(slot as i64 * 60);
                    let (s, e) = (
                        to_utc_lenient(start, tz),
                        to_utc_lenient(start + Duration::minutes(50), tz),
                    );
                    let group = rng.below(10) == 0;
                    let mut booked: Vec<(String, String)> = Vec::new();
                    for _ in 0..(if group { 4 } else { 1 }) {
                        let c = &clients[rng.below(clients.len())];
                        if !booked.iter().any(|(id, _)| id == &c.0) {
                            booked.push(c.clone());
                        }
                    }
                    let id = new_id();
                    sqlx::query(
                        "INSERT INTO sessions (id, trainer_id, kind, start_utc, end_utc, time_zone, capacity, status, participant_names,
                                               created_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, 'Europe/Berlin', ?, ?, ?, ?, ?)",
                    )
                    .bind(&id)
                    .bind(trainer)
                    .bind(if group { "small_group" } else { "personal" })
                    .bind(fmt_utc(s))
                    .bind(fmt_utc(e))
                    .bind(if group { Some(6) } else { None })
                    .bind(if start.date() < chrono::Utc::now().date_naive() { "completed" } else { "scheduled" })
                    .bind(crate::schedule::names_label(&booked))
                    .bind(&now)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                    for (client_id, _) in &booked {
                        sqlx::query(
                            "INSERT INTO session_participants (session_id, client_id, attendance, session_start_utc, updated_at)
                             VALUES (?, ?, 'expected', ?, ?)",
                        )
                        .bind(&id)
                        .bind(client_id)
                        .bind(fmt_utc(s))
                        .bind(&now)
                        .execute(&mut *tx)
                        .await?;
                    }
                    written += 1;
                }
            }
        }
        day += Duration::days(1);
    }
    tx.commit().await?;
    Ok(written)
}

fn ascii_slug(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase()
}

/// A tiny deterministic generator; benchmarks need repeatable data, not good randomness.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}
