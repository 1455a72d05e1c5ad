//! The progress facts in words: each citable fact by its reference as the trainer reads it,
//! and the insights computed without a model (the headline and the text say the same thing,
//! from the same trend values the evidence shows).

use super::{MeasurementTrend, ProgressFacts, StrengthTrend, WINDOW_WEEKS};
use crate::ai::facts::trend::Direction;
use crate::ai::review::Evidence;

impl ProgressFacts {
    /// Every citable fact by its ref, as the trainer reads it.
    pub fn evidence(&self, reference: &str) -> Option<Evidence> {
        let e = |label: String, value: String| Some(Evidence { label, value });
        if let Some(s) = self.strength.iter().find(|s| s.reference == reference) {
            return e(
                format!("{}: estimated 1RM", s.exercise),
                format!(
                    "trend {} → {} kg over {} workouts ({:+} kg/week, best {} kg){}",
                    s.trend_from_kg,
                    s.trend_to_kg,
                    s.workouts,
                    s.slope_kg_per_week,
                    s.best_kg,
                    if s.stalled {
                        ", stalled for 4 weeks"
                    } else {
                        ""
                    }
                ),
            );
        }
        if let Some(m) = self.measurements.iter().find(|m| m.reference == reference) {
            return e(
                capitalise(&m.metric),
                format!(
                    "trend {} → {} {} over {} measurements ({:+} {}/week)",
                    m.trend_from, m.trend_to, m.unit, m.points, m.slope_per_week, m.unit
                ),
            );
        }
        if let Some(a) = self.adherence.as_ref().filter(|a| a.reference == reference) {
            return e(
                format!("Adherence, last {} plan weeks", a.weeks),
                format!(
                    "{} of {} prescribed sets ({}%)",
                    a.completed_sets,
                    a.prescribed_sets,
                    (a.share * 100.0).round()
                ),
            );
        }
        if let Some(r) = self.records.iter().find(|r| r.reference == reference) {
            return e(
                format!("New best: {}", r.exercise),
                format!("estimated 1RM {} kg on {}", r.e1rm_kg, r.on),
            );
        }
        if self.sessions.reference == reference {
            let s = &self.sessions;
            return e(
                format!("Sessions, last {} weeks", s.weeks),
                format!(
                    "{} attended, {} no-shows, {} cancelled, {} late cancellations; {} booked in the next 14 days",
                    s.attended, s.no_shows, s.cancelled, s.late_cancelled, s.booked_next_14_days
                ),
            );
        }
        None
    }

    pub fn references(&self) -> Vec<String> {
        let mut out: Vec<String> = self.strength.iter().map(|s| s.reference.clone()).collect();
        out.extend(self.measurements.iter().map(|m| m.reference.clone()));
        out.extend(self.adherence.iter().map(|a| a.reference.clone()));
        out.extend(self.records.iter().map(|r| r.reference.clone()));
        out.push(self.sessions.reference.clone());
        out
    }

    /// Insights written by Spotter itself from the facts: what the trainer sees with no
    /// model configured, and the ground truth a model's text is checked against.
    pub fn computed_insights(&self) -> Vec<ComputedInsight> {
        let mut out = Vec::new();
        for s in &self.strength {
            if s.stalled {
                out.push(ComputedInsight::new(
                    format!("{} has stalled", s.exercise),
                    format!(
                        "{} was trained often in the last 4 weeks without beating the earlier best estimated 1RM of {} kg. Consider a change of rep range, a deload or a variation.",
                        s.exercise, s.best_kg
                    ),
                    &[&s.reference],
                    true,
                ));
            } else {
                out.push(strength_insight(s));
            }
        }
        for m in &self.measurements {
            out.push(measurement_insight(m));
        }
        if let Some(a) = &self.adherence {
            if a.prescribed_sets > 0 && a.share < 0.8 {
                out.push(ComputedInsight::new(
                    "Adherence is low".into(),
                    format!(
                        "{} of {} prescribed sets were done in the last {} plan weeks. Ask what gets in the way; a shorter plan day may fit better.",
                        a.completed_sets, a.prescribed_sets, a.weeks
                    ),
                    &[&a.reference],
                    true,
                ));
            }
        }
        for r in &self.records {
            out.push(ComputedInsight::new(
                format!("New best on {}", r.exercise),
                format!(
                    "Estimated 1RM of {} kg on {}: worth telling the client.",
                    r.e1rm_kg, r.on
                ),
                &[&r.reference],
                false,
            ));
        }
        let s = &self.sessions;
        if s.no_shows + s.late_cancelled >= 2 {
            out.push(ComputedInsight::new(
                "Missed sessions".into(),
                format!(
                    "{} no-shows and {} late cancellations in the last {} weeks.{}",
                    s.no_shows,
                    s.late_cancelled,
                    s.weeks,
                    if s.booked_next_14_days == 0 {
                        " Nothing is booked for the next 14 days."
                    } else {
                        ""
                    }
                ),
                &[&s.reference],
                true,
            ));
        }
        out
    }
}

/// One exercise's trend in words: the headline and the text say the same thing, from the
/// same two trend values the evidence shows.
fn strength_insight(s: &StrengthTrend) -> ComputedInsight {
    let (headline, verb) = match s.direction {
        Direction::Up => ("is going up", "rose"),
        Direction::Down => ("is going down", "fell"),
        Direction::Steady => ("is holding steady", "stayed level"),
    };
    let text = match s.direction {
        Direction::Steady => format!(
            "On trend, estimated 1RM {verb} over {} workouts in the last {WINDOW_WEEKS} weeks ({} → {} kg): the change is within day-to-day variation.",
            s.workouts, s.trend_from_kg, s.trend_to_kg
        ),
        _ => format!(
            "On trend, estimated 1RM {verb} from {} to {} kg over {} workouts in the last {WINDOW_WEEKS} weeks ({:+} kg a week).",
            s.trend_from_kg, s.trend_to_kg, s.workouts, s.slope_kg_per_week
        ),
    };
    ComputedInsight::new(
        format!("{} {headline}", s.exercise),
        text,
        &[&s.reference],
        s.direction == Direction::Down,
    )
}

fn measurement_insight(m: &MeasurementTrend) -> ComputedInsight {
    let metric = capitalise(&m.metric);
    let headline = match m.direction {
        Direction::Up => "rising trend",
        Direction::Down => "falling trend",
        Direction::Steady => "holding steady",
    };
    ComputedInsight::new(
        format!("{metric}: {headline}"),
        format!(
            "On trend, {} went from {} to {} {} over {} measurements.",
            m.metric, m.trend_from, m.trend_to, m.unit, m.points
        ),
        &[&m.reference],
        false,
    )
}

/// An insight computed without a model.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputedInsight {
    pub title: String,
    pub text: String,
    pub refs: Vec<String>,
    /// Calls for action (a suggestion) rather than being good to know.
    pub actionable: bool,
}

impl ComputedInsight {
    fn new(title: String, text: String, refs: &[&str], actionable: bool) -> Self {
        Self {
            title,
            text,
            refs: refs.iter().map(|r| (*r).to_owned()).collect(),
            actionable,
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
