//! Every type that crosses IPC, in one place: `use spotter_core::ipc::prelude::*` names them all.
//! The ts-rs declarations (`bindings.rs`) and the command table (src-tauri/src/contract.rs, read by
//! the shell and by tests/contract.rs) both use it, so a type added here is a type the UI can see.

pub use crate::ai::agents::{Agent, AgentInput};
pub use crate::ai::chat::ChatMessage;
pub use crate::ai::executions::{
    DayMetrics, Execution, ExecutionQuery, ExecutionStatus, ExecutionSummary,
};
pub use crate::ai::facts::health::{HealthCheck, HealthReport, HealthStatus};
pub use crate::ai::providers::{Provider, ProviderInput, ProviderKind};
pub use crate::ai::review::{Evidence, ReviewItem, ReviewKind, ReviewQuery, ReviewStatus};
pub use crate::ai::run::{
    AiStatus, ProviderCheck, ProviderStatus, RunOutcome, RunPreview, RunRequest,
};
pub use crate::ai::{AgentEvent, AgentStage, TaskType};
pub use crate::clients::clearance::ClearanceWarning;
pub use crate::clients::overview::{
    ClientOverview, ClientOverviewPage, ClientOverviewQuery, ClientSort, SortDirection,
};
pub use crate::clients::record::{
    ClientNote, Measurement, MeasurementInput, Metric, ParqInput, ParqIntake,
};
pub use crate::clients::{
    Client, ClientInput, ClientListQuery, ClientStatus, ClientStatusFilter, FitnessLevel,
};
pub use crate::first_start::{FirstStart, WelcomeInput};
pub use crate::full_export::ExportFiles;
pub use crate::ics::{IcsAction, IcsExportSummary, IcsPreview, IcsPreviewEvent};
pub use crate::import::{
    CsvDelimiter, CsvField, CsvImportRequest, CsvPreview, CsvPreviewRow, DateOrder, ImportReport,
    RowDuplicate, RowError,
};
pub use crate::info::AppInfo;
pub use crate::ipc::RawJson;
pub use crate::quick_find::{FoundExercise, FoundPlan, FoundSession, QuickFindResults};
pub use crate::schedule::reminders::Reminder;
pub use crate::schedule::{
    Attendance, AttentionItem, AttentionReason, CalendarEntry, CalendarQuery, Conflict,
    ConflictKind, Dashboard, DashboardQuery, EditScope, FreeSlot, FreeSlotQuery, Participant,
    Recurrence, Room, RoomInput, SaveOutcome, Session, SessionInput, SessionKind, SessionStatus,
    Trainer, TrainerInput, WorkingHours,
};
pub use crate::settings::{Clock, Paper, Settings, Units, WeekStart};
pub use crate::training::exercise_import::{
    DuplicateAction, DuplicateDecision, ExerciseImportPreview, ExerciseImportReport,
    ExistingExercise, ImportFormat, ImportedExercise, SkippedEntry,
};
pub use crate::training::exercises::{
    Caution, Exercise, ExerciseInput, ExerciseQuery, ExerciseSource,
};
pub use crate::training::last_time::{LastSet, LastTime};
pub use crate::training::log_pages::WorkoutLogPage;
pub use crate::training::logs::{
    LogSaved, WorkoutLog, WorkoutLogInput, WorkoutLogSummary, WorkoutSet, WorkoutSetInput,
};
pub use crate::training::plan::{
    GroupKind, Load, LoadKind, Measure, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
pub use crate::training::plans::{
    AuthorKind, NewPlan, Plan, PlanAssignment, PlanDate, PlanListQuery, PlanSave, PlanSummary,
    PlanVersion, PlanVersionDetail,
};
pub use crate::training::progress::{
    AdherenceWeek, ClientProgress, E1rmPoint, E1rmSeries, MuscleWeek,
};
pub use crate::training::records::{ExerciseRecords, RecordHit, RecordKind};
pub use crate::training::report_range::ReportRange;
pub use crate::updates::{UpdateCheck, UpdateOffer, UpdateProgress, UpdateStatus};
pub use spotter_files::dialog::{OpenKind, SaveKind};
pub use spotter_files::upload::FileUpload;
pub use spotter_store::backups::{BackupInfo, BackupReason, RestoreReport, Retention};
pub use spotter_store::{AppError, ErrorCode};
