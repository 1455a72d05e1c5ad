//! `spotter-cli client report`: one client's progress report as a PDF.

use std::path::PathBuf;

use clap::Subcommand;
use spotter_store::{AppError, Database};

use crate::lookup::find_client;

#[derive(Subcommand)]
pub enum ClientCommand {
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

pub async fn run(command: ClientCommand, db: &Database) -> Result<(), AppError> {
    let ClientCommand::Report {
        client,
        file,
        replace,
    } = command;
    let id = find_client(db, &client).await?;
    let bytes = spotter_print::documents::report_pdf(db, &id).await?;
    let file = file.display().to_string();
    let written =
        spotter_print::documents::write_pdf(&file, replace.then_some(file.as_str()), &bytes)?;
    println!("{written}");
    Ok(())
}
