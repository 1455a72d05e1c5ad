//! The calendar's rows: entries with a label for every session, the medical-clearance flag,
//! group sessions with their capacity and bookings.

use crate::{input, saved, studio};
use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{sessions, CalendarQuery, SessionInput, SessionKind};

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
