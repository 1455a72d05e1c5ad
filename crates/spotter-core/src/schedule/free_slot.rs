//! "Find next free slot": starts on a quarter hour, within the trainer's working hours,
//! where the trainer, every client and the room are all free. One search serves the
//! session dialog and a drag on the calendar (from the requested time onwards, same day
//! first, never in the past) and the scheduling agent (from a time it picks).

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Timelike, Utc};

use super::conflicts::{self, Candidate, Planned};
use super::zoned::{
    fmt_local, fmt_utc, local_of, parse_hhmm, parse_utc, parse_zone, to_utc_lenient,
};
use super::{trainers, FreeSlot, FreeSlotQuery, WorkingHours, MAX_SESSION_MINUTES};
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

const STEP_MINUTES: i64 = 15;
/// Slots offered when the query does not say how many.
pub const DEFAULT_SLOTS: u32 = 3;
/// At most this many slots per search.
pub const MAX_SLOTS: u32 = 10;

/// The first free slot at or after `q.after`, as given (the scheduling agent picks its own
/// times, from its own "now").
pub async fn find(db: &Database, q: &FreeSlotQuery) -> Result<Option<FreeSlot>> {
    let after = parse_utc("after", &q.after)?;
    Ok(search(db, q, after, 1).await?.into_iter().next())
}

/// What the calendar offers when a time collides: `q.count` slots (default 3) from the
/// requested time onwards, never before `now`. Each starts once the one before has ended,
/// so they are real alternatives rather than the same hour shifted by a quarter.
pub async fn find_several(
    db: &Database,
    q: &FreeSlotQuery,
    now: DateTime<Utc>,
) -> Result<Vec<FreeSlot>> {
    let count = q.count.unwrap_or(DEFAULT_SLOTS);
    if !(1..=MAX_SLOTS).contains(&count) {
        return Err(AppError::validation(
            "count",
            format!("Ask for 1 to {MAX_SLOTS} slots"),
        ));
    }
    let after = parse_utc("after", &q.after)?.max(now);
    search(db, q, after, count as usize).await
}

async fn search(
    db: &Database,
    q: &FreeSlotQuery,
    after: DateTime<Utc>,
    count: usize,
) -> Result<Vec<FreeSlot>> {
    let trainer = trainers::get(db, &q.trainer_id).await?;
    let tz = parse_zone("timeZone", &trainer.time_zone)?;
    let minutes = i64::from(q.duration_minutes);
    if !(5..=MAX_SESSION_MINUTES).contains(&minutes) {
        return Err(AppError::validation(
            "durationMinutes",
            "A session lasts 5 minutes to 12 hours",
        ));
    }
    let days = i64::from(q.within_days.unwrap_or(28));
    if !(1..=180).contains(&days) {
        return Err(AppError::validation(
            "withinDays",
            "Look 1 to 180 days ahead",
        ));
    }
    let mut client_ids = Vec::new();
    for (i, c) in q.client_ids.iter().enumerate() {
        client_ids.push(parse_id(&format!("clientIds.{i}"), c)?);
    }
    let ignore: HashSet<String> = q.ignore_session_id.iter().cloned().collect();
    let until = after + Duration::days(days);
    let busy = busy_times(db, &trainer.id, &client_ids, after, until, &ignore).await?;

    let room = match q.room_id.as_deref().filter(|r| !r.trim().is_empty()) {
        Some(r) => Some(trainers::room(db, r).await?),
        None => None,
    };
    let names: Vec<(String, String)> = client_ids
        .iter()
        .map(|id| (id.clone(), String::new()))
        .collect();
    let candidate = Candidate {
        trainer: &trainer,
        trainer_tz: tz,
        session_tz: tz,
        room: room.as_ref(),
        clients: &names,
        capacity: None,
        is_group: false,
    };
    let hours = if trainer.working_hours.is_empty() {
        every_day()
    } else {
        trainer.working_hours.clone()
    };

    let mut found = Vec::new();
    let first_day = local_of(after, tz).date();
    for d in 0..=days {
        let day = first_day + Duration::days(d);
        let weekday = day.weekday().number_from_monday() as u8;
        for h in hours.iter().filter(|h| h.weekday == weekday) {
            let (hs, he) = (
                i64::from(parse_hhmm("", &h.start)?),
                i64::from(parse_hhmm("", &h.end)?),
            );
            let Some(midnight) = day.and_hms_opt(0, 0, 0) else {
                continue;
            };
            let open_end = midnight + Duration::minutes(he);
            let mut start = round_up((midnight + Duration::minutes(hs)).max(local_of(after, tz)));
            while start + Duration::minutes(minutes) <= open_end {
                let planned = Planned {
                    start: to_utc_lenient(start, tz),
                    end: to_utc_lenient(start + Duration::minutes(minutes), tz),
                };
                if planned.start < after {
                    start += Duration::minutes(STEP_MINUTES);
                    continue;
                }
                if let Some(b) = busy
                    .iter()
                    .find(|b| b.0 < planned.end && b.1 > planned.start)
                {
                    start = round_up(local_of(b.1, tz).max(start + Duration::minutes(1)));
                    continue;
                }
                // The busy list covers trainer and clients; the full check adds the room.
                if !conflicts::check(db, &candidate, std::slice::from_ref(&planned), &ignore)
                    .await?
                    .is_empty()
                {
                    start += Duration::minutes(STEP_MINUTES);
                    continue;
                }
                found.push(FreeSlot {
                    start: fmt_utc(planned.start),
                    end: fmt_utc(planned.end),
                    time_zone: tz.name().to_owned(),
                    local_start: fmt_local(start),
                    local_end: fmt_local(start + Duration::minutes(minutes)),
                });
                if found.len() >= count {
                    return Ok(found);
                }
                start += Duration::minutes(minutes);
            }
        }
    }
    Ok(found)
}

fn every_day() -> Vec<WorkingHours> {
    (1..=7)
        .map(|d| WorkingHours {
            weekday: d,
            start: "06:00".into(),
            end: "22:00".into(),
        })
        .collect()
}

fn round_up(t: NaiveDateTime) -> NaiveDateTime {
    let past = i64::from(t.minute()) % STEP_MINUTES;
    let t = t
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t);
    if past == 0 {
        t
    } else {
        t + Duration::minutes(STEP_MINUTES - past)
    }
}

async fn busy_times(
    db: &Database,
    trainer_id: &str,
    client_ids: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    ignore: &HashSet<String>,
) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let earliest = fmt_utc(from - Duration::minutes(MAX_SESSION_MINUTES));
    let mut sql = String::from(
        "SELECT s.id, s.start_utc, s.end_utc FROM sessions s
         WHERE s.deleted_at IS NULL AND s.status <> 'cancelled' AND s.start_utc >= ? AND s.start_utc < ? AND s.end_utc > ?
           AND (s.trainer_id = ?",
    );
    if !client_ids.is_empty() {
        sql.push_str(&format!(
            " OR s.id IN (SELECT p.session_id FROM session_participants p WHERE p.deleted_at IS NULL
                 AND p.attendance NOT IN ('cancelled', 'late_cancelled') AND p.client_id IN ({}))",
            vec!["?"; client_ids.len()].join(", ")
        ));
    }
    sql.push(')');
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql)
        .bind(earliest)
        .bind(fmt_utc(to))
        .bind(fmt_utc(from))
        .bind(trainer_id);
    for c in client_ids {
        query = query.bind(c);
    }
    let rows = query.fetch_all(db.pool()).await?;
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = rows
        .into_iter()
        .filter(|(id, _, _)| !ignore.contains(id))
        .filter_map(|(_, s, e)| Some((parse_utc("s", &s).ok()?, parse_utc("e", &e).ok()?)))
        .collect();
    out.sort();
    Ok(out)
}
