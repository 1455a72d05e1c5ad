//! Reading shared rows from the server in the device's own spelling (ids as text, dates as
//! `YYYY-MM-DD`, session times as fixed-width UTC text), so a pulled row is byte-for-byte what
//! the device would have written itself. One place for the pull, the push read-back and the
//! tests' replica comparison.

use crate::tables::{Kind, Table};

/// The SQL expression for one column of `x`.
fn column_expr(name: &str, kind: Kind) -> String {
    match kind {
        Kind::Id => format!("x.{name}::text"),
        Kind::Date => format!("to_char(x.{name}, 'YYYY-MM-DD')"),
        Kind::Instant => {
            format!("to_char(x.{name} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        }
        Kind::Flag => format!("x.{name}::int"),
        _ => format!("x.{name}"),
    }
}

/// `jsonb_build_object('col', expr, …)` of every column the reader may see.
pub fn row_json_expr(table: &Table, front_desk: bool) -> String {
    let pairs: Vec<String> = table
        .visible_columns(front_desk)
        .map(|c| format!("'{}', {}", c.name, column_expr(c.name, c.kind)))
        .collect();
    format!("jsonb_build_object({})", pairs.join(", "))
}

/// Rows of `table` with a version in ($2, $3], oldest first, at most $4, for studio $1; each
/// row as JSON text, which the device hands to SQLite's json_each as it is.
pub fn changed_since_sql(table: &Table, front_desk: bool) -> String {
    format!(
        "SELECT x.server_version, ({})::text AS row FROM spotter.{} x
          WHERE x.studio_id = $1 AND x.server_version > $2 AND x.server_version <= $3
          ORDER BY x.server_version LIMIT $4",
        row_json_expr(table, front_desk),
        table.name
    )
}

/// Rows of `table` whose key is in the JSON array $2 of key objects, for studio $1.
pub fn by_keys_sql(table: &Table, front_desk: bool) -> String {
    let cond: Vec<String> = table
        .key
        .iter()
        .map(|k| format!("x.{k} = (k.value ->> '{k}')::uuid"))
        .collect();
    format!(
        "SELECT x.server_version, {} AS row FROM spotter.{} x
           JOIN jsonb_array_elements($2) k ON {}
          WHERE x.studio_id = $1",
        row_json_expr(table, front_desk),
        table.name,
        cond.join(" AND ")
    )
}

/// Every row of `table` in studio $1 (tests compare replicas with it).
pub fn all_rows_sql(table: &Table, front_desk: bool) -> String {
    format!(
        "SELECT x.server_version, {} AS row FROM spotter.{} x WHERE x.studio_id = $1",
        row_json_expr(table, front_desk),
        table.name
    )
}
