use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A client as stored, sent to the UI and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Calendar date, `YYYY-MM-DD`.
    pub date_of_birth: Option<String>,
    pub goals: String,
    pub notes: String,
    pub tags: Vec<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub fitness_level: Option<FitnessLevel>,
    /// Injuries and limitations, free text.
    pub injuries: String,
    /// Body areas the injuries concern (see [`BODY_AREAS`]).
    pub body_areas: Vec<String>,
    /// "Weekday mornings", "Tue/Thu after 18:00" …
    pub preferred_times: String,
    pub status: ClientStatus,
    /// The latest PAR-Q+ had a "yes" and no medical clearance is recorded.
    pub needs_clearance: bool,
    /// When medical clearance was received (`YYYY-MM-DD`).
    pub clearance_on: Option<String>,
    pub paused_at: Option<String>,
    /// Set while the client is archived (no longer training, kept for the record).
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Set when deleted; deleted clients are hidden everywhere but can be restored.
    pub deleted_at: Option<String>,
}

/// What the trainer types in the client form. Validated by [`super::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientInput {
    pub name: String,
    #[ts(optional = nullable)]
    pub email: Option<String>,
    #[ts(optional = nullable)]
    pub phone: Option<String>,
    /// `YYYY-MM-DD`.
    #[ts(optional = nullable)]
    pub date_of_birth: Option<String>,
    pub goals: String,
    pub notes: String,
    pub tags: Vec<String>,
    #[ts(optional = nullable)]
    pub emergency_contact_name: Option<String>,
    #[ts(optional = nullable)]
    pub emergency_contact_phone: Option<String>,
    #[ts(optional = nullable)]
    pub fitness_level: Option<FitnessLevel>,
    pub injuries: String,
    pub body_areas: Vec<String>,
    pub preferred_times: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FitnessLevel {
    Beginner,
    Intermediate,
    Advanced,
    Athlete,
}

impl FitnessLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Beginner => "beginner",
            Self::Intermediate => "intermediate",
            Self::Advanced => "advanced",
            Self::Athlete => "athlete",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Beginner,
            Self::Intermediate,
            Self::Advanced,
            Self::Athlete,
        ]
        .into_iter()
        .find(|l| l.as_str() == s)
    }
}

/// Body-area tags for injuries and limitations.
pub const BODY_AREAS: [&str; 14] = [
    "neck",
    "shoulder",
    "elbow",
    "wrist",
    "upper_back",
    "lower_back",
    "chest",
    "core",
    "hip",
    "knee",
    "ankle",
    "foot",
    "hamstring",
    "calf",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    #[default]
    Active,
    /// Taking a break (injury, travel); stays in the list, out of "needs attention".
    Paused,
    Archived,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatusFilter {
    /// Active and paused: everyone not archived.
    #[default]
    Active,
    Paused,
    Archived,
    All,
}

/// The client list: optional search text (matched as you type), status and a page size.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientListQuery {
    #[ts(optional = nullable)]
    pub search: Option<String>,
    pub status: ClientStatusFilter,
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
}
