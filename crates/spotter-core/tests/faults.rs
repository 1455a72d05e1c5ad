//! Faults of the machine around the database, with real files: a locked database, a
//! read-only database file, a full disk. Each write fails with its own error code and a
//! message that names the cause and the fix (never SQLite's words), reads keep working,
//! nothing of the failed write is stored, and a write after the fault clears succeeds.
//! How each fault is made, and why it is the real thing, is said at each test and in
//! docs/DECISIONS.md ("Fault tests").

use std::path::{Path, PathBuf};
use std::process::Command;

use spotter_core::clients::{self, ClientInput, ClientListQuery, ClientStatusFilter};
use spotter_core::export;
use spotter_core::schedule::{sessions, trainers, Recurrence, SaveOutcome, SessionInput};
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database, ErrorCode};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

fn client(name: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        ..Default::default()
    }
}

async fn names(db: &Database) -> Vec<String> {
    let mut names: Vec<String> = clients::list(
        db,
        &ClientListQuery {
            status: ClientStatusFilter::All,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .into_iter()
    .map(|c| c.name)
    .collect();
    names.sort();
    names
}

/// The message is the trainer's: it names the cause and carries no SQLite text.
fn assert_plain(err: &AppError, code: ErrorCode, cause: &str) {
    assert_eq!(err.code, code, "{err:?}");
    assert!(err.message.contains(cause), "{err:?}");
    for sqlite_words in [
        "error returned from database",
        "(code:",
        "attempt to write",
        "database or disk is full",
        "database is locked",
    ] {
        assert!(!err.message.contains(sqlite_words), "{err:?}");
    }
}

/// Another program holds the write lock (BEGIN EXCLUSIVE). The holder is a second SQLite
/// connection in this process: SQLite's locks are the same file locks whether the holder is
/// another connection or another process (the unix VFS shares them per file within a
/// process), and the core has no way to tell the two apart. The core waits its busy
/// timeout (10 s) and then says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_database_keeps_reading_refuses_the_write_clearly_and_saves_it_later() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    clients::create(&db, &client("Before Lock")).await.unwrap();

    let mut holder = SqliteConnectOptions::new()
        .filename(db.path())
        .connect()
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();

    // WAL: readers are not blocked by a writer, so the app keeps showing its data.
    assert_eq!(names(&db).await, ["Before Lock"]);
    let err = clients::create(&db, &client("During Lock"))
        .await
        .unwrap_err();
    assert_plain(&err, ErrorCode::Busy, "another Spotter or tool has it open");

    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    holder.close().await.unwrap();
    assert_eq!(
        names(&db).await,
        ["Before Lock"],
        "nothing of the refused write"
    );
    clients::create(&db, &client("After Lock")).await.unwrap();
    assert_eq!(names(&db).await, ["After Lock", "Before Lock"]);
}

/// How this machine can make a file read-only for the test, undone on drop.
enum ReadOnly {
    /// chmod 0444: stops writes for an ordinary user.
    Mode(PathBuf),
    /// A read-only bind mount of the file over itself: the kernel refuses to open it for
    /// writing (EROFS), for root too, exactly as on a drive mounted read-only.
    BindMount(PathBuf),
}

impl ReadOnly {
    /// None when neither works here (root without the right to mount).
    fn make(file: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        let writable = |f: &Path| std::fs::OpenOptions::new().write(true).open(f).is_ok();
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o444)).unwrap();
        if !writable(file) {
            return Some(ReadOnly::Mode(file.to_owned()));
        }
        // Root ignores file modes; a read-only mount stops root as well.
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mounted = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(file)
                .arg(file)
                .status()
                .is_ok_and(|s| s.success())
        };
        if mounted(&["--bind"]) {
            let guard = ReadOnly::BindMount(file.to_owned());
            if mounted(&["-o", "remount,bind,ro"]) && !writable(file) {
                return Some(guard);
            }
        }
        None
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        match self {
            ReadOnly::Mode(f) => {
                let _ = std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644));
            }
            ReadOnly::BindMount(f) => {
                // Lazy: a connection the pool is still closing may hold the read-only view;
                // every later open sees the writable file.
                let _ = Command::new("umount").arg("-l").arg(&*f).status();
            }
        }
    }
}

/// The database file read-only (its permissions, or a drive mounted read-only). SQLite
/// then opens it read-only by itself; the app opens, shows its data and refuses each write
/// with a message that says how to fix it. As root, where a file mode stops nothing, the
/// file is bind-mounted read-only over itself (see [`ReadOnly`]).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_database_file_opens_shows_its_data_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    // Made on one plain connection, closed for sure before the file turns read-only: a
    // pool's connections may close a moment after the pool says so, and a handle still
    // open from before would let this process write on.
    let mut conn = SqliteConnectOptions::new()
        .filename(data.database())
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .connect()
        .await
        .unwrap();
    spotter_store::db::MIGRATOR.run(&mut conn).await.unwrap();
    sqlx::query(
        "INSERT INTO clients (id, name, created_at, updated_at)
         VALUES ('01900000-0000-7000-8000-000000000001', 'Kept', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    let before = std::fs::read(data.database()).unwrap();
    assert_eq!(
        open_handles(&data.database()),
        0,
        "nothing holds the file any more"
    );

    let Some(read_only) = ReadOnly::make(&data.database()) else {
        eprintln!("skipped: as root without the right to mount, this machine cannot make a read-only file");
        return;
    };
    let db = Database::open(&data)
        .await
        .expect("a read-only database still opens, for reading");
    assert_eq!(names(&db).await, ["Kept"]);
    let err = clients::create(&db, &client("Refused")).await.unwrap_err();
    assert_plain(&err, ErrorCode::ReadOnly, "read-only");
    assert!(err.message.contains("writable"), "says the fix: {err:?}");
    assert_eq!(names(&db).await, ["Kept"]);
    db.close().await;
    assert_eq!(
        std::fs::read(data.database()).unwrap(),
        before,
        "the file is untouched"
    );

    // Writable again: after a restart the next write is saved.
    drop(read_only);
    let db = Database::open(&data).await.unwrap();
    clients::create(&db, &client("Saved Later")).await.unwrap();
    assert_eq!(names(&db).await, ["Kept", "Saved Later"]);
}

/// How many of this process's file descriptors are open on `file`.
fn open_handles(file: &Path) -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|fds| {
            fds.flatten()
                .filter(|fd| std::fs::read_link(fd.path()).is_ok_and(|t| t == file))
                .count()
        })
        .unwrap_or(0)
}

/// Caps every pooled connection's database size at its current page count.
/// `PRAGMA max_page_count` is per connection, so each of the pool's connections gets it.
async fn set_max_pages(db: &Database, pages: Option<i64>) {
    let max = db.pool().options().get_max_connections();
    let mut held = Vec::new();
    for _ in 0..max {
        held.push(db.pool().acquire().await.unwrap());
    }
    for conn in &mut held {
        let limit = match pages {
            Some(p) => p,
            None => sqlx::query_scalar::<_, i64>("PRAGMA page_count")
                .fetch_one(&mut **conn)
                .await
                .unwrap(),
        };
        sqlx::query(&format!("PRAGMA max_page_count = {limit}"))
            .execute(&mut **conn)
            .await
            .unwrap();
    }
}

async fn book_series(db: &Database, title: &str, weeks: u32) -> Result<SaveOutcome, AppError> {
    let me = trainers::me(db).await?;
    let someone = clients::list(db, &ClientListQuery::default()).await?[0]
        .id
        .clone();
    sessions::create(
        db,
        &SessionInput {
            trainer_id: me.id,
            client_ids: vec![someone],
            title: title.into(),
            time_zone: "Europe/Berlin".into(),
            start: "2031-01-06T09:00".into(),
            end: "2031-01-06T10:00".into(),
            recurrence: Some(Recurrence {
                weekdays: Vec::new(),
                interval_weeks: 1,
                until: None,
                count: Some(weeks),
            }),
            override_conflicts: true,
            ..Default::default()
        },
    )
    .await
}

async fn sessions_titled(db: &Database, title: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM sessions WHERE title = ?")
        .bind(title)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// A full disk, as SQLite sees it. `PRAGMA max_page_count` caps the database at its
/// current size: a write that needs one more page fails with SQLITE_FULL, the very code
/// SQLite returns when the disk is full (its unix VFS turns ENOSPC into SQLITE_FULL), and
/// the transaction is rolled back the same way. It runs on any machine; the test below
/// fills a real small filesystem where the machine allows mounting one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_database_refuses_a_whole_series_and_takes_it_once_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    clients::create(&db, &client("Before Full")).await.unwrap();
    set_max_pages(&db, None).await;

    // Fifty weekly sessions in one transaction need new pages.
    let err = book_series(&db, "Series", 50).await.unwrap_err();
    assert_plain(&err, ErrorCode::DiskFull, "the disk is full");
    assert!(
        err.message.contains("Free some space"),
        "says the fix: {err:?}"
    );
    assert_eq!(
        sessions_titled(&db, "Series").await,
        0,
        "not one session of the series"
    );
    assert_eq!(names(&db).await, ["Before Full"], "reads go on");

    set_max_pages(&db, Some(1_073_741_823)).await;
    let SaveOutcome::Saved { sessions, .. } = book_series(&db, "Series", 50).await.unwrap() else {
        panic!("conflicts were overridden")
    };
    assert_eq!(sessions.len(), 50);
    assert_eq!(sessions_titled(&db, "Series").await, 50);
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
}

/// Exports written to /dev/full: every write to it fails with ENOSPC, the kernel's real
/// "no space left on device", so the export's own error path runs as on a full disk.
#[tokio::test]
async fn an_export_onto_a_full_device_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    clients::create(&db, &client("Exported")).await.unwrap();
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full (Linux)")
    };
    let all = export::export_all(&db).await.unwrap();
    let err = export::write_json(&all, full()).unwrap_err();
    assert_plain(&err, ErrorCode::DiskFull, "the disk is full");
    let clients = clients::all_including_deleted(&db).await.unwrap();
    let err = export::write_clients_csv(&clients, full()).unwrap_err();
    assert_plain(&err, ErrorCode::DiskFull, "the disk is full");
}

/// A small real filesystem (tmpfs with a size limit), unmounted on drop.
struct SmallFilesystem(PathBuf);

impl SmallFilesystem {
    fn mount(at: &Path, size: &str) -> Option<Self> {
        Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success())
            .then(|| SmallFilesystem(at.to_owned()))
    }
}

impl Drop for SmallFilesystem {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Fills what is left of a filesystem; returns the filler, to be removed when the disk
/// should have room again.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 64 * 1024];
    loop {
        match f.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling the disk: {e}"),
        }
    }
    // The last partial blocks.
    while f.write(&block[..512]).is_ok_and(|n| n > 0) {}
    filler
}

/// A real full disk: the data folder on an 8 MB tmpfs, filled to the last byte. Needs the
/// right to mount (root here); elsewhere the page-limit test above stands in for it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_really_full_disk_refuses_writes_and_exports_whole_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_fs) = SmallFilesystem::mount(dir.path(), "8m") else {
        eprintln!("skipped: this machine does not let the test mount a small filesystem");
        return;
    };
    let data = DataDir::new(dir.path().join("data"));
    let db = Database::open(&data).await.unwrap();
    clients::create(&db, &client("Before Full")).await.unwrap();
    let filler = fill(dir.path());

    // The write-ahead log may still have room from earlier writes: write until the disk
    // refuses (each is a whole client or nothing).
    let mut saved = vec!["Before Full".to_owned()];
    let err = loop {
        let name = format!("Client {}", saved.len());
        match clients::create(
            &db,
            &ClientInput {
                notes: "x".repeat(4000),
                ..client(&name)
            },
        )
        .await
        {
            Ok(_) => saved.push(name),
            Err(e) => break e,
        }
        assert!(saved.len() < 5_000, "an 8 MB disk never filled");
    };
    assert_plain(&err, ErrorCode::DiskFull, "the disk is full");
    saved.sort();
    assert_eq!(
        names(&db).await,
        saved,
        "every saved client, and not the refused one"
    );

    // An export onto the full disk: refused, and no half file left behind.
    let export_dir = dir.path().join("exports");
    std::fs::create_dir(&export_dir).unwrap_or(());
    let target = export_dir.join("clients.csv");
    let err = export::write_clients_csv_file(&db, target.to_str().unwrap(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::DiskFull, "{err:?}");
    let left: Vec<_> = std::fs::read_dir(&export_dir)
        .map(|d| d.count())
        .into_iter()
        .collect();
    assert_eq!(left, [0], "no export and no temporary file left");

    // Room again: the next write and export succeed.
    std::fs::remove_file(filler).unwrap();
    clients::create(&db, &client("After Full")).await.unwrap();
    export::write_clients_csv_file(&db, target.to_str().unwrap(), None)
        .await
        .unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    db.close().await;
}
