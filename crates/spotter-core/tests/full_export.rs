//! "Export everything" and back: the demo data exported, imported into an empty data
//! directory, and every table that is not derived or device-only is identical; the files are
//! written beside each other and never over one nobody chose.

use spotter_core::export::{DERIVED_TABLES, DEVICE_STATE_TABLES};
use spotter_core::{export, full_export, seed};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

async fn open(dir: &std::path::Path) -> Database {
    Database::open(&DataDir::new(dir)).await.unwrap()
}

/// Every row of every table a round trip must keep, as text, per table.
async fn contents(db: &Database) -> Vec<(String, Vec<String>)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'clients_fts%' ORDER BY name",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut out = Vec::new();
    for t in tables {
        if DERIVED_TABLES.contains(&t.as_str()) || DEVICE_STATE_TABLES.contains(&t.as_str()) {
            continue;
        }
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(&t)
                .fetch_all(db.pool())
                .await
                .unwrap();
        let cols: Vec<String> = columns
            .iter()
            .filter(|c| c.as_str() != "local_key")
            .map(|c| format!("quote(\"{c}\")"))
            .collect();
        let rows: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT {} FROM \"{t}\" ORDER BY 1",
            cols.join(" || '|' || ")
        ))
        .fetch_all(db.pool())
        .await
        .unwrap();
        out.push((t, rows));
    }
    out
}

#[tokio::test]
async fn the_demo_data_survive_export_and_import_into_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let source = open(&dir.path().join("source")).await;
    seed::seed_demo(&source).await.unwrap();
    spotter_core::training::exercises::ensure_library(&source)
        .await
        .unwrap();
    spotter_core::ai::agents::ensure_agents(&source)
        .await
        .unwrap();

    let files = full_export::write_files(
        &source,
        &dir.path().join("out/everything.json").display().to_string(),
        None,
    )
    .await
    .unwrap();
    assert!(
        files.csv.ends_with("everything-clients.csv"),
        "{}",
        files.csv
    );
    let bytes = std::fs::read(&files.json).unwrap();

    let target = open(&dir.path().join("target")).await;
    let report = full_export::import_all(&target, &bytes).await.unwrap();
    assert_eq!(report.rows["clients"], 20);

    let before = contents(&source).await;
    let after = contents(&target).await;
    assert!(before
        .iter()
        .any(|(t, rows)| t == "workout_sets" && !rows.is_empty()));
    assert_eq!(
        before.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        after.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>()
    );
    for ((table, a), (_, b)) in before.iter().zip(&after) {
        assert_eq!(a.len(), b.len(), "{table}: row count");
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x, y, "{table}");
        }
    }
    // The derived tables were rebuilt from the rows: the day stats and the search index.
    let stats = |db: &Database| {
        let pool = db.pool().clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT client_id || exercise_id || performed_on || hard_sets || quote(volume_kg) || max_reps
                    || quote(max_e1rm_kg) || quote(max_brzycki_kg) FROM workout_day_stats ORDER BY 1",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(stats(&source).await, stats(&target).await);
    let found = spotter_core::clients::list(
        &target,
        &spotter_core::clients::ClientListQuery {
            search: Some("Łukasiewicz".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(found.len(), 1);

    // A second import into the now full folder is refused and writes nothing.
    let err = full_export::import_all(&target, &bytes).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("dataDir"));
    assert_eq!(contents(&target).await, after);
}

#[tokio::test]
async fn a_bad_row_imports_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let source = open(&dir.path().join("source")).await;
    seed::seed_demo(&source).await.unwrap();
    let mut doc = serde_json::to_value(export::export_all(&source).await.unwrap()).unwrap();
    doc["tables"]["sessions"][3]["start_utc"] = serde_json::Value::Null;
    let target = open(&dir.path().join("target")).await;
    let err = full_export::import_all(&target, doc.to_string().as_bytes())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
    assert!(err.message.contains("Row 4 of sessions"), "{}", err.message);
    let clients: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM clients")
        .fetch_one(target.pool())
        .await
        .unwrap();
    assert_eq!(clients, 0, "nothing half-imported");

    doc["schemaVersion"] = 99991231000001i64.into();
    let err = full_export::import_all(&target, doc.to_string().as_bytes())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::SchemaTooNew);
    let err = full_export::import_all(&target, b"{\"hello\": 1}")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
}

#[tokio::test]
async fn the_csv_beside_the_export_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(&dir.path().join("data")).await;
    seed::seed_demo(&db).await.unwrap();
    let json = dir.path().join("mine.json");
    let csv = dir.path().join("mine-clients.csv");
    std::fs::write(&csv, "my own spreadsheet").unwrap();
    let files = full_export::write_files(&db, &json.display().to_string(), None)
        .await
        .unwrap();
    assert!(files.csv.ends_with("mine-clients-2.csv"), "{}", files.csv);
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "my own spreadsheet");
    assert!(std::fs::read_to_string(&files.csv)
        .unwrap()
        .starts_with("id,name"));
    std::fs::remove_file(&json).unwrap();
    std::fs::remove_file(&files.csv).unwrap();

    std::fs::remove_file(&csv).unwrap();
    std::fs::write(&json, "old export").unwrap();
    let err = full_export::write_files(&db, &json.display().to_string(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::FileExists);
    assert!(
        !csv.exists(),
        "neither file is written when the JSON may not be replaced"
    );
    let path = json.display().to_string();
    let files = full_export::write_files(&db, &path, Some(&path))
        .await
        .unwrap();
    assert!(std::fs::read_to_string(&files.json)
        .unwrap()
        .contains("spotter-export"));
    assert!(csv.exists());
}
