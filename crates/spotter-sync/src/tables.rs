//! The tables a studio shares, column by column: the one list that the capture triggers
//! (migrations/sqlite), the server schema (migrations/postgres), the push and the pull
//! are checked against. A column that is not listed here never leaves the device.

/// How a column's value is written on the server; on the device every value is SQLite
/// text, integer or real, and travels as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A UUID (`uuid` on the server).
    Id,
    Text,
    Int,
    Real,
    /// 0 or 1.
    Flag,
    /// JSON kept as text (arrays and objects the core parses).
    Json,
    /// `YYYY-MM-DD` (`date` on the server).
    Date,
    /// RFC 3339 UTC with milliseconds, kept as text on both sides.
    Stamp,
    /// A session's start or end: `timestamptz` on the server, so overlaps can be excluded.
    Instant,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
    /// Hidden from the front desk (medical and training detail on an otherwise visible row).
    pub private: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    /// The columns that identify a row (`id`, or the participant pair).
    pub key: &'static [&'static str],
    pub columns: &'static [Column],
    /// The whole table is hidden from the front desk (intakes, measurements, notes, training).
    pub private: bool,
    /// Columns the device keeps for itself (derived, or about this laptop), never synced.
    pub local_only: &'static [&'static str],
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The columns a member in `role` may read.
    pub fn visible_columns(&self, front_desk: bool) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .filter(move |c| !(front_desk && c.private))
    }

    pub fn readable_by(&self, front_desk: bool) -> bool {
        !(front_desk && self.private)
    }

    /// The row's key as one text (participants: `session_id/client_id`).
    pub fn is_composite(&self) -> bool {
        self.key.len() > 1
    }
}

const fn c(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
        private: false,
    }
}
const fn n(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
        private: false,
    }
}
const fn p(col: Column) -> Column {
    Column {
        private: true,
        ..col
    }
}

use Kind::*;

const STAMPS: [Column; 3] = [
    c("created_at", Stamp),
    c("updated_at", Stamp),
    n("deleted_at", Stamp),
];

macro_rules! cols {
    ($($col:expr),* $(,)?) => { &[$($col),*] };
}

/// In dependency order: a row's parents come before it (the initial upload and every
/// pull page are applied in this order).
pub static TABLES: &[Table] = &[
    Table {
        name: "trainers",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("name", Text),
            n("email", Text),
            c("color", Text),
            c("time_zone", Text),
            c("working_hours", Json),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: false,
        local_only: &["is_me"],
    },
    Table {
        name: "rooms",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("name", Text),
            n("capacity", Int),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: false,
        local_only: &[],
    },
    Table {
        name: "clients",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("name", Text),
            n("email", Text),
            n("phone", Text),
            n("date_of_birth", Date),
            p(c("goals", Text)),
            p(c("notes", Text)),
            c("tags", Json),
            n("archived_at", Stamp),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2],
            n("emergency_contact_name", Text),
            n("emergency_contact_phone", Text),
            p(n("fitness_level", Text)),
            p(c("injuries", Text)),
            p(c("body_areas", Json)),
            n("paused_at", Stamp),
            c("preferred_times", Text),
            c("needs_clearance", Flag),
            n("clearance_on", Date)
        ],
        private: false,
        local_only: &[],
    },
    Table {
        name: "parq_intakes",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("client_id", Id),
            c("answered_on", Date),
            c("answers", Json),
            c("notes", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "measurements",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("client_id", Id),
            c("measured_on", Date),
            c("metric", Text),
            c("value", Real),
            c("unit", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "client_notes",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("client_id", Id),
            c("body", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "series",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("trainer_id", Id),
            n("room_id", Id),
            c("kind", Text),
            c("title", Text),
            c("time_zone", Text),
            c("first_start", Text),
            c("duration_minutes", Int),
            c("rrule", Text),
            n("capacity", Int),
            c("client_ids", Json),
            c("notes", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: false,
        local_only: &[],
    },
    Table {
        name: "sessions",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("trainer_id", Id),
            n("room_id", Id),
            c("kind", Text),
            c("title", Text),
            c("start_utc", Instant),
            c("end_utc", Instant),
            c("time_zone", Text),
            n("capacity", Int),
            c("status", Text),
            c("late_cancel", Flag),
            c("notes", Text),
            n("series_id", Id),
            n("recurrence_id", Text),
            c("detached", Flag),
            n("ics_uid", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: false,
        local_only: &["participant_names", "needs_clearance"],
    },
    Table {
        name: "session_participants",
        key: &["session_id", "client_id"],
        columns: cols![
            c("session_id", Id),
            c("client_id", Id),
            c("attendance", Text),
            c("updated_at", Stamp),
            n("deleted_at", Stamp),
            c("session_start_utc", Text)
        ],
        private: false,
        local_only: &[],
    },
    Table {
        name: "exercises",
        key: &["id"],
        columns: cols![
            c("id", Id),
            n("library_key", Text),
            c("name", Text),
            c("name_key", Text),
            c("primary_muscles", Json),
            c("secondary_muscles", Json),
            c("equipment", Json),
            c("pattern", Text),
            c("difficulty", Text),
            c("instructions", Text),
            c("cautions", Json),
            c("source", Text),
            n("source_ref", Text),
            c("license", Text),
            c("attribution", Text),
            c("hidden", Flag),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: false,
        local_only: &[],
    },
    Table {
        name: "plans",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("name", Text),
            c("is_template", Flag),
            n("client_id", Id),
            n("start_date", Date),
            n("from_template_id", Id),
            c("current_version", Int),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "plan_versions",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("plan_id", Id),
            c("version", Int),
            c("author_kind", Text),
            c("author_name", Text),
            c("summary", Text),
            c("name", Text),
            c("body", Json),
            n("restored_from", Int),
            STAMPS[0]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "workout_logs",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("client_id", Id),
            c("performed_on", Date),
            n("plan_id", Id),
            n("plan_version", Int),
            n("week", Int),
            n("day_index", Int),
            n("session_id", Id),
            c("notes", Text),
            STAMPS[0],
            STAMPS[1],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
    Table {
        name: "workout_sets",
        key: &["id"],
        columns: cols![
            c("id", Id),
            c("log_id", Id),
            c("client_id", Id),
            c("performed_on", Date),
            c("exercise_id", Id),
            n("item_index", Int),
            c("position", Int),
            c("reps", Int),
            c("load_kg", Real),
            n("rpe", Real),
            n("e1rm_kg", Real),
            STAMPS[0],
            STAMPS[2]
        ],
        private: true,
        local_only: &[],
    },
];

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// Tables that stay on the device, and why (docs/DECISIONS.md says more).
pub static LOCAL_TABLES: &[&str] = &[
    "settings",            // this laptop's preferences
    "ai_providers",        // addresses of AI servers this laptop uses; keys are in its keychain
    "ai_agents",           // which agents this trainer enabled
    "ai_agent_executions", // what was sent from this laptop, for its trainer to audit
    "ai_review_items",     // suggestions to this trainer
    "ai_chat_messages",    // this trainer's conversations
    "workout_day_stats",   // derived from workout_sets by triggers
    "clients_fts",         // derived from clients by triggers
];
