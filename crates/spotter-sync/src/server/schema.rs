//! The server schema: migrations/postgres, embedded like the SQLite ones, and the check that
//! device and server speak the same version before anything is written.

use spotter_store::{AppError, ErrorCode, Result};
use sqlx::migrate::Migrator;

use super::Server;

pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// The newest schema version applied on the server; None for a database without Spotter's
/// schema. Readable by every member (through a function: the migrations table is the owner's).
pub async fn server_version(server: &Server) -> Result<Option<i64>> {
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'spotter')")
            .fetch_one(server.pool())
            .await
            .map_err(|e| server.error(e))?;
    if !exists {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT spotter.server_schema_version()")
        .fetch_one(server.pool())
        .await
        .map(Some)
        .map_err(|e| server.error(e))
}

/// Refuses a server with a migration this build does not know.
pub fn check_not_newer(applied: &[i64]) -> Result<()> {
    let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    if let Some(v) = applied.iter().find(|v| !known.contains(v)) {
        return Err(AppError::new(
            ErrorCode::UpdateRequired,
            format!(
                "Update needed: the studio server uses a newer Spotter (schema {v}; this version knows up to {}). Update Spotter on this device; nothing was changed",
                known.iter().max().copied().unwrap_or(0)
            ),
        ));
    }
    Ok(())
}

/// Brings the server schema up to date (the schema owner's login only).
pub async fn upgrade(server: &Server) -> Result<()> {
    if let Some(v) = server_version(server).await? {
        check_not_newer(&[v])?;
    }
    MIGRATOR.run(server.pool()).await.map_err(|e| match e {
        sqlx::migrate::MigrateError::Execute(db) => server.error(db),
        other => AppError::new(
            ErrorCode::Studio,
            format!("the studio schema could not be created or upgraded: {other}"),
        ),
    })
}
