//! tracing to a daily-rotating log file, keeping two weeks.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

use spotter_store::{AppError, Result};

/// Keeps the background log writer alive; dropping it flushes.
pub use tracing_appender::non_blocking::WorkerGuard as LogGuard;

const KEEP_FILES: usize = 14;

/// Lines the background writer may fall behind by before a logging call waits for it. The
/// library's default (128,000 lossy lines) allocates and touches 4 MB up front in the app's
/// idle memory (docs/BENCHMARKS.md); the app logs a few lines a minute, and a burst larger
/// than this waits for the disk instead of being dropped.
const BUFFERED_LINES: usize = 2_048;

/// Installs the global subscriber. Keep the guard alive for the life of the process,
/// or buffered lines are lost. `RUST_LOG` overrides the default level.
pub fn init_file_logging(dir: &Path, also_stderr: bool) -> Result<WorkerGuard> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::io("cannot create the log directory", e))?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("spotter")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|e| AppError::internal(format!("cannot open the log file: {e}")))?;
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(BUFFERED_LINES)
        .lossy(false)
        .finish(appender);
    // The updater plugin logs an unreachable update server as an ERROR, which the health check
    // would count against the app; src-tauri/src/update_commands.rs logs each failed check or
    // install itself, at the level it deserves.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tauri_plugin_updater=off"));
    let file_layer = fmt::layer().with_writer(writer).with_ansi(false);
    let stderr_layer = also_stderr.then(|| fmt::layer().with_writer(std::io::stderr));
    // A second init (tests, re-entry) keeps the first subscriber; that is fine.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    Ok(guard)
}

/// For command-line tools: warnings and errors to stderr (`RUST_LOG` overrides), so the
/// detail behind a plain error message is still visible to whoever ran the command.
pub fn init_stderr_logging() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn,sqlx=error"));
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(fmt::layer().with_writer(std::io::stderr).without_time())
        .try_init();
}
