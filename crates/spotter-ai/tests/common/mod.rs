//! A real HTTP server speaking the OpenAI chat-completions API (wiremock on localhost),
//! and providers pointing at it. `demo.rs`: the demo database, a runtime, clients by name.
#![allow(dead_code)]

mod demo;
// Test files that need no database use none of it.
#[allow(unused_imports)]
pub use demo::*;

use serde_json::{json, Value};
use spotter_ai::llm::Target;
use spotter_core::ai::providers::{Provider, ProviderKind};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const CHAT_PATH: &str = "/v1/chat/completions";

pub fn completion(content: &str) -> Value {
    json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_764_460_800,
        "model": "test-model",
        "choices": [{
            "index": 0,
            "message": { "role": "assistant", "content": content, "refusal": null },
            "finish_reason": "stop",
            "logprobs": null
        }],
        "usage": { "prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150 }
    })
}

pub fn ok(content: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(completion(content))
}

pub fn status(code: u16) -> ResponseTemplate {
    ResponseTemplate::new(code).set_body_json(json!({
        "error": { "message": format!("test status {code}"), "type": "server_error", "param": null, "code": null }
    }))
}

/// Server-sent events, as OpenAI streams them.
pub fn sse(pieces: &[&str]) -> ResponseTemplate {
    let mut body = String::new();
    for (i, p) in pieces.iter().enumerate() {
        let chunk = json!({
            "id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1_764_460_800, "model": "test-model",
            "choices": [{ "index": 0, "delta": if i == 0 { json!({"role": "assistant", "content": p}) } else { json!({"content": p}) }, "finish_reason": null }]
        });
        body.push_str(&format!("data: {chunk}\n\n"));
    }
    body.push_str("data: [DONE]\n\n");
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_raw(body, "text/event-stream")
}

pub async fn server() -> MockServer {
    MockServer::start().await
}

pub async fn always(server: &MockServer, response: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(CHAT_PATH))
        .respond_with(response)
        .mount(server)
        .await;
}

/// The first `n` calls get `response`; later ones fall through to the next mock.
pub async fn first(server: &MockServer, n: u64, response: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(CHAT_PATH))
        .respond_with(response)
        .up_to_n_times(n)
        .with_priority(1)
        .mount(server)
        .await;
}

pub fn provider(id: &str, name: &str, server: &MockServer, timeout_seconds: u32) -> Provider {
    Provider {
        id: id.into(),
        name: name.into(),
        kind: ProviderKind::Compatible,
        base_url: format!("{}/v1", server.uri()),
        model: "test-model".into(),
        position: 1,
        timeout_seconds,
        enabled: true,
        has_key: false,
    }
}

pub fn target(id: &str, name: &str, server: &MockServer) -> Target {
    Target {
        provider: provider(id, name, server, 5),
        model: "test-model".into(),
        key: None,
    }
}

pub async fn requests(server: &MockServer) -> Vec<Value> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|r| serde_json::from_slice(&r.body).ok())
        .collect()
}
