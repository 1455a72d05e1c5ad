//! The health checker's local checks: the database's integrity and its links between
//! records, how fresh the newest backup is, free disk space, and recent errors in the app
//! log, each explained in plain words with a fix. (The keychain and the providers are
//! checked by spotter-ai, which can reach them.)

use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use spotter_store::paths::DataDir;
use spotter_store::{Database, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Ok,
    Warn,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheck {
    /// "database", "links", "backup", "disk", "log", "keychain", "provider".
    pub key: String,
    pub label: String,
    pub status: HealthStatus,
    pub detail: String,
    /// What to do about it, when something is wrong.
    #[ts(optional = nullable)]
    pub fix: Option<String>,
}

/// The status light: the worst check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthReport {
    pub checked_at: String,
    pub overall: HealthStatus,
    pub checks: Vec<HealthCheck>,
}

impl HealthReport {
    pub fn new(checks: Vec<HealthCheck>) -> Self {
        let overall = checks
            .iter()
            .map(|c| c.status)
            .max()
            .unwrap_or(HealthStatus::Ok);
        Self {
            checked_at: spotter_store::time::now_utc(),
            overall,
            checks,
        }
    }
}

fn check(
    key: &str,
    label: &str,
    status: HealthStatus,
    detail: String,
    fix: Option<&str>,
) -> HealthCheck {
    HealthCheck {
        key: key.into(),
        label: label.into(),
        status,
        detail,
        fix: fix.map(str::to_owned),
    }
}

/// A backup older than this is worth a reminder.
pub const BACKUP_MAX_AGE: Duration = Duration::from_secs(7 * 24 * 3600);
/// Below this much free space the database and backups may fail to write.
pub const DISK_LOW_BYTES: u64 = 1024 * 1024 * 1024;
const LOG_WINDOW: Duration = Duration::from_secs(24 * 3600);

pub async fn local_checks(
    db: &Database,
    data_dir: &DataDir,
    log_dir: &Path,
) -> Result<Vec<HealthCheck>> {
    let mut out = Vec::new();

    // Both database checks read every page or whole tables: on a connection of their own, so
    // that the file does not stay mapped in the app's pooled connections afterwards.
    let mut reader = db.whole_file_reader().await?;
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut reader)
        .await?;
    out.push(if integrity.len() == 1 && integrity[0] == "ok" {
        check("database", "Database", HealthStatus::Ok, "The database file is intact.".into(), None)
    } else {
        check(
            "database",
            "Database",
            HealthStatus::Fail,
            format!("SQLite reports damage: {}", integrity.iter().take(3).cloned().collect::<Vec<_>>().join("; ")),
            Some("Export everything now (Settings → Data), then restore the newest backup there (Restore…)."),
        )
    });

    // Records that point at something that is not there (ids are text, so SQLite does not
    // enforce these links itself).
    let orphans: Vec<(String, i64)> = sqlx::query_as(
        "SELECT 'booking of a missing client', count(*) FROM session_participants p
           WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id)
         UNION ALL SELECT 'booking of a missing session', count(*) FROM session_participants p
           WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = p.session_id)
         UNION ALL SELECT 'workout of a missing client', count(*) FROM workout_logs l
           WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = l.client_id)
         UNION ALL SELECT 'set of a missing workout', count(*) FROM workout_sets s
           WHERE NOT EXISTS (SELECT 1 FROM workout_logs l WHERE l.id = s.log_id)
         UNION ALL SELECT 'plan of a missing client', count(*) FROM plans p
           WHERE p.client_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id)
         UNION ALL SELECT 'plan version of a missing plan', count(*) FROM plan_versions v
           WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = v.plan_id)
         UNION ALL SELECT 'session of a missing trainer', count(*) FROM sessions s
           WHERE NOT EXISTS (SELECT 1 FROM trainers t WHERE t.id = s.trainer_id)
         UNION ALL SELECT 'session of a missing series', count(*) FROM sessions s
           WHERE s.series_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM series r WHERE r.id = s.series_id)
         UNION ALL SELECT 'session in a missing room', count(*) FROM sessions s
           WHERE s.room_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rooms r WHERE r.id = s.room_id)
         UNION ALL SELECT 'measurement of a missing client', count(*) FROM measurements m
           WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = m.client_id)
         UNION ALL SELECT 'note of a missing client', count(*) FROM client_notes n
           WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = n.client_id)
         UNION ALL SELECT 'intake of a missing client', count(*) FROM parq_intakes i
           WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = i.client_id)
         UNION ALL SELECT 'set of a missing exercise', count(*) FROM workout_sets s
           WHERE NOT EXISTS (SELECT 1 FROM exercises e WHERE e.id = s.exercise_id)",
    )
    .fetch_all(&mut reader)
    .await?;
    let _ = sqlx::Connection::close(reader).await;
    let broken: Vec<String> = orphans
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{n} {what}"))
        .collect();
    out.push(if broken.is_empty() {
        check("links", "Links between records", HealthStatus::Ok, "Every booking, workout and plan points at a record that exists.".into(), None)
    } else {
        check(
            "links",
            "Links between records",
            HealthStatus::Warn,
            format!("Found {}.", broken.join(", ")),
            Some("Nothing is lost, but these records show nowhere. If this follows an import or a sync, export your data and tell us."),
        )
    });

    out.push(backup_check(&data_dir.backups(), SystemTime::now()));

    out.push(match fs4::available_space(data_dir.root()) {
        Ok(free) if free < DISK_LOW_BYTES => check(
            "disk",
            "Disk space",
            HealthStatus::Warn,
            format!("Only {} free where the data lives.", human_bytes(free)),
            Some("Free some space: the database, its backups and PDFs need room to be written."),
        ),
        Ok(free) => check(
            "disk",
            "Disk space",
            HealthStatus::Ok,
            format!("{} free.", human_bytes(free)),
            None,
        ),
        Err(e) => check(
            "disk",
            "Disk space",
            HealthStatus::Warn,
            format!("Free space could not be read ({e})."),
            None,
        ),
    });

    out.push(log_check(log_dir, SystemTime::now()));
    Ok(out)
}

/// How fresh the newest backup in `dir` is.
pub fn backup_check(dir: &Path, now: SystemTime) -> HealthCheck {
    let newest = std::fs::read_dir(dir)
        .ok()
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
        .filter_map(|e| e.metadata().ok()?.modified().ok())
        .max();
    // Spotter makes one a day while it is open (backups::take_daily_if_due), so a stale one
    // means it has not been open for a while, or backups fail (see the log).
    let fix = Some("Make one now: Settings → Data → Back up now (or `spotter-cli backup`).");
    match newest {
        None => check(
            "backup",
            "Backups",
            HealthStatus::Warn,
            "There is no backup of the database yet.".into(),
            fix,
        ),
        Some(t) => {
            let age = now.duration_since(t).unwrap_or_default();
            let days = age.as_secs() / 86_400;
            if age > BACKUP_MAX_AGE {
                check(
                    "backup",
                    "Backups",
                    HealthStatus::Warn,
                    format!("The newest backup is {days} days old."),
                    fix,
                )
            } else {
                let when = if days == 0 {
                    "today".to_owned()
                } else {
                    format!("{days} days ago")
                };
                check(
                    "backup",
                    "Backups",
                    HealthStatus::Ok,
                    format!("The newest backup was made {when}."),
                    None,
                )
            }
        }
    }
}

/// Errors in the app's log files of the last 24 hours, explained.
pub fn log_check(dir: &Path, now: SystemTime) -> HealthCheck {
    let mut errors: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir).ok().into_iter().flatten().flatten() {
        let recent = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| now.duration_since(t).unwrap_or_default() < LOG_WINDOW);
        if !recent {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        errors.extend(
            text.lines()
                .map(strip_ansi)
                .filter(|l| l.contains(" ERROR ")),
        );
    }
    if errors.is_empty() {
        return check(
            "log",
            "Recent errors",
            HealthStatus::Ok,
            "No errors in the last 24 hours.".into(),
            None,
        );
    }
    let last = errors.last().cloned().unwrap_or_default();
    let (meaning, fix) = explain(&last);
    check(
        "log",
        "Recent errors",
        HealthStatus::Warn,
        format!(
            "{} in the last 24 hours. The latest: {meaning}",
            if errors.len() == 1 {
                "1 error".to_owned()
            } else {
                format!("{} errors", errors.len())
            }
        ),
        Some(fix),
    )
}

/// A log line in plain words, with what to do.
fn explain(line: &str) -> (String, &'static str) {
    let l = line.to_lowercase();
    if l.contains("database is locked") || l.contains("busy") {
        ("another program held the database for too long.".into(), "Close other programs that open Spotter's data folder (a sync tool, a second Spotter) and try again.")
    } else if l.contains("keychain") {
        ("the system keychain could not be used.".into(), "Unlock the keychain (on Linux: install and unlock GNOME Keyring), then test the provider in Settings → AI.")
    } else if l.contains("panic") {
        ("Spotter hit a bug.".into(), "Your data is safe. Send the log file (Settings → About shows where it is) so we can fix it.")
    } else if l.contains("disk") || l.contains("no space") {
        (
            "a file could not be written: the disk may be full.".into(),
            "Free some disk space.",
        )
    } else if l.contains("database") {
        (
            "the database could not be read or written.".into(),
            "Restart Spotter; if it happens again, export your data and restore the newest backup.",
        )
    } else {
        let message = line.split(" ERROR ").nth(1).unwrap_or(line).trim();
        (
            format!("{}.", message.chars().take(160).collect::<String>()),
            "If it keeps happening, send the log file (Settings → About shows where it is).",
        )
    }
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // ESC [ … letter
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn human_bytes(n: u64) -> String {
    let gb = n as f64 / 1024f64.powi(3);
    if gb >= 1.0 {
        format!("{gb:.1} GB")
    } else {
        format!("{:.0} MB", n as f64 / 1024f64.powi(2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_errors_are_explained_and_old_logs_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        assert_eq!(log_check(dir.path(), now).status, HealthStatus::Ok);
        std::fs::write(
            dir.path().join("spotter.log.2026-11-30"),
            "2026-11-30T05:00:00Z  INFO spotter: Spotter starting\n\
             2026-11-30T05:01:00Z \u{1b}[31mERROR\u{1b}[0m spotter_store::error: database error error=database is locked\n",
        )
        .unwrap();
        let c = log_check(dir.path(), now);
        assert_eq!(c.status, HealthStatus::Warn, "{c:?}");
        assert!(
            c.detail.starts_with(
                "1 error in the last 24 hours. The latest: another program held the database"
            ),
            "{}",
            c.detail
        );
        assert!(c.fix.unwrap().contains("Close other programs"));
        // Seen from two days later, the same file is old news.
        assert_eq!(
            log_check(dir.path(), now + Duration::from_secs(2 * 86_400)).status,
            HealthStatus::Ok
        );
    }

    #[test]
    fn backups_missing_or_stale_are_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        assert_eq!(backup_check(dir.path(), now).status, HealthStatus::Warn);
        std::fs::write(dir.path().join("spotter-20261130.db"), b"x").unwrap();
        let fresh = backup_check(dir.path(), now);
        assert_eq!(
            (fresh.status, fresh.detail.as_str()),
            (HealthStatus::Ok, "The newest backup was made today.")
        );
        let later = backup_check(dir.path(), now + Duration::from_secs(9 * 86_400 + 3600));
        assert_eq!(later.status, HealthStatus::Warn);
        assert!(later.detail.contains("9 days old"), "{}", later.detail);
    }
}
