//! The review queue. Agents only ever add items here; the trainer accepts (possibly after
//! editing the text) or dismisses with a reason. Nothing about a client changes before
//! an item is accepted, and an item is decided once.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::TaskType;
use crate::clients::record;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Something noticed, with its evidence.
    Insight,
    /// Something to do (a finding to fix, a change to make).
    Suggestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Open,
    Accepted,
    Dismissed,
}

impl ReviewStatus {
    fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Open => "open",
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Dismissed => "dismissed",
        }
    }
}

/// One fact an item rests on, as the trainer sees it: "Back Squat e1RM slope: +1.2 kg/week".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    pub id: String,
    pub execution_id: String,
    pub task_type: TaskType,
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    pub kind: ReviewKind,
    pub title: String,
    /// As proposed; `editedBody` holds the trainer's edit when accepted after editing.
    pub body: String,
    pub evidence: Vec<Evidence>,
    /// Written by the model (true) or computed by Spotter without one (false).
    pub from_model: bool,
    /// Accepting saves a new version of this plan (authored "AI").
    #[ts(optional = nullable)]
    pub changes_plan_id: Option<String>,
    /// Accepting books a session.
    pub books_session: bool,
    /// What accepting created, e.g. "plan version 4".
    #[ts(optional = nullable)]
    pub result: Option<String>,
    pub status: ReviewStatus,
    pub edited_body: Option<String>,
    pub dismiss_reason: Option<String>,
    pub decided_at: Option<String>,
    pub created_at: String,
}

/// What an agent proposes.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReviewItem {
    pub client_id: Option<String>,
    pub kind: ReviewKind,
    pub title: String,
    pub body: String,
    pub evidence: Vec<Evidence>,
    pub from_model: bool,
    /// What accepting does besides keeping the text (a new plan version) …
    pub action: Option<super::plan_change::PlanChangeAction>,
    /// … or a session to book (through the normal conflict check).
    pub booking: Option<crate::schedule::SessionInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewQuery {
    #[ts(optional = nullable)]
    pub status: Option<ReviewStatus>,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    #[ts(optional = nullable)]
    pub execution_id: Option<String>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    execution_id: String,
    task_type: String,
    client_id: Option<String>,
    client_name: Option<String>,
    kind: String,
    title: String,
    body: String,
    evidence: String,
    action: Option<String>,
    status: String,
    edited_body: Option<String>,
    dismiss_reason: Option<String>,
    decided_at: Option<String>,
    result_ref: Option<String>,
    created_at: String,
}

impl TryFrom<Row> for ReviewItem {
    type Error = AppError;
    fn try_from(r: Row) -> Result<Self> {
        let action: serde_json::Value = r
            .action
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default();
        Ok(ReviewItem {
            id: r.id,
            execution_id: r.execution_id,
            task_type: TaskType::parse(&r.task_type)?,
            client_id: r.client_id,
            client_name: r.client_name,
            kind: if r.kind == "insight" {
                ReviewKind::Insight
            } else {
                ReviewKind::Suggestion
            },
            title: r.title,
            body: r.body,
            evidence: serde_json::from_str(&r.evidence).unwrap_or_default(),
            from_model: action
                .get("fromModel")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
            changes_plan_id: action
                .pointer("/planChange/planId")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned),
            books_session: action.get("bookSession").is_some_and(|b| !b.is_null()),
            result: r.result_ref,
            status: match r.status.as_str() {
                "accepted" => ReviewStatus::Accepted,
                "dismissed" => ReviewStatus::Dismissed,
                _ => ReviewStatus::Open,
            },
            edited_body: r.edited_body,
            dismiss_reason: r.dismiss_reason,
            decided_at: r.decided_at,
            created_at: r.created_at,
        })
    }
}

const COLUMNS: &str = "r.id, r.execution_id, r.task_type, r.client_id, c.name AS client_name, r.kind, r.title, r.body,
    r.evidence, r.action, r.status, r.edited_body, r.dismiss_reason, r.decided_at, r.result_ref, r.created_at";

/// Adds an execution's items in one transaction (all or none).
pub async fn add(
    db: &Database,
    execution_id: &str,
    task: TaskType,
    items: &[NewReviewItem],
) -> Result<Vec<ReviewItem>> {
    let now = now_utc();
    let mut ids = Vec::with_capacity(items.len());
    let mut tx = db.pool().begin().await?;
    for item in items {
        let id = new_id();
        sqlx::query(
            "INSERT INTO ai_review_items (id, execution_id, task_type, client_id, kind, title, body, evidence, action, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&id)
        .bind(execution_id)
        .bind(task.as_str())
        .bind(&item.client_id)
        .bind(if item.kind == ReviewKind::Insight { "insight" } else { "suggestion" })
        .bind(&item.title)
        .bind(&item.body)
        .bind(serde_json::to_string(&item.evidence).map_err(|e| AppError::internal(e.to_string()))?)
        .bind(serde_json::json!({ "fromModel": item.from_model, "planChange": item.action, "bookSession": item.booking }).to_string())
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(get(db, &id).await?);
    }
    Ok(out)
}

pub async fn get(db: &Database, id: &str) -> Result<ReviewItem> {
    let id = parse_id("id", id)?;
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_review_items r LEFT JOIN clients c ON c.id = r.client_id WHERE r.id = ? AND r.deleted_at IS NULL"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    row.map(ReviewItem::try_from)
        .transpose()?
        .ok_or_else(|| AppError::not_found("review item"))
}

/// Newest first.
pub async fn list(db: &Database, q: &ReviewQuery) -> Result<Vec<ReviewItem>> {
    let client = q
        .client_id
        .as_deref()
        .map(|c| parse_id("clientId", c))
        .transpose()?;
    let execution = q
        .execution_id
        .as_deref()
        .map(|c| parse_id("executionId", c))
        .transpose()?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_review_items r LEFT JOIN clients c ON c.id = r.client_id
         WHERE r.deleted_at IS NULL AND (?1 IS NULL OR r.status = ?1) AND (?2 IS NULL OR r.client_id = ?2)
           AND (?3 IS NULL OR r.execution_id = ?3)
         ORDER BY r.created_at DESC, r.local_key"
    ))
    .bind(q.status.map(ReviewStatus::as_str))
    .bind(client)
    .bind(execution)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(ReviewItem::try_from).collect()
}

async fn open_item(db: &Database, id: &str) -> Result<ReviewItem> {
    let item = get(db, id).await?;
    if item.status != ReviewStatus::Open {
        let what = if item.status == ReviewStatus::Accepted {
            "accepted"
        } else {
            "dismissed"
        };
        return Err(AppError::validation(
            "id",
            format!("This item was already {what}"),
        ));
    }
    Ok(item)
}

/// Accepts an item, with the trainer's edited text if given.
pub async fn accept(db: &Database, id: &str, edited_body: Option<&str>) -> Result<ReviewItem> {
    let item = open_item(db, id).await?;
    let edited = edited_body
        .map(str::trim)
        .filter(|b| !b.is_empty() && *b != item.body.trim());
    if edited.is_some_and(|b| b.chars().count() > 4000) {
        return Err(AppError::validation(
            "editedBody",
            "The text is too long (at most 4,000 characters)",
        ));
    }
    // A proposed plan change becomes a new plan version, authored "AI", only now.
    let action = stored_action(db, &item.id).await?;
    let plan_change: Option<super::plan_change::PlanChangeAction> =
        action_part(&action, "planChange", "plan change")?;
    if edited.is_some() && (plan_change.is_some() || item.books_session) {
        return Err(AppError::validation(
            "editedBody",
            "This suggestion is applied as proposed; accept it as it is, or dismiss it and make the change yourself",
        ));
    }
    let booking = action_part::<crate::schedule::SessionInput>(&action, "bookSession", "booking")?;
    let now = now_utc();
    // One immediate transaction (it takes the write lock at once): the item is claimed
    // first, so a second accept finds it decided, and the booking's conflict check cannot
    // be overtaken by another write before the booking is stored.
    let mut tx = db.pool().begin_with("BEGIN IMMEDIATE").await?;
    let claimed = sqlx::query(
        "UPDATE ai_review_items SET status = 'accepted', edited_body = ?, decided_at = ?, updated_at = ?
         WHERE id = ? AND status = 'open' AND deleted_at IS NULL",
    )
    .bind(edited)
    .bind(&now)
    .bind(&now)
    .bind(&item.id)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(AppError::validation("id", "This item was already decided"));
    }
    let result = match (plan_change, booking, item.client_id.as_deref()) {
        (Some(action), _, _) => apply_plan_change(db, &mut tx, &action).await?,
        (None, Some(session), _) => book(db, &mut tx, &session).await?,
        // An insight or suggestion about a client lands in the client's notes, where the
        // trainer (and the progress report's "Trainer's notes") will see it again.
        (None, None, Some(client)) => {
            record::insert_note(&mut tx, client, &accepted_note(&item, edited)).await?;
            format!(
                "noted in {}'s notes",
                item.client_name.as_deref().unwrap_or("the client")
            )
        }
        (None, None, None) => String::new(),
    };
    let result = (!result.is_empty()).then_some(result);
    sqlx::query("UPDATE ai_review_items SET result_ref = ? WHERE id = ?")
        .bind(&result)
        .bind(&item.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    get(db, &item.id).await
}

/// The note an accepted item leaves on the client's record: its title, the text as accepted,
/// and the evidence it rested on.
fn accepted_note(item: &ReviewItem, edited: Option<&str>) -> String {
    let what = match item.kind {
        ReviewKind::Insight => "Insight",
        ReviewKind::Suggestion => "Suggestion",
    };
    let mut note = format!(
        "{what} accepted: {}\n{}",
        item.title,
        edited.unwrap_or(item.body.trim())
    );
    for e in &item.evidence {
        note.push_str(&format!("\n· {}: {}", e.label, e.value));
    }
    note
}

/// What accepting an item does, as stored with it (JSON; null or unreadable: nothing).
async fn stored_action(db: &Database, id: &str) -> Result<serde_json::Value> {
    let action: Option<String> =
        sqlx::query_scalar("SELECT action FROM ai_review_items WHERE id = ?")
            .bind(id)
            .fetch_one(db.pool())
            .await?;
    Ok(action
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or_default())
}

/// One kind of action (`planChange`, `bookSession`) from a stored action, if it has one.
fn action_part<T: serde::de::DeserializeOwned>(
    action: &serde_json::Value,
    key: &str,
    what: &str,
) -> Result<Option<T>> {
    match action.get(key) {
        Some(v) if !v.is_null() => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| AppError::internal(format!("stored {what} unreadable: {e}"))),
        _ => Ok(None),
    }
}

/// Books through the calendar's own create, conflict check included, inside the accept's
/// transaction; a slot taken since the proposal is refused with what it now collides with.
async fn book(
    db: &Database,
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    session: &crate::schedule::SessionInput,
) -> Result<String> {
    use crate::schedule::sessions::{self, Created};
    let input = crate::schedule::SessionInput {
        override_conflicts: false,
        ..session.clone()
    };
    match sessions::create_in(db, tx, &input).await? {
        Created::Saved { .. } => Ok(format!(
            "session booked for {}",
            session.start.replace('T', " ")
        )),
        Created::Conflicts(conflicts) => Err(AppError::validation(
            "id",
            format!(
                "That time is no longer free: {}. Nothing was booked; run the scheduling agent again or book it in the calendar.",
                conflicts.iter().map(|c| c.message.as_str()).collect::<Vec<_>>().join("; ")
            ),
        )),
    }
}

async fn apply_plan_change(
    db: &Database,
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    action: &super::plan_change::PlanChangeAction,
) -> Result<String> {
    use crate::training::plans::{self, Author, AuthorKind, PlanSave};
    let plan = plans::get(db, &action.plan_id).await?;
    if plan.version != action.base_version {
        return Err(AppError::validation(
            "id",
            format!(
                "The plan was changed after this was proposed (it is at version {} now, the proposal was for version {}); run the optimizer again",
                plan.version, action.base_version
            ),
        ));
    }
    let body = super::plan_change::apply(&plan.body, &action.changes)?;
    let author = Author {
        kind: AuthorKind::Ai,
        name: "Workout optimizer".into(),
    };
    plans::save_in(
        db,
        tx,
        &plan.id,
        &PlanSave {
            name: plan.name.clone(),
            body,
            base_version: plan.version,
        },
        &author,
    )
    .await?;
    let version: i64 = sqlx::query_scalar("SELECT current_version FROM plans WHERE id = ?")
        .bind(&plan.id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(format!("plan version {version}"))
}

/// Dismisses an item; the reason is required, so the log says why.
pub async fn dismiss(db: &Database, id: &str, reason: &str) -> Result<ReviewItem> {
    let item = open_item(db, id).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::validation(
            "reason",
            "Say why it is dismissed (e.g. \"already known\", \"wrong\")",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(AppError::validation(
            "reason",
            "The reason is too long (at most 500 characters)",
        ));
    }
    let now = now_utc();
    let done = sqlx::query("UPDATE ai_review_items SET status = 'dismissed', dismiss_reason = ?, decided_at = ?, updated_at = ? WHERE id = ? AND status = 'open'")
        .bind(reason)
        .bind(&now)
        .bind(&now)
        .bind(&item.id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::validation("id", "This item was already decided"));
    }
    get(db, &item.id).await
}
