// The command table: the one place an IPC command is declared, with its argument and result
// types. Each line is `kind name(arg: Type [= default], …) [~ [channel: Event]] -> Result, |ctx| body;`
// where kind says what the body gets: `db` the open database, `ai` the agent runtime, `app` the
// AppHandle (for state, dialogs, the updater). `///` lines become the TypeScript client's JSDoc;
// a default makes the argument optional in TypeScript; `~ [events: T]` is a progress channel the
// command sends `T`s to while it runs. App-wide events (pushed at any time) go in `events {}`.
//
// This file is read four times through `include!`, each with its own `spotter_contract!`
// (same grammar, so a change of grammar is made in all four; each fails to compile on drift):
// - src-tauri/src/commands.rs: the adapters (arguments decoded by `ipc::from_arg`, so a bad one is
//   a field error), `handler()` for `invoke_handler`, and `emit::` for the events;
// - src-tauri/build.rs: the command names, each given an `allow-…` permission;
// - crates/spotter-core/tests/contract.rs: ui/src/commands.gen.ts and capabilities/main.json
//   (`make bindings`; bodies are parsed there but never compiled, so they may name anything);
// - crates/spotter-core/tests/ipc_contract.rs: the names, against the capability and the client.
// Argument names are one lowercase word: the IPC key and an error's `field` are the same.

spotter_contract! {
commands {
    /// The version, the data and log folders, the schema version.
    app app_info() -> AppInfo, |app| shell_commands::app_info(&app).await;

    // ---- clients ----
    db clients_list(query: ClientListQuery) -> Vec<Client>, |db| clients::list(&db, &query).await;
    /// The client list's page: last/next session, current plan, adherence; sorted, paged.
    db clients_overview(query: ClientOverviewQuery) -> ClientOverviewPage, |db| overview::list(&db, &query).await;
    /// Ctrl+K: exercises, plans and templates, sessions by client name and date.
    db quick_find(text: String) -> QuickFindResults, |db| quick_find::find(&db, &text).await;
    db client_get(id: String) -> Client, |db| clients::get(&db, &id).await;
    db client_create(input: ClientInput) -> Client, |db| clients::create(&db, &input).await;
    db client_update(id: String, input: ClientInput) -> Client, |db| clients::update(&db, &id, &input).await;
    db client_set_archived(id: String, archived: bool) -> Client, |db| clients::set_archived(&db, &id, archived).await;
    db client_set_paused(id: String, paused: bool) -> Client, |db| record::set_paused(&db, &id, paused).await;
    /// Records medical clearance on a date (YYYY-MM-DD), or removes it with null.
    db client_set_clearance(id: String, date: Option<String>) -> Client, |db| {
        record::set_clearance(&db, &id, date.as_deref()).await
    };
    /// Soft delete; resolves with the client as it was.
    db client_delete(id: String) -> Client, |db| clients::delete(&db, &id).await;
    /// Undo of a delete.
    db client_restore(id: String) -> Client, |db| clients::restore(&db, &id).await;
    db client_sessions(client: String) -> Vec<CalendarEntry>, |db| sessions::for_client(&db, &client, 500).await;
    db clients_csv_preview(request: CsvImportRequest) -> CsvPreview, |db| import::preview_clients_csv(&db, &request).await;
    db clients_csv_import(request: CsvImportRequest) -> ImportReport, |db| import::import_clients_mapped(&db, &request).await;
    /// Writes clients.csv to `path`, which must come from `dialogSave`; resolves with the path
    /// written. `replace`: the save dialog asked "Replace?" already, so an existing file goes.
    db clients_csv_export(path: String, replace: bool = true) -> String, |db| {
        export::write_clients_csv_file(&db, &path, chosen::for_writing(&path, replace)?).await
    };

    // ---- intake, measurements, notes ----
    db intake_questions() -> Vec<String>, |_db| Ok(record::PARQ_QUESTIONS.iter().map(|q| q.to_string()).collect());
    db intakes_list(client: String) -> Vec<ParqIntake>, |db| record::intakes(&db, &client).await;
    db intake_record(client: String, input: ParqInput) -> ParqIntake, |db| record::record_intake(&db, &client, &input).await;
    db clearance_warnings(clients: Vec<String>) -> Vec<ClearanceWarning>, |db| clearance::warnings(&db, &clients).await;
    db measurements_list(client: String) -> Vec<Measurement>, |db| record::measurements(&db, &client).await;
    db measurement_add(client: String, input: MeasurementInput) -> Measurement, |db| {
        record::add_measurement(&db, &client, &input).await
    };
    db measurement_delete(id: String) -> (), |db| record::delete_measurement(&db, &id).await;
    db notes_list(client: String) -> Vec<ClientNote>, |db| record::notes(&db, &client).await;
    db note_add(client: String, body: String) -> ClientNote, |db| record::add_note(&db, &client, &body).await;
    db note_update(id: String, body: String) -> ClientNote, |db| record::update_note(&db, &id, &body).await;
    db note_delete(id: String) -> (), |db| record::delete_note(&db, &id).await;

    // ---- settings and the first start ----
    db settings_get() -> Settings, |db| settings::get(&db).await;
    db settings_set(settings: Settings) -> Settings, |db| settings::set(&db, &settings).await;
    app first_start_get() -> FirstStart, |app| shell_commands::first_start_get(&app).await;
    db welcome_complete(welcome: WelcomeInput) -> Settings, |db| first_start::complete(&db, &welcome).await;
    app data_dir_use(demo: bool) -> FirstStart, |app| shell_commands::data_dir_use(&app, demo).await;
    db default_export_dir() -> String, |_db| Ok(paths::default_export_dir().display().to_string());

    // ---- trainers and rooms ----
    db trainers_list() -> Vec<Trainer>, |db| {
        // The local user always exists, so a solo trainer never sets up "trainers".
        trainers::me(&db).await?;
        trainers::list(&db).await
    };
    db trainer_create(input: TrainerInput) -> Trainer, |db| trainers::create(&db, &input).await;
    db trainer_update(id: String, input: TrainerInput) -> Trainer, |db| trainers::update(&db, &id, &input).await;
    db rooms_list() -> Vec<Room>, |db| trainers::rooms(&db).await;
    db room_create(input: RoomInput) -> Room, |db| trainers::create_room(&db, &input).await;

    // ---- sessions ----
    // The calendar's rows go to the webview as SQLite built them (see sessions::range_json_sql).
    /// The calendar's entries from `query.from` to `query.to` (as SQLite built them, passed on as text).
    db sessions_range(query: CalendarQuery) -> RawJson<Vec<CalendarEntry>>, |db| {
        RawJson::new(sessions::range_json(&db, &query).await?)
    };
    db session_get(id: String) -> Session, |db| sessions::get(&db, &id).await;
    db session_create(input: SessionInput) -> SaveOutcome, |db| sessions::create(&db, &input).await;
    db session_update(id: String, input: SessionInput, scope: EditScope) -> SaveOutcome, |db| {
        sessions::update(&db, &id, &input, scope).await
    };
    db session_set_status(id: String, status: SessionStatus, late: bool = false) -> Session, |db| {
        sessions::set_status(&db, &id, status, late).await
    };
    db session_set_attendance(id: String, client: String, attendance: Attendance) -> Session, |db| {
        sessions::set_attendance(&db, &id, &client, attendance).await
    };
    /// Resolves with how many sessions changed.
    db session_cancel(id: String, scope: EditScope, late: bool = false) -> u32, |db| sessions::cancel(&db, &id, scope, late).await;
    db session_delete(id: String) -> Session, |db| sessions::delete(&db, &id).await;
    db session_restore(id: String) -> Session, |db| sessions::restore(&db, &id).await;
    db series_recurrence(series: String) -> Option<Recurrence>, |db| sessions::series_recurrence(&db, &series).await;
    db free_slot_find(query: FreeSlotQuery) -> Vec<FreeSlot>, |db| free_slot::find_several(&db, &query, chrono::Utc::now()).await;
    db dashboard_get(query: DashboardQuery) -> Dashboard, |db| schedule::dashboard(&db, &query).await;

    // ---- iCalendar ----
    /// Exports write only to a path from `dialogSave` (see clientsCsvExport).
    db calendar_export(trainer: String, path: String, replace: bool = true) -> IcsExportSummary, |db| {
        ics::write_trainer_calendar(&db, &trainer, &path, chosen::for_writing(&path, replace)?).await
    };
    db session_export(id: String, path: String, replace: bool = true) -> IcsExportSummary, |db| {
        ics::write_session_invitation(&db, &id, &path, chosen::for_writing(&path, replace)?).await
    };
    db ics_preview(file: FileUpload, trainer: String) -> IcsPreview, |db| {
        ics::import::preview(&db, &file.bytes(ics::import::MAX_FILE_BYTES)?, &trainer).await
    };
    db ics_import(file: FileUpload, trainer: String) -> IcsPreview, |db| {
        ics::import::import(&db, &file.bytes(ics::import::MAX_FILE_BYTES)?, &trainer).await
    };

    // ---- training: exercise library ----
    db exercises_list(query: ExerciseQuery) -> Vec<Exercise>, |db| exercises::list(&db, &query).await;
    db exercise_get(id: String) -> Exercise, |db| exercises::get(&db, &id).await;
    db exercise_create(input: ExerciseInput) -> Exercise, |db| exercises::create(&db, &input).await;
    db exercise_update(id: String, input: ExerciseInput) -> Exercise, |db| exercises::update(&db, &id, &input).await;
    db exercise_set_hidden(id: String, hidden: bool) -> Exercise, |db| exercises::set_hidden(&db, &id, hidden).await;
    db exercises_import_preview(file: FileUpload) -> ExerciseImportPreview, |db| exercise_import::preview(&db, &file).await;
    db exercises_import(file: FileUpload, decisions: Vec<DuplicateDecision>) -> ExerciseImportReport, |db| {
        exercise_import::import(&db, &file, &decisions).await
    };

    // ---- training: plans and templates ----
    db plans_list(query: PlanListQuery) -> Vec<PlanSummary>, |db| plans::list(&db, &query).await;
    db plan_get(id: String) -> Plan, |db| plans::get(&db, &id).await;
    db plan_create(input: NewPlan) -> Plan, |db| plans::create(&db, &input, &Author::me(&db).await?).await;
    /// Saves the next version; refused if `input.baseVersion` is no longer current.
    db plan_save(id: String, input: PlanSave) -> Plan, |db| plans::save(&db, &id, &input, &Author::me(&db).await?).await;
    db plan_versions(id: String) -> Vec<PlanVersion>, |db| plans::versions(&db, &id).await;
    db plan_version(id: String, version: u32) -> PlanVersionDetail, |db| plans::version(&db, &id, version).await;
    /// Readable lines: what changed from version `from` to version `to`.
    db plan_compare(id: String, from: u32, to: u32) -> Vec<String>, |db| plans::compare(&db, &id, from, to).await;
    db plan_restore(id: String, version: u32) -> Plan, |db| plans::restore(&db, &id, version, &Author::me(&db).await?).await;
    db plan_from_template(template: String, name: Option<String>, assignment: Option<PlanAssignment>) -> Plan, |db| {
        plans::from_template(&db, &template, name.as_deref(), assignment.as_ref(), &Author::me(&db).await?).await
    };
    db plan_save_as_template(id: String, name: String) -> Plan, |db| {
        plans::save_as_template(&db, &id, &name, &Author::me(&db).await?).await
    };
    db plan_assign(id: String, assignment: PlanAssignment) -> Plan, |db| plans::assign(&db, &id, &assignment).await;
    db plan_delete(id: String) -> (), |db| plans::delete(&db, &id).await;
    db plan_dates(id: String) -> Vec<PlanDate>, |db| plans::dates(&db, &id).await;
    /// The body with `weeks` weeks generated from week 1 by its progression rule.
    db plan_generate(body: PlanBody, weeks: u32) -> PlanBody, |_db| progression::generate(&body, weeks as usize);

    // ---- training: workout logs and progress ----
    db logs_list(client: String, offset: u32, limit: u32) -> WorkoutLogPage, |db| log_pages::page(&db, &client, offset, limit).await;
    db log_get(id: String) -> WorkoutLog, |db| logs::get(&db, &id).await;
    db log_for_session(client: String, session: String) -> Option<String>, |db| logs::for_session(&db, &client, &session).await;
    db logs_last_time(client: String, exercises: Vec<String>, before: String, except: Option<String>) -> Vec<LastTime>, |db| last_time::last_time(&db, &client, &exercises, &before, except.as_deref()).await;
    /// Sets to start a log from, one per prescribed set of the plan day.
    db log_prefill(plan: String, week: u32, day: u32) -> Vec<WorkoutSetInput>, |db| logs::prefill(&db, &plan, week, day).await;
    db log_create(input: WorkoutLogInput) -> LogSaved, |db| logs::create(&db, &input).await;
    db log_update(id: String, input: WorkoutLogInput) -> LogSaved, |db| logs::update(&db, &id, &input).await;
    db log_delete(id: String) -> (), |db| logs::delete(&db, &id).await;
    db client_progress(client: String) -> ClientProgress, |db| progress::client_progress(&db, &client).await;

    // ---- printing and files ----
    /// Writes the plan PDF to `path`; resolves with the path.
    db plan_pdf_save(id: String, path: String, replace: bool = true) -> String, |db| {
        let replace = chosen::for_writing(&path, replace)?;
        let bytes = documents::plan_pdf(&db, &id).await?;
        documents::write_pdf(&path, replace, &bytes)
    };
    db client_report_save(client: String, path: String, range: Option<ReportRange>, replace: bool = true) -> String, |db| {
        let replace = chosen::for_writing(&path, replace)?;
        let bytes = documents::report_pdf_for(&db, &client, &range.unwrap_or_default()).await?;
        documents::write_pdf(&path, replace, &bytes)
    };
    /// Stores (or with null removes) the studio logo printed on documents.
    db logo_set(file: Option<FileUpload>) -> Settings, |db| {
        documents::set_logo(&db, file.as_ref()).await?;
        settings::get(&db).await
    };
    /// Opens one of Spotter's documents (PDF, .ics, .csv, .json) in the system's default app.
    app file_open(path: String) -> (), |app| shell_commands::file_open(&app, &path);

    // ---- Settings → Data: backups, export everything, the data folder ----
    /// The backups of the open data folder, newest first (also when the database is damaged).
    app backups_list() -> Vec<BackupInfo>, |app| data_commands::backups_list(&app).await;
    app backup_now() -> BackupInfo, |app| data_commands::backup_now(&app).await;
    /// Restores a backup file over the database (checked first; the present one is backed up).
    app backup_restore(path: String) -> RestoreReport, |app| data_commands::backup_restore(app, path).await;
    app backup_retention_get() -> Retention, |app| data_commands::backup_retention_get(&app).await;
    app backup_retention_set(retention: Retention) -> Retention, |app| data_commands::backup_retention_set(&app, retention).await;
    /// Everything as JSON at `path` (+ clients CSV beside it); replaces only `replace` = that path.
    app export_everything(path: String, replace: Option<String> = None) -> ExportFiles, |app| data_commands::export_everything(&app, path, replace).await;
    /// Opens the data folder in the file manager (no path crosses: Spotter knows its folder).
    app data_folder_open() -> (), |app| data_commands::data_folder_open(&app);

    // ---- the native save and open dialogs ----
    /// The native save dialog (shown by Spotter, not the window), starting in the last folder
    /// saved to (at first Documents/Spotter, created if missing) with `suggested` as the name;
    /// resolves with the chosen path, or null when the trainer cancelled.
    app dialog_save(kind: SaveKind, suggested: String) -> Option<String>, |app| dialog_commands::dialog_save(app, kind, suggested).await;
    /// The native open dialog; resolves with the chosen file (read by Spotter), or null.
    app dialog_open(kind: OpenKind) -> Option<String>, |app| dialog_commands::dialog_open(app, kind).await;

    // ---- AI agents (a key goes in through ai_key_set and never comes back out) ----
    ai ai_providers_list() -> Vec<Provider>, |rt| rt.providers().await;
    ai ai_provider_create(input: ProviderInput) -> Provider, |rt| providers::create(rt.db(), &input).await;
    ai ai_provider_update(id: String, input: ProviderInput) -> Provider, |rt| rt.update_provider(&id, &input).await;
    /// Removes the provider and its key from the keychain.
    ai ai_provider_delete(id: String) -> (), |rt| rt.delete_provider(&id).await;
    /// The fallback order, first to last; every provider exactly once.
    ai ai_providers_reorder(ids: Vec<String>) -> Vec<Provider>, |rt| {
        providers::reorder(rt.db(), &ids).await?;
        rt.providers().await
    };
    ai ai_key_set(id: String, key: String) -> Provider, |rt| rt.set_key(&id, &key).await;
    ai ai_key_remove(id: String) -> Provider, |rt| rt.remove_key(&id).await;
    /// "Send one tiny request" to this provider alone.
    ai ai_provider_check(id: String) -> ProviderCheck, |rt| rt.check_provider(&id).await;
    /// Keychain reachability and each provider's circuit breaker.
    ai ai_status() -> AiStatus, |rt| rt.status().await;
    /// The status light: the latest health report (checked now if there is none yet; the app
    /// re-checks every few minutes).
    ai ai_health() -> HealthReport, |rt| match rt.last_health() {
        Some(r) => Ok(r),
        None => rt.health().await,
    };
    /// Runs every health check now.
    ai ai_health_check() -> HealthReport, |rt| rt.health().await;
    ai ai_agents_list() -> Vec<Agent>, |rt| agents::list(rt.db()).await;
    ai ai_agent_update(id: String, input: AgentInput) -> Agent, |rt| agents::update(rt.db(), &id, &input).await;
    /// Exactly what a run would send (names replaced), without sending anything.
    ai ai_preview(request: RunRequest) -> RunPreview, |rt| rt.preview(&request).await;
    /// Runs an agent; `onEvent` gets its progress as it happens.
    app ai_run(request: RunRequest) ~ [events: AgentEvent] -> RunOutcome, |app| ai_commands::ai_run(&app, request, events).await;
    /// "Ask about a client": the conversation so far, oldest first.
    ai ai_chat_history(client: String) -> Vec<ChatMessage>, |rt| chat::history(rt.db(), &client).await;
    /// Asks a question; `onEvent` gets `delta` events, each carrying the whole answer so far.
    app ai_chat_ask(client: String, question: String) ~ [events: AgentEvent] -> ChatMessage, |app| ai_commands::ai_chat_ask(&app, client, question, events).await;
    ai ai_chat_clear(client: String) -> (), |rt| chat::clear(rt.db(), &client).await;
    ai ai_cancel(id: String) -> bool, |rt| Ok(rt.cancel(&id));
    ai ai_executions_list(query: ExecutionQuery) -> Vec<ExecutionSummary>, |rt| executions::list(rt.db(), &query).await;
    ai ai_execution_get(id: String) -> Execution, |rt| executions::get(rt.db(), &id).await;
    ai ai_metrics(days: u32) -> Vec<DayMetrics>, |rt| executions::metrics(rt.db(), days).await;
    ai ai_review_list(query: ReviewQuery) -> Vec<ReviewItem>, |rt| review::list(rt.db(), &query).await;
    /// Accepts an item; `edited` is the trainer's changed text, if any.
    ai ai_review_accept(id: String, edited: Option<String>) -> ReviewItem, |rt| review::accept(rt.db(), &id, edited.as_deref()).await;
    ai ai_review_dismiss(id: String, reason: String) -> ReviewItem, |rt| review::dismiss(rt.db(), &id, &reason).await;

    // ---- updates ----
    /// Asks the update server; offline or a server that is down is a status, not an error.
    app update_check() -> UpdateCheck, |app| update_commands::update_check(&app).await;
    /// Installs `version` (the one the last check offered): download, signature, database backup,
    /// install; `onEvent` gets each stage as it happens. Nothing is installed unless all succeed.
    app update_install(version: String) ~ [events: UpdateProgress] -> (), |app| update_commands::update_install(&app, version, events).await;
    /// Restarts Spotter into the installed version.
    app update_restart() -> (), |app| update_commands::update_restart(&app).await;
}
events {
    // None yet: studio sync's status will be the first (`name: Payload;`). A non-empty block also
    // grants the window `core:event:allow-listen`/`allow-unlisten` in the generated capability.
}
}
