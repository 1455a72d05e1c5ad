//! The dashboard (today, the week, who needs attention), the local trainer made once, and
//! reminders due within the lead time.

use crate::{input, saved, studio};
use spotter_core::schedule::{
    dashboard, sessions, trainers, AttentionReason, DashboardQuery, SessionStatus,
};

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
