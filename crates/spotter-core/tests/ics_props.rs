//! Property tests for the .ics importer (issue 13, part 3): arbitrary bytes, text made of
//! iCalendar lines (with awkward values: huge durations, extreme years, odd zones and rules),
//! and the Google, Apple and Outlook fixtures in tests/ics/ with random bytes and lines cut,
//! inserted and replaced. Never a panic; a refused file has an error that says what is wrong
//! and writes nothing; the preview and the import agree; and the database gains exactly the
//! sessions the import reported.

use chrono::Datelike;
use proptest::prelude::*;
use spotter_core::clients::{self, ClientInput};
use spotter_core::ics::import;
use spotter_core::schedule::trainers;
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

/// A fresh database per case (an event imported once is skipped the next time, which would
/// hide the import path from later cases), with a client named like the fixtures' summaries.
async fn fresh() -> (tempfile::TempDir, Database, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    for name in ["Greta Weiß", "José Núñez"] {
        clients::create(
            &db,
            &ClientInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    let me = trainers::me(&db).await.unwrap().id;
    (dir, db, me)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

const FIXTURES: [&str; 3] = ["google", "apple", "outlook"];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/ics/fixtures/{name}.ics.in",
        env!("CARGO_MANIFEST_DIR")
    );
    let year = chrono::Utc::now().year().to_string();
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("{Y}", &year)
        .into_bytes()
}

/// Lines an importer meets, including the ones that have broken importers.
const LINES: [&str; 44] = [
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "VERSION:2.0",
    "X-WR-TIMEZONE:Europe/Berlin",
    "X-WR-TIMEZONE:Mars/Olympus",
    "UID:a@test",
    "UID:b@test",
    "UID:",
    "SUMMARY:Greta Weiß",
    "SUMMARY:Block",
    "SUMMARY:",
    "DESCRIPTION:line\\nbreak\\, comma",
    "STATUS:CANCELLED",
    "DTSTART:20270105T100000Z",
    "DTSTART;TZID=Europe/Berlin:20270105T100000",
    "DTSTART;TZID=W. Europe Standard Time:20270329T023000",
    "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20270105T100000",
    "DTSTART;TZID=Nowhere:20270105T100000",
    "DTSTART;VALUE=DATE:20270105",
    "DTSTART:+2621431231T235959",
    "DTSTART:-2621430101T000000",
    "DTSTART:99991231T235959Z",
    "DTSTART:garbage",
    "DTEND:20270105T110000Z",
    "DTEND:20270105T090000Z",
    "DTEND:99991231T235959",
    "DURATION:PT45M",
    "DURATION:P99999999999999W",
    "DURATION:PT99999999999999999999H",
    "DURATION:-PT15M",
    "DURATION:P",
    "RRULE:FREQ=WEEKLY;COUNT=3",
    "RRULE:FREQ=DAILY",
    "RRULE:FREQ=SECONDLY;COUNT=100000",
    "RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z",
    "RRULE:FREQ=FORTNIGHTLY",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=4294967295",
    "RECURRENCE-ID:20270112T100000Z",
    "EXDATE:20270112T100000Z,junk",
    " folded continuation",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteByte(usize),
    InsertByte(usize, u8),
    ReplaceByte(usize, u8),
    DeleteLine(usize),
    InsertLine(usize, &'static str),
    ReplaceLine(usize, &'static str),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::DeleteByte(at) if !bytes.is_empty() => {
                bytes.remove(at % len);
            }
            Mutation::InsertByte(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::ReplaceByte(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Mutation::DeleteLine(at)
            | Mutation::InsertLine(at, _)
            | Mutation::ReplaceLine(at, _) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let n = lines.len();
                match *m {
                    Mutation::DeleteLine(_) if n > 1 => {
                        lines.remove(at % n);
                    }
                    Mutation::InsertLine(_, l) => {
                        lines.insert(at % (n + 1), format!("{l}\r").into_bytes())
                    }
                    Mutation::ReplaceLine(_, l) => lines[at % n] = format!("{l}\r").into_bytes(),
                    _ => {}
                }
                bytes = lines.join(&b'\n');
            }
            _ => {}
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        prop::sample::select(vec![
            b':', b';', b'=', b'\r', b'\n', b' ', b'T', b'Z', b'9', 0xFF, 0xC3
        ]),
        any::<u8>(),
    ];
    let line = prop::sample::select(LINES.to_vec());
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteByte),
        (any::<usize>(), byte.clone()).prop_map(|(a, b)| Mutation::InsertByte(a, b)),
        (any::<usize>(), byte).prop_map(|(a, b)| Mutation::ReplaceByte(a, b)),
        any::<usize>().prop_map(Mutation::DeleteLine),
        (any::<usize>(), line.clone()).prop_map(|(a, l)| Mutation::InsertLine(a, l)),
        (any::<usize>(), line).prop_map(|(a, l)| Mutation::ReplaceLine(a, l)),
    ]
}

/// One VEVENT, each property picked from its own pool (most of them readable), so that
/// every branch of the event reader is reached: ends, durations, rules, overrides.
fn event() -> impl Strategy<Value = String> {
    let pick = |lines: &[&'static str]| prop::sample::select(lines.to_vec());
    (
        pick(&["UID:a@test", "UID:b@test", "UID:", ""]),
        pick(&["SUMMARY:Greta Weiß", "SUMMARY:Block", ""]),
        pick(&[
            "DTSTART:{N}T100000Z",
            "DTSTART;TZID=Europe/Berlin:{N}T100000",
            "DTSTART;TZID=W. Europe Standard Time:{N}T023000",
            "DTSTART;TZID=Nowhere:{N}T100000",
            "DTSTART;VALUE=DATE:{N}",
            "DTSTART:+2621431231T235959",
            "DTSTART:-2621430101T000000",
            "DTSTART:99991231T235959Z",
            "DTSTART:garbage",
            "",
        ]),
        pick(&[
            "DTEND:{N}T110000Z",
            "DTEND;TZID=America/New_York:{N}T110000",
            "DTEND:{N}T090000Z",
            "DTEND:99991231T235959",
            "DURATION:PT45M",
            "DURATION:P1W",
            "DURATION:P99999999999999W",
            "DURATION:P9999999999999D",
            "DURATION:PT99999999999999999999H",
            "DURATION:PT9223372036854775807S",
            "DURATION:-PT15M",
            "DURATION:P",
            "",
        ]),
        pick(&[
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "RRULE:FREQ=DAILY",
            "RRULE:FREQ=WEEKLY;UNTIL=20001231T000000Z",
            "RRULE:FREQ=FORTNIGHTLY",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=65535",
            "",
            "",
        ]),
        pick(&[
            "RECURRENCE-ID:{N}T100000Z",
            "RECURRENCE-ID;TZID=Europe/Berlin:{N}T100000",
            "EXDATE:{N}T100000Z,junk",
            "STATUS:CANCELLED",
            "RECURRENCE-ID:{N}T100000Z\r\nSTATUS:CANCELLED",
            "",
            "",
        ]),
    )
        .prop_map(|(uid, summary, start, end, rule, extra)| {
            let lines: Vec<&str> = [uid, summary, start, end, rule, extra]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect();
            format!("BEGIN:VEVENT\r\n{}\r\nEND:VEVENT\r\n", lines.join("\r\n"))
        })
}

async fn count(db: &Database) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(db.pool())
        .await
        .unwrap()
}

fn check_error(e: &spotter_store::AppError) -> Result<(), TestCaseError> {
    prop_assert!(!e.message.trim().is_empty(), "an error without a message");
    prop_assert!(
        matches!(e.code, ErrorCode::InvalidFile | ErrorCode::Validation),
        "{:?}: {}",
        e.code,
        e.message
    );
    Ok(())
}

/// The invariants, for one file.
fn holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    runtime().block_on(async {
        let (_dir, db, me) = fresh().await;
        let preview = import::preview(&db, bytes, &me).await;
        let imported = import::import(&db, bytes, &me).await;
        let after = count(&db).await;
        match (&preview, &imported) {
            (Err(p), Err(i)) => {
                check_error(p)?;
                prop_assert_eq!(p, i, "the preview and the import refuse alike");
                prop_assert_eq!(after, 0, "a refused file writes nothing");
            }
            (Ok(p), Ok(r)) => {
                prop_assert_eq!(p, r, "the preview and the import agree");
                prop_assert_eq!(
                    r.events_skipped as usize,
                    r.events
                        .iter()
                        .filter(|e| e.action == import::IcsAction::Skip)
                        .count()
                );
                for e in &r.events {
                    prop_assert_eq!(
                        e.action == import::IcsAction::Skip,
                        e.reason.as_deref().is_some_and(|r| !r.trim().is_empty()),
                        "a skipped event says why: {:?}",
                        e
                    );
                }
                prop_assert_eq!(
                    after,
                    r.sessions_to_import as i64,
                    "the database has exactly the reported sessions"
                );
            }
            (Ok(_), Err(i)) => {
                prop_assert!(false, "the import refused what the preview took: {:?}", i)
            }
            (Err(p), Ok(_)) => {
                prop_assert!(false, "the preview refused what the import took: {:?}", p)
            }
        }
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        holds(&bytes)?;
    }

    #[test]
    fn ics_shaped_text(lines in prop::collection::vec(prop::sample::select(LINES.to_vec()), 0..40)) {
        // Framed, so that most cases get past the first checks.
        let text = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", lines.join("\r\n"));
        holds(text.as_bytes())?;
    }

    #[test]
    fn events_of_awkward_values(events in prop::collection::vec(event(), 1..6), days in 0i64..800) {
        // One day for the whole file, so that overrides and exceptions meet their event.
        let day = (chrono::Utc::now() + chrono::Duration::days(days - 400)).format("%Y%m%d").to_string();
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat().replace("{N}", &day));
        holds(text.as_bytes())?;
    }

    #[test]
    fn mutated_fixtures(
        which in 0..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        holds(&mutate(fixture(FIXTURES[which]), &mutations))?;
    }
}
