//! `spotter-cli seed`: demo or benchmark data into a fresh data directory.

use clap::Args;
use spotter_core::seed;
use spotter_store::{AppError, Database};

#[derive(Args)]
pub struct SeedArgs {
    /// A small, realistic data set for trying Spotter.
    #[arg(long, conflicts_with = "bench")]
    demo: bool,
    /// A large synthetic data set for benchmarks.
    #[arg(long)]
    bench: bool,
    /// Number of clients for --bench.
    #[arg(long, default_value_t = 50_000)]
    clients: u64,
    /// With --bench: also this many trainers …
    #[arg(long, default_value_t = 0)]
    trainers: u64,
    /// … and this many sessions, spread over five years.
    #[arg(long, default_value_t = 0)]
    sessions: u64,
}

pub async fn run(args: SeedArgs, db: &Database) -> Result<(), AppError> {
    let report = match (args.demo, args.bench) {
        (true, _) => seed::seed_demo(db).await?,
        (_, true) => seed::seed_bench(db, args.clients, args.trainers, args.sessions).await?,
        _ => return Err(AppError::validation("seed", "choose --demo or --bench")),
    };
    println!(
        "seeded {} clients, {} trainers and {} sessions into {}",
        report.clients,
        report.trainers,
        report.sessions,
        db.path().display()
    );
    Ok(())
}
