//! The answer cache: the same input answered from it unless asked fresh, and never shared
//! between two clients whose facts look alike.

use crate::common::*;
use crate::{grounded_answer, progress, runtime};
use serde_json::json;
use spotter_ai::RunRequest;
use spotter_core::clients;

#[tokio::test]
async fn the_same_input_is_answered_from_the_cache_unless_asked_fresh() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, _) = grounded_answer(&rt, &anna).await;
    always(&s, ok(&answer)).await;

    let a = rt.run(&progress(&anna)).await.unwrap();
    let b = rt.run(&progress(&anna)).await.unwrap();
    assert!(!a.execution.summary.from_cache && b.execution.summary.from_cache);
    assert_eq!(
        b.items.iter().map(|i| &i.id).collect::<Vec<_>>(),
        a.items.iter().map(|i| &i.id).collect::<Vec<_>>()
    );
    assert_eq!(requests(&s).await.len(), 1);
    let c = rt
        .run(&RunRequest {
            fresh: true,
            ..progress(&anna)
        })
        .await
        .unwrap();
    assert!(!c.execution.summary.from_cache);
    assert_eq!(requests(&s).await.len(), 2);
}

#[tokio::test]
async fn two_clients_with_alike_facts_never_share_a_cached_answer() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let answer = json!({ "insights": [{ "title": "New here", "text": "Client A has no history yet.", "kind": "insight", "evidence": ["T1"] }] });
    always(&s, ok(&answer.to_string())).await;
    let rt = runtime(&setup.db);
    let mut ids = Vec::new();
    for name in ["New Client One", "New Client Two"] {
        let c = clients::create(
            &setup.db,
            &clients::ClientInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        ids.push(c.id);
    }
    // Both are "Client A" with nothing logged: the messages sent are identical.
    let a = rt.run(&progress(&ids[0])).await.unwrap();
    let b = rt.run(&progress(&ids[1])).await.unwrap();
    assert!(
        !b.execution.summary.from_cache,
        "the second client got the first one's answer"
    );
    assert_eq!(b.items[0].client_id.as_deref(), Some(ids[1].as_str()));
    assert_ne!(a.items[0].id, b.items[0].id);
    assert_eq!(requests(&s).await.len(), 2);
}
