//! What the commands share: the open database (which can be put back by another one while
//! the app runs: the demo data, a restored backup), its AI runtime, and the folders.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use spotter_ai::Runtime;

use spotter_core::logging::LogGuard;
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database};

/// The database in use and what hangs off it.
struct Open {
    db: Result<Database, AppError>,
    ai: Option<Arc<Runtime>>,
    dir: DataDir,
}

/// Everything the commands share. The database may be unavailable (e.g. a newer
/// schema); then every command answers with that error instead of the app failing to start.
pub struct AppState {
    open: RwLock<Open>,
    /// The trainer's own data directory, chosen at start. The demo data live inside it
    /// (`first_start::demo_dir`); [`AppState::active_dir`] says which one is open.
    pub data_dir: DataDir,
    pub log_dir: PathBuf,
    _log_guard: LogGuard,
}

fn runtime(
    db: &Result<Database, AppError>,
    dir: &DataDir,
    log_dir: &PathBuf,
) -> Option<Arc<Runtime>> {
    db.as_ref().ok().map(|db| {
        Arc::new(
            Runtime::new(
                db.clone(),
                spotter_ai::Keychain::default(),
                Arc::new(spotter_ai::Llm::default()),
            )
            .with_data_dir(dir.clone(), log_dir.clone()),
        )
    })
}

impl AppState {
    pub fn new(
        db: Result<Database, AppError>,
        data_dir: DataDir,
        log_dir: PathBuf,
        log_guard: LogGuard,
    ) -> Self {
        let ai = runtime(&db, &data_dir, &log_dir);
        Self {
            open: RwLock::new(Open {
                db,
                ai,
                dir: data_dir.clone(),
            }),
            data_dir,
            log_dir,
            _log_guard: log_guard,
        }
    }

    fn read<T>(&self, f: impl FnOnce(&Open) -> T) -> T {
        // A poisoned lock only means a panic elsewhere while swapping; the value is whole.
        let guard = self.open.read().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }

    pub fn db(&self) -> Result<Database, AppError> {
        self.read(|o| o.db.clone())
    }

    /// The agent runtime (there is none when the database could not be opened).
    pub fn ai(&self) -> Result<Arc<Runtime>, AppError> {
        self.read(|o| match (&o.ai, &o.db) {
            (Some(rt), _) => Ok(rt.clone()),
            (None, Err(e)) => Err(e.clone()),
            (None, Ok(_)) => Err(AppError::internal("the AI runtime did not start")),
        })
    }

    /// The data directory whose database is open now.
    pub fn active_dir(&self) -> DataDir {
        self.read(|o| o.dir.clone())
    }

    /// Whether the open database is not the trainer's own (the demo data).
    pub fn is_demo(&self) -> bool {
        self.read(|o| o.dir.root() != self.data_dir.root())
    }

    /// Puts `db` (opened from `dir`) in place of the open database, with a new AI runtime,
    /// and closes the old one. Commands already running finish on the database they took;
    /// every later one gets the new one. For switching to the demo data and back, and for
    /// a restore that reopens the file.
    pub async fn replace_database(&self, db: Database, dir: DataDir) {
        let ai = runtime(&Ok(db.clone()), &dir, &self.log_dir);
        let old = {
            let mut guard = self.open.write().unwrap_or_else(|p| p.into_inner());
            std::mem::replace(
                &mut *guard,
                Open {
                    db: Ok(db),
                    ai,
                    dir,
                },
            )
        };
        if let Ok(old) = old.db {
            old.close().await;
        }
    }

    pub async fn close(&self) {
        if let Ok(db) = self.db() {
            db.close().await;
        }
    }
}
