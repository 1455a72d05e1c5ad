//! Storing plans and templates. Every save appends a version (author, summary of what
//! changed, the whole body); nothing is overwritten, and restoring an old version is a new
//! save of its body.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::diff;
use super::plan::{self, PlanBody};
use crate::ids::{new_id, parse_id};
use crate::schedule::zoned::parse_date;
use crate::time::now_utc;
use crate::{AppError, Database, Result};

pub const MAX_PLAN_NAME_CHARS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    Trainer,
    Ai,
}

impl AuthorKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Trainer => "trainer",
            Self::Ai => "ai",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Author {
    pub kind: AuthorKind,
    pub name: String,
}

impl Author {
    /// The trainer using this device.
    pub async fn me(db: &Database) -> Result<Author> {
        let me = crate::schedule::trainers::me(db).await?;
        Ok(Author {
            kind: AuthorKind::Trainer,
            name: me.name,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSummary {
    pub id: String,
    pub name: String,
    pub is_template: bool,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    #[ts(optional = nullable)]
    pub client_name: Option<String>,
    #[ts(optional = nullable)]
    pub start_date: Option<String>,
    pub current_version: u32,
    pub weeks: u32,
    pub days_per_week: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub is_template: bool,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    #[ts(optional = nullable)]
    pub client_name: Option<String>,
    #[ts(optional = nullable)]
    pub start_date: Option<String>,
    #[ts(optional = nullable)]
    pub from_template_id: Option<String>,
    pub version: u32,
    pub body: PlanBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanVersion {
    pub version: u32,
    pub author_kind: AuthorKind,
    pub author_name: String,
    pub summary: String,
    pub name: String,
    #[ts(optional = nullable)]
    pub restored_from: Option<u32>,
    pub created_at: String,
}

/// A version's full content, for viewing an old version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanVersionDetail {
    pub meta: PlanVersion,
    pub body: PlanBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPlan {
    pub name: String,
    #[serde(default)]
    pub is_template: bool,
    pub body: PlanBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSave {
    pub name: String,
    pub body: PlanBody,
    /// The version the editor started from; a save on top of a newer one is refused.
    pub base_version: u32,
}

/// Assigning a template (copied into a new plan) or a plan to a client from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanAssignment {
    pub client_id: String,
    pub start_date: String,
}

/// A plan day on the calendar: its date from the start date, and the client's session that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDate {
    pub week: u32,
    pub day_index: u32,
    pub day_name: String,
    pub date: String,
    #[ts(optional = nullable)]
    pub session_id: Option<String>,
    #[ts(optional = nullable)]
    pub log_id: Option<String>,
}

fn clean_name(raw: &str) -> Result<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(AppError::validation("name", "The plan needs a name"));
    }
    if name.chars().count() > MAX_PLAN_NAME_CHARS {
        return Err(AppError::validation(
            "name",
            format!("A plan name is at most {MAX_PLAN_NAME_CHARS} characters"),
        ));
    }
    Ok(name)
}

/// Validates the body and fills each prescription's exercise name from the library, so an
/// unknown exercise is refused and the stored name is the real one.
async fn checked_body(db: &Database, body: &PlanBody) -> Result<PlanBody> {
    plan::validate(body)?;
    let mut body = body.clone();
    let ids: Vec<String> = body
        .weeks
        .iter()
        .flat_map(|w| w.days.iter())
        .flat_map(|d| d.items.iter())
        .map(|p| p.exercise_id.clone())
        .collect();
    let names = super::exercises::names(db, &ids).await?;
    for (w, week) in body.weeks.iter_mut().enumerate() {
        for (d, day) in week.days.iter_mut().enumerate() {
            day.name = day.name.trim().to_owned();
            for (i, p) in day.items.iter_mut().enumerate() {
                match names.get(&p.exercise_id) {
                    Some(n) => p.exercise_name = n.clone(),
                    None => {
                        return Err(AppError::validation(
                            "exerciseId",
                            format!(
                                "week {}, day {}, row {}: that exercise is not in the library",
                                w + 1,
                                d + 1,
                                i + 1
                            ),
                        ))
                    }
                }
                p.tempo = p.tempo.trim().to_owned();
                p.notes = p.notes.trim().to_owned();
                p.group = p
                    .group
                    .as_deref()
                    .map(str::trim)
                    .filter(|g| !g.is_empty())
                    .map(str::to_owned);
                if p.group.is_none() {
                    p.group_kind = None;
                }
            }
        }
    }
    Ok(body)
}

fn body_json(body: &PlanBody) -> Result<String> {
    serde_json::to_string(body).map_err(|e| AppError::internal(e.to_string()))
}

fn parse_body(raw: &str) -> Result<PlanBody> {
    serde_json::from_str(raw)
        .map_err(|e| AppError::internal(format!("a stored plan version is unreadable: {e}")))
}

async fn append_version<'c>(
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

async fn insert_plan(
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

fn check_start(raw: &str) -> Result<String> {
    let d = parse_date("startDate", raw.trim())?;
    Ok(d.format("%Y-%m-%d").to_string())
}

async fn check_client(db: &Database, raw: &str) -> Result<String> {
    let client = crate::clients::get(db, raw)
        .await
        .map_err(|e| match e.code {
            crate::ErrorCode::NotFound | crate::ErrorCode::Validation => {
                AppError::validation("clientId", "Choose a client")
            }
            _ => e,
        })?;
    Ok(client.id)
}

/// Starts a client's plan from a template (or copies a plan): a new plan, version 1, that
/// remembers the template it came from.
pub async fn from_template(
    db: &Database,
    template_id: &str,
    name: Option<&str>,
    assign: Option<&PlanAssignment>,
    author: &Author,
) -> Result<Plan> {
    let template = get(db, template_id).await?;
    let assignment = match assign {
        Some(a) => Some((
            check_client(db, &a.client_id).await?,
            check_start(&a.start_date)?,
        )),
        None => None,
    };
    let name = clean_name(name.unwrap_or(&template.name))?;
    let summary = format!(
        "Started from “{}” (version {})",
        template.name, template.version
    );
    let id = insert_plan(
        db,
        &name,
        false,
        &template.body,
        author,
        &summary,
        Some(&template.id),
        assignment.as_ref().map(|(c, d)| (c.as_str(), d.as_str())),
    )
    .await?;
    get(db, &id).await
}

/// Saves a plan's current content as a new template.
pub async fn save_as_template(
    db: &Database,
    id: &str,
    name: &str,
    author: &Author,
) -> Result<Plan> {
    let plan = get(db, id).await?;
    let name = clean_name(name)?;
    let summary = format!("Saved from plan “{}” (version {})", plan.name, plan.version);
    let id = insert_plan(db, &name, true, &plan.body, author, &summary, None, None).await?;
    get(db, &id).await
}

/// Assigns a plan to a client from a start date; day offsets then map plan days to dates.
pub async fn assign(db: &Database, id: &str, a: &PlanAssignment) -> Result<Plan> {
    let plan = get(db, id).await?;
    if plan.is_template {
        return Err(AppError::validation(
            "planId",
            "Start a plan from this template to assign it",
        ));
    }
    let client = check_client(db, &a.client_id).await?;
    let start = check_start(&a.start_date)?;
    sqlx::query("UPDATE plans SET client_id = ?, start_date = ?, updated_at = ? WHERE id = ?")
        .bind(&client)
        .bind(&start)
        .bind(now_utc())
        .bind(&plan.id)
        .execute(db.pool())
        .await?;
    get(db, &plan.id).await
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

pub fn day_date(start: NaiveDate, week: u32, day_offset: u32) -> NaiveDate {
    start + Duration::days(i64::from(week.saturating_sub(1)) * 7 + i64::from(day_offset))
}

/// Every plan day of an assigned plan with its date, the client's session on that date
/// (the first one not cancelled) and the workout logged for it, if any.
pub async fn dates(db: &Database, id: &str) -> Result<Vec<PlanDate>> {
    let plan = get(db, id).await?;
    let (Some(client), Some(start)) = (&plan.client_id, &plan.start_date) else {
        return Ok(Vec::new());
    };
    let start = parse_date("startDate", start)?;
    let mut out = Vec::new();
    for (w, week) in plan.body.weeks.iter().enumerate() {
        for (d, day) in week.days.iter().enumerate() {
            let date = day_date(start, w as u32 + 1, day.day_offset)
                .format("%Y-%m-%d")
                .to_string();
            out.push(PlanDate {
                week: w as u32 + 1,
                day_index: d as u32,
                day_name: day.name.clone(),
                date,
                session_id: None,
                log_id: None,
            });
        }
    }
    let (Some(first), Some(last)) = (
        out.iter().map(|p| p.date.clone()).min(),
        out.iter().map(|p| p.date.clone()).max(),
    ) else {
        return Ok(out);
    };
    // Sessions by the local date of their own zone.
    let sessions: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT s.id, s.start_utc, s.time_zone FROM session_participants sp JOIN sessions s ON s.id = sp.session_id
         WHERE sp.client_id = ? AND sp.session_start_utc >= ? AND sp.session_start_utc < ?
           AND s.deleted_at IS NULL AND s.status != 'cancelled' ORDER BY s.start_utc",
    )
    .bind(client)
    .bind(format!("{}T00:00:00Z", (parse_date("date", &first)? - Duration::days(1)).format("%Y-%m-%d")))
    .bind(format!("{}T00:00:00Z", (parse_date("date", &last)? + Duration::days(2)).format("%Y-%m-%d")))
    .fetch_all(db.pool())
    .await?;
    let mut by_date: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (sid, start_utc, zone) in sessions {
        if let Some(local) = crate::schedule::zoned::local_date_of(&start_utc, &zone) {
            by_date.entry(local).or_insert(sid);
        }
    }
    let logs: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT id, week, day_index FROM workout_logs WHERE plan_id = ? AND deleted_at IS NULL ORDER BY performed_on",
    )
    .bind(&plan.id)
    .fetch_all(db.pool())
    .await?;
    for p in &mut out {
        p.session_id = by_date.get(&p.date).cloned();
        p.log_id = logs
            .iter()
            .find(|l| l.1 as u32 == p.week && l.2 as u32 == p.day_index)
            .map(|l| l.0.clone());
    }
    Ok(out)
}
