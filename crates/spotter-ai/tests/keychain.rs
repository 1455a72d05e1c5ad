//! The real OS keychain: Secret Service from gnome-keyring in a private D-Bus session
//! (`make test` runs the Rust tests through scripts/with-keyring.sh). A key goes in,
//! reaches the provider as a bearer token, and is afterwards found in neither the
//! database files nor the logs nor any error or IPC response.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::*;
use spotter_ai::{Keychain, Llm, RunRequest, Runtime};
use spotter_core::ai::agents;
use spotter_core::ai::providers::{self, ProviderInput, ProviderKind};
use spotter_core::clients::{self, ClientListQuery};
use spotter_store::paths::DataDir;
use spotter_store::Database;

fn keychain() -> Keychain {
    // A service name of this run's own: never the trainer's entries.
    Keychain::with_service(&format!("Spotter test {}", uuid_like()))
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
    )
}

#[tokio::test]
async fn a_key_is_stored_replaced_and_removed_in_the_system_keychain() {
    let k = keychain();
    k.check()
        .await
        .expect("run under scripts/with-keyring.sh (make test does): a Secret Service is needed");
    assert!(k.get("provider-1").await.unwrap().is_none());
    k.set("provider-1", " sk-first ").await.unwrap();
    assert_eq!(
        k.get("provider-1").await.unwrap().unwrap().expose(),
        "sk-first"
    );
    k.set("provider-1", "sk-second").await.unwrap();
    assert_eq!(
        k.get("provider-1").await.unwrap().unwrap().expose(),
        "sk-second"
    );
    assert!(k.has("provider-1").await.unwrap());
    k.delete("provider-1").await.unwrap();
    assert!(!k.has("provider-1").await.unwrap());
    k.delete("provider-1").await.unwrap();
}

fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return hits;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            hits.extend(files_containing(&p, needle));
        } else if let Ok(bytes) = std::fs::read(&p) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(p.display().to_string());
            }
        }
    }
    hits
}

#[tokio::test]
async fn the_key_reaches_the_provider_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let _log = spotter_core::logging::init_file_logging(&data.logs(), false).unwrap();
    let db = Database::open(&data).await.unwrap();
    spotter_core::seed::seed_demo(&db).await.unwrap();
    agents::ensure_agents(&db).await.unwrap();

    let s = server().await;
    let provider = providers::create(
        &db,
        &ProviderInput {
            name: "OpenAI test".into(),
            kind: Some(ProviderKind::Openai),
            base_url: format!("{}/v1", s.uri()),
            model: "gpt-4o-mini".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let key = format!("sk-spotter-test-{}", uuid_like());
    let k = keychain();
    k.set(&provider.id, &key).await.unwrap();
    always(&s, status(401)).await;

    let rt = Runtime::new(db.clone(), k.clone(), Arc::new(Llm::default()));
    let anna = clients::list(&db, &ClientListQuery::default())
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Anna Schmidt")
        .unwrap();
    let err = rt
        .run(&RunRequest {
            task_type: "progress_monitor".into(),
            client_id: Some(anna.id.clone()),
            fresh: false,
        })
        .await
        .unwrap_err();
    assert!(
        err.message.contains("the key was refused (401)"),
        "{}",
        err.message
    );
    assert!(!err.message.contains(&key) && !serde_json::to_string(&err).unwrap().contains(&key));

    let sent = s.received_requests().await.unwrap();
    assert_eq!(
        sent[0]
            .headers
            .get("authorization")
            .unwrap()
            .to_str()
            .unwrap(),
        format!("Bearer {key}")
    );

    // What the UI would get back over IPC: the execution log and the provider list.
    let log = spotter_core::ai::executions::list(&db, &Default::default())
        .await
        .unwrap();
    let exec = spotter_core::ai::executions::get(&db, &log[0].id)
        .await
        .unwrap();
    assert!(!serde_json::to_string(&exec).unwrap().contains(&key));
    assert!(!serde_json::to_string(&providers::list(&db).await.unwrap())
        .unwrap()
        .contains(&key));

    db.close().await;
    drop(_log);
    let hits = files_containing(dir.path(), key.as_bytes());
    assert!(hits.is_empty(), "the key was written to {hits:?}");
    assert!(data.logs().exists(), "logs were written and searched");
    k.delete(&provider.id).await.unwrap();
}
