// Generated from src-tauri/src/contract.rs (the command table) by crates/spotter-core/tests/contract.rs.
// Do not edit: declare a command in the table and run `make bindings`; a test fails when this is stale.
import { call, Channel } from './ipc';
import type {
  Agent,
  AgentEvent,
  AgentInput,
  AiStatus,
  AppInfo,
  Attendance,
  BackupInfo,
  CalendarEntry,
  CalendarQuery,
  ChatMessage,
  ClearanceWarning,
  Client,
  ClientInput,
  ClientListQuery,
  ClientNote,
  ClientOverviewPage,
  ClientOverviewQuery,
  ClientProgress,
  CsvImportRequest,
  CsvPreview,
  Dashboard,
  DashboardQuery,
  DayMetrics,
  DuplicateDecision,
  EditScope,
  ErrorCode,
  Execution,
  ExecutionQuery,
  ExecutionSummary,
  Exercise,
  ExerciseImportPreview,
  ExerciseImportReport,
  ExerciseInput,
  ExerciseQuery,
  ExportFiles,
  FileUpload,
  FirstStart,
  FreeSlot,
  FreeSlotQuery,
  HealthReport,
  IcsExportSummary,
  IcsPreview,
  ImportReport,
  LastTime,
  LogSaved,
  Measurement,
  MeasurementInput,
  NewPlan,
  OpenKind,
  ParqInput,
  ParqIntake,
  Plan,
  PlanAssignment,
  PlanBody,
  PlanDate,
  PlanListQuery,
  PlanSave,
  PlanSummary,
  PlanVersion,
  PlanVersionDetail,
  Provider,
  ProviderCheck,
  ProviderInput,
  QuickFindResults,
  Recurrence,
  ReportRange,
  RestoreReport,
  Retention,
  ReviewItem,
  ReviewQuery,
  Room,
  RoomInput,
  RunOutcome,
  RunPreview,
  RunRequest,
  SaveKind,
  SaveOutcome,
  Session,
  SessionInput,
  SessionStatus,
  Settings,
  Trainer,
  TrainerInput,
  UpdateCheck,
  UpdateProgress,
  WelcomeInput,
  WorkoutLog,
  WorkoutLogInput,
  WorkoutLogPage,
  WorkoutSetInput,
} from './bindings';

/** Every code of the core's `ErrorCode` (`ErrorCode::ALL`). */
export const ERROR_CODES: readonly ErrorCode[] = [
  "validation",
  "not_found",
  "schema_too_new",
  "busy",
  "read_only",
  "disk_full",
  "database",
  "database_corrupt",
  "io",
  "invalid_file",
  "file_exists",
  "keychain",
  "ai",
  "cancelled",
  "studio",
  "update_required",
  "update",
  "internal",
];

/** Each command's arguments (keyed as the Rust parameters) and result, by IPC name. */
export interface CommandTypes {
  app_info: { args: Record<string, never>; result: AppInfo };
  clients_list: { args: { query: ClientListQuery }; result: Array<Client> };
  clients_overview: { args: { query: ClientOverviewQuery }; result: ClientOverviewPage };
  quick_find: { args: { text: string }; result: QuickFindResults };
  client_get: { args: { id: string }; result: Client };
  client_create: { args: { input: ClientInput }; result: Client };
  client_update: { args: { id: string; input: ClientInput }; result: Client };
  client_set_archived: { args: { id: string; archived: boolean }; result: Client };
  client_set_paused: { args: { id: string; paused: boolean }; result: Client };
  client_set_clearance: { args: { id: string; date: string | null }; result: Client };
  client_delete: { args: { id: string }; result: Client };
  client_restore: { args: { id: string }; result: Client };
  client_sessions: { args: { client: string }; result: Array<CalendarEntry> };
  clients_csv_preview: { args: { request: CsvImportRequest }; result: CsvPreview };
  clients_csv_import: { args: { request: CsvImportRequest }; result: ImportReport };
  clients_csv_export: { args: { path: string; replace: boolean }; result: string };
  intake_questions: { args: Record<string, never>; result: Array<string> };
  intakes_list: { args: { client: string }; result: Array<ParqIntake> };
  intake_record: { args: { client: string; input: ParqInput }; result: ParqIntake };
  clearance_warnings: { args: { clients: Array<string> }; result: Array<ClearanceWarning> };
  measurements_list: { args: { client: string }; result: Array<Measurement> };
  measurement_add: { args: { client: string; input: MeasurementInput }; result: Measurement };
  measurement_delete: { args: { id: string }; result: null };
  notes_list: { args: { client: string }; result: Array<ClientNote> };
  note_add: { args: { client: string; body: string }; result: ClientNote };
  note_update: { args: { id: string; body: string }; result: ClientNote };
  note_delete: { args: { id: string }; result: null };
  settings_get: { args: Record<string, never>; result: Settings };
  settings_set: { args: { settings: Settings }; result: Settings };
  first_start_get: { args: Record<string, never>; result: FirstStart };
  welcome_complete: { args: { welcome: WelcomeInput }; result: Settings };
  data_dir_use: { args: { demo: boolean }; result: FirstStart };
  default_export_dir: { args: Record<string, never>; result: string };
  trainers_list: { args: Record<string, never>; result: Array<Trainer> };
  trainer_create: { args: { input: TrainerInput }; result: Trainer };
  trainer_update: { args: { id: string; input: TrainerInput }; result: Trainer };
  rooms_list: { args: Record<string, never>; result: Array<Room> };
  room_create: { args: { input: RoomInput }; result: Room };
  sessions_range: { args: { query: CalendarQuery }; result: Array<CalendarEntry> };
  session_get: { args: { id: string }; result: Session };
  session_create: { args: { input: SessionInput }; result: SaveOutcome };
  session_update: { args: { id: string; input: SessionInput; scope: EditScope }; result: SaveOutcome };
  session_set_status: { args: { id: string; status: SessionStatus; late: boolean }; result: Session };
  session_set_attendance: { args: { id: string; client: string; attendance: Attendance }; result: Session };
  session_cancel: { args: { id: string; scope: EditScope; late: boolean }; result: number };
  session_delete: { args: { id: string }; result: Session };
  session_restore: { args: { id: string }; result: Session };
  series_recurrence: { args: { series: string }; result: Recurrence | null };
  free_slot_find: { args: { query: FreeSlotQuery }; result: Array<FreeSlot> };
  dashboard_get: { args: { query: DashboardQuery }; result: Dashboard };
  calendar_export: { args: { trainer: string; path: string; replace: boolean }; result: IcsExportSummary };
  session_export: { args: { id: string; path: string; replace: boolean }; result: IcsExportSummary };
  ics_preview: { args: { file: FileUpload; trainer: string }; result: IcsPreview };
  ics_import: { args: { file: FileUpload; trainer: string }; result: IcsPreview };
  exercises_list: { args: { query: ExerciseQuery }; result: Array<Exercise> };
  exercise_get: { args: { id: string }; result: Exercise };
  exercise_create: { args: { input: ExerciseInput }; result: Exercise };
  exercise_update: { args: { id: string; input: ExerciseInput }; result: Exercise };
  exercise_set_hidden: { args: { id: string; hidden: boolean }; result: Exercise };
  exercises_import_preview: { args: { file: FileUpload }; result: ExerciseImportPreview };
  exercises_import: { args: { file: FileUpload; decisions: Array<DuplicateDecision> }; result: ExerciseImportReport };
  plans_list: { args: { query: PlanListQuery }; result: Array<PlanSummary> };
  plan_get: { args: { id: string }; result: Plan };
  plan_create: { args: { input: NewPlan }; result: Plan };
  plan_save: { args: { id: string; input: PlanSave }; result: Plan };
  plan_versions: { args: { id: string }; result: Array<PlanVersion> };
  plan_version: { args: { id: string; version: number }; result: PlanVersionDetail };
  plan_compare: { args: { id: string; from: number; to: number }; result: Array<string> };
  plan_restore: { args: { id: string; version: number }; result: Plan };
  plan_from_template: { args: { template: string; name: string | null; assignment: PlanAssignment | null }; result: Plan };
  plan_save_as_template: { args: { id: string; name: string }; result: Plan };
  plan_assign: { args: { id: string; assignment: PlanAssignment }; result: Plan };
  plan_delete: { args: { id: string }; result: null };
  plan_dates: { args: { id: string }; result: Array<PlanDate> };
  plan_generate: { args: { body: PlanBody; weeks: number }; result: PlanBody };
  logs_list: { args: { client: string; offset: number; limit: number }; result: WorkoutLogPage };
  log_get: { args: { id: string }; result: WorkoutLog };
  log_for_session: { args: { client: string; session: string }; result: string | null };
  logs_last_time: { args: { client: string; exercises: Array<string>; before: string; except: string | null }; result: Array<LastTime> };
  log_prefill: { args: { plan: string; week: number; day: number }; result: Array<WorkoutSetInput> };
  log_create: { args: { input: WorkoutLogInput }; result: LogSaved };
  log_update: { args: { id: string; input: WorkoutLogInput }; result: LogSaved };
  log_delete: { args: { id: string }; result: null };
  client_progress: { args: { client: string }; result: ClientProgress };
  plan_pdf_save: { args: { id: string; path: string; replace: boolean }; result: string };
  client_report_save: { args: { client: string; path: string; range: ReportRange | null; replace: boolean }; result: string };
  logo_set: { args: { file: FileUpload | null }; result: Settings };
  file_open: { args: { path: string }; result: null };
  backups_list: { args: Record<string, never>; result: Array<BackupInfo> };
  backup_now: { args: Record<string, never>; result: BackupInfo };
  backup_restore: { args: { path: string }; result: RestoreReport };
  backup_retention_get: { args: Record<string, never>; result: Retention };
  backup_retention_set: { args: { retention: Retention }; result: Retention };
  export_everything: { args: { path: string; replace: string | null }; result: ExportFiles };
  data_folder_open: { args: Record<string, never>; result: null };
  dialog_save: { args: { kind: SaveKind; suggested: string }; result: string | null };
  dialog_open: { args: { kind: OpenKind }; result: string | null };
  ai_providers_list: { args: Record<string, never>; result: Array<Provider> };
  ai_provider_create: { args: { input: ProviderInput }; result: Provider };
  ai_provider_update: { args: { id: string; input: ProviderInput }; result: Provider };
  ai_provider_delete: { args: { id: string }; result: null };
  ai_providers_reorder: { args: { ids: Array<string> }; result: Array<Provider> };
  ai_key_set: { args: { id: string; key: string }; result: Provider };
  ai_key_remove: { args: { id: string }; result: Provider };
  ai_provider_check: { args: { id: string }; result: ProviderCheck };
  ai_status: { args: Record<string, never>; result: AiStatus };
  ai_health: { args: Record<string, never>; result: HealthReport };
  ai_health_check: { args: Record<string, never>; result: HealthReport };
  ai_agents_list: { args: Record<string, never>; result: Array<Agent> };
  ai_agent_update: { args: { id: string; input: AgentInput }; result: Agent };
  ai_preview: { args: { request: RunRequest }; result: RunPreview };
  ai_run: { args: { request: RunRequest; events: Channel<AgentEvent> }; result: RunOutcome };
  ai_chat_history: { args: { client: string }; result: Array<ChatMessage> };
  ai_chat_ask: { args: { client: string; question: string; events: Channel<AgentEvent> }; result: ChatMessage };
  ai_chat_clear: { args: { client: string }; result: null };
  ai_cancel: { args: { id: string }; result: boolean };
  ai_executions_list: { args: { query: ExecutionQuery }; result: Array<ExecutionSummary> };
  ai_execution_get: { args: { id: string }; result: Execution };
  ai_metrics: { args: { days: number }; result: Array<DayMetrics> };
  ai_review_list: { args: { query: ReviewQuery }; result: Array<ReviewItem> };
  ai_review_accept: { args: { id: string; edited: string | null }; result: ReviewItem };
  ai_review_dismiss: { args: { id: string; reason: string }; result: ReviewItem };
  update_check: { args: Record<string, never>; result: UpdateCheck };
  update_install: { args: { version: string; events: Channel<UpdateProgress> }; result: null };
  update_restart: { args: Record<string, never>; result: null };
}

export interface Commands {
  /** The version, the data and log folders, the schema version. */
  appInfo: () => Promise<AppInfo>;
  clientsList: (query: ClientListQuery) => Promise<Array<Client>>;
  /** The client list's page: last/next session, current plan, adherence; sorted, paged. */
  clientsOverview: (query: ClientOverviewQuery) => Promise<ClientOverviewPage>;
  /** Ctrl+K: exercises, plans and templates, sessions by client name and date. */
  quickFind: (text: string) => Promise<QuickFindResults>;
  clientGet: (id: string) => Promise<Client>;
  clientCreate: (input: ClientInput) => Promise<Client>;
  clientUpdate: (id: string, input: ClientInput) => Promise<Client>;
  clientSetArchived: (id: string, archived: boolean) => Promise<Client>;
  clientSetPaused: (id: string, paused: boolean) => Promise<Client>;
  /** Records medical clearance on a date (YYYY-MM-DD), or removes it with null. */
  clientSetClearance: (id: string, date: string | null) => Promise<Client>;
  /** Soft delete; resolves with the client as it was. */
  clientDelete: (id: string) => Promise<Client>;
  /** Undo of a delete. */
  clientRestore: (id: string) => Promise<Client>;
  clientSessions: (client: string) => Promise<Array<CalendarEntry>>;
  clientsCsvPreview: (request: CsvImportRequest) => Promise<CsvPreview>;
  clientsCsvImport: (request: CsvImportRequest) => Promise<ImportReport>;
  /**
   * Writes clients.csv to `path`, which must come from `dialogSave`; resolves with the path
   * written. `replace`: the save dialog asked "Replace?" already, so an existing file goes.
   */
  clientsCsvExport: (path: string, replace?: boolean) => Promise<string>;
  intakeQuestions: () => Promise<Array<string>>;
  intakesList: (client: string) => Promise<Array<ParqIntake>>;
  intakeRecord: (client: string, input: ParqInput) => Promise<ParqIntake>;
  clearanceWarnings: (clients: Array<string>) => Promise<Array<ClearanceWarning>>;
  measurementsList: (client: string) => Promise<Array<Measurement>>;
  measurementAdd: (client: string, input: MeasurementInput) => Promise<Measurement>;
  measurementDelete: (id: string) => Promise<null>;
  notesList: (client: string) => Promise<Array<ClientNote>>;
  noteAdd: (client: string, body: string) => Promise<ClientNote>;
  noteUpdate: (id: string, body: string) => Promise<ClientNote>;
  noteDelete: (id: string) => Promise<null>;
  settingsGet: () => Promise<Settings>;
  settingsSet: (settings: Settings) => Promise<Settings>;
  firstStartGet: () => Promise<FirstStart>;
  welcomeComplete: (welcome: WelcomeInput) => Promise<Settings>;
  dataDirUse: (demo: boolean) => Promise<FirstStart>;
  defaultExportDir: () => Promise<string>;
  trainersList: () => Promise<Array<Trainer>>;
  trainerCreate: (input: TrainerInput) => Promise<Trainer>;
  trainerUpdate: (id: string, input: TrainerInput) => Promise<Trainer>;
  roomsList: () => Promise<Array<Room>>;
  roomCreate: (input: RoomInput) => Promise<Room>;
  /** The calendar's entries from `query.from` to `query.to` (as SQLite built them, passed on as text). */
  sessionsRange: (query: CalendarQuery) => Promise<Array<CalendarEntry>>;
  sessionGet: (id: string) => Promise<Session>;
  sessionCreate: (input: SessionInput) => Promise<SaveOutcome>;
  sessionUpdate: (id: string, input: SessionInput, scope: EditScope) => Promise<SaveOutcome>;
  sessionSetStatus: (id: string, status: SessionStatus, late?: boolean) => Promise<Session>;
  sessionSetAttendance: (id: string, client: string, attendance: Attendance) => Promise<Session>;
  /** Resolves with how many sessions changed. */
  sessionCancel: (id: string, scope: EditScope, late?: boolean) => Promise<number>;
  sessionDelete: (id: string) => Promise<Session>;
  sessionRestore: (id: string) => Promise<Session>;
  seriesRecurrence: (series: string) => Promise<Recurrence | null>;
  freeSlotFind: (query: FreeSlotQuery) => Promise<Array<FreeSlot>>;
  dashboardGet: (query: DashboardQuery) => Promise<Dashboard>;
  /** Exports write only to a path from `dialogSave` (see clientsCsvExport). */
  calendarExport: (trainer: string, path: string, replace?: boolean) => Promise<IcsExportSummary>;
  sessionExport: (id: string, path: string, replace?: boolean) => Promise<IcsExportSummary>;
  icsPreview: (file: FileUpload, trainer: string) => Promise<IcsPreview>;
  icsImport: (file: FileUpload, trainer: string) => Promise<IcsPreview>;
  exercisesList: (query: ExerciseQuery) => Promise<Array<Exercise>>;
  exerciseGet: (id: string) => Promise<Exercise>;
  exerciseCreate: (input: ExerciseInput) => Promise<Exercise>;
  exerciseUpdate: (id: string, input: ExerciseInput) => Promise<Exercise>;
  exerciseSetHidden: (id: string, hidden: boolean) => Promise<Exercise>;
  exercisesImportPreview: (file: FileUpload) => Promise<ExerciseImportPreview>;
  exercisesImport: (file: FileUpload, decisions: Array<DuplicateDecision>) => Promise<ExerciseImportReport>;
  plansList: (query: PlanListQuery) => Promise<Array<PlanSummary>>;
  planGet: (id: string) => Promise<Plan>;
  planCreate: (input: NewPlan) => Promise<Plan>;
  /** Saves the next version; refused if `input.baseVersion` is no longer current. */
  planSave: (id: string, input: PlanSave) => Promise<Plan>;
  planVersions: (id: string) => Promise<Array<PlanVersion>>;
  planVersion: (id: string, version: number) => Promise<PlanVersionDetail>;
  /** Readable lines: what changed from version `from` to version `to`. */
  planCompare: (id: string, from: number, to: number) => Promise<Array<string>>;
  planRestore: (id: string, version: number) => Promise<Plan>;
  planFromTemplate: (template: string, name: string | null, assignment: PlanAssignment | null) => Promise<Plan>;
  planSaveAsTemplate: (id: string, name: string) => Promise<Plan>;
  planAssign: (id: string, assignment: PlanAssignment) => Promise<Plan>;
  planDelete: (id: string) => Promise<null>;
  planDates: (id: string) => Promise<Array<PlanDate>>;
  /** The body with `weeks` weeks generated from week 1 by its progression rule. */
  planGenerate: (body: PlanBody, weeks: number) => Promise<PlanBody>;
  logsList: (client: string, offset: number, limit: number) => Promise<WorkoutLogPage>;
  logGet: (id: string) => Promise<WorkoutLog>;
  logForSession: (client: string, session: string) => Promise<string | null>;
  logsLastTime: (client: string, exercises: Array<string>, before: string, except: string | null) => Promise<Array<LastTime>>;
  /** Sets to start a log from, one per prescribed set of the plan day. */
  logPrefill: (plan: string, week: number, day: number) => Promise<Array<WorkoutSetInput>>;
  logCreate: (input: WorkoutLogInput) => Promise<LogSaved>;
  logUpdate: (id: string, input: WorkoutLogInput) => Promise<LogSaved>;
  logDelete: (id: string) => Promise<null>;
  clientProgress: (client: string) => Promise<ClientProgress>;
  /** Writes the plan PDF to `path`; resolves with the path. */
  planPdfSave: (id: string, path: string, replace?: boolean) => Promise<string>;
  clientReportSave: (client: string, path: string, range: ReportRange | null, replace?: boolean) => Promise<string>;
  /** Stores (or with null removes) the studio logo printed on documents. */
  logoSet: (file: FileUpload | null) => Promise<Settings>;
  /** Opens one of Spotter's documents (PDF, .ics, .csv, .json) in the system's default app. */
  fileOpen: (path: string) => Promise<null>;
  /** The backups of the open data folder, newest first (also when the database is damaged). */
  backupsList: () => Promise<Array<BackupInfo>>;
  backupNow: () => Promise<BackupInfo>;
  /** Restores a backup file over the database (checked first; the present one is backed up). */
  backupRestore: (path: string) => Promise<RestoreReport>;
  backupRetentionGet: () => Promise<Retention>;
  backupRetentionSet: (retention: Retention) => Promise<Retention>;
  /** Everything as JSON at `path` (+ clients CSV beside it); replaces only `replace` = that path. */
  exportEverything: (path: string, replace?: string | null) => Promise<ExportFiles>;
  /** Opens the data folder in the file manager (no path crosses: Spotter knows its folder). */
  dataFolderOpen: () => Promise<null>;
  /**
   * The native save dialog (shown by Spotter, not the window), starting in the last folder
   * saved to (at first Documents/Spotter, created if missing) with `suggested` as the name;
   * resolves with the chosen path, or null when the trainer cancelled.
   */
  dialogSave: (kind: SaveKind, suggested: string) => Promise<string | null>;
  /** The native open dialog; resolves with the chosen file (read by Spotter), or null. */
  dialogOpen: (kind: OpenKind) => Promise<string | null>;
  aiProvidersList: () => Promise<Array<Provider>>;
  aiProviderCreate: (input: ProviderInput) => Promise<Provider>;
  aiProviderUpdate: (id: string, input: ProviderInput) => Promise<Provider>;
  /** Removes the provider and its key from the keychain. */
  aiProviderDelete: (id: string) => Promise<null>;
  /** The fallback order, first to last; every provider exactly once. */
  aiProvidersReorder: (ids: Array<string>) => Promise<Array<Provider>>;
  aiKeySet: (id: string, key: string) => Promise<Provider>;
  aiKeyRemove: (id: string) => Promise<Provider>;
  /** "Send one tiny request" to this provider alone. */
  aiProviderCheck: (id: string) => Promise<ProviderCheck>;
  /** Keychain reachability and each provider's circuit breaker. */
  aiStatus: () => Promise<AiStatus>;
  /**
   * The status light: the latest health report (checked now if there is none yet; the app
   * re-checks every few minutes).
   */
  aiHealth: () => Promise<HealthReport>;
  /** Runs every health check now. */
  aiHealthCheck: () => Promise<HealthReport>;
  aiAgentsList: () => Promise<Array<Agent>>;
  aiAgentUpdate: (id: string, input: AgentInput) => Promise<Agent>;
  /** Exactly what a run would send (names replaced), without sending anything. */
  aiPreview: (request: RunRequest) => Promise<RunPreview>;
  /** Runs an agent; `onEvent` gets its progress as it happens. */
  aiRun: (request: RunRequest, onEvent?: (event: AgentEvent) => void) => Promise<RunOutcome>;
  /** "Ask about a client": the conversation so far, oldest first. */
  aiChatHistory: (client: string) => Promise<Array<ChatMessage>>;
  /** Asks a question; `onEvent` gets `delta` events, each carrying the whole answer so far. */
  aiChatAsk: (client: string, question: string, onEvent?: (event: AgentEvent) => void) => Promise<ChatMessage>;
  aiChatClear: (client: string) => Promise<null>;
  aiCancel: (id: string) => Promise<boolean>;
  aiExecutionsList: (query: ExecutionQuery) => Promise<Array<ExecutionSummary>>;
  aiExecutionGet: (id: string) => Promise<Execution>;
  aiMetrics: (days: number) => Promise<Array<DayMetrics>>;
  aiReviewList: (query: ReviewQuery) => Promise<Array<ReviewItem>>;
  /** Accepts an item; `edited` is the trainer's changed text, if any. */
  aiReviewAccept: (id: string, edited: string | null) => Promise<ReviewItem>;
  aiReviewDismiss: (id: string, reason: string) => Promise<ReviewItem>;
  /** Asks the update server; offline or a server that is down is a status, not an error. */
  updateCheck: () => Promise<UpdateCheck>;
  /**
   * Installs `version` (the one the last check offered): download, signature, database backup,
   * install; `onEvent` gets each stage as it happens. Nothing is installed unless all succeed.
   */
  updateInstall: (version: string, onEvent?: (event: UpdateProgress) => void) => Promise<null>;
  /** Restarts Spotter into the installed version. */
  updateRestart: () => Promise<null>;
}

export const commands: Commands = {
  appInfo: () => call<AppInfo>('app_info'),
  clientsList: (query) => call<Array<Client>>('clients_list', { query }),
  clientsOverview: (query) => call<ClientOverviewPage>('clients_overview', { query }),
  quickFind: (text) => call<QuickFindResults>('quick_find', { text }),
  clientGet: (id) => call<Client>('client_get', { id }),
  clientCreate: (input) => call<Client>('client_create', { input }),
  clientUpdate: (id, input) => call<Client>('client_update', { id, input }),
  clientSetArchived: (id, archived) => call<Client>('client_set_archived', { id, archived }),
  clientSetPaused: (id, paused) => call<Client>('client_set_paused', { id, paused }),
  clientSetClearance: (id, date) => call<Client>('client_set_clearance', { id, date }),
  clientDelete: (id) => call<Client>('client_delete', { id }),
  clientRestore: (id) => call<Client>('client_restore', { id }),
  clientSessions: (client) => call<Array<CalendarEntry>>('client_sessions', { client }),
  clientsCsvPreview: (request) => call<CsvPreview>('clients_csv_preview', { request }),
  clientsCsvImport: (request) => call<ImportReport>('clients_csv_import', { request }),
  clientsCsvExport: (path, replace = true) => call<string>('clients_csv_export', { path, replace }),
  intakeQuestions: () => call<Array<string>>('intake_questions'),
  intakesList: (client) => call<Array<ParqIntake>>('intakes_list', { client }),
  intakeRecord: (client, input) => call<ParqIntake>('intake_record', { client, input }),
  clearanceWarnings: (clients) => call<Array<ClearanceWarning>>('clearance_warnings', { clients }),
  measurementsList: (client) => call<Array<Measurement>>('measurements_list', { client }),
  measurementAdd: (client, input) => call<Measurement>('measurement_add', { client, input }),
  measurementDelete: (id) => call<null>('measurement_delete', { id }),
  notesList: (client) => call<Array<ClientNote>>('notes_list', { client }),
  noteAdd: (client, body) => call<ClientNote>('note_add', { client, body }),
  noteUpdate: (id, body) => call<ClientNote>('note_update', { id, body }),
  noteDelete: (id) => call<null>('note_delete', { id }),
  settingsGet: () => call<Settings>('settings_get'),
  settingsSet: (settings) => call<Settings>('settings_set', { settings }),
  firstStartGet: () => call<FirstStart>('first_start_get'),
  welcomeComplete: (welcome) => call<Settings>('welcome_complete', { welcome }),
  dataDirUse: (demo) => call<FirstStart>('data_dir_use', { demo }),
  defaultExportDir: () => call<string>('default_export_dir'),
  trainersList: () => call<Array<Trainer>>('trainers_list'),
  trainerCreate: (input) => call<Trainer>('trainer_create', { input }),
  trainerUpdate: (id, input) => call<Trainer>('trainer_update', { id, input }),
  roomsList: () => call<Array<Room>>('rooms_list'),
  roomCreate: (input) => call<Room>('room_create', { input }),
  sessionsRange: (query) => call<Array<CalendarEntry>>('sessions_range', { query }),
  sessionGet: (id) => call<Session>('session_get', { id }),
  sessionCreate: (input) => call<SaveOutcome>('session_create', { input }),
  sessionUpdate: (id, input, scope) => call<SaveOutcome>('session_update', { id, input, scope }),
  sessionSetStatus: (id, status, late = false) => call<Session>('session_set_status', { id, status, late }),
  sessionSetAttendance: (id, client, attendance) => call<Session>('session_set_attendance', { id, client, attendance }),
  sessionCancel: (id, scope, late = false) => call<number>('session_cancel', { id, scope, late }),
  sessionDelete: (id) => call<Session>('session_delete', { id }),
  sessionRestore: (id) => call<Session>('session_restore', { id }),
  seriesRecurrence: (series) => call<Recurrence | null>('series_recurrence', { series }),
  freeSlotFind: (query) => call<Array<FreeSlot>>('free_slot_find', { query }),
  dashboardGet: (query) => call<Dashboard>('dashboard_get', { query }),
  calendarExport: (trainer, path, replace = true) => call<IcsExportSummary>('calendar_export', { trainer, path, replace }),
  sessionExport: (id, path, replace = true) => call<IcsExportSummary>('session_export', { id, path, replace }),
  icsPreview: (file, trainer) => call<IcsPreview>('ics_preview', { file, trainer }),
  icsImport: (file, trainer) => call<IcsPreview>('ics_import', { file, trainer }),
  exercisesList: (query) => call<Array<Exercise>>('exercises_list', { query }),
  exerciseGet: (id) => call<Exercise>('exercise_get', { id }),
  exerciseCreate: (input) => call<Exercise>('exercise_create', { input }),
  exerciseUpdate: (id, input) => call<Exercise>('exercise_update', { id, input }),
  exerciseSetHidden: (id, hidden) => call<Exercise>('exercise_set_hidden', { id, hidden }),
  exercisesImportPreview: (file) => call<ExerciseImportPreview>('exercises_import_preview', { file }),
  exercisesImport: (file, decisions) => call<ExerciseImportReport>('exercises_import', { file, decisions }),
  plansList: (query) => call<Array<PlanSummary>>('plans_list', { query }),
  planGet: (id) => call<Plan>('plan_get', { id }),
  planCreate: (input) => call<Plan>('plan_create', { input }),
  planSave: (id, input) => call<Plan>('plan_save', { id, input }),
  planVersions: (id) => call<Array<PlanVersion>>('plan_versions', { id }),
  planVersion: (id, version) => call<PlanVersionDetail>('plan_version', { id, version }),
  planCompare: (id, from, to) => call<Array<string>>('plan_compare', { id, from, to }),
  planRestore: (id, version) => call<Plan>('plan_restore', { id, version }),
  planFromTemplate: (template, name, assignment) => call<Plan>('plan_from_template', { template, name, assignment }),
  planSaveAsTemplate: (id, name) => call<Plan>('plan_save_as_template', { id, name }),
  planAssign: (id, assignment) => call<Plan>('plan_assign', { id, assignment }),
  planDelete: (id) => call<null>('plan_delete', { id }),
  planDates: (id) => call<Array<PlanDate>>('plan_dates', { id }),
  planGenerate: (body, weeks) => call<PlanBody>('plan_generate', { body, weeks }),
  logsList: (client, offset, limit) => call<WorkoutLogPage>('logs_list', { client, offset, limit }),
  logGet: (id) => call<WorkoutLog>('log_get', { id }),
  logForSession: (client, session) => call<string | null>('log_for_session', { client, session }),
  logsLastTime: (client, exercises, before, except) => call<Array<LastTime>>('logs_last_time', { client, exercises, before, except }),
  logPrefill: (plan, week, day) => call<Array<WorkoutSetInput>>('log_prefill', { plan, week, day }),
  logCreate: (input) => call<LogSaved>('log_create', { input }),
  logUpdate: (id, input) => call<LogSaved>('log_update', { id, input }),
  logDelete: (id) => call<null>('log_delete', { id }),
  clientProgress: (client) => call<ClientProgress>('client_progress', { client }),
  planPdfSave: (id, path, replace = true) => call<string>('plan_pdf_save', { id, path, replace }),
  clientReportSave: (client, path, range, replace = true) => call<string>('client_report_save', { client, path, range, replace }),
  logoSet: (file) => call<Settings>('logo_set', { file }),
  fileOpen: (path) => call<null>('file_open', { path }),
  backupsList: () => call<Array<BackupInfo>>('backups_list'),
  backupNow: () => call<BackupInfo>('backup_now'),
  backupRestore: (path) => call<RestoreReport>('backup_restore', { path }),
  backupRetentionGet: () => call<Retention>('backup_retention_get'),
  backupRetentionSet: (retention) => call<Retention>('backup_retention_set', { retention }),
  exportEverything: (path, replace = null) => call<ExportFiles>('export_everything', { path, replace }),
  dataFolderOpen: () => call<null>('data_folder_open'),
  dialogSave: (kind, suggested) => call<string | null>('dialog_save', { kind, suggested }),
  dialogOpen: (kind) => call<string | null>('dialog_open', { kind }),
  aiProvidersList: () => call<Array<Provider>>('ai_providers_list'),
  aiProviderCreate: (input) => call<Provider>('ai_provider_create', { input }),
  aiProviderUpdate: (id, input) => call<Provider>('ai_provider_update', { id, input }),
  aiProviderDelete: (id) => call<null>('ai_provider_delete', { id }),
  aiProvidersReorder: (ids) => call<Array<Provider>>('ai_providers_reorder', { ids }),
  aiKeySet: (id, key) => call<Provider>('ai_key_set', { id, key }),
  aiKeyRemove: (id) => call<Provider>('ai_key_remove', { id }),
  aiProviderCheck: (id) => call<ProviderCheck>('ai_provider_check', { id }),
  aiStatus: () => call<AiStatus>('ai_status'),
  aiHealth: () => call<HealthReport>('ai_health'),
  aiHealthCheck: () => call<HealthReport>('ai_health_check'),
  aiAgentsList: () => call<Array<Agent>>('ai_agents_list'),
  aiAgentUpdate: (id, input) => call<Agent>('ai_agent_update', { id, input }),
  aiPreview: (request) => call<RunPreview>('ai_preview', { request }),
  aiRun: (request, onEvent) => {
    const events = new Channel<AgentEvent>();
    if (onEvent) events.onmessage = onEvent;
    return call<RunOutcome>('ai_run', { request, events });
  },
  aiChatHistory: (client) => call<Array<ChatMessage>>('ai_chat_history', { client }),
  aiChatAsk: (client, question, onEvent) => {
    const events = new Channel<AgentEvent>();
    if (onEvent) events.onmessage = onEvent;
    return call<ChatMessage>('ai_chat_ask', { client, question, events });
  },
  aiChatClear: (client) => call<null>('ai_chat_clear', { client }),
  aiCancel: (id) => call<boolean>('ai_cancel', { id }),
  aiExecutionsList: (query) => call<Array<ExecutionSummary>>('ai_executions_list', { query }),
  aiExecutionGet: (id) => call<Execution>('ai_execution_get', { id }),
  aiMetrics: (days) => call<Array<DayMetrics>>('ai_metrics', { days }),
  aiReviewList: (query) => call<Array<ReviewItem>>('ai_review_list', { query }),
  aiReviewAccept: (id, edited) => call<ReviewItem>('ai_review_accept', { id, edited }),
  aiReviewDismiss: (id, reason) => call<ReviewItem>('ai_review_dismiss', { id, reason }),
  updateCheck: () => call<UpdateCheck>('update_check'),
  updateInstall: (version, onEvent) => {
    const events = new Channel<UpdateProgress>();
    if (onEvent) events.onmessage = onEvent;
    return call<null>('update_install', { version, events });
  },
  updateRestart: () => call<null>('update_restart'),
};

/** App-wide events Rust pushes (`emit::name` in src-tauri); each `listen` resolves with its unlisten. */
export const events = {};
