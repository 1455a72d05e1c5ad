//! The training fixture's script: the calls the plan builder, library and plans tab make,
//! in order, against the data training.rs built (bad input included), each with the core's
//! answer.

use serde_json::json;
use spotter_core::training::exercises::{self, ExerciseInput, ExerciseQuery};
use spotter_core::training::plan::{Load, LoadKind, Measure, PlanBody};
use spotter_core::training::plans::{
    self, Author, NewPlan, PlanAssignment, PlanListQuery, PlanSave,
};
use spotter_core::training::progression;
use spotter_store::Database;

use super::recorder::Recorder;
use super::training::{rx, strings, NONE};

#[allow(clippy::too_many_arguments)]
pub async fn calls(
    db: &Database,
    rec: &mut Recorder,
    me: &Author,
    x: &dyn Fn(&str) -> String,
    anna: &str,
    ben: &str,
    template: &str,
    plan: &str,
    ai_plan: &str,
    plan_body: &PlanBody,
    template_body: &PlanBody,
) {
    // The library: lists, filters, and the form's errors in the order the core checks them.
    for q in [
        ExerciseQuery::default(),
        ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
        ExerciseQuery {
            search: Some("squat".into()),
            ..Default::default()
        },
        ExerciseQuery {
            muscle: Some("glutes".into()),
            ..Default::default()
        },
        ExerciseQuery {
            equipment: Some("dumbbell".into()),
            ..Default::default()
        },
        ExerciseQuery {
            pattern: Some("squat".into()),
            ..Default::default()
        },
    ] {
        let answer = exercises::list(db, &q).await;
        rec.call("exercises_list", json!({ "query": q }), &answer);
    }
    let answer = exercises::get(db, &x("ex-squat")).await;
    rec.call("exercise_get", json!({ "id": x("ex-squat") }), &answer);
    // An id of the right form that names nothing (the aliases below stand for UUIDs).
    const NOWHERE: &str = "0190a0a0-0000-7000-8000-0000000000ff";
    rec.alias(NOWHERE, "nowhere");
    let answer = exercises::get(db, NOWHERE).await;
    rec.call("exercise_get", json!({ "id": NOWHERE }), &answer);
    let answer = plans::get(db, NOWHERE).await;
    rec.call("plan_get", json!({ "id": NOWHERE }), &answer);
    let form = |name: &str, primary: &[&str], pattern: &str| ExerciseInput {
        name: name.into(),
        primary_muscles: strings(primary),
        pattern: pattern.into(),
        difficulty: "beginner".into(),
        ..Default::default()
    };
    for input in [
        form("back squat", &["glutes"], ""),
        form("back squat", &["glutes"], "hinge"),
        form("  ", &["glutes"], "hinge"),
        form("Hip Thrust", &[], "hinge"),
        form("Hip Thrust", &["wings"], "hinge"),
        form("Hip  Thrust ", &["glutes", "glutes"], "hinge"),
    ] {
        let answer = exercises::create(db, &input).await;
        if let Ok(e) = &answer {
            rec.alias(&e.id, "ex-new-1");
        }
        rec.call("exercise_create", json!({ "input": input }), &answer);
    }
    let answer = exercises::set_hidden(db, &x("ex-plank"), true).await;
    rec.call(
        "exercise_set_hidden",
        json!({ "id": x("ex-plank"), "hidden": true }),
        &answer,
    );

    // Plans: lists, one plan, the editor's errors, a save, history, compare and restore.
    for q in [
        PlanListQuery::default(),
        PlanListQuery {
            templates: Some(true),
            client_id: None,
        },
        PlanListQuery {
            templates: Some(false),
            client_id: Some(anna.into()),
        },
    ] {
        let answer = plans::list(db, &q).await;
        rec.call("plans_list", json!({ "query": q }), &answer);
    }
    let answer = plans::get(db, plan).await;
    rec.call("plan_get", json!({ "id": plan }), &answer);

    let save = |body: PlanBody, base: u32| PlanSave {
        name: "Anna — Strength".into(),
        body,
        base_version: base,
    };
    let mut no_sets = plan_body.clone();
    no_sets.weeks[0].days[0].items[1].sets = 0;
    let mut long_hold = plan_body.clone();
    long_hold.weeks[0].days[0].items[1].measure = Measure::Seconds;
    long_hold.weeks[0].days[0].items[1].reps_min = 4000;
    long_hold.weeks[0].days[0].items[1].reps_max = 4000;
    let mut no_day_name = plan_body.clone();
    no_day_name.weeks[0].days[1].name = " ".into();
    let mut same_day = plan_body.clone();
    same_day.weeks[0].days[1].day_offset = 0;
    let mut bad_load = plan_body.clone();
    bad_load.weeks[0].days[1].items[0].load = Load {
        kind: LoadKind::Rpe,
        value: Some(11.0),
    };
    let mut no_weeks = plan_body.clone();
    no_weeks.weeks.clear();
    let mut unknown = plan_body.clone();
    unknown.weeks[0].days[1].items[0].exercise_id = "0190a0a0-0000-7000-8000-000000000000".into();
    rec.alias("0190a0a0-0000-7000-8000-000000000000", "ex-unknown");
    for input in [
        save(no_sets, 1),
        save(long_hold, 1),
        save(no_day_name, 1),
        save(same_day, 1),
        save(bad_load, 1),
        save(no_weeks, 1),
        save(unknown, 1),
        save(plan_body.clone(), 0),
        PlanSave {
            name: "  ".into(),
            body: plan_body.clone(),
            base_version: 1,
        },
    ] {
        let answer = plans::save(db, plan, &input, me).await;
        rec.call("plan_save", json!({ "id": plan, "input": input }), &answer);
    }
    let mut heavier = plan_body.clone();
    heavier.weeks[0].days[0].items[0].sets = 5;
    let input = save(heavier.clone(), 1);
    let answer = plans::save(db, plan, &input, me).await;
    rec.call("plan_save", json!({ "id": plan, "input": input }), &answer);
    let mut reordered = heavier.clone();
    reordered.weeks[0].days[0].items.reverse();
    reordered.weeks[0].days[1].items[0].notes = "Pause on chest".into();
    reordered.weeks[0].days[1]
        .items
        .push(rx(&x("ex-pullup"), 3, (8, 12), NONE, 90));
    reordered.notes = "Deload if sleep is poor".into();
    let input = PlanSave {
        name: "Anna — Strength II".into(),
        body: reordered,
        base_version: 2,
    };
    let answer = plans::save(db, plan, &input, me).await;
    rec.call("plan_save", json!({ "id": plan, "input": input }), &answer);

    let answer = plans::versions(db, plan).await;
    rec.call("plan_versions", json!({ "id": plan }), &answer);
    let answer = plans::version(db, plan, 1).await;
    rec.call("plan_version", json!({ "id": plan, "version": 1 }), &answer);
    let answer = plans::version(db, plan, 9).await;
    rec.call("plan_version", json!({ "id": plan, "version": 9 }), &answer);
    for (from, to) in [(1, 2), (2, 3), (1, 3)] {
        let answer = plans::compare(db, plan, from, to).await;
        rec.call(
            "plan_compare",
            json!({ "id": plan, "from": from, "to": to }),
            &answer,
        );
    }
    let answer = plans::restore(db, plan, 1, me).await;
    rec.call("plan_restore", json!({ "id": plan, "version": 1 }), &answer);
    let answer = plans::restore(db, plan, 4, me).await;
    rec.call("plan_restore", json!({ "id": plan, "version": 4 }), &answer);
    let answer = plans::versions(db, plan).await;
    rec.call("plan_versions", json!({ "id": plan }), &answer);
    let answer = plans::versions(db, ai_plan).await;
    rec.call("plan_versions", json!({ "id": ai_plan }), &answer);

    // New plans: from nothing, from a template, as a template; assigning.
    for input in [
        NewPlan {
            name: " ".into(),
            is_template: false,
            body: template_body.clone(),
        },
        NewPlan {
            name: "Ben  —  Conditioning".into(),
            is_template: false,
            body: template_body.clone(),
        },
    ] {
        let answer = plans::create(db, &input, me).await;
        if let Ok(p) = &answer {
            rec.alias(&p.id, "plan-new-1");
        }
        rec.call("plan_create", json!({ "input": input }), &answer);
    }
    let assignment = PlanAssignment {
        client_id: ben.into(),
        start_date: "2025-03-10".into(),
    };
    let answer = plans::from_template(db, template, None, Some(&assignment), me).await;
    if let Ok(p) = &answer {
        rec.alias(&p.id, "plan-new-2");
    }
    rec.call(
        "plan_from_template",
        json!({ "template": template, "name": null, "assignment": assignment }),
        &answer,
    );
    let bad_date = PlanAssignment {
        client_id: ben.into(),
        start_date: "10/03/2025".into(),
    };
    let answer = plans::from_template(db, template, Some("Ben — Next"), Some(&bad_date), me).await;
    rec.call(
        "plan_from_template",
        json!({ "template": template, "name": "Ben — Next", "assignment": bad_date }),
        &answer,
    );
    let answer = plans::save_as_template(db, plan, "Strength base", me).await;
    if let Ok(p) = &answer {
        rec.alias(&p.id, "plan-new-3");
    }
    rec.call(
        "plan_save_as_template",
        json!({ "id": plan, "name": "Strength base" }),
        &answer,
    );
    let answer = plans::assign(db, template, &assignment).await;
    rec.call(
        "plan_assign",
        json!({ "id": template, "assignment": assignment }),
        &answer,
    );
    let answer = plans::list(db, &PlanListQuery::default()).await;
    rec.call(
        "plans_list",
        json!({ "query": PlanListQuery::default() }),
        &answer,
    );

    // Generating weeks from the first one.
    for weeks in [3_u32, 0] {
        let answer = progression::generate(plan_body, weeks as usize);
        rec.call(
            "plan_generate",
            json!({ "body": plan_body, "weeks": weeks }),
            &answer,
        );
    }
}
