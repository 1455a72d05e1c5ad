//! IPC for Settings → Data: backups (list, back up now, restore, retention), "Export
//! everything" and "Open data folder". Thin adapters over `spotter_store::backups` and
//! `spotter_core::full_export`; the list and the restore also work when the database could
//! not be opened (a damaged file), so the start-up screen can offer the latest backup.

use std::path::PathBuf;

use spotter_core::full_export::{self, ExportFiles};
use spotter_files::chosen;
use spotter_store::backups::{self, BackupInfo, BackupReason, RestoreReport, Retention};
use spotter_store::AppError;
use tauri::AppHandle;

use crate::commands::{app_state, spawn_guarded};

type CmdResult<T> = Result<T, AppError>;

/// The backups of the open data folder, newest first.
pub async fn backups_list(app: &AppHandle) -> CmdResult<Vec<BackupInfo>> {
    let dir = app_state(app)?.active_dir();
    spawn_guarded(async move { backups::list(&dir) }).await
}

pub async fn backup_now(app: &AppHandle) -> CmdResult<BackupInfo> {
    let state = app_state(app)?;
    let (db, dir) = (state.db()?, state.active_dir());
    spawn_guarded(async move { backups::take(&db, &dir, BackupReason::Manual).await }).await
}

/// Restores a backup (or a database file the trainer picked) and reopens on it.
pub async fn backup_restore(app: AppHandle, path: String) -> CmdResult<RestoreReport> {
    if path.trim().is_empty() {
        return Err(AppError::validation("path", "Choose the backup to restore"));
    }
    spawn_guarded(async move {
        let state = app_state(&app)?;
        // One of the backups listed, or a file the trainer chose in the open dialog.
        let listed = backups::list(&state.active_dir())?
            .iter()
            .any(|b| b.path == path.trim());
        let file = if listed {
            PathBuf::from(path.trim())
        } else {
            chosen::opened_path(&path)?
        };
        crate::backups::restore(&state, &file).await
    })
    .await
}

pub async fn backup_retention_get(app: &AppHandle) -> CmdResult<Retention> {
    let db = app_state(app)?.db()?;
    spawn_guarded(async move { backups::retention(&db).await }).await
}

pub async fn backup_retention_set(app: &AppHandle, retention: Retention) -> CmdResult<Retention> {
    let state = app_state(app)?;
    let (db, dir) = (state.db()?, state.active_dir());
    spawn_guarded(async move {
        let saved = backups::set_retention(&db, &retention).await?;
        backups::prune(&dir, &saved)?;
        Ok(saved)
    })
    .await
}

/// Everything as JSON at `path` and the clients as CSV beside it.
pub async fn export_everything(
    app: &AppHandle,
    path: String,
    replace: Option<String>,
) -> CmdResult<ExportFiles> {
    // Only where the trainer chose in the save dialog (files/chosen.rs).
    let asked = replace.as_deref().map(str::trim) == Some(path.trim());
    let replace = chosen::for_writing(&path, asked)?.map(str::to_owned);
    let db = app_state(app)?.db()?;
    spawn_guarded(async move { full_export::write_files(&db, &path, replace.as_deref()).await })
        .await
}

/// Opens the data folder in the file manager: only that folder, never a path the window names.
pub fn data_folder_open(app: &AppHandle) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let root = app_state(app)?.active_dir().root().to_path_buf();
    app.opener()
        .open_path(root.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            tracing::warn!(error = %e, "opening the data folder failed");
            AppError::new(
                spotter_store::ErrorCode::Io,
                format!("The data folder could not be opened: {e}"),
            )
        })
}
