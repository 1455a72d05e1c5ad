//! Nothing that names a person leaves for a model: every outbound request is checked against
//! every client and trainer in the database, and the client chat labels other people the
//! trainer names in a question. A request that would leak is not sent; the execution says why.

mod common;

use std::sync::Arc;

use common::*;
use spotter_ai::{RunRequest, Runtime};
use spotter_core::ai::executions::{self, ExecutionStatus};
use spotter_core::clients::{self, ClientInput};
use spotter_store::{Database, ErrorCode};

/// This file's keychain service.
fn runtime(db: &Database) -> Runtime {
    runtime_with_keychain(db, "Spotter outbound test")
}

#[tokio::test]
async fn other_people_named_in_a_chat_question_go_out_as_labels() {
    let setup = demo().await;
    let anna = client_named(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(&s, sse(&["Client B ", "trains on Mondays."])).await;
    let rt = runtime(&setup.db);
    let answer = rt
        .ask(
            &anna.id,
            "Should Anna train with Ben Carter or with zoë łukasiewicz? Ask Priya.",
            Arc::new(|_| {}),
        )
        .await
        .unwrap();
    let sent = requests(&s).await;
    assert_eq!(sent.len(), 1);
    let text = sent[0].to_string();
    for name in [
        "Ben Carter",
        "Carter",
        "zoë",
        "łukasiewicz",
        "Priya",
        "Anna",
    ] {
        assert!(!text.contains(name), "{name} went out: {text}");
    }
    assert!(
        text.contains("Should Client A train with Client "),
        "{text}"
    );
    // The trainer reads the names back.
    assert!(!answer.content.contains("Client B"), "{}", answer.content);
}

#[tokio::test]
async fn an_agent_request_naming_someone_is_not_sent_and_the_run_says_why() {
    let setup = demo().await;
    let anna = client_named(&setup.db, "Anna Schmidt").await;
    // Free text the progress facts pass on, naming another client the agent never registered.
    let input = ClientInput {
        goals: "Train together with Ben Carter for the marathon".into(),
        ..serde_json::from_value(serde_json::to_value(&anna).unwrap()).unwrap()
    };
    clients::update(&setup.db, &anna.id, &input).await.unwrap();
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(&s, ok("{}")).await;
    let rt = runtime(&setup.db);
    let err = rt
        .run(&RunRequest {
            task_type: "progress_monitor".into(),
            client_id: Some(anna.id.clone()),
            fresh: true,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Ai);
    assert!(err.message.starts_with("not sent"), "{}", err.message);
    assert!(err.message.contains("Ben Carter"), "{}", err.message);
    assert!(requests(&s).await.is_empty(), "nothing reached the server");
    let last = executions::list(&setup.db, &Default::default())
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    assert_eq!(last.status, ExecutionStatus::Failed);
    assert_eq!(last.error.as_deref(), Some(err.message.as_str()));
}
