//! One AI run in the execution log, from its first write to its last: a request refused
//! before it starts, an answer reused from the cache, and a run that starts (logged as
//! running, cancellable by its id), streams its progress and finishes with its status,
//! outcome and latency. Every agent run, the weekly digest and the client chat go through
//! [`ExecutionRun`]; nothing else in the runtime writes to the execution log.
//!
//! A run is finished explicitly on every path that returns, errors included. If its future
//! is dropped before that (a caller stopped waiting mid-run), `Drop` takes it out of the
//! cancel registry at once and, because `Drop` cannot wait, spawns the write that fails it
//! as interrupted. With no Tokio runtime to spawn on (the app is closing) the row stays
//! "running", and `executions::fail_interrupted` fails it at the next start, as after a
//! crash. A finish whose own write fails is not written again.

use std::time::Instant;

use spotter_core::ai::agents::Agent;
use spotter_core::ai::executions::{self, Execution, ExecutionStatus, Outcome};
use spotter_core::ai::review;
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_store::{AppError, ErrorCode, Result};
use tokio_util::sync::CancellationToken;

use super::{EventSink, RunOutcome, Runtime};

/// What the log is told when a run's future was dropped before it finished.
pub const INTERRUPTED: &str = "interrupted: the run was stopped before it finished";

/// What identifies a run before it starts.
pub(super) struct RunKey<'a> {
    pub task: TaskType,
    pub agent: &'a Agent,
    pub client_id: Option<&'a str>,
    /// The cache key (see `fingerprint`).
    pub fingerprint: &'a str,
    /// When the work began (before the facts were computed): the latency counts from here.
    pub since: Instant,
}

/// Why a run ended without its answer: it failed, or it was cancelled.
pub(super) struct Stop {
    status: ExecutionStatus,
    message: String,
}

impl Stop {
    pub fn failed(message: impl Into<String>) -> Self {
        Self {
            status: ExecutionStatus::Failed,
            message: message.into(),
        }
    }

    pub fn cancelled() -> Self {
        Self::cancelled_with("cancelled")
    }

    pub fn cancelled_with(message: impl Into<String>) -> Self {
        Self {
            status: ExecutionStatus::Cancelled,
            message: message.into(),
        }
    }

    /// The last progress event's stage.
    pub fn stage(&self) -> AgentStage {
        if self.status == ExecutionStatus::Cancelled {
            AgentStage::Cancelled
        } else {
            AgentStage::Failed
        }
    }

    /// The error the caller gets: `cancelled`, or `ai` with the reason.
    pub fn into_error(self) -> AppError {
        let code = if self.status == ExecutionStatus::Cancelled {
            ErrorCode::Cancelled
        } else {
            ErrorCode::Ai
        };
        AppError::new(code, self.message)
    }
}

/// A started run: logged as running and in the cancel registry until it is finished
/// ([`Self::done`], [`Self::stopped`]) or dropped.
pub(super) struct ExecutionRun<'rt> {
    rt: &'rt Runtime,
    id: String,
    task: TaskType,
    client_id: Option<String>,
    sink: EventSink,
    since: Instant,
    token: CancellationToken,
    finished: bool,
}

impl<'rt> ExecutionRun<'rt> {
    /// A request refused before it could start (an unknown task type, a disabled agent, an
    /// agent this version lacks): logged as failed with the reason.
    pub async fn refuse(
        rt: &Runtime,
        task_type: &str,
        client_id: Option<&str>,
        reason: &str,
    ) -> Result<()> {
        executions::refused(&rt.db, task_type, client_id, reason).await?;
        Ok(())
    }

    /// Logs the run as running and makes it cancellable by its id; with `parent`, cancelling
    /// the parent (the weekly digest) cancels this run too.
    pub async fn start(
        rt: &'rt Runtime,
        key: &RunKey<'_>,
        sink: EventSink,
        parent: Option<&CancellationToken>,
    ) -> Result<Self> {
        let id = executions::start(
            &rt.db,
            key.task,
            Some(&key.agent.id),
            key.client_id,
            key.fingerprint,
        )
        .await?;
        // Cancellable before the first event, so a cancel sent on that event finds the run.
        let token = parent.map_or_else(CancellationToken::new, CancellationToken::child_token);
        if let Ok(mut r) = rt.running.lock() {
            r.insert(id.clone(), token.clone());
        }
        Ok(Self {
            rt,
            id,
            task: key.task,
            client_id: key.client_id.map(str::to_owned),
            sink,
            since: key.since,
            token,
            finished: false,
        })
    }

    /// The same input answered by a model within the cache's lifetime: a new run, done at
    /// once with the earlier answer, whose review items are the earlier run's (already in
    /// the queue). `None` when there is nothing to reuse.
    pub async fn from_cache(
        rt: &'rt Runtime,
        key: &RunKey<'_>,
        sink: &EventSink,
    ) -> Result<Option<RunOutcome>> {
        let Some(hit) =
            executions::cached(&rt.db, key.task, key.fingerprint, rt.cache_ttl.as_secs()).await?
        else {
            return Ok(None);
        };
        let mut run = Self::start(rt, key, sink.clone(), None).await?;
        let outcome = Outcome {
            facts: Some(hit.facts.clone()),
            sent: None,
            output: Some(hit.output.clone()),
            provider_name: hit.summary.provider_name.clone(),
            model: hit.summary.model.clone(),
            from_cache: true,
            ..Outcome::default()
        };
        run.done(&outcome).await?;
        run.emit(
            AgentStage::Done,
            "Same input as a recent run: its answer is reused",
        );
        let items = review::list(
            &rt.db,
            &review::ReviewQuery {
                execution_id: Some(hit.summary.id.clone()),
                ..Default::default()
            },
        )
        .await?;
        Ok(Some(RunOutcome {
            execution: run.logged().await?,
            items,
        }))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Cancelled by [`Runtime::cancel`] with this run's id (or its parent's).
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }

    /// A progress event for this run.
    pub fn emit(&self, stage: AgentStage, message: impl Into<String>) {
        (self.sink)(AgentEvent {
            execution_id: self.id.clone(),
            task_type: self.task,
            client_id: self.client_id.clone(),
            stage,
            message: message.into(),
            delta: None,
        });
    }

    /// Saves the facts and the messages as soon as they are known, so a run that hangs
    /// still shows what it computed and sent. Best effort: the finish writes them again.
    pub async fn record_input(&self, facts: &serde_json::Value, sent: &serde_json::Value) {
        let _ = executions::record_input(&self.rt.db, &self.id, facts, Some(sent)).await;
    }

    /// Finishes the run as done.
    pub async fn done(&mut self, outcome: &Outcome) -> Result<()> {
        self.finish(ExecutionStatus::Done, None, outcome).await
    }

    /// Finishes the run as failed or cancelled, with the reason.
    pub async fn stopped(&mut self, stop: &Stop, outcome: &Outcome) -> Result<()> {
        self.finish(stop.status, Some(&stop.message), outcome).await
    }

    /// `r` unchanged; an error also finishes the run as failed with its message first.
    pub async fn fail_on_err<T>(&mut self, r: Result<T>) -> Result<T> {
        if let Err(e) = &r {
            let _ = self
                .stopped(&Stop::failed(e.message.clone()), &Outcome::default())
                .await;
        }
        r
    }

    /// Tells the listener how the run stopped and gives the caller's error.
    pub fn report(&self, stop: Stop) -> AppError {
        self.emit(stop.stage(), stop.message.clone());
        stop.into_error()
    }

    /// The run as logged.
    pub async fn logged(&self) -> Result<Execution> {
        executions::get(&self.rt.db, &self.id).await
    }

    async fn finish(
        &mut self,
        status: ExecutionStatus,
        error: Option<&str>,
        outcome: &Outcome,
    ) -> Result<()> {
        self.finished = true;
        self.unregister();
        executions::finish(
            &self.rt.db,
            &self.id,
            status,
            error,
            outcome,
            self.latency_ms(),
        )
        .await
    }

    fn unregister(&self) {
        if let Ok(mut r) = self.rt.running.lock() {
            r.remove(&self.id);
        }
    }

    fn latency_ms(&self) -> u64 {
        u64::try_from(self.since.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

impl Drop for ExecutionRun<'_> {
    fn drop(&mut self) {
        self.unregister();
        if self.finished {
            return;
        }
        let Ok(handle) = tokio::runtime::Handle::try_current() else {
            return;
        };
        tracing::warn!(execution = %self.id, task = self.task.as_str(), "AI run dropped before it finished");
        let (db, id, latency) = (self.rt.db.clone(), self.id.clone(), self.latency_ms());
        handle.spawn(async move {
            let outcome = Outcome::default();
            let failed = ExecutionStatus::Failed;
            if let Err(e) =
                executions::finish(&db, &id, failed, Some(INTERRUPTED), &outcome, latency).await
            {
                tracing::warn!(execution = %id, error = %e.message, "could not mark the run interrupted");
            }
        });
    }
}
