//! `spotter-cli studio …`: create a studio on a PostgreSQL server, invite and remove members,
//! join, sync (once or watching), and see where sync stands. Thin: the work is in spotter-sync.

use std::io::{BufRead, IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use spotter_store::{AppError, Database, ErrorCode};
use spotter_sync::credentials::{self, Password};
use spotter_sync::device;
use spotter_sync::engine::{self, Progress, SyncReport};
use spotter_sync::server::{admin, schema, Server, ServerAddress};

#[derive(Subcommand)]
pub enum StudioCommand {
    /// Create the studio on an empty PostgreSQL database, as its owner, and upload this
    /// device's data. The login needs CREATEROLE (to invite members).
    Init {
        /// postgres://owner@host:5432/database[?sslmode=verify-full&sslrootcert=ca.pem]
        url: String,
        /// The studio's name.
        #[arg(long, default_value = "My studio")]
        name: String,
        /// Read the password from standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Invite a member: creates their login with a generated password and prints what they
    /// need to join (the password is shown once and kept nowhere).
    Invite {
        /// The member's name, as the studio sees it.
        name: String,
        /// trainer or front-desk (front desk: schedules and contact details, no notes or logs).
        #[arg(long, default_value = "trainer")]
        role: String,
        /// The login to create (default: made from the name).
        #[arg(long)]
        login: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// End a member's access at once.
    Remove { login: String },
    /// List the studio's members.
    Members {
        #[arg(long)]
        json: bool,
    },
    /// Join a studio from this (new) data folder; the password is asked for (or read from
    /// standard input) and kept in the system keychain.
    Join {
        /// postgres://host:5432/database (the address from the invitation)
        url: String,
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Push this device's changes and pull everyone else's; --watch keeps doing it as
    /// other devices push (LISTEN/NOTIFY) until interrupted.
    Sync {
        #[arg(long)]
        watch: bool,
        #[arg(long)]
        json: bool,
    },
    /// Where sync stands: the server, last sync, pending changes, conflicts.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Changes the studio server refused or replaced.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Bring the server's schema up to date (the studio owner, after updating Spotter).
    Upgrade,
    /// Stop syncing this data folder (its data stays); refused while changes are pending.
    Leave {
        #[arg(long)]
        force: bool,
    },
}

pub async fn run(command: StudioCommand, db: &Database) -> Result<(), AppError> {
    match command {
        StudioCommand::Init {
            url,
            name,
            password_stdin,
        } => {
            let (address, in_url) = ServerAddress::parse(&url, None)?;
            let password = match in_url {
                Some(p) => p,
                None => read_password(&format!("Password for {}: ", address.user), password_stdin)?,
            };
            // The keychain first: without one the studio could be created but never synced.
            let account = address.keychain_account();
            credentials::store(&account, &password)?;
            let membership = match admin::init(db, &address, &password, &name).await {
                Ok(m) => m,
                Err(e) => {
                    let _ = credentials::forget(&account);
                    return Err(e);
                }
            };
            eprintln!(
                "Created the studio \"{}\" on {} with you as its owner.",
                membership.studio_name,
                address.where_()
            );
            let server = Server::connect(&address, &password).await?;
            let report = sync_with_bar(db, &server).await?;
            eprintln!("Uploaded {} changes. Invite your team with: spotter-cli studio invite \"Name\" --role trainer", report.pushed);
        }
        StudioCommand::Invite {
            name,
            role,
            login,
            json,
        } => {
            let (server, _) = engine::connect(db).await?;
            let inv = admin::invite(db, &server, &name, &role, login.as_deref()).await?;
            if json {
                let mut v =
                    serde_json::to_value(&inv).map_err(|e| AppError::internal(e.to_string()))?;
                v["password"] = serde_json::Value::String(inv.password.expose().to_owned());
                println!("{v}");
            } else {
                println!("Invited {name} as {}.", inv.role.replace('_', " "));
                println!("Server:   {}", inv.server_url);
                println!("Login:    {}", inv.login);
                println!(
                    "Password: {}   (shown once; hand it over in person or a password manager)",
                    inv.password.expose()
                );
                println!(
                    "To join, on their laptop: spotter-cli studio join '{}'",
                    inv.server_url
                );
            }
        }
        StudioCommand::Remove { login } => {
            let (server, _) = engine::connect(db).await?;
            admin::remove(&server, &login).await?;
            println!("{login} can no longer reach the studio.");
        }
        StudioCommand::Members { json } => {
            let (server, _) = engine::connect(db).await?;
            let members = admin::members(&server).await?;
            if json {
                print_json(&members)?;
            } else {
                for m in members {
                    let removed = m.removed_at.map(|_| "  (removed)").unwrap_or("");
                    println!(
                        "{}\t{}\t{}{removed}",
                        m.login,
                        m.role.replace('_', " "),
                        m.display_name
                    );
                }
            }
        }
        StudioCommand::Join {
            url,
            user,
            password_stdin,
        } => {
            let (address, in_url) = ServerAddress::parse(&url, user.as_deref())?;
            let password = match in_url {
                Some(p) => p,
                None => read_password(&format!("Password for {}: ", address.user), password_stdin)?,
            };
            let server = Server::connect(&address, &password).await?;
            // The server accepted the login; the keychain next, then this device registers.
            let account = address.keychain_account();
            credentials::store(&account, &password)?;
            let membership = match admin::join(db, &server).await {
                Ok(m) => m,
                Err(e) => {
                    let _ = credentials::forget(&account);
                    return Err(e);
                }
            };
            eprintln!(
                "Joined \"{}\" as {}.",
                membership.studio_name,
                membership.role.replace('_', " ")
            );
            let report = sync_with_bar(db, &server).await?;
            eprintln!("Pulled {} rows.", report.pulled);
        }
        StudioCommand::Sync { watch, json } => {
            let (server, _) = engine::connect(db).await?;
            if watch {
                eprintln!("Syncing as changes happen; Ctrl+C stops.");
                let stop = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                engine::watch(
                    db,
                    &server,
                    Duration::from_secs(60),
                    stop,
                    &mut |round| match round {
                        Ok(r) if r.pushed + r.pulled + r.rejected > 0 => report_line(&r, json),
                        Ok(_) => {}
                        Err(e) => eprintln!("sync failed, will retry: {}", e.message),
                    },
                )
                .await?;
            } else {
                let report = engine::sync(db, &server, &mut |_| {}).await?;
                report_line(&report, json);
                if report.rejected > 0 {
                    eprintln!("{} changes were refused by the studio server: see 'spotter-cli studio conflicts'", report.rejected);
                }
            }
        }
        StudioCommand::Status { json } => {
            let status = engine::status(db).await?;
            let reachable = if status.in_studio {
                match tokio::time::timeout(Duration::from_secs(5), engine::connect(db)).await {
                    Ok(Ok((server, _))) => {
                        server.close().await;
                        Ok(())
                    }
                    Ok(Err(e)) => Err(e.message),
                    Err(_) => Err("no answer within 5 s".to_owned()),
                }
            } else {
                Err("not in a studio".to_owned())
            };
            if json {
                let mut v =
                    serde_json::to_value(&status).map_err(|e| AppError::internal(e.to_string()))?;
                v["reachable"] = serde_json::Value::Bool(reachable.is_ok());
                println!("{v}");
            } else if !status.in_studio {
                println!("Not part of a studio. Create one with 'studio init' or join with 'studio join'.");
            } else {
                println!(
                    "Studio:    {} ({})",
                    status.studio.as_deref().unwrap_or("?"),
                    status.role.as_deref().unwrap_or("?").replace('_', " ")
                );
                println!("Server:    {}", status.server.as_deref().unwrap_or("?"));
                println!(
                    "Reachable: {}",
                    match &reachable {
                        Ok(()) => "yes".to_owned(),
                        Err(e) => format!("no: {e}"),
                    }
                );
                println!(
                    "Last push: {}",
                    status.last_push_at.as_deref().unwrap_or("never")
                );
                println!(
                    "Last pull: {}",
                    status.last_pull_at.as_deref().unwrap_or("never")
                );
                println!("Pending:   {} changes", status.pending);
                println!("Conflicts: {}", status.conflicts);
                if let Some(e) = &status.last_error {
                    println!("Last error: {e}");
                }
            }
        }
        StudioCommand::Conflicts { json } => {
            let list = device::conflicts(db).await?;
            if json {
                print_json(&list)?;
            } else if list.is_empty() {
                println!("No conflicts.");
            } else {
                for c in list {
                    println!(
                        "{}\t{}\t{} {}\t{}",
                        c.created_at, c.kind, c.table_name, c.row_id, c.reason
                    );
                }
            }
        }
        StudioCommand::Upgrade => {
            let (server, _) = engine::connect(db).await?;
            schema::upgrade(&server).await?;
            println!("The studio server's schema is up to date.");
        }
        StudioCommand::Leave { force } => {
            engine::leave(db, force).await?;
            println!("This data folder no longer syncs with the studio; its data stays here.");
        }
    }
    Ok(())
}

fn report_line(r: &SyncReport, json: bool) {
    if json {
        println!("{}", serde_json::to_string(r).unwrap_or_default());
    } else {
        println!(
            "pushed {}, pulled {}, refused {}, pending {}",
            r.pushed, r.pulled, r.rejected, r.pending
        );
    }
}

/// A sync with a progress bar on standard error: rows and rows per second.
async fn sync_with_bar(db: &Database, server: &Server) -> Result<SyncReport, AppError> {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let mut pulled_base = None;
    let result = engine::sync(db, server, &mut |p| match p {
        Progress::Pushed { done, pending } => {
            bar.set_message("uploading");
            bar.set_length((done as u64) + pending.max(0) as u64);
            bar.set_position(done as u64);
        }
        Progress::Pulled {
            rows,
            cursor,
            target,
        } => {
            let base = *pulled_base.get_or_insert(cursor.saturating_sub(rows as i64));
            bar.set_message("downloading");
            bar.set_length((target - base).max(rows as i64) as u64);
            bar.set_position(rows as u64);
        }
    })
    .await;
    bar.finish_and_clear();
    if let Ok(r) = &result {
        let secs = started.elapsed().as_secs_f64().max(0.001);
        eprintln!(
            "Synced in {:.1} s: {} up, {} down ({:.0} rows/s).",
            secs,
            r.pushed,
            r.pulled,
            (r.pushed + r.pulled) as f64 / secs
        );
    }
    result
}

fn read_password(prompt: &str, from_stdin: bool) -> Result<Password, AppError> {
    let stdin = std::io::stdin();
    let line = if from_stdin || !stdin.is_terminal() {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| AppError::io("cannot read the password from standard input", e))?;
        line
    } else {
        let _ = std::io::stderr().flush();
        rpassword::prompt_password(prompt)
            .map_err(|e| AppError::io("cannot read the password", e))?
    };
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(AppError::validation("password", "no password given"));
    }
    Ok(Password::new(password))
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(v)
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    println!("{text}");
    Ok(())
}
