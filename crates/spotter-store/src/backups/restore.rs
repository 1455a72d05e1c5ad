//! Restoring a backup (or any Spotter database file the trainer picks) in place of the
//! current database.
//!
//! The order is what makes it safe: the candidate is copied beside the database and the copy
//! is checked (an SQLite file, `PRAGMA integrity_check`, Spotter's tables, a schema this
//! version knows); only then is the current database backed up (`before-restore`), or, when it
//! is damaged and cannot be opened, moved aside into `<data dir>/damaged/` (never deleted).
//! The current connections are closed, the database is taken out of WAL mode (which succeeds
//! only when no other process has it open), and the checked copy is renamed over it and
//! reopened. A refused candidate changes nothing, and the file picked is only ever read.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use ts_rs::TS;

use super::{sync_dir, take, BackupInfo, BackupReason};
use crate::db::MIGRATOR;
use crate::paths::DataDir;
use crate::{AppError, Database, ErrorCode, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// The file restored.
    pub restored_from: String,
    /// The schema version of that file (an older one was upgraded when it was opened).
    pub schema_version: i64,
    /// The backup of the database as it was just before the restore.
    #[ts(optional = nullable)]
    pub safety_backup: Option<BackupInfo>,
    /// Where a damaged database was moved instead (it could not be backed up).
    #[ts(optional = nullable)]
    pub set_aside: Option<String>,
}

/// Replaces the database in `data_dir` with `candidate` and opens it.
///
/// `current` is the open database, or `None` when it could not be opened (damaged); then the
/// file in its place is moved aside. On success every clone of `current` is closed and the
/// returned database is the one to use. On an error `current` is still open, unless
/// [`Database::is_closed`] says otherwise (another process held the file, or the reopen
/// failed): then the caller opens the data directory again, which finds the old database
/// unless the swap had happened.
pub async fn restore(
    current: Option<&Database>,
    data_dir: &DataDir,
    candidate: &Path,
) -> Result<(Database, RestoreReport)> {
    let live = data_dir.database();
    check_path(candidate, &live)?;
    let staged = Staged::prepare(data_dir, candidate).await?;

    let (safety_backup, set_aside) = match current {
        Some(db) => (
            Some(take(db, data_dir, BackupReason::BeforeRestore).await?),
            None,
        ),
        None => (None, set_aside_damaged(data_dir)?),
    };
    if let Some(db) = current {
        db.close().await;
        take_over(&live).await?;
    }
    let schema_version = staged.schema_version;
    staged.move_to(&live)?;
    tracing::info!(from = %candidate.display(), "database restored");
    let db = Database::open(data_dir).await?;
    Ok((
        db,
        RestoreReport {
            restored_from: candidate.display().to_string(),
            schema_version,
            safety_backup,
            set_aside: set_aside.map(|p| p.display().to_string()),
        },
    ))
}

/// Checks that `candidate` could be restored (on a copy; the file itself is only read) and
/// returns its schema version.
pub async fn check_candidate(data_dir: &DataDir, candidate: &Path) -> Result<i64> {
    check_path(candidate, &data_dir.database())?;
    let staged = Staged::prepare(data_dir, candidate).await?;
    Ok(staged.schema_version)
}

fn check_path(candidate: &Path, live: &Path) -> Result<()> {
    let meta = std::fs::metadata(candidate).map_err(|_| AppError {
        code: ErrorCode::NotFound,
        message: format!("{} does not exist", candidate.display()),
        field: Some("path".into()),
    })?;
    if !meta.is_file() {
        return Err(AppError::validation(
            "path",
            format!("{} is not a file", candidate.display()),
        ));
    }
    let same = match (candidate.canonicalize(), live.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(AppError::validation(
            "path",
            "That is the database Spotter is using now; choose a backup",
        ));
    }
    Ok(())
}

/// A checked copy of the candidate beside the database, removed unless it is moved into place.
struct Staged {
    path: PathBuf,
    schema_version: i64,
    moved: bool,
}

impl Staged {
    async fn prepare(data_dir: &DataDir, candidate: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir.root())
            .map_err(|e| AppError::io("The data folder could not be created", e))?;
        remove_stale_copies(data_dir.root());
        let path = data_dir.root().join(format!(
            ".spotter-restoring-{}.db",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ")
        ));
        let mut staged = Staged {
            path,
            schema_version: 0,
            moved: false,
        };
        let copy = || -> std::io::Result<()> {
            std::fs::copy(candidate, &staged.path)?;
            // A database copied while it was open may have its last commits in its -wal.
            let wal = side_file(candidate, "-wal");
            if wal.is_file() {
                std::fs::copy(&wal, side_file(&staged.path, "-wal"))?;
            }
            Ok(())
        };
        copy().map_err(|e| {
            AppError::io(
                &format!(
                    "{} could not be copied into the data folder",
                    candidate.display()
                ),
                e,
            )
        })?;
        staged.schema_version = check_copy(&staged.path, candidate).await?;
        std::fs::File::open(&staged.path)
            .and_then(|f| f.sync_all())
            .map_err(|e| AppError::io("The restored copy could not be written", e))?;
        Ok(staged)
    }

    fn move_to(mut self, live: &Path) -> Result<()> {
        for suffix in ["-wal", "-shm"] {
            remove_if_present(&side_file(live, suffix))?;
        }
        std::fs::rename(&self.path, live)
            .map_err(|e| AppError::io("The backup could not be put in place", e))?;
        self.moved = true;
        if let Some(dir) = live.parent() {
            sync_dir(dir).map_err(|e| AppError::io("The restore could not be made durable", e))?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.moved {
            for f in [
                self.path.clone(),
                side_file(&self.path, "-wal"),
                side_file(&self.path, "-shm"),
            ] {
                let _ = std::fs::remove_file(f);
            }
        }
    }
}

/// The checks, on our own copy (so opening it may write): returns the schema version.
async fn check_copy(copy: &Path, shown: &Path) -> Result<i64> {
    let name = shown.display();
    let not_sqlite = || {
        AppError::new(
            ErrorCode::InvalidFile,
            format!("{name} is not a Spotter backup: it is not an SQLite database. Nothing was changed."),
        )
    };
    let damaged = |detail: &str| {
        AppError::new(
            ErrorCode::InvalidFile,
            format!(
                "{name} is damaged (the integrity check found: {detail}). Nothing was changed; choose another backup."
            ),
        )
    };
    let classify = |e: sqlx::Error| match &e {
        sqlx::Error::Database(db) if db.message().contains("not a database") => not_sqlite(),
        sqlx::Error::Database(db) if db.message().contains("malformed") => damaged(db.message()),
        _ => AppError::new(
            ErrorCode::InvalidFile,
            format!("{name} could not be read as a database ({e}). Nothing was changed."),
        ),
    };
    let mut conn = SqliteConnectOptions::new()
        .filename(copy)
        .create_if_missing(false)
        .connect()
        .await
        .map_err(classify)?;
    let result = async {
        let tables: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
                .fetch_all(&mut conn)
                .await
                .map_err(classify)?;
        let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check(5)")
            .fetch_all(&mut conn)
            .await
            .map_err(classify)?;
        if problems != ["ok"] {
            return Err(damaged(&problems.join("; ")));
        }
        let is_spotter = ["_sqlx_migrations", "clients", "settings"]
            .iter()
            .all(|t| tables.iter().any(|have| have == t));
        let applied: Vec<i64> = if is_spotter {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
                .fetch_all(&mut conn)
                .await
                .map_err(classify)?
        } else {
            Vec::new()
        };
        let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
        let first = known.iter().copied().min().unwrap_or(0);
        if !applied.contains(&first) {
            return Err(AppError::new(
                ErrorCode::InvalidFile,
                format!("{name} is an SQLite database, but not one of Spotter's. Nothing was changed."),
            ));
        }
        if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
            let newest = known.iter().copied().max().unwrap_or(0);
            return Err(AppError::new(
                ErrorCode::SchemaTooNew,
                format!(
                    "{name} was written by a newer version of Spotter (schema {unknown}, this version knows up to {newest}). \
                     Update Spotter to restore it. Nothing was changed."
                ),
            ));
        }
        // One file, no -wal beside it, before it goes into place.
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode = DELETE")
            .fetch_one(&mut conn)
            .await
            .map_err(classify)?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(AppError::internal(format!("the restored copy stayed in {mode} mode")));
        }
        Ok(applied.iter().copied().max().unwrap_or(0))
    }
    .await;
    let _ = conn.close().await;
    result
}

/// With our connections closed: takes the database out of WAL mode, which SQLite allows only
/// when no other connection (another Spotter window, `spotter-cli`) has it open.
async fn take_over(live: &Path) -> Result<()> {
    let busy = || {
        AppError::new(
            ErrorCode::Busy,
            "Another Spotter window or spotter-cli command has the database open. Close it and try again; nothing was changed.",
        )
    };
    if !live.exists() {
        return Ok(());
    }
    // Our pool's connections may take a moment to let go of the file after `close`, and
    // SQLite answers a journal-mode change with "locked" at once rather than waiting: ask
    // again for a few seconds before concluding that another process has it open.
    let mut last = String::new();
    for attempt in 0..30 {
        if attempt > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(75)).await;
        }
        let conn = SqliteConnectOptions::new()
            .filename(live)
            .create_if_missing(false)
            .busy_timeout(std::time::Duration::from_millis(100))
            .connect()
            .await;
        let mut conn = match conn {
            Ok(c) => c,
            Err(e) => {
                last = e.to_string();
                continue;
            }
        };
        let mode: std::result::Result<String, _> =
            sqlx::query_scalar("PRAGMA journal_mode = DELETE")
                .fetch_one(&mut conn)
                .await;
        let _ = conn.close().await;
        match mode {
            Ok(m) if m.eq_ignore_ascii_case("delete") => return Ok(()),
            Ok(m) => last = format!("still in {m} mode"),
            Err(e) => last = e.to_string(),
        }
    }
    tracing::warn!(error = %last, "restore: cannot take the database over");
    Err(busy())
}

/// Moves a database that cannot be opened (and its -wal/-shm) into `<data dir>/damaged/`.
fn set_aside_damaged(data_dir: &DataDir) -> Result<Option<PathBuf>> {
    let live = data_dir.database();
    if !live.exists() {
        return Ok(None);
    }
    let dir = data_dir.root().join("damaged");
    std::fs::create_dir_all(&dir).map_err(|e| {
        AppError::io(
            "The folder for the damaged database could not be created",
            e,
        )
    })?;
    let dest = dir.join(format!(
        "spotter-{}.db",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ")
    ));
    let move_all = || -> std::io::Result<()> {
        for suffix in ["-wal", "-shm"] {
            let side = side_file(&live, suffix);
            if side.exists() {
                std::fs::rename(&side, side_file(&dest, suffix))?;
            }
        }
        std::fs::rename(&live, &dest)?;
        sync_dir(&dir)?;
        sync_dir(data_dir.root())
    };
    move_all().map_err(|e| AppError::io("The damaged database could not be moved aside", e))?;
    tracing::warn!(to = %dest.display(), "damaged database moved aside");
    Ok(Some(dest))
}

/// Copies left by a restore that was cut off (the app closed or crashed while checking) more
/// than an hour ago; a restore running now in another process is younger.
fn remove_stale_copies(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.filter_map(|e| e.ok()) {
        let stale = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(".spotter-restoring-"))
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < hour_ago);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(AppError::io(
            &format!("{} could not be removed", path.display()),
            e,
        )),
    }
}
