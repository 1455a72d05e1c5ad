//! The workout optimizer: injury-safe proposals, accepting saves an AI version, a model's
//! proposal checked and applied only on accept, no plan means no model call.

use crate::common::*;
use crate::runtime;
use serde_json::json;
use spotter_ai::RunRequest;
use spotter_core::ai::providers;
use spotter_core::ai::review::{self, ReviewStatus};
use spotter_core::clients;
use spotter_store::Database;

async fn with_knee_injury(db: &Database, name: &str) -> String {
    let id = client_id(db, name).await;
    let c = clients::get(db, &id).await.unwrap();
    let input = clients::ClientInput {
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        date_of_birth: c.date_of_birth.clone(),
        injuries: "Patellar tendinopathy, left knee".into(),
        body_areas: vec!["knee".into()],
        ..Default::default()
    };
    clients::update(db, &id, &input).await.unwrap();
    id
}

fn optimizer(client: &str) -> RunRequest {
    RunRequest {
        task_type: "workout_optimizer".into(),
        client_id: Some(client.into()),
        fresh: false,
    }
}

#[tokio::test]
async fn the_optimizer_never_offers_an_exercise_that_conflicts_with_an_injury_and_accepting_saves_an_ai_version(
) {
    use spotter_core::training::exercises::{self, ExerciseQuery};
    use spotter_core::training::plans;
    let setup = demo().await;
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);

    // The facts: her back squat is flagged; no alternative has a knee caution.
    let preview = rt.preview(&optimizer(&anna)).await.unwrap();
    let flagged = preview.facts["flagged"].as_array().unwrap();
    assert!(
        flagged
            .iter()
            .any(|f| f["exercise"] == "Barbell Back Squat"),
        "{flagged:?}"
    );
    let library = exercises::list(
        &setup.db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for alt in preview.facts["alternatives"].as_array().unwrap() {
        let e = library
            .iter()
            .find(|e| e.name == alt["name"].as_str().unwrap())
            .unwrap();
        assert!(
            e.cautions.iter().all(|c| c.area != "knee"),
            "{} was offered",
            e.name
        );
    }
    assert!(!preview.messages.to_string().contains("Anna"));

    // With no model: the computed proposal swaps the flagged rows from this week on.
    let out = rt.run(&optimizer(&anna)).await.unwrap();
    assert_eq!(out.items.len(), 1);
    let item = &out.items[0];
    let plan_id = item
        .changes_plan_id
        .clone()
        .expect("accepting changes a plan");
    let before = plans::get(&setup.db, &plan_id).await.unwrap();
    let week = preview.facts["plan"]["week"].as_u64().unwrap() as usize - 1;
    assert!(before.body.weeks[week]
        .days
        .iter()
        .flat_map(|d| &d.items)
        .any(|i| i.exercise_name == "Barbell Back Squat"));
    assert_eq!(
        plans::get(&setup.db, &plan_id).await.unwrap().version,
        before.version,
        "nothing changes before accepting"
    );

    let accepted = review::accept(&setup.db, &item.id, None).await.unwrap();
    let after = plans::get(&setup.db, &plan_id).await.unwrap();
    assert_eq!(after.version, before.version + 1);
    assert_eq!(
        accepted.result.as_deref(),
        Some(format!("plan version {}", after.version).as_str())
    );
    for (w, wk) in after.body.weeks.iter().enumerate() {
        let squats = wk
            .days
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.exercise_name == "Barbell Back Squat")
            .count();
        if w >= week {
            assert_eq!(squats, 0, "week {} still squats", w + 1);
        } else {
            assert_eq!(
                squats,
                before.body.weeks[w]
                    .days
                    .iter()
                    .flat_map(|d| &d.items)
                    .filter(|i| i.exercise_name == "Barbell Back Squat")
                    .count(),
                "earlier weeks stay"
            );
        }
    }
    let versions = plans::versions(&setup.db, &plan_id).await.unwrap();
    let latest = versions.iter().max_by_key(|v| v.version).unwrap();
    assert_eq!(latest.author_kind, plans::AuthorKind::Ai);
    assert!(
        latest.summary.contains("Barbell Back Squat"),
        "{}",
        latest.summary
    );
}

#[tokio::test]
async fn a_model_proposal_is_checked_then_applied_only_on_accept_and_never_over_a_newer_version() {
    use spotter_core::training::plans;
    let setup = demo().await;
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let preview = rt.preview(&optimizer(&anna)).await.unwrap();
    let squat_row = preview.facts["flagged"][0]["ref"]
        .as_str()
        .unwrap()
        .to_owned();
    let second_row = preview.facts["plan"]["days"][1]["rows"][0]["ref"]
        .as_str()
        .unwrap()
        .to_owned();

    // First an answer naming an exercise that is not among the alternatives: refused and retried.
    let bad = json!({ "summary": "Swap the squat.", "changes": [
        { "op": "replace", "target": squat_row, "exercise": "E999", "sets": null, "repsMin": null, "repsMax": null, "reason": "Knee-friendly." } ] });
    let good = json!({ "summary": "Spare the knee and add a set where Client A is strong.", "changes": [
        { "op": "replace", "target": squat_row, "exercise": "E1", "sets": null, "repsMin": null, "repsMax": null, "reason": "No deep knee flexion under load." },
        { "op": "change", "target": second_row, "exercise": null, "sets": 5, "repsMin": null, "repsMax": null, "reason": "Progressing well." } ] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let out = rt.run(&optimizer(&anna)).await.unwrap();
    let bodies = requests(&s).await;
    assert_eq!(bodies.len(), 2);
    assert!(
        bodies[1]["messages"]
            .to_string()
            .contains("not one of the alternatives"),
        "the reason goes back to the model"
    );
    assert_eq!(
        bodies[0]["response_format"]["json_schema"]["name"],
        "plan_changes"
    );
    let item = &out.items[0];
    assert!(item.from_model);
    assert!(
        item.body
            .starts_with("Spare the knee and add a set where Anna Schmidt is strong."),
        "{}",
        item.body
    );
    let plan_id = item.changes_plan_id.clone().unwrap();
    let v = plans::get(&setup.db, &plan_id).await.unwrap().version;

    // The trainer edits the plan meanwhile: accepting the stale proposal is refused.
    let plan = plans::get(&setup.db, &plan_id).await.unwrap();
    let trainer = plans::Author {
        kind: plans::AuthorKind::Trainer,
        name: "Alex".into(),
    };
    plans::save(
        &setup.db,
        &plan_id,
        &plans::PlanSave {
            name: format!("{} (edited)", plan.name),
            body: plan.body.clone(),
            base_version: v,
        },
        &trainer,
    )
    .await
    .unwrap();
    let err = review::accept(&setup.db, &item.id, None).await.unwrap_err();
    assert!(
        err.message.contains("run the optimizer again"),
        "{}",
        err.message
    );
    assert_eq!(
        review::get(&setup.db, &item.id).await.unwrap().status,
        ReviewStatus::Open,
        "nothing half done"
    );
}

#[tokio::test]
async fn the_optimizer_without_a_plan_says_so_and_asks_no_model() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(&s, ok("{}")).await;
    let mia = client_id(&setup.db, "Mia Johansson").await;
    let out = runtime(&setup.db).run(&optimizer(&mia)).await.unwrap();
    assert_eq!(out.items.len(), 1);
    assert_eq!(out.items[0].title, "No plan to optimise");
    assert!(out.items[0]
        .body
        .starts_with("Mia Johansson has no plan assigned"));
    assert!(requests(&s).await.is_empty(), "no tokens spent");
    // And an item that changes something is accepted as proposed or not at all.
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);
    for p in providers::list(&setup.db).await.unwrap() {
        providers::delete(&setup.db, &p.id).await.unwrap();
    }
    let item = rt.run(&optimizer(&anna)).await.unwrap().items.remove(0);
    let err = review::accept(&setup.db, &item.id, Some("Do it on Monday"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("editedBody"));
}
