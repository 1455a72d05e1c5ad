//! `spotter-cli calendar`: a trainer's calendar to an .ics file, and .ics files in as sessions.

use std::path::PathBuf;

use clap::Subcommand;
use spotter_core::ics;
use spotter_core::schedule::trainers;
use spotter_store::{AppError, Database};

use crate::output::print_json;

#[derive(Subcommand)]
pub enum CalendarCommand {
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

impl CalendarCommand {
    /// Exporting never writes the database (the app may have the file open).
    pub fn reads_only(&self) -> bool {
        matches!(self, CalendarCommand::Export { .. })
    }
}

pub async fn run(command: CalendarCommand, db: &Database) -> Result<(), AppError> {
    match command {
        CalendarCommand::Export {
            trainer,
            file,
            replace,
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
            Ok(())
        }
        CalendarCommand::Import {
            file,
            trainer,
            dry_run,
            json,
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
                return print_json(&report);
            }
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
            Ok(())
        }
    }
}
