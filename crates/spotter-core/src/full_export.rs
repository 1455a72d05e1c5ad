//! "Export everything" as files (the JSON of every table and the clients as CSV, the same as
//! `spotter-cli export`), and the way back: a full export imported into an empty data
//! directory, all or nothing, so an export is a backup that any other tool can read too.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::export::{self, DERIVED_TABLES, DEVICE_STATE_TABLES, EXPORT_FORMAT, RAW_TABLES};
use spotter_files::target::{ExportKind, ExportTarget};
use spotter_store::db::MIGRATOR;
use spotter_store::{AppError, Database, ErrorCode, Result};

/// The two files an "Export everything" wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportFiles {
    pub json: String,
    pub csv: String,
}

/// Writes everything to `json_path` (a `.json` the trainer chose; replaced only when `replace`
/// is that path) and the clients to `<name>-clients.csv` beside it, which is never replaced
/// (the trainer did not name it): when it exists, `<name>-clients-2.csv` and so on. Both are
/// checked before either is written, each through a temporary file.
pub async fn write_files(
    db: &Database,
    json_path: &str,
    replace: Option<&str>,
) -> Result<ExportFiles> {
    let json = ExportTarget::check(ExportKind::Json, json_path, replace)?;
    let stem = json
        .path()
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("spotter-export")
        .to_owned();
    // The CSV's name is Spotter's choice, not the trainer's: an existing one is never replaced;
    // the next free name is taken instead (`…-clients-2.csv`).
    let mut csv = None;
    for n in 1..=99 {
        let name = if n == 1 {
            format!("{stem}-clients.csv")
        } else {
            format!("{stem}-clients-{n}.csv")
        };
        let candidate = json.path().with_file_name(name).display().to_string();
        match ExportTarget::check(ExportKind::Csv, &candidate, None) {
            Ok(target) => {
                csv = Some(target);
                break;
            }
            Err(e) if e.code == ErrorCode::FileExists => continue,
            Err(e) => return Err(e),
        }
    }
    let csv = csv.ok_or_else(|| {
        AppError::validation(
            "path",
            format!(
                "{stem}-clients.csv and 98 more names beside it are taken; choose another folder"
            ),
        )
    })?;
    let all = export::export_all(db).await?;
    let json = json.write_with(|out| export::write_json(&all, out))?;
    let csv = csv.write_with(|out| export::write_clients_csv(&all.clients, out))?;
    Ok(ExportFiles { json, csv })
}

/// What an import of a full export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportAllReport {
    /// Rows per table.
    pub rows: BTreeMap<String, usize>,
}

/// Tables whose rows say a data directory is in use: an import goes only into one without them.
const USER_DATA: [&str; 5] = [
    "clients",
    "sessions",
    "plans",
    "workout_logs",
    "client_notes",
];

/// Imports a full export (`spotter-export.json`) into `db`, which must hold no clients,
/// sessions, plans, logs or notes. Everything is written in one transaction: the tables
/// the export carries are emptied (the shipped exercises, the local trainer and the agent
/// registry a fresh database may have) and filled with its rows; derived tables (search
/// index, workout day stats) follow through their triggers. Any bad row writes nothing.
pub async fn import_all(db: &Database, bytes: &[u8]) -> Result<ImportAllReport> {
    let bad = |msg: String| AppError::new(ErrorCode::InvalidFile, msg);
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| bad(format!("The file is not a Spotter export (not JSON: {e})")))?;
    if doc.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(bad(
            "The file is not a Spotter export (no \"format\": \"spotter-export\")".into(),
        ));
    }
    let version = doc
        .get("formatVersion")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if version != u64::from(export::EXPORT_FORMAT_VERSION) {
        return Err(bad(format!(
            "This export has format version {version}; this Spotter reads version {}",
            export::EXPORT_FORMAT_VERSION
        )));
    }
    let newest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    let schema = doc
        .get("schemaVersion")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    if schema > newest {
        return Err(AppError::new(
            ErrorCode::SchemaTooNew,
            format!("This export was made by a newer Spotter (schema {schema}, this version knows up to {newest}); update Spotter to import it"),
        ));
    }
    let clients = doc
        .get("clients")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("The export has no \"clients\" list".into()))?;
    let tables = doc
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("The export has no \"tables\"".into()))?;
    if let Some(unknown) = tables
        .keys()
        .find(|t| *t != "clients" && !RAW_TABLES.contains(&t.as_str()))
    {
        return Err(bad(format!(
            "The export has a table this Spotter does not know: {unknown}"
        )));
    }

    let mut tx = db.pool().begin().await?;
    for table in USER_DATA {
        let any: Option<i64> = sqlx::query_scalar(&format!("SELECT 1 FROM \"{table}\" LIMIT 1"))
            .fetch_optional(&mut *tx)
            .await?;
        if any.is_some() {
            return Err(AppError::validation(
                "dataDir",
                "This data folder already has clients, sessions, plans or logs; import into an empty data folder",
            ));
        }
    }
    let mut report = ImportAllReport {
        rows: BTreeMap::new(),
    };
    // Clients as stored (`tables.clients`); an export without them has only the API shape:
    // camelCase keys, lists for tags and body areas.
    let client_rows: Vec<Value> = match tables.get("clients") {
        Some(Value::Array(rows)) => rows.clone(),
        Some(_) => return Err(bad("The export's table clients is not a list".into())),
        None => clients
            .iter()
            .map(|c| {
                let obj = c
                    .as_object()
                    .ok_or_else(|| bad("A client in the export is not an object".into()))?;
                Ok(Value::Object(
                    obj.iter()
                        .map(|(k, v)| {
                            let v = match v {
                                Value::Array(_) => Value::String(v.to_string()),
                                other => other.clone(),
                            };
                            (snake_case(k), v)
                        })
                        .collect(),
                ))
            })
            .collect::<Result<_>>()?,
    };
    let mut order: Vec<(&str, &[Value])> = vec![("clients", &client_rows)];
    for t in RAW_TABLES {
        let rows = match tables.get(t) {
            Some(Value::Array(rows)) => rows.as_slice(),
            Some(_) => return Err(bad(format!("The export's table {t} is not a list"))),
            None => &[],
        };
        order.push((t, rows));
    }
    for (table, _) in &order {
        sqlx::query(&format!("DELETE FROM \"{table}\""))
            .execute(&mut *tx)
            .await?;
    }
    for (table, rows) in order {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(&mut *tx)
                .await?;
        for (i, row) in rows.iter().enumerate() {
            let obj = row
                .as_object()
                .ok_or_else(|| bad(format!("Row {} of {table} is not an object", i + 1)))?;
            let mut names = Vec::new();
            let mut values = Vec::new();
            for (key, value) in obj {
                if table == "clients" && key == "status" {
                    continue; // computed from the dates
                }
                if key == "local_key" || !columns.contains(key) {
                    return Err(bad(format!(
                        "Row {} of {table} has a column this Spotter does not know: {key}",
                        i + 1
                    )));
                }
                names.push(format!("\"{key}\""));
                values.push(value);
            }
            // Table and column names were checked against our own schema above.
            let sql = format!(
                "INSERT INTO \"{table}\" ({}) VALUES ({})",
                names.join(", "),
                vec!["?"; names.len()].join(", ")
            );
            let mut q = sqlx::query(&sql);
            for v in values {
                q = match v {
                    Value::Null => q.bind(None::<String>),
                    Value::Bool(b) => q.bind(i64::from(*b)),
                    Value::Number(n) if n.is_i64() => q.bind(n.as_i64()),
                    Value::Number(n) => q.bind(n.as_f64()),
                    Value::String(s) => q.bind(s.as_str()),
                    other => q.bind(other.to_string()),
                };
            }
            q.execute(&mut *tx).await.map_err(|e| {
                let detail = match &e {
                    sqlx::Error::Database(d) => d.message().to_owned(),
                    other => other.to_string(),
                };
                bad(format!(
                    "Row {} of {table} was refused: {detail}; nothing was imported",
                    i + 1
                ))
            })?;
        }
        report.rows.insert(table.to_owned(), rows.len());
    }
    tx.commit().await?;
    debug_assert!(DERIVED_TABLES.iter().all(|t| !RAW_TABLES.contains(t)));
    debug_assert!(DEVICE_STATE_TABLES.iter().all(|t| !RAW_TABLES.contains(t)));
    Ok(report)
}

fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
