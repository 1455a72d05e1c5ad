//! Studio sync benchmarks against a throwaway PostgreSQL on loopback (spotter-pgtest):
//!   * initial pull of N client rows into an empty device, and in the same run the baselines: a
//!     bare `COPY … TO STDOUT` of the same rows plus a bare SQLite insert of them; then N rows
//!     of a studio's usual mix (clients, sessions, participants);
//!   * a push of 10,000 local changes;
//!   * one change's round trip from device A's write to device B's data, woken by NOTIFY;
//!   * load: D devices of several studios pushing and pulling at once for S seconds, then
//!     every replica compared with the server.
//! Each prints one JSON line.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use spotter_core::clients::{self, ClientInput};
use spotter_core::seed;
use spotter_pgtest::TempPostgres;
use spotter_store::paths::DataDir;
use spotter_store::Database;
use spotter_sync::engine::{self, SyncReport};
use spotter_sync::server::{admin, Server, ServerAddress};
use spotter_sync::{device, tables};
use sqlx::Connection;

const OWNER_PASSWORD: &str = "bench-owner-pw";

struct Dev {
    db: Database,
    server: Server,
}

async fn open(dir: &Path) -> spotter_store::Result<Database> {
    Database::open(&DataDir::new(dir.to_path_buf())).await
}

fn quiet(_: engine::Progress) {}

/// A studio database on `pg` created by an owner device at `dir` (already seeded by the caller).
async fn create_studio(
    pg: &TempPostgres,
    name: &str,
    owner_db: &Database,
) -> spotter_store::Result<(ServerAddress, Dev)> {
    let url = pg.create_studio_database(name, &format!("{name}_owner"), OWNER_PASSWORD);
    let (address, password) = ServerAddress::parse(&url, None)?;
    let password = password.expect("password in the URL");
    admin::init(owner_db, &address, &password, name).await?;
    let server = Server::connect(&address, &password).await?;
    Ok((
        address,
        Dev {
            db: owner_db.clone(),
            server,
        },
    ))
}

async fn join(
    owner: &Dev,
    base: &ServerAddress,
    name: &str,
    dir: &Path,
) -> spotter_store::Result<Dev> {
    let inv = admin::invite(&owner.db, &owner.server, name, "trainer", None).await?;
    let db = open(dir).await?;
    let address = ServerAddress {
        user: inv.login.clone(),
        ..base.clone()
    };
    let server = Server::connect(&address, &inv.password).await?;
    admin::join(&db, &server).await?;
    Ok(Dev { db, server })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub async fn run(out: &Path, rows: u64, seconds: u64, devices: usize) -> spotter_store::Result<()> {
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).map_err(|e| spotter_store::AppError::io("bench dir", e))?;
    let pg = Arc::new(TempPostgres::start());
    initial_pull(&pg, out, rows).await?;
    initial_pull_mix(&pg, out, rows).await?;
    push_10k(&pg, out).await?;
    round_trip(&pg, out, 200).await?;
    load(&pg, out, seconds, devices).await?;
    Ok(())
}

/// What one initial pull measured.
struct Pulled {
    owner: Dev,
    report: SyncReport,
    pull: Duration,
    fetch_only: Duration,
    fetched: usize,
    upload: Duration,
    uploaded: usize,
}

/// An owner seeded with `clients` clients (and `sessions` sessions of `trainers` trainers)
/// creates studio `name`; a new device joins and pulls everything. The same pages are also
/// fetched without applying them: the server's and the network's share.
async fn seed_and_pull(
    pg: &TempPostgres,
    out: &Path,
    name: &str,
    (clients, trainers, sessions): (u64, u64, u64),
) -> spotter_store::Result<Pulled> {
    let owner_db = open(&out.join(format!("{name}-owner"))).await?;
    seed::seed_bench(&owner_db, clients, trainers, sessions).await?;
    let (address, owner) = create_studio(pg, name, &owner_db).await?;
    let t = Instant::now();
    let up = engine::sync(&owner.db, &owner.server, &mut quiet).await?;
    let upload = t.elapsed();
    let member = join(
        &owner,
        &address,
        "Puller",
        &out.join(format!("{name}-member")),
    )
    .await?;

    let t = Instant::now();
    let (mut cursor, mut fetched) = (0, 0usize);
    loop {
        let page =
            spotter_sync::server::pull::page(&member.server, cursor, engine::PULL_PAGE).await?;
        fetched += page.rows.len();
        cursor = page.cursor;
        if page.complete {
            break;
        }
    }
    let fetch_only = t.elapsed();

    let t = Instant::now();
    let report = engine::sync(&member.db, &member.server, &mut quiet).await?;
    let pull = t.elapsed();
    Ok(Pulled {
        owner,
        report,
        pull,
        fetch_only,
        fetched,
        upload,
        uploaded: up.pushed,
    })
}

/// A studio's usual mix instead of clients only: a fifth clients, the rest sessions and their
/// participants (narrower rows, no search index).
async fn initial_pull_mix(pg: &TempPostgres, out: &Path, rows: u64) -> spotter_store::Result<()> {
    let p = seed_and_pull(pg, out, "pullmix", (rows / 5, 10, rows * 35 / 100)).await?;
    println!(
        "{}",
        json!({
            "bench": "sync_initial_pull_mix",
            "rows": p.report.pulled,
            "pull_ms": p.pull.as_millis(),
            "fetch_only_ms": p.fetch_only.as_millis(),
            "fetched_rows": p.fetched,
            "rows_per_s": (p.report.pulled as f64 / p.pull.as_secs_f64()).round(),
        })
    );
    Ok(())
}

async fn initial_pull(pg: &TempPostgres, out: &Path, rows: u64) -> spotter_store::Result<()> {
    let Pulled {
        owner,
        report,
        pull,
        fetch_only,
        fetched,
        upload,
        uploaded,
    } = seed_and_pull(pg, out, "pullbench", (rows, 0, 0)).await?;

    // Baseline 1: the same rows, bare, out of the server (COPY … TO STDOUT, bytes discarded).
    let clients = tables::table("clients").expect("clients");
    let cols: Vec<&str> = clients.columns.iter().map(|c| c.name).collect();
    let mut conn = sqlx::postgres::PgConnection::connect(&pg.superuser_url("pullbench"))
        .await
        .map_err(|e| owner.server.error(e))?;
    let t = Instant::now();
    let mut bytes = 0usize;
    {
        use futures_util::StreamExt;
        let mut stream = conn
            .copy_out_raw(&format!(
                "COPY (SELECT {} FROM spotter.clients) TO STDOUT",
                cols.join(", ")
            ))
            .await
            .map_err(|e| owner.server.error(e))?;
        while let Some(chunk) = stream.next().await {
            bytes += chunk.map_err(|e| owner.server.error(e))?.len();
        }
    }
    let copy = t.elapsed();
    // Baseline 2: a bare SQLite insert of as many rows of the same shape, one transaction.
    let bare_dir = out.join("bare.db");
    let bare = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&bare_dir)
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal),
        )
        .await?;
    sqlx::query(&format!(
        "CREATE TABLE t ({})",
        cols.iter()
            .map(|c| format!("{c} ANY"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .execute(&bare)
    .await?;
    let source: Vec<(String, String, Option<String>, Option<String>, String)> =
        sqlx::query_as("SELECT id, name, email, phone, created_at FROM clients")
            .fetch_all(owner.db.pool())
            .await?;
    let t = Instant::now();
    let mut tx = bare.begin().await?;
    let sql = format!(
        "INSERT INTO t ({}) VALUES ({})",
        cols.join(", "),
        vec!["?"; cols.len()].join(", ")
    );
    for (id, name, email, phone, created) in &source {
        let mut q = sqlx::query(&sql);
        for c in &cols {
            q = match *c {
                "id" => q.bind(id),
                "name" => q.bind(name),
                "email" => q.bind(email),
                "phone" => q.bind(phone),
                "created_at" | "updated_at" => q.bind(created),
                "tags" | "body_areas" => q.bind("[]"),
                "needs_clearance" => q.bind(0),
                _ => q.bind(None::<String>),
            };
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    let insert = t.elapsed();
    let baseline = copy + insert;
    println!(
        "{}",
        json!({
            "bench": "sync_initial_pull",
            "rows": report.pulled,
            "pull_ms": pull.as_millis(),
            "fetch_only_ms": fetch_only.as_millis(),
            "fetched_rows": fetched,
            "rows_per_s": (report.pulled as f64 / pull.as_secs_f64()).round(),
            "baseline_copy_ms": copy.as_millis(),
            "baseline_copy_bytes": bytes,
            "baseline_sqlite_insert_ms": insert.as_millis(),
            "ratio_to_baseline": (pull.as_secs_f64() / baseline.as_secs_f64() * 100.0).round() / 100.0,
            "initial_upload_rows": uploaded,
            "initial_upload_ms": upload.as_millis(),
        })
    );
    Ok(())
}

async fn push_10k(pg: &TempPostgres, out: &Path) -> spotter_store::Result<()> {
    let db = open(&out.join("push-owner")).await?;
    let (_address, owner) = create_studio(pg, "pushbench", &db).await?;
    engine::sync(&owner.db, &owner.server, &mut quiet).await?;
    let n = 10_000;
    for i in 0..n {
        clients::create(
            &owner.db,
            &ClientInput {
                name: format!("Pushed client {i}"),
                email: Some(format!("p{i}@example.com")),
                ..Default::default()
            },
        )
        .await?;
    }
    let t = Instant::now();
    let report = engine::sync(&owner.db, &owner.server, &mut quiet).await?;
    let took = t.elapsed();
    println!(
        "{}",
        json!({
            "bench": "sync_push",
            "changes": report.pushed,
            "push_ms": took.as_millis(),
            "changes_per_s": (report.pushed as f64 / took.as_secs_f64()).round(),
            "batch": engine::PUSH_BATCH,
        })
    );
    Ok(())
}

async fn round_trip(pg: &TempPostgres, out: &Path, rounds: usize) -> spotter_store::Result<()> {
    let db = open(&out.join("rt-a")).await?;
    let (address, a) = create_studio(pg, "rtbench", &db).await?;
    engine::sync(&a.db, &a.server, &mut quiet).await?;
    let b = join(&a, &address, "Watcher", &out.join("rt-b")).await?;
    engine::sync(&a.db, &a.server, &mut quiet).await?;
    engine::sync(&b.db, &b.server, &mut quiet).await?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Instant, usize)>();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let (bdb, bserver) = (b.db.clone(), b.server.clone());
    let watcher = tokio::spawn(async move {
        let mut on_round = |r: spotter_store::Result<SyncReport>| {
            let _ = tx.send((Instant::now(), r.map(|r| r.pulled).unwrap_or(0)));
        };
        engine::watch(
            &bdb,
            &bserver,
            Duration::from_secs(3600),
            async {
                let _ = stop_rx.await;
            },
            &mut on_round,
        )
        .await
    });
    rx.recv().await; // the watcher's first round
    let mut ms = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let t0 = Instant::now();
        clients::create(
            &a.db,
            &ClientInput {
                name: format!("Round trip {i}"),
                ..Default::default()
            },
        )
        .await?;
        engine::sync(&a.db, &a.server, &mut quiet).await?;
        loop {
            match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
                Ok(Some((at, pulled))) if pulled > 0 => {
                    ms.push(at.duration_since(t0).as_secs_f64() * 1000.0);
                    break;
                }
                Ok(Some(_)) => continue,
                _ => {
                    return Err(spotter_store::AppError::internal(
                        "the watcher was not woken within 10 s",
                    ))
                }
            }
        }
    }
    let _ = stop_tx.send(());
    let _ = watcher.await;
    ms.sort_by(|x, y| x.total_cmp(y));
    println!(
        "{}",
        json!({
            "bench": "sync_round_trip",
            "rounds": rounds,
            "p50_ms": (percentile(&ms, 0.5) * 10.0).round() / 10.0,
            "p99_ms": (percentile(&ms, 0.99) * 10.0).round() / 10.0,
            "max_ms": (ms.last().copied().unwrap_or(0.0) * 10.0).round() / 10.0,
        })
    );
    Ok(())
}

async fn load(
    pg: &Arc<TempPostgres>,
    out: &Path,
    seconds: u64,
    devices: usize,
) -> spotter_store::Result<()> {
    const PER_STUDIO: usize = 5;
    let studios = devices.div_ceil(PER_STUDIO);
    let mut all: Vec<Arc<Dev>> = Vec::new();
    for s in 0..studios {
        let dir: PathBuf = out.join(format!("load-{s}-0"));
        let db = open(&dir).await?;
        clients::create(
            &db,
            &ClientInput {
                name: "First client".into(),
                ..Default::default()
            },
        )
        .await?;
        let name = format!("loadstudio{s}");
        let (address, owner) = create_studio(pg, &name, &db).await?;
        engine::sync(&owner.db, &owner.server, &mut quiet).await?;
        let mut members = Vec::new();
        for m in 1..PER_STUDIO.min(devices - s * PER_STUDIO) {
            members.push(
                join(
                    &owner,
                    &address,
                    &format!("{name} trainer {m}"),
                    &out.join(format!("load-{s}-{m}")),
                )
                .await?,
            );
        }
        all.push(Arc::new(owner));
        all.extend(members.into_iter().map(Arc::new));
    }
    for d in &all {
        engine::sync(&d.db, &d.server, &mut quiet).await?;
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for (i, d) in all.iter().enumerate() {
        let d = d.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let (mut errors, mut writes) = (0usize, 0usize);
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let list = clients::list(&d.db, &Default::default())
                    .await
                    .unwrap_or_default();
                let edit = list.get((n as usize * 7 + i) % list.len().max(1)).cloned();
                let written = match (n % 3, edit) {
                    (0, Some(c)) => clients::update(
                        &d.db,
                        &c.id,
                        &ClientInput {
                            name: c.name.clone(),
                            phone: Some(format!("+49 170 {}", 1_000_000 + n)),
                            ..Default::default()
                        },
                    )
                    .await
                    .map(|_| ()),
                    _ => clients::create(
                        &d.db,
                        &ClientInput {
                            name: format!("Load {i}-{n}"),
                            ..Default::default()
                        },
                    )
                    .await
                    .map(|_| ()),
                };
                if written.is_ok() {
                    writes += 1;
                }
                let t = Instant::now();
                match engine::sync(&d.db, &d.server, &mut quiet).await {
                    Ok(_) => latencies.push(t.elapsed().as_secs_f64() * 1000.0),
                    Err(e) => {
                        errors += 1;
                        eprintln!("device {i}: {}", e.message);
                    }
                }
            }
            (latencies, errors, writes)
        }));
    }
    let mut latencies = Vec::new();
    let (mut errors, mut writes) = (0, 0);
    for t in tasks {
        let (l, e, w) = t
            .await
            .map_err(|e| spotter_store::AppError::internal(e.to_string()))?;
        latencies.extend(l);
        errors += e;
        writes += w;
    }
    // Quiescence, then every replica against its studio's server rows.
    for _ in 0..2 {
        for d in &all {
            engine::sync(&d.db, &d.server, &mut quiet).await?;
        }
    }
    let mut unequal = 0;
    for d in &all {
        if device::pending_count(&d.db).await? != 0 || !replica_equals_server(d).await? {
            unequal += 1;
        }
    }
    latencies.sort_by(|x, y| x.total_cmp(y));
    println!(
        "{}",
        json!({
            "bench": "sync_load",
            "devices": all.len(),
            "studios": studios,
            "seconds": seconds,
            "syncs": latencies.len(),
            "writes": writes,
            "syncs_per_s": (latencies.len() as f64 / seconds as f64).round(),
            "writes_per_s": (writes as f64 / seconds as f64).round(),
            "sync_p50_ms": (percentile(&latencies, 0.5) * 10.0).round() / 10.0,
            "sync_p99_ms": (percentile(&latencies, 0.99) * 10.0).round() / 10.0,
            "errors": errors,
            "replicas_unequal": unequal,
        })
    );
    Ok(())
}

/// The clients table (the one the load writes) is the same on the device and the server.
async fn replica_equals_server(d: &Dev) -> spotter_store::Result<bool> {
    let mut local: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, phone FROM clients")
            .fetch_all(d.db.pool())
            .await?;
    let mut remote: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT id::text, name::text, phone::text FROM spotter.clients")
            .fetch_all(d.server.pool())
            .await
            .map_err(|e| d.server.error(e))?;
    local.sort();
    remote.sort();
    Ok(local == remote)
}
