//! Progression rules writing the following weeks: linear with deloads, double progression.

use crate::{one_week, rx};
use spotter_core::training::plan::{self, Progression, ProgressionRule};
use spotter_core::training::progression;

#[test]
fn linear_progression_and_deloads_generate_the_following_weeks() {
    let mut body = one_week(vec![(
        "Lower",
        0,
        vec![rx("squat", 4, (5, 5), Some(100.0))],
    )]);
    body.rule = ProgressionRule {
        progression: Some(Progression::Linear { increment_kg: 2.5 }),
        deload_every: Some(4),
    };
    let g = progression::generate(&body, 8).unwrap();
    let loads: Vec<f64> = g
        .weeks
        .iter()
        .map(|w| w.days[0].items[0].load.value.unwrap())
        .collect();
    // Weeks 4 and 8 deload (10% lighter than the week before, half the sets) and do not advance the progression.
    assert_eq!(
        loads,
        [100.0, 102.5, 105.0, 94.5, 107.5, 110.0, 112.5, 101.5]
    );
    let sets: Vec<u32> = g.weeks.iter().map(|w| w.days[0].items[0].sets).collect();
    assert_eq!(sets, [4, 4, 4, 2, 4, 4, 4, 2]);
    assert_eq!(g.weeks.iter().filter(|w| w.deload).count(), 2);
    plan::validate(&g).unwrap();
}

#[test]
fn double_progression_adds_reps_to_the_top_then_load() {
    let mut body = one_week(vec![(
        "Upper",
        0,
        vec![
            rx("press", 3, (8, 10), Some(40.0)),
            rx("plank", 3, (1, 1), None),
        ],
    )]);
    body.rule = ProgressionRule {
        progression: Some(Progression::Double { increment_kg: 2.0 }),
        deload_every: None,
    };
    let g = progression::generate(&body, 7).unwrap();
    let press: Vec<(u32, f64)> = g
        .weeks
        .iter()
        .map(|w| {
            (
                w.days[0].items[0].reps_min,
                w.days[0].items[0].load.value.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        press,
        [
            (8, 40.0),
            (9, 40.0),
            (10, 40.0),
            (8, 42.0),
            (9, 42.0),
            (10, 42.0),
            (8, 44.0)
        ]
    );
    assert!(
        g.weeks
            .iter()
            .all(|w| w.days[0].items[1] == body.weeks[0].days[0].items[1]),
        "fixed reps without load stay"
    );
    assert_eq!(
        progression::generate(&body, 0)
            .unwrap_err()
            .field
            .as_deref(),
        Some("totalWeeks")
    );
}
