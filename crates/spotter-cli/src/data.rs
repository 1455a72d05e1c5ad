//! The data folder as a whole: backups (take, list, restore), the full export, and importing a
//! full export into an empty data folder.

use std::path::{Path, PathBuf};

use spotter_core::export;
use spotter_store::paths::DataDir;
use spotter_store::{backups, AppError, Database, ErrorCode};

/// A backup to `file`, or (without one) a manual backup in the data folder's backups.
pub async fn backup(
    db: &Database,
    data_dir: &DataDir,
    file: Option<PathBuf>,
) -> Result<(), AppError> {
    match file {
        Some(dest) => {
            db.backup_to(&dest).await?;
            println!("{}", dest.display());
        }
        None => {
            let taken = backups::take(db, data_dir, backups::BackupReason::Manual).await?;
            println!("{}", taken.path);
        }
    }
    Ok(())
}

pub fn backups_list(data_dir: &DataDir, json: bool) -> Result<(), AppError> {
    let list = backups::list(data_dir)?;
    if json {
        let text =
            serde_json::to_string_pretty(&list).map_err(|e| AppError::internal(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    for b in &list {
        let reason = serde_json::to_value(b.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "{}  {:>9.1} MB  {:<16} {}",
            b.taken_at,
            b.size_bytes as f64 / 1_000_000.0,
            reason,
            b.path
        );
    }
    Ok(())
}

/// Restores `file` over the data directory's database, which may be damaged (then it is set aside).
pub async fn restore(data_dir: &DataDir, file: &Path) -> Result<(), AppError> {
    let current = match Database::open(data_dir).await {
        Ok(db) => Some(db),
        Err(e) if e.code == ErrorCode::DatabaseCorrupt => {
            eprintln!(
                "the current database is damaged ({}); it will be moved aside",
                e.message
            );
            None
        }
        Err(e) => return Err(e),
    };
    let result = backups::restore(current.as_ref(), data_dir, file).await;
    if let Some(db) = &current {
        db.close().await;
    }
    let (db, report) = result?;
    db.close().await;
    if let Some(b) = &report.safety_backup {
        println!("the database as it was: {}", b.path);
    }
    if let Some(aside) = &report.set_aside {
        println!("the damaged database was moved to {aside}");
    }
    println!("restored {}", report.restored_from);
    Ok(())
}

/// A full export (spotter-export.json) into this (empty) data folder, all or nothing.
pub async fn import_all(db: &Database, file: &Path) -> Result<(), AppError> {
    let bytes = std::fs::read(file).map_err(|e| AppError {
        code: ErrorCode::NotFound,
        message: format!("{} cannot be read: {e}", file.display()),
        field: Some("file".into()),
    })?;
    let report = spotter_core::full_export::import_all(db, &bytes).await?;
    for (table, rows) in report.rows.iter().filter(|(_, n)| **n > 0) {
        println!("{table}: {rows}");
    }
    Ok(())
}

/// Everything as <dir>/spotter-export.json and the clients as <dir>/clients.csv.
pub async fn export_all(db: &Database, dir: &Path, replace: bool) -> Result<(), AppError> {
    use spotter_files::target::{ExportKind, ExportTarget};
    let json_path = dir.join("spotter-export.json").display().to_string();
    let csv_path = dir.join("clients.csv").display().to_string();
    let confirmed = |p: &str| replace.then(|| p.to_owned());
    // Both checked before either is written.
    let json = ExportTarget::check(
        ExportKind::Json,
        &json_path,
        confirmed(&json_path).as_deref(),
    )?;
    let csv = ExportTarget::check(ExportKind::Csv, &csv_path, confirmed(&csv_path).as_deref())?;
    let all = export::export_all(db).await?;
    json.write_with(|out| export::write_json(&all, out))?;
    csv.write_with(|out| export::write_clients_csv(&all.clients, out))?;
    println!("{json_path}\n{csv_path}");
    Ok(())
}
