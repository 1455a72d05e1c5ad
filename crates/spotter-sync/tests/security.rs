//! Row-level security and roles, tried with raw SQL as each login (what a hostile or buggy
//! device could send): studios are sealed from each other, the front desk sees schedules and
//! contact details but no notes, intakes, measurements or logs, and a removed member's next
//! request is refused.

mod support;

use spotter_core::clients::{self, record, ClientInput};
use spotter_sync::device;
use spotter_sync::server::admin;
use support::*;

/// A second studio in the same database (a chain), with one trainer login.
fn second_studio(studio: &Studio) -> (uuid::Uuid, &'static str, &'static str) {
    let id = uuid::Uuid::now_v7();
    studio.superuser_sql(&format!(
        "INSERT INTO spotter.studios (id, name) VALUES ('{id}', 'Southside');
         CREATE ROLE eve LOGIN PASSWORD 'eve-secret-1' IN ROLE spotter_member;
         INSERT INTO spotter.members (login, studio_id, display_name, role) VALUES ('eve', '{id}', 'Eve', 'owner');"
    ));
    (id, "eve", "eve-secret-1")
}

#[tokio::test]
async fn a_trainer_of_one_studio_can_neither_read_nor_write_another() {
    let (studio, owner) = Studio::start(|db| async move {
        let anna = add_client(&db, "Anna Schmidt").await;
        record::add_note(&db, &anna, "Private note").await.unwrap();
    })
    .await;
    let (_other, login, password) = second_studio(&studio);
    let eve = studio.raw(login, password).await;
    for table in [
        "clients",
        "client_notes",
        "sessions",
        "trainers",
        "conflicts",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM spotter.{table}"))
            .fetch_one(&eve)
            .await
            .unwrap();
        assert_eq!(n, 0, "Eve sees no {table} of Northside");
    }
    let updated = sqlx::query("UPDATE spotter.clients SET name = 'Pwned'")
        .execute(&eve)
        .await
        .unwrap();
    assert_eq!(
        updated.rows_affected(),
        0,
        "no Northside row can be reached"
    );
    let northside: String =
        studio.superuser_sql("SELECT id FROM spotter.studios WHERE name = 'Northside Strength'");
    let err = sqlx::query(&format!(
        "INSERT INTO spotter.clients (studio_id, id, name, created_at, updated_at)
         VALUES ('{northside}', '{}', 'Planted', '2026-12-04T10:00:00.000Z', '2026-12-04T10:00:00.000Z')",
        uuid::Uuid::now_v7()
    ))
    .execute(&eve)
    .await
    .unwrap_err();
    assert!(err.to_string().contains("row-level security"), "{err}");
    // Identity comes from the login: a setting the client controls changes nothing.
    sqlx::query("SELECT set_config('spotter.device', 'anything', false)")
        .execute(&eve)
        .await
        .unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM spotter.clients")
        .fetch_one(&eve)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // And the owner's device is unaffected.
    assert_eq!(
        clients::list(&owner.db, &Default::default())
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_front_desk_sees_schedules_and_contacts_but_no_notes_intakes_or_logs() {
    let (studio, owner) = Studio::start(|db| async move {
        let anna = clients::create(
            &db,
            &ClientInput {
                name: "Anna Schmidt".into(),
                phone: Some("+49 170 1234567".into()),
                notes: "Private: anxious about the gym".into(),
                injuries: "Left knee".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        record::add_note(&db, &anna.id, "Knee surgery in 2024")
            .await
            .unwrap();
        let me = me(&db).await;
        book(&db, &me, &[anna.id], "2026-12-07T09:00", "2026-12-07T10:00")
            .await
            .unwrap();
    })
    .await;
    let desk = studio.member(&owner, "Front Desk", "front-desk").await;

    // On the desk's laptop: the client with her phone, the session; no notes, no injuries.
    let anna = &clients::list(&desk.db, &Default::default()).await.unwrap()[0];
    assert_eq!(anna.phone.as_deref(), Some("+49 170 1234567"));
    assert_eq!(anna.notes, "");
    assert_eq!(anna.injuries, "");
    let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM client_notes")
        .fetch_one(desk.db.pool())
        .await
        .unwrap();
    assert_eq!(notes, 0);
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(desk.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 1);

    // With raw SQL as the desk's login: the same.
    let raw = studio.raw(&desk.login, &desk.password).await;
    for table in [
        "client_notes",
        "parq_intakes",
        "measurements",
        "workout_logs",
        "workout_sets",
        "plans",
    ] {
        let err = sqlx::query(&format!("SELECT * FROM spotter.{table}"))
            .fetch_all(&raw)
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("permission denied"),
            "{table}: {err}"
        );
    }
    let err = sqlx::query("SELECT notes FROM spotter.clients")
        .fetch_all(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("permission denied"), "{err}");
    let phone: String = sqlx::query_scalar("SELECT phone FROM spotter.clients")
        .fetch_one(&raw)
        .await
        .unwrap();
    assert_eq!(phone, "+49 170 1234567");

    // The desk edits a phone number; it reaches the owner, who keeps the notes.
    let id = anna.id.clone();
    let mut edit = ClientInput {
        name: "Anna Schmidt".into(),
        phone: Some("+49 170 7654321".into()),
        ..Default::default()
    };
    edit.notes = String::new();
    clients::update(&desk.db, &id, &edit).await.unwrap();
    desk.sync().await;
    owner.sync().await;
    let on_owner = clients::get(&owner.db, &id).await.unwrap();
    assert_eq!(on_owner.phone.as_deref(), Some("+49 170 7654321"));
    assert_eq!(
        on_owner.notes, "Private: anxious about the gym",
        "the desk cannot blank what it cannot see"
    );
    converge(&[&owner, &desk]).await;
}

#[tokio::test]
async fn a_removed_trainers_next_request_is_refused() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    // Ben's connection is open; the owner removes him.
    let raw = studio.raw(&ben.login, &ben.password).await;
    admin::remove(&owner.server, &ben.login).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM spotter.clients")
        .fetch_one(&raw)
        .await
        .unwrap();
    assert_eq!(n, 0, "an open connection sees nothing any more");
    add_client(&ben.db, "Sneaky").await;
    let err = ben.try_sync().await.unwrap_err();
    assert_eq!(err.code, spotter_store::ErrorCode::Studio);
    assert!(
        err.message.contains("access to this studio has ended"),
        "{}",
        err.message
    );
    assert_eq!(
        studio.superuser_sql("SELECT count(*) FROM spotter.clients WHERE name = 'Sneaky'"),
        "0"
    );
    // A new connection is refused at login.
    let fresh = sqlx::PgPool::connect(&format!(
        "postgres://{}:{}@127.0.0.1:{}/{}",
        ben.login,
        ben.password,
        studio.pg.port(),
        studio.database
    ))
    .await;
    assert!(fresh.is_err());
    // The refused write is still on Ben's laptop, pending, not silently dropped.
    assert_eq!(device::pending_count(&ben.db).await.unwrap(), 1);
}

#[tokio::test]
async fn rows_that_leave_a_devices_scope_are_removed_from_it() {
    let (studio, owner) = Studio::start(|db| async move {
        let anna = add_client(&db, "Anna Schmidt").await;
        record::add_note(&db, &anna, "Private note").await.unwrap();
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM client_notes")
        .fetch_one(ben.db.pool())
        .await
        .unwrap();
    assert_eq!(notes, 1);
    // Ben moves to the front desk.
    studio.superuser_sql(&format!(
        "UPDATE spotter.members SET role = 'front_desk' WHERE login = '{0}';
         REVOKE spotter_member FROM {0}; GRANT spotter_front_desk TO {0};",
        ben.login
    ));
    let ben = Device {
        server: spotter_sync::server::Server::connect(
            &studio.address_for(&ben.login),
            &spotter_sync::credentials::Password::new(ben.password.clone()),
        )
        .await
        .unwrap(),
        ..ben
    };
    ben.sync().await;
    let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM client_notes")
        .fetch_one(ben.db.pool())
        .await
        .unwrap();
    assert_eq!(notes, 0, "notes left the laptop");
    converge(&[&owner, &ben]).await;

    // Back to trainer: the notes come back, from the start of the studio's history.
    studio.superuser_sql(&format!(
        "UPDATE spotter.members SET role = 'trainer' WHERE login = '{0}';
         REVOKE spotter_front_desk FROM {0}; GRANT spotter_member TO {0};",
        ben.login
    ));
    ben.sync().await;
    let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM client_notes")
        .fetch_one(ben.db.pool())
        .await
        .unwrap();
    assert_eq!(notes, 1, "the notes are back");
    converge(&[&owner, &ben]).await;
}
