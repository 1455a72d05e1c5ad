//! Ctrl+K's search beyond clients: exercises, plans and templates, and sessions by client
//! name and date, each bounded, on a real SQLite file with the shipped library.

use chrono::{Duration, Utc};
use spotter_core::clients::{self, ClientInput};
use spotter_core::quick_find::{self, EXERCISE_LIMIT, SESSION_LIMIT};
use spotter_core::schedule::{
    sessions, trainers, SaveOutcome, SessionInput, SessionKind, TrainerInput,
};
use spotter_core::training::exercises;
use spotter_core::training::plan::{PlanBody, PlanDay, PlanWeek, ProgressionRule};
use spotter_core::training::plans::{self, Author, AuthorKind, NewPlan, PlanAssignment};
use spotter_store::paths::DataDir;
use spotter_store::Database;

async fn session(
    db: &Database,
    trainer: &str,
    client: &str,
    start: chrono::NaiveDateTime,
) -> String {
    let input = SessionInput {
        trainer_id: trainer.into(),
        client_ids: vec![client.into()],
        kind: SessionKind::Personal,
        time_zone: "Europe/Berlin".into(),
        start: start.format("%Y-%m-%dT%H:%M").to_string(),
        end: (start + Duration::hours(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        override_conflicts: true,
        ..Default::default()
    };
    match sessions::create(db, &input).await.unwrap() {
        SaveOutcome::Saved { sessions, .. } => sessions[0].id.clone(),
        SaveOutcome::Conflicts { conflicts } => panic!("{conflicts:?}"),
    }
}

async fn new_plan(db: &Database, name: &str, template: bool) -> String {
    let body = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![PlanDay {
                name: "A".into(),
                day_offset: 0,
                items: vec![],
            }],
        }],
        rule: ProgressionRule::default(),
        notes: String::new(),
    };
    let author = Author {
        kind: AuthorKind::Trainer,
        name: "Alex".into(),
    };
    plans::create(
        db,
        &NewPlan {
            name: name.into(),
            is_template: template,
            body,
        },
        &author,
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn finds_exercises_plans_and_sessions_by_client_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    exercises::ensure_library(&db).await.unwrap();
    let trainer = trainers::create(
        &db,
        &TrainerInput {
            name: "Alex Coach".into(),
            time_zone: "Europe/Berlin".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let anna = clients::create(
        &db,
        &ClientInput {
            name: "Anna Schmidt".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let ben = clients::create(
        &db,
        &ClientInput {
            name: "Ben Okafor".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;

    // Exercises: every word, names starting with the first word first, at most the limit.
    let found = quick_find::find(&db, "squat").await.unwrap();
    assert_eq!(found.exercises.len(), EXERCISE_LIMIT as usize);
    assert!(found
        .exercises
        .iter()
        .all(|e| e.name.to_lowercase().contains("squat")));
    let found = quick_find::find(&db, "back squat barbell").await.unwrap();
    assert_eq!(found.exercises[0].name, "Barbell Back Squat");

    // Plans and templates, by their name or their client's.
    let template = new_plan(&db, "Hypertrophy 4-day", true).await;
    let plan = new_plan(&db, "Spring block", false).await;
    plans::assign(
        &db,
        &plan,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "2026-03-02".into(),
        },
    )
    .await
    .unwrap();
    let found = quick_find::find(&db, "hypertro").await.unwrap();
    assert_eq!(
        found
            .plans
            .iter()
            .map(|p| (&p.id, p.is_template))
            .collect::<Vec<_>>(),
        [(&template, true)]
    );
    let found = quick_find::find(&db, "anna").await.unwrap();
    assert_eq!(found.plans.len(), 1);
    assert_eq!(
        (
            found.plans[0].id.as_str(),
            found.plans[0].client_name.as_deref()
        ),
        (plan.as_str(), Some("Anna Schmidt"))
    );

    // Sessions: Anna tomorrow and in three days, Ben tomorrow, all at 10:00 Berlin time.
    let today = Utc::now().date_naive();
    let at = |days: i64| {
        (today + Duration::days(days))
            .and_hms_opt(10, 0, 0)
            .unwrap()
    };
    let anna_tomorrow = session(&db, &trainer, &anna, at(1)).await;
    let anna_later = session(&db, &trainer, &anna, at(3)).await;
    let ben_tomorrow = session(&db, &trainer, &ben, at(1)).await;

    let ids = |r: &quick_find::QuickFindResults| {
        r.sessions.iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    };
    let tomorrow_iso = (today + Duration::days(1)).format("%Y-%m-%d").to_string();
    let found = quick_find::find(&db, &format!("anna {tomorrow_iso}"))
        .await
        .unwrap();
    assert_eq!(ids(&found), [anna_tomorrow.clone()]);
    assert_eq!(found.sessions[0].label, "Anna Schmidt");
    assert_eq!(
        found.sessions[0].start_local,
        format!("{tomorrow_iso}T10:00")
    );
    // A name alone: the next sessions, soonest first.
    assert_eq!(
        ids(&quick_find::find(&db, "anna").await.unwrap()),
        [anna_tomorrow.clone(), anna_later]
    );
    // A date alone: that day's sessions.
    let mut day = ids(&quick_find::find(&db, &tomorrow_iso).await.unwrap());
    day.sort();
    let mut want = vec![anna_tomorrow, ben_tomorrow];
    want.sort();
    assert_eq!(day, want);
    // Bounded however many match.
    for d in 4..20 {
        session(&db, &trainer, &ben, at(d)).await;
    }
    assert_eq!(
        quick_find::find(&db, "ben").await.unwrap().sessions.len(),
        SESSION_LIMIT as usize
    );
    // Nothing to find, nothing found; FTS syntax is only text.
    assert_eq!(
        quick_find::find(&db, "   ").await.unwrap(),
        Default::default()
    );
    let odd = quick_find::find(&db, "\"anna\" OR * NEAR(").await.unwrap();
    assert!(odd.exercises.is_empty());
}
