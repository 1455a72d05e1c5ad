//! Desktop notifications a set number of minutes before each of the local trainer's
//! sessions. Which sessions are due is decided in spotter-core; this only shows them.

use std::collections::HashSet;
use std::time::Duration;

use spotter_core::schedule::{reminders, trainers};
use spotter_core::settings;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How often to look for sessions coming up; a reminder is at most this late.
const CHECK_EVERY: Duration = Duration::from_secs(30);

/// Reads the open database on every check, so switching to the demo data (or a restore)
/// is followed.
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut shown: HashSet<String> = HashSet::new();
        let mut tick = tokio::time::interval(CHECK_EVERY);
        loop {
            tick.tick().await;
            let Some(db) = app.try_state::<AppState>().and_then(|s| s.db().ok()) else {
                continue;
            };
            let lead = match settings::get(&db).await {
                Ok(s) => s.notify_minutes_before,
                Err(e) => {
                    tracing::warn!(error = %e, "reminders: cannot read settings");
                    continue;
                }
            };
            let Some(lead) = lead else { continue };
            let due = match trainers::me(&db).await {
                Ok(me) => reminders::due(&db, chrono::Utc::now(), lead, &me.id).await,
                Err(e) => Err(e),
            };
            match due {
                Ok(list) => {
                    for r in list
                        .into_iter()
                        .filter(|r| shown.insert(r.session_id.clone()))
                    {
                        if let Err(e) = app
                            .notification()
                            .builder()
                            .title(&r.title)
                            .body(&r.body)
                            .show()
                        {
                            // No notification service (e.g. a bare X session): log, do not retry.
                            tracing::warn!(error = %e, "reminders: cannot show a notification");
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "reminders: cannot read sessions"),
            }
        }
    });
}
