//! Wall-clock times in IANA zones and the UTC instants we store.
//!
//! Sessions are planned in local time ("Tuesdays at 18:00 in Berlin") and stored as
//! UTC plus the zone, so a series keeps its local time across daylight-saving changes.

use chrono::{
    DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc,
};
use chrono_tz::Tz;

use spotter_store::{AppError, Result};

pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

pub fn parse_zone(field: &str, raw: &str) -> Result<Tz> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(AppError::validation(field, "Time zone is required"));
    }
    raw.parse::<Tz>().map_err(|_| {
        AppError::validation(
            field,
            format!(
                "'{}' is not a known time zone (use an IANA name such as Europe/Berlin)",
                clip(raw)
            ),
        )
    })
}

/// `YYYY-MM-DDTHH:MM` (seconds accepted and must be zero).
pub fn parse_local(field: &str, raw: &str) -> Result<NaiveDateTime> {
    let raw = raw.trim();
    NaiveDateTime::parse_from_str(raw, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            AppError::validation(
                field,
                format!("'{}' is not a date and time (YYYY-MM-DDTHH:MM)", clip(raw)),
            )
        })
}

pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        AppError::validation(field, format!("'{}' is not a date (YYYY-MM-DD)", clip(raw)))
    })
}

pub fn parse_utc(field: &str, raw: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| {
            AppError::validation(
                field,
                format!("'{}' is not a UTC time (RFC 3339)", clip(raw)),
            )
        })
}

/// The instant a wall-clock time denotes in `tz`. A time that falls in the hour skipped
/// when clocks go forward does not exist and is refused; in the repeated hour when clocks
/// go back, the first (earlier) one is meant.
pub fn to_utc(field: &str, local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(AppError::validation(
            field,
            format!(
                "{} does not exist in {} (the clocks skip that hour for daylight saving); pick another time",
                local.format("%Y-%m-%d %H:%M"),
                tz.name()
            ),
        )),
    }
}

/// Like [`to_utc`], but a time in the skipped hour moves forward by the gap (what a
/// calendar does for a recurring event that lands there).
pub fn to_utc_lenient(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            let later = local + chrono::Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
        }
    }
}

pub fn local_of(t: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}

pub fn fmt_local(t: NaiveDateTime) -> String {
    t.format(LOCAL_FORMAT).to_string()
}

/// The stored form of a session instant: fixed width, so text order is time order.
pub fn fmt_utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn parse_hhmm(field: &str, raw: &str) -> Result<u32> {
    let bad = || {
        AppError::validation(
            field,
            format!("'{}' is not a time of day (HH:MM)", clip(raw)),
        )
    };
    let (h, m) = raw.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

pub fn minutes_to_time(minutes: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(minutes.min(24 * 60 - 1) * 60, 0)
        .unwrap_or(NaiveTime::MIN)
}

/// The zone this computer is set to, falling back to UTC when it cannot be read.
pub fn system_zone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|z| z.parse::<Tz>().is_ok())
        .unwrap_or_else(|| "UTC".to_owned())
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_hour_is_refused_and_repeated_hour_takes_the_first() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let gap = parse_local("start", "2026-03-29T02:30").unwrap();
        let err = to_utc("start", gap, berlin).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("start"));
        assert!(err.message.contains("does not exist"), "{}", err.message);
        let twice = parse_local("start", "2026-10-25T02:30").unwrap();
        assert_eq!(
            fmt_utc(to_utc("start", twice, berlin).unwrap()),
            "2026-10-25T00:30:00Z"
        );
        assert_eq!(fmt_utc(to_utc_lenient(gap, berlin)), "2026-03-29T01:30:00Z");
    }

    #[test]
    fn unknown_zone_names_the_field() {
        let err = parse_zone("timeZone", "Mars/Olympus").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("timeZone"));
        assert!(
            parse_hhmm("x", "24:00").is_ok()
                && parse_hhmm("x", "24:01").is_err()
                && parse_hhmm("x", "9").is_err()
        );
    }
}

/// The local date (YYYY-MM-DD) of a stored UTC time in a zone; None if either is unreadable.
pub fn local_date_of(start_utc: &str, zone: &str) -> Option<String> {
    let t = parse_utc("startUtc", start_utc).ok()?;
    let tz = parse_zone("timeZone", zone).ok()?;
    Some(local_of(t, tz).date().format("%Y-%m-%d").to_string())
}
