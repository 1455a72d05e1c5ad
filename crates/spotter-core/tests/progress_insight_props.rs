//! Property tests for the progress monitor's computed insights: over generated histories
//! (rising, falling, flat, noisy, short), no insight's title contradicts its own evidence,
//! and its text states the same two trend values the evidence shows.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use spotter_core::ai::facts::progress::{
    ClientFacts, MeasurementTrend, ProgressFacts, SessionFacts, StrengthTrend, Window, WINDOW_WEEKS,
};
use spotter_core::ai::facts::trend::{measurement_noise, strength_noise};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

/// A history: distinct days in the window, each a level on a line plus noise.
fn history(start: f64, per_week: f64, noise: Vec<f64>, gaps: Vec<i64>) -> Vec<(NaiveDate, f64)> {
    let from = today() - Duration::weeks(WINDOW_WEEKS);
    let mut day = 0;
    let mut out = Vec::new();
    for (gap, wobble) in gaps.iter().zip(noise) {
        day += gap;
        if day > WINDOW_WEEKS * 7 {
            break;
        }
        let level = start + per_week * day as f64 / 7.0 + wobble;
        out.push((from + Duration::days(day), (level * 10.0).round() / 10.0));
    }
    out
}

fn facts(strength: Vec<StrengthTrend>, measurements: Vec<MeasurementTrend>) -> ProgressFacts {
    ProgressFacts {
        client: ClientFacts {
            label: "Client A".into(),
            age: None,
            fitness_level: None,
            goals: String::new(),
            injuries: String::new(),
            body_areas: vec![],
        },
        window: Window {
            from: String::new(),
            to: String::new(),
            weeks: WINDOW_WEEKS,
        },
        strength,
        measurements,
        adherence: None,
        records: vec![],
        sessions: SessionFacts {
            reference: "T1".into(),
            weeks: 8,
            attended: 0,
            no_shows: 0,
            cancelled: 0,
            late_cancelled: 0,
            booked_next_14_days: 0,
        },
        missing: vec![],
    }
}

/// "trend 80.1 → 84.3 kg over …" → (80.1, 84.3).
fn arrow_values(text: &str) -> (f64, f64) {
    let (left, right) = text.split_once(" → ").expect("an arrow");
    let a = left.rsplit(' ').next().unwrap().parse().unwrap();
    let b = right.split(' ').next().unwrap().parse().unwrap();
    (a, b)
}

/// The two trend numbers an insight's text states, in order ("from A to B" or "(A → B kg)").
fn stated_values(text: &str) -> (f64, f64) {
    if text.contains(" → ") {
        let inner = text.split_once('(').map_or(text, |(_, r)| r);
        return arrow_values(inner);
    }
    let after_from = text.split_once(" from ").expect("from").1;
    let (a, rest) = after_from.split_once(" to ").expect("to");
    let b = rest.split(' ').next().unwrap();
    (a.parse().unwrap(), b.parse().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_insight_title_contradicts_its_evidence(
        start in 20.0f64..250.0,
        per_week in -3.0f64..3.0,
        noise in prop::collection::vec(-6.0f64..6.0, 2..25),
        gaps in prop::collection::vec(1i64..12, 25),
        body in 50.0f64..120.0,
        body_per_week in -0.6f64..0.6,
        body_noise in prop::collection::vec(-1.5f64..1.5, 2..12),
    ) {
        let from = today() - Duration::weeks(WINDOW_WEEKS);
        let lifts = history(start, per_week, noise, gaps.clone());
        let weights = history(body, body_per_week, body_noise, gaps);
        let strength: Vec<StrengthTrend> = StrengthTrend::from_history(
            "S1".into(), "Barbell Back Squat", &lifts, from, today() - Duration::weeks(4),
        ).into_iter().collect();
        let measurements: Vec<MeasurementTrend> = MeasurementTrend::from_history(
            "M1".into(), "body weight".into(), "kg".into(), &weights, from,
        ).into_iter().collect();
        let facts = facts(strength, measurements);

        for insight in facts.computed_insights() {
            let reference = &insight.refs[0];
            let evidence = facts.evidence(reference).expect("evidence for every ref");
            let (a, b) = arrow_values(&evidence.value);
            let title = insight.title.to_lowercase();
            let noise = if reference.starts_with('S') { strength_noise(a) } else { measurement_noise(a) };
            if title.contains("going up") || title.contains("rising") {
                prop_assert!(b > a, "{title}: {}", evidence.value);
                prop_assert!(b - a >= noise - 1e-9, "{title}: {}", evidence.value);
            } else if title.contains("going down") || title.contains("falling") {
                prop_assert!(b < a, "{title}: {}", evidence.value);
                prop_assert!(a - b >= noise - 1e-9, "{title}: {}", evidence.value);
            } else if title.contains("holding steady") {
                prop_assert!((b - a).abs() < noise + 1e-9, "{title}: {}", evidence.value);
            } else {
                prop_assert!(title.contains("stalled"), "unexpected title {title}");
                continue;
            }
            // The text says the same two numbers as the evidence, in the same order.
            prop_assert_eq!(stated_values(&insight.text), (a, b), "{}", insight.text);
            // And the weekly slope in the evidence has the headline's sign.
            if title.contains("going up") || title.contains("rising") {
                prop_assert!(evidence.value.contains("(+"), "{}", evidence.value);
            }
            if title.contains("going down") || title.contains("falling") {
                prop_assert!(evidence.value.contains("(-"), "{}", evidence.value);
            }
        }
    }
}

#[test]
fn the_reported_squat_and_row_read_as_holding_steady() {
    let from = today() - Duration::weeks(WINDOW_WEEKS);
    let day = |d: i64| from + Duration::days(d);
    // First 86.1, last 85.5, a positive slope from the noise in between: not "going up".
    let squat = [
        (day(3), 86.1),
        (day(20), 84.0),
        (day(40), 88.9),
        (day(60), 87.0),
        (day(80), 85.5),
    ];
    let row = [
        (day(5), 68.4),
        (day(30), 68.9),
        (day(55), 67.9),
        (day(82), 68.4),
    ];
    let strength = vec![
        StrengthTrend::from_history("S1".into(), "Barbell Back Squat", &squat, from, day(56))
            .unwrap(),
        StrengthTrend::from_history("S2".into(), "Bent-Over Row", &row, from, day(56)).unwrap(),
    ];
    let titles: Vec<String> = facts(strength, vec![])
        .computed_insights()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Barbell Back Squat is holding steady",
            "Bent-Over Row is holding steady"
        ]
    );
}
