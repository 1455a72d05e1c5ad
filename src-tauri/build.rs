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
    "client_set_paused",
    "client_set_clearance",
    "client_delete",
    "client_restore",
    "client_sessions",
    "clients_csv_preview",
    "clients_csv_import",
    "clients_csv_export",
    "intake_questions",
    "intakes_list",
    "intake_record",
    "measurements_list",
    "measurement_add",
    "measurement_delete",
    "notes_list",
    "note_add",
    "note_delete",
    "settings_get",
    "settings_set",
    "default_export_dir",
    "trainers_list",
    "trainer_create",
    "trainer_update",
    "rooms_list",
    "room_create",
    "sessions_range",
    "session_get",
    "session_create",
    "session_update",
    "session_set_status",
    "session_set_attendance",
    "session_cancel",
    "session_delete",
    "session_restore",
    "series_recurrence",
    "free_slot_find",
    "dashboard_get",
    "calendar_export",
    "session_export",
    "ics_preview",
    "ics_import",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
