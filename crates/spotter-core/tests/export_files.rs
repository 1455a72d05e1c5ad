//! Files Spotter writes and opens: exports go only to a file of their own type and never
//! replace one the trainer did not agree to replace; CSV cells cannot run as spreadsheet
//! formulas; "Open" hands only Spotter's own document types to the desktop.

use spotter_core::clients::{self, ClientInput, ClientListQuery};
use spotter_core::schedule::trainers;
use spotter_core::{export, ics, import};
use spotter_files::document::openable;
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path().join("data")))
        .await
        .unwrap();
    (dir, db)
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect()
}

#[tokio::test]
async fn an_export_goes_only_to_a_file_of_its_type() {
    let (dir, db) = fresh().await;
    let me = trainers::me(&db).await.unwrap();
    for bad in [
        "autostart.desktop",
        "notes.txt",
        ".bashrc",
        "calendar",
        "x.ics.sh",
    ] {
        let path = dir.path().join(bad);
        let err = ics::write_trainer_calendar(&db, &me.id, path.to_str().unwrap(), None)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Validation, Some("path")),
            "{bad}: {err:?}"
        );
        assert!(err.message.contains(".ics"), "{}", err.message);
        assert!(!path.exists(), "{bad} was written");
    }
    let err = export::write_clients_csv_file(&db, dir.path().join("c.pdf").to_str().unwrap(), None)
        .await
        .unwrap_err();
    assert!(err.message.contains(".csv"), "{}", err.message);
    let err = spotter_files::target::ExportTarget::check(
        spotter_files::target::ExportKind::Pdf,
        dir.path().to_str().unwrap(),
        None,
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("path"));
    // Upper-case extensions are the same type.
    let ok = dir.path().join("ANNA.ICS");
    ics::write_trainer_calendar(&db, &me.id, ok.to_str().unwrap(), None)
        .await
        .unwrap();
    assert!(std::fs::read_to_string(&ok)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));
}

#[tokio::test]
async fn an_existing_file_is_replaced_only_when_that_exact_file_was_confirmed() {
    let (dir, db) = fresh().await;
    let me = trainers::me(&db).await.unwrap();
    let path = dir.path().join("calendar.ics");
    let text = path.to_str().unwrap();
    std::fs::write(&path, "the trainer's own file").unwrap();

    let err = ics::write_trainer_calendar(&db, &me.id, text, None)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::FileExists, Some("path")),
        "{err:?}"
    );
    assert!(err.message.contains("already exists"), "{}", err.message);
    // Agreeing to replace another file does not count for this one.
    let other = dir.path().join("other.ics");
    let err = ics::write_trainer_calendar(&db, &me.id, text, Some(other.to_str().unwrap()))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::FileExists);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the trainer's own file"
    );

    let summary = ics::write_trainer_calendar(&db, &me.id, text, Some(text))
        .await
        .unwrap();
    assert_eq!(summary.path, text);
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    // A new file needs no confirmation; the same name again does.
    let csv = dir.path().join("out").join("clients.csv");
    export::write_clients_csv_file(&db, csv.to_str().unwrap(), None)
        .await
        .unwrap();
    let err = export::write_clients_csv_file(&db, csv.to_str().unwrap(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::FileExists);
    assert!(leftovers(&dir.path().join("out")).is_empty());
}

#[tokio::test]
async fn csv_cells_that_a_spreadsheet_would_run_are_quoted_and_read_back_as_written() {
    let (dir, db) = fresh().await;
    let nasty = ClientInput {
        name: "=HYPERLINK(\"http://evil.example\",\"Anna\")".into(),
        phone: Some("+49 170 1234567".into()),
        goals: "-5 kg by summer".into(),
        notes: "@SUM(1+1)".into(),
        injuries: "+cmd|' /C calc'!A0".into(),
        ..Default::default()
    };
    clients::create(&db, &nasty).await.unwrap();
    let path = dir.path().join("clients.csv");
    export::write_clients_csv_file(&db, path.to_str().unwrap(), None)
        .await
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let row = reader.records().next().unwrap().unwrap();
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@']),
            "a cell a spreadsheet would run: {cell}"
        );
    }
    assert_eq!(&row[1], "'=HYPERLINK(\"http://evil.example\",\"Anna\")");
    assert_eq!(&row[3], "'+49 170 1234567");
    assert_eq!(&row[5], "'-5 kg by summer");
    assert_eq!(&row[6], "'@SUM(1+1)");

    // Spotter's own import reads them back as they were.
    let (_d2, other) = fresh().await;
    let report = import::import_clients_csv(&other, bytes.as_slice(), false)
        .await
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let back = &clients::list(&other, &ClientListQuery::default())
        .await
        .unwrap()[0];
    assert_eq!(back.name, nasty.name);
    assert_eq!(back.phone.as_deref(), Some("+49 170 1234567"));
    assert_eq!(back.goals, nasty.goals);
    assert_eq!(back.notes, nasty.notes);
    assert_eq!(back.injuries, nasty.injuries);
}

#[test]
fn only_spotter_documents_are_opened() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let pdf = at("plan.pdf", b"%PDF-1.7\n...");
    let ics = at("anna.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    let csv = at("clients.csv", b"\xEF\xBB\xBFid,name\n1,Anna\n");
    let json = at("spotter-export.json", b"  {\"format\": \"spotter-export\"}");
    for ok in [&pdf, &ics, &csv, &json] {
        assert!(openable(ok).is_ok(), "{ok}: {:?}", openable(ok));
    }

    let desktop = at(
        "evil.desktop",
        b"[Desktop Entry]\nType=Application\nExec=sh -c 'rm -rf ~'\n",
    );
    let script = at("run.sh", b"#!/bin/sh\necho hi\n");
    let fake_pdf = at("invoice.pdf", b"[Desktop Entry]\nExec=calc\n");
    let fake_csv = at("list.csv", b"#!/bin/sh\necho hi\n");
    let binary_csv = at("data.csv", b"\x7fELF\x02\x01\x01\x00\x00");
    let mut refused = vec![desktop.clone(), script, fake_pdf, fake_csv, binary_csv];
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let exe = at("run.pdf", b"%PDF-1.7\n");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        refused.push(exe);
        let link = dir.path().join("looks-fine.pdf");
        std::os::unix::fs::symlink(&desktop, &link).unwrap();
        refused.push(link.to_str().unwrap().to_owned());
    }
    refused.push(dir.path().join("missing.pdf").to_str().unwrap().to_owned());
    std::fs::create_dir(dir.path().join("folder.pdf")).unwrap();
    refused.push(dir.path().join("folder.pdf").to_str().unwrap().to_owned());
    for path in &refused {
        let err = openable(path).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("path"), "{path}: {err:?}");
    }
}
