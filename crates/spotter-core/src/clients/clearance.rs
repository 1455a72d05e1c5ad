//! Why a client needs medical clearance, in words: what the session dialog, the plan
//! assignment and the scheduling agent warn with before booking or giving a plan.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{intakes, PARQ_QUESTIONS};
use super::{get, Client};
use spotter_store::ids::parse_id;
use spotter_store::{Database, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClearanceWarning {
    pub client_id: String,
    pub client_name: String,
    /// The date of the PAR-Q+ that raised the flag, if there is one.
    #[ts(optional = nullable)]
    pub answered_on: Option<String>,
    /// The questions answered "yes" on it.
    pub questions: Vec<String>,
    /// The whole warning in one sentence, as the trainer reads it.
    pub message: String,
}

/// A warning for each of these clients who needs medical clearance (in the order given,
/// each once); clients who do not need it are left out.
pub async fn warnings(db: &Database, client_ids: &[String]) -> Result<Vec<ClearanceWarning>> {
    let mut out: Vec<ClearanceWarning> = Vec::new();
    for (i, raw) in client_ids.iter().enumerate() {
        let id = parse_id(&format!("clientIds.{i}"), raw)?;
        if out.iter().any(|w| w.client_id == id) {
            continue;
        }
        let client = get(db, &id).await?;
        if let Some(w) = warning(db, &client).await? {
            out.push(w);
        }
    }
    Ok(out)
}

/// The warning for one client, or None when no clearance is needed.
pub async fn warning(db: &Database, client: &Client) -> Result<Option<ClearanceWarning>> {
    if !client.needs_clearance {
        return Ok(None);
    }
    let latest = intakes(db, &client.id).await?.into_iter().next();
    let questions: Vec<String> = latest
        .as_ref()
        .map(|i| {
            i.answers
                .iter()
                .zip(PARQ_QUESTIONS)
                .filter(|(yes, _)| **yes)
                .map(|(_, q)| q.to_owned())
                .collect()
        })
        .unwrap_or_default();
    let answered_on = latest.map(|i| i.answered_on);
    let message = match (&answered_on, questions.as_slice()) {
        (Some(on), [one]) => format!(
            "{} needs medical clearance before training: the PAR-Q+ of {on} has a “yes” to “{one}”",
            client.name
        ),
        (Some(on), many) if !many.is_empty() => format!(
            "{} needs medical clearance before training: the PAR-Q+ of {on} has a “yes” to {} questions: {}",
            client.name,
            many.len(),
            many.iter()
                .map(|q| format!("“{q}”"))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        _ => format!(
            "{} needs medical clearance before training (flagged on the client's record)",
            client.name
        ),
    };
    Ok(Some(ClearanceWarning {
        client_id: client.id.clone(),
        client_name: client.name.clone(),
        answered_on,
        questions,
        message,
    }))
}
