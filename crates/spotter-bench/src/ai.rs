//! AI runtime benchmarks against a local OpenAI-compatible server (wiremock):
//! - `ai_overhead`: one progress-monitor run for a client with two busy years of logs,
//!   everything but the model (facts, pseudonymising, the request over localhost, checking
//!   the answer, storage). The local server answers at once, so its time is in the figure.
//! - `ai_weekly_digest`: the progress monitor over 200 clients with a fake model that takes
//!   a fixed 500 ms, at a concurrency of 8; the ideal is 200 × 500 ms ÷ 8.

use std::sync::Arc;
use std::time::{Duration, Instant};

use spotter_ai::{Keychain, Llm, RunRequest, Runtime};
use spotter_core::ai::agents::{self, AgentInput};
use spotter_core::ai::providers::{self, ProviderInput};
use spotter_core::ai::TaskType;
use spotter_core::seed;
use spotter_store::paths::DataDir;
use spotter_store::Database;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::training::{heavy_client, report};

/// A grounded answer for any client: it cites the sessions fact and states no number.
fn answer() -> serde_json::Value {
    let content = serde_json::json!({ "insights": [
        { "title": "Sessions", "text": "Client A's recent sessions are worth a look together.", "kind": "insight", "evidence": ["T1"] }
    ]});
    serde_json::json!({
        "id": "chatcmpl-bench", "object": "chat.completion", "created": 1_764_460_800, "model": "bench-model",
        "choices": [{ "index": 0, "message": { "role": "assistant", "content": content.to_string() }, "finish_reason": "stop" }],
        "usage": { "prompt_tokens": 900, "completion_tokens": 60, "total_tokens": 960 }
    })
}

async fn model(delay: Duration) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(answer())
                .set_delay(delay),
        )
        .mount(&server)
        .await;
    server
}

async fn use_only(db: &Database, server: &MockServer) -> spotter_store::Result<()> {
    for p in providers::list(db).await? {
        providers::delete(db, &p.id).await?;
    }
    providers::create(
        db,
        &ProviderInput {
            name: "Bench model".into(),
            base_url: format!("{}/v1", server.uri()),
            model: "bench-model".into(),
            timeout_seconds: Some(30),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}

pub async fn run(data: &DataDir, rounds: usize) -> spotter_store::Result<()> {
    let db = Database::open(data).await?;
    let seeded: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_logs")
        .fetch_one(db.pool())
        .await?;
    if seeded == 0 {
        seed::seed_demo(&db).await?;
    }
    agents::ensure_agents(&db).await?;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM exercises WHERE library_key IS NOT NULL ORDER BY library_key LIMIT 40",
    )
    .fetch_all(db.pool())
    .await?;
    let heavy = heavy_client(&db, &ids).await?;
    // The benchmark's keychain service is its own and empty: the provider needs no key.
    let keychain = Keychain::with_service("Spotter bench");

    let instant = model(Duration::ZERO).await;
    use_only(&db, &instant).await?;
    let rt = Runtime::new(db.clone(), keychain.clone(), Arc::new(Llm::default()));
    let req = RunRequest {
        task_type: "progress_monitor".into(),
        client_id: Some(heavy.clone()),
        fresh: true,
    };
    rt.run(&req).await?; // warm-up
    let mut times = Vec::new();
    for _ in 0..rounds.max(20) {
        let t = Instant::now();
        rt.run(&req).await?;
        times.push(t.elapsed());
    }
    let sets: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_sets WHERE client_id = ?")
        .bind(&heavy)
        .fetch_one(db.pool())
        .await?;
    report(
        "ai_overhead",
        serde_json::json!({ "sets_logged": sets, "what": "facts + pseudonymise + localhost call + validate + store" }),
        &mut times,
    );

    // 200 active clients for the digest (the demo's plus plain ones).
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM clients WHERE deleted_at IS NULL AND archived_at IS NULL AND paused_at IS NULL")
        .fetch_one(db.pool())
        .await?;
    for i in count..200 {
        spotter_core::clients::create(
            &db,
            &spotter_core::clients::ClientInput {
                name: format!("Digest Client {i:03}"),
                ..Default::default()
            },
        )
        .await?;
    }
    let concurrency = 8usize;
    let agent = agents::for_task(&db, TaskType::WeeklyDigest).await?;
    agents::update(
        &db,
        &agent.id,
        &AgentInput {
            enabled: true,
            temperature: agent.temperature,
            settings: serde_json::json!({ "concurrency": concurrency }),
            ..Default::default()
        },
    )
    .await?;
    let slow = model(Duration::from_millis(500)).await;
    use_only(&db, &slow).await?;
    let rt =
        Runtime::new(db.clone(), keychain, Arc::new(Llm::default())).with_concurrency(concurrency);
    let t = Instant::now();
    let out = rt
        .run(&RunRequest {
            task_type: "weekly_digest".into(),
            client_id: None,
            fresh: true,
        })
        .await?;
    let took = t.elapsed().as_secs_f64();
    let clients = out.execution.output["clients"].as_u64().unwrap_or(0);
    let ideal = clients as f64 * 0.5 / concurrency as f64;
    println!(
        "{}",
        serde_json::json!({ "bench": "ai_weekly_digest", "clients": clients, "concurrency": concurrency, "model_latency_ms": 500,
            "seconds": (took * 100.0).round() / 100.0, "ideal_seconds": ideal, "ratio_to_ideal": ((took / ideal) * 100.0).round() / 100.0,
            "failed": out.execution.output["failed"].as_array().map_or(0, Vec::len) })
    );
    db.close().await;
    Ok(())
}
