//! After a kill: the file is sound (`PRAGMA integrity_check`, FTS5's own integrity check)
//! and everything derived equals a fresh computation. The derived data (migrations/sqlite):
//! the client search index `clients_fts` and `workout_day_stats` (kept by triggers), the
//! sessions' participant names and clearance flag, the bookings' copy of their session's
//! start, plans' current version, the sets' copy of their log's client and date (kept by the
//! core), and the studio outbox `sync_outbox` (kept by triggers). A copy of the database
//! (VACUUM INTO, through the core's `backup_to`) has them recomputed from the base rows by
//! the same definitions; then the copy and the database are compared row by row.

use std::path::Path;

use spotter_store::Database;
use spotter_sync::capture::{row_id_expr, row_json_sql};
use spotter_sync::tables::TABLES;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

/// Recomputes every derived value of the copy from its base rows.
const RECOMPUTE: &[&str] = &[
    // The copy must not capture its own recomputation.
    "UPDATE sync_state SET capture = 0",
    // Sets carry their log's client and date (live sets; a tombstoned set keeps the date it had).
    "UPDATE workout_sets SET
        client_id = (SELECT l.client_id FROM workout_logs l WHERE l.id = workout_sets.log_id),
        performed_on = (SELECT l.performed_on FROM workout_logs l WHERE l.id = workout_sets.log_id)
     WHERE deleted_at IS NULL",
    // Emptied, then filled again by the migration's own triggers, row by row.
    "DELETE FROM clients_fts",
    "UPDATE clients SET name = name",
    "DELETE FROM workout_day_stats",
    "UPDATE workout_sets SET reps = reps",
    // The participants' names and the clearance flag, by the core's own statement.
    spotter_core::schedule::REFRESH_NAMES_SQL,
    "UPDATE session_participants SET session_start_utc = coalesce(
        (SELECT s.start_utc FROM sessions s WHERE s.id = session_participants.session_id), '')",
    "UPDATE plans SET current_version = (SELECT max(v.version) FROM plan_versions v WHERE v.plan_id = plans.id)",
];

/// (table, the derived columns with the row's key) compared between the database and the copy.
const COMPARED: &[(&str, &str)] = &[
    ("clients_fts", "rowid, name, email, phone, tags, notes"),
    ("workout_day_stats", "*"),
    ("sessions", "id, participant_names, needs_clearance"),
    (
        "session_participants",
        "session_id, client_id, session_start_utc",
    ),
    ("plans", "id, current_version"),
    ("workout_sets", "id, client_id, performed_on"),
];

/// The tables the crash writer writes: each of their rows must have reached the outbox.
const CAPTURED_WRITES: &[&str] = &[
    "clients",
    "sessions",
    "session_participants",
    "series",
    "plans",
    "plan_versions",
    "workout_logs",
    "workout_sets",
];

pub async fn check(db: &Database, copy: &Path) -> Result<(), String> {
    let q = |e: sqlx::Error| format!("{e}");
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(db.pool())
        .await
        .map_err(q)?;
    if integrity != ["ok"] {
        return Err(format!("integrity_check: {integrity:?}"));
    }
    // FTS5 compares its index with its own content (an error if they disagree).
    sqlx::query("INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')")
        .execute(db.pool())
        .await
        .map_err(|e| format!("clients_fts integrity-check: {e}"))?;

    let _ = std::fs::remove_file(copy);
    db.backup_to(copy)
        .await
        .map_err(|e| format!("copying the database: {}", e.message))?;
    let result = compare_with_fresh(db.path(), copy).await;
    let _ = std::fs::remove_file(copy);
    result
}

async fn compare_with_fresh(live: &Path, copy: &Path) -> Result<(), String> {
    let q = |e: sqlx::Error| format!("{e}");
    let mut conn: SqliteConnection = SqliteConnectOptions::new()
        .filename(copy)
        .connect()
        .await
        .map_err(q)?;
    let result = async {
        for sql in RECOMPUTE {
            sqlx::query(sql)
                .execute(&mut conn)
                .await
                .map_err(|e| format!("recomputing ({sql}): {e}"))?;
        }
        sqlx::query("ATTACH DATABASE ? AS live")
            .bind(live.to_str().ok_or("the database path is not UTF-8")?)
            .execute(&mut conn)
            .await
            .map_err(q)?;
        for (table, columns) in COMPARED {
            for (a, b) in [("live", "main"), ("main", "live")] {
                let sql = format!(
                    "SELECT {columns} FROM {a}.{table} EXCEPT SELECT {columns} FROM {b}.{table}"
                );
                let extra: Vec<sqlx::sqlite::SqliteRow> =
                    sqlx::query(&sql).fetch_all(&mut conn).await.map_err(q)?;
                if !extra.is_empty() {
                    let which = if a == "live" {
                        "stored but not recomputed"
                    } else {
                        "recomputed but not stored"
                    };
                    return Err(format!("{table}: {} row(s) {which}", extra.len()));
                }
            }
        }
        check_outbox(&mut conn).await
    }
    .await;
    let _ = conn.close().await;
    result
}

/// Every row written since capture was switched on has reached the outbox, the latest
/// entry of each row is the row as it is, and no entry speaks of a row that is not there.
async fn check_outbox(conn: &mut SqliteConnection) -> Result<(), String> {
    for table in TABLES {
        let key = row_id_expr(table, "t");
        let latest = format!(
            "(SELECT o.row_data FROM live.sync_outbox o WHERE o.table_name = '{name}' AND o.row_id = {key}
              ORDER BY o.mutation_id DESC LIMIT 1)",
            name = table.name
        );
        let checks = [
            (
                "rows whose latest outbox entry differs from the row",
                format!(
                    "SELECT count(*) FROM live.{name} t WHERE {latest} IS NOT NULL AND {latest} IS NOT {row}",
                    name = table.name,
                    row = row_json_sql(table, "t")
                ),
            ),
            (
                "outbox entries of rows that do not exist",
                format!(
                    "SELECT count(*) FROM live.sync_outbox o WHERE o.table_name = '{name}'
                       AND NOT EXISTS (SELECT 1 FROM live.{name} t WHERE {key} = o.row_id)",
                    name = table.name
                ),
            ),
            (
                "rows written without an outbox entry",
                if CAPTURED_WRITES.contains(&table.name) {
                    format!("SELECT count(*) FROM live.{name} t WHERE {latest} IS NULL", name = table.name)
                } else {
                    "SELECT 0".to_owned()
                },
            ),
        ];
        for (what, sql) in checks {
            let n: i64 = sqlx::query_scalar(&sql)
                .fetch_one(&mut *conn)
                .await
                .map_err(|e| format!("outbox check of {}: {e}", table.name))?;
            if n != 0 {
                return Err(format!("sync_outbox, {}: {n} {what}", table.name));
            }
        }
    }
    Ok(())
}
