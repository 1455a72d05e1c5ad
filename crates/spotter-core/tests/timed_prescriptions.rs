//! Prescriptions counted in seconds or metres (plank 3 × 45 s, sled push 4 × 20 m): plans
//! stored before they existed still read as reps, validation uses the measure's limits,
//! progression leaves times alone, and a logged set reads back in its prescription's measure
//! without an estimated 1RM.

use spotter_core::clients::{self, ClientInput};
use spotter_core::training::exercises::{self, ExerciseInput};
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::{
    self, Load, LoadKind, Measure, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
use spotter_core::training::plans::{self, Author, NewPlan, PlanAssignment};
use spotter_core::training::progression;
use spotter_store::paths::DataDir;
use spotter_store::Database;

fn rx(measure: Measure, min: u32, max: u32) -> Prescription {
    Prescription {
        exercise_id: "e".into(),
        exercise_name: "Plank".into(),
        sets: 3,
        measure,
        reps_min: min,
        reps_max: max,
        load: Load::default(),
        tempo: String::new(),
        rest_seconds: None,
        notes: String::new(),
        group: None,
        group_kind: None,
    }
}

#[test]
fn a_prescription_stored_without_a_measure_reads_as_reps() {
    // The shape every plan version had before this change.
    let old = r#"{"exerciseId":"e","exerciseName":"Back Squat","sets":3,"repsMin":8,"repsMax":12,
                  "load":{"kind":"kg","value":60}}"#;
    let p: Prescription = serde_json::from_str(old).unwrap();
    assert_eq!(p.measure, Measure::Reps);
    assert_eq!(plan::describe(&p), "3 × 8–12 @ 60 kg");
    let timed: Prescription =
        serde_json::from_str(&serde_json::to_string(&rx(Measure::Seconds, 45, 45)).unwrap())
            .unwrap();
    assert_eq!(
        timed.measure,
        Measure::Seconds,
        "round trip keeps the measure"
    );
}

#[test]
fn times_and_distances_read_in_their_units() {
    assert_eq!(plan::describe(&rx(Measure::Seconds, 45, 45)), "3 × 45 s");
    assert_eq!(plan::describe(&rx(Measure::Seconds, 30, 45)), "3 × 30–45 s");
    assert_eq!(plan::describe(&rx(Measure::Metres, 20, 20)), "3 × 20 m");
    assert_eq!(
        plan::describe(&rx(Measure::Metres, 1500, 1500)),
        "3 × 1.5 km"
    );
    let weighted = Prescription {
        load: Load {
            kind: LoadKind::Kg,
            value: Some(10.0),
        },
        ..rx(Measure::Seconds, 60, 60)
    };
    assert_eq!(plan::describe(&weighted), "3 × 60 s @ 10 kg");
}

#[test]
fn each_measure_has_its_own_limits_at_the_same_fields() {
    plan::validate_prescription(&rx(Measure::Seconds, 120, 180)).unwrap();
    plan::validate_prescription(&rx(Measure::Metres, 5000, 5000)).unwrap();
    // 120 reps is absurd, 120 seconds is a plank.
    let e = plan::validate_prescription(&rx(Measure::Reps, 120, 120)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("repsMin"));
    let e = plan::validate_prescription(&rx(Measure::Seconds, 0, 10)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("repsMin"));
    assert!(
        e.message.starts_with("Seconds are 1 to 3600"),
        "{}",
        e.message
    );
    let e = plan::validate_prescription(&rx(Measure::Seconds, 60, 4000)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("repsMax"));
    let e = plan::validate_prescription(&rx(Measure::Metres, 60_000, 60_000)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("repsMin"));
    assert!(e.message.contains("Metres"), "{}", e.message);
}

#[test]
fn double_progression_climbs_reps_but_leaves_a_hold_alone() {
    let body = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![PlanDay {
                name: "A".into(),
                day_offset: 0,
                items: vec![rx(Measure::Reps, 8, 10), rx(Measure::Seconds, 30, 45)],
            }],
        }],
        rule: ProgressionRule {
            progression: Some(Progression::Double { increment_kg: 2.5 }),
            deload_every: None,
        },
        notes: String::new(),
    };
    let out = progression::generate(&body, 3).unwrap();
    let week3 = &out.weeks[2].days[0].items;
    assert_eq!((week3[0].reps_min, week3[0].reps_max), (10, 10));
    assert_eq!((week3[1].reps_min, week3[1].reps_max), (30, 45));
    assert_eq!(week3[1].measure, Measure::Seconds);
}

#[tokio::test]
async fn a_logged_hold_reads_back_in_seconds_without_a_1rm() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let client = clients::create(
        &db,
        &ClientInput {
            name: "Chloé Dubois".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let plank = exercises::create(
        &db,
        &ExerciseInput {
            name: "Front Plank Hold".into(),
            primary_muscles: vec!["abs".into()],
            equipment: vec!["bodyweight".into()],
            pattern: "anti_extension".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let mut hold = rx(Measure::Seconds, 45, 45);
    hold.exercise_id = plank.clone();
    hold.load = Load {
        kind: LoadKind::Kg,
        value: Some(10.0),
    };
    let body = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![PlanDay {
                name: "Core".into(),
                day_offset: 0,
                items: vec![hold],
            }],
        }],
        ..Default::default()
    };
    let author = Author::me(&db).await.unwrap();
    let p = plans::create(
        &db,
        &NewPlan {
            name: "Core".into(),
            is_template: false,
            body,
        },
        &author,
    )
    .await
    .unwrap();
    plans::assign(
        &db,
        &p.id,
        &PlanAssignment {
            client_id: client.clone(),
            start_date: "2026-11-02".into(),
        },
    )
    .await
    .unwrap();
    let prefill = logs::prefill(&db, &p.id, 1, 0).await.unwrap();
    assert_eq!(prefill.len(), 3);
    assert!(prefill
        .iter()
        .all(|s| s.measure == Measure::Seconds && s.reps == 45));

    // 200 s is past the rep limit (100) but a fine plank; the caller's measure is not trusted.
    let sets: Vec<WorkoutSetInput> = prefill
        .into_iter()
        .map(|s| WorkoutSetInput {
            reps: 200,
            measure: Measure::Reps,
            ..s
        })
        .collect();
    let saved = logs::create(
        &db,
        &WorkoutLogInput {
            client_id: client.clone(),
            performed_on: "2026-11-02".into(),
            plan_id: Some(p.id.clone()),
            week: Some(1),
            day_index: Some(0),
            session_id: None,
            notes: String::new(),
            sets,
        },
    )
    .await
    .unwrap();
    let read = logs::get(&db, &saved.log.id).await.unwrap();
    assert!(read
        .sets
        .iter()
        .all(|s| s.measure == Measure::Seconds && s.reps == 200 && s.e1rm_kg.is_none()));

    // Outside a plan, a set counts reps and 200 is refused at its field.
    let e = logs::create(
        &db,
        &WorkoutLogInput {
            client_id: client,
            performed_on: "2026-11-03".into(),
            plan_id: None,
            week: None,
            day_index: None,
            session_id: None,
            notes: String::new(),
            sets: vec![WorkoutSetInput {
                exercise_id: plank,
                item_index: None,
                reps: 200,
                measure: Measure::Seconds,
                load_kg: 0.0,
                rpe: None,
            }],
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("reps"));
}
