//! The medical-clearance warning shown before booking a client or giving them a plan.

use spotter_core::clients::clearance;
use spotter_core::clients::record::{self, ParqInput};
use spotter_core::clients::{self, ClientInput};
use spotter_store::paths::DataDir;
use spotter_store::Database;

#[tokio::test]
async fn a_flagged_client_is_warned_about_with_the_questions_answered_yes() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let new = |name: &str| ClientInput {
        name: name.into(),
        ..Default::default()
    };
    let greta = clients::create(&db, &new("Greta Weiß")).await.unwrap().id;
    let jose = clients::create(&db, &new("José Núñez")).await.unwrap().id;
    let parq = |yes: &[usize]| ParqInput {
        answered_on: "2026-11-20".into(),
        answers: (0..7).map(|i| Some(yes.contains(&i))).collect(),
        notes: String::new(),
    };
    record::record_intake(&db, &greta, &parq(&[2]))
        .await
        .unwrap();
    record::record_intake(&db, &jose, &parq(&[])).await.unwrap();

    let ids = vec![jose.clone(), greta.clone(), greta.clone()];
    let warnings = clearance::warnings(&db, &ids).await.unwrap();
    assert_eq!(warnings.len(), 1, "only Greta, once");
    let w = &warnings[0];
    assert_eq!(
        (w.client_name.as_str(), w.answered_on.as_deref()),
        ("Greta Weiß", Some("2026-11-20"))
    );
    assert_eq!(w.questions.len(), 1);
    assert!(w.questions[0].starts_with("Do you lose balance because of dizziness"));
    assert!(
        w.message.starts_with(
            "Greta Weiß needs medical clearance before training: the PAR-Q+ of 2026-11-20 has a “yes” to “Do you lose balance"
        ),
        "{}",
        w.message
    );

    // Two "yes" answers are both named.
    record::record_intake(&db, &greta, &parq(&[0, 5]))
        .await
        .unwrap();
    let w = clearance::warnings(&db, &[greta.clone()]).await.unwrap();
    assert_eq!(w[0].questions.len(), 2);
    assert!(w[0].message.contains("2 questions"), "{}", w[0].message);

    // Cleared: no warning.
    record::set_clearance(&db, &greta, Some("2026-11-21"))
        .await
        .unwrap();
    assert!(clearance::warnings(&db, &[greta]).await.unwrap().is_empty());

    let err = clearance::warnings(&db, &["not an id".into()])
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("clientIds.0"));
}
