//! Preferences of this device: units, notification lead time, paper, how dates and times
//! read, and whether the first-start welcome was answered. Stored as key/value rows so
//! adding a setting never needs a migration.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

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
    /// Ask the update server for a new version when the app starts (opt-in: off by default).
    pub check_updates_at_start: bool,
    /// How dates read: one of the locales in `data/date_formats.json` (see [`crate::datefmt`]).
    pub locale: String,
    pub clock: Clock,
    /// The first day of a week in the calendar and date pickers.
    pub week_start: WeekStart,
    /// The first-start welcome was answered (or skipped), see [`crate::first_start`].
    pub welcomed: bool,
}

/// 24-hour ("17:00") or 12-hour ("5:00 PM") times.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    #[default]
    H24,
    H12,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
    Saturday,
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
            check_updates_at_start: false,
            locale: "en-GB".into(),
            clock: Clock::H24,
            week_start: WeekStart::Monday,
            welcomed: false,
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
    let settings = checked(settings)?;
    store(db.pool(), &settings).await?;
    get(db).await
}

/// The settings as they would be saved, or the first rule they break.
pub(crate) fn checked(settings: &Settings) -> Result<Settings> {
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
    if !crate::datefmt::is_known_locale(&settings.locale) {
        return Err(AppError::validation(
            "locale",
            "Choose one of the date formats offered",
        ));
    }
    let mut settings = settings.clone();
    settings.studio_name = settings.studio_name.trim().to_owned();
    Ok(settings)
}

/// Writes checked settings (on a pool or inside a caller's transaction).
pub(crate) async fn store<'e, E>(conn: E, settings: &Settings) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    let json = serde_json::to_string(settings).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(KEY)
    .bind(&json)
    .bind(now_utc())
    .execute(conn)
    .await?;
    Ok(())
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
