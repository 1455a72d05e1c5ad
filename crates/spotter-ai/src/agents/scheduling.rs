//! Scheduling: proposes slots for a client from attendance habits, preferred times,
//! working hours and free time, and a rebooking after a no-show. Every slot comes from the
//! calendar's own free-slot search; the model only ranks and explains. Accepting books the
//! session through the normal conflict check.

use serde_json::Value;
use spotter_core::ai::facts::scheduling::{self, SchedulingContext};
use spotter_core::ai::facts::to_json;
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};
use spotter_core::clients::Client;
use spotter_store::{Database, Result};

use super::{parse_json, Checker, Prepared};
use crate::llm::Message;

pub const SYSTEM_PROMPT: &str = "You are the scheduling assistant in Spotter, an app for personal trainers. \
You get when a client usually trains, their stated preferred times, recent no-shows, and free slots (refs \"S1\" …) that Spotter found \
for the trainer and the client. Pick the best slots (at most 3), best first, each with a one-sentence reason for the trainer; \
if a rebooking after a no-show is due, say so. Use only slots from the facts and only numbers from the facts; refer to the client by label. \
Answer with JSON only.";

pub fn schema() -> (String, Value) {
    (
        "slot_proposals".into(),
        serde_json::json!({
            "type": "object",
            "properties": {
                "proposals": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": { "slot": { "type": "string" }, "reason": { "type": "string" } },
                        "required": ["slot", "reason"],
                        "additionalProperties": false
                    }
                }
            },
            "required": ["proposals"],
            "additionalProperties": false
        }),
    )
}

pub async fn prepare(db: &Database, client: &Client) -> Result<Prepared> {
    let mut names = Pseudonyms::new();
    let ctx = scheduling::compute(db, client, chrono::Utc::now(), &mut names).await?;
    let facts = to_json(&ctx.facts);
    let evidence = ctx
        .facts
        .habits
        .iter()
        .map(|h| {
            (
                h.reference.clone(),
                Evidence {
                    label: "Usually comes".into(),
                    value: format!("{} {} ({} times)", h.weekday, h.time, h.attended),
                },
            )
        })
        .collect();
    let computed = computed(&ctx, &client.id, &names);
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Facts about {}:\n{}",
            ctx.facts.client,
            serde_json::to_string_pretty(&facts).unwrap_or_default()
        )),
    ];
    Ok(Prepared {
        allowed: AllowedNumbers::from_facts(&facts),
        facts,
        messages,
        schema: schema(),
        computed,
        names,
        evidence,
        client_id: Some(client.id.clone()),
        checker: Checker::Scheduling(Box::new(ctx)),
    })
}

fn item(
    ctx: &SchedulingContext,
    client_id: &str,
    names: &Pseudonyms,
    slot: &str,
    reason: String,
    from_model: bool,
) -> Option<NewReviewItem> {
    let fact = ctx.facts.slots.iter().find(|s| s.reference == slot)?;
    let booking = ctx
        .bookings
        .iter()
        .find(|(r, _)| r == slot)
        .map(|(_, b)| b.clone())?;
    let mut evidence = vec![Evidence {
        label: "Free for both".into(),
        value: fact.when.clone(),
    }];
    if let Some(h) = fact
        .matches
        .as_ref()
        .and_then(|m| ctx.facts.habits.iter().find(|h| &h.reference == m))
    {
        evidence.push(Evidence {
            label: "Usually comes".into(),
            value: format!("{} {} ({} times)", h.weekday, h.time, h.attended),
        });
    }
    let mut body = names.restore(&reason);
    if let Some(c) = &ctx.clearance {
        // Before anything else: booking a flagged client is the trainer's call, made knowingly.
        body = format!("⚑ {}. {body}", c.message);
        evidence.insert(
            0,
            Evidence {
                label: "Needs medical clearance".into(),
                value: c.message.clone(),
            },
        );
    }
    Some(NewReviewItem {
        client_id: Some(client_id.to_owned()),
        kind: ReviewKind::Suggestion,
        title: format!("Book {}", fact.when),
        body,
        evidence,
        from_model,
        action: None,
        booking: Some(booking),
    })
}

/// Without a model: slots that match a habit first, then the earliest.
fn computed(ctx: &SchedulingContext, client_id: &str, names: &Pseudonyms) -> Vec<NewReviewItem> {
    let mut slots: Vec<_> = ctx.facts.slots.iter().collect();
    slots.sort_by_key(|s| s.matches.is_none());
    slots
        .into_iter()
        .take(3)
        .filter_map(|s| {
            let reason = match &s.matches {
                Some(_) if ctx.facts.rebook_after_no_show => {
                    "Rebook after the missed session, at the usual time.".to_owned()
                }
                Some(_) => "At the usual time.".to_owned(),
                None if ctx.facts.rebook_after_no_show => {
                    "Rebook after the missed session: the next time free for both.".to_owned()
                }
                None => "The next time free for both.".to_owned(),
            };
            item(ctx, client_id, names, &s.reference, reason, false)
        })
        .collect()
}

pub fn interpret(
    prepared: &Prepared,
    ctx: &SchedulingContext,
    content: &str,
) -> Result<(Value, Vec<NewReviewItem>), String> {
    let json = parse_json(content)?;
    let Some(list) = json.get("proposals").and_then(Value::as_array) else {
        return Err("the answer has no \"proposals\" array".into());
    };
    if list.is_empty() || list.len() > 3 {
        return Err(format!("give 1 to 3 proposals, not {}", list.len()));
    }
    let client_id = prepared.client_id.as_deref().unwrap_or_default();
    let mut items = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let n = i + 1;
        let slot = p.get("slot").and_then(Value::as_str).unwrap_or("");
        let reason = p
            .get("reason")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("");
        if reason.is_empty() {
            return Err(format!("proposal {n} gives no reason"));
        }
        let unsupported = prepared.allowed.unsupported(reason);
        if !unsupported.is_empty() {
            return Err(format!(
                "proposal {n} states numbers that are not in the facts: {}",
                unsupported.join(", ")
            ));
        }
        match item(
            ctx,
            client_id,
            &prepared.names,
            slot,
            reason.to_owned(),
            true,
        ) {
            Some(it) => items.push(it),
            None => {
                return Err(format!(
                "proposal {n} names slot \"{slot}\", which is not one of the free slots (\"S1\" …)"
            ))
            }
        }
    }
    Ok((json, items))
}
