//! Trainers (the local user is the first one) and their working hours; rooms.

use sqlx::FromRow;

use super::zoned::{parse_hhmm, parse_zone, system_zone};
use super::{Room, RoomInput, Trainer, TrainerInput, WorkingHours};
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

const PALETTE: [&str; 8] = [
    "#228be6", "#40c057", "#fab005", "#be4bdb", "#fd7e14", "#15aabf", "#e64980", "#82c91e",
];

#[derive(FromRow)]
struct TrainerRow {
    id: String,
    name: String,
    email: Option<String>,
    color: String,
    time_zone: String,
    working_hours: String,
    is_me: i64,
    created_at: String,
    updated_at: String,
}

impl From<TrainerRow> for Trainer {
    fn from(r: TrainerRow) -> Self {
        Trainer {
            id: r.id,
            name: r.name,
            email: r.email,
            color: r.color,
            time_zone: r.time_zone,
            // Written only by this module; a hand-edited bad value reads as "no hours set".
            working_hours: serde_json::from_str(&r.working_hours).unwrap_or_default(),
            is_me: r.is_me != 0,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str =
    "id, name, email, color, time_zone, working_hours, is_me, created_at, updated_at";

/// Monday to Friday 07:00–20:00 and Saturday 08:00–13:00: a starting point the trainer edits.
pub fn default_hours() -> Vec<WorkingHours> {
    let mut hours: Vec<WorkingHours> = (1..=5)
        .map(|d| WorkingHours {
            weekday: d,
            start: "07:00".into(),
            end: "20:00".into(),
        })
        .collect();
    hours.push(WorkingHours {
        weekday: 6,
        start: "08:00".into(),
        end: "13:00".into(),
    });
    hours
}

pub fn validate_hours(hours: &[WorkingHours]) -> Result<Vec<WorkingHours>> {
    let mut out = Vec::with_capacity(hours.len());
    for (i, h) in hours.iter().enumerate() {
        let field = format!("workingHours.{i}");
        if !(1..=7).contains(&h.weekday) {
            return Err(AppError::validation(
                &format!("{field}.weekday"),
                "Weekday is 1 (Monday) to 7 (Sunday)",
            ));
        }
        let start = parse_hhmm(&format!("{field}.start"), &h.start)?;
        let end = parse_hhmm(&format!("{field}.end"), &h.end)?;
        if end <= start {
            return Err(AppError::validation(
                &format!("{field}.end"),
                "Working hours end after they start",
            ));
        }
        out.push(WorkingHours {
            weekday: h.weekday,
            start: format!("{:02}:{:02}", start / 60, start % 60),
            end: format!("{:02}:{:02}", end / 60, end % 60),
        });
    }
    out.sort_by(|a, b| (a.weekday, &a.start).cmp(&(b.weekday, &b.start)));
    Ok(out)
}

/// Name, email, colour, zone and working hours (as stored JSON), checked.
type ValidTrainer = (String, Option<String>, Option<String>, String, String);

fn validate(input: &TrainerInput) -> Result<ValidTrainer> {
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(AppError::validation("name", "Name is required"));
    }
    if name.chars().count() > 200 {
        return Err(AppError::validation(
            "name",
            "Name is at most 200 characters",
        ));
    }
    let email = input
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(str::to_owned);
    if let Some(e) = &email {
        if !e.contains('@') || e.len() > 254 {
            return Err(AppError::validation(
                "email",
                format!("'{e}' is not an email address"),
            ));
        }
    }
    let color = input
        .color
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    if let Some(c) = &color {
        let ok =
            c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
        if !ok {
            return Err(AppError::validation("color", "Colour is #rrggbb"));
        }
    }
    let tz = parse_zone("timeZone", &input.time_zone)?;
    let hours = validate_hours(&input.working_hours)?;
    let hours = serde_json::to_string(&hours).map_err(|e| AppError::internal(e.to_string()))?;
    Ok((name, email, color, tz.name().to_owned(), hours))
}

pub async fn list(db: &Database) -> Result<Vec<Trainer>> {
    let rows: Vec<TrainerRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM trainers WHERE deleted_at IS NULL ORDER BY is_me DESC, name COLLATE NOCASE"
    ))
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Trainer::from).collect())
}

pub async fn get(db: &Database, id: &str) -> Result<Trainer> {
    let id = parse_id("trainerId", id)?;
    let row: Option<TrainerRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM trainers WHERE id = ? AND deleted_at IS NULL"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    row.map(Trainer::from)
        .ok_or_else(|| AppError::validation("trainerId", "That trainer does not exist (any more)"))
}

pub async fn create(db: &Database, input: &TrainerInput) -> Result<Trainer> {
    let (name, email, color, tz, hours) = validate(input)?;
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM trainers")
        .fetch_one(db.pool())
        .await?;
    let color = color.unwrap_or_else(|| PALETTE[count as usize % PALETTE.len()].to_owned());
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO trainers (id, name, email, color, time_zone, working_hours, is_me, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
    )
    .bind(&id)
    .bind(&name)
    .bind(&email)
    .bind(&color)
    .bind(&tz)
    .bind(&hours)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    get(db, &id).await
}

pub async fn update(db: &Database, id: &str, input: &TrainerInput) -> Result<Trainer> {
    let id = parse_id("trainerId", id)?;
    let (name, email, color, tz, hours) = validate(input)?;
    let done = sqlx::query(
        "UPDATE trainers SET name = ?, email = ?, color = coalesce(?, color), time_zone = ?, working_hours = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&name)
    .bind(&email)
    .bind(&color)
    .bind(&tz)
    .bind(&hours)
    .bind(now_utc())
    .bind(&id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("trainer"));
    }
    get(db, &id).await
}

/// The trainer who uses this laptop, created on first need with the computer's zone and
/// default working hours, so a solo trainer never has to set up "trainers" at all.
pub async fn me(db: &Database) -> Result<Trainer> {
    let row: Option<TrainerRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM trainers WHERE is_me = 1 AND deleted_at IS NULL LIMIT 1"
    ))
    .fetch_optional(db.pool())
    .await?;
    if let Some(row) = row {
        return Ok(row.into());
    }
    let id = new_id();
    let now = now_utc();
    let hours =
        serde_json::to_string(&default_hours()).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO trainers (id, name, email, color, time_zone, working_hours, is_me, created_at, updated_at)
         VALUES (?, 'Me', NULL, ?, ?, ?, 1, ?, ?)",
    )
    .bind(&id)
    .bind(PALETTE[0])
    .bind(system_zone())
    .bind(&hours)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    get(db, &id).await
}

#[derive(FromRow)]
struct RoomRow {
    id: String,
    name: String,
    capacity: Option<i64>,
}

impl From<RoomRow> for Room {
    fn from(r: RoomRow) -> Self {
        Room {
            id: r.id,
            name: r.name,
            capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
        }
    }
}

pub async fn rooms(db: &Database) -> Result<Vec<Room>> {
    let rows: Vec<RoomRow> =
        sqlx::query_as("SELECT id, name, capacity FROM rooms WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")
            .fetch_all(db.pool())
            .await?;
    Ok(rows.into_iter().map(Room::from).collect())
}

pub async fn room(db: &Database, id: &str) -> Result<Room> {
    let id = parse_id("roomId", id)?;
    let row: Option<RoomRow> =
        sqlx::query_as("SELECT id, name, capacity FROM rooms WHERE id = ? AND deleted_at IS NULL")
            .bind(&id)
            .fetch_optional(db.pool())
            .await?;
    row.map(Room::from)
        .ok_or_else(|| AppError::validation("roomId", "That room does not exist (any more)"))
}

pub async fn create_room(db: &Database, input: &RoomInput) -> Result<Room> {
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(AppError::validation("name", "Name is required"));
    }
    if name.chars().count() > 100 {
        return Err(AppError::validation(
            "name",
            "Name is at most 100 characters",
        ));
    }
    if input.capacity == Some(0) || input.capacity.is_some_and(|c| c > 1000) {
        return Err(AppError::validation(
            "capacity",
            "Capacity is 1 to 1000 people (or empty for no limit)",
        ));
    }
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO rooms (id, name, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&name)
    .bind(input.capacity.map(i64::from))
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    room(db, &id).await
}

/// A trainer named on the command line: an id, a name (any case), or `me`.
pub async fn find(db: &Database, key: &str) -> Result<Trainer> {
    let key = key.trim();
    if key.eq_ignore_ascii_case("me") {
        return me(db).await;
    }
    if let Ok(id) = parse_id("trainer", key) {
        return get(db, &id)
            .await
            .map_err(|_| AppError::validation("trainer", format!("no trainer has the id {id}")));
    }
    let all = list(db).await?;
    let matches: Vec<&Trainer> = all
        .iter()
        .filter(|t| t.name.to_lowercase() == key.to_lowercase())
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(AppError::validation(
            "trainer",
            format!(
                "no trainer is called '{key}' (trainers: {})",
                all.iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        _ => Err(AppError::validation(
            "trainer",
            format!("several trainers are called '{key}'; use the id"),
        )),
    }
}
