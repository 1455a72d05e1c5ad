//! Sessions, series, conflicts, free slots and the dashboard against real SQLite files.
//!
//! One test binary, one module a feature; the studio every test starts from is below, the
//! set-up other test files share too is in `tests/support`.

#[path = "../support/mod.rs"]
mod support;

mod calendar_rows;
mod conflict_kinds;
mod dashboard_and_reminders;
mod free_slots;
mod one_session;
mod recurring_series;

use spotter_core::schedule::{
    sessions, trainers, CalendarQuery, Recurrence, SaveOutcome, Session, SessionInput, SessionKind,
    Trainer, TrainerInput, WorkingHours,
};
use spotter_store::Database;
use support::fresh;

struct Studio {
    _dir: tempfile::TempDir,
    db: Database,
    anna: Trainer,
    client: String,
    other_client: String,
}

fn hours(start: &str, end: &str) -> Vec<WorkingHours> {
    (1..=7)
        .map(|d| WorkingHours {
            weekday: d,
            start: start.into(),
            end: end.into(),
        })
        .collect()
}

async fn studio(zone: &str) -> Studio {
    let (dir, db) = fresh().await;
    let anna = trainers::create(
        &db,
        &TrainerInput {
            name: "Anna Coach".into(),
            time_zone: zone.into(),
            working_hours: hours("07:00", "21:00"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let client = support::client(&db, "Greta Weiß").await;
    let other_client = support::client(&db, "José Núñez").await;
    Studio {
        _dir: dir,
        db,
        anna,
        client,
        other_client,
    }
}

fn input(s: &Studio, start: &str, end: &str) -> SessionInput {
    SessionInput {
        trainer_id: s.anna.id.clone(),
        client_ids: vec![s.client.clone()],
        kind: SessionKind::Personal,
        time_zone: s.anna.time_zone.clone(),
        start: start.into(),
        end: end.into(),
        ..Default::default()
    }
}

fn saved(outcome: SaveOutcome) -> Vec<Session> {
    match outcome {
        SaveOutcome::Saved { sessions, .. } => sessions,
        SaveOutcome::Conflicts { conflicts } => panic!("unexpected conflicts: {conflicts:#?}"),
    }
}

fn conflicts(outcome: SaveOutcome) -> Vec<spotter_core::schedule::Conflict> {
    match outcome {
        SaveOutcome::Conflicts { conflicts } => conflicts,
        SaveOutcome::Saved { .. } => panic!("expected conflicts, it saved"),
    }
}

fn weekly(days: &[u8], count: u32) -> Option<Recurrence> {
    Some(Recurrence {
        weekdays: days.to_vec(),
        interval_weeks: 1,
        until: None,
        count: Some(count),
    })
}

async fn series_sessions(db: &Database, series_id: &str) -> Vec<Session> {
    let all = sessions::range(
        db,
        &CalendarQuery {
            from: "2020-01-01T00:00:00Z".into(),
            to: "2020-12-31T00:00:00Z".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(all.is_empty());
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE series_id = ? AND deleted_at IS NULL ORDER BY start_utc",
    )
    .bind(series_id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    sessions::get_many(db, &ids).await.unwrap()
}
