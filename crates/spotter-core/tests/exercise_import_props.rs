//! Property tests for the exercise importer (issue 13, part 3): wger `exerciseinfo` and
//! free-exercise-db files as arbitrary bytes, corrupt uploads, JSON built from both formats'
//! keys, and the fixtures in tests/fixtures/exercises/ with random bytes changed or random
//! values swapped, dropped or replaced, imported with random duplicate decisions. Never a
//! panic; a refused file has an error that says what is wrong and writes nothing; the preview
//! and the import agree; the report accounts for every entry and the library gains exactly
//! what it says was added, without doubling a name.

use base64::Engine;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use spotter_core::training::exercise_import::{self, DuplicateAction, DuplicateDecision};
use spotter_core::training::exercises;
use spotter_files::upload::FileUpload;
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

struct World {
    runtime: tokio::runtime::Runtime,
    db: Database,
    _dir: tempfile::TempDir,
}

/// One database per test thread, with the shipped library (so that files meet duplicates);
/// what one case imports is a duplicate for the next, which exercises merging too.
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
    let db = runtime.block_on(async {
        let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
        exercises::ensure_library(&db).await.unwrap();
        db
    });
    World {
        runtime,
        db,
        _dir: dir,
    }
}

const FIXTURES: [&str; 4] = [
    "wger-exerciseinfo.json",
    "free-exercise-db.json",
    "malformed.json",
    "wrong-shape.json",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/exercises/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn upload(bytes: &[u8]) -> FileUpload {
    FileUpload {
        name: "exercises.json".into(),
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        path: None,
    }
}

/// Keys and strings of both formats, so that generated JSON is often taken for one of them.
const KEYS: [&str; 22] = [
    "name",
    "primaryMuscles",
    "secondaryMuscles",
    "equipment",
    "category",
    "mechanic",
    "level",
    "instructions",
    "id",
    "results",
    "next",
    "uuid",
    "translations",
    "exercises",
    "language",
    "description",
    "muscles",
    "muscles_secondary",
    "name_en",
    "license",
    "license_author",
    "short_name",
];

const STRINGS: [&str; 16] = [
    "",
    "Barbell Back Squat",
    "barbell back squat",
    "Barbell Back Squat (wger)",
    "chest",
    "lower back",
    "dumbbell",
    "resistance band",
    "isolation",
    "expert",
    "<p>Stand <b>tall</b>&amp; brace&#x1F4AA;&#99999999;&;<li>one",
    "&#xD800;&#55296;&#x110000;<",
    "Ünïcödé 王芳 ليلى",
    "  \n\t ",
    "Ein sehr langer Name einer Übung, der weit über die erlaubte Länge hinausgeht, weil jemand alles in den Namen geschrieben hat, was ihm einfiel",
    "https://creativecommons.org/licenses/by-sa/4.0/",
];

const NAMES: [&str; 6] = [
    "Barbell Back Squat",
    "barbell  back squat",
    "Barbell Back Squat (free-exercise-db)",
    "Goblet Squat",
    "Goblet Squat (free-exercise-db)",
    "Zercher Squat",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(2i64), -3i64..20, any::<i64>()].prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(STRINGS.to_vec()).prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8).prop_map(
                |kv| Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>()
                )
            ),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Bytes: most of these make the file unreadable, which must be said precisely.
    DeleteByte(usize),
    InsertByte(usize, u8),
    /// Values: the file stays JSON, the entries get odd.
    ReplaceValue(usize, Value),
    RemoveValue(usize),
    DuplicateValue(usize),
}

/// Every value in the document, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
    out.push(at);
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        match m {
            Mutation::DeleteByte(at) if !bytes.is_empty() => {
                let n = bytes.len();
                bytes.remove(at % n);
            }
            Mutation::InsertByte(at, b) => bytes.insert(at % (bytes.len() + 1), *b),
            Mutation::ReplaceValue(at, _)
            | Mutation::RemoveValue(at)
            | Mutation::DuplicateValue(at) => {
                let Ok(mut doc) = serde_json::from_slice::<Value>(&bytes) else {
                    continue;
                };
                let mut all = Vec::new();
                pointers(&doc, String::new(), &mut all);
                let p = all[at % all.len()].clone();
                let (parent, key) = p.rsplit_once('/').unwrap_or(("", ""));
                match m {
                    Mutation::ReplaceValue(_, v) => match doc.pointer_mut(&p) {
                        Some(x) => *x = v.clone(),
                        None => continue,
                    },
                    _ if p.is_empty() => continue,
                    Mutation::RemoveValue(_) => match doc.pointer_mut(parent) {
                        Some(Value::Object(o)) => {
                            o.remove(&key.replace("~1", "/").replace("~0", "~"));
                        }
                        Some(Value::Array(a)) => {
                            a.remove(key.parse::<usize>().unwrap());
                        }
                        _ => {}
                    },
                    _ => {
                        let copy = doc.pointer(&p).cloned().unwrap();
                        if let Some(Value::Array(a)) = doc.pointer_mut(parent) {
                            a.push(copy);
                        }
                    }
                }
                bytes = serde_json::to_vec_pretty(&doc).unwrap();
            }
            _ => {}
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::DeleteByte),
        1 => (any::<usize>(), prop_oneof![prop::sample::select(b"{}[],:\"\\".to_vec()), any::<u8>()])
            .prop_map(|(a, b)| Mutation::InsertByte(a, b)),
        4 => (any::<usize>(), json_value()).prop_map(|(a, v)| Mutation::ReplaceValue(a, v)),
        2 => any::<usize>().prop_map(Mutation::RemoveValue),
        2 => any::<usize>().prop_map(Mutation::DuplicateValue),
    ]
}

fn action() -> impl Strategy<Value = DuplicateAction> {
    prop::sample::select(vec![
        DuplicateAction::Skip,
        DuplicateAction::Merge,
        DuplicateAction::AddSeparately,
    ])
}

/// The library's state: its size and everything an import or a merge may change.
async fn library(db: &Database) -> (i64, String) {
    sqlx::query_as(
        "SELECT COUNT(*), COALESCE(group_concat(id || name || secondary_muscles || equipment || instructions || attribution || updated_at, '|'), '') FROM (SELECT * FROM exercises ORDER BY id)",
    )
    .fetch_one(db.pool())
    .await
    .unwrap()
}

async fn doubled_names(db: &Database) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT name_key FROM exercises WHERE deleted_at IS NULL GROUP BY name_key HAVING COUNT(*) > 1",
    )
    .fetch_all(db.pool())
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
    prop_assert!(e.field.is_some(), "an error naming no field: {}", e.message);
    Ok(())
}

/// The invariants, for one upload and the trainer's choices (by position among the entries).
fn holds(file: &FileUpload, choices: &[(usize, DuplicateAction)]) -> Result<(), TestCaseError> {
    holds_in(world(), file, choices)
}

fn holds_in(
    w: &World,
    file: &FileUpload,
    choices: &[(usize, DuplicateAction)],
) -> Result<(), TestCaseError> {
    w.runtime.block_on(async {
        let doubled = doubled_names(&w.db).await;
        let before = library(&w.db).await;
        let preview = exercise_import::preview(&w.db, file).await;
        let decisions: Vec<DuplicateDecision> = match &preview {
            Ok(p) if !p.entries.is_empty() => choices
                .iter()
                .map(|(i, action)| DuplicateDecision {
                    source_ref: p.entries[i % p.entries.len()].source_ref.clone(),
                    action: *action,
                })
                .collect(),
            _ => vec![],
        };
        let imported = exercise_import::import(&w.db, file, &decisions).await;
        let after = library(&w.db).await;
        match (&preview, &imported) {
            (Err(p), Err(i)) => {
                check_error(p)?;
                prop_assert_eq!(p, i, "the preview and the import refuse alike");
                prop_assert_eq!(&after, &before, "a refused file writes nothing");
            }
            (Ok(p), Ok(r)) => {
                for e in &p.skipped {
                    prop_assert!(
                        !e.reason.trim().is_empty(),
                        "skipped without a reason: {:?}",
                        e
                    );
                }
                prop_assert_eq!(
                    (r.added + r.merged + r.skipped) as usize,
                    p.entries.len() + p.skipped.len(),
                    "every entry is accounted for: {:?}",
                    r
                );
                prop_assert_eq!(
                    after.0 - before.0,
                    r.added as i64,
                    "the library gains what was added"
                );
                if r.added == 0 && r.merged == 0 {
                    prop_assert_eq!(&after, &before, "nothing added or merged, nothing changed");
                }
                prop_assert_eq!(doubled_names(&w.db).await, doubled, "no name is doubled");
            }
            (Ok(_), Err(i)) => {
                prop_assert!(false, "the import refused what the preview took: {:?}", i);
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
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        holds(&upload(&bytes), &[])?;
    }

    #[test]
    fn corrupt_uploads(base64 in "[A-Za-z0-9+/=\\- \n]{0,64}") {
        holds(&FileUpload { name: String::new(), base64, path: None }, &[])?;
    }

    #[test]
    fn json_of_both_formats(
        doc in json_value(),
        choices in prop::collection::vec((any::<usize>(), action()), 0..4),
    ) {
        holds(&upload(doc.to_string().as_bytes()), &choices)?;
    }

    #[test]
    fn mutated_fixtures(
        which in 0..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
        choices in prop::collection::vec((any::<usize>(), action()), 0..6),
    ) {
        holds(&upload(&mutate(fixture(FIXTURES[which]), &mutations)), &choices)?;
    }
}

proptest! {
    // A fresh library per case (about a tenth of a second each), so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn entries_named_like_the_library(
        names in prop::collection::vec(prop::sample::select(NAMES.to_vec()), 1..5),
        choices in prop::collection::vec((any::<usize>(), action()), 0..4),
    ) {
        // free-exercise-db entries whose names meet the library, each other, and the names
        // "add separately" gives ("… (free-exercise-db)").
        let doc: Vec<Value> = names
            .iter()
            .map(|n| json!({"name": n, "primaryMuscles": ["quadriceps"], "equipment": "barbell"}))
            .collect();
        // A fresh library each time: a name met once is a duplicate ever after.
        holds_in(&new_world(), &upload(Value::Array(doc).to_string().as_bytes()), &choices)?;
    }
}
