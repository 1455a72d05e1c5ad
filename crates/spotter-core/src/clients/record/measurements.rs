//! Measurements over time: body weight, body fat, girths and the trainer's own metrics,
//! typed in metric or imperial units and stored in SI units.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::{check_date, client_id};
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    BodyWeight,
    BodyFat,
    Waist,
    Hips,
    Chest,
    Arm,
    Thigh,
    RestingHeartRate,
    Custom,
}

impl Metric {
    const ALL: [Metric; 9] = [
        Self::BodyWeight,
        Self::BodyFat,
        Self::Waist,
        Self::Hips,
        Self::Chest,
        Self::Arm,
        Self::Thigh,
        Self::RestingHeartRate,
        Self::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BodyWeight => "body_weight",
            Self::BodyFat => "body_fat",
            Self::Waist => "waist",
            Self::Hips => "hips",
            Self::Chest => "chest",
            Self::Arm => "arm",
            Self::Thigh => "thigh",
            Self::RestingHeartRate => "resting_heart_rate",
            Self::Custom => "custom",
        }
    }

    fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .unwrap_or(Self::Custom)
    }

    /// The SI unit it is stored in, and the plausible range there.
    fn si(self) -> (&'static str, f64, f64) {
        match self {
            Self::BodyWeight => ("kg", 20.0, 400.0),
            Self::BodyFat => ("%", 2.0, 75.0),
            Self::Waist | Self::Hips | Self::Chest => ("cm", 30.0, 250.0),
            Self::Arm | Self::Thigh => ("cm", 10.0, 150.0),
            Self::RestingHeartRate => ("bpm", 25.0, 220.0),
            Self::Custom => ("", f64::MIN, f64::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    pub id: String,
    pub client_id: String,
    pub measured_on: String,
    pub metric: Metric,
    /// The custom metric's name (for `custom`).
    pub custom_name: Option<String>,
    /// In SI units (kg, cm, %, bpm) or the custom metric's unit.
    pub value: f64,
    pub unit: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct MeasurementInput {
    pub measured_on: String,
    #[ts(optional = nullable)]
    pub metric: Option<Metric>,
    #[ts(optional = nullable)]
    pub custom_name: Option<String>,
    pub value: f64,
    /// The unit the value was typed in: kg or lb, cm or in, %, bpm, or the custom unit.
    pub unit: String,
}

#[derive(FromRow)]
struct MeasurementRow {
    id: String,
    client_id: String,
    measured_on: String,
    metric: String,
    value: f64,
    unit: String,
    created_at: String,
}

impl From<MeasurementRow> for Measurement {
    fn from(r: MeasurementRow) -> Self {
        let metric = Metric::parse(&r.metric);
        Measurement {
            custom_name: r.metric.strip_prefix("custom:").map(str::to_owned),
            id: r.id,
            client_id: r.client_id,
            measured_on: r.measured_on,
            metric,
            value: r.value,
            unit: r.unit,
            created_at: r.created_at,
        }
    }
}

pub const LB_PER_KG: f64 = 2.204_622_621_8;
pub const CM_PER_IN: f64 = 2.54;

/// Converts a typed value to the metric's SI unit, refusing units that do not fit.
fn to_si(metric: Metric, value: f64, unit: &str) -> Result<(f64, String)> {
    if !value.is_finite() {
        return Err(AppError::validation("value", "Enter a number"));
    }
    let unit = unit.trim();
    let (si, min, max) = metric.si();
    let converted = match (metric, unit) {
        (Metric::Custom, u) => {
            if u.chars().count() > 20 {
                return Err(AppError::validation(
                    "unit",
                    "The unit is at most 20 characters",
                ));
            }
            return Ok((value, u.to_owned()));
        }
        (_, u) if u == si => value,
        (Metric::BodyWeight, "lb") => value / LB_PER_KG,
        (Metric::Waist | Metric::Hips | Metric::Chest | Metric::Arm | Metric::Thigh, "in") => {
            value * CM_PER_IN
        }
        (_, u) => {
            return Err(AppError::validation(
                "unit",
                format!("'{u}' is not a unit for this measurement (use {si})"),
            ))
        }
    };
    if !(min..=max).contains(&converted) {
        return Err(AppError::validation(
            "value",
            format!("{value} {unit} is outside the plausible range ({min}–{max} {si})"),
        ));
    }
    // Four decimals is far below what a tape or scale can tell, and keeps 33 in = 83.82 cm exact.
    Ok(((converted * 10_000.0).round() / 10_000.0, si.to_owned()))
}

pub async fn add_measurement(
    db: &Database,
    client: &str,
    input: &MeasurementInput,
) -> Result<Measurement> {
    let client = client_id(db, client).await?;
    let measured_on = check_date("measuredOn", &input.measured_on)?;
    let metric = input
        .metric
        .ok_or_else(|| AppError::validation("metric", "Choose what was measured"))?;
    let key = if metric == Metric::Custom {
        let name = input.custom_name.as_deref().map(str::trim).unwrap_or("");
        if name.is_empty() || name.chars().count() > 60 {
            return Err(AppError::validation(
                "customName",
                "Name the custom measurement (at most 60 characters)",
            ));
        }
        format!("custom:{name}")
    } else {
        metric.as_str().to_owned()
    };
    let (value, unit) = to_si(metric, input.value, &input.unit)?;
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO measurements (id, client_id, measured_on, metric, value, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&client)
    .bind(&measured_on)
    .bind(&key)
    .bind(value)
    .bind(&unit)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    measurements(db, &client)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| AppError::not_found("measurement"))
}

/// A client's measurements, oldest first (the order charts want).
pub async fn measurements(db: &Database, client: &str) -> Result<Vec<Measurement>> {
    let client = parse_id("clientId", client)?;
    let rows: Vec<MeasurementRow> = sqlx::query_as(
        "SELECT id, client_id, measured_on, metric, value, unit, created_at FROM measurements
         WHERE client_id = ? AND deleted_at IS NULL ORDER BY measured_on, created_at, local_key",
    )
    .bind(&client)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Measurement::from).collect())
}

pub async fn delete_measurement(db: &Database, id: &str) -> Result<()> {
    super::tombstone(db, "measurements", "measurement", id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imperial_values_are_stored_in_si_and_implausible_ones_refused() {
        let (kg, unit) = to_si(Metric::BodyWeight, 154.0, "lb").unwrap();
        assert!((kg - 69.853).abs() < 0.01 && unit == "kg", "{kg}");
        assert_eq!(to_si(Metric::Waist, 32.0, "in").unwrap().0, 81.28);
        assert_eq!(
            to_si(Metric::BodyWeight, 70.0, "cm")
                .unwrap_err()
                .field
                .as_deref(),
            Some("unit")
        );
        assert_eq!(
            to_si(Metric::BodyFat, 120.0, "%")
                .unwrap_err()
                .field
                .as_deref(),
            Some("value")
        );
        assert_eq!(
            to_si(Metric::BodyWeight, f64::NAN, "kg")
                .unwrap_err()
                .field
                .as_deref(),
            Some("value")
        );
    }
}
