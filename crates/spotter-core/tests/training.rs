//! Training against real SQLite files: the exercise library, prescriptions and their
//! validation, progression rules, version history and restore, workout logs, 1RM and
//! records, adherence and the progress page's data.

use spotter_core::clients::{self, ClientInput};
use spotter_core::paths::DataDir;
use spotter_core::training::exercises::{self, Caution, ExerciseInput, ExerciseQuery};
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::{
    self, GroupKind, Load, LoadKind, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
use spotter_core::training::plans::{
    self, Author, AuthorKind, NewPlan, PlanAssignment, PlanListQuery, PlanSave,
};
use spotter_core::training::records::{brzycki, epley, RecordKind};
use spotter_core::training::{progress, progression};
use spotter_core::{Database, ErrorCode};

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    (dir, db)
}

fn trainer() -> Author {
    Author {
        kind: AuthorKind::Trainer,
        name: "Alex Morgan".into(),
    }
}

async fn exercise(db: &Database, name: &str, muscle: &str) -> String {
    exercises::create(
        db,
        &ExerciseInput {
            name: name.into(),
            primary_muscles: vec![muscle.into()],
            equipment: vec!["barbell".into()],
            pattern: "squat".into(),
            difficulty: "intermediate".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

fn rx(exercise_id: &str, sets: u32, reps: (u32, u32), kg: Option<f64>) -> Prescription {
    Prescription {
        exercise_id: exercise_id.into(),
        exercise_name: String::new(),
        sets,
        measure: Default::default(),
        reps_min: reps.0,
        reps_max: reps.1,
        load: match kg {
            Some(v) => Load {
                kind: LoadKind::Kg,
                value: Some(v),
            },
            None => Load::default(),
        },
        tempo: String::new(),
        rest_seconds: Some(120),
        notes: String::new(),
        group: None,
        group_kind: None,
    }
}

fn one_week(days: Vec<(&str, u32, Vec<Prescription>)>) -> PlanBody {
    PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: days
                .into_iter()
                .map(|(n, o, items)| PlanDay {
                    name: n.into(),
                    day_offset: o,
                    items,
                })
                .collect(),
        }],
        rule: ProgressionRule::default(),
        notes: String::new(),
    }
}

async fn client(db: &Database, name: &str) -> String {
    clients::create(
        db,
        &ClientInput {
            name: name.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn the_shipped_library_is_valid_and_loaded_once() {
    let library = exercises::library().unwrap();
    assert!(
        library.len() >= 200,
        "the library ships {} exercises",
        library.len()
    );
    let mut keys: Vec<&str> = library.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), library.len(), "library keys are unique");
    for (key, input) in &library {
        exercises::validate(input).unwrap_or_else(|e| panic!("{key}: {}", e.message));
    }
    let (_d, db) = fresh().await;
    let added = exercises::ensure_library(&db).await.unwrap();
    assert_eq!(added, library.len());
    assert_eq!(
        exercises::ensure_library(&db).await.unwrap(),
        0,
        "a second start adds nothing"
    );

    // Filters by muscle, equipment and pattern, and search by words in any order.
    let hamstrings = exercises::list(
        &db,
        &ExerciseQuery {
            muscle: Some("hamstrings".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(hamstrings.len() >= 5);
    assert!(hamstrings
        .iter()
        .all(|e| e.primary_muscles.contains(&"hamstrings".into())
            || e.secondary_muscles.contains(&"hamstrings".into())));
    let kb = exercises::list(
        &db,
        &ExerciseQuery {
            equipment: Some("kettlebell".into()),
            pattern: Some("hinge".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(!kb.is_empty());
    assert!(kb
        .iter()
        .all(|e| e.equipment.contains(&"kettlebell".into()) && e.pattern == "hinge"));
    let squat = exercises::list(
        &db,
        &ExerciseQuery {
            search: Some("squat back".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        squat
            .iter()
            .any(|e| e.name.to_lowercase().contains("back squat")),
        "{:?}",
        squat.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn trainers_add_edit_and_hide_their_own_exercises_with_field_errors() {
    let (_d, db) = fresh().await;
    let id = exercise(&db, "Zercher Squat", "quadriceps").await;
    let e = exercises::get(&db, &id).await.unwrap();
    assert_eq!(e.source.as_str(), "custom");

    let dup = exercises::create(
        &db,
        &ExerciseInput {
            name: "  zercher   SQUAT ".into(),
            primary_muscles: vec!["glutes".into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(dup.field.as_deref(), Some("name"));

    let bad_muscle = exercises::create(
        &db,
        &ExerciseInput {
            name: "X".into(),
            primary_muscles: vec!["elbows".into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(bad_muscle.field.as_deref(), Some("primaryMuscles"));
    assert!(bad_muscle.message.contains("elbows"));
    let bad_caution = exercises::create(
        &db,
        &ExerciseInput {
            name: "Y".into(),
            primary_muscles: vec!["chest".into()],
            pattern: "horizontal_push".into(),
            difficulty: "beginner".into(),
            cautions: vec![Caution {
                area: "spleen".into(),
                text: "no".into(),
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(bad_caution.field.as_deref(), Some("cautions"));

    let edited = exercises::update(
        &db,
        &id,
        &ExerciseInput {
            name: "Zercher Squat".into(),
            primary_muscles: vec!["quadriceps".into(), "glutes".into()],
            secondary_muscles: vec!["glutes".into(), "upper_back".into()],
            equipment: vec![],
            pattern: "squat".into(),
            difficulty: "advanced".into(),
            instructions: "Bar in the crook of the elbows.".into(),
            cautions: vec![Caution {
                area: "elbow".into(),
                text: "Pad the bar with elbow pain.".into(),
            }],
        },
    )
    .await
    .unwrap();
    assert_eq!(
        edited.secondary_muscles,
        ["upper_back"],
        "a primary muscle is not also secondary"
    );
    assert_eq!(edited.equipment, ["bodyweight"]);

    exercises::set_hidden(&db, &id, true).await.unwrap();
    let visible = exercises::list(&db, &ExerciseQuery::default())
        .await
        .unwrap();
    assert!(visible.iter().all(|e| e.id != id));
    let all = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(all.iter().any(|e| e.id == id && e.hidden));
}

#[test]
fn prescriptions_refuse_absurd_values_at_their_field() {
    let ok = rx("e", 3, (8, 12), Some(60.0));
    plan::validate_prescription(&ok).unwrap();
    let cases: Vec<(Prescription, &str)> = vec![
        (
            Prescription {
                sets: 0,
                ..ok.clone()
            },
            "sets",
        ),
        (
            Prescription {
                sets: 500,
                ..ok.clone()
            },
            "sets",
        ),
        (
            Prescription {
                reps_min: 0,
                ..ok.clone()
            },
            "repsMin",
        ),
        (
            Prescription {
                reps_min: 12,
                reps_max: 8,
                ..ok.clone()
            },
            "repsMax",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(-5.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(5000.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(f64::NAN),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Rpe,
                    value: Some(11.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Rpe,
                    value: Some(0.5),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::PercentOneRm,
                    value: Some(250.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                rest_seconds: Some(99_999),
                ..ok.clone()
            },
            "restSeconds",
        ),
        (
            Prescription {
                tempo: "slowly and carefully".into(),
                ..ok.clone()
            },
            "tempo",
        ),
    ];
    for (p, field) in cases {
        let e = plan::validate_prescription(&p).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.field.as_deref(), Some(field), "{p:?}");
    }
    assert_eq!(plan::describe(&ok), "3 × 8–12 @ 60 kg");
    assert_eq!(
        plan::describe(&Prescription {
            load: Load {
                kind: LoadKind::Rpe,
                value: Some(8.5)
            },
            reps_max: 8,
            ..ok
        }),
        "3 × 8 @ RPE 8.5"
    );
}

#[test]
fn plans_need_days_and_coherent_groups() {
    let empty = PlanBody::default();
    assert_eq!(
        plan::validate(&empty).unwrap_err().field.as_deref(),
        Some("weeks")
    );
    let no_days = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![],
        }],
        ..Default::default()
    };
    let e = plan::validate(&no_days).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("days"));
    assert!(e.message.contains("Week 1"));

    let mut a1 = rx("a", 3, (10, 10), None);
    a1.group = Some("A".into());
    a1.group_kind = Some(GroupKind::Superset);
    let plain = rx("b", 3, (10, 10), None);
    let split = one_week(vec![("Day", 0, vec![a1.clone(), plain, a1.clone()])]);
    let e = plan::validate(&split).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("group"));
    assert!(e.message.contains("next to each other"), "{}", e.message);
    let same_day = one_week(vec![("A", 0, vec![]), ("B", 0, vec![])]);
    assert_eq!(
        plan::validate(&same_day).unwrap_err().field.as_deref(),
        Some("dayOffset")
    );
    let bad_row = one_week(vec![(
        "A",
        0,
        vec![rx("a", 3, (5, 5), None), rx("b", 3, (5, 5), Some(-1.0))],
    )]);
    let e = plan::validate(&bad_row).unwrap_err();
    assert!(
        e.message.starts_with("week 1, day 1, row 2"),
        "{}",
        e.message
    );
}

#[test]
fn linear_progression_and_deloads_generate_the_following_weeks() {
    let mut body = one_week(vec![(
        "Lower",
        0,
        vec![rx("squat", 4, (5, 5), Some(100.0))],
    )]);
    body.rule = ProgressionRule {
        progression: Some(Progression::Linear { increment_kg: 2.5 }),
        deload_every: Some(4),
    };
    let g = progression::generate(&body, 8).unwrap();
    let loads: Vec<f64> = g
        .weeks
        .iter()
        .map(|w| w.days[0].items[0].load.value.unwrap())
        .collect();
    // Weeks 4 and 8 deload (10% lighter than the week before, half the sets) and do not advance the progression.
    assert_eq!(
        loads,
        [100.0, 102.5, 105.0, 94.5, 107.5, 110.0, 112.5, 101.5]
    );
    let sets: Vec<u32> = g.weeks.iter().map(|w| w.days[0].items[0].sets).collect();
    assert_eq!(sets, [4, 4, 4, 2, 4, 4, 4, 2]);
    assert_eq!(g.weeks.iter().filter(|w| w.deload).count(), 2);
    plan::validate(&g).unwrap();
}

#[test]
fn double_progression_adds_reps_to_the_top_then_load() {
    let mut body = one_week(vec![(
        "Upper",
        0,
        vec![
            rx("press", 3, (8, 10), Some(40.0)),
            rx("plank", 3, (1, 1), None),
        ],
    )]);
    body.rule = ProgressionRule {
        progression: Some(Progression::Double { increment_kg: 2.0 }),
        deload_every: None,
    };
    let g = progression::generate(&body, 7).unwrap();
    let press: Vec<(u32, f64)> = g
        .weeks
        .iter()
        .map(|w| {
            (
                w.days[0].items[0].reps_min,
                w.days[0].items[0].load.value.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        press,
        [
            (8, 40.0),
            (9, 40.0),
            (10, 40.0),
            (8, 42.0),
            (9, 42.0),
            (10, 42.0),
            (8, 44.0)
        ]
    );
    assert!(
        g.weeks
            .iter()
            .all(|w| w.days[0].items[1] == body.weeks[0].days[0].items[1]),
        "fixed reps without load stay"
    );
    assert_eq!(
        progression::generate(&body, 0)
            .unwrap_err()
            .field
            .as_deref(),
        Some("totalWeeks")
    );
}

#[tokio::test]
async fn every_save_is_a_version_with_author_and_summary_and_restore_copies_forward() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let rdl = exercise(&db, "Romanian Deadlift", "hamstrings").await;
    let created = plans::create(
        &db,
        &NewPlan {
            name: "Strength A".into(),
            is_template: false,
            body: one_week(vec![("Lower", 0, vec![rx(&squat, 3, (5, 5), Some(100.0))])]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(created.version, 1);
    assert_eq!(
        created.body.weeks[0].days[0].items[0].exercise_name, "Back Squat",
        "names come from the library"
    );

    let mut body = created.body.clone();
    body.weeks[0].days[0].items[0].sets = 4;
    body.weeks[0].days[0]
        .items
        .push(rx(&rdl, 3, (8, 10), Some(80.0)));
    let v2 = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength A".into(),
            body,
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(v2.version, 2);

    let ai = Author {
        kind: AuthorKind::Ai,
        name: "Workout optimizer".into(),
    };
    let mut body3 = v2.body.clone();
    body3.weeks[0].days[0].items.remove(0);
    let v3 = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength B".into(),
            body: body3,
            base_version: 2,
        },
        &ai,
    )
    .await
    .unwrap();
    assert_eq!(v3.version, 3);

    // A stale editor cannot overwrite a newer version.
    let stale = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "X".into(),
            body: v2.body.clone(),
            base_version: 2,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(stale.field.as_deref(), Some("baseVersion"));
    // Saving without changes stores nothing.
    let same = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength B".into(),
            body: v3.body.clone(),
            base_version: 3,
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(same.version, 3);

    let history = plans::versions(&db, &created.id).await.unwrap();
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        [3, 2, 1]
    );
    assert_eq!(history[0].author_kind, AuthorKind::Ai);
    assert_eq!(history[0].author_name, "Workout optimizer");
    assert!(
        history[0]
            .summary
            .contains("Renamed “Strength A” → “Strength B”"),
        "{}",
        history[0].summary
    );
    assert!(
        history[0].summary.contains("removed Back Squat"),
        "{}",
        history[0].summary
    );
    assert!(
        history[1]
            .summary
            .contains("Back Squat 3 × 5 @ 100 kg, rest 120 s → 4 × 5 @ 100 kg, rest 120 s"),
        "{}",
        history[1].summary
    );
    assert!(
        history[1]
            .summary
            .contains("added Romanian Deadlift 3 × 8–10 @ 80 kg"),
        "{}",
        history[1].summary
    );
    assert_eq!(history[2].summary, "Created");

    let compared = plans::compare(&db, &created.id, 1, 3).await.unwrap();
    assert!(compared
        .iter()
        .any(|l| l.contains("added Romanian Deadlift")));
    assert!(compared.iter().any(|l| l.contains("removed Back Squat")));

    let restored = plans::restore(&db, &created.id, 1, &trainer())
        .await
        .unwrap();
    assert_eq!(restored.version, 4);
    assert_eq!(restored.name, "Strength A");
    assert_eq!(restored.body, created.body);
    let history = plans::versions(&db, &created.id).await.unwrap();
    assert_eq!(
        history.len(),
        4,
        "restoring adds a version; nothing is overwritten"
    );
    assert_eq!(history[0].restored_from, Some(1));
    assert!(history[0].summary.starts_with("Restored version 1"));
    // Every earlier version is still readable as it was.
    assert_eq!(
        plans::version(&db, &created.id, 3).await.unwrap().body,
        v3.body
    );
    assert_eq!(
        plans::version(&db, &created.id, 9)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("version")
    );
}

#[tokio::test]
async fn bad_plans_are_refused_whole_and_nothing_is_half_saved() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let p = plans::create(
        &db,
        &NewPlan {
            name: "P".into(),
            is_template: false,
            body: one_week(vec![("Lower", 0, vec![rx(&squat, 3, (5, 5), None)])]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    let ghost = one_week(vec![(
        "Lower",
        0,
        vec![rx("0190e0a0-0000-7000-8000-000000000000", 3, (5, 5), None)],
    )]);
    let e = plans::save(
        &db,
        &p.id,
        &PlanSave {
            name: "P".into(),
            body: ghost,
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("exerciseId"));
    let e = plans::save(
        &db,
        &p.id,
        &PlanSave {
            name: " ".into(),
            body: p.body.clone(),
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"));
    let e = plans::create(
        &db,
        &NewPlan {
            name: "Empty".into(),
            is_template: false,
            body: PlanBody::default(),
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("weeks"));
    assert_eq!(plans::versions(&db, &p.id).await.unwrap().len(), 1);
    assert_eq!(
        plans::list(&db, &PlanListQuery::default())
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn templates_start_plans_that_are_assigned_to_dates_and_sessions() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let press = exercise(&db, "Bench Press", "chest").await;
    let template = plans::create(
        &db,
        &NewPlan {
            name: "Beginner full body".into(),
            is_template: true,
            body: one_week(vec![
                ("Day A", 0, vec![rx(&squat, 3, (8, 8), Some(40.0))]),
                ("Day B", 2, vec![rx(&press, 3, (8, 8), Some(30.0))]),
            ]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    let anna = client(&db, "Anna Lindqvist").await;
    let plan = plans::from_template(
        &db,
        &template.id,
        None,
        Some(&PlanAssignment {
            client_id: anna.clone(),
            start_date: "2026-03-02".into(),
        }),
        &trainer(),
    )
    .await
    .unwrap();
    assert!(!plan.is_template);
    assert_eq!(plan.from_template_id.as_deref(), Some(template.id.as_str()));
    assert_eq!(plan.client_name.as_deref(), Some("Anna Lindqvist"));
    assert!(plans::versions(&db, &plan.id).await.unwrap()[0]
        .summary
        .contains("Started from “Beginner full body”"));

    let dates = plans::dates(&db, &plan.id).await.unwrap();
    assert_eq!(
        dates
            .iter()
            .map(|d| (d.day_name.as_str(), d.date.as_str()))
            .collect::<Vec<_>>(),
        [("Day A", "2026-03-02"), ("Day B", "2026-03-04")]
    );

    let templates = plans::list(
        &db,
        &PlanListQuery {
            templates: Some(true),
            client_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(templates.len(), 1);
    let annas = plans::list(
        &db,
        &PlanListQuery {
            templates: None,
            client_id: Some(anna.clone()),
        },
    )
    .await
    .unwrap();
    assert_eq!(annas.len(), 1);
    assert_eq!((annas[0].weeks, annas[0].days_per_week), (1, 2));

    let e = plans::assign(
        &db,
        &template.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "2026-03-02".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("planId"));
    let e = plans::assign(
        &db,
        &plan.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "next monday".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("startDate"));

    let copy = plans::save_as_template(&db, &plan.id, "Anna's block", &trainer())
        .await
        .unwrap();
    assert!(copy.is_template);
    assert_eq!(copy.body, plan.body);
}

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
    let start = (spotter_core::time::today_utc() - chrono::Duration::days(14))
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

    let d2 = (spotter_core::time::today_utc() - chrono::Duration::days(7))
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
    let moved = (spotter_core::time::today_utc() - chrono::Duration::days(3))
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

fn fixture(name: &str) -> spotter_core::upload::FileUpload {
    use base64::Engine;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exercises")
        .join(name);
    spotter_core::upload::FileUpload {
        name: name.into(),
        base64: base64::engine::general_purpose::STANDARD.encode(std::fs::read(path).unwrap()),
        path: None,
    }
}

#[tokio::test]
async fn wger_exports_import_with_licence_and_duplicates_offered_for_merge() {
    use spotter_core::training::exercise_import::{
        self, DuplicateAction, DuplicateDecision, ImportFormat,
    };
    let (_d, db) = fresh().await;
    exercises::ensure_library(&db).await.unwrap();
    let before = exercises::list(&db, &ExerciseQuery::default())
        .await
        .unwrap()
        .len();
    let file = fixture("wger-exerciseinfo.json");
    let preview = exercise_import::preview(&db, &file).await.unwrap();
    assert_eq!(preview.format, ImportFormat::Wger);
    assert!(!preview.partial);
    // The German-only exercise is listed as skipped, with the reason.
    assert!(
        preview
            .skipped
            .iter()
            .any(|s| s.reason.contains("no English name")),
        "{:?}",
        preview.skipped
    );
    assert_eq!(preview.entries.len() + preview.skipped.len(), 6);
    let squat = preview
        .entries
        .iter()
        .find(|e| e.exercise.name.eq_ignore_ascii_case("barbell back squat"))
        .expect("the squat");
    assert_eq!(
        squat.duplicate_of.as_ref().map(|d| d.name.as_str()),
        Some("Barbell Back Squat")
    );
    for e in &preview.entries {
        assert!(
            !e.license.is_empty(),
            "{} keeps its licence",
            e.exercise.name
        );
        assert!(e.attribution.contains("wger.de"), "{}", e.attribution);
        assert!(
            !e.exercise.instructions.contains('<'),
            "HTML is converted: {}",
            e.exercise.instructions
        );
    }
    // The German-first exercise takes its English name (language id 2), not the first one.
    assert!(preview.entries.iter().all(|e| !e.exercise.name.contains("Kreuzheben") && !e.exercise.name.contains("Rudern")), "{:?}", preview.entries.iter().map(|e| &e.exercise.name).collect::<Vec<_>>());

    // Skip is the default for duplicates: nothing is silently doubled.
    let report = exercise_import::import(&db, &file, &[]).await.unwrap();
    assert_eq!(report.added as usize, preview.entries.len() - 1);
    let after = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(after.len(), before + preview.entries.len() - 1);
    let imported = after.iter().find(|e| e.source.as_str() == "wger").unwrap();
    assert!(!imported.attribution.is_empty() && imported.source_ref.is_some());

    // Importing again: everything is now a duplicate; merge the squat into the library's.
    let again = exercise_import::preview(&db, &file).await.unwrap();
    assert!(again.entries.iter().all(|e| e.duplicate_of.is_some()));
    let decisions = vec![DuplicateDecision {
        source_ref: squat.source_ref.clone(),
        action: DuplicateAction::Merge,
    }];
    let report = exercise_import::import(&db, &file, &decisions)
        .await
        .unwrap();
    assert_eq!((report.added, report.merged), (0, 1));
    let merged = exercises::get(&db, &squat.duplicate_of.as_ref().unwrap().id)
        .await
        .unwrap();
    assert!(
        merged.attribution.contains("Merged with"),
        "{}",
        merged.attribution
    );
    assert_eq!(
        merged.source.as_str(),
        "spotter",
        "the shipped exercise stays Spotter's"
    );
}

#[tokio::test]
async fn free_exercise_db_imports_and_bad_files_are_refused_whole() {
    use spotter_core::training::exercise_import::{
        self, DuplicateAction, DuplicateDecision, ImportFormat,
    };
    let (_d, db) = fresh().await;
    exercises::ensure_library(&db).await.unwrap();
    let file = fixture("free-exercise-db.json");
    let preview = exercise_import::preview(&db, &file).await.unwrap();
    assert_eq!(preview.format, ImportFormat::FreeExerciseDb);
    assert_eq!(preview.entries.len(), 6, "{:?}", preview.skipped);
    let dup = preview
        .entries
        .iter()
        .find(|e| e.exercise.name == "Dumbbell Bench Press")
        .unwrap();
    assert!(dup.duplicate_of.is_some());
    assert!(preview.entries.iter().all(|e| e.license == "Unlicense"));
    let stretch = preview
        .entries
        .iter()
        .find(|e| e.exercise.name == "Partner Hamstring Stretch")
        .unwrap();
    assert_eq!(stretch.exercise.equipment, ["bodyweight"]);
    assert_eq!(stretch.exercise.pattern, "mobility");
    let decisions = vec![DuplicateDecision {
        source_ref: dup.source_ref.clone(),
        action: DuplicateAction::AddSeparately,
    }];
    let report = exercise_import::import(&db, &file, &decisions)
        .await
        .unwrap();
    assert_eq!(report.added, 6);
    let found = exercises::list(
        &db,
        &ExerciseQuery {
            search: Some("dumbbell bench press".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(found
        .iter()
        .any(|e| e.name == "Dumbbell Bench Press (free-exercise-db)"));

    let count = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len();
    for (name, expect) in [
        ("malformed.json", "not valid JSON"),
        ("wrong-shape.json", "neither a wger"),
    ] {
        let e = exercise_import::import(&db, &fixture(name), &[])
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidFile);
        assert_eq!(e.field.as_deref(), Some("file"));
        assert!(e.message.contains(expect), "{}", e.message);
    }
    use base64::Engine;
    let huge = spotter_core::upload::FileUpload {
        name: "huge.json".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(vec![b' '; 26 * 1024 * 1024]),
        path: None,
    };
    let e = exercise_import::preview(&db, &huge).await.unwrap_err();
    assert!(e.message.contains("MB"), "{}", e.message);
    let latin1 = spotter_core::upload::FileUpload {
        name: "x.json".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(b"[{\"name\": \"Caf\xe9\"}]"),
        path: None,
    };
    assert!(exercise_import::preview(&db, &latin1)
        .await
        .unwrap_err()
        .message
        .contains("UTF-8"));
    assert_eq!(
        exercises::list(
            &db,
            &ExerciseQuery {
                include_hidden: true,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .len(),
        count,
        "nothing half imported"
    );
}
