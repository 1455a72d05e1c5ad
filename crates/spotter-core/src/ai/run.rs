//! The shapes of an agent run as they cross IPC (the runtime itself is in spotter-ai).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::executions::Execution;
use super::review::ReviewItem;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RunRequest {
    pub task_type: String,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    /// Ask the model again even when a recent run had the same input.
    pub fresh: bool,
}

/// The result of a run: the execution as logged and the items it put in the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunOutcome {
    pub execution: Execution,
    pub items: Vec<ReviewItem>,
}

/// Exactly what a run would send, for the trainer to look at first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunPreview {
    #[ts(type = "unknown")]
    pub facts: serde_json::Value,
    /// `[{role, content}]` as they would be sent, names already replaced.
    #[ts(type = "Array<{ role: string, content: string }>")]
    pub messages: serde_json::Value,
    /// The providers it would try, in order; empty means facts only.
    pub providers: Vec<String>,
}

/// The answer to "send one tiny request" from Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderCheck {
    pub ok: bool,
    /// "Answered in 420 ms" or why not.
    pub message: String,
    #[ts(optional = nullable)]
    pub latency_ms: Option<u32>,
}

/// The keychain and each provider's circuit, for the AI page's health panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AiStatus {
    pub keychain_ok: bool,
    /// Why not, and how to fix it.
    #[ts(optional = nullable)]
    pub keychain_message: Option<String>,
    pub providers: Vec<ProviderStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderStatus {
    pub provider_id: String,
    pub name: String,
    /// closed (healthy), open (skipped after repeated failures) or half_open (one trial allowed).
    pub circuit: String,
}
