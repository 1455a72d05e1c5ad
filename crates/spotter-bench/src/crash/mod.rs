//! Crash safety: a writer process (`spotter-bench crash-writer`) loops writes through the
//! core and acknowledges each one on stdout once its call has returned; the driver kills it
//! with SIGKILL after a random number of bytes of that output, reopens the database through
//! the core and checks it: `PRAGMA integrity_check`, the derived tables against a fresh
//! computation ([`derived`]), and every acknowledged write present, the one in flight either
//! whole or absent ([`ledger`]). Then it starts the writer again on the same file.
//!
//! SIGKILL ends the process, not the machine: what the kernel had accepted stays in the page
//! cache. It tests that no moment of a write leaves a torn or half-applied database, not
//! what a power cut does (docs/DECISIONS.md).

pub mod derived;
pub mod ledger;
pub mod writer;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use spotter_store::paths::DataDir;
use spotter_store::Database;

/// A small, seedable generator (SplitMix64): the run is repeatable from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// What a run survived.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub seed: u64,
    /// Writers killed, each followed by a reopen and a full check that passed.
    pub kills: u32,
    /// Writes acknowledged before a kill (all found again).
    pub acknowledged: u64,
    /// Kills that fell while a write was in flight (begun, not acknowledged).
    pub in_flight: u32,
    /// Of those, how many had committed (the rest had rolled back).
    pub in_flight_committed: u32,
    /// Kills before the writer had begun any write (while opening the database).
    pub before_first_write: u32,
}

/// Kills the writer `kills` times on the database in `data_dir` (created if missing) and
/// checks the database after each kill. `writer_exe` is a `spotter-bench` binary. Stops
/// at the first failed check, with what failed and the seed.
pub async fn run(
    writer_exe: &Path,
    data_dir: &Path,
    seed: u64,
    kills: u32,
) -> Result<Report, String> {
    let data = DataDir::new(data_dir);
    let setup = Database::open(&data)
        .await
        .map_err(|e| format!("open: {}", e.message))?;
    writer::prepare(&setup)
        .await
        .map_err(|e| format!("prepare: {}", e.message))?;
    setup.close().await;

    let mut rng = Rng::new(seed);
    let mut ledger = ledger::Ledger::default();
    let mut report = Report {
        seed,
        ..Default::default()
    };
    for round in 0..kills {
        let fail = |what: String| format!("seed {seed}, kill {}: {what}", round + 1);
        // One kill in ten falls before any output (while the writer opens the database);
        // the others after a random share of a few dozen writes' output.
        let budget = if rng.below(10) == 0 {
            0
        } else {
            1 + rng.below(4_000) as usize
        };
        // Reading is faster than writing, so a kill right at the budget falls just after a
        // line: a random pause of up to a few writes' length spreads the kills over the
        // writes' statements and commits. It picks the moment; it synchronises nothing
        // (every outcome, committed or not, is checked).
        let jitter = Duration::from_micros(rng.below(6_000));
        let output = kill_after(
            writer_exe,
            data_dir,
            rng.next_u64(),
            u64::from(round) * 1_000_000,
            budget,
            jitter,
        )
        .map_err(&fail)?;
        let lines = ledger::parse(&output).map_err(&fail)?;
        if !lines.iter().any(|l| l.is_begin()) {
            report.before_first_write += 1;
        }

        let db = Database::open(&data)
            .await
            .map_err(|e| fail(format!("reopening after the kill: {}", e.message)))?;
        let checked = async {
            derived::check(&db, &data_dir.join("crash-check.db")).await?;
            ledger.apply(&db, &lines).await
        }
        .await;
        db.close().await;
        let outcome = checked.map_err(&fail)?;
        report.kills += 1;
        report.acknowledged += outcome.acknowledged;
        if let Some(committed) = outcome.in_flight_committed {
            report.in_flight += 1;
            report.in_flight_committed += u32::from(committed);
        }
    }
    Ok(report)
}

/// Starts a writer, reads its output and kills it with SIGKILL `jitter` after `budget` bytes
/// have arrived (at once for 0); returns everything it wrote before it died.
fn kill_after(
    exe: &Path,
    data_dir: &Path,
    seed: u64,
    first_seq: u64,
    budget: usize,
    jitter: Duration,
) -> Result<Vec<u8>, String> {
    let mut child = Command::new(exe)
        .arg("crash-writer")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--seed")
        .arg(seed.to_string())
        .arg("--first-seq")
        .arg(first_seq.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start the writer {}: {e}", exe.display()))?;
    let mut stdout = child.stdout.take().ok_or("the writer has no stdout")?;
    let mut output = Vec::new();
    let mut chunk = [0u8; 512];
    while output.len() < budget {
        match stdout.read(&mut chunk) {
            Ok(0) => break, // it ended by itself: reported below
            Ok(n) => output.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(format!("reading the writer: {e}")),
        }
    }
    if budget > 0 {
        std::thread::sleep(jitter);
    }
    // Child::kill is SIGKILL on Unix.
    let _ = child.kill();
    let status = child
        .wait()
        .map_err(|e| format!("waiting for the writer: {e}"))?;
    // What it wrote before it died is still in the pipe.
    stdout
        .read_to_end(&mut output)
        .map_err(|e| format!("reading the writer: {e}"))?;
    use std::os::unix::process::ExitStatusExt;
    if status.signal() != Some(9) {
        return Err(format!(
            "the writer ended by itself ({status}) before it was killed"
        ));
    }
    Ok(output)
}

/// The `spotter-bench` binary beside the running one (for the bench command itself).
pub fn this_exe() -> Result<PathBuf, String> {
    std::env::current_exe().map_err(|e| format!("cannot find spotter-bench itself: {e}"))
}
