//! The data side of the AI agents: task types, providers (never their keys), the agent
//! registry, the execution log, the review queue, and the facts each agent computes.
//!
//! Nothing here talks to a network or a keychain; `spotter-ai` does, on top of this.
//! Every number an agent may state comes from [`facts`]; [`grounding`] rejects any
//! other, and [`privacy`] replaces names, emails, phones and birth dates before
//! anything is sent.

pub mod address;
pub mod agents;
pub mod chat;
pub mod executions;
pub mod facts;
pub mod grounding;
pub mod outbound;
pub mod plan_change;
pub mod privacy;
pub mod providers;
pub mod review;
pub mod run;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use spotter_store::{AppError, Result};

/// What an agent is asked to do. One agent per task type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskType {
    ProgressMonitor,
    WeeklyDigest,
    WorkoutOptimizer,
    Scheduling,
    Nutrition,
    HealthCheck,
    DataQuality,
    ClientChat,
}

impl TaskType {
    pub const ALL: [TaskType; 8] = [
        TaskType::ProgressMonitor,
        TaskType::WeeklyDigest,
        TaskType::WorkoutOptimizer,
        TaskType::Scheduling,
        TaskType::Nutrition,
        TaskType::HealthCheck,
        TaskType::DataQuality,
        TaskType::ClientChat,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::ProgressMonitor => "progress_monitor",
            TaskType::WeeklyDigest => "weekly_digest",
            TaskType::WorkoutOptimizer => "workout_optimizer",
            TaskType::Scheduling => "scheduling",
            TaskType::Nutrition => "nutrition",
            TaskType::HealthCheck => "health_check",
            TaskType::DataQuality => "data_quality",
            TaskType::ClientChat => "client_chat",
        }
    }

    /// The router: a task type named by the UI, the CLI or a schedule. Anything else is
    /// refused with "invalid task type" (and the caller logs the refusal).
    pub fn parse(raw: &str) -> Result<TaskType> {
        let key = raw.trim().replace('-', "_").to_lowercase();
        TaskType::ALL
            .into_iter()
            .find(|t| t.as_str() == key)
            .ok_or_else(|| {
                AppError::validation(
                    "taskType",
                    format!("invalid task type: '{}'", short(raw, 40)),
                )
            })
    }

    /// The name the trainer sees.
    pub fn label(self) -> &'static str {
        match self {
            TaskType::ProgressMonitor => "Progress monitor",
            TaskType::WeeklyDigest => "Weekly digest",
            TaskType::WorkoutOptimizer => "Workout optimizer",
            TaskType::Scheduling => "Scheduling",
            TaskType::Nutrition => "Nutrition guidance",
            TaskType::HealthCheck => "Health checker",
            TaskType::DataQuality => "Data quality",
            TaskType::ClientChat => "Ask about a client",
        }
    }

    /// Whether a run is about one client (and needs one).
    pub fn needs_client(self) -> bool {
        matches!(
            self,
            TaskType::ProgressMonitor
                | TaskType::WorkoutOptimizer
                | TaskType::Scheduling
                | TaskType::Nutrition
                | TaskType::ClientChat
        )
    }
}

/// Progress of a run, streamed to the UI as events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentEvent {
    pub execution_id: String,
    pub task_type: TaskType,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    pub stage: AgentStage,
    /// A line for the trainer ("Asking OpenAI (gpt-4o-mini)…").
    pub message: String,
    /// For `delta`: the whole answer so far (names restored); each delta replaces the last.
    #[ts(optional = nullable)]
    pub delta: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgentStage {
    Queued,
    Facts,
    Model,
    Validating,
    Retrying,
    Delta,
    Done,
    Failed,
    Cancelled,
}

pub(crate) fn short(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_types_round_trip_and_unknown_ones_are_refused() {
        for t in TaskType::ALL {
            assert_eq!(TaskType::parse(t.as_str()).unwrap(), t);
        }
        assert_eq!(
            TaskType::parse("Progress-Monitor").unwrap(),
            TaskType::ProgressMonitor
        );
        let err = TaskType::parse("rewrite_everything").unwrap_err();
        assert!(
            err.message.starts_with("invalid task type"),
            "{}",
            err.message
        );
        assert_eq!(err.field.as_deref(), Some("taskType"));
    }
}
