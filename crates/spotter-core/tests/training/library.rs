//! The exercise library: the shipped exercises, and the trainer's own (add, edit, hide).

use crate::exercise;
use crate::support::fresh;
use spotter_core::training::exercises::{self, Caution, ExerciseInput, ExerciseQuery};

#[tokio::test]
async fn the_shipped_library_is_valid_and_loaded_once() {
    let library = exercises::library().unwrap();
    assert!(
        library.len() >= 200,
        "the library ships {} exercises",
        library.len()
    );
    let mut keys: Vec<&str> = library.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), library.len(), "library keys are unique");
    for (key, input) in &library {
        exercises::validate(input).unwrap_or_else(|e| panic!("{key}: {}", e.message));
    }
    let (_d, db) = fresh().await;
    let added = exercises::ensure_library(&db).await.unwrap();
    assert_eq!(added, library.len());
    assert_eq!(
        exercises::ensure_library(&db).await.unwrap(),
        0,
        "a second start adds nothing"
    );

    // Filters by muscle, equipment and pattern, and search by words in any order.
    let hamstrings = exercises::list(
        &db,
        &ExerciseQuery {
            muscle: Some("hamstrings".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(hamstrings.len() >= 5);
    assert!(hamstrings
        .iter()
        .all(|e| e.primary_muscles.contains(&"hamstrings".into())
            || e.secondary_muscles.contains(&"hamstrings".into())));
    let kb = exercises::list(
        &db,
        &ExerciseQuery {
            equipment: Some("kettlebell".into()),
            pattern: Some("hinge".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(!kb.is_empty());
    assert!(kb
        .iter()
        .all(|e| e.equipment.contains(&"kettlebell".into()) && e.pattern == "hinge"));
    let squat = exercises::list(
        &db,
        &ExerciseQuery {
            search: Some("squat back".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        squat
            .iter()
            .any(|e| e.name.to_lowercase().contains("back squat")),
        "{:?}",
        squat.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn trainers_add_edit_and_hide_their_own_exercises_with_field_errors() {
    let (_d, db) = fresh().await;
    let id = exercise(&db, "Zercher Squat", "quadriceps").await;
    let e = exercises::get(&db, &id).await.unwrap();
    assert_eq!(e.source.as_str(), "custom");

    let dup = exercises::create(
        &db,
        &ExerciseInput {
            name: "  zercher   SQUAT ".into(),
            primary_muscles: vec!["glutes".into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(dup.field.as_deref(), Some("name"));

    let bad_muscle = exercises::create(
        &db,
        &ExerciseInput {
            name: "X".into(),
            primary_muscles: vec!["elbows".into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(bad_muscle.field.as_deref(), Some("primaryMuscles"));
    assert!(bad_muscle.message.contains("elbows"));
    let bad_caution = exercises::create(
        &db,
        &ExerciseInput {
            name: "Y".into(),
            primary_muscles: vec!["chest".into()],
            pattern: "horizontal_push".into(),
            difficulty: "beginner".into(),
            cautions: vec![Caution {
                area: "spleen".into(),
                text: "no".into(),
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(bad_caution.field.as_deref(), Some("cautions"));

    let edited = exercises::update(
        &db,
        &id,
        &ExerciseInput {
            name: "Zercher Squat".into(),
            primary_muscles: vec!["quadriceps".into(), "glutes".into()],
            secondary_muscles: vec!["glutes".into(), "upper_back".into()],
            equipment: vec![],
            pattern: "squat".into(),
            difficulty: "advanced".into(),
            instructions: "Bar in the crook of the elbows.".into(),
            cautions: vec![Caution {
                area: "elbow".into(),
                text: "Pad the bar with elbow pain.".into(),
            }],
        },
    )
    .await
    .unwrap();
    assert_eq!(
        edited.secondary_muscles,
        ["upper_back"],
        "a primary muscle is not also secondary"
    );
    assert_eq!(edited.equipment, ["bodyweight"]);

    exercises::set_hidden(&db, &id, true).await.unwrap();
    let visible = exercises::list(&db, &ExerciseQuery::default())
        .await
        .unwrap();
    assert!(visible.iter().all(|e| e.id != id));
    let all = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(all.iter().any(|e| e.id == id && e.hidden));
}
