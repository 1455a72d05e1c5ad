//! The health checker's schedule: every few minutes (the agent's `intervalMinutes`,
//! default 5) the runtime re-runs its checks, which keeps the status light current. The
//! checks themselves are in spotter-core and spotter-ai; this only times them.

use std::time::Duration;

use spotter_core::ai::{agents, TaskType};
use tauri::{AppHandle, Manager};

use crate::state::AppState;

const DEFAULT_MINUTES: u64 = 5;

pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            // The first check waits too: start-up stays quick, and the UI asks for a report
            // (checked on demand) when it first shows the light.
            let Some(rt) = app.try_state::<AppState>().and_then(|s| s.ai().ok()) else {
                tokio::time::sleep(Duration::from_secs(DEFAULT_MINUTES * 60)).await;
                continue;
            };
            let agent = agents::for_task(rt.db(), TaskType::HealthCheck).await;
            let minutes = agent
                .as_ref()
                .ok()
                .and_then(|a| {
                    a.settings
                        .get("intervalMinutes")
                        .and_then(serde_json::Value::as_u64)
                })
                .unwrap_or(DEFAULT_MINUTES)
                .clamp(1, 1440);
            tokio::time::sleep(Duration::from_secs(minutes * 60)).await;
            if agent.is_ok_and(|a| a.enabled) {
                match rt.health().await {
                    Ok(report) => tracing::debug!(overall = ?report.overall, "health checked"),
                    Err(e) => tracing::warn!(error = %e.message, "health check failed"),
                }
            }
        }
    });
}
