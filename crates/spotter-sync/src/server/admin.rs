//! Studio administration: creating the studio on an empty database, inviting and removing
//! members. The server-side half is in migrations/postgres (spotter.invite, remove_member);
//! this is what the owner's device does around it.

use serde::Serialize;
use spotter_core::schedule::{trainers, TrainerInput};
use spotter_store::{AppError, Database, ErrorCode, Result};
use uuid::Uuid;

use super::{schema, Membership, Server, ServerAddress, WHOAMI_SQL};
use crate::credentials::{self, Password};

use crate::device;

/// Creates the studio schema on an empty database, makes the caller (the login in the
/// address) its owner and registers this device. Its data is queued for upload; the first
/// sync sends it. The password goes to the keychain.
pub async fn init(
    db: &Database,
    address: &ServerAddress,
    password: &Password,
    studio_name: &str,
) -> Result<Membership> {
    let studio_name = studio_name.trim();
    if studio_name.is_empty() || studio_name.chars().count() > 200 {
        return Err(AppError::validation(
            "name",
            "the studio needs a name of 1 to 200 characters",
        ));
    }
    if device::state(db).await?.in_studio() {
        return Err(AppError::new(
            ErrorCode::Studio,
            "this data folder is already part of a studio",
        ));
    }
    let server = Server::connect(address, password).await?;
    if let Some(v) = schema::server_version(&server).await? {
        schema::check_not_newer(&[v])?;
        return Err(AppError::new(
            ErrorCode::Studio,
            format!("the database '{}' already holds a Spotter studio; join it with 'studio join' instead", address.database),
        ));
    }
    let foreign: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .fetch_one(server.pool())
    .await
    .map_err(|e| server.error(e))?;
    if foreign > 0 {
        return Err(AppError::new(
            ErrorCode::Studio,
            format!("the database '{}' is not empty ({foreign} tables); create the studio in a new, empty database", address.database),
        ));
    }
    schema::upgrade(&server).await?;

    let me = trainers::me(db).await?;
    let device_id = Uuid::now_v7();
    let last = device::last_mutation_id(db).await?;
    let err = |e| server.error(e);
    let mut tx = server.pool().begin().await.map_err(err)?;
    let studio_id = Uuid::now_v7();
    sqlx::query("INSERT INTO spotter.studios (id, name) VALUES ($1, $2)")
        .bind(studio_id)
        .bind(studio_name)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
    sqlx::query(&format!(
        "GRANT spotter_member TO {}",
        quote_ident(&address.user)
    ))
    .execute(&mut *tx)
    .await
    .map_err(err)?;
    sqlx::query(
        "INSERT INTO spotter.members (login, studio_id, display_name, role, trainer_id)
         VALUES (session_user, $1, $2, 'owner', $3)",
    )
    .bind(studio_id)
    .bind(display_name(&me.name, &address.user))
    .bind(Uuid::try_parse(&me.id).ok())
    .execute(&mut *tx)
    .await
    .map_err(err)?;
    sqlx::query("SELECT spotter.register_device($1, $2)")
        .bind(device_id)
        .bind(last)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
    let membership: Membership = sqlx::query_as(WHOAMI_SQL)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
    tx.commit().await.map_err(err)?;

    device::join(
        db,
        device::Joining {
            address,
            device_id,
            membership: &membership,
            upload_existing: true,
        },
    )
    .await?;
    device::mark_me(db, Some(&me.id)).await?;
    server.close().await;
    Ok(membership)
}

/// Joins an existing studio from a data folder with no clients, sessions or plans of its
/// own (a trainer's solo data is not mixed into a studio silently). Registers this device;
/// the caller then syncs (the first pull) and stores the password in the keychain.
pub async fn join(db: &Database, server: &Server) -> Result<Membership> {
    if device::state(db).await?.in_studio() {
        return Err(AppError::new(
            ErrorCode::Studio,
            "this data folder is already part of a studio",
        ));
    }
    let own = device::own_data(db).await?;
    if !own.is_empty() {
        let what: Vec<String> = own.iter().map(|(t, n)| format!("{n} {t}")).collect();
        return Err(AppError::new(
            ErrorCode::Studio,
            format!("this data folder already has data of its own ({}); join from a new data folder (--data-dir), or export this one first", what.join(", ")),
        ));
    }
    let Some(version) = schema::server_version(server).await? else {
        return Err(AppError::new(
            ErrorCode::Studio,
            format!("the database '{}' at {} is not a Spotter studio (no studio schema); check the address, or create the studio with 'studio init'", server.address().database, server.address().where_()),
        ));
    };
    schema::check_not_newer(&[version])?;
    if version < crate::known_server_schema() {
        return Err(AppError::new(
            ErrorCode::UpdateRequired,
            "Update needed: the studio server runs an older Spotter schema; the studio owner updates it with 'spotter-cli studio upgrade'",
        ));
    }
    let err = |e| server.error(e);
    let device_id = Uuid::now_v7();
    let last = device::last_mutation_id(db).await?;
    let mut tx = server.pool().begin().await.map_err(err)?;
    let membership: Membership = sqlx::query_as(WHOAMI_SQL)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
    sqlx::query("SELECT spotter.register_device($1, $2)")
        .bind(device_id)
        .bind(last)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
    tx.commit().await.map_err(err)?;
    device::drop_unshared_trainers(db).await?;
    device::join(
        db,
        device::Joining {
            address: server.address(),
            device_id,
            membership: &membership,
            upload_existing: false,
        },
    )
    .await?;
    Ok(membership)
}

fn display_name(trainer_name: &str, login: &str) -> String {
    if trainer_name.trim().is_empty() || trainer_name == "Me" {
        login.to_owned()
    } else {
        trainer_name.to_owned()
    }
}

fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// What a new member needs to join: shown once, the password is not kept anywhere.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    pub server_url: String,
    pub login: String,
    #[serde(skip)]
    pub password: Password,
    pub role: String,
    pub trainer_id: Option<String>,
}

/// A login name from a display name: lower-case ASCII letters, digits and _, 3–63 long.
pub fn login_from_name(name: &str) -> String {
    let mut slug: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' => c,
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            'é' | 'è' | 'ê' => 'e',
            _ => '_',
        })
        .collect();
    while slug.contains("__") {
        slug = slug.replace("__", "_");
    }
    let slug = slug.trim_matches('_').to_owned();
    let slug = if slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug
    } else {
        format!("m_{slug}")
    };
    let mut slug: String = slug.chars().take(40).collect();
    while slug.len() < 3 {
        slug.push('_');
    }
    slug
}

/// Invites a member: a trainer gets a trainer row in the studio (made here and pushed first,
/// so it is on the server before the login exists), then the login with a generated password.
pub async fn invite(
    db: &Database,
    server: &Server,
    name: &str,
    role: &str,
    login: Option<&str>,
) -> Result<Invitation> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::validation(
            "name",
            "the member needs a name of 1 to 200 characters",
        ));
    }
    let role = match role {
        "trainer" => "trainer",
        "front-desk" | "front_desk" => "front_desk",
        other => {
            return Err(AppError::validation(
                "role",
                format!("'{other}' is not a role: trainer or front-desk"),
            ))
        }
    };
    let state = device::state(db).await?;
    if state.role.as_deref() != Some("owner") {
        return Err(AppError::new(
            ErrorCode::Studio,
            "only the studio's owner can invite members",
        ));
    }
    let err = |e| server.error(e);
    let base = match login {
        Some(l) => l.trim().to_owned(),
        None => login_from_name(name),
    };
    let mut candidate = base.clone();
    for n in 2..100 {
        let taken: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
                .bind(&candidate)
                .fetch_one(server.pool())
                .await
                .map_err(err)?;
        if !taken {
            break;
        }
        if login.is_some() {
            return Err(AppError::validation(
                "login",
                format!("the login '{candidate}' is taken"),
            ));
        }
        candidate = format!("{base}_{n}");
    }
    let trainer_id = if role == "trainer" {
        let me = trainers::me(db).await?;
        let t = trainers::create(
            db,
            &TrainerInput {
                name: name.to_owned(),
                email: None,
                color: None,
                time_zone: me.time_zone.clone(),
                working_hours: me.working_hours.clone(),
            },
        )
        .await?;
        crate::engine::sync(db, server, &mut |_| {}).await?;
        Some(t.id)
    } else {
        None
    };
    let password = credentials::generate_password()?;
    sqlx::query("SELECT spotter.invite($1, $2, $3, $4, $5)")
        .bind(&candidate)
        .bind(name)
        .bind(role)
        .bind(password.expose())
        .bind(trainer_id.as_deref().and_then(|t| Uuid::try_parse(t).ok()))
        .execute(server.pool())
        .await
        .map_err(err)?;
    let mut address = server.address().clone();
    address.user = candidate.clone();
    Ok(Invitation {
        server_url: address.url(),
        login: candidate,
        password,
        role: role.to_owned(),
        trainer_id,
    })
}

/// Ends a member's access at once (the login can no longer connect, and every request of an
/// open connection is refused).
pub async fn remove(server: &Server, login: &str) -> Result<()> {
    sqlx::query("SELECT spotter.remove_member($1)")
        .bind(login.trim())
        .execute(server.pool())
        .await
        .map_err(|e| server.error(e))?;
    Ok(())
}

#[derive(Debug, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub login: String,
    pub display_name: String,
    pub role: String,
    pub removed_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn members(server: &Server) -> Result<Vec<Member>> {
    sqlx::query_as("SELECT login::text AS login, display_name, role, removed_at FROM spotter.members_of_studio()")
        .fetch_all(server.pool())
        .await
        .map_err(|e| server.error(e))
}
