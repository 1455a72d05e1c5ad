//! VTIMEZONE components from the IANA database (chrono-tz), so exported files say exactly
//! which offsets apply, even to readers that do not know the zone's name.

use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::writer::IcsWriter;

struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
    daylight: bool,
    name: String,
}

fn offset_at(tz: Tz, t: DateTime<Utc>) -> (i32, bool, String) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    let name = o.abbreviation().unwrap_or("").to_owned();
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero(), name)
}

fn transitions(tz: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(from_year, 1, 1),
        NaiveDate::from_ymd_opt(to_year + 1, 1, 1),
    ) else {
        return out;
    };
    let mut day = Utc.from_utc_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default());
    let end = Utc.from_utc_datetime(&last.and_hms_opt(0, 0, 0).unwrap_or_default());
    let mut prev = offset_at(tz, day);
    while day < end {
        let next = day + Duration::days(1);
        let now = offset_at(tz, next);
        if now.0 != prev.0 || now.1 != prev.1 {
            // Find the minute of change by bisection within the day.
            let (mut lo, mut hi) = (0i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(tz, day + Duration::minutes(mid)).0 == prev.0 {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            let at = day + Duration::minutes(hi);
            out.push(Transition {
                at,
                from: prev.0,
                to: now.0,
                daylight: now.1,
                name: now.2.clone(),
            });
        }
        prev = now;
        day = next;
    }
    out
}

fn fmt_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// Writes a VTIMEZONE for `tz` valid for the years given (inclusive).
pub fn write(w: &mut IcsWriter, tz: Tz, from_year: i32, to_year: i32) {
    w.begin("VTIMEZONE");
    w.raw("TZID", tz.name());
    // The state in force at the start of the range, then every change within it.
    let start = Utc.from_utc_datetime(
        &NaiveDate::from_ymd_opt(from_year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default(),
    );
    let (offset, daylight, name) = offset_at(tz, start);
    let kind = |daylight: bool| if daylight { "DAYLIGHT" } else { "STANDARD" };
    w.begin(kind(daylight));
    w.raw(
        "DTSTART",
        &(start + Duration::seconds(i64::from(offset)))
            .format("%Y%m%dT%H%M%S")
            .to_string(),
    );
    w.raw("TZOFFSETFROM", &fmt_offset(offset));
    w.raw("TZOFFSETTO", &fmt_offset(offset));
    if !name.is_empty() {
        w.text("TZNAME", &name);
    }
    w.end(kind(daylight));
    for t in transitions(tz, from_year, to_year) {
        w.begin(kind(t.daylight));
        // DTSTART is the local time, in the old offset, at which the change happens.
        w.raw(
            "DTSTART",
            &(t.at + Duration::seconds(i64::from(t.from)))
                .format("%Y%m%dT%H%M%S")
                .to_string(),
        );
        w.raw("TZOFFSETFROM", &fmt_offset(t.from));
        w.raw("TZOFFSETTO", &fmt_offset(t.to));
        if !t.name.is_empty() {
            w.text("TZNAME", &t.name);
        }
        w.end(kind(t.daylight));
    }
    w.end("VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_2026_has_its_two_changes() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let t = transitions(tz, 2026, 2026);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].at.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        assert_eq!((t[0].from, t[0].to, t[0].daylight), (3600, 7200, true));
        let mut w = IcsWriter::new();
        write(&mut w, tz, 2026, 2026);
        let out = w.finish();
        assert!(out.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"), "{out}");
        assert!(
            out.contains("DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            "{out}"
        );
    }
}
