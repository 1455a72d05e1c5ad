//! spotter-cli's backups, restore and import-all, run as a process on real data directories:
//! what they print, what they change, and their exit codes.

mod support;

use std::path::Path;

use support::{cli, ok};

fn client_count(data: &Path) -> usize {
    let out = ok(data, &["clients", "list", "--json", "--status", "all"]);
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn backup_list_and_restore_bring_back_the_data_and_refuse_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["seed", "--demo"]);
    let backup = ok(&data, &["backup"]).trim().to_owned();
    assert!(backup.ends_with("-manual.db"), "{backup}");

    let listed: serde_json::Value =
        serde_json::from_str(&ok(&data, &["backups", "--json"])).unwrap();
    assert_eq!(listed[0]["path"], backup.as_str());
    assert_eq!(listed[0]["reason"], "manual");
    assert!(ok(&data, &["backups"]).contains("manual"));

    let csv = dir.path().join("one.csv");
    std::fs::write(&csv, "name\nAdded Later\n").unwrap();
    ok(&data, &["clients", "import", csv.to_str().unwrap()]);
    assert_eq!(client_count(&data), 21);

    let out = ok(&data, &["restore", &backup]);
    assert!(out.contains("restored"), "{out}");
    assert!(
        out.contains("before-restore"),
        "names the safety backup: {out}"
    );
    assert_eq!(client_count(&data), 20, "the later client is gone");

    // A file that is not a database: exit 2, nothing changed.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all ".repeat(100)).unwrap();
    let out = cli(&data, &["restore", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an SQLite database"));
    let out = cli(&data, &["restore", "/nonexistent/backup.db"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(client_count(&data), 20);
}

#[test]
fn restore_replaces_a_damaged_database_and_keeps_it_aside() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["seed", "--demo"]);
    let backup = ok(&data, &["backup"]).trim().to_owned();
    let db = data.join("spotter.db");
    std::fs::write(&db, vec![0x42u8; 64 * 1024]).unwrap();
    let out = cli(&data, &["clients", "list"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a damaged database is a bad file"
    );

    let out = ok(&data, &["restore", &backup]);
    assert!(out.contains("moved to"), "{out}");
    assert_eq!(client_count(&data), 20);
    // The damaged file (with its -wal/-shm, when it had them) is kept, not deleted.
    let aside: Vec<String> = std::fs::read_dir(data.join("damaged"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".db"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
}

#[test]
fn import_all_fills_an_empty_folder_from_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["seed", "--demo"]);
    let export = dir.path().join("export");
    ok(&data, &["export", export.to_str().unwrap()]);
    let file = export.join("spotter-export.json");

    let other = dir.path().join("other");
    let out = ok(&other, &["import-all", file.to_str().unwrap()]);
    assert!(out.contains("clients: 20"), "{out}");
    assert_eq!(client_count(&other), 20);
    let out = cli(&other, &["import-all", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "not into a folder with data");
}
