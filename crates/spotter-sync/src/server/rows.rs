//! Reading shared rows from the server in the device's own spelling (ids as text, dates as
//! `YYYY-MM-DD`, session times as fixed-width UTC text), so a pulled row is byte-for-byte what
//! the device would have written itself. One place for the pull, the push read-back and the
//! tests' replica comparison.

use sqlx::postgres::PgRow;
use sqlx::Row;

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

/// Rows of `table` with a version in ($2, $3], oldest first, at most $4, for studio $1: the
/// version, then every column the reader may see in its own field (see [`typed_column_expr`]),
/// which [`row_json`] turns into the device's JSON. Building the JSON on the server
/// (`jsonb_build_object` per row) took several times longer than reading the columns.
pub fn changed_since_sql(table: &Table, front_desk: bool) -> String {
    let columns: Vec<String> = table
        .visible_columns(front_desk)
        .map(|c| typed_column_expr(c.name, c.kind))
        .collect();
    format!(
        "SELECT x.server_version, {} FROM spotter.{} x
          WHERE x.studio_id = $1 AND x.server_version > $2 AND x.server_version <= $3
          ORDER BY x.server_version LIMIT $4",
        columns.join(", "),
        table.name
    )
}

/// One column as [`row_json`] reads it: numbers as `int8`/`float8`, everything else as text
/// in the device's spelling (domains over text are cast, as sqlx decodes `text` only).
fn typed_column_expr(name: &str, kind: Kind) -> String {
    match kind {
        Kind::Int | Kind::Flag => format!("x.{name}::int8"),
        Kind::Real => format!("x.{name}::float8"),
        Kind::Id | Kind::Date | Kind::Instant => column_expr(name, kind),
        Kind::Text | Kind::Json | Kind::Stamp => format!("x.{name}::text"),
    }
}

/// The JSON object of one row read by [`changed_since_sql`], columns from index `first` on:
/// the same object the device would write itself (numbers as numbers, the rest as strings).
pub fn row_json(
    table: &Table,
    front_desk: bool,
    row: &PgRow,
    first: usize,
) -> sqlx::Result<String> {
    let mut out: Vec<u8> = Vec::with_capacity(512);
    out.push(b'{');
    for (i, column) in table.visible_columns(front_desk).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json_string(&mut out, column.name);
        out.push(b':');
        let index = first + i;
        match column.kind {
            Kind::Int | Kind::Flag => match row.try_get::<Option<i64>, _>(index)? {
                Some(n) => out.extend_from_slice(n.to_string().as_bytes()),
                None => out.extend_from_slice(b"null"),
            },
            Kind::Real => match row.try_get::<Option<f64>, _>(index)? {
                // Non-finite values are strings in JSON, as `to_jsonb` writes them.
                Some(f) if !f.is_finite() => write_json_string(&mut out, &f.to_string()),
                Some(f) => match serde_json::Number::from_f64(f) {
                    Some(n) => out.extend_from_slice(n.to_string().as_bytes()),
                    None => out.extend_from_slice(b"null"),
                },
                None => out.extend_from_slice(b"null"),
            },
            _ => match row.try_get::<Option<&str>, _>(index)? {
                Some(s) => write_json_string(&mut out, s),
                None => out.extend_from_slice(b"null"),
            },
        }
    }
    out.push(b'}');
    // Only JSON text from valid UTF-8 strings was written.
    String::from_utf8(out).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn write_json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
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
