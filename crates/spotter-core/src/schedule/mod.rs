//! Scheduling: trainers and rooms, sessions and recurring series, conflicts, free slots
//! and the dashboard.

mod conflicts;
pub mod dashboard;
pub mod free_slot;
mod model;
pub mod recurrence;
pub mod reminders;
pub mod sessions;
pub mod trainers;
pub mod zoned;

pub use conflicts::{describe_span, outside_hours, Planned};
pub use dashboard::{dashboard, AttentionItem, AttentionReason, Dashboard, DashboardQuery};
pub use model::*;

/// Sessions last at most 12 hours; overlap queries rely on this bound.
pub const MAX_SESSION_MINUTES: i64 = 12 * 60;

/// What the calendar shows for a session `s`: its title, or its participants' names.
pub(crate) const LABEL_SQL: &str =
    "CASE WHEN s.title <> '' THEN s.title ELSE s.participant_names END";

/// Recomputes `participant_names` and `needs_clearance` for the sessions matched by the WHERE
/// clause that follows (also after a studio pull brings participants or clients).
pub const REFRESH_NAMES_SQL: &str = "UPDATE sessions SET
     participant_names = coalesce((
       SELECT group_concat(c.name, ', ' ORDER BY c.name)
       FROM session_participants p JOIN clients c ON c.id = p.client_id
       WHERE p.session_id = sessions.id AND p.deleted_at IS NULL), ''),
     needs_clearance = EXISTS (
       SELECT 1 FROM session_participants p JOIN clients c ON c.id = p.client_id
       WHERE p.session_id = sessions.id AND p.deleted_at IS NULL AND c.needs_clearance = 1 AND c.clearance_on IS NULL)";

/// Participants' names as `participant_names` holds them: sorted, comma-separated.
pub(crate) fn names_label(clients: &[(String, String)]) -> String {
    let mut names: Vec<&str> = clients.iter().map(|(_, n)| n.as_str()).collect();
    names.sort_unstable();
    names.join(", ")
}
