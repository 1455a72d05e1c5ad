//! Plans over time: every save a version with its author and summary, restore copying
//! forward, bad plans refused whole, templates started and assigned to dates and sessions.

use crate::support::{client, fresh};
use crate::{exercise, one_week, rx, trainer};
use spotter_core::training::plan::PlanBody;
use spotter_core::training::plans::{
    self, Author, AuthorKind, NewPlan, PlanAssignment, PlanListQuery, PlanSave,
};

#[tokio::test]
async fn every_save_is_a_version_with_author_and_summary_and_restore_copies_forward() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let rdl = exercise(&db, "Romanian Deadlift", "hamstrings").await;
    let created = plans::create(
        &db,
        &NewPlan {
            name: "Strength A".into(),
            is_template: false,
            body: one_week(vec![("Lower", 0, vec![rx(&squat, 3, (5, 5), Some(100.0))])]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(created.version, 1);
    assert_eq!(
        created.body.weeks[0].days[0].items[0].exercise_name, "Back Squat",
        "names come from the library"
    );

    let mut body = created.body.clone();
    body.weeks[0].days[0].items[0].sets = 4;
    body.weeks[0].days[0]
        .items
        .push(rx(&rdl, 3, (8, 10), Some(80.0)));
    let v2 = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength A".into(),
            body,
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(v2.version, 2);

    let ai = Author {
        kind: AuthorKind::Ai,
        name: "Workout optimizer".into(),
    };
    let mut body3 = v2.body.clone();
    body3.weeks[0].days[0].items.remove(0);
    let v3 = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength B".into(),
            body: body3,
            base_version: 2,
        },
        &ai,
    )
    .await
    .unwrap();
    assert_eq!(v3.version, 3);

    // A stale editor cannot overwrite a newer version.
    let stale = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "X".into(),
            body: v2.body.clone(),
            base_version: 2,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(stale.field.as_deref(), Some("baseVersion"));
    // Saving without changes stores nothing.
    let same = plans::save(
        &db,
        &created.id,
        &PlanSave {
            name: "Strength B".into(),
            body: v3.body.clone(),
            base_version: 3,
        },
        &trainer(),
    )
    .await
    .unwrap();
    assert_eq!(same.version, 3);

    let history = plans::versions(&db, &created.id).await.unwrap();
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        [3, 2, 1]
    );
    assert_eq!(history[0].author_kind, AuthorKind::Ai);
    assert_eq!(history[0].author_name, "Workout optimizer");
    assert!(
        history[0]
            .summary
            .contains("Renamed “Strength A” → “Strength B”"),
        "{}",
        history[0].summary
    );
    assert!(
        history[0].summary.contains("removed Back Squat"),
        "{}",
        history[0].summary
    );
    assert!(
        history[1]
            .summary
            .contains("Back Squat 3 × 5 @ 100 kg, rest 120 s → 4 × 5 @ 100 kg, rest 120 s"),
        "{}",
        history[1].summary
    );
    assert!(
        history[1]
            .summary
            .contains("added Romanian Deadlift 3 × 8–10 @ 80 kg"),
        "{}",
        history[1].summary
    );
    assert_eq!(history[2].summary, "Created");

    let compared = plans::compare(&db, &created.id, 1, 3).await.unwrap();
    assert!(compared
        .iter()
        .any(|l| l.contains("added Romanian Deadlift")));
    assert!(compared.iter().any(|l| l.contains("removed Back Squat")));

    let restored = plans::restore(&db, &created.id, 1, &trainer())
        .await
        .unwrap();
    assert_eq!(restored.version, 4);
    assert_eq!(restored.name, "Strength A");
    assert_eq!(restored.body, created.body);
    let history = plans::versions(&db, &created.id).await.unwrap();
    assert_eq!(
        history.len(),
        4,
        "restoring adds a version; nothing is overwritten"
    );
    assert_eq!(history[0].restored_from, Some(1));
    assert!(history[0].summary.starts_with("Restored version 1"));
    // Every earlier version is still readable as it was.
    assert_eq!(
        plans::version(&db, &created.id, 3).await.unwrap().body,
        v3.body
    );
    assert_eq!(
        plans::version(&db, &created.id, 9)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("version")
    );
}

#[tokio::test]
async fn bad_plans_are_refused_whole_and_nothing_is_half_saved() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let p = plans::create(
        &db,
        &NewPlan {
            name: "P".into(),
            is_template: false,
            body: one_week(vec![("Lower", 0, vec![rx(&squat, 3, (5, 5), None)])]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    let ghost = one_week(vec![(
        "Lower",
        0,
        vec![rx("0190e0a0-0000-7000-8000-000000000000", 3, (5, 5), None)],
    )]);
    let e = plans::save(
        &db,
        &p.id,
        &PlanSave {
            name: "P".into(),
            body: ghost,
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("exerciseId"));
    let e = plans::save(
        &db,
        &p.id,
        &PlanSave {
            name: " ".into(),
            body: p.body.clone(),
            base_version: 1,
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"));
    let e = plans::create(
        &db,
        &NewPlan {
            name: "Empty".into(),
            is_template: false,
            body: PlanBody::default(),
        },
        &trainer(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("weeks"));
    assert_eq!(plans::versions(&db, &p.id).await.unwrap().len(), 1);
    assert_eq!(
        plans::list(&db, &PlanListQuery::default())
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn templates_start_plans_that_are_assigned_to_dates_and_sessions() {
    let (_d, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let press = exercise(&db, "Bench Press", "chest").await;
    let template = plans::create(
        &db,
        &NewPlan {
            name: "Beginner full body".into(),
            is_template: true,
            body: one_week(vec![
                ("Day A", 0, vec![rx(&squat, 3, (8, 8), Some(40.0))]),
                ("Day B", 2, vec![rx(&press, 3, (8, 8), Some(30.0))]),
            ]),
        },
        &trainer(),
    )
    .await
    .unwrap();
    let anna = client(&db, "Anna Lindqvist").await;
    let plan = plans::from_template(
        &db,
        &template.id,
        None,
        Some(&PlanAssignment {
            client_id: anna.clone(),
            start_date: "2026-03-02".into(),
        }),
        &trainer(),
    )
    .await
    .unwrap();
    assert!(!plan.is_template);
    assert_eq!(plan.from_template_id.as_deref(), Some(template.id.as_str()));
    assert_eq!(plan.client_name.as_deref(), Some("Anna Lindqvist"));
    assert!(plans::versions(&db, &plan.id).await.unwrap()[0]
        .summary
        .contains("Started from “Beginner full body”"));

    let dates = plans::dates(&db, &plan.id).await.unwrap();
    assert_eq!(
        dates
            .iter()
            .map(|d| (d.day_name.as_str(), d.date.as_str()))
            .collect::<Vec<_>>(),
        [("Day A", "2026-03-02"), ("Day B", "2026-03-04")]
    );

    let templates = plans::list(
        &db,
        &PlanListQuery {
            templates: Some(true),
            client_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(templates.len(), 1);
    let annas = plans::list(
        &db,
        &PlanListQuery {
            templates: None,
            client_id: Some(anna.clone()),
        },
    )
    .await
    .unwrap();
    assert_eq!(annas.len(), 1);
    assert_eq!((annas[0].weeks, annas[0].days_per_week), (1, 2));

    let e = plans::assign(
        &db,
        &template.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "2026-03-02".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("planId"));
    let e = plans::assign(
        &db,
        &plan.id,
        &PlanAssignment {
            client_id: anna.clone(),
            start_date: "next monday".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("startDate"));

    let copy = plans::save_as_template(&db, &plan.id, "Anna's block", &trainer())
        .await
        .unwrap();
    assert!(copy.is_template);
    assert_eq!(copy.body, plan.body);
}
