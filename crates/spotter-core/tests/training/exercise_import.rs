//! Importing exercise files: wger exports and free-exercise-db, licences, duplicates offered
//! for merge, bad files refused whole.

use crate::support::fresh;
use spotter_core::training::exercises::{self, ExerciseQuery};
use spotter_store::ErrorCode;

fn fixture(name: &str) -> spotter_files::upload::FileUpload {
    use base64::Engine;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exercises")
        .join(name);
    spotter_files::upload::FileUpload {
        name: name.into(),
        base64: base64::engine::general_purpose::STANDARD.encode(std::fs::read(path).unwrap()),
        path: None,
    }
}

#[tokio::test]
async fn wger_exports_import_with_licence_and_duplicates_offered_for_merge() {
    use spotter_core::training::exercise_import::{
        self, DuplicateAction, DuplicateDecision, ImportFormat,
    };
    let (_d, db) = fresh().await;
    exercises::ensure_library(&db).await.unwrap();
    let before = exercises::list(&db, &ExerciseQuery::default())
        .await
        .unwrap()
        .len();
    let file = fixture("wger-exerciseinfo.json");
    let preview = exercise_import::preview(&db, &file).await.unwrap();
    assert_eq!(preview.format, ImportFormat::Wger);
    assert!(!preview.partial);
    // The German-only exercise is listed as skipped, with the reason.
    assert!(
        preview
            .skipped
            .iter()
            .any(|s| s.reason.contains("no English name")),
        "{:?}",
        preview.skipped
    );
    assert_eq!(preview.entries.len() + preview.skipped.len(), 6);
    let squat = preview
        .entries
        .iter()
        .find(|e| e.exercise.name.eq_ignore_ascii_case("barbell back squat"))
        .expect("the squat");
    assert_eq!(
        squat.duplicate_of.as_ref().map(|d| d.name.as_str()),
        Some("Barbell Back Squat")
    );
    for e in &preview.entries {
        assert!(
            !e.license.is_empty(),
            "{} keeps its licence",
            e.exercise.name
        );
        assert!(e.attribution.contains("wger.de"), "{}", e.attribution);
        assert!(
            !e.exercise.instructions.contains('<'),
            "HTML is converted: {}",
            e.exercise.instructions
        );
    }
    // The German-first exercise takes its English name (language id 2), not the first one.
    assert!(preview.entries.iter().all(|e| !e.exercise.name.contains("Kreuzheben") && !e.exercise.name.contains("Rudern")), "{:?}", preview.entries.iter().map(|e| &e.exercise.name).collect::<Vec<_>>());

    // Skip is the default for duplicates: nothing is silently doubled.
    let report = exercise_import::import(&db, &file, &[]).await.unwrap();
    assert_eq!(report.added as usize, preview.entries.len() - 1);
    let after = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(after.len(), before + preview.entries.len() - 1);
    let imported = after.iter().find(|e| e.source.as_str() == "wger").unwrap();
    assert!(!imported.attribution.is_empty() && imported.source_ref.is_some());

    // Importing again: everything is now a duplicate; merge the squat into the library's.
    let again = exercise_import::preview(&db, &file).await.unwrap();
    assert!(again.entries.iter().all(|e| e.duplicate_of.is_some()));
    let decisions = vec![DuplicateDecision {
        source_ref: squat.source_ref.clone(),
        action: DuplicateAction::Merge,
    }];
    let report = exercise_import::import(&db, &file, &decisions)
        .await
        .unwrap();
    assert_eq!((report.added, report.merged), (0, 1));
    let merged = exercises::get(&db, &squat.duplicate_of.as_ref().unwrap().id)
        .await
        .unwrap();
    assert!(
        merged.attribution.contains("Merged with"),
        "{}",
        merged.attribution
    );
    assert_eq!(
        merged.source.as_str(),
        "spotter",
        "the shipped exercise stays Spotter's"
    );
}

#[tokio::test]
async fn free_exercise_db_imports_and_bad_files_are_refused_whole() {
    use spotter_core::training::exercise_import::{
        self, DuplicateAction, DuplicateDecision, ImportFormat,
    };
    let (_d, db) = fresh().await;
    exercises::ensure_library(&db).await.unwrap();
    let file = fixture("free-exercise-db.json");
    let preview = exercise_import::preview(&db, &file).await.unwrap();
    assert_eq!(preview.format, ImportFormat::FreeExerciseDb);
    assert_eq!(preview.entries.len(), 6, "{:?}", preview.skipped);
    let dup = preview
        .entries
        .iter()
        .find(|e| e.exercise.name == "Dumbbell Bench Press")
        .unwrap();
    assert!(dup.duplicate_of.is_some());
    assert!(preview.entries.iter().all(|e| e.license == "Unlicense"));
    let stretch = preview
        .entries
        .iter()
        .find(|e| e.exercise.name == "Partner Hamstring Stretch")
        .unwrap();
    assert_eq!(stretch.exercise.equipment, ["bodyweight"]);
    assert_eq!(stretch.exercise.pattern, "mobility");
    let decisions = vec![DuplicateDecision {
        source_ref: dup.source_ref.clone(),
        action: DuplicateAction::AddSeparately,
    }];
    let report = exercise_import::import(&db, &file, &decisions)
        .await
        .unwrap();
    assert_eq!(report.added, 6);
    let found = exercises::list(
        &db,
        &ExerciseQuery {
            search: Some("dumbbell bench press".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(found
        .iter()
        .any(|e| e.name == "Dumbbell Bench Press (free-exercise-db)"));

    let count = exercises::list(
        &db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len();
    for (name, expect) in [
        ("malformed.json", "not valid JSON"),
        ("wrong-shape.json", "neither a wger"),
    ] {
        let e = exercise_import::import(&db, &fixture(name), &[])
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidFile);
        assert_eq!(e.field.as_deref(), Some("file"));
        assert!(e.message.contains(expect), "{}", e.message);
    }
    use base64::Engine;
    let huge = spotter_files::upload::FileUpload {
        name: "huge.json".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(vec![b' '; 26 * 1024 * 1024]),
        path: None,
    };
    let e = exercise_import::preview(&db, &huge).await.unwrap_err();
    assert!(e.message.contains("MB"), "{}", e.message);
    let latin1 = spotter_files::upload::FileUpload {
        name: "x.json".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(b"[{\"name\": \"Caf\xe9\"}]"),
        path: None,
    };
    assert!(exercise_import::preview(&db, &latin1)
        .await
        .unwrap_err()
        .message
        .contains("UTF-8"));
    assert_eq!(
        exercises::list(
            &db,
            &ExerciseQuery {
                include_hidden: true,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .len(),
        count,
        "nothing half imported"
    );
}
