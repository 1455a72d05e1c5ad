//! iCalendar export: a trainer's whole calendar, or one session as an invitation.
//!
//! UIDs are stable (`<id>@spotter.app`, the series id for a series), so re-importing an
//! updated export into another calendar updates events instead of duplicating them. A
//! series is one VEVENT with its RRULE; cancelled or removed occurrences are EXDATEs and
//! occurrences edited on their own are extra VEVENTs with RECURRENCE-ID.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use spotter_ical::vtimezone;
use spotter_ical::writer::{param_value, IcsWriter};
use sqlx::FromRow;
use ts_rs::TS;

use crate::schedule::recurrence::expand;
use crate::schedule::zoned::fmt_utc;
use crate::schedule::zoned::{local_of, parse_local, parse_utc, to_utc_lenient};
use crate::schedule::{trainers, SessionKind, LABEL_SQL};
use spotter_files::target::{ExportKind, ExportTarget};
use spotter_store::{AppError, Database, Result};

pub const UID_DOMAIN: &str = "spotter.app";
const PRODID: &str = "-//Spotter//Spotter Desktop//EN";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsExportSummary {
    pub path: String,
    pub events: u32,
    pub sessions: u32,
}

#[derive(FromRow, Clone)]
struct Row {
    id: String,
    kind: String,
    label: String,
    start_utc: String,
    end_utc: String,
    time_zone: String,
    status: String,
    notes: String,
    series_id: Option<String>,
    recurrence_id: Option<String>,
    detached: i64,
    created_at: String,
    updated_at: String,
    room: Option<String>,
    series_alive: i64,
}

#[derive(FromRow)]
struct SeriesRow {
    id: String,
    time_zone: String,
    first_start: String,
    duration_minutes: i64,
    rrule: String,
    created_at: String,
    updated_at: String,
}

struct Attendee {
    name: String,
    email: String,
}

fn select(filter: &str) -> String {
    format!(
        "SELECT s.id, s.kind, {LABEL_SQL} AS label, s.start_utc, s.end_utc, s.time_zone, s.status, s.notes, s.series_id,
                s.recurrence_id, s.detached, s.created_at, s.updated_at,
                (SELECT r.name FROM rooms r WHERE r.id = s.room_id) AS room,
                EXISTS (SELECT 1 FROM series x WHERE x.id = s.series_id AND x.deleted_at IS NULL) AS series_alive
         FROM sessions s WHERE s.deleted_at IS NULL AND {filter}
         ORDER BY s.start_utc"
    )
}

/// Every session of one trainer (past and future) as an iCalendar document.
pub async fn trainer_calendar(db: &Database, trainer_id: &str) -> Result<(String, u32, u32)> {
    let trainer = trainers::get(db, trainer_id).await?;
    let rows: Vec<Row> = sqlx::query_as(&select("s.trainer_id = ?"))
        .bind(&trainer.id)
        .fetch_all(db.pool())
        .await?;
    let series: Vec<SeriesRow> = sqlx::query_as(
        "SELECT id, time_zone, first_start, duration_minutes, rrule, created_at, updated_at
         FROM series WHERE trainer_id = ? AND deleted_at IS NULL",
    )
    .bind(&trainer.id)
    .fetch_all(db.pool())
    .await?;
    let name = format!("{} — Spotter", trainer.name);
    let (text, events) = render(&rows, &series, &name, None, &HashMap::new())?;
    Ok((text, events, rows.len() as u32))
}

/// One session as an invitation to send to the client(s): METHOD:PUBLISH, with attendees.
pub async fn session_invitation(db: &Database, session_id: &str) -> Result<String> {
    let id = spotter_store::ids::parse_id("id", session_id)?;
    let row: Option<Row> = sqlx::query_as(&select("s.id = ?"))
        .bind(&id)
        .fetch_optional(db.pool())
        .await?;
    let mut row = row.ok_or_else(|| AppError::not_found("session"))?;
    // An invitation is one event: send it on its own UID-stable footing, not as a series part.
    row.series_alive = 0;
    let trainer: (String, Option<String>) = sqlx::query_as("SELECT t.name, t.email FROM sessions s JOIN trainers t ON t.id = s.trainer_id WHERE s.id = ?")
        .bind(&id)
        .fetch_one(db.pool())
        .await?;
    let attendees: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT c.name, c.email FROM session_participants p JOIN clients c ON c.id = p.client_id
         WHERE p.session_id = ? AND p.deleted_at IS NULL ORDER BY c.name",
    )
    .bind(&id)
    .fetch_all(db.pool())
    .await?;
    let people: Vec<Attendee> = attendees
        .into_iter()
        .filter_map(|(name, email)| email.map(|email| Attendee { name, email }))
        .collect();
    let mut per = HashMap::new();
    per.insert(row.id.clone(), people);
    let organizer = trainer.1.map(|email| Attendee {
        name: trainer.0,
        email,
    });
    let (text, _) = render(
        std::slice::from_ref(&row),
        &[],
        "Spotter session",
        organizer.as_ref(),
        &per,
    )?;
    Ok(text)
}

/// Writes a trainer's calendar to a `.ics` file, never replacing one the trainer did not
/// agree to replace (`replace` is the path they confirmed).
pub async fn write_trainer_calendar(
    db: &Database,
    trainer_id: &str,
    path: &str,
    replace: Option<&str>,
) -> Result<IcsExportSummary> {
    let target = ExportTarget::check(ExportKind::Ics, path, replace)?;
    let (text, events, sessions) = trainer_calendar(db, trainer_id).await?;
    Ok(IcsExportSummary {
        path: target.write(text.as_bytes())?,
        events,
        sessions,
    })
}

pub async fn write_session_invitation(
    db: &Database,
    session_id: &str,
    path: &str,
    replace: Option<&str>,
) -> Result<IcsExportSummary> {
    let target = ExportTarget::check(ExportKind::Ics, path, replace)?;
    let text = session_invitation(db, session_id).await?;
    Ok(IcsExportSummary {
        path: target.write(text.as_bytes())?,
        events: 1,
        sessions: 1,
    })
}

fn ics_utc(t: &str) -> String {
    parse_utc("t", t)
        .map(|t| t.format("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

fn ics_local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

fn render(
    rows: &[Row],
    series: &[SeriesRow],
    name: &str,
    organizer: Option<&Attendee>,
    attendees: &HashMap<String, Vec<Attendee>>,
) -> Result<(String, u32)> {
    let mut w = IcsWriter::new();
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", PRODID);
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", name);

    // One VTIMEZONE per zone used, covering the years the events span.
    let mut years: HashMap<String, (i32, i32)> = HashMap::new();
    let mut note_year = |zone: &str, t: DateTime<Utc>| {
        let y = t.year();
        let e = years.entry(zone.to_owned()).or_insert((y, y));
        e.0 = e.0.min(y);
        e.1 = e.1.max(y);
    };
    for r in rows {
        if let Ok(t) = parse_utc("t", &r.start_utc) {
            note_year(&r.time_zone, t);
        }
        if let Ok(t) = parse_utc("t", &r.end_utc) {
            note_year(&r.time_zone, t);
        }
    }
    for s in series {
        if let Ok(first) = parse_local("t", &s.first_start) {
            note_year(&s.time_zone, to_utc_lenient(first, zone(&s.time_zone)));
        }
    }
    let mut zones: Vec<(&String, &(i32, i32))> = years.iter().collect();
    zones.sort();
    for (z, (from, to)) in zones {
        vtimezone::write(&mut w, zone(z), *from, *to);
    }

    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut events = 0u32;
    let series_by_id: HashMap<&str, &SeriesRow> =
        series.iter().map(|s| (s.id.as_str(), s)).collect();
    // Each series' occurrences as its rule generates them (UTC): rows matching one are
    // part of the series VEVENT; others (history from before a series edit) stand alone.
    let mut generated: HashMap<&str, HashSet<String>> = HashMap::new();
    for s in series {
        let first = parse_local("first_start", &s.first_start)?;
        let tz = zone(&s.time_zone);
        let set = expand(&s.rrule, first, tz, &[])?
            .into_iter()
            .map(|t| fmt_utc(to_utc_lenient(t, tz)))
            .collect();
        generated.insert(s.id.as_str(), set);
    }
    let mut done_series: HashSet<&str> = HashSet::new();

    for r in rows {
        let in_series = r
            .series_id
            .as_deref()
            .filter(|_| r.series_alive != 0)
            .and_then(|id| series_by_id.get(id).copied())
            .filter(|s| {
                r.recurrence_id.as_ref().is_some_and(|rid| {
                    generated
                        .get(s.id.as_str())
                        .is_some_and(|g| g.contains(rid))
                })
            });
        match in_series {
            Some(s) if r.detached != 0 => {
                event(
                    &mut w,
                    r,
                    &format!("{}@{UID_DOMAIN}", s.id),
                    r.recurrence_id.as_deref(),
                    &stamp,
                    organizer,
                    attendees.get(&r.id),
                );
                events += 1;
            }
            Some(s) => {
                // Cancelled occurrences become EXDATEs of the series VEVENT.
                if done_series.insert(s.id.as_str()) {
                    write_series(&mut w, s, rows, &generated[s.id.as_str()], &stamp)?;
                    events += 1;
                }
            }
            None => {
                event(
                    &mut w,
                    r,
                    &format!("{}@{UID_DOMAIN}", r.id),
                    None,
                    &stamp,
                    organizer,
                    attendees.get(&r.id),
                );
                events += 1;
            }
        }
    }
    w.end("VCALENDAR");
    Ok((w.finish(), events))
}

fn write_common(w: &mut IcsWriter, r: &Row, stamp: &str) {
    w.raw("DTSTAMP", stamp);
    w.raw("CREATED", &ics_utc(&r.created_at));
    w.raw("LAST-MODIFIED", &ics_utc(&r.updated_at));
    w.text("SUMMARY", &r.label);
    let kind = SessionKind::parse(&r.kind).unwrap_or_default();
    w.text("CATEGORIES", kind.label());
    w.raw("X-SPOTTER-KIND", kind.as_str());
    if !r.notes.is_empty() {
        w.text("DESCRIPTION", &r.notes);
    }
    if let Some(room) = &r.room {
        w.text("LOCATION", room);
    }
}

fn event(
    w: &mut IcsWriter,
    r: &Row,
    uid: &str,
    recurrence_id: Option<&str>,
    stamp: &str,
    organizer: Option<&Attendee>,
    attendees: Option<&Vec<Attendee>>,
) {
    let tz = zone(&r.time_zone);
    let local = |t: &str| {
        parse_utc("t", t)
            .map(|t| ics_local(local_of(t, tz)))
            .unwrap_or_default()
    };
    let tzid = format!("TZID={}", param_value(tz.name()));
    w.begin("VEVENT");
    w.text("UID", uid);
    if let Some(rid) = recurrence_id {
        w.raw(&format!("RECURRENCE-ID;{tzid}"), &local(rid));
    }
    w.raw(&format!("DTSTART;{tzid}"), &local(&r.start_utc));
    w.raw(&format!("DTEND;{tzid}"), &local(&r.end_utc));
    write_common(w, r, stamp);
    w.raw(
        "STATUS",
        if r.status == "cancelled" {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
    );
    if let Some(o) = organizer {
        w.raw(
            &format!("ORGANIZER;CN={}", param_value(&o.name)),
            &format!("mailto:{}", o.email),
        );
    }
    for a in attendees.into_iter().flatten() {
        w.raw(
            &format!(
                "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION",
                param_value(&a.name)
            ),
            &format!("mailto:{}", a.email),
        );
    }
    w.end("VEVENT");
}

fn write_series(
    w: &mut IcsWriter,
    s: &SeriesRow,
    rows: &[Row],
    generated: &HashSet<String>,
    stamp: &str,
) -> Result<()> {
    let tz = zone(&s.time_zone);
    let first = parse_local("first_start", &s.first_start)?;
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| r.series_id.as_deref() == Some(s.id.as_str()))
        .collect();
    // Occurrences still standing as planned, or replaced by their own VEVENT, are not EXDATEs.
    let standing: BTreeSet<String> = mine
        .iter()
        .filter(|r| r.status != "cancelled" || r.detached != 0)
        .filter_map(|r| r.recurrence_id.clone())
        .collect();
    let mut exdates: Vec<String> = generated
        .iter()
        .filter(|t| !standing.contains(*t))
        .filter_map(|t| parse_utc("t", t).ok())
        .map(|t| ics_local(local_of(t, tz)))
        .collect();
    exdates.sort();
    let template = mine
        .iter()
        .find(|r| r.detached == 0 && r.status != "cancelled")
        .or(mine.first())
        .copied();
    let Some(template) = template else {
        return Ok(());
    };
    let tzid = format!("TZID={}", param_value(tz.name()));
    w.begin("VEVENT");
    w.text("UID", &format!("{}@{UID_DOMAIN}", s.id));
    w.raw(&format!("DTSTART;{tzid}"), &ics_local(first));
    w.raw(
        &format!("DTEND;{tzid}"),
        &ics_local(first + Duration::minutes(s.duration_minutes)),
    );
    w.raw("RRULE", &s.rrule);
    if !exdates.is_empty() {
        w.raw(&format!("EXDATE;{tzid}"), &exdates.join(","));
    }
    let mut header = template.clone();
    header.created_at = s.created_at.clone();
    header.updated_at = s.updated_at.clone();
    write_common(w, &header, stamp);
    w.raw("STATUS", "CONFIRMED");
    w.end("VEVENT");
    Ok(())
}
