//! Crash safety in `make test`: the crash writer (this crate's binary, `crash-writer`) is
//! killed with SIGKILL 40 times at random moments of its writes through the core; after
//! each kill the database is reopened through the core and checked (integrity, derived
//! tables equal a fresh computation, every acknowledged write present, the write in flight
//! whole or absent). `make bench` runs the same with 1,000 kills (docs/BENCHMARKS.md).
//! The seed is printed; SPOTTER_CRASH_SEED repeats a run.

use std::path::PathBuf;

use spotter_bench::crash;

#[tokio::test(flavor = "current_thread")]
async fn a_writer_killed_at_random_moments_leaves_every_acknowledged_write_and_nothing_torn() {
    let seed: u64 = std::env::var("SPOTTER_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    println!("crash seed {seed} (SPOTTER_CRASH_SEED={seed} repeats this run)");
    let dir: PathBuf =
        std::env::temp_dir().join(format!("spotter-crash-test-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_spotter-bench"));

    let report = crash::run(&exe, &dir, seed, 40).await;
    let _ = std::fs::remove_dir_all(&dir);
    let report = report.unwrap_or_else(|e| panic!("{e}"));
    println!("{report:?}");
    assert_eq!(report.kills, 40);
    // The kills fell during writes, not only between runs: something was acknowledged.
    assert!(report.acknowledged > 0, "{report:?}");
}

/// The checks can fail: a lost acknowledged write, a stale search index and a stale
/// derived column are each reported.
#[tokio::test(flavor = "current_thread")]
async fn the_checks_notice_a_lost_write_and_stale_derived_data() {
    use spotter_core::clients::{self, ClientInput};
    use spotter_store::paths::DataDir;
    use spotter_store::Database;

    let dir = std::env::temp_dir().join(format!("spotter-crash-checks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = Database::open(&DataDir::new(&dir)).await.unwrap();
    crash::writer::prepare(&db).await.unwrap();
    let copy = dir.join("check.db");
    let made = clients::create(
        &db,
        &ClientInput {
            name: "Crash Client 1".into(),
            notes: "created 1".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let lines = crash::ledger::parse(
        format!(
            "begin\t1\tclient_create\tCrash Client 1\nack\t1\tclient_create\t{}\n",
            made.id
        )
        .as_bytes(),
    )
    .unwrap();
    let mut ledger = crash::ledger::Ledger::default();
    crash::derived::check(&db, &copy)
        .await
        .expect("a sound database passes");
    ledger
        .apply(&db, &lines)
        .await
        .expect("the acknowledged client is there");

    // The search index loses the client's row: the comparison with a fresh index fails.
    sqlx::query("DELETE FROM clients_fts")
        .execute(db.pool())
        .await
        .unwrap();
    let err = crash::derived::check(&db, &copy).await.unwrap_err();
    assert!(err.contains("clients_fts"), "{err}");
    sqlx::query("UPDATE clients SET name = name")
        .execute(db.pool())
        .await
        .unwrap();
    crash::derived::check(&db, &copy)
        .await
        .expect("the index is whole again");

    // A derived column out of step with its base rows: a session's participant names.
    let trainer = spotter_core::schedule::trainers::me(&db).await.unwrap();
    spotter_core::schedule::sessions::create(
        &db,
        &spotter_core::schedule::SessionInput {
            trainer_id: trainer.id,
            client_ids: vec![made.id.clone()],
            time_zone: "Europe/Berlin".into(),
            start: "2031-01-06T09:00".into(),
            end: "2031-01-06T10:00".into(),
            override_conflicts: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    crash::derived::check(&db, &copy)
        .await
        .expect("the booking is sound");
    sqlx::query("UPDATE sessions SET participant_names = 'Somebody Else'")
        .execute(db.pool())
        .await
        .unwrap();
    let err = crash::derived::check(&db, &copy).await.unwrap_err();
    assert!(err.starts_with("sessions"), "{err}");

    // The acknowledged client is lost; and a client nobody wrote appears.
    sqlx::query("UPDATE clients SET id = 'someone-else'")
        .execute(db.pool())
        .await
        .unwrap();
    let err = ledger.apply(&db, &[]).await.unwrap_err();
    assert!(
        err.contains("missing") && err.contains("not written by anyone"),
        "{err}"
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
