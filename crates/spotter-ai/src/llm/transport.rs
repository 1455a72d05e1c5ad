//! The transport under async-openai: one reqwest call with the provider's timeout that notes
//! the status, Retry-After and size of the response, so [`super::failure::classify`] can tell
//! a retryable failure from a final one. async-openai's own retry layer is not used.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_openai::error::OpenAIError;
use async_openai::middleware::HttpRequestFactory;

use super::MAX_RESPONSE_BYTES;

#[derive(Debug, Clone)]
pub(super) struct ResponseMeta {
    pub(super) status: u16,
    pub(super) retry_after: Option<Duration>,
    /// Refused unread: its Content-Length was over [`MAX_RESPONSE_BYTES`].
    pub(super) too_large: bool,
}

/// The transport: one reqwest call with the provider's timeout, noting the status and
/// Retry-After of the response for [`super::failure::classify`].
#[derive(Clone)]
pub(super) struct HttpService {
    pub(super) client: reqwest::Client,
    pub(super) timeout: Duration,
    pub(super) meta: Arc<Mutex<Option<ResponseMeta>>>,
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
