//! Joining a studio: the connection and capture switched on in one transaction (with every
//! existing row queued for `studio init`), the refusal of a folder with data of its own, and
//! "me" found among the studio's trainers after the first pull.

use spotter_store::{AppError, Database, ErrorCode, Result};
use sqlx::Connection;

use crate::capture;
use crate::server::{Membership, ServerAddress};
use crate::tables::TABLES;

/// What this device becomes part of.
pub struct Joining<'a> {
    pub address: &'a ServerAddress,
    pub device_id: uuid::Uuid,
    pub membership: &'a Membership,
    /// The studio is new and this device's data is its start: queue every row for upload.
    pub upload_existing: bool,
}

/// Makes this data folder part of a studio, in one transaction: the connection, capture on,
/// and (for `studio init`) every existing row queued as an insert, so the first push uploads
/// it with the same exactly-once guarantees as any other write.
pub async fn join(db: &Database, j: Joining<'_>) -> Result<()> {
    let mut conn = db.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    let already: i64 = sqlx::query_scalar("SELECT capture FROM sync_state")
        .fetch_one(&mut *tx)
        .await?;
    if already == 1 {
        return Err(AppError::new(
            ErrorCode::Studio,
            "this data folder is already part of a studio",
        ));
    }
    let now = spotter_store::time::now_utc();
    sqlx::query(
        "UPDATE sync_state SET capture = 1, applying = 0, server_url = ?, login = ?, device_id = ?,
                studio_id = ?, studio_name = ?, role = ?, trainer_id = ?, pull_cursor = 0,
                last_error = NULL, joined_at = ?",
    )
    .bind(j.address.url())
    .bind(&j.address.user)
    .bind(j.device_id.to_string())
    .bind(j.membership.studio_id.to_string())
    .bind(&j.membership.studio_name)
    .bind(&j.membership.role)
    .bind(j.membership.trainer_id.map(|t| t.to_string()))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    if j.upload_existing {
        for table in TABLES {
            let filter = match table.name {
                // The shipped library is on every device already; only changes to it travel.
                "exercises" => "WHERE x.library_key IS NULL OR x.hidden = 1",
                _ => "",
            };
            let all: Vec<String> = table
                .columns
                .iter()
                .map(|c| format!("\"{}\"", c.name))
                .collect();
            sqlx::query(&format!(
                "INSERT INTO sync_outbox (table_name, row_id, op, changed, row_data, base_version, created_at)
                 SELECT '{name}', {rid}, 'insert', '[{all}]', {json}, NULL, ? FROM {name} x {filter}
                 ORDER BY {order}",
                name = table.name,
                rid = capture::row_id_expr(table, "x"),
                all = all.join(","),
                json = capture::row_json_sql(table, "x"),
                order = if table.is_composite() { "x.session_id, x.client_id" } else { "x.local_key" },
            ))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Rows a device that joins an existing studio must not have (its data would be mixed into
/// the studio's): the count of each, for a clear refusal.
pub async fn own_data(db: &Database) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for t in [
        "clients",
        "sessions",
        "series",
        "plans",
        "workout_logs",
        "rooms",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {t}"))
            .fetch_one(db.pool())
            .await?;
        if n > 0 {
            out.push((t.to_owned(), n));
        }
    }
    Ok(out)
}

/// Removes trainer rows that never left this device and nothing points at (the "Me" made
/// on first start), before a join brings the studio's trainers.
pub async fn drop_unshared_trainers(db: &Database) -> Result<()> {
    sqlx::query(
        "DELETE FROM trainers WHERE id NOT IN (SELECT trainer_id FROM sessions)
                               AND id NOT IN (SELECT trainer_id FROM series)",
    )
    .execute(db.pool())
    .await?;
    Ok(())
}

/// After the first pull: the studio's row for this login is "me" on this device.
pub async fn mark_me(db: &Database, trainer_id: Option<&str>) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sync_state SET applying = 1")
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE trainers SET is_me = (id = ?)")
        .bind(trainer_id.unwrap_or(""))
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE sync_state SET applying = 0")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
