//! Clients against real SQLite files in temporary directories.

mod support;

use spotter_core::clients::{self, ClientInput, ClientListQuery, ClientStatusFilter};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};
use support::fresh;

fn anna() -> ClientInput {
    ClientInput {
        name: "Anna Schmidt".into(),
        email: Some("anna.schmidt@example.com".into()),
        phone: Some("+49 170 1234567".into()),
        date_of_birth: Some("1991-04-12".into()),
        goals: "Half marathon".into(),
        notes: "Knee pain on deep squats".into(),
        tags: vec!["running".into(), "knee".into()],
        ..Default::default()
    }
}

async fn count_rows(db: &Database) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(db.pool())
        .await
        .unwrap()
}

fn search(text: &str) -> ClientListQuery {
    ClientListQuery {
        search: Some(text.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn create_get_update_persist_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
        let c = clients::create(&db, &anna()).await.unwrap();
        assert_eq!(c.name, "Anna Schmidt");
        assert_eq!(c.tags, vec!["running", "knee"]);
        assert_eq!(
            uuid::Uuid::parse_str(&c.id).unwrap().get_version_num(),
            7,
            "ids are UUIDv7"
        );
        assert!(
            c.created_at.ends_with('Z'),
            "timestamps are UTC: {}",
            c.created_at
        );
        let updated = clients::update(
            &db,
            &c.id,
            &ClientInput {
                goals: "Full marathon".into(),
                ..anna()
            },
        )
        .await
        .unwrap();
        assert_eq!(updated.goals, "Full marathon");
        assert!(updated.updated_at >= c.updated_at);
        db.close().await;
        c.id
    };
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let again = clients::get(&db, &id).await.unwrap();
    assert_eq!(again.goals, "Full marathon");
    assert_eq!(again.email.as_deref(), Some("anna.schmidt@example.com"));
}

#[tokio::test]
async fn invalid_input_writes_nothing_and_names_the_field() {
    let (_dir, db) = fresh().await;
    let err = clients::create(
        &db,
        &ClientInput {
            email: Some("anna@".into()),
            ..anna()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.field.as_deref(), Some("email"));
    assert_eq!(count_rows(&db).await, 0);

    let c = clients::create(&db, &anna()).await.unwrap();
    let err = clients::update(
        &db,
        &c.id,
        &ClientInput {
            name: " ".into(),
            ..anna()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("name"));
    assert_eq!(
        clients::get(&db, &c.id).await.unwrap().name,
        "Anna Schmidt",
        "a failed update changes nothing"
    );
}

#[tokio::test]
async fn error_serialises_as_code_message_field() {
    let (_dir, db) = fresh().await;
    let err = clients::create(
        &db,
        &ClientInput {
            phone: Some("call me".into()),
            ..anna()
        },
    )
    .await
    .unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "validation");
    assert_eq!(json["field"], "phone");
    assert!(json["message"].as_str().unwrap().contains("Phone"));
}

#[tokio::test]
async fn delete_is_a_tombstone_and_restore_undoes_it() {
    let (_dir, db) = fresh().await;
    let c = clients::create(&db, &anna()).await.unwrap();
    clients::delete(&db, &c.id).await.unwrap();
    assert_eq!(
        clients::get(&db, &c.id).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert!(clients::list(&db, &ClientListQuery::default())
        .await
        .unwrap()
        .is_empty());
    assert!(
        clients::list(&db, &search("anna"))
            .await
            .unwrap()
            .is_empty(),
        "deleted clients are not found by search"
    );
    assert_eq!(count_rows(&db).await, 1, "the row is kept as a tombstone");
    let deleted_at: Option<String> = sqlx::query_scalar("SELECT deleted_at FROM clients")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(deleted_at.is_some());

    let restored = clients::restore(&db, &c.id).await.unwrap();
    assert_eq!(restored.deleted_at, None);
    assert_eq!(clients::list(&db, &search("anna")).await.unwrap().len(), 1);
    assert_eq!(
        clients::update(&db, &c.id, &anna()).await.unwrap().name,
        "Anna Schmidt"
    );
}

#[tokio::test]
async fn archive_filters_the_list() {
    let (_dir, db) = fresh().await;
    let a = clients::create(&db, &anna()).await.unwrap();
    clients::create(
        &db,
        &ClientInput {
            name: "Ben Carter".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let archived = clients::set_archived(&db, &a.id, true).await.unwrap();
    assert!(archived.archived_at.is_some());
    let names = |v: Vec<clients::Client>| v.into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(
        names(
            clients::list(&db, &ClientListQuery::default())
                .await
                .unwrap()
        ),
        ["Ben Carter"]
    );
    let q = |status| ClientListQuery {
        status,
        ..Default::default()
    };
    assert_eq!(
        names(
            clients::list(&db, &q(ClientStatusFilter::Archived))
                .await
                .unwrap()
        ),
        ["Anna Schmidt"]
    );
    assert_eq!(
        names(
            clients::list(&db, &q(ClientStatusFilter::All))
                .await
                .unwrap()
        ),
        ["Anna Schmidt", "Ben Carter"]
    );
    assert!(clients::set_archived(&db, &a.id, false)
        .await
        .unwrap()
        .archived_at
        .is_none());
}

#[tokio::test]
async fn search_matches_name_email_phone_tags_notes_by_prefix() {
    let (_dir, db) = fresh().await;
    clients::create(&db, &anna()).await.unwrap();
    clients::create(
        &db,
        &ClientInput {
            name: "Zoë Łukasiewicz".into(),
            tags: vec!["shoulder".into()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    clients::create(
        &db,
        &ClientInput {
            name: "José Núñez".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let first = |text: &str| {
        let db = db.clone();
        let text = text.to_owned();
        async move {
            clients::list(&db, &search(&text))
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(first("ann sch").await, ["Anna Schmidt"]);
    assert_eq!(first("anna.schmidt@ex").await, ["Anna Schmidt"]);
    assert_eq!(
        first("+491701234").await,
        ["Anna Schmidt"],
        "the phone's digits typed without spaces"
    );
    assert_eq!(
        first("170 1234").await,
        ["Anna Schmidt"],
        "the phone's groups as written"
    );
    assert_eq!(first("knee").await, ["Anna Schmidt"], "tags");
    assert_eq!(first("squats").await, ["Anna Schmidt"], "notes");
    assert_eq!(
        first("zoe").await,
        ["Zoë Łukasiewicz"],
        "diacritics are folded"
    );
    assert_eq!(first("nunez").await, ["José Núñez"]);
    assert_eq!(first("luka").await, ["Zoë Łukasiewicz"], "ł is found by l");
    assert_eq!(first("shoul").await, ["Zoë Łukasiewicz"]);
    assert!(first("nobody").await.is_empty());
    assert_eq!(
        first("\"OR *").await,
        Vec::<String>::new(),
        "FTS syntax in input is harmless"
    );
    assert_eq!(
        first("@@").await.len(),
        3,
        "nothing searchable lists everyone"
    );
}

#[tokio::test]
async fn name_match_ranks_above_notes_match() {
    let (_dir, db) = fresh().await;
    clients::create(
        &db,
        &ClientInput {
            name: "Ben Carter".into(),
            notes: "trains with Greta".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    clients::create(
        &db,
        &ClientInput {
            name: "Greta Nilsen".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let hits = clients::list(&db, &search("greta")).await.unwrap();
    assert_eq!(
        hits.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Greta Nilsen", "Ben Carter"]
    );
}

#[tokio::test]
async fn bad_ids_are_validation_errors_not_queries() {
    let (_dir, db) = fresh().await;
    let err = clients::get(&db, "1; DROP TABLE clients")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.field.as_deref(), Some("id"));
    let err = clients::get(&db, &uuid::Uuid::now_v7().to_string())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn huge_notes_are_refused_whole() {
    let (_dir, db) = fresh().await;
    let err = clients::create(
        &db,
        &ClientInput {
            notes: "ü".repeat(60_000),
            ..anna()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("notes"));
    assert_eq!(count_rows(&db).await, 0);
}

/// 20261205000001 rebuilt the search index with fewer prefix indexes. A file from before it,
/// its clients indexed the old way, must find the same clients afterwards: by a one-letter,
/// a three-letter and a folded prefix, and by a phone number's bare digits.
#[tokio::test]
async fn search_finds_clients_indexed_before_the_prefix_index_change() {
    use sqlx::migrate::Migrator;
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
    use std::borrow::Cow;

    const CHANGE: i64 = 20261205000001;
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    {
        let pool = SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(data.database())
                .create_if_missing(true),
        )
        .await
        .unwrap();
        let before = Migrator {
            migrations: Cow::Owned(
                spotter_store::db::MIGRATOR
                    .iter()
                    .filter(|m| m.version < CHANGE)
                    .cloned()
                    .collect(),
            ),
            ignore_missing: false,
            locking: true,
            no_tx: false,
        };
        before.run(&pool).await.unwrap();
        let old_index: String =
            sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = 'clients_fts'")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert!(old_index.contains("prefix = '1 2 3'"), "{old_index}");
        sqlx::query(
            "INSERT INTO clients (id, name, email, phone, created_at, updated_at)
             VALUES ('01a241f4-45bb-7696-aeef-5bf63b08bbea', 'Łukasz Nowak', 'lukasz@example.com',
                     '+48 601 234 567', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }

    let db = Database::open(&data).await.unwrap();
    assert!(
        db.pre_migration_backup().is_some(),
        "the file was backed up before the index was rebuilt"
    );
    let index: String =
        sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = 'clients_fts'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert!(index.contains("prefix = '1 2'"), "{index}");
    for text in ["ł", "Nowa", "luk", "lukasz@ex", "48601234567", "601"] {
        let found = clients::list(&db, &search(text)).await.unwrap();
        assert_eq!(
            found.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["Łukasz Nowak"],
            "search {text:?}"
        );
    }
    // A client written after the change is indexed by the unchanged triggers.
    clients::create(&db, &anna()).await.unwrap();
    let found = clients::list(&db, &search("sch")).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Anna Schmidt");
}

/// No pooled connection may keep a view of the schema from halfway through the migrations:
/// one that read it before 20261205000001 re-created the search index kept the old index's
/// options and called the index malformed (about one fresh database in five, before the
/// migrations got a connection of their own). Every connection of the pool is checked, on
/// many fresh databases, after a client went through the search index's trigger.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_pooled_connection_sees_the_migrated_search_index() {
    for round in 0..25 {
        let (_dir, db) = fresh().await;
        clients::create(&db, &anna()).await.unwrap();
        let max = db.pool().options().get_max_connections();
        let mut held = Vec::new();
        for _ in 0..max {
            held.push(db.pool().acquire().await.unwrap());
        }
        for (i, conn) in held.iter_mut().enumerate() {
            let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            assert_eq!(integrity, "ok", "round {round}, connection {i}");
        }
    }
}
