//! The progress monitor's facts for one client: estimated-1RM and measurement trends
//! (least-squares over the window, stated as the trend's first and last values and a
//! direction, see [`super::trend`]), stalls, adherence, recent records, and attendance.
//!
//! The parts: `trends.rs` fits one exercise's or one measurement's trend, `in_words.rs` says
//! the facts as evidence and as insights computed without a model. This file gathers the
//! facts from the database.

mod in_words;
mod trends;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::trend::Direction;
use super::{r1, r2};
use crate::ai::privacy::{age_on, Pseudonyms};
use crate::clients::{self, Client};
use crate::training::progress;
use spotter_store::{Database, Result};

pub use in_words::ComputedInsight;

/// Weeks of history the monitor looks at.
pub const WINDOW_WEEKS: i64 = 12;
/// Weeks of sessions it counts.
pub const SESSION_WEEKS: i64 = 8;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressFacts {
    pub client: ClientFacts,
    pub window: Window,
    pub strength: Vec<StrengthTrend>,
    pub measurements: Vec<MeasurementTrend>,
    pub adherence: Option<AdherenceFact>,
    pub records: Vec<RecentRecord>,
    pub sessions: SessionFacts,
    /// What the monitor could not look at, in words ("no workout logs in the window").
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientFacts {
    /// "Client A": never the name.
    pub label: String,
    pub age: Option<u32>,
    pub fitness_level: Option<String>,
    pub goals: String,
    pub injuries: String,
    pub body_areas: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    pub from: String,
    pub to: String,
    pub weeks: i64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrengthTrend {
    #[serde(rename = "ref")]
    pub reference: String,
    pub exercise: String,
    pub workouts: usize,
    /// The trend line's estimated 1RM at the first and the last workout in the window.
    pub trend_from_kg: f64,
    pub trend_to_kg: f64,
    pub best_kg: f64,
    pub slope_kg_per_week: f64,
    /// Up, down, or steady (the change is within day-to-day noise).
    pub direction: Direction,
    /// Trained at least 3 times in the last 4 weeks without beating the earlier best.
    pub stalled: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementTrend {
    #[serde(rename = "ref")]
    pub reference: String,
    pub metric: String,
    pub unit: String,
    pub points: usize,
    /// The trend line at the first and the last measurement in the window.
    pub trend_from: f64,
    pub trend_to: f64,
    pub slope_per_week: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdherenceFact {
    #[serde(rename = "ref")]
    pub reference: String,
    pub weeks: usize,
    pub prescribed_sets: u32,
    pub completed_sets: u32,
    /// completed ÷ prescribed, two decimals.
    pub share: f64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecentRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    pub exercise: String,
    pub e1rm_kg: f64,
    pub on: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionFacts {
    #[serde(rename = "ref")]
    pub reference: String,
    pub weeks: i64,
    pub attended: u32,
    pub no_shows: u32,
    pub cancelled: u32,
    pub late_cancelled: u32,
    pub booked_next_14_days: u32,
}

pub async fn compute(
    db: &Database,
    client: &Client,
    today: NaiveDate,
    names: &mut Pseudonyms,
) -> Result<ProgressFacts> {
    let label = names.add_client(client);
    let from = today - Duration::weeks(WINDOW_WEEKS);
    let from_s = from.format("%Y-%m-%d").to_string();
    let data = progress::client_progress(db, &client.id).await?;
    let mut missing = Vec::new();

    let recent_from = today - Duration::weeks(4);
    let mut strength = Vec::new();
    for series in &data.e1rm {
        let pts: Vec<(NaiveDate, f64)> = series
            .points
            .iter()
            .filter_map(|p| {
                Some((
                    NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok()?,
                    p.e1rm_kg,
                ))
            })
            .filter(|p| p.0 >= from)
            .collect();
        let reference = format!("S{}", strength.len() + 1);
        if let Some(t) =
            StrengthTrend::from_history(reference, &series.exercise_name, &pts, from, recent_from)
        {
            strength.push(t);
        }
    }
    if strength.is_empty() {
        missing.push(format!(
            "no exercise was logged 3 or more times in the last {WINDOW_WEEKS} weeks"
        ));
    }

    let mut measurements = Vec::new();
    let all = clients::record::measurements(db, &client.id).await?;
    let mut metrics: Vec<(String, String)> = Vec::new();
    for m in &all {
        let key = (
            m.custom_name
                .clone()
                .unwrap_or_else(|| m.metric.as_str().replace('_', " ")),
            m.unit.clone(),
        );
        if !metrics.contains(&key) {
            metrics.push(key);
        }
    }
    for (metric, unit) in metrics {
        let mut pts: Vec<(&str, f64)> = all
            .iter()
            .filter(|m| {
                m.custom_name
                    .clone()
                    .unwrap_or_else(|| m.metric.as_str().replace('_', " "))
                    == metric
            })
            .filter(|m| m.measured_on.as_str() >= from_s.as_str())
            .map(|m| (m.measured_on.as_str(), m.value))
            .collect();
        pts.sort_by(|a, b| a.0.cmp(b.0));
        let dated: Vec<(NaiveDate, f64)> = pts
            .iter()
            .filter_map(|(d, v)| Some((NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?, *v)))
            .collect();
        let reference = format!("M{}", measurements.len() + 1);
        if let Some(t) = MeasurementTrend::from_history(reference, metric, unit, &dated, from) {
            measurements.push(t);
        }
    }
    if measurements.is_empty() {
        missing.push(format!(
            "fewer than 2 measurements of any kind in the last {WINDOW_WEEKS} weeks"
        ));
    }

    let today_s = today.format("%Y-%m-%d").to_string();
    let begun: Vec<_> = data
        .adherence
        .iter()
        .filter(|w| w.week_start.as_str() <= today_s.as_str())
        .collect();
    let last4 = &begun[begun.len().saturating_sub(4)..];
    let adherence = if last4.is_empty() {
        missing.push("no assigned plan with a week begun".into());
        None
    } else {
        let prescribed: u32 = last4.iter().map(|w| w.prescribed_sets).sum();
        let completed: u32 = last4.iter().map(|w| w.completed_sets).sum();
        Some(AdherenceFact {
            reference: "A1".into(),
            weeks: last4.len(),
            prescribed_sets: prescribed,
            completed_sets: completed,
            share: if prescribed == 0 {
                0.0
            } else {
                r2(f64::from(completed) / f64::from(prescribed))
            },
        })
    };

    let month_ago = (today - Duration::days(30)).format("%Y-%m-%d").to_string();
    let mut records = Vec::new();
    for r in &data.records {
        if let (Some(kg), Some(on)) = (r.best_e1rm_epley_kg, r.best_e1rm_on.as_deref()) {
            if on >= month_ago.as_str() {
                records.push(RecentRecord {
                    reference: format!("R{}", records.len() + 1),
                    exercise: r.exercise_name.clone(),
                    e1rm_kg: r1(kg),
                    on: on.to_owned(),
                });
            }
        }
    }

    let sessions = session_facts(db, &client.id, today).await?;
    if sessions.attended + sessions.no_shows + sessions.cancelled + sessions.late_cancelled == 0 {
        missing.push(format!("no sessions in the last {SESSION_WEEKS} weeks"));
    }

    Ok(ProgressFacts {
        client: ClientFacts {
            label,
            age: client
                .date_of_birth
                .as_deref()
                .and_then(|d| age_on(d, today)),
            fitness_level: client.fitness_level.map(|f| f.as_str().to_owned()),
            goals: names.scrub(&client.goals),
            injuries: names.scrub(&client.injuries),
            body_areas: client.body_areas.clone(),
        },
        window: Window {
            from: from_s,
            to: today_s,
            weeks: WINDOW_WEEKS,
        },
        strength,
        measurements,
        adherence,
        records,
        sessions,
        missing,
    })
}

async fn session_facts(db: &Database, client_id: &str, today: NaiveDate) -> Result<SessionFacts> {
    let from = format!(
        "{}T00:00:00",
        (today - Duration::weeks(SESSION_WEEKS)).format("%Y-%m-%d")
    );
    let now = spotter_store::time::now_utc();
    let ahead = format!(
        "{}T00:00:00",
        (today + Duration::days(15)).format("%Y-%m-%d")
    );
    let (attended, no_shows, cancelled, late, booked): (i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT
            COALESCE(SUM(s.start_utc < ?2 AND (p.attendance = 'attended' OR (s.status = 'completed' AND p.attendance = 'expected'))), 0),
            COALESCE(SUM(s.start_utc < ?2 AND (p.attendance = 'no_show' OR (s.status = 'no_show' AND p.attendance = 'expected'))), 0),
            COALESCE(SUM(s.start_utc < ?2 AND (p.attendance = 'cancelled' OR (s.status = 'cancelled' AND s.late_cancel = 0 AND p.attendance = 'expected'))), 0),
            COALESCE(SUM(s.start_utc < ?2 AND (p.attendance = 'late_cancelled' OR (s.status = 'cancelled' AND s.late_cancel = 1 AND p.attendance = 'expected'))), 0),
            COALESCE(SUM(s.start_utc >= ?2 AND s.start_utc < ?3 AND s.status = 'scheduled' AND p.attendance = 'expected'), 0)
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
         WHERE p.client_id = ?4 AND p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.start_utc >= ?1 AND s.start_utc < ?3",
    )
    .bind(&from)
    .bind(&now)
    .bind(&ahead)
    .bind(client_id)
    .fetch_one(db.pool())
    .await?;
    let n = |v: i64| u32::try_from(v).unwrap_or(0);
    Ok(SessionFacts {
        reference: "T1".into(),
        weeks: SESSION_WEEKS,
        attended: n(attended),
        no_shows: n(no_shows),
        cancelled: n(cancelled),
        late_cancelled: n(late),
        booked_next_14_days: n(booked),
    })
}
