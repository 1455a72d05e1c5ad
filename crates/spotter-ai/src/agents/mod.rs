//! The agents. Each computes its facts in Rust (spotter-core's `ai::facts`), writes the
//! messages a model would get, and checks the model's JSON answer: the schema, the refs
//! it cites, and that every number in its text is a fact. Without a model, the computed
//! items are what the trainer reviews.

pub mod client_chat;
pub mod data_quality;
pub mod health_check;
pub mod nutrition;
pub mod progress_monitor;
pub mod scheduling;
pub mod workout_optimizer;

use serde_json::Value;
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};

use crate::llm::Message;

/// Everything a run needs before it calls a model.
pub struct Prepared {
    /// What Rust computed (already pseudonymised: safe to send and to log).
    pub facts: Value,
    pub messages: Vec<Message>,
    pub schema: (String, Value),
    /// What the trainer gets without a model.
    pub computed: Vec<NewReviewItem>,
    pub names: Pseudonyms,
    pub allowed: AllowedNumbers,
    /// The refs a model may cite, with their evidence for the trainer.
    pub evidence: Vec<(String, Evidence)>,
    pub client_id: Option<String>,
    /// How the model's answer is checked.
    pub checker: Checker,
}

/// Most agents answer with insights; two answer with actions, checked against their context.
pub enum Checker {
    Insights,
    /// A plan diff, checked against the plan, the safe alternatives and the client's injuries.
    Optimizer(
        Box<(
            spotter_core::ai::facts::optimizer::OptimizerContext,
            spotter_core::clients::Client,
        )>,
    ),
    /// Slots to book, checked against the free slots found.
    Scheduling(Box<spotter_core::ai::facts::scheduling::SchedulingContext>),
    /// A summary and meal ideas, checked against the targets and the restrictions.
    Nutrition(Box<spotter_core::ai::facts::nutrition::NutritionFacts>),
}

/// Checks a model's answer with the agent's own rules.
pub fn interpret(
    prepared: &Prepared,
    content: &str,
) -> Result<(Value, Vec<NewReviewItem>), String> {
    match &prepared.checker {
        Checker::Insights => interpret_insights(prepared, content),
        Checker::Optimizer(boxed) => {
            workout_optimizer::interpret(prepared, &boxed.0, &boxed.1, content)
        }
        Checker::Scheduling(ctx) => scheduling::interpret(prepared, ctx, content),
        Checker::Nutrition(facts) => nutrition::interpret(prepared, facts, content),
    }
}

/// The JSON schema every insight-style agent answers with.
pub fn insights_schema() -> (String, Value) {
    (
        "insights".into(),
        serde_json::json!({
            "type": "object",
            "properties": {
                "insights": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "title": { "type": "string" },
                            "text": { "type": "string" },
                            "kind": { "type": "string", "enum": ["insight", "suggestion"] },
                            "evidence": { "type": "array", "items": { "type": "string" } }
                        },
                        "required": ["title", "text", "kind", "evidence"],
                        "additionalProperties": false
                    }
                }
            },
            "required": ["insights"],
            "additionalProperties": false
        }),
    )
}

/// Checks a model's answer against the schema, the citable refs and the facts' numbers.
/// `Err` is the reason, phrased so it can be sent back to the model for its one retry.
pub fn interpret_insights(
    prepared: &Prepared,
    content: &str,
) -> Result<(Value, Vec<NewReviewItem>), String> {
    let json = parse_json(content)?;
    let Some(list) = json.get("insights").and_then(Value::as_array) else {
        return Err("the answer has no \"insights\" array".into());
    };
    if list.is_empty() {
        return Err("\"insights\" is empty; give at least one".into());
    }
    if list.len() > 8 {
        return Err(format!(
            "{} insights is too many; give at most 8",
            list.len()
        ));
    }
    let mut items = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        let n = i + 1;
        let text_of = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .unwrap_or("")
        };
        let (title, text) = (text_of("title"), text_of("text"));
        if title.is_empty() || text.is_empty() {
            return Err(format!("insight {n} lacks a title or a text"));
        }
        if title.chars().count() > 160 || text.chars().count() > 1500 {
            return Err(format!("insight {n} is too long"));
        }
        let kind = match text_of("kind") {
            "insight" => ReviewKind::Insight,
            "suggestion" => ReviewKind::Suggestion,
            other => {
                return Err(format!(
                    "insight {n} has kind \"{other}\"; use \"insight\" or \"suggestion\""
                ))
            }
        };
        let refs: Vec<&str> = v
            .get("evidence")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if refs.is_empty() {
            return Err(format!(
                "insight {n} cites no evidence; name the refs of the facts it rests on"
            ));
        }
        let mut evidence = Vec::with_capacity(refs.len());
        for r in refs {
            match prepared.evidence.iter().find(|(id, _)| id == r) {
                Some((_, e)) => evidence.push(e.clone()),
                None => {
                    return Err(format!(
                        "insight {n} cites \"{r}\", which is not a ref in the facts"
                    ))
                }
            }
        }
        if let Some(why) = contradicts_direction(&prepared.facts, title, &refs_of(v)) {
            return Err(format!(
                "insight {n}'s title {why}; say what the trend says"
            ));
        }
        let unsupported = prepared.allowed.unsupported(&format!("{title}\n{text}"));
        if !unsupported.is_empty() {
            return Err(format!(
                "insight {n} states numbers that are not in the facts: {}; use only the facts' numbers",
                unsupported.join(", ")
            ));
        }
        items.push(NewReviewItem {
            client_id: prepared.client_id.clone(),
            kind,
            // The trainer reads real names; the model only ever saw labels.
            title: prepared.names.restore(title),
            body: prepared.names.restore(text),
            evidence,
            from_model: true,
            action: None,
            booking: None,
        });
    }
    Ok((json, items))
}

fn refs_of(insight: &Value) -> Vec<&str> {
    insight
        .get("evidence")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

const UP_WORDS: [&str; 6] = [
    "going up", "climbing", "rising", "increas", "improv", "gaining",
];
const DOWN_WORDS: [&str; 6] = [
    "going down",
    "falling",
    "declin",
    "decreas",
    "dropping",
    "losing",
];

/// A headline that goes against the direction of a trend it cites ("going up" over a trend
/// that is steady or down): the reason, or None. Facts with a `direction` are trends.
pub fn contradicts_direction(facts: &Value, title: &str, refs: &[&str]) -> Option<String> {
    let title = title.to_lowercase();
    let says_up = UP_WORDS.iter().any(|w| title.contains(w));
    let says_down = DOWN_WORDS.iter().any(|w| title.contains(w));
    if !says_up && !says_down {
        return None;
    }
    for r in refs {
        let Some(direction) = find_ref(facts, r)
            .and_then(|f| f.get("direction"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        if (says_up && direction != "up") || (says_down && direction != "down") {
            return Some(format!(
                "says it goes {} but the trend of {r} is {direction}",
                if says_up { "up" } else { "down" }
            ));
        }
    }
    None
}

/// The fact object whose "ref" is `reference`, anywhere in the facts.
fn find_ref<'a>(v: &'a Value, reference: &str) -> Option<&'a Value> {
    match v {
        Value::Object(map) => {
            if map.get("ref").and_then(Value::as_str) == Some(reference) {
                return Some(v);
            }
            map.values().find_map(|x| find_ref(x, reference))
        }
        Value::Array(list) => list.iter().find_map(|x| find_ref(x, reference)),
        _ => None,
    }
}

/// The JSON in a reply; local models like to wrap it in a ```json fence.
pub fn parse_json(content: &str) -> Result<Value, String> {
    let t = content.trim();
    let t = t
        .strip_prefix("```json")
        .or_else(|| t.strip_prefix("```"))
        .map_or(t, |r| r.trim_end().trim_end_matches("```"))
        .trim();
    serde_json::from_str::<Value>(t).map_err(|e| format!("the answer is not valid JSON ({e})"))
}
