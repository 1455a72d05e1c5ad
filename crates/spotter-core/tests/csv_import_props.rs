//! Property tests for the client CSV importer (issue 13, part 3): arbitrary bytes, text made
//! of CSV's awkward pieces, and the fixtures with random bytes cut, inserted and replaced,
//! read with random choices. Never a panic; an error always says what is wrong (a row error
//! names its line, field, column and value); the preview and the import agree; and the
//! database gains exactly the reported rows: none when any row is invalid, unless only the
//! valid rows were asked for.

use proptest::prelude::*;
use spotter_core::import::{self, CsvDelimiter, CsvField, CsvOptions, DateOrder};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

struct World {
    runtime: tokio::runtime::Runtime,
    db: Database,
    _dir: tempfile::TempDir,
}

/// One database per test (each runs on its own thread): what matters is how many rows each
/// import adds, so no other test may write to it meanwhile.
fn world() -> &'static World {
    thread_local! {
        static WORLD: &'static World = Box::leak(Box::new(new_world()));
    }
    WORLD.with(|w| *w)
}

fn new_world() -> World {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = runtime
        .block_on(Database::open(&DataDir::new(dir.path())))
        .unwrap();
    World {
        runtime,
        db,
        _dir: dir,
    }
}

const FIXTURES: [&str; 13] = [
    "excel_de.csv",
    "excel_fr.csv",
    "excel_es.csv",
    "excel_it.csv",
    "dutch.tsv",
    "polish.csv",
    "google_contacts.csv",
    "trainerize.csv",
    "truecoach.csv",
    "mindbody_us.csv",
    "pt_distinction_uk.csv",
    "mixed_dates.csv",
    "tricky.csv",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// CSV's awkward pieces: separators, quotes, line ends, BOMs, dates, names in many scripts.
const PIECES: [&str; 34] = [
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    " ",
    "Name",
    "Vorname",
    "Nachname",
    "E-Mail",
    "email",
    "Geburtsdatum",
    "Date of birth",
    "archived",
    "Anna",
    "Ben Stone",
    "王芳",
    "ليلى",
    "נועה",
    "a@b.de",
    "ANNA@EXAMPLE.COM",
    "no-at",
    "03/04/1990",
    "31.12.1990",
    "12/31/1990",
    "1990-02-31",
    "2099-01-01",
    "--03-14",
    "+49 170 1234567",
    "yes",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Insert(usize, u8),
    Replace(usize, u8),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Delete(at) if !bytes.is_empty() => {
                bytes.remove(at % len);
            }
            Mutation::Delete(_) => {}
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::Replace(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Mutation::Replace(..) => {}
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to a CSV reader more often than chance would pick them.
    let byte = prop_oneof![
        prop::sample::select(vec![
            b',', b';', b'\t', b'"', b'\n', b'\r', b'@', b'/', b'.', 0xFF, 0xC3
        ]),
        any::<u8>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), byte.clone()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), byte).prop_map(|(a, b)| Mutation::Replace(a, b)),
    ]
}

fn options() -> impl Strategy<Value = CsvOptions> {
    let delimiter = prop::option::of(prop::sample::select(CsvDelimiter::ALL.to_vec()));
    let order = prop::option::of(prop::sample::select(vec![
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
    ]));
    let field = prop::option::of(prop::sample::select(CsvField::ALL.to_vec()));
    let mapping = prop::option::weighted(0.2, prop::collection::vec(field, 0..8));
    (delimiter, order, mapping, any::<bool>(), any::<bool>()).prop_map(
        |(delimiter, date_order, mapping, import_duplicates, valid_rows_only)| CsvOptions {
            delimiter,
            mapping,
            date_order,
            import_duplicates,
            valid_rows_only,
        },
    )
}

async fn count(db: &Database) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM clients")
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

/// The invariants, for one file read one way.
fn holds(bytes: &[u8], options: &CsvOptions) -> Result<(), TestCaseError> {
    let w = world();
    w.runtime.block_on(async {
        let preview = import::preview_csv(&w.db, bytes, options, usize::MAX).await;
        let before = count(&w.db).await;
        let imported = import::import_csv(&w.db, bytes, options, false).await;
        let after = count(&w.db).await;
        match (&preview, &imported) {
            (Err(p), Err(i)) => {
                check_error(p)?;
                prop_assert_eq!(p, i, "the preview and the import refuse alike");
                prop_assert_eq!(after, before, "a refused file writes nothing");
            }
            (Ok(p), Err(i)) => {
                check_error(i)?;
                prop_assert!(
                    p.mapping_error.is_some(),
                    "refused without a preview reason: {}",
                    i.message
                );
                prop_assert_eq!(after, before, "a refused file writes nothing");
            }
            (Ok(p), Ok(r)) => {
                prop_assert!(p.mapping_error.is_none());
                prop_assert_eq!(p.headers.len(), p.mapping.len());
                prop_assert_eq!(
                    &p.report.errors,
                    &r.errors,
                    "the preview and the import agree"
                );
                prop_assert_eq!(p.report.rows, r.rows);
                prop_assert_eq!(p.sample.len() as u64, r.rows);
                for e in &r.errors {
                    prop_assert!(e.line >= 2, "row error on line {}", e.line);
                    prop_assert!(!e.message.trim().is_empty());
                    prop_assert!(
                        e.field.is_some() && e.column.is_some() && e.value.is_some(),
                        "{:?}",
                        e
                    );
                }
                let valid = r.rows - r.errors.len() as u64;
                let expected = if !r.errors.is_empty() && !options.valid_rows_only {
                    0
                } else {
                    valid - r.skipped_duplicates
                };
                prop_assert_eq!(r.imported, expected, "{:?}", r);
                prop_assert_eq!(
                    after - before,
                    r.imported as i64,
                    "the database gains exactly what is reported"
                );
            }
            (Err(p), Ok(_)) => prop_assert!(
                false,
                "the preview refused what the import took: {}",
                p.message
            ),
        }
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), options in options()) {
        holds(&bytes, &options)?;
    }

    #[test]
    fn csv_shaped_text(pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..80), options in options()) {
        holds(pieces.concat().as_bytes(), &options)?;
    }

    #[test]
    fn mutated_fixtures(
        which in 0..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 1..12),
        options in options(),
    ) {
        holds(&mutate(fixture(FIXTURES[which]), &mutations), &options)?;
    }
}
