//! Server rows into this SQLite file: a table's rows of a page upserted by a few set-based
//! statements (skipping rows with pending local changes), their server versions recorded, and
//! the session labels that depend on them refreshed.

use serde_json::Value;
use spotter_store::Result;
use sqlx::sqlite::SqliteConnection;

use crate::server::pull::PulledRow;
use crate::tables::Table;

pub(super) async fn has_pending(
    conn: &mut SqliteConnection,
    table: &Table,
    key: &str,
) -> Result<bool> {
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
pub(super) struct LabelRefresh {
    sessions: Vec<String>,
    clients: Vec<String>,
}

impl LabelRefresh {
    pub(super) fn note(&mut self, table: &Table, row: &Value) {
        let get = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
        match table.name {
            "sessions" => self.sessions.extend(get("id")),
            "session_participants" => self.sessions.extend(get("session_id")),
            "clients" => self.clients.extend(get("id")),
            _ => {}
        }
    }

    pub(super) async fn run(self, conn: &mut SqliteConnection) -> Result<()> {
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

/// One table's rows as a JSON array of `{v, r}`: it goes to SQLite whole and is applied by a
/// few set-based statements (json_each), not a statement per row.
pub(super) fn page_json<'a>(rows: impl IntoIterator<Item = &'a PulledRow>) -> String {
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
pub(super) async fn apply_table_page(
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
