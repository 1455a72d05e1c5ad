//! `spotter-cli`: what studios script. Works on the same data directory as the
//! app, safely while the app is open (SQLite WAL and a busy timeout).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_core::paths::DataDir;
use spotter_core::{export, import, seed, AppError, Database, ErrorCode};

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
        /// Destination file; default: <data dir>/backups/spotter-<timestamp>.db
        file: Option<PathBuf>,
    },
    /// Export all data: <dir>/spotter-export.json (everything) and <dir>/clients.csv.
    Export { dir: PathBuf },
    /// Clients: list and import.
    Clients {
        #[command(subcommand)]
        command: ClientsCommand,
    },
    /// Fill a fresh data directory with demo or benchmark data.
    Seed {
        /// A small, realistic data set for trying Spotter.
        #[arg(long, conflicts_with = "bench")]
        demo: bool,
        /// A large synthetic data set for benchmarks.
        #[arg(long)]
        bench: bool,
        /// Number of clients for --bench.
        #[arg(long, default_value_t = 50_000)]
        clients: u64,
    },
}

#[derive(Subcommand)]
enum ClientsCommand {
    /// List clients (name order), optionally matching a search.
    List {
        #[arg(long)]
        search: Option<String>,
        /// active, archived or all
        #[arg(long, default_value = "active")]
        status: String,
        #[arg(long)]
        limit: Option<u32>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import clients from a CSV file with a header row; all rows or none are written.
    Import {
        file: PathBuf,
        /// Validate and report without writing anything.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
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
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), AppError> {
    let data_dir = DataDir::resolve(cli.data_dir)?;
    // Reading commands never migrate or write: the app may have the file open.
    let reads_only = matches!(
        cli.command,
        Command::Backup { .. }
            | Command::Export { .. }
            | Command::Clients {
                command: ClientsCommand::List { .. }
            }
    );
    let db = if reads_only {
        Database::open_read_only(&data_dir).await?
    } else {
        Database::open(&data_dir).await?
    };
    let result = dispatch(cli.command, &db, &data_dir).await;
    db.close().await;
    result
}

async fn dispatch(command: Command, db: &Database, data_dir: &DataDir) -> Result<(), AppError> {
    match command {
        Command::Backup { file } => {
            let dest = file.unwrap_or_else(|| {
                data_dir.backups().join(format!(
                    "spotter-{}.db",
                    chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
                ))
            });
            db.backup_to(&dest).await?;
            println!("{}", dest.display());
        }
        Command::Export { dir } => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| AppError::io("cannot create the export folder", e))?;
            let all = export::export_all(db).await?;
            let json_path = dir.join("spotter-export.json");
            let csv_path = dir.join("clients.csv");
            let file = |p: &PathBuf| {
                std::fs::File::create(p)
                    .map_err(|e| AppError::io(&format!("cannot write {}", p.display()), e))
            };
            export::write_json(&all, std::io::BufWriter::new(file(&json_path)?))?;
            export::write_clients_csv(&all.clients, std::io::BufWriter::new(file(&csv_path)?))?;
            println!("{}\n{}", json_path.display(), csv_path.display());
        }
        Command::Clients {
            command:
                ClientsCommand::List {
                    search,
                    status,
                    limit,
                    json,
                },
        } => {
            let status = match status.as_str() {
                "active" => ClientStatusFilter::Active,
                "archived" => ClientStatusFilter::Archived,
                "all" => ClientStatusFilter::All,
                other => {
                    return Err(AppError::validation(
                        "status",
                        format!("unknown status '{other}': use active, archived or all"),
                    ))
                }
            };
            let list = clients::list(
                db,
                &ClientListQuery {
                    search,
                    status,
                    limit,
                },
            )
            .await?;
            if json {
                print_json(&list)?;
            } else {
                for c in &list {
                    println!(
                        "{}\t{}\t{}\t{}{}",
                        c.id,
                        c.name,
                        c.email.as_deref().unwrap_or("-"),
                        c.phone.as_deref().unwrap_or("-"),
                        if c.archived_at.is_some() {
                            "\t(archived)"
                        } else {
                            ""
                        }
                    );
                }
            }
        }
        Command::Clients {
            command:
                ClientsCommand::Import {
                    file,
                    dry_run,
                    json,
                },
        } => {
            let reader = std::fs::File::open(&file)
                .map_err(|e| AppError::io(&format!("cannot open {}", file.display()), e))?;
            let report = import::import_clients_csv(db, reader, dry_run).await?;
            if json {
                print_json(&report)?;
            } else {
                for e in &report.errors {
                    eprintln!(
                        "line {}{}: {}",
                        e.line,
                        e.field
                            .as_deref()
                            .map(|f| format!(" ({f})"))
                            .unwrap_or_default(),
                        e.message
                    );
                }
                println!(
                    "{} rows read, {} clients imported{}",
                    report.rows,
                    report.imported,
                    if dry_run { " (dry run)" } else { "" }
                );
            }
            if !report.errors.is_empty() {
                return Err(AppError::new(
                    ErrorCode::InvalidFile,
                    format!("{} invalid rows; nothing was imported", report.errors.len()),
                ));
            }
        }
        Command::Seed {
            demo,
            bench,
            clients,
        } => {
            let report = match (demo, bench) {
                (true, _) => seed::seed_demo(db).await?,
                (_, true) => seed::seed_bench(db, clients).await?,
                _ => return Err(AppError::validation("seed", "choose --demo or --bench")),
            };
            println!(
                "seeded {} clients into {}",
                report.clients,
                db.path().display()
            );
        }
    }
    Ok(())
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::internal(format!("cannot encode JSON: {e}")))?;
    println!("{text}");
    Ok(())
}
