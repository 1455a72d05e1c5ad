//! The core's side of the native save and open dialogs: the default folder is created when a
//! save dialog would start in it, the last folder used is remembered (saving and opening
//! apart) and forgotten once it is gone, only chosen paths are written or read for the
//! window, and the end-to-end tests' stand-in answers as documented.

use std::path::Path;

use spotter_files::chosen;
use spotter_files::dialog::{self, DialogRequest, Direction, SaveKind};
use spotter_files::upload::FileUpload;
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path().join("data")))
        .await
        .unwrap();
    (dir, db)
}

#[tokio::test]
async fn a_save_dialog_starts_in_the_default_folder_and_creates_it() {
    let (dir, db) = fresh().await;
    let default = dir.path().join("Documents/Spotter");
    assert!(!default.exists());
    let start = dialog::start_folder(&db, Direction::Save, &default)
        .await
        .unwrap();
    assert_eq!(start, default);
    assert!(default.is_dir(), "the default folder was not created");
}

#[test]
fn without_a_database_a_save_dialog_still_starts_in_the_default_folder() {
    let dir = tempfile::tempdir().unwrap();
    let default = dir.path().join("Documents/Spotter");
    assert_eq!(
        dialog::default_start(Direction::Save, &default).unwrap(),
        default
    );
    assert!(default.is_dir());
}

#[tokio::test]
async fn an_open_dialog_does_not_create_the_default_folder() {
    let (dir, db) = fresh().await;
    let default = dir.path().join("Documents/Spotter");
    let start = dialog::start_folder(&db, Direction::Open, &default)
        .await
        .unwrap();
    assert_ne!(start, default);
    assert!(!default.exists());
}

#[tokio::test]
async fn the_default_folder_that_cannot_be_made_is_an_io_error() {
    let (dir, db) = fresh().await;
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, b"x").unwrap();
    let err = dialog::start_folder(&db, Direction::Save, &blocker.join("Spotter"))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(
        err.message.contains("could not be created"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn the_last_folder_is_remembered_per_direction_and_survives_a_reopen() {
    let (dir, db) = fresh().await;
    let default = dir.path().join("Documents/Spotter");
    let clients = dir.path().join("clients/anna");
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir_all(&clients).unwrap();
    std::fs::create_dir_all(&downloads).unwrap();

    dialog::remember_folder(&db, Direction::Save, &clients.join("plan.pdf"))
        .await
        .unwrap();
    dialog::remember_folder(&db, Direction::Open, &downloads.join("clients.csv"))
        .await
        .unwrap();
    assert_eq!(
        dialog::start_folder(&db, Direction::Save, &default)
            .await
            .unwrap(),
        clients
    );
    assert_eq!(
        dialog::start_folder(&db, Direction::Open, &default)
            .await
            .unwrap(),
        downloads
    );
    assert!(
        !default.exists(),
        "a remembered folder makes the default unnecessary"
    );

    // Stored in the database's settings, so the next start remembers it too.
    db.close().await;
    let db = Database::open(&DataDir::new(dir.path().join("data")))
        .await
        .unwrap();
    assert_eq!(
        dialog::last_folder(&db, Direction::Save).await.unwrap(),
        Some(clients.clone())
    );
}

#[tokio::test]
async fn a_remembered_folder_that_is_gone_falls_back_to_the_default() {
    let (dir, db) = fresh().await;
    let default = dir.path().join("Documents/Spotter");
    let usb = dir.path().join("usb-stick");
    std::fs::create_dir_all(&usb).unwrap();
    dialog::remember_folder(&db, Direction::Save, &usb.join("report.pdf"))
        .await
        .unwrap();
    std::fs::remove_dir(&usb).unwrap();
    assert_eq!(
        dialog::last_folder(&db, Direction::Save).await.unwrap(),
        None
    );
    assert_eq!(
        dialog::start_folder(&db, Direction::Save, &default)
            .await
            .unwrap(),
        default
    );
}

#[test]
fn only_a_path_chosen_in_a_save_dialog_is_written_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let chosen_path = dir.path().join("chosen.pdf");
    let other = dir.path().join("other.pdf");
    let chosen_str = chosen_path.to_str().unwrap();
    chosen::note_saved(&chosen_path, true);

    assert_eq!(
        chosen::for_writing(chosen_str, true).unwrap(),
        Some(chosen_str)
    );
    assert_eq!(chosen::for_writing(chosen_str, false).unwrap(), None);

    // A name Spotter completed with the extension was not asked about: no replacing it.
    let completed = dir.path().join("typed.pdf");
    chosen::note_saved(&completed, false);
    assert_eq!(
        chosen::for_writing(completed.to_str().unwrap(), true).unwrap(),
        None
    );
    let err = chosen::for_writing(other.to_str().unwrap(), true).unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("path"))
    );
}

#[test]
fn only_a_file_chosen_in_an_open_dialog_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let picked = dir.path().join("clients.csv");
    let secret = dir.path().join("secret.csv");
    std::fs::write(&picked, b"Name\nAnna\n").unwrap();
    std::fs::write(&secret, b"Name\nNot for the window\n").unwrap();
    chosen::note_opened(&picked);

    let upload = |p: &Path| FileUpload {
        name: "clients.csv".into(),
        base64: String::new(),
        path: Some(p.to_str().unwrap().into()),
    };
    assert_eq!(upload(&picked).bytes(1024).unwrap(), b"Name\nAnna\n");
    let err = upload(&secret).bytes(1024).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
    assert!(!err.message.contains("Not for the window"));

    // A command that reads by path (restoring a backup) gets the chosen file only.
    assert_eq!(
        chosen::opened_path(picked.to_str().unwrap()).unwrap(),
        picked
    );
    let err = chosen::opened_path(secret.to_str().unwrap()).unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("path"))
    );

    let err = upload(&picked).bytes(4).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
    assert!(err.message.contains("up to"), "{}", err.message);
}

/// The stand-in that replaces the native dialog in the end-to-end tests only (debug builds with
/// SPOTTER_TEST_DIALOG_DIR set): it answers in order and logs where each dialog would start.
#[test]
fn the_test_stand_in_answers_in_order_and_logs_each_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere/plan.pdf");
    std::fs::write(
        dir.path().join("answers"),
        format!("save\ncancel\n{}\n", elsewhere.display()),
    )
    .unwrap();
    let request = DialogRequest {
        direction: Direction::Save,
        kind: "plan_pdf".into(),
        start_folder: dir.path().join("Spotter"),
        suggested_name: Some(dialog::suggested_file_name(SaveKind::PlanPdf, "strength")),
    };
    assert_eq!(
        dialog::test_answer(dir.path(), &request).unwrap(),
        Some(dir.path().join("Spotter/strength.pdf"))
    );
    assert_eq!(dialog::test_answer(dir.path(), &request).unwrap(), None);
    assert_eq!(
        dialog::test_answer(dir.path(), &request).unwrap(),
        Some(elsewhere)
    );
    let err = dialog::test_answer(dir.path(), &request).unwrap_err();
    assert!(err.message.contains("ran out"), "{}", err.message);

    let log = std::fs::read_to_string(dir.path().join("requests.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["request"]["kind"], "plan_pdf");
    assert_eq!(lines[0]["request"]["suggestedName"], "strength.pdf");
    assert!(lines[1]["answer"].is_null());
}
