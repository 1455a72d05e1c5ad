//! The studio's PostgreSQL as the device sees it: where it is, connecting with the member's
//! own login, and what its errors mean for a trainer. Pushing, pulling and administration
//! live in the submodules; the rules themselves live in migrations/postgres.

pub mod admin;
pub mod pull;
pub mod push;
pub mod rows;
pub mod schema;

use std::str::FromStr;
use std::time::Duration;

use spotter_store::{AppError, ErrorCode, Result};
use sqlx::postgres::{PgConnectOptions, PgDatabaseError, PgPool, PgPoolOptions, PgSslMode};
use sqlx::{ConnectOptions, Connection};

use crate::credentials::Password;

/// A studio server's address: everything in the URL except the password, which never
/// leaves the keychain. Safe to store, log and show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// disable, prefer, require, verify-ca, verify-full (libpq's names).
    pub sslmode: Option<String>,
    /// The CA file for verify-ca / verify-full.
    pub sslrootcert: Option<String>,
}

impl ServerAddress {
    /// Parses `postgres://user[:password]@host[:port]/db[?sslmode=…&sslrootcert=…]`. A password
    /// in the URL is returned apart, so the caller can move it to the keychain.
    pub fn parse(url: &str, user_override: Option<&str>) -> Result<(Self, Option<Password>)> {
        let bad = |why: &str| {
            AppError::validation("url", format!("not a studio server address: {why} (expected postgres://user@host:5432/database)"))
        };
        let parsed = url::Url::parse(url.trim()).map_err(|_| bad("it cannot be read as a URL"))?;
        if parsed.scheme() != "postgres" && parsed.scheme() != "postgresql" {
            return Err(bad("it must start with postgres://"));
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("no host"))?;
        let database = parsed.path().trim_start_matches('/');
        if database.is_empty() || database.contains('/') {
            return Err(bad("no database name"));
        }
        let user = match user_override {
            Some(u) if !u.trim().is_empty() => u.trim().to_owned(),
            _ if !parsed.username().is_empty() => decode(parsed.username()),
            _ => {
                return Err(AppError::validation(
                    "user",
                    "say which login to use (--user, or user@ in the address)",
                ))
            }
        };
        let password = parsed.password().map(|p| Password::new(decode(p)));
        let mut sslmode = None;
        let mut sslrootcert = None;
        for (k, v) in parsed.query_pairs() {
            match k.as_ref() {
                "sslmode" => {
                    if ![
                        "disable",
                        "allow",
                        "prefer",
                        "require",
                        "verify-ca",
                        "verify-full",
                    ]
                    .contains(&v.as_ref())
                    {
                        return Err(AppError::validation(
                            "url",
                            format!("unknown sslmode '{v}'"),
                        ));
                    }
                    sslmode = Some(v.into_owned());
                }
                "sslrootcert" => sslrootcert = Some(v.into_owned()),
                other => {
                    return Err(AppError::validation(
                        "url",
                        format!(
                        "unsupported option '{other}' in the address (sslmode and sslrootcert are)"
                    ),
                    ))
                }
            }
        }
        Ok((
            Self {
                host: host.trim_matches(|c| c == '[' || c == ']').to_owned(),
                port: parsed.port().unwrap_or(5432),
                database: decode(database),
                user,
                sslmode,
                sslrootcert,
            },
            password,
        ))
    }

    /// The address as a URL without a password (what sync_state keeps).
    pub fn url(&self) -> String {
        let mut url = format!(
            "postgres://{}@{}:{}/{}",
            enc(&self.user),
            self.host,
            self.port,
            enc(&self.database)
        );
        let mut sep = '?';
        if let Some(m) = &self.sslmode {
            url.push_str(&format!("{sep}sslmode={m}"));
            sep = '&';
        }
        if let Some(c) = &self.sslrootcert {
            url.push_str(&format!("{sep}sslrootcert={}", enc(c)));
        }
        url
    }

    /// The keychain account of this login on this server.
    pub fn keychain_account(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.user, self.host, self.port, self.database
        )
    }

    pub fn where_(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    fn connect_options(&self, password: &Password) -> Result<PgConnectOptions> {
        let mut o = PgConnectOptions::new()
            .host(&self.host)
            .port(self.port)
            .database(&self.database)
            .username(&self.user)
            .password(password.expose())
            .application_name("spotter");
        if let Some(m) = &self.sslmode {
            o = o.ssl_mode(
                PgSslMode::from_str(m)
                    .map_err(|_| AppError::validation("url", "unknown sslmode"))?,
            );
        }
        if let Some(c) = &self.sslrootcert {
            o = o.ssl_root_cert(c.as_str());
        }
        Ok(o)
    }
}

fn decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_owned())
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A connection pool to the studio server under one member's login.
#[derive(Clone)]
pub struct Server {
    pool: PgPool,
    address: ServerAddress,
}

impl Server {
    pub async fn connect(address: &ServerAddress, password: &Password) -> Result<Self> {
        // One direct connection first: a pool retries until its timeout and then reports only
        // that; this says why (refused, unknown host, wrong password, no such database).
        let options = address.connect_options(password)?;
        let first = tokio::time::timeout(Duration::from_secs(10), options.connect())
            .await
            .map_err(|_| server_error(sqlx::Error::PoolTimedOut, address))?
            .map_err(|e| server_error(e, address))?;
        let _ = first.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(address.connect_options(password)?)
            .await
            .map_err(|e| server_error(e, address))?;
        Ok(Self {
            pool,
            address: address.clone(),
        })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    /// Maps an error from this server to what a trainer should read.
    pub fn error(&self, e: sqlx::Error) -> AppError {
        server_error(e, &self.address)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The caller's membership, as `spotter.whoami()` reports it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Membership {
    pub studio_id: uuid::Uuid,
    pub studio_name: String,
    pub role: String,
    pub display_name: String,
    pub trainer_id: Option<uuid::Uuid>,
    pub studio_version: i64,
    pub schema_version: i64,
}

pub const WHOAMI_SQL: &str = "SELECT studio_id, studio_name, role, display_name, trainer_id, studio_version, schema_version FROM spotter.whoami()";

/// Turns a driver or server error into a plain message with what to do. Never includes a
/// password (the address has none) or SQL.
pub fn server_error(e: sqlx::Error, address: &ServerAddress) -> AppError {
    let at = address.where_();
    match &e {
        // rustls reports an untrusted or mismatched certificate as an I/O error.
        sqlx::Error::Io(io) if io.to_string().contains("certificate") => AppError::new(
            ErrorCode::Studio,
            format!("the secure connection to {at} failed ({io}); check sslmode and the CA file (sslrootcert) the studio gave you"),
        ),
        sqlx::Error::Io(io) => AppError::new(
            ErrorCode::Studio,
            format!("cannot reach the studio server at {at} ({io}); check the address and your connection. Changes stay on this device and sync later"),
        ),
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => AppError::new(
            ErrorCode::Studio,
            format!("the studio server at {at} did not answer in time; changes stay on this device and sync later"),
        ),
        sqlx::Error::Tls(t) => AppError::new(
            ErrorCode::Studio,
            format!("the secure connection to {at} failed ({t}); check sslmode and the CA file (sslrootcert)"),
        ),
        sqlx::Error::Database(db) => {
            let pg = db.try_downcast_ref::<PgDatabaseError>();
            let hint = pg.and_then(|p| p.hint()).unwrap_or("");
            let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
            let msg = db.message();
            if hint.starts_with("spotter:update") {
                return AppError::new(ErrorCode::UpdateRequired, format!("Update needed: {msg}"));
            }
            if hint == "spotter:not_member" {
                return AppError::new(ErrorCode::Studio, format!("{msg}; ask the studio's owner"));
            }
            match code.as_str() {
                "28P01" | "28000" => AppError::new(
                    ErrorCode::Studio,
                    format!("the studio server at {at} refused the login '{}': wrong password, or the login was removed", address.user),
                ),
                "3D000" => AppError::new(
                    ErrorCode::Studio,
                    format!("there is no database '{}' on the studio server at {at}", address.database),
                ),
                "3F000" | "42P01" | "42883" => AppError::new(
                    ErrorCode::Studio,
                    format!("the database '{}' at {at} is not a Spotter studio (no studio schema); check the address, or create the studio with 'studio init'", address.database),
                ),
                "42501" => AppError::new(ErrorCode::Studio, format!("the studio server refused this: {msg}")),
                "57P01" | "57P02" | "57P03" | "08006" | "08003" | "08001" => AppError::new(
                    ErrorCode::Studio,
                    format!("the studio server at {at} went away ({msg}); changes stay on this device and sync later"),
                ),
                _ => {
                    tracing::warn!(code = %code, message = %msg, "studio server error");
                    AppError::new(ErrorCode::Studio, format!("the studio server refused this: {msg}"))
                }
            }
        }
        other => {
            tracing::warn!(error = %other, "studio server error");
            AppError::new(ErrorCode::Studio, format!("the studio server at {at} could not be used: {other}"))
        }
    }
}
