//! `spotter-cli plans` (the list of plans and templates) and `spotter-cli plan pdf`.

use std::path::PathBuf;

use clap::Subcommand;
use spotter_core::training::plans::{self, PlanListQuery};
use spotter_store::{AppError, Database};

use crate::lookup::{find_client, find_plan};
use crate::output::print_json;

#[derive(Subcommand)]
pub enum PlansCommand {
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
pub enum PlanCommand {
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

pub async fn list(command: PlansCommand, db: &Database) -> Result<(), AppError> {
    let PlansCommand::List {
        client,
        templates,
        json,
    } = command;
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
        return print_json(&list);
    }
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
    Ok(())
}

pub async fn one(command: PlanCommand, db: &Database) -> Result<(), AppError> {
    let PlanCommand::Pdf {
        plan,
        file,
        replace,
    } = command;
    let id = find_plan(db, &plan).await?;
    let bytes = spotter_print::documents::plan_pdf(db, &id).await?;
    let file = file.display().to_string();
    let written =
        spotter_print::documents::write_pdf(&file, replace.then_some(file.as_str()), &bytes)?;
    println!("{written}");
    Ok(())
}
