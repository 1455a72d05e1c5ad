//! The agent runtime on a real SQLite file with the demo data, against a real HTTP server
//! speaking the chat-completions API: routing and refusals, structured output and its
//! one retry, the grounding check, privacy of what is sent, the cache, cancelling, and
//! running with no provider at all.
//!
//! The keychain is not used here (the providers are OpenAI-compatible servers without a
//! key, which the runtime asks the keychain about and tolerates being absent);
//! tests/keychain.rs uses the real one.
//!
//! One test binary, one module a feature. The demo database, the mock server and the
//! providers are in `tests/common`, shared with the other AI test files.

#[path = "../common/mod.rs"]
mod common;

mod answer_cache;
mod cancelling;
mod client_chat;
mod health_and_metrics;
mod nutrition;
mod progress_monitor;
mod refusals;
mod review_queue;
mod scheduling;
mod workout_optimizer;

use crate::common::runtime_with_keychain;
use serde_json::{json, Value};
use spotter_ai::{RunRequest, Runtime};
use spotter_store::Database;

fn progress(client: &str) -> RunRequest {
    RunRequest {
        task_type: "progress_monitor".into(),
        client_id: Some(client.into()),
        fresh: false,
    }
}

/// A model answer that cites the first strength fact and quotes its numbers exactly.
async fn grounded_answer(rt: &Runtime, client: &str) -> (String, Value) {
    let preview = rt.preview(&progress(client)).await.unwrap();
    let s1 = preview.facts["strength"][0].clone();
    let answer = json!({ "insights": [
        { "title": format!("{} {}", s1["exercise"].as_str().unwrap(), match s1["direction"].as_str() {
              Some("up") => "keeps climbing",
              Some("down") => "is going down",
              _ => "is holding steady",
          }),
          "text": format!("Client A went from {} to {} kg on trend, about {} kg a week.", s1["trendFromKg"], s1["trendToKg"], s1["slopeKgPerWeek"]),
          "kind": "insight", "evidence": ["S1"] },
        { "title": "Sessions", "text": "Client A's attendance is in the facts.", "kind": "suggestion", "evidence": ["T1"] }
    ]});
    (answer.to_string(), s1)
}

/// A runtime over `db` with this file's own keychain service.
fn runtime(db: &Database) -> Runtime {
    runtime_with_keychain(db, "Spotter runtime test")
}
