//! The weekly digest: the progress monitor over every active client, a few at a time.

use std::time::Instant;

use spotter_core::ai::agents::Agent;
use spotter_core::ai::executions::Outcome;
use spotter_core::ai::{AgentStage, TaskType};
use spotter_core::clients;
use spotter_store::{AppError, ErrorCode, Result};

use super::run::{ExecutionRun, RunKey, Stop};
use super::{plural, EventSink, RunOutcome, RunRequest, Runtime};

impl Runtime {
    /// The progress monitor over every active client, `concurrency` at a time (the agent's
    /// setting, within the runtime's own limit). Each client's run is logged as usual; the
    /// digest's own execution records the totals.
    pub(super) async fn weekly_digest(
        &self,
        agent: &Agent,
        fresh: bool,
        sink: EventSink,
    ) -> Result<RunOutcome> {
        use futures::stream::{self, StreamExt};
        let started = Instant::now();
        let active = clients::list(&self.db, &clients::ClientListQuery::default()).await?;
        let active: Vec<_> = active
            .into_iter()
            .filter(|c| c.paused_at.is_none())
            .collect();
        let concurrency = agent
            .settings
            .get("concurrency")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(4)
            .clamp(1, 16) as usize;
        let fingerprint = format!("digest-{}", spotter_store::time::now_utc());
        let key = RunKey {
            task: TaskType::WeeklyDigest,
            agent,
            client_id: None,
            fingerprint: &fingerprint,
            since: started,
        };
        let mut run = ExecutionRun::start(self, &key, sink.clone(), None).await?;
        // Cancelling the digest cancels every client's run in it, and the ones not started.
        let token = run.token().clone();
        run.emit(
            AgentStage::Facts,
            format!("{} active clients", active.len()),
        );
        let who: Vec<(String, String)> = active
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        let results: Vec<(String, Result<RunOutcome>)> = stream::iter(who)
            .map(|(id, name)| {
                let req = RunRequest {
                    task_type: TaskType::ProgressMonitor.as_str().into(),
                    client_id: Some(id),
                    fresh,
                };
                let sink = sink.clone();
                let token = token.clone();
                async move {
                    let r = if token.is_cancelled() {
                        Err(AppError::new(ErrorCode::Cancelled, "cancelled"))
                    } else {
                        Box::pin(self.run_under(&req, sink, Some(&token))).await
                    };
                    (name, r)
                }
            })
            .buffer_unordered(concurrency)
            .collect()
            .await;
        let mut items = Vec::new();
        let mut failed = Vec::new();
        let (mut tokens_in, mut tokens_out, mut cost) = (0, 0, 0.0);
        for (name, r) in results {
            match r {
                Ok(o) => {
                    tokens_in += o.execution.summary.prompt_tokens;
                    tokens_out += o.execution.summary.completion_tokens;
                    cost += o.execution.summary.cost_estimate_usd;
                    items.extend(o.items);
                }
                Err(e) => failed.push(format!("{name}: {}", e.message)),
            }
        }
        let outcome = Outcome {
            output: Some(
                serde_json::json!({ "clients": active.len(), "failed": failed, "items": items.len() }),
            ),
            prompt_tokens: tokens_in,
            completion_tokens: tokens_out,
            cost_estimate_usd: cost,
            ..Outcome::default()
        };
        let stop = if token.is_cancelled() {
            Some(Stop::cancelled_with(format!(
                "cancelled after {} of {} clients",
                active.len() - failed.len(),
                active.len()
            )))
        } else if !active.is_empty() && failed.len() == active.len() {
            Some(Stop::failed(format!(
                "every client's run failed; first: {}",
                failed[0]
            )))
        } else {
            None
        };
        match &stop {
            Some(stop) => run.stopped(stop, &outcome).await?,
            None => run.done(&outcome).await?,
        }
        run.emit(
            stop.as_ref().map_or(AgentStage::Done, Stop::stage),
            format!(
                "{} clients, {} for review, {} failed",
                active.len(),
                plural(items.len(), "item"),
                failed.len()
            ),
        );
        if let Some(stop) = stop {
            return Err(stop.into_error());
        }
        Ok(RunOutcome {
            execution: run.logged().await?,
            items,
        })
    }
}
