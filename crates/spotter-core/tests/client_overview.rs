//! The client list's computed columns (last and next session, current plan, adherence), its
//! sorting and paging, and a client's workout logs a page at a time, on real SQLite files.

use chrono::{Duration, Utc};
use spotter_core::clients::overview::{self, ClientOverviewQuery, ClientSort, SortDirection};
use spotter_core::clients::{self, ClientInput, ClientStatusFilter};
use spotter_core::schedule::{
    sessions, trainers, SaveOutcome, SessionInput, SessionKind, SessionStatus, TrainerInput,
};
use spotter_core::training::exercises::{self, ExerciseInput};
use spotter_core::training::log_pages;
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::{PlanBody, PlanDay, PlanWeek, Prescription, ProgressionRule};
use spotter_core::training::plans::{self, Author, AuthorKind, NewPlan, PlanAssignment};
use spotter_store::paths::DataDir;
use spotter_store::Database;

struct World {
    _dir: tempfile::TempDir,
    db: Database,
    trainer: String,
    exercise: String,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let trainer = trainers::create(
        &db,
        &TrainerInput {
            name: "Alex Coach".into(),
            time_zone: "UTC".into(),
            working_hours: (1..=7)
                .map(|d| spotter_core::schedule::WorkingHours {
                    weekday: d,
                    start: "00:00".into(),
                    end: "24:00".into(),
                })
                .collect(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let exercise = exercises::create(
        &db,
        &ExerciseInput {
            name: "Overview Squat".into(),
            primary_muscles: vec!["quadriceps".into()],
            equipment: vec!["barbell".into()],
            pattern: "squat".into(),
            difficulty: "intermediate".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    World {
        _dir: dir,
        db,
        trainer,
        exercise,
    }
}

async fn client(w: &World, name: &str) -> String {
    clients::create(
        &w.db,
        &ClientInput {
            name: name.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

/// A one-hour session `hours` from now (negative: in the past); returns its id.
async fn session(w: &World, client: &str, hours: i64) -> String {
    let start = (Utc::now() + Duration::hours(hours)).naive_utc();
    let end = start + Duration::hours(1);
    let input = SessionInput {
        trainer_id: w.trainer.clone(),
        client_ids: vec![client.into()],
        kind: SessionKind::Personal,
        time_zone: "UTC".into(),
        start: start.format("%Y-%m-%dT%H:%M").to_string(),
        end: end.format("%Y-%m-%dT%H:%M").to_string(),
        override_conflicts: true,
        ..Default::default()
    };
    match sessions::create(&w.db, &input).await.unwrap() {
        SaveOutcome::Saved { sessions, .. } => sessions[0].id.clone(),
        SaveOutcome::Conflicts { conflicts } => panic!("{conflicts:?}"),
    }
}

fn day(offset_days: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset_days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A plan of `weeks` weeks, one day a week with one prescription of 3 sets, assigned from `start`.
async fn plan(w: &World, client: &str, name: &str, weeks: usize, start: &str) -> String {
    let mut item: Prescription = serde_json::from_value(serde_json::json!({
        "exerciseId": w.exercise, "exerciseName": "", "sets": 3, "repsMin": 5, "repsMax": 5, "load": {"kind": "none"}
    }))
    .unwrap();
    item.exercise_id = w.exercise.clone();
    let body = PlanBody {
        weeks: (0..weeks)
            .map(|_| PlanWeek {
                deload: false,
                days: vec![PlanDay {
                    name: "A".into(),
                    day_offset: 0,
                    items: vec![item.clone()],
                }],
            })
            .collect(),
        rule: ProgressionRule::default(),
        notes: String::new(),
    };
    let author = Author {
        kind: AuthorKind::Trainer,
        name: "Alex Coach".into(),
    };
    let p = plans::create(
        &w.db,
        &NewPlan {
            name: name.into(),
            is_template: false,
            body,
        },
        &author,
    )
    .await
    .unwrap();
    plans::assign(
        &w.db,
        &p.id,
        &PlanAssignment {
            client_id: client.into(),
            start_date: start.into(),
        },
    )
    .await
    .unwrap()
    .id
}

async fn log(w: &World, client: &str, on: &str, plan: Option<(&str, u32)>, sets: u32) -> String {
    logs::create(
        &w.db,
        &WorkoutLogInput {
            client_id: client.into(),
            performed_on: on.into(),
            plan_id: plan.map(|p| p.0.to_owned()),
            week: plan.map(|p| p.1),
            day_index: plan.map(|_| 0),
            session_id: None,
            notes: String::new(),
            sets: (0..sets)
                .map(|_| WorkoutSetInput {
                    exercise_id: w.exercise.clone(),
                    item_index: plan.map(|_| 0),
                    reps: 5,
                    measure: Default::default(),
                    load_kg: 60.0,
                    rpe: None,
                })
                .collect(),
        },
    )
    .await
    .unwrap()
    .log
    .id
}

fn query(sort: ClientSort, direction: SortDirection) -> ClientOverviewQuery {
    ClientOverviewQuery {
        status: ClientStatusFilter::Active,
        sort,
        direction,
        ..Default::default()
    }
}

async fn names(db: &Database, q: &ClientOverviewQuery) -> Vec<String> {
    overview::list(db, q)
        .await
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.client.name)
        .collect()
}

#[tokio::test]
async fn the_list_computes_sessions_plan_and_adherence_and_sorts_by_each() {
    let w = world().await;
    let anna = client(&w, "Anna Schmidt").await;
    let ben = client(&w, "Ben Okafor").await;
    client(&w, "Cara Diaz").await;

    // Anna: a completed session three days ago, the next one in two days.
    let past = session(&w, &anna, -72).await;
    sessions::set_status(&w.db, &past, SessionStatus::Completed, false)
        .await
        .unwrap();
    let anna_next = session(&w, &anna, 48).await;
    // Ben: the next in one day; yesterday's was cancelled, so he has no last session.
    let ben_next = session(&w, &ben, 24).await;
    let cancelled = session(&w, &ben, -24).await;
    sessions::set_status(&w.db, &cancelled, SessionStatus::Cancelled, false)
        .await
        .unwrap();

    // Anna's plan began a week ago: weeks 1 and 2 (from today) have begun, 3 sets each; she
    // logged 2 sets of week 1 and 5 (more than prescribed, counted as 3) of an older log of the
    // same week: 3 of 6 prescribed sets.
    let anna_plan = plan(&w, &anna, "Strength block", 4, &day(-7)).await;
    log(&w, &anna, &day(-7), Some((&anna_plan, 1)), 2).await;
    log(&w, &anna, &day(-6), Some((&anna_plan, 1)), 3).await;
    // Ben: a block that ended long ago, and one that starts next week. The one that ran is
    // current; none of its weeks began in the last four weeks.
    let old = plan(&w, &ben, "Old block", 1, &day(-100)).await;
    plan(&w, &ben, "Next block", 4, &day(7)).await;

    let page = overview::list(&w.db, &query(ClientSort::Name, SortDirection::Asc))
        .await
        .unwrap();
    assert_eq!(page.total, 3);
    let [a, b, c] = page.clients.as_slice() else {
        panic!("{page:?}")
    };
    assert_eq!(a.client.id, anna);
    let anna_next_start = sessions::get(&w.db, &anna_next).await.unwrap().start;
    let anna_last_start = sessions::get(&w.db, &past).await.unwrap().start;
    assert_eq!(
        (a.last_session.as_deref(), a.next_session.as_deref()),
        (
            Some(anna_last_start.as_str()),
            Some(anna_next_start.as_str())
        )
    );
    assert_eq!(
        (a.current_plan_id.as_deref(), a.current_plan_name.as_deref()),
        (Some(anna_plan.as_str()), Some("Strength block"))
    );
    let adherence = a.adherence.expect("Anna has adherence");
    assert!((adherence - 0.5).abs() < 1e-9, "{adherence}");

    let ben_next_start = sessions::get(&w.db, &ben_next).await.unwrap().start;
    assert_eq!(b.last_session, None);
    assert_eq!(b.next_session.as_deref(), Some(ben_next_start.as_str()));
    assert_eq!(b.current_plan_id.as_deref(), Some(old.as_str()));
    assert_eq!(b.adherence, None);
    assert_eq!(
        (
            &c.last_session,
            &c.next_session,
            &c.current_plan_id,
            c.adherence
        ),
        (&None, &None, &None, None)
    );

    use ClientSort::*;
    use SortDirection::*;
    let db = &w.db;
    assert_eq!(
        names(db, &query(Name, Desc)).await,
        ["Cara Diaz", "Ben Okafor", "Anna Schmidt"]
    );
    // Clients without a value come last in both directions.
    assert_eq!(
        names(db, &query(NextSession, Asc)).await,
        ["Ben Okafor", "Anna Schmidt", "Cara Diaz"]
    );
    assert_eq!(
        names(db, &query(NextSession, Desc)).await,
        ["Anna Schmidt", "Ben Okafor", "Cara Diaz"]
    );
    assert_eq!(
        names(db, &query(LastSession, Desc)).await,
        ["Anna Schmidt", "Ben Okafor", "Cara Diaz"]
    );
    assert_eq!(
        names(db, &query(Adherence, Asc)).await,
        ["Anna Schmidt", "Ben Okafor", "Cara Diaz"]
    );
}

#[tokio::test]
async fn the_list_pages_without_overlap_and_searches_with_the_same_sort() {
    let w = world().await;
    for name in ["Eve", "Dan", "Cleo", "Bo", "Ada"] {
        client(&w, name).await;
    }
    for sort in [ClientSort::Name, ClientSort::NextSession] {
        let mut seen = Vec::new();
        for offset in [0, 2, 4] {
            let page = overview::list(
                &w.db,
                &ClientOverviewQuery {
                    offset,
                    limit: Some(2),
                    ..query(sort, SortDirection::Asc)
                },
            )
            .await
            .unwrap();
            assert_eq!(page.total, 5);
            seen.extend(page.clients.into_iter().map(|c| c.client.name));
        }
        assert_eq!(seen, ["Ada", "Bo", "Cleo", "Dan", "Eve"], "{sort:?}");
    }
    let found = overview::list(
        &w.db,
        &ClientOverviewQuery {
            search: Some("cle".into()),
            ..query(ClientSort::Name, SortDirection::Asc)
        },
    )
    .await
    .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.clients[0].client.name, "Cleo");
}

#[tokio::test]
async fn a_clients_logs_come_a_page_at_a_time_newest_first() {
    let w = world().await;
    let anna = client(&w, "Anna Schmidt").await;
    let mut ids = Vec::new();
    for d in 0..7 {
        ids.push(log(&w, &anna, &day(-d), None, 1).await);
    }
    let mut seen = Vec::new();
    for offset in [0, 3, 6] {
        let page = log_pages::page(&w.db, &anna, offset, 3).await.unwrap();
        assert_eq!(page.total, 7);
        assert!(page.logs.len() <= 3);
        seen.extend(page.logs.into_iter().map(|l| l.id));
    }
    assert_eq!(seen, ids, "newest (today) first, each log once");
    assert!(log_pages::page(&w.db, &anna, 7, 3)
        .await
        .unwrap()
        .logs
        .is_empty());
    assert_eq!(
        log_pages::page(&w.db, "nope", 0, 3)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("clientId")
    );
}
