//! The first start: whether to greet the trainer with the welcome (an empty database that
//! was never set up), saving its answers in one transaction, and the separate demo data
//! directory the welcome offers ("Explore with demo data").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::schedule::trainers;
use crate::schedule::zoned::parse_zone;
use crate::settings::{self, Clock, Settings, Units, WeekStart};
use spotter_store::paths::DataDir;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

/// The folder, inside the real data directory, that holds the demo database. Apart from the
/// trainer's data, so demo clients can never mix with real ones.
pub const DEMO_DIR_NAME: &str = "demo";

/// Where the demo data live for a given real data directory.
pub fn demo_dir(home: &DataDir) -> DataDir {
    DataDir::new(home.root().join(DEMO_DIR_NAME))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstStart {
    /// Show the welcome: nothing was set up yet (no clients, and the welcome never answered).
    pub needs_welcome: bool,
    /// The app is showing the demo data directory, not the trainer's own.
    pub demo: bool,
}

/// The welcome's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WelcomeInput {
    pub name: String,
    pub time_zone: String,
    pub units: Units,
    pub locale: String,
    pub clock: Clock,
    pub week_start: WeekStart,
}

/// Whether this database should greet the trainer. A database with any client (archived
/// included), or whose welcome was answered, never does.
pub async fn needs_welcome(db: &Database) -> Result<bool> {
    if settings::get(db).await?.welcomed {
        return Ok(false);
    }
    let clients: i64 = sqlx::query_scalar("SELECT count(*) FROM clients WHERE deleted_at IS NULL")
        .fetch_one(db.pool())
        .await?;
    Ok(clients == 0)
}

/// Saves the welcome: the trainer's name and zone on "me", the units and formats in the
/// settings, and the welcome as answered — all or nothing.
pub async fn complete(db: &Database, input: &WelcomeInput) -> Result<Settings> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(AppError::validation("name", "Your name is needed"));
    }
    if name.chars().count() > 80 {
        return Err(AppError::validation(
            "name",
            "A name is at most 80 characters",
        ));
    }
    parse_zone("timeZone", &input.time_zone)?;
    let next = settings::checked(&Settings {
        units: input.units,
        locale: input.locale.clone(),
        clock: input.clock,
        week_start: input.week_start,
        welcomed: true,
        ..settings::get(db).await?
    })?;
    let me = trainers::me(db).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE trainers SET name = ?, time_zone = ?, updated_at = ? WHERE id = ?")
        .bind(name)
        .bind(input.time_zone.trim())
        .bind(now_utc())
        .bind(&me.id)
        .execute(&mut *tx)
        .await?;
    settings::store(&mut *tx, &next).await?;
    tx.commit().await?;
    settings::get(db).await
}

/// Readies an opened demo database: the library, and on its first use the demo data set
/// (`seed::seed_demo`) with the welcome marked as answered, so the demo opens on a full
/// dashboard. A demo database that already has its clients is left as it is.
pub async fn prepare_demo(db: &Database) -> Result<()> {
    crate::training::exercises::ensure_library(db).await?;
    crate::ai::agents::ensure_agents(db).await?;
    let clients: i64 = sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(db.pool())
        .await?;
    if clients == 0 {
        crate::seed::seed_demo(db).await?;
    }
    let current = settings::get(db).await?;
    if !current.welcomed {
        settings::set(
            db,
            &Settings {
                welcomed: true,
                ..current
            },
        )
        .await?;
    }
    Ok(())
}

/// Opens the trainer's own data (`demo` false) or the demo data inside it, readied as the
/// app readies a database at start; the demo is filled on its first use.
pub async fn open_data(home: &DataDir, demo: bool) -> Result<(Database, DataDir)> {
    let dir = if demo { demo_dir(home) } else { home.clone() };
    let db = Database::open(&dir).await?;
    if demo {
        prepare_demo(&db).await?;
    } else {
        crate::training::exercises::ensure_library(&db).await?;
        crate::ai::agents::ensure_agents(&db).await?;
    }
    Ok((db, dir))
}
