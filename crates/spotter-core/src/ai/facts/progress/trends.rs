//! One trend from a history: an exercise's estimated 1RM by day (with whether it stalled) or a
//! measurement by date, fitted over the window as its first and last values and a direction.

use chrono::NaiveDate;

use super::{MeasurementTrend, StrengthTrend};
use crate::ai::facts::r1;
use crate::ai::facts::trend;

/// Weeks since `from`, the x of a trend.
pub(super) fn weeks_since(from: NaiveDate, day: NaiveDate) -> f64 {
    (day - from).num_days() as f64 / 7.0
}

impl StrengthTrend {
    /// The trend of one exercise's estimated 1RM by day (ascending, within the window that
    /// starts at `from`); None below 3 workouts. Stalled: trained at least 3 times since
    /// `recent_from` without beating the earlier best.
    pub fn from_history(
        reference: String,
        exercise: &str,
        points: &[(NaiveDate, f64)],
        from: NaiveDate,
        recent_from: NaiveDate,
    ) -> Option<Self> {
        if points.len() < 3 {
            return None;
        }
        let xy: Vec<(f64, f64)> = points
            .iter()
            .map(|(d, v)| (weeks_since(from, *d), *v))
            .collect();
        let t = trend::fit(&xy, trend::strength_noise)?;
        let best = points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        let (recent, earlier): (Vec<&(NaiveDate, f64)>, Vec<&(NaiveDate, f64)>) =
            points.iter().partition(|p| p.0 >= recent_from);
        let earlier_best = earlier.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        let recent_best = recent.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        Some(Self {
            reference,
            exercise: exercise.to_owned(),
            workouts: points.len(),
            trend_from_kg: t.from,
            trend_to_kg: t.to,
            best_kg: r1(best),
            slope_kg_per_week: t.per_week,
            direction: t.direction,
            stalled: recent.len() >= 3 && !earlier.is_empty() && recent_best <= earlier_best,
        })
    }
}

impl MeasurementTrend {
    /// The trend of one measurement by date (ascending, in the window from `from`); None
    /// below 2 measurements or when they are all on one day.
    pub fn from_history(
        reference: String,
        metric: String,
        unit: String,
        points: &[(NaiveDate, f64)],
        from: NaiveDate,
    ) -> Option<Self> {
        if points.len() < 2 {
            return None;
        }
        let xy: Vec<(f64, f64)> = points
            .iter()
            .map(|(d, v)| (weeks_since(from, *d), *v))
            .collect();
        let t = trend::fit(&xy, trend::measurement_noise)?;
        Some(Self {
            reference,
            metric,
            unit,
            points: points.len(),
            trend_from: t.from,
            trend_to: t.to,
            slope_per_week: t.per_week,
            direction: t.direction,
        })
    }
}
