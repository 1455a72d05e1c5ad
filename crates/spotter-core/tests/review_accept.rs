//! Accepting a review item is one immediate transaction that claims the item first: a
//! double accept (two clicks, two windows) books once and decides the item once, and a
//! booking that fails leaves the item open.

use spotter_core::ai::executions;
use spotter_core::ai::review::{self, NewReviewItem, ReviewKind, ReviewStatus};
use spotter_core::ai::TaskType;
use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{
    sessions, trainers, SessionInput, SessionKind, TrainerInput, WorkingHours,
};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

struct Setup {
    _dir: tempfile::TempDir,
    db: Database,
    booking: SessionInput,
}

async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let anna = trainers::create(
        &db,
        &TrainerInput {
            name: "Anna Coach".into(),
            time_zone: "Europe/Berlin".into(),
            working_hours: (1..=7)
                .map(|d| WorkingHours {
                    weekday: d,
                    start: "07:00".into(),
                    end: "21:00".into(),
                })
                .collect(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let greta = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let booking = SessionInput {
        trainer_id: anna.id.clone(),
        client_ids: vec![greta],
        kind: SessionKind::Personal,
        time_zone: "Europe/Berlin".into(),
        start: "2031-03-04T10:00".into(),
        end: "2031-03-04T11:00".into(),
        ..Default::default()
    };
    Setup {
        _dir: dir,
        db,
        booking,
    }
}

async fn booking_item(s: &Setup) -> String {
    booking_item_for(s, &s.booking).await
}

async fn booking_item_for(s: &Setup, booking: &SessionInput) -> String {
    let exec = executions::start(&s.db, TaskType::Scheduling, None, None, "fp")
        .await
        .unwrap();
    let items = review::add(
        &s.db,
        &exec,
        TaskType::Scheduling,
        &[NewReviewItem {
            client_id: booking.client_ids.first().cloned(),
            kind: ReviewKind::Suggestion,
            title: "Book Tuesday 10:00".into(),
            body: "Tuesday mornings suit her.".into(),
            evidence: vec![],
            from_model: false,
            action: None,
            booking: Some(booking.clone()),
        }],
    )
    .await
    .unwrap();
    items[0].id.clone()
}

async fn sessions_booked(s: &Setup) -> usize {
    let client = &s.booking.client_ids[0];
    sessions::for_client(&s.db, client, 100)
        .await
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_accept_books_once_and_decides_once() {
    let s = setup().await;
    // Several rounds, each with two accepts racing on their own tasks.
    for round in 0..12 {
        let booking = SessionInput {
            start: format!("2031-03-{:02}T10:00", round + 3),
            end: format!("2031-03-{:02}T11:00", round + 3),
            ..s.booking.clone()
        };
        let id = booking_item_for(&s, &booking).await;
        let (db1, db2, id1, id2) = (s.db.clone(), s.db.clone(), id.clone(), id.clone());
        let a = tokio::spawn(async move { review::accept(&db1, &id1, None).await });
        let b = tokio::spawn(async move { review::accept(&db2, &id2, None).await });
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        let oks = [&a, &b].iter().filter(|r| r.is_ok()).count();
        assert_eq!(oks, 1, "exactly one accept wins: {a:?} / {b:?}");
        let loser = if a.is_ok() { b } else { a }.unwrap_err();
        assert_eq!(loser.code, ErrorCode::Validation, "{loser:?}");
        assert!(loser.message.contains("already"), "{}", loser.message);
        assert_eq!(
            sessions_booked(&s).await,
            round + 1,
            "booked once in round {round}"
        );
        let item = review::get(&s.db, &id).await.unwrap();
        assert_eq!(item.status, ReviewStatus::Accepted);
        assert!(
            item.result
                .as_deref()
                .is_some_and(|r| r.starts_with("session booked")),
            "{:?}",
            item.result
        );
    }
}

#[tokio::test]
async fn accepting_twice_in_a_row_books_once() {
    let s = setup().await;
    let id = booking_item(&s).await;
    review::accept(&s.db, &id, None).await.unwrap();
    let again = review::accept(&s.db, &id, None).await.unwrap_err();
    assert!(
        again.message.contains("already accepted"),
        "{}",
        again.message
    );
    assert_eq!(sessions_booked(&s).await, 1);
}

#[tokio::test]
async fn a_booking_that_fails_leaves_the_item_open_and_books_nothing() {
    let s = setup().await;
    let first = booking_item(&s).await;
    let second = booking_item(&s).await;
    review::accept(&s.db, &first, None).await.unwrap();
    // The same slot again: the conflict check (inside the transaction) refuses it.
    let err = review::accept(&s.db, &second, None).await.unwrap_err();
    assert!(err.message.contains("no longer free"), "{}", err.message);
    assert_eq!(
        review::get(&s.db, &second).await.unwrap().status,
        ReviewStatus::Open,
        "the claim is rolled back with the booking"
    );
    assert_eq!(sessions_booked(&s).await, 1);
}
