// tauri.conf.json lives at the repository root; src-tauri/tauri.conf.json is a
// symlink to it, so tauri-build (reading the crate directory) and the Tauri CLI
// (TAURI_APP_PATH=src-tauri) read the same file, with paths relative to src-tauri/.

/// Every IPC command. Each gets an `allow-…` permission that a capability must
/// grant explicitly (least privilege: nothing is callable by default).
const COMMANDS: &[&str] = &[
    "app_info",
    "clients_list",
    "client_get",
    "client_create",
    "client_update",
    "client_set_archived",
    "client_delete",
    "client_restore",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
