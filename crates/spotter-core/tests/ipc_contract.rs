//! The command list lives in three places that must agree: src-tauri/build.rs (which
//! commands get an `allow-…` permission), the window's capability (which are granted),
//! and ui/src/api.ts (which the UI calls). This fails when one of them drifts.

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every `"…"` string literal between `start` and the next `end`.
fn quoted_between(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"))
        + start.len();
    let body = &text[from..from + text[from..].find(end).expect("end marker")];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn build_rs_capability_and_ui_agree_on_the_commands() {
    let declared = quoted_between(
        &read("src-tauri/build.rs"),
        "const COMMANDS: &[&str] = &[",
        "];",
    );
    assert!(declared.len() >= 8, "{declared:?}");

    let capability: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .unwrap()
                .trim_start_matches("allow-")
                .replace('-', "_")
        })
        .collect();
    assert_eq!(
        granted, declared,
        "capabilities/main.json grants a different set than build.rs declares"
    );

    let api = read("ui/src/api.ts");
    let called: BTreeSet<String> = api
        .split("call<")
        .skip(1)
        .filter_map(|s| s.split('\'').nth(1).map(str::to_owned))
        .collect();
    assert_eq!(
        called, declared,
        "ui/src/api.ts calls a different set than build.rs declares"
    );

    let handlers = read("src-tauri/src/lib.rs");
    for cmd in &declared {
        assert!(
            handlers.contains(&format!("commands::{cmd},")),
            "{cmd} is not in generate_handler!"
        );
    }
}
