//! What a workout plan is: weeks → days → prescriptions, plus how later weeks progress.
//! A plan version stores this whole body as JSON, so a version is one row and restoring
//! one is copying it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use spotter_store::{AppError, Result};

pub const MAX_WEEKS: usize = 52;
pub const MAX_DAYS_PER_WEEK: usize = 7;
pub const MAX_ITEMS_PER_DAY: usize = 40;
pub const MAX_SETS: u32 = 20;
pub const MAX_REPS: u32 = 100;
/// A timed prescription (a plank, a wall sit, a run) holds at most an hour.
pub const MAX_SECONDS: u32 = 3_600;
/// A distance prescription covers at most 50 km.
pub const MAX_METRES: u32 = 50_000;
pub const MAX_LOAD_KG: f64 = 1_000.0;
pub const MAX_REST_SECONDS: u32 = 1_800;
pub const MAX_NOTE_CHARS: usize = 1_000;

/// How the load of a prescription is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
pub enum LoadKind {
    /// No load prescribed (bodyweight, or "choose a weight").
    #[default]
    None,
    Kg,
    /// Percent of the client's one-repetition maximum.
    PercentOneRm,
    /// Rate of perceived exertion, 1–10.
    Rpe,
    /// Repetitions in reserve, 0–10.
    Rir,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct Load {
    pub kind: LoadKind,
    #[ts(optional = nullable)]
    pub value: Option<f64>,
}

/// What a prescription's numbers count: repetitions (3 × 8–12), seconds held (plank 3 × 45 s)
/// or metres covered (sled push 4 × 20 m).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Reps,
    Seconds,
    Metres,
}

impl Measure {
    /// The highest count a prescription or a logged set may have in this measure.
    pub fn max(self) -> u32 {
        match self {
            Measure::Reps => MAX_REPS,
            Measure::Seconds => MAX_SECONDS,
            Measure::Metres => MAX_METRES,
        }
    }

    /// "Reps", "Seconds", "Metres": the word error messages start with.
    pub fn noun(self) -> &'static str {
        match self {
            Measure::Reps => "Reps",
            Measure::Seconds => "Seconds",
            Measure::Metres => "Metres",
        }
    }
}

/// Supersets alternate two or three exercises; circuits go round several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Superset,
    Circuit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prescription {
    pub exercise_id: String,
    /// The exercise's name when saved, so old versions and PDFs read well even if it is renamed.
    pub exercise_name: String,
    pub sets: u32,
    /// What `reps_min` and `reps_max` count. Absent in plans saved before timed and distance
    /// prescriptions existed, which were all reps; the field names stay so they read unchanged.
    #[serde(default)]
    pub measure: Measure,
    /// The bottom of the range, in `measure` (reps, seconds or metres).
    pub reps_min: u32,
    /// Equal to `reps_min` for a fixed count; higher for a range ("8–12", "30–45 s").
    pub reps_max: u32,
    pub load: Load,
    #[serde(default)]
    pub tempo: String,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub rest_seconds: Option<u32>,
    #[serde(default)]
    pub notes: String,
    /// Adjacent prescriptions with the same group label form a superset or circuit ("A").
    #[ts(optional = nullable)]
    #[serde(default)]
    pub group: Option<String>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub group_kind: Option<GroupKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDay {
    pub name: String,
    /// Days after the week's first day (0–6): with the plan's start date this gives the date.
    pub day_offset: u32,
    pub items: Vec<Prescription>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanWeek {
    #[serde(default)]
    pub deload: bool,
    pub days: Vec<PlanDay>,
}

/// How the weeks after the first are generated (see `progression`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Progression {
    /// Add this many kg to every kg load each week.
    #[serde(rename = "linear")]
    Linear { increment_kg: f64 },
    /// Add a rep each week up to the top of the range, then add load and start again at the bottom.
    #[serde(rename = "double")]
    Double { increment_kg: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct ProgressionRule {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub progression: Option<Progression>,
    /// Every Nth week is a deload (fewer sets, lighter loads); none for no deloads.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub deload_every: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct PlanBody {
    pub weeks: Vec<PlanWeek>,
    #[serde(default)]
    pub rule: ProgressionRule,
    #[serde(default)]
    pub notes: String,
}

fn at(week: usize, day: usize, item: usize) -> String {
    format!("week {}, day {}, row {}", week + 1, day + 1, item + 1)
}

/// Checks a plan body; errors name the field and say where in the plan the problem is.
pub fn validate(body: &PlanBody) -> Result<()> {
    if body.weeks.is_empty() {
        return Err(AppError::validation(
            "weeks",
            "A plan needs at least one week",
        ));
    }
    if body.weeks.len() > MAX_WEEKS {
        return Err(AppError::validation(
            "weeks",
            format!("A plan has at most {MAX_WEEKS} weeks"),
        ));
    }
    if body.notes.chars().count() > MAX_NOTE_CHARS * 4 {
        return Err(AppError::validation("notes", "Plan notes are too long"));
    }
    if let Some(n) = body.rule.deload_every {
        if !(2..=12).contains(&n) {
            return Err(AppError::validation(
                "deloadEvery",
                "A deload comes every 2 to 12 weeks",
            ));
        }
    }
    if let Some(Progression::Linear { increment_kg } | Progression::Double { increment_kg }) =
        body.rule.progression
    {
        if !increment_kg.is_finite() || !(0.0..=50.0).contains(&increment_kg) {
            return Err(AppError::validation(
                "incrementKg",
                "The weekly load increase is between 0 and 50 kg",
            ));
        }
    }
    for (w, week) in body.weeks.iter().enumerate() {
        if week.days.is_empty() {
            return Err(AppError::validation(
                "days",
                format!("Week {} has no days", w + 1),
            ));
        }
        if week.days.len() > MAX_DAYS_PER_WEEK {
            return Err(AppError::validation(
                "days",
                format!("Week {} has more than 7 days", w + 1),
            ));
        }
        let mut offsets = Vec::new();
        for (d, day) in week.days.iter().enumerate() {
            let name = day.name.trim();
            if name.is_empty() || name.chars().count() > 80 {
                return Err(AppError::validation(
                    "dayName",
                    format!(
                        "Week {}, day {} needs a name (up to 80 characters)",
                        w + 1,
                        d + 1
                    ),
                ));
            }
            if day.day_offset > 6 {
                return Err(AppError::validation(
                    "dayOffset",
                    format!(
                        "Week {}, day {}: the weekday is 0–6 days after the week starts",
                        w + 1,
                        d + 1
                    ),
                ));
            }
            if offsets.contains(&day.day_offset) {
                return Err(AppError::validation(
                    "dayOffset",
                    format!("Week {}: two days fall on the same weekday", w + 1),
                ));
            }
            offsets.push(day.day_offset);
            if day.items.len() > MAX_ITEMS_PER_DAY {
                return Err(AppError::validation(
                    "items",
                    format!(
                        "Week {}, day {} has more than {MAX_ITEMS_PER_DAY} exercises",
                        w + 1,
                        d + 1
                    ),
                ));
            }
            validate_groups(w, d, &day.items)?;
            for (i, p) in day.items.iter().enumerate() {
                validate_prescription(p).map_err(|e| AppError {
                    message: format!("{}: {}", at(w, d, i), e.message),
                    ..e
                })?;
            }
        }
    }
    Ok(())
}

fn validate_groups(w: usize, d: usize, items: &[Prescription]) -> Result<()> {
    let mut closed: Vec<&str> = Vec::new();
    let mut current: Option<(&str, Option<GroupKind>)> = None;
    for (i, p) in items.iter().enumerate() {
        let label = p.group.as_deref().map(str::trim).filter(|g| !g.is_empty());
        match (current, label) {
            (Some((c, kind)), Some(l)) if c == l => {
                if kind != p.group_kind {
                    return Err(AppError::validation(
                        "group",
                        format!("{}: group {l} mixes superset and circuit", at(w, d, i)),
                    ));
                }
            }
            (_, Some(l)) => {
                if closed.contains(&l) {
                    return Err(AppError::validation(
                        "group",
                        format!(
                            "{}: the exercises of group {l} must be next to each other",
                            at(w, d, i)
                        ),
                    ));
                }
                if let Some((c, _)) = current {
                    closed.push(c);
                }
                if p.group_kind.is_none() {
                    return Err(AppError::validation(
                        "group",
                        format!(
                            "{}: say whether group {l} is a superset or a circuit",
                            at(w, d, i)
                        ),
                    ));
                }
                current = Some((l, p.group_kind));
            }
            (Some((c, _)), None) => {
                closed.push(c);
                current = None;
            }
            (None, None) => {}
        }
    }
    Ok(())
}

pub fn validate_prescription(p: &Prescription) -> Result<()> {
    if p.exercise_id.trim().is_empty() {
        return Err(AppError::validation("exerciseId", "Choose an exercise"));
    }
    if p.sets == 0 || p.sets > MAX_SETS {
        return Err(AppError::validation(
            "sets",
            format!("Sets are 1 to {MAX_SETS}"),
        ));
    }
    let (noun, max) = (p.measure.noun(), p.measure.max());
    if p.reps_min == 0 || p.reps_min > max {
        return Err(AppError::validation(
            "repsMin",
            format!("{noun} are 1 to {max}"),
        ));
    }
    if p.reps_max < p.reps_min || p.reps_max > max {
        return Err(AppError::validation(
            "repsMax",
            format!(
                "The top of the range is at least its bottom and at most {max} {}",
                noun.to_lowercase()
            ),
        ));
    }
    let v = p.load.value;
    match p.load.kind {
        LoadKind::None => {}
        LoadKind::Kg => match v {
            Some(v) if v.is_finite() && (0.0..=MAX_LOAD_KG).contains(&v) => {}
            _ => {
                return Err(AppError::validation(
                    "load",
                    format!("A load is 0 to {MAX_LOAD_KG} kg"),
                ))
            }
        },
        LoadKind::PercentOneRm => match v {
            Some(v) if v.is_finite() && v > 0.0 && v <= 120.0 => {}
            _ => {
                return Err(AppError::validation(
                    "load",
                    "A percentage of 1RM is above 0 and at most 120",
                ))
            }
        },
        LoadKind::Rpe => match v {
            Some(v) if v.is_finite() && (1.0..=10.0).contains(&v) => {}
            _ => return Err(AppError::validation("load", "RPE is between 1 and 10")),
        },
        LoadKind::Rir => match v {
            Some(v) if v.is_finite() && (0.0..=10.0).contains(&v) => {}
            _ => return Err(AppError::validation("load", "RIR is between 0 and 10")),
        },
    }
    if p.tempo.chars().count() > 12 {
        return Err(AppError::validation(
            "tempo",
            "Tempo is short, like 3-1-1-0",
        ));
    }
    if let Some(r) = p.rest_seconds {
        if r > MAX_REST_SECONDS {
            return Err(AppError::validation(
                "restSeconds",
                "Rest is at most 30 minutes",
            ));
        }
    }
    if p.notes.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::validation(
            "notes",
            format!("A note is at most {MAX_NOTE_CHARS} characters"),
        ));
    }
    Ok(())
}

/// "3 × 8–12 @ 60 kg", "3 × 45 s", "4 × 20 m" — how a prescription reads in summaries and PDFs.
pub fn describe(p: &Prescription) -> String {
    let reps = describe_amount(p.measure, p.reps_min, p.reps_max);
    let load = describe_load(&p.load);
    if load.is_empty() {
        format!("{} × {reps}", p.sets)
    } else {
        format!("{} × {reps} @ {load}", p.sets)
    }
}

/// "8–12", "45 s", "30–45 s", "400 m", "1.5 km": a count or range in its measure.
pub fn describe_amount(measure: Measure, min: u32, max: u32) -> String {
    let range = |a: String, b: String| if max > min { format!("{a}–{b}") } else { a };
    match measure {
        Measure::Reps => range(min.to_string(), max.to_string()),
        Measure::Seconds => format!("{} s", range(min.to_string(), max.to_string())),
        Measure::Metres if min >= 1_000 => format!(
            "{} km",
            range(
                fmt_num(f64::from(min) / 1000.0),
                fmt_num(f64::from(max) / 1000.0)
            )
        ),
        Measure::Metres => format!("{} m", range(min.to_string(), max.to_string())),
    }
}

pub fn describe_load(l: &Load) -> String {
    let v = l.value.map(fmt_num).unwrap_or_default();
    match l.kind {
        LoadKind::None => String::new(),
        LoadKind::Kg => format!("{v} kg"),
        LoadKind::PercentOneRm => format!("{v}% 1RM"),
        LoadKind::Rpe => format!("RPE {v}"),
        LoadKind::Rir => format!("RIR {v}"),
    }
}

/// 60 → "60", 62.5 → "62.5", 0.1 + 0.2 → "0.3".
pub fn fmt_num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_owned()
    }
}
