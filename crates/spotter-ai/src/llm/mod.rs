//! Calling models: OpenAI or any OpenAI-compatible server, through async-openai.
//!
//! A call walks the fallback chain of providers in order. Per provider: a per-call
//! timeout; retries with exponential backoff on 429 and 5xx, honouring Retry-After;
//! and a circuit breaker that, after repeated failures, skips the provider for a while
//! and then lets one trial call through (half-open). async-openai's own retry layer is
//! replaced by `transport::HttpService` (a plain reqwest call that also notes the status and
//! Retry-After), so every retry decision is made here, once.
//!
//! The parts: `breaker` (the circuit breakers), `attempt` (one HTTP call and its request),
//! `transport` (the reqwest service under async-openai), `failure` (what a failed call means).
//! This file holds the types callers use and the walk along the chain.

mod attempt;
mod breaker;
mod failure;
mod transport;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use spotter_core::ai::providers::Provider;
use tokio_util::sync::CancellationToken;

use crate::keychain::ApiKey;
use breaker::Breaker;
pub use breaker::{BreakerPolicy, BreakerState, Clock};

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
impl Llm {
    pub fn new(retry: RetryPolicy, breaker: BreakerPolicy) -> Self {
        Self::with_clock(retry, breaker, breaker::system_clock())
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
                        self.release_trial(&target.provider.id);
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
}
