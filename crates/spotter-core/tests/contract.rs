//! The command table (src-tauri/src/contract.rs) read without Tauri: it writes the typed
//! TypeScript client ui/src/commands.gen.ts and the window's capability
//! src-tauri/capabilities/main.json, and fails when either committed file is stale
//! (`UPDATE_BINDINGS=1`, i.e. `make bindings`, rewrites them). Each argument and result type is
//! named by ts-rs, the same names as ui/src/bindings.ts. Also: the table's rules the compiler
//! cannot see, the events' output, and the raw calendar JSON really being `CalendarEntry[]`.

use std::path::PathBuf;

use serde::Serialize;
use spotter_core::ipc::client::{
    capability_json, client_ts, problems, ArgSpec, ChannelSpec, CommandSpec, EventSpec,
};
#[allow(unused_imports)]
use spotter_core::ipc::prelude::*;
use ts_rs::{Config, TS};

fn ts<T: TS + ?Sized>(cfg: &Config) -> String {
    T::name(cfg)
}

/// A default as the JSON the UI sends (typed: `= None` on an `Option<String>` is `null`).
fn default_json<T: Serialize>(value: T) -> String {
    serde_json::to_string(&value).expect("a default serialises")
}

/// This test's reading of the table: every command and event as a spec. Bodies are parsed,
/// never compiled, so the shell's modules need not exist here.
macro_rules! spotter_contract {
    (commands { $(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ($($arg:ident : $ty:ty $(= $def:expr)?),*) $(~ [$chan:ident : $ev:ty])? -> $ret:ty, |$ctx:ident| $body:expr;
    )* }
     events { $(
        $(#[doc = $edoc:literal])*
        $event:ident : $payload:ty;
    )* }) => {
        fn table(cfg: &Config) -> (Vec<CommandSpec>, Vec<EventSpec>) {
            let commands = vec![$(CommandSpec {
                name: stringify!($name),
                docs: vec![$($doc),*],
                args: vec![$(ArgSpec {
                    name: stringify!($arg),
                    ts: ts::<$ty>(cfg),
                    default: None$(.or(Some(default_json::<$ty>($def))))?,
                }),*],
                channel: None$(.or(Some(ChannelSpec { name: stringify!($chan), ts: ts::<$ev>(cfg) })))?,
                result: ts::<$ret>(cfg),
            }),*];
            let events = vec![$(EventSpec {
                name: stringify!($event),
                docs: vec![$($edoc),*],
                payload: ts::<$payload>(cfg),
            }),*];
            (commands, events)
        }
    };
}

include!("../../../src-tauri/src/contract.rs");

fn cfg() -> Config {
    // As bindings.rs: integers in IPC types are plain numbers.
    Config::new().with_large_int("number")
}

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Rewrites `rel` under UPDATE_BINDINGS, else fails when it differs from `generated`.
fn fresh(rel: &str, generated: &str) {
    let path = repo(rel);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{rel} is stale: run `make bindings` and commit the result"
    );
}

#[test]
fn the_table_keeps_its_rules() {
    let (commands, events) = table(&cfg());
    assert!(commands.len() >= 100, "{} commands", commands.len());
    assert_eq!(problems(&commands, &events), Vec::<String>::new());
}

#[test]
fn typescript_client_and_capability_are_fresh() {
    let (commands, events) = table(&cfg());
    fresh("ui/src/commands.gen.ts", &client_ts(&commands, &events));
    fresh(
        "src-tauri/capabilities/main.json",
        &capability_json(&commands, &events),
    );
}

#[test]
fn the_client_types_arguments_defaults_channels_and_results() {
    let (commands, events) = table(&cfg());
    let out = client_ts(&commands, &events);
    for line in [
        "  sessionSetStatus: (id: string, status: SessionStatus, late?: boolean) => Promise<Session>;",
        "  sessionSetStatus: (id, status, late = false) => call<Session>('session_set_status', { id, status, late }),",
        "  exportEverything: (path: string, replace?: string | null) => Promise<ExportFiles>;",
        "  exportEverything: (path, replace = null) => call<ExportFiles>('export_everything', { path, replace }),",
        "  aiRun: (request: RunRequest, onEvent?: (event: AgentEvent) => void) => Promise<RunOutcome>;",
        "    const events = new Channel<UpdateProgress>();",
        "  sessionsRange: (query: CalendarQuery) => Promise<Array<CalendarEntry>>;",
        "  appInfo: () => call<AppInfo>('app_info'),",
        "  noteDelete: (id: string) => Promise<null>;",
        "  session_cancel: { args: { id: string; scope: EditScope; late: boolean }; result: number };",
        "  ai_run: { args: { request: RunRequest; events: Channel<AgentEvent> }; result: RunOutcome };",
        "  /** Undo of a delete. */",
        "  \"validation\",",
        "  \"internal\",",
    ] {
        assert!(out.contains(line), "commands.gen.ts lacks\n{line}");
    }
}

/// No app-wide event exists yet, so the events' output is checked on a stand-in table.
#[test]
fn events_are_typed_and_listening_is_granted_only_with_one() {
    let (commands, events) = table(&cfg());
    assert!(!capability_json(&commands, &events).contains("core:event"));

    let one = [EventSpec {
        name: "sync_status",
        docs: vec![" What the studio sync is doing."],
        payload: "UpdateProgress".into(),
    }];
    let ts = client_ts(&commands, &one);
    assert!(ts.contains("import { listen, type UnlistenFn } from '@tauri-apps/api/event';"));
    assert!(ts.contains(
        "  /** What the studio sync is doing. */\n  syncStatus: {\n    listen: (handler: (payload: UpdateProgress) => void): Promise<UnlistenFn> =>\n      listen<UpdateProgress>('sync_status', (event) => handler(event.payload)),\n  },"
    ));
    let capability: serde_json::Value =
        serde_json::from_str(&capability_json(&commands, &one)).unwrap();
    let granted = capability["permissions"].as_array().unwrap();
    assert!(granted.contains(&"core:event:allow-listen".into()));
    assert!(granted.contains(&"core:event:allow-unlisten".into()));
    assert_eq!(granted.len(), commands.len() + 2);

    let clash = [EventSpec {
        name: "app_info",
        docs: vec![],
        payload: "null".into(),
    }];
    assert_eq!(problems(&commands, &clash).len(), 1);
}

#[test]
fn problems_name_what_the_compiler_cannot_see() {
    let spec = |name: &'static str, args: Vec<ArgSpec>| CommandSpec {
        name,
        docs: vec![],
        args,
        channel: None,
        result: "null".into(),
    };
    let arg = |name: &'static str, default: Option<&str>| ArgSpec {
        name,
        ts: "string".into(),
        default: default.map(str::to_owned),
    };
    let found = problems(
        &[
            spec("a_b", vec![arg("clientId", None)]),
            spec("a_b", vec![]),
            spec("c", vec![arg("x", Some("true")), arg("y", None)]),
        ],
        &[],
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].contains("clientId"), "{found:?}");
    assert!(found[1].contains("twice"), "{found:?}");
    assert!(found[2].contains("y follows"), "{found:?}");
}

/// `sessions_range` passes SQLite's JSON through untouched (`RawJson`) and the client types it
/// `Array<CalendarEntry>`: the rows must read back as exactly that, field for field.
#[tokio::test]
async fn the_calendar_range_json_is_calendar_entries() {
    use spotter_core::schedule::sessions;
    use spotter_store::paths::DataDir;
    use spotter_store::Database;

    let dir = tempfile::tempdir().expect("tempdir");
    let db = Database::open(&DataDir::new(dir.path()))
        .await
        .expect("open");
    spotter_core::seed::seed_demo(&db).await.expect("demo data");
    let today = chrono::Utc::now();
    let query = CalendarQuery {
        from: (today - chrono::Duration::days(120)).to_rfc3339(),
        to: (today + chrono::Duration::days(120)).to_rfc3339(),
        trainer_ids: vec![],
        room_ids: vec![],
        include_cancelled: true,
    };
    let raw = RawJson::<Vec<CalendarEntry>>::new(sessions::range_json(&db, &query).await.unwrap())
        .expect("valid JSON");
    let entries: Vec<CalendarEntry> = serde_json::from_str(raw.get()).expect("CalendarEntry[]");
    assert!(entries.len() >= 5, "{} entries", entries.len());
    let sent: serde_json::Value = serde_json::to_value(&raw).unwrap();
    assert_eq!(
        serde_json::to_value(&entries).unwrap(),
        sent,
        "a field differs"
    );
    assert_eq!(
        ts::<RawJson<Vec<CalendarEntry>>>(&cfg()),
        "Array<CalendarEntry>"
    );
    db.close().await;
}
