//! Turns what the real core answered into a fixture the UI's stand-in can serve: every
//! record id is replaced by a readable alias (the ids the component tests use, such as
//! `c1` or `ex-squat`), every timestamp by one fixed time (records made within the same
//! millisecond would otherwise order differently from run to run), so the file is the same
//! on every run and only changes when the core's answers do.

use std::path::PathBuf;

use regex::Regex;
use serde::Serialize;
use serde_json::{json, Value};
use spotter_store::Result;

pub struct Recorder {
    /// (real id, alias), longest first is not needed: UUIDs all have one length.
    aliases: Vec<(String, String)>,
    calls: Vec<Value>,
}

impl Recorder {
    pub fn new() -> Self {
        Self {
            aliases: Vec::new(),
            calls: Vec::new(),
        }
    }

    /// From now on `real` is written as `alias`.
    pub fn alias(&mut self, real: &str, alias: &str) {
        assert!(
            !self.aliases.iter().any(|(_, a)| a == alias),
            "alias {alias} used twice"
        );
        self.aliases.push((real.to_owned(), alias.to_owned()));
    }

    /// How many aliases start with `prefix` (to number records as they are made).
    pub fn count_aliases(&self, prefix: &str) -> usize {
        self.aliases
            .iter()
            .filter(|(_, a)| a.starts_with(prefix))
            .count()
    }

    /// One command as the UI would call it (`args` in its IPC shape) and the core's answer.
    pub fn call<T: Serialize>(&mut self, cmd: &str, args: Value, answer: &Result<T>) {
        let outcome = match answer {
            Ok(v) => json!({ "cmd": cmd, "args": args, "ok": v }),
            Err(e) => json!({ "cmd": cmd, "args": args, "err": e }),
        };
        self.calls.push(outcome);
    }

    /// The fixture: `data` plus the recorded calls, ids and times made stable.
    pub fn finish(self, origin: &str, mut data: Value) -> String {
        data["calls"] = Value::Array(self.calls);
        let data = rewrite(&data, &self.aliases);
        let text = serde_json::to_string_pretty(&json!({
            "about": format!("Recorded from the real core by {origin}; do not edit: `make bindings` rewrites it."),
            "data": data,
        }))
        .expect("fixture JSON");
        let uuid =
            Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap();
        if let Some(m) = uuid.find(&text) {
            panic!(
                "an id without an alias is left in the fixture: {}",
                m.as_str()
            );
        }
        text + "\n"
    }
}

/// Every time the core stamps is written as this one.
pub const FIXED_TIME: &str = "2025-02-01T10:00:00.000Z";

fn is_time(s: &str) -> bool {
    let re =
        Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$").unwrap();
    re.is_match(s)
}

fn rewrite(v: &Value, aliases: &[(String, String)]) -> Value {
    match v {
        Value::String(s) => {
            if is_time(s) {
                return Value::String(FIXED_TIME.to_owned());
            }
            let mut s = s.clone();
            for (real, alias) in aliases {
                if s.contains(real.as_str()) {
                    s = s.replace(real.as_str(), alias);
                }
            }
            Value::String(s)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| rewrite(x, aliases)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), rewrite(x, aliases)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Compares `text` with the committed fixture, or rewrites it under UPDATE_BINDINGS.
pub fn check_or_write(name: &str, text: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/test/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).expect("fixtures directory");
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text).expect("write fixture");
        std::fs::rename(&tmp, &path).expect("replace fixture");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/test/fixtures/{name} is stale (the core answers differently now): run `make bindings`, \
         check the stand-in in ui/src/test still passes `npm --prefix ui test`, and commit both"
    );
}
