//! `spotter-cli sessions`: the sessions of a date range, in the trainer's zone.

use clap::Subcommand;
use spotter_core::schedule::{sessions, trainers, zoned, CalendarQuery};
use spotter_store::{AppError, Database};

use crate::output::print_json;

#[derive(Subcommand)]
pub enum SessionsCommand {
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

pub async fn run(command: SessionsCommand, db: &Database) -> Result<(), AppError> {
    let SessionsCommand::List {
        trainer,
        from,
        to,
        all,
        json,
    } = command;
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
        return print_json(&list);
    }
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
    Ok(())
}
