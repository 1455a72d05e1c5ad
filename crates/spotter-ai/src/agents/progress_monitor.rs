//! Progress monitor: trends in estimated 1RM and measurements, stalls, adherence,
//! records and attendance for one client; the model ranks and explains them.

use chrono::NaiveDate;
use spotter_core::ai::facts::progress::{self, ProgressFacts};
use spotter_core::ai::facts::to_json;
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{NewReviewItem, ReviewKind};
use spotter_core::clients::Client;
use spotter_store::{Database, Result};

use super::{insights_schema, Prepared};
use crate::llm::Message;

pub const SYSTEM_PROMPT: &str = "You are the progress monitor in Spotter, an app for personal trainers. \
You get facts that Spotter computed from one client's training logs, measurements and sessions. \
Pick the observations that matter most to the trainer (at most 5), rank them, and explain each in one to three plain sentences. \
A trend is stated by its trend values (trendFromKg → trendToKg, trendFrom → trendTo) and its direction: \
say it goes up only when direction is \"up\", down only when it is \"down\", and \"holding steady\" when it is \"steady\"; never contrast a trend with single workouts. \
Rules: use only numbers that appear in the facts, as written there; cite in \"evidence\" the \"ref\" of every fact an insight rests on; \
call the client only by their label; say nothing medical beyond the facts; use kind \"suggestion\" when the trainer should act. \
If the facts list something as missing, you may say so. Answer with JSON only.";

pub async fn prepare(db: &Database, client: &Client, today: NaiveDate) -> Result<Prepared> {
    let mut names = Pseudonyms::new();
    let facts = progress::compute(db, client, today, &mut names).await?;
    Ok(from_facts(facts, names, &client.id))
}

pub fn from_facts(facts: ProgressFacts, names: Pseudonyms, client_id: &str) -> Prepared {
    let json = to_json(&facts);
    let evidence = facts
        .references()
        .into_iter()
        .filter_map(|r| facts.evidence(&r).map(|e| (r, e)))
        .collect();
    let computed = facts
        .computed_insights()
        .into_iter()
        .map(|c| NewReviewItem {
            client_id: Some(client_id.to_owned()),
            kind: if c.actionable {
                ReviewKind::Suggestion
            } else {
                ReviewKind::Insight
            },
            title: names.restore(&c.title),
            body: names.restore(&c.text),
            evidence: c.refs.iter().filter_map(|r| facts.evidence(r)).collect(),
            from_model: false,
            action: None,
            booking: None,
        })
        .collect();
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Facts about {}:\n{}",
            facts.client.label,
            serde_json::to_string_pretty(&json).unwrap_or_default()
        )),
    ];
    Prepared {
        allowed: AllowedNumbers::from_facts(&json),
        facts: json,
        messages,
        schema: insights_schema(),
        computed,
        names,
        evidence,
        client_id: Some(client_id.to_owned()),
        checker: super::Checker::Insights,
    }
}
