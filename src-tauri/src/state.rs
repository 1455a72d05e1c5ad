use std::path::PathBuf;
use std::sync::Arc;

use spotter_ai::Runtime;

use spotter_core::logging::LogGuard;
use spotter_core::paths::DataDir;
use spotter_core::{AppError, Database};

/// Everything the commands share. The database may be unavailable (e.g. a newer
/// schema); then every command answers with that error instead of the app failing to start.
pub struct AppState {
    db: Result<Database, AppError>,
    ai: Option<Arc<Runtime>>,
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
        let ai = db.as_ref().ok().map(|db| {
            Arc::new(
                Runtime::new(
                    db.clone(),
                    spotter_ai::Keychain::default(),
                    Arc::new(spotter_ai::Llm::default()),
                )
                .with_data_dir(data_dir.clone(), log_dir.clone()),
            )
        });
        Self {
            db,
            ai,
            data_dir,
            log_dir,
            _log_guard: log_guard,
        }
    }

    pub fn db(&self) -> Result<Database, AppError> {
        self.db.clone()
    }

    /// The agent runtime (there is none when the database could not be opened).
    pub fn ai(&self) -> Result<Arc<Runtime>, AppError> {
        match (&self.ai, &self.db) {
            (Some(rt), _) => Ok(rt.clone()),
            (None, Err(e)) => Err(e.clone()),
            (None, Ok(_)) => Err(AppError::internal("the AI runtime did not start")),
        }
    }

    pub async fn close(&self) {
        if let Ok(db) = &self.db {
            db.close().await;
        }
    }
}
