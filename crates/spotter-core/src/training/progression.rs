//! Generating the following weeks of a plan from its first week and its rule: linear load
//! increases, double progression (reps up to the top of the range, then load) and deloads.

use super::plan::{
    LoadKind, Measure, PlanBody, PlanWeek, Prescription, Progression, MAX_LOAD_KG, MAX_WEEKS,
};
use spotter_store::{AppError, Result};

/// Rounds a load to what a gym can load: 0.5 kg steps.
fn round_load(kg: f64) -> f64 {
    ((kg * 2.0).round() / 2.0).clamp(0.0, MAX_LOAD_KG)
}

/// A deload: about half the sets, 10% lighter, two points easier.
fn deload(p: &Prescription) -> Prescription {
    let mut out = p.clone();
    out.sets = p.sets.div_ceil(2).max(1);
    out.load.value = match (p.load.kind, p.load.value) {
        (LoadKind::Kg, Some(v)) => Some(round_load(v * 0.9)),
        (LoadKind::PercentOneRm, Some(v)) => Some((v - 10.0).max(5.0)),
        (LoadKind::Rpe, Some(v)) => Some((v - 2.0).max(1.0)),
        (LoadKind::Rir, Some(v)) => Some((v + 2.0).min(10.0)),
        (_, v) => v,
    };
    out
}

/// The prescription `step` progressions after the base one.
fn progress(p: &Prescription, rule: Option<&Progression>, step: u32) -> Prescription {
    let mut out = p.clone();
    let add_kg = |out: &mut Prescription, kg: f64| {
        if let (LoadKind::Kg, Some(v)) = (out.load.kind, out.load.value) {
            out.load.value = Some(round_load(v + kg));
        }
    };
    match rule {
        None => {}
        Some(Progression::Linear { increment_kg }) => {
            add_kg(&mut out, increment_kg * f64::from(step))
        }
        // Double progression climbs a rep range; a timed or distance prescription keeps its
        // time or distance (the trainer sets those by hand).
        Some(Progression::Double { .. }) if p.measure != Measure::Reps => {}
        Some(Progression::Double { increment_kg }) => {
            let span = p.reps_max - p.reps_min + 1;
            if span > 1 {
                let reps = p.reps_min + step % span;
                out.reps_min = reps;
                out.reps_max = reps;
                add_kg(&mut out, increment_kg * f64::from(step / span));
            }
        }
    }
    out
}

/// Returns the body with `total_weeks` weeks: week 1 as given, the rest generated from it by
/// the body's rule. Deload weeks do not advance the progression.
pub fn generate(body: &PlanBody, total_weeks: usize) -> Result<PlanBody> {
    let Some(base) = body.weeks.first() else {
        return Err(AppError::validation(
            "weeks",
            "A plan needs a first week to generate from",
        ));
    };
    if total_weeks == 0 || total_weeks > MAX_WEEKS {
        return Err(AppError::validation(
            "totalWeeks",
            format!("Generate 1 to {MAX_WEEKS} weeks"),
        ));
    }
    let mut weeks = Vec::with_capacity(total_weeks);
    let mut step: u32 = 0;
    for w in 1..=total_weeks as u32 {
        let is_deload = body.rule.deload_every.is_some_and(|n| n >= 2 && w % n == 0);
        let days = base
            .days
            .iter()
            .map(|d| {
                let mut day = d.clone();
                day.items = d
                    .items
                    .iter()
                    .map(|p| {
                        if is_deload {
                            // Lighter than the week before it.
                            deload(&progress(
                                p,
                                body.rule.progression.as_ref(),
                                step.saturating_sub(1),
                            ))
                        } else {
                            progress(p, body.rule.progression.as_ref(), step)
                        }
                    })
                    .collect();
                day
            })
            .collect();
        weeks.push(PlanWeek {
            deload: is_deload,
            days,
        });
        if !is_deload {
            step += 1;
        }
    }
    Ok(PlanBody {
        weeks,
        rule: body.rule.clone(),
        notes: body.notes.clone(),
    })
}
