//! The model's part of an agent run: the providers to try (or the computed facts when there
//! are none), the last check of what would be sent, a free slot under the concurrency
//! limit, the call, the check of the answer against the facts and its one retry.

use spotter_core::ai::agents::Agent;
use spotter_core::ai::executions::Outcome;
use spotter_core::ai::review::NewReviewItem;
use spotter_core::ai::AgentStage;
use spotter_store::Result;

use super::run::{ExecutionRun, Stop};
use super::Runtime;
use crate::agents::{self as agent_impls, Prepared};
use crate::llm::{ChatRequest, LlmError, Message, Role};
use crate::providers;

impl Runtime {
    /// The last check before a request leaves, for every agent and the chat: no name,
    /// email, phone or birth date of any client or trainer in the database may be in what
    /// is sent (system prompts are Spotter's own text). `Some(reason)` means: do not send.
    pub(crate) async fn outbound_refusal(&self, messages: &[Message]) -> Result<Option<String>> {
        let known = spotter_core::ai::outbound::Identifiers::load(&self.db).await?;
        for (i, m) in messages.iter().enumerate() {
            if m.role == Role::System {
                continue;
            }
            if let Some(leak) = known.find(&m.content) {
                tracing::warn!(
                    message = i,
                    what = leak.what,
                    "AI request refused: it named a person"
                );
                return Ok(Some(format!(
                    "not sent: the request contained {leak}, and Spotter sends no one's name, email, phone or birth date to a model; \
                     take it out of the question or the client's record and try again"
                )));
            }
        }
        Ok(None)
    }

    /// Runs the model's part of `run`: its answer and review items, or why it stopped. Either
    /// way with the outcome so far, for the log.
    pub(super) async fn execute(
        &self,
        run: &ExecutionRun<'_>,
        agent: &Agent,
        prepared: &Prepared,
    ) -> std::result::Result<(Outcome, Vec<NewReviewItem>), (Stop, Outcome)> {
        let fail = |m: String, o: Outcome| (Stop::failed(m), o);
        let mut outcome = Outcome {
            facts: Some(prepared.facts.clone()),
            ..Outcome::default()
        };
        let (chain, skipped) = providers::chain(&self.db, &self.keychain, agent)
            .await
            .map_err(|e| fail(e.message, outcome.clone()))?;
        if let agent_impls::Checker::Optimizer(boxed) = &prepared.checker {
            if boxed.0.plan.is_none() {
                outcome.output = Some(
                    serde_json::json!({ "computedOnly": true, "note": "the client has no plan to change" }),
                );
                return Ok((outcome, prepared.computed.clone()));
            }
        }
        if chain.is_empty() {
            // No model: the computed facts and items are the answer.
            let note = if skipped.is_empty() {
                "no AI provider is set up".to_owned()
            } else {
                skipped.join("; ")
            };
            outcome.output = Some(serde_json::json!({ "computedOnly": true, "note": note }));
            return Ok((outcome, prepared.computed.clone()));
        }

        let mut messages = prepared.messages.clone();
        match self.outbound_refusal(&messages).await {
            Ok(None) => {}
            Ok(Some(why)) => return Err(fail(why, outcome)),
            Err(e) => return Err(fail(e.message, outcome)),
        }
        let sent = serde_json::to_value(&messages).unwrap_or_default();
        outcome.sent = Some(sent.clone());
        run.record_input(&prepared.facts, &sent).await;

        run.emit(AgentStage::Queued, "Waiting for a free slot");
        let token = run.token();
        let _permit = tokio::select! {
            p = self.limit.clone().acquire_owned() => p.map_err(|_| fail("the runtime is shutting down".into(), outcome.clone()))?,
            () = token.cancelled() => return Err((Stop::cancelled(), outcome)),
        };

        let mut retry_reason: Option<String> = None;
        for round in 0..2 {
            if round > 0 {
                // The retry carries the model's own answer back: checked like the rest.
                match self.outbound_refusal(&messages).await {
                    Ok(None) => {}
                    Ok(Some(why)) => return Err(fail(why, outcome)),
                    Err(e) => return Err(fail(e.message, outcome)),
                }
            }
            let first = &chain[0];
            run.emit(
                AgentStage::Model,
                format!("Asking {} ({})", first.provider.name, first.model),
            );
            let req = ChatRequest {
                messages: messages.clone(),
                temperature: agent.temperature as f32,
                schema: Some(prepared.schema.clone()),
                max_tokens: Some(1500),
            };
            let reply = match self.llm.chat(&chain, &req, token).await {
                Ok(r) => r,
                Err(LlmError::Cancelled) => return Err((Stop::cancelled(), outcome)),
                Err(LlmError::AllFailed { reasons, attempts }) => {
                    outcome.attempts += attempts;
                    let mut all = skipped.clone();
                    all.extend(reasons);
                    return Err(fail(
                        format!("no provider answered: {}", all.join("; ")),
                        outcome,
                    ));
                }
                Err(e) => return Err(fail(e.to_string(), outcome)),
            };
            outcome.attempts += reply.attempts;
            outcome.prompt_tokens += reply.usage.prompt_tokens;
            outcome.completion_tokens += reply.usage.completion_tokens;
            outcome.cost_estimate_usd += crate::cost::estimate_usd(
                &reply.model,
                reply.usage.prompt_tokens,
                reply.usage.completion_tokens,
            );
            outcome.provider_id = Some(reply.provider_id.clone());
            outcome.provider_name = Some(reply.provider_name.clone());
            outcome.model = Some(reply.model.clone());
            run.emit(
                AgentStage::Validating,
                "Checking the answer against the facts",
            );
            match agent_impls::interpret(prepared, &reply.content) {
                Ok((json, items)) => {
                    outcome.output = Some(json);
                    outcome.sent = Some(serde_json::to_value(&messages).unwrap_or_default());
                    return Ok((outcome, items));
                }
                Err(reason) if round == 0 => {
                    run.emit(
                        AgentStage::Retrying,
                        format!("The answer was invalid ({reason}); asking once more"),
                    );
                    messages.push(Message::assistant(reply.content.clone()));
                    messages.push(Message::user(format!(
                        "That answer is invalid: {reason}. Answer again with JSON that matches the schema, using only the facts."
                    )));
                    retry_reason = Some(reason);
                }
                Err(reason) => {
                    outcome.sent = Some(serde_json::to_value(&messages).unwrap_or_default());
                    outcome.output = Some(serde_json::json!({ "invalidAnswer": reply.content }));
                    let first = retry_reason.take().unwrap_or_default();
                    return Err(fail(
                        format!(
                            "the model's answer was invalid twice (first: {first}; then: {reason})"
                        ),
                        outcome,
                    ));
                }
            }
        }
        Err(fail("the model's answer was invalid".into(), outcome))
    }
}
