//! A model's headline may not go against the direction of a trend it cites.

use serde_json::json;
use spotter_ai::agents::contradicts_direction;

#[test]
fn a_headline_that_contradicts_a_cited_trend_is_refused() {
    let facts = json!({
        "strength": [
            { "ref": "S1", "exercise": "Barbell Back Squat", "trendFromKg": 86.1, "trendToKg": 85.5, "direction": "steady" },
            { "ref": "S2", "exercise": "Bench Press", "trendFromKg": 60.0, "trendToKg": 66.0, "direction": "up" }
        ],
        "measurements": [{ "ref": "M1", "metric": "body weight", "direction": "down" }]
    });
    let why = contradicts_direction(&facts, "Barbell Back Squat is going up", &["S1"]).unwrap();
    assert!(why.contains("S1 is steady"), "{why}");
    assert!(contradicts_direction(&facts, "Bench press keeps climbing", &["S2"]).is_none());
    assert!(contradicts_direction(&facts, "Squat is holding steady", &["S1"]).is_none());
    assert!(contradicts_direction(&facts, "Body weight is rising", &["M1"]).is_some());
    assert!(contradicts_direction(&facts, "Body weight is falling", &["M1"]).is_none());
    // Facts without a direction (sessions, adherence) are not judged.
    assert!(contradicts_direction(&facts, "Attendance is improving", &["T1"]).is_none());
}
