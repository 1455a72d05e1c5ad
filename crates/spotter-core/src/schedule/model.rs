//! The scheduling types that cross IPC.
//!
//! Times travel in two shapes: instants as UTC RFC 3339 (`2026-11-23T17:00:00Z`), and
//! wall-clock times as `YYYY-MM-DDTHH:MM` with the IANA zone they are in. Input is
//! always wall-clock + zone (what the trainer picked); output carries both.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkingHours {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// `HH:MM`, in the trainer's time zone.
    pub start: String,
    /// `HH:MM`, after `start` (`24:00` allowed).
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Trainer {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub color: String,
    pub time_zone: String,
    pub working_hours: Vec<WorkingHours>,
    /// The person using this laptop.
    pub is_me: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct TrainerInput {
    pub name: String,
    #[ts(optional = nullable)]
    pub email: Option<String>,
    #[ts(optional = nullable)]
    pub color: Option<String>,
    pub time_zone: String,
    pub working_hours: Vec<WorkingHours>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Room {
    pub id: String,
    pub name: String,
    /// People at once; none means no limit.
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RoomInput {
    pub name: String,
    #[ts(optional = nullable)]
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// 1:1 training: exactly one client.
    #[default]
    Personal,
    /// A few clients together, up to the capacity.
    SmallGroup,
    /// A class: any number of clients up to the capacity, possibly none booked yet.
    Class,
    /// Assessment or check-in with one client.
    Assessment,
    /// Consultation with one client.
    Consultation,
    /// Anything else that blocks the trainer's time (an imported appointment, a break).
    Other,
}

impl SessionKind {
    pub const ALL: [SessionKind; 6] = [
        Self::Personal,
        Self::SmallGroup,
        Self::Class,
        Self::Assessment,
        Self::Consultation,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Personal => "personal",
            Self::SmallGroup => "small_group",
            Self::Class => "class",
            Self::Assessment => "assessment",
            Self::Consultation => "consultation",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Personal => "Personal training",
            Self::SmallGroup => "Small group",
            Self::Class => "Class",
            Self::Assessment => "Assessment",
            Self::Consultation => "Consultation",
            Self::Other => "Other",
        }
    }

    /// Kinds with several participants (and so a capacity).
    pub fn is_group(self) -> bool {
        matches!(self, Self::SmallGroup | Self::Class)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    #[default]
    Scheduled,
    Completed,
    Cancelled,
    NoShow,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::NoShow => "no_show",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Scheduled,
            Self::Completed,
            Self::Cancelled,
            Self::NoShow,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    #[default]
    Expected,
    Attended,
    NoShow,
    Cancelled,
    LateCancelled,
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Attended => "attended",
            Self::NoShow => "no_show",
            Self::Cancelled => "cancelled",
            Self::LateCancelled => "late_cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Expected,
            Self::Attended,
            Self::NoShow,
            Self::Cancelled,
            Self::LateCancelled,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub client_id: String,
    pub name: String,
    pub attendance: Attendance,
    /// The client's latest PAR-Q+ had a "yes" and no clearance is recorded.
    pub needs_clearance: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: String,
    pub trainer_id: String,
    pub room_id: Option<String>,
    pub kind: SessionKind,
    /// What the calendar shows: the title, or the participants' names when there is none.
    pub label: String,
    pub title: String,
    /// UTC instants.
    pub start: String,
    pub end: String,
    /// The zone the session was planned in, and its wall-clock times there.
    pub time_zone: String,
    pub local_start: String,
    pub local_end: String,
    pub capacity: Option<u32>,
    pub status: SessionStatus,
    pub late_cancel: bool,
    pub notes: String,
    pub series_id: Option<String>,
    /// The occurrence's original start (UTC) in its series.
    pub recurrence_id: Option<String>,
    /// Edited on its own; whole-series edits leave it as it is.
    pub detached: bool,
    pub participants: Vec<Participant>,
    pub created_at: String,
    pub updated_at: String,
}

/// One row of the calendar: enough to draw and colour it; details come from `session_get`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarEntry {
    pub id: String,
    pub trainer_id: String,
    pub room_id: Option<String>,
    pub kind: SessionKind,
    pub label: String,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub status: SessionStatus,
    pub series_id: Option<String>,
    /// A participant's latest PAR-Q+ had a "yes" and no clearance is recorded.
    #[serde(default)]
    pub needs_clearance: bool,
    /// A group session's capacity (null for the other kinds, or no limit).
    #[ts(optional = nullable)]
    #[serde(default)]
    pub capacity: Option<u32>,
    /// How many are booked on a group session, cancellations not counted (null for the other kinds).
    #[ts(optional = nullable)]
    #[serde(default)]
    pub booked: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CalendarQuery {
    /// UTC instants; the range is [from, to).
    pub from: String,
    pub to: String,
    /// Empty means every trainer / every room.
    pub trainer_ids: Vec<String>,
    pub room_ids: Vec<String>,
    pub include_cancelled: bool,
}

/// How a series repeats, as the trainer picks it; stored as an RFC 5545 RRULE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recurrence {
    /// ISO weekdays (1 = Monday); empty means the weekday of the first session.
    #[serde(default)]
    pub weekdays: Vec<u8>,
    /// Every N weeks (1 = weekly).
    #[serde(default = "one")]
    pub interval_weeks: u16,
    /// Last day (inclusive, `YYYY-MM-DD`, in the session's zone) …
    #[ts(optional = nullable)]
    #[serde(default)]
    pub until: Option<String>,
    /// … or a number of sessions. Exactly one of the two.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub count: Option<u32>,
}

fn one() -> u16 {
    1
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SessionInput {
    pub trainer_id: String,
    pub client_ids: Vec<String>,
    #[ts(optional = nullable)]
    pub room_id: Option<String>,
    pub kind: SessionKind,
    pub title: String,
    /// IANA zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// Wall-clock `YYYY-MM-DDTHH:MM` in `time_zone`.
    pub start: String,
    pub end: String,
    #[ts(optional = nullable)]
    pub capacity: Option<u32>,
    pub notes: String,
    /// Makes this the first session of a weekly series.
    #[ts(optional = nullable)]
    pub recurrence: Option<Recurrence>,
    /// Save even though conflicts were found (the trainer saw them and chose to).
    pub override_conflicts: bool,
}

/// Which sessions of a series an edit or cancellation applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EditScope {
    #[default]
    One,
    Following,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    TrainerBusy,
    ClientBusy,
    RoomFull,
    OutsideWorkingHours,
    OverCapacity,
}

/// Something a planned session collides with, explained for the trainer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub kind: ConflictKind,
    pub message: String,
    /// The start (UTC) of the planned session it concerns (one occurrence of a series).
    pub start: String,
    /// The session it collides with, if any.
    pub with_session_id: Option<String>,
    pub with_label: Option<String>,
    pub with_start: Option<String>,
    pub with_end: Option<String>,
    /// The client concerned, for a double-booked client.
    pub client_id: Option<String>,
}

/// The result of a create or move: saved, or the conflicts that stopped it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "outcome"
)]
pub enum SaveOutcome {
    Saved {
        sessions: Vec<Session>,
        conflicts_overridden: u32,
    },
    Conflicts {
        conflicts: Vec<Conflict>,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FreeSlotQuery {
    pub trainer_id: String,
    pub client_ids: Vec<String>,
    #[ts(optional = nullable)]
    pub room_id: Option<String>,
    pub duration_minutes: u32,
    /// Search from this UTC instant (e.g. now, or the slot that was dragged to).
    pub after: String,
    /// Look this many days ahead (default 28, at most 180).
    #[ts(optional = nullable)]
    pub within_days: Option<u32>,
    /// Ignore this session (the one being moved).
    #[ts(optional = nullable)]
    pub ignore_session_id: Option<String>,
    /// How many slots to offer (default 3, at most 10).
    #[ts(optional = nullable)]
    pub count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FreeSlot {
    pub start: String,
    pub end: String,
    /// The same slot in the trainer's zone.
    pub time_zone: String,
    pub local_start: String,
    pub local_end: String,
}

impl CalendarEntry {
    pub fn status_label(&self) -> &'static str {
        self.status.as_str()
    }
}
