//! Data quality: duplicates, missing clearance or emergency contacts, past sessions still
//! "scheduled", plans never assigned. Every finding is computed; a model only ranks and
//! phrases them for the trainer.

use spotter_core::ai::facts::data_quality;
use spotter_core::ai::facts::to_json;
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};
use spotter_store::{Database, Result};

use super::{insights_schema, Prepared};
use crate::llm::Message;

pub const SYSTEM_PROMPT: &str = "You are the data-quality checker in Spotter, an app for personal trainers. \
You get findings that Spotter computed about its own records. Rank them by how much they matter for the clients' safety \
and the trainer's work, and phrase each as a short suggestion (kind \"suggestion\") of what to fix. \
Rules: use only numbers that appear in the findings; cite each finding's \"ref\" in \"evidence\"; refer to clients only by their labels. \
Answer with JSON only.";

pub async fn prepare(db: &Database) -> Result<Prepared> {
    let mut names = Pseudonyms::new();
    let findings = data_quality::compute(db, &mut names).await?;
    let json = serde_json::json!({ "findings": to_json(&findings) });
    let evidence: Vec<(String, Evidence)> = findings
        .iter()
        .map(|f| {
            (
                f.reference.clone(),
                Evidence {
                    label: names.restore(&f.title),
                    value: names.restore(&f.detail),
                },
            )
        })
        .collect();
    let computed = findings
        .iter()
        .map(|f| NewReviewItem {
            client_id: f.client_id.clone(),
            kind: ReviewKind::Suggestion,
            title: names.restore(&f.title),
            body: names.restore(&f.detail),
            evidence: vec![Evidence {
                label: "Found".into(),
                value: names.restore(&f.title),
            }],
            from_model: false,
            action: None,
            booking: None,
        })
        .collect();
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Findings:\n{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        )),
    ];
    Ok(Prepared {
        allowed: AllowedNumbers::from_facts(&json),
        facts: json,
        messages,
        schema: insights_schema(),
        computed,
        names,
        evidence,
        client_id: None,
        checker: super::Checker::Insights,
    })
}
