use std::path::PathBuf;

use spotter_core::logging::LogGuard;
use spotter_core::paths::DataDir;
use spotter_core::{AppError, Database};

/// Everything the commands share. The database may be unavailable (e.g. a newer
/// schema); then every command answers with that error instead of the app failing to start.
pub struct AppState {
    db: Result<Database, AppError>,
    pub data_dir: DataDir,
    pub log_dir: PathBuf,
    _log_guard: LogGuard,
}

impl AppState {
    pub fn new(
        db: Result<Database, AppError>,
        data_dir: DataDir,
        log_dir: PathBuf,
        log_guard: LogGuard,
    ) -> Self {
        Self {
            db,
            data_dir,
            log_dir,
            _log_guard: log_guard,
        }
    }

    pub fn db(&self) -> Result<Database, AppError> {
        self.db.clone()
    }

    pub async fn close(&self) {
        if let Ok(db) = &self.db {
            db.close().await;
        }
    }
}
