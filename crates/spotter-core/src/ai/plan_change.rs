//! A change to a client's plan proposed by the workout optimizer, stored with its review
//! item and applied only when the trainer accepts: a new plan version authored "AI".
//!
//! Places are 0-based (week, day, row) in the plan body. A change at a week applies from
//! that week on: in every later week whose same row still holds the same exercise (for
//! add: to the same day of every later week), so the rest of the block follows.

use serde::{Deserialize, Serialize};

use crate::training::exercises::Caution;
use crate::training::plan::{self, Load, PlanBody, Prescription};
use spotter_store::{AppError, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PlanChange {
    /// New sets and/or rep range for a prescription.
    Change {
        week: u32,
        day: u32,
        row: u32,
        sets: Option<u32>,
        reps_min: Option<u32>,
        reps_max: Option<u32>,
    },
    /// Another exercise in the same place, same sets, reps and notes (the load starts afresh).
    Replace {
        week: u32,
        day: u32,
        row: u32,
        exercise_id: String,
        exercise_name: String,
    },
    Remove {
        week: u32,
        day: u32,
        row: u32,
    },
    /// A new prescription at the end of a day.
    Add {
        week: u32,
        day: u32,
        exercise_id: String,
        exercise_name: String,
        sets: u32,
        reps_min: u32,
        reps_max: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanChangeAction {
    pub plan_id: String,
    /// The version the proposal was made from; accepting on top of a newer one is refused.
    pub base_version: u32,
    pub changes: Vec<PlanChange>,
}

/// The rule, not a prompt: an exercise whose caution names a body area the client has an
/// injury or limitation in is never proposed.
pub fn contraindication<'a>(cautions: &'a [Caution], body_areas: &[String]) -> Option<&'a Caution> {
    cautions
        .iter()
        .find(|c| body_areas.iter().any(|a| a.eq_ignore_ascii_case(&c.area)))
}

fn item<'a>(body: &'a PlanBody, week: u32, day: u32, row: u32) -> Result<&'a Prescription> {
    body.weeks
        .get(week as usize)
        .and_then(|w| w.days.get(day as usize))
        .and_then(|d| d.items.get(row as usize))
        .ok_or_else(|| {
            AppError::validation(
                "changes",
                format!(
                    "week {}, day {}, row {} is not in the plan",
                    week + 1,
                    day + 1,
                    row + 1
                ),
            )
        })
}

/// The body with the changes made, validated like any save.
pub fn apply(body: &PlanBody, changes: &[PlanChange]) -> Result<PlanBody> {
    let mut out = body.clone();
    // Rows to remove, collected first so indices stay valid while the rest is applied.
    let mut removals: Vec<(usize, usize, usize)> = Vec::new();
    for change in changes {
        match change {
            PlanChange::Change {
                week,
                day,
                row,
                sets,
                reps_min,
                reps_max,
            } => {
                let original = item(body, *week, *day, *row)?.exercise_id.clone();
                for w in (*week as usize)..out.weeks.len() {
                    // A later deload week stays a deload: it keeps its own, lower number of sets.
                    let keeps_sets = w != *week as usize && out.weeks[w].deload;
                    if let Some(p) = out.weeks[w]
                        .days
                        .get_mut(*day as usize)
                        .and_then(|d| d.items.get_mut(*row as usize))
                    {
                        if p.exercise_id == original {
                            if let Some(s) = sets.filter(|_| !keeps_sets) {
                                p.sets = s;
                            }
                            if let Some(r) = reps_min {
                                p.reps_min = *r;
                            }
                            if let Some(r) = reps_max {
                                p.reps_max = *r;
                            }
                        }
                    }
                }
            }
            PlanChange::Replace {
                week,
                day,
                row,
                exercise_id,
                exercise_name,
            } => {
                let original = item(body, *week, *day, *row)?.exercise_id.clone();
                for w in (*week as usize)..out.weeks.len() {
                    if let Some(p) = out.weeks[w]
                        .days
                        .get_mut(*day as usize)
                        .and_then(|d| d.items.get_mut(*row as usize))
                    {
                        if p.exercise_id == original {
                            p.exercise_id = exercise_id.clone();
                            p.exercise_name = exercise_name.clone();
                            // 60 kg on one lift says nothing about another.
                            if p.load.kind == plan::LoadKind::Kg {
                                p.load = Load::default();
                            }
                        }
                    }
                }
            }
            PlanChange::Remove { week, day, row } => {
                let original = item(body, *week, *day, *row)?.exercise_id.clone();
                for w in (*week as usize)..out.weeks.len() {
                    if out.weeks[w]
                        .days
                        .get(*day as usize)
                        .and_then(|d| d.items.get(*row as usize))
                        .is_some_and(|p| p.exercise_id == original)
                    {
                        removals.push((w, *day as usize, *row as usize));
                    }
                }
            }
            PlanChange::Add {
                week,
                day,
                exercise_id,
                exercise_name,
                sets,
                reps_min,
                reps_max,
            } => {
                if body
                    .weeks
                    .get(*week as usize)
                    .and_then(|w| w.days.get(*day as usize))
                    .is_none()
                {
                    return Err(AppError::validation(
                        "changes",
                        format!("week {}, day {} is not in the plan", week + 1, day + 1),
                    ));
                }
                for w in (*week as usize)..out.weeks.len() {
                    if let Some(d) = out.weeks[w].days.get_mut(*day as usize) {
                        d.items.push(Prescription {
                            exercise_id: exercise_id.clone(),
                            exercise_name: exercise_name.clone(),
                            sets: *sets,
                            measure: Default::default(),
                            reps_min: *reps_min,
                            reps_max: *reps_max,
                            load: Load::default(),
                            tempo: String::new(),
                            rest_seconds: None,
                            notes: String::new(),
                            group: None,
                            group_kind: None,
                        });
                    }
                }
            }
        }
    }
    removals.sort_unstable();
    removals.dedup();
    for (w, d, r) in removals.into_iter().rev() {
        out.weeks[w].days[d].items.remove(r);
    }
    plan::validate(&out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::plan::{Load, LoadKind, PlanDay, PlanWeek};

    fn week(sets: u32, deload: bool) -> PlanWeek {
        let squat = Prescription {
            exercise_id: "squat".into(),
            exercise_name: "Back Squat".into(),
            sets,
            measure: Default::default(),
            reps_min: 5,
            reps_max: 5,
            load: Load {
                kind: LoadKind::Kg,
                value: Some(80.0),
            },
            tempo: String::new(),
            rest_seconds: None,
            notes: String::new(),
            group: None,
            group_kind: None,
        };
        PlanWeek {
            deload,
            days: vec![PlanDay {
                name: "Lower".into(),
                day_offset: 0,
                items: vec![squat],
            }],
        }
    }

    #[test]
    fn more_sets_from_a_week_on_leave_later_deload_weeks_as_they_are() {
        let body = PlanBody {
            weeks: vec![
                week(4, false),
                week(4, false),
                week(2, true),
                week(4, false),
            ],
            ..Default::default()
        };
        let change = PlanChange::Change {
            week: 1,
            day: 0,
            row: 0,
            sets: Some(5),
            reps_min: Some(6),
            reps_max: Some(6),
        };
        let out = apply(&body, &[change]).unwrap();
        let sets: Vec<u32> = out.weeks.iter().map(|w| w.days[0].items[0].sets).collect();
        assert_eq!(
            sets,
            [4, 5, 2, 5],
            "before the change, the change, the deload, after"
        );
        let reps: Vec<u32> = out
            .weeks
            .iter()
            .map(|w| w.days[0].items[0].reps_min)
            .collect();
        assert_eq!(reps, [5, 6, 6, 6], "reps change in the deload week too");
    }

    #[test]
    fn a_change_made_in_a_deload_week_applies_there() {
        let body = PlanBody {
            weeks: vec![week(2, true), week(4, false)],
            ..Default::default()
        };
        let change = PlanChange::Change {
            week: 0,
            day: 0,
            row: 0,
            sets: Some(3),
            reps_min: None,
            reps_max: None,
        };
        let out = apply(&body, &[change]).unwrap();
        assert_eq!(out.weeks[0].days[0].items[0].sets, 3);
        assert_eq!(out.weeks[1].days[0].items[0].sets, 3);
    }
}
