//! Workout logs: 1RM estimates, prefill from the plan, records, adherence, and bad logs
//! refused at their field.

use crate::support::{client, fresh};
use crate::{exercise, one_week, rx, trainer};
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::Progression;
use spotter_core::training::plans::{self, NewPlan, PlanAssignment};
use spotter_core::training::records::{brzycki, epley, RecordKind};
use spotter_core::training::{progress, progression};

#[test]
fn one_rep_max_estimates() {
    assert_eq!(epley(100.0, 1), Some(100.0));
    assert_eq!(brzycki(100.0, 1), Some(100.0));
    assert!((epley(100.0, 5).unwrap() - 116.666).abs() < 0.01);
    assert!((brzycki(100.0, 5).unwrap() - 112.5).abs() < 0.001);
    assert!((epley(60.0, 10).unwrap() - 80.0).abs() < 1e-9);
    assert_eq!(epley(100.0, 0), None);
    assert_eq!(epley(0.0, 5), None, "bodyweight sets have no estimate");
    assert_eq!(
        brzycki(100.0, 20),
        None,
        "high-rep sets say little about a 1RM"
    );
}

#[tokio::test]
async fn logs_prefill_from_the_plan_flag_records_and_count_adherence() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let row = exercise(&db, "Barbell Row", "upper_back").await;
    let anna = client(&db, "Anna Lindqvist").await;
    let start = (spotter_store::time::today_utc() - chrono::Duration::days(14))
        .format("%Y-%m-%d")
        .to_string();
    let mut body = one_week(vec![(
        "Full body",
        0,
        vec![
            rx(&squat, 3, (5, 5), Some(100.0)),
            rx(&row, 3, (8, 8), None),
        ],
    )]);
    body.rule.progression = Some(Progression::Linear { increment_kg: 2.5 });
    let body = progression::generate(&body, 3).unwrap();
    let p = plans::create(
        &db,
        &NewPlan {
            name: "Block".into(),
            is_template: false,
            body,
        },
        &trainer(),
    )
    .await
    .unwrap();
    plans::assign(
        &db,
        &p.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: start.clone(),
        },
    )
    .await
    .unwrap();

    let pre = logs::prefill(&db, &p.id, 2, 0).await.unwrap();
    assert_eq!(pre.len(), 6);
    assert_eq!(
        (pre[0].reps, pre[0].load_kg, pre[0].item_index),
        (5, 102.5, Some(0))
    );
    assert_eq!(
        (pre[3].reps, pre[3].load_kg),
        (8, 0.0),
        "no load prescribed and no history: 0"
    );

    let day = |week: u32, sets: Vec<WorkoutSetInput>, date: &str| WorkoutLogInput {
        client_id: anna.clone(),
        performed_on: date.into(),
        plan_id: Some(p.id.clone()),
        week: Some(week),
        day_index: Some(0),
        session_id: None,
        notes: String::new(),
        sets,
    };
    let set = |ex: &str, item: u32, reps: u32, kg: f64| WorkoutSetInput {
        exercise_id: ex.into(),
        item_index: Some(item),
        measure: Default::default(),
        reps,
        load_kg: kg,
        rpe: Some(8.0),
    };
    let d1 = start.clone();
    let first = logs::create(
        &db,
        &day(
            1,
            vec![
                set(&squat, 0, 5, 100.0),
                set(&squat, 0, 5, 100.0),
                set(&squat, 0, 5, 100.0),
                set(&row, 1, 8, 60.0),
            ],
            &d1,
        ),
    )
    .await
    .unwrap();
    assert!(
        first
            .records
            .iter()
            .any(|r| r.kind == RecordKind::EstimatedOneRm
                && r.exercise_name == "Back Squat"
                && r.previous.is_none()),
        "the first time is a record: {:?}",
        first.records
    );

    let d2 = (spotter_store::time::today_utc() - chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    // Week 2: heavier squat (new e1RM), a rep record on the row at the same load, one set missed.
    let second = logs::create(
        &db,
        &day(
            2,
            vec![
                set(&squat, 0, 5, 102.5),
                set(&squat, 0, 5, 102.5),
                set(&squat, 0, 0, 102.5),
                set(&row, 1, 10, 60.0),
            ],
            &d2,
        ),
    )
    .await
    .unwrap();
    let kinds: Vec<(String, RecordKind)> = second
        .records
        .iter()
        .map(|r| (r.exercise_name.clone(), r.kind))
        .collect();
    assert!(
        kinds.contains(&("Back Squat".into(), RecordKind::EstimatedOneRm)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("Barbell Row".into(), RecordKind::Reps)),
        "{kinds:?}"
    );
    assert!(
        !kinds.contains(&("Back Squat".into(), RecordKind::Volume)),
        "two sets of 102.5 is less volume than three of 100: {kinds:?}"
    );
    let squat_record = second
        .records
        .iter()
        .find(|r| r.kind == RecordKind::EstimatedOneRm && r.exercise_name == "Back Squat")
        .unwrap();
    assert!((squat_record.previous.unwrap() - epley(100.0, 5).unwrap()).abs() < 1e-6);

    // Adherence: week 1 all 4 of 6 prescribed (3 squat + 1 of 3 rows), week 2 2+1 of 6, week 3 nothing yet.
    let adherence = progress::adherence(&db, &anna).await.unwrap();
    let weeks: Vec<(u32, u32, u32)> = adherence
        .iter()
        .map(|a| (a.week, a.completed_sets, a.prescribed_sets))
        .collect();
    assert_eq!(weeks, [(1, 4, 6), (2, 3, 6), (3, 0, 6)]);

    let progress = progress::client_progress(&db, &anna).await.unwrap();
    let squat_series = progress
        .e1rm
        .iter()
        .find(|s| s.exercise_name == "Back Squat")
        .unwrap();
    assert_eq!(squat_series.points.len(), 2);
    assert!(squat_series.points[1].e1rm_kg > squat_series.points[0].e1rm_kg);
    let squat_rec = progress
        .records
        .iter()
        .find(|r| r.exercise_name == "Back Squat")
        .unwrap();
    assert_eq!(squat_rec.workouts, 2);
    assert!((squat_rec.best_e1rm_brzycki_kg.unwrap() - brzycki(102.5, 5).unwrap()).abs() < 1e-6);
    assert!((squat_rec.best_volume_kg - 1500.0).abs() < 1e-9);
    let quads: u32 = progress
        .weekly_volume
        .iter()
        .filter(|w| w.muscle == "quadriceps")
        .map(|w| w.sets)
        .sum();
    assert_eq!(quads, 5, "hard sets only: the missed set does not count");

    // Editing a log replaces its sets; deleting it removes it from progress.
    let edited = logs::update(
        &db,
        &second.log.id,
        &day(2, vec![set(&squat, 0, 5, 102.5)], &d2),
    )
    .await
    .unwrap();
    assert_eq!(edited.log.sets.len(), 1);
    logs::delete(&db, &second.log.id).await.unwrap();
    let progress = progress::client_progress(&db, &anna).await.unwrap();
    assert_eq!(
        progress
            .records
            .iter()
            .find(|r| r.exercise_name == "Back Squat")
            .unwrap()
            .workouts,
        1
    );
    assert_eq!(logs::list(&db, &anna, 50).await.unwrap().len(), 1);

    // Moving a log to another day moves its numbers: the per-day table the progress page reads
    // (kept by triggers) always equals the sets reduced afresh.
    let moved = (spotter_store::time::today_utc() - chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    logs::update(
        &db,
        &first.log.id,
        &day(
            1,
            vec![set(&squat, 0, 6, 100.0), set(&row, 1, 8, 62.5)],
            &moved,
        ),
    )
    .await
    .unwrap();
    let fresh_stats = "SELECT client_id, exercise_id, performed_on, sum(reps > 0), total(reps * load_kg), max(reps), max(e1rm_kg)
                       FROM workout_sets WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    type Stat = (String, String, String, i64, f64, i64, Option<f64>);
    let want: Vec<Stat> = sqlx::query_as(fresh_stats)
        .fetch_all(db.pool())
        .await
        .unwrap();
    let kept: Vec<Stat> = sqlx::query_as(
        "SELECT client_id, exercise_id, performed_on, hard_sets, volume_kg, max_reps, max_e1rm_kg FROM workout_day_stats ORDER BY 1, 2, 3",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(kept, want);
    assert_eq!(
        kept.iter().filter(|k| k.2 == moved).count(),
        2,
        "both exercises moved to the new day"
    );
    assert!(
        kept.iter().all(|k| k.2 != d1),
        "nothing is left on the old day"
    );
}

#[tokio::test]
async fn bad_logs_are_refused_at_their_field() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let anna = client(&db, "Anna").await;
    let ok = WorkoutLogInput {
        client_id: anna.clone(),
        performed_on: "2026-01-05".into(),
        plan_id: None,
        week: None,
        day_index: None,
        session_id: None,
        notes: String::new(),
        sets: vec![WorkoutSetInput {
            exercise_id: squat.clone(),
            item_index: None,
            measure: Default::default(),
            reps: 5,
            load_kg: 100.0,
            rpe: Some(8.0),
        }],
    };
    let with_set = |f: &dyn Fn(&mut WorkoutSetInput)| {
        let mut i = ok.clone();
        f(&mut i.sets[0]);
        i
    };
    let cases: Vec<(WorkoutLogInput, &str)> = vec![
        (with_set(&|s| s.rpe = Some(11.0)), "rpe"),
        (with_set(&|s| s.rpe = Some(0.0)), "rpe"),
        (with_set(&|s| s.load_kg = -20.0), "loadKg"),
        (with_set(&|s| s.load_kg = 1e9), "loadKg"),
        (with_set(&|s| s.reps = 10_000), "reps"),
        (
            with_set(&|s| s.exercise_id = "0190e0a0-0000-7000-8000-000000000000".into()),
            "exerciseId",
        ),
        (
            WorkoutLogInput {
                sets: vec![],
                ..ok.clone()
            },
            "sets",
        ),
        (
            WorkoutLogInput {
                performed_on: "2099-01-01".into(),
                ..ok.clone()
            },
            "performedOn",
        ),
        (
            WorkoutLogInput {
                performed_on: "5/1/2026".into(),
                ..ok.clone()
            },
            "performedOn",
        ),
    ];
    for (input, field) in cases {
        let e = logs::create(&db, &input).await.unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert!(
        logs::list(&db, &anna, 10).await.unwrap().is_empty(),
        "nothing half written"
    );
    logs::create(&db, &ok).await.unwrap();
}
