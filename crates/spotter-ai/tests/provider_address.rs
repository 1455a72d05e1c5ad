//! A key belongs to the server it was given for: moving a provider to another server drops
//! its key (the trainer is asked again), and keys and requests only go over https or to this
//! computer. Runs against the real keychain (scripts/with-keyring.sh).

use std::sync::Arc;

use spotter_ai::{Keychain, Llm, Runtime};
use spotter_core::ai::providers::{self, ProviderInput, ProviderKind};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

async fn runtime() -> (tempfile::TempDir, Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let keychain = Keychain::with_service(&format!("Spotter test {stamp:x}"));
    keychain
        .check()
        .await
        .expect("run under scripts/with-keyring.sh: a Secret Service is needed");
    (dir, Runtime::new(db, keychain, Arc::new(Llm::default())))
}

fn input(base_url: &str) -> ProviderInput {
    ProviderInput {
        name: "Studio server".into(),
        kind: Some(ProviderKind::Compatible),
        base_url: base_url.into(),
        model: "llama3.1".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn moving_a_provider_to_another_server_drops_its_key() {
    let (_dir, rt) = runtime().await;
    let p = providers::create(rt.db(), &input("https://llm.example.com/v1"))
        .await
        .unwrap();
    rt.set_key(&p.id, "sk-for-example").await.unwrap();

    // Same server: a new model, name or path keeps the key.
    let same = rt
        .update_provider(
            &p.id,
            &ProviderInput {
                name: "Renamed".into(),
                model: "llama3.2".into(),
                ..input("https://LLM.example.com/v2/")
            },
        )
        .await
        .unwrap();
    assert!(same.has_key, "the same server keeps its key");

    // Another host: the key is gone, from the keychain too.
    let moved = rt
        .update_provider(&p.id, &input("https://attacker.example.net/v1"))
        .await
        .unwrap();
    assert!(!moved.has_key, "a new host must ask for the key again");
    assert!(rt.keychain().get(&p.id).await.unwrap().is_none());

    // Another port on the same host is another server too.
    rt.set_key(&p.id, "sk-again").await.unwrap();
    let port = rt
        .update_provider(&p.id, &input("https://attacker.example.net:8443/v1"))
        .await
        .unwrap();
    assert!(!port.has_key);

    // An address that is refused changes nothing, the key included.
    rt.set_key(&p.id, "sk-kept").await.unwrap();
    let err = rt
        .update_provider(&p.id, &input("http://attacker.example.net/v1"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("baseUrl"))
    );
    assert!(err.message.contains("https://"), "{}", err.message);
    assert_eq!(
        rt.keychain().get(&p.id).await.unwrap().unwrap().expose(),
        "sk-kept"
    );
    assert_eq!(
        providers::get(rt.db(), &p.id).await.unwrap().base_url,
        "https://attacker.example.net:8443/v1"
    );
}

#[tokio::test]
async fn plain_http_is_only_for_this_computer() {
    let (_dir, rt) = runtime().await;
    for local in [
        "http://localhost:11434/v1",
        "http://127.0.0.1:8080/v1",
        "http://[::1]:11434/v1",
    ] {
        providers::create(rt.db(), &input(local)).await.unwrap();
    }
    let err = providers::create(rt.db(), &input("http://192.168.1.20:11434/v1"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("baseUrl"));

    // A provider saved before the rule is not called: no key or data goes out over http.
    let legacy = providers::create(rt.db(), &input("https://old.example.com/v1"))
        .await
        .unwrap();
    sqlx::query("UPDATE ai_providers SET base_url = 'http://old.example.com/v1' WHERE id = ?")
        .bind(&legacy.id)
        .execute(rt.db().pool())
        .await
        .unwrap();
    rt.set_key(&legacy.id, "sk-legacy").await.unwrap();
    let check = rt.check_provider(&legacy.id).await.unwrap();
    assert!(!check.ok);
    assert!(check.message.contains("https://"), "{}", check.message);
}
