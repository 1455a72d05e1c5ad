//! IPC commands: each one unpacks its arguments, calls spotter-core, and returns
//! `Result<T, AppError>` (serialised as `{code, message, field}`). No logic here.
//! Arguments arrive as JSON and are decoded by `ipc::from_arg`, so a malformed one is a
//! field error like any other.

use std::future::Future;

use serde_json::Value;
use spotter_core::clients::{self, Client, ClientInput, ClientListQuery};
use spotter_core::info::{self, AppInfo};
use spotter_core::ipc::from_arg;
use spotter_core::{AppError, Database};
use tauri::State;

use crate::state::AppState;

type CmdResult<T> = Result<T, AppError>;

/// Runs a core call on its own task so that a panic (a bug) becomes an
/// `internal` error for the UI instead of a promise that never settles.
async fn guarded<T, F, Fut>(state: &AppState, f: F) -> CmdResult<T>
where
    T: Send + 'static,
    F: FnOnce(Database) -> Fut,
    Fut: Future<Output = CmdResult<T>> + Send + 'static,
{
    let db = state.db()?;
    match tauri::async_runtime::spawn(f(db)).await {
        Ok(result) => result,
        Err(e) => {
            tracing::error!(error = %e, "command task failed");
            Err(AppError::internal(
                "Something went wrong inside Spotter; the details are in the log file",
            ))
        }
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let data_dir = state.data_dir.root().to_path_buf();
    let log_dir = state.log_dir.clone();
    guarded(&state, |db| async move {
        info::app_info(&db, &data_dir, &log_dir).await
    })
    .await
}

#[tauri::command]
pub async fn clients_list(state: State<'_, AppState>, query: Value) -> CmdResult<Vec<Client>> {
    let query: ClientListQuery = from_arg("query", query)?;
    guarded(&state, |db| async move { clients::list(&db, &query).await }).await
}

#[tauri::command]
pub async fn client_get(state: State<'_, AppState>, id: Value) -> CmdResult<Client> {
    let id: String = from_arg("id", id)?;
    guarded(&state, |db| async move { clients::get(&db, &id).await }).await
}

#[tauri::command]
pub async fn client_create(state: State<'_, AppState>, input: Value) -> CmdResult<Client> {
    let input: ClientInput = from_arg("input", input)?;
    guarded(
        &state,
        |db| async move { clients::create(&db, &input).await },
    )
    .await
}

#[tauri::command]
pub async fn client_update(
    state: State<'_, AppState>,
    id: Value,
    input: Value,
) -> CmdResult<Client> {
    let id: String = from_arg("id", id)?;
    let input: ClientInput = from_arg("input", input)?;
    guarded(&state, |db| async move {
        clients::update(&db, &id, &input).await
    })
    .await
}

#[tauri::command]
pub async fn client_set_archived(
    state: State<'_, AppState>,
    id: Value,
    archived: Value,
) -> CmdResult<Client> {
    let id: String = from_arg("id", id)?;
    let archived: bool = from_arg("archived", archived)?;
    guarded(&state, |db| async move {
        clients::set_archived(&db, &id, archived).await
    })
    .await
}

#[tauri::command]
pub async fn client_delete(state: State<'_, AppState>, id: Value) -> CmdResult<Client> {
    let id: String = from_arg("id", id)?;
    guarded(&state, |db| async move { clients::delete(&db, &id).await }).await
}

#[tauri::command]
pub async fn client_restore(state: State<'_, AppState>, id: Value) -> CmdResult<Client> {
    let id: String = from_arg("id", id)?;
    guarded(&state, |db| async move { clients::restore(&db, &id).await }).await
}
