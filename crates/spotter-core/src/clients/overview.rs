//! The client list with what a trainer scans it for: last and next session, current plan and
//! adherence, sortable by each, a page at a time. One SQL statement computes the columns for
//! every client it returns (no query per client).

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::store::{ClientRow, COLUMNS};
use super::{fts_query, Client, ClientStatusFilter};
use crate::schedule::zoned::fmt_utc;
use spotter_store::{Database, Result};

pub const DEFAULT_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 1_000;
/// Adherence looks at the plan weeks that began in this many days up to today (four weeks).
pub const ADHERENCE_WINDOW_DAYS: u32 = 28;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientSort {
    #[default]
    Name,
    LastSession,
    NextSession,
    Adherence,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    #[default]
    Asc,
    Desc,
}

/// One page of the client list: search text, status, sort column and direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientOverviewQuery {
    #[ts(optional = nullable)]
    pub search: Option<String>,
    pub status: ClientStatusFilter,
    pub sort: ClientSort,
    pub direction: SortDirection,
    pub offset: u32,
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
}

/// A client with the list's computed columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientOverview {
    pub client: Client,
    /// Start (UTC) of the latest past session the client was booked into and did not cancel
    /// or miss.
    #[ts(optional = nullable)]
    pub last_session: Option<String>,
    /// Start (UTC) of the next scheduled session the client is booked into.
    #[ts(optional = nullable)]
    pub next_session: Option<String>,
    /// The plan running today (the latest started if several), else the last that ran, else
    /// the next to start, else the last edited undated one.
    #[ts(optional = nullable)]
    pub current_plan_id: Option<String>,
    #[ts(optional = nullable)]
    pub current_plan_name: Option<String>,
    /// Share (0–1) of the current plan's prescribed sets done, over the plan weeks that began
    /// in the last four weeks — the progress page's adherence, summed over that window. None
    /// without a dated current plan or a week begun in the window.
    #[ts(optional = nullable)]
    pub adherence: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientOverviewPage {
    pub clients: Vec<ClientOverview>,
    /// Every client the search and status match, not only this page.
    pub total: u32,
}

#[derive(FromRow)]
struct OverviewRow {
    #[sqlx(flatten)]
    client: ClientRow,
    last_session: Option<String>,
    next_session: Option<String>,
    plan_id: Option<String>,
    plan_name: Option<String>,
    adherence: Option<f64>,
}

// ?1 now (session form), ?2 today (YYYY-MM-DD), ?3 the FTS query or NULL. Each column is a
// correlated subquery over an index: session_participants (client_id, session_start_utc),
// plans (client_id), workout_logs (plan_id, week).
const LAST_SESSION: &str = "(SELECT max(p.session_start_utc) FROM session_participants p JOIN sessions s ON s.id = p.session_id
    WHERE p.client_id = c.id AND p.deleted_at IS NULL AND p.session_start_utc < ?1
      AND p.attendance NOT IN ('cancelled', 'late_cancelled', 'no_show')
      AND s.deleted_at IS NULL AND s.status IN ('scheduled', 'completed'))";
const NEXT_SESSION: &str = "(SELECT min(p.session_start_utc) FROM session_participants p JOIN sessions s ON s.id = p.session_id
    WHERE p.client_id = c.id AND p.deleted_at IS NULL AND p.session_start_utc >= ?1
      AND p.attendance NOT IN ('cancelled', 'late_cancelled')
      AND s.deleted_at IS NULL AND s.status = 'scheduled')";
const CURRENT_PLAN: &str = "(SELECT p.id FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
    WHERE p.client_id = c.id AND p.deleted_at IS NULL AND p.is_template = 0
    ORDER BY CASE WHEN p.start_date IS NULL THEN 3
                  WHEN p.start_date <= ?2
                   AND ?2 < date(p.start_date, '+' || (7 * json_array_length(v.body, '$.weeks')) || ' days') THEN 0
                  WHEN p.start_date <= ?2 THEN 1
                  ELSE 2 END,
             CASE WHEN p.start_date > ?2 THEN p.start_date END ASC,
             p.start_date DESC, p.updated_at DESC
    LIMIT 1)";
// Per prescription of each plan week begun in the window: its sets, and the logged sets with
// reps for it counted up to that number (extra sets do not make up for missed ones).
const ADHERENCE: &str = "(SELECT CASE WHEN sum(x.sets) > 0 THEN CAST(sum(min(x.done, x.sets)) AS REAL) / sum(x.sets) END
    FROM (SELECT CAST(json_extract(i.value, '$.sets') AS INTEGER) AS sets,
                 (SELECT count(*) FROM workout_logs l JOIN workout_sets s ON s.log_id = l.id
                  WHERE l.plan_id = pl.id AND l.week = w.key + 1 AND l.day_index = d.key AND s.item_index = i.key
                    AND l.deleted_at IS NULL AND s.deleted_at IS NULL AND s.reps > 0) AS done
          FROM plan_versions v, json_each(v.body, '$.weeks') w, json_each(w.value, '$.days') d,
               json_each(d.value, '$.items') i
          WHERE v.plan_id = pl.id AND v.version = pl.current_version
            AND date(pl.start_date, '+' || (7 * w.key) || ' days') <= ?2
            AND date(pl.start_date, '+' || (7 * w.key) || ' days') > date(?2, '-' || ?4 || ' days')) x)";

fn order_by(sort: ClientSort, direction: SortDirection) -> String {
    let dir = match direction {
        SortDirection::Asc => "ASC",
        SortDirection::Desc => "DESC",
    };
    let name = format!("t.name COLLATE NOCASE {dir}, t.id {dir}");
    // Clients without a value come last either way.
    let by = |col: &str| format!("t.{col} IS NULL, t.{col} {dir}, t.name COLLATE NOCASE, t.id");
    match sort {
        ClientSort::Name => name,
        ClientSort::LastSession => by("last_session"),
        ClientSort::NextSession => by("next_session"),
        ClientSort::Adherence => by("adherence"),
    }
}

pub async fn list(db: &Database, q: &ClientOverviewQuery) -> Result<ClientOverviewPage> {
    let limit = q.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let status = match q.status {
        ClientStatusFilter::Active => "AND c.archived_at IS NULL",
        ClientStatusFilter::Paused => "AND c.archived_at IS NULL AND c.paused_at IS NOT NULL",
        ClientStatusFilter::Archived => "AND c.archived_at IS NOT NULL",
        ClientStatusFilter::All => "",
    };
    let fts = fts_query(q.search.as_deref().unwrap_or(""));
    let matching = if fts.is_some() {
        "AND c.rowid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?3)"
    } else {
        "AND ?3 IS NULL"
    };
    let filter = format!("c.deleted_at IS NULL {status} {matching}");
    let order = order_by(q.sort, q.direction);
    // Sorted by name, the page is cut before its columns are computed; sorted by a computed
    // column, every matching client needs it first.
    let (inner_page, outer_page) = if q.sort == ClientSort::Name {
        let d = match q.direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        (
            format!("ORDER BY c.name COLLATE NOCASE {d}, c.id {d} LIMIT ?5 OFFSET ?6"),
            "",
        )
    } else {
        (String::new(), "LIMIT ?5 OFFSET ?6")
    };
    let sql = format!(
        "WITH picked AS (
            SELECT {COLUMNS}, {LAST_SESSION} AS last_session, {NEXT_SESSION} AS next_session,
                   {CURRENT_PLAN} AS plan_id
            FROM clients c WHERE {filter} {inner_page}
         ),
         t AS (
            SELECT c.*, pl.name AS plan_name, {ADHERENCE} AS adherence
            FROM picked c LEFT JOIN plans pl ON pl.id = c.plan_id
         )
         SELECT t.* FROM t ORDER BY {order} {outer_page}"
    );
    let now = fmt_utc(chrono::Utc::now());
    let today = spotter_store::time::today_utc()
        .format("%Y-%m-%d")
        .to_string();
    let rows: Vec<OverviewRow> = sqlx::query_as(&sql)
        .bind(&now)
        .bind(&today)
        .bind(&fts)
        .bind(ADHERENCE_WINDOW_DAYS)
        .bind(limit)
        .bind(q.offset)
        .fetch_all(db.pool())
        .await?;
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM clients c WHERE {filter} AND ?1 IS NOT NULL AND ?2 IS NOT NULL"
    ))
    .bind(&now)
    .bind(&today)
    .bind(&fts)
    .fetch_one(db.pool())
    .await?;
    Ok(ClientOverviewPage {
        clients: rows
            .into_iter()
            .map(|r| ClientOverview {
                client: Client::from(r.client),
                last_session: r.last_session,
                next_session: r.next_session,
                current_plan_id: r.plan_id,
                current_plan_name: r.plan_name,
                adherence: r.adherence,
            })
            .collect(),
        total: total as u32,
    })
}
