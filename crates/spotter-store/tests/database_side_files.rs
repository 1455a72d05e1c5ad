//! Opening a database whose inspection fails because another process holds it must not
//! remove `-wal`/`-shm` files: that process may have created them meanwhile, and removing
//! a live write-ahead log loses its commits.

use std::time::Duration;

use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn side_files_stay_when_the_file_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let path = data.database();
    // Another process's database, in rollback-journal mode, locked exclusively.
    let mut holder = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Delete)
        .connect()
        .await
        .unwrap();
    sqlx::query("CREATE TABLE t (x)")
        .execute(&mut holder)
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();
    sqlx::query("INSERT INTO t VALUES (1)")
        .execute(&mut holder)
        .await
        .unwrap();

    let wal = dir.path().join("spotter.db-wal");
    let shm = dir.path().join("spotter.db-shm");
    assert!(!wal.exists() && !shm.exists());
    let opening = tokio::spawn(async move { Database::open_read_only(&data).await });
    // While Spotter waits for the lock, a second process opens the file and its side
    // files appear.
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::write(&wal, b"someone else's log").unwrap();
    std::fs::write(&shm, b"someone else's index").unwrap();

    let err = opening.await.unwrap().unwrap_err();
    assert_eq!(err.code, ErrorCode::Busy, "{err:?}");
    assert!(wal.exists(), "the -wal of another process was removed");
    assert!(shm.exists(), "the -shm of another process was removed");
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    holder.close().await.unwrap();
}
