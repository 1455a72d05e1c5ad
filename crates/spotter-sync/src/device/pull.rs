//! Applying a pull page and its cursor in one transaction (a fault-test variant stops part
//! way, as a killed process would), and what a role change moves on or off the device.

use spotter_store::{AppError, Database, Result};
use sqlx::sqlite::SqliteConnection;
use sqlx::Connection;

use crate::server::pull::PulledRow;
use crate::server::Membership;
use crate::tables::{self, TABLES};

use super::rows::{apply_table_page, page_json};

/// Applies one pull page and its cursor in one transaction. Rows this device has pending
/// changes to are skipped: the push of those changes brings back the server's merged row.
pub async fn apply_page(
    db: &Database,
    rows: &[PulledRow],
    cursor: i64,
    membership: &Membership,
) -> Result<usize> {
    apply_page_inner(db, rows, cursor, membership, None).await
}

/// As [`apply_page`], but the process "dies" after `rows_before_crash` rows: the transaction
/// is dropped without a commit, as SQLite does when a process is killed. For the fault tests.
#[doc(hidden)]
pub async fn apply_page_then_crash(
    db: &Database,
    rows: &[PulledRow],
    cursor: i64,
    membership: &Membership,
    rows_before_crash: usize,
) -> Result<usize> {
    apply_page_inner(db, rows, cursor, membership, Some(rows_before_crash)).await
}

async fn apply_page_inner(
    db: &Database,
    rows: &[PulledRow],
    cursor: i64,
    membership: &Membership,
    crash_after: Option<usize>,
) -> Result<usize> {
    let mut conn = db.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1")
        .execute(&mut *tx)
        .await?;
    let role_before: Option<String> = sqlx::query_scalar("SELECT role FROM sync_state")
        .fetch_one(&mut *tx)
        .await?;
    if role_before.as_deref() != Some(membership.role.as_str()) {
        change_scope(&mut tx, role_before.as_deref(), &membership.role).await?;
    }
    // Back from the front desk: what was hidden below the cursor must come too, from the start.
    let widened = role_before.as_deref() == Some("front_desk") && membership.role != "front_desk";
    let front_desk = membership.role == "front_desk";
    let mut applied = 0;
    let mut seen = 0;
    for table in TABLES {
        let mine: Vec<&PulledRow> = rows.iter().filter(|r| r.table.name == table.name).collect();
        if mine.is_empty() {
            continue;
        }
        seen += mine.len();
        applied +=
            apply_table_page(&mut tx, table, &page_json(mine.iter().copied()), front_desk).await?;
        if crash_after.is_some_and(|n| seen >= n) {
            return Err(AppError::internal("simulated crash while applying a pull"));
        }
    }
    // The studio's row for this login is "me" on this device (none for the front desk); kept
    // true on every pull, so a first pull cut short still ends with the right "me".
    sqlx::query("UPDATE trainers SET is_me = (id = ?1) WHERE is_me IS NOT (id = ?1)")
        .bind(
            membership
                .trainer_id
                .map(|t| t.to_string())
                .unwrap_or_default(),
        )
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE sync_state SET applying = 0,
                pull_cursor = CASE WHEN ? THEN 0 ELSE max(pull_cursor, ?) END, last_pull_at = ?,
                last_error = NULL, studio_name = ?, role = ?, trainer_id = ?",
    )
    .bind(widened)
    .bind(cursor)
    .bind(spotter_store::time::now_utc())
    .bind(&membership.studio_name)
    .bind(&membership.role)
    .bind(membership.trainer_id.map(|t| t.to_string()))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(applied)
}

/// A role change moves what this device may hold: to the front desk, private tables and
/// columns leave the device (back to trainer, the pull starts again from the beginning).
async fn change_scope(
    conn: &mut SqliteConnection,
    before: Option<&str>,
    after: &str,
) -> Result<()> {
    tracing::info!(
        ?before,
        after,
        "studio role changed; adjusting what this device holds"
    );
    if after == "front_desk" {
        for table in TABLES.iter().filter(|t| t.private) {
            sqlx::query(&format!("DELETE FROM {}", table.name))
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM sync_row_versions WHERE table_name = ?")
                .bind(table.name)
                .execute(&mut *conn)
                .await?;
        }
        if let Some(clients) = tables::table("clients") {
            let blanks: Vec<String> = clients
                .columns
                .iter()
                .filter(|c| c.private)
                .map(|c| match (c.nullable, c.kind) {
                    (true, _) => format!("{} = NULL", c.name),
                    (false, tables::Kind::Json) => format!("{} = '[]'", c.name),
                    (false, tables::Kind::Flag | tables::Kind::Int) => format!("{} = 0", c.name),
                    (false, _) => format!("{} = ''", c.name),
                })
                .collect();
            sqlx::query(&format!("UPDATE clients SET {}", blanks.join(", ")))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
