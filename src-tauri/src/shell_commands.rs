//! Commands that need the app itself rather than only the database: the app's folders, the
//! first start's switch to the demo data and back, opening a document. Declared in
//! contract.rs (`app` lines), which calls these with the AppHandle and typed arguments.

use spotter_core::first_start::{self, FirstStart};
use spotter_core::info::{self, AppInfo};
use spotter_store::{AppError, ErrorCode};
use tauri::AppHandle;

use crate::commands::{app_state, spawn_guarded};

type CmdResult<T> = Result<T, AppError>;

pub async fn app_info(app: &AppHandle) -> CmdResult<AppInfo> {
    let state = app_state(app)?;
    let data_dir = state.active_dir().root().to_path_buf();
    let log_dir = state.log_dir.clone();
    let db = state.db()?;
    spawn_guarded(async move { info::app_info(&db, &data_dir, &log_dir).await }).await
}

/// Whether to show the welcome, and whether the demo data are open.
pub async fn first_start_get(app: &AppHandle) -> CmdResult<FirstStart> {
    let state = app_state(app)?;
    let demo = state.is_demo();
    let db = state.db()?;
    spawn_guarded(async move {
        Ok(FirstStart {
            needs_welcome: first_start::needs_welcome(&db).await?,
            demo,
        })
    })
    .await
}

/// Opens the demo data (`demo` true) or the trainer's own again, in place of the open database.
pub async fn data_dir_use(app: &AppHandle, demo: bool) -> CmdResult<FirstStart> {
    let state = app_state(app)?;
    if demo != state.is_demo() {
        let home = state.data_dir.clone();
        let (db, dir) =
            spawn_guarded(async move { first_start::open_data(&home, demo).await }).await?;
        state.replace_database(db, dir).await;
        tracing::info!(demo, "data directory switched");
    }
    first_start_get(app).await
}

/// Opens one of Spotter's documents (a PDF, an .ics, a CSV or JSON export) in the system's
/// default app; anything else (a program, a .desktop file, a script) is refused by the core.
pub fn file_open(app: &AppHandle, path: &str) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let real = spotter_files::document::openable(path)?;
    app.opener()
        .open_path(real.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            tracing::warn!(error = %e, "opening a file failed");
            AppError::new(ErrorCode::Io, format!("The file could not be opened: {e}"))
        })
}
