//! `spotter-cli`: what studios script. Works on the same data directory as the
//! app, safely while the app is open (SQLite WAL and a busy timeout).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod clients_import;
mod studio;
use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_core::ics;
use spotter_core::paths::DataDir;
use spotter_core::schedule::{sessions, trainers, zoned, CalendarQuery};
use spotter_core::training::plans::{self, PlanListQuery};
use spotter_core::{backups, export, seed, AppError, Database, ErrorCode};

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
        command: ClientsCommand,
    },
    /// Trainers (the first is the person using this laptop).
    Trainers {
        #[command(subcommand)]
        command: TrainersCommand,
    },
    /// Sessions in a date range.
    Sessions {
        #[command(subcommand)]
        command: SessionsCommand,
    },
    /// iCalendar (.ics) export and import.
    Calendar {
        #[command(subcommand)]
        command: CalendarCommand,
    },
    /// Workout plans and templates.
    Plans {
        #[command(subcommand)]
        command: PlansCommand,
    },
    /// One workout plan: print it.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// One client: print their progress report.
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
    /// AI agents: run one and print its execution as JSON.
    Ai {
        #[command(subcommand)]
        command: AiCommand,
    },
    /// Studio sync with a shared PostgreSQL: init, invite, join, sync, status, conflicts.
    Studio {
        #[command(subcommand)]
        command: studio::StudioCommand,
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
        /// With --bench: also this many trainers …
        #[arg(long, default_value_t = 0)]
        trainers: u64,
        /// … and this many sessions, spread over five years.
        #[arg(long, default_value_t = 0)]
        sessions: u64,
    },
}

#[derive(Subcommand)]
enum AiCommand {
    /// Run an agent (progress_monitor, data_quality …). Keys come from the OS keychain;
    /// with no provider set up the agent prints its computed facts. Prints the execution
    /// and the items it put in the review queue as JSON.
    Run {
        task_type: String,
        /// The client (id or exact name), for agents about one client.
        #[arg(long)]
        client: Option<String>,
        /// Ask the model even if a recent run had the same input.
        #[arg(long)]
        fresh: bool,
    },
}

#[derive(Subcommand)]
enum PlansCommand {
    /// List plans and templates with their client, start date, size and version.
    List {
        /// Only this client's plans (id or exact name).
        #[arg(long)]
        client: Option<String>,
        /// Only templates.
        #[arg(long)]
        templates: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum PlanCommand {
    /// Write the plan as a PDF (paper size, studio name and logo from Settings).
    Pdf {
        /// The plan's id or exact name.
        plan: String,
        file: PathBuf,
        /// Replace the file if it exists (otherwise an existing file is an error).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Subcommand)]
enum ClientCommand {
    /// Write the client's progress report as a PDF.
    Report {
        /// The client's id or exact name.
        client: String,
        file: PathBuf,
        /// Replace the file if it exists (otherwise an existing file is an error).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Subcommand)]
enum TrainersCommand {
    /// List trainers with their zone and working hours.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum SessionsCommand {
    /// List sessions starting in [--from, --to) (dates in the trainer's zone; default: the next 7 days).
    List {
        /// A trainer id, name or `me`; default: every trainer.
        #[arg(long)]
        trainer: Option<String>,
        /// First day, YYYY-MM-DD (default: today).
        #[arg(long)]
        from: Option<String>,
        /// Day after the last, YYYY-MM-DD (default: a week after --from).
        #[arg(long)]
        to: Option<String>,
        /// Include cancelled sessions.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// Write a trainer's calendar (every session) to an .ics file.
    Export {
        /// A trainer id, name or `me`.
        trainer: String,
        file: PathBuf,
        /// Replace the file if it exists (otherwise an existing file is an error).
        #[arg(long)]
        replace: bool,
    },
    /// Import an .ics file (Google, Apple, Outlook …) as sessions; all events or none.
    Import {
        file: PathBuf,
        /// The trainer the sessions belong to (id, name or `me`; default: me).
        #[arg(long, default_value = "me")]
        trainer: String,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
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
    /// Import clients from a CSV file with a header row (separator, columns and date order
    /// detected; all rows or none are written unless --valid-rows-only).
    Import(clients_import::ImportArgs),
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
        || std::env::var_os(spotter_core::paths::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());
    let data_dir = DataDir::resolve(cli.data_dir)?;
    let log_dir = spotter_core::paths::log_dir(&data_dir, chosen);
    // Commands that work without an open database (listing backups, restoring over a damaged one).
    match &cli.command {
        Command::Backups { json } => return backups_list(&data_dir, *json),
        Command::Restore { file } => return restore(&data_dir, file).await,
        _ => {}
    }
    // Reading commands never migrate or write: the app may have the file open.
    let reads_only = matches!(
        cli.command,
        Command::Backup { .. }
            | Command::Export { .. }
            | Command::Clients {
                command: ClientsCommand::List { .. }
            }
            | Command::Sessions { .. }
            | Command::Trainers { .. }
            | Command::Plans { .. }
            | Command::Plan { .. }
            | Command::Client { .. }
            | Command::Calendar {
                command: CalendarCommand::Export { .. }
            }
    );
    let db = if reads_only {
        Database::open_read_only(&data_dir).await?
    } else {
        Database::open(&data_dir).await?
    };
    let result = dispatch(cli.command, &db, &data_dir, log_dir).await;
    db.close().await;
    result
}

fn backups_list(data_dir: &DataDir, json: bool) -> Result<(), AppError> {
    let list = backups::list(data_dir)?;
    if json {
        let text = serde_json::to_string_pretty(&list)
            .map_err(|e| AppError::internal(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    for b in &list {
        let reason = serde_json::to_value(b.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "{}  {:>9.1} MB  {:<16} {}",
            b.taken_at,
            b.size_bytes as f64 / 1_000_000.0,
            reason,
            b.path
        );
    }
    Ok(())
}

/// Restores `file` over the data directory's database, which may be damaged (then it is set aside).
async fn restore(data_dir: &DataDir, file: &std::path::Path) -> Result<(), AppError> {
    let current = match Database::open(data_dir).await {
        Ok(db) => Some(db),
        Err(e) if e.code == ErrorCode::DatabaseCorrupt => {
            eprintln!("the current database is damaged ({}); it will be moved aside", e.message);
            None
        }
        Err(e) => return Err(e),
    };
    let result = backups::restore(current.as_ref(), data_dir, file).await;
    if let Some(db) = &current {
        db.close().await;
    }
    let (db, report) = result?;
    db.close().await;
    if let Some(b) = &report.safety_backup {
        println!("the database as it was: {}", b.path);
    }
    if let Some(aside) = &report.set_aside {
        println!("the damaged database was moved to {aside}");
    }
    println!("restored {}", report.restored_from);
    Ok(())
}

async fn dispatch(
    command: Command,
    db: &Database,
    data_dir: &DataDir,
    log_dir: PathBuf,
) -> Result<(), AppError> {
    match command {
        Command::Studio { command } => studio::run(command, db).await?,
        Command::Backup { file: Some(dest) } => {
            db.backup_to(&dest).await?;
            println!("{}", dest.display());
        }
        Command::Backup { file: None } => {
            let taken = backups::take(db, data_dir, backups::BackupReason::Manual).await?;
            println!("{}", taken.path);
        }
        Command::ImportAll { file } => {
            let bytes = std::fs::read(&file).map_err(|e| AppError {
                code: ErrorCode::NotFound,
                message: format!("{} cannot be read: {e}", file.display()),
                field: Some("file".into()),
            })?;
            let report = spotter_core::full_export::import_all(db, &bytes).await?;
            for (table, rows) in report.rows.iter().filter(|(_, n)| **n > 0) {
                println!("{table}: {rows}");
            }
        }
        Command::Backups { .. } | Command::Restore { .. } => unreachable!("handled before opening"),
        Command::Export { dir, replace } => {
            use spotter_core::files::target::{ExportKind, ExportTarget};
            let json_path = dir.join("spotter-export.json").display().to_string();
            let csv_path = dir.join("clients.csv").display().to_string();
            let confirmed = |p: &str| replace.then(|| p.to_owned());
            // Both checked before either is written.
            let json = ExportTarget::check(
                ExportKind::Json,
                &json_path,
                confirmed(&json_path).as_deref(),
            )?;
            let csv =
                ExportTarget::check(ExportKind::Csv, &csv_path, confirmed(&csv_path).as_deref())?;
            let all = export::export_all(db).await?;
            json.write_with(|out| export::write_json(&all, out))?;
            csv.write_with(|out| export::write_clients_csv(&all.clients, out))?;
            println!("{json_path}\n{csv_path}");
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
            command: ClientsCommand::Import(args),
        } => clients_import::run(args, db).await?,
        Command::Seed {
            demo,
            bench,
            clients,
            trainers,
            sessions,
        } => {
            let report = match (demo, bench) {
                (true, _) => seed::seed_demo(db).await?,
                (_, true) => seed::seed_bench(db, clients, trainers, sessions).await?,
                _ => return Err(AppError::validation("seed", "choose --demo or --bench")),
            };
            println!(
                "seeded {} clients, {} trainers and {} sessions into {}",
                report.clients,
                report.trainers,
                report.sessions,
                db.path().display()
            );
        }
        Command::Plans {
            command:
                PlansCommand::List {
                    client,
                    templates,
                    json,
                },
        } => {
            let client_id = match client {
                Some(key) => Some(find_client(db, &key).await?),
                None => None,
            };
            let query = PlanListQuery {
                templates: templates.then_some(true),
                client_id,
            };
            let list = plans::list(db, &query).await?;
            if json {
                print_json(&list)?;
            } else {
                for p in &list {
                    println!(
                        "{}\t{}\t{}\t{}\t{} weeks × {} days\tv{}",
                        p.id,
                        p.name,
                        if p.is_template {
                            "template".to_owned()
                        } else {
                            p.client_name.clone().unwrap_or_else(|| "-".into())
                        },
                        p.start_date.as_deref().unwrap_or("-"),
                        p.weeks,
                        p.days_per_week,
                        p.current_version
                    );
                }
            }
        }
        Command::Plan {
            command:
                PlanCommand::Pdf {
                    plan,
                    file,
                    replace,
                },
        } => {
            let id = find_plan(db, &plan).await?;
            let bytes = spotter_print::documents::plan_pdf(db, &id).await?;
            let file = file.display().to_string();
            let written = spotter_print::documents::write_pdf(
                &file,
                replace.then_some(file.as_str()),
                &bytes,
            )?;
            println!("{written}");
        }
        Command::Ai {
            command:
                AiCommand::Run {
                    task_type,
                    client,
                    fresh,
                },
        } => {
            let client_id = match client {
                Some(c) => Some(find_client(db, &c).await?),
                None => None,
            };
            spotter_core::ai::agents::ensure_agents(db).await?;
            // The health checker reads the data folder (backups, disk) and the log files.
            let runtime = spotter_ai::Runtime::new(
                db.clone(),
                spotter_ai::Keychain::default(),
                std::sync::Arc::new(spotter_ai::Llm::default()),
            )
            .with_data_dir(data_dir.clone(), log_dir);
            let outcome = runtime
                .run(&spotter_ai::RunRequest {
                    task_type,
                    client_id,
                    fresh,
                })
                .await?;
            print_json(&outcome)?;
        }
        Command::Client {
            command:
                ClientCommand::Report {
                    client,
                    file,
                    replace,
                },
        } => {
            let id = find_client(db, &client).await?;
            let bytes = spotter_print::documents::report_pdf(db, &id).await?;
            let file = file.display().to_string();
            let written = spotter_print::documents::write_pdf(
                &file,
                replace.then_some(file.as_str()),
                &bytes,
            )?;
            println!("{written}");
        }
        Command::Trainers {
            command: TrainersCommand::List { json },
        } => {
            let list = trainers::list(db).await?;
            if json {
                print_json(&list)?;
            } else {
                for t in &list {
                    let hours: Vec<String> = t
                        .working_hours
                        .iter()
                        .map(|h| format!("{} {}–{}", weekday_name(h.weekday), h.start, h.end))
                        .collect();
                    println!(
                        "{}\t{}{}\t{}\t{}",
                        t.id,
                        t.name,
                        if t.is_me { " (me)" } else { "" },
                        t.time_zone,
                        if hours.is_empty() {
                            "-".to_owned()
                        } else {
                            hours.join(", ")
                        }
                    );
                }
            }
        }
        Command::Sessions {
            command:
                SessionsCommand::List {
                    trainer,
                    from,
                    to,
                    all,
                    json,
                },
        } => {
            let trainer = match trainer {
                Some(key) => Some(trainers::find(db, &key).await?),
                None => None,
            };
            let zone_name = trainer
                .as_ref()
                .map_or_else(zoned::system_zone, |t| t.time_zone.clone());
            let tz = zoned::parse_zone("timeZone", &zone_name)?;
            let from_day = match from {
                Some(d) => zoned::parse_date("from", &d)?,
                None => zoned::local_of(chrono::Utc::now(), tz).date(),
            };
            let to_day = match to {
                Some(d) => zoned::parse_date("to", &d)?,
                None => from_day + chrono::Duration::days(7),
            };
            let midnight = |d: chrono::NaiveDate| {
                zoned::fmt_utc(zoned::to_utc_lenient(
                    d.and_hms_opt(0, 0, 0).unwrap_or_default(),
                    tz,
                ))
            };
            let query = CalendarQuery {
                from: midnight(from_day),
                to: midnight(to_day),
                trainer_ids: trainer.iter().map(|t| t.id.clone()).collect(),
                include_cancelled: all,
                ..Default::default()
            };
            let list = sessions::range(db, &query).await?;
            if json {
                print_json(&list)?;
            } else {
                for s in &list {
                    let start = zoned::parse_utc("start", &s.start)?;
                    let end = zoned::parse_utc("end", &s.end)?;
                    let stz = zoned::parse_zone("timeZone", &s.time_zone)?;
                    println!(
                        "{}\t{}–{}\t{}\t{}\t{}",
                        s.id,
                        zoned::local_of(start, stz).format("%Y-%m-%d %H:%M"),
                        zoned::local_of(end, stz).format("%H:%M"),
                        s.time_zone,
                        s.status_label(),
                        s.label
                    );
                }
            }
        }
        Command::Calendar {
            command:
                CalendarCommand::Export {
                    trainer,
                    file,
                    replace,
                },
        } => {
            let trainer = trainers::find(db, &trainer).await?;
            let file = file.display().to_string();
            let summary = ics::write_trainer_calendar(
                db,
                &trainer.id,
                &file,
                replace.then_some(file.as_str()),
            )
            .await?;
            println!(
                "{}\t{} events ({} sessions)",
                summary.path, summary.events, summary.sessions
            );
        }
        Command::Calendar {
            command:
                CalendarCommand::Import {
                    file,
                    trainer,
                    dry_run,
                    json,
                },
        } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| AppError::io(&format!("cannot open {}", file.display()), e))?;
            let trainer = trainers::find(db, &trainer).await?;
            let report = if dry_run {
                ics::import::preview(db, &bytes, &trainer.id).await?
            } else {
                ics::import::import(db, &bytes, &trainer.id).await?
            };
            if json {
                print_json(&report)?;
            } else {
                for e in &report.events {
                    match &e.reason {
                        None => println!(
                            "import\t{}\t{}\t{} session(s)",
                            e.local_start, e.summary, e.sessions
                        ),
                        Some(why) => println!("skip\t{}\t{}\t{why}", e.local_start, e.summary),
                    }
                }
                println!(
                    "{} {} sessions; {} events skipped",
                    if dry_run { "would import" } else { "imported" },
                    report.sessions_to_import,
                    report.events_skipped
                );
            }
        }
    }
    Ok(())
}

fn weekday_name(n: u8) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::internal(format!("cannot encode JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// A client by id, or by exact (case-insensitive) name when that names exactly one.
async fn find_client(db: &Database, key: &str) -> Result<String, AppError> {
    if let Ok(c) = clients::get(db, key).await {
        return Ok(c.id);
    }
    let query = ClientListQuery {
        search: Some(key.to_owned()),
        status: ClientStatusFilter::All,
        limit: Some(50),
    };
    let hits: Vec<_> = clients::list(db, &query)
        .await?
        .into_iter()
        .filter(|c| c.name.eq_ignore_ascii_case(key.trim()))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(AppError::validation(
            "client",
            format!("no client is called '{key}'"),
        )),
        _ => Err(AppError::validation(
            "client",
            format!(
                "{} clients are called '{key}'; use the id (clients list)",
                hits.len()
            ),
        )),
    }
}

/// A plan or template by id, or by exact (case-insensitive) name when that names exactly one.
async fn find_plan(db: &Database, key: &str) -> Result<String, AppError> {
    if let Ok(p) = plans::get(db, key).await {
        return Ok(p.id);
    }
    let hits: Vec<_> = plans::list(db, &PlanListQuery::default())
        .await?
        .into_iter()
        .filter(|p| p.name.eq_ignore_ascii_case(key.trim()))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(AppError::validation(
            "plan",
            format!("no plan is called '{key}'"),
        )),
        _ => Err(AppError::validation(
            "plan",
            format!(
                "{} plans are called '{key}'; use the id (plans list)",
                hits.len()
            ),
        )),
    }
}
