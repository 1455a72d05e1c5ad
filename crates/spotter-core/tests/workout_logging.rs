//! Logging a booked session: its existing log is found again, and the logger learns what
//! the client did last time and which exercises are bodyweight.

use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{sessions, trainers, SaveOutcome, SessionInput, TrainerInput};
use spotter_core::training::exercises::{self, ExerciseInput};
use spotter_core::training::last_time::{last_time, LastSet};
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_store::paths::DataDir;
use spotter_store::Database;

async fn exercise(db: &Database, name: &str, equipment: &str) -> String {
    exercises::create(
        db,
        &ExerciseInput {
            name: name.into(),
            primary_muscles: vec!["quadriceps".into()],
            equipment: vec![equipment.into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

fn set(exercise: &str, reps: u32, load_kg: f64) -> WorkoutSetInput {
    WorkoutSetInput {
        exercise_id: exercise.into(),
        item_index: None,
        measure: Default::default(),
        reps,
        load_kg,
        rpe: None,
    }
}

#[tokio::test]
async fn a_sessions_log_is_found_and_last_time_is_told_per_exercise() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let client = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let anna = trainers::create(
        &db,
        &TrainerInput {
            name: "Anna Coach".into(),
            time_zone: "Europe/Berlin".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let booked = |start: &str, end: &str| SessionInput {
        trainer_id: anna.id.clone(),
        client_ids: vec![client.clone()],
        time_zone: "Europe/Berlin".into(),
        start: start.into(),
        end: end.into(),
        override_conflicts: true,
        ..Default::default()
    };
    let SaveOutcome::Saved { sessions: s, .. } =
        sessions::create(&db, &booked("2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap()
    else {
        panic!("not saved")
    };
    let session = s[0].id.clone();
    let squat = exercise(&db, "Back Squat", "barbell").await;
    let push_up = exercise(&db, "Push-Up", "bodyweight").await;

    assert_eq!(
        logs::for_session(&db, &client, &session).await.unwrap(),
        None
    );
    let log = |on: &str, session: Option<&str>, sets: Vec<WorkoutSetInput>| WorkoutLogInput {
        client_id: client.clone(),
        performed_on: on.into(),
        plan_id: None,
        week: None,
        day_index: None,
        session_id: session.map(str::to_owned),
        notes: String::new(),
        sets,
    };
    let earlier = logs::create(
        &db,
        &log(
            "2026-11-17",
            None,
            vec![
                set(&squat, 5, 95.0),
                set(&squat, 5, 97.5),
                set(&push_up, 12, 0.0),
            ],
        ),
    )
    .await
    .unwrap()
    .log
    .id;
    let logged = logs::create(
        &db,
        &log("2026-11-24", Some(&session), vec![set(&squat, 5, 100.0)]),
    )
    .await
    .unwrap()
    .log
    .id;

    // "Log workout" on the session finds this log, not a new blank one.
    assert_eq!(
        logs::for_session(&db, &client, &session).await.unwrap(),
        Some(logged.clone())
    );

    // Last time, for a new log on the 26th: the 24th for the squat, the 17th for push-ups.
    let ids = vec![squat.clone(), push_up.clone(), squat.clone()];
    let last = last_time(&db, &client, &ids, "2026-11-26", None)
        .await
        .unwrap();
    assert_eq!(last.len(), 2, "each exercise once");
    assert_eq!(
        (last[0].performed_on.as_deref(), last[0].bodyweight),
        (Some("2026-11-24"), false)
    );
    assert_eq!(
        last[0].sets,
        [LastSet {
            reps: 5,
            load_kg: 100.0
        }]
    );
    assert_eq!(
        (last[1].performed_on.as_deref(), last[1].bodyweight),
        (Some("2026-11-17"), true)
    );
    // Editing the log of the 24th: its own sets are not "last time".
    let last = last_time(&db, &client, &[squat.clone()], "2026-11-24", Some(&logged))
        .await
        .unwrap();
    assert_eq!(last[0].performed_on.as_deref(), Some("2026-11-17"));
    assert_eq!(last[0].sets.len(), 2);
    // Nothing before the first workout.
    let last = last_time(&db, &client, &[squat.clone()], "2026-11-10", None)
        .await
        .unwrap();
    assert_eq!(
        (last[0].performed_on.as_deref(), last[0].sets.len()),
        (None, 0)
    );

    let err = last_time(&db, &client, &["nope".into()], "2026-11-26", None)
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("exercises.0"));
    let err = last_time(&db, &client, &[squat], "26.11.2026", Some(&earlier))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("before"));
}
