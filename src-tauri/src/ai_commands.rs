//! IPC for the AI agents: thin adapters over spotter-ai's runtime (providers and keys,
//! agents, runs with progress on a channel, the execution log, the review queue).
//! A key goes in through `ai_key_set` and never comes back out.

use std::sync::Arc;

use serde_json::Value;
use spotter_ai::Runtime;
use spotter_core::ai::agents::{self, Agent, AgentInput};
use spotter_core::ai::chat::{self, ChatMessage};
use spotter_core::ai::executions::{self, DayMetrics, Execution, ExecutionQuery, ExecutionSummary};
use spotter_core::ai::facts::health::HealthReport;
use spotter_core::ai::providers::{self, Provider, ProviderInput};
use spotter_core::ai::review::{self, ReviewItem, ReviewQuery};
use spotter_core::ai::run::{AiStatus, ProviderCheck, RunOutcome, RunPreview, RunRequest};
use spotter_core::ai::AgentEvent;
use spotter_core::ipc::from_arg;
use spotter_core::AppError;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::spawn_guarded;
use crate::state::AppState;

type CmdResult<T> = Result<T, AppError>;

/// As `command!` in commands.rs, with the AI runtime instead of the bare database.
macro_rules! ai_command {
    ($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty, |$rt:ident| $body:expr) => {
        #[tauri::command]
        pub async fn $name(state: State<'_, AppState>, $($arg: Value),*) -> CmdResult<$ret> {
            $(let $arg: $ty = from_arg(stringify!($arg), $arg)?;)*
            let $rt: Arc<Runtime> = state.ai()?;
            spawn_guarded(async move { $body }).await
        }
    };
}

ai_command!(ai_providers_list() -> Vec<Provider>, |rt| rt.providers().await);
ai_command!(ai_provider_create(input: ProviderInput) -> Provider, |rt| providers::create(rt.db(), &input).await);
ai_command!(ai_provider_update(id: String, input: ProviderInput) -> Provider, |rt| rt.update_provider(&id, &input).await);
ai_command!(ai_provider_delete(id: String) -> (), |rt| rt.delete_provider(&id).await);
ai_command!(ai_providers_reorder(ids: Vec<String>) -> Vec<Provider>, |rt| {
    providers::reorder(rt.db(), &ids).await?;
    rt.providers().await
});
ai_command!(ai_key_set(id: String, key: String) -> Provider, |rt| rt.set_key(&id, &key).await);
ai_command!(ai_key_remove(id: String) -> Provider, |rt| rt.remove_key(&id).await);
ai_command!(ai_provider_check(id: String) -> ProviderCheck, |rt| rt.check_provider(&id).await);
ai_command!(ai_status() -> AiStatus, |rt| rt.status().await);
// The status light: the latest health report (checked now if there is none yet).
ai_command!(ai_health() -> HealthReport, |rt| match rt.last_health() {
    Some(r) => Ok(r),
    None => rt.health().await,
});
ai_command!(ai_health_check() -> HealthReport, |rt| rt.health().await);
ai_command!(ai_agents_list() -> Vec<Agent>, |rt| agents::list(rt.db()).await);
ai_command!(ai_agent_update(id: String, input: AgentInput) -> Agent, |rt| agents::update(rt.db(), &id, &input).await);
ai_command!(ai_preview(request: RunRequest) -> RunPreview, |rt| rt.preview(&request).await);
ai_command!(ai_cancel(id: String) -> bool, |rt| Ok(rt.cancel(&id)));
ai_command!(ai_executions_list(query: ExecutionQuery) -> Vec<ExecutionSummary>, |rt| executions::list(rt.db(), &query).await);
ai_command!(ai_execution_get(id: String) -> Execution, |rt| executions::get(rt.db(), &id).await);
ai_command!(ai_metrics(days: u32) -> Vec<DayMetrics>, |rt| executions::metrics(rt.db(), days).await);
ai_command!(ai_review_list(query: ReviewQuery) -> Vec<ReviewItem>, |rt| review::list(rt.db(), &query).await);
ai_command!(ai_review_accept(id: String, edited: Option<String>) -> ReviewItem, |rt| review::accept(rt.db(), &id, edited.as_deref()).await);
ai_command!(ai_review_dismiss(id: String, reason: String) -> ReviewItem, |rt| review::dismiss(rt.db(), &id, &reason).await);

ai_command!(ai_chat_history(client: String) -> Vec<ChatMessage>, |rt| chat::history(rt.db(), &client).await);
ai_command!(ai_chat_clear(client: String) -> (), |rt| chat::clear(rt.db(), &client).await);

/// Asks about a client; the answer streams to `events` (each delta is the answer so far).
#[tauri::command]
pub async fn ai_chat_ask(
    state: State<'_, AppState>,
    client: Value,
    question: Value,
    events: Channel<AgentEvent>,
) -> CmdResult<ChatMessage> {
    let client: String = from_arg("client", client)?;
    let question: String = from_arg("question", question)?;
    let rt = state.ai()?;
    spawn_guarded(async move {
        let sink = Arc::new(move |e: AgentEvent| {
            let _ = events.send(e);
        });
        rt.ask(&client, &question, sink).await
    })
    .await
}

/// Runs an agent; its progress goes to `events` as it happens.
#[tauri::command]
pub async fn ai_run(
    state: State<'_, AppState>,
    request: Value,
    events: Channel<AgentEvent>,
) -> CmdResult<RunOutcome> {
    let request: RunRequest = from_arg("request", request)?;
    let rt = state.ai()?;
    spawn_guarded(async move {
        let sink = Arc::new(move |e: AgentEvent| {
            // A closed window is not the run's problem.
            let _ = events.send(e);
        });
        rt.run_with(&request, sink).await
    })
    .await
}
