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
    /// Paper size of printed plans and reports.
    pub paper: Paper,
    /// Printed at the top of plans and reports.
    pub studio_name: String,
    /// Whether a studio logo is stored (the image itself is kept apart, see [`set_logo`]).
    pub has_logo: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            units: Units::Metric,
            notify_minutes_before: Some(15),
            paper: Paper::A4,
            studio_name: String::new(),
            has_logo: false,
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
    let mut settings: Settings = raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default();
    settings.has_logo = sqlx::query_scalar::<_, i64>("SELECT 1 FROM settings WHERE key = ?")
        .bind(LOGO_KEY)
        .fetch_optional(db.pool())
        .await?
        .is_some();
    Ok(settings)
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
    if settings.studio_name.chars().count() > 80 {
        return Err(AppError::validation(
            "studioName",
            "The studio name is at most 80 characters",
        ));
    }
    let mut settings = settings.clone();
    settings.studio_name = settings.studio_name.trim().to_owned();
    let json = serde_json::to_string(&settings).map_err(|e| AppError::internal(e.to_string()))?;
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

const LOGO_KEY: &str = "studio_logo";

/// The studio logo (PNG or JPEG bytes), if one was saved.
pub async fn logo(db: &Database) -> Result<Option<Vec<u8>>> {
    let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(LOGO_KEY)
        .fetch_optional(db.pool())
        .await?;
    use base64::Engine;
    Ok(raw.and_then(|r| base64::engine::general_purpose::STANDARD.decode(r).ok()))
}

/// Stores the logo; the caller has checked that the bytes are an image it can print.
/// Kept in the database (base64) so exports and backups carry it.
pub async fn set_logo(db: &Database, image: Option<&[u8]>) -> Result<()> {
    use base64::Engine;
    match image {
        Some(bytes) => {
            sqlx::query(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(LOGO_KEY)
            .bind(base64::engine::general_purpose::STANDARD.encode(bytes))
            .bind(now_utc())
            .execute(db.pool())
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM settings WHERE key = ?")
                .bind(LOGO_KEY)
                .execute(db.pool())
                .await?;
        }
    }
    Ok(())
}
