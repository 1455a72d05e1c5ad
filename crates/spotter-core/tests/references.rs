//! No code path leaves a dangling reference. The schema declares no foreign keys (see
//! DECISIONS.md: studio sync applies pull pages that may bring a child before its parent),
//! so this is held by the core: it never deletes a row another row points at (tombstones),
//! and the health checker's "links" check finds any reference that points nowhere.

use spotter_core::ai::facts::health::{self, HealthStatus};
use spotter_core::clients;
use spotter_core::clients::record;
use spotter_core::schedule::{sessions, EditScope};
use spotter_core::training::{logs, plans};
use spotter_store::paths::DataDir;
use spotter_store::Database;

/// Every reference between user tables: (child table, column, parent table).
const LINKS: [(&str, &str, &str); 14] = [
    ("session_participants", "client_id", "clients"),
    ("session_participants", "session_id", "sessions"),
    ("sessions", "trainer_id", "trainers"),
    ("sessions", "series_id", "series"),
    ("sessions", "room_id", "rooms"),
    ("series", "trainer_id", "trainers"),
    ("measurements", "client_id", "clients"),
    ("client_notes", "client_id", "clients"),
    ("parq_intakes", "client_id", "clients"),
    ("plans", "client_id", "clients"),
    ("plan_versions", "plan_id", "plans"),
    ("workout_logs", "client_id", "clients"),
    ("workout_sets", "log_id", "workout_logs"),
    ("workout_sets", "exercise_id", "exercises"),
];

async fn dangling(db: &Database) -> Vec<String> {
    let mut out = Vec::new();
    for (child, column, parent) in LINKS {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {child} x WHERE x.{column} IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = x.{column})"
        ))
        .fetch_one(db.pool())
        .await
        .unwrap();
        if n > 0 {
            out.push(format!("{n} {child}.{column} → {parent}"));
        }
    }
    out
}

async fn links_check(db: &Database, dir: &std::path::Path) -> (HealthStatus, String) {
    let data = DataDir::new(dir);
    let checks = health::local_checks(db, &data, &data.logs()).await.unwrap();
    let c = checks.into_iter().find(|c| c.key == "links").unwrap();
    (c.status, c.detail)
}

async fn ids(db: &Database, sql: &str) -> Vec<String> {
    sqlx::query_scalar(sql).fetch_all(db.pool()).await.unwrap()
}

#[tokio::test]
async fn every_delete_path_leaves_no_dangling_reference() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    spotter_core::seed::seed_demo(&db).await.unwrap();
    assert!(dangling(&db).await.is_empty());
    let rows_before: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_sets")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(rows_before > 0, "the demo has workouts");

    // Delete (or end) one of everything that can be deleted.
    let client = ids(
        &db,
        "SELECT c.id FROM clients c JOIN workout_logs l ON l.client_id = c.id LIMIT 1",
    )
    .await;
    for id in ids(
        &db,
        &format!(
            "SELECT id FROM measurements WHERE client_id = '{}' LIMIT 1",
            client[0]
        ),
    )
    .await
    {
        record::delete_measurement(&db, &id).await.unwrap();
    }
    for id in ids(&db, "SELECT id FROM client_notes LIMIT 1").await {
        record::delete_note(&db, &id).await.unwrap();
    }
    for id in ids(
        &db,
        "SELECT id FROM workout_logs WHERE deleted_at IS NULL LIMIT 2",
    )
    .await
    {
        logs::delete(&db, &id).await.unwrap();
    }
    for id in ids(&db, "SELECT id FROM plans WHERE deleted_at IS NULL LIMIT 2").await {
        plans::delete(&db, &id).await.unwrap();
    }
    for id in ids(
        &db,
        "SELECT id FROM sessions WHERE deleted_at IS NULL AND series_id IS NULL LIMIT 2",
    )
    .await
    {
        sessions::delete(&db, &id).await.unwrap();
    }
    for id in ids(&db, "SELECT id FROM sessions WHERE deleted_at IS NULL AND series_id IS NOT NULL AND status = 'scheduled' LIMIT 1").await {
        sessions::cancel(&db, &id, EditScope::All, false).await.unwrap();
    }
    clients::delete(&db, &client[0]).await.unwrap();

    assert_eq!(dangling(&db).await, Vec::<String>::new());
    assert_eq!(links_check(&db, dir.path()).await.0, HealthStatus::Ok);
    // Deleting is a tombstone: the history of a deleted client is still there to restore.
    let rows_after: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_sets")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(rows_after, rows_before);
    clients::restore(&db, &client[0]).await.unwrap();
}

#[tokio::test]
async fn the_health_check_finds_a_reference_that_points_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    spotter_core::seed::seed_demo(&db).await.unwrap();
    // What a row arriving without its parent (a bad import, a sync bug) would leave.
    sqlx::query("UPDATE measurements SET client_id = '0190aaaa-0000-7000-8000-000000000000' WHERE id = (SELECT id FROM measurements LIMIT 1)")
        .execute(db.pool())
        .await
        .unwrap();
    let (status, detail) = links_check(&db, dir.path()).await;
    assert_eq!(status, HealthStatus::Warn);
    assert!(
        detail.contains("1 measurement of a missing client"),
        "{detail}"
    );
}
