//! One session: stored in UTC with its zone, bad times refused at their field with nothing
//! written, completing with attendance and its undo.

use crate::{input, saved, studio};
use spotter_core::schedule::{sessions, Recurrence, SessionInput, SessionStatus};
use spotter_store::ErrorCode;

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
