//! iCalendar export and import: round trips through independent parsers (Python's
//! icalendar + recurring-ical-events, installed by `make setup-test`) and imports of
//! files shaped like real Google Calendar, Apple Calendar and Outlook exports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Datelike, Duration, Utc, Weekday};
use serde_json::Value;
use spotter_core::clients::{self, ClientInput};
use spotter_core::ics::{self, import, IcsAction};
use spotter_core::schedule::{
    sessions, trainers, EditScope, Recurrence, SaveOutcome, SessionInput, SessionKind, Trainer,
    TrainerInput,
};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the independent parser; fails loudly (never skips) when it is not installed.
fn expand_with_python(file: &Path, from: &str, to: &str) -> Value {
    let python = root().join(".venv-test/bin/python3");
    assert!(
        python.exists(),
        "{} is missing: run `make setup-test` (it installs the independent iCalendar parsers)",
        python.display()
    );
    let out = Command::new(python)
        .arg(root().join("tests/ics/expand.py"))
        .args([file.as_os_str(), from.as_ref(), to.as_ref()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "parser refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    (dir, db)
}

async fn trainer(db: &Database, zone: &str) -> Trainer {
    trainers::create(
        db,
        &TrainerInput {
            name: "Anna Coach".into(),
            time_zone: zone.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

fn saved(o: SaveOutcome) -> Vec<spotter_core::schedule::Session> {
    match o {
        SaveOutcome::Saved { sessions, .. } => sessions,
        SaveOutcome::Conflicts { conflicts } => panic!("{conflicts:#?}"),
    }
}

/// The next given weekday at least a week ahead, as YYYY-MM-DD.
fn upcoming(weekday: Weekday) -> chrono::NaiveDate {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d
}

async fn active_sessions(db: &Database) -> BTreeSet<(String, String)> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT start_utc, end_utc FROM sessions WHERE deleted_at IS NULL AND status <> 'cancelled'")
            .fetch_all(db.pool())
            .await
            .unwrap();
    rows.into_iter().collect()
}

#[tokio::test]
async fn export_is_read_back_identically_by_independent_parsers_and_by_us() {
    let (dir, db) = fresh().await;
    let anna = trainer(&db, "Europe/Berlin").await;
    let greta = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß, Jr.".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let tue = upcoming(Weekday::Tue);
    let base = SessionInput {
        trainer_id: anna.id.clone(),
        client_ids: vec![greta.id.clone()],
        kind: SessionKind::Personal,
        time_zone: "Europe/Berlin".into(),
        notes: "Knee; watch depth\nSecond line".into(),
        override_conflicts: true,
        ..Default::default()
    };
    // A weekly series over 20 weeks (so it crosses a DST change whenever it runs), with one
    // occurrence moved and one cancelled, plus a single session in another zone.
    let series = saved(
        sessions::create(
            &db,
            &SessionInput {
                start: format!("{tue}T18:00"),
                end: format!("{tue}T19:00"),
                recurrence: Some(Recurrence {
                    weekdays: vec![2, 4],
                    interval_weeks: 1,
                    until: None,
                    count: Some(40),
                }),
                ..base.clone()
            },
        )
        .await
        .unwrap(),
    );
    let moved_day = tue + Duration::days(15);
    saved(
        sessions::update(
            &db,
            &series[2].id,
            &SessionInput {
                start: format!("{moved_day}T07:30"),
                end: format!("{moved_day}T08:15"),
                ..base.clone()
            },
            EditScope::One,
        )
        .await
        .unwrap(),
    );
    sessions::cancel(&db, &series[5].id, EditScope::One, false)
        .await
        .unwrap();
    saved(
        sessions::create(
            &db,
            &SessionInput {
                time_zone: "America/New_York".into(),
                start: format!("{}T09:00", tue + Duration::days(1)),
                end: format!("{}T10:30", tue + Duration::days(1)),
                title: "Online check-in; video".into(),
                kind: SessionKind::Consultation,
                ..base.clone()
            },
        )
        .await
        .unwrap(),
    );

    let file = dir.path().join("anna.ics");
    let summary = ics::write_trainer_calendar(&db, &anna.id, file.to_str().unwrap(), None)
        .await
        .unwrap();
    assert_eq!((summary.events, summary.sessions), (3, 41));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.lines().all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    let text = text.replace("\r\n ", ""); // unfold
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"),
        "VTIMEZONE missing"
    );
    assert!(
        text.contains("RRULE:FREQ=WEEKLY;COUNT=40;BYDAY=TU,TH"),
        "RRULE missing:\n{text}"
    );
    assert!(
        text.contains("EXDATE;TZID=Europe/Berlin:"),
        "EXDATE missing"
    );
    assert!(
        text.contains("RECURRENCE-ID;TZID=Europe/Berlin:"),
        "RECURRENCE-ID missing"
    );

    // Independent parsers expand exactly the sessions we hold.
    let from = (Utc::now() - Duration::days(1)).date_naive().to_string();
    let to = (Utc::now() + Duration::days(400)).date_naive().to_string();
    let parsed = expand_with_python(&file, &from, &to);
    let theirs: BTreeSet<(String, String)> = parsed["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] != "CANCELLED")
        .map(|e| {
            (
                e["start"].as_str().unwrap().to_owned(),
                e["end"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(theirs, active_sessions(&db).await);
    assert_eq!(
        parsed["timezones"],
        serde_json::json!(["America/New_York", "Europe/Berlin"])
    );
    assert!(parsed["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["summary"] == "Greta Weiß, Jr."));

    // UIDs are stable: a second export has the same ones.
    let again = ics::trainer_calendar(&db, &anna.id).await.unwrap().0;
    let uids = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&text), uids(&again));

    // And Spotter reads its own file back into the same sessions.
    let (_d2, other) = fresh().await;
    let bob = trainer(&other, "Europe/Berlin").await;
    let greta2 = clients::create(
        &other,
        &ClientInput {
            name: "Greta Weiß, Jr.".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let preview = import::preview(&other, text.as_bytes(), &bob.id)
        .await
        .unwrap();
    assert_eq!(preview.sessions_to_import, 40, "{preview:#?}");
    let report = import::import(&other, text.as_bytes(), &bob.id)
        .await
        .unwrap();
    assert_eq!(report.events_skipped, 0);
    assert_eq!(active_sessions(&other).await, active_sessions(&db).await);
    let with_greta: i64 =
        sqlx::query_scalar("SELECT count(*) FROM session_participants WHERE client_id = ?")
            .bind(&greta2.id)
            .fetch_one(other.pool())
            .await
            .unwrap();
    assert_eq!(
        with_greta, 39,
        "sessions titled with the client's name become hers"
    );
    // Importing the same file again adds nothing.
    let twice = import::import(&other, text.as_bytes(), &bob.id)
        .await
        .unwrap();
    assert_eq!(twice.sessions_to_import, 0);
    assert!(twice
        .events
        .iter()
        .all(|e| e.action == IcsAction::Skip && e.reason.as_deref() == Some("Already imported")));
}

#[tokio::test]
async fn an_invitation_is_one_event_with_the_client_as_attendee() {
    let (dir, db) = fresh().await;
    let anna = trainers::create(
        &db,
        &TrainerInput {
            name: "Anna Coach".into(),
            email: Some("anna@studio.example".into()),
            time_zone: "Europe/Berlin".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let greta = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            email: Some("greta@example.com".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let day = upcoming(Weekday::Wed);
    let made = saved(
        sessions::create(
            &db,
            &SessionInput {
                trainer_id: anna.id,
                client_ids: vec![greta.id],
                time_zone: "Europe/Berlin".into(),
                start: format!("{day}T10:00"),
                end: format!("{day}T11:00"),
                override_conflicts: true,
                ..Default::default()
            },
        )
        .await
        .unwrap(),
    );
    let file = dir.path().join("invite.ics");
    ics::write_session_invitation(&db, &made[0].id, file.to_str().unwrap(), None)
        .await
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap().replace("\r\n ", "");
    assert!(text.contains("ATTENDEE;CN=Greta Weiß;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:greta@example.com"), "{text}");
    assert!(
        text.contains("ORGANIZER;CN=Anna Coach:mailto:anna@studio.example"),
        "{text}"
    );
    let parsed = expand_with_python(
        &file,
        &day.to_string(),
        &(day + Duration::days(1)).to_string(),
    );
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["start"], made[0].start.as_str());
    assert_eq!(events[0]["uid"], format!("{}@spotter.app", made[0].id));
}

fn fixture(name: &str) -> String {
    let year = Utc::now().year().to_string();
    std::fs::read_to_string(root().join(format!("tests/ics/fixtures/{name}.ics.in")))
        .unwrap()
        .replace("{Y}", &year)
}

#[tokio::test]
async fn google_calendar_export_imports_with_exceptions_and_skips_all_day_events() {
    let (_dir, db) = fresh().await;
    let anna = trainer(&db, "Europe/Berlin").await;
    clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let text = fixture("google");
    let y = Utc::now().year();
    let preview = import::preview(&db, text.as_bytes(), &anna.id)
        .await
        .unwrap();
    let by_summary = |s: &str| {
        preview
            .events
            .iter()
            .find(|e| e.summary == s)
            .unwrap()
            .clone()
    };
    let greta = by_summary("Greta Weiß");
    // Tuesdays 6 Oct – 10 Nov minus the EXDATE (20 Oct): 5 sessions, one moved.
    assert_eq!(
        (
            greta.sessions,
            greta.recurring,
            greta.client_name.as_deref()
        ),
        (5, true, Some("Greta Weiß"))
    );
    assert_eq!(greta.local_start, format!("{y}-10-06T18:00"));
    assert_eq!(
        by_summary("Christmas Eve").reason.as_deref(),
        Some("All-day event (no time of day)")
    );
    let physio = by_summary("Physio meeting");
    assert_eq!(
        (physio.time_zone.as_str(), physio.local_start.clone()),
        ("Europe/Berlin", format!("{y}-11-25T10:00"))
    );

    import::import(&db, text.as_bytes(), &anna.id)
        .await
        .unwrap();
    let rows: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT start_utc, detached, kind FROM sessions WHERE deleted_at IS NULL ORDER BY start_utc").fetch_all(db.pool()).await.unwrap();
    let starts: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        starts,
        [
            format!("{y}-10-06T16:00:00Z"),
            format!("{y}-10-13T16:00:00Z"),
            format!("{y}-10-29T06:00:00Z"), // moved from 27 Oct 18:00 to 29 Oct 07:00 (after DST ends)
            format!("{y}-11-03T17:00:00Z"),
            format!("{y}-11-10T17:00:00Z"),
            format!("{y}-11-25T09:00:00Z"),
        ]
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
    );
    assert_eq!(rows.iter().filter(|r| r.1 == 1).count(), 1);
    assert_eq!(rows.last().unwrap().2, "other");
    let notes: String =
        sqlx::query_scalar("SELECT notes FROM sessions WHERE title = 'Physio meeting'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(notes, "Bring the lactate meter, and the new bands.");
}

#[tokio::test]
async fn apple_calendar_export_imports_counted_series_in_its_zone() {
    let (_dir, db) = fresh().await;
    let anna = trainer(&db, "Europe/Berlin").await;
    let jose = clients::create(
        &db,
        &ClientInput {
            name: "José Núñez".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let text = fixture("apple");
    let report = import::import(&db, text.as_bytes(), &anna.id)
        .await
        .unwrap();
    assert_eq!(report.sessions_to_import, 4);
    let made = sessions::get_many(
        &db,
        &sqlx::query_scalar("SELECT id FROM sessions WHERE deleted_at IS NULL ORDER BY start_utc")
            .fetch_all(db.pool())
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    assert!(made.iter().all(|s| s.time_zone == "America/New_York"
        && s.local_start.ends_with("T06:30")
        && s.local_end.ends_with("T07:30")));
    assert!(made
        .iter()
        .all(|s| s.participants.len() == 1 && s.participants[0].client_id == jose.id));
    assert!(
        made[0]
            .notes
            .starts_with("Intervals: 6 × 400 m at 5k pace, 90 s walk between. Bring water – it's"),
        "{}",
        made[0].notes
    );
}

#[tokio::test]
async fn outlook_export_with_windows_zone_names_imports_and_skips_cancelled() {
    let (_dir, db) = fresh().await;
    let anna = trainer(&db, "America/New_York").await;
    let text = fixture("outlook");
    let preview = import::preview(&db, text.as_bytes(), &anna.id)
        .await
        .unwrap();
    assert_eq!(preview.events.len(), 2);
    let meeting = &preview.events[0];
    assert_eq!(
        (meeting.summary.as_str(), meeting.time_zone.as_str()),
        ("Studio team meeting", "Europe/Berlin")
    );
    assert!(
        meeting.local_start.ends_with("T08:30") && meeting.local_end.ends_with("T09:15"),
        "{meeting:?}"
    );
    assert_eq!(
        preview.events[1].reason.as_deref(),
        Some("Cancelled in the source calendar")
    );
    import::import(&db, text.as_bytes(), &anna.id)
        .await
        .unwrap();
    let s: (String, String) = sqlx::query_as("SELECT notes, time_zone FROM sessions")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        s,
        (
            "Quarterly check-in.\nBring the assessment forms.".to_owned(),
            "Europe/Berlin".to_owned()
        )
    );
}

#[tokio::test]
async fn broken_files_are_refused_whole_with_a_precise_message() {
    let (_dir, db) = fresh().await;
    let anna = trainer(&db, "Europe/Berlin").await;
    let good = fixture("google");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (good.as_bytes()[..good.len() / 2].to_vec(), "truncated"),
        (
            good.replace("ß", "\u{0}")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0 { 0xDF } else { b })
                .collect(),
            "UTF-8",
        ),
        (vec![b'x'; 50 * 1024 * 1024], "50.0 MB"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\nEND:VCALENDAR\r\n".to_vec(),
            "malformed",
        ),
    ];
    for (bytes, expect) in cases {
        let err = import::import(&db, &bytes, &anna.id).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidFile, "{expect}: {err:?}");
        assert!(
            err.message.contains(expect),
            "expected '{expect}' in: {}",
            err.message
        );
    }
    // An event with a bad repeat rule is skipped with the reason; the rest still import.
    let bad_rule = good.replace("RRULE:FREQ=WEEKLY;WKST=MO;", "RRULE:FREQ=FORTNIGHTLY;");
    let preview = import::preview(&db, bad_rule.as_bytes(), &anna.id)
        .await
        .unwrap();
    let greta = preview
        .events
        .iter()
        .find(|e| e.summary == "Greta Weiß")
        .unwrap();
    assert_eq!(greta.action, IcsAction::Skip);
    assert!(
        greta.reason.as_deref().unwrap().contains("repeat rule"),
        "{greta:?}"
    );
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(count, 0);
}
