//! Nutrition guidance facts: energy needs by Mifflin-St Jeor with an activity factor from
//! the client's actual training, a goal adjustment read from their goals, macro targets,
//! and dietary restrictions read from their tags, goals and notes. Guidance, not medical
//! advice. What the record lacks (weight, height, sex, age) is said, not guessed: without
//! a recorded sex both values are given.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::r1;
use crate::ai::privacy::{age_on, Pseudonyms};
use crate::clients::record::{measurements, Metric};
use crate::clients::Client;
use spotter_store::{Database, Result};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NutritionFacts {
    pub client: String,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub age: Option<u32>,
    /// From the tags ("female"/"male"); none recorded means both figures are given.
    pub sex: Option<String>,
    pub workouts_per_week: f64,
    pub activity: String,
    pub activity_factor: f64,
    pub goal: String,
    /// Energy for the goal, kcal a day; two values (female, male) when sex is unknown.
    pub energy: Vec<Energy>,
    pub protein_g_per_kg: f64,
    pub restrictions: Vec<String>,
    pub missing: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Energy {
    #[serde(rename = "ref")]
    pub reference: String,
    pub for_sex: String,
    pub bmr_kcal: f64,
    pub maintenance_kcal: f64,
    pub target_kcal: f64,
    pub protein_g: f64,
    pub fat_g: f64,
    pub carbs_g: f64,
}

/// Words that mark a restriction, and the ingredients it rules out (for checking meal ideas).
pub const RESTRICTIONS: &[(&str, &[&str], &[&str])] = &[
    (
        "vegan",
        &["vegan"],
        &[
            "meat", "chicken", "beef", "pork", "turkey", "fish", "salmon", "tuna", "egg", "milk",
            "cheese", "yogurt", "yoghurt", "butter", "honey", "whey", "ham", "bacon", "prawn",
            "shrimp",
        ],
    ),
    (
        "vegetarian",
        &["vegetarian", "veggie"],
        &[
            "meat", "chicken", "beef", "pork", "turkey", "fish", "salmon", "tuna", "ham", "bacon",
            "prawn", "shrimp",
        ],
    ),
    (
        "gluten-free",
        &["gluten", "coeliac", "celiac"],
        &[
            "wheat", "bread", "pasta", "barley", "rye", "couscous", "bulgur", "seitan",
        ],
    ),
    (
        "dairy-free",
        &["lactose", "dairy"],
        &[
            "milk", "cheese", "yogurt", "yoghurt", "butter", "cream", "whey",
        ],
    ),
    (
        "nut-free",
        &["nut allergy", "nut-free", "peanut"],
        &[
            "peanut",
            "almond",
            "walnut",
            "cashew",
            "hazelnut",
            "pecan",
            "pistachio",
        ],
    ),
];

fn goal_of(goals: &str) -> (&'static str, f64, f64) {
    let g = goals.to_lowercase();
    // (goal, energy factor on maintenance, protein g/kg)
    if ["lose", "fat loss", "weight loss", "cut", "slim", "lean"]
        .iter()
        .any(|w| g.contains(w))
    {
        ("fat loss", 0.8, 2.0)
    } else if ["gain", "muscle", "bulk", "build", "hypertrophy", "mass"]
        .iter()
        .any(|w| g.contains(w))
    {
        ("muscle gain", 1.1, 1.8)
    } else {
        ("maintenance", 1.0, 1.6)
    }
}

fn activity_of(workouts_per_week: f64) -> (&'static str, f64) {
    match workouts_per_week {
        w if w < 1.0 => ("sedentary", 1.2),
        w if w < 3.0 => ("lightly active", 1.375),
        w if w < 5.0 => ("moderately active", 1.55),
        _ => ("very active", 1.725),
    }
}

pub async fn compute(
    db: &Database,
    client: &Client,
    today: NaiveDate,
    names: &mut Pseudonyms,
) -> Result<NutritionFacts> {
    let label = names.add_client(client);
    let all = measurements(db, &client.id).await?;
    let latest = |pick: &dyn Fn(&crate::clients::record::Measurement) -> bool| {
        all.iter()
            .filter(|m| pick(m))
            .max_by(|a, b| a.measured_on.cmp(&b.measured_on))
            .map(|m| m.value)
    };
    let weight = latest(&|m| m.metric == Metric::BodyWeight);
    let height = latest(&|m| {
        m.metric == Metric::Custom
            && m.custom_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case("height"))
            && m.unit == "cm"
    });
    let age = client
        .date_of_birth
        .as_deref()
        .and_then(|d| age_on(d, today));
    let tags: Vec<String> = client.tags.iter().map(|t| t.to_lowercase()).collect();
    let sex = ["female", "male"]
        .into_iter()
        .find(|s| tags.iter().any(|t| t == s))
        .map(str::to_owned);

    let since = (today - Duration::weeks(4)).format("%Y-%m-%d").to_string();
    let workouts: i64 = sqlx::query_scalar("SELECT count(*) FROM workout_logs WHERE client_id = ? AND deleted_at IS NULL AND performed_on >= ?")
        .bind(&client.id)
        .bind(&since)
        .fetch_one(db.pool())
        .await?;
    let per_week = r1(workouts as f64 / 4.0);
    let (activity, factor) = activity_of(per_week);
    let (goal, energy_factor, protein_per_kg) = goal_of(&client.goals);

    let text = format!(
        "{} {} {}",
        client.tags.join(" "),
        client.goals,
        client.notes
    )
    .to_lowercase();
    let mut restrictions: Vec<String> = RESTRICTIONS
        .iter()
        .filter(|(_, words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(name, _, _)| (*name).to_owned())
        .collect();
    if restrictions.iter().any(|r| r == "vegan") {
        restrictions.retain(|r| r != "vegetarian");
    }

    let mut missing = Vec::new();
    if weight.is_none() {
        missing.push("body weight (add a measurement)".to_owned());
    }
    if height.is_none() {
        missing.push("height (add a custom measurement named \"height\" in cm)".to_owned());
    }
    if age.is_none() {
        missing.push("date of birth".to_owned());
    }
    if sex.is_none() {
        missing.push(
            "sex (add the tag \"female\" or \"male\"); figures are given for both".to_owned(),
        );
    }
    let mut energy = Vec::new();
    if let (Some(w), Some(h), Some(a)) = (weight, height, age) {
        let sexes: Vec<&str> = match sex.as_deref() {
            Some(s) => vec![if s == "female" { "female" } else { "male" }],
            None => vec!["female", "male"],
        };
        for (i, s) in sexes.into_iter().enumerate() {
            // Mifflin-St Jeor: 10 W + 6.25 H − 5 A + (5 for men, −161 for women).
            let bmr =
                10.0 * w + 6.25 * h - 5.0 * f64::from(a) + if s == "male" { 5.0 } else { -161.0 };
            let maintenance = bmr * factor;
            let target = (maintenance * energy_factor / 10.0).round() * 10.0;
            let protein = (w * protein_per_kg).round();
            let fat = (target * 0.25 / 9.0).round();
            let carbs = ((target - protein * 4.0 - fat * 9.0) / 4.0)
                .max(0.0)
                .round();
            energy.push(Energy {
                reference: format!("N{}", i + 1),
                for_sex: s.into(),
                bmr_kcal: bmr.round(),
                maintenance_kcal: maintenance.round(),
                target_kcal: target,
                protein_g: protein,
                fat_g: fat,
                carbs_g: carbs,
            });
        }
    }
    Ok(NutritionFacts {
        client: label,
        weight_kg: weight.map(r1),
        height_cm: height.map(r1),
        age,
        sex,
        workouts_per_week: per_week,
        activity: activity.into(),
        activity_factor: factor,
        goal: goal.into(),
        energy,
        protein_g_per_kg: protein_per_kg,
        restrictions,
        missing,
        note: "Guidance, not medical advice. A client with a medical condition, an eating disorder or pregnancy needs a doctor or a registered dietitian.".into(),
    })
}

/// The ingredients a meal idea may not contain under these restrictions.
pub fn forbidden(restrictions: &[String]) -> Vec<&'static str> {
    RESTRICTIONS
        .iter()
        .filter(|(name, _, _)| restrictions.iter().any(|r| r == name))
        .flat_map(|(_, _, words)| words.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn goals_and_activity_map_to_factors() {
        assert_eq!(super::goal_of("Lose 5 kg before summer").0, "fat loss");
        assert_eq!(super::goal_of("Build muscle").0, "muscle gain");
        assert_eq!(super::goal_of("Stay healthy").0, "maintenance");
        assert_eq!(super::activity_of(0.5).1, 1.2);
        assert_eq!(super::activity_of(3.0).1, 1.55);
        assert!(super::forbidden(&["vegetarian".into()]).contains(&"chicken"));
    }
}
