//! Opening, migrating, backing up and refusing databases, on real files.

use std::path::Path;

use spotter_core::clients::{self, ClientInput};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};
use sqlx::migrate::Migrator;

fn client(name: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn pragmas_wal_foreign_keys_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
    let timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(timeout >= 5_000, "busy_timeout {timeout}");
    assert!(db.schema_version().await.unwrap() > 0);
    assert!(
        db.pre_migration_backup().is_none(),
        "a new file needs no backup"
    );
}

#[tokio::test]
async fn user_tables_have_no_autoincrement() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    // The sync outbox is bookkeeping, not user data: its mutation ids must never be reused.
    let sql: Vec<String> = sqlx::query_scalar(
        "SELECT sql FROM sqlite_master WHERE type='table' AND sql IS NOT NULL AND name <> 'sync_outbox'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert!(sql
        .iter()
        .all(|s| !s.to_uppercase().contains("AUTOINCREMENT")));
}

#[tokio::test]
async fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    {
        let db = Database::open(&data).await.unwrap();
        clients::create(&db, &client("Anna")).await.unwrap();
        // Pretend a future Spotter applied a migration we do not know.
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (29991231000000, 'future', '2999-01-01', 1, x'00', 0)")
            .execute(db.pool()).await.unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(db.pool())
            .await
            .unwrap();
        db.close().await;
    }
    // Pooled connections closing together can leave the -wal file (each sees the others still
    // open). A lone connection that leaves WAL mode waits (busy timeout) until every other handle
    // is gone; going back to WAL and closing then leaves the file as quitting the app would.
    {
        use sqlx::{ConnectOptions, Connection};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(data.database())
            .busy_timeout(std::time::Duration::from_secs(10))
            .connect()
            .await
            .unwrap();
        sqlx::query("PRAGMA journal_mode = DELETE")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    assert!(
        !dir.path().join("spotter.db-wal").exists(),
        "setup: a lone close removes the -wal file"
    );
    let before = std::fs::read(data.database()).unwrap();
    let err = Database::open(&data).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SchemaTooNew);
    assert!(
        err.message.contains("newer version of Spotter"),
        "{}",
        err.message
    );
    assert!(err.message.contains("left untouched"));
    assert_eq!(
        std::fs::read(data.database()).unwrap(),
        before,
        "file is byte-identical"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["spotter.db"], "no -wal/-shm files left behind");
    let err = Database::open_read_only(&data).await.unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::SchemaTooNew,
        "read-only opening refuses it too"
    );
    assert!(
        !data.backups().exists(),
        "no backup taken of a refused file"
    );
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let text = b"this is a shopping list, not a database, but long enough to look like one......";
    std::fs::write(data.database(), text).unwrap();
    let err = Database::open(&data).await.unwrap_err();
    // Damaged or never a database: either way the app offers the latest backup.
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt);
    assert!(
        err.message.contains("not a Spotter database"),
        "{}",
        err.message
    );
    assert_eq!(
        std::fs::read(data.database()).unwrap(),
        text,
        "left unchanged"
    );
}

fn write_migrations(dir: &Path, with_second: bool) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("1_first.sql"),
        "CREATE TABLE notes (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL);",
    )
    .unwrap();
    if with_second {
        std::fs::write(
            dir.join("2_second.sql"),
            "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;",
        )
        .unwrap();
    }
}

#[tokio::test]
async fn migrating_an_existing_file_backs_it_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let v1 = dir.path().join("v1");
    let v2 = dir.path().join("v2");
    write_migrations(&v1, false);
    write_migrations(&v2, true);

    let old = Migrator::new(v1.as_path()).await.unwrap();
    let db = Database::open_with(&data, &old).await.unwrap();
    sqlx::query("INSERT INTO notes (id, body) VALUES ('n1', 'keep me')")
        .execute(db.pool())
        .await
        .unwrap();
    db.close().await;

    let new = Migrator::new(v2.as_path()).await.unwrap();
    let db = Database::open_with(&data, &new).await.unwrap();
    let backup = db
        .pre_migration_backup()
        .expect("a backup was taken")
        .to_path_buf();
    assert!(backup.starts_with(data.backups()));
    let pinned: i64 = sqlx::query_scalar("SELECT pinned FROM notes WHERE id = 'n1'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(pinned, 0, "the new migration ran and kept the row");
    db.close().await;

    // The backup is the old schema with the data.
    let old_copy = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", backup.display()))
        .await
        .unwrap();
    let body: String = sqlx::query_scalar("SELECT body FROM notes")
        .fetch_one(&old_copy)
        .await
        .unwrap();
    assert_eq!(body, "keep me");
    let has_pinned: i64 =
        sqlx::query_scalar("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'pinned'")
            .fetch_one(&old_copy)
            .await
            .unwrap();
    assert_eq!(has_pinned, 0);

    // Opening again with nothing pending takes no further backup.
    let db = Database::open_with(&data, &new).await.unwrap();
    assert!(db.pre_migration_backup().is_none());
}

#[tokio::test]
async fn backup_is_a_consistent_copy_while_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path().join("d")))
        .await
        .unwrap();
    for i in 0..50 {
        clients::create(&db, &client(&format!("Client {i}")))
            .await
            .unwrap();
    }
    let dest = dir.path().join("copies/spotter.db");
    db.backup_to(&dest).await.unwrap();
    let err = db.backup_to(&dest).await.unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("destination"),
        "never overwrites a backup"
    );

    let copy = Database::open(&DataDir::new(dir.path().join("copies")))
        .await
        .unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(copy.pool())
        .await
        .unwrap();
    assert_eq!(n, 50);
    // The index must point at the same clients in the copy (VACUUM must not renumber rows).
    for i in [0, 17, 49] {
        let hits = clients::list(
            &copy,
            &clients::ClientListQuery {
                search: Some(format!("client {i}")),
                limit: Some(1),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(hits[0].name, format!("Client {i}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_handles_on_one_file_write_concurrently() {
    // The app and spotter-cli have the same file open and write at the same time.
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let app = Database::open(&data).await.unwrap();
    let cli = Database::open(&data).await.unwrap();
    let mut tasks = Vec::new();
    for (who, db) in [("App", app.clone()), ("Cli", cli.clone())] {
        for i in 0..20 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                clients::create(&db, &client(&format!("{who} {i}"))).await
            }));
        }
    }
    for t in tasks {
        t.await
            .unwrap()
            .expect("every write succeeds (busy timeout, WAL)");
    }
    let all = clients::list(&app, &Default::default()).await.unwrap();
    assert_eq!(all.len(), 40);
}

#[tokio::test]
async fn two_processes_migrating_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let (a, b) = tokio::join!(Database::open(&data), Database::open(&data));
    assert!(a.is_ok() && b.is_ok(), "{:?} {:?}", a.err(), b.err());
}

#[tokio::test]
async fn read_only_opening_never_creates_or_changes() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("none"));
    assert_eq!(
        Database::open_read_only(&data).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert!(!data.root().exists(), "nothing was created");

    let data = DataDir::new(dir.path().join("d"));
    let db = Database::open(&data).await.unwrap();
    clients::create(&db, &client("Anna")).await.unwrap();
    let ro = Database::open_read_only(&data).await.unwrap();
    assert_eq!(
        clients::list(&ro, &Default::default()).await.unwrap().len(),
        1
    );
    assert!(
        clients::create(&ro, &client("Ben")).await.is_err(),
        "writes are refused"
    );
}
