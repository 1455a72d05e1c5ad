//! Asking about a client: a streamed, grounded answer and the conversation kept.

use crate::common::*;
use crate::runtime;
use spotter_core::ai::AgentEvent;
use std::sync::Arc;

#[tokio::test]
async fn asking_about_a_client_streams_a_grounded_answer_and_keeps_the_conversation() {
    use spotter_core::ai::chat;
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(
        &s,
        sse(&["Client A ", "squatted ", "more; ", "maybe 250 kg soon."]),
    )
    .await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<AgentEvent>();
    let rt = runtime(&setup.db);
    let sink: spotter_ai::runtime::EventSink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    let answer = rt
        .ask(&anna, "How is Anna Schmidt's squat going?", sink.clone())
        .await
        .unwrap();
    assert_eq!(
        answer.content,
        "Anna Schmidt squatted more; maybe 250 kg soon."
    );
    assert_eq!(
        answer.unverified,
        vec!["250"],
        "a number that is not a fact is flagged"
    );
    let deltas: Vec<String> = std::iter::from_fn(|| rx.try_recv().ok())
        .filter_map(|e| e.delta)
        .collect();
    assert_eq!(
        deltas.first().map(String::as_str),
        Some("Anna Schmidt "),
        "streamed, names restored"
    );
    assert_eq!(
        deltas.last().map(String::as_str),
        Some("Anna Schmidt squatted more; maybe 250 kg soon.")
    );

    // The second question carries the first turn, pseudonymised.
    rt.ask(&anna, "And her bench?", sink).await.unwrap();
    let bodies = requests(&s).await;
    let second = bodies[1]["messages"].as_array().unwrap();
    let texts: Vec<&str> = second
        .iter()
        .filter_map(|m| m["content"].as_str())
        .collect();
    assert!(
        texts.contains(&"How is Client A's squat going?"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Client A squatted more; maybe 250 kg soon."));
    assert!(!bodies[1].to_string().contains("Anna"));
    let history = chat::history(&setup.db, &anna).await.unwrap();
    assert_eq!(
        history.iter().map(|m| m.role.as_str()).collect::<Vec<_>>(),
        ["user", "assistant", "user", "assistant"]
    );
    assert_eq!(history[0].content, "How is Anna Schmidt's squat going?");
    let err = rt.ask(&anna, "   ", Arc::new(|_| {})).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("question"));
}
