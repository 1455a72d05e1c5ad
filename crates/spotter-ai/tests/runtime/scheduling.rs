//! The scheduling agent: free slots proposed and booked through the conflict check,
//! clearance reasons, a model choosing only among the free slots.

use crate::common::*;
use crate::runtime;
use serde_json::{json, Value};
use spotter_ai::RunRequest;
use spotter_core::ai::review::{self, ReviewStatus};

#[tokio::test]
async fn scheduling_proposes_free_slots_and_accepting_books_through_the_conflict_check() {
    use spotter_core::schedule::{sessions, SaveOutcome, SessionInput};
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "scheduling".into(),
        client_id: Some(anna.clone()),
        fresh: false,
    };

    let preview = rt.preview(&req).await.unwrap();
    assert!(
        !preview.facts["slots"].as_array().unwrap().is_empty(),
        "{}",
        preview.facts
    );
    let out = rt.run(&req).await.unwrap();
    assert!(
        out.items.len() >= 2,
        "{:?}",
        out.items.iter().map(|i| &i.title).collect::<Vec<_>>()
    );
    assert!(out
        .items
        .iter()
        .all(|i| i.books_session && i.title.starts_with("Book ")));

    let booked = review::accept(&setup.db, &out.items[0].id, None)
        .await
        .unwrap();
    assert!(
        booked
            .result
            .as_deref()
            .is_some_and(|r| r.starts_with("session booked for")),
        "{:?}",
        booked.result
    );

    // Someone else takes the second slot first: accepting it is refused and nothing is booked.
    let second = &out.items[1];
    let other = client_id(&setup.db, "Mia Johansson").await;
    let slot: SessionInput = {
        let action: String = sqlx::query_scalar("SELECT action FROM ai_review_items WHERE id = ?")
            .bind(&second.id)
            .fetch_one(setup.db.pool())
            .await
            .unwrap();
        serde_json::from_value(
            serde_json::from_str::<Value>(&action).unwrap()["bookSession"].clone(),
        )
        .unwrap()
    };
    let taken = sessions::create(
        &setup.db,
        &SessionInput {
            client_ids: vec![other],
            ..slot.clone()
        },
    )
    .await
    .unwrap();
    assert!(matches!(taken, SaveOutcome::Saved { .. }));
    let err = review::accept(&setup.db, &second.id, None)
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("That time is no longer free"),
        "{}",
        err.message
    );
    assert_eq!(
        review::get(&setup.db, &second.id).await.unwrap().status,
        ReviewStatus::Open
    );
}

#[tokio::test]
async fn scheduling_proposals_for_a_client_who_needs_clearance_say_so_with_the_reason() {
    use spotter_core::clients::record::{self, ParqInput};
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    record::record_intake(
        &setup.db,
        &anna,
        &ParqInput {
            answered_on: "2026-11-20".into(),
            answers: (0..7).map(|i| Some(i == 1)).collect(),
            notes: String::new(),
        },
    )
    .await
    .unwrap();
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "scheduling".into(),
        client_id: Some(anna),
        fresh: false,
    };
    // The health answer stays on the machine.
    let preview = rt.preview(&req).await.unwrap();
    assert!(!preview.facts.to_string().contains("pain in your chest"));
    let out = rt.run(&req).await.unwrap();
    assert!(!out.items.is_empty());
    for item in &out.items {
        assert!(
            item.body
                .starts_with("⚑ Anna Schmidt needs medical clearance before training"),
            "{}",
            item.body
        );
        assert_eq!(item.evidence[0].label, "Needs medical clearance");
        assert!(item.evidence[0]
            .value
            .contains("Do you feel pain in your chest"));
    }
}

#[tokio::test]
async fn a_model_picks_among_the_free_slots_only() {
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let bad = json!({ "proposals": [{ "slot": "S99", "reason": "Friday night is free." }] });
    let good = json!({ "proposals": [{ "slot": "S1", "reason": "Client A is free then and it is soon." }] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let rt = runtime(&setup.db);
    let out = rt
        .run(&RunRequest {
            task_type: "scheduling".into(),
            client_id: Some(anna),
            fresh: false,
        })
        .await
        .unwrap();
    assert_eq!(out.items.len(), 1);
    assert_eq!(
        out.items[0].body,
        "Anna Schmidt is free then and it is soon."
    );
    assert!(requests(&s).await[1]["messages"]
        .to_string()
        .contains("not one of the free slots"));
}
