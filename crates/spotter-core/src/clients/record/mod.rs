//! The rest of a client's record: status (paused), PAR-Q+ intakes and medical clearance,
//! measurements over time (stored in SI units) and timestamped notes.
//!
//! The parts: `intake.rs` PAR-Q+ intakes, `measurements.rs` measurements in SI units,
//! `notes.rs` timestamped notes. This file holds pausing and medical clearance, and the
//! checks the parts share.

mod intake;
mod measurements;
mod notes;

use chrono::Datelike;

use super::{get, Client};
use crate::schedule::zoned::parse_date;
use spotter_store::ids::parse_id;
use spotter_store::time::{now_utc, today_utc};
use spotter_store::{AppError, Database, Result};

pub use intake::{intakes, record_intake, ParqInput, ParqIntake, PARQ_QUESTIONS};
pub use measurements::{
    add_measurement, delete_measurement, measurements, Measurement, MeasurementInput, Metric,
    CM_PER_IN, LB_PER_KG,
};
pub(crate) use notes::insert_note;
pub use notes::{add_note, delete_note, notes, update_note, ClientNote, NOTE_MAX};

/// The id of a client that exists, or the error saying it does not.
async fn client_id(db: &Database, raw: &str) -> Result<String> {
    Ok(get(db, raw).await?.id)
}

/// Deletes one row of a record table as a tombstone (sync carries deletes as rows), or says
/// that `what` is not there. `table` is one of this module's own table names, never input.
async fn tombstone(db: &Database, table: &'static str, what: &str, raw_id: &str) -> Result<()> {
    let id = parse_id("id", raw_id)?;
    let now = now_utc();
    let sql = format!(
        "UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"
    );
    let done = sqlx::query(&sql)
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found(what));
    }
    Ok(())
}

/// A past date (or today, or tomorrow across zones), from 1900 on.
fn check_date(field: &str, raw: &str) -> Result<String> {
    let d = parse_date(field, raw)?;
    if d > today_utc() + chrono::Duration::days(1) {
        return Err(AppError::validation(field, "The date is in the future"));
    }
    if d.year() < 1900 {
        return Err(AppError::validation(field, "The date is before 1900"));
    }
    Ok(d.format("%Y-%m-%d").to_string())
}

/// Pauses a client (a break: injury, travel) or makes them active again.
pub async fn set_paused(db: &Database, id: &str, paused: bool) -> Result<Client> {
    let id = client_id(db, id).await?;
    let now = now_utc();
    sqlx::query("UPDATE clients SET paused_at = CASE WHEN ? THEN coalesce(paused_at, ?) ELSE NULL END, updated_at = ? WHERE id = ?")
        .bind(paused)
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    get(db, &id).await
}

/// Records that medical clearance was received on a date (or removes the record).
pub async fn set_clearance(db: &Database, id: &str, cleared_on: Option<&str>) -> Result<Client> {
    let id = client_id(db, id).await?;
    let date = cleared_on
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| check_date("clearanceOn", d))
        .transpose()?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE clients SET clearance_on = ?, updated_at = ? WHERE id = ?")
        .bind(&date)
        .bind(now_utc())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    crate::schedule::sessions::refresh_names_for_client(&mut *tx, &id).await?;
    tx.commit().await?;
    get(db, &id).await
}
