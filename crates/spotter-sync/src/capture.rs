//! The device side of capture: the SQLite triggers that append every local write of a
//! synced table to `sync_outbox` in the writing transaction itself, so no code path of
//! the core can forget to. They are generated from [`crate::tables`] into the migration
//! `migrations/sqlite/20261204000001_sync.sql`; `tests/capture_sql.rs` fails when the two
//! drift apart.

use crate::tables::{Table, TABLES};

/// The SQL expression of a row's key as one text, over `NEW.` or `OLD.`.
pub fn row_id_expr(table: &Table, alias: &str) -> String {
    table
        .key
        .iter()
        .map(|k| format!("{alias}.{k}"))
        .collect::<Vec<_>>()
        .join(" || '/' || ")
}

/// `json_object('col', alias.col, …)` of every synced column: a mutation's row.
pub fn row_json_sql(table: &Table, alias: &str) -> String {
    let pairs: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("'{0}', {alias}.{0}", c.name))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

const GUARD: &str = "(SELECT capture = 1 AND applying = 0 FROM sync_state)";

fn base_version(table: &Table) -> String {
    format!(
        "(SELECT server_version FROM sync_row_versions WHERE table_name = '{}' AND row_id = {})",
        table.name,
        row_id_expr(table, "NEW")
    )
}

/// The two triggers of one table.
pub fn triggers(table: &Table) -> String {
    let name = table.name;
    let all_columns: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    let changed_any: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("OLD.{0} IS NOT NEW.{0}", c.name))
        .collect();
    let changed_list: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("SELECT '{0}' AS c WHERE OLD.{0} IS NOT NEW.{0}", c.name))
        .collect();
    format!(
        "CREATE TRIGGER sync_capture_{name}_insert AFTER INSERT ON {name}\n\
         WHEN {GUARD}\n\
         BEGIN\n\
         \x20   INSERT INTO sync_outbox (table_name, row_id, op, changed, row_data, base_version, created_at)\n\
         \x20   VALUES ('{name}', {rid}, 'insert', '[{all}]', {json}, {base},\n\
         \x20           strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));\n\
         END;\n\n\
         CREATE TRIGGER sync_capture_{name}_update AFTER UPDATE ON {name}\n\
         WHEN {GUARD}\n\
         \x20 AND ({any})\n\
         BEGIN\n\
         \x20   INSERT INTO sync_outbox (table_name, row_id, op, changed, row_data, base_version, created_at)\n\
         \x20   VALUES ('{name}', {rid}, 'update',\n\
         \x20           (SELECT json_group_array(c) FROM ({list})),\n\
         \x20           {json}, {base},\n\
         \x20           strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));\n\
         END;\n",
        rid = row_id_expr(table, "NEW"),
        all = all_columns.join(","),
        json = row_json_sql(table, "NEW"),
        base = base_version(table),
        any = changed_any.join(" OR "),
        list = changed_list.join(" UNION ALL "),
    )
}

/// Everything after the bookkeeping tables in the sync migration.
pub fn all_triggers() -> String {
    TABLES.iter().map(triggers).collect::<Vec<_>>().join("\n")
}
