//! The workout optimizer's facts: the client's current plan week by week place ("D1.2" is
//! day 1, row 2 of the current week), how each of its exercises is going, and the exercises
//! it may propose instead: never one whose caution matches the client's injuries (a rule,
//! checked here and again when the answer comes back).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::progress::ProgressFacts;
use crate::ai::plan_change::contraindication;
use crate::ai::privacy::Pseudonyms;
use crate::clients::Client;
use crate::training::exercises::{self, Exercise, ExerciseQuery};
use crate::training::plan::describe;
use crate::training::plans::{self, Plan, PlanListQuery};
use spotter_store::{Database, Result};

/// At most this many alternatives are offered to the model.
const ALTERNATIVES: usize = 40;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptimizerFacts {
    pub client: super::progress::ClientFacts,
    pub plan: Option<PlanFacts>,
    /// How the plan's exercises are going (from the progress monitor's facts).
    pub trends: Vec<super::progress::StrengthTrend>,
    pub adherence: Option<super::progress::AdherenceFact>,
    /// Exercises that may be added or swapped in: none conflicts with the client's injuries.
    pub alternatives: Vec<Alternative>,
    /// Rows of the plan whose exercise has a caution matching the client's injuries.
    pub flagged: Vec<Flagged>,
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanFacts {
    pub name: String,
    pub version: u32,
    /// The week the changes start from (1-based), and how many there are.
    pub week: u32,
    pub weeks: u32,
    pub days: Vec<DayFacts>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayFacts {
    #[serde(rename = "ref")]
    pub reference: String,
    pub name: String,
    pub rows: Vec<RowFacts>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowFacts {
    #[serde(rename = "ref")]
    pub reference: String,
    pub exercise: String,
    pub prescription: String,
    pub sets: u32,
    pub reps_min: u32,
    pub reps_max: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    #[serde(rename = "ref")]
    pub reference: String,
    pub name: String,
    pub primary_muscles: Vec<String>,
    pub equipment: Vec<String>,
    pub pattern: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flagged {
    #[serde(rename = "ref")]
    pub row: String,
    pub exercise: String,
    pub caution: String,
}

/// Everything the optimizer agent needs besides the facts it sends.
pub struct OptimizerContext {
    pub facts: OptimizerFacts,
    pub plan: Option<Plan>,
    /// The week (0-based) changes start from.
    pub week: u32,
    /// "D1.2" → (day, row), 0-based.
    pub rows: HashMap<String, (u32, u32)>,
    /// "E3" → the exercise.
    pub alternatives: HashMap<String, Exercise>,
    /// Every exercise in the library, by id, for the rule check on the way back.
    pub library: HashMap<String, Exercise>,
}

/// The plan running today (the latest started), else the next to start.
pub async fn current_plan(
    db: &Database,
    client_id: &str,
    today: NaiveDate,
) -> Result<Option<Plan>> {
    let list = plans::list(
        db,
        &PlanListQuery {
            templates: Some(false),
            client_id: Some(client_id.to_owned()),
        },
    )
    .await?;
    let today_s = today.format("%Y-%m-%d").to_string();
    let mut dated: Vec<_> = list
        .into_iter()
        .filter(|p| p.start_date.is_some())
        .collect();
    dated.sort_by(|a, b| b.start_date.cmp(&a.start_date));
    let pick = dated
        .iter()
        .find(|p| {
            p.start_date
                .as_deref()
                .is_some_and(|s| s <= today_s.as_str())
        })
        .or_else(|| dated.last());
    match pick {
        Some(p) => Ok(Some(plans::get(db, &p.id).await?)),
        None => Ok(None),
    }
}

pub async fn compute(
    db: &Database,
    client: &Client,
    today: NaiveDate,
    progress: &ProgressFacts,
    names: &mut Pseudonyms,
) -> Result<OptimizerContext> {
    let library: HashMap<String, Exercise> = exercises::list(
        db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .map(|e| (e.id.clone(), e))
    .collect();
    let plan = current_plan(db, &client.id, today).await?;
    let mut missing = progress.missing.clone();
    let mut rows = HashMap::new();
    let mut flagged = Vec::new();
    let mut week = 0;
    let plan_facts = match &plan {
        None => {
            missing.push("no plan is assigned to this client".into());
            None
        }
        Some(p) => {
            let start = p
                .start_date
                .as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .unwrap_or(today);
            let weeks = p.body.weeks.len() as u32;
            week = u32::try_from((today - start).num_days().max(0) / 7)
                .unwrap_or(0)
                .min(weeks.saturating_sub(1));
            let days = p
                .body
                .weeks
                .get(week as usize)
                .map(|w| w.days.as_slice())
                .unwrap_or_default();
            let days = days
                .iter()
                .enumerate()
                .map(|(d, day)| DayFacts {
                    reference: format!("D{}", d + 1),
                    name: names.scrub(&day.name),
                    rows: day
                        .items
                        .iter()
                        .enumerate()
                        .map(|(r, item)| {
                            let reference = format!("D{}.{}", d + 1, r + 1);
                            rows.insert(reference.clone(), (d as u32, r as u32));
                            if let Some(c) = library
                                .get(&item.exercise_id)
                                .and_then(|e| contraindication(&e.cautions, &client.body_areas))
                            {
                                flagged.push(Flagged {
                                    row: reference.clone(),
                                    exercise: item.exercise_name.clone(),
                                    caution: c.text.clone(),
                                });
                            }
                            RowFacts {
                                reference,
                                exercise: item.exercise_name.clone(),
                                prescription: describe(item),
                                sets: item.sets,
                                reps_min: item.reps_min,
                                reps_max: item.reps_max,
                            }
                        })
                        .collect(),
                })
                .collect();
            Some(PlanFacts {
                name: names.scrub(&p.name),
                version: p.version,
                week: week + 1,
                weeks,
                days,
            })
        }
    };

    // Alternatives: safe for this client, training the muscles the plan trains, most
    // relevant first (shared primary muscles), then by name for a stable list.
    let trained: Vec<&String> = plan
        .iter()
        .flat_map(|p| {
            p.body
                .weeks
                .iter()
                .flat_map(|w| w.days.iter().flat_map(|d| d.items.iter()))
        })
        .filter_map(|i| library.get(&i.exercise_id))
        .flat_map(|e| e.primary_muscles.iter())
        .collect();
    let mut candidates: Vec<&Exercise> = library
        .values()
        .filter(|e| !e.hidden && contraindication(&e.cautions, &client.body_areas).is_none())
        .filter(|e| trained.is_empty() || e.primary_muscles.iter().any(|m| trained.contains(&m)))
        .collect();
    candidates.sort_by(|a, b| {
        let score = |e: &Exercise| {
            e.primary_muscles
                .iter()
                .filter(|m| trained.contains(m))
                .count()
        };
        score(b).cmp(&score(a)).then_with(|| a.name.cmp(&b.name))
    });
    let mut alternatives = HashMap::new();
    let alt_facts = candidates
        .into_iter()
        .take(ALTERNATIVES)
        .enumerate()
        .map(|(i, e)| {
            let reference = format!("E{}", i + 1);
            alternatives.insert(reference.clone(), e.clone());
            Alternative {
                reference,
                name: e.name.clone(),
                primary_muscles: e.primary_muscles.clone(),
                equipment: e.equipment.clone(),
                pattern: e.pattern.clone(),
            }
        })
        .collect();

    let in_plan: Vec<&str> = plan
        .iter()
        .flat_map(|p| {
            p.body.weeks.iter().flat_map(|w| {
                w.days
                    .iter()
                    .flat_map(|d| d.items.iter().map(|i| i.exercise_name.as_str()))
            })
        })
        .collect();
    let facts = OptimizerFacts {
        client: progress.client.clone(),
        plan: plan_facts,
        trends: progress
            .strength
            .iter()
            .filter(|s| in_plan.contains(&s.exercise.as_str()))
            .cloned()
            .collect(),
        adherence: progress.adherence.clone(),
        alternatives: alt_facts,
        flagged,
        missing,
    };
    Ok(OptimizerContext {
        facts,
        plan,
        week,
        rows,
        alternatives,
        library,
    })
}
