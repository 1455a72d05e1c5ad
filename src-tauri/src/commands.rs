//! The IPC adapters, generated from the command table (contract.rs) by `spotter_contract!`:
//! each command decodes its arguments (`ipc::from_arg`, so a malformed one is a field error
//! like any other) and returns `Result<T, AppError>` (serialised as `{code, message, field}`);
//! `db` and `ai` bodies run on their own task, so a panic is an error, not a hung promise.
//! No logic here; the bodies call spotter-core, spotter-ai, spotter-print, or the shell's own
//! modules (`app` lines) for what needs the app itself.

use std::future::Future;
use std::sync::Arc;

use serde_json::Value;
use spotter_ai::Runtime;
use spotter_core::ai::{agents, chat, executions, providers, review};
use spotter_core::clients::{self, clearance, overview, record};
use spotter_core::first_start;
use spotter_core::ipc::from_arg;
use spotter_core::ipc::prelude::*;
use spotter_core::schedule::{self, free_slot, sessions, trainers};
use spotter_core::training::plans::{self, Author};
use spotter_core::training::{
    exercise_import, exercises, last_time, log_pages, logs, progress, progression,
};
use spotter_core::{export, ics, import, quick_find, settings};
use spotter_files::chosen;
use spotter_print::documents;
use spotter_store::{paths, Database};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::state::AppState;
use crate::{ai_commands, data_commands, dialog_commands, shell_commands, update_commands};

type CmdResult<T> = Result<T, AppError>;

/// One adapter per kind of table line (see contract.rs). `db` and `ai` take the state and
/// run the body on its own task; `app` hands the body the AppHandle and its typed arguments.
macro_rules! adapter {
    (db [$(#[doc = $doc:literal])*] $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty, |$ctx:ident| $body:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        pub async fn $name(state: State<'_, AppState>, $($arg: Value),*) -> CmdResult<$ret> {
            $(let $arg: $ty = from_arg(stringify!($arg), $arg)?;)*
            guarded(&state, move |$ctx: Database| async move { $body }).await
        }
    };
    (ai [$(#[doc = $doc:literal])*] $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty, |$ctx:ident| $body:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        pub async fn $name(state: State<'_, AppState>, $($arg: Value),*) -> CmdResult<$ret> {
            $(let $arg: $ty = from_arg(stringify!($arg), $arg)?;)*
            let $ctx: Arc<Runtime> = state.ai()?;
            spawn_guarded(async move { $body }).await
        }
    };
    (app [$(#[doc = $doc:literal])*] $name:ident ($($arg:ident : $ty:ty),*) $(~ [$chan:ident : $ev:ty])? -> $ret:ty, |$ctx:ident| $body:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        pub async fn $name($ctx: AppHandle, $($arg: Value,)* $($chan: Channel<$ev>)?) -> CmdResult<$ret> {
            $(let $arg: $ty = from_arg(stringify!($arg), $arg)?;)*
            $body
        }
    };
}

/// The shell's reading of contract.rs: the adapters, `handler()` and `emit::`.
macro_rules! spotter_contract {
    (commands { $(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ($($arg:ident : $ty:ty $(= $def:expr)?),*) $(~ [$chan:ident : $ev:ty])? -> $ret:ty, |$ctx:ident| $body:expr;
    )* }
     events { $(
        $(#[doc = $edoc:literal])*
        $event:ident : $payload:ty;
    )* }) => {
        $( adapter!($kind [$(#[doc = $doc])*] $name ($($arg : $ty),*) $(~ [$chan : $ev])? -> $ret, |$ctx| $body); )*

        /// Every command of the table, for `invoke_handler`.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// The only way to push an app-wide event: its name and payload type come from the table.
        #[allow(dead_code)]
        pub mod emit {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[doc = $edoc])*
                pub fn $event<R: tauri::Runtime>(app: &tauri::AppHandle<R>, payload: &$payload) -> tauri::Result<()> {
                    tauri::Emitter::emit(app, stringify!($event), payload)
                }
            )*
        }
    };
}

include!("contract.rs");

/// The shared state, for an `app` line's body. It is managed in `setup`, which may still be
/// running when the window's first calls arrive: then this is an error (as a `State` argument's
/// would be), not a panic.
pub(crate) fn app_state(app: &AppHandle) -> CmdResult<State<'_, AppState>> {
    app.try_state::<AppState>()
        .ok_or_else(|| AppError::internal("Spotter is still starting; try again in a moment"))
}

/// Runs a core call on its own task with the open database (see [`spawn_guarded`]).
async fn guarded<T, F, Fut>(state: &AppState, f: F) -> CmdResult<T>
where
    T: Send + 'static,
    F: FnOnce(Database) -> Fut,
    Fut: Future<Output = CmdResult<T>> + Send + 'static,
{
    let db = state.db()?;
    spawn_guarded(f(db)).await
}

/// Runs a core call on its own task so that a panic (a bug) becomes an
/// `internal` error for the UI instead of a promise that never settles.
pub(crate) async fn spawn_guarded<T, Fut>(fut: Fut) -> CmdResult<T>
where
    T: Send + 'static,
    Fut: Future<Output = CmdResult<T>> + Send + 'static,
{
    match tauri::async_runtime::spawn(fut).await {
        Ok(result) => result,
        Err(e) => {
            tracing::error!(error = %e, "command task failed");
            Err(AppError::internal(
                "Something went wrong inside Spotter; the details are in the log file",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use spotter_core::updates::UpdateProgress;
    use tauri::Listener;

    /// The real table has no app-wide event yet, so the macro reads a one-line stand-in table.
    #[allow(dead_code)]
    mod probe {
        use super::super::*;

        spotter_contract! {
            commands {
                /// Echoes its text (never registered; it only has to compile).
                db probe_echo(text: String = String::new()) -> String, |_db| Ok(text);
            }
            events {
                /// What an update is doing.
                probe_status: UpdateProgress;
            }
        }
    }

    #[test]
    fn an_event_of_the_table_reaches_a_listener_under_its_name_with_its_payload() {
        let app = tauri::test::mock_app();
        let (tx, rx) = std::sync::mpsc::channel();
        app.listen("probe_status", move |event| {
            let _ = tx.send(event.payload().to_owned());
        });
        probe::emit::probe_status(app.handle(), &UpdateProgress::Installing).unwrap();
        // Rust listeners run inside `emit`, so the payload is there already.
        assert_eq!(rx.try_recv().unwrap(), r#"{"stage":"installing"}"#);
    }
}
