//! Property tests for weekly recurrence expansion, across zones with daylight saving.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use proptest::prelude::*;
use spotter_core::schedule::recurrence::{expand, weekly_rule};
use spotter_core::schedule::Recurrence;

const ZONES: [&str; 5] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
];

fn first_monday_based_week(d: NaiveDate) -> i64 {
    let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    monday.num_days_from_ce() as i64 / 7
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn weekly_counts_land_on_the_chosen_days_at_the_same_local_time(
        zone in 0..ZONES.len(),
        day_offset in 0i64..1800,
        hour in 6u32..22,
        minute in prop::sample::select(vec![0u32, 15, 30, 45]),
        extra_days in prop::collection::btree_set(1u8..=7, 0..4),
        interval in 1u16..4,
        count in 2u32..120,
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day_offset);
        let first = date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap());
        let mut days: Vec<u8> = extra_days.into_iter().collect();
        days.push(first.weekday().number_from_monday() as u8);
        let rec = Recurrence { weekdays: days.clone(), interval_weeks: interval, until: None, count: Some(count) };
        let per_week = { let mut d = days.clone(); d.sort_unstable(); d.dedup(); d.len() as i64 };
        let weeks_needed = (i64::from(count) + per_week - 1) / per_week * i64::from(interval);
        let rule = match weekly_rule(&rec, first, tz) {
            Ok(rule) => rule,
            Err(e) => {
                // Refused only when it really runs past three years, and said at the count.
                prop_assert!(weeks_needed * 7 > 3 * 365 - 14, "{weeks_needed} weeks refused: {}", e.message);
                prop_assert_eq!(e.field.as_deref(), Some("recurrence.count"));
                return Ok(());
            }
        };
        let all = expand(&rule, first, tz, &[]).unwrap();

        prop_assert_eq!(all.len() as u32, count);
        prop_assert_eq!(all[0], first);
        for pair in all.windows(2) {
            prop_assert!(pair[0] < pair[1]);
        }
        for t in &all {
            prop_assert_eq!(t.time(), first.time(), "{} in {}", t, ZONES[zone]);
            prop_assert!(days.contains(&(t.weekday().number_from_monday() as u8)));
            let weeks = first_monday_based_week(t.date()) - first_monday_based_week(first.date());
            prop_assert_eq!(weeks % i64::from(interval), 0);
        }
    }

    #[test]
    fn until_is_the_last_day_and_nothing_matching_is_missed(
        zone in 0..ZONES.len(),
        day_offset in 0i64..1500,
        span in 1i64..400,
        hour in 6u32..22,
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day_offset);
        let first = date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap());
        let until = date + Duration::days(span);
        let rec = Recurrence { weekdays: vec![], interval_weeks: 1, until: Some(until.to_string()), count: None };
        let rule = weekly_rule(&rec, first, tz).unwrap();
        let all = expand(&rule, first, tz, &[]).unwrap();
        // Weekly on the first day's weekday: exactly floor(span / 7) + 1 sessions, the last within a week of `until`.
        prop_assert_eq!(all.len() as i64, span / 7 + 1);
        let last = all.last().unwrap().date();
        prop_assert!(last <= until && until - last < Duration::days(7));
    }
}
