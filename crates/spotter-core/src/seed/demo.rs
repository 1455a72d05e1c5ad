//! The demo data set's clients (a fixed cast, so screenshots repeat) and their records:
//! PAR-Q+ answers, measurements and notes. `seed_demo` adds everything the demo has.

use super::demo_schedule::seed_demo_schedule;
use super::{ensure_empty, SeedReport};
use crate::clients::{insert_validated, validate, ClientInput};
use spotter_store::ids::new_id;
use spotter_store::time::{now_utc, today_utc};
use spotter_store::{AppError, Database, Result};

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
