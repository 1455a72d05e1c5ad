//! Storing plans and templates. Every save appends a version (author, summary of what
//! changed, the whole body); nothing is overwritten, and restoring an old version is a new
//! save of its body.//!
//! The parts: `store.rs` creates, reads, lists, saves and deletes plans; `history.rs` reads
//! old versions, compares them and restores one; `assignment.rs` starts plans from templates,
//! gives them to a client from a start date and dates their days. This file holds the types
//! and the checks every write goes through.

mod assignment;
mod history;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan::{self, PlanBody};
use spotter_store::{AppError, Database, Result};

pub use assignment::{assign, dates, day_date, from_template, save_as_template};
pub use history::{compare, restore, version, versions};
pub(crate) use store::save_in;
pub use store::{create, delete, get, list, save, PlanListQuery};

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

pub(super) fn clean_name(raw: &str) -> Result<String> {
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
pub(super) async fn checked_body(db: &Database, body: &PlanBody) -> Result<PlanBody> {
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

pub(super) fn body_json(body: &PlanBody) -> Result<String> {
    serde_json::to_string(body).map_err(|e| AppError::internal(e.to_string()))
}

pub(super) fn parse_body(raw: &str) -> Result<PlanBody> {
    serde_json::from_str(raw)
        .map_err(|e| AppError::internal(format!("a stored plan version is unreadable: {e}")))
}
