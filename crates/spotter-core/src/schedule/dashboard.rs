//! The morning view: today's sessions, the week ahead, and clients needing attention.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::sessions::{detailed, range};
use super::zoned::{fmt_utc, local_of, parse_utc, parse_zone, to_utc_lenient};
use super::{CalendarEntry, CalendarQuery, Session};
use spotter_store::{Database, Result};

/// Days without a session after which a client counts as gone quiet.
pub const QUIET_DAYS: i64 = 14;
/// A series whose last session is this close is "ending soon".
pub const ENDING_DAYS: i64 = 14;
const ATTENTION_LIMIT: i64 = 50;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DashboardQuery {
    /// The zone whose calendar day is "today" (the computer's).
    pub time_zone: String,
    /// UTC "now"; defaults to the clock (tests pin it).
    #[ts(optional = nullable)]
    pub now: Option<String>,
    /// Empty means every trainer.
    pub trainer_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttentionReason {
    /// No session in the last 14 days and none booked.
    Quiet,
    /// PAR-Q+ had a "yes" and no medical clearance is recorded.
    NeedsClearance,
    /// Their recurring series has its last session within 14 days.
    SeriesEnding,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttentionItem {
    pub client_id: String,
    pub name: String,
    pub reason: AttentionReason,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub today: Vec<Session>,
    pub week_ahead: Vec<CalendarEntry>,
    pub attention: Vec<AttentionItem>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    detail: Option<String>,
}

pub async fn dashboard(db: &Database, q: &DashboardQuery) -> Result<Dashboard> {
    let tz = parse_zone("timeZone", &q.time_zone)?;
    let now: DateTime<Utc> = match &q.now {
        Some(n) => parse_utc("now", n)?,
        None => Utc::now(),
    };
    let today = local_of(now, tz).date();
    let day_start =
        |d: chrono::NaiveDate| to_utc_lenient(d.and_hms_opt(0, 0, 0).unwrap_or_default(), tz);
    let start = day_start(today);
    let tomorrow = day_start(today + Duration::days(1));
    let week_end = day_start(today + Duration::days(8));
    let base = CalendarQuery {
        trainer_ids: q.trainer_ids.clone(),
        include_cancelled: true,
        ..Default::default()
    };
    let today_sessions = detailed(
        db,
        &CalendarQuery {
            from: fmt_utc(start),
            to: fmt_utc(tomorrow),
            ..base.clone()
        },
    )
    .await?;
    let week_ahead = range(
        db,
        &CalendarQuery {
            from: fmt_utc(tomorrow),
            to: fmt_utc(week_end),
            include_cancelled: false,
            ..base
        },
    )
    .await?;

    let mut attention = Vec::new();
    let quiet_since = fmt_utc(now - Duration::days(QUIET_DAYS));
    let quiet: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.name,
                (SELECT max(s.start_utc) FROM session_participants p JOIN sessions s ON s.id = p.session_id
                  WHERE p.client_id = c.id AND p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.status = 'completed') AS detail
         FROM clients c
         WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND c.paused_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM session_participants p JOIN sessions s ON s.id = p.session_id
                            WHERE p.client_id = c.id AND p.deleted_at IS NULL AND s.deleted_at IS NULL
                              AND s.status <> 'cancelled' AND s.end_utc > ?)
         ORDER BY detail, c.name COLLATE NOCASE LIMIT ?",
    )
    .bind(&quiet_since)
    .bind(ATTENTION_LIMIT)
    .fetch_all(db.pool())
    .await?;
    for r in quiet {
        let detail = match r.detail.as_deref().and_then(|d| parse_utc("d", d).ok()) {
            Some(last) => format!(
                "Last session {} days ago; nothing booked",
                (now - last).num_days()
            ),
            None => "No session yet; nothing booked".to_owned(),
        };
        attention.push(AttentionItem {
            client_id: r.id,
            name: r.name,
            reason: AttentionReason::Quiet,
            detail,
        });
    }

    let clearance: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.name, (SELECT max(i.answered_on) FROM parq_intakes i WHERE i.client_id = c.id AND i.deleted_at IS NULL) AS detail
         FROM clients c
         WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND c.needs_clearance = 1 AND c.clearance_on IS NULL
         ORDER BY c.name COLLATE NOCASE LIMIT ?",
    )
    .bind(ATTENTION_LIMIT)
    .fetch_all(db.pool())
    .await?;
    for r in clearance {
        let detail = match r.detail {
            Some(d) => format!("PAR-Q+ of {d} has a \"yes\"; medical clearance missing"),
            None => "Medical clearance missing".to_owned(),
        };
        attention.push(AttentionItem {
            client_id: r.id,
            name: r.name,
            reason: AttentionReason::NeedsClearance,
            detail,
        });
    }

    let ending_by = fmt_utc(now + Duration::days(ENDING_DAYS));
    let ending: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.id, c.name, max(s.start_utc)
         FROM sessions s
         JOIN session_participants p ON p.session_id = s.id AND p.deleted_at IS NULL
         JOIN clients c ON c.id = p.client_id AND c.deleted_at IS NULL
         WHERE s.deleted_at IS NULL AND s.series_id IS NOT NULL AND s.start_utc >= ? AND s.start_utc < ?
           AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.series_id = s.series_id AND n.deleted_at IS NULL AND n.recurrence_id >= ?)
         GROUP BY c.id, s.series_id
         ORDER BY 3 LIMIT ?",
    )
    .bind(fmt_utc(now))
    .bind(&ending_by)
    .bind(&ending_by)
    .bind(ATTENTION_LIMIT)
    .fetch_all(db.pool())
    .await?;
    for (id, name, last) in ending {
        let when = parse_utc("last", &last)
            .map(|t| local_of(t, tz).format("%a %-d %b").to_string())
            .unwrap_or(last);
        attention.push(AttentionItem {
            client_id: id,
            name,
            reason: AttentionReason::SeriesEnding,
            detail: format!("Their series ends {when}; book the next block"),
        });
    }
    Ok(Dashboard {
        today: today_sessions,
        week_ahead,
        attention,
    })
}
