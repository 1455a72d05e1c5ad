//! Demo and benchmark data. Deterministic, so screenshots and benchmarks repeat.

use crate::clients::{insert_validated, validate, ClientInput};
use crate::ids::new_id;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, ErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedReport {
    pub clients: u64,
    pub trainers: u64,
    pub sessions: u64,
}

struct Demo {
    name: &'static str,
    email: &'static str,
    phone: &'static str,
    dob: &'static str,
    goals: &'static str,
    notes: &'static str,
    tags: &'static [&'static str],
}

const DEMO: &[Demo] = &[
    Demo {
        name: "Anna Schmidt",
        email: "anna.schmidt@example.com",
        phone: "+49 170 1234567",
        dob: "1991-04-12",
        goals: "Run a half marathon in under 2 hours",
        notes: "Prefers early mornings. Mild knee pain on deep squats.",
        tags: &["running", "knee"],
    },
    Demo {
        name: "Zoë Łukasiewicz",
        email: "zoe.l@example.pl",
        phone: "+48 501 222 333",
        dob: "1988-09-03",
        goals: "First strict pull-up",
        notes: "Climber; shoulder mobility work before pressing.",
        tags: &["strength", "shoulder"],
    },
    Demo {
        name: "José Núñez",
        email: "jose.nunez@example.es",
        phone: "+34 612 345 678",
        dob: "1979-01-22",
        goals: "Lose 8 kg, keep blood pressure in check",
        notes: "GP clearance on file (2026-09).",
        tags: &["weight loss", "blood pressure"],
    },
    Demo {
        name: "Mia Johansson",
        email: "mia.j@example.se",
        phone: "+46 70 123 45 67",
        dob: "1995-06-30",
        goals: "Deadlift 1.5× body weight",
        notes: "",
        tags: &["strength"],
    },
    Demo {
        name: "Liam O'Connor",
        email: "liam.oconnor@example.ie",
        phone: "+353 87 123 4567",
        dob: "1984-11-05",
        goals: "Back to football after ACL reconstruction",
        notes: "Physio sign-off for running drills.",
        tags: &["rehab", "knee"],
    },
    Demo {
        name: "Aiko Tanaka",
        email: "aiko.tanaka@example.jp",
        phone: "+81 90 1234 5678",
        dob: "1990-03-14",
        goals: "Improve posture, desk job",
        notes: "",
        tags: &["mobility"],
    },
    Demo {
        name: "Noah Williams",
        email: "noah.w@example.com",
        phone: "(555) 201-3344",
        dob: "2001-07-19",
        goals: "Gain 5 kg lean mass",
        notes: "Student; trains 4×/week.",
        tags: &["hypertrophy"],
    },
    Demo {
        name: "Olena Kovalenko",
        email: "olena.k@example.ua",
        phone: "+380 67 123 4567",
        dob: "1986-12-01",
        goals: "Postnatal core strength",
        notes: "Diastasis recti check with physio.",
        tags: &["postnatal", "core"],
    },
    Demo {
        name: "Lucas Moreau",
        email: "lucas.moreau@example.fr",
        phone: "+33 6 12 34 56 78",
        dob: "1975-05-27",
        goals: "Stay fit for skiing season",
        notes: "",
        tags: &["ski", "legs"],
    },
    Demo {
        name: "Priya Sharma",
        email: "priya.sharma@example.in",
        phone: "+91 98765 43210",
        dob: "1993-08-08",
        goals: "Powerlifting meet in spring",
        notes: "Competes in 63 kg class.",
        tags: &["powerlifting", "competition"],
    },
    Demo {
        name: "Ben Carter",
        email: "ben.carter@example.co.uk",
        phone: "+44 7700 900123",
        dob: "1968-02-16",
        goals: "Balance and bone density",
        notes: "Osteopenia; avoid spinal flexion under load.",
        tags: &["senior", "bone density"],
    },
    Demo {
        name: "Sofia Rossi",
        email: "sofia.rossi@example.it",
        phone: "+39 347 123 4567",
        dob: "1998-10-10",
        goals: "Tone up for a wedding in June",
        notes: "",
        tags: &["wedding"],
    },
    Demo {
        name: "李娜",
        email: "li.na@example.cn",
        phone: "+86 138 0013 8000",
        dob: "1992-05-05",
        goals: "Tennis conditioning",
        notes: "Right elbow tendinopathy history.",
        tags: &["tennis", "elbow"],
    },
    Demo {
        name: "Emma Müller",
        email: "emma.mueller@example.de",
        phone: "+49 151 2345678",
        dob: "1983-03-03",
        goals: "Reduce lower-back pain",
        notes: "Sits 9 hours a day.",
        tags: &["back", "mobility"],
    },
    Demo {
        name: "Mateo García",
        email: "mateo.garcia@example.mx",
        phone: "+52 55 1234 5678",
        dob: "1999-12-24",
        goals: "Vertical jump +10 cm",
        notes: "Basketball, plays twice a week.",
        tags: &["athletic", "plyometrics"],
    },
    Demo {
        name: "Hannah Lee",
        email: "hannah.lee@example.com",
        phone: "+1 415 555 0199",
        dob: "1987-07-07",
        goals: "Consistency: 3 sessions a week",
        notes: "",
        tags: &["habit"],
    },
    Demo {
        name: "Omar Haddad",
        email: "omar.haddad@example.ae",
        phone: "+971 50 123 4567",
        dob: "1980-04-18",
        goals: "Type 2 diabetes management through exercise",
        notes: "Check glucose before sessions.",
        tags: &["diabetes", "medical"],
    },
    Demo {
        name: "Greta Nilsen",
        email: "greta.nilsen@example.no",
        phone: "+47 412 34 567",
        dob: "1960-09-09",
        goals: "Hike Besseggen next summer",
        notes: "Hip replacement (left) 2023.",
        tags: &["senior", "hip"],
    },
    Demo {
        name: "Kwame Mensah",
        email: "kwame.mensah@example.gh",
        phone: "+233 24 123 4567",
        dob: "1994-01-01",
        goals: "Sub-20 minute 5k",
        notes: "",
        tags: &["running"],
    },
    Demo {
        name: "Chloé Dubois",
        email: "chloe.dubois@example.fr",
        phone: "+33 7 98 76 54 32",
        dob: "1997-02-14",
        goals: "Handstand hold 30 s",
        notes: "Former gymnast.",
        tags: &["gymnastics", "shoulder"],
    },
];

/// Adds the demo data set. Refuses a database that already has clients, so a trainer's data is never mixed with it.
pub async fn seed_demo(db: &Database) -> Result<SeedReport> {
    ensure_empty(db).await?;
    let now = now_utc();
    let today = today_utc();
    let mut tx = db.pool().begin().await?;
    for d in DEMO {
        let input = ClientInput {
            name: d.name.into(),
            email: Some(d.email.into()),
            phone: Some(d.phone.into()),
            date_of_birth: Some(d.dob.into()),
            goals: d.goals.into(),
            notes: d.notes.into(),
            tags: d.tags.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        let valid = validate(&input, today).map_err(|e| {
            AppError::internal(format!("demo client {} is invalid: {}", d.name, e.message))
        })?;
        insert_validated(&mut *tx, &new_id(), &valid, &now).await?;
    }
    tx.commit().await?;
    seed_demo_record(db).await?;
    let (trainers, sessions) = seed_demo_schedule(db).await?;
    crate::seed_training::seed_demo_training(db).await?;
    Ok(SeedReport {
        clients: DEMO.len() as u64,
        trainers,
        sessions,
    })
}

/// PAR-Q+ for everyone (two with a "yes", one of them cleared) and a few months of
/// measurements and notes for the first client.
async fn seed_demo_record(db: &Database) -> Result<()> {
    use crate::clients::record::{self, MeasurementInput, Metric, ParqInput};
    use chrono::Duration;

    let clients: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM clients WHERE deleted_at IS NULL ORDER BY local_key")
            .fetch_all(db.pool())
            .await?;
    let today = today_utc();
    let day = |ago: i64| (today - Duration::days(ago)).format("%Y-%m-%d").to_string();
    for (id, name) in &clients {
        let yes: &[usize] = match name.as_str() {
            "Ben Carter" => &[3, 5],
            "Omar Haddad" => &[3, 4],
            _ => &[],
        };
        let input = ParqInput {
            answered_on: day(60),
            answers: (0..7).map(|i| Some(yes.contains(&i))).collect(),
            notes: String::new(),
        };
        record::record_intake(db, id, &input).await?;
        if name == "Omar Haddad" {
            record::set_clearance(db, id, Some(&day(45))).await?;
        }
    }
    if let Some((anna, _)) = clients.first() {
        for week in 0..10i64 {
            let on = day(70 - week * 7);
            let weight = 71.8 - 0.25 * week as f64;
            let fat = 27.5 - 0.3 * week as f64;
            let waist = 78.0 - 0.4 * week as f64;
            for (metric, value, unit) in [
                (Metric::BodyWeight, weight, "kg"),
                (Metric::BodyFat, fat, "%"),
                (Metric::Waist, waist, "cm"),
            ] {
                record::add_measurement(
                    db,
                    anna,
                    &MeasurementInput {
                        measured_on: on.clone(),
                        metric: Some(metric),
                        custom_name: None,
                        value,
                        unit: unit.into(),
                    },
                )
                .await?;
            }
        }
        record::add_note(
            db,
            anna,
            "Knee felt fine on box step-ups; progress to split squats next week.",
        )
        .await?;
        record::add_note(
            db,
            anna,
            "Race in April: build long run to 18 km by mid-March.",
        )
        .await?;
    }
    Ok(())
}

/// Demo trainers, rooms and recurring series around today, in this computer's zone:
/// past occurrences are completed (one no-show), so the dashboard and calendar look lived in.
async fn seed_demo_schedule(db: &Database) -> Result<(u64, u64)> {
    use crate::schedule::zoned::{local_of, system_zone};
    use crate::schedule::{
        sessions, trainers, Recurrence, RoomInput, SaveOutcome, SessionInput, SessionKind,
        SessionStatus, TrainerInput,
    };
    use chrono::{Datelike, Duration, Utc};

    let zone = system_zone();
    let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Tz::UTC);
    let me = trainers::me(db).await?;
    let me = trainers::update(
        db,
        &me.id,
        &TrainerInput {
            name: "Alex Morgan".into(),
            email: Some("alex@spotter-demo.example".into()),
            color: None,
            time_zone: zone.clone(),
            working_hours: trainers::default_hours(),
        },
    )
    .await?;
    let sam = trainers::create(
        db,
        &TrainerInput {
            name: "Sam Rivera".into(),
            email: None,
            color: None,
            time_zone: zone.clone(),
            working_hours: trainers::default_hours(),
        },
    )
    .await?;
    let studio = trainers::create_room(
        db,
        &RoomInput {
            name: "Studio 1".into(),
            capacity: Some(8),
        },
    )
    .await?;
    trainers::create_room(
        db,
        &RoomInput {
            name: "Studio 2".into(),
            capacity: Some(2),
        },
    )
    .await?;
    trainers::create_room(
        db,
        &RoomInput {
            name: "Outdoor track".into(),
            capacity: None,
        },
    )
    .await?;

    let clients: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM clients WHERE deleted_at IS NULL ORDER BY local_key")
            .fetch_all(db.pool())
            .await?;
    let id = |i: usize| clients[i % clients.len()].0.clone();
    let today = local_of(Utc::now(), tz).date();
    let monday = today
        - Duration::days(i64::from(today.weekday().num_days_from_monday()))
        - Duration::days(14);
    let day = |offset: i64| monday + Duration::days(offset);

    // (trainer, client index, first day offset from two Mondays ago, weekdays, hour, minutes)
    let plan: [(&str, usize, i64, &[u8], u32, i64); 9] = [
        (&me.id, 0, 0, &[1, 3], 7, 60),
        (&me.id, 1, 1, &[2], 9, 60),
        (&me.id, 2, 0, &[1, 4], 10, 60),
        (&me.id, 3, 2, &[3], 12, 45),
        (&me.id, 4, 1, &[2, 5], 16, 60),
        (&me.id, 6, 3, &[4], 18, 60),
        (&sam.id, 7, 0, &[1], 8, 60),
        (&sam.id, 8, 2, &[3, 5], 17, 60),
        (&sam.id, 9, 1, &[2], 19, 60),
    ];
    let mut made = Vec::new();
    for (trainer, client, offset, days, hour, minutes) in plan {
        let first = day(offset).and_hms_opt(hour, 0, 0).unwrap_or_default();
        let input = SessionInput {
            trainer_id: trainer.to_owned(),
            client_ids: vec![id(client)],
            kind: SessionKind::Personal,
            time_zone: zone.clone(),
            start: crate::schedule::zoned::fmt_local(first),
            end: crate::schedule::zoned::fmt_local(first + Duration::minutes(minutes)),
            recurrence: Some(Recurrence {
                weekdays: days.to_vec(),
                interval_weeks: 1,
                until: None,
                count: Some(10 * days.len() as u32),
            }),
            override_conflicts: true,
            ..Default::default()
        };
        if let SaveOutcome::Saved { sessions, .. } = sessions::create(db, &input).await? {
            made.extend(sessions);
        }
    }
    // A small-group class twice a week in Studio 1.
    let class_start = day(1).and_hms_opt(12, 30, 0).unwrap_or_default();
    let class = SessionInput {
        trainer_id: me.id.clone(),
        client_ids: (10..15).map(id).collect(),
        room_id: Some(studio.id.clone()),
        kind: SessionKind::SmallGroup,
        title: "Lunchtime mobility".into(),
        capacity: Some(8),
        time_zone: zone.clone(),
        start: crate::schedule::zoned::fmt_local(class_start),
        end: crate::schedule::zoned::fmt_local(class_start + Duration::minutes(45)),
        recurrence: Some(Recurrence {
            weekdays: vec![2, 4],
            interval_weeks: 1,
            until: None,
            count: Some(16),
        }),
        override_conflicts: true,
        ..Default::default()
    };
    if let SaveOutcome::Saved { sessions, .. } = sessions::create(db, &class).await? {
        made.extend(sessions);
    }
    // History: everything that has ended is completed, except one no-show.
    let now = Utc::now();
    let mut past: Vec<&crate::schedule::Session> = made
        .iter()
        .filter(|s| crate::schedule::zoned::parse_utc("end", &s.end).is_ok_and(|e| e < now))
        .collect();
    past.sort_by(|a, b| a.start.cmp(&b.start));
    for (i, s) in past.iter().enumerate() {
        let status = if i == 3 {
            SessionStatus::NoShow
        } else {
            SessionStatus::Completed
        };
        sessions::set_status(db, &s.id, status, false).await?;
    }
    Ok((2, made.len() as u64))
}

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

async fn ensure_empty(db: &Database) -> Result<()> {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(db.pool())
        .await?;
    if n > 0 {
        return Err(AppError::new(
            ErrorCode::Validation,
            format!("this database already has {n} clients; seed into a fresh data directory (--data-dir) so demo data never mixes with real data"),
        ));
    }
    Ok(())
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
