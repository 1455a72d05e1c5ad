//! Runs that never reach a model: unknown task types and disabled agents refused and logged,
//! no provider at all (the computed facts still shown), an agent not built yet.

use crate::common::*;
use crate::{progress, runtime};
use serde_json::json;
use spotter_ai::RunRequest;
use spotter_core::ai::agents::{self, AgentInput};
use spotter_core::ai::executions::{self, ExecutionQuery, ExecutionStatus};
use spotter_core::ai::review::ReviewKind;
use spotter_core::ai::TaskType;

#[tokio::test]
async fn unknown_task_types_and_disabled_agents_are_refused_and_logged() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let err = rt
        .run(&RunRequest {
            task_type: "rewrite_all_plans".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("invalid task type"),
        "{}",
        err.message
    );

    let agent = agents::for_task(&setup.db, TaskType::DataQuality)
        .await
        .unwrap();
    agents::update(
        &setup.db,
        &agent.id,
        &AgentInput {
            enabled: false,
            temperature: 0.2,
            settings: json!({}),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let err = rt
        .run(&RunRequest {
            task_type: "data_quality".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(err.message.starts_with("agent disabled"), "{}", err.message);

    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    let errors: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.task_type.as_str(), e.error.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("data_quality", "agent disabled"),
            ("rewrite_all_plans", "invalid task type")
        ]
    );
    assert!(log.iter().all(|e| e.status == ExecutionStatus::Failed));
}

#[tokio::test]
async fn with_no_provider_the_agents_still_show_their_computed_facts() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let zoe = client_id(&setup.db, "Zoë Łukasiewicz").await;
    let out = rt.run(&progress(&zoe)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(out.execution.summary.provider_name, None);
    assert_eq!(out.execution.output["computedOnly"], true);
    assert!(
        !out.items.is_empty(),
        "two years of logs give something to say"
    );
    assert!(out
        .items
        .iter()
        .all(|i| !i.from_model && !i.evidence.is_empty()));

    let dq = rt
        .run(&RunRequest {
            task_type: "data_quality".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(dq.items.iter().all(|i| i.kind == ReviewKind::Suggestion));
    assert!(
        !dq.items.is_empty(),
        "the demo has past sessions still scheduled or clients without emergency contacts"
    );
}

#[tokio::test]
async fn an_agent_that_is_not_built_yet_says_so_and_the_refusal_is_logged() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let err = rt
        .run(&RunRequest {
            task_type: "client_chat".into(),
            client_id: Some(anna),
            fresh: false,
        })
        .await
        .unwrap_err();
    assert!(
        err.message.contains("not available in this version"),
        "{}",
        err.message
    );
    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    assert_eq!(log[0].task_type, "client_chat");
    assert_eq!(log[0].status, ExecutionStatus::Failed);
}
