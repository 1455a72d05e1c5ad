//! Model answers are bounded: a stream or an answer longer than 64 kB is cut off and the call
//! fails with that reason, and a response announcing more than 1 MB is not read at all.

mod common;

use common::*;
use spotter_ai::llm::{ChatRequest, Llm, LlmError, Message, MAX_ANSWER_BYTES};
use tokio_util::sync::CancellationToken;
use wiremock::ResponseTemplate;

fn request() -> ChatRequest {
    ChatRequest {
        messages: vec![Message::user("Say hi to Client A.")],
        temperature: 0.2,
        schema: None,
        max_tokens: Some(50),
    }
}

fn reason(err: LlmError) -> String {
    match err {
        LlmError::AllFailed { reasons, .. } => reasons.join("; "),
        other => other.to_string(),
    }
}

#[tokio::test]
async fn an_endless_stream_is_cut_off() {
    let s = server().await;
    let piece = "word ".repeat(1000);
    let pieces: Vec<&str> = (0..20).map(|_| piece.as_str()).collect();
    always(&s, sse(&pieces)).await;
    let shown = std::sync::Mutex::new(0usize);
    let err = Llm::default()
        .chat_stream(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
            &|d: &str| {
                if let Ok(mut n) = shown.lock() {
                    *n += d.len();
                }
            },
        )
        .await
        .unwrap_err();
    assert!(reason(err).contains("longer than 64 kB"));
    assert!(
        *shown.lock().unwrap() <= MAX_ANSWER_BYTES,
        "no more is shown"
    );
}

#[tokio::test]
async fn a_huge_answer_is_refused() {
    let s = server().await;
    always(&s, ok(&"x".repeat(MAX_ANSWER_BYTES + 1))).await;
    let err = Llm::default()
        .chat(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert!(reason(err).contains("longer than 64 kB"));

    let s = server().await;
    let body = serde_json::to_string(&completion(&"y".repeat(2 * 1024 * 1024))).unwrap();
    always(
        &s,
        ResponseTemplate::new(200).set_body_raw(body, "application/json"),
    )
    .await;
    let err = Llm::default()
        .chat(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert!(reason(err).contains("larger than 1 MB"));
}
