//! What the app tells the trainer about itself (Settings → About, the health light).

use serde::Serialize;
use ts_rs::TS;

use spotter_store::{Database, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
    pub log_dir: String,
    pub schema_version: i64,
    /// Set when this start upgraded the database and kept a copy of the old one here.
    pub pre_migration_backup: Option<String>,
}

pub async fn app_info(
    db: &Database,
    data_dir: &std::path::Path,
    log_dir: &std::path::Path,
) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: data_dir.display().to_string(),
        database_path: db.path().display().to_string(),
        log_dir: log_dir.display().to_string(),
        schema_version: db.schema_version().await?,
        pre_migration_backup: db.pre_migration_backup().map(|p| p.display().to_string()),
    })
}
