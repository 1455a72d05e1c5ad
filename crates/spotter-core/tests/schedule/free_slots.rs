//! Finding free time: the next free slot around busy time and working hours, and the
//! requested time first with alternatives.

use crate::{hours, input, saved, studio};
use spotter_core::schedule::{
    free_slot, sessions, trainers, FreeSlotQuery, SessionInput, TrainerInput,
};

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
