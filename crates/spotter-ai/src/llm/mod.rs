//! Calling models: OpenAI or any OpenAI-compatible server, through async-openai.
//!
//! A call walks the fallback chain of providers in order. Per provider: a per-call
//! timeout; retries with exponential backoff on 429 and 5xx, honouring Retry-After;
//! and a circuit breaker that, after repeated failures, skips the provider for a while
//! and then lets one trial call through (half-open). async-openai's own retry layer is
//! replaced by [`HttpService`] (a plain reqwest call that also notes the status and
//! Retry-After), so every retry decision is made here, once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::middleware::HttpRequestFactory;
use async_openai::types::chat::{
    ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestUserMessageArgs,
    CreateChatCompletionRequest, CreateChatCompletionRequestArgs, ResponseFormat,
    ResponseFormatJsonSchema,
};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use spotter_core::ai::providers::Provider;
use tokio_util::sync::CancellationToken;

use crate::keychain::ApiKey;

/// The longest answer kept: far above what any agent asks for (at most 1,500 tokens), so
/// only a broken or hostile server reaches it. A longer answer or stream is cut off there and
/// the call fails, so nothing unbounded is held in memory or stored in the execution log.
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// The largest response body accepted, by its Content-Length (JSON wraps the answer).
pub const MAX_RESPONSE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
}

/// A message as sent; the execution log keeps these verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: String,
}

impl Message {
    pub fn system(c: impl Into<String>) -> Self {
        Self {
            role: Role::System,
            content: c.into(),
        }
    }
    pub fn user(c: impl Into<String>) -> Self {
        Self {
            role: Role::User,
            content: c.into(),
        }
    }
    pub fn assistant(c: impl Into<String>) -> Self {
        Self {
            role: Role::Assistant,
            content: c.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ChatRequest {
    pub messages: Vec<Message>,
    pub temperature: f32,
    /// Ask for JSON matching this schema (structured output).
    pub schema: Option<(String, serde_json::Value)>,
    pub max_tokens: Option<u32>,
}

/// A provider with what it needs for a call: the model and, if it has one, its key.
#[derive(Debug, Clone)]
pub struct Target {
    pub provider: Provider,
    pub model: String,
    pub key: Option<ApiKey>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
}

#[derive(Debug, Clone)]
pub struct ChatReply {
    pub content: String,
    pub usage: Usage,
    pub provider_id: String,
    pub provider_name: String,
    pub model: String,
    /// HTTP calls made, over all providers tried.
    pub attempts: u32,
    /// Providers that failed (or were skipped) before this one answered.
    pub fell_back_from: Vec<String>,
}

/// Why a chain failed, for the execution log and the trainer. Never holds a key.
#[derive(Debug, Clone, PartialEq)]
pub enum LlmError {
    NoProvider,
    Cancelled,
    /// Every provider failed; one line per provider.
    AllFailed {
        reasons: Vec<String>,
        attempts: u32,
    },
}

impl std::fmt::Display for LlmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LlmError::NoProvider => {
                f.write_str("no AI provider is set up (add one in Settings → AI)")
            }
            LlmError::Cancelled => f.write_str("cancelled"),
            LlmError::AllFailed { reasons, .. } => {
                write!(f, "no provider answered: {}", reasons.join("; "))
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first try, per provider.
    pub max_retries: u32,
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// A Retry-After longer than this moves on to the next provider instead of waiting.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Clone)]
pub struct BreakerPolicy {
    /// Consecutive failed calls (after retries) that open the circuit.
    pub failures_to_open: u32,
    pub open_for: Duration,
}

impl Default for BreakerPolicy {
    fn default() -> Self {
        Self {
            failures_to_open: 3,
            open_for: Duration::from_secs(60),
        }
    }
}

/// The time source of the circuit breakers (tests move it by hand).
pub trait Clock: Send + Sync {
    fn now(&self) -> Instant;
}

struct SystemClock;
impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

#[derive(Debug, Default)]
struct Breaker {
    failures: u32,
    open_until: Option<Instant>,
    trial_running: bool,
}

impl Breaker {
    fn state(&self, now: Instant) -> BreakerState {
        match self.open_until {
            None => BreakerState::Closed,
            Some(until) if now < until => BreakerState::Open,
            Some(_) => BreakerState::HalfOpen,
        }
    }
}

pub struct Llm {
    http: reqwest::Client,
    retry: RetryPolicy,
    breaker: BreakerPolicy,
    breakers: Mutex<HashMap<String, Breaker>>,
    clock: Arc<dyn Clock>,
}

impl Default for Llm {
    fn default() -> Self {
        Self::new(RetryPolicy::default(), BreakerPolicy::default())
    }
}

/// One HTTP attempt's failure, classified.
#[derive(Debug)]
struct Failure {
    reason: String,
    retryable: bool,
    retry_after: Option<Duration>,
}

impl Llm {
    pub fn new(retry: RetryPolicy, breaker: BreakerPolicy) -> Self {
        Self::with_clock(retry, breaker, Arc::new(SystemClock))
    }

    pub fn with_clock(retry: RetryPolicy, breaker: BreakerPolicy, clock: Arc<dyn Clock>) -> Self {
        Self {
            http: reqwest::Client::new(),
            retry,
            breaker,
            breakers: Mutex::new(HashMap::new()),
            clock,
        }
    }

    pub fn breaker_state(&self, provider_id: &str) -> BreakerState {
        let now = self.clock.now();
        self.breakers
            .lock()
            .map(|b| {
                b.get(provider_id)
                    .map_or(BreakerState::Closed, |b| b.state(now))
            })
            .unwrap_or(BreakerState::Closed)
    }

    /// Whether a call may go to this provider now; a half-open circuit lets one through.
    fn admit(&self, provider_id: &str) -> bool {
        let now = self.clock.now();
        let Ok(mut all) = self.breakers.lock() else {
            return true;
        };
        let b = all.entry(provider_id.to_owned()).or_default();
        match b.state(now) {
            BreakerState::Closed => true,
            BreakerState::Open => false,
            BreakerState::HalfOpen if b.trial_running => false,
            BreakerState::HalfOpen => {
                b.trial_running = true;
                true
            }
        }
    }

    fn record(&self, provider_id: &str, ok: bool) {
        let now = self.clock.now();
        let Ok(mut all) = self.breakers.lock() else {
            return;
        };
        let b = all.entry(provider_id.to_owned()).or_default();
        let was_trial = b.trial_running;
        b.trial_running = false;
        if ok {
            *b = Breaker::default();
        } else {
            b.failures += 1;
            if was_trial || b.failures >= self.breaker.failures_to_open {
                b.open_until = Some(now + self.breaker.open_for);
                tracing::warn!(
                    provider = provider_id,
                    "circuit opened for this AI provider"
                );
            }
        }
    }

    fn client(
        &self,
        target: &Target,
        meta: &Arc<Mutex<Option<ResponseMeta>>>,
    ) -> async_openai::Client<OpenAIConfig> {
        let mut config = OpenAIConfig::new().with_api_base(target.provider.base_url.clone());
        // A local server needs no key; async-openai then sends an empty bearer, which they ignore.
        config = config.with_api_key(
            target
                .key
                .as_ref()
                .map(|k| k.expose().to_owned())
                .unwrap_or_default(),
        );
        let service = HttpService {
            client: self.http.clone(),
            timeout: Duration::from_secs(u64::from(target.provider.timeout_seconds.max(1))),
            meta: meta.clone(),
        };
        async_openai::Client::with_config(config).with_http_service(service)
    }

    fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .retry
            .base_backoff
            .saturating_mul(2u32.saturating_pow(retry));
        exp.min(self.retry.max_backoff)
    }

    /// A complete reply (non-streaming), trying the chain in order.
    pub async fn chat(
        &self,
        chain: &[Target],
        req: &ChatRequest,
        cancel: &CancellationToken,
    ) -> Result<ChatReply, LlmError> {
        self.run(chain, req, cancel, None).await
    }

    /// A streamed reply: `on_delta` gets each piece of text as it arrives. Falls back to
    /// the next provider only while nothing has been streamed yet.
    pub async fn chat_stream(
        &self,
        chain: &[Target],
        req: &ChatRequest,
        cancel: &CancellationToken,
        on_delta: &(dyn Fn(&str) + Send + Sync),
    ) -> Result<ChatReply, LlmError> {
        self.run(chain, req, cancel, Some(on_delta)).await
    }

    async fn run(
        &self,
        chain: &[Target],
        req: &ChatRequest,
        cancel: &CancellationToken,
        on_delta: Option<&(dyn Fn(&str) + Send + Sync)>,
    ) -> Result<ChatReply, LlmError> {
        if chain.is_empty() {
            return Err(LlmError::NoProvider);
        }
        let mut reasons = Vec::new();
        let mut attempts = 0;
        for target in chain {
            let name = &target.provider.name;
            if !self.admit(&target.provider.id) {
                reasons.push(format!(
                    "{name}: skipped, it failed repeatedly (circuit open)"
                ));
                continue;
            }
            let mut retry = 0;
            loop {
                if cancel.is_cancelled() {
                    return Err(LlmError::Cancelled);
                }
                attempts += 1;
                let once = self.once(target, req, on_delta);
                let result = tokio::select! {
                    r = once => r,
                    () = cancel.cancelled() => {
                        // A cancelled call says nothing about the provider's health.
                        if let Ok(mut all) = self.breakers.lock() {
                            if let Some(b) = all.get_mut(&target.provider.id) { b.trial_running = false; }
                        }
                        return Err(LlmError::Cancelled);
                    }
                };
                match result {
                    Ok((content, usage)) => {
                        self.record(&target.provider.id, true);
                        return Ok(ChatReply {
                            content,
                            usage,
                            provider_id: target.provider.id.clone(),
                            provider_name: name.clone(),
                            model: target.model.clone(),
                            attempts,
                            fell_back_from: reasons,
                        });
                    }
                    Err(f) if f.retryable && retry < self.retry.max_retries => {
                        let wait = f.retry_after.unwrap_or_else(|| self.backoff(retry));
                        if wait > self.retry.max_retry_after {
                            reasons.push(format!(
                                "{name}: {} (asked to wait {} s)",
                                f.reason,
                                wait.as_secs()
                            ));
                            self.record(&target.provider.id, false);
                            break;
                        }
                        tracing::info!(provider = %name, reason = %f.reason, wait_ms = wait.as_millis() as u64, "retrying AI call");
                        retry += 1;
                        tokio::select! {
                            () = tokio::time::sleep(wait) => {}
                            () = cancel.cancelled() => return Err(LlmError::Cancelled),
                        }
                    }
                    Err(f) => {
                        let tries = retry + 1;
                        reasons.push(if tries > 1 {
                            format!("{name}: {} after {tries} tries", f.reason)
                        } else {
                            format!("{name}: {}", f.reason)
                        });
                        self.record(&target.provider.id, false);
                        break;
                    }
                }
            }
        }
        Err(LlmError::AllFailed { reasons, attempts })
    }

    async fn once(
        &self,
        target: &Target,
        req: &ChatRequest,
        on_delta: Option<&(dyn Fn(&str) + Send + Sync)>,
    ) -> Result<(String, Usage), Failure> {
        let meta = Arc::new(Mutex::new(None));
        let client = self.client(target, &meta);
        let request = build_request(target, req, on_delta.is_some()).map_err(|e| Failure {
            reason: format!("the request could not be built ({e})"),
            retryable: false,
            retry_after: None,
        })?;
        let classify = |e: OpenAIError| classify(e, meta.lock().ok().and_then(|m| m.clone()));
        match on_delta {
            None => {
                let resp = client.chat().create(request).await.map_err(classify)?;
                let content = resp
                    .choices
                    .into_iter()
                    .next()
                    .and_then(|c| c.message.content)
                    .unwrap_or_default();
                if content.len() > MAX_ANSWER_BYTES {
                    return Err(too_long());
                }
                let usage = resp
                    .usage
                    .map(|u| Usage {
                        prompt_tokens: u.prompt_tokens,
                        completion_tokens: u.completion_tokens,
                    })
                    .unwrap_or_default();
                Ok((content, usage))
            }
            Some(on_delta) => {
                let mut stream = client
                    .chat()
                    .create_stream(request)
                    .await
                    .map_err(classify)?;
                let mut content = String::new();
                let mut usage = Usage::default();
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|e| {
                        let mut f = classify(e);
                        // Text already shown cannot be taken back: no retry mid-stream.
                        if !content.is_empty() {
                            f.retryable = false;
                        }
                        f
                    })?;
                    if let Some(u) = chunk.usage {
                        usage = Usage {
                            prompt_tokens: u.prompt_tokens,
                            completion_tokens: u.completion_tokens,
                        };
                    }
                    for choice in chunk.choices {
                        if let Some(piece) = choice.delta.content {
                            if content.len() + piece.len() > MAX_ANSWER_BYTES {
                                // Dropping the stream closes the connection.
                                return Err(too_long());
                            }
                            if !piece.is_empty() {
                                on_delta(&piece);
                                content.push_str(&piece);
                            }
                        }
                    }
                }
                Ok((content, usage))
            }
        }
    }
}

fn too_long() -> Failure {
    Failure {
        reason: format!(
            "the answer was longer than {} kB and was cut off",
            MAX_ANSWER_BYTES / 1024
        ),
        retryable: false,
        retry_after: None,
    }
}

fn build_request(
    target: &Target,
    req: &ChatRequest,
    stream: bool,
) -> Result<CreateChatCompletionRequest, OpenAIError> {
    let mut messages: Vec<ChatCompletionRequestMessage> = Vec::with_capacity(req.messages.len());
    for m in &req.messages {
        messages.push(match m.role {
            Role::System => ChatCompletionRequestSystemMessageArgs::default()
                .content(m.content.as_str())
                .build()?
                .into(),
            Role::User => ChatCompletionRequestUserMessageArgs::default()
                .content(m.content.as_str())
                .build()?
                .into(),
            Role::Assistant => ChatCompletionRequestAssistantMessageArgs::default()
                .content(m.content.as_str())
                .build()?
                .into(),
        });
    }
    let mut args = CreateChatCompletionRequestArgs::default();
    args.model(target.model.as_str())
        .messages(messages)
        .temperature(req.temperature);
    if let Some(max) = req.max_tokens {
        args.max_completion_tokens(max);
    }
    if let Some((name, schema)) = &req.schema {
        args.response_format(ResponseFormat::JsonSchema {
            json_schema: ResponseFormatJsonSchema {
                description: None,
                name: name.clone(),
                schema: schema.clone(),
                strict: Some(true),
            },
        });
    }
    if stream {
        args.stream(true);
    }
    args.build()
}

#[derive(Debug, Clone)]
struct ResponseMeta {
    status: u16,
    retry_after: Option<Duration>,
    /// Refused unread: its Content-Length was over [`MAX_RESPONSE_BYTES`].
    too_large: bool,
}

fn classify(err: OpenAIError, meta: Option<ResponseMeta>) -> Failure {
    let retry_after = meta.as_ref().and_then(|m| m.retry_after);
    if meta.as_ref().is_some_and(|m| m.too_large) {
        return Failure {
            reason: format!(
                "the response was larger than {} MB and was not read",
                MAX_RESPONSE_BYTES / (1024 * 1024)
            ),
            retryable: false,
            retry_after: None,
        };
    }
    match err {
        OpenAIError::ApiError(api) => {
            let status = api.status_code.as_u16();
            let quota = api.api_error.code.as_deref() == Some("insufficient_quota");
            let (reason, retryable) = match status {
                429 if quota => ("the account has no quota left (429)".to_owned(), false),
                429 => ("rate limited (429)".to_owned(), true),
                401 | 403 => (
                    format!("the key was refused ({status}); check it in Settings → AI"),
                    false,
                ),
                404 => (
                    "not found (404): check the base URL and the model name".to_owned(),
                    false,
                ),
                s if s >= 500 => (format!("server error ({s})"), true),
                s => (
                    format!(
                        "request refused ({s}): {}",
                        first_line(&api.api_error.message)
                    ),
                    false,
                ),
            };
            Failure {
                reason,
                retryable,
                retry_after,
            }
        }
        OpenAIError::Reqwest(e) if e.is_timeout() => Failure {
            reason: "timed out".into(),
            retryable: false,
            retry_after: None,
        },
        OpenAIError::Reqwest(e) if e.is_connect() => Failure {
            reason: "not reachable".into(),
            retryable: false,
            retry_after: None,
        },
        OpenAIError::Reqwest(e) => Failure {
            reason: format!("network error ({})", without_url(&e)),
            retryable: false,
            retry_after: None,
        },
        // An error status with a body that is not OpenAI's error JSON (a proxy's page, nothing).
        OpenAIError::JSONDeserialize(..) => match meta.map(|m| m.status) {
            Some(s) if s >= 500 => Failure {
                reason: format!("server error ({s})"),
                retryable: true,
                retry_after,
            },
            Some(429) => Failure {
                reason: "rate limited (429)".into(),
                retryable: true,
                retry_after,
            },
            Some(401 | 403) => Failure {
                reason: "the key was refused; check it in Settings → AI".into(),
                retryable: false,
                retry_after: None,
            },
            Some(404) => Failure {
                reason: "not found (404): check the base URL and the model name".into(),
                retryable: false,
                retry_after: None,
            },
            Some(s) if s >= 400 => Failure {
                reason: format!("request refused ({s})"),
                retryable: false,
                retry_after: None,
            },
            _ => Failure {
                reason: "the reply was not the chat-completions format".into(),
                retryable: false,
                retry_after: None,
            },
        },
        OpenAIError::StreamError(e) => Failure {
            reason: format!("the stream broke ({})", first_line(&e.to_string())),
            retryable: false,
            retry_after: None,
        },
        other => Failure {
            reason: first_line(&other.to_string()),
            retryable: false,
            retry_after: None,
        },
    }
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(200).collect()
}

fn without_url(e: &reqwest::Error) -> String {
    // reqwest puts the URL in its message; ours carry no secrets, but keep messages short.
    let e = e.to_string();
    first_line(e.split(" for url").next().unwrap_or(&e))
}

/// The transport: one reqwest call with the provider's timeout, noting the status and
/// Retry-After of the response for [`classify`].
#[derive(Clone)]
struct HttpService {
    client: reqwest::Client,
    timeout: Duration,
    meta: Arc<Mutex<Option<ResponseMeta>>>,
}

impl tower::Service<HttpRequestFactory> for HttpService {
    type Response = reqwest::Response;
    type Error = OpenAIError;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<reqwest::Response, OpenAIError>> + Send>,
    >;

    fn poll_ready(
        &mut self,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, factory: HttpRequestFactory) -> Self::Future {
        let client = self.client.clone();
        let timeout = self.timeout;
        let meta = self.meta.clone();
        Box::pin(async move {
            let mut request = factory.build().await?;
            *request.timeout_mut() = Some(timeout);
            let response = client
                .execute(request)
                .await
                .map_err(OpenAIError::Reqwest)?;
            let retry_after = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after);
            let too_large = response
                .content_length()
                .is_some_and(|n| n > MAX_RESPONSE_BYTES);
            if let Ok(mut m) = meta.lock() {
                *m = Some(ResponseMeta {
                    status: response.status().as_u16(),
                    retry_after,
                    too_large,
                });
            }
            if too_large {
                return Err(OpenAIError::InvalidArgument(
                    "the response is too large".into(),
                ));
            }
            Ok(response)
        })
    }
}

/// Retry-After is seconds ("2", "1.5") or an HTTP date.
fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0)
            .then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let wait = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO),
            "a date in the past: go now"
        );
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-3"), None);
    }
}
