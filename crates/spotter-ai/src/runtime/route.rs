//! From a request to a prepared run: the task type and its agent (an unknown task type or a
//! disabled agent is refused, and the refusal logged), the client, and the agent's facts
//! and messages; also the preview of what a run would send.

use spotter_core::ai::agents::{self, Agent};
use spotter_core::ai::TaskType;
use spotter_core::clients;
use spotter_store::{AppError, ErrorCode, Result};

use super::run::ExecutionRun;
use super::{RunPreview, RunRequest, Runtime};
use crate::agents::{self as agent_impls, Prepared};
use crate::providers;

impl Runtime {
    /// The task type and agent, or the logged refusal.
    pub(super) async fn route(
        &self,
        req: &RunRequest,
    ) -> Result<(TaskType, Agent, Option<clients::Client>)> {
        let client_arg = req
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let task = match TaskType::parse(&req.task_type) {
            Ok(t) => t,
            Err(e) => {
                ExecutionRun::refuse(self, &req.task_type, None, "invalid task type").await?;
                return Err(e);
            }
        };
        let agent = agents::for_task(&self.db, task).await?;
        if !agent.enabled {
            let asked_for =
                client_arg.and_then(|c| spotter_store::ids::parse_id("clientId", c).ok());
            ExecutionRun::refuse(self, task.as_str(), asked_for.as_deref(), "agent disabled")
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

    pub(super) async fn prepare(
        &self,
        task: TaskType,
        client: Option<&clients::Client>,
    ) -> Result<Prepared> {
        let today = spotter_store::time::today_utc();
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
        let (targets, _) = providers::chain(&self.db, &self.keychain, &agent).await?;
        Ok(RunPreview {
            facts: prepared.facts,
            messages: serde_json::to_value(&prepared.messages).unwrap_or_default(),
            providers: targets
                .iter()
                .map(|t| format!("{} ({})", t.provider.name, t.model))
                .collect(),
        })
    }
}
