//! TypeScript declarations for every type that crosses IPC, generated from the
//! Rust types with ts-rs. `ui/src/bindings.ts` is this output, committed; the test
//! `tests/bindings.rs` fails when it is stale (`make bindings` rewrites it).

use ts_rs::{Config, TS};

use crate::clients::record::{
    ClientNote, Measurement, MeasurementInput, Metric, ParqInput, ParqIntake,
};
use crate::clients::{
    Client, ClientInput, ClientListQuery, ClientStatus, ClientStatusFilter, FitnessLevel,
};
use crate::ics::{IcsAction, IcsExportSummary, IcsPreview, IcsPreviewEvent};
use crate::import::{
    CsvField, CsvImportRequest, CsvPreview, CsvPreviewRow, ImportReport, RowDuplicate, RowError,
};
use crate::info::AppInfo;
use crate::schedule::reminders::Reminder;
use crate::schedule::{
    Attendance, AttentionItem, AttentionReason, CalendarEntry, CalendarQuery, Conflict,
    ConflictKind, Dashboard, DashboardQuery, EditScope, FreeSlot, FreeSlotQuery, Participant,
    Recurrence, Room, RoomInput, SaveOutcome, Session, SessionInput, SessionKind, SessionStatus,
    Trainer, TrainerInput, WorkingHours,
};
use crate::settings::{Settings, Units};
use crate::upload::FileUpload;
use crate::{AppError, ErrorCode};

pub fn typescript() -> String {
    // Integers in our IPC types are counts and versions, far below 2^53: plain numbers.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorCode::decl(&cfg),
        AppError::decl(&cfg),
        Client::decl(&cfg),
        ClientInput::decl(&cfg),
        ClientStatusFilter::decl(&cfg),
        ClientStatus::decl(&cfg),
        FitnessLevel::decl(&cfg),
        ClientListQuery::decl(&cfg),
        ParqIntake::decl(&cfg),
        ParqInput::decl(&cfg),
        Metric::decl(&cfg),
        Measurement::decl(&cfg),
        MeasurementInput::decl(&cfg),
        ClientNote::decl(&cfg),
        RowError::decl(&cfg),
        RowDuplicate::decl(&cfg),
        ImportReport::decl(&cfg),
        FileUpload::decl(&cfg),
        CsvField::decl(&cfg),
        CsvPreviewRow::decl(&cfg),
        CsvPreview::decl(&cfg),
        CsvImportRequest::decl(&cfg),
        Units::decl(&cfg),
        Settings::decl(&cfg),
        WorkingHours::decl(&cfg),
        Trainer::decl(&cfg),
        TrainerInput::decl(&cfg),
        Room::decl(&cfg),
        RoomInput::decl(&cfg),
        SessionKind::decl(&cfg),
        SessionStatus::decl(&cfg),
        Attendance::decl(&cfg),
        Participant::decl(&cfg),
        Session::decl(&cfg),
        CalendarEntry::decl(&cfg),
        CalendarQuery::decl(&cfg),
        Recurrence::decl(&cfg),
        SessionInput::decl(&cfg),
        EditScope::decl(&cfg),
        ConflictKind::decl(&cfg),
        Conflict::decl(&cfg),
        SaveOutcome::decl(&cfg),
        FreeSlotQuery::decl(&cfg),
        FreeSlot::decl(&cfg),
        DashboardQuery::decl(&cfg),
        AttentionReason::decl(&cfg),
        AttentionItem::decl(&cfg),
        Dashboard::decl(&cfg),
        Reminder::decl(&cfg),
        IcsAction::decl(&cfg),
        IcsPreviewEvent::decl(&cfg),
        IcsPreview::decl(&cfg),
        IcsExportSummary::decl(&cfg),
        AppInfo::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/spotter-core by ts-rs. Do not edit.\n\
         // Regenerate with `make bindings`; `make test` fails when this file is stale.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
