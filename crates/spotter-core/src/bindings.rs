//! TypeScript declarations for every type that crosses IPC, generated from the
//! Rust types with ts-rs. `ui/src/bindings.ts` is this output, committed; the test
//! `tests/bindings.rs` fails when it is stale (`make bindings` rewrites it).

use ts_rs::{Config, TS};

use crate::ai::agents::{Agent, AgentInput};
use crate::ai::chat::ChatMessage;
use crate::ai::executions::{
    DayMetrics, Execution, ExecutionQuery, ExecutionStatus, ExecutionSummary,
};
use crate::ai::facts::health::{HealthCheck, HealthReport, HealthStatus};
use crate::ai::providers::{Provider, ProviderInput, ProviderKind};
use crate::ai::review::{Evidence, ReviewItem, ReviewKind, ReviewQuery, ReviewStatus};
use crate::ai::run::{AiStatus, ProviderCheck, ProviderStatus, RunOutcome, RunPreview, RunRequest};
use crate::ai::{AgentEvent, AgentStage, TaskType};
use crate::clients::clearance::ClearanceWarning;
use crate::clients::record::{
    ClientNote, Measurement, MeasurementInput, Metric, ParqInput, ParqIntake,
};
use crate::clients::{
    Client, ClientInput, ClientListQuery, ClientStatus, ClientStatusFilter, FitnessLevel,
};
use crate::ics::{IcsAction, IcsExportSummary, IcsPreview, IcsPreviewEvent};
use crate::import::{
    CsvDelimiter, CsvField, CsvImportRequest, CsvPreview, CsvPreviewRow, DateOrder, ImportReport,
    RowDuplicate, RowError,
};
use crate::info::AppInfo;
use crate::schedule::reminders::Reminder;
use crate::schedule::{
    Attendance, AttentionItem, AttentionReason, CalendarEntry, CalendarQuery, Conflict,
    ConflictKind, Dashboard, DashboardQuery, EditScope, FreeSlot, FreeSlotQuery, Participant,
    Recurrence, Room, RoomInput, SaveOutcome, Session, SessionInput, SessionKind, SessionStatus,
    Trainer, TrainerInput, WorkingHours,
};
use crate::first_start::{FirstStart, WelcomeInput};
use crate::settings::{Clock, Paper, Settings, Units, WeekStart};
use crate::training::exercise_import::{
    DuplicateAction, DuplicateDecision, ExerciseImportPreview, ExerciseImportReport,
    ExistingExercise, ImportFormat, ImportedExercise, SkippedEntry,
};
use crate::training::exercises::{Caution, Exercise, ExerciseInput, ExerciseQuery, ExerciseSource};
use crate::training::last_time::{LastSet, LastTime};
use crate::training::logs::{
    LogSaved, WorkoutLog, WorkoutLogInput, WorkoutLogSummary, WorkoutSet, WorkoutSetInput,
};
use crate::training::plan::{
    GroupKind, Load, LoadKind, Measure, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
use crate::training::plans::{
    AuthorKind, NewPlan, Plan, PlanAssignment, PlanDate, PlanListQuery, PlanSave, PlanSummary,
    PlanVersion, PlanVersionDetail,
};
use crate::training::progress::{AdherenceWeek, ClientProgress, E1rmPoint, E1rmSeries, MuscleWeek};
use crate::training::records::{ExerciseRecords, RecordHit, RecordKind};
use crate::training::report_range::ReportRange;
use crate::updates::{UpdateCheck, UpdateOffer, UpdateProgress, UpdateStatus};
use crate::upload::FileUpload;
use crate::clients::overview::{
    ClientOverview, ClientOverviewPage, ClientOverviewQuery, ClientSort, SortDirection,
};
use crate::quick_find::{FoundExercise, FoundPlan, FoundSession, QuickFindResults};
use crate::training::log_pages::WorkoutLogPage;
use crate::files::dialog::{OpenKind, SaveKind};
use crate::backups::{BackupInfo, BackupReason, RestoreReport, Retention};
use crate::full_export::ExportFiles;
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
        ClientSort::decl(&cfg),
        SortDirection::decl(&cfg),
        ClientOverviewQuery::decl(&cfg),
        ClientOverview::decl(&cfg),
        ClientOverviewPage::decl(&cfg),
        FoundExercise::decl(&cfg),
        FoundPlan::decl(&cfg),
        FoundSession::decl(&cfg),
        QuickFindResults::decl(&cfg),
        ParqIntake::decl(&cfg),
        ClearanceWarning::decl(&cfg),
        ParqInput::decl(&cfg),
        Metric::decl(&cfg),
        Measurement::decl(&cfg),
        MeasurementInput::decl(&cfg),
        ClientNote::decl(&cfg),
        RowError::decl(&cfg),
        RowDuplicate::decl(&cfg),
        ImportReport::decl(&cfg),
        FileUpload::decl(&cfg),
        SaveKind::decl(&cfg),
        OpenKind::decl(&cfg),
        CsvField::decl(&cfg),
        CsvDelimiter::decl(&cfg),
        DateOrder::decl(&cfg),
        CsvPreviewRow::decl(&cfg),
        CsvPreview::decl(&cfg),
        CsvImportRequest::decl(&cfg),
        Units::decl(&cfg),
        Clock::decl(&cfg),
        WeekStart::decl(&cfg),
        Settings::decl(&cfg),
        FirstStart::decl(&cfg),
        WelcomeInput::decl(&cfg),
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
        Paper::decl(&cfg),
        Measure::decl(&cfg),
        Caution::decl(&cfg),
        ExerciseSource::decl(&cfg),
        Exercise::decl(&cfg),
        ExerciseInput::decl(&cfg),
        ExerciseQuery::decl(&cfg),
        ImportFormat::decl(&cfg),
        ExistingExercise::decl(&cfg),
        ImportedExercise::decl(&cfg),
        SkippedEntry::decl(&cfg),
        ExerciseImportPreview::decl(&cfg),
        DuplicateAction::decl(&cfg),
        DuplicateDecision::decl(&cfg),
        ExerciseImportReport::decl(&cfg),
        LoadKind::decl(&cfg),
        Load::decl(&cfg),
        GroupKind::decl(&cfg),
        Prescription::decl(&cfg),
        PlanDay::decl(&cfg),
        PlanWeek::decl(&cfg),
        Progression::decl(&cfg),
        ProgressionRule::decl(&cfg),
        PlanBody::decl(&cfg),
        AuthorKind::decl(&cfg),
        PlanSummary::decl(&cfg),
        Plan::decl(&cfg),
        PlanVersion::decl(&cfg),
        PlanVersionDetail::decl(&cfg),
        NewPlan::decl(&cfg),
        PlanSave::decl(&cfg),
        PlanAssignment::decl(&cfg),
        PlanDate::decl(&cfg),
        PlanListQuery::decl(&cfg),
        WorkoutSetInput::decl(&cfg),
        WorkoutLogInput::decl(&cfg),
        WorkoutSet::decl(&cfg),
        WorkoutLog::decl(&cfg),
        LastTime::decl(&cfg),
        LastSet::decl(&cfg),
        ReportRange::decl(&cfg),
        RecordKind::decl(&cfg),
        RecordHit::decl(&cfg),
        LogSaved::decl(&cfg),
        WorkoutLogSummary::decl(&cfg),
        WorkoutLogPage::decl(&cfg),
        ExerciseRecords::decl(&cfg),
        E1rmPoint::decl(&cfg),
        E1rmSeries::decl(&cfg),
        MuscleWeek::decl(&cfg),
        AdherenceWeek::decl(&cfg),
        ClientProgress::decl(&cfg),
        TaskType::decl(&cfg),
        AgentStage::decl(&cfg),
        AgentEvent::decl(&cfg),
        ProviderKind::decl(&cfg),
        Provider::decl(&cfg),
        ProviderInput::decl(&cfg),
        ProviderCheck::decl(&cfg),
        ProviderStatus::decl(&cfg),
        AiStatus::decl(&cfg),
        Agent::decl(&cfg),
        AgentInput::decl(&cfg),
        ExecutionStatus::decl(&cfg),
        ExecutionSummary::decl(&cfg),
        Execution::decl(&cfg),
        ExecutionQuery::decl(&cfg),
        DayMetrics::decl(&cfg),
        ReviewKind::decl(&cfg),
        ReviewStatus::decl(&cfg),
        Evidence::decl(&cfg),
        ReviewItem::decl(&cfg),
        ReviewQuery::decl(&cfg),
        RunRequest::decl(&cfg),
        RunOutcome::decl(&cfg),
        RunPreview::decl(&cfg),
        ChatMessage::decl(&cfg),
        HealthStatus::decl(&cfg),
        HealthCheck::decl(&cfg),
        HealthReport::decl(&cfg),
        UpdateStatus::decl(&cfg),
        UpdateOffer::decl(&cfg),
        UpdateCheck::decl(&cfg),
        UpdateProgress::decl(&cfg),
        BackupReason::decl(&cfg),
        BackupInfo::decl(&cfg),
        Retention::decl(&cfg),
        RestoreReport::decl(&cfg),
        ExportFiles::decl(&cfg),
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
