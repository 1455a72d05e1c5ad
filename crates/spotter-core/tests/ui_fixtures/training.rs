//! The training fixture: a small library, a template and two client plans (one with a
//! version an AI proposal wrote), built with the real core functions in a real SQLite
//! file, and the answers to the calls the plan builder, library and plans tab make,
//! bad input included.

use serde_json::{json, Value};
use spotter_core::clients::{self, ClientInput};
use spotter_core::training::exercises::{
    self, Caution, ExerciseInput, ExerciseQuery, ExerciseSource, Provenance,
};
use spotter_core::training::plan::{
    Load, LoadKind, Measure, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
use spotter_core::training::plans::{
    self, Author, AuthorKind, NewPlan, PlanAssignment, PlanListQuery, PlanSave,
};
use spotter_core::training::vocab;
use spotter_store::Database;

use super::recorder::Recorder;

struct Ex {
    alias: &'static str,
    name: &'static str,
    primary: &'static [&'static str],
    secondary: &'static [&'static str],
    equipment: &'static [&'static str],
    pattern: &'static str,
    difficulty: &'static str,
    cautions: &'static [(&'static str, &'static str)],
}

const fn ex(
    alias: &'static str,
    name: &'static str,
    primary: &'static [&'static str],
    pattern: &'static str,
) -> Ex {
    Ex {
        alias,
        name,
        primary,
        secondary: &[],
        equipment: &["bodyweight"],
        pattern,
        difficulty: "beginner",
        cautions: &[],
    }
}

/// The library the component tests know by name (ids are their aliases).
const LIBRARY: &[Ex] = &[
    Ex {
        secondary: &["lower_back"],
        equipment: &["barbell", "rack"],
        difficulty: "intermediate",
        cautions: &[("knee", "Keep knees tracking over the toes")],
        ..ex("ex-squat", "Back Squat", &["quadriceps", "glutes"], "squat")
    },
    Ex {
        secondary: &["lower_back"],
        equipment: &["barbell"],
        difficulty: "intermediate",
        cautions: &[("lower_back", "Neutral spine; stop before the back rounds")],
        ..ex(
            "ex-rdl",
            "Romanian Deadlift",
            &["hamstrings", "glutes"],
            "hinge",
        )
    },
    Ex {
        secondary: &["triceps", "shoulders"],
        equipment: &["barbell", "bench"],
        difficulty: "intermediate",
        ..ex("ex-bench", "Bench Press", &["chest"], "horizontal_push")
    },
    Ex {
        secondary: &["glutes"],
        equipment: &["kettlebell", "dumbbell"],
        ..ex("ex-goblet", "Goblet Squat", &["quadriceps"], "squat")
    },
    Ex {
        secondary: &["biceps"],
        equipment: &["pull_up_bar"],
        difficulty: "intermediate",
        ..ex("ex-pullup", "Pull-Up", &["lats"], "vertical_pull")
    },
    ex("ex-plank", "Plank", &["abs"], "anti_extension"),
    Ex {
        equipment: &["dumbbell"],
        ..ex(
            "ex-farmer",
            "Farmer's Walk",
            &["forearms", "traps"],
            "carry",
        )
    },
    Ex {
        equipment: &["barbell"],
        difficulty: "advanced",
        cautions: &[("shoulder", "Needs good shoulder mobility")],
        ..ex(
            "ex-btn",
            "Behind-the-Neck Press",
            &["shoulders"],
            "vertical_push",
        )
    },
];

pub fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn input(e: &Ex) -> ExerciseInput {
    ExerciseInput {
        name: e.name.into(),
        primary_muscles: strings(e.primary),
        secondary_muscles: strings(e.secondary),
        equipment: strings(e.equipment),
        pattern: e.pattern.into(),
        difficulty: e.difficulty.into(),
        instructions: String::new(),
        cautions: e
            .cautions
            .iter()
            .map(|(area, text)| Caution {
                area: (*area).into(),
                text: (*text).into(),
            })
            .collect(),
    }
}

pub fn rx(
    id: &str,
    sets: u32,
    reps: (u32, u32),
    load: (LoadKind, Option<f64>),
    rest: u32,
) -> Prescription {
    Prescription {
        exercise_id: id.to_owned(),
        exercise_name: String::new(),
        sets,
        measure: Measure::Reps,
        reps_min: reps.0,
        reps_max: reps.1,
        load: Load {
            kind: load.0,
            value: load.1,
        },
        tempo: String::new(),
        rest_seconds: Some(rest),
        notes: String::new(),
        group: None,
        group_kind: None,
    }
}

fn day(name: &str, offset: u32, items: Vec<Prescription>) -> PlanDay {
    PlanDay {
        name: name.into(),
        day_offset: offset,
        items,
    }
}

fn body(days: Vec<PlanDay>, rule: ProgressionRule) -> PlanBody {
    PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days,
        }],
        rule,
        notes: String::new(),
    }
}

pub const NONE: (LoadKind, Option<f64>) = (LoadKind::None, None);
fn kg(v: f64) -> (LoadKind, Option<f64>) {
    (LoadKind::Kg, Some(v))
}

pub async fn record(db: &Database, rec: &mut Recorder) -> Value {
    let me = Author::me(db).await.unwrap();
    let mut client_list = Vec::new();
    for (alias, name) in [("c1", "Anna Berg"), ("c2", "Ben Stone")] {
        let c = clients::create(
            db,
            &ClientInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        rec.alias(&c.id, alias);
        client_list.push(c);
    }
    let (anna, ben) = (client_list[0].id.clone(), client_list[1].id.clone());

    // Shipped-library provenance, as ensure_library writes it; Farmer's Walk as an import.
    let mut id = std::collections::HashMap::new();
    for e in LIBRARY {
        let valid = exercises::validate(&input(e)).unwrap();
        let from = if e.alias == "ex-farmer" {
            Provenance {
                source: ExerciseSource::FreeExerciseDb,
                library_key: None,
                source_ref: Some("Farmers_Walk"),
                license: "Unlicense",
                attribution: "free-exercise-db (github.com/yuhonas/free-exercise-db), public domain (Unlicense)",
            }
        } else {
            Provenance {
                source: ExerciseSource::Spotter,
                library_key: None,
                source_ref: None,
                license: "Spotter exercise library",
                attribution: "Written for Spotter",
            }
        };
        let real = exercises::insert(db.pool(), &valid, &from).await.unwrap();
        rec.alias(&real, e.alias);
        id.insert(e.alias, real);
    }
    exercises::set_hidden(db, &id["ex-btn"], true)
        .await
        .unwrap();
    let x = |alias: &str| id[alias].clone();

    let template_body = body(
        vec![
            day(
                "Full body A",
                0,
                vec![
                    rx(&x("ex-goblet"), 3, (8, 12), NONE, 90),
                    rx(&x("ex-bench"), 3, (8, 8), kg(40.0), 90),
                ],
            ),
            day(
                "Full body B",
                3,
                vec![
                    rx(&x("ex-rdl"), 3, (8, 12), (LoadKind::Rpe, Some(7.0)), 90),
                    rx(&x("ex-plank"), 3, (1, 1), NONE, 60),
                ],
            ),
        ],
        ProgressionRule::default(),
    );
    let plan_body = body(
        vec![
            day(
                "Lower",
                0,
                vec![
                    rx(&x("ex-squat"), 3, (5, 5), kg(60.0), 180),
                    rx(&x("ex-rdl"), 3, (8, 12), kg(50.0), 90),
                ],
            ),
            day(
                "Upper",
                2,
                vec![rx(&x("ex-bench"), 4, (6, 8), kg(40.0), 90)],
            ),
        ],
        ProgressionRule {
            progression: Some(Progression::Linear { increment_kg: 2.5 }),
            deload_every: None,
        },
    );

    let new_plan = |name: &str, is_template: bool, body: &PlanBody| NewPlan {
        name: name.into(),
        is_template,
        body: body.clone(),
    };
    let template = plans::create(
        db,
        &new_plan("Full Body Beginner", true, &template_body),
        &me,
    )
    .await
    .unwrap();
    rec.alias(&template.id, "tpl-full-body");
    let plan = plans::create(db, &new_plan("Anna — Strength", false, &plan_body), &me)
        .await
        .unwrap();
    rec.alias(&plan.id, "plan-anna");
    plans::assign(
        db,
        &plan.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "2025-03-03".into(),
        },
    )
    .await
    .unwrap();
    // Ben's plan has a version an accepted AI proposal wrote, so a history shows both authors.
    let ai_plan = plans::create(
        db,
        &new_plan("Ben — Hypertrophy", false, &template_body),
        &me,
    )
    .await
    .unwrap();
    rec.alias(&ai_plan.id, "plan-ben");
    plans::assign(
        db,
        &ai_plan.id,
        &PlanAssignment {
            client_id: ben.clone(),
            start_date: "2025-03-03".into(),
        },
    )
    .await
    .unwrap();
    let mut ai_body = template_body.clone();
    ai_body.weeks[0].days[0].items[1].sets = 4;
    let ai = Author {
        kind: AuthorKind::Ai,
        name: "Progress monitor".into(),
    };
    plans::save(
        db,
        &ai_plan.id,
        &PlanSave {
            name: ai_plan.name.clone(),
            body: ai_body,
            base_version: 1,
        },
        &ai,
    )
    .await
    .unwrap();

    // The state the stand-in starts from.
    let library = exercises::list(
        db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut stored = Vec::new();
    for p in plans::list(db, &PlanListQuery::default()).await.unwrap() {
        let mut versions = Vec::new();
        for v in plans::versions(db, &p.id).await.unwrap().iter().rev() {
            versions.push(plans::version(db, &p.id, v.version).await.unwrap());
        }
        stored.push(json!({ "summary": p, "plan": plans::get(db, &p.id).await.unwrap(), "versions": versions }));
    }
    let vocab = json!({
        "muscles": vocab::MUSCLES,
        "equipment": vocab::EQUIPMENT,
        "patterns": vocab::PATTERNS,
        "difficulties": vocab::DIFFICULTIES,
        "bodyAreas": clients::BODY_AREAS,
    });
    let data =
        json!({ "vocab": vocab, "clients": client_list, "exercises": library, "plans": stored });

    super::training_calls::calls(
        db,
        rec,
        &me,
        &x,
        &anna,
        &ben,
        &template.id,
        &plan.id,
        &ai_plan.id,
        &plan_body,
        &template_body,
    )
    .await;
    data
}
