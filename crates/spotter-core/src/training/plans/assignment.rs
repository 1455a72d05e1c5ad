//! Plans meet clients: a template started as a client's plan (or a plan kept as a template),
//! a plan assigned to a client from a start date, and the calendar date of every plan day with
//! the session and the workout log on it.

use chrono::{Duration, NaiveDate};

use super::store::{get, insert_plan};
use super::{clean_name, Author, Plan, PlanAssignment, PlanDate};
use crate::schedule::zoned::parse_date;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

fn check_start(raw: &str) -> Result<String> {
    let d = parse_date("startDate", raw.trim())?;
    Ok(d.format("%Y-%m-%d").to_string())
}

async fn check_client(db: &Database, raw: &str) -> Result<String> {
    let client = crate::clients::get(db, raw)
        .await
        .map_err(|e| match e.code {
            spotter_store::ErrorCode::NotFound | spotter_store::ErrorCode::Validation => {
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
