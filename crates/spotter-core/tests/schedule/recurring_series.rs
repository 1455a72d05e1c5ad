//! Recurring series: local time kept across DST, an occurrence moved as an exception that
//! survives whole-series edits, "this and following", cancelling one, the following or all.

use crate::{input, saved, series_sessions, studio, weekly};
use spotter_core::schedule::{sessions, EditScope, Recurrence, SessionInput, SessionStatus};

#[tokio::test]
async fn weekly_series_keeps_local_time_across_dst_in_berlin_and_new_york() {
    for (zone, before, after) in [
        ("Europe/Berlin", "T17:00:00Z", "T18:00:00Z"), // CEST→CET on 25 Oct: 19:00 local
        ("America/New_York", "T23:00:00Z", "T00:00:00Z"),
    ] {
        let s = studio(zone).await;
        let start = "2026-10-20T19:00";
        let made = saved(
            sessions::create(
                &s.db,
                &SessionInput {
                    recurrence: weekly(&[2], 4),
                    ..input(&s, start, "2026-10-20T20:00")
                },
            )
            .await
            .unwrap(),
        );
        assert_eq!(made.len(), 4);
        assert!(
            made.iter()
                .all(|m| m.local_start.ends_with("T19:00") && m.local_end.ends_with("T20:00")),
            "{made:#?}"
        );
        assert!(made[0].start.ends_with(before), "{zone}: {}", made[0].start);
        // New York changes on 1 November, Berlin on 25 October: week 3 is after both.
        assert!(
            made[2].start.ends_with(after) || made[2].end.ends_with(after),
            "{zone}: {} {}",
            made[2].start,
            made[2].end
        );
        assert!(made
            .iter()
            .all(|m| m.series_id == made[0].series_id && m.series_id.is_some()));
    }
}

#[tokio::test]
async fn moving_one_occurrence_makes_an_exception_that_survives_whole_series_edits() {
    let s = studio("Europe/Berlin").await;
    let made = saved(
        sessions::create(
            &s.db,
            &SessionInput {
                recurrence: weekly(&[2], 6),
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
        )
        .await
        .unwrap(),
    );
    let series = made[0].series_id.clone().unwrap();
    // Move week 2 to Thursday 10:00 (this occurrence only).
    let moved = saved(
        sessions::update(
            &s.db,
            &made[1].id,
            &input(&s, "2026-12-03T10:00", "2026-12-03T11:00"),
            EditScope::One,
        )
        .await
        .unwrap(),
    );
    assert!(moved[0].detached && moved[0].series_id.as_deref() == Some(series.as_str()));
    // Week 3 completed: history.
    sessions::set_status(&s.db, &made[2].id, SessionStatus::Completed, false)
        .await
        .unwrap();

    // Whole series moves to 17:00 from week 4's edit dialog.
    let all = SessionInput {
        recurrence: weekly(&[2], 6),
        ..input(&s, "2026-12-15T17:00", "2026-12-15T18:00")
    };
    saved(
        sessions::update(&s.db, &made[3].id, &all, EditScope::All)
            .await
            .unwrap(),
    );
    let now = series_sessions(&s.db, &series).await;
    let shape: Vec<(String, bool, SessionStatus)> = now
        .iter()
        .map(|x| (x.local_start.clone(), x.detached, x.status))
        .collect();
    assert_eq!(
        shape,
        [
            (
                "2026-11-24T17:00".to_owned(),
                false,
                SessionStatus::Scheduled
            ),
            (
                "2026-12-03T10:00".to_owned(),
                true,
                SessionStatus::Scheduled
            ),
            (
                "2026-12-08T18:00".to_owned(),
                false,
                SessionStatus::Completed
            ),
            (
                "2026-12-15T17:00".to_owned(),
                false,
                SessionStatus::Scheduled
            ),
            (
                "2026-12-22T17:00".to_owned(),
                false,
                SessionStatus::Scheduled
            ),
            (
                "2026-12-29T17:00".to_owned(),
                false,
                SessionStatus::Scheduled
            ),
        ]
    );
}

#[tokio::test]
async fn this_and_following_splits_the_series() {
    let s = studio("Europe/Berlin").await;
    let made = saved(
        sessions::create(
            &s.db,
            &SessionInput {
                recurrence: weekly(&[1], 6),
                ..input(&s, "2026-11-23T09:00", "2026-11-23T10:00")
            },
        )
        .await
        .unwrap(),
    );
    let old_series = made[0].series_id.clone().unwrap();
    let following = SessionInput {
        recurrence: Some(Recurrence {
            weekdays: vec![3],
            interval_weeks: 1,
            until: Some("2027-01-06".into()),
            count: None,
        }),
        ..input(&s, "2026-12-16T11:00", "2026-12-16T12:00")
    };
    let new = saved(
        sessions::update(&s.db, &made[3].id, &following, EditScope::Following)
            .await
            .unwrap(),
    );
    let new_series = new[0].series_id.clone().unwrap();
    assert_ne!(new_series, old_series);
    let old: Vec<String> = series_sessions(&s.db, &old_series)
        .await
        .into_iter()
        .map(|x| x.local_start)
        .collect();
    assert_eq!(
        old,
        ["2026-11-23T09:00", "2026-11-30T09:00", "2026-12-07T09:00"]
    );
    let newer: Vec<String> = series_sessions(&s.db, &new_series)
        .await
        .into_iter()
        .map(|x| x.local_start)
        .collect();
    assert_eq!(
        newer,
        [
            "2026-12-16T11:00",
            "2026-12-23T11:00",
            "2026-12-30T11:00",
            "2027-01-06T11:00"
        ]
    );
    let rec = sessions::series_recurrence(&s.db, &old_series)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rec.until.as_deref(), Some("2026-12-14"));
}

#[tokio::test]
async fn cancel_one_following_or_all() {
    let s = studio("Europe/Berlin").await;
    let made = saved(
        sessions::create(
            &s.db,
            &SessionInput {
                recurrence: weekly(&[4], 5),
                ..input(&s, "2030-01-03T09:00", "2030-01-03T10:00")
            },
        )
        .await
        .unwrap(),
    );
    let series = made[0].series_id.clone().unwrap();
    assert_eq!(
        sessions::cancel(&s.db, &made[1].id, EditScope::One, true)
            .await
            .unwrap(),
        1
    );
    let one = sessions::get(&s.db, &made[1].id).await.unwrap();
    assert_eq!(
        (one.status, one.late_cancel),
        (SessionStatus::Cancelled, true)
    );
    assert_eq!(
        one.participants[0].attendance,
        spotter_core::schedule::Attendance::LateCancelled
    );
    assert_eq!(
        sessions::cancel(&s.db, &made[3].id, EditScope::Following, false)
            .await
            .unwrap(),
        2
    );
    let left: Vec<String> = series_sessions(&s.db, &series)
        .await
        .into_iter()
        .map(|x| x.local_start)
        .collect();
    assert_eq!(
        left,
        ["2030-01-03T09:00", "2030-01-10T09:00", "2030-01-17T09:00"]
    );
    // "All" removes every scheduled one still ahead (here: all but the cancelled one).
    assert_eq!(
        sessions::cancel(&s.db, &made[0].id, EditScope::All, false)
            .await
            .unwrap(),
        2
    );
    let left: Vec<SessionStatus> = series_sessions(&s.db, &series)
        .await
        .into_iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(left, [SessionStatus::Cancelled]);
}
