//! Sessions, series, conflicts, free slots and the dashboard against real SQLite files.

use spotter_core::clients::{self, ClientInput};
use spotter_core::paths::DataDir;
use spotter_core::schedule::{
    dashboard, free_slot, sessions, trainers, AttentionReason, CalendarQuery, ConflictKind,
    DashboardQuery, EditScope, FreeSlotQuery, Recurrence, RoomInput, SaveOutcome, Session,
    SessionInput, SessionKind, SessionStatus, Trainer, TrainerInput, WorkingHours,
};
use spotter_core::{Database, ErrorCode};

struct Studio {
    _dir: tempfile::TempDir,
    db: Database,
    anna: Trainer,
    client: String,
    other_client: String,
}

fn hours(start: &str, end: &str) -> Vec<WorkingHours> {
    (1..=7)
        .map(|d| WorkingHours {
            weekday: d,
            start: start.into(),
            end: end.into(),
        })
        .collect()
}

async fn studio(zone: &str) -> Studio {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Database::open(&DataDir::new(dir.path()))
        .await
        .expect("open");
    let anna = trainers::create(
        &db,
        &TrainerInput {
            name: "Anna Coach".into(),
            time_zone: zone.into(),
            working_hours: hours("07:00", "21:00"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let client = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let other_client = clients::create(
        &db,
        &ClientInput {
            name: "José Núñez".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    Studio {
        _dir: dir,
        db,
        anna,
        client,
        other_client,
    }
}

fn input(s: &Studio, start: &str, end: &str) -> SessionInput {
    SessionInput {
        trainer_id: s.anna.id.clone(),
        client_ids: vec![s.client.clone()],
        kind: SessionKind::Personal,
        time_zone: s.anna.time_zone.clone(),
        start: start.into(),
        end: end.into(),
        ..Default::default()
    }
}

fn saved(outcome: SaveOutcome) -> Vec<Session> {
    match outcome {
        SaveOutcome::Saved { sessions, .. } => sessions,
        SaveOutcome::Conflicts { conflicts } => panic!("unexpected conflicts: {conflicts:#?}"),
    }
}

fn conflicts(outcome: SaveOutcome) -> Vec<spotter_core::schedule::Conflict> {
    match outcome {
        SaveOutcome::Conflicts { conflicts } => conflicts,
        SaveOutcome::Saved { .. } => panic!("expected conflicts, it saved"),
    }
}

fn weekly(days: &[u8], count: u32) -> Option<Recurrence> {
    Some(Recurrence {
        weekdays: days.to_vec(),
        interval_weeks: 1,
        until: None,
        count: Some(count),
    })
}

async fn series_sessions(db: &Database, series_id: &str) -> Vec<Session> {
    let all = sessions::range(
        db,
        &CalendarQuery {
            from: "2020-01-01T00:00:00Z".into(),
            to: "2020-12-31T00:00:00Z".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(all.is_empty());
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE series_id = ? AND deleted_at IS NULL ORDER BY start_utc",
    )
    .bind(series_id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    sessions::get_many(db, &ids).await.unwrap()
}

#[tokio::test]
async fn a_session_is_stored_in_utc_with_its_zone() {
    let s = studio("America/New_York").await;
    let made = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T18:00", "2026-11-24T19:00"))
            .await
            .unwrap(),
    );
    let one = &made[0];
    assert_eq!(
        (one.start.as_str(), one.end.as_str()),
        ("2026-11-24T23:00:00Z", "2026-11-25T00:00:00Z")
    );
    assert_eq!(
        (one.local_start.as_str(), one.time_zone.as_str()),
        ("2026-11-24T18:00", "America/New_York")
    );
    assert_eq!(one.label, "Greta Weiß");
    assert_eq!(one.status, SessionStatus::Scheduled);
    let again = sessions::get(&s.db, &one.id).await.unwrap();
    assert_eq!(&again, one);
}

#[tokio::test]
async fn bad_times_are_refused_at_their_field_and_nothing_is_written() {
    let s = studio("Europe/Berlin").await;
    let cases = [
        (input(&s, "2026-11-24T18:00", "2026-11-24T17:00"), "end"),
        (input(&s, "2026-11-24T18:00", "2026-11-24T18:00"), "end"),
        (input(&s, "2026-11-24T18:00", "2026-11-26T18:00"), "end"),
        (input(&s, "2026-11-24 18h", "2026-11-24T19:00"), "start"),
        (
            SessionInput {
                time_zone: "Europe/Atlantis".into(),
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "timeZone",
        ),
        (input(&s, "2026-03-29T02:30", "2026-03-29T03:30"), "start"),
        (
            SessionInput {
                notes: "x".repeat(20_001),
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "notes",
        ),
        (
            SessionInput {
                client_ids: vec![],
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "clientIds",
        ),
        (
            SessionInput {
                client_ids: vec!["nope".into()],
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "clientIds.0",
        ),
        (
            SessionInput {
                trainer_id: String::new(),
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "trainerId",
        ),
        (
            SessionInput {
                recurrence: Some(Recurrence {
                    weekdays: vec![2],
                    interval_weeks: 1,
                    until: None,
                    count: Some(9_999),
                }),
                ..input(&s, "2026-11-24T18:00", "2026-11-24T19:00")
            },
            "recurrence.count",
        ),
    ];
    for (bad, field) in cases {
        let err = sessions::create(&s.db, &bad).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation, "{field}: {err:?}");
        assert_eq!(err.field.as_deref(), Some(field), "{}", err.message);
    }
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    let series: i64 = sqlx::query_scalar("SELECT count(*) FROM series")
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert_eq!((rows, series), (0, 0));
}

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
async fn every_conflict_kind_is_reported_with_what_it_collides_with() {
    let s = studio("Europe/Berlin").await;
    let first = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T18:00", "2026-11-24T19:00"))
            .await
            .unwrap(),
    );

    // Trainer double-booked (another client, same trainer).
    let other = SessionInput {
        client_ids: vec![s.other_client.clone()],
        ..input(&s, "2026-11-24T18:30", "2026-11-24T19:30")
    };
    let found = conflicts(sessions::create(&s.db, &other).await.unwrap());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, ConflictKind::TrainerBusy);
    assert_eq!(
        found[0].with_session_id.as_deref(),
        Some(first[0].id.as_str())
    );
    assert!(
        found[0].message.contains("Anna Coach") && found[0].message.contains("18:00–19:00"),
        "{}",
        found[0].message
    );

    // Client double-booked with another trainer.
    let bob = trainers::create(
        &s.db,
        &TrainerInput {
            name: "Bob".into(),
            time_zone: "Europe/Berlin".into(),
            working_hours: hours("06:00", "22:00"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let with_bob = SessionInput {
        trainer_id: bob.id.clone(),
        ..input(&s, "2026-11-24T18:45", "2026-11-24T19:15")
    };
    let found = conflicts(sessions::create(&s.db, &with_bob).await.unwrap());
    assert_eq!(
        found.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ConflictKind::ClientBusy]
    );
    assert_eq!(found[0].client_id.as_deref(), Some(s.client.as_str()));
    assert!(
        found[0].message.contains("Greta Weiß"),
        "{}",
        found[0].message
    );

    // Outside working hours (Anna works 07:00–21:00).
    let late = input(&s, "2026-11-25T20:30", "2026-11-25T21:30");
    let found = conflicts(sessions::create(&s.db, &late).await.unwrap());
    assert_eq!(
        found.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ConflictKind::OutsideWorkingHours]
    );
    assert!(
        found[0].message.contains("07:00–21:00"),
        "{}",
        found[0].message
    );

    // A room over capacity.
    let room = trainers::create_room(
        &s.db,
        &RoomInput {
            name: "Studio 1".into(),
            capacity: Some(2),
        },
    )
    .await
    .unwrap();
    let class = SessionInput {
        kind: SessionKind::SmallGroup,
        client_ids: vec![s.client.clone(), s.other_client.clone()],
        room_id: Some(room.id.clone()),
        capacity: Some(4),
        ..input(&s, "2026-11-26T10:00", "2026-11-26T11:00")
    };
    saved(sessions::create(&s.db, &class).await.unwrap());
    let third = clients::create(
        &s.db,
        &ClientInput {
            name: "Li Na".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let in_room = SessionInput {
        trainer_id: bob.id.clone(),
        client_ids: vec![third.clone()],
        room_id: Some(room.id.clone()),
        ..input(&s, "2026-11-26T10:30", "2026-11-26T11:30")
    };
    let found = conflicts(sessions::create(&s.db, &in_room).await.unwrap());
    assert_eq!(
        found.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ConflictKind::RoomFull]
    );
    assert!(
        found[0].message.contains("Studio 1 holds 2"),
        "{}",
        found[0].message
    );

    // A group over its own capacity.
    let crowded = SessionInput {
        kind: SessionKind::SmallGroup,
        client_ids: vec![s.client.clone(), s.other_client.clone(), third],
        capacity: Some(2),
        ..input(&s, "2026-11-27T10:00", "2026-11-27T11:00")
    };
    let found = conflicts(sessions::create(&s.db, &crowded).await.unwrap());
    assert_eq!(
        found.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ConflictKind::OverCapacity]
    );

    // Overriding saves, and says how many were overridden.
    let forced = SessionInput {
        override_conflicts: true,
        ..other
    };
    match sessions::create(&s.db, &forced).await.unwrap() {
        SaveOutcome::Saved {
            sessions,
            conflicts_overridden,
        } => assert_eq!((sessions.len(), conflicts_overridden), (1, 1)),
        other => panic!("{other:?}"),
    }
    // Cancelled sessions do not block.
    sessions::set_status(&s.db, &first[0].id, SessionStatus::Cancelled, true)
        .await
        .unwrap();
    assert_eq!(
        saved(sessions::create(&s.db, &with_bob).await.unwrap()).len(),
        1
    );
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

#[tokio::test]
async fn completing_marks_attendance_and_undo_restores_it() {
    let s = studio("Europe/Berlin").await;
    let made = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap(),
    );
    let done = sessions::set_status(&s.db, &made[0].id, SessionStatus::Completed, false)
        .await
        .unwrap();
    assert_eq!(
        done.participants[0].attendance,
        spotter_core::schedule::Attendance::Attended
    );
    let back = sessions::set_status(&s.db, &made[0].id, SessionStatus::Scheduled, false)
        .await
        .unwrap();
    assert_eq!(
        back.participants[0].attendance,
        spotter_core::schedule::Attendance::Expected
    );
    let gone = sessions::delete(&s.db, &made[0].id).await.unwrap();
    assert_eq!(
        sessions::get(&s.db, &gone.id).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    let tomb: Option<String> = sqlx::query_scalar("SELECT deleted_at FROM sessions WHERE id = ?")
        .bind(&gone.id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert!(tomb.is_some());
    sessions::restore(&s.db, &gone.id).await.unwrap();
}

#[tokio::test]
async fn next_free_slot_skips_busy_time_and_respects_working_hours() {
    let s = studio("Europe/Berlin").await;
    // Anna works 07:00–21:00; she is booked 07:00–09:00 on Tuesday and José 09:00–10:00.
    saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T07:00", "2026-11-24T09:00"))
            .await
            .unwrap(),
    );
    let bob = trainers::create(
        &s.db,
        &TrainerInput {
            name: "Bob".into(),
            time_zone: "Europe/Berlin".into(),
            working_hours: hours("06:00", "22:00"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    saved(
        sessions::create(
            &s.db,
            &SessionInput {
                trainer_id: bob.id,
                client_ids: vec![s.other_client.clone()],
                ..input(&s, "2026-11-24T09:00", "2026-11-24T10:00")
            },
        )
        .await
        .unwrap(),
    );
    let q = FreeSlotQuery {
        trainer_id: s.anna.id.clone(),
        client_ids: vec![s.other_client.clone()],
        duration_minutes: 60,
        after: "2026-11-24T05:50:00Z".into(), // 06:50 in Berlin
        ..Default::default()
    };
    let slot = free_slot::find(&s.db, &q).await.unwrap().unwrap();
    assert_eq!(
        (slot.local_start.as_str(), slot.local_end.as_str()),
        ("2026-11-24T10:00", "2026-11-24T11:00")
    );
    // Late in the evening the next slot is the next morning at opening time.
    let q = FreeSlotQuery {
        after: "2026-11-24T19:40:00Z".into(),
        ..q
    };
    let slot = free_slot::find(&s.db, &q).await.unwrap().unwrap();
    assert_eq!(slot.local_start, "2026-11-25T07:00");
}

#[tokio::test]
async fn dashboard_shows_today_the_week_and_who_needs_attention() {
    let s = studio("Europe/Berlin").await;
    let today = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap(),
    );
    saved(
        sessions::create(&s.db, &input(&s, "2026-11-26T09:00", "2026-11-26T10:00"))
            .await
            .unwrap(),
    );
    let d = dashboard(
        &s.db,
        &DashboardQuery {
            time_zone: "Europe/Berlin".into(),
            now: Some("2026-11-24T07:00:00Z".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        d.today.iter().map(|x| &x.id).collect::<Vec<_>>(),
        [&today[0].id]
    );
    assert_eq!(d.week_ahead.len(), 1);
    // José has no session at all: quiet. Greta has sessions booked: not quiet.
    let quiet: Vec<&str> = d
        .attention
        .iter()
        .filter(|a| a.reason == AttentionReason::Quiet)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(quiet, ["José Núñez"]);
}

#[tokio::test]
async fn the_local_trainer_is_created_once() {
    let s = studio("UTC").await;
    let me = trainers::me(&s.db).await.unwrap();
    assert!(me.is_me);
    assert_eq!(trainers::me(&s.db).await.unwrap().id, me.id);
    assert_eq!(trainers::list(&s.db).await.unwrap()[0].id, me.id);
}

#[tokio::test]
async fn reminders_are_due_within_the_lead_time_for_scheduled_sessions_only() {
    use spotter_core::schedule::reminders;
    let s = studio("Europe/Berlin").await;
    let soon = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T10:00", "2026-11-24T11:00"))
            .await
            .unwrap(),
    );
    let later = saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T12:00", "2026-11-24T13:00"))
            .await
            .unwrap(),
    );
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T08:50:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc); // 09:50 Berlin
    let due = reminders::due(&s.db, now, 15, &s.anna.id).await.unwrap();
    assert_eq!(
        due.iter()
            .map(|r| r.session_id.as_str())
            .collect::<Vec<_>>(),
        [soon[0].id.as_str()]
    );
    assert_eq!(due[0].title, "Greta Weiß in 10 min");
    assert_eq!(due[0].body, "10:00–11:00");
    // A cancelled session is not announced; the later one is not due yet.
    sessions::set_status(&s.db, &soon[0].id, SessionStatus::Cancelled, false)
        .await
        .unwrap();
    assert!(reminders::due(&s.db, now, 15, &s.anna.id)
        .await
        .unwrap()
        .is_empty());
    assert!(reminders::due(&s.db, now, 15, &s.anna.id)
        .await
        .unwrap()
        .iter()
        .all(|r| r.session_id != later[0].id));
}

#[tokio::test]
async fn the_calendar_rows_decode_as_entries_with_a_label_for_every_session() {
    let s = studio("Europe/Berlin").await;
    saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap(),
    );
    let class = SessionInput {
        kind: SessionKind::Class,
        client_ids: vec![],
        ..input(&s, "2026-11-24T12:00", "2026-11-24T13:00")
    };
    saved(sessions::create(&s.db, &class).await.unwrap());
    let q = CalendarQuery {
        from: "2026-11-24T00:00:00Z".into(),
        to: "2026-11-25T00:00:00Z".into(),
        ..Default::default()
    };
    let entries = sessions::range(&s.db, &q).await.unwrap();
    let labels: Vec<(&str, SessionKind)> =
        entries.iter().map(|e| (e.label.as_str(), e.kind)).collect();
    assert_eq!(
        labels,
        [
            ("Greta Weiß", SessionKind::Personal),
            ("Class", SessionKind::Class)
        ]
    );
    assert_eq!(entries[0].time_zone, "Europe/Berlin");
    // Renaming the client renames the session's label.
    let greta = clients::get(&s.db, &s.client).await.unwrap();
    clients::update(
        &s.db,
        &greta.id,
        &ClientInput {
            name: "Greta Weiss".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        sessions::range(&s.db, &q).await.unwrap()[0].label,
        "Greta Weiss"
    );
}

#[tokio::test]
async fn the_calendar_flags_sessions_whose_client_needs_medical_clearance() {
    use spotter_core::clients::record::{self, ParqInput};
    let s = studio("Europe/Berlin").await;
    saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap(),
    );
    let q = CalendarQuery {
        from: "2026-11-24T00:00:00Z".into(),
        to: "2026-11-25T00:00:00Z".into(),
        ..Default::default()
    };
    assert!(!sessions::range(&s.db, &q).await.unwrap()[0].needs_clearance);
    let yes = ParqInput {
        answered_on: "2026-11-20".into(),
        answers: (0..7).map(|i| Some(i == 2)).collect(),
        notes: String::new(),
    };
    record::record_intake(&s.db, &s.client, &yes).await.unwrap();
    assert!(sessions::range(&s.db, &q).await.unwrap()[0].needs_clearance);
    record::set_clearance(&s.db, &s.client, Some("2026-11-21"))
        .await
        .unwrap();
    assert!(!sessions::range(&s.db, &q).await.unwrap()[0].needs_clearance);
}

#[tokio::test]
async fn free_slots_start_at_the_requested_time_same_day_first_with_three_alternatives() {
    let s = studio("Europe/Berlin").await;
    // Thursday 10 June 2027: the client's session at 17:00, José's at 18:00 with Anna.
    let thursday = saved(
        sessions::create(&s.db, &input(&s, "2027-06-10T17:00", "2027-06-10T18:00"))
            .await
            .unwrap(),
    );
    saved(
        sessions::create(
            &s.db,
            &SessionInput {
                client_ids: vec![s.other_client.clone()],
                ..input(&s, "2027-06-10T18:00", "2027-06-10T19:00")
            },
        )
        .await
        .unwrap(),
    );
    // Moving 17:00 to 18:00 collides; the search starts at 18:00 that Thursday (16:00 UTC).
    let q = FreeSlotQuery {
        trainer_id: s.anna.id.clone(),
        client_ids: vec![s.client.clone()],
        duration_minutes: 60,
        after: "2027-06-10T16:00:00Z".into(),
        ignore_session_id: Some(thursday[0].id.clone()),
        ..Default::default()
    };
    let now = chrono::DateTime::parse_from_rfc3339("2027-06-03T08:00:00Z")
        .unwrap()
        .to_utc();
    let slots = free_slot::find_several(&s.db, &q, now).await.unwrap();
    let starts: Vec<&str> = slots.iter().map(|s| s.local_start.as_str()).collect();
    assert_eq!(
        starts,
        ["2027-06-10T19:00", "2027-06-10T20:00", "2027-06-11T07:00"],
        "same day first, then the next morning; each a different hour"
    );
    // Asked again, the same answer (nothing moved), and more on request.
    let more = free_slot::find_several(
        &s.db,
        &FreeSlotQuery {
            after: slots[2].end.clone(),
            count: Some(2),
            ..q.clone()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(more[0].local_start, "2027-06-11T08:00");
    assert_eq!(more.len(), 2);

    // Never in the past: a requested time before now starts from now (rounded to the quarter).
    let later_now = chrono::DateTime::parse_from_rfc3339("2027-06-10T17:05:00Z")
        .unwrap()
        .to_utc();
    let slots = free_slot::find_several(&s.db, &q, later_now).await.unwrap();
    assert_eq!(slots[0].local_start, "2027-06-10T19:15");
    assert!(slots
        .iter()
        .all(|slot| slot.start.as_str() >= "2027-06-10T17:05:00Z"));

    let err = free_slot::find_several(
        &s.db,
        &FreeSlotQuery {
            count: Some(0),
            ..q
        },
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("count"));
}

#[tokio::test]
async fn group_sessions_carry_their_capacity_and_how_many_are_booked() {
    let s = studio("Europe/Berlin").await;
    let third = clients::create(
        &s.db,
        &ClientInput {
            name: "Kim Lee".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    saved(
        sessions::create(&s.db, &input(&s, "2026-11-24T09:00", "2026-11-24T10:00"))
            .await
            .unwrap(),
    );
    let class = SessionInput {
        kind: SessionKind::Class,
        title: "Morning HIIT".into(),
        capacity: Some(4),
        client_ids: vec![s.client.clone(), s.other_client.clone(), third],
        ..input(&s, "2026-11-24T12:00", "2026-11-24T13:00")
    };
    saved(sessions::create(&s.db, &class).await.unwrap());
    let q = CalendarQuery {
        from: "2026-11-24T00:00:00Z".into(),
        to: "2026-11-25T00:00:00Z".into(),
        ..Default::default()
    };
    let entries = sessions::range(&s.db, &q).await.unwrap();
    let fill: Vec<(&str, Option<u32>, Option<u32>)> = entries
        .iter()
        .map(|e| (e.label.as_str(), e.capacity, e.booked))
        .collect();
    assert_eq!(
        fill,
        [
            ("Greta Weiß", None, None),
            ("Morning HIIT", Some(4), Some(3))
        ]
    );
    // A cancelled place is free again.
    sqlx::query("UPDATE session_participants SET attendance = 'cancelled' WHERE client_id = ?")
        .bind(&s.other_client)
        .execute(s.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions::range(&s.db, &q).await.unwrap()[1].booked, Some(2));

    // The month's scan still reads the covering index alone; only group rows look further.
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(&format!(
        "EXPLAIN QUERY PLAN {}",
        sessions::range_sql(0, 0, false)
    ))
    .bind("2026-11-23T12:00:00Z")
    .bind("2026-11-25T00:00:00Z")
    .bind("2026-11-24T00:00:00Z")
    .bind(100_000_i64)
    .fetch_all(s.db.pool())
    .await
    .unwrap();
    let details: Vec<&str> = plan.iter().map(|r| r.3.as_str()).collect();
    assert!(
        details
            .iter()
            .any(|d| d.contains("USING COVERING INDEX sessions_calendar_idx")),
        "{details:#?}"
    );
}
