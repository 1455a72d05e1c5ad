//! A sync: push everything pending (in batches), then pull every page above the cursor.
//! Push comes first so a pull never has to skip a row for long, and the device's own writes
//! are on the server before it asks what changed. Also the status, the conflicts list and
//! watching for other devices' pushes (LISTEN/NOTIFY, with a slow timer as a safety net).

use std::time::Duration;

use serde::Serialize;
use spotter_store::{AppError, Database, ErrorCode, Result};
use sqlx::postgres::PgListener;

use crate::credentials;
use crate::device::{self, LocalState};
use crate::server::{pull, push, Server};

/// Mutations per push (one Postgres transaction each).
pub const PUSH_BATCH: i64 = 500;
/// Rows per table per pull page.
pub const PULL_PAGE: i64 = 5_000;

#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub pushed: usize,
    pub duplicates: usize,
    pub rejected: usize,
    pub pulled: usize,
    pub cursor: i64,
    pub pending: i64,
}

/// Where a sync stands, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    Pushed {
        done: usize,
        pending: i64,
    },
    Pulled {
        rows: usize,
        cursor: i64,
        target: i64,
    },
}

/// Opens the studio connection of this data folder (password from the keychain).
pub async fn connect(db: &Database) -> Result<(Server, LocalState)> {
    let state = device::state(db).await?;
    if !state.in_studio() {
        return Err(device::not_in_studio());
    }
    let address = state.address()?;
    let password = credentials::load(&address.keychain_account())?;
    let server = Server::connect(&address, &password).await?;
    Ok((server, state))
}

/// One full sync. A failure is recorded as the device's last error (shown by status) and
/// returned; whatever was committed before it stays committed on both sides.
pub async fn sync(
    db: &Database,
    server: &Server,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<SyncReport> {
    let result = sync_inner(db, server, progress).await;
    if let Err(e) = &result {
        let _ = device::record_error(db, &e.message).await;
    }
    result
}

async fn sync_inner(
    db: &Database,
    server: &Server,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<SyncReport> {
    let state = device::state(db).await?;
    let device_id = state.device_uuid()?;
    let schema = crate::known_server_schema();
    let mut report = SyncReport::default();
    loop {
        let batch = device::pending_batch(db, PUSH_BATCH).await?;
        if batch.is_empty() {
            break;
        }
        let outcome = push::push_batch(server, device_id, schema, &batch).await?;
        if outcome.last < batch[0].id {
            return Err(AppError::internal(
                "the studio server acknowledged none of a push",
            ));
        }
        let counts = device::apply_push(db, &batch, &outcome).await?;
        report.pushed += counts.applied;
        report.duplicates += counts.duplicates;
        report.rejected += counts.rejected;
        progress(Progress::Pushed {
            done: report.pushed + report.duplicates + report.rejected,
            pending: device::pending_count(db).await?,
        });
    }
    let mut cursor = device::state(db).await?.pull_cursor;
    let mut page = pull::page(server, cursor, PULL_PAGE).await?;
    loop {
        if page.membership.schema_version != schema {
            crate::server::schema::check_not_newer(&[page.membership.schema_version])?;
        }
        // The next page is fetched while this one is applied: the server and SQLite work at
        // the same time. Pages are independent snapshots; each one's cursor is where the next
        // starts, so prefetching changes nothing about what is read.
        let prefetch = async {
            match page.complete {
                true => None,
                false => Some(pull::page(server, page.cursor, PULL_PAGE).await),
            }
        };
        let (applied, next) = tokio::join!(
            device::apply_page(db, &page.rows, page.cursor, &page.membership),
            prefetch
        );
        report.pulled += applied?;
        progress(Progress::Pulled {
            rows: report.pulled,
            cursor: page.cursor,
            target: page.membership.studio_version,
        });
        let now = device::state(db).await?.pull_cursor;
        if now < page.cursor {
            // The role's scope widened: everything again, from the start (the prefetched
            // page was read for the old scope).
            cursor = now;
            page = pull::page(server, cursor, PULL_PAGE).await?;
            continue;
        }
        cursor = page.cursor;
        match next {
            Some(next) => page = next?,
            None => break,
        }
    }
    report.cursor = cursor;
    report.pending = device::pending_count(db).await?;
    Ok(report)
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub in_studio: bool,
    pub server: Option<String>,
    pub studio: Option<String>,
    pub login: Option<String>,
    pub role: Option<String>,
    pub last_push_at: Option<String>,
    pub last_pull_at: Option<String>,
    pub pending: i64,
    pub conflicts: usize,
    pub last_error: Option<String>,
    pub cursor: i64,
}

/// What this device knows without asking the server.
pub async fn status(db: &Database) -> Result<SyncStatus> {
    let s = device::state(db).await?;
    Ok(SyncStatus {
        in_studio: s.in_studio(),
        server: s.server_url.clone(),
        studio: s.studio_name.clone(),
        login: s.login.clone(),
        role: s.role.clone(),
        last_push_at: s.last_push_at.clone(),
        last_pull_at: s.last_pull_at.clone(),
        pending: device::pending_count(db).await?,
        conflicts: device::conflicts(db).await?.len(),
        last_error: s.last_error.clone(),
        cursor: s.pull_cursor,
    })
}

/// Syncs now, then whenever another device pushes (NOTIFY on the studio's channel), this
/// device has pending changes, or `safety` has passed without either. Runs until `stop`
/// resolves. Errors of one round are reported through `on_round` and the loop goes on
/// (offline is normal); only a missing studio or keychain ends it.
pub async fn watch(
    db: &Database,
    server: &Server,
    safety: Duration,
    stop: impl std::future::Future<Output = ()>,
    on_round: &mut (dyn FnMut(Result<SyncReport>) + Send),
) -> Result<()> {
    let state = device::state(db).await?;
    let studio = state.studio_id.clone().ok_or_else(device::not_in_studio)?;
    let channel = format!("spotter_{}", studio.replace('-', ""));
    let mut listener = PgListener::connect_with(server.pool())
        .await
        .map_err(|e| server.error(e))?;
    listener
        .listen(&channel)
        .await
        .map_err(|e| server.error(e))?;
    tokio::pin!(stop);
    on_round(sync(db, server, &mut |_| {}).await);
    let local_poll = Duration::from_millis(250);
    let mut idle = Duration::ZERO;
    loop {
        tokio::select! {
            _ = &mut stop => return Ok(()),
            n = listener.try_recv() => {
                match n {
                    Ok(Some(_)) => {
                        // Fold a burst of notifications into one sync.
                        while let Ok(Some(_)) = tokio::time::timeout(Duration::from_millis(5), listener.try_recv()).await.unwrap_or(Ok(None)) {}
                        on_round(sync(db, server, &mut |_| {}).await);
                        idle = Duration::ZERO;
                    }
                    Ok(None) => {
                        // The connection dropped; PgListener reconnects on the next receive.
                        on_round(sync(db, server, &mut |_| {}).await);
                    }
                    Err(e) => {
                        on_round(Err(server.error(e)));
                        tokio::time::sleep(Duration::from_secs(2)).await;
                    }
                }
            }
            _ = tokio::time::sleep(local_poll) => {
                idle += local_poll;
                let pending = device::pending_count(db).await?;
                if pending > 0 || idle >= safety {
                    on_round(sync(db, server, &mut |_| {}).await);
                    idle = Duration::ZERO;
                }
            }
        }
    }
}

/// Ends this device's studio connection without touching its data: capture stops, the
/// password leaves the keychain. Refused while changes are pending unless `force`.
pub async fn leave(db: &Database, force: bool) -> Result<()> {
    let s = device::state(db).await?;
    if !s.in_studio() {
        return Err(device::not_in_studio());
    }
    let pending = device::pending_count(db).await?;
    if pending > 0 && !force {
        return Err(AppError::new(
            ErrorCode::Studio,
            format!("{pending} changes have not reached the studio yet; sync first, or leave anyway with --force (they stay on this device only)"),
        ));
    }
    let address = s.address()?;
    sqlx::query("UPDATE sync_state SET capture = 0, device_id = NULL")
        .execute(db.pool())
        .await?;
    credentials::forget(&address.keychain_account())?;
    Ok(())
}
