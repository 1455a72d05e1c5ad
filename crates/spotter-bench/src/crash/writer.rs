//! The process that is killed: it loops writes through the core (client creates and edits,
//! bookings of single sessions and weekly series, workout log saves and edits, plan
//! creates and version saves) and writes one line before each call (`begin`) and one after
//! it returned (`ack`), each flushed at once, so the driver knows which writes returned
//! and which one was in flight when the kill came. Lines are tab-separated:
//!
//!   begin <seq> <kind> <fields…>      ack <seq> <kind> <fields…>

use std::io::Write;

use serde_json::json;
use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{sessions, trainers, SaveOutcome, SessionInput, SessionKind};
use spotter_core::training::exercises;
use spotter_core::training::logs::{self, WorkoutLogInput};
use spotter_core::training::plans::{self, Author, AuthorKind, NewPlan, PlanSave};
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database, Result};

use super::Rng;

/// What every writer needs before the first kill: the local trainer, the exercise library,
/// and studio capture switched on, so every write also appends to `sync_outbox` (one more
/// derived table the checks compare).
pub async fn prepare(db: &Database) -> Result<()> {
    trainers::me(db).await?;
    exercises::ensure_library(db).await?;
    sqlx::query("UPDATE sync_state SET capture = 1")
        .execute(db.pool())
        .await?;
    Ok(())
}

struct State {
    trainer: String,
    exercises: Vec<String>,
    clients: Vec<String>,
    /// (log id, client id)
    logs: Vec<(String, String)>,
    plans: Vec<String>,
}

async fn load(db: &Database) -> Result<State> {
    let ids = |sql: &'static str| async move {
        sqlx::query_scalar::<_, String>(sql)
            .fetch_all(db.pool())
            .await
            .map_err(AppError::from)
    };
    let exercises = ids("SELECT id FROM exercises WHERE library_key IS NOT NULL AND deleted_at IS NULL ORDER BY library_key LIMIT 6").await?;
    if exercises.is_empty() {
        return Err(AppError::internal(
            "the exercise library is empty: prepare() first",
        ));
    }
    let logs: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, client_id FROM workout_logs WHERE deleted_at IS NULL ORDER BY local_key",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(State {
        trainer: trainers::me(db).await?.id,
        exercises,
        clients: ids("SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY local_key").await?,
        logs,
        plans: ids(
            "SELECT id FROM plans WHERE deleted_at IS NULL AND is_template = 0 ORDER BY local_key",
        )
        .await?,
    })
}

/// Writes one protocol line and flushes it: a single write(2) of a short line to a pipe,
/// so the driver sees whole lines or none.
fn say(words: &[&str]) {
    let line = format!("{}\n", words.join("\t"));
    let mut out = std::io::stdout().lock();
    // The driver reads every line; a broken pipe means it is gone and so should we be.
    if out
        .write_all(line.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(4);
    }
}

/// A day `offset` days from today (YYYY-MM-DD): workouts lie in the past (a future one is
/// refused), bookings in the future.
fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

fn sets(rng: &mut Rng, exercises: &[String]) -> Vec<serde_json::Value> {
    let n = 1 + rng.below(6);
    (0..n)
        .map(|_| {
            json!({
                "exerciseId": exercises[rng.below(exercises.len() as u64) as usize],
                "reps": 1 + rng.below(12),
                "loadKg": 20.0 + 2.5 * rng.below(40) as f64,
            })
        })
        .collect()
}

fn plan_body(
    rng: &mut Rng,
    exercises: &[String],
) -> Result<spotter_core::training::plan::PlanBody> {
    let items: Vec<serde_json::Value> = (0..1 + rng.below(3))
        .map(|_| {
            let reps = 3 + rng.below(8);
            json!({
                "exerciseId": exercises[rng.below(exercises.len() as u64) as usize],
                "exerciseName": "",
                "sets": 1 + rng.below(5),
                "repsMin": reps,
                "repsMax": reps + rng.below(4),
                "load": {"kind": "kg", "value": 20.0 + 2.5 * rng.below(40) as f64},
            })
        })
        .collect();
    // Built from JSON, as the UI sends it: fields added to a prescription later take their defaults.
    serde_json::from_value(json!({
        "weeks": [{"days": [{"name": "Day A", "dayOffset": 0, "items": items}]}],
    }))
    .map_err(|e| AppError::internal(format!("plan body: {e}")))
}

fn log_input(
    rng: &mut Rng,
    st: &State,
    client: &str,
    on: String,
    notes: &str,
) -> Result<(WorkoutLogInput, usize)> {
    let sets = sets(rng, &st.exercises);
    let n = sets.len();
    let input = serde_json::from_value(json!({
        "clientId": client,
        "performedOn": on,
        "notes": notes,
        "sets": sets,
    }))
    .map_err(|e| AppError::internal(format!("log input: {e}")))?;
    Ok((input, n))
}

/// Loops writes until killed. `first_seq` numbers this writer's writes (unique per run).
pub async fn run(data_dir: &DataDir, seed: u64, first_seq: u64) -> Result<()> {
    let db = Database::open(data_dir).await?;
    let mut st = load(&db).await?;
    let mut rng = Rng::new(seed);
    let author = Author {
        kind: AuthorKind::Trainer,
        name: "Crash Writer".into(),
    };
    for seq in first_seq.. {
        let s = seq.to_string();
        let roll = rng.below(100);
        if st.clients.is_empty() || roll < 20 {
            let name = format!("Crash Client {seq}");
            say(&["begin", &s, "client_create", &name]);
            let c = clients::create(
                &db,
                &ClientInput {
                    name,
                    notes: format!("created {seq}"),
                    tags: vec!["crash".into()],
                    ..Default::default()
                },
            )
            .await?;
            say(&["ack", &s, "client_create", &c.id]);
            st.clients.push(c.id);
        } else if roll < 38 {
            let id = st.clients[rng.below(st.clients.len() as u64) as usize].clone();
            let name = format!("Renamed Client {seq}");
            let notes = format!("edit {seq}");
            say(&["begin", &s, "client_edit", &id, &name, &notes]);
            let current = clients::get(&db, &id).await?;
            let input = ClientInput {
                name,
                notes,
                tags: current.tags.clone(),
                ..Default::default()
            };
            clients::update(&db, &id, &input).await?;
            say(&["ack", &s, "client_edit", &id]);
        } else if roll < 58 {
            let title = format!("crash {seq}");
            let first = st.clients[rng.below(st.clients.len() as u64) as usize].clone();
            let second = st.clients[rng.below(st.clients.len() as u64) as usize].clone();
            let group = first != second && rng.below(3) == 0;
            let client_ids = if group {
                vec![first, second]
            } else {
                vec![first]
            };
            // One booking in four is a weekly series: all its sessions in one transaction.
            let count = if rng.below(4) == 0 {
                2 + rng.below(7)
            } else {
                1
            };
            let date = day(30 + (seq % 700) as i64);
            let hour = 6 + rng.below(13);
            say(&[
                "begin",
                &s,
                "book",
                &title,
                &count.to_string(),
                &client_ids.join(","),
            ]);
            let outcome = sessions::create(
                &db,
                &SessionInput {
                    trainer_id: st.trainer.clone(),
                    client_ids,
                    kind: if group {
                        SessionKind::SmallGroup
                    } else {
                        SessionKind::Personal
                    },
                    capacity: group.then_some(4),
                    title,
                    time_zone: "Europe/Berlin".into(),
                    start: format!("{date}T{hour:02}:00"),
                    end: format!("{date}T{hour:02}:45"),
                    recurrence: (count > 1).then(|| spotter_core::schedule::Recurrence {
                        weekdays: Vec::new(),
                        interval_weeks: 1,
                        until: None,
                        count: Some(count as u32),
                    }),
                    override_conflicts: true,
                    ..Default::default()
                },
            )
            .await?;
            let SaveOutcome::Saved {
                sessions: saved, ..
            } = outcome
            else {
                return Err(AppError::internal(
                    "a booking with override_conflicts was not saved",
                ));
            };
            say(&["ack", &s, "book", &saved.len().to_string()]);
        } else if roll < 73 || (roll < 83 && st.logs.is_empty()) {
            let client = st.clients[rng.below(st.clients.len() as u64) as usize].clone();
            let notes = format!("log {seq}");
            let (input, n) =
                log_input(&mut rng, &st, &client, day(-1 - (seq % 600) as i64), &notes)?;
            say(&["begin", &s, "log_create", &client, &notes, &n.to_string()]);
            let saved = logs::create(&db, &input).await?;
            say(&["ack", &s, "log_create", &saved.log.id]);
            st.logs.push((saved.log.id, client));
        } else if roll < 83 {
            let (id, client) = st.logs[rng.below(st.logs.len() as u64) as usize].clone();
            let notes = format!("log edit {seq}");
            // A new date too: the sets' day statistics move from one day to another.
            let on = day(-1 - rng.below(600) as i64);
            let (input, n) = log_input(&mut rng, &st, &client, on, &notes)?;
            say(&["begin", &s, "log_edit", &id, &notes, &n.to_string()]);
            logs::update(&db, &id, &input).await?;
            say(&["ack", &s, "log_edit", &id]);
        } else if roll < 88 || st.plans.is_empty() {
            let name = format!("Crash plan {seq}");
            let body = plan_body(&mut rng, &st.exercises)?;
            say(&["begin", &s, "plan_create", &name]);
            let plan = plans::create(
                &db,
                &NewPlan {
                    name,
                    is_template: false,
                    body,
                },
                &author,
            )
            .await?;
            say(&["ack", &s, "plan_create", &plan.id]);
            st.plans.push(plan.id);
        } else {
            let id = st.plans[rng.below(st.plans.len() as u64) as usize].clone();
            let base = plans::get(&db, &id).await?.version;
            let name = format!("Crash plan saved {seq}");
            let body = plan_body(&mut rng, &st.exercises)?;
            say(&["begin", &s, "plan_save", &id, &name, &base.to_string()]);
            let saved = plans::save(
                &db,
                &id,
                &PlanSave {
                    name,
                    body,
                    base_version: base,
                },
                &author,
            )
            .await?;
            say(&["ack", &s, "plan_save", &saved.version.to_string()]);
        }
    }
    Ok(())
}
