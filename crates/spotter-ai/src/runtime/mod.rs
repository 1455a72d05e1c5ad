//! The agent runtime, in process: routes a task type to its agent, refuses unknown and
//! disabled ones (logged), limits concurrency, caches results by input fingerprint,
//! streams progress as events, lets the trainer cancel, and logs every execution.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use spotter_core::ai::address::Server;
use spotter_core::ai::agents::{self, Agent};
use spotter_core::ai::executions::{self, Execution, ExecutionStatus, Outcome};
use spotter_core::ai::facts::health::HealthReport;
use spotter_core::ai::providers::{self, Provider, ProviderInput, ProviderKind};
use spotter_core::ai::review::{self, NewReviewItem};
pub use spotter_core::ai::run::{
    AiStatus, ProviderCheck, ProviderStatus, RunOutcome, RunPreview, RunRequest,
};
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_core::{clients, AppError, Database, ErrorCode, Result};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use crate::agents::{self as agent_impls, Prepared};
use crate::keychain::Keychain;
use crate::llm::{ChatRequest, Llm, LlmError, Message, Role, Target};

mod chat;
mod digest;

/// How long a result is reused for the same input.
pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(6 * 3600);
pub const DEFAULT_CONCURRENCY: usize = 4;

pub type EventSink = Arc<dyn Fn(AgentEvent) + Send + Sync>;

pub struct Runtime {
    db: Database,
    /// Where the data (and its backups) and the log files are, for the health checker.
    data_dir: Option<(spotter_core::paths::DataDir, std::path::PathBuf)>,
    last_health: Mutex<Option<HealthReport>>,
    keychain: Keychain,
    llm: Arc<Llm>,
    limit: Arc<Semaphore>,
    running: Mutex<HashMap<String, CancellationToken>>,
    cache_ttl: Duration,
    events: EventSink,
}

impl Runtime {
    pub fn new(db: Database, keychain: Keychain, llm: Arc<Llm>) -> Self {
        Self {
            db,
            data_dir: None,
            last_health: Mutex::new(None),
            keychain,
            llm,
            limit: Arc::new(Semaphore::new(DEFAULT_CONCURRENCY)),
            running: Mutex::new(HashMap::new()),
            cache_ttl: DEFAULT_CACHE_TTL,
            events: Arc::new(|_| {}),
        }
    }

    /// The data directory and the log directory (the app keeps logs elsewhere unless a
    /// data directory was given).
    pub fn with_data_dir(
        mut self,
        data_dir: spotter_core::paths::DataDir,
        log_dir: std::path::PathBuf,
    ) -> Self {
        self.data_dir = Some((data_dir, log_dir));
        self
    }

    /// Runs every health check now (no execution is logged, nothing is queued) and keeps
    /// the report for [`Self::last_health`]: the status light.
    pub async fn health(&self) -> Result<HealthReport> {
        let Some((dir, logs)) = &self.data_dir else {
            return Err(AppError::internal(
                "the health checker needs the data directory",
            ));
        };
        let report = agent_impls::health_check::report(self, dir, logs).await?;
        if let Ok(mut last) = self.last_health.lock() {
            *last = Some(report.clone());
        }
        Ok(report)
    }

    pub fn last_health(&self) -> Option<HealthReport> {
        self.last_health.lock().ok().and_then(|l| l.clone())
    }

    pub fn with_events(mut self, sink: EventSink) -> Self {
        self.events = sink;
        self
    }

    pub fn with_concurrency(mut self, n: usize) -> Self {
        self.limit = Arc::new(Semaphore::new(n.max(1)));
        self
    }

    pub fn with_cache_ttl(mut self, ttl: Duration) -> Self {
        self.cache_ttl = ttl;
        self
    }

    pub fn db(&self) -> &Database {
        &self.db
    }

    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }

    pub fn llm(&self) -> &Llm {
        &self.llm
    }

    fn emit(
        &self,
        sink: &EventSink,
        execution_id: &str,
        task: TaskType,
        client_id: Option<&str>,
        stage: AgentStage,
        message: impl Into<String>,
    ) {
        sink(AgentEvent {
            execution_id: execution_id.to_owned(),
            task_type: task,
            client_id: client_id.map(str::to_owned),
            stage,
            message: message.into(),
            delta: None,
        });
    }

    /// Cancels a running execution. Unknown or finished ids are not an error.
    pub fn cancel(&self, execution_id: &str) -> bool {
        self.running
            .lock()
            .ok()
            .and_then(|r| r.get(execution_id).cloned())
            .map(|t| t.cancel())
            .is_some()
    }

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

    /// The providers in fallback order, each saying whether the keychain holds its key.
    /// A keychain that cannot be reached shows as "no key" here; [`Self::status`] says why.
    pub async fn providers(&self) -> Result<Vec<Provider>> {
        let mut list = providers::list(&self.db).await?;
        for p in &mut list {
            p.has_key = self.keychain.has(&p.id).await.unwrap_or(false);
        }
        Ok(list)
    }

    /// Stores (or replaces) a provider's key in the keychain.
    pub async fn set_key(&self, provider_id: &str, key: &str) -> Result<Provider> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.set(&p.id, key).await?;
        Ok(Provider { has_key: true, ..p })
    }

    /// Saves a provider's settings. A key belongs to the server it was given for: when the
    /// address now names another server (host or port), the key is removed from the keychain
    /// first, and the trainer is asked for it again (`hasKey` false).
    pub async fn update_provider(
        &self,
        provider_id: &str,
        input: &ProviderInput,
    ) -> Result<Provider> {
        let before = providers::get(&self.db, provider_id).await?;
        let next = providers::checked_base_url(input)?;
        let moved = match (Server::of(&before.base_url), Server::of(&next)) {
            (Some(a), Some(b)) => !a.same_server(&b),
            _ => true,
        };
        if moved {
            self.keychain.delete(&before.id).await?;
        }
        let after = providers::update(&self.db, &before.id, input).await?;
        let has_key = self.keychain.has(&after.id).await.unwrap_or(false);
        Ok(Provider { has_key, ..after })
    }

    pub async fn remove_key(&self, provider_id: &str) -> Result<Provider> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.delete(&p.id).await?;
        Ok(Provider {
            has_key: false,
            ..p
        })
    }

    /// Deletes a provider (a tombstone) and its key.
    pub async fn delete_provider(&self, provider_id: &str) -> Result<()> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.delete(&p.id).await?;
        providers::delete(&self.db, &p.id).await
    }

    /// "Send one tiny request": one short call to this provider alone, no retries.
    pub async fn check_provider(&self, provider_id: &str) -> Result<ProviderCheck> {
        let p = providers::get(&self.db, provider_id).await?;
        if !providers::address_allowed(&p) {
            return Ok(ProviderCheck {
                ok: false,
                message: insecure_address(&p),
                latency_ms: None,
            });
        }
        let key = match self.keychain.get(&p.id).await {
            Ok(k) => k,
            Err(e) if p.kind == ProviderKind::Openai => {
                return Ok(ProviderCheck {
                    ok: false,
                    message: e.message,
                    latency_ms: None,
                })
            }
            Err(_) => None,
        };
        if key.is_none() && p.kind == ProviderKind::Openai {
            return Ok(ProviderCheck {
                ok: false,
                message: "No API key yet: add it first".into(),
                latency_ms: None,
            });
        }
        let model = p.model.clone();
        let target = Target {
            provider: p,
            model,
            key,
        };
        let llm = Llm::new(
            crate::llm::RetryPolicy {
                max_retries: 0,
                ..Default::default()
            },
            Default::default(),
        );
        let req = ChatRequest {
            messages: vec![Message::user("Reply with the word OK.")],
            temperature: 0.0,
            schema: None,
            max_tokens: Some(5),
        };
        let started = Instant::now();
        Ok(
            match llm
                .chat(
                    std::slice::from_ref(&target),
                    &req,
                    &CancellationToken::new(),
                )
                .await
            {
                Ok(_) => {
                    let ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
                    ProviderCheck {
                        ok: true,
                        message: format!("{} answered in {ms} ms", target.model),
                        latency_ms: Some(ms),
                    }
                }
                Err(LlmError::AllFailed { reasons, .. }) => ProviderCheck {
                    ok: false,
                    message: reasons.join("; "),
                    latency_ms: None,
                },
                Err(e) => ProviderCheck {
                    ok: false,
                    message: e.to_string(),
                    latency_ms: None,
                },
            },
        )
    }

    /// Keychain reachability and each provider's circuit.
    pub async fn status(&self) -> Result<AiStatus> {
        let keychain = self.keychain.check().await;
        let providers = providers::list(&self.db)
            .await?
            .into_iter()
            .map(|p| ProviderStatus {
                circuit: match self.llm.breaker_state(&p.id) {
                    crate::llm::BreakerState::Closed => "closed",
                    crate::llm::BreakerState::Open => "open",
                    crate::llm::BreakerState::HalfOpen => "half_open",
                }
                .to_owned(),
                provider_id: p.id,
                name: p.name,
            })
            .collect();
        Ok(AiStatus {
            keychain_ok: keychain.is_ok(),
            keychain_message: keychain.err().map(|e| e.message),
            providers,
        })
    }

    /// The task type and agent, or the logged refusal.
    async fn route(&self, req: &RunRequest) -> Result<(TaskType, Agent, Option<clients::Client>)> {
        let client_arg = req
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let task = match TaskType::parse(&req.task_type) {
            Ok(t) => t,
            Err(e) => {
                executions::refused(&self.db, &req.task_type, None, "invalid task type").await?;
                return Err(e);
            }
        };
        let agent = agents::for_task(&self.db, task).await?;
        if !agent.enabled {
            let asked_for =
                client_arg.and_then(|c| spotter_core::ids::parse_id("clientId", c).ok());
            executions::refused(
                &self.db,
                task.as_str(),
                asked_for.as_deref(),
                "agent disabled",
            )
            .await?;
            return Err(AppError::new(
                ErrorCode::Ai,
                format!(
                    "agent disabled: {} is turned off (turn it on in Insights → Agents)",
                    task.label()
                ),
            ));
        }
        let client = match (task.needs_client(), client_arg) {
            (true, None) => {
                return Err(AppError::validation(
                    "clientId",
                    format!("{} needs a client", task.label()),
                ))
            }
            (_, Some(raw)) => Some(clients::get(&self.db, raw).await.map_err(
                |e| match e.code {
                    ErrorCode::NotFound | ErrorCode::Validation => {
                        AppError::validation("clientId", "No such client")
                    }
                    _ => e,
                },
            )?),
            (false, None) => None,
        };
        Ok((task, agent, client))
    }

    async fn prepare(&self, task: TaskType, client: Option<&clients::Client>) -> Result<Prepared> {
        let today = spotter_core::time::today_utc();
        match (task, client) {
            (TaskType::ProgressMonitor, Some(c)) => {
                agent_impls::progress_monitor::prepare(&self.db, c, today).await
            }
            (TaskType::DataQuality, _) => agent_impls::data_quality::prepare(&self.db).await,
            (TaskType::Scheduling, Some(c)) => agent_impls::scheduling::prepare(&self.db, c).await,
            (TaskType::Nutrition, Some(c)) => {
                agent_impls::nutrition::prepare(&self.db, c, today).await
            }
            (TaskType::WorkoutOptimizer, Some(c)) => {
                let (mut prepared, ctx) =
                    agent_impls::workout_optimizer::prepare(&self.db, c, today).await?;
                prepared.checker = agent_impls::Checker::Optimizer(Box::new((ctx, c.clone())));
                Ok(prepared)
            }
            (TaskType::HealthCheck, _) => {
                let report = self.health().await?;
                let mut names = spotter_core::ai::privacy::Pseudonyms::new();
                for c in clients::all_including_deleted(&self.db).await? {
                    names.add_client(&c);
                }
                Ok(agent_impls::health_check::prepare(&report, names))
            }
            (t, _) => Err(AppError::new(
                ErrorCode::Ai,
                format!(
                    "{} is not available in this version of Spotter yet",
                    t.label()
                ),
            )),
        }
    }

    /// The providers to try, in order: the agent's own first, then the rest of the chain.
    /// A provider whose key cannot be read is left out (and said so in the reasons).
    async fn chain(&self, agent: &Agent) -> Result<(Vec<Target>, Vec<String>)> {
        let mut all: Vec<Provider> = providers::list(&self.db)
            .await?
            .into_iter()
            .filter(|p| p.enabled)
            .collect();
        if let Some(first) = &agent.provider_id {
            if let Some(i) = all.iter().position(|p| &p.id == first) {
                let p = all.remove(i);
                all.insert(0, p);
            }
        }
        let mut targets = Vec::with_capacity(all.len());
        let mut skipped = Vec::new();
        for (i, p) in all.into_iter().enumerate() {
            if !providers::address_allowed(&p) {
                skipped.push(insecure_address(&p));
                continue;
            }
            let key = match self.keychain.get(&p.id).await {
                Ok(k) => k,
                // A local server needs no key: go on without the keychain.
                Err(_) if p.kind == ProviderKind::Compatible => {
                    tracing::warn!(provider = %p.name, "keychain unavailable; trying without a key");
                    None
                }
                Err(e) => {
                    skipped.push(format!("{}: {}", p.name, e.message));
                    continue;
                }
            };
            if key.is_none() && p.kind == ProviderKind::Openai {
                skipped.push(format!("{}: no API key (add it in Settings → AI)", p.name));
                continue;
            }
            let model = if i == 0 {
                agent.model.clone().unwrap_or_else(|| p.model.clone())
            } else {
                p.model.clone()
            };
            targets.push(Target {
                provider: p,
                model,
                key,
            });
        }
        Ok((targets, skipped))
    }

    /// What a run would send, without sending or logging anything.
    pub async fn preview(&self, req: &RunRequest) -> Result<RunPreview> {
        let task = TaskType::parse(&req.task_type)?;
        let agent = agents::for_task(&self.db, task).await?;
        let client = match req.client_id.as_deref().filter(|c| !c.trim().is_empty()) {
            Some(c) => Some(clients::get(&self.db, c).await?),
            None if task.needs_client() => {
                return Err(AppError::validation(
                    "clientId",
                    format!("{} needs a client", task.label()),
                ))
            }
            None => None,
        };
        let prepared = self.prepare(task, client.as_ref()).await?;
        let (targets, _) = self.chain(&agent).await?;
        Ok(RunPreview {
            facts: prepared.facts,
            messages: serde_json::to_value(&prepared.messages).unwrap_or_default(),
            providers: targets
                .iter()
                .map(|t| format!("{} ({})", t.provider.name, t.model))
                .collect(),
        })
    }

    /// Runs an agent to the end (done, failed or cancelled) and returns what it logged.
    pub async fn run(&self, req: &RunRequest) -> Result<RunOutcome> {
        self.run_with(req, self.events.clone()).await
    }

    /// As [`Self::run`], with this run's progress going to `sink` (the UI's channel).
    pub async fn run_with(&self, req: &RunRequest, sink: EventSink) -> Result<RunOutcome> {
        self.run_under(req, sink, None).await
    }

    /// A run whose cancellation also follows `parent` (the weekly digest's runs).
    async fn run_under(
        &self,
        req: &RunRequest,
        sink: EventSink,
        parent: Option<CancellationToken>,
    ) -> Result<RunOutcome> {
        let (task, agent, client) = self.route(req).await?;
        if task == TaskType::WeeklyDigest {
            return self.weekly_digest(&agent, req.fresh, sink).await;
        }
        let client_id = client.as_ref().map(|c| c.id.clone());
        let started = Instant::now();
        let prepared = match self.prepare(task, client.as_ref()).await {
            Ok(p) => p,
            Err(e) => {
                if e.code == ErrorCode::Ai {
                    executions::refused(&self.db, task.as_str(), client_id.as_deref(), &e.message)
                        .await?;
                }
                return Err(e);
            }
        };
        // The client is part of the key: two clients whose pseudonymised facts look alike
        // (both "Client A" with no data yet) must not share answers.
        let fingerprint = fingerprint(task, &agent, client_id.as_deref(), &prepared.messages);

        if !req.fresh {
            if let Some(hit) =
                executions::cached(&self.db, task, &fingerprint, self.cache_ttl.as_secs()).await?
            {
                return self
                    .reuse(
                        &sink,
                        task,
                        &agent,
                        client_id.as_deref(),
                        &fingerprint,
                        hit,
                        started,
                    )
                    .await;
            }
        }

        let id = executions::start(
            &self.db,
            task,
            Some(&agent.id),
            client_id.as_deref(),
            &fingerprint,
        )
        .await?;
        let cid = client_id.as_deref();
        // Cancellable before the first event, so a cancel sent on that event finds the run.
        let token = parent.map_or_else(CancellationToken::new, |p| p.child_token());
        if let Ok(mut r) = self.running.lock() {
            r.insert(id.clone(), token.clone());
        }
        self.emit(&sink, &id, task, cid, AgentStage::Facts, "Facts computed");
        let result = self
            .execute(&sink, &id, task, &agent, &prepared, &token)
            .await;
        if let Ok(mut r) = self.running.lock() {
            r.remove(&id);
        }
        let latency = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok((outcome, items)) => {
                executions::finish(
                    &self.db,
                    &id,
                    ExecutionStatus::Done,
                    None,
                    &outcome,
                    latency,
                )
                .await?;
                // A finding already waiting for review is not queued twice.
                let waiting = review::list(
                    &self.db,
                    &review::ReviewQuery {
                        status: Some(review::ReviewStatus::Open),
                        ..Default::default()
                    },
                )
                .await?;
                let items: Vec<NewReviewItem> = items
                    .into_iter()
                    .filter(|i| {
                        !waiting.iter().any(|w| {
                            w.task_type == task
                                && w.client_id == i.client_id
                                && w.title == i.title
                                && w.body == i.body
                        })
                    })
                    .collect();
                let items = review::add(&self.db, &id, task, &items).await?;
                self.emit(
                    &sink,
                    &id,
                    task,
                    cid,
                    AgentStage::Done,
                    format!("{} for review", plural(items.len(), "item")),
                );
                Ok(RunOutcome {
                    execution: executions::get(&self.db, &id).await?,
                    items,
                })
            }
            Err((status, message, outcome)) => {
                executions::finish(&self.db, &id, status, Some(&message), &outcome, latency)
                    .await?;
                let stage = if status == ExecutionStatus::Cancelled {
                    AgentStage::Cancelled
                } else {
                    AgentStage::Failed
                };
                self.emit(&sink, &id, task, cid, stage, message.clone());
                let code = if status == ExecutionStatus::Cancelled {
                    ErrorCode::Cancelled
                } else {
                    ErrorCode::Ai
                };
                Err(AppError::new(code, message))
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn reuse(
        &self,
        sink: &EventSink,
        task: TaskType,
        agent: &Agent,
        client_id: Option<&str>,
        fingerprint: &str,
        hit: Execution,
        started: Instant,
    ) -> Result<RunOutcome> {
        let id = executions::start(&self.db, task, Some(&agent.id), client_id, fingerprint).await?;
        let outcome = Outcome {
            facts: Some(hit.facts.clone()),
            sent: None,
            output: Some(hit.output.clone()),
            provider_name: hit.summary.provider_name.clone(),
            model: hit.summary.model.clone(),
            from_cache: true,
            ..Outcome::default()
        };
        let latency = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        executions::finish(
            &self.db,
            &id,
            ExecutionStatus::Done,
            None,
            &outcome,
            latency,
        )
        .await?;
        self.emit(
            sink,
            &id,
            task,
            client_id,
            AgentStage::Done,
            "Same input as a recent run: its answer is reused",
        );
        // The items are the earlier run's: they are already in the queue.
        let items = review::list(
            &self.db,
            &review::ReviewQuery {
                execution_id: Some(hit.summary.id.clone()),
                ..Default::default()
            },
        )
        .await?;
        Ok(RunOutcome {
            execution: executions::get(&self.db, &id).await?,
            items,
        })
    }

    #[allow(clippy::type_complexity)]
    async fn execute(
        &self,
        sink: &EventSink,
        id: &str,
        task: TaskType,
        agent: &Agent,
        prepared: &Prepared,
        token: &CancellationToken,
    ) -> std::result::Result<(Outcome, Vec<NewReviewItem>), (ExecutionStatus, String, Outcome)>
    {
        let cid = prepared.client_id.as_deref();
        let fail = |m: String, o: Outcome| (ExecutionStatus::Failed, m, o);
        let mut outcome = Outcome {
            facts: Some(prepared.facts.clone()),
            ..Outcome::default()
        };
        let (chain, skipped) = self
            .chain(agent)
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
        let _ = executions::record_input(&self.db, id, &prepared.facts, Some(&sent)).await;

        self.emit(
            sink,
            id,
            task,
            cid,
            AgentStage::Queued,
            "Waiting for a free slot",
        );
        let _permit = tokio::select! {
            p = self.limit.clone().acquire_owned() => p.map_err(|_| fail("the runtime is shutting down".into(), outcome.clone()))?,
            () = token.cancelled() => return Err((ExecutionStatus::Cancelled, "cancelled".into(), outcome)),
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
            self.emit(
                sink,
                id,
                task,
                cid,
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
                Err(LlmError::Cancelled) => {
                    return Err((ExecutionStatus::Cancelled, "cancelled".into(), outcome))
                }
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
            self.emit(
                sink,
                id,
                task,
                cid,
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
                    self.emit(
                        sink,
                        id,
                        task,
                        cid,
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

/// The cache key: the task, the client, the agent's prompt version, model settings and the exact messages.
fn fingerprint(
    task: TaskType,
    agent: &Agent,
    client_id: Option<&str>,
    messages: &[Message],
) -> String {
    let mut h = Sha256::new();
    h.update(task.as_str());
    h.update(client_id.unwrap_or("-"));
    h.update(agent.prompt_version.to_le_bytes());
    h.update(agent.model.as_deref().unwrap_or(""));
    h.update(agent.provider_id.as_deref().unwrap_or(""));
    h.update(agent.temperature.to_le_bytes());
    h.update(serde_json::to_vec(messages).unwrap_or_default());
    format!("{:x}", h.finalize())
}

/// Why a provider saved with a plain-http address to another computer is not used.
fn insecure_address(p: &Provider) -> String {
    format!(
        "{}: its address is plain http to another computer; change it to https:// in Settings → AI",
        p.name
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
