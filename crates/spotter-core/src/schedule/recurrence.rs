//! Recurring series as RFC 5545 RRULEs, expanded with the `rrule` crate.
//!
//! Expansion happens in the series' own zone: a weekly 18:00 session in Berlin is at
//! 18:00 Berlin time before and after the clocks change, so its UTC time moves.

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule, RRuleSet, Unvalidated};

use super::zoned::{parse_date, to_utc};
use super::Recurrence;
use spotter_store::{AppError, Result};

/// Longest series we materialise; beyond this a trainer makes a new series.
pub const MAX_OCCURRENCES: u16 = 1_200;
pub const MAX_SPAN_DAYS: i64 = 3 * 366;
pub const MAX_COUNT: u32 = 500;

fn weekday(n: u8) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

fn rr_tz(tz: Tz) -> rrule::Tz {
    rrule::Tz::Tz(tz)
}

fn dt_start(first: NaiveDateTime, tz: Tz) -> Result<chrono::DateTime<rrule::Tz>> {
    let utc = to_utc("start", first, tz)?;
    Ok(utc.with_timezone(&rr_tz(tz)))
}

/// The RRULE for a weekly recurrence starting at `first` (local, in `tz`).
pub fn weekly_rule(rec: &Recurrence, first: NaiveDateTime, tz: Tz) -> Result<String> {
    if rec.interval_weeks == 0 || rec.interval_weeks > 52 {
        return Err(AppError::validation(
            "recurrence.intervalWeeks",
            "Repeat every 1 to 52 weeks",
        ));
    }
    let mut days = Vec::new();
    for &d in &rec.weekdays {
        let day = weekday(d).ok_or_else(|| {
            AppError::validation(
                "recurrence.weekdays",
                format!("{d} is not a weekday (1 = Monday … 7 = Sunday)"),
            )
        })?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    if days.is_empty() {
        days.push(first.weekday());
    }
    if !days.contains(&first.weekday()) {
        return Err(AppError::validation(
            "recurrence.weekdays",
            format!(
                "The first session is on a {}; include that day or move the first session",
                first.weekday()
            ),
        ));
    }
    let mut rule: RRule<Unvalidated> = RRule::new(Frequency::Weekly)
        .interval(rec.interval_weeks)
        .by_weekday(days.into_iter().map(NWeekday::Every).collect());
    match (&rec.until, rec.count) {
        (Some(_), Some(_)) => {
            return Err(AppError::validation(
                "recurrence.count",
                "Choose an end date or a number of sessions, not both",
            ))
        }
        (None, None) => {
            return Err(AppError::validation(
                "recurrence.until",
                "Choose when the series ends: an end date or a number of sessions",
            ))
        }
        (None, Some(count)) => {
            if !(2..=MAX_COUNT).contains(&count) {
                return Err(AppError::validation(
                    "recurrence.count",
                    format!("A series has 2 to {MAX_COUNT} sessions"),
                ));
            }
            rule = rule.count(count);
        }
        (Some(until), None) => {
            let day = parse_date("recurrence.until", until)?;
            if day < first.date() {
                return Err(AppError::validation(
                    "recurrence.until",
                    "The series ends before its first session",
                ));
            }
            if (day - first.date()).num_days() > MAX_SPAN_DAYS {
                return Err(AppError::validation(
                    "recurrence.until",
                    "A series can run at most three years; start a new one after that",
                ));
            }
            // The whole last day counts; RFC 5545 wants UNTIL in UTC when DTSTART has a zone.
            let end_of_day =
                day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
            let until = super::zoned::to_utc_lenient(end_of_day, tz);
            rule = rule.until(until.with_timezone(&rrule::Tz::UTC));
        }
    }
    let start = dt_start(first, tz)?;
    // Store the rule as chosen: validation adds BYHOUR/BYMINUTE/BYSECOND, which is noise.
    let text = rule.to_string();
    rule.validate(start).map_err(|e| {
        AppError::validation("recurrence", format!("The repeat rule is not valid: {e}"))
    })?;
    let rule = text;
    if let Some(count) = rec.count {
        // Expansion stops at three years; a count reaching beyond would be cut silently.
        if expand(&rule, first, tz, &[])?.len() < count as usize {
            return Err(AppError::validation(
                "recurrence.count",
                format!("{count} sessions at this rhythm run past three years; choose fewer, or start a new series later"),
            ));
        }
    }
    Ok(rule)
}

/// Parses and checks an RRULE value (without the `RRULE:` prefix) against a first start.
pub fn parse_rule(field: &str, rule: &str, first: NaiveDateTime, tz: Tz) -> Result<RRule> {
    let raw = rule.trim().trim_start_matches("RRULE:");
    let parsed: RRule<Unvalidated> = raw.parse().map_err(|e| {
        AppError::validation(
            field,
            format!("'{}' is not a valid repeat rule: {e}", clip(raw)),
        )
    })?;
    parsed.validate(dt_start(first, tz)?).map_err(|e| {
        AppError::validation(
            field,
            format!("'{}' is not a valid repeat rule: {e}", clip(raw)),
        )
    })
}

/// The local start times of every occurrence, in order, at most [`MAX_OCCURRENCES`]
/// and at most three years; a rule without an end is cut there.
pub fn expand(
    rule: &str,
    first: NaiveDateTime,
    tz: Tz,
    exdates: &[NaiveDateTime],
) -> Result<Vec<NaiveDateTime>> {
    let parsed = parse_rule("rrule", rule, first, tz)?;
    let start = dt_start(first, tz)?;
    let limit =
        (start.with_timezone(&Utc) + Duration::days(MAX_SPAN_DAYS)).with_timezone(&rr_tz(tz));
    let mut set = RRuleSet::new(start).rrule(parsed).before(limit);
    for ex in exdates {
        if let Ok(t) = to_utc("exdate", *ex, tz) {
            set = set.exdate(t.with_timezone(&rr_tz(tz)));
        }
    }
    let result = set.all(MAX_OCCURRENCES);
    Ok(result.dates.into_iter().map(|d| d.naive_local()).collect())
}

/// The UI's weekly shape of a stored rule, when it is one (imported rules may not be).
pub fn describe(rule: &str, first: NaiveDateTime, tz: Tz) -> Option<Recurrence> {
    let parsed = parse_rule("rrule", rule, first, tz).ok()?;
    if parsed.get_freq() != Frequency::Weekly {
        return None;
    }
    let weekdays = parsed
        .get_by_weekday()
        .iter()
        .filter_map(|d| match d {
            NWeekday::Every(w) => Some(w.number_from_monday() as u8),
            NWeekday::Nth(..) => None,
        })
        .collect();
    let until = parsed.get_until().map(|u| {
        u.with_timezone(&tz)
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    });
    Some(Recurrence {
        weekdays,
        interval_weeks: parsed.get_interval(),
        until,
        count: parsed.get_count(),
    })
}

/// The same rule ending just before `cut` (UTC), for "this and following" edits.
pub fn truncate_before(
    rule: &str,
    first: NaiveDateTime,
    tz: Tz,
    cut: chrono::DateTime<Utc>,
) -> Result<String> {
    let parsed = parse_rule("rrule", rule, first, tz)?;
    let until = (cut - Duration::seconds(1)).with_timezone(&rrule::Tz::UTC);
    let mut rule: RRule<Unvalidated> = RRule::new(parsed.get_freq())
        .interval(parsed.get_interval())
        .week_start(parsed.get_week_start())
        .by_weekday(parsed.get_by_weekday().to_vec())
        .by_month_day(parsed.get_by_month_day().to_vec())
        .by_set_pos(parsed.get_by_set_pos().to_vec())
        .until(until);
    if !parsed.get_by_month().is_empty() {
        let months: Vec<chrono::Month> = parsed
            .get_by_month()
            .iter()
            .filter_map(|m| chrono::Month::try_from(*m).ok())
            .collect();
        rule = rule.by_month(&months);
    }
    let text = rule.to_string();
    rule.validate(dt_start(first, tz)?)
        .map_err(|e| AppError::internal(format!("cannot shorten series: {e}")))?;
    Ok(text)
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::zoned::{fmt_utc, parse_local};

    fn rec(weekdays: Vec<u8>, until: Option<&str>, count: Option<u32>) -> Recurrence {
        Recurrence {
            weekdays,
            interval_weeks: 1,
            until: until.map(str::to_owned),
            count,
        }
    }

    #[test]
    fn weekly_1800_stays_1800_in_berlin_across_dst() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let first = parse_local("start", "2026-10-20T18:00").unwrap();
        let rule = weekly_rule(&rec(vec![2], None, Some(3)), first, tz).unwrap();
        let all = expand(&rule, first, tz, &[]).unwrap();
        assert!(all
            .iter()
            .all(|t| t.time() == NaiveTime::from_hms_opt(18, 0, 0).unwrap()));
        let utc: Vec<String> = all
            .iter()
            .map(|t| fmt_utc(to_utc("s", *t, tz).unwrap()))
            .collect();
        // Summer time ends on 25 October 2026: 16:00Z before, 17:00Z after.
        assert_eq!(
            utc,
            [
                "2026-10-20T16:00:00Z",
                "2026-10-27T17:00:00Z",
                "2026-11-03T17:00:00Z"
            ]
        );
    }

    #[test]
    fn until_is_inclusive_of_the_last_day() {
        let tz: Tz = "America/New_York".parse().unwrap();
        let first = parse_local("start", "2026-11-02T07:00").unwrap();
        let rule = weekly_rule(&rec(vec![1, 3], Some("2026-11-16"), None), first, tz).unwrap();
        assert!(rule.contains("UNTIL=") && rule.contains('Z'), "{rule}");
        let all = expand(&rule, first, tz, &[]).unwrap();
        assert_eq!(all.len(), 5, "{all:?}");
        assert_eq!(all.last().unwrap().date().to_string(), "2026-11-16");
    }

    #[test]
    fn bad_recurrences_name_their_field() {
        let tz: Tz = "UTC".parse().unwrap();
        let first = parse_local("start", "2026-11-02T07:00").unwrap();
        let e = |r: Recurrence| weekly_rule(&r, first, tz).unwrap_err().field.unwrap();
        assert_eq!(e(rec(vec![9], None, Some(3))), "recurrence.weekdays");
        assert_eq!(e(rec(vec![2], None, Some(3))), "recurrence.weekdays");
        assert_eq!(e(rec(vec![], None, None)), "recurrence.until");
        assert_eq!(
            e(rec(vec![], Some("2026-11-09"), Some(3))),
            "recurrence.count"
        );
        assert_eq!(e(rec(vec![], Some("2031-01-01"), None)), "recurrence.until");
        assert_eq!(e(rec(vec![], Some("2026-10-01"), None)), "recurrence.until");
        let err = parse_rule("rrule", "FREQ=SOMETIMES", first, tz).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("rrule"));
    }

    #[test]
    fn truncation_ends_before_the_cut() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let first = parse_local("start", "2026-11-02T09:00").unwrap();
        let rule = weekly_rule(&rec(vec![1], None, Some(10)), first, tz).unwrap();
        let all = expand(&rule, first, tz, &[]).unwrap();
        let cut = to_utc("s", all[4], tz).unwrap();
        let short = truncate_before(&rule, first, tz, cut).unwrap();
        assert_eq!(expand(&short, first, tz, &[]).unwrap(), all[..4].to_vec());
        let d = describe(&rule, first, tz).unwrap();
        assert_eq!((d.weekdays, d.count), (vec![1], Some(10)));
    }
}
