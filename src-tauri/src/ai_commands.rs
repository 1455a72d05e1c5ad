//! The AI commands that stream: a run's progress and a chat answer go to a channel as they
//! happen. Declared in contract.rs (`app` lines); the other AI commands are `ai` lines there,
//! thin calls into spotter-ai's runtime. A key goes in through `ai_key_set` and never comes
//! back out.

use std::sync::Arc;

use spotter_core::ai::chat::ChatMessage;
use spotter_core::ai::run::{RunOutcome, RunRequest};
use spotter_core::ai::AgentEvent;
use spotter_store::AppError;
use tauri::ipc::Channel;
use tauri::AppHandle;

use crate::commands::{app_state, spawn_guarded};

type CmdResult<T> = Result<T, AppError>;

/// Asks about a client; the answer streams to `events` (each delta is the answer so far).
pub async fn ai_chat_ask(
    app: &AppHandle,
    client: String,
    question: String,
    events: Channel<AgentEvent>,
) -> CmdResult<ChatMessage> {
    let rt = app_state(app)?.ai()?;
    spawn_guarded(async move {
        let sink = Arc::new(move |e: AgentEvent| {
            let _ = events.send(e);
        });
        rt.ask(&client, &question, sink).await
    })
    .await
}

/// Runs an agent; its progress goes to `events` as it happens.
pub async fn ai_run(
    app: &AppHandle,
    request: RunRequest,
    events: Channel<AgentEvent>,
) -> CmdResult<RunOutcome> {
    let rt = app_state(app)?.ai()?;
    spawn_guarded(async move {
        let sink = Arc::new(move |e: AgentEvent| {
            // A closed window is not the run's problem.
            let _ = events.send(e);
        });
        rt.run_with(&request, sink).await
    })
    .await
}
