//! The progress monitor end to end: no identifiers sent, grounded insights in the review
//! queue, malformed JSON retried once with the reason, numbers that are not facts refused.

use crate::common::*;
use crate::{grounded_answer, progress, runtime};
use serde_json::{json, Value};
use spotter_core::ai::executions::{self, ExecutionQuery, ExecutionStatus};
use spotter_core::ai::review::{self, ReviewKind, ReviewQuery};
use spotter_core::clients;
use spotter_store::ErrorCode;

#[tokio::test]
async fn the_progress_monitor_sends_no_identifiers_and_its_grounded_insights_land_in_review() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, s1) = grounded_answer(&rt, &anna).await;
    always(&s, ok(&answer)).await;

    let out = rt.run(&progress(&anna)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(
        out.execution.summary.provider_name.as_deref(),
        Some("Local")
    );
    assert_eq!(
        (
            out.execution.summary.prompt_tokens,
            out.execution.summary.completion_tokens
        ),
        (120, 30)
    );
    assert_eq!(out.items.len(), 2);
    let first = &out.items[0];
    assert!(first.from_model);
    assert_eq!(first.kind, ReviewKind::Insight);
    assert_eq!(first.client_name.as_deref(), Some("Anna Schmidt"));
    assert!(
        first.body.starts_with("Anna Schmidt went from"),
        "labels become names for the trainer: {}",
        first.body
    );
    assert_eq!(
        first.evidence[0].label,
        format!("{}: estimated 1RM", s1["exercise"].as_str().unwrap())
    );

    // Nothing that identifies any client left the machine.
    let everyone = clients::all_including_deleted(&setup.db).await.unwrap();
    let sent = s.received_requests().await.unwrap();
    assert_eq!(sent.len(), 1);
    let body = String::from_utf8(sent[0].body.clone()).unwrap();
    for c in &everyone {
        for id in [
            Some(&c.name),
            c.email.as_ref(),
            c.phone.as_ref(),
            c.date_of_birth.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!body.contains(id.as_str()), "{id} was sent");
        }
        let last = c.name.split_whitespace().last().unwrap();
        assert!(!body.contains(last), "{last} was sent");
    }
    assert!(body.contains("Client A"));
    // The log keeps exactly what was sent.
    let logged = executions::get(&setup.db, &out.execution.summary.id)
        .await
        .unwrap();
    assert_eq!(
        logged.sent[1]["content"],
        json!(serde_json::from_str::<Value>(&body).unwrap()["messages"][1]["content"])
    );
    assert!(!logged.sent.to_string().contains("Anna"));
}

#[tokio::test]
async fn malformed_json_is_retried_once_with_the_reason_then_accepted() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, _) = grounded_answer(&rt, &anna).await;
    first(&s, 1, ok("Sure! Here are the insights: {insights: [")).await;
    always(&s, ok(&answer)).await;

    let out = rt.run(&progress(&anna)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(out.items.len(), 2);
    let bodies = requests(&s).await;
    assert_eq!(bodies.len(), 2);
    let retry = bodies[1]["messages"].as_array().unwrap().last().unwrap()["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(retry.contains("not valid JSON"), "{retry}");
}

#[tokio::test]
async fn numbers_that_are_not_facts_fail_the_run_after_one_retry() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let made_up = json!({ "insights": [{ "title": "Big gains", "text": "Client A will squat 987.6 kg by spring.", "kind": "insight", "evidence": ["S1"] }] });
    always(&s, ok(&made_up.to_string())).await;

    let err = rt.run(&progress(&anna)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Ai);
    assert!(
        err.message.contains("invalid twice") && err.message.contains("987.6"),
        "{}",
        err.message
    );
    assert_eq!(requests(&s).await.len(), 2);
    let failed = executions::list(
        &setup.db,
        &ExecutionQuery {
            status: Some(ExecutionStatus::Failed),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(failed.len(), 1);
    assert!(
        review::list(&setup.db, &ReviewQuery::default())
            .await
            .unwrap()
            .is_empty(),
        "nothing unverified reaches the queue"
    );

    // Citing a fact that does not exist is refused the same way.
    let s2 = server().await;
    let bad_ref = json!({ "insights": [{ "title": "Hmm", "text": "Client A trains.", "kind": "insight", "evidence": ["Z9"] }] });
    always(&s2, ok(&bad_ref.to_string())).await;
    let setup2 = demo().await;
    add_provider(&setup2.db, "Local", &s2).await;
    let err = runtime(&setup2.db)
        .run(&progress(&client_id(&setup2.db, "Anna Schmidt").await))
        .await
        .unwrap_err();
    assert!(
        err.message.contains("\"Z9\", which is not a ref"),
        "{}",
        err.message
    );
}
