//! Conflicts: every kind reported with what it collides with.

use crate::{conflicts, hours, input, saved, studio};
use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{
    sessions, trainers, ConflictKind, RoomInput, SaveOutcome, SessionInput, SessionKind,
    SessionStatus, TrainerInput,
};

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
