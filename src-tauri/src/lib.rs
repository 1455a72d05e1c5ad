//! The Tauri shell: start-up, state and thin command adapters over spotter-core.

mod ai_commands;
mod backups;
mod commands;
mod data_commands;
mod dialog_commands;
mod health;
mod reminders;
mod state;
pub mod update_commands;

use std::path::PathBuf;

use spotter_core::paths::{data_dir_from_args, DataDir};
use spotter_core::Database;
use tauri::Manager;

use crate::state::AppState;

pub fn run() {
    let explicit_dir = data_dir_from_args(std::env::args_os().skip(1));
    let env_dir_set =
        std::env::var_os(spotter_core::paths::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());

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
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::clients_list,
            commands::clients_overview,
            commands::quick_find,
            commands::client_get,
            commands::client_create,
            commands::client_update,
            commands::client_set_archived,
            commands::client_set_paused,
            commands::client_set_clearance,
            commands::client_delete,
            commands::client_restore,
            commands::client_sessions,
            commands::clients_csv_preview,
            commands::clients_csv_import,
            commands::clients_csv_export,
            commands::intake_questions,
            commands::intakes_list,
            commands::intake_record,
            commands::clearance_warnings,
            commands::measurements_list,
            commands::measurement_add,
            commands::measurement_delete,
            commands::notes_list,
            commands::note_add,
            commands::note_update,
            commands::note_delete,
            commands::settings_get,
            commands::settings_set,
            commands::first_start_get,
            commands::welcome_complete,
            commands::data_dir_use,
            commands::default_export_dir,
            commands::trainers_list,
            commands::trainer_create,
            commands::trainer_update,
            commands::rooms_list,
            commands::room_create,
            commands::sessions_range,
            commands::session_get,
            commands::session_create,
            commands::session_update,
            commands::session_set_status,
            commands::session_set_attendance,
            commands::session_cancel,
            commands::session_delete,
            commands::session_restore,
            commands::series_recurrence,
            commands::free_slot_find,
            commands::dashboard_get,
            commands::calendar_export,
            commands::session_export,
            commands::ics_preview,
            commands::ics_import,
            commands::exercises_list,
            commands::exercise_get,
            commands::exercise_create,
            commands::exercise_update,
            commands::exercise_set_hidden,
            commands::exercises_import_preview,
            commands::exercises_import,
            commands::plans_list,
            commands::plan_get,
            commands::plan_create,
            commands::plan_save,
            commands::plan_versions,
            commands::plan_version,
            commands::plan_compare,
            commands::plan_restore,
            commands::plan_from_template,
            commands::plan_save_as_template,
            commands::plan_assign,
            commands::plan_delete,
            commands::plan_dates,
            commands::plan_generate,
            commands::logs_list,
            commands::log_get,
            commands::log_for_session,
            commands::logs_last_time,
            commands::log_prefill,
            commands::log_create,
            commands::log_update,
            commands::log_delete,
            commands::client_progress,
            commands::plan_pdf_save,
            commands::client_report_save,
            commands::logo_set,
            commands::file_open,
            data_commands::backups_list,
            data_commands::backup_now,
            data_commands::backup_restore,
            data_commands::backup_retention_get,
            data_commands::backup_retention_set,
            data_commands::export_everything,
            data_commands::data_folder_open,
            dialog_commands::dialog_save,
            dialog_commands::dialog_open,
            ai_commands::ai_providers_list,
            ai_commands::ai_provider_create,
            ai_commands::ai_provider_update,
            ai_commands::ai_provider_delete,
            ai_commands::ai_providers_reorder,
            ai_commands::ai_key_set,
            ai_commands::ai_key_remove,
            ai_commands::ai_provider_check,
            ai_commands::ai_status,
            ai_commands::ai_health,
            ai_commands::ai_health_check,
            ai_commands::ai_agents_list,
            ai_commands::ai_agent_update,
            ai_commands::ai_preview,
            ai_commands::ai_run,
            ai_commands::ai_chat_history,
            ai_commands::ai_chat_ask,
            ai_commands::ai_chat_clear,
            ai_commands::ai_cancel,
            ai_commands::ai_executions_list,
            ai_commands::ai_execution_get,
            ai_commands::ai_metrics,
            ai_commands::ai_review_list,
            ai_commands::ai_review_accept,
            ai_commands::ai_review_dismiss,
            update_commands::update_check,
            update_commands::update_install,
            update_commands::update_restart,
        ])
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
