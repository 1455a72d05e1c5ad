//! "Ask about a client": one streamed, grounded answer per question, both turns kept.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use spotter_core::ai::executions::Outcome;
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_store::{AppError, Result};

use super::run::{ExecutionRun, RunKey, Stop};
use super::{fingerprint, EventSink, RunRequest, Runtime};
use crate::agents as agent_impls;
use crate::llm::{ChatRequest, LlmError, Message};
use crate::providers;

impl Runtime {
    /// Registers every client and trainer whose name (or a part of it) the question contains.
    async fn register_named(
        &self,
        names: &mut spotter_core::ai::privacy::Pseudonyms,
        question: &str,
    ) -> Result<()> {
        let said: std::collections::HashSet<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect();
        let mentioned = |name: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.chars().count() >= 2 && said.contains(&w.to_lowercase()))
        };
        for c in spotter_core::clients::all_including_deleted(&self.db).await? {
            let contact = c.emergency_contact_name.as_deref().unwrap_or("");
            if mentioned(&c.name) || mentioned(contact) {
                names.add_client(&c);
            }
        }
        for t in spotter_core::schedule::trainers::list(&self.db).await? {
            if mentioned(&t.name) {
                names.add_trainer(&t.name);
            }
        }
        Ok(())
    }

    /// Answers a question about a client, streaming the answer to `sink` (each `delta`
    /// event carries the whole answer so far, names restored), and keeps both turns.
    pub async fn ask(
        &self,
        client_id: &str,
        question: &str,
        sink: EventSink,
    ) -> Result<spotter_core::ai::chat::ChatMessage> {
        use spotter_core::ai::chat;
        let question = chat::validate_question(question)?;
        let (task, agent, client) = self
            .route(&RunRequest {
                task_type: TaskType::ClientChat.as_str().into(),
                client_id: Some(client_id.into()),
                fresh: true,
            })
            .await?;
        let Some(client) = client else {
            return Err(AppError::validation("clientId", "Ask about which client?"));
        };
        let started = Instant::now();
        let today = spotter_store::time::today_utc();
        let mut names = spotter_core::ai::privacy::Pseudonyms::new();
        let facts =
            spotter_core::ai::facts::progress::compute(&self.db, &client, today, &mut names)
                .await?;
        let computed = facts.computed_insights();
        let facts_json = spotter_core::ai::facts::to_json(&facts);
        let allowed = spotter_core::ai::grounding::AllowedNumbers::from_facts(&facts_json);
        // The chat's facts know one client; people the trainer names in the question get
        // labels too, so "with Bruno Keller" goes out as "with Client B".
        self.register_named(&mut names, &question).await?;
        let asked = names.scrub(&question);
        let mut messages = vec![
            Message::system(agent_impls::client_chat::SYSTEM_PROMPT),
            Message::user(format!(
                "Facts about {}:\n{}",
                facts.client.label,
                serde_json::to_string_pretty(&facts_json).unwrap_or_default()
            )),
        ];
        for (role, sent) in chat::sent_history(&self.db, &client.id, 10).await? {
            messages.push(if role == "user" {
                Message::user(sent)
            } else {
                Message::assistant(sent)
            });
        }
        messages.push(Message::user(asked.clone()));
        let fp = fingerprint(task, &agent, Some(&client.id), &messages);
        let key = RunKey {
            task,
            agent: &agent,
            client_id: Some(&client.id),
            fingerprint: &fp,
            since: started,
        };
        let mut run = ExecutionRun::start(self, &key, sink.clone(), None).await?;
        let id = run.id().to_owned();
        let added = chat::add(
            &self.db,
            &client.id,
            "user",
            &question,
            &asked,
            &[],
            Some(&id),
        )
        .await;
        let asked_row = run.fail_on_err(added).await?;
        let mut outcome = Outcome {
            facts: Some(facts_json.clone()),
            sent: Some(serde_json::to_value(&messages).unwrap_or_default()),
            ..Outcome::default()
        };
        let chain = providers::chain(&self.db, &self.keychain, &agent).await;
        let (chain, skipped) = run.fail_on_err(chain).await?;
        let refusal = if chain.is_empty() {
            None
        } else {
            let refusal = self.outbound_refusal(&messages).await;
            run.fail_on_err(refusal).await?
        };
        let result = if let Some(why) = refusal {
            outcome.sent = None;
            Err(Stop::failed(why))
        } else if chain.is_empty() {
            // No model: the facts, in Spotter's own words.
            let mut text =
                String::from("No AI provider is set up, so here is what Spotter computed:\n");
            for c in &computed {
                text.push_str(&format!("• {}: {}\n", c.title, c.text));
            }
            if computed.is_empty() {
                text.push_str("• Nothing stands out in the last weeks.\n");
            }
            outcome.output =
                Some(serde_json::json!({ "computedOnly": true, "note": skipped.join("; ") }));
            Ok((names.restore(text.trim_end()), String::new(), Vec::new()))
        } else {
            run.emit(
                AgentStage::Model,
                format!("Asking {} ({})", chain[0].provider.name, chain[0].model),
            );
            let so_far = Arc::new(Mutex::new(String::new()));
            let (buf, sink2, names2, id2) =
                (so_far.clone(), sink.clone(), names.clone(), id.clone());
            let client_id2 = client.id.clone();
            let on_delta = move |piece: &str| {
                let text = match buf.lock() {
                    Ok(mut b) => {
                        b.push_str(piece);
                        b.clone()
                    }
                    Err(_) => return,
                };
                sink2(AgentEvent {
                    execution_id: id2.clone(),
                    task_type: TaskType::ClientChat,
                    client_id: Some(client_id2.clone()),
                    stage: AgentStage::Delta,
                    message: String::new(),
                    delta: Some(names2.restore(&text)),
                });
            };
            let req = ChatRequest {
                messages: messages.clone(),
                temperature: agent.temperature as f32,
                schema: None,
                max_tokens: Some(800),
            };
            match self
                .llm
                .chat_stream(&chain, &req, run.token(), &on_delta)
                .await
            {
                Ok(reply) => {
                    outcome.attempts = reply.attempts;
                    outcome.prompt_tokens = reply.usage.prompt_tokens;
                    outcome.completion_tokens = reply.usage.completion_tokens;
                    outcome.cost_estimate_usd = crate::cost::estimate_usd(
                        &reply.model,
                        reply.usage.prompt_tokens,
                        reply.usage.completion_tokens,
                    );
                    outcome.provider_id = Some(reply.provider_id.clone());
                    outcome.provider_name = Some(reply.provider_name.clone());
                    outcome.model = Some(reply.model.clone());
                    let unverified = allowed.unsupported(&reply.content);
                    outcome.output = Some(
                        serde_json::json!({ "answer": reply.content, "unverified": unverified }),
                    );
                    Ok((names.restore(&reply.content), reply.content, unverified))
                }
                Err(LlmError::Cancelled) => Err(Stop::cancelled()),
                Err(LlmError::AllFailed { reasons, attempts }) => {
                    outcome.attempts = attempts;
                    let mut all = skipped.clone();
                    all.extend(reasons);
                    Err(Stop::failed(format!(
                        "no provider answered: {}",
                        all.join("; ")
                    )))
                }
                Err(e) => Err(Stop::failed(e.to_string())),
            }
        };
        match result {
            Ok((shown, sent, unverified)) => {
                run.done(&outcome).await?;
                let answer = chat::add(
                    &self.db,
                    &client.id,
                    "assistant",
                    &shown,
                    &sent,
                    &unverified,
                    Some(&id),
                )
                .await?;
                run.emit(AgentStage::Done, "Answered");
                Ok(answer)
            }
            Err(stop) => {
                run.stopped(&stop, &outcome).await?;
                chat::unanswered(&self.db, &asked_row.id).await?;
                Err(run.report(stop))
            }
        }
    }
}
