//! The backup taken before an update is installed: a complete, readable copy of the database in
//! the data folder's backups, named for the version, whatever the update server calls it.

use spotter_core::clients::{self, ClientInput};
use spotter_core::paths::DataDir;
use spotter_core::updates::backup_before_update;
use spotter_core::Database;

#[tokio::test]
async fn backup_before_update_is_a_full_copy_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = DataDir::new(dir.path());
    let db = Database::open(&data_dir).await.unwrap();
    clients::create(
        &db,
        &ClientInput {
            name: "Anna Schmidt".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let path = backup_before_update(&db, &data_dir, "0.2.0").await.unwrap();
    assert_eq!(path.parent(), Some(data_dir.backups().as_path()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("spotter-before-update-to-0.2.0-"),
        "{name}"
    );

    let copy_dir = tempfile::tempdir().unwrap();
    std::fs::copy(&path, DataDir::new(copy_dir.path()).database()).unwrap();
    let copy = Database::open(&DataDir::new(copy_dir.path()))
        .await
        .unwrap();
    let listed = clients::list(&copy, &Default::default()).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "Anna Schmidt");
}

#[tokio::test]
async fn a_version_from_the_server_cannot_leave_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = DataDir::new(dir.path());
    let db = Database::open(&data_dir).await.unwrap();
    let path = backup_before_update(&db, &data_dir, "../../9.9.9/x")
        .await
        .unwrap();
    assert_eq!(path.parent(), Some(data_dir.backups().as_path()));
    assert!(path.exists());
}
