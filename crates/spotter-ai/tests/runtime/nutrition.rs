//! The nutrition agent: targets computed, meal ideas that respect restrictions.

use crate::common::*;
use crate::runtime;
use serde_json::json;
use spotter_ai::RunRequest;
use spotter_core::clients;

#[tokio::test]
async fn nutrition_targets_are_computed_and_meal_ideas_respect_restrictions() {
    use spotter_core::clients::record::{add_measurement, MeasurementInput, Metric};
    let setup = demo().await;
    let mia = client_id(&setup.db, "Mia Johansson").await;
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "nutrition".into(),
        client_id: Some(mia.clone()),
        fresh: false,
    };

    // What the record lacks is said, not guessed.
    let before = rt.preview(&req).await.unwrap();
    assert!(before.facts["energy"].as_array().unwrap().is_empty() || before.facts["sex"].is_null());
    assert!(
        before.facts["missing"].to_string().contains("height"),
        "{}",
        before.facts["missing"]
    );

    let c = clients::get(&setup.db, &mia).await.unwrap();
    let input = clients::ClientInput {
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        date_of_birth: Some("1990-06-15".into()),
        goals: "Lose some fat, keep strength".into(),
        tags: vec!["female".into(), "vegetarian".into()],
        ..Default::default()
    };
    clients::update(&setup.db, &mia, &input).await.unwrap();
    let today = spotter_store::time::today_utc()
        .format("%Y-%m-%d")
        .to_string();
    add_measurement(
        &setup.db,
        &mia,
        &MeasurementInput {
            measured_on: today.clone(),
            metric: Some(Metric::BodyWeight),
            value: 70.0,
            unit: "kg".into(),
            custom_name: None,
        },
    )
    .await
    .unwrap();
    add_measurement(
        &setup.db,
        &mia,
        &MeasurementInput {
            measured_on: today,
            metric: Some(Metric::Custom),
            custom_name: Some("height".into()),
            value: 170.0,
            unit: "cm".into(),
        },
    )
    .await
    .unwrap();

    let facts = rt.preview(&req).await.unwrap().facts;
    let age = facts["age"].as_f64().unwrap();
    let bmr = 10.0 * 70.0 + 6.25 * 170.0 - 5.0 * age - 161.0;
    assert_eq!(
        facts["energy"].as_array().unwrap().len(),
        1,
        "sex recorded: one figure"
    );
    assert_eq!(facts["energy"][0]["bmrKcal"].as_f64().unwrap(), bmr.round());
    let factor = facts["activityFactor"].as_f64().unwrap();
    assert_eq!(
        facts["energy"][0]["targetKcal"].as_f64().unwrap(),
        (bmr * factor * 0.8 / 10.0).round() * 10.0,
        "fat loss: 80 % of maintenance"
    );
    assert_eq!(facts["restrictions"], json!(["vegetarian"]));

    // A model's meal idea with chicken for a vegetarian is refused; the retry is kept.
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let target = facts["energy"][0]["targetKcal"].as_f64().unwrap();
    let bad = json!({ "summary": format!("Client A aims for {target} kcal a day."), "mealIdeas": [{ "name": "Chicken salad", "ingredients": ["chicken", "lettuce"] }] });
    let good = json!({ "summary": format!("Client A aims for {target} kcal a day."), "mealIdeas": [{ "name": "Bean chili", "ingredients": ["kidney beans", "tomato", "rice"] }] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let out = rt.run(&req).await.unwrap();
    assert!(requests(&s).await[1]["messages"]
        .to_string()
        .contains("breaks the client's restrictions"));
    let item = &out.items[0];
    assert_eq!(item.title, "Nutrition guidance (not medical advice)");
    assert!(
        item.body.starts_with("Mia Johansson aims for")
            && item.body.contains("Bean chili")
            && item.body.contains("not medical advice"),
        "{}",
        item.body
    );
}
