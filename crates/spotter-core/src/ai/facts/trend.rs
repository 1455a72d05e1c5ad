//! A trend over a window, stated one way: the least-squares line's value at the first and the
//! last point (one decimal), its slope per week, and a direction decided from those two stated
//! values with a noise margin, so a headline can never say "going up" over "86.1 → 85.5".

use serde::Serialize;

use super::{line, r1, r2};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    /// The change is within the noise margin.
    Steady,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// The trend line at the first point, one decimal.
    pub from: f64,
    /// The trend line at the last point, one decimal.
    pub to: f64,
    /// Units per week, two decimals.
    pub per_week: f64,
    pub direction: Direction,
}

/// Estimated 1RM varies from day to day: a change under 2.5 % (at least 1 kg) is noise.
pub fn strength_noise(level: f64) -> f64 {
    (level.abs() * 0.025).max(1.0)
}

/// Body measurements: a change under 1 % (at least 0.1 of the unit) is noise.
pub fn measurement_noise(level: f64) -> f64 {
    (level.abs() * 0.01).max(0.1)
}

/// The trend of `points` (x in weeks, ascending), with `noise` giving the margin for a level.
pub fn fit(points: &[(f64, f64)], noise: fn(f64) -> f64) -> Option<Trend> {
    let (slope, intercept) = line(points)?;
    let (first, last) = (points.first()?.0, points.last()?.0);
    let from = r1(intercept + slope * first);
    let to = r1(intercept + slope * last);
    let change = to - from;
    let margin = noise(from);
    let direction = if change >= margin {
        Direction::Up
    } else if change <= -margin {
        Direction::Down
    } else {
        Direction::Steady
    };
    Some(Trend {
        from,
        to,
        per_week: r2(slope),
        direction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_direction_follows_the_stated_trend_values() {
        let up = fit(&[(0.0, 80.0), (4.0, 84.0), (8.0, 88.0)], strength_noise).unwrap();
        assert_eq!((up.from, up.to, up.direction), (80.0, 88.0, Direction::Up));
        // A noisy history with a tiny slope is steady, whatever the first and last values were.
        let flat = fit(
            &[(0.0, 86.1), (2.0, 84.0), (4.0, 88.0), (6.0, 85.5)],
            strength_noise,
        )
        .unwrap();
        assert_eq!(flat.direction, Direction::Steady);
        let down = fit(&[(0.0, 90.0), (6.0, 84.0), (12.0, 78.0)], measurement_noise).unwrap();
        assert_eq!(down.direction, Direction::Down);
    }
}
