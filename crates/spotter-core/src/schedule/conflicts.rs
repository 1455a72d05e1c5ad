//! Conflict detection: double-booked trainers and clients, full rooms, over-full groups
//! and sessions outside the trainer's working hours. Each conflict names what it collides
//! with, so the trainer can decide; saving over a conflict is an explicit choice.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use sqlx::FromRow;

use super::zoned::{fmt_utc, local_of, parse_hhmm};
use super::{Conflict, ConflictKind, Room, Trainer, LABEL_SQL, MAX_SESSION_MINUTES};
use spotter_store::{Database, Result};

/// One planned occurrence (a single session, or one of a series).
#[derive(Debug, Clone)]
pub struct Planned {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Who and where, shared by all occurrences being checked.
pub struct Candidate<'a> {
    pub trainer: &'a Trainer,
    pub trainer_tz: Tz,
    pub session_tz: Tz,
    pub room: Option<&'a Room>,
    pub clients: &'a [(String, String)],
    pub capacity: Option<u32>,
    pub is_group: bool,
}

#[derive(FromRow)]
struct Busy {
    id: String,
    label: String,
    start_utc: String,
    end_utc: String,
    client_id: Option<String>,
    people: i64,
}

fn overlap_bounds(p: &Planned) -> (String, String, String) {
    // Sessions last at most MAX_SESSION_MINUTES, so anything overlapping starts after
    // start − max; that lower bound lets the (trainer_id, start_utc) index do the work.
    let earliest = p.start - Duration::minutes(MAX_SESSION_MINUTES);
    (fmt_utc(earliest), fmt_utc(p.end), fmt_utc(p.start))
}

pub async fn check(
    db: &Database,
    c: &Candidate<'_>,
    planned: &[Planned],
    ignore: &HashSet<String>,
) -> Result<Vec<Conflict>> {
    let mut out = Vec::new();
    for p in planned {
        check_one(db, c, p, ignore, &mut out).await?;
    }
    Ok(out)
}

async fn check_one(
    db: &Database,
    c: &Candidate<'_>,
    p: &Planned,
    ignore: &HashSet<String>,
    out: &mut Vec<Conflict>,
) -> Result<()> {
    let (earliest, end, start) = overlap_bounds(p);
    let at = fmt_utc(p.start);
    let when = |s: &str, e: &str| describe_span(s, e, c.session_tz);

    let trainer_busy: Vec<Busy> = sqlx::query_as(&format!(
        "SELECT s.id, {LABEL_SQL} AS label, s.start_utc, s.end_utc, NULL AS client_id, 0 AS people
         FROM sessions s
         WHERE s.deleted_at IS NULL AND s.trainer_id = ? AND s.start_utc >= ? AND s.start_utc < ? AND s.end_utc > ?
           AND s.status <> 'cancelled'
         ORDER BY s.start_utc"
    ))
    .bind(&c.trainer.id)
    .bind(&earliest)
    .bind(&end)
    .bind(&start)
    .fetch_all(db.pool())
    .await?;
    let mut reported: HashSet<String> = HashSet::new();
    for b in trainer_busy.into_iter().filter(|b| !ignore.contains(&b.id)) {
        out.push(Conflict {
            kind: ConflictKind::TrainerBusy,
            message: format!(
                "{} is already booked {}: {}",
                c.trainer.name,
                when(&b.start_utc, &b.end_utc),
                b.label
            ),
            start: at.clone(),
            with_session_id: Some(b.id.clone()),
            with_label: Some(b.label),
            with_start: Some(b.start_utc),
            with_end: Some(b.end_utc),
            client_id: None,
        });
        reported.insert(b.id);
    }

    if !c.clients.is_empty() {
        let marks = vec!["?"; c.clients.len()].join(", ");
        let sql = format!(
            "SELECT s.id, {LABEL_SQL} AS label, s.start_utc, s.end_utc, p.client_id, 0 AS people
             FROM session_participants p JOIN sessions s ON s.id = p.session_id
             WHERE p.client_id IN ({marks}) AND p.deleted_at IS NULL AND p.attendance NOT IN ('cancelled', 'late_cancelled')
               AND p.session_start_utc >= ? AND p.session_start_utc < ?
               AND s.deleted_at IS NULL AND s.status <> 'cancelled' AND s.end_utc > ?
             ORDER BY s.start_utc"
        );
        let mut q = sqlx::query_as::<_, Busy>(&sql);
        for (id, _) in c.clients {
            q = q.bind(id);
        }
        let client_busy = q
            .bind(&earliest)
            .bind(&end)
            .bind(&start)
            .fetch_all(db.pool())
            .await?;
        for b in client_busy
            .into_iter()
            .filter(|b| !ignore.contains(&b.id) && !reported.contains(&b.id))
        {
            let name = c
                .clients
                .iter()
                .find(|(id, _)| Some(id) == b.client_id.as_ref())
                .map_or("The client", |(_, n)| n);
            out.push(Conflict {
                kind: ConflictKind::ClientBusy,
                message: format!(
                    "{name} already has a session {}: {}",
                    when(&b.start_utc, &b.end_utc),
                    b.label
                ),
                start: at.clone(),
                with_session_id: Some(b.id),
                with_label: Some(b.label),
                with_start: Some(b.start_utc),
                with_end: Some(b.end_utc),
                client_id: b.client_id,
            });
        }
    }

    if let Some(room) = c.room {
        if let Some(cap) = room.capacity {
            let in_room: Vec<Busy> = sqlx::query_as(&format!(
                "SELECT s.id, {LABEL_SQL} AS label, s.start_utc, s.end_utc, NULL AS client_id,
                        (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id AND p.deleted_at IS NULL
                           AND p.attendance NOT IN ('cancelled', 'late_cancelled')) AS people
                 FROM sessions s
                 WHERE s.deleted_at IS NULL AND s.room_id = ? AND s.start_utc >= ? AND s.start_utc < ? AND s.end_utc > ?
                   AND s.status <> 'cancelled'
                 ORDER BY s.start_utc"
            ))
            .bind(&room.id)
            .bind(&earliest)
            .bind(&end)
            .bind(&start)
            .fetch_all(db.pool())
            .await?;
            let others: Vec<Busy> = in_room
                .into_iter()
                .filter(|b| !ignore.contains(&b.id))
                .collect();
            // Count every session as at least one person: a booked slot occupies the room.
            let people: i64 = others.iter().map(|b| b.people.max(1)).sum::<i64>()
                + (c.clients.len() as i64).max(1);
            if let Some(first) = others.first().filter(|_| people > i64::from(cap)) {
                out.push(Conflict {
                    kind: ConflictKind::RoomFull,
                    message: format!(
                        "{} holds {cap} at once; with {} it would have {people} ({})",
                        room.name,
                        first.label,
                        when(&first.start_utc, &first.end_utc)
                    ),
                    start: at.clone(),
                    with_session_id: Some(first.id.clone()),
                    with_label: Some(first.label.clone()),
                    with_start: Some(first.start_utc.clone()),
                    with_end: Some(first.end_utc.clone()),
                    client_id: None,
                });
            }
        }
    }

    if c.is_group {
        if let Some(cap) = c.capacity {
            if c.clients.len() > cap as usize {
                out.push(Conflict {
                    kind: ConflictKind::OverCapacity,
                    message: format!(
                        "{} clients are booked into a session for {cap}",
                        c.clients.len()
                    ),
                    start: at.clone(),
                    with_session_id: None,
                    with_label: None,
                    with_start: None,
                    with_end: None,
                    client_id: None,
                });
            }
        }
    }

    if let Some(message) = outside_hours(c.trainer, c.trainer_tz, p) {
        out.push(Conflict {
            kind: ConflictKind::OutsideWorkingHours,
            message,
            start: at,
            with_session_id: None,
            with_label: None,
            with_start: None,
            with_end: None,
            client_id: None,
        });
    }
    Ok(())
}

/// Why the session falls outside the trainer's hours, or none if it fits (or no hours are set).
pub fn outside_hours(trainer: &Trainer, tz: Tz, p: &Planned) -> Option<String> {
    if trainer.working_hours.is_empty() {
        return None;
    }
    let start = local_of(p.start, tz);
    let end = local_of(p.end, tz);
    let weekday = start.weekday().number_from_monday() as u8;
    let day_start = start.date().and_hms_opt(0, 0, 0)?;
    let s = (start - day_start).num_minutes();
    let e = (end - day_start).num_minutes();
    let fits = trainer
        .working_hours
        .iter()
        .filter(|h| h.weekday == weekday)
        .any(|h| {
            let (hs, he) = (
                parse_hhmm("", &h.start).unwrap_or(0),
                parse_hhmm("", &h.end).unwrap_or(0),
            );
            i64::from(hs) <= s && e <= i64::from(he)
        });
    if fits {
        return None;
    }
    let today: Vec<String> = trainer
        .working_hours
        .iter()
        .filter(|h| h.weekday == weekday)
        .map(|h| format!("{}–{}", h.start, h.end))
        .collect();
    let day = start.format("%A");
    Some(if today.is_empty() {
        format!("{} does not work on {day}s", trainer.name)
    } else {
        format!(
            "Outside {}'s working hours on {day}s ({})",
            trainer.name,
            today.join(", ")
        )
    })
}

/// "Tue 24 Nov 18:00–19:00" in the zone the trainer is planning in.
pub fn describe_span(start: &str, end: &str, tz: Tz) -> String {
    let parse = |s: &str| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| local_of(d.with_timezone(&Utc), tz))
    };
    match (parse(start), parse(end)) {
        (Some(s), Some(e)) => format!("{}–{}", s.format("%a %-d %b %H:%M"), e.format("%H:%M")),
        _ => format!("{start}–{end}"),
    }
}
