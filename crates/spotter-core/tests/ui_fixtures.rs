//! Records what the real core answers to the calls the UI's component tests make of their
//! TypeScript stand-in (ui/src/test), as JSON fixtures in ui/src/test/fixtures/: the data the
//! stand-in starts from and a script of calls with their answers (errors included), which
//! ui/src/test/standIn.contract.test.ts replays against the stand-in. Built in a real SQLite
//! file with the real core functions the Tauri commands call. Fails when a fixture is stale;
//! `UPDATE_BINDINGS=1` (or `make bindings`) rewrites them.

#[path = "ui_fixtures/ai.rs"]
mod ai;
#[path = "ui_fixtures/recorder.rs"]
mod recorder;
#[path = "ui_fixtures/records.rs"]
mod records;
#[path = "ui_fixtures/training.rs"]
mod training;
#[path = "ui_fixtures/training_calls.rs"]
mod training_calls;

use spotter_store::paths::DataDir;
use spotter_store::Database;

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn training_fixture_is_fresh() {
    let (_dir, db) = fresh().await;
    let mut rec = recorder::Recorder::new();
    let data = training::record(&db, &mut rec).await;
    let text = rec.finish("crates/spotter-core/tests/ui_fixtures.rs (training)", data);
    recorder::check_or_write("training.json", &text);
}

#[tokio::test]
async fn ai_fixture_is_fresh() {
    let (_dir, db) = fresh().await;
    let mut rec = recorder::Recorder::new();
    let data = ai::record(&db, &DataDir::new(_dir.path()), &mut rec).await;
    let text = rec.finish("crates/spotter-core/tests/ui_fixtures.rs (AI)", data);
    recorder::check_or_write("ai.json", &text);
}

#[tokio::test]
async fn records_fixture_is_fresh() {
    let (_dir, db) = fresh().await;
    let mut rec = recorder::Recorder::new();
    let data = records::record(&db, &mut rec).await;
    let text = rec.finish(
        "crates/spotter-core/tests/ui_fixtures.rs (client records)",
        data,
    );
    recorder::check_or_write("records.json", &text);
}
