//! Running spotter-cli as a process for the test files (`mod support;`): on a given data
//! directory, with SPOTTER_DATA_DIR cleared so the caller's environment never leaks in.
//! (tests/studio_cli.rs keeps its own runner: it also feeds stdin.)

// Each test binary compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `spotter-cli --data-dir <data> <args…>`, whatever its exit code.
pub fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spotter-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("SPOTTER_DATA_DIR")
        .output()
        .expect("run spotter-cli")
}

/// Runs it, asserts it succeeded, and returns what it printed.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = cli(data, args);
    assert!(
        out.status.success(),
        "spotter-cli {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
