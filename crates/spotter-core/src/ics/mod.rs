//! iCalendar (RFC 5545) export and import.

pub mod export;
pub mod import;
mod vtimezone;
mod windows_zones;
pub mod writer;

pub use export::{
    session_invitation, trainer_calendar, write_session_invitation, write_trainer_calendar,
    IcsExportSummary,
};
pub use import::{IcsAction, IcsPreview, IcsPreviewEvent};
