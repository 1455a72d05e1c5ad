//! iCalendar import (Google Calendar, Apple Calendar, Outlook and anything else RFC 5545):
//! a preview first, then everything in one transaction.
//!
//! Reading the file is `spotter_ical::read`'s; recurrence is the `rrule` crate's. Events become
//! sessions of the chosen trainer: a 1:1 session when the summary is a client's name,
//! otherwise an "Other" session that blocks the time. All-day and cancelled events are
//! skipped, and so is anything imported before (same UID), so importing twice is harmless.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rrule::{RRuleSet, Unvalidated};
use serde::{Deserialize, Serialize};
use spotter_ical::read::{self, calendar_zone, parse_duration, Event, ReadError, When};
use ts_rs::TS;

use crate::schedule::sessions::{insert_series_row, insert_session_row, ValidSession};
use crate::schedule::zoned::{fmt_local, fmt_utc, local_of, parse_zone, to_utc_lenient};
use crate::schedule::{trainers, Planned, SessionKind, MAX_SESSION_MINUTES};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, ErrorCode, Result};

pub use spotter_ical::read::MAX_FILE_BYTES;
/// At most this many events are read from one file, and at most this many sessions made by
/// one import (each recurring event may expand to 1,200): one transaction stays seconds long.
pub const MAX_EVENTS: usize = 20_000;
pub const MAX_SESSIONS: u32 = 20_000;
/// Recurring events are imported from a year back to two years ahead.
const PAST_DAYS: i64 = 365;
const FUTURE_DAYS: i64 = 2 * 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IcsAction {
    Import,
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsPreviewEvent {
    pub uid: String,
    pub summary: String,
    pub time_zone: String,
    /// Wall-clock start and end of the first occurrence in `time_zone` (empty when unreadable).
    pub local_start: String,
    pub local_end: String,
    /// Sessions this event becomes (a recurring event becomes several).
    pub sessions: u32,
    pub recurring: bool,
    /// The client it was matched to by name, if any.
    pub client_name: Option<String>,
    pub action: IcsAction,
    /// Why it is skipped.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsPreview {
    pub events: Vec<IcsPreviewEvent>,
    pub sessions_to_import: u32,
    pub events_skipped: u32,
}

/// An event read from the file, ready to become sessions.
struct Parsed {
    uid: String,
    summary: String,
    notes: String,
    tz: Tz,
    first: NaiveDateTime,
    minutes: i64,
    starts: Vec<NaiveDateTime>,
    rrule: Option<String>,
    client: Option<(String, String)>,
    kind: SessionKind,
    /// Overrides (RECURRENCE-ID) of a recurring event: original UTC start → new local start.
    overrides: Vec<(DateTime<Utc>, NaiveDateTime, i64)>,
}

/// Reads the file's bytes: size, encoding and shape are checked before parsing.
pub fn decode(bytes: &[u8]) -> Result<String> {
    read::decode(bytes).map_err(invalid_file)
}

fn invalid_file(e: ReadError) -> AppError {
    AppError::new(ErrorCode::InvalidFile, e.message)
}

struct Context {
    fallback: Tz,
    now: DateTime<Utc>,
    clients: HashMap<String, (String, String)>,
    imported: std::collections::HashSet<String>,
}

async fn context(db: &Database, trainer_tz: Tz, calendar_tz: Option<Tz>) -> Result<Context> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, name FROM clients WHERE deleted_at IS NULL AND archived_at IS NULL",
    )
    .fetch_all(db.pool())
    .await?;
    let clients = rows
        .into_iter()
        .map(|(id, name)| (name.to_lowercase(), (id, name)))
        .collect();
    let imported: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT ics_uid FROM sessions WHERE ics_uid IS NOT NULL AND deleted_at IS NULL",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(Context {
        fallback: calendar_tz.unwrap_or(trainer_tz),
        now: Utc::now(),
        clients,
        imported: imported.into_iter().collect(),
    })
}

/// Turns the file into events (each either importable or skipped with a reason).
fn parse_events(text: &str, cx: &Context) -> Result<Vec<(IcsPreviewEvent, Option<Parsed>)>> {
    let vevents = read::events(text).map_err(invalid_file)?;
    if vevents.len() > MAX_EVENTS {
        return Err(AppError::new(
            ErrorCode::InvalidFile,
            format!(
                "The file has {} events; Spotter imports at most {MAX_EVENTS} at once. Export a shorter period from your calendar (a year, say), or split the file",
                vevents.len()
            ),
        ));
    }
    let mut sessions_so_far: u32 = 0;
    // Overrides (RECURRENCE-ID) belong to the event with the same UID.
    let mut overrides: HashMap<String, Vec<&Event>> = HashMap::new();
    let mut masters = Vec::new();
    for (i, e) in vevents.iter().enumerate() {
        if e.recurrence_id.is_some() && !e.uid.is_empty() {
            overrides.entry(e.uid.clone()).or_default().push(e);
        } else {
            masters.push((i, e));
        }
    }
    let mut out = Vec::new();
    for (i, e) in masters {
        let uid = match e.uid.clone() {
            u if u.is_empty() => format!("no-uid-{i}-{}", e.start_text),
            u => u,
        };
        let summary = if e.summary.is_empty() {
            "(no title)".to_owned()
        } else {
            e.summary.chars().take(200).collect()
        };
        let mut preview = IcsPreviewEvent {
            uid: uid.clone(),
            summary: summary.clone(),
            time_zone: cx.fallback.name().to_owned(),
            local_start: String::new(),
            local_end: String::new(),
            sessions: 0,
            recurring: e.rrule.is_some(),
            client_name: None,
            action: IcsAction::Skip,
            reason: None,
        };
        match parse_event(
            e,
            &uid,
            &summary,
            cx,
            overrides.get(&uid).map(Vec::as_slice).unwrap_or(&[]),
        ) {
            Ok(p) => {
                preview.time_zone = p.tz.name().to_owned();
                preview.local_start = fmt_local(p.first);
                preview.local_end = fmt_local(p.first + Duration::minutes(p.minutes));
                preview.client_name = p.client.as_ref().map(|c| c.1.clone());
                preview.sessions = p.starts.len() as u32;
                if cx.imported.contains(&uid) {
                    preview.reason = Some("Already imported".to_owned());
                    out.push((preview, None));
                } else if p.starts.is_empty() {
                    preview.reason = Some(
                        "No occurrence in the import window (a year back to two years ahead)"
                            .to_owned(),
                    );
                    out.push((preview, None));
                } else {
                    sessions_so_far = sessions_so_far.saturating_add(preview.sessions);
                    if sessions_so_far > MAX_SESSIONS {
                        return Err(AppError::new(
                            ErrorCode::InvalidFile,
                            format!(
                                "The file would make more than {MAX_SESSIONS} sessions (its repeating events expand to that many by \"{}\"); Spotter imports at most {MAX_SESSIONS} at once. Export a shorter period from your calendar, or split the file",
                                preview.summary
                            ),
                        ));
                    }
                    preview.action = IcsAction::Import;
                    out.push((preview, Some(p)));
                }
            }
            Err(reason) => {
                preview.reason = Some(reason);
                out.push((preview, None));
            }
        }
    }
    Ok(out)
}

fn parse_event(
    e: &Event,
    uid: &str,
    summary: &str,
    cx: &Context,
    overrides: &[&Event],
) -> std::result::Result<Parsed, String> {
    if e.is_cancelled() {
        return Err("Cancelled in the source calendar".to_owned());
    }
    let start_prop = e.start.as_ref().ok_or("No start time (DTSTART)")?;
    let (first, tz) = match start_prop.when(cx.fallback)? {
        When::Timed(t, tz) => (t, tz),
        When::AllDay => return Err("All-day event (no time of day)".to_owned()),
    };
    let minutes = if let Some(end) = &e.end {
        match end.when(tz)? {
            When::Timed(t, etz) => {
                let s = to_utc_lenient(first, tz);
                let e = to_utc_lenient(t, etz);
                (e - s).num_minutes()
            }
            When::AllDay => return Err("All-day event (no time of day)".to_owned()),
        }
    } else if let Some(d) = &e.duration {
        parse_duration(d)
            .ok_or_else(|| format!("unreadable duration '{d}'"))?
            .num_minutes()
    } else {
        60
    };
    if minutes <= 0 {
        return Err("Ends before it starts".to_owned());
    }
    if minutes > MAX_SESSION_MINUTES {
        return Err("Longer than 12 hours".to_owned());
    }
    let from = cx.now - Duration::days(PAST_DAYS);
    let to = cx.now + Duration::days(FUTURE_DAYS);
    let (starts, rrule) = match &e.rrule {
        None => (vec![first], None),
        Some(r) => {
            let raw = r.trim().to_owned();
            let dt_start = to_utc_lenient(first, tz).with_timezone(&rrule::Tz::Tz(tz));
            let rule: rrule::RRule<Unvalidated> = raw
                .parse()
                .map_err(|e| format!("unreadable repeat rule '{raw}': {e}"))?;
            let rule = rule
                .validate(dt_start)
                .map_err(|e| format!("invalid repeat rule '{raw}': {e}"))?;
            let mut set = RRuleSet::new(dt_start)
                .rrule(rule)
                .after(from.with_timezone(&rrule::Tz::Tz(tz)))
                .before(to.with_timezone(&rrule::Tz::Tz(tz)));
            for ex in &e.exdates {
                for v in ex.each(tz) {
                    if let Ok(When::Timed(t, xtz)) = v {
                        set = set.exdate(to_utc_lenient(t, xtz).with_timezone(&rrule::Tz::Tz(tz)));
                    }
                }
            }
            let dates = set.all(crate::schedule::recurrence::MAX_OCCURRENCES).dates;
            (
                dates.into_iter().map(|d| d.naive_local()).collect(),
                Some(raw),
            )
        }
    };
    let starts: Vec<NaiveDateTime> = if rrule.is_none() {
        starts
    } else {
        starts
            .into_iter()
            .filter(|s| (from..to).contains(&to_utc_lenient(*s, tz)))
            .collect()
    };
    let mut moved = Vec::new();
    for o in overrides {
        let Some(rid) = &o.recurrence_id else {
            continue;
        };
        let Ok(When::Timed(orig, otz)) = rid.when(tz) else {
            continue;
        };
        let orig = to_utc_lenient(orig, otz);
        if o.is_cancelled() {
            moved.push((orig, first, -1));
            continue;
        }
        let Some(sp) = &o.start else {
            continue;
        };
        let Ok(When::Timed(ns, ntz)) = sp.when(tz) else {
            continue;
        };
        let new_start = local_of(to_utc_lenient(ns, ntz), tz);
        let len = match o.end.as_ref().map(|p| p.when(tz)) {
            Some(Ok(When::Timed(ne, netz))) => {
                (to_utc_lenient(ne, netz) - to_utc_lenient(ns, ntz)).num_minutes()
            }
            _ => minutes,
        };
        if (1..=MAX_SESSION_MINUTES).contains(&len) {
            moved.push((orig, new_start, len));
        }
    }
    // Occurrences cancelled in the source are not sessions: the count shown and reported
    // is what the import writes.
    let starts: Vec<NaiveDateTime> = starts
        .into_iter()
        .filter(|s| {
            let at = to_utc_lenient(*s, tz);
            !moved.iter().any(|(orig, _, len)| *len == -1 && *orig == at)
        })
        .collect();
    let client = cx.clients.get(&summary.to_lowercase()).cloned();
    let kind = if client.is_some() {
        SessionKind::Personal
    } else {
        SessionKind::Other
    };
    Ok(Parsed {
        uid: uid.to_owned(),
        summary: summary.to_owned(),
        notes: e
            .description
            .chars()
            .take(crate::schedule::sessions::NOTES_MAX)
            .collect(),
        tz,
        first,
        minutes,
        starts,
        rrule,
        client,
        kind,
        overrides: moved,
    })
}

async fn trainer_zone(db: &Database, trainer_id: &str) -> Result<(crate::schedule::Trainer, Tz)> {
    let trainer = trainers::get(db, trainer_id).await?;
    let tz = parse_zone("timeZone", &trainer.time_zone)?;
    Ok((trainer, tz))
}

pub async fn preview(db: &Database, bytes: &[u8], trainer_id: &str) -> Result<IcsPreview> {
    let text = decode(bytes)?;
    let (_, tz) = trainer_zone(db, trainer_id).await?;
    let cx = context(db, tz, calendar_zone(&text)).await?;
    let events = parse_events(&text, &cx)?;
    let sessions_to_import = events
        .iter()
        .filter(|(_, p)| p.is_some())
        .map(|(e, _)| e.sessions)
        .sum();
    let events_skipped = events.iter().filter(|(_, p)| p.is_none()).count() as u32;
    Ok(IcsPreview {
        events: events.into_iter().map(|(e, _)| e).collect(),
        sessions_to_import,
        events_skipped,
    })
}

/// Imports every importable event in one transaction; returns what was done (the preview).
pub async fn import(db: &Database, bytes: &[u8], trainer_id: &str) -> Result<IcsPreview> {
    let text = decode(bytes)?;
    let (trainer, tz) = trainer_zone(db, trainer_id).await?;
    let cx = context(db, tz, calendar_zone(&text)).await?;
    let events = parse_events(&text, &cx)?;
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    for (_, parsed) in &events {
        let Some(p) = parsed else { continue };
        let v = ValidSession {
            trainer: trainer.clone(),
            trainer_tz: tz,
            tz: p.tz,
            room: None,
            clients: p.client.iter().cloned().collect(),
            kind: p.kind,
            title: if p.client.is_some() {
                String::new()
            } else {
                p.summary.clone()
            },
            notes: p.notes.clone(),
            capacity: None,
            local_start: p.first,
            minutes: p.minutes,
            rule: p.rrule.clone(),
        };
        let series_id = match &p.rrule {
            Some(rule) => Some(insert_series_row(&mut tx, &v, rule, &now).await?),
            None => None,
        };
        for s in &p.starts {
            let planned = Planned {
                start: to_utc_lenient(*s, p.tz),
                end: to_utc_lenient(*s + Duration::minutes(p.minutes), p.tz),
            };
            let rid = series_id.as_ref().map(|_| fmt_utc(planned.start));
            let over = p
                .overrides
                .iter()
                .find(|(orig, _, _)| *orig == planned.start);
            match over {
                Some((_, _, -1)) => {} // cancelled in the source
                Some((_, new_start, len)) => {
                    let moved = Planned {
                        start: to_utc_lenient(*new_start, p.tz),
                        end: to_utc_lenient(*new_start + Duration::minutes(*len), p.tz),
                    };
                    insert_session_row(
                        &mut tx,
                        &v,
                        &moved,
                        series_id.as_deref(),
                        rid.as_deref(),
                        true,
                        Some(&p.uid),
                        &now,
                    )
                    .await?;
                }
                None => {
                    insert_session_row(
                        &mut tx,
                        &v,
                        &planned,
                        series_id.as_deref(),
                        rid.as_deref(),
                        false,
                        Some(&p.uid),
                        &now,
                    )
                    .await?;
                }
            }
        }
    }
    tx.commit().await?;
    let sessions_to_import = events
        .iter()
        .filter(|(_, p)| p.is_some())
        .map(|(e, _)| e.sessions)
        .sum();
    let events_skipped = events.iter().filter(|(_, p)| p.is_none()).count() as u32;
    Ok(IcsPreview {
        events: events.into_iter().map(|(e, _)| e).collect(),
        sessions_to_import,
        events_skipped,
    })
}
