//! Workout optimizer: proposes changes to a client's current plan as a structured diff
//! (change, replace, remove, add) from the goals, the logs and recent performance. An
//! exercise whose caution matches the client's injuries is never proposed: the facts
//! offer only safe alternatives, and every answer is checked against the rule again.
//! Accepting the review item saves a new plan version authored "AI".

use chrono::NaiveDate;
use serde_json::Value;
use spotter_core::ai::facts::optimizer::{self, OptimizerContext};
use spotter_core::ai::facts::{progress, to_json};
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::plan_change::{self, contraindication, PlanChange, PlanChangeAction};
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};
use spotter_core::clients::Client;
use spotter_store::{Database, Result};

use super::{parse_json, Prepared};
use crate::llm::Message;

pub const SYSTEM_PROMPT: &str = "You are the workout optimizer in Spotter, an app for personal trainers. \
You get one client's goals, limitations, current plan week (rows like \"D1.2\" = day 1, row 2), how each exercise is going, \
and the exercises you may bring in (refs \"E1\" …; none conflicts with the client's injuries). Propose at most 5 changes that \
serve the goals: \"change\" sets or reps of a row, \"replace\" a row's exercise with an alternative, \"remove\" a row, \"add\" an \
alternative to a day (target = the day's ref). Changes apply from this week on. Any row listed under \"flagged\" must be replaced or removed. \
Use only exercises from the alternatives; state only numbers from the facts or your proposed sets and reps; refer to the client by label. \
Give each change a short reason and a summary for the trainer. Answer with JSON only.";

pub fn schema() -> (String, Value) {
    let nullable = |t: &str| serde_json::json!({ "type": [t, "null"] });
    (
        "plan_changes".into(),
        serde_json::json!({
            "type": "object",
            "properties": {
                "summary": { "type": "string" },
                "changes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "op": { "type": "string", "enum": ["change", "replace", "remove", "add"] },
                            "target": { "type": "string" },
                            "exercise": nullable("string"),
                            "sets": nullable("integer"),
                            "repsMin": nullable("integer"),
                            "repsMax": nullable("integer"),
                            "reason": { "type": "string" }
                        },
                        "required": ["op", "target", "exercise", "sets", "repsMin", "repsMax", "reason"],
                        "additionalProperties": false
                    }
                }
            },
            "required": ["summary", "changes"],
            "additionalProperties": false
        }),
    )
}

pub async fn prepare(
    db: &Database,
    client: &Client,
    today: NaiveDate,
) -> Result<(Prepared, OptimizerContext)> {
    let mut names = Pseudonyms::new();
    let progress = progress::compute(db, client, today, &mut names).await?;
    let ctx = optimizer::compute(db, client, today, &progress, &mut names).await?;
    let facts = to_json(&ctx.facts);
    let computed = computed(&ctx, &client.id, &names);
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Facts about {}:\n{}",
            ctx.facts.client.label,
            serde_json::to_string_pretty(&facts).unwrap_or_default()
        )),
    ];
    let prepared = Prepared {
        allowed: AllowedNumbers::from_facts(&facts),
        facts,
        messages,
        schema: schema(),
        computed,
        names,
        evidence: Vec::new(),
        client_id: Some(client.id.clone()),
        checker: super::Checker::Insights,
    };
    Ok((prepared, ctx))
}

/// Without a model: every flagged row is replaced by the closest safe alternative (same
/// movement pattern, else a shared primary muscle).
fn computed(ctx: &OptimizerContext, client_id: &str, names: &Pseudonyms) -> Vec<NewReviewItem> {
    let Some(plan) = &ctx.plan else {
        // Nothing to optimise: say what is missing instead of asking a model.
        return vec![NewReviewItem {
            client_id: Some(client_id.to_owned()),
            kind: ReviewKind::Insight,
            title: "No plan to optimise".into(),
            body: names.restore(&format!("{} has no plan assigned. Assign one (Training → Plans, or the client's Plans tab), then ask again.", ctx.facts.client.label)),
            evidence: Vec::new(),
            from_model: false,
            action: None,
            booking: None,
        }];
    };
    let mut changes = Vec::new();
    let mut lines = Vec::new();
    for f in &ctx.facts.flagged {
        let Some(&(day, row)) = ctx.rows.get(&f.row) else {
            continue;
        };
        let Some(current) = plan
            .body
            .weeks
            .get(ctx.week as usize)
            .and_then(|w| w.days.get(day as usize))
            .and_then(|d| d.items.get(row as usize))
        else {
            continue;
        };
        let Some(original) = ctx.library.get(&current.exercise_id) else {
            continue;
        };
        let mut alts: Vec<_> = ctx
            .alternatives
            .values()
            .filter(|e| e.id != original.id)
            .collect();
        alts.sort_by(|a, b| {
            let score = |e: &spotter_core::training::exercises::Exercise| {
                (e.pattern == original.pattern) as u8 * 2
                    + e.primary_muscles
                        .iter()
                        .any(|m| original.primary_muscles.contains(m)) as u8
            };
            score(b).cmp(&score(a)).then_with(|| a.name.cmp(&b.name))
        });
        let Some(alt) = alts.first() else { continue };
        changes.push(PlanChange::Replace {
            week: ctx.week,
            day,
            row,
            exercise_id: alt.id.clone(),
            exercise_name: alt.name.clone(),
        });
        lines.push(format!(
            "• Day {}: replace {} with {} ({})",
            day + 1,
            f.exercise,
            alt.name,
            f.caution
        ));
    }
    if changes.is_empty() {
        return Vec::new();
    }
    vec![NewReviewItem {
        client_id: Some(client_id.to_owned()),
        kind: ReviewKind::Suggestion,
        title: format!(
            "Swap exercises that conflict with injuries in “{}”",
            plan.name
        ),
        body: names.restore(&format!(
            "From week {} on:\n{}",
            ctx.week + 1,
            lines.join("\n")
        )),
        evidence: ctx
            .facts
            .flagged
            .iter()
            .map(|f| Evidence {
                label: f.exercise.clone(),
                value: f.caution.clone(),
            })
            .collect(),
        from_model: false,
        action: Some(PlanChangeAction {
            plan_id: plan.id.clone(),
            base_version: plan.version,
            changes,
        }),
        booking: None,
    }]
}

/// Checks a model's proposal: the schema, the places and exercises it names, the injury
/// rule, that the plan stays valid, and that its text states no number it may not.
pub fn interpret(
    prepared: &Prepared,
    ctx: &OptimizerContext,
    client: &Client,
    content: &str,
) -> Result<(Value, Vec<NewReviewItem>), String> {
    let json = parse_json(content)?;
    let Some(plan) = &ctx.plan else {
        return Err("there is no plan to change".into());
    };
    let summary = json
        .get("summary")
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or("");
    if summary.is_empty() {
        return Err("the answer has no \"summary\"".into());
    }
    let Some(list) = json.get("changes").and_then(Value::as_array) else {
        return Err("the answer has no \"changes\" array".into());
    };
    if list.is_empty() || list.len() > 8 {
        return Err(format!("give between 1 and 8 changes, not {}", list.len()));
    }
    let mut allowed = prepared.allowed.clone();
    let mut changes = Vec::new();
    let mut lines = Vec::new();
    let mut evidence = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let n = i + 1;
        let text = |k: &str| {
            c.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .unwrap_or("")
        };
        let number = |k: &str| {
            c.get(k)
                .and_then(Value::as_u64)
                .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
        };
        for v in ["sets", "repsMin", "repsMax"]
            .iter()
            .filter_map(|k| number(k))
        {
            allowed.allow(f64::from(v));
        }
        let reason = text("reason");
        if reason.is_empty() {
            return Err(format!("change {n} gives no reason"));
        }
        let target = text("target");
        let row = || {
            ctx.rows.get(target).copied().ok_or_else(|| format!("change {n} targets \"{target}\", which is not a row like \"D1.2\" in the facts"))
        };
        let exercise = || {
            let r = text("exercise");
            let e = ctx.alternatives.get(r).ok_or_else(|| format!("change {n} names exercise \"{r}\", which is not one of the alternatives (\"E1\" …)"))?;
            // The rule, again: the facts only offered safe exercises, but the answer is checked.
            if let Some(caution) = contraindication(&e.cautions, &client.body_areas) {
                return Err(format!(
                    "change {n} proposes {}, which conflicts with the client's injuries ({})",
                    e.name, caution.text
                ));
            }
            Ok(e)
        };
        let current = |day: u32, row: u32| {
            plan.body.weeks[ctx.week as usize].days[day as usize].items[row as usize]
                .exercise_name
                .clone()
        };
        let (change, line) = match text("op") {
            "change" => {
                let (day, r) = row()?;
                let (sets, reps_min, reps_max) =
                    (number("sets"), number("repsMin"), number("repsMax"));
                if sets.is_none() && reps_min.is_none() && reps_max.is_none() {
                    return Err(format!("change {n} changes nothing; give sets or reps"));
                }
                let what: Vec<String> = [
                    sets.map(|s| format!("{s} sets")),
                    reps_min.zip(reps_max).map(|(a, b)| {
                        if a == b {
                            format!("{a} reps")
                        } else {
                            format!("{a}–{b} reps")
                        }
                    }),
                ]
                .into_iter()
                .flatten()
                .collect();
                (
                    PlanChange::Change {
                        week: ctx.week,
                        day,
                        row: r,
                        sets,
                        reps_min,
                        reps_max,
                    },
                    format!("Day {}: {} → {}", day + 1, current(day, r), what.join(", ")),
                )
            }
            "replace" => {
                let (day, r) = row()?;
                let e = exercise()?;
                (
                    PlanChange::Replace {
                        week: ctx.week,
                        day,
                        row: r,
                        exercise_id: e.id.clone(),
                        exercise_name: e.name.clone(),
                    },
                    format!(
                        "Day {}: replace {} with {}",
                        day + 1,
                        current(day, r),
                        e.name
                    ),
                )
            }
            "remove" => {
                let (day, r) = row()?;
                (
                    PlanChange::Remove {
                        week: ctx.week,
                        day,
                        row: r,
                    },
                    format!("Day {}: remove {}", day + 1, current(day, r)),
                )
            }
            "add" => {
                let day = target
                    .strip_prefix('D')
                    .and_then(|d| d.parse::<u32>().ok())
                    .filter(|d| *d >= 1)
                    .map(|d| d - 1);
                let Some(day) =
                    day.filter(|d| plan.body.weeks[ctx.week as usize].days.len() > *d as usize)
                else {
                    return Err(format!("change {n} adds to \"{target}\", which is not a day like \"D1\" in the facts"));
                };
                let e = exercise()?;
                let (Some(sets), Some(reps_min), Some(reps_max)) =
                    (number("sets"), number("repsMin"), number("repsMax"))
                else {
                    return Err(format!("change {n} adds {} without sets and reps", e.name));
                };
                (
                    PlanChange::Add {
                        week: ctx.week,
                        day,
                        exercise_id: e.id.clone(),
                        exercise_name: e.name.clone(),
                        sets,
                        reps_min,
                        reps_max,
                    },
                    format!(
                        "Day {}: add {} {sets} × {}",
                        day + 1,
                        e.name,
                        if reps_min == reps_max {
                            reps_min.to_string()
                        } else {
                            format!("{reps_min}–{reps_max}")
                        }
                    ),
                )
            }
            other => {
                return Err(format!(
                    "change {n} has op \"{other}\"; use change, replace, remove or add"
                ))
            }
        };
        lines.push(format!("• {line}: {reason}"));
        evidence.push(Evidence {
            label: line,
            value: prepared.names.restore(reason),
        });
        changes.push(change);
    }
    let unsupported = allowed.unsupported(&format!("{summary}\n{}", lines.join("\n")));
    if !unsupported.is_empty() {
        return Err(format!(
            "the text states numbers that are not in the facts: {}; use only the facts' numbers",
            unsupported.join(", ")
        ));
    }
    plan_change::apply(&plan.body, &changes)
        .map_err(|e| format!("the changes would make the plan invalid: {}", e.message))?;
    let item = NewReviewItem {
        client_id: prepared.client_id.clone(),
        kind: ReviewKind::Suggestion,
        title: format!("Changes to “{}” from week {}", plan.name, ctx.week + 1),
        body: prepared
            .names
            .restore(&format!("{summary}\n{}", lines.join("\n"))),
        evidence,
        from_model: true,
        action: Some(PlanChangeAction {
            plan_id: plan.id.clone(),
            base_version: plan.version,
            changes,
        }),
        booking: None,
    };
    Ok((json, vec![item]))
}
