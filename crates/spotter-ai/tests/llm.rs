//! Model calls against a real HTTP server on localhost speaking the chat-completions API:
//! success and what the request carries, 429 with Retry-After, 500s, timeouts, fallback to
//! the second provider, the circuit breaker opening and closing, streaming.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use spotter_ai::keychain::ApiKey;
use spotter_ai::llm::{
    BreakerPolicy, BreakerState, ChatRequest, Clock, Llm, LlmError, Message, RetryPolicy,
};
use tokio_util::sync::CancellationToken;

fn request() -> ChatRequest {
    ChatRequest {
        messages: vec![
            Message::system("You are terse."),
            Message::user("Say hi to Client A."),
        ],
        temperature: 0.2,
        schema: Some((
            "greeting".into(),
            json!({"type": "object", "properties": {"hi": {"type": "string"}}, "required": ["hi"], "additionalProperties": false}),
        )),
        max_tokens: Some(50),
    }
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(5),
    }
}

#[tokio::test]
async fn a_call_sends_the_model_messages_schema_and_key_and_returns_text_and_usage() {
    let s = server().await;
    always(&s, ok("{\"hi\":\"Hello\"}")).await;
    let mut t = target("p1", "Local", &s);
    t.key = Some(ApiKey::new("sk-test-123"));
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let reply = llm
        .chat(&[t], &request(), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(reply.content, "{\"hi\":\"Hello\"}");
    assert_eq!(
        (reply.usage.prompt_tokens, reply.usage.completion_tokens),
        (120, 30)
    );
    assert_eq!((reply.attempts, reply.provider_name.as_str()), (1, "Local"));

    let received = s.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(
        received[0]
            .headers
            .get("authorization")
            .unwrap()
            .to_str()
            .unwrap(),
        "Bearer sk-test-123"
    );
    let body: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["messages"][1]["content"], "Say hi to Client A.");
    assert_eq!(body["response_format"]["type"], "json_schema");
    assert_eq!(body["response_format"]["json_schema"]["name"], "greeting");
    assert_eq!(body["response_format"]["json_schema"]["strict"], true);
    assert!((body["temperature"].as_f64().unwrap() - 0.2).abs() < 1e-6);
}

#[tokio::test]
async fn a_429_is_retried_after_the_time_retry_after_asks_for() {
    let s = server().await;
    first(&s, 1, status(429).insert_header("retry-after", "1")).await;
    always(&s, ok("fine")).await;
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let started = Instant::now();
    let reply = llm
        .chat(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!(reply.content, "fine");
    assert_eq!(reply.attempts, 2);
    // The backoff alone would have waited 10 ms; Retry-After said one second.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(requests(&s).await.len(), 2);
}

#[tokio::test]
async fn a_retry_after_longer_than_allowed_moves_on_to_the_next_provider() {
    let (a, b) = (server().await, server().await);
    always(&a, status(429).insert_header("retry-after", "120")).await;
    always(&b, ok("from b")).await;
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let reply = llm
        .chat(
            &[target("a", "A", &a), target("b", "B", &b)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!(reply.provider_name, "B");
    assert_eq!(
        requests(&a).await.len(),
        1,
        "no waiting two minutes, no second try at A"
    );
    assert!(
        reply.fell_back_from[0].contains("rate limited (429)"),
        "{:?}",
        reply.fell_back_from
    );
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff_then_reported() {
    let s = server().await;
    first(&s, 2, status(500)).await;
    always(&s, ok("third time")).await;
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let reply = llm
        .chat(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!((reply.content.as_str(), reply.attempts), ("third time", 3));

    let down = server().await;
    always(&down, status(503)).await;
    let err = llm
        .chat(
            &[target("p2", "Down", &down)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    match err {
        LlmError::AllFailed { reasons, attempts } => {
            assert_eq!(attempts, 3, "one try and two retries");
            assert_eq!(
                reasons,
                vec!["Down: server error (503) after 3 tries".to_owned()]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_refused_key_is_not_retried_and_never_appears_in_the_error() {
    let s = server().await;
    always(&s, status(401)).await;
    let mut t = target("p1", "OpenAI", &s);
    t.key = Some(ApiKey::new("sk-live-SECRET-999"));
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let err = llm
        .chat(&[t], &request(), &CancellationToken::new())
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("the key was refused (401)"), "{text}");
    assert!(!text.contains("SECRET"), "{text}");
    assert!(!format!("{err:?}").contains("SECRET"));
    assert_eq!(requests(&s).await.len(), 1);
}

#[tokio::test]
async fn a_slow_provider_times_out_and_the_second_answers() {
    let (slow, fast) = (server().await, server().await);
    always(&slow, ok("too late").set_delay(Duration::from_secs(4))).await;
    always(&fast, ok("from the second")).await;
    let mut a = target("slow", "Slow", &slow);
    a.provider.timeout_seconds = 1;
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let reply = llm
        .chat(
            &[a, target("fast", "Fast", &fast)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!(reply.content, "from the second");
    assert_eq!(reply.fell_back_from, vec!["Slow: timed out".to_owned()]);
}

#[tokio::test]
async fn an_unreachable_provider_falls_back() {
    let good = server().await;
    always(&good, ok("here")).await;
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut dead = target("dead", "Gone", &good);
    dead.provider.base_url = format!("http://127.0.0.1:{port}/v1");
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let reply = llm
        .chat(
            &[dead, target("good", "Good", &good)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!(reply.provider_name, "Good");
    assert_eq!(reply.fell_back_from, vec!["Gone: not reachable".to_owned()]);
}

/// A clock the test moves by hand, so the breaker's cool-down needs no waiting.
struct ManualClock(Mutex<Instant>);
impl Clock for ManualClock {
    fn now(&self) -> Instant {
        *self.0.lock().unwrap()
    }
}

#[tokio::test]
async fn the_circuit_opens_after_repeated_failures_skips_the_provider_then_closes_after_a_good_trial(
) {
    let (flaky, backup) = (server().await, server().await);
    first(&flaky, 2, status(500)).await;
    always(&flaky, ok("flaky is back")).await;
    always(&backup, ok("backup")).await;
    let clock = Arc::new(ManualClock(Mutex::new(Instant::now())));
    let llm = Llm::with_clock(
        RetryPolicy {
            max_retries: 0,
            ..fast_retries()
        },
        BreakerPolicy {
            failures_to_open: 2,
            open_for: Duration::from_secs(60),
        },
        clock.clone(),
    );
    let chain = || {
        [
            target("flaky", "Flaky", &flaky),
            target("backup", "Backup", &backup),
        ]
    };
    let cancel = CancellationToken::new();

    for _ in 0..2 {
        assert_eq!(
            llm.chat(&chain(), &request(), &cancel)
                .await
                .unwrap()
                .provider_name,
            "Backup"
        );
    }
    assert_eq!(llm.breaker_state("flaky"), BreakerState::Open);
    let reply = llm.chat(&chain(), &request(), &cancel).await.unwrap();
    assert_eq!(reply.provider_name, "Backup");
    assert!(
        reply.fell_back_from[0].contains("circuit open"),
        "{:?}",
        reply.fell_back_from
    );
    assert_eq!(
        requests(&flaky).await.len(),
        2,
        "an open circuit sends nothing"
    );

    *clock.0.lock().unwrap() += Duration::from_secs(61);
    assert_eq!(llm.breaker_state("flaky"), BreakerState::HalfOpen);
    let reply = llm.chat(&chain(), &request(), &cancel).await.unwrap();
    assert_eq!(
        reply.provider_name, "Flaky",
        "the trial call goes through and succeeds"
    );
    assert_eq!(llm.breaker_state("flaky"), BreakerState::Closed);
}

#[tokio::test]
async fn a_failed_trial_opens_the_circuit_again() {
    let (down, backup) = (server().await, server().await);
    always(&down, status(500)).await;
    always(&backup, ok("backup")).await;
    let clock = Arc::new(ManualClock(Mutex::new(Instant::now())));
    let llm = Llm::with_clock(
        RetryPolicy {
            max_retries: 0,
            ..fast_retries()
        },
        BreakerPolicy {
            failures_to_open: 1,
            open_for: Duration::from_secs(30),
        },
        clock.clone(),
    );
    let chain = [
        target("down", "Down", &down),
        target("backup", "Backup", &backup),
    ];
    llm.chat(&chain, &request(), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(llm.breaker_state("down"), BreakerState::Open);
    *clock.0.lock().unwrap() += Duration::from_secs(31);
    llm.chat(&chain, &request(), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(llm.breaker_state("down"), BreakerState::Open);
    assert_eq!(requests(&down).await.len(), 2);
}

#[tokio::test]
async fn a_streamed_reply_arrives_piece_by_piece() {
    let s = server().await;
    always(&s, sse(&["Client A ", "squatted ", "more."])).await;
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let pieces = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = pieces.clone();
    let on_delta = move |p: &str| sink.lock().unwrap().push(p.to_owned());
    let reply = llm
        .chat_stream(
            &[target("p1", "Local", &s)],
            &request(),
            &CancellationToken::new(),
            &on_delta,
        )
        .await
        .unwrap();
    assert_eq!(reply.content, "Client A squatted more.");
    assert_eq!(
        *pieces.lock().unwrap(),
        vec!["Client A ", "squatted ", "more."]
    );
    assert_eq!(requests(&s).await[0]["stream"], true);
}

#[tokio::test]
async fn a_wrong_base_url_says_so() {
    let s = server().await; // answers nothing it was not told to: 404 with no body
    let llm = Llm::new(fast_retries(), BreakerPolicy::default());
    let err = llm
        .chat(
            &[target("p1", "Typo", &s)],
            &request(),
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no provider answered: Typo: not found (404): check the base URL and the model name"
    );
}

#[tokio::test]
async fn a_cancelled_call_stops_at_once() {
    let s = server().await;
    always(&s, ok("late").set_delay(Duration::from_secs(30))).await;
    let llm = Arc::new(Llm::new(fast_retries(), BreakerPolicy::default()));
    let cancel = CancellationToken::new();
    let (l, c, t) = (llm.clone(), cancel.clone(), target("p1", "Local", &s));
    let call = tokio::spawn(async move { l.chat(&[t], &request(), &c).await });
    // Cancel once the request has reached the server.
    while requests(&s).await.is_empty() {
        tokio::task::yield_now().await;
    }
    cancel.cancel();
    assert_eq!(call.await.unwrap().unwrap_err(), LlmError::Cancelled);
    assert_eq!(
        llm.breaker_state("p1"),
        BreakerState::Closed,
        "a cancel is not the provider's fault"
    );
}
