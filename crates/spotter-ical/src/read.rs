//! Reading iCalendar files as Google Calendar, Apple Calendar, Outlook and the rest write them:
//! the bytes checked (size, encoding, shape) and unfolded, then every VEVENT's properties as
//! written, with the readings of times, zones and durations an importer needs.
//!
//! Parsing uses the `icalendar` crate. What the events become (sessions, which are skipped and
//! why) is the importer's business, not this module's.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, Component, Property};

use crate::windows_zones::windows_to_iana;

/// Files above this size are refused before parsing.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Why a file cannot be read at all, in the trainer's words (a bad event is not an error
/// here: its times are read one by one and an unreadable one says why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
}

impl ReadError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

/// Reads the file's bytes: size, encoding and shape are checked before parsing.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(format!(
            "The file is {:.1} MB; Spotter imports calendars up to {} MB (export a shorter date range)",
            bytes.len() as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Unfold before decoding: some writers fold lines in the middle of a UTF-8 character.
    let mut unfolded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\r\n ") || bytes[i..].starts_with(b"\r\n\t") {
            i += 3;
        } else if bytes[i..].starts_with(b"\n ") || bytes[i..].starts_with(b"\n\t") {
            i += 2;
        } else {
            unfolded.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(unfolded).map_err(|e| {
        ReadError::new(format!(
            "The file is not UTF-8 text (invalid byte near position {}); iCalendar files are UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim_start();
    if !trimmed.to_ascii_uppercase().starts_with("BEGIN:VCALENDAR") {
        return Err(ReadError::new(
            "This is not an iCalendar file (it does not start with BEGIN:VCALENDAR)",
        ));
    }
    if !text.to_ascii_uppercase().contains("END:VCALENDAR") {
        return Err(ReadError::new(
            "The file ends before END:VCALENDAR; it looks truncated (download it again)",
        ));
    }
    Ok(text)
}

/// A VEVENT's properties as written (the first of each name), TEXT values unescaped and trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Empty when the event has none.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub status: String,
    pub start: Option<TimeProperty>,
    /// DTSTART as text, empty when missing (what names an event without a UID).
    pub start_text: String,
    pub end: Option<TimeProperty>,
    /// The raw DURATION value; see [`parse_duration`].
    pub duration: Option<String>,
    /// The raw RRULE value.
    pub rrule: Option<String>,
    /// Every EXDATE property (each may list several times).
    pub exdates: Vec<TimeProperty>,
    /// Set on an override of one occurrence of a recurring event.
    pub recurrence_id: Option<TimeProperty>,
}

impl Event {
    pub fn is_cancelled(&self) -> bool {
        self.status.eq_ignore_ascii_case("CANCELLED")
    }
}

/// A DTSTART, DTEND, RECURRENCE-ID or EXDATE property: its value and the parameters that say
/// how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeProperty {
    pub value: String,
    pub tzid: Option<String>,
    /// The VALUE parameter (`DATE` for an all-day value).
    pub value_type: Option<String>,
}

/// A time as an event states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A wall-clock time in a zone.
    Timed(NaiveDateTime, Tz),
    /// A date without a time of day.
    AllDay,
}

impl TimeProperty {
    /// The property's value read with its parameters: with TZID, in UTC (`Z`, given as the
    /// wall-clock time in `fallback`), floating (in `fallback`), or a date.
    pub fn when(&self, fallback: Tz) -> Result<When, String> {
        self.when_of(&self.value, fallback)
    }

    /// Each of the comma-separated values (EXDATE may list several), read as [`Self::when`].
    pub fn each(&self, fallback: Tz) -> impl Iterator<Item = Result<When, String>> + '_ {
        self.value
            .split(',')
            .map(move |v| self.when_of(v, fallback))
    }

    fn when_of(&self, value: &str, fallback: Tz) -> Result<When, String> {
        let v = value.trim();
        if self
            .value_type
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case("DATE"))
            || (v.len() == 8 && !v.contains('T'))
        {
            return Ok(When::AllDay);
        }
        if let Some(utc) = v.strip_suffix('Z').or_else(|| v.strip_suffix('z')) {
            let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                .map_err(|_| format!("unreadable time '{v}'"))?;
            let t = DateTime::<Utc>::from_naive_utc_and_offset(t, Utc);
            return Ok(When::Timed(
                t.with_timezone(&fallback).naive_local(),
                fallback,
            ));
        }
        let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
            .map_err(|_| format!("unreadable time '{v}'"))?;
        match self.tzid.as_deref() {
            Some(tzid) => resolve_zone(tzid)
                .map(|tz| When::Timed(t, tz))
                .ok_or_else(|| format!("unknown time zone '{tzid}'")),
            None => Ok(When::Timed(t, fallback)),
        }
    }
}

/// Every VEVENT of a decoded file (see [`decode`]), in file order.
pub fn events(text: &str) -> Result<Vec<Event>, ReadError> {
    let calendar = read_calendar(text).map_err(|e| {
        let first = e.lines().take(4).collect::<Vec<_>>().join(" ");
        ReadError::new(format!(
            "The calendar file is malformed: {}",
            first.chars().take(300).collect::<String>()
        ))
    })?;
    Ok(calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .map(event)
        .collect())
}

fn event(c: &Component<'_>) -> Event {
    Event {
        uid: text_of(prop(c, "UID")),
        summary: text_of(prop(c, "SUMMARY")),
        description: text_of(prop(c, "DESCRIPTION")),
        status: text_of(prop(c, "STATUS")),
        start: prop(c, "DTSTART").map(time_property),
        start_text: text_of(prop(c, "DTSTART")),
        end: prop(c, "DTEND").map(time_property),
        duration: prop(c, "DURATION").map(|p| p.val.as_str().to_owned()),
        rrule: prop(c, "RRULE").map(|p| p.val.as_str().to_owned()),
        exdates: c
            .properties
            .iter()
            .filter(|p| p.name.as_str().eq_ignore_ascii_case("EXDATE"))
            .map(time_property)
            .collect(),
        recurrence_id: prop(c, "RECURRENCE-ID").map(time_property),
    }
}

fn time_property(p: &Property<'_>) -> TimeProperty {
    TimeProperty {
        value: p.val.as_str().to_owned(),
        tzid: param(p, "TZID").map(str::to_owned),
        value_type: param(p, "VALUE").map(str::to_owned),
    }
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a Property<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn param<'a>(p: &'a Property<'a>, name: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(name))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

fn text_of(p: Option<&Property<'_>>) -> String {
    p.map(|p| p.val.clone().unescape_text().as_str().trim().to_owned())
        .unwrap_or_default()
}

/// A TZID as found in the wild: IANA, Outlook's Windows names, or Thunderbird's
/// `/mozilla.org/…/Europe/Berlin`.
pub fn resolve_zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    if let Some(tz) = windows_to_iana(tzid).and_then(|z| z.parse().ok()) {
        return Some(tz);
    }
    let parts: Vec<&str> = tzid.split('/').collect();
    (1..parts.len()).find_map(|i| parts[i..].join("/").parse().ok())
}

/// The zone a whole calendar is in (Google's `X-WR-TIMEZONE`), if it names one.
pub fn calendar_zone(text: &str) -> Option<Tz> {
    text.lines()
        .find_map(|l| {
            l.strip_prefix("X-WR-TIMEZONE:")
                .or_else(|| l.strip_prefix("x-wr-timezone:"))
        })
        .and_then(resolve_zone)
}

/// RFC 5545 DURATION, e.g. PT1H30M, P1D, -PT15M (a negative one is the caller's to refuse).
pub fn parse_duration(v: &str) -> Option<Duration> {
    let v = v.trim();
    let (neg, v) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v.strip_prefix('+').unwrap_or(v)),
    };
    let v = v.strip_prefix('P')?;
    let mut total = Duration::zero();
    let mut num = String::new();
    let mut in_time = false;
    for ch in v.chars() {
        match ch {
            'T' => in_time = true,
            '0'..='9' => num.push(ch),
            unit => {
                let n: i64 = num.parse().ok()?;
                num.clear();
                // Checked: a huge number is unreadable, not a panic.
                let part = match (unit, in_time) {
                    ('W', false) => Duration::try_weeks(n),
                    ('D', false) => Duration::try_days(n),
                    ('H', true) => Duration::try_hours(n),
                    ('M', true) => Duration::try_minutes(n),
                    ('S', true) => Duration::try_seconds(n),
                    _ => return None,
                };
                total = total.checked_add(&part?)?;
            }
        }
    }
    Some(if neg { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_refuses_wrong_shapes_precisely() {
        let err = decode(b"hello").unwrap_err();
        assert!(err.message.contains("not an iCalendar"), "{}", err.message);
        let err =
            decode(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Cut").unwrap_err();
        assert!(err.message.contains("truncated"), "{}", err.message);
        let err =
            decode(b"BEGIN:VCALENDAR\r\nSUMMARY:Gr\xfc\xdfe\r\nEND:VCALENDAR\r\n").unwrap_err();
        assert!(err.message.contains("UTF-8"), "{}", err.message);
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(decode(&big).unwrap_err().message.contains("up to 10 MB"));
        // A fold inside a UTF-8 character is mended.
        let split = [
            b"BEGIN:VCALENDAR\r\nSUMMARY:Gr\xc3".as_slice(),
            b"\r\n \xbc\xc3\x9fe\r\nEND:VCALENDAR\r\n",
        ]
        .concat();
        assert!(decode(&split).unwrap().contains("SUMMARY:Grüße"));
    }

    #[test]
    fn zones_from_outlook_and_thunderbird_resolve() {
        assert_eq!(
            resolve_zone("W. Europe Standard Time").map(|t| t.name()),
            Some("Europe/Berlin")
        );
        assert_eq!(
            resolve_zone("Eastern Standard Time").map(|t| t.name()),
            Some("America/New_York")
        );
        assert_eq!(
            resolve_zone("/mozilla.org/20050126_1/Europe/Berlin").map(|t| t.name()),
            Some("Europe/Berlin")
        );
        assert_eq!(resolve_zone("Mars Standard Time"), None);
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(parse_duration("1H"), None);
        assert_eq!(parse_duration("P99999999999999W"), None);
    }

    #[test]
    fn events_keep_their_properties_as_written() {
        let text = decode(
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:Anna\\, 1:1\r\n\
              DTSTART;TZID=W. Europe Standard Time:20261204T100000\r\nDURATION:PT45M\r\n\
              RRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID=Europe/Berlin:20261211T100000,20261218T100000\r\n\
              END:VEVENT\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nBEGIN:VEVENT\r\nUID:a@x\r\n\
              RECURRENCE-ID:20261211T090000Z\r\nDTSTART;VALUE=DATE:20261211\r\nSTATUS:cancelled\r\n\
              END:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .unwrap();
        let read = events(&text).unwrap();
        assert_eq!(read.len(), 2, "the VTODO is not an event");
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let utc: Tz = "UTC".parse().unwrap();
        let first = &read[0];
        assert_eq!(first.summary, "Anna, 1:1");
        assert_eq!(first.start_text, "20261204T100000");
        let ten = NaiveDateTime::parse_from_str("20261204T100000", "%Y%m%dT%H%M%S").unwrap();
        assert_eq!(
            first.start.as_ref().unwrap().when(utc),
            Ok(When::Timed(ten, berlin))
        );
        assert_eq!(
            first.duration.as_deref().and_then(parse_duration),
            Some(Duration::minutes(45))
        );
        assert_eq!(first.rrule.as_deref(), Some("FREQ=WEEKLY;COUNT=3"));
        assert_eq!(first.exdates[0].each(utc).filter(Result::is_ok).count(), 2);
        let second = &read[1];
        assert!(second.is_cancelled() && second.uid == "a@x");
        assert_eq!(second.start.as_ref().unwrap().when(utc), Ok(When::AllDay));
        // A UTC time is given as the wall-clock time in the zone the reader falls back to.
        let week_later = ten + Duration::days(7);
        assert_eq!(
            second.recurrence_id.as_ref().unwrap().when(berlin),
            Ok(When::Timed(week_later, berlin))
        );
        assert!(
            events("BEGIN:VCALENDAR\nBEGIN:VEVENT\nno colon here\nEND:VCALENDAR\n")
                .unwrap_err()
                .message
                .starts_with("The calendar file is malformed")
        );
    }
}
