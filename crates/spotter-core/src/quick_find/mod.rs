//! Ctrl+K beyond clients and screens: exercises, plans and templates, and sessions found by
//! client name and date ("anna tomorrow", "ben 4 dec", "today"). Each kind is bounded and
//! read through an index (clients through their FTS5 index, sessions through the client's
//! bookings or one day's range), so typing stays instant on a studio's database.

mod dates;

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clients::fts_query;
use crate::schedule::zoned::{fmt_local, fmt_utc, local_of, parse_utc, parse_zone, to_utc_lenient};
use crate::training::vocab::name_key;
use spotter_store::{Database, Result};

pub use dates::split_date;

pub const EXERCISE_LIMIT: u32 = 5;
pub const PLAN_LIMIT: u32 = 5;
pub const SESSION_LIMIT: u32 = 6;
/// Clients whose sessions a name search looks at.
const CLIENT_LIMIT: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoundExercise {
    pub id: String,
    pub name: String,
    pub pattern: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoundPlan {
    pub id: String,
    pub name: String,
    pub is_template: bool,
    #[ts(optional = nullable)]
    pub client_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoundSession {
    pub id: String,
    /// The session's title, else its participants' names.
    pub label: String,
    pub start_utc: String,
    /// Wall-clock start in the session's own zone, `YYYY-MM-DDTHH:MM`.
    pub start_local: String,
    pub time_zone: String,
    pub status: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuickFindResults {
    pub exercises: Vec<FoundExercise>,
    pub plans: Vec<FoundPlan>,
    pub sessions: Vec<FoundSession>,
}

fn like_pattern(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub async fn find(db: &Database, text: &str) -> Result<QuickFindResults> {
    let text: String = text.chars().take(200).collect();
    if text.trim().is_empty() {
        return Ok(QuickFindResults::default());
    }
    let zone = crate::schedule::trainers::me(db)
        .await
        .ok()
        .and_then(|t| parse_zone("timeZone", &t.time_zone).ok())
        .unwrap_or(chrono_tz::UTC);
    let today = local_of(Utc::now(), zone).date();
    let (date, words) = split_date(&text, today);
    Ok(QuickFindResults {
        exercises: exercises(db, &text).await?,
        plans: plans(db, &text).await?,
        sessions: sessions(db, date, &words, zone).await?,
    })
}

/// Every typed word in the name (accents and case as the library's duplicate check folds
/// them), names starting with the first word first.
async fn exercises(db: &Database, text: &str) -> Result<Vec<FoundExercise>> {
    let key = name_key(text);
    let words: Vec<&str> = key.split_whitespace().take(8).collect();
    let Some(first) = words.first() else {
        return Ok(Vec::new());
    };
    let mut sql = String::from(
        "SELECT id, name, pattern FROM exercises WHERE deleted_at IS NULL AND hidden = 0",
    );
    for _ in &words {
        sql.push_str(" AND name_key LIKE ? ESCAPE '\\'");
    }
    sql.push_str(" ORDER BY name_key LIKE ? ESCAPE '\\' DESC, name COLLATE NOCASE LIMIT ?");
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for w in &words {
        query = query.bind(like_pattern(w));
    }
    let starts = format!("{}%", &like_pattern(first)[1..]);
    let rows = query
        .bind(starts)
        .bind(EXERCISE_LIMIT)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, pattern)| FoundExercise { id, name, pattern })
        .collect())
}

/// Plans and templates whose name, or whose client's name, has every typed word.
async fn plans(db: &Database, text: &str) -> Result<Vec<FoundPlan>> {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let mut sql = String::from(
        "SELECT p.id, p.name, p.is_template, c.name FROM plans p LEFT JOIN clients c ON c.id = p.client_id
         WHERE p.deleted_at IS NULL",
    );
    for _ in &words {
        sql.push_str(" AND (p.name || ' ' || coalesce(c.name, '')) LIKE ? ESCAPE '\\'");
    }
    sql.push_str(" ORDER BY p.is_template, p.updated_at DESC LIMIT ?");
    let mut query = sqlx::query_as::<_, (String, String, i64, Option<String>)>(&sql);
    for w in &words {
        query = query.bind(like_pattern(w));
    }
    let rows = query.bind(PLAN_LIMIT).fetch_all(db.pool()).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, t, client_name)| FoundPlan {
            id,
            name,
            is_template: t != 0,
            client_name,
        })
        .collect())
}

type SessionRow = (String, String, String, String, String, String);
const SESSION_COLUMNS: &str =
    "s.id, s.title, s.participant_names, s.start_utc, s.time_zone, s.status";

/// With a name: that client's sessions on the date, or without a date the next ones (then the
/// latest past ones). With only a date: that day's sessions in the trainer's zone.
async fn sessions(
    db: &Database,
    date: Option<NaiveDate>,
    words: &[String],
    zone: chrono_tz::Tz,
) -> Result<Vec<FoundSession>> {
    let day = date.map(|d| {
        let from = to_utc_lenient(d.and_time(chrono::NaiveTime::MIN), zone);
        let to = d
            .succ_opt()
            .map(|n| to_utc_lenient(n.and_time(chrono::NaiveTime::MIN), zone))
            .unwrap_or(from + chrono::Duration::days(1));
        (fmt_utc(from), fmt_utc(to))
    });
    let rows: Vec<SessionRow> = match (fts_query(&words.join(" ")), day) {
        (None, None) => Vec::new(),
        (None, Some((from, to))) => {
            sqlx::query_as(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions s
                 WHERE s.deleted_at IS NULL AND s.start_utc >= ? AND s.start_utc < ?
                 ORDER BY s.start_utc LIMIT ?"
            ))
            .bind(from)
            .bind(to)
            .bind(SESSION_LIMIT)
            .fetch_all(db.pool())
            .await?
        }
        (Some(fts), range) => {
            let clients: Vec<String> = sqlx::query_scalar(
                "SELECT c.id FROM clients_fts JOIN clients c ON c.rowid = clients_fts.rowid
                 WHERE clients_fts MATCH ? AND c.deleted_at IS NULL
                 ORDER BY clients_fts.rank LIMIT ?",
            )
            .bind(&fts)
            .bind(CLIENT_LIMIT)
            .fetch_all(db.pool())
            .await?;
            if clients.is_empty() {
                return Ok(Vec::new());
            }
            let ids = serde_json::to_string(&clients).unwrap_or_else(|_| "[]".into());
            let booked = |cmp: &str, order: &str| {
                format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.deleted_at IS NULL AND s.id IN (
                        SELECT p.session_id FROM session_participants p
                        WHERE p.client_id IN (SELECT value FROM json_each(?1)) AND p.deleted_at IS NULL
                          AND {cmp})
                     ORDER BY s.start_utc {order} LIMIT ?4"
                )
            };
            match range {
                Some((from, to)) => {
                    sqlx::query_as(&booked(
                        "p.session_start_utc >= ?2 AND p.session_start_utc < ?3",
                        "ASC",
                    ))
                    .bind(&ids)
                    .bind(from)
                    .bind(to)
                    .bind(SESSION_LIMIT)
                    .fetch_all(db.pool())
                    .await?
                }
                None => {
                    let now = fmt_utc(Utc::now());
                    let mut next: Vec<SessionRow> =
                        sqlx::query_as(&booked("p.session_start_utc >= ?2 AND ?3 IS NULL", "ASC"))
                            .bind(&ids)
                            .bind(&now)
                            .bind(None::<String>)
                            .bind(SESSION_LIMIT)
                            .fetch_all(db.pool())
                            .await?;
                    let room = SESSION_LIMIT - next.len() as u32;
                    if room > 0 {
                        let past: Vec<SessionRow> = sqlx::query_as(&booked(
                            "p.session_start_utc < ?2 AND ?3 IS NULL",
                            "DESC",
                        ))
                        .bind(&ids)
                        .bind(&now)
                        .bind(None::<String>)
                        .bind(room)
                        .fetch_all(db.pool())
                        .await?;
                        next.extend(past);
                    }
                    next
                }
            }
        }
    };
    Ok(rows
        .into_iter()
        .map(|(id, title, names, start_utc, time_zone, status)| {
            let start_local = parse_utc("startUtc", &start_utc)
                .ok()
                .zip(parse_zone("timeZone", &time_zone).ok())
                .map(|(t, tz)| fmt_local(local_of(t, tz)))
                .unwrap_or_else(|| start_utc.clone());
            FoundSession {
                id,
                label: if title.trim().is_empty() {
                    names
                } else {
                    title
                },
                start_utc,
                start_local,
                time_zone,
                status,
            }
        })
        .collect())
}
