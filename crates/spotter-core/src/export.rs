//! Data belongs to the trainer: everything can leave as JSON, clients also as CSV.

use std::io::Write;

use serde::Serialize;

use crate::clients::{self, Client};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, ErrorCode, Result};

pub const EXPORT_FORMAT: &str = "spotter-export";
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// The complete export. Later tables are added as new fields; tombstones are included
/// (with `deletedAt` set) so an export is a faithful copy, not just what is visible.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub format: &'static str,
    pub format_version: u32,
    pub app_version: &'static str,
    pub schema_version: i64,
    pub exported_at: String,
    pub clients: Vec<Client>,
    /// Every table, row by row as stored (without the device-local `local_key`): trainers,
    /// rooms, series, sessions, participants, intakes, measurements, notes … and `clients`
    /// again, as stored, for [`crate::full_export::import_all`].
    pub tables: std::collections::BTreeMap<String, Vec<serde_json::Value>>,
}

/// Tables exported as stored, in this order; `clients` is exported above in its API shape.
/// Tables computed from others (kept by triggers): not exported, since importing the
/// source rows rebuilds them.
pub const DERIVED_TABLES: [&str; 1] = ["workout_day_stats"];

/// This device's place in a studio (its server, cursor, the server version of each row): not
/// data of the trainer's, and meaningless on another device. Pending changes and conflicts are
/// exported (a refused booking lives only in `sync_conflicts`).
pub const DEVICE_STATE_TABLES: [&str; 2] = ["sync_state", "sync_row_versions"];

pub const RAW_TABLES: [&str; 21] = [
    "trainers",
    "rooms",
    "series",
    "sessions",
    "session_participants",
    "parq_intakes",
    "measurements",
    "client_notes",
    "exercises",
    "plans",
    "plan_versions",
    "workout_logs",
    "workout_sets",
    "settings",
    "ai_providers",
    "ai_agents",
    "ai_agent_executions",
    "ai_review_items",
    "ai_chat_messages",
    "sync_outbox",
    "sync_conflicts",
];

async fn raw_table(db: &Database, table: &str) -> Result<Vec<serde_json::Value>> {
    use sqlx::{Row, TypeInfo, ValueRef};
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
            .bind(table)
            .fetch_all(db.pool())
            .await?;
    let columns: Vec<String> = columns.into_iter().filter(|c| c != "local_key").collect();
    if columns.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    // Table and column names come from our own schema, never from input. Values are read
    // here rather than by SQLite's json_object, which writes a REAL with 15 digits only:
    // an export must give back the very number that was stored.
    let rows = sqlx::query(&format!("SELECT {} FROM \"{table}\"", list.join(", ")))
        .fetch_all(db.pool())
        .await?;
    let cannot = |e: sqlx::Error| AppError::internal(format!("cannot export {table}: {e}"));
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut obj = serde_json::Map::with_capacity(columns.len());
        for (i, name) in columns.iter().enumerate() {
            let raw = row.try_get_raw(i).map_err(cannot)?;
            let value = if raw.is_null() {
                serde_json::Value::Null
            } else {
                match raw.type_info().name() {
                    "INTEGER" => row.try_get::<i64, _>(i).map_err(cannot)?.into(),
                    "REAL" => row.try_get::<f64, _>(i).map_err(cannot)?.into(),
                    "TEXT" => row.try_get::<String, _>(i).map_err(cannot)?.into(),
                    other => {
                        return Err(AppError::internal(format!(
                            "cannot export {table}.{name}: a {other} value"
                        )))
                    }
                }
            };
            obj.insert(name.clone(), value);
        }
        out.push(serde_json::Value::Object(obj));
    }
    Ok(out)
}

pub async fn export_all(db: &Database) -> Result<Export> {
    Ok(Export {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION"),
        schema_version: db.schema_version().await?,
        exported_at: now_utc(),
        clients: clients::all_including_deleted(db).await?,
        tables: {
            let mut tables = std::collections::BTreeMap::new();
            for t in RAW_TABLES {
                tables.insert(t.to_owned(), raw_table(db, t).await?);
            }
            // Clients also as stored: the API shape above folds the clearance flag into
            // `needsClearance`, and an import must give back the row as it was.
            tables.insert("clients".to_owned(), raw_table(db, "clients").await?);
            tables
        },
    })
}

pub fn write_json<W: Write>(export: &Export, mut out: W) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, export).map_err(|e| match e.io_error_kind() {
        // A full disk or read-only drive gets its own code and words.
        Some(kind) => AppError::io_ref("cannot write the export", &std::io::Error::from(kind)),
        None => AppError::new(ErrorCode::Io, format!("cannot write the export: {e}")),
    })?;
    // Flush here: a buffered writer dropped later would swallow a disk-full error.
    out.flush()
        .map_err(|e| AppError::io("cannot write the export", e))
}

pub const CSV_HEADER: [&str; 18] = [
    "id",
    "name",
    "email",
    "phone",
    "date_of_birth",
    "goals",
    "notes",
    "tags",
    "archived",
    "paused",
    "emergency_contact_name",
    "emergency_contact_phone",
    "fitness_level",
    "injuries",
    "body_areas",
    "preferred_times",
    "created_at",
    "updated_at",
];

/// Writes the clients as CSV. Cells a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`) get a leading `'` (see `files::formula`).
pub fn write_clients_csv<W: Write>(clients: &[Client], out: W) -> Result<()> {
    use spotter_files::formula::neutralise;
    let csv_err = |e: csv::Error| match e.kind() {
        csv::ErrorKind::Io(io) => AppError::io_ref("cannot write the CSV", io),
        _ => AppError::new(ErrorCode::Io, format!("cannot write the CSV: {e}")),
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(csv_err)?;
    for c in clients.iter().filter(|c| c.deleted_at.is_none()) {
        let tags = c.tags.join("; ");
        let areas = c.body_areas.join("; ");
        let cells: [&str; 18] = [
            c.id.as_str(),
            &c.name,
            c.email.as_deref().unwrap_or(""),
            c.phone.as_deref().unwrap_or(""),
            c.date_of_birth.as_deref().unwrap_or(""),
            &c.goals,
            &c.notes,
            &tags,
            if c.archived_at.is_some() { "yes" } else { "no" },
            if c.paused_at.is_some() { "yes" } else { "no" },
            c.emergency_contact_name.as_deref().unwrap_or(""),
            c.emergency_contact_phone.as_deref().unwrap_or(""),
            c.fitness_level.map(|l| l.as_str()).unwrap_or(""),
            &c.injuries,
            &areas,
            &c.preferred_times,
            &c.created_at,
            &c.updated_at,
        ];
        w.write_record(cells.map(neutralise).iter().map(|c| c.as_ref()))
            .map_err(csv_err)?;
    }
    w.flush()
        .map_err(|e| AppError::io("cannot write the CSV", e))?;
    Ok(())
}

/// Writes clients.csv to the trainer's path: a `.csv` file, never replacing one they did
/// not agree to replace (`replace` is the path they confirmed), through a temporary file.
pub async fn write_clients_csv_file(
    db: &Database,
    path: &str,
    replace: Option<&str>,
) -> Result<String> {
    use spotter_files::target::{ExportKind, ExportTarget};
    let target = ExportTarget::check(ExportKind::Csv, path, replace)?;
    let all = clients::all_including_deleted(db).await?;
    target.write_with(|out| write_clients_csv(&all, out))
}
