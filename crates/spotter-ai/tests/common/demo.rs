//! The app side of the AI tests: the demo data set on a real SQLite file with the agents set
//! up, a runtime over it, providers pointing at the mock server, and clients found by name.

use std::sync::Arc;

use spotter_ai::{Keychain, Llm, Runtime};
use spotter_core::ai::agents;
use spotter_core::ai::providers::{self, ProviderInput};
use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_store::paths::DataDir;
use spotter_store::Database;
use wiremock::MockServer;

/// The demo database; the folder lives as long as this does.
pub struct Setup {
    pub _dir: tempfile::TempDir,
    pub db: Database,
}

/// A fresh data folder with the demo data and the agents.
pub async fn demo() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    spotter_core::seed::seed_demo(&db).await.unwrap();
    agents::ensure_agents(&db).await.unwrap();
    Setup { _dir: dir, db }
}

/// Tests use a keychain service of their own (each file its own name); with no Secret
/// Service here, the runtime tries OpenAI-compatible providers without a key.
pub fn runtime_with_keychain(db: &Database, keychain_service: &str) -> Runtime {
    Runtime::new(
        db.clone(),
        Keychain::with_service(keychain_service),
        Arc::new(Llm::default()),
    )
}

/// An OpenAI-compatible provider at the mock server, model "test-model", 5 s timeout.
pub async fn add_provider(db: &Database, name: &str, server: &MockServer) {
    providers::create(
        db,
        &ProviderInput {
            name: name.into(),
            base_url: format!("{}/v1", server.uri()),
            model: "test-model".into(),
            timeout_seconds: Some(5),
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

/// The client with this name, archived or not.
pub async fn client_named(db: &Database, name: &str) -> clients::Client {
    clients::list(
        db,
        &ClientListQuery {
            status: ClientStatusFilter::All,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .into_iter()
    .find(|c| c.name == name)
    .unwrap()
}

/// The id of the client with this name.
pub async fn client_id(db: &Database, name: &str) -> String {
    client_named(db, name).await.id
}
