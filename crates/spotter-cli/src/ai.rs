//! `spotter-cli ai run`: one agent run, printed as JSON (keys from the OS keychain).

use std::path::PathBuf;

use clap::Subcommand;
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database};

use crate::lookup::find_client;
use crate::output::print_json;

#[derive(Subcommand)]
pub enum AiCommand {
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

pub async fn run(
    command: AiCommand,
    db: &Database,
    data_dir: &DataDir,
    log_dir: PathBuf,
) -> Result<(), AppError> {
    let AiCommand::Run {
        task_type,
        client,
        fresh,
    } = command;
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
    print_json(&outcome)
}
