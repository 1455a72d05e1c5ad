//! The native save and open dialogs, opened from Rust with tauri-plugin-dialog: the window
//! asks for one (`dialog_save`, `dialog_open`) and gets back the path the trainer chose, which
//! Spotter then writes or reads itself. The window has no dialog or file-system permission.
//! Start folders, remembered folders and the list of chosen paths are the core's
//! (`spotter_core::files`); this file only shows the dialog.
//!
//! Tests: WebDriver cannot answer a native GTK file chooser, so a debug build with
//! `SPOTTER_TEST_DIALOG_DIR` set answers from that folder instead (`dialog::test_answer`).
//! This replaces the native dialog only in the end-to-end tests; a release build has no such
//! path compiled in.

use std::path::PathBuf;

use spotter_files::chosen;
use spotter_files::dialog::{self, DialogRequest, Direction, Filter, OpenKind, SaveKind};
use spotter_store::{paths, AppError, Database};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{app_state, spawn_guarded};

/// Debug builds only: a folder whose `answers` file answers the dialogs (end-to-end tests).
#[cfg(debug_assertions)]
pub const TEST_DIALOG_ENV: &str = "SPOTTER_TEST_DIALOG_DIR";

/// Shows a save dialog for `kind`, offering `suggested` as the file name; resolves with the
/// path chosen, or null when the trainer cancelled.
pub async fn dialog_save(
    app: AppHandle,
    kind: SaveKind,
    suggested: String,
) -> Result<Option<String>, AppError> {
    // Without a database (a damaged file) the dialog still works; it just remembers nothing.
    let db = app_state(&app)?.db().ok();
    spawn_guarded(async move {
        let request = DialogRequest {
            direction: Direction::Save,
            kind: kind_name(&kind),
            start_folder: start_folder(db.as_ref(), Direction::Save).await?,
            suggested_name: Some(dialog::suggested_file_name(kind, &suggested)),
        };
        let picked = show(&app, &request, kind.filter()).await?;
        let Some(path) = picked else { return Ok(None) };
        let (path, extension_added) = dialog::with_extension(kind, path);
        chosen::note_saved(&path, !extension_added);
        if let Some(db) = &db {
            dialog::remember_folder(db, Direction::Save, &path).await?;
        }
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Shows an open dialog for `kind`; resolves with the file chosen, or null when cancelled.
pub async fn dialog_open(app: AppHandle, kind: OpenKind) -> Result<Option<String>, AppError> {
    let db = app_state(&app)?.db().ok();
    spawn_guarded(async move {
        let request = DialogRequest {
            direction: Direction::Open,
            kind: kind_name(&kind),
            start_folder: start_folder(db.as_ref(), Direction::Open).await?,
            suggested_name: None,
        };
        let Some(path) = show(&app, &request, kind.filter()).await? else {
            return Ok(None);
        };
        chosen::note_opened(&path);
        if let Some(db) = &db {
            dialog::remember_folder(db, Direction::Open, &path).await?;
        }
        Ok(Some(path.display().to_string()))
    })
    .await
}

async fn start_folder(db: Option<&Database>, direction: Direction) -> Result<PathBuf, AppError> {
    let default = paths::default_export_dir();
    match db {
        Some(db) => dialog::start_folder(db, direction, &default).await,
        None => dialog::default_start(direction, &default),
    }
}

fn kind_name(kind: &impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

async fn show(
    app: &AppHandle,
    request: &DialogRequest,
    filter: Filter,
) -> Result<Option<PathBuf>, AppError> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os(TEST_DIALOG_ENV).filter(|v| !v.is_empty()) {
        return dialog::test_answer(std::path::Path::new(&dir), request);
    }
    let mut builder = app
        .dialog()
        .file()
        .set_title(filter.title)
        .add_filter(filter.name, filter.extensions)
        .set_directory(&request.start_folder);
    if let Some(name) = &request.suggested_name {
        builder = builder.set_file_name(name);
    }
    if let Some(window) = app.get_webview_window("main") {
        builder = builder.set_parent(&window);
    }
    // The callback form: the dialog runs on the main thread, this task waits for its answer.
    let (tx, rx) = tokio::sync::oneshot::channel();
    let send = move |picked| {
        let _ = tx.send(picked);
    };
    match request.direction {
        Direction::Save => builder.save_file(send),
        Direction::Open => builder.pick_file(send),
    }
    let picked = rx
        .await
        .map_err(|_| AppError::internal("the file dialog closed without an answer"))?;
    picked
        .map(|p| {
            p.into_path().map_err(|e| {
                AppError::new(
                    spotter_store::ErrorCode::Io,
                    format!("That file cannot be used here: {e}"),
                )
            })
        })
        .transpose()
}
