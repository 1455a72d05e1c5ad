//! Opening the embedded SQLite database: connection settings, migrations,
//! the pre-migration backup, the refusal of newer schemas and of damaged files.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

use crate::paths::DataDir;
use crate::{AppError, ErrorCode, Result};

/// Every SQLite migration, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");

/// How long a writer waits for another (the app and the CLI may both be open).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Database {
    pool: SqlitePool,
    path: PathBuf,
    /// Set when opening this file took a pre-migration backup.
    backup: Option<PathBuf>,
}

impl Database {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
    pub async fn open(data_dir: &DataDir) -> Result<Self> {
        Self::open_with(data_dir, &MIGRATOR).await
    }

    /// As [`Database::open`] with an explicit migrator; tests use it to simulate upgrades.
    /// Two processes creating or upgrading one file at the same moment can meet a lock that
    /// SQLite's busy handler does not wait for (switching to WAL); such an open is retried.
    pub async fn open_with(data_dir: &DataDir, migrator: &Migrator) -> Result<Self> {
        let mut delay = Duration::from_millis(20);
        for _ in 0..6 {
            match Self::open_once(data_dir, migrator).await {
                Err(e) if e.code == ErrorCode::Busy => {
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                }
                other => return other,
            }
        }
        Self::open_once(data_dir, migrator).await
    }

    async fn open_once(data_dir: &DataDir, migrator: &Migrator) -> Result<Self> {
        std::fs::create_dir_all(data_dir.root()).map_err(|e| {
            AppError::io(
                &format!("cannot create data directory {}", data_dir.root().display()),
                e,
            )
        })?;
        let path = data_dir.database();

        let mut backup = None;
        if path.exists() {
            let state = inspect_existing(&path, migrator).await?;
            if state.has_pending && state.has_user_schema {
                backup = Some(backup_before_migration(&path, &data_dir.backups()).await?);
            }
        }

        // Migrations run on a connection of their own, and the pool opens only after they are
        // done: a pooled connection that read the schema halfway through them keeps a stale
        // view of a virtual table a later migration re-created (seen: the client search index
        // with its old prefix options, 'malformed inverted index' on that connection).
        // (A pool of one rather than a bare connection: `Migrator::run(&mut conn)` makes every
        // future that opens a database !Send for some lifetimes, which Tauri's tasks refuse.)
        let migrating = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(connect_options(&path, false))
            .await?;
        // The app and spotter-cli may start on an old file together. sqlx reads the list of
        // applied migrations before it takes SQLite's write lock, so both can try the same
        // migration; the loser's transaction rolls back ("table … already exists"). Running
        // again skips what the other applied; each migration is all-or-nothing, so this is safe.
        let mut attempts = 0;
        while let Err(e) = migrator.run(&migrating).await {
            attempts += 1;
            let state = inspect_existing(&path, migrator).await?;
            if !state.has_pending {
                break;
            }
            if attempts >= 5 {
                migrating.close().await;
                return Err(e.into());
            }
            tokio::time::sleep(Duration::from_millis(20 * attempts)).await;
        }
        migrating.close().await;
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .connect_with(connect_options(&path, false))
            .await?;
        tracing::info!(path = %path.display(), backup = ?backup, "database ready");
        Ok(Self { pool, path, backup })
    }

    /// Opens an existing database for reading only (listing, export, backup): never creates,
    /// migrates or writes it, so a command line tool cannot change a file an app has open.
    pub async fn open_read_only(data_dir: &DataDir) -> Result<Self> {
        let path = data_dir.database();
        if !path.exists() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                format!(
                    "there is no Spotter database in {}",
                    data_dir.root().display()
                ),
            ));
        }
        let state = inspect_existing(&path, &MIGRATOR).await?;
        if state.has_pending {
            return Err(AppError::new(
                ErrorCode::Database,
                format!("{} was written by an older Spotter and needs upgrading first: open it once in the app", path.display()),
            ));
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(connect_options(&path, true))
            .await?;
        Ok(Self {
            pool,
            path,
            backup: None,
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn pre_migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// The newest applied migration version.
    pub async fn schema_version(&self) -> Result<i64> {
        let v: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(v.unwrap_or(0))
    }

    /// A connection of its own for reading the whole file once (a backup, an integrity
    /// check): no memory map and a small page cache; close it when done. Through a pooled
    /// connection, such a read left every page of the file mapped (and up to 32 MB cached) in
    /// a connection that lives as long as the app: the demo data's whole 4.6 MB in its idle
    /// memory, years of data's hundreds. Read-only, so it can never change the file; none
    /// once the database is closed.
    pub async fn whole_file_reader(&self) -> Result<SqliteConnection> {
        if self.pool.is_closed() {
            return Err(sqlx::Error::PoolClosed.into());
        }
        let conn = connect_options(&self.path, true)
            .pragma("mmap_size", "0")
            .pragma("cache_size", "-2000")
            .connect()
            .await?;
        Ok(conn)
    }

    /// Writes a consistent copy of the whole database to `dest` (which must not exist),
    /// safe while other connections read and write: into a temporary file beside it, flushed,
    /// then renamed, so `dest` never holds half a copy. Backups into the backups folder go
    /// through [`crate::backups::take`], which names them so they are listed.
    pub async fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(AppError::validation(
                "destination",
                format!("{} already exists; choose a new file name", dest.display()),
            ));
        }
        let dir = match dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(p) => p.to_path_buf(),
            None => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| AppError::io("cannot create the backup folder", e))?;
        let name = dest.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
            AppError::validation(
                "destination",
                "the backup path must end in a UTF-8 file name",
            )
        })?;
        let partial = dir.join(format!(".{name}.partial"));
        let partial_text = partial.to_str().ok_or_else(|| {
            AppError::validation("destination", "the backup path must be valid UTF-8")
        })?;
        let _ = std::fs::remove_file(&partial);
        let mut reader = self.whole_file_reader().await?;
        let written = sqlx::query("VACUUM INTO ?")
            .bind(partial_text)
            .execute(&mut reader)
            .await;
        // Closed now, not whenever its worker thread gets to it: the file is let go of here.
        let _ = reader.close().await;
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(e.into());
        }
        let finish = || -> std::io::Result<()> {
            std::fs::File::open(&partial)?.sync_all()?;
            // A hard link never replaces a file that appeared under the name meanwhile.
            std::fs::hard_link(&partial, dest)?;
            std::fs::remove_file(&partial)?;
            crate::backups::sync_dir(&dir)
        };
        finish().map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            AppError::io("cannot write the backup", e)
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// True once [`Database::close`] ran on this or any clone (a restore closes the old one).
    pub fn is_closed(&self) -> bool {
        self.pool.is_closed()
    }
}

fn connect_options(path: &Path, read_only: bool) -> SqliteConnectOptions {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true)
        // Years of sessions are hundreds of MB: read pages through a memory map instead of a
        // syscall each, and keep a larger page cache (both grow only as pages are used).
        .pragma("mmap_size", "268435456")
        .pragma("cache_size", "-32000")
        .log_statements(tracing::log::LevelFilter::Trace);
    if read_only {
        // Read-only: no journal-mode change, nothing written, so a refused file stays byte-identical.
        opts.read_only(true)
    } else {
        opts.create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .pragma("temp_store", "memory")
    }
}

struct ExistingState {
    has_pending: bool,
    has_user_schema: bool,
}

/// Looks at an existing file without changing it: is it SQLite, is it newer than us, is anything pending?
async fn inspect_existing(path: &Path, migrator: &Migrator) -> Result<ExistingState> {
    let side_files = [wal_side_file(path, "-wal"), wal_side_file(path, "-shm")];
    let existed = side_files.each_ref().map(|f| f.exists());
    match inspect_existing_inner(path, migrator).await {
        Ok(state) => Ok(state),
        Err(Inspection::Refused(e)) => {
            // A refused file (a newer schema, not SQLite) is left as we found it: reading a
            // WAL database creates its -wal and -shm files, so remove those we created.
            for (file, existed) in side_files.iter().zip(existed) {
                if !existed {
                    let _ = std::fs::remove_file(file);
                }
            }
            Err(e)
        }
        // Busy, locked or unreadable: another process may have opened the file meanwhile
        // and created them, and removing a live -wal loses its commits. They stay.
        Err(Inspection::Failed(e)) => Err(e),
    }
}

/// Why an inspection did not answer: the file was refused (we know what it is and will not
/// open it), or reading it failed (busy, locked, I/O), which says nothing about the side files.
enum Inspection {
    Refused(AppError),
    Failed(AppError),
}

impl From<AppError> for Inspection {
    fn from(e: AppError) -> Self {
        Inspection::Failed(e)
    }
}

impl From<sqlx::Error> for Inspection {
    fn from(e: sqlx::Error) -> Self {
        Inspection::Failed(e.into())
    }
}

fn wal_side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn inspect_existing_inner(
    path: &Path,
    migrator: &Migrator,
) -> std::result::Result<ExistingState, Inspection> {
    let not_sqlite = || {
        Inspection::Refused(AppError::new(
            ErrorCode::DatabaseCorrupt,
            format!(
                "{} is not a Spotter database (it is not an SQLite file, or its first page is damaged); it was left untouched",
                path.display()
            ),
        ))
    };
    let damaged = |detail: &str| {
        Inspection::Refused(AppError::new(
            ErrorCode::DatabaseCorrupt,
            format!(
                "{} is damaged (SQLite's check found: {detail}); it was left untouched",
                path.display()
            ),
        ))
    };
    let read_error = |e: sqlx::Error| match e {
        sqlx::Error::Database(db) if db.message().contains("not a database") => not_sqlite(),
        sqlx::Error::Database(db) if db.message().contains("malformed") => damaged(db.message()),
        other => other.into(),
    };
    // Connecting already reads the header (the connection pragmas touch the file).
    let mut conn = connect_options(path, true)
        .connect()
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(db) if db.message().contains("not a database") => not_sqlite(),
            // E.g. a damaged file with a -wal left beside it fails already here.
            sqlx::Error::Database(db) if db.message().contains("malformed") => {
                damaged(db.message())
            }
            e @ sqlx::Error::Database(_) if is_busy(&e) => Inspection::Failed(e.into()),
            e => Inspection::Failed(AppError::new(
                ErrorCode::Database,
                format!("cannot open {}: {e}", path.display()),
            )),
        })?;
    let result = async {
        let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .map_err(read_error)?;
        // Damage inside the file (a disk error, bytes overwritten) shows at once, not when a
        // screen first reads the damaged page. quick_check reads every page but skips the
        // index-against-table comparison: ~8 ms on the demo data, ~175 ms on 110 MB (DECISIONS).
        let problems: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(5)")
            .fetch_all(&mut conn)
            .await
            .map_err(read_error)?;
        if problems != ["ok"] {
            return Err(damaged(&problems.join("; ")));
        }
        let has_migrations_table = tables.iter().any(|t| t == "_sqlx_migrations");
        let applied: Vec<i64> = if has_migrations_table {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version").fetch_all(&mut conn).await?
        } else {
            Vec::new()
        };
        let known: Vec<i64> = migrator.iter().map(|m| m.version).collect();
        let newest_known = known.iter().copied().max().unwrap_or(0);
        if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
            return Err(Inspection::Refused(AppError::new(
                ErrorCode::SchemaTooNew,
                format!(
                    "{} was written by a newer version of Spotter (schema {unknown}, this version knows up to {newest_known}). \
                     Update Spotter to open it; the file was left untouched.",
                    path.display()
                ),
            )));
        }
        Ok(ExistingState {
            has_pending: known.iter().any(|v| !applied.contains(v)),
            has_user_schema: tables.iter().any(|t| t != "_sqlx_migrations"),
        })
    }
    .await;
    let _ = conn.close().await;
    result
}

fn is_busy(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.message().contains("locked") || db.message().contains("busy"))
}

async fn backup_before_migration(path: &Path, backups: &Path) -> Result<PathBuf> {
    let mut conn = connect_options(path, true).connect().await?;
    let result = crate::backups::write_backup(
        &mut conn,
        backups,
        crate::backups::BackupReason::BeforeMigration,
    )
    .await;
    let _ = conn.close().await;
    let dest = result.map_err(|e| {
        AppError::new(
            e.code,
            format!(
                "could not back up the database before upgrading it, so it was not upgraded: {}",
                e.message
            ),
        )
    })?;
    tracing::info!(backup = %dest.display(), "pre-migration backup written");
    Ok(dest)
}
