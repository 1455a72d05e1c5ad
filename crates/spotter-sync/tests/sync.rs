//! The sync engine against a real PostgreSQL started by the test: capture, push, pull,
//! per-column merge, conflicts, the overlap rule on the server, exactly-once replays.

mod support;

use serde_json::json;
use spotter_core::clients::{self, record};
use spotter_core::schedule::{sessions, SaveOutcome};
use spotter_sync::device;
use spotter_sync::server::push::{self, Mutation};
use support::*;

#[tokio::test]
async fn a_studio_starts_from_the_owners_data_and_a_trainer_joins_it() {
    let (studio, owner) = Studio::start(|db| async move {
        let anna = add_client(&db, "Anna Schmidt").await;
        record::add_note(&db, &anna, "Knee surgery in 2024")
            .await
            .unwrap();
        let me = me(&db).await;
        book(&db, &me, &[anna], "2026-12-07T09:00", "2026-12-07T10:00")
            .await
            .unwrap();
    })
    .await;
    assert_eq!(
        device::pending_count(&owner.db).await.unwrap(),
        0,
        "the initial upload went out"
    );

    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let list = clients::list(&ben.db, &Default::default()).await.unwrap();
    assert_eq!(
        list.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Anna Schmidt"]
    );
    // The trainer's own row is "me" on his laptop, the owner's is not.
    let me_on_ben = spotter_core::schedule::trainers::me(&ben.db).await.unwrap();
    assert_eq!(me_on_ben.name, "Ben Okafor");
    // Derived columns are rebuilt locally: the session shows its participant.
    let label: String = sqlx::query_scalar("SELECT participant_names FROM sessions")
        .fetch_one(ben.db.pool())
        .await
        .unwrap();
    assert_eq!(label, "Anna Schmidt");
    converge(&[&owner, &ben]).await;
}

#[tokio::test]
async fn pulled_rows_are_not_captured_again() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    add_client(&owner.db, "Carla Diaz").await;
    owner.sync().await;
    let report = ben.sync().await;
    assert!(report.pulled >= 1);
    assert_eq!(
        device::pending_count(&ben.db).await.unwrap(),
        0,
        "no echo of what was pulled"
    );
}

#[tokio::test]
async fn edits_of_different_columns_merge_and_the_same_column_keeps_the_loser() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let id = clients::list(&owner.db, &Default::default()).await.unwrap()[0]
        .id
        .clone();

    // Offline, both edit Anna: the owner her email and phone, Ben her phone and goals.
    let mut a = client("Anna Schmidt");
    a.email = Some("anna@example.com".into());
    a.phone = Some("+49 170 1111111".into());
    clients::update(&owner.db, &id, &a).await.unwrap();
    let mut b = client("Anna Schmidt");
    b.phone = Some("+49 170 2222222".into());
    b.goals = "Deadlift 100 kg".into();
    clients::update(&ben.db, &id, &b).await.unwrap();

    owner.sync().await;
    ben.sync().await; // later in server order: Ben's phone wins
    converge(&[&owner, &ben]).await;

    let merged = clients::get(&owner.db, &id).await.unwrap();
    assert_eq!(
        merged.email.as_deref(),
        Some("anna@example.com"),
        "the owner's email kept"
    );
    assert_eq!(merged.goals, "Deadlift 100 kg", "Ben's goals kept");
    assert_eq!(
        merged.phone.as_deref(),
        Some("+49 170 2222222"),
        "the later phone wins"
    );

    // The phone the owner wrote is not lost: it is a conflict record with both values.
    let lost = studio.superuser_sql(
        "SELECT column_name || '=' || (lost_value #>> '{}') || '>' || (won_value #>> '{}') FROM spotter.conflicts WHERE kind = 'overwritten'",
    );
    assert!(
        lost.contains("phone=+49 170 1111111>+49 170 2222222"),
        "{lost}"
    );
}

#[tokio::test]
async fn an_offline_booking_that_collides_is_rejected_and_shows_as_conflicted() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
        add_client(&db, "Carla Diaz").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let all = clients::list(&owner.db, &Default::default()).await.unwrap();
    let owner_trainer = me(&owner.db).await;

    // Both book the owner at overlapping times while offline.
    let first = book(
        &owner.db,
        &owner_trainer,
        &[all[0].id.clone()],
        "2026-12-08T17:00",
        "2026-12-08T18:00",
    )
    .await
    .unwrap();
    let second = book(
        &ben.db,
        &owner_trainer,
        &[all[1].id.clone()],
        "2026-12-08T17:30",
        "2026-12-08T18:30",
    )
    .await
    .unwrap();
    let SaveOutcome::Saved {
        sessions: second, ..
    } = second
    else {
        panic!("saved locally")
    };

    owner.sync().await;
    let report = ben.sync().await;
    assert_eq!(
        report.rejected, 2,
        "the session and its participant are refused"
    );
    let conflicts = device::conflicts(&ben.db).await.unwrap();
    let booking = conflicts
        .iter()
        .find(|c| c.table_name == "sessions")
        .expect("a conflict for the booking");
    assert_eq!(booking.row_id, second[0].id);
    assert!(
        booking.reason.contains("sessions_trainer_overlap"),
        "{}",
        booking.reason
    );
    assert!(
        booking.local_values.contains("2026-12-08T16:30:00Z"),
        "what was booked is kept"
    );
    assert!(
        sessions::get(&ben.db, &second[0].id).await.is_err(),
        "the refused booking left the calendar"
    );
    converge(&[&owner, &ben]).await;
    let SaveOutcome::Saved {
        sessions: first, ..
    } = first
    else {
        panic!()
    };
    assert!(
        sessions::get(&ben.db, &first[0].id).await.is_ok(),
        "the owner's booking is on Ben's laptop"
    );
    let count = studio.superuser_sql("SELECT count(*) FROM spotter.sessions");
    assert_eq!(count, "1");
}

#[tokio::test]
async fn tombstones_travel() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let id = clients::list(&ben.db, &Default::default()).await.unwrap()[0]
        .id
        .clone();
    clients::delete(&ben.db, &id).await.unwrap();
    ben.sync().await;
    owner.sync().await;
    assert!(clients::list(&owner.db, &Default::default())
        .await
        .unwrap()
        .is_empty());
    let deleted: Option<String> = sqlx::query_scalar("SELECT deleted_at FROM clients WHERE id = ?")
        .bind(&id)
        .fetch_one(owner.db.pool())
        .await
        .unwrap();
    assert!(deleted.is_some(), "a tombstone, not a removed row");
    converge(&[&owner, &ben]).await;
}

#[tokio::test]
async fn a_replayed_push_changes_nothing_and_a_gap_stops_the_batch() {
    let (studio, owner) = Studio::start(|_| async {}).await;
    add_client(&owner.db, "Anna Schmidt").await;
    add_client(&owner.db, "Carla Diaz").await;
    let state = device::state(&owner.db).await.unwrap();
    let dev = state.device_uuid().unwrap();
    let batch = device::pending_batch(&owner.db, 100).await.unwrap();
    assert_eq!(batch.len(), 2);
    let schema = spotter_sync::known_server_schema();

    // The server commits, the answer is lost on the way back.
    let first = push::push_batch(&owner.server, dev, schema, &batch)
        .await
        .unwrap();
    assert!(first.results.iter().all(|r| r.status == "applied"));
    let before = studio.superuser_sql("SELECT version FROM spotter.studios");
    // The device sends the same batch again: nothing changes on the server.
    let again = push::push_batch(&owner.server, dev, schema, &batch)
        .await
        .unwrap();
    assert!(
        again.results.iter().all(|r| r.status == "duplicate"),
        "{:?}",
        again.results
    );
    assert_eq!(
        studio.superuser_sql("SELECT version FROM spotter.studios"),
        before
    );
    assert_eq!(
        studio.superuser_sql("SELECT count(*) FROM spotter.clients"),
        "2"
    );
    device::apply_push(&owner.db, &batch, &again).await.unwrap();
    assert_eq!(device::pending_count(&owner.db).await.unwrap(), 0);

    // A mutation id beyond last + 1: the server stops and says what it expected.
    let mut skipped = batch[0].clone();
    skipped.id = batch[1].id + 5;
    let err = push::push_batch(&owner.server, dev, schema, &[skipped])
        .await
        .unwrap_err();
    assert!(err.message.contains("expected change"), "{}", err.message);
    assert_eq!(
        studio.superuser_sql("SELECT version FROM spotter.studios"),
        before
    );
}

#[tokio::test]
async fn a_server_restart_in_the_middle_of_a_push_loses_nothing_and_applies_once() {
    let (studio, owner) = Studio::start(|_| async {}).await;
    for n in 0..5 {
        add_client(&owner.db, &format!("Client {n}")).await;
    }
    let dev = device::state(&owner.db)
        .await
        .unwrap()
        .device_uuid()
        .unwrap();
    let batch = device::pending_batch(&owner.db, 100).await.unwrap();
    // The push runs, then the server dies before the transaction commits.
    let mut tx = owner.server.pool().begin().await.unwrap();
    let _: serde_json::Value = sqlx::query_scalar("SELECT spotter.push($1, $2, $3)")
        .bind(dev)
        .bind(spotter_sync::known_server_schema())
        .bind(serde_json::to_value(&batch).unwrap())
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    studio.pg.restart_immediately();
    assert!(
        tx.commit().await.is_err(),
        "the commit cannot reach the server"
    );
    assert_eq!(
        studio.superuser_sql("SELECT count(*) FROM spotter.clients"),
        "0"
    );
    // The device still has everything pending and syncs once the server is back.
    assert_eq!(device::pending_count(&owner.db).await.unwrap(), 5);
    let report = owner.try_sync().await;
    let report = match report {
        Ok(r) => r,
        Err(_) => owner.sync().await, // the pool's first connection may have been the dead one
    };
    assert_eq!(report.pending, 0);
    assert_eq!(
        studio.superuser_sql("SELECT count(*) FROM spotter.clients"),
        "5"
    );
    converge(&[&owner]).await;
}

#[tokio::test]
async fn malformed_pushes_are_refused_with_a_reason_and_change_nothing() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let dev = device::state(&ben.db).await.unwrap().device_uuid().unwrap();
    let raw = studio.raw(&ben.login, &ben.password).await;
    let schema = spotter_sync::known_server_schema();
    let before = studio.superuser_sql("SELECT version FROM spotter.studios");
    let last: i64 =
        sqlx::query_scalar("SELECT last_mutation_id FROM spotter.devices WHERE id = $1")
            .bind(dev)
            .fetch_one(&studio_pool(&studio).await)
            .await
            .unwrap();
    let new_id = uuid::Uuid::now_v7().to_string();
    let stamp = "2026-12-04T10:00:00.000Z";
    let client_row = |extra: serde_json::Value| {
        let mut row = json!({"id": new_id, "name": "Mallory", "tags": "[]", "goals": "", "notes": "",
                             "injuries": "", "body_areas": "[]", "preferred_times": "", "needs_clearance": 0,
                             "created_at": stamp, "updated_at": stamp});
        for (k, v) in extra.as_object().unwrap() {
            row[k] = v.clone();
        }
        row
    };
    let cases = [
        (
            "unknown table",
            json!({"id": 0, "t": "pg_authid", "op": "insert", "changed": [], "row": {"id": new_id}}),
        ),
        (
            "not a uuid",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"id": "1; DROP TABLE x"}))}),
        ),
        (
            "no name",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"name": null}))}),
        ),
        (
            "blank name",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"name": "   "}))}),
        ),
        (
            "bad email",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"email": "not an email"}))}),
        ),
        (
            "bad date",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"date_of_birth": "31.02.1990"}))}),
        ),
        (
            "bad stamp",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"created_at": "yesterday"}))}),
        ),
        (
            "tags not JSON",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"tags": "{oops"}))}),
        ),
        (
            "unknown column",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"is_admin": 1}))}),
        ),
        (
            "huge notes",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"notes": "x".repeat(200_000)}))}),
        ),
        (
            "flag out of range",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"needs_clearance": 7}))}),
        ),
        (
            "dangling reference",
            json!({"id": 0, "t": "client_notes", "op": "insert", "changed": [], "row": {"id": uuid::Uuid::now_v7().to_string(), "client_id": uuid::Uuid::now_v7().to_string(), "body": "hi", "created_at": stamp, "updated_at": stamp}}),
        ),
        (
            "no row",
            json!({"id": 0, "t": "clients", "op": "insert", "changed": []}),
        ),
    ];
    let mut id = last;
    for (what, mut m) in cases {
        id += 1;
        m["id"] = json!(id);
        let answer: serde_json::Value = sqlx::query_scalar("SELECT spotter.push($1, $2, $3)")
            .bind(dev)
            .bind(schema)
            .bind(json!([m]))
            .fetch_one(&raw)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let result = &answer["results"][0];
        assert_eq!(result["status"], "rejected", "{what}: {answer}");
        assert!(
            !result["reason"].as_str().unwrap_or("").is_empty(),
            "{what} has a reason"
        );
    }
    assert_eq!(
        studio.superuser_sql("SELECT version FROM spotter.studios"),
        before,
        "nothing was written"
    );
    assert_eq!(
        studio.superuser_sql("SELECT count(*) FROM spotter.clients"),
        "1"
    );

    // A row naming another studio is written into the caller's own, never the other.
    id += 1;
    let other = uuid::Uuid::now_v7();
    studio.superuser_sql(&format!(
        "INSERT INTO spotter.studios (id, name) VALUES ('{other}', 'Elsewhere')"
    ));
    let m = json!({"id": id, "t": "clients", "op": "insert", "changed": [], "row": client_row(json!({"studio_id": other.to_string()}))});
    let _: serde_json::Value = sqlx::query_scalar("SELECT spotter.push($1, $2, $3)")
        .bind(dev)
        .bind(schema)
        .bind(json!([m]))
        .fetch_one(&raw)
        .await
        .unwrap();
    assert_eq!(
        studio.superuser_sql(&format!(
            "SELECT count(*) FROM spotter.clients WHERE studio_id = '{other}'"
        )),
        "0"
    );

    // Not an array, or another device's id: refused outright.
    let err = sqlx::query_scalar::<_, serde_json::Value>("SELECT spotter.push($1, $2, $3)")
        .bind(dev)
        .bind(schema)
        .bind(json!({"id": 1}))
        .fetch_one(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("JSON array"), "{err}");
    let owner_dev = device::state(&owner.db)
        .await
        .unwrap()
        .device_uuid()
        .unwrap();
    let err = sqlx::query_scalar::<_, serde_json::Value>("SELECT spotter.push($1, $2, $3)")
        .bind(owner_dev)
        .bind(schema)
        .bind(json!([]))
        .fetch_one(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not registered"), "{err}");
    // Writing around the push function: still only the caller's studio, still every rule.
    let err = sqlx::query("UPDATE spotter.clients SET name = '' ")
        .execute(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("check"), "{err}");
    let err = sqlx::query("UPDATE spotter.studios SET version = 0")
        .execute(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("permission denied"), "{err}");
    let err = sqlx::query("DELETE FROM spotter.clients")
        .execute(&raw)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("permission denied"), "{err}");
}

async fn studio_pool(studio: &Studio) -> sqlx::PgPool {
    sqlx::PgPool::connect(&studio.pg.superuser_url(&studio.database))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_device_on_another_schema_is_told_to_update_and_nothing_is_written() {
    let (_studio, owner) = Studio::start(|_| async {}).await;
    add_client(&owner.db, "Anna Schmidt").await;
    let dev = device::state(&owner.db)
        .await
        .unwrap()
        .device_uuid()
        .unwrap();
    let batch = device::pending_batch(&owner.db, 10).await.unwrap();
    let known = spotter_sync::known_server_schema();
    let older = push::push_batch(&owner.server, dev, known - 1, &batch)
        .await
        .unwrap_err();
    assert_eq!(older.code, spotter_store::ErrorCode::UpdateRequired);
    assert!(
        older.message.contains("update Spotter on this device"),
        "{}",
        older.message
    );
    let newer = push::push_batch(&owner.server, dev, known + 1, &batch)
        .await
        .unwrap_err();
    assert_eq!(newer.code, spotter_store::ErrorCode::UpdateRequired);
    assert!(
        newer.message.contains("studio upgrade"),
        "{}",
        newer.message
    );
    assert_eq!(
        device::pending_count(&owner.db).await.unwrap(),
        1,
        "still pending"
    );
}

#[test]
fn mutations_serialise_as_the_push_function_reads_them() {
    let m = Mutation {
        id: 7,
        t: "clients".into(),
        op: "update".into(),
        changed: vec!["name".into()],
        row: json!({"id": "x"}),
        base: Some(3),
    };
    assert_eq!(
        serde_json::to_value(&m).unwrap(),
        json!({"id": 7, "t": "clients", "op": "update", "changed": ["name"], "row": {"id": "x"}, "base": 3})
    );
}
