//! The Tauri shell: start-up, state and thin command adapters over spotter-core.

mod ai_commands;
mod backups;
mod commands;
mod data_commands;
mod dialog_commands;
mod health;
mod reminders;
mod shell_commands;
mod state;
pub mod update_commands;

use std::path::PathBuf;

use spotter_store::paths::{data_dir_from_args, DataDir};
use spotter_store::Database;
use tauri::Manager;

use crate::state::AppState;

pub fn run() {
    let explicit_dir = data_dir_from_args(std::env::args_os().skip(1));
    let env_dir_set =
        std::env::var_os(spotter_store::paths::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        // Dialogs are opened from Rust (dialog_commands.rs); the window is granted none of its commands.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(update_commands::Updates::new(update_commands::UpdateSource::from_env()))
        .setup(move |app| {
            let data_dir = DataDir::resolve(explicit_dir.clone())?;
            // Tests and extra profiles pick a data dir; keep their logs inside it.
            let log_dir: PathBuf = if explicit_dir.is_some() || env_dir_set {
                data_dir.logs()
            } else {
                app.path().app_log_dir()?
            };
            let guard = spotter_core::logging::init_file_logging(&log_dir, cfg!(debug_assertions))?;
            install_panic_hook();
            #[cfg(debug_assertions)]
            if std::env::var_os(dialog_commands::TEST_DIALOG_ENV).is_some_and(|v| !v.is_empty()) {
                tracing::warn!("file dialogs are answered by the test stand-in ({})", dialog_commands::TEST_DIALOG_ENV);
            }
            tracing::info!(version = env!("CARGO_PKG_VERSION"), data_dir = %data_dir.root().display(), "Spotter starting");

            // A database that cannot be opened (e.g. written by a newer Spotter) does not stop the
            // window: the UI shows the reason, and the file stays untouched.
            let db = tauri::async_runtime::block_on(Database::open(&data_dir));
            if let Err(e) = &db {
                tracing::error!(code = ?e.code, message = %e.message, "database unavailable");
            }
            if let Ok(db) = &db {
                // Shipped exercises the database lacks (first start, or an update that adds some).
                if let Err(e) = tauri::async_runtime::block_on(spotter_core::training::exercises::ensure_library(db)) {
                    tracing::error!(message = %e.message, "exercise library not loaded");
                }
                // The agent registry (new agents of an update) and runs cut off by the last exit.
                let ai_ready = tauri::async_runtime::block_on(async {
                    spotter_core::ai::agents::ensure_agents(db).await?;
                    spotter_core::ai::executions::fail_interrupted(db).await
                });
                if let Err(e) = ai_ready {
                    tracing::error!(message = %e.message, "AI agents not ready");
                }
            }
            // These read the open database on every round, so they follow a restore (even of a
            // damaged database that could not be opened at start).
            reminders::spawn(app.handle().clone());
            health::spawn(app.handle().clone());
            app.manage(AppState::new(db, data_dir, log_dir, guard));
            // After the state exists: its first round (the daily backup's check at start) needs it.
            backups::spawn(app.handle().clone());
            Ok(())
        })
        // Every command of the table in contract.rs (the one place a command is declared).
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());

    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = handle.try_state::<AppState>() {
                    tauri::async_runtime::block_on(state.close());
                }
            }
        }),
        Err(e) => {
            eprintln!("Spotter could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Panics are bugs; record them in the log file where the trainer (or we) can find them.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!(panic = %info, "panic");
        previous(info);
    }));
}
