//! The execution log: every agent run, refused ones included, from running to done,
//! failed or cancelled, with what was sent, what came back, tokens, latency and cost.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use super::TaskType;
use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionStatus {
    Running,
    Done,
    Failed,
    Cancelled,
}

impl ExecutionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ExecutionStatus::Running => "running",
            ExecutionStatus::Done => "done",
            ExecutionStatus::Failed => "failed",
            ExecutionStatus::Cancelled => "cancelled",
        }
    }
    fn parse(s: &str) -> ExecutionStatus {
        match s {
            "running" => ExecutionStatus::Running,
            "done" => ExecutionStatus::Done,
            "cancelled" => ExecutionStatus::Cancelled,
            _ => ExecutionStatus::Failed,
        }
    }
}

/// A row of the log as listed (without the large JSON parts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionSummary {
    pub id: String,
    /// As asked; an unknown one is kept as typed (it was refused).
    pub task_type: String,
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    pub status: ExecutionStatus,
    pub error: Option<String>,
    pub provider_name: Option<String>,
    pub model: Option<String>,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub cost_estimate_usd: f64,
    pub attempts: u32,
    pub from_cache: bool,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub latency_ms: Option<u32>,
}

/// One run in full: the facts computed, the messages exactly as sent, the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Execution {
    #[serde(flatten)]
    pub summary: ExecutionSummary,
    pub input_fingerprint: String,
    #[ts(type = "unknown")]
    pub facts: serde_json::Value,
    #[ts(type = "unknown")]
    pub sent: serde_json::Value,
    #[ts(type = "unknown")]
    pub output: serde_json::Value,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExecutionQuery {
    #[ts(optional = nullable)]
    pub task_type: Option<String>,
    #[ts(optional = nullable)]
    pub status: Option<ExecutionStatus>,
    #[ts(optional = nullable)]
    pub client_id: Option<String>,
    /// At most this many, newest first (default 200).
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
}

/// What a finished run records. Everything optional is what the run got as far as.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub facts: Option<serde_json::Value>,
    pub sent: Option<serde_json::Value>,
    pub output: Option<serde_json::Value>,
    pub provider_id: Option<String>,
    pub provider_name: Option<String>,
    pub model: Option<String>,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub cost_estimate_usd: f64,
    pub attempts: u32,
    pub from_cache: bool,
}

#[derive(FromRow)]
struct Row {
    id: String,
    task_type: String,
    client_id: Option<String>,
    client_name: Option<String>,
    status: String,
    error: Option<String>,
    provider_name: Option<String>,
    model: Option<String>,
    prompt_tokens: i64,
    completion_tokens: i64,
    cost_estimate_usd: f64,
    attempts: i64,
    from_cache: i64,
    started_at: String,
    finished_at: Option<String>,
    latency_ms: Option<i64>,
}

impl From<Row> for ExecutionSummary {
    fn from(r: Row) -> Self {
        let n = |v: i64| u32::try_from(v).unwrap_or(0);
        ExecutionSummary {
            id: r.id,
            task_type: r.task_type,
            client_id: r.client_id,
            client_name: r.client_name,
            status: ExecutionStatus::parse(&r.status),
            error: r.error,
            provider_name: r.provider_name,
            model: r.model,
            prompt_tokens: n(r.prompt_tokens),
            completion_tokens: n(r.completion_tokens),
            cost_estimate_usd: r.cost_estimate_usd,
            attempts: n(r.attempts),
            from_cache: r.from_cache != 0,
            started_at: r.started_at,
            finished_at: r.finished_at,
            latency_ms: r.latency_ms.map(n),
        }
    }
}

const SUMMARY: &str = "e.id, e.task_type, e.client_id, c.name AS client_name, e.status, e.error, e.provider_name, e.model,
    e.prompt_tokens, e.completion_tokens, e.cost_estimate_usd, e.attempts, e.from_cache, e.started_at, e.finished_at, e.latency_ms";

/// A run begins: logged as running.
pub async fn start(
    db: &Database,
    task: TaskType,
    agent_id: Option<&str>,
    client_id: Option<&str>,
    fingerprint: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO ai_agent_executions (id, task_type, agent_id, client_id, status, input_fingerprint, started_at)
         VALUES (?, ?, ?, ?, 'running', ?, ?)",
    )
    .bind(&id)
    .bind(task.as_str())
    .bind(agent_id)
    .bind(client_id)
    .bind(fingerprint)
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    Ok(id)
}

/// A request refused before it ran (unknown task type, disabled agent): logged as failed.
pub async fn refused(
    db: &Database,
    task_type: &str,
    client_id: Option<&str>,
    reason: &str,
) -> Result<String> {
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO ai_agent_executions (id, task_type, client_id, status, error, input_fingerprint, started_at, finished_at, latency_ms)
         VALUES (?, ?, ?, 'failed', ?, '', ?, ?, 0)",
    )
    .bind(&id)
    .bind(super::short(task_type, 60))
    .bind(client_id)
    .bind(reason)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    Ok(id)
}

/// Ends a run. `error` set means failed (or cancelled with `cancelled`).
pub async fn finish(
    db: &Database,
    id: &str,
    status: ExecutionStatus,
    error: Option<&str>,
    outcome: &Outcome,
    latency_ms: u64,
) -> Result<()> {
    let json = |v: &Option<serde_json::Value>| v.as_ref().map(serde_json::Value::to_string);
    sqlx::query(
        "UPDATE ai_agent_executions SET status = ?, error = ?, facts = COALESCE(?, facts), sent = COALESCE(?, sent), output = ?,
            provider_id = ?, provider_name = ?, model = ?, prompt_tokens = ?, completion_tokens = ?, cost_estimate_usd = ?,
            attempts = ?, from_cache = ?, finished_at = ?, latency_ms = ?
         WHERE id = ?",
    )
    .bind(status.as_str())
    .bind(error)
    .bind(json(&outcome.facts))
    .bind(json(&outcome.sent))
    .bind(json(&outcome.output))
    .bind(&outcome.provider_id)
    .bind(&outcome.provider_name)
    .bind(&outcome.model)
    .bind(i64::from(outcome.prompt_tokens))
    .bind(i64::from(outcome.completion_tokens))
    .bind(outcome.cost_estimate_usd)
    .bind(i64::from(outcome.attempts))
    .bind(outcome.from_cache)
    .bind(now_utc())
    .bind(i64::try_from(latency_ms).unwrap_or(i64::MAX))
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Saves the facts and the messages as soon as they are known, so a run that hangs or
/// fails still shows what it computed and sent.
pub async fn record_input(
    db: &Database,
    id: &str,
    facts: &serde_json::Value,
    sent: Option<&serde_json::Value>,
) -> Result<()> {
    sqlx::query("UPDATE ai_agent_executions SET facts = ?, sent = ? WHERE id = ?")
        .bind(facts.to_string())
        .bind(sent.map(serde_json::Value::to_string))
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The newest successful model run for this input within `ttl_seconds`, for the cache.
pub async fn cached(
    db: &Database,
    task: TaskType,
    fingerprint: &str,
    ttl_seconds: u64,
) -> Result<Option<Execution>> {
    let since = (chrono::Utc::now()
        - chrono::Duration::seconds(i64::try_from(ttl_seconds).unwrap_or(i64::MAX / 2)))
    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM ai_agent_executions
         WHERE task_type = ? AND input_fingerprint = ? AND status = 'done' AND from_cache = 0 AND provider_name IS NOT NULL
           AND started_at >= ?
         ORDER BY started_at DESC LIMIT 1",
    )
    .bind(task.as_str())
    .bind(fingerprint)
    .bind(since)
    .fetch_optional(db.pool())
    .await?;
    match id {
        Some(id) => Ok(Some(get(db, &id).await?)),
        None => Ok(None),
    }
}

pub async fn list(db: &Database, q: &ExecutionQuery) -> Result<Vec<ExecutionSummary>> {
    let client = match q.client_id.as_deref() {
        Some(c) => Some(parse_id("clientId", c)?),
        None => None,
    };
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {SUMMARY} FROM ai_agent_executions e LEFT JOIN clients c ON c.id = e.client_id
         WHERE (?1 IS NULL OR e.task_type = ?1) AND (?2 IS NULL OR e.status = ?2) AND (?3 IS NULL OR e.client_id = ?3)
         ORDER BY e.started_at DESC, e.local_key DESC LIMIT ?4"
    ))
    .bind(q.task_type.as_deref())
    .bind(q.status.map(ExecutionStatus::as_str))
    .bind(client)
    .bind(i64::from(q.limit.unwrap_or(200).clamp(1, 5000)))
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(ExecutionSummary::from).collect())
}

pub async fn get(db: &Database, id: &str) -> Result<Execution> {
    let id = parse_id("id", id)?;
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {SUMMARY} FROM ai_agent_executions e LEFT JOIN clients c ON c.id = e.client_id WHERE e.id = ?"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    let summary = row
        .map(ExecutionSummary::from)
        .ok_or_else(|| AppError::not_found("execution"))?;
    let (fingerprint, facts, sent, output): (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT input_fingerprint, facts, sent, output FROM ai_agent_executions WHERE id = ?",
    )
    .bind(&id)
    .fetch_one(db.pool())
    .await?;
    let parse = |s: Option<String>| {
        s.and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    Ok(Execution {
        summary,
        input_fingerprint: fingerprint,
        facts: parse(facts),
        sent: parse(sent),
        output: parse(output),
    })
}

/// Runs left "running" by an app that closed mid-run are failed at the next start.
pub async fn fail_interrupted(db: &Database) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE ai_agent_executions SET status = 'failed', error = 'interrupted: Spotter closed during the run', finished_at = ?
         WHERE status = 'running'",
    )
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayMetrics {
    /// `YYYY-MM-DD` (UTC).
    pub day: String,
    pub runs: u32,
    pub done: u32,
    pub failed: u32,
    /// Done ÷ (done + failed); None without finished runs.
    pub success_rate: Option<f64>,
    pub p50_latency_ms: Option<u32>,
    pub p95_latency_ms: Option<u32>,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub cost_estimate_usd: f64,
}

/// Success rate, latency percentiles (of runs that reached a model), tokens and estimated
/// cost per day over the last `days` days, oldest first.
pub async fn metrics(db: &Database, days: u32) -> Result<Vec<DayMetrics>> {
    let since = (chrono::Utc::now() - chrono::Duration::days(i64::from(days.clamp(1, 365))))
        .format("%Y-%m-%d")
        .to_string();
    let rows: Vec<(String, String, Option<i64>, i64, i64, f64, i64)> = sqlx::query_as(
        "SELECT substr(started_at, 1, 10), status, latency_ms, prompt_tokens, completion_tokens, cost_estimate_usd, from_cache
         FROM ai_agent_executions WHERE started_at >= ? ORDER BY started_at",
    )
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<DayMetrics> = Vec::new();
    let mut latencies: Vec<Vec<u32>> = Vec::new();
    for (day, status, latency, pt, ct, cost, from_cache) in rows {
        if out.last().is_none_or(|d| d.day != day) {
            out.push(DayMetrics {
                day,
                runs: 0,
                done: 0,
                failed: 0,
                success_rate: None,
                p50_latency_ms: None,
                p95_latency_ms: None,
                prompt_tokens: 0,
                completion_tokens: 0,
                cost_estimate_usd: 0.0,
            });
            latencies.push(Vec::new());
        }
        let (Some(d), Some(l)) = (out.last_mut(), latencies.last_mut()) else {
            continue;
        };
        d.runs += 1;
        match status.as_str() {
            "done" => d.done += 1,
            "failed" => d.failed += 1,
            _ => {}
        }
        d.prompt_tokens += u64::try_from(pt).unwrap_or(0);
        d.completion_tokens += u64::try_from(ct).unwrap_or(0);
        d.cost_estimate_usd += cost;
        if status == "done" && from_cache == 0 {
            if let Some(ms) = latency.and_then(|v| u32::try_from(v).ok()) {
                l.push(ms);
            }
        }
    }
    for (d, l) in out.iter_mut().zip(latencies.iter_mut()) {
        let finished = d.done + d.failed;
        d.success_rate = (finished > 0).then(|| f64::from(d.done) / f64::from(finished));
        l.sort_unstable();
        d.p50_latency_ms = percentile(l, 0.50);
        d.p95_latency_ms = percentile(l, 0.95);
    }
    Ok(out)
}

fn percentile(sorted: &[u32], p: f64) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    // Nearest rank.
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.saturating_sub(1).min(sorted.len() - 1))
        .copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<u32> = (1..=100).collect();
        assert_eq!(super::percentile(&v, 0.5), Some(50));
        assert_eq!(super::percentile(&v, 0.95), Some(95));
        assert_eq!(super::percentile(&[7], 0.95), Some(7));
        assert_eq!(super::percentile(&[], 0.5), None);
    }
}
