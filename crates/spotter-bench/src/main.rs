//! `spotter-bench`: core benchmarks on a seeded database, printed as JSON lines
//! for scripts/bench.sh and docs/BENCHMARKS.md.
//!
//!   spotter-bench search [--clients N] [--rounds R] [--data-dir DIR]
//!   spotter-bench schedule [--rounds R] --data-dir DIR      (seeds 1,000,000 sessions once)
//!   spotter-bench ics [--rounds R] --data-dir DIR           (exports 10,000 events)
//!   spotter-bench training [--rounds R] --data-dir DIR      (plan PDFs, plan versions, progress data)
//!   spotter-bench ai [--rounds R] --data-dir DIR            (agent overhead, weekly digest)
//!   spotter-bench sync [--rows N] [--seconds S] [--devices D] --data-dir DIR
//!                                                           (studio sync on a throwaway PostgreSQL)
//!   spotter-bench crash [--kills N] [--seed S] --data-dir DIR
//!                                                           (SIGKILLs a writer N times, checks after each)
//!   spotter-bench crash-writer --data-dir DIR --seed S --first-seq N   (the writer it kills)

mod ai;
mod schedule;
mod sync;
mod training;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use spotter_core::clients::{self, ClientListQuery};
use spotter_core::seed;
use spotter_store::paths::DataDir;
use spotter_store::Database;

/// What a trainer types, keystroke by keystroke: each prefix is one query.
const TYPED: &[&str] = &[
    "anna schmidt",
    "zoë",
    "nunez",
    "greta w",
    "knee",
    "+49 1",
    "jonas.k",
    "rehab",
    "müller",
    "sø",
];

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let clients_n: u64 = arg("--clients")
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let rounds: usize = arg("--rounds").and_then(|v| v.parse().ok()).unwrap_or(20);
    match args.first().map(String::as_str) {
        Some("search") => {
            let tmp;
            let dir = match arg("--data-dir") {
                Some(d) => PathBuf::from(d),
                None => {
                    tmp =
                        std::env::temp_dir().join(format!("spotter-bench-{}", std::process::id()));
                    tmp.clone()
                }
            };
            if let Err(e) = bench_search(&DataDir::new(&dir), clients_n, rounds).await {
                eprintln!("bench failed: {}", e.message);
                std::process::exit(1);
            }
            if arg("--data-dir").is_none() {
                let _ = std::fs::remove_dir_all(&dir);
            }
        }
        Some(which @ ("schedule" | "ics" | "training" | "ai")) => {
            let Some(dir) = arg("--data-dir") else {
                eprintln!("spotter-bench {which} needs --data-dir (the seeded data is kept there for the next run)");
                std::process::exit(2);
            };
            let data = DataDir::new(PathBuf::from(dir));
            let result = match which {
                "schedule" => schedule::run(&data, rounds).await,
                "ics" => schedule::ics_export(&data, rounds).await,
                "ai" => ai::run(&data, rounds).await,
                _ => training::run(&data, rounds).await,
            };
            if let Err(e) = result {
                eprintln!("bench failed: {}", e.message);
                std::process::exit(1);
            }
        }
        Some("sync") => {
            let Some(dir) = arg("--data-dir") else {
                eprintln!("spotter-bench sync needs --data-dir (scratch space, emptied first)");
                std::process::exit(2);
            };
            let rows = arg("--rows")
                .and_then(|v| v.parse().ok())
                .unwrap_or(100_000);
            let seconds = arg("--seconds").and_then(|v| v.parse().ok()).unwrap_or(60);
            let devices = arg("--devices").and_then(|v| v.parse().ok()).unwrap_or(50);
            if let Err(e) = sync::run(&PathBuf::from(dir), rows, seconds, devices).await {
                eprintln!("bench failed: {}", e.message);
                std::process::exit(1);
            }
        }
        Some("crash") => {
            let Some(dir) = arg("--data-dir") else {
                eprintln!("spotter-bench crash needs --data-dir (scratch space, emptied first)");
                std::process::exit(2);
            };
            let kills = arg("--kills").and_then(|v| v.parse().ok()).unwrap_or(1000);
            let seed = arg("--seed")
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(crash_seed);
            let dir = PathBuf::from(dir);
            let _ = std::fs::remove_dir_all(&dir);
            let started = Instant::now();
            let result = match spotter_bench::crash::this_exe() {
                Ok(exe) => spotter_bench::crash::run(&exe, &dir, seed, kills).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(r) => println!(
                    "{}",
                    serde_json::json!({
                        "bench": "crash_safety",
                        "seed": r.seed,
                        "kills_survived": r.kills,
                        "writes_acknowledged": r.acknowledged,
                        "killed_with_a_write_in_flight": r.in_flight,
                        "in_flight_committed": r.in_flight_committed,
                        "killed_while_opening": r.before_first_write,
                        "seconds": started.elapsed().as_secs_f64(),
                    })
                ),
                Err(e) => {
                    eprintln!("crash run failed: {e}");
                    std::process::exit(1);
                }
            }
        }
        Some("crash-writer") => {
            let (Some(dir), Some(seed), Some(first)) = (
                arg("--data-dir"),
                arg("--seed").and_then(|v| v.parse().ok()),
                arg("--first-seq").and_then(|v| v.parse().ok()),
            ) else {
                eprintln!("spotter-bench crash-writer needs --data-dir, --seed and --first-seq");
                std::process::exit(2);
            };
            if let Err(e) =
                spotter_bench::crash::writer::run(&DataDir::new(PathBuf::from(dir)), seed, first)
                    .await
            {
                eprintln!("crash-writer: a write failed: {} ({:?})", e.message, e.code);
                std::process::exit(3);
            }
        }
        _ => {
            eprintln!("usage: spotter-bench search|schedule|ics|training|ai|sync|crash [--clients N] [--rounds R] [--data-dir DIR]");
            std::process::exit(2);
        }
    }
}

async fn bench_search(data: &DataDir, clients_n: u64, rounds: usize) -> spotter_store::Result<()> {
    let db = Database::open(data).await?;
    let existing = clients::list(
        &db,
        &ClientListQuery {
            limit: Some(1),
            ..Default::default()
        },
    )
    .await?;
    if existing.is_empty() {
        let t = Instant::now();
        seed::seed_bench(&db, clients_n, 0, 0).await?;
        eprintln!("seeded {clients_n} clients in {:?}", t.elapsed());
    }
    let queries: Vec<String> = TYPED
        .iter()
        .flat_map(|word| {
            word.char_indices()
                .map(|(i, c)| word[..i + c.len_utf8()].to_owned())
        })
        .collect();
    // Warm the page cache the way an open app would be.
    for q in &queries {
        clients::list(
            &db,
            &ClientListQuery {
                search: Some(q.clone()),
                limit: Some(50),
                ..Default::default()
            },
        )
        .await?;
    }
    let mut samples: Vec<Duration> = Vec::with_capacity(queries.len() * rounds);
    let mut worst: Vec<(Duration, String)> = Vec::new();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for q in &queries {
            let t = Instant::now();
            let found = clients::list(
                &db,
                &ClientListQuery {
                    search: Some(q.clone()),
                    limit: Some(50),
                    ..Default::default()
                },
            )
            .await?;
            samples.push(t.elapsed());
            worst.push((t.elapsed(), q.clone()));
            hits += found.len();
        }
    }
    samples.sort();
    worst.sort_by(|a, b| b.0.cmp(&a.0));
    let mut slowest: Vec<String> = Vec::new();
    for (_, q) in &worst {
        if !slowest.contains(q) && slowest.len() < 5 {
            slowest.push(q.clone());
        }
    }
    let pct = |p: f64| {
        samples[((samples.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
    };
    println!(
        "{}",
        serde_json::json!({
            "bench": "client_search",
            "clients": clients_n,
            "queries": samples.len(),
            "avg_hits": hits as f64 / samples.len() as f64,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "max_ms": pct(1.0),
            "slowest_queries": slowest,
        })
    );
    db.close().await;
    Ok(())
}

/// A seed for a crash run from the clock, printed with the result so a failure can be repeated.
fn crash_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
}

/// p50, p95 and p99 in milliseconds (sorts the samples).
pub fn percentiles(samples: &mut [Duration]) -> (f64, f64, f64) {
    samples.sort();
    let pct = |p: f64| {
        samples[((samples.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
    };
    (pct(0.50), pct(0.95), pct(0.99))
}

/// A tiny deterministic generator, so runs pick the same trainers and weeks.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}
