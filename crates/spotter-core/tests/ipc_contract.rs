//! A command is declared once, in the table src-tauri/src/contract.rs. Its other appearances
//! are read from the table: build.rs's permissions (through `include!`), the handler
//! (`commands::handler()`, built by the same macro as the adapters), the window's capability and
//! the UI's client (both generated, checked for staleness in tests/contract.rs). This fails
//! when one of them is written by hand again, or when the UI reaches Tauri around the client.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The table's command names, read as build.rs reads them.
macro_rules! spotter_contract {
    (commands { $(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ($($arg:ident : $ty:ty $(= $def:expr)?),*) $(~ [$chan:ident : $ev:ty])? -> $ret:ty, |$ctx:ident| $body:expr;
    )* }
     events { $(
        $(#[doc = $edoc:literal])*
        $event:ident : $payload:ty;
    )* }) => {
        &[$(stringify!($name)),*]
    };
}

const DECLARED: &[&str] = include!("../../../src-tauri/src/contract.rs");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn declared() -> BTreeSet<String> {
    let set: BTreeSet<String> = DECLARED.iter().map(|s| s.to_string()).collect();
    assert_eq!(set.len(), DECLARED.len(), "a command is declared twice");
    set
}

#[test]
fn build_rs_capability_handler_and_ui_agree_with_the_table() {
    let declared = declared();
    assert!(declared.len() >= 100, "{declared:?}");

    let build = read("src-tauri/build.rs");
    assert!(
        build.contains("include!(\"src/contract.rs\")") && !build.contains("&[\n    \""),
        "build.rs must take its command list from the table, not list commands itself"
    );

    let capability: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .filter(|p| !p.starts_with("core:event:"))
        .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    assert_eq!(
        granted, declared,
        "capabilities/main.json grants a different set than the table declares"
    );

    let lib = read("src-tauri/src/lib.rs");
    assert!(
        lib.contains(".invoke_handler(commands::handler())") && !lib.contains("generate_handler!"),
        "lib.rs must register the table's handler, not a list of its own"
    );

    let client = read("ui/src/commands.gen.ts");
    let called: BTreeSet<String> = client
        .split("call<")
        .skip(1)
        .filter_map(|s| s.split('\'').nth(1).map(str::to_owned))
        .collect();
    assert_eq!(
        called, declared,
        "ui/src/commands.gen.ts calls a different set than the table declares"
    );
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "ts" || e == "tsx" || e == "mjs")
        {
            out.push(path);
        }
    }
}

/// A call of Tauri's `invoke` itself (not a method called `invoke`, like the stand-in's).
fn raw_invoke(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices("invoke").any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = text[i + "invoke".len()..].trim_start().chars().next();
        !matches!(before, Some(b'.' | b'_') | Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'))
            && matches!(after, Some('(' | '<'))
    }) || text.contains("import { invoke")
        || text.contains(", invoke }")
}

#[test]
fn only_ipc_ts_calls_invoke() {
    let mut files = Vec::new();
    sources(&root().join("ui/src"), &mut files);
    assert!(files.len() > 20, "{files:?}");
    let ipc = root().join("ui/src/ipc.ts");
    assert!(raw_invoke(&std::fs::read_to_string(&ipc).unwrap()));
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| **f != ipc)
        .filter(|f| raw_invoke(&std::fs::read_to_string(f).unwrap_or_default()))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "these call Tauri's invoke around the typed client (use api.x from api.ts): {offenders:?}"
    );
    assert!(raw_invoke("await invoke<T>(cmd, args)"));
    assert!(!raw_invoke("ctx.invoke('plan_get', { id })"));
}
