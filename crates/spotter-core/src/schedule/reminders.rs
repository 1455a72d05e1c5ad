//! Desktop reminders: which sessions start within the lead time. The shell remembers
//! which it has shown, so each session is announced once.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sessions::detailed;
use super::zoned::fmt_utc;
use super::CalendarQuery;
use spotter_store::{Database, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub session_id: String,
    pub title: String,
    pub body: String,
    pub start: String,
}

/// Scheduled sessions of the local trainer starting in (now, now + lead].
pub async fn due(
    db: &Database,
    now: DateTime<Utc>,
    lead_minutes: u32,
    trainer_id: &str,
) -> Result<Vec<Reminder>> {
    let query = CalendarQuery {
        from: fmt_utc(now),
        to: fmt_utc(now + Duration::minutes(i64::from(lead_minutes)) + Duration::seconds(1)),
        trainer_ids: vec![trainer_id.to_owned()],
        ..Default::default()
    };
    let sessions = detailed(db, &query).await?;
    Ok(sessions
        .into_iter()
        .filter(|s| s.status == super::SessionStatus::Scheduled && s.start > fmt_utc(now))
        .map(|s| {
            let minutes = super::zoned::parse_utc("start", &s.start)
                .map(|t| (t - now).num_minutes().max(0))
                .unwrap_or(0);
            let clearance = s.participants.iter().any(|p| p.needs_clearance);
            Reminder {
                title: format!("{} in {minutes} min", s.label),
                body: format!(
                    "{}–{}{}",
                    s.local_start.get(11..).unwrap_or(""),
                    s.local_end.get(11..).unwrap_or(""),
                    if clearance {
                        " · medical clearance missing"
                    } else {
                        ""
                    }
                ),
                session_id: s.id,
                start: s.start,
            }
        })
        .collect())
}
