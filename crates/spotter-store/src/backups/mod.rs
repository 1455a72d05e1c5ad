//! Backups of the database: taking them (VACUUM INTO, consistent while the app writes),
//! naming and listing them, keeping as many as the trainer's retention says, and restoring one.
//!
//! Every backup lives in `<data dir>/backups/` as `spotter-<UTC stamp>-<reason>.db`, so the
//! name alone says when and why it was taken and sorts by time. A backup is written under a
//! hidden temporary name, flushed to disk, then renamed: a crash or a full disk never leaves
//! half a backup under a real name. The app and `spotter-cli` both go through this module
//! (the pre-migration backup in `db.rs` too), so every backup shows in [`list`].

mod restore;
mod retention;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::paths::DataDir;
use crate::{AppError, Database, ErrorCode, Result};

pub use restore::{check_candidate, restore, RestoreReport};
pub use retention::{prune, prune_at, retention, set_retention, Retention};

/// Why a backup was taken. Daily and manual backups rotate with the retention; the others
/// are safety copies made right before something changes the database (see [`prune`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    Daily,
    Manual,
    BeforeMigration,
    BeforeUpdate,
    BeforeRestore,
}

impl BackupReason {
    pub const ALL: [BackupReason; 5] = [
        BackupReason::Daily,
        BackupReason::Manual,
        BackupReason::BeforeMigration,
        BackupReason::BeforeUpdate,
        BackupReason::BeforeRestore,
    ];

    /// The word in the file name.
    pub fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeUpdate => "before-update",
            BackupReason::BeforeRestore => "before-restore",
        }
    }

    /// Daily and manual backups rotate; the rest are safety copies.
    pub fn rotates(self) -> bool {
        matches!(self, BackupReason::Daily | BackupReason::Manual)
    }
}

/// One backup file, as the list in Settings → Data shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// When it was taken, UTC (RFC 3339 with milliseconds).
    pub taken_at: String,
    pub size_bytes: u64,
    pub reason: BackupReason,
}

impl BackupInfo {
    pub fn taken_at_utc(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.taken_at)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// How often a daily backup is due while the app is open.
pub const DAILY_EVERY: chrono::Duration = chrono::Duration::hours(24);

const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// `spotter-20261204T173529.123Z-daily.db`.
pub fn file_name(taken_at: DateTime<Utc>, reason: BackupReason) -> String {
    format!("spotter-{}-{}.db", taken_at.format(STAMP), reason.slug())
}

/// Reads a backup's time and reason from its name; also the names of earlier versions
/// (`spotter-<stamp>.db` from `spotter-cli backup`, `spotter-before-migration-from-<v>-<stamp>.db`).
pub fn parse_file_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix("spotter-")?.strip_suffix(".db")?;
    if let Some(old) = rest.strip_prefix("before-migration-from-") {
        let (_, stamp) = old.split_once('-')?;
        return Some((parse_stamp(stamp)?, BackupReason::BeforeMigration));
    }
    if let Some((stamp, slug)) = rest.split_once('-') {
        let reason = BackupReason::ALL.into_iter().find(|r| r.slug() == slug)?;
        return Some((parse_stamp(stamp)?, reason));
    }
    Some((parse_stamp(rest)?, BackupReason::Manual))
}

fn parse_stamp(stamp: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(stamp, STAMP)
        .or_else(|_| NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ"))
        .ok()?;
    Some(naive.and_utc())
}

fn info_for(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let (taken_at, reason) = parse_file_name(name)?;
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some(BackupInfo {
        path: path.display().to_string(),
        file_name: name.to_owned(),
        taken_at: taken_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        size_bytes: meta.len(),
        reason,
    })
}

/// Every backup in the data directory, newest first. Files that are not Spotter backups
/// (other names, temporary files of a backup being written) are left out.
pub fn list(data_dir: &DataDir) -> Result<Vec<BackupInfo>> {
    let dir = data_dir.backups();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(AppError::io("The backups folder could not be read", e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| info_for(&e.path()))
        .collect();
    out.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// The newest backup, if any.
pub fn latest(data_dir: &DataDir) -> Result<Option<BackupInfo>> {
    Ok(list(data_dir)?.into_iter().next())
}

/// Takes a backup of the open database now and prunes older ones by the stored retention
/// (never the one just taken). Safe while the app and `spotter-cli` read and write.
pub async fn take(db: &Database, data_dir: &DataDir, reason: BackupReason) -> Result<BackupInfo> {
    let mut reader = db.whole_file_reader().await?;
    let written = write_backup(&mut reader, &data_dir.backups(), reason).await;
    let _ = sqlx::Connection::close(reader).await;
    let path = written?;
    let info = info_for(&path)
        .ok_or_else(|| AppError::internal("a backup just written could not be listed"))?;
    tracing::info!(backup = %info.path, reason = ?reason, "backup written");
    match retention(db).await {
        Ok(keep) => {
            if let Err(e) = retention::prune_keeping(data_dir, &keep, Utc::now(), &path) {
                tracing::warn!(error = %e.message, "old backups could not be pruned");
            }
        }
        Err(e) => tracing::warn!(error = %e.message, "backup retention unreadable; nothing pruned"),
    }
    Ok(info)
}

/// A daily backup if the newest daily or manual one is 24 hours old or more (or there is
/// none); the app calls this at start and then every hour.
pub async fn take_daily_if_due(db: &Database, data_dir: &DataDir) -> Result<Option<BackupInfo>> {
    if !daily_due(data_dir, Utc::now())? {
        return Ok(None);
    }
    take(db, data_dir, BackupReason::Daily).await.map(Some)
}

/// Whether a daily backup is due at `now`.
pub fn daily_due(data_dir: &DataDir, now: DateTime<Utc>) -> Result<bool> {
    let newest = list(data_dir)?
        .into_iter()
        .filter(|b| b.reason.rotates())
        .find_map(|b| b.taken_at_utc());
    Ok(newest.is_none_or(|t| now - t >= DAILY_EVERY))
}

/// VACUUM INTO a temporary file in `dir`, flush it, rename it to its backup name. Works on
/// read-only connections too (the pre-migration backup, `spotter-cli backup`).
pub(crate) async fn write_backup<'e, E>(
    exec: E,
    dir: &Path,
    reason: BackupReason,
) -> Result<PathBuf>
where
    E: sqlx::SqliteExecutor<'e>,
{
    std::fs::create_dir_all(dir)
        .map_err(|e| AppError::io("The backups folder could not be created", e))?;
    let mut now = Utc::now();
    let mut name = file_name(now, reason);
    // Two backups within the same millisecond: the second waits for a name of its own.
    while dir.join(&name).exists() {
        now += chrono::Duration::milliseconds(1);
        name = file_name(now, reason);
    }
    let dest = dir.join(&name);
    let partial = dir.join(format!(".{name}.partial"));
    let partial_text = partial
        .to_str()
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Io,
                "The backups folder's path is not valid UTF-8",
            )
        })?
        .to_owned();
    let _ = std::fs::remove_file(&partial);
    let written = sqlx::query("VACUUM INTO ?")
        .bind(&partial_text)
        .execute(exec)
        .await;
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        let err: AppError = e.into();
        return Err(AppError::new(
            if err.code == ErrorCode::Busy {
                ErrorCode::Busy
            } else {
                ErrorCode::Io
            },
            format!(
                "The backup could not be written ({}); no backup was made",
                err.message
            ),
        ));
    }
    let finish = || -> std::io::Result<()> {
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, &dest)?;
        sync_dir(dir)
    };
    finish().map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        AppError::io("The backup could not be written; no backup was made", e)
    })?;
    Ok(dest)
}

/// Makes a rename in `dir` durable (a no-op where directories cannot be opened, e.g. Windows).
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_older_names_are_read() {
        let t = NaiveDateTime::parse_from_str("20261204T173529.123Z", STAMP)
            .unwrap()
            .and_utc();
        for reason in BackupReason::ALL {
            let name = file_name(t, reason);
            assert_eq!(parse_file_name(&name), Some((t, reason)), "{name}");
        }
        let (old_t, reason) =
            parse_file_name("spotter-before-migration-from-20261122000003-20261204T173529.123Z.db")
                .unwrap();
        assert_eq!((old_t, reason), (t, BackupReason::BeforeMigration));
        let (cli_t, reason) = parse_file_name("spotter-20261204T173529Z.db").unwrap();
        assert_eq!(reason, BackupReason::Manual);
        assert_eq!(cli_t.timestamp(), t.timestamp());
        assert_eq!(
            parse_file_name("spotter-20261204T173529.123Z-weekly.db"),
            None
        );
        assert_eq!(parse_file_name("holiday.db"), None);
        assert_eq!(
            parse_file_name(".spotter-20261204T173529.123Z-daily.db.partial"),
            None
        );
    }
}
