//! The agent runtime, in process: routes a task type to its agent, refuses unknown and
//! disabled ones (logged), limits concurrency, caches results by input fingerprint,
//! streams progress as events, lets the trainer cancel, and logs every execution.
//!
//! This file holds the runtime itself and an agent run from request to review queue; the
//! rest is split by job: `route.rs` (request → agent, client, facts), `run.rs` (one run's
//! execution log: refused, cached, started, finished, cancelled), `execute.rs` (the model's
//! part), `settings.rs` (Settings → AI), `digest.rs` (the weekly digest), `chat.rs` (the
//! client chat). Provider checks shared with the health checker are in `crate::providers`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use spotter_core::ai::agents::Agent;
use spotter_core::ai::facts::health::HealthReport;
use spotter_core::ai::review::{self, NewReviewItem, ReviewItem};
pub use spotter_core::ai::run::{
    AiStatus, ProviderCheck, ProviderStatus, RunOutcome, RunPreview, RunRequest,
};
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_store::{AppError, Database, ErrorCode, Result};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use crate::agents as agent_impls;
use crate::keychain::Keychain;
use crate::llm::{Llm, Message};
use run::{ExecutionRun, RunKey};

mod chat;
mod digest;
mod execute;
mod route;
mod run;
mod settings;

pub use run::INTERRUPTED;

/// How long a result is reused for the same input.
pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(6 * 3600);
pub const DEFAULT_CONCURRENCY: usize = 4;

pub type EventSink = Arc<dyn Fn(AgentEvent) + Send + Sync>;

pub struct Runtime {
    db: Database,
    /// Where the data (and its backups) and the log files are, for the health checker.
    data_dir: Option<(spotter_store::paths::DataDir, std::path::PathBuf)>,
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
        data_dir: spotter_store::paths::DataDir,
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
        let report = agent_impls::health_check::report(&self.db, &self.keychain, dir, logs).await?;
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

    /// Cancels a running execution. Unknown or finished ids are not an error.
    pub fn cancel(&self, execution_id: &str) -> bool {
        self.running
            .lock()
            .ok()
            .and_then(|r| r.get(execution_id).cloned())
            .map(|t| t.cancel())
            .is_some()
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
        parent: Option<&CancellationToken>,
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
                    ExecutionRun::refuse(self, task.as_str(), client_id.as_deref(), &e.message)
                        .await?;
                }
                return Err(e);
            }
        };
        // The client is part of the key: two clients whose pseudonymised facts look alike
        // (both "Client A" with no data yet) must not share answers.
        let fingerprint = fingerprint(task, &agent, client_id.as_deref(), &prepared.messages);
        let key = RunKey {
            task,
            agent: &agent,
            client_id: client_id.as_deref(),
            fingerprint: &fingerprint,
            since: started,
        };
        if !req.fresh {
            if let Some(reused) = ExecutionRun::from_cache(self, &key, &sink).await? {
                return Ok(reused);
            }
        }

        let mut run = ExecutionRun::start(self, &key, sink, parent).await?;
        run.emit(AgentStage::Facts, "Facts computed");
        match self.execute(&run, &agent, &prepared).await {
            Ok((outcome, items)) => {
                run.done(&outcome).await?;
                let items = self.queue(run.id(), task, items).await?;
                run.emit(
                    AgentStage::Done,
                    format!("{} for review", plural(items.len(), "item")),
                );
                Ok(RunOutcome {
                    execution: run.logged().await?,
                    items,
                })
            }
            Err((stop, outcome)) => {
                run.stopped(&stop, &outcome).await?;
                Err(run.report(stop))
            }
        }
    }

    /// Adds a run's items to the review queue; a finding already waiting for review is not
    /// queued twice.
    async fn queue(
        &self,
        execution_id: &str,
        task: TaskType,
        items: Vec<NewReviewItem>,
    ) -> Result<Vec<ReviewItem>> {
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
        review::add(&self.db, execution_id, task, &items).await
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
