//! Shared set-up of the sync tests: a real PostgreSQL (spotter-pgtest), a studio created by
//! its owner's device, members invited and joined from their own data folders, and the
//! check that every replica equals the server row for row.

#![allow(dead_code)]

use std::collections::BTreeMap;

use serde_json::Value;
use spotter_core::clients::{self, ClientInput};
use spotter_core::schedule::{sessions, trainers, SaveOutcome, SessionInput, SessionKind};
use spotter_pgtest::TempPostgres;
use spotter_store::paths::DataDir;
use spotter_store::Database;
use spotter_sync::credentials::Password;
use spotter_sync::device;
use spotter_sync::engine::{self, SyncReport};
use spotter_sync::server::{admin, rows, Server, ServerAddress};
use spotter_sync::tables::TABLES;
use sqlx::Row;

pub const OWNER_PASSWORD: &str = "owner-secret-1";

pub struct Device {
    pub dir: tempfile::TempDir,
    pub db: Database,
    pub server: Server,
    pub login: String,
    pub password: String,
}

impl Device {
    pub async fn sync(&self) -> SyncReport {
        engine::sync(&self.db, &self.server, &mut |_| {})
            .await
            .expect("sync")
    }

    pub async fn try_sync(&self) -> spotter_store::Result<SyncReport> {
        engine::sync(&self.db, &self.server, &mut |_| {}).await
    }

    /// Reopens the device's file (a restart of the app).
    pub async fn reopen(&mut self) {
        self.db.close().await;
        self.db = Database::open(&DataDir::new(self.dir.path().to_path_buf()))
            .await
            .unwrap();
    }
}

pub struct Studio {
    pub pg: std::sync::Arc<TempPostgres>,
    pub database: String,
    pub owner_address: ServerAddress,
}

pub async fn fresh_db() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path().to_path_buf()))
        .await
        .unwrap();
    (dir, db)
}

impl Studio {
    /// A server and an owner's device that created the studio from `seed`'s data.
    pub async fn start<F, Fut>(seed: F) -> (Studio, Device)
    where
        F: FnOnce(Database) -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        Self::start_on(
            std::sync::Arc::new(TempPostgres::start()),
            "studio",
            "owner",
            seed,
        )
        .await
    }

    /// As [`Studio::start`] on a server shared by several studios (one database each).
    pub async fn start_on<F, Fut>(
        pg: std::sync::Arc<TempPostgres>,
        database: &str,
        owner_login: &str,
        seed: F,
    ) -> (Studio, Device)
    where
        F: FnOnce(Database) -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        let url = pg.create_studio_database(database, owner_login, OWNER_PASSWORD);
        let (address, password) = ServerAddress::parse(&url, None).unwrap();
        let (dir, db) = fresh_db().await;
        seed(db.clone()).await;
        admin::init(
            &db,
            &address,
            password.as_ref().unwrap(),
            "Northside Strength",
        )
        .await
        .expect("init");
        let server = Server::connect(&address, &Password::new(OWNER_PASSWORD))
            .await
            .unwrap();
        let owner = Device {
            dir,
            db,
            server,
            login: owner_login.into(),
            password: OWNER_PASSWORD.into(),
        };
        owner.sync().await;
        (
            Studio {
                pg,
                database: database.into(),
                owner_address: address,
            },
            owner,
        )
    }

    pub fn address_for(&self, login: &str) -> ServerAddress {
        ServerAddress {
            user: login.to_owned(),
            ..self.owner_address.clone()
        }
    }

    /// Invites `name` from the owner's device and joins from a new data folder.
    pub async fn member(&self, owner: &Device, name: &str, role: &str) -> Device {
        let inv = admin::invite(&owner.db, &owner.server, name, role, None)
            .await
            .expect("invite");
        let (dir, db) = fresh_db().await;
        let address = self.address_for(&inv.login);
        let server = Server::connect(&address, &inv.password)
            .await
            .expect("member connects");
        admin::join(&db, &server).await.expect("join");
        engine::sync(&db, &server, &mut |_| {})
            .await
            .expect("first pull");
        Device {
            dir,
            db,
            server,
            login: inv.login,
            password: inv.password.expose().to_owned(),
        }
    }

    /// A raw connection as `login` (for trying what a hostile device could send).
    pub async fn raw(&self, login: &str, password: &str) -> sqlx::PgPool {
        sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .connect(&format!(
                "postgres://{login}:{password}@127.0.0.1:{}/{}",
                self.pg.port(),
                self.database
            ))
            .await
            .expect("raw connect")
    }

    pub fn superuser_sql(&self, sql: &str) -> String {
        self.pg.psql(&self.database, sql)
    }
}

pub fn client(name: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        ..Default::default()
    }
}

pub async fn add_client(db: &Database, name: &str) -> String {
    clients::create(db, &client(name)).await.unwrap().id
}

/// Books `trainer` with `clients` at a wall-clock time in Europe/Berlin.
pub async fn book(
    db: &Database,
    trainer: &str,
    clients: &[String],
    start: &str,
    end: &str,
) -> spotter_store::Result<SaveOutcome> {
    sessions::create(
        db,
        &SessionInput {
            trainer_id: trainer.into(),
            client_ids: clients.to_vec(),
            kind: SessionKind::Personal,
            time_zone: "Europe/Berlin".into(),
            start: start.into(),
            end: end.into(),
            override_conflicts: true,
            ..Default::default()
        },
    )
    .await
}

pub async fn me(db: &Database) -> String {
    trainers::me(db).await.unwrap().id
}

fn normalise(v: Value) -> Value {
    match v {
        Value::Number(n) => n
            .as_f64()
            .map(|f| serde_json::json!(f))
            .unwrap_or(Value::Number(n)),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalise(v))).collect()),
        other => other,
    }
}

/// Every row this device may see, per table, keyed by the row's key: local and on the server.
pub async fn local_rows(
    db: &Database,
    front_desk: bool,
) -> BTreeMap<String, BTreeMap<String, Value>> {
    let mut out = BTreeMap::new();
    for t in TABLES.iter().filter(|t| t.readable_by(front_desk)) {
        let pairs: Vec<String> = t
            .visible_columns(front_desk)
            .map(|c| format!("'{0}', x.{0}", c.name))
            .collect();
        let filter = if t.name == "exercises" {
            "WHERE x.library_key IS NULL OR x.hidden = 1"
        } else {
            ""
        };
        let rows: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT json_object({}) FROM {} x {filter}",
            pairs.join(", "),
            t.name
        ))
        .fetch_all(db.pool())
        .await
        .unwrap();
        let mut m = BTreeMap::new();
        for r in rows {
            let v: Value = serde_json::from_str(&r).unwrap();
            m.insert(spotter_sync::server::push::key_text(t, &v), normalise(v));
        }
        out.insert(t.name.to_owned(), m);
    }
    out
}

pub async fn server_rows(
    server: &Server,
    front_desk: bool,
) -> BTreeMap<String, BTreeMap<String, Value>> {
    let me: (uuid::Uuid,) = sqlx::query_as("SELECT studio_id FROM spotter.whoami()")
        .fetch_one(server.pool())
        .await
        .unwrap();
    let mut out = BTreeMap::new();
    for t in TABLES.iter().filter(|t| t.readable_by(front_desk)) {
        let rows = sqlx::query(&rows::all_rows_sql(t, front_desk))
            .bind(me.0)
            .fetch_all(server.pool())
            .await
            .unwrap();
        let mut m = BTreeMap::new();
        for r in rows {
            let v: Value = r.get(1);
            m.insert(spotter_sync::server::push::key_text(t, &v), normalise(v));
        }
        out.insert(t.name.to_owned(), m);
    }
    out
}

/// Syncs every device until nothing is pending, then checks each replica against the server.
pub async fn converge(devices: &[&Device]) {
    for _ in 0..3 {
        for d in devices {
            d.sync().await;
        }
    }
    for d in devices {
        assert_eq!(
            device::pending_count(&d.db).await.unwrap(),
            0,
            "{} has nothing pending",
            d.login
        );
        let front_desk = device::state(&d.db).await.unwrap().role.as_deref() == Some("front_desk");
        let local = local_rows(&d.db, front_desk).await;
        let remote = server_rows(&d.server, front_desk).await;
        for (table, rows) in &remote {
            let mine = &local[table];
            for (k, v) in rows {
                assert_eq!(
                    mine.get(k),
                    Some(v),
                    "{}: {table} {k} equals the server's",
                    d.login
                );
            }
            for k in mine.keys() {
                assert!(
                    rows.contains_key(k),
                    "{}: {table} {k} is on the server too",
                    d.login
                );
            }
        }
    }
}
