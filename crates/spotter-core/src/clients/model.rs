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
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatusFilter {
    #[default]
    Active,
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
