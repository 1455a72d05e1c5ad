//! iCalendar (RFC 5545) export and import: what a calendar file means for Spotter's sessions.
//! The format itself (writing content lines and VTIMEZONEs, reading events) is `spotter-ical`.

pub mod export;
pub mod import;

pub use export::{
    session_invitation, trainer_calendar, write_session_invitation, write_trainer_calendar,
    IcsExportSummary,
};
pub use import::{IcsAction, IcsPreview, IcsPreviewEvent};
