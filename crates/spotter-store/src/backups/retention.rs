//! How many backups are kept: the trainer's retention (default 7 daily + 4 weekly) for daily
//! and manual backups, and a fixed, generous rule for the safety copies taken before a
//! migration, an update or a restore. Stored in the settings table (this device only).
//!
//! Daily backups rotate like restic's `--keep-daily/--keep-weekly`: the newest daily backup
//! of each of the last `daily` days that have one is kept, and the newest of each of the last
//! `weekly` ISO weeks that have one (days and weeks in UTC); one kept by either rule stays.
//! Backups the trainer made ("Back up now") are kept apart from that: the newest `daily` of
//! them, so a click never takes the place of the day's automatic backup. Safety copies: the newest
//! [`SAFETY_KEEP_NEWEST`] of each kind always stay, and every one younger than
//! [`SAFETY_KEEP_DAYS`] days. Files that are not Spotter backups are never touched.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{list, BackupInfo, BackupReason};
use crate::paths::DataDir;
use crate::time::now_utc;
use crate::{AppError, Database, Result};

/// Safety copies of each kind that are kept however old they are.
pub const SAFETY_KEEP_NEWEST: usize = 3;
/// Safety copies younger than this are kept whatever their number.
pub const SAFETY_KEEP_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    /// Days with a backup kept (the newest of each day), at least 1.
    pub daily: u32,
    /// Weeks with a backup kept (the newest of each week), 0 for none.
    pub weekly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            daily: 7,
            weekly: 4,
        }
    }
}

const KEY: &str = "backup_retention";

/// The stored retention (the default until the trainer changes it).
pub async fn retention(db: &Database) -> Result<Retention> {
    let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(KEY)
        .fetch_optional(db.pool())
        .await?;
    // Written only by `set_retention`; an unreadable value falls back to the default.
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub async fn set_retention(db: &Database, retention: &Retention) -> Result<Retention> {
    if !(1..=366).contains(&retention.daily) {
        return Err(AppError::validation(
            "daily",
            "Keep between 1 and 366 daily backups",
        ));
    }
    if retention.weekly > 520 {
        return Err(AppError::validation(
            "weekly",
            "Keep at most 520 weekly backups (ten years)",
        ));
    }
    let json = serde_json::to_string(retention).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(KEY)
    .bind(&json)
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    self::retention(db).await
}

/// Removes the backups the retention does not keep; returns what was removed.
pub fn prune(data_dir: &DataDir, retention: &Retention) -> Result<Vec<BackupInfo>> {
    prune_at(data_dir, retention, Utc::now())
}

/// As [`prune`], as if it were `now` (tests).
pub fn prune_at(
    data_dir: &DataDir,
    retention: &Retention,
    now: DateTime<Utc>,
) -> Result<Vec<BackupInfo>> {
    prune_keeping(data_dir, retention, now, Path::new(""))
}

/// As [`prune_at`], never removing `keep` (the backup just taken).
pub(super) fn prune_keeping(
    data_dir: &DataDir,
    retention: &Retention,
    now: DateTime<Utc>,
    keep: &Path,
) -> Result<Vec<BackupInfo>> {
    let all = list(data_dir)?;
    let kept = kept(&all, retention, now);
    let mut removed = Vec::new();
    for b in all {
        if kept.contains(&b.path) || Path::new(&b.path) == keep {
            continue;
        }
        match std::fs::remove_file(&b.path) {
            Ok(()) => removed.push(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(AppError::io(&format!("{} could not be removed", b.path), e)),
        }
    }
    remove_stale_partials(&data_dir.backups(), now);
    if !removed.is_empty() {
        tracing::info!(count = removed.len(), "old backups pruned");
    }
    Ok(removed)
}

/// The paths the rules keep, from `all` newest first.
fn kept(all: &[BackupInfo], retention: &Retention, now: DateTime<Utc>) -> HashSet<String> {
    let mut keep = HashSet::new();
    let daily: Vec<(&BackupInfo, DateTime<Utc>)> = all
        .iter()
        .filter(|b| b.reason == BackupReason::Daily)
        .filter_map(|b| Some((b, b.taken_at_utc()?)))
        .collect();
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    for (b, t) in &daily {
        // Newest first: the first backup seen in a day (week) is that day's (week's) newest.
        if days.len() < retention.daily.max(1) as usize && days.insert(t.date_naive()) {
            keep.insert(b.path.clone());
        }
        let week = t.iso_week();
        if weeks.len() < retention.weekly as usize && weeks.insert((week.year(), week.week())) {
            keep.insert(b.path.clone());
        }
    }
    keep.extend(
        all.iter()
            .filter(|b| b.reason == BackupReason::Manual)
            .take(retention.daily.max(1) as usize)
            .map(|b| b.path.clone()),
    );
    for reason in BackupReason::ALL.into_iter().filter(|r| !r.rotates()) {
        for (i, b) in all.iter().filter(|b| b.reason == reason).enumerate() {
            let young = b
                .taken_at_utc()
                .is_some_and(|t| now - t < chrono::Duration::days(SAFETY_KEEP_DAYS));
            if i < SAFETY_KEEP_NEWEST || young {
                keep.insert(b.path.clone());
            }
        }
    }
    keep
}

/// Temporary files of a backup cut short (a crash, a full disk) more than an hour ago.
fn remove_stale_partials(dir: &Path, now: DateTime<Utc>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(".spotter-") && name.ends_with(".partial")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .map(|m| now - DateTime::<Utc>::from(m) > chrono::Duration::hours(1))
            .unwrap_or(false);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
