//! The calendar's range query: a day, week or month of sessions as compact entries, built
//! as one JSON array by SQLite.

use chrono::Duration;
use sqlx::FromRow;

use crate::schedule::zoned::{fmt_utc, parse_utc};
use crate::schedule::{
    CalendarEntry, CalendarQuery, SessionKind, SessionStatus, LABEL_SQL, MAX_SESSION_MINUTES,
};
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

use super::*;

#[derive(FromRow)]
pub(super) struct EntryRow {
    id: String,
    trainer_id: String,
    room_id: Option<String>,
    kind: String,
    label: String,
    start_utc: String,
    end_utc: String,
    time_zone: String,
    status: String,
    series_id: Option<String>,
    needs_clearance: i64,
    capacity: Option<i64>,
    booked: Option<i64>,
}

/// A group session's capacity and how many are booked on it (not counting cancellations),
/// NULL for the other kinds. Correlated subqueries on purpose: the calendar's scan stays
/// answered from `sessions_calendar_idx` alone (every index entry carries `local_key`, the
/// rowid), and only group rows pay one rowid lookup and one count over the participants'
/// primary key. On the benchmark's mix (one session in ten a group) that is roughly +12–16 ms
/// on a studio's 20,000-session month; storing both on the row and in the index would make
/// it free, at the cost of a migration.
pub(super) fn fill_sql() -> String {
    let groups: Vec<String> = SessionKind::ALL
        .iter()
        .filter(|k| k.is_group())
        .map(|k| format!("'{}'", k.as_str()))
        .collect();
    let groups = groups.join(", ");
    format!(
        "CASE WHEN s.kind IN ({groups}) THEN (SELECT c.capacity FROM sessions c WHERE c.local_key = s.local_key) END AS capacity,
         CASE WHEN s.kind IN ({groups}) THEN (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id
             AND p.deleted_at IS NULL AND p.attendance NOT IN ('cancelled', 'late_cancelled')) END AS booked"
    )
}

/// The calendar's query: binds are the lower bound, `to`, `from`, the trainer ids, the room
/// ids and the row limit. Public so the benchmark can run the very same SQL directly.
pub fn range_sql(trainers: usize, rooms: usize, include_cancelled: bool) -> String {
    let fill = fill_sql();
    let mut sql = format!(
        "SELECT s.id, s.trainer_id, s.room_id, s.kind, {LABEL_SQL} AS label, s.start_utc, s.end_utc, s.time_zone, s.status, s.series_id,
                s.needs_clearance, {fill}
         FROM sessions s
         WHERE s.deleted_at IS NULL AND s.start_utc >= ? AND s.start_utc < ? AND s.end_utc > ?"
    );
    if trainers > 0 {
        sql.push_str(&format!(
            " AND s.trainer_id IN ({})",
            vec!["?"; trainers].join(", ")
        ));
    }
    if rooms > 0 {
        sql.push_str(&format!(
            " AND s.room_id IN ({})",
            vec!["?"; rooms].join(", ")
        ));
    }
    if !include_cancelled {
        sql.push_str(" AND s.status <> 'cancelled'");
    }
    sql.push_str(" ORDER BY s.start_utc LIMIT ?");
    sql
}

/// Sessions last at most 12 hours, so one overlapping `from` starts after `from − 12 h`:
/// that bound lets the (trainer_id, start_utc) and calendar (start_utc, …) indexes do the work.
pub fn range_lower_bound(from: &str) -> Result<String> {
    Ok(fmt_utc(
        parse_utc("from", from)? - Duration::minutes(MAX_SESSION_MINUTES),
    ))
}

/// The calendar: sessions overlapping [from, to), optionally for some trainers or rooms.
pub async fn range_json(db: &Database, q: &CalendarQuery) -> Result<String> {
    let from = parse_utc("from", &q.from)?;
    let to = parse_utc("to", &q.to)?;
    if to <= from {
        return Err(AppError::validation(
            "to",
            "The range must end after it starts",
        ));
    }
    if to - from > Duration::days(366) {
        return Err(AppError::validation(
            "to",
            "Ask for at most a year at a time",
        ));
    }
    let mut binds: Vec<String> = vec![range_lower_bound(&q.from)?, fmt_utc(to), fmt_utc(from)];
    let mut trainer_ids = Vec::new();
    for (i, t) in q.trainer_ids.iter().enumerate() {
        trainer_ids.push(parse_id(&format!("trainerIds.{i}"), t)?);
    }
    let mut room_ids = Vec::new();
    for (i, r) in q.room_ids.iter().enumerate() {
        room_ids.push(parse_id(&format!("roomIds.{i}"), r)?);
    }
    let sql = range_json_sql(trainer_ids.len(), room_ids.len(), q.include_cancelled);
    binds.extend(trainer_ids);
    binds.extend(room_ids);
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for b in &binds {
        query = query.bind(b);
    }
    Ok(query.bind(RANGE_LIMIT).fetch_one(db.pool()).await?)
}

/// The calendar as typed entries (the CLI, the dashboard, tests): [`range_json`], decoded.
pub async fn range(db: &Database, q: &CalendarQuery) -> Result<Vec<CalendarEntry>> {
    let json = range_json(db, q).await?;
    serde_json::from_str(&json)
        .map_err(|e| AppError::internal(format!("cannot read the calendar rows: {e}")))
}

/// [`range_sql`] with the rows built by SQLite as one JSON array of [`CalendarEntry`] objects: a
/// studio's month is ~20,000 rows, and one string (passed to the webview as it is) is far faster
/// than decoding and re-encoding each row. `tests/schedule.rs` checks it decodes as the type.
/// The flag's two JSON values are constants SQLite computes once, not a parse per row (a fifth
/// of the month query when it was `json(CASE … END)`).
pub fn range_json_sql(trainers: usize, rooms: usize, include_cancelled: bool) -> String {
    let kind_labels: String = SessionKind::ALL
        .iter()
        .map(|k| format!(" WHEN '{}' THEN '{}'", k.as_str(), k.label()))
        .collect();
    format!(
        "SELECT coalesce(json_group_array(json_object(
             'id', id, 'trainerId', trainer_id, 'roomId', room_id, 'kind', kind,
             'label', CASE WHEN label <> '' THEN label ELSE CASE kind{kind_labels} ELSE kind END END,
             'start', start_utc, 'end', end_utc, 'timeZone', time_zone, 'status', status, 'seriesId', series_id,
             'needsClearance', CASE WHEN needs_clearance THEN json('true') ELSE json('false') END,
             'capacity', capacity, 'booked', booked)), '[]')
         FROM ({})",
        range_sql(trainers, rooms, include_cancelled)
    )
}

pub(super) fn entry(r: EntryRow) -> CalendarEntry {
    CalendarEntry {
        id: r.id,
        trainer_id: r.trainer_id,
        room_id: r.room_id,
        kind: SessionKind::parse(&r.kind).unwrap_or_default(),
        label: if r.label.is_empty() {
            SessionKind::parse(&r.kind)
                .unwrap_or_default()
                .label()
                .to_owned()
        } else {
            r.label
        },
        start: r.start_utc,
        end: r.end_utc,
        time_zone: r.time_zone,
        status: SessionStatus::parse(&r.status).unwrap_or_default(),
        series_id: r.series_id,
        needs_clearance: r.needs_clearance != 0,
        capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
        booked: r.booked.and_then(|c| u32::try_from(c).ok()),
    }
}
