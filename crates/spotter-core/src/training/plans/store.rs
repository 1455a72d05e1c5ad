//! Plans as rows: creating one (with its first version), reading the current version, the
//! list, saving the editor's body as the next version (guarded on the version it started
//! from), and deleting (a tombstone).

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::{
    body_json, checked_body, clean_name, parse_body, Author, NewPlan, Plan, PlanSave, PlanSummary,
};
use crate::training::diff;
use crate::training::plan::PlanBody;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

pub(super) async fn append_version<'c>(
    tx: &mut sqlx::SqliteConnection,
    plan_id: &str,
    version: u32,
    author: &Author,
    summary: &str,
    name: &str,
    body: &str,
    restored_from: Option<u32>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO plan_versions (id, plan_id, version, author_kind, author_name, summary, name, body, restored_from, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new_id())
    .bind(plan_id)
    .bind(version)
    .bind(author.kind.as_str())
    .bind(&author.name)
    .bind(summary)
    .bind(name)
    .bind(body)
    .bind(restored_from)
    .bind(now_utc())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) async fn insert_plan(
    db: &Database,
    name: &str,
    is_template: bool,
    body: &PlanBody,
    author: &Author,
    summary: &str,
    from_template: Option<&str>,
    assignment: Option<(&str, &str)>,
) -> Result<String> {
    let id = new_id();
    let now = now_utc();
    let json = body_json(body)?;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO plans (id, name, is_template, client_id, start_date, from_template_id, current_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
    )
    .bind(&id)
    .bind(name)
    .bind(is_template)
    .bind(assignment.map(|a| a.0))
    .bind(assignment.map(|a| a.1))
    .bind(from_template)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    append_version(&mut tx, &id, 1, author, summary, name, &json, None).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn create(db: &Database, input: &NewPlan, author: &Author) -> Result<Plan> {
    let name = clean_name(&input.name)?;
    let body = checked_body(db, &input.body).await?;
    let id = insert_plan(
        db,
        &name,
        input.is_template,
        &body,
        author,
        "Created",
        None,
        None,
    )
    .await?;
    get(db, &id).await
}

#[derive(FromRow)]
struct PlanRow {
    id: String,
    name: String,
    is_template: i64,
    client_id: Option<String>,
    client_name: Option<String>,
    start_date: Option<String>,
    from_template_id: Option<String>,
    current_version: i64,
    body: String,
}

pub async fn get(db: &Database, id: &str) -> Result<Plan> {
    let id = parse_id("planId", id)?;
    let row: PlanRow = sqlx::query_as(
        "SELECT p.id, p.name, p.is_template, p.client_id, c.name AS client_name, p.start_date, p.from_template_id,
                p.current_version, v.body
         FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
         LEFT JOIN clients c ON c.id = p.client_id
         WHERE p.id = ? AND p.deleted_at IS NULL",
    )
    .bind(&id)
    .fetch_optional(db.pool())
    .await?
    .ok_or_else(|| AppError::not_found("plan"))?;
    Ok(Plan {
        id: row.id,
        name: row.name,
        is_template: row.is_template != 0,
        client_id: row.client_id,
        client_name: row.client_name,
        start_date: row.start_date,
        from_template_id: row.from_template_id,
        version: row.current_version as u32,
        body: parse_body(&row.body)?,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanListQuery {
    /// Only templates (true), only plans (false) or both.
    #[ts(optional = nullable)]
    pub templates: Option<bool>,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
}

pub async fn list(db: &Database, q: &PlanListQuery) -> Result<Vec<PlanSummary>> {
    let client = q
        .client_id
        .as_deref()
        .map(|c| parse_id("clientId", c))
        .transpose()?;
    let rows: Vec<(String, String, i64, Option<String>, Option<String>, Option<String>, i64, String, i64, i64)> =
        sqlx::query_as(
            "SELECT p.id, p.name, p.is_template, p.client_id, c.name, p.start_date, p.current_version, p.updated_at,
                    json_array_length(v.body, '$.weeks'),
                    coalesce(json_array_length(v.body, '$.weeks[0].days'), 0)
             FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
             LEFT JOIN clients c ON c.id = p.client_id
             WHERE p.deleted_at IS NULL AND (?1 IS NULL OR p.is_template = ?1) AND (?2 IS NULL OR p.client_id = ?2)
             ORDER BY p.is_template DESC, p.name COLLATE NOCASE",
        )
        .bind(q.templates)
        .bind(client)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PlanSummary {
            id: r.0,
            name: r.1,
            is_template: r.2 != 0,
            client_id: r.3,
            client_name: r.4,
            start_date: r.5,
            current_version: r.6 as u32,
            updated_at: r.7,
            weeks: r.8 as u32,
            days_per_week: r.9 as u32,
        })
        .collect())
}

/// Saves the editor's body as the next version. The summary says what changed since the
/// current version; saving with nothing changed stores nothing and returns the plan.
pub async fn save(db: &Database, id: &str, input: &PlanSave, author: &Author) -> Result<Plan> {
    let mut tx = db.pool().begin().await?;
    let id = save_in(db, &mut tx, id, input, author).await?;
    tx.commit().await?;
    get(db, &id).await
}

/// [`save`] inside the caller's transaction (accepting an AI proposal claims its review
/// item in the same one); returns the plan's id.
pub(crate) async fn save_in(
    db: &Database,
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    id: &str,
    input: &PlanSave,
    author: &Author,
) -> Result<String> {
    let current = get(db, id).await?;
    if input.base_version != current.version {
        return Err(AppError::validation(
            "baseVersion",
            format!(
                "This plan was saved as version {} since you opened version {}; reopen it to see the changes",
                current.version, input.base_version
            ),
        ));
    }
    let name = clean_name(&input.name)?;
    let body = checked_body(db, &input.body).await?;
    let mut lines = Vec::new();
    if name != current.name {
        lines.push(format!("Renamed “{}” → “{name}”", current.name));
    }
    lines.extend(diff::changes(&current.body, &body));
    if lines.is_empty() {
        return Ok(current.id);
    }
    let version = current.version + 1;
    let json = body_json(&body)?;
    append_version(
        &mut **tx,
        &current.id,
        version,
        author,
        &diff::summary(&lines),
        &name,
        &json,
        None,
    )
    .await?;
    // Guarded on the version read above, so two writers cannot both succeed.
    let updated = sqlx::query("UPDATE plans SET name = ?, current_version = ?, updated_at = ? WHERE id = ? AND current_version = ?")
        .bind(&name)
        .bind(version)
        .bind(now_utc())
        .bind(&current.id)
        .bind(current.version)
        .execute(&mut **tx)
        .await?;
    if updated.rows_affected() != 1 {
        return Err(AppError::validation(
            "baseVersion",
            "This plan was saved elsewhere meanwhile; reopen it",
        ));
    }
    Ok(current.id)
}

/// Tombstones a plan; its versions and the logs that reference it stay.
pub async fn delete(db: &Database, id: &str) -> Result<()> {
    let plan = get(db, id).await?;
    sqlx::query("UPDATE plans SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(now_utc())
        .bind(now_utc())
        .bind(&plan.id)
        .execute(db.pool())
        .await?;
    Ok(())
}
