// Typed wrappers over the Tauri commands. Argument keys must match the Rust command
// parameters exactly; the types come from the generated bindings.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  BackupInfo,
  ExportFiles,
  RestoreReport,
  Retention,
  Agent,
  AgentEvent,
  AgentInput,
  AiStatus,
  ChatMessage,
  HealthReport,
  DayMetrics,
  Execution,
  ExecutionQuery,
  ExecutionSummary,
  Provider,
  ProviderCheck,
  ProviderInput,
  ReviewItem,
  ReviewQuery,
  RunOutcome,
  RunPreview,
  RunRequest,
  AppError,
  AppInfo,
  ClearanceWarning,
  Attendance,
  CalendarEntry,
  CalendarQuery,
  Client,
  ClientInput,
  ClientListQuery,
  ClientOverviewPage,
  ClientOverviewQuery,
  QuickFindResults,
  WorkoutLogPage,
  ClientNote,
  CsvImportRequest,
  CsvPreview,
  Dashboard,
  DashboardQuery,
  DuplicateDecision,
  Exercise,
  ExerciseImportPreview,
  ExerciseImportReport,
  ExerciseInput,
  ExerciseQuery,
  LogSaved,
  NewPlan,
  Plan,
  PlanAssignment,
  PlanBody,
  PlanDate,
  PlanListQuery,
  PlanSave,
  PlanSummary,
  PlanVersion,
  PlanVersionDetail,
  WorkoutLog,
  LastTime,
  ReportRange,
  WorkoutLogInput,
  WorkoutSetInput,
  ClientProgress,
  EditScope,
  ErrorCode,
  FileUpload,
  OpenKind,
  SaveKind,
  FreeSlot,
  FreeSlotQuery,
  IcsExportSummary,
  IcsPreview,
  ImportReport,
  Measurement,
  MeasurementInput,
  ParqInput,
  ParqIntake,
  Recurrence,
  Room,
  RoomInput,
  SaveOutcome,
  Session,
  SessionInput,
  SessionStatus,
  Settings,
  FirstStart,
  WelcomeInput,
  UpdateCheck,
  UpdateProgress,
  Trainer,
  TrainerInput,
} from './bindings';

// Every code of the core's ErrorCode: a Record over the generated type does not compile
// when the Rust enum gains a code this list lacks (an unknown code would read as 'internal').
const ERROR_CODES: Record<ErrorCode, true> = {
  validation: true,
  not_found: true,
  schema_too_new: true,
  busy: true,
  read_only: true,
  disk_full: true,
  database: true,
  database_corrupt: true,
  io: true,
  invalid_file: true,
  file_exists: true,
  keychain: true,
  ai: true,
  cancelled: true,
  studio: true,
  update_required: true,
  update: true,
  internal: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Normalises whatever `invoke` rejected with into an AppError. */
export function asAppError(e: unknown): AppError {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const { code, message, field } = e as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof message === 'string' && !(e instanceof Error)) {
      const error: AppError = { code: isErrorCode(code) ? code : 'internal', message };
      if (typeof field === 'string' && field !== '') error.field = field;
      return error;
    }
  }
  if (e instanceof Error) return { code: 'internal', message: e.message || e.name };
  if (typeof e === 'string') return { code: 'internal', message: e };
  return { code: 'internal', message: 'Something went wrong.' };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    // Reject with a proper AppError so callers never need to guess the shape.
    throw asAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  clientsList: (query: ClientListQuery) => call<Client[]>('clients_list', { query }),
  /** The client list's page: last/next session, current plan, adherence; sorted, paged. */
  clientsOverview: (query: ClientOverviewQuery) => call<ClientOverviewPage>('clients_overview', { query }),
  /** Ctrl+K: exercises, plans and templates, sessions by client name and date. */
  quickFind: (text: string) => call<QuickFindResults>('quick_find', { text }),
  clientGet: (id: string) => call<Client>('client_get', { id }),
  clientCreate: (input: ClientInput) => call<Client>('client_create', { input }),
  clientUpdate: (id: string, input: ClientInput) => call<Client>('client_update', { id, input }),
  clientSetArchived: (id: string, archived: boolean) =>
    call<Client>('client_set_archived', { id, archived }),
  /** Soft delete; resolves with the client as it was. */
  clientDelete: (id: string) => call<Client>('client_delete', { id }),
  /** Undo of a delete. */
  clientRestore: (id: string) => call<Client>('client_restore', { id }),
  clientSetPaused: (id: string, paused: boolean) => call<Client>('client_set_paused', { id, paused }),
  /** Records medical clearance on a date (YYYY-MM-DD), or removes it with null. */
  clientSetClearance: (id: string, date: string | null) =>
    call<Client>('client_set_clearance', { id, date }),
  clientSessions: (client: string) => call<CalendarEntry[]>('client_sessions', { client }),
  clientsCsvPreview: (request: CsvImportRequest) =>
    call<CsvPreview>('clients_csv_preview', { request }),
  clientsCsvImport: (request: CsvImportRequest) =>
    call<ImportReport>('clients_csv_import', { request }),
  /**
   * Writes clients.csv to `path`, which must come from `dialogSave`; resolves with the path
   * written. `replace`: the save dialog asked "Replace?" already, so an existing file goes.
   */
  clientsCsvExport: (path: string, replace = true) => call<string>('clients_csv_export', { path, replace }),

  intakeQuestions: () => call<string[]>('intake_questions'),
  intakesList: (client: string) => call<ParqIntake[]>('intakes_list', { client }),
  intakeRecord: (client: string, input: ParqInput) =>
    call<ParqIntake>('intake_record', { client, input }),
  clearanceWarnings: (clients: string[]) => call<ClearanceWarning[]>('clearance_warnings', { clients }),
  measurementsList: (client: string) => call<Measurement[]>('measurements_list', { client }),
  measurementAdd: (client: string, input: MeasurementInput) =>
    call<Measurement>('measurement_add', { client, input }),
  measurementDelete: (id: string) => call<null>('measurement_delete', { id }),
  notesList: (client: string) => call<ClientNote[]>('notes_list', { client }),
  noteAdd: (client: string, body: string) => call<ClientNote>('note_add', { client, body }),
  noteUpdate: (id: string, body: string) => call<ClientNote>('note_update', { id, body }),
  noteDelete: (id: string) => call<null>('note_delete', { id }),

  settingsGet: () => call<Settings>('settings_get'),
  settingsSet: (settings: Settings) => call<Settings>('settings_set', { settings }),
  firstStartGet: () => call<FirstStart>('first_start_get'),
  welcomeComplete: (welcome: WelcomeInput) => call<Settings>('welcome_complete', { welcome }),
  dataDirUse: (demo: boolean) => call<FirstStart>('data_dir_use', { demo }),
  defaultExportDir: () => call<string>('default_export_dir'),

  trainersList: () => call<Trainer[]>('trainers_list'),
  trainerCreate: (input: TrainerInput) => call<Trainer>('trainer_create', { input }),
  trainerUpdate: (id: string, input: TrainerInput) => call<Trainer>('trainer_update', { id, input }),
  roomsList: () => call<Room[]>('rooms_list'),
  roomCreate: (input: RoomInput) => call<Room>('room_create', { input }),

  sessionsRange: (query: CalendarQuery) => call<CalendarEntry[]>('sessions_range', { query }),
  sessionGet: (id: string) => call<Session>('session_get', { id }),
  sessionCreate: (input: SessionInput) => call<SaveOutcome>('session_create', { input }),
  sessionUpdate: (id: string, input: SessionInput, scope: EditScope) =>
    call<SaveOutcome>('session_update', { id, input, scope }),
  sessionSetStatus: (id: string, status: SessionStatus, late = false) =>
    call<Session>('session_set_status', { id, status, late }),
  sessionSetAttendance: (id: string, client: string, attendance: Attendance) =>
    call<Session>('session_set_attendance', { id, client, attendance }),
  /** Resolves with how many sessions changed. */
  sessionCancel: (id: string, scope: EditScope, late = false) =>
    call<number>('session_cancel', { id, scope, late }),
  sessionDelete: (id: string) => call<Session>('session_delete', { id }),
  sessionRestore: (id: string) => call<Session>('session_restore', { id }),
  seriesRecurrence: (series: string) => call<Recurrence | null>('series_recurrence', { series }),
  freeSlotFind: (query: FreeSlotQuery) => call<FreeSlot[]>('free_slot_find', { query }),
  dashboardGet: (query: DashboardQuery) => call<Dashboard>('dashboard_get', { query }),

  /** Exports write only to a path from `dialogSave` (see clientsCsvExport). */
  calendarExport: (trainer: string, path: string, replace = true) =>
    call<IcsExportSummary>('calendar_export', { trainer, path, replace }),
  sessionExport: (id: string, path: string, replace = true) =>
    call<IcsExportSummary>('session_export', { id, path, replace }),
  icsPreview: (file: FileUpload, trainer: string) =>
    call<IcsPreview>('ics_preview', { file, trainer }),
  icsImport: (file: FileUpload, trainer: string) =>
    call<IcsPreview>('ics_import', { file, trainer }),

  exercisesList: (query: ExerciseQuery) => call<Exercise[]>('exercises_list', { query }),
  exerciseGet: (id: string) => call<Exercise>('exercise_get', { id }),
  exerciseCreate: (input: ExerciseInput) => call<Exercise>('exercise_create', { input }),
  exerciseUpdate: (id: string, input: ExerciseInput) =>
    call<Exercise>('exercise_update', { id, input }),
  exerciseSetHidden: (id: string, hidden: boolean) =>
    call<Exercise>('exercise_set_hidden', { id, hidden }),
  exercisesImportPreview: (file: FileUpload) =>
    call<ExerciseImportPreview>('exercises_import_preview', { file }),
  exercisesImport: (file: FileUpload, decisions: DuplicateDecision[]) =>
    call<ExerciseImportReport>('exercises_import', { file, decisions }),

  plansList: (query: PlanListQuery) => call<PlanSummary[]>('plans_list', { query }),
  planGet: (id: string) => call<Plan>('plan_get', { id }),
  planCreate: (input: NewPlan) => call<Plan>('plan_create', { input }),
  /** Saves the next version; refused if `input.baseVersion` is no longer current. */
  planSave: (id: string, input: PlanSave) => call<Plan>('plan_save', { id, input }),
  planVersions: (id: string) => call<PlanVersion[]>('plan_versions', { id }),
  planVersion: (id: string, version: number) =>
    call<PlanVersionDetail>('plan_version', { id, version }),
  /** Readable lines: what changed from version `from` to version `to`. */
  planCompare: (id: string, from: number, to: number) =>
    call<string[]>('plan_compare', { id, from, to }),
  planRestore: (id: string, version: number) => call<Plan>('plan_restore', { id, version }),
  planFromTemplate: (template: string, name: string | null, assignment: PlanAssignment | null) =>
    call<Plan>('plan_from_template', { template, name, assignment }),
  planSaveAsTemplate: (id: string, name: string) =>
    call<Plan>('plan_save_as_template', { id, name }),
  planAssign: (id: string, assignment: PlanAssignment) =>
    call<Plan>('plan_assign', { id, assignment }),
  planDelete: (id: string) => call<null>('plan_delete', { id }),
  planDates: (id: string) => call<PlanDate[]>('plan_dates', { id }),
  /** The body with `weeks` weeks generated from week 1 by its progression rule. */
  planGenerate: (body: PlanBody, weeks: number) =>
    call<PlanBody>('plan_generate', { body, weeks }),

  logsList: (client: string, offset: number, limit: number) =>
    call<WorkoutLogPage>('logs_list', { client, offset, limit }),
  logGet: (id: string) => call<WorkoutLog>('log_get', { id }),
  logForSession: (client: string, session: string) => call<string | null>('log_for_session', { client, session }),
  logsLastTime: (client: string, exercises: string[], before: string, except: string | null) =>
    call<LastTime[]>('logs_last_time', { client, exercises, before, except }),
  /** Sets to start a log from, one per prescribed set of the plan day. */
  logPrefill: (plan: string, week: number, day: number) =>
    call<WorkoutSetInput[]>('log_prefill', { plan, week, day }),
  logCreate: (input: WorkoutLogInput) => call<LogSaved>('log_create', { input }),
  logUpdate: (id: string, input: WorkoutLogInput) => call<LogSaved>('log_update', { id, input }),
  logDelete: (id: string) => call<null>('log_delete', { id }),
  clientProgress: (client: string) => call<ClientProgress>('client_progress', { client }),

  /** Writes the plan PDF to `path`; resolves with the path. */
  planPdfSave: (id: string, path: string, replace = true) => call<string>('plan_pdf_save', { id, path, replace }),
  clientReportSave: (client: string, path: string, range: ReportRange | null, replace = true) =>
    call<string>('client_report_save', { client, path, range, replace }),
  /** Stores (or with null removes) the studio logo printed on documents. */
  logoSet: (file: FileUpload | null) => call<Settings>('logo_set', { file }),
  /** Opens one of Spotter's documents (PDF, .ics, .csv, .json) in the system's default app. */
  fileOpen: (path: string) => call<null>('file_open', { path }),
  /**
   * The native save dialog (shown by Spotter, not the window), starting in the last folder
   * saved to (at first Documents/Spotter, created if missing) with `suggested` as the name;
   * resolves with the chosen path, or null when the trainer cancelled.
   */
  dialogSave: (kind: SaveKind, suggested: string) => call<string | null>('dialog_save', { kind, suggested }),
  /** The native open dialog; resolves with the chosen file (read by Spotter), or null. */
  dialogOpen: (kind: OpenKind) => call<string | null>('dialog_open', { kind }),

  // AI agents. A key goes in through aiKeySet and never comes back (providers say hasKey).
  aiProvidersList: () => call<Provider[]>('ai_providers_list'),
  aiProviderCreate: (input: ProviderInput) => call<Provider>('ai_provider_create', { input }),
  aiProviderUpdate: (id: string, input: ProviderInput) => call<Provider>('ai_provider_update', { id, input }),
  /** Removes the provider and its key from the keychain. */
  aiProviderDelete: (id: string) => call<null>('ai_provider_delete', { id }),
  /** The fallback order, first to last; every provider exactly once. */
  aiProvidersReorder: (ids: string[]) => call<Provider[]>('ai_providers_reorder', { ids }),
  aiKeySet: (id: string, key: string) => call<Provider>('ai_key_set', { id, key }),
  aiKeyRemove: (id: string) => call<Provider>('ai_key_remove', { id }),
  /** "Send one tiny request" to this provider alone. */
  aiProviderCheck: (id: string) => call<ProviderCheck>('ai_provider_check', { id }),
  /** Keychain reachability and each provider's circuit breaker. */
  aiStatus: () => call<AiStatus>('ai_status'),
  /** The status light: the latest health report (the app re-checks every few minutes). */
  aiHealth: () => call<HealthReport>('ai_health'),
  /** Runs every health check now. */
  aiHealthCheck: () => call<HealthReport>('ai_health_check'),
  aiAgentsList: () => call<Agent[]>('ai_agents_list'),
  aiAgentUpdate: (id: string, input: AgentInput) => call<Agent>('ai_agent_update', { id, input }),
  /** Exactly what a run would send (names replaced), without sending anything. */
  aiPreview: (request: RunRequest) => call<RunPreview>('ai_preview', { request }),
  /** Runs an agent; `onEvent` gets its progress as it happens. */
  aiRun: (request: RunRequest, onEvent?: (event: AgentEvent) => void) => {
    const events = new Channel<AgentEvent>();
    if (onEvent) events.onmessage = onEvent;
    return call<RunOutcome>('ai_run', { request, events });
  },
  aiCancel: (id: string) => call<boolean>('ai_cancel', { id }),
  /** "Ask about a client": the conversation so far, oldest first. */
  aiChatHistory: (client: string) => call<ChatMessage[]>('ai_chat_history', { client }),
  /** Asks a question; `onEvent` gets `delta` events, each carrying the whole answer so far. */
  aiChatAsk: (client: string, question: string, onEvent?: (event: AgentEvent) => void) => {
    const events = new Channel<AgentEvent>();
    if (onEvent) events.onmessage = onEvent;
    return call<ChatMessage>('ai_chat_ask', { client, question, events });
  },
  aiChatClear: (client: string) => call<null>('ai_chat_clear', { client }),
  aiExecutionsList: (query: ExecutionQuery) => call<ExecutionSummary[]>('ai_executions_list', { query }),
  aiExecutionGet: (id: string) => call<Execution>('ai_execution_get', { id }),
  aiMetrics: (days: number) => call<DayMetrics[]>('ai_metrics', { days }),
  aiReviewList: (query: ReviewQuery) => call<ReviewItem[]>('ai_review_list', { query }),
  /** Accepts an item; `edited` is the trainer's changed text, if any. */
  aiReviewAccept: (id: string, edited: string | null) => call<ReviewItem>('ai_review_accept', { id, edited }),
  aiReviewDismiss: (id: string, reason: string) => call<ReviewItem>('ai_review_dismiss', { id, reason }),

  /** Asks the update server; offline or a server that is down is a status, not an error. */
  updateCheck: () => call<UpdateCheck>('update_check'),
  /**
   * Installs `version` (the one the last check offered): download, signature, database backup,
   * install; `onProgress` gets each stage as it happens. Nothing is installed unless all succeed.
   */
  updateInstall: (version: string, onProgress?: (progress: UpdateProgress) => void) => {
    const events = new Channel<UpdateProgress>();
    if (onProgress) events.onmessage = onProgress;
    return call<null>('update_install', { version, events });
  },
  /** Restarts Spotter into the installed version. */
  updateRestart: () => call<null>('update_restart'),

  // Settings → Data: backups, restore, export everything, the data folder.
  /** The backups of the open data folder, newest first (also when the database is damaged). */
  backupsList: () => call<BackupInfo[]>('backups_list'),
  backupNow: () => call<BackupInfo>('backup_now'),
  /** Restores a backup file over the database (checked first; the present one is backed up). */
  backupRestore: (path: string) => call<RestoreReport>('backup_restore', { path }),
  backupRetentionGet: () => call<Retention>('backup_retention_get'),
  backupRetentionSet: (retention: Retention) => call<Retention>('backup_retention_set', { retention }),
  /** Everything as JSON at `path` (+ clients CSV beside it); replaces only `replace` = that path. */
  exportEverything: (path: string, replace: string | null = null) =>
    call<ExportFiles>('export_everything', { path, replace }),
  /** Opens the data folder in the file manager (no path crosses: Spotter knows its folder). */
  dataFolderOpen: () => call<null>('data_folder_open'),
};

/** A file chosen in the open dialog, as the backend reads it (by path; no bytes cross). */
export function chosenUpload(path: string): FileUpload {
  return { name: path.split(/[\\/]/).pop() || path, base64: '', path };
}
