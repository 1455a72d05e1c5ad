//! The full client record against real SQLite files: profile, status, PAR-Q+ and clearance,
//! measurements in SI, notes, reminders and the CSV import with mapping and duplicates.

mod support;

use spotter_core::clients::record::{self, MeasurementInput, Metric, ParqInput};
use spotter_core::clients::{
    self, ClientInput, ClientListQuery, ClientStatus, ClientStatusFilter, FitnessLevel,
};
use spotter_core::import::{self, CsvField, CsvImportRequest};
use spotter_core::settings;
use spotter_store::ErrorCode;
use support::fresh;

fn upload(text: &str) -> spotter_files::upload::FileUpload {
    use base64::Engine;
    spotter_files::upload::FileUpload {
        name: "clients.csv".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(text),
        path: None,
    }
}

#[tokio::test]
async fn profile_fields_round_trip_and_are_validated_at_their_field() {
    let (_d, db) = fresh().await;
    let input = ClientInput {
        name: "Olena Kovalenko".into(),
        emergency_contact_name: Some("Taras Kovalenko".into()),
        emergency_contact_phone: Some("+380 67 765 4321".into()),
        fitness_level: Some(FitnessLevel::Intermediate),
        injuries: "Diastasis recti, 2 cm".into(),
        body_areas: vec!["core".into(), "Lower back".into()],
        preferred_times: "Weekday mornings".into(),
        ..Default::default()
    };
    let c = clients::create(&db, &input).await.unwrap();
    assert_eq!(c.body_areas, ["core", "lower_back"]);
    assert_eq!(
        (c.fitness_level, c.status),
        (Some(FitnessLevel::Intermediate), ClientStatus::Active)
    );
    assert_eq!(clients::get(&db, &c.id).await.unwrap(), c);
    let bad = ClientInput {
        body_areas: vec!["spleen".into()],
        ..input.clone()
    };
    assert_eq!(
        clients::create(&db, &bad)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("bodyAreas")
    );
    let bad = ClientInput {
        emergency_contact_phone: Some("call me".into()),
        ..input
    };
    assert_eq!(
        clients::create(&db, &bad)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("emergencyContactPhone")
    );

    let paused = record::set_paused(&db, &c.id, true).await.unwrap();
    assert_eq!(paused.status, ClientStatus::Paused);
    let q = |status| ClientListQuery {
        status,
        ..Default::default()
    };
    assert_eq!(
        clients::list(&db, &q(ClientStatusFilter::Paused))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        clients::list(&db, &q(ClientStatusFilter::Active))
            .await
            .unwrap()
            .len(),
        1,
        "paused clients stay in the list"
    );
}

fn parq(yes_at: Option<usize>, on: &str) -> ParqInput {
    ParqInput {
        answered_on: on.into(),
        answers: (0..7).map(|i| Some(Some(i) == yes_at)).collect(),
        notes: String::new(),
    }
}

#[tokio::test]
async fn any_yes_in_the_latest_parq_needs_clearance_until_it_is_recorded() {
    let (_d, db) = fresh().await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "Ben Carter".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    record::record_intake(&db, &c.id, &parq(None, "2026-01-10"))
        .await
        .unwrap();
    assert!(!clients::get(&db, &c.id).await.unwrap().needs_clearance);
    let intake = record::record_intake(&db, &c.id, &parq(Some(5), "2026-06-01"))
        .await
        .unwrap();
    assert!(intake.any_yes);
    assert!(clients::get(&db, &c.id).await.unwrap().needs_clearance);
    let cleared = record::set_clearance(&db, &c.id, Some("2026-06-15"))
        .await
        .unwrap();
    assert!(!cleared.needs_clearance && cleared.clearance_on.as_deref() == Some("2026-06-15"));
    // A later "yes" asks for clearance again.
    record::record_intake(&db, &c.id, &parq(Some(0), "2026-09-01"))
        .await
        .unwrap();
    assert!(clients::get(&db, &c.id).await.unwrap().needs_clearance);
    assert_eq!(record::intakes(&db, &c.id).await.unwrap().len(), 3);

    let mut missing = parq(None, "2026-09-02");
    missing.answers[3] = None;
    assert_eq!(
        record::record_intake(&db, &c.id, &missing)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("answers.3")
    );
    let err = record::record_intake(&db, &c.id, &parq(None, "2999-01-01"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("answeredOn"));
}

#[tokio::test]
async fn measurements_are_stored_in_si_whatever_unit_they_were_typed_in() {
    let (_d, db) = fresh().await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "Noah Williams".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let m = |metric, value, unit: &str, on: &str| MeasurementInput {
        measured_on: on.into(),
        metric: Some(metric),
        custom_name: None,
        value,
        unit: unit.into(),
    };
    record::add_measurement(
        &db,
        &c.id,
        &m(Metric::BodyWeight, 165.0, "lb", "2026-10-01"),
    )
    .await
    .unwrap();
    record::add_measurement(&db, &c.id, &m(Metric::BodyWeight, 76.0, "kg", "2026-11-01"))
        .await
        .unwrap();
    record::add_measurement(&db, &c.id, &m(Metric::Waist, 33.0, "in", "2026-11-01"))
        .await
        .unwrap();
    let custom = MeasurementInput {
        custom_name: Some("Plank hold".into()),
        ..m(Metric::Custom, 95.0, "s", "2026-11-01")
    };
    record::add_measurement(&db, &c.id, &custom).await.unwrap();
    let all = record::measurements(&db, &c.id).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(
        (all[0].value - 74.84).abs() < 0.01 && all[0].unit == "kg",
        "{:?}",
        all[0]
    );
    assert_eq!((all[2].value, all[2].unit.as_str()), (83.82, "cm"));
    assert_eq!(
        (all[3].custom_name.as_deref(), all[3].unit.as_str()),
        (Some("Plank hold"), "s")
    );
    let err = record::add_measurement(&db, &c.id, &m(Metric::BodyFat, 140.0, "%", "2026-11-01"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("value"));
    record::delete_measurement(&db, &all[0].id).await.unwrap();
    assert_eq!(record::measurements(&db, &c.id).await.unwrap().len(), 3);
}

#[tokio::test]
async fn notes_are_timestamped_newest_first_and_bounded() {
    let (_d, db) = fresh().await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "李娜".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    record::add_note(&db, &c.id, "First session: good mobility")
        .await
        .unwrap();
    let second = record::add_note(&db, &c.id, "Elbow sore after serves")
        .await
        .unwrap();
    let notes = record::notes(&db, &c.id).await.unwrap();
    assert_eq!(notes[0].id, second.id);
    let err = record::add_note(&db, &c.id, &"x".repeat(20_001))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("body"))
    );
    assert!(err.message.contains("20001"), "{}", err.message);
}

#[tokio::test]
async fn a_note_is_edited_in_place_with_the_same_rules_and_its_creation_time_kept() {
    let (_d, db) = fresh().await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "Jonas Berg".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let note = record::add_note(&db, &c.id, "Knee fine").await.unwrap();
    let edited = record::update_note(&db, &note.id, "  Knee fine; left hip tight  ")
        .await
        .unwrap();
    assert_eq!(
        (edited.id.as_str(), edited.body.as_str()),
        (note.id.as_str(), "Knee fine; left hip tight")
    );
    assert_eq!(edited.created_at, note.created_at);
    assert!(edited.updated_at >= note.updated_at);
    let listed = record::notes(&db, &c.id).await.unwrap();
    assert_eq!(listed, vec![edited.clone()]);

    for bad in ["   ", &"y".repeat(20_001)] {
        let err = record::update_note(&db, &note.id, bad).await.unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Validation, Some("body"))
        );
    }
    // A refused edit changes nothing.
    assert_eq!(record::notes(&db, &c.id).await.unwrap(), vec![edited]);

    let err = record::update_note(&db, "not-an-id", "x")
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("id"));
    record::delete_note(&db, &note.id).await.unwrap();
    let err = record::update_note(&db, &note.id, "back again")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn settings_default_and_persist() {
    let (_d, db) = fresh().await;
    let s = settings::get(&db).await.unwrap();
    assert_eq!(
        (s.units, s.notify_minutes_before),
        (settings::Units::Metric, Some(15))
    );
    let changed = settings::set(
        &db,
        &settings::Settings {
            units: settings::Units::Imperial,
            notify_minutes_before: None,
            paper: settings::Paper::Letter,
            studio_name: "  Núñez Strength  ".into(),
            has_logo: false,
            check_updates_at_start: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(settings::get(&db).await.unwrap(), changed);
    assert_eq!(changed.studio_name, "Núñez Strength", "trimmed");
    assert_eq!(changed.paper, settings::Paper::Letter);
    assert!(
        changed.check_updates_at_start,
        "the opt-in update check is kept"
    );
    let err = settings::set(
        &db,
        &settings::Settings {
            units: settings::Units::Metric,
            notify_minutes_before: Some(5000),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("notifyMinutesBefore"));
}

#[tokio::test]
async fn csv_import_maps_columns_previews_and_detects_duplicates() {
    let (_d, db) = fresh().await;
    clients::create(
        &db,
        &ClientInput {
            name: "Anna Schmidt".into(),
            email: Some("anna@example.com".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let csv = "Client,Mail,Mobile,Level,Comment\n\
               Anna S.,ANNA@example.com,,beginner,\n\
               José Núñez,jose@example.es,+34 612 345 678,advanced,likes mornings\n\
               Pepe Núñez,,0034 612 345 678,,\n\
               Zoë Ł,zoe@example.pl,,athlete,\n";
    let req = CsvImportRequest {
        file: upload(csv),
        ..Default::default()
    };
    // The header is guessed …
    let preview = import::preview_clients_csv(&db, &req).await.unwrap();
    assert_eq!(
        preview.mapping,
        [
            Some(CsvField::Name),
            Some(CsvField::Email),
            Some(CsvField::Phone),
            Some(CsvField::FitnessLevel),
            Some(CsvField::Notes)
        ]
    );
    // … and the trainer may change it.
    let mapping = vec![
        Some(CsvField::Name),
        Some(CsvField::Email),
        Some(CsvField::Phone),
        Some(CsvField::FitnessLevel),
        Some(CsvField::Notes),
    ];
    let req = CsvImportRequest {
        mapping: Some(mapping),
        ..req
    };
    let preview = import::preview_clients_csv(&db, &req).await.unwrap();
    let dups: Vec<(u64, &str, &str)> = preview
        .report
        .duplicates
        .iter()
        .map(|d| (d.line, d.duplicate_of.as_str(), d.matched.as_str()))
        .collect();
    assert_eq!(dups, [(2, "Anna Schmidt", "email"), (4, "line 3", "phone")]);
    assert_eq!(preview.sample[1].email, "jose@example.es");
    assert!(preview.report.errors.is_empty());
    assert_eq!(
        clients::list(&db, &Default::default()).await.unwrap().len(),
        1,
        "a preview writes nothing"
    );

    let report = import::import_clients_mapped(&db, &req).await.unwrap();
    assert_eq!((report.imported, report.skipped_duplicates), (2, 2));
    let names: Vec<String> = clients::list(&db, &Default::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Anna Schmidt", "José Núñez", "Zoë Ł"]);

    // A bad row stops the whole import; the error names the line and field.
    let bad = CsvImportRequest {
        file: upload("name,level\nMia,expert\nNoah,\n"),
        ..Default::default()
    };
    let report = import::import_clients_mapped(&db, &bad).await.unwrap();
    assert_eq!(report.imported, 0);
    assert_eq!(
        (report.errors[0].line, report.errors[0].field.as_deref()),
        (2, Some("fitnessLevel"))
    );
    // Mapping two columns to one field is refused at the mapping.
    let twice = CsvImportRequest {
        mapping: Some(vec![Some(CsvField::Name), Some(CsvField::Name)]),
        ..bad
    };
    let refused = import::preview_clients_csv(&db, &twice).await.unwrap();
    assert!(refused.mapping_error.unwrap().contains("mapped to"));
    let err = import::import_clients_mapped(&db, &twice)
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("mapping"));
    // Without a Name column the preview still shows the columns, so one can be mapped.
    let nameless = CsvImportRequest {
        file: upload("Spalte 1,Spalte 2\nAnna,anna@x.de\n"),
        ..Default::default()
    };
    let preview = import::preview_clients_csv(&db, &nameless).await.unwrap();
    assert_eq!(
        (preview.headers.len(), preview.mapping_error.is_some()),
        (2, true)
    );
}
