//! Backups in the app: the daily backup's schedule (a check at start, then every hour; the
//! core decides whether one is due) and the restore's swap of the open database in the
//! app's state. Checking, copying and replacing the file are spotter-core's (`backups`).

use std::path::Path;
use std::time::Duration;

use spotter_store::backups::{self, RestoreReport};
use spotter_store::{AppError, Database};
use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// How often the app asks whether a daily backup is due.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(CHECK_EVERY);
        loop {
            tick.tick().await;
            let Some(state) = app.try_state::<AppState>() else {
                continue;
            };
            let (Ok(db), dir) = (state.db(), state.active_dir()) else {
                continue;
            };
            match backups::take_daily_if_due(&db, &dir).await {
                Ok(Some(b)) => tracing::info!(backup = %b.path, "daily backup taken"),
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e.message, "daily backup failed"),
            }
        }
    });
}

/// Restores `candidate` over the open database (or over a damaged one that could not be
/// opened) and puts the restored database in the state. When the restore fails after the
/// old connections were closed, the data directory is opened again.
pub async fn restore(state: &AppState, candidate: &Path) -> Result<RestoreReport, AppError> {
    let dir = state.active_dir();
    let current = state.db().ok();
    match backups::restore(current.as_ref(), &dir, candidate).await {
        Ok((db, report)) => {
            prepare(&db).await;
            state.replace_database(db, dir).await;
            Ok(report)
        }
        Err(e) => {
            if current.as_ref().is_some_and(Database::is_closed) {
                match Database::open(&dir).await {
                    Ok(db) => state.replace_database(db, dir).await,
                    Err(reopen) => {
                        tracing::error!(error = %reopen.message, "database unavailable after a failed restore")
                    }
                }
            }
            Err(e)
        }
    }
}

/// What start-up does for a database it opens (a restored file may come from an older version).
async fn prepare(db: &Database) {
    if let Err(e) = spotter_core::training::exercises::ensure_library(db).await {
        tracing::error!(message = %e.message, "exercise library not loaded");
    }
    if let Err(e) = spotter_core::ai::agents::ensure_agents(db).await {
        tracing::error!(message = %e.message, "AI agents not ready");
    }
}
