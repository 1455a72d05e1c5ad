//! The device's side of sync, all in its SQLite file: the studio it belongs to, the outbox,
//! and applying what the server sends. Every apply is one transaction with `applying = 1`,
//! so the capture triggers stay quiet (no echoes) and a crash leaves the file as it was.

use serde::Serialize;
use serde_json::Value;
use spotter_core::{AppError, Database, ErrorCode, Result};
use sqlx::sqlite::SqliteConnection;
use sqlx::{Connection, FromRow, Row};

use crate::capture;
use crate::server::pull::PulledRow;
use crate::server::push::{AdoptedRow, Mutation, PushOutcome};
use crate::server::{Membership, ServerAddress};
use crate::tables::{self, Table, TABLES};

#[derive(Debug, Clone, FromRow, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalState {
    pub capture: i64,
    pub server_url: Option<String>,
    pub login: Option<String>,
    pub device_id: Option<String>,
    pub studio_id: Option<String>,
    pub studio_name: Option<String>,
    pub role: Option<String>,
    pub trainer_id: Option<String>,
    pub pull_cursor: i64,
    pub last_push_at: Option<String>,
    pub last_pull_at: Option<String>,
    pub last_error: Option<String>,
    pub joined_at: Option<String>,
}

impl LocalState {
    pub fn in_studio(&self) -> bool {
        self.capture == 1 && self.device_id.is_some()
    }

    pub fn device_uuid(&self) -> Result<uuid::Uuid> {
        self.device_id
            .as_deref()
            .and_then(|d| uuid::Uuid::try_parse(d).ok())
            .ok_or_else(not_in_studio)
    }

    pub fn address(&self) -> Result<ServerAddress> {
        let url = self.server_url.as_deref().ok_or_else(not_in_studio)?;
        Ok(ServerAddress::parse(url, None)?.0)
    }
}

pub fn not_in_studio() -> AppError {
    AppError::new(
        ErrorCode::Studio,
        "this data folder is not part of a studio: create one with 'studio init' or join with 'studio join'",
    )
}

pub async fn state(db: &Database) -> Result<LocalState> {
    Ok(sqlx::query_as(
        "SELECT capture, server_url, login, device_id, studio_id, studio_name, role, trainer_id,
                pull_cursor, last_push_at, last_pull_at, last_error, joined_at
           FROM sync_state WHERE singleton = 1",
    )
    .fetch_one(db.pool())
    .await?)
}

pub async fn pending_count(db: &Database) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM sync_outbox")
        .fetch_one(db.pool())
        .await?)
}

/// The highest mutation id ever handed out on this device (0 before the first).
pub async fn last_mutation_id(db: &Database) -> Result<i64> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)",
    )
    .fetch_one(db.pool())
    .await?)
}

/// The oldest `limit` pending mutations, in order.
pub async fn pending_batch(db: &Database, limit: i64) -> Result<Vec<Mutation>> {
    let rows = sqlx::query(
        "SELECT mutation_id, table_name, op, changed, row_data, base_version
           FROM sync_outbox ORDER BY mutation_id LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let parse = |s: String| {
                serde_json::from_str::<Value>(&s)
                    .map_err(|e| AppError::internal(format!("outbox entry is not JSON: {e}")))
            };
            let changed: Vec<String> = serde_json::from_value(parse(r.get("changed"))?)
                .map_err(|e| AppError::internal(format!("outbox columns: {e}")))?;
            Ok(Mutation {
                id: r.get("mutation_id"),
                t: r.get("table_name"),
                op: r.get("op"),
                changed,
                row: parse(r.get("row_data"))?,
                base: r.get("base_version"),
            })
        })
        .collect()
}

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
    let now = spotter_core::time::now_utc();
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
    let now = spotter_core::time::now_utc();
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
                    .bind(spotter_core::ids::new_id())
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

async fn has_pending(conn: &mut SqliteConnection, table: &Table, key: &str) -> Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE table_name = ? AND row_id = ?)",
    )
    .bind(table.name)
    .bind(key)
    .fetch_one(&mut *conn)
    .await?
        == 1)
}

/// Sessions whose participant names or clearance flag may have changed with rows let go.
#[derive(Default)]
struct LabelRefresh {
    sessions: Vec<String>,
    clients: Vec<String>,
}

impl LabelRefresh {
    fn note(&mut self, table: &Table, row: &Value) {
        let get = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
        match table.name {
            "sessions" => self.sessions.extend(get("id")),
            "session_participants" => self.sessions.extend(get("session_id")),
            "clients" => self.clients.extend(get("id")),
            _ => {}
        }
    }

    async fn run(self, conn: &mut SqliteConnection) -> Result<()> {
        if !self.sessions.is_empty() {
            sqlx::query(&format!(
                "{} WHERE id IN (SELECT value FROM json_each(?))",
                spotter_core::schedule::REFRESH_NAMES_SQL
            ))
            .bind(serde_json::to_string(&self.sessions).unwrap_or_default())
            .execute(&mut *conn)
            .await?;
        }
        if !self.clients.is_empty() {
            sqlx::query(&format!(
                "{} WHERE id IN (SELECT session_id FROM session_participants
                                  WHERE client_id IN (SELECT value FROM json_each(?)))",
                spotter_core::schedule::REFRESH_NAMES_SQL
            ))
            .bind(serde_json::to_string(&self.clients).unwrap_or_default())
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}

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
    .bind(spotter_core::time::now_utc())
    .bind(&membership.studio_name)
    .bind(&membership.role)
    .bind(membership.trainer_id.map(|t| t.to_string()))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(applied)
}

/// One table's rows as a JSON array of `{v, r}`: it goes to SQLite whole and is applied by a
/// few set-based statements (json_each), not a statement per row.
fn page_json<'a>(rows: impl IntoIterator<Item = &'a PulledRow>) -> String {
    let mut page = String::from("[");
    for (i, r) in rows.into_iter().enumerate() {
        if i > 0 {
            page.push(',');
        }
        page.push_str(&format!("{{\"v\":{},\"r\":", r.version));
        page.push_str(&r.row);
        page.push('}');
    }
    page.push(']');
    page
}

/// Each row of a page parsed once into SQLite's binary JSON, into a table of this connection
/// that every statement of the page reads: `->>` then reads a column without parsing the
/// row's text again, and the page is parsed once, not once per statement.
const PAGE_TABLE: &str = "CREATE TEMP TABLE IF NOT EXISTS sync_page (j BLOB NOT NULL)";
const LOAD_PAGE: &str = "INSERT INTO temp.sync_page (j) SELECT jsonb(value) FROM json_each(?1)";
const PAGE: &str = "WITH page(j) AS (SELECT j FROM temp.sync_page)";

/// Upserts one table's rows of a page (a JSON array of `{v, r}`), skipping rows this device
/// has pending changes to, records their server versions and refreshes derived labels.
async fn apply_table_page(
    conn: &mut SqliteConnection,
    table: &Table,
    page: &str,
    front_desk: bool,
) -> Result<usize> {
    let name = table.name;
    sqlx::query(PAGE_TABLE).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM temp.sync_page")
        .execute(&mut *conn)
        .await?;
    sqlx::query(LOAD_PAGE)
        .bind(page)
        .execute(&mut *conn)
        .await?;
    let row_id = table
        .key
        .iter()
        .map(|k| format!("(j ->> '$.r.{k}')"))
        .collect::<Vec<_>>()
        .join(" || '/' || ");
    // The per-row check only when this table has pending changes at all (an initial pull
    // has none, and then it would be a lookup per row for nothing).
    let pending: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE table_name = ?)")
            .bind(name)
            .fetch_one(&mut *conn)
            .await?;
    let not_pending = match pending {
        true => format!(
            "NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.table_name = '{name}' AND o.row_id = {row_id})"
        ),
        false => "true".to_owned(),
    };
    let cols: Vec<&str> = table.visible_columns(front_desk).map(|c| c.name).collect();
    let values: Vec<String> = cols.iter().map(|c| format!("(j ->> '$.r.{c}')")).collect();
    let updates: Vec<String> = cols
        .iter()
        .filter(|c| !table.key.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    // A row equal to ours is left alone (no write, no index or FTS churn).
    let differs: Vec<String> = cols
        .iter()
        .filter(|c| !table.key.contains(c))
        .map(|c| format!("{name}.{c} IS NOT excluded.{c}"))
        .collect();
    let done = sqlx::query(&format!(
        "{PAGE} INSERT INTO {name} ({cols}) SELECT {values} FROM page WHERE {not_pending}
         ON CONFLICT ({key}) DO UPDATE SET {updates} WHERE {differs}",
        cols = cols.join(", "),
        values = values.join(", "),
        key = table.key.join(", "),
        updates = updates.join(", "),
        differs = differs.join(" OR "),
    ))
    .execute(&mut *conn)
    .await?;
    sqlx::query(&format!(
        "{PAGE} INSERT INTO sync_row_versions (table_name, row_id, server_version)
         SELECT '{name}', {row_id}, (j ->> '$.v') FROM page WHERE {not_pending}
         ON CONFLICT (table_name, row_id) DO UPDATE SET server_version = excluded.server_version"
    ))
    .execute(&mut *conn)
    .await?;
    let sessions = match name {
        "sessions" => Some("SELECT (j ->> '$.r.id') FROM page"),
        "session_participants" => Some("SELECT (j ->> '$.r.session_id') FROM page"),
        "clients" => Some(
            "SELECT session_id FROM session_participants
              WHERE client_id IN (SELECT (j ->> '$.r.id') FROM page)",
        ),
        _ => None,
    };
    if let Some(ids) = sessions {
        sqlx::query(&format!(
            "{PAGE} {} WHERE id IN ({ids})",
            spotter_core::schedule::REFRESH_NAMES_SQL
        ))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("DELETE FROM temp.sync_page")
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() as usize)
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

pub async fn record_error(db: &Database, message: &str) -> Result<()> {
    sqlx::query("UPDATE sync_state SET last_error = ?")
        .bind(message)
        .execute(db.pool())
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalConflict {
    pub id: String,
    pub kind: String,
    pub table_name: String,
    pub row_id: String,
    pub reason: String,
    pub local_values: String,
    pub server_values: Option<String>,
    pub created_at: String,
}

/// Conflicts the server reported about this device's writes, newest first.
pub async fn conflicts(db: &Database) -> Result<Vec<LocalConflict>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, table_name, row_id, reason, local_values, server_values, created_at
           FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at DESC",
    )
    .fetch_all(db.pool())
    .await?)
}
