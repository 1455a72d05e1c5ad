//! Demo and benchmark data. Deterministic, so screenshots and benchmarks repeat.
//!
//! The parts: `demo.rs` the demo clients and their records, `demo_schedule.rs` the demo's
//! trainers, rooms and sessions (the demo's training is in `seed_training.rs`), `bench.rs`
//! synthetic clients and sessions for benchmarks. Both refuse a database that has clients.

mod bench;
mod demo;
mod demo_schedule;

use spotter_store::{AppError, Database, ErrorCode, Result};

pub use bench::{seed_bench, BENCH_FIRST_DAY};
pub use demo::seed_demo;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedReport {
    pub clients: u64,
    pub trainers: u64,
    pub sessions: u64,
}

/// Seeding goes into an empty database only.
async fn ensure_empty(db: &Database) -> Result<()> {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(db.pool())
        .await?;
    if n > 0 {
        return Err(AppError::new(
            ErrorCode::Validation,
            format!("this database already has {n} clients; seed into a fresh data directory (--data-dir) so demo data never mixes with real data"),
        ));
    }
    Ok(())
}
