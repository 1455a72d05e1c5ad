//! Shipped exercises have the same id on every device (studio sync relies on it), and a
//! database from before that gets them, with every reference rewritten.

use spotter_core::training::exercises;
use spotter_store::paths::DataDir;
use spotter_store::Database;

#[tokio::test]
async fn shipped_exercises_get_stable_ids_and_old_references_follow() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    exercises::ensure_library(&db).await.unwrap();
    let (id, key): (String, String) =
        sqlx::query_as("SELECT id, library_key FROM exercises WHERE library_key IS NOT NULL ORDER BY library_key LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(
        id,
        exercises::library_id(&key),
        "the same id on every device"
    );

    // As an older Spotter left it: a random id, used by a set, a plan body and a proposal.
    let old = uuid::Uuid::now_v7().to_string();
    sqlx::query("UPDATE exercises SET id = ? WHERE id = ?")
        .bind(&old)
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    let stamp = "2026-11-01T10:00:00.000Z";
    sqlx::query(
        "INSERT INTO workout_sets (id, log_id, client_id, performed_on, exercise_id, position, reps, load_kg, created_at)
         VALUES (?, ?, ?, '2026-11-01', ?, 0, 5, 100, ?)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&old)
    .bind(stamp)
    .execute(db.pool())
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO plan_versions (id, plan_id, version, author_kind, author_name, summary, name, body, created_at)
         VALUES (?, ?, 1, 'trainer', 'A', '', 'P', ?, ?)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(format!(r#"{{"weeks":[{{"days":[{{"items":[{{"exerciseId":"{old}"}}]}}]}}]}}"#))
    .bind(stamp)
    .execute(db.pool())
    .await
    .unwrap();

    exercises::ensure_library(&db).await.unwrap();
    let now: String = sqlx::query_scalar("SELECT id FROM exercises WHERE library_key = ?")
        .bind(&key)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(now, id);
    let set_ex: String = sqlx::query_scalar("SELECT exercise_id FROM workout_sets")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(set_ex, id);
    let stats: String = sqlx::query_scalar("SELECT exercise_id FROM workout_day_stats")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(stats, id, "the derived table follows");
    let body: String = sqlx::query_scalar("SELECT body FROM plan_versions")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(body.contains(&id) && !body.contains(&old), "{body}");
}
