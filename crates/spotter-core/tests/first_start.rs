//! The first start: an empty database greets the trainer; the welcome's answers are saved
//! together (or not at all); the date/time settings are checked; the demo data directory is
//! apart from the real one and opens full and already set up.

use spotter_core::clients::{self, ClientInput};
use spotter_core::first_start::{self, WelcomeInput};
use spotter_core::schedule::trainers;
use spotter_core::settings::{self, Clock, Settings, Units, WeekStart};
use spotter_store::paths::DataDir;
use spotter_store::Database;

fn welcome() -> WelcomeInput {
    WelcomeInput {
        name: "  Maria Keller ".into(),
        time_zone: "America/New_York".into(),
        units: Units::Imperial,
        locale: "en-US".into(),
        clock: Clock::H12,
        week_start: WeekStart::Sunday,
    }
}

#[tokio::test]
async fn an_empty_database_asks_once_and_the_answers_land_together() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    assert!(first_start::needs_welcome(&db).await.unwrap());
    // The reminders loop creates "me" on its own; that is not being set up.
    trainers::me(&db).await.unwrap();
    assert!(first_start::needs_welcome(&db).await.unwrap());

    // A bad answer writes nothing: neither the name nor the settings.
    for (bad, field) in [
        (
            WelcomeInput {
                name: "  ".into(),
                ..welcome()
            },
            "name",
        ),
        (
            WelcomeInput {
                time_zone: "Mars/Base".into(),
                ..welcome()
            },
            "timeZone",
        ),
        (
            WelcomeInput {
                locale: "tlh".into(),
                ..welcome()
            },
            "locale",
        ),
    ] {
        let e = first_start::complete(&db, &bad).await.unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field));
    }
    assert_eq!(trainers::me(&db).await.unwrap().name, "Me");
    assert_eq!(settings::get(&db).await.unwrap(), Settings::default());
    assert!(first_start::needs_welcome(&db).await.unwrap());

    let saved = first_start::complete(&db, &welcome()).await.unwrap();
    assert_eq!(
        (
            saved.units,
            saved.locale.as_str(),
            saved.clock,
            saved.week_start,
            saved.welcomed
        ),
        (
            Units::Imperial,
            "en-US",
            Clock::H12,
            WeekStart::Sunday,
            true
        )
    );
    let me = trainers::me(&db).await.unwrap();
    assert_eq!(
        (me.name.as_str(), me.time_zone.as_str()),
        ("Maria Keller", "America/New_York")
    );
    assert!(!first_start::needs_welcome(&db).await.unwrap());
}

#[tokio::test]
async fn a_database_with_clients_never_asks() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let id = clients::create(
        &db,
        &ClientInput {
            name: "Anna Schmidt".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    assert!(!first_start::needs_welcome(&db).await.unwrap());
    clients::set_archived(&db, &id, true).await.unwrap();
    assert!(
        !first_start::needs_welcome(&db).await.unwrap(),
        "an archived client is still the trainer's data"
    );
}

#[tokio::test]
async fn settings_stored_before_the_date_settings_read_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    // A row as an older Spotter wrote it.
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('preferences', ?, '2026-11-01T00:00:00.000Z')")
        .bind(r#"{"units":"imperial","notifyMinutesBefore":30,"paper":"letter","studioName":"Gym","hasLogo":false}"#)
        .execute(db.pool())
        .await
        .unwrap();
    let s = settings::get(&db).await.unwrap();
    assert_eq!(s.units, Units::Imperial, "old values kept");
    assert_eq!(
        (s.locale.as_str(), s.clock, s.week_start, s.welcomed),
        ("en-GB", Clock::H24, WeekStart::Monday, false)
    );
    let e = settings::set(
        &db,
        &Settings {
            locale: "xx-YY".into(),
            ..s.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("locale"));
    let changed = settings::set(
        &db,
        &Settings {
            clock: Clock::H12,
            week_start: WeekStart::Saturday,
            ..s
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (changed.clock, changed.week_start),
        (Clock::H12, WeekStart::Saturday)
    );
}

#[tokio::test]
async fn the_demo_directory_is_apart_and_opens_full_and_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let home = DataDir::new(dir.path());
    let real = Database::open(&home).await.unwrap();
    let demo_dir = first_start::demo_dir(&home);
    assert_ne!(demo_dir.database(), home.database());
    assert!(demo_dir.root().starts_with(home.root()));

    let demo = Database::open(&demo_dir).await.unwrap();
    first_start::prepare_demo(&demo).await.unwrap();
    let demo_clients = clients::list(&demo, &Default::default()).await.unwrap();
    assert!(demo_clients.len() >= 10, "the demo data set is there");
    assert!(!first_start::needs_welcome(&demo).await.unwrap());
    // Opening it again neither doubles the clients nor fails.
    first_start::prepare_demo(&demo).await.unwrap();
    assert_eq!(
        clients::list(&demo, &Default::default())
            .await
            .unwrap()
            .len(),
        demo_clients.len()
    );
    // The real database is untouched and still asks.
    assert!(clients::list(&real, &Default::default())
        .await
        .unwrap()
        .is_empty());
    assert!(first_start::needs_welcome(&real).await.unwrap());
}
