//! `spotter-cli clients`: list clients, and import them from CSV (clients_import.rs).

use clap::Subcommand;
use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_store::{AppError, Database};

use crate::clients_import;
use crate::output::print_json;

#[derive(Subcommand)]
pub enum ClientsCommand {
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

impl ClientsCommand {
    /// Listing never writes (the app may have the file open).
    pub fn reads_only(&self) -> bool {
        matches!(self, ClientsCommand::List { .. })
    }
}

pub async fn run(command: ClientsCommand, db: &Database) -> Result<(), AppError> {
    match command {
        ClientsCommand::Import(args) => clients_import::run(args, db).await,
        ClientsCommand::List {
            search,
            status,
            limit,
            json,
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
                return print_json(&list);
            }
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
            Ok(())
        }
    }
}
