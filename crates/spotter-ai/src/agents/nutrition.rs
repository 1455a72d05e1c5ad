//! Nutrition guidance: energy and macro targets computed in Rust (Mifflin-St Jeor, the
//! client's real training as the activity level, the goal), meal ideas that respect the
//! stated restrictions (checked word by word, not trusted). Marked as guidance, not
//! medical advice.

use chrono::NaiveDate;
use serde_json::Value;
use spotter_core::ai::facts::nutrition::{self, forbidden, NutritionFacts};
use spotter_core::ai::facts::to_json;
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};
use spotter_core::clients::Client;
use spotter_store::{Database, Result};

use super::{parse_json, Checker, Prepared};
use crate::llm::Message;

pub const SYSTEM_PROMPT: &str = "You give nutrition guidance in Spotter, an app for personal trainers; it is guidance, not medical advice. \
You get energy and macro targets Spotter computed for one client, their goal and their dietary restrictions. Write a short summary \
for the trainer (two or three sentences, quoting the targets exactly as given) and 4 meal ideas that fit the targets and respect every \
restriction, each with its main ingredients. Use only numbers from the facts; refer to the client by label. Answer with JSON only.";

/// Built-in ideas for when no model is set up: (name, ingredients).
const MEALS: &[(&str, &[&str])] = &[
    (
        "Overnight oats with berries and seeds",
        &["oats", "soy milk", "berries", "chia seeds"],
    ),
    (
        "Lentil and vegetable curry with rice",
        &["lentils", "tomato", "spinach", "rice"],
    ),
    (
        "Tofu stir-fry with vegetables and rice noodles",
        &["tofu", "broccoli", "peppers", "rice noodles"],
    ),
    (
        "Chickpea salad with quinoa and olive oil",
        &["chickpeas", "quinoa", "cucumber", "olive oil"],
    ),
    (
        "Chicken, potatoes and green beans",
        &["chicken", "potatoes", "green beans"],
    ),
    (
        "Salmon with rice and broccoli",
        &["salmon", "rice", "broccoli"],
    ),
    (
        "Greek yogurt with fruit and oats",
        &["yogurt", "fruit", "oats"],
    ),
    (
        "Omelette with vegetables and wholegrain bread",
        &["egg", "peppers", "bread"],
    ),
];

fn allowed_meals(restrictions: &[String]) -> Vec<(&'static str, &'static [&'static str])> {
    let no = forbidden(restrictions);
    MEALS
        .iter()
        .filter(|(name, ing)| !breaks(name, ing, &no))
        .copied()
        .collect()
}

fn breaks(name: &str, ingredients: &[&str], no: &[&str]) -> bool {
    let text = format!("{} {}", name, ingredients.join(" ")).to_lowercase();
    // "soy milk" and "peanut-free" style qualifiers: a plant milk is not milk.
    let text = text
        .replace("soy milk", "soy-drink")
        .replace("oat milk", "oat-drink")
        .replace("almond milk", "almond-drink");
    no.iter().any(|w| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|t| t == *w || t == format!("{w}s"))
    })
}

fn targets_text(f: &NutritionFacts) -> String {
    f.energy
        .iter()
        .map(|e| {
            let who = if f.sex.is_some() {
                String::new()
            } else {
                format!(" (if {})", e.for_sex)
            };
            format!(
                "{} kcal a day{who}: protein {} g, fat {} g, carbohydrate {} g",
                e.target_kcal, e.protein_g, e.fat_g, e.carbs_g
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub async fn prepare(db: &Database, client: &Client, today: NaiveDate) -> Result<Prepared> {
    let mut names = Pseudonyms::new();
    let facts = nutrition::compute(db, client, today, &mut names).await?;
    let json = to_json(&facts);
    let evidence: Vec<(String, Evidence)> = facts
        .energy
        .iter()
        .map(|e| {
            (
                e.reference.clone(),
                Evidence {
                    label: format!("Energy ({})", e.for_sex),
                    value: format!(
                        "BMR {} kcal × {} ({}) = {} kcal maintenance",
                        e.bmr_kcal, facts.activity_factor, facts.activity, e.maintenance_kcal
                    ),
                },
            )
        })
        .collect();
    let mut body = if facts.energy.is_empty() {
        format!(
            "Spotter cannot compute energy needs yet. Missing: {}.",
            facts.missing.join("; ")
        )
    } else {
        format!("Goal: {}. Targets: {}.", facts.goal, targets_text(&facts))
    };
    if !facts.restrictions.is_empty() {
        body.push_str(&format!(
            " Restrictions: {}.",
            facts.restrictions.join(", ")
        ));
    }
    let ideas = allowed_meals(&facts.restrictions);
    if !facts.energy.is_empty() && !ideas.is_empty() {
        body.push_str("\nMeal ideas:\n");
        body.push_str(
            &ideas
                .iter()
                .take(4)
                .map(|(n, _)| format!("• {n}"))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    body.push_str(&format!("\n{}", facts.note));
    let computed = vec![NewReviewItem {
        client_id: Some(client.id.clone()),
        kind: ReviewKind::Insight,
        title: "Nutrition guidance (not medical advice)".into(),
        body: names.restore(&body),
        evidence: evidence.iter().map(|(_, e)| e.clone()).collect(),
        from_model: false,
        action: None,
        booking: None,
    }];
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Facts about {}:\n{}",
            facts.client,
            serde_json::to_string_pretty(&json).unwrap_or_default()
        )),
    ];
    Ok(Prepared {
        allowed: AllowedNumbers::from_facts(&json),
        facts: json,
        messages,
        schema: schema(),
        computed,
        names,
        evidence,
        client_id: Some(client.id.clone()),
        checker: Checker::Nutrition(Box::new(facts)),
    })
}

pub fn schema() -> (String, Value) {
    (
        "nutrition_guidance".into(),
        serde_json::json!({
            "type": "object",
            "properties": {
                "summary": { "type": "string" },
                "mealIdeas": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": { "name": { "type": "string" }, "ingredients": { "type": "array", "items": { "type": "string" } } },
                        "required": ["name", "ingredients"],
                        "additionalProperties": false
                    }
                }
            },
            "required": ["summary", "mealIdeas"],
            "additionalProperties": false
        }),
    )
}

pub fn interpret(
    prepared: &Prepared,
    facts: &NutritionFacts,
    content: &str,
) -> Result<(Value, Vec<NewReviewItem>), String> {
    if facts.energy.is_empty() {
        return Err("there are no targets to explain".into());
    }
    let json = parse_json(content)?;
    let summary = json
        .get("summary")
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or("");
    if summary.is_empty() {
        return Err("the answer has no \"summary\"".into());
    }
    let unsupported = prepared.allowed.unsupported(summary);
    if !unsupported.is_empty() {
        return Err(format!(
            "the summary states numbers that are not in the facts: {}",
            unsupported.join(", ")
        ));
    }
    let Some(ideas) = json.get("mealIdeas").and_then(Value::as_array) else {
        return Err("the answer has no \"mealIdeas\"".into());
    };
    if ideas.is_empty() || ideas.len() > 6 {
        return Err(format!("give 1 to 6 meal ideas, not {}", ideas.len()));
    }
    let no = forbidden(&facts.restrictions);
    let mut lines = Vec::new();
    for (i, idea) in ideas.iter().enumerate() {
        let name = idea
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        let ingredients: Vec<&str> = idea
            .get("ingredients")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if name.is_empty() {
            return Err(format!("meal idea {} has no name", i + 1));
        }
        if breaks(name, &ingredients, &no) {
            return Err(format!(
                "meal idea {} (\"{name}\") breaks the client's restrictions ({})",
                i + 1,
                facts.restrictions.join(", ")
            ));
        }
        lines.push(format!("• {name} ({})", ingredients.join(", ")));
    }
    let body = format!(
        "{summary}\nMeal ideas:\n{}\n{}",
        lines.join("\n"),
        facts.note
    );
    let item = NewReviewItem {
        client_id: prepared.client_id.clone(),
        kind: ReviewKind::Insight,
        title: "Nutrition guidance (not medical advice)".into(),
        body: prepared.names.restore(&body),
        evidence: prepared.evidence.iter().map(|(_, e)| e.clone()).collect(),
        from_model: true,
        action: None,
        booking: None,
    };
    Ok((json, vec![item]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn restrictions_are_checked_word_by_word() {
        let vegan = super::forbidden(&["vegan".into()]);
        assert!(super::breaks("Scrambled eggs", &["eggs", "toast"], &vegan));
        assert!(
            !super::breaks("Overnight oats", &["oats", "soy milk"], &vegan),
            "soy milk is not milk"
        );
        assert!(super::allowed_meals(&["vegan".into()])
            .iter()
            .all(|(n, _)| !n.contains("Chicken") && !n.contains("yogurt")));
    }
}
