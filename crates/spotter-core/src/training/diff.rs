//! A readable account of what changed between two plan versions, one change per line:
//! "Week 1 · Lower A: Back Squat 3 × 5 @ 100 kg → 4 × 5 @ 100 kg".

use super::plan::{
    describe, fmt_num, PlanBody, PlanDay, Prescription, Progression, ProgressionRule,
};

fn rule_text(r: &ProgressionRule) -> String {
    let p = match &r.progression {
        None => "no progression".to_owned(),
        Some(Progression::Linear { increment_kg }) => {
            format!("linear +{} kg a week", fmt_num(*increment_kg))
        }
        Some(Progression::Double { increment_kg }) => {
            format!("double progression +{} kg", fmt_num(*increment_kg))
        }
    };
    match r.deload_every {
        Some(n) => format!("{p}, deload every {n} weeks"),
        None => p,
    }
}

fn item_details(p: &Prescription) -> String {
    let mut s = describe(p);
    if !p.tempo.is_empty() {
        s.push_str(&format!(", tempo {}", p.tempo));
    }
    if let Some(r) = p.rest_seconds {
        s.push_str(&format!(", rest {r} s"));
    }
    s
}

fn diff_items(place: &str, old: &[Prescription], new: &[Prescription], out: &mut Vec<String>) {
    // Pair each new item with the first unpaired old item of the same exercise.
    let mut used = vec![false; old.len()];
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    for (ni, n) in new.iter().enumerate() {
        let oi = old
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && o.exercise_id == n.exercise_id);
        if let Some(i) = oi {
            used[i] = true;
        }
        pairs.push((ni, oi));
    }
    for (i, o) in old.iter().enumerate() {
        if !used[i] {
            out.push(format!("{place}: removed {}", o.exercise_name));
        }
    }
    let mut last_old: Option<usize> = None;
    let mut reordered = false;
    for (ni, oi) in pairs {
        let n = &new[ni];
        match oi {
            None => out.push(format!(
                "{place}: added {} {}",
                n.exercise_name,
                item_details(n)
            )),
            Some(oi) => {
                let o = &old[oi];
                if last_old.is_some_and(|l| oi < l) {
                    reordered = true;
                }
                last_old = Some(oi);
                let (a, b) = (item_details(o), item_details(n));
                if a != b {
                    out.push(format!("{place}: {} {a} → {b}", n.exercise_name));
                }
                if o.notes != n.notes {
                    out.push(format!("{place}: {} notes changed", n.exercise_name));
                }
                if o.group != n.group || o.group_kind != n.group_kind {
                    let g = match (&n.group, n.group_kind) {
                        (Some(g), Some(k)) => format!(
                            "now in {} {g}",
                            if k == super::plan::GroupKind::Superset {
                                "superset"
                            } else {
                                "circuit"
                            }
                        ),
                        _ => "no longer grouped".to_owned(),
                    };
                    out.push(format!("{place}: {} {g}", n.exercise_name));
                }
            }
        }
    }
    if reordered {
        out.push(format!("{place}: exercises reordered"));
    }
}

fn diff_day(week: usize, old: &PlanDay, new: &PlanDay, out: &mut Vec<String>) {
    let place = format!("Week {week} · {}", new.name);
    if old.name != new.name {
        out.push(format!(
            "Week {week}: day “{}” renamed “{}”",
            old.name, new.name
        ));
    }
    if old.day_offset != new.day_offset {
        out.push(format!("{place}: moved to weekday {}", new.day_offset + 1));
    }
    diff_items(&place, &old.items, &new.items, out);
}

/// Every change from `old` to `new`, in plan order. Empty when they are the same.
pub fn changes(old: &PlanBody, new: &PlanBody) -> Vec<String> {
    let mut out = Vec::new();
    if old.rule != new.rule {
        out.push(format!(
            "Progression: {} → {}",
            rule_text(&old.rule),
            rule_text(&new.rule)
        ));
    }
    for (w, nw) in new.weeks.iter().enumerate() {
        let week = w + 1;
        let Some(ow) = old.weeks.get(w) else {
            out.push(format!(
                "Added week {week}{}",
                if nw.deload { " (deload)" } else { "" }
            ));
            continue;
        };
        if ow.deload != nw.deload {
            out.push(format!(
                "Week {week} {} a deload",
                if nw.deload { "is now" } else { "is no longer" }
            ));
        }
        for (d, nd) in nw.days.iter().enumerate() {
            match ow.days.get(d) {
                Some(od) => diff_day(week, od, nd, &mut out),
                None => out.push(format!(
                    "Week {week}: added day “{}” ({} exercises)",
                    nd.name,
                    nd.items.len()
                )),
            }
        }
        for od in ow.days.iter().skip(nw.days.len()) {
            out.push(format!("Week {week}: removed day “{}”", od.name));
        }
    }
    for w in new.weeks.len()..old.weeks.len() {
        out.push(format!("Removed week {}", w + 1));
    }
    if old.notes != new.notes {
        out.push("Plan notes changed".to_owned());
    }
    out
}

/// The stored one-paragraph summary: the first changes, then a count of the rest.
pub fn summary(lines: &[String]) -> String {
    const SHOWN: usize = 12;
    if lines.is_empty() {
        return "No changes".to_owned();
    }
    let mut s = lines
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if lines.len() > SHOWN {
        s.push_str(&format!("\n… and {} more changes", lines.len() - SHOWN));
    }
    s
}
