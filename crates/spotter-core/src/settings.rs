//! Preferences of this device: units and notification lead time. Stored as key/value
//! rows so adding a setting never needs a migration.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::time::now_utc;
use crate::{AppError, Database, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    /// kg and cm.
    #[default]
    Metric,
    /// lb and in.
    Imperial,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub units: Units,
    /// Minutes before a session to show a desktop notification; none turns them off.
    #[ts(optional = nullable)]
    pub notify_minutes_before: Option<u32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            units: Units::Metric,
            notify_minutes_before: Some(15),
        }
    }
}

const KEY: &str = "preferences";

pub async fn get(db: &Database) -> Result<Settings> {
    let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(KEY)
        .fetch_optional(db.pool())
        .await?;
    // Written only by `set`; an unreadable value falls back to the defaults.
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub async fn set(db: &Database, settings: &Settings) -> Result<Settings> {
    if let Some(m) = settings.notify_minutes_before {
        if m > 24 * 60 {
            return Err(AppError::validation(
                "notifyMinutesBefore",
                "Notify at most 24 hours (1440 minutes) before",
            ));
        }
    }
    let json = serde_json::to_string(settings).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(KEY)
    .bind(&json)
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    get(db).await
}
