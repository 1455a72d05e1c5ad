//! The scheduling agent's facts: when the client usually comes (attended sessions of the
//! last 12 weeks by weekday and local start time), recent no-shows, what is booked, and
//! free slots with the local trainer in the next 14 days, found by the calendar's own
//! "next free slot" (working hours, the trainer's and the client's bookings). Accepting a
//! proposal books it through the normal conflict check.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use serde::Serialize;

use crate::ai::privacy::Pseudonyms;
use crate::clients::clearance::{self, ClearanceWarning};
use crate::clients::Client;
use crate::schedule::zoned::{
    fmt_utc, local_of, parse_local, parse_utc, parse_zone, to_utc_lenient,
};
use crate::schedule::{free_slot, trainers, FreeSlot, FreeSlotQuery, SessionInput, SessionKind};
use spotter_store::{Database, Result};

const HISTORY_WEEKS: i64 = 12;
const AHEAD_DAYS: i64 = 14;
const SLOTS: usize = 6;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchedulingFacts {
    pub client: String,
    pub preferred_times: String,
    /// Attended sessions by weekday and local start, most frequent first.
    pub habits: Vec<Habit>,
    pub no_shows_last_12_weeks: u32,
    /// The last past session was a no-show and nothing is booked: a rebooking is due.
    pub rebook_after_no_show: bool,
    pub booked_next_14_days: u32,
    pub session_minutes: u32,
    pub trainer_hours: String,
    pub slots: Vec<SlotFact>,
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Habit {
    #[serde(rename = "ref")]
    pub reference: String,
    pub weekday: String,
    pub time: String,
    pub attended: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlotFact {
    #[serde(rename = "ref")]
    pub reference: String,
    /// "Tue 2026-12-01 18:00–19:00" in the trainer's zone.
    pub when: String,
    /// The habit it matches, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
}

pub struct SchedulingContext {
    pub facts: SchedulingFacts,
    /// "S1" → the session a proposal books.
    pub bookings: Vec<(String, SessionInput)>,
    /// The client needs medical clearance: every proposal says so, with the reason. Kept
    /// out of the facts (health answers are not sent to a model).
    pub clearance: Option<ClearanceWarning>,
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

pub async fn compute(
    db: &Database,
    client: &Client,
    now: DateTime<Utc>,
    names: &mut Pseudonyms,
) -> Result<SchedulingContext> {
    let label = names.add_client(client);
    let me = trainers::me(db).await?;
    let tz = parse_zone("timeZone", &me.time_zone)?;
    let mut missing = Vec::new();

    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT s.start_utc, s.end_utc, s.time_zone, s.status, p.attendance
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
         WHERE p.client_id = ? AND p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.start_utc >= ? AND s.start_utc < ?
         ORDER BY s.start_utc",
    )
    .bind(&client.id)
    .bind(fmt_utc(now - Duration::weeks(HISTORY_WEEKS)))
    .bind(fmt_utc(now + Duration::days(AHEAD_DAYS)))
    .fetch_all(db.pool())
    .await?;
    let now_s = fmt_utc(now);
    let mut habits: BTreeMap<(u32, String), u32> = BTreeMap::new();
    let mut minutes: Vec<i64> = Vec::new();
    let (mut no_shows, mut booked, mut last_past_no_show) = (0, 0, false);
    for (start, end, zone, status, attendance) in &rows {
        let (Ok(s), Ok(e)) = (parse_utc("start", start), parse_utc("end", end)) else {
            continue;
        };
        if start.as_str() >= now_s.as_str() {
            if status == "scheduled" && attendance == "expected" {
                booked += 1;
            }
            continue;
        }
        let no_show = attendance == "no_show" || (status == "no_show" && attendance == "expected");
        let attended =
            attendance == "attended" || (status == "completed" && attendance == "expected");
        last_past_no_show = no_show;
        if no_show {
            no_shows += 1;
        }
        if attended {
            let z = parse_zone("timeZone", zone).unwrap_or(tz);
            let local = local_of(s, z);
            *habits
                .entry((
                    local.weekday().num_days_from_monday(),
                    local.format("%H:%M").to_string(),
                ))
                .or_insert(0) += 1;
            minutes.push((e - s).num_minutes());
        }
    }
    minutes.sort_unstable();
    let session_minutes = minutes
        .get(minutes.len() / 2)
        .copied()
        .unwrap_or(60)
        .clamp(15, 240) as u32;
    let mut habit_list: Vec<((u32, String), u32)> = habits.into_iter().collect();
    habit_list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let habits: Vec<Habit> = habit_list
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, ((wd, time), n))| Habit {
            reference: format!("A{}", i + 1),
            weekday: weekday_name(Weekday::try_from(*wd as u8).unwrap_or(Weekday::Mon)).to_owned(),
            time: time.clone(),
            attended: *n,
        })
        .collect();
    if habits.is_empty() {
        missing.push(format!(
            "no attended sessions in the last {HISTORY_WEEKS} weeks"
        ));
    }

    // Slots: the next occurrence of each habit (if free then, it "matches"; else the next
    // free time after it), then the next free slots from now.
    let query = |after: DateTime<Utc>| FreeSlotQuery {
        trainer_id: me.id.clone(),
        client_ids: vec![client.id.clone()],
        room_id: None,
        duration_minutes: session_minutes,
        after: fmt_utc(after),
        within_days: Some(AHEAD_DAYS as u32),
        ignore_session_id: None,
        count: None,
    };
    let mut found: Vec<(FreeSlot, Option<String>)> = Vec::new();
    let today_local = local_of(now, tz).date();
    for (((wd, time), _), h) in habit_list.iter().take(3).zip(habits.iter()) {
        let Ok(t) = chrono::NaiveTime::parse_from_str(time, "%H:%M") else {
            continue;
        };
        let mut day = today_local;
        while day.weekday().num_days_from_monday() != *wd
            || to_utc_lenient(day.and_time(t), tz) <= now
        {
            day += Duration::days(1);
        }
        let at = to_utc_lenient(day.and_time(t), tz);
        if let Some(slot) = free_slot::find(db, &query(at)).await? {
            let matches = parse_utc("start", &slot.start).is_ok_and(|s| s == at);
            found.push((slot, matches.then(|| h.reference.clone())));
        }
    }
    let mut after = now;
    while found.len() < SLOTS {
        let Some(slot) = free_slot::find(db, &query(after)).await? else {
            break;
        };
        let Ok(end) = parse_utc("end", &slot.end) else {
            break;
        };
        if !found.iter().any(|(f, _)| f.start == slot.start) {
            found.push((slot, None));
        }
        // The next candidate starts after this one, on a later day, so proposals spread out.
        after = end + Duration::hours(12);
        if after > now + Duration::days(AHEAD_DAYS) {
            break;
        }
    }
    found.sort_by(|a, b| a.0.start.cmp(&b.0.start));
    found.dedup_by(|a, b| a.0.start == b.0.start);
    if found.is_empty() {
        missing.push(format!(
            "no free slot for both in the next {AHEAD_DAYS} days within working hours"
        ));
    }
    let mut bookings = Vec::new();
    let slots = found
        .into_iter()
        .enumerate()
        .map(|(i, (slot, matches))| {
            let reference = format!("S{}", i + 1);
            let when = match parse_local("start", &slot.local_start) {
                Ok(l) => format!(
                    "{}–{}",
                    l.format("%a %Y-%m-%d %H:%M"),
                    slot.local_end.get(11..16).unwrap_or("")
                ),
                Err(_) => slot.local_start.clone(),
            };
            bookings.push((
                reference.clone(),
                SessionInput {
                    trainer_id: me.id.clone(),
                    client_ids: vec![client.id.clone()],
                    kind: SessionKind::Personal,
                    time_zone: slot.time_zone.clone(),
                    start: slot.local_start.clone(),
                    end: slot.local_end.clone(),
                    notes: "Booked from a scheduling suggestion".into(),
                    ..Default::default()
                },
            ));
            SlotFact {
                reference,
                when,
                matches,
            }
        })
        .collect();

    let hours = me
        .working_hours
        .iter()
        .map(|w| {
            format!(
                "{} {}–{}",
                weekday_name(
                    Weekday::try_from(w.weekday.saturating_sub(1)).unwrap_or(Weekday::Mon)
                ),
                w.start,
                w.end
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    Ok(SchedulingContext {
        facts: SchedulingFacts {
            client: label,
            preferred_times: names.scrub(&client.preferred_times),
            habits,
            no_shows_last_12_weeks: no_shows,
            rebook_after_no_show: last_past_no_show && booked == 0,
            booked_next_14_days: booked,
            session_minutes,
            trainer_hours: hours,
            slots,
            missing,
        },
        bookings,
        clearance: clearance::warning(db, client).await?,
    })
}
