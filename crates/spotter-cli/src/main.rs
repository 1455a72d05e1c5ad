//! `spotter-cli`: what studios script. Works on the same data directory as the
//! app, safely while the app is open (SQLite WAL and a busy timeout). One module per
//! subcommand; this file only parses, opens the database and hands over.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database, ErrorCode};

mod ai;
mod calendar;
mod client;
mod clients;
mod clients_import;
mod data;
mod lookup;
mod output;
mod plans;
mod seed;
mod sessions;
mod studio;
mod trainers;

#[derive(Parser)]
#[command(name = "spotter-cli", version, about = "Spotter from the command line")]
struct Cli {
    /// Data directory (default: SPOTTER_DATA_DIR, else the app's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a consistent copy of the database (safe while the app is open).
    Backup {
        /// Destination file; default: a manual backup in <data dir>/backups (listed by `backups`).
        file: Option<PathBuf>,
    },
    /// List the backups in <data dir>/backups, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup (checked first; the current database is backed up,
    /// or moved to <data dir>/damaged when it cannot be opened). Close the app first.
    Restore {
        /// The backup file (.db), e.g. one listed by `backups`.
        file: PathBuf,
    },
    /// Import a full export (spotter-export.json) into an empty data directory, all or nothing.
    ImportAll { file: PathBuf },
    /// Export all data: <dir>/spotter-export.json (everything) and <dir>/clients.csv.
    Export {
        dir: PathBuf,
        /// Replace those files if they exist (otherwise an existing one is an error).
        #[arg(long)]
        replace: bool,
    },
    /// Clients: list and import.
    Clients {
        #[command(subcommand)]
        command: clients::ClientsCommand,
    },
    /// Trainers (the first is the person using this laptop).
    Trainers {
        #[command(subcommand)]
        command: trainers::TrainersCommand,
    },
    /// Sessions in a date range.
    Sessions {
        #[command(subcommand)]
        command: sessions::SessionsCommand,
    },
    /// iCalendar (.ics) export and import.
    Calendar {
        #[command(subcommand)]
        command: calendar::CalendarCommand,
    },
    /// Workout plans and templates.
    Plans {
        #[command(subcommand)]
        command: plans::PlansCommand,
    },
    /// One workout plan: print it.
    Plan {
        #[command(subcommand)]
        command: plans::PlanCommand,
    },
    /// One client: print their progress report.
    Client {
        #[command(subcommand)]
        command: client::ClientCommand,
    },
    /// AI agents: run one and print its execution as JSON.
    Ai {
        #[command(subcommand)]
        command: ai::AiCommand,
    },
    /// Studio sync with a shared PostgreSQL: init, invite, join, sync, status, conflicts.
    Studio {
        #[command(subcommand)]
        command: studio::StudioCommand,
    },
    /// Fill a fresh data directory with demo or benchmark data.
    Seed(seed::SeedArgs),
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    spotter_core::logging::init_stderr_logging();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            match &e.field {
                Some(field) => eprintln!("error ({field}): {}", e.message),
                None => eprintln!("error: {}", e.message),
            }
            exit_code(e.code)
        }
    }
}

/// Exit codes a script can branch on (README, "Command line").
fn exit_code(code: ErrorCode) -> ExitCode {
    ExitCode::from(match code {
        ErrorCode::Validation | ErrorCode::InvalidFile | ErrorCode::DatabaseCorrupt => 2,
        ErrorCode::NotFound => 3,
        ErrorCode::Studio => 4,
        ErrorCode::UpdateRequired | ErrorCode::SchemaTooNew => 5,
        ErrorCode::Keychain => 6,
        ErrorCode::Busy => 7,
        _ => 1,
    })
}

async fn run(cli: Cli) -> Result<(), AppError> {
    let chosen = cli.data_dir.is_some()
        || std::env::var_os(spotter_store::paths::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());
    let data_dir = DataDir::resolve(cli.data_dir)?;
    let log_dir = spotter_store::paths::log_dir(&data_dir, chosen);
    // Commands that work without an open database (listing backups, restoring over a damaged one).
    match &cli.command {
        Command::Backups { json } => return data::backups_list(&data_dir, *json),
        Command::Restore { file } => return data::restore(&data_dir, file).await,
        _ => {}
    }
    // Reading commands never migrate or write: the app may have the file open.
    let reads_only = match &cli.command {
        Command::Clients { command } => command.reads_only(),
        Command::Calendar { command } => command.reads_only(),
        Command::Backup { .. }
        | Command::Export { .. }
        | Command::Sessions { .. }
        | Command::Trainers { .. }
        | Command::Plans { .. }
        | Command::Plan { .. }
        | Command::Client { .. } => true,
        _ => false,
    };
    let db = if reads_only {
        Database::open_read_only(&data_dir).await?
    } else {
        Database::open(&data_dir).await?
    };
    let result = dispatch(cli.command, &db, &data_dir, log_dir).await;
    db.close().await;
    result
}

async fn dispatch(
    command: Command,
    db: &Database,
    data_dir: &DataDir,
    log_dir: PathBuf,
) -> Result<(), AppError> {
    match command {
        Command::Backup { file } => data::backup(db, data_dir, file).await,
        Command::Backups { .. } | Command::Restore { .. } => {
            Err(AppError::internal("handled before the database is opened"))
        }
        Command::ImportAll { file } => data::import_all(db, &file).await,
        Command::Export { dir, replace } => data::export_all(db, &dir, replace).await,
        Command::Clients { command } => clients::run(command, db).await,
        Command::Trainers { command } => trainers::run(command, db).await,
        Command::Sessions { command } => sessions::run(command, db).await,
        Command::Calendar { command } => calendar::run(command, db).await,
        Command::Plans { command } => plans::list(command, db).await,
        Command::Plan { command } => plans::one(command, db).await,
        Command::Client { command } => client::run(command, db).await,
        Command::Ai { command } => ai::run(command, db, data_dir, log_dir).await,
        Command::Studio { command } => studio::run(command, db).await,
        Command::Seed(args) => seed::run(args, db).await,
    }
}
