//! IPC commands: each one unpacks its arguments, calls spotter-core, and returns
//! `Result<T, AppError>` (serialised as `{code, message, field}`). No logic here.
//! Arguments arrive as JSON and are decoded by `ipc::from_arg`, so a malformed one is a
//! field error like any other.

use std::future::Future;

use serde_json::Value;
use spotter_core::clients::clearance::{self, ClearanceWarning};
use spotter_core::clients::record::{
    self, ClientNote, Measurement, MeasurementInput, ParqInput, ParqIntake,
};
use spotter_core::clients::overview::{self, ClientOverviewPage, ClientOverviewQuery};
use spotter_core::clients::{self, Client, ClientInput, ClientListQuery};
use spotter_core::ics::{self, IcsExportSummary, IcsPreview};
use spotter_core::import::{self, CsvImportRequest, CsvPreview, ImportReport};
use spotter_core::info::{self, AppInfo};
use spotter_core::ipc::from_arg;
use spotter_core::schedule::{
    self, free_slot, sessions, trainers, Attendance, CalendarEntry, CalendarQuery, Dashboard,
    DashboardQuery, EditScope, FreeSlot, FreeSlotQuery, Recurrence, Room, RoomInput, SaveOutcome,
    Session, SessionInput, SessionStatus, Trainer, TrainerInput,
};
use spotter_core::first_start::{self, FirstStart, WelcomeInput};
use spotter_core::settings::{self, Settings};
use spotter_core::training::exercise_import::{
    self, DuplicateDecision, ExerciseImportPreview, ExerciseImportReport,
};
use spotter_core::training::exercises::{self, Exercise, ExerciseInput, ExerciseQuery};
use spotter_core::training::last_time::{self, LastTime};
use spotter_core::quick_find::{self, QuickFindResults};
use spotter_core::training::log_pages::{self, WorkoutLogPage};
use spotter_core::training::logs::{
    self, LogSaved, WorkoutLog, WorkoutLogInput, WorkoutSetInput,
};
use spotter_core::training::plan::PlanBody;
use spotter_core::training::plans::{
    self, Author, NewPlan, Plan, PlanAssignment, PlanDate, PlanListQuery, PlanSave, PlanSummary,
    PlanVersion, PlanVersionDetail,
};
use spotter_core::training::progress::{self, ClientProgress};
use spotter_core::training::progression;
use spotter_core::training::report_range::ReportRange;
use spotter_core::upload::FileUpload;
use spotter_core::files::chosen;
use spotter_core::{export, paths, AppError, Database};
use spotter_print::documents;
use tauri::State;

use crate::state::AppState;

type CmdResult<T> = Result<T, AppError>;

/// One command: decode each argument (a bad one is a field error naming it), then run the
/// body on its own task with the database. Argument names are single words, so the UI's
/// key and the error's field are the same.
macro_rules! command {
    ($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty, |$db:ident| $body:expr) => {
        #[tauri::command]
        pub async fn $name(state: State<'_, AppState>, $($arg: Value),*) -> CmdResult<$ret> {
            $(let $arg: $ty = from_arg(stringify!($arg), $arg)?;)*
            guarded(&state, move |$db| async move { $body }).await
        }
    };
}

/// Runs a core call on its own task so that a panic (a bug) becomes an
/// `internal` error for the UI instead of a promise that never settles.
async fn guarded<T, F, Fut>(state: &AppState, f: F) -> CmdResult<T>
where
    T: Send + 'static,
    F: FnOnce(Database) -> Fut,
    Fut: Future<Output = CmdResult<T>> + Send + 'static,
{
    let db = state.db()?;
    spawn_guarded(f(db)).await
}

pub(crate) async fn spawn_guarded<T, Fut>(fut: Fut) -> CmdResult<T>
where
    T: Send + 'static,
    Fut: Future<Output = CmdResult<T>> + Send + 'static,
{
    match tauri::async_runtime::spawn(fut).await {
        Ok(result) => result,
        Err(e) => {
            tracing::error!(error = %e, "command task failed");
            Err(AppError::internal(
                "Something went wrong inside Spotter; the details are in the log file",
            ))
        }
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let data_dir = state.active_dir().root().to_path_buf();
    let log_dir = state.log_dir.clone();
    guarded(&state, |db| async move {
        info::app_info(&db, &data_dir, &log_dir).await
    })
    .await
}

// ---- clients ----
command!(clients_list(query: ClientListQuery) -> Vec<Client>, |db| clients::list(&db, &query).await);
command!(clients_overview(query: ClientOverviewQuery) -> ClientOverviewPage, |db| overview::list(&db, &query).await);
command!(quick_find(text: String) -> QuickFindResults, |db| quick_find::find(&db, &text).await);
command!(client_get(id: String) -> Client, |db| clients::get(&db, &id).await);
command!(client_create(input: ClientInput) -> Client, |db| clients::create(&db, &input).await);
command!(client_update(id: String, input: ClientInput) -> Client, |db| clients::update(&db, &id, &input).await);
command!(client_set_archived(id: String, archived: bool) -> Client, |db| clients::set_archived(&db, &id, archived).await);
command!(client_set_paused(id: String, paused: bool) -> Client, |db| record::set_paused(&db, &id, paused).await);
command!(client_set_clearance(id: String, date: Option<String>) -> Client, |db| {
    record::set_clearance(&db, &id, date.as_deref()).await
});
command!(client_delete(id: String) -> Client, |db| clients::delete(&db, &id).await);
command!(client_restore(id: String) -> Client, |db| clients::restore(&db, &id).await);
command!(client_sessions(client: String) -> Vec<CalendarEntry>, |db| sessions::for_client(&db, &client, 500).await);
command!(clients_csv_preview(request: CsvImportRequest) -> CsvPreview, |db| import::preview_clients_csv(&db, &request).await);
command!(clients_csv_import(request: CsvImportRequest) -> ImportReport, |db| import::import_clients_mapped(&db, &request).await);
// Exports write only to a path chosen in the save dialog (see dialog_commands.rs); `replace` says the
// dialog's "Replace?" was answered.
command!(clients_csv_export(path: String, replace: bool) -> String, |db| {
    export::write_clients_csv_file(&db, &path, chosen::for_writing(&path, replace)?).await
});

// ---- intake, measurements, notes ----
command!(intake_questions() -> Vec<String>, |_db| Ok(record::PARQ_QUESTIONS.iter().map(|q| q.to_string()).collect()));
command!(intakes_list(client: String) -> Vec<ParqIntake>, |db| record::intakes(&db, &client).await);
command!(intake_record(client: String, input: ParqInput) -> ParqIntake, |db| record::record_intake(&db, &client, &input).await);
command!(clearance_warnings(clients: Vec<String>) -> Vec<ClearanceWarning>, |db| clearance::warnings(&db, &clients).await);
command!(measurements_list(client: String) -> Vec<Measurement>, |db| record::measurements(&db, &client).await);
command!(measurement_add(client: String, input: MeasurementInput) -> Measurement, |db| {
    record::add_measurement(&db, &client, &input).await
});
command!(measurement_delete(id: String) -> (), |db| record::delete_measurement(&db, &id).await);
command!(notes_list(client: String) -> Vec<ClientNote>, |db| record::notes(&db, &client).await);
command!(note_add(client: String, body: String) -> ClientNote, |db| record::add_note(&db, &client, &body).await);
command!(note_update(id: String, body: String) -> ClientNote, |db| record::update_note(&db, &id, &body).await);
command!(note_delete(id: String) -> (), |db| record::delete_note(&db, &id).await);

// ---- settings ----
command!(settings_get() -> Settings, |db| settings::get(&db).await);
command!(settings_set(settings: Settings) -> Settings, |db| settings::set(&db, &settings).await);
command!(welcome_complete(welcome: WelcomeInput) -> Settings, |db| first_start::complete(&db, &welcome).await);

/// Whether to show the welcome, and whether the demo data are open.
#[tauri::command]
pub async fn first_start_get(state: State<'_, AppState>) -> CmdResult<FirstStart> {
    let demo = state.is_demo();
    guarded(&state, move |db| async move {
        Ok(FirstStart { needs_welcome: first_start::needs_welcome(&db).await?, demo })
    })
    .await
}

/// Opens the demo data (`demo` true) or the trainer's own again, in place of the open database.
#[tauri::command]
pub async fn data_dir_use(state: State<'_, AppState>, demo: Value) -> CmdResult<FirstStart> {
    let demo: bool = from_arg("demo", demo)?;
    if demo != state.is_demo() {
        let home = state.data_dir.clone();
        let (db, dir) = spawn_guarded(async move { first_start::open_data(&home, demo).await }).await?;
        state.replace_database(db, dir).await;
        tracing::info!(demo, "data directory switched");
    }
    first_start_get(state).await
}
command!(default_export_dir() -> String, |_db| Ok(paths::default_export_dir().display().to_string()));

// ---- trainers and rooms ----
command!(trainers_list() -> Vec<Trainer>, |db| {
    // The local user always exists, so a solo trainer never sets up "trainers".
    trainers::me(&db).await?;
    trainers::list(&db).await
});
command!(trainer_create(input: TrainerInput) -> Trainer, |db| trainers::create(&db, &input).await);
command!(trainer_update(id: String, input: TrainerInput) -> Trainer, |db| trainers::update(&db, &id, &input).await);
command!(rooms_list() -> Vec<Room>, |db| trainers::rooms(&db).await);
command!(room_create(input: RoomInput) -> Room, |db| trainers::create_room(&db, &input).await);

// ---- sessions ----
// The calendar's rows go to the webview as SQLite built them (see sessions::range_json_sql).
command!(sessions_range(query: CalendarQuery) -> Box<serde_json::value::RawValue>, |db| {
    let json = sessions::range_json(&db, &query).await?;
    serde_json::value::RawValue::from_string(json).map_err(|e| AppError::internal(format!("calendar rows: {e}")))
});
command!(session_get(id: String) -> Session, |db| sessions::get(&db, &id).await);
command!(session_create(input: SessionInput) -> SaveOutcome, |db| sessions::create(&db, &input).await);
command!(session_update(id: String, input: SessionInput, scope: EditScope) -> SaveOutcome, |db| {
    sessions::update(&db, &id, &input, scope).await
});
command!(session_set_status(id: String, status: SessionStatus, late: bool) -> Session, |db| {
    sessions::set_status(&db, &id, status, late).await
});
command!(session_set_attendance(id: String, client: String, attendance: Attendance) -> Session, |db| {
    sessions::set_attendance(&db, &id, &client, attendance).await
});
command!(session_cancel(id: String, scope: EditScope, late: bool) -> u32, |db| sessions::cancel(&db, &id, scope, late).await);
command!(session_delete(id: String) -> Session, |db| sessions::delete(&db, &id).await);
command!(session_restore(id: String) -> Session, |db| sessions::restore(&db, &id).await);
command!(series_recurrence(series: String) -> Option<Recurrence>, |db| sessions::series_recurrence(&db, &series).await);
command!(free_slot_find(query: FreeSlotQuery) -> Vec<FreeSlot>, |db| free_slot::find_several(&db, &query, chrono::Utc::now()).await);
command!(dashboard_get(query: DashboardQuery) -> Dashboard, |db| schedule::dashboard(&db, &query).await);

// ---- iCalendar ----
command!(calendar_export(trainer: String, path: String, replace: bool) -> IcsExportSummary, |db| {
    ics::write_trainer_calendar(&db, &trainer, &path, chosen::for_writing(&path, replace)?).await
});
command!(session_export(id: String, path: String, replace: bool) -> IcsExportSummary, |db| {
    ics::write_session_invitation(&db, &id, &path, chosen::for_writing(&path, replace)?).await
});
command!(ics_preview(file: FileUpload, trainer: String) -> IcsPreview, |db| {
    ics::import::preview(&db, &file.bytes(ics::import::MAX_FILE_BYTES)?, &trainer).await
});
command!(ics_import(file: FileUpload, trainer: String) -> IcsPreview, |db| {
    ics::import::import(&db, &file.bytes(ics::import::MAX_FILE_BYTES)?, &trainer).await
});

// ---- training: exercise library ----
command!(exercises_list(query: ExerciseQuery) -> Vec<Exercise>, |db| exercises::list(&db, &query).await);
command!(exercise_get(id: String) -> Exercise, |db| exercises::get(&db, &id).await);
command!(exercise_create(input: ExerciseInput) -> Exercise, |db| exercises::create(&db, &input).await);
command!(exercise_update(id: String, input: ExerciseInput) -> Exercise, |db| exercises::update(&db, &id, &input).await);
command!(exercise_set_hidden(id: String, hidden: bool) -> Exercise, |db| exercises::set_hidden(&db, &id, hidden).await);
command!(exercises_import_preview(file: FileUpload) -> ExerciseImportPreview, |db| exercise_import::preview(&db, &file).await);
command!(exercises_import(file: FileUpload, decisions: Vec<DuplicateDecision>) -> ExerciseImportReport, |db| {
    exercise_import::import(&db, &file, &decisions).await
});

// ---- training: plans and templates ----
command!(plans_list(query: PlanListQuery) -> Vec<PlanSummary>, |db| plans::list(&db, &query).await);
command!(plan_get(id: String) -> Plan, |db| plans::get(&db, &id).await);
command!(plan_create(input: NewPlan) -> Plan, |db| plans::create(&db, &input, &Author::me(&db).await?).await);
command!(plan_save(id: String, input: PlanSave) -> Plan, |db| plans::save(&db, &id, &input, &Author::me(&db).await?).await);
command!(plan_versions(id: String) -> Vec<PlanVersion>, |db| plans::versions(&db, &id).await);
command!(plan_version(id: String, version: u32) -> PlanVersionDetail, |db| plans::version(&db, &id, version).await);
command!(plan_compare(id: String, from: u32, to: u32) -> Vec<String>, |db| plans::compare(&db, &id, from, to).await);
command!(plan_restore(id: String, version: u32) -> Plan, |db| plans::restore(&db, &id, version, &Author::me(&db).await?).await);
command!(plan_from_template(template: String, name: Option<String>, assignment: Option<PlanAssignment>) -> Plan, |db| {
    plans::from_template(&db, &template, name.as_deref(), assignment.as_ref(), &Author::me(&db).await?).await
});
command!(plan_save_as_template(id: String, name: String) -> Plan, |db| {
    plans::save_as_template(&db, &id, &name, &Author::me(&db).await?).await
});
command!(plan_assign(id: String, assignment: PlanAssignment) -> Plan, |db| plans::assign(&db, &id, &assignment).await);
command!(plan_delete(id: String) -> (), |db| plans::delete(&db, &id).await);
command!(plan_dates(id: String) -> Vec<PlanDate>, |db| plans::dates(&db, &id).await);
command!(plan_generate(body: PlanBody, weeks: u32) -> PlanBody, |_db| progression::generate(&body, weeks as usize));

// ---- training: workout logs and progress ----
command!(logs_list(client: String, offset: u32, limit: u32) -> WorkoutLogPage, |db| log_pages::page(&db, &client, offset, limit).await);
command!(log_get(id: String) -> WorkoutLog, |db| logs::get(&db, &id).await);
command!(log_for_session(client: String, session: String) -> Option<String>, |db| logs::for_session(&db, &client, &session).await);
command!(logs_last_time(client: String, exercises: Vec<String>, before: String, except: Option<String>) -> Vec<LastTime>, |db| last_time::last_time(&db, &client, &exercises, &before, except.as_deref()).await);
command!(log_prefill(plan: String, week: u32, day: u32) -> Vec<WorkoutSetInput>, |db| logs::prefill(&db, &plan, week, day).await);
command!(log_create(input: WorkoutLogInput) -> LogSaved, |db| logs::create(&db, &input).await);
command!(log_update(id: String, input: WorkoutLogInput) -> LogSaved, |db| logs::update(&db, &id, &input).await);
command!(log_delete(id: String) -> (), |db| logs::delete(&db, &id).await);
command!(client_progress(client: String) -> ClientProgress, |db| progress::client_progress(&db, &client).await);

// ---- printing ----
command!(plan_pdf_save(id: String, path: String, replace: bool) -> String, |db| {
    let replace = chosen::for_writing(&path, replace)?;
    let bytes = documents::plan_pdf(&db, &id).await?;
    documents::write_pdf(&path, replace, &bytes)
});
command!(client_report_save(client: String, path: String, range: Option<ReportRange>, replace: bool) -> String, |db| {
    let replace = chosen::for_writing(&path, replace)?;
    let bytes = documents::report_pdf_for(&db, &client, &range.unwrap_or_default()).await?;
    documents::write_pdf(&path, replace, &bytes)
});
command!(logo_set(file: Option<FileUpload>) -> Settings, |db| {
    documents::set_logo(&db, file.as_ref()).await?;
    settings::get(&db).await
});

/// Opens one of Spotter's documents (a PDF, an .ics, a CSV or JSON export) in the system's
/// default app; anything else (a program, a .desktop file, a script) is refused by the core.
#[tauri::command]
pub async fn file_open(app: tauri::AppHandle, path: Value) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let path: String = from_arg("path", path)?;
    let real = spotter_core::files::document::openable(&path)?;
    app.opener()
        .open_path(real.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            tracing::warn!(error = %e, "opening a file failed");
            AppError::new(
                spotter_core::ErrorCode::Io,
                format!("The file could not be opened: {e}"),
            )
        })
}
