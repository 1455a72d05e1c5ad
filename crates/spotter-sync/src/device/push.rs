//! Applying a push's answer: acknowledged mutations leave the outbox, rejections become local
//! conflicts, and the rows the batch named take the server's state, all in one transaction.

use serde::Serialize;
use serde_json::Value;
use spotter_store::{Database, Result};
use sqlx::sqlite::SqliteConnection;
use sqlx::Connection;

use crate::server::pull::PulledRow;
use crate::server::push::{AdoptedRow, Mutation, PushOutcome};
use crate::tables::{self, TABLES};

use super::rows::{apply_table_page, has_pending, page_json, LabelRefresh};

#[derive(Debug, Default, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PushApplied {
    pub applied: usize,
    pub duplicates: usize,
    pub rejected: usize,
}

/// Applies a push's answer in one transaction: acknowledged mutations leave the outbox,
/// rejections become local conflicts, and every row the batch named takes the server's state
/// (unless this device changed it again since; that change's own push brings it).
pub async fn apply_push(
    db: &Database,
    batch: &[Mutation],
    outcome: &PushOutcome,
) -> Result<PushApplied> {
    let mut conn = db.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1")
        .execute(&mut *tx)
        .await?;
    let mut counts = PushApplied::default();
    let now = spotter_store::time::now_utc();
    for r in &outcome.results {
        match r.status.as_str() {
            "applied" => counts.applied += 1,
            "duplicate" => counts.duplicates += 1,
            "rejected" => {
                counts.rejected += 1;
                if let Some(m) = batch.iter().find(|m| m.id == r.id) {
                    let table = tables::table(&m.t);
                    let row_id = table
                        .map(|t| crate::server::push::key_text(t, &m.row))
                        .unwrap_or_default();
                    let server_row = outcome.rows.iter().find(|a| {
                        a.table.name == m.t
                            && crate::server::push::key_text(a.table, &a.key) == row_id
                    });
                    sqlx::query(
                        "INSERT INTO sync_conflicts (id, kind, table_name, row_id, mutation_id, reason,
                                                     local_values, server_values, created_at)
                         VALUES (?, 'rejected', ?, ?, ?, ?, ?, ?, ?)",
                    )
                    .bind(spotter_store::ids::new_id())
                    .bind(&m.t)
                    .bind(&row_id)
                    .bind(m.id)
                    .bind(r.reason.as_deref().unwrap_or("refused by the studio server"))
                    .bind(m.row.to_string())
                    .bind(server_row.and_then(|a| a.row.as_ref()).map(|(_, v)| v.to_string()))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            _ => {}
        }
    }
    sqlx::query("DELETE FROM sync_outbox WHERE mutation_id <= ?")
        .bind(outcome.last)
        .execute(&mut *tx)
        .await?;
    let front_desk = sqlx::query_scalar::<_, Option<String>>("SELECT role FROM sync_state")
        .fetch_one(&mut *tx)
        .await?
        .as_deref()
        == Some("front_desk");
    for table in TABLES {
        let kept: Vec<PulledRow> = outcome
            .rows
            .iter()
            .filter(|a| a.table.name == table.name)
            .filter_map(|a| {
                a.row.as_ref().map(|(v, r)| PulledRow {
                    table,
                    version: *v,
                    row: r.to_string(),
                })
            })
            .collect();
        if !kept.is_empty() {
            apply_table_page(&mut tx, table, &page_json(&kept), front_desk).await?;
        }
    }
    let mut labels = LabelRefresh::default();
    for gone in outcome.rows.iter().filter(|a| a.row.is_none()) {
        let_go(&mut tx, gone, &mut labels).await?;
    }
    labels.run(&mut tx).await?;
    sqlx::query("UPDATE sync_state SET applying = 0, last_push_at = ?, last_error = NULL")
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(counts)
}

/// The server has no such row (a refused insert): the device lets it go too, unless it changed
/// it again since; the conflict record keeps what was written.
async fn let_go(
    conn: &mut SqliteConnection,
    a: &AdoptedRow,
    labels: &mut LabelRefresh,
) -> Result<()> {
    let key = crate::server::push::key_text(a.table, &a.key);
    if has_pending(conn, a.table, &key).await? {
        return Ok(());
    }
    let cond: Vec<String> = a.table.key.iter().map(|k| format!("{k} = ?")).collect();
    let sql = format!("DELETE FROM {} WHERE {}", a.table.name, cond.join(" AND "));
    let mut del = sqlx::query(&sql);
    for k in a.table.key {
        del = del.bind(
            a.key
                .get(*k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
        );
    }
    del.execute(&mut *conn).await?;
    sqlx::query("DELETE FROM sync_row_versions WHERE table_name = ? AND row_id = ?")
        .bind(a.table.name)
        .bind(&key)
        .execute(&mut *conn)
        .await?;
    labels.note(a.table, &a.key);
    Ok(())
}
