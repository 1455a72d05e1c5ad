//! The demo's schedule: trainers, rooms and recurring series around today in this computer's
//! zone, with past occurrences completed (one no-show).

use spotter_store::{Database, Result};

/// Demo trainers, rooms and recurring series around today, in this computer's zone:
/// past occurrences are completed (one no-show), so the dashboard and calendar look lived in.
pub(super) async fn seed_demo_schedule(db: &Database) -> Result<(u64, u64)> {
    use crate::schedule::zoned::{local_of, system_zone};
    use crate::schedule::{
        sessions, trainers, Recurrence, RoomInput, SaveOutcome, SessionInput, SessionKind,
        SessionStatus, TrainerInput,
    };
    use chrono::{Datelike, Duration, Utc};

    let zone = system_zone();
    let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Tz::UTC);
    let me = trainers::me(db).await?;
    let me = trainers::update(
        db,
        &me.id,
        &TrainerInput {
            name: "Alex Morgan".into(),
            email: Some("alex@spotter-demo.example".into()),
            color: None,
            time_zone: zone.clone(),
            working_hours: trainers::default_hours(),
        },
    )
    .await?;
    let sam = trainers::create(
        db,
        &TrainerInput {
            name: "Sam Rivera".into(),
            email: None,
            color: None,
            time_zone: zone.clone(),
            working_hours: trainers::default_hours(),
        },
    )
    .await?;
    let studio = trainers::create_room(
        db,
        &RoomInput {
            name: "Studio 1".into(),
            capacity: Some(8),
        },
    )
    .await?;
    trainers::create_room(
        db,
        &RoomInput {
            name: "Studio 2".into(),
            capacity: Some(2),
        },
    )
    .await?;
    trainers::create_room(
        db,
        &RoomInput {
            name: "Outdoor track".into(),
            capacity: None,
        },
    )
    .await?;

    let clients: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM clients WHERE deleted_at IS NULL ORDER BY local_key")
            .fetch_all(db.pool())
            .await?;
    let id = |i: usize| clients[i % clients.len()].0.clone();
    let today = local_of(Utc::now(), tz).date();
    let monday = today
        - Duration::days(i64::from(today.weekday().num_days_from_monday()))
        - Duration::days(14);
    let day = |offset: i64| monday + Duration::days(offset);

    // (trainer, client index, first day offset from two Mondays ago, weekdays, hour, minutes)
    let plan: [(&str, usize, i64, &[u8], u32, i64); 9] = [
        (&me.id, 0, 0, &[1, 3], 7, 60),
        (&me.id, 1, 1, &[2], 9, 60),
        (&me.id, 2, 0, &[1, 4], 10, 60),
        (&me.id, 3, 2, &[3], 12, 45),
        (&me.id, 4, 1, &[2, 5], 16, 60),
        (&me.id, 6, 3, &[4], 18, 60),
        (&sam.id, 7, 0, &[1], 8, 60),
        (&sam.id, 8, 2, &[3, 5], 17, 60),
        (&sam.id, 9, 1, &[2], 19, 60),
    ];
    let mut made = Vec::new();
    for (trainer, client, offset, days, hour, minutes) in plan {
        let first = day(offset).and_hms_opt(hour, 0, 0).unwrap_or_default();
        let input = SessionInput {
            trainer_id: trainer.to_owned(),
            client_ids: vec![id(client)],
            kind: SessionKind::Personal,
            time_zone: zone.clone(),
            start: crate::schedule::zoned::fmt_local(first),
            end: crate::schedule::zoned::fmt_local(first + Duration::minutes(minutes)),
            recurrence: Some(Recurrence {
                weekdays: days.to_vec(),
                interval_weeks: 1,
                until: None,
                count: Some(10 * days.len() as u32),
            }),
            override_conflicts: true,
            ..Default::default()
        };
        if let SaveOutcome::Saved { sessions, .. } = sessions::create(db, &input).await? {
            made.extend(sessions);
        }
    }
    // A small-group class twice a week in Studio 1.
    let class_start = day(1).and_hms_opt(12, 30, 0).unwrap_or_default();
    let class = SessionInput {
        trainer_id: me.id.clone(),
        client_ids: (10..15).map(id).collect(),
        room_id: Some(studio.id.clone()),
        kind: SessionKind::SmallGroup,
        title: "Lunchtime mobility".into(),
        capacity: Some(8),
        time_zone: zone.clone(),
        start: crate::schedule::zoned::fmt_local(class_start),
        end: crate::schedule::zoned::fmt_local(class_start + Duration::minutes(45)),
        recurrence: Some(Recurrence {
            weekdays: vec![2, 4],
            interval_weeks: 1,
            until: None,
            count: Some(16),
        }),
        override_conflicts: true,
        ..Default::default()
    };
    if let SaveOutcome::Saved { sessions, .. } = sessions::create(db, &class).await? {
        made.extend(sessions);
    }
    // History: everything that has ended is completed, except one no-show.
    let now = Utc::now();
    let mut past: Vec<&crate::schedule::Session> = made
        .iter()
        .filter(|s| crate::schedule::zoned::parse_utc("end", &s.end).is_ok_and(|e| e < now))
        .collect();
    past.sort_by(|a, b| a.start.cmp(&b.start));
    for (i, s) in past.iter().enumerate() {
        let status = if i == 3 {
            SessionStatus::NoShow
        } else {
            SessionStatus::Completed
        };
        sessions::set_status(db, &s.id, status, false).await?;
    }
    Ok((2, made.len() as u64))
}
