//! Data-quality findings, all computed in SQL and Rust: likely duplicate clients, clients
//! flagged for medical clearance without it or without an emergency contact, past
//! sessions still "scheduled", and plans never assigned. Each finding becomes a
//! suggestion in the review queue; a model (if any) only ranks and phrases them.

use serde::Serialize;

use crate::ai::privacy::Pseudonyms;
use crate::clients::{self, Client, ClientListQuery, ClientStatusFilter};
use spotter_store::{Database, Result};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    #[serde(rename = "ref")]
    pub reference: String,
    pub kind: FindingKind,
    /// The client it concerns (its label when sent to a model).
    pub client_id: Option<String>,
    pub title: String,
    pub detail: String,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    LikelyDuplicate,
    ClearanceMissing,
    EmergencyContactMissing,
    PastSessionsScheduled,
    PlanNeverAssigned,
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `names` labels the clients for anything sent on; titles and details use labels too,
/// and [`Pseudonyms::restore`] gives the names back for the trainer.
pub async fn compute(db: &Database, names: &mut Pseudonyms) -> Result<Vec<Finding>> {
    let clients = clients::list(
        db,
        &ClientListQuery {
            status: ClientStatusFilter::All,
            ..Default::default()
        },
    )
    .await?;
    let mut out: Vec<Finding> = Vec::new();
    let mut push = |kind, client_id: Option<String>, title: String, detail: String, count: u32| {
        let reference = format!("F{}", out.len() + 1);
        out.push(Finding {
            reference,
            kind,
            client_id,
            title,
            detail,
            count,
        });
    };

    // Likely duplicates: the same name, email or phone (digits) on two live clients.
    let mut seen: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, a) in clients.iter().enumerate() {
        for (j, b) in clients.iter().enumerate().skip(i + 1) {
            let why = if name_key(&a.name) == name_key(&b.name) {
                Some("the same name")
            } else if a
                .email
                .as_deref()
                .zip(b.email.as_deref())
                .is_some_and(|(x, y)| x.eq_ignore_ascii_case(y))
            {
                Some("the same email")
            } else if a
                .phone
                .as_deref()
                .zip(b.phone.as_deref())
                .is_some_and(|(x, y)| {
                    let (x, y) = (digits(x), digits(y));
                    x.len() >= 7 && x == y
                })
            {
                Some("the same phone")
            } else {
                None
            };
            if let Some(why) = why {
                seen.push((i, j, why));
            }
        }
    }
    for (i, j, why) in seen {
        let (a, b) = (&clients[i], &clients[j]);
        let (la, lb) = (names.add_client(a), names.add_client(b));
        push(
            FindingKind::LikelyDuplicate,
            Some(b.id.clone()),
            format!("{la} and {lb} may be the same person"),
            format!("They have {why}. Merge them by hand or archive one."),
            2,
        );
    }

    let active = |c: &&Client| c.archived_at.is_none() && c.paused_at.is_none();
    for c in clients.iter().filter(active) {
        if c.needs_clearance {
            let l = names.add_client(c);
            push(
                FindingKind::ClearanceMissing,
                Some(c.id.clone()),
                format!("{l} needs medical clearance"),
                "The PAR-Q+ had a \"yes\" and no clearance is recorded. Ask for it before hard training.".into(),
                1,
            );
        }
        if c.emergency_contact_name.is_none() && c.emergency_contact_phone.is_none() {
            let l = names.add_client(c);
            push(
                FindingKind::EmergencyContactMissing,
                Some(c.id.clone()),
                format!("{l} has no emergency contact"),
                "Add one on the client's profile.".into(),
                1,
            );
        }
    }

    let now = spotter_store::time::now_utc();
    let stale: Vec<(String, i64)> = sqlx::query_as(
        "SELECT trainer_id, COUNT(*) FROM sessions WHERE deleted_at IS NULL AND status = 'scheduled' AND end_utc < ?
         GROUP BY trainer_id ORDER BY COUNT(*) DESC",
    )
    .bind(&now)
    .fetch_all(db.pool())
    .await?;
    let total: i64 = stale.iter().map(|s| s.1).sum();
    if total > 0 {
        push(
            FindingKind::PastSessionsScheduled,
            None,
            format!("{total} past sessions are still \"scheduled\""),
            "Mark them completed, no-show or cancelled so attendance and reminders are right (the dashboard does it in one click).".into(),
            u32::try_from(total).unwrap_or(u32::MAX),
        );
    }

    let unassigned: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM plans WHERE deleted_at IS NULL AND is_template = 0 AND client_id IS NULL ORDER BY name",
    )
    .fetch_all(db.pool())
    .await?;
    for (plan,) in unassigned {
        push(
            FindingKind::PlanNeverAssigned,
            None,
            format!("Plan \"{}\" was never assigned", names.scrub(&plan)),
            "Assign it to a client, save it as a template, or delete it.".into(),
            1,
        );
    }
    Ok(out)
}
