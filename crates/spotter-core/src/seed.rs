//! Demo and benchmark data. Deterministic, so screenshots and benchmarks repeat.

use crate::clients::{insert_validated, validate, ClientInput};
use crate::ids::new_id;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, ErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedReport {
    pub clients: u64,
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
        };
        let valid = validate(&input, today).map_err(|e| {
            AppError::internal(format!("demo client {} is invalid: {}", d.name, e.message))
        })?;
        insert_validated(&mut *tx, &new_id(), &valid, &now).await?;
    }
    tx.commit().await?;
    Ok(SeedReport {
        clients: DEMO.len() as u64,
    })
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

/// Adds `count` synthetic clients for benchmarks, in one transaction.
pub async fn seed_bench(db: &Database, count: u64) -> Result<SeedReport> {
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
        };
        let valid = validate(&input, today)
            .map_err(|e| AppError::internal(format!("bench client invalid: {}", e.message)))?;
        insert_validated(&mut *tx, &new_id(), &valid, &now).await?;
    }
    tx.commit().await?;
    Ok(SeedReport { clients: count })
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
