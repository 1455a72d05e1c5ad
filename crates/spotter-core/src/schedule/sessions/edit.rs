//! Editing a session: one occurrence, this and the following ones, or the whole series
//! (split, re-anchored, history never recreated).

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use sqlx::{Sqlite, Transaction};

use crate::schedule::conflicts::{self, Planned};
use crate::schedule::recurrence::{self, expand, truncate_before, weekly_rule};
use crate::schedule::zoned::{
    fmt_local, fmt_utc, local_of, parse_local, parse_utc, parse_zone, to_utc_lenient,
};
use crate::schedule::{EditScope, SaveOutcome, SessionInput};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

use super::*;

/// Edits a session; for an occurrence of a series, `scope` says whether the edit applies to
/// it alone (it becomes an exception), to it and the ones after, or to the whole series.
/// Completed, cancelled and no-show sessions are history: series edits leave them alone,
/// and so do they leave occurrences edited on their own (exceptions survive).
pub async fn update(
    db: &Database,
    id: &str,
    input: &SessionInput,
    scope: EditScope,
) -> Result<SaveOutcome> {
    let current = load(db, id).await?;
    let v = validate(db, input).await?;
    match (&current.series_id, scope) {
        (Some(sid), EditScope::Following | EditScope::All) => {
            let series = load_series(db, sid).await?;
            update_series_from(db, &current, v, input, &series, scope).await
        }
        _ => update_one(db, &current, &v, input).await,
    }
}

/// One session, or one occurrence that becomes an exception of its series.
async fn update_one(
    db: &Database,
    current: &Current,
    v: &ValidSession,
    input: &SessionInput,
) -> Result<SaveOutcome> {
    let planned = [v.planned_at(v.local_start)];
    let ignore = HashSet::from([current.id.clone()]);
    let found = conflicts::check(db, &v.candidate(), &planned, &ignore).await?;
    if !found.is_empty() && !input.override_conflicts {
        return Ok(SaveOutcome::Conflicts { conflicts: found });
    }
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE sessions SET trainer_id = ?, room_id = ?, kind = ?, title = ?, start_utc = ?, end_utc = ?, time_zone = ?,
                capacity = ?, notes = ?, detached = (series_id IS NOT NULL), updated_at = ?
         WHERE id = ?",
    )
    .bind(&v.trainer.id)
    .bind(v.room.as_ref().map(|r| &r.id))
    .bind(v.kind.as_str())
    .bind(&v.title)
    .bind(fmt_utc(planned[0].start))
    .bind(fmt_utc(planned[0].end))
    .bind(v.tz.name())
    .bind(v.capacity.map(i64::from))
    .bind(&v.notes)
    .bind(&now)
    .bind(&current.id)
    .execute(&mut *tx)
    .await?;
    replace_participants(&mut tx, &current.id, &v.clients, &now).await?;
    tx.commit().await?;
    Ok(SaveOutcome::Saved {
        sessions: vec![get(db, &current.id).await?],
        conflicts_overridden: found.len() as u32,
    })
}

/// The occurrences of a series an edit from `from` on touches.
struct Affected {
    /// Replaced by the edit: scheduled, not edited on their own, and the edited one itself.
    replaced: Vec<String>,
    /// Left alone (history and exceptions), with their original occurrence times.
    kept: Vec<(String, Option<String>)>,
}

async fn affected(db: &Database, series_id: &str, from: &str, edited: &str) -> Result<Affected> {
    let replaced: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE series_id = ? AND deleted_at IS NULL AND coalesce(recurrence_id, start_utc) >= ?
           AND ((status = 'scheduled' AND detached = 0) OR id = ?)",
    )
    .bind(series_id)
    .bind(from)
    .bind(edited)
    .fetch_all(db.pool())
    .await?;
    let all: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT id, recurrence_id FROM sessions WHERE series_id = ? AND deleted_at IS NULL AND coalesce(recurrence_id, start_utc) >= ?",
    )
    .bind(series_id)
    .bind(from)
    .fetch_all(db.pool())
    .await?;
    let replaced_set: HashSet<&str> = replaced.iter().map(String::as_str).collect();
    let kept = all
        .into_iter()
        .filter(|(id, _)| !replaced_set.contains(id.as_str()))
        .collect();
    Ok(Affected { replaced, kept })
}

/// "This and following" or "all": the replaced occurrences are tombstoned and regenerated
/// from the (re-anchored) rule; a "following" edit after the first occurrence splits the
/// series in two.
async fn update_series_from(
    db: &Database,
    current: &Current,
    v: ValidSession,
    input: &SessionInput,
    series: &SeriesRow,
    scope: EditScope,
) -> Result<SaveOutcome> {
    // No new repeat rule given: keep the series' rule, re-anchored below.
    let rule = v.rule.clone().unwrap_or_else(|| series.rrule.clone());
    let occurrence = current
        .recurrence_id
        .as_deref()
        .map(|r| parse_utc("recurrenceId", r))
        .transpose()?
        .unwrap_or(current.start);
    let from = match scope {
        EditScope::Following => fmt_utc(occurrence),
        _ => String::new(),
    };
    let Affected { replaced, kept } = affected(db, &series.id, &from, &current.id).await?;
    let kept_days: BTreeSet<NaiveDate> = kept
        .iter()
        .filter_map(|(_, r)| r.as_deref().and_then(|r| parse_utc("r", r).ok()))
        .map(|t| local_of(t, v.tz).date())
        .collect();

    // The new anchor: for "following", the edited occurrence's new time; for "all", the
    // series' first start moved by the same amount the trainer moved this occurrence.
    let series_tz = parse_zone("timeZone", &series.time_zone)?;
    let series_first = parse_local("start", &series.first_start)?;
    let new_first = match scope {
        EditScope::All => series_first + (v.local_start - local_of(occurrence, series_tz)),
        _ => v.local_start,
    };
    let rule = if v.rule.is_some() || new_first == series_first {
        rule
    } else {
        rebase_rule(&rule, series_first, new_first, series_tz, v.tz)?
    };
    let starts = expand(&rule, new_first, v.tz, &[])?;
    // Never recreate history: regenerate only from the day of the first replaced occurrence.
    let first_replaced_day = earliest_day(db, &replaced, v.tz).await?;
    let starts: Vec<NaiveDateTime> = starts
        .into_iter()
        .filter(|s| {
            first_replaced_day.is_none_or(|d| s.date() >= d) && !kept_days.contains(&s.date())
        })
        .collect();
    let planned: Vec<Planned> = starts.iter().map(|s| v.planned_at(*s)).collect();
    let ignore: HashSet<String> = replaced
        .iter()
        .cloned()
        .chain(kept.iter().map(|(id, _)| id.clone()))
        .collect();
    let found = conflicts::check(db, &v.candidate(), &planned, &ignore).await?;
    if !found.is_empty() && !input.override_conflicts {
        return Ok(SaveOutcome::Conflicts { conflicts: found });
    }

    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    for id in &replaced {
        tombstone(&mut tx, id, &now).await?;
    }
    let mut v = ValidSession {
        rule: Some(rule.clone()),
        ..v
    };
    v.local_start = new_first;
    let split = scope == EditScope::Following && new_first_is_later(series, occurrence, series_tz)?;
    let series_id = if split {
        // Split: the old series ends before this occurrence; a new series carries on.
        let short = truncate_before(&series.rrule, series_first, series_tz, occurrence)?;
        sqlx::query("UPDATE series SET rrule = ?, updated_at = ? WHERE id = ?")
            .bind(&short)
            .bind(&now)
            .bind(&series.id)
            .execute(&mut *tx)
            .await?;
        let new_id = insert_series_row(&mut tx, &v, &rule, &now).await?;
        for (kid, _) in &kept {
            sqlx::query("UPDATE sessions SET series_id = ?, updated_at = ? WHERE id = ?")
                .bind(&new_id)
                .bind(&now)
                .bind(kid)
                .execute(&mut *tx)
                .await?;
        }
        new_id
    } else {
        update_series(&mut tx, &series.id, &v, &rule, &now).await?;
        series.id.clone()
    };
    let mut ids = Vec::new();
    for p in &planned {
        let recurrence_id = fmt_utc(p.start);
        ids.push(
            insert_session_row(
                &mut tx,
                &v,
                p,
                Some(&series_id),
                Some(&recurrence_id),
                false,
                None,
                &now,
            )
            .await?,
        );
    }
    tx.commit().await?;
    Ok(SaveOutcome::Saved {
        sessions: get_many(db, &ids).await?,
        conflicts_overridden: found.len() as u32,
    })
}

/// "This and following" on the first occurrence is the whole series, not a split.
pub(super) fn new_first_is_later(
    series: &SeriesRow,
    occurrence: DateTime<Utc>,
    tz: Tz,
) -> Result<bool> {
    let first = to_utc_lenient(parse_local("start", &series.first_start)?, tz);
    Ok(occurrence > first)
}

/// Moves a rule's weekdays along with its anchor when the trainer moved the series to other days.
pub(super) fn rebase_rule(
    rule: &str,
    old_first: NaiveDateTime,
    new_first: NaiveDateTime,
    old_tz: Tz,
    tz: Tz,
) -> Result<String> {
    let shift = (new_first.date() - old_first.date())
        .num_days()
        .rem_euclid(7) as u8;
    match recurrence::describe(rule, old_first, old_tz) {
        Some(mut rec) if shift != 0 => {
            rec.weekdays = rec
                .weekdays
                .iter()
                .map(|d| (d - 1 + shift) % 7 + 1)
                .collect();
            weekly_rule(&rec, new_first, tz)
        }
        _ => Ok(rule.to_owned()),
    }
}

pub(super) async fn earliest_day(
    db: &Database,
    ids: &[String],
    tz: Tz,
) -> Result<Option<NaiveDate>> {
    let mut earliest: Option<DateTime<Utc>> = None;
    for id in ids {
        let r: Option<String> = sqlx::query_scalar(
            "SELECT coalesce(recurrence_id, start_utc) FROM sessions WHERE id = ?",
        )
        .bind(id)
        .fetch_one(db.pool())
        .await?;
        if let Some(t) = r.and_then(|r| parse_utc("r", &r).ok()) {
            earliest = Some(earliest.map_or(t, |e| e.min(t)));
        }
    }
    Ok(earliest.map(|t| local_of(t, tz).date()))
}

pub(super) async fn update_series(
    tx: &mut Transaction<'_, Sqlite>,
    id: &str,
    v: &ValidSession,
    rule: &str,
    now: &str,
) -> Result<()> {
    let client_ids: Vec<&String> = v.clients.iter().map(|(id, _)| id).collect();
    sqlx::query(
        "UPDATE series SET trainer_id = ?, room_id = ?, kind = ?, title = ?, time_zone = ?, first_start = ?, duration_minutes = ?,
                rrule = ?, capacity = ?, client_ids = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&v.trainer.id)
    .bind(v.room.as_ref().map(|r| &r.id))
    .bind(v.kind.as_str())
    .bind(&v.title)
    .bind(v.tz.name())
    .bind(fmt_local(v.local_start))
    .bind(v.minutes)
    .bind(rule)
    .bind(v.capacity.map(i64::from))
    .bind(serde_json::to_string(&client_ids).map_err(|e| AppError::internal(e.to_string()))?)
    .bind(&v.notes)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
