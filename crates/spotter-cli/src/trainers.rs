//! `spotter-cli trainers`: the trainers with their zone and working hours.

use clap::Subcommand;
use spotter_core::schedule::trainers;
use spotter_store::{AppError, Database};

use crate::output::print_json;

#[derive(Subcommand)]
pub enum TrainersCommand {
    /// List trainers with their zone and working hours.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(command: TrainersCommand, db: &Database) -> Result<(), AppError> {
    let TrainersCommand::List { json } = command;
    let list = trainers::list(db).await?;
    if json {
        return print_json(&list);
    }
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
    Ok(())
}

fn weekday_name(n: u8) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}
