//! One attempt at one provider: the async-openai client over our transport, the chat request
//! built from a [`ChatRequest`], and the answer read whole or as a stream, cut off at
//! [`MAX_ANSWER_BYTES`].

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::types::chat::{
    ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestUserMessageArgs,
    CreateChatCompletionRequest, CreateChatCompletionRequestArgs, ResponseFormat,
    ResponseFormatJsonSchema,
};
use futures::StreamExt;

use super::failure::{classify, too_long, Failure};
use super::transport::{HttpService, ResponseMeta};
use super::{ChatRequest, Llm, Role, Target, Usage, MAX_ANSWER_BYTES};

impl Llm {
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
    pub(super) async fn once(
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
