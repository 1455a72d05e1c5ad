//! Pull: the rows changed since the device's cursor, a page at a time, from one consistent
//! snapshot.
//!
//! The cursor is the studio's version counter. Versions are taken under the studio row's lock,
//! held until commit, so version n+1 can only commit after n: in a snapshot that shows the
//! studio at version V, every row up to V is visible and none above it. A page therefore ends
//! at a version below which nothing can still appear, and a cursor never skips a row that was
//! committed late (the failure of a timestamp or sequence cursor).

use spotter_store::Result;
use sqlx::Row;

use super::{Membership, Server, WHOAMI_SQL};
use crate::tables::{Table, TABLES};

pub struct PulledRow {
    pub table: &'static Table,
    pub version: i64,
    /// The row as JSON text, in the device's spelling (see rows.rs).
    pub row: String,
}

pub struct Page {
    pub rows: Vec<PulledRow>,
    /// The cursor after this page.
    pub cursor: i64,
    /// No more changes up to the snapshot's version.
    pub complete: bool,
    pub membership: Membership,
}

/// One page: at most about `limit` rows above `cursor`.
pub async fn page(server: &Server, cursor: i64, limit: i64) -> Result<Page> {
    let err = |e| server.error(e);
    let mut tx = server.pool().begin().await.map_err(err)?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await
        .map_err(err)?;
    let me: Membership = sqlx::query_as(WHOAMI_SQL)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
    let front_desk = me.role == "front_desk";
    let high = me.studio_version;
    let mut end = high;
    let mut rows: Vec<PulledRow> = Vec::new();
    if cursor < high {
        for table in TABLES.iter().filter(|t| t.readable_by(front_desk)) {
            let found = sqlx::query(&super::rows::changed_since_sql(table, front_desk))
                .bind(me.studio_id)
                .bind(cursor)
                .bind(end)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await
                .map_err(err)?;
            if found.len() as i64 == limit {
                // This table has more: the page ends at its last version, and rows of earlier
                // tables above that wait for the next page.
                let last: i64 = found.last().map(|r| r.get(0)).unwrap_or(end);
                end = last;
                rows.retain(|r| r.version <= end);
            }
            for r in found {
                let version: i64 = r.get(0);
                if version <= end {
                    rows.push(PulledRow {
                        table,
                        version,
                        row: super::rows::row_json(table, front_desk, &r, 1).map_err(err)?,
                    });
                }
            }
        }
    }
    tx.commit().await.map_err(err)?;
    Ok(Page {
        rows,
        cursor: end.max(cursor),
        complete: end >= high,
        membership: me,
    })
}
