//! What one failed HTTP attempt means: a short reason for the execution log and the trainer
//! (never a key or a URL), and whether trying the same provider again can help.

use std::time::Duration;

use async_openai::error::OpenAIError;

use super::transport::ResponseMeta;
use super::{MAX_ANSWER_BYTES, MAX_RESPONSE_BYTES};

/// One HTTP attempt's failure, classified.
#[derive(Debug)]
pub(super) struct Failure {
    pub(super) reason: String,
    pub(super) retryable: bool,
    pub(super) retry_after: Option<Duration>,
}

pub(super) fn too_long() -> Failure {
    Failure {
        reason: format!(
            "the answer was longer than {} kB and was cut off",
            MAX_ANSWER_BYTES / 1024
        ),
        retryable: false,
        retry_after: None,
    }
}

pub(super) fn classify(err: OpenAIError, meta: Option<ResponseMeta>) -> Failure {
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
