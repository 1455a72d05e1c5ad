//! What each agent knows, computed in Rust before any model is asked. Every fact that
//! may be cited has a `ref` ("S1", "M2" …); an insight names the refs it rests on, and
//! [`super::grounding`] checks its numbers against these facts.

pub mod data_quality;
pub mod health;
pub mod nutrition;
pub mod optimizer;
pub mod progress;
pub mod scheduling;
pub mod trend;

use serde::Serialize;

/// Least-squares slope of `y` over `x` (units of y per unit of x). None below 2 points
/// or when every x is the same.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    line(points).map(|(slope, _)| slope)
}

/// The least-squares line through the points: (slope, intercept), so the trend's value at
/// `x` is `intercept + slope × x`. None below 2 points or when every x is the same.
pub fn line(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let slope = sxy / sxx;
    Some((slope, mean_y - slope * mean_x))
}

/// One decimal: the precision facts are stated in, so the model can quote them exactly.
pub fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

pub fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slope_is_least_squares() {
        assert_eq!(
            super::slope(&[(0.0, 100.0), (1.0, 101.0), (2.0, 102.0)]),
            Some(1.0)
        );
        let s = super::slope(&[(0.0, 1.0), (1.0, 3.0), (2.0, 2.0), (3.0, 4.0)]).unwrap();
        assert!((s - 0.8).abs() < 1e-9, "{s}");
        assert_eq!(super::slope(&[(1.0, 1.0)]), None);
        assert_eq!(super::slope(&[(1.0, 1.0), (1.0, 2.0)]), None);
    }
}
