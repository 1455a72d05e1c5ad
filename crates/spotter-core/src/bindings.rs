//! TypeScript declarations for every type that crosses IPC, generated from the
//! Rust types with ts-rs. `ui/src/bindings.ts` is this output, committed; the test
//! `tests/bindings.rs` fails when it is stale (`make bindings` rewrites it).

use ts_rs::{Config, TS};

use crate::clients::{Client, ClientInput, ClientListQuery, ClientStatusFilter};
use crate::import::{ImportReport, RowError};
use crate::info::AppInfo;
use crate::{AppError, ErrorCode};

pub fn typescript() -> String {
    // Integers in our IPC types are counts and versions, far below 2^53: plain numbers.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorCode::decl(&cfg),
        AppError::decl(&cfg),
        Client::decl(&cfg),
        ClientInput::decl(&cfg),
        ClientStatusFilter::decl(&cfg),
        ClientListQuery::decl(&cfg),
        RowError::decl(&cfg),
        ImportReport::decl(&cfg),
        AppInfo::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/spotter-core by ts-rs. Do not edit.\n\
         // Regenerate with `make bindings`; `make test` fails when this file is stale.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
