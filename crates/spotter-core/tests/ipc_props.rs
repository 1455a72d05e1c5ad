//! Property tests for the IPC argument decoder (issue 13, part 3), against real argument
//! types (the client form, the session dialog, the CSV import request, a plan save with its
//! weeks → days → rows): arbitrary JSON values, and valid arguments with one value replaced
//! or one key removed anywhere inside. Never a panic; a refusal is a validation error whose
//! field is the path of a value that is really there (`body.weeks[0].days[1].items[0].sets`),
//! at or above the one that was broken, and whose message names it; what is accepted
//! round-trips.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use spotter_core::clients::{ClientInput, FitnessLevel};
use spotter_core::import::{CsvDelimiter, CsvField, CsvImportRequest, DateOrder};
use spotter_core::ipc::from_arg;
use spotter_core::schedule::{Recurrence, SessionInput, SessionKind};
use spotter_core::training::plans::PlanSave;
use spotter_files::upload::FileUpload;
use spotter_store::ErrorCode;

const ARG: &str = "input";

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// A path as the decoder spells it: `a.b[2].c`.
fn spell(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn paths(v: &Value, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(at.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Seg::Index(i));
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                at.push(Seg::Key(k.clone()));
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Seg::Key(k) => &mut v[k.as_str()],
        Seg::Index(i) => &mut v[*i],
    })
}

/// Every path the decoder may name must be one it can spell from the value: `?` (a part
/// it could not name) is not an answer.
fn spellings(v: &Value) -> Vec<String> {
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    all.iter().map(|p| spell(p)).collect()
}

fn valid_samples() -> Vec<(&'static str, Value)> {
    let client = ClientInput {
        name: "Greta Weiß".into(),
        email: Some("greta@example.com".into()),
        date_of_birth: Some("1990-03-04".into()),
        tags: vec!["morning".into(), "knee".into()],
        fitness_level: Some(FitnessLevel::Intermediate),
        body_areas: vec!["knee".into()],
        ..Default::default()
    };
    let session = SessionInput {
        trainer_id: "t1".into(),
        client_ids: vec!["c1".into(), "c2".into()],
        room_id: Some("r1".into()),
        kind: SessionKind::SmallGroup,
        title: "Circuit".into(),
        time_zone: "Europe/Berlin".into(),
        start: "2027-01-05T10:00".into(),
        end: "2027-01-05T11:00".into(),
        capacity: Some(8),
        recurrence: Some(Recurrence {
            weekdays: vec![2, 4],
            interval_weeks: 1,
            until: None,
            count: Some(10),
        }),
        ..Default::default()
    };
    let csv = CsvImportRequest {
        file: FileUpload {
            name: "clients.csv".into(),
            base64: "TmFtZQpBbm5hCg==".into(),
            path: None,
        },
        mapping: Some(vec![Some(CsvField::ALL[0]), None]),
        delimiter: Some(CsvDelimiter::ALL[0]),
        date_order: Some(DateOrder::DayFirst),
        ..Default::default()
    };
    let row = json!({
        "exerciseId": "e1", "exerciseName": "Back squat", "sets": 3, "repsMin": 5, "repsMax": 8,
        "load": {"kind": "kg", "value": 100.0}, "tempo": "3010", "restSeconds": 120,
        "notes": "", "group": "A", "groupKind": "superset"
    });
    let plan = json!({
        "name": "Strength",
        "baseVersion": 3,
        "body": {
            "weeks": [
                {"deload": false, "days": [
                    {"name": "Day 1", "dayOffset": 0, "items": [row.clone(), row.clone()]},
                    {"name": "Day 2", "dayOffset": 2, "items": [row]}
                ]}
            ],
            "rule": {"progression": {"kind": "linear", "increment_kg": 2.5}, "deloadEvery": 4},
            "notes": ""
        }
    });
    vec![
        ("client", serde_json::to_value(client).unwrap()),
        ("session", serde_json::to_value(session).unwrap()),
        ("csv", serde_json::to_value(csv).unwrap()),
        ("plan", plan),
    ]
}

/// Decodes as the type the sample is of.
fn decode(kind: &str, v: Value) -> Result<(), spotter_store::AppError> {
    fn one<T: DeserializeOwned + Serialize>(v: Value) -> Result<(), spotter_store::AppError> {
        let t: T = from_arg(ARG, v)?;
        // What is accepted can be sent back and read again.
        let again = serde_json::to_value(&t).unwrap();
        from_arg::<T>(ARG, again).map(|_| ())
    }
    match kind {
        "client" => one::<ClientInput>(v),
        "session" => one::<SessionInput>(v),
        "csv" => one::<CsvImportRequest>(v),
        _ => one::<PlanSave>(v),
    }
}

fn check_error(e: &spotter_store::AppError, input: &Value) -> Result<String, TestCaseError> {
    prop_assert_eq!(e.code, ErrorCode::Validation, "{}", e.message);
    let field = e.field.clone().unwrap_or_default();
    prop_assert!(!field.is_empty(), "an error naming no field: {}", e.message);
    prop_assert!(
        e.message.contains(&field),
        "the message names the field {}: {}",
        field,
        e.message
    );
    prop_assert!(
        field == ARG || spellings(input).contains(&field),
        "{} is not a path in the value: {}",
        field,
        e.message
    );
    Ok(field)
}

const KEYS: [&str; 12] = [
    "name",
    "email",
    "tags",
    "fitnessLevel",
    "kind",
    "recurrence",
    "weekdays",
    "file",
    "mapping",
    "body",
    "weeks",
    "items",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![-2i64..300, any::<i64>()].prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        any::<u64>().prop_map(|n| json!(n)),
        prop::sample::select(vec![
            "",
            "group",
            "beginner",
            "name",
            "kg",
            "linear",
            "2027-01-05T10:00"
        ])
        .prop_map(|s| json!(s)),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..5).prop_map(
                |kv| Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>()
                )
            ),
        ]
    })
}

#[test]
fn valid_samples_are_accepted() {
    for (kind, v) in valid_samples() {
        assert!(decode(kind, v).is_ok(), "{kind}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_values(which in 0..4usize, v in json_value()) {
        let (kind, _) = valid_samples()[which].clone();
        if let Err(e) = decode(kind, v.clone()) {
            check_error(&e, &v)?;
        }
    }

    #[test]
    fn one_value_replaced(which in 0..4usize, at in any::<usize>(), new in json_value()) {
        let (kind, mut v) = valid_samples()[which].clone();
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = all[at % all.len()].clone();
        *get_mut(&mut v, &path) = new;
        if let Err(e) = decode(kind, v.clone()) {
            let field = check_error(&e, &v)?;
            let broken = spell(&path);
            // The error is at what was broken, above it (an internally tagged enum is read
            // whole, so its own field is named) or inside the new value (a struct may be
            // read from an array, field by field).
            let under = |a: &str, b: &str| {
                a.is_empty() || b.starts_with(&format!("{a}.")) || b.starts_with(&format!("{a}["))
            };
            prop_assert!(
                field == broken
                    || under(&field, &broken)
                    || under(&broken, &field)
                    || (field == ARG && path.is_empty()),
                "broke {}, told {}: {}",
                broken,
                field,
                e.message
            );
        }
    }

    #[test]
    fn one_key_removed(which in 0..4usize, at in any::<usize>()) {
        let (kind, mut v) = valid_samples()[which].clone();
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = all[at % all.len()].clone();
        let Some((Seg::Key(key), parent)) = path.split_last().map(|(l, p)| (l.clone(), p.to_vec())) else {
            return Ok(());
        };
        if let Value::Object(o) = get_mut(&mut v, &parent) {
            o.remove(&key);
        }
        if let Err(e) = decode(kind, v.clone()) {
            let field = check_error(&e, &v)?;
            let parent = if parent.is_empty() { ARG.to_owned() } else { spell(&parent) };
            prop_assert!(
                parent == field || parent.starts_with(&format!("{field}.")) || parent.starts_with(&format!("{field}[")),
                "removed {} from {}, told {}: {}",
                key,
                parent,
                field,
                e.message
            );
            prop_assert!(e.message.contains(&key), "the message names the missing {}: {}", key, e.message);
        }
    }
}
