//! A plan's version history: the list, one old version whole, what changed between two, and
//! restoring an old version (saved again as the newest, so nothing is overwritten).

use super::store::{append_version, get};
use super::{body_json, parse_body, Author, AuthorKind, Plan, PlanVersion, PlanVersionDetail};
use crate::training::diff;
use spotter_store::ids::parse_id;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

const VERSION_COLUMNS: &str =
    "version, author_kind, author_name, summary, name, restored_from, created_at";

type VersionRow = (i64, String, String, String, String, Option<i64>, String);

fn version_meta(r: VersionRow) -> PlanVersion {
    PlanVersion {
        version: r.0 as u32,
        author_kind: if r.1 == "ai" {
            AuthorKind::Ai
        } else {
            AuthorKind::Trainer
        },
        author_name: r.2,
        summary: r.3,
        name: r.4,
        restored_from: r.5.map(|v| v as u32),
        created_at: r.6,
    }
}

/// The version history, newest first.
pub async fn versions(db: &Database, id: &str) -> Result<Vec<PlanVersion>> {
    let plan = get(db, id).await?;
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = ? ORDER BY version DESC"
    ))
    .bind(&plan.id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(version_meta).collect())
}

pub async fn version(db: &Database, id: &str, version: u32) -> Result<PlanVersionDetail> {
    let id = parse_id("planId", id)?;
    let row: Option<(
        i64,
        String,
        String,
        String,
        String,
        Option<i64>,
        String,
        String,
    )> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS}, body FROM plan_versions WHERE plan_id = ? AND version = ?"
    ))
    .bind(&id)
    .bind(version)
    .fetch_optional(db.pool())
    .await?;
    let r = row.ok_or_else(|| {
        AppError::validation("version", format!("This plan has no version {version}"))
    })?;
    Ok(PlanVersionDetail {
        body: parse_body(&r.7)?,
        meta: version_meta((r.0, r.1, r.2, r.3, r.4, r.5, r.6)),
    })
}

/// What changed from version `from` to version `to` (either order).
pub async fn compare(db: &Database, id: &str, from: u32, to: u32) -> Result<Vec<String>> {
    let a = version(db, id, from).await?;
    let b = version(db, id, to).await?;
    let mut lines = Vec::new();
    if a.meta.name != b.meta.name {
        lines.push(format!("Renamed “{}” → “{}”", a.meta.name, b.meta.name));
    }
    lines.extend(diff::changes(&a.body, &b.body));
    Ok(lines)
}

/// Makes an earlier version current again by saving its body as a new version.
pub async fn restore(db: &Database, id: &str, from_version: u32, author: &Author) -> Result<Plan> {
    let current = get(db, id).await?;
    let old = version(db, &current.id, from_version).await?;
    if from_version == current.version {
        return Err(AppError::validation(
            "version",
            "That is already the current version",
        ));
    }
    let mut lines = vec![format!("Restored version {from_version}")];
    if old.meta.name != current.name {
        lines.push(format!("Renamed “{}” → “{}”", current.name, old.meta.name));
    }
    lines.extend(diff::changes(&current.body, &old.body));
    let version = current.version + 1;
    let json = body_json(&old.body)?;
    let mut tx = db.pool().begin().await?;
    append_version(
        &mut tx,
        &current.id,
        version,
        author,
        &diff::summary(&lines),
        &old.meta.name,
        &json,
        Some(from_version),
    )
    .await?;
    sqlx::query("UPDATE plans SET name = ?, current_version = ?, updated_at = ? WHERE id = ? AND current_version = ?")
        .bind(&old.meta.name)
        .bind(version)
        .bind(now_utc())
        .bind(&current.id)
        .bind(current.version)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    get(db, &current.id).await
}
