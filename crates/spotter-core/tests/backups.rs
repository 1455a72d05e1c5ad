//! Backups on real files: taken, listed, pruned by the retention, restored (and refused), and
//! a damaged database found when it is opened and replaced by the latest backup.

use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use spotter_core::clients::{self, ClientInput};
use spotter_core::seed;
use spotter_store::backups::{self, BackupReason, Retention};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};
use sqlx::migrate::Migrator;

async fn demo() -> (tempfile::TempDir, DataDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let db = Database::open(&data).await.unwrap();
    seed::seed_demo(&db).await.unwrap();
    (dir, data, db)
}

fn client(name: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        ..Default::default()
    }
}

async fn client_names(db: &Database) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM clients WHERE deleted_at IS NULL ORDER BY name")
        .fetch_all(db.pool())
        .await
        .unwrap()
}

/// Fills `count` bytes at the start of the middle page of `path` with 0xFF.
fn damage_middle_page(path: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(path).unwrap().len();
    let pages = len / 4096;
    assert!(
        pages > 4,
        "a file of {pages} pages is too small to damage in the middle"
    );
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(pages / 2 * 4096)).unwrap();
    f.write_all(&[0xFF; 4096]).unwrap();
    f.sync_all().unwrap();
}

#[tokio::test]
async fn a_backup_is_listed_with_its_reason_and_opens_as_the_same_data() {
    let (dir, data, db) = demo().await;
    let manual = backups::take(&db, &data, BackupReason::Manual)
        .await
        .unwrap();
    let daily = backups::take(&db, &data, BackupReason::Daily)
        .await
        .unwrap();
    assert_eq!(manual.reason, BackupReason::Manual);
    assert!(manual.size_bytes > 100_000, "{manual:?}");
    assert!(Path::new(&manual.path).starts_with(data.backups()));
    let listed = backups::list(&data).unwrap();
    assert_eq!(listed, vec![daily.clone(), manual.clone()], "newest first");
    // No temporary file is left beside them.
    let names: Vec<String> = std::fs::read_dir(data.backups())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The copy is a whole database with the same clients.
    let copy = DataDir::new(dir.path().join("copy"));
    std::fs::create_dir_all(copy.root()).unwrap();
    std::fs::copy(&manual.path, copy.database()).unwrap();
    let other = Database::open(&copy).await.unwrap();
    assert_eq!(client_names(&other).await, client_names(&db).await);
}

#[tokio::test]
async fn pruning_keeps_seven_days_four_weeks_and_the_safety_copies() {
    let (_dir, data, db) = demo().await;
    let real = backups::take(&db, &data, BackupReason::Daily)
        .await
        .unwrap();
    std::fs::remove_file(&real.path).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 18, 0, 0).unwrap(); // a Friday
    let put = |at: chrono::DateTime<Utc>, reason: BackupReason| -> PathBuf {
        let p = data.backups().join(backups::file_name(at, reason));
        std::fs::write(&p, b"a backup").unwrap();
        p
    };
    // A daily backup at 09:00 on each of the last 60 days, and a manual one at 17:00 today
    // and 3 days ago.
    let mut daily = Vec::new();
    for d in 0..60 {
        daily.push(put(
            now - Duration::days(d) - Duration::hours(9),
            BackupReason::Daily,
        ));
    }
    let manual_today = put(now - Duration::hours(1), BackupReason::Manual);
    let manual_3 = put(
        now - Duration::days(3) - Duration::hours(1),
        BackupReason::Manual,
    );
    // Safety copies: five before-migration ones long ago, one recent before-update.
    let migrations: Vec<PathBuf> = (0..5)
        .map(|i| put(now - Duration::days(100 + i), BackupReason::BeforeMigration))
        .collect();
    let update = put(now - Duration::days(10), BackupReason::BeforeUpdate);
    // Not Spotter's: never touched.
    std::fs::write(data.backups().join("my-own-copy.db"), b"mine").unwrap();

    let removed = backups::prune_at(&data, &Retention::default(), now).unwrap();
    let left: Vec<String> = backups::list(&data)
        .unwrap()
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
    let mut expected = vec![name(&manual_today), name(&manual_3)];
    // The newest daily backup of each of the last seven days.
    expected.extend((0..7).map(|d| name(&daily[d])));
    // Weeks: this week's newest is today's; then the newest of each of the three weeks before
    // (Sundays: days 5 — already kept —, 12 and 19).
    expected.extend([12, 19].map(|d| name(&daily[d])));
    expected.extend(migrations[..3].iter().map(name));
    expected.push(name(&update));
    let mut sorted_left = left.clone();
    sorted_left.sort();
    expected.sort();
    assert_eq!(sorted_left, expected);
    assert_eq!(removed.len(), 62 + 6 - expected.len());
    assert!(data.backups().join("my-own-copy.db").exists());

    // The trainer keeps less: 2 days, no weeks. Safety copies stay.
    backups::set_retention(
        &db,
        &Retention {
            daily: 2,
            weekly: 0,
        },
    )
    .await
    .unwrap();
    let keep = backups::retention(&db).await.unwrap();
    assert_eq!(
        keep,
        Retention {
            daily: 2,
            weekly: 0
        }
    );
    backups::prune_at(&data, &keep, now).unwrap();
    let mut left: Vec<String> = backups::list(&data)
        .unwrap()
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    left.sort();
    // Two days of daily backups, and the newest two made by the trainer.
    let mut expected = vec![
        name(&manual_today),
        name(&manual_3),
        name(&daily[0]),
        name(&daily[1]),
        name(&update),
    ];
    expected.extend(migrations[..3].iter().map(name));
    expected.sort();
    assert_eq!(left, expected);

    let bad = backups::set_retention(
        &db,
        &Retention {
            daily: 0,
            weekly: 4,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(bad.field.as_deref(), Some("daily"));
}

#[tokio::test]
async fn taking_a_backup_never_prunes_the_one_just_taken() {
    let (_dir, data, db) = demo().await;
    backups::set_retention(
        &db,
        &Retention {
            daily: 1,
            weekly: 0,
        },
    )
    .await
    .unwrap();
    // A file named as if it were taken in the future is the newest daily backup.
    let future = data.backups().join(backups::file_name(
        Utc::now() + Duration::days(2),
        BackupReason::Daily,
    ));
    std::fs::create_dir_all(data.backups()).unwrap();
    std::fs::write(&future, b"x").unwrap();
    let taken = backups::take(&db, &data, BackupReason::Daily)
        .await
        .unwrap();
    assert!(Path::new(&taken.path).exists());
    // The rule alone removes it (the future one holds the single day kept): the next prune does.
    backups::prune(
        &data,
        &Retention {
            daily: 1,
            weekly: 0,
        },
    )
    .unwrap();
    assert!(!Path::new(&taken.path).exists());
}

#[tokio::test]
async fn a_daily_backup_is_due_once_a_day() {
    let (_dir, data, db) = demo().await;
    let first = backups::take_daily_if_due(&db, &data).await.unwrap();
    assert_eq!(first.as_ref().map(|b| b.reason), Some(BackupReason::Daily));
    assert_eq!(backups::take_daily_if_due(&db, &data).await.unwrap(), None);
    let taken = first.unwrap().taken_at_utc().unwrap();
    assert!(!backups::daily_due(&data, taken + Duration::hours(23)).unwrap());
    assert!(backups::daily_due(&data, taken + Duration::hours(24)).unwrap());
}

#[tokio::test]
async fn restoring_a_backup_brings_back_its_data_and_keeps_the_file_and_the_present() {
    let (_dir, data, db) = demo().await;
    let before = client_names(&db).await;
    let backup = backups::take(&db, &data, BackupReason::Manual)
        .await
        .unwrap();
    let backup_bytes = std::fs::read(&backup.path).unwrap();

    clients::create(&db, &client("Added After The Backup"))
        .await
        .unwrap();
    let gone = sqlx::query_scalar::<_, String>("SELECT id FROM clients WHERE name = 'Ben Carter'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    clients::delete(&db, &gone).await.unwrap();
    let changed = client_names(&db).await;
    assert_ne!(changed, before);

    let cut_off = data
        .root()
        .join(".spotter-restoring-20261101T000000.000000Z.db");
    let f = std::fs::File::create(&cut_off).unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600))
        .unwrap();
    drop(f);

    let (restored, report) = backups::restore(Some(&db), &data, Path::new(&backup.path))
        .await
        .unwrap();
    assert!(db.is_closed(), "the old connections are closed");
    assert_eq!(
        client_names(&restored).await,
        before,
        "the changes are gone"
    );
    assert_eq!(
        std::fs::read(&backup.path).unwrap(),
        backup_bytes,
        "the backup file is unchanged"
    );
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(restored.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal", "the restored database is opened as usual");

    // What was replaced is itself a backup, listed, with the changes in it.
    let safety = report.safety_backup.expect("the present was backed up");
    assert_eq!(safety.reason, BackupReason::BeforeRestore);
    assert!(backups::list(&data).unwrap().contains(&safety));
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = DataDir::new(copy_dir.path());
    std::fs::copy(&safety.path, copy.database()).unwrap();
    let present = Database::open(&copy).await.unwrap();
    assert_eq!(client_names(&present).await, changed);

    // Nothing of the restore is left in the data folder (nor a copy of one cut off long ago).
    let mut names: Vec<String> = std::fs::read_dir(data.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("spotter.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["backups"]);
}

/// Each bad candidate is refused with its reason, and the current database stays as it was
/// (open, same data, no before-restore backup taken).
#[tokio::test]
async fn restore_refuses_damaged_foreign_and_newer_files_and_changes_nothing() {
    let (dir, data, db) = demo().await;
    clients::create(&db, &client("Still Here")).await.unwrap();
    let names = client_names(&db).await;
    let good = backups::take(&db, &data, BackupReason::Manual)
        .await
        .unwrap();

    let damaged = dir.path().join("damaged.db");
    std::fs::copy(&good.path, &damaged).unwrap();
    damage_middle_page(&damaged);

    let foreign = dir.path().join("foreign.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", foreign.display()))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE recipes (name TEXT)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let newer = dir.path().join("newer.db");
    std::fs::copy(&good.path, &newer).unwrap();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", newer.display()))
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99991231000001, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "a shopping list, not a database ".repeat(40)).unwrap();

    let cases: [(&Path, ErrorCode, &str); 5] = [
        (&damaged, ErrorCode::InvalidFile, "is damaged"),
        (&foreign, ErrorCode::InvalidFile, "not one of Spotter's"),
        (&newer, ErrorCode::SchemaTooNew, "newer version of Spotter"),
        (&text, ErrorCode::InvalidFile, "not an SQLite database"),
        (
            &dir.path().join("missing.db"),
            ErrorCode::NotFound,
            "does not exist",
        ),
    ];
    for (file, code, says) in cases {
        let before = std::fs::read(file).ok();
        let err = backups::restore(Some(&db), &data, file).await.unwrap_err();
        assert_eq!(err.code, code, "{}: {err:?}", file.display());
        assert!(
            err.message.contains(says),
            "{}: {}",
            file.display(),
            err.message
        );
        assert!(!db.is_closed());
        assert_eq!(client_names(&db).await, names, "{}", file.display());
        assert_eq!(
            std::fs::read(file).ok(),
            before,
            "the file picked is only read"
        );
    }
    assert_eq!(
        backups::list(&data).unwrap(),
        vec![good],
        "no before-restore backup"
    );
    let err = backups::restore(Some(&db), &data, &data.database())
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("path"));
    let left: Vec<String> = std::fs::read_dir(data.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no staged copy left: {left:?}");
}

#[tokio::test]
async fn restore_waits_for_nobody_else_having_the_database_open() {
    let (_dir, data, db) = demo().await;
    let backup = backups::take(&db, &data, BackupReason::Manual)
        .await
        .unwrap();
    clients::create(&db, &client("Written Later"))
        .await
        .unwrap();
    let later = client_names(&db).await;
    // Another process (spotter-cli) with the same file open, as a second pool here.
    let other = Database::open(&data).await.unwrap();
    let err = backups::restore(Some(&db), &data, Path::new(&backup.path))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Busy, "{err:?}");
    assert!(db.is_closed(), "the caller reopens");
    assert_eq!(client_names(&other).await, later, "nothing was replaced");
    other.close().await;
    let reopened = Database::open(&data).await.unwrap();
    assert_eq!(client_names(&reopened).await, later);
}

#[tokio::test]
async fn a_damaged_database_is_found_at_open_and_the_latest_backup_replaces_it() {
    let (_dir, data, db) = demo().await;
    let names = client_names(&db).await;
    let backup = backups::take(&db, &data, BackupReason::Daily)
        .await
        .unwrap();
    db.close().await;
    let free: i64 = {
        let check = Database::open(&data).await.unwrap();
        let n = sqlx::query_scalar("PRAGMA freelist_count")
            .fetch_one(check.pool())
            .await
            .unwrap();
        check.close().await;
        n
    };
    assert_eq!(free, 0, "every page is in use, so the damage lands in one");
    damage_middle_page(&data.database());
    let damaged_bytes = std::fs::read(data.database()).unwrap();

    let err = Database::open(&data).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt, "{err:?}");
    assert!(err.message.contains("is damaged"), "{}", err.message);
    assert_eq!(
        std::fs::read(data.database()).unwrap(),
        damaged_bytes,
        "left untouched"
    );
    // A read-only open (spotter-cli) says the same.
    let err = Database::open_read_only(&data).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt);

    let latest = backups::latest(&data).unwrap().unwrap();
    assert_eq!(latest, backup);
    let (restored, report) = backups::restore(None, &data, Path::new(&latest.path))
        .await
        .unwrap();
    assert_eq!(client_names(&restored).await, names);
    assert!(report.safety_backup.is_none());
    let aside = PathBuf::from(report.set_aside.expect("the damaged file is kept"));
    assert!(aside.starts_with(data.root().join("damaged")));
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        damaged_bytes,
        "kept as it was"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_at_all_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    std::fs::write(data.database(), vec![0x42u8; 64 * 1024]).unwrap();
    let err = Database::open(&data).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt);
}

#[tokio::test]
async fn the_pre_migration_backup_is_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let (v1, v2) = (dir.path().join("v1"), dir.path().join("v2"));
    std::fs::create_dir_all(&v1).unwrap();
    std::fs::write(
        v1.join("1_first.sql"),
        "CREATE TABLE notes (id TEXT PRIMARY KEY);",
    )
    .unwrap();
    std::fs::create_dir_all(&v2).unwrap();
    std::fs::copy(v1.join("1_first.sql"), v2.join("1_first.sql")).unwrap();
    std::fs::write(
        v2.join("2_second.sql"),
        "ALTER TABLE notes ADD COLUMN body TEXT;",
    )
    .unwrap();

    let db = Database::open_with(&data, &Migrator::new(v1.as_path()).await.unwrap())
        .await
        .unwrap();
    db.close().await;
    let db = Database::open_with(&data, &Migrator::new(v2.as_path()).await.unwrap())
        .await
        .unwrap();
    let taken = db.pre_migration_backup().unwrap().to_path_buf();
    let listed = backups::list(&data).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].reason, BackupReason::BeforeMigration);
    assert_eq!(PathBuf::from(&listed[0].path), taken);
}

/// How much of the file at `path` this process has mapped and resident, in kB (the Rss of
/// every mapping of it in /proc/self/smaps).
#[cfg(target_os = "linux")]
fn resident_kb_of(path: &Path) -> u64 {
    let path = std::fs::canonicalize(path).unwrap();
    let path = path.to_str().unwrap();
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
    let mut in_file = false;
    let mut kb = 0;
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or_default();
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            // A mapping's header: address range, perms, offset, device, inode, path.
            in_file = line.ends_with(path);
        } else if in_file && first == "Rss:" {
            kb += words.next().unwrap().parse::<u64>().unwrap();
        }
    }
    kb
}

/// A backup reads every page; through a pooled connection (memory-mapped, living as long as
/// the app) the whole file stayed mapped in the app's memory afterwards.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_backup_leaves_no_copy_of_the_database_mapped_in_the_app() {
    let (_dir, data, db) = demo().await;
    // Reopened, so that the data is in the main file (not the write-ahead log) and the pool's
    // connections start with nothing mapped.
    db.close().await;
    let db = Database::open(&data).await.unwrap();
    let file_kb = std::fs::metadata(db.path()).unwrap().len() / 1024;
    assert!(
        file_kb > 1024,
        "the demo data is {file_kb} kB: too small to tell"
    );
    let before = resident_kb_of(db.path());
    backups::take(&db, &data, BackupReason::Manual)
        .await
        .unwrap();
    let after = resident_kb_of(db.path());
    assert!(
        after.saturating_sub(before) < file_kb / 4,
        "after a backup {after} kB of the {file_kb} kB database are mapped (before: {before} kB)"
    );
    // The connections still work, and the copy is whole.
    assert!(!client_names(&db).await.is_empty());
    assert_eq!(backups::list(&data).unwrap().len(), 1);
}

/// The health checker's database checks read every page too (quick_check) and whole tables
/// (the link checks), every few minutes while the app runs.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn the_health_checks_leave_no_copy_of_the_database_mapped_in_the_app() {
    use spotter_core::ai::facts::health;
    let (_dir, data, db) = demo().await;
    db.close().await;
    let db = Database::open(&data).await.unwrap();
    let file_kb = std::fs::metadata(db.path()).unwrap().len() / 1024;
    let before = resident_kb_of(db.path());
    let checks = health::local_checks(&db, &data, &data.logs()).await.unwrap();
    let database = checks.iter().find(|c| c.key == "database").unwrap();
    assert_eq!(database.status, health::HealthStatus::Ok, "{}", database.detail);
    let after = resident_kb_of(db.path());
    assert!(
        after.saturating_sub(before) < file_kb / 4,
        "after the health checks {after} kB of the {file_kb} kB database are mapped (before: {before} kB)"
    );
}
