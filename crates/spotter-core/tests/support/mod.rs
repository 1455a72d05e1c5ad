//! Set-up shared by spotter-core's test binaries: a fresh database in its own temporary data
//! folder, and the few records many tests start from. A test file takes it with `mod support;`
//! (a directory test crate with `#[path = "../support/mod.rs"] mod support;`).

// Each test binary compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use spotter_core::clients::{self, ClientInput};
use spotter_store::paths::DataDir;
use spotter_store::Database;

/// A new database in a new temporary data folder; keep the folder alive as long as the database.
pub async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Database::open(&DataDir::new(dir.path()))
        .await
        .expect("open");
    (dir, db)
}

/// A client with only a name; returns its id.
pub async fn client(db: &Database, name: &str) -> String {
    clients::create(
        db,
        &ClientInput {
            name: name.into(),
            ..Default::default()
        },
    )
    .await
    .expect("create client")
    .id
}
