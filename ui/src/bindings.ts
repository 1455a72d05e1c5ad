// Generated from the Rust types in crates/spotter-core by ts-rs. Do not edit.
// Regenerate with `make bindings`; `make test` fails when this file is stale.

export type ErrorCode = "validation" | "not_found" | "schema_too_new" | "busy" | "read_only" | "disk_full" | "database" | "database_corrupt" | "io" | "invalid_file" | "file_exists" | "keychain" | "ai" | "cancelled" | "studio" | "update_required" | "update" | "internal";

export type AppError = { code: ErrorCode, message: string, 
/**
 * The input field the error concerns, in the UI's (camelCase) naming.
 */
field?: string, };

export type Client = { id: string, name: string, email: string | null, phone: string | null, 
/**
 * Calendar date, `YYYY-MM-DD`.
 */
dateOfBirth: string | null, goals: string, notes: string, tags: Array<string>, emergencyContactName: string | null, emergencyContactPhone: string | null, fitnessLevel: FitnessLevel | null, 
/**
 * Injuries and limitations, free text.
 */
injuries: string, 
/**
 * Body areas the injuries concern (see [`BODY_AREAS`]).
 */
bodyAreas: Array<string>, 
/**
 * "Weekday mornings", "Tue/Thu after 18:00" …
 */
preferredTimes: string, status: ClientStatus, 
/**
 * The latest PAR-Q+ had a "yes" and no medical clearance is recorded.
 */
needsClearance: boolean, 
/**
 * When medical clearance was received (`YYYY-MM-DD`).
 */
clearanceOn: string | null, pausedAt: string | null, 
/**
 * Set while the client is archived (no longer training, kept for the record).
 */
archivedAt: string | null, createdAt: string, updatedAt: string, 
/**
 * Set when deleted; deleted clients are hidden everywhere but can be restored.
 */
deletedAt: string | null, };

export type ClientInput = { name: string, email?: string | null, phone?: string | null, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth?: string | null, goals: string, notes: string, tags: Array<string>, emergencyContactName?: string | null, emergencyContactPhone?: string | null, fitnessLevel?: FitnessLevel | null, injuries: string, bodyAreas: Array<string>, preferredTimes: string, };

export type ClientStatusFilter = "active" | "paused" | "archived" | "all";

export type ClientStatus = "active" | "paused" | "archived";

export type FitnessLevel = "beginner" | "intermediate" | "advanced" | "athlete";

export type ClientListQuery = { search?: string | null, status: ClientStatusFilter, limit?: number | null, };

export type ClientSort = "name" | "last_session" | "next_session" | "adherence";

export type SortDirection = "asc" | "desc";

export type ClientOverviewQuery = { search?: string | null, status: ClientStatusFilter, sort: ClientSort, direction: SortDirection, offset: number, limit?: number | null, };

export type ClientOverview = { client: Client, 
/**
 * Start (UTC) of the latest past session the client was booked into and did not cancel
 * or miss.
 */
lastSession?: string | null, 
/**
 * Start (UTC) of the next scheduled session the client is booked into.
 */
nextSession?: string | null, 
/**
 * The plan running today (the latest started if several), else the last that ran, else
 * the next to start, else the last edited undated one.
 */
currentPlanId?: string | null, currentPlanName?: string | null, 
/**
 * Share (0–1) of the current plan's prescribed sets done, over the plan weeks that began
 * in the last four weeks — the progress page's adherence, summed over that window. None
 * without a dated current plan or a week begun in the window.
 */
adherence?: number | null, };

export type ClientOverviewPage = { clients: Array<ClientOverview>, 
/**
 * Every client the search and status match, not only this page.
 */
total: number, };

export type FoundExercise = { id: string, name: string, pattern: string, };

export type FoundPlan = { id: string, name: string, isTemplate: boolean, clientName?: string | null, };

export type FoundSession = { id: string, 
/**
 * The session's title, else its participants' names.
 */
label: string, startUtc: string, 
/**
 * Wall-clock start in the session's own zone, `YYYY-MM-DDTHH:MM`.
 */
startLocal: string, timeZone: string, status: string, };

export type QuickFindResults = { exercises: Array<FoundExercise>, plans: Array<FoundPlan>, sessions: Array<FoundSession>, };

export type ParqIntake = { id: string, clientId: string, answeredOn: string, 
/**
 * Answers to [`PARQ_QUESTIONS`], in order; `true` is "yes".
 */
answers: Array<boolean>, notes: string, 
/**
 * Any "yes": the client needs medical clearance before training.
 */
anyYes: boolean, createdAt: string, };

export type ClearanceWarning = { clientId: string, clientName: string, 
/**
 * The date of the PAR-Q+ that raised the flag, if there is one.
 */
answeredOn?: string | null, 
/**
 * The questions answered "yes" on it.
 */
questions: Array<string>, 
/**
 * The whole warning in one sentence, as the trainer reads it.
 */
message: string, };

export type ParqInput = { answeredOn: string, 
/**
 * Seven answers; `null` means not answered (refused).
 */
answers: Array<boolean | null>, notes: string, };

export type Metric = "body_weight" | "body_fat" | "waist" | "hips" | "chest" | "arm" | "thigh" | "resting_heart_rate" | "custom";

export type Measurement = { id: string, clientId: string, measuredOn: string, metric: Metric, 
/**
 * The custom metric's name (for `custom`).
 */
customName: string | null, 
/**
 * In SI units (kg, cm, %, bpm) or the custom metric's unit.
 */
value: number, unit: string, createdAt: string, };

export type MeasurementInput = { measuredOn: string, metric?: Metric | null, customName?: string | null, value: number, 
/**
 * The unit the value was typed in: kg or lb, cm or in, %, bpm, or the custom unit.
 */
unit: string, };

export type ClientNote = { id: string, clientId: string, body: string, createdAt: string, updatedAt: string, };

export type RowError = { 
/**
 * 1-based line in the file where the row starts, counting the header as line 1.
 */
line: number, 
/**
 * The client field (camelCase).
 */
field: string | null, 
/**
 * The column as headed in the file ("E-Mail-Adresse"; "Vorname + Nachname" for a name).
 */
column: string | null, 
/**
 * The value as written (cut after 80 characters).
 */
value: string | null, message: string, };

export type RowDuplicate = { line: number, name: string, 
/**
 * Who it duplicates: an existing client's name, or "line N".
 */
duplicateOf: string, 
/**
 * What matched: "email" or "phone".
 */
matched: string, };

export type ImportReport = { rows: number, 
/**
 * How many clients were written (0 on a dry run, and when any row is invalid unless
 * only the valid rows were asked for).
 */
imported: number, dryRun: boolean, errors: Array<RowError>, duplicates: Array<RowDuplicate>, 
/**
 * Duplicates left out (unless the trainer chose to import them too).
 */
skippedDuplicates: number, 
/**
 * Invalid rows left out because the trainer asked for the valid rows only.
 */
skippedInvalid: number, };

export type FileUpload = { 
/**
 * The file's name, for messages.
 */
name: string, 
/**
 * Its content, base64-encoded (empty when `path` is given).
 */
base64: string, 
/**
 * A file the trainer chose in the open dialog; Spotter reads it itself.
 */
path?: string | null, };

export type SaveKind = "plan_pdf" | "report_pdf" | "clients_csv" | "calendar_ics" | "session_ics" | "full_export";

export type OpenKind = "clients_csv" | "calendar_ics" | "exercises" | "logo" | "backup";

export type CsvField = "name" | "firstName" | "lastName" | "email" | "phone" | "dateOfBirth" | "goals" | "notes" | "tags" | "archived" | "emergencyContactName" | "emergencyContactPhone" | "fitnessLevel" | "injuries" | "bodyAreas" | "preferredTimes" | "paused";

export type CsvDelimiter = "comma" | "semicolon" | "tab";

export type DateOrder = "dayFirst" | "monthFirst";

export type CsvPreviewRow = { line: number, 
/**
 * The mapped values as the trainer will see them.
 */
name: string, email: string, phone: string, 
/**
 * As read (`YYYY-MM-DD`), or as written when it cannot be read.
 */
dateOfBirth: string, error: string | null, duplicateOf: string | null, };

export type CsvPreview = { headers: Array<string>, 
/**
 * For each column: the field it fills, or none (ignored).
 */
mapping: Array<CsvField | null>, 
/**
 * The separator used: the chosen one, else the one detected.
 */
delimiter: CsvDelimiter, 
/**
 * How dates like 03/04/1990 are read: chosen, or detected from the values; none when
 * the file has no such dates or its values cannot tell (then `date_question` says why).
 */
dateOrder: DateOrder | null, 
/**
 * Why the trainer must choose the date order before importing.
 */
dateQuestion: string | null, 
/**
 * The first rows, for the preview table.
 */
sample: Array<CsvPreviewRow>, 
/**
 * What importing would do (a dry run).
 */
report: ImportReport, 
/**
 * Why the mapping cannot be used yet (no name column, a field mapped twice): the
 * headers are still returned so the trainer can fix the mapping.
 */
mappingError: string | null, };

export type CsvImportRequest = { 
/**
 * The file the trainer picked.
 */
file: FileUpload, 
/**
 * Column → field; none means "guess from the header".
 */
mapping?: Array<CsvField | null> | null, 
/**
 * None means "detect".
 */
delimiter?: CsvDelimiter | null, 
/**
 * None means "detect from the values".
 */
dateOrder?: DateOrder | null, 
/**
 * Import rows that look like existing clients too (default: skip them).
 */
importDuplicates: boolean, 
/**
 * Import the valid rows and leave the invalid ones out (default: all rows or none).
 */
validRowsOnly: boolean, };

export type Units = "metric" | "imperial";

export type Clock = "h24" | "h12";

export type WeekStart = "monday" | "sunday" | "saturday";

export type Settings = { units: Units, 
/**
 * Minutes before a session to show a desktop notification; none turns them off.
 */
notifyMinutesBefore?: number | null, 
/**
 * Paper size of printed plans and reports.
 */
paper: Paper, 
/**
 * Printed at the top of plans and reports.
 */
studioName: string, 
/**
 * Whether a studio logo is stored (the image itself is kept apart, see [`set_logo`]).
 */
hasLogo: boolean, 
/**
 * Ask the update server for a new version when the app starts (opt-in: off by default).
 */
checkUpdatesAtStart: boolean, 
/**
 * How dates read: one of the locales in `data/date_formats.json` (see [`crate::datefmt`]).
 */
locale: string, clock: Clock, 
/**
 * The first day of a week in the calendar and date pickers.
 */
weekStart: WeekStart, 
/**
 * The first-start welcome was answered (or skipped), see [`crate::first_start`].
 */
welcomed: boolean, };

export type FirstStart = { 
/**
 * Show the welcome: nothing was set up yet (no clients, and the welcome never answered).
 */
needsWelcome: boolean, 
/**
 * The app is showing the demo data directory, not the trainer's own.
 */
demo: boolean, };

export type WelcomeInput = { name: string, timeZone: string, units: Units, locale: string, clock: Clock, weekStart: WeekStart, };

export type WorkingHours = { 
/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 */
weekday: number, 
/**
 * `HH:MM`, in the trainer's time zone.
 */
start: string, 
/**
 * `HH:MM`, after `start` (`24:00` allowed).
 */
end: string, };

export type Trainer = { id: string, name: string, email: string | null, color: string, timeZone: string, workingHours: Array<WorkingHours>, 
/**
 * The person using this laptop.
 */
isMe: boolean, createdAt: string, updatedAt: string, };

export type TrainerInput = { name: string, email?: string | null, color?: string | null, timeZone: string, workingHours: Array<WorkingHours>, };

export type Room = { id: string, name: string, 
/**
 * People at once; none means no limit.
 */
capacity: number | null, };

export type RoomInput = { name: string, capacity?: number | null, };

export type SessionKind = "personal" | "small_group" | "class" | "assessment" | "consultation" | "other";

export type SessionStatus = "scheduled" | "completed" | "cancelled" | "no_show";

export type Attendance = "expected" | "attended" | "no_show" | "cancelled" | "late_cancelled";

export type Participant = { clientId: string, name: string, attendance: Attendance, 
/**
 * The client's latest PAR-Q+ had a "yes" and no clearance is recorded.
 */
needsClearance: boolean, };

export type Session = { id: string, trainerId: string, roomId: string | null, kind: SessionKind, 
/**
 * What the calendar shows: the title, or the participants' names when there is none.
 */
label: string, title: string, 
/**
 * UTC instants.
 */
start: string, end: string, 
/**
 * The zone the session was planned in, and its wall-clock times there.
 */
timeZone: string, localStart: string, localEnd: string, capacity: number | null, status: SessionStatus, lateCancel: boolean, notes: string, seriesId: string | null, 
/**
 * The occurrence's original start (UTC) in its series.
 */
recurrenceId: string | null, 
/**
 * Edited on its own; whole-series edits leave it as it is.
 */
detached: boolean, participants: Array<Participant>, createdAt: string, updatedAt: string, };

export type CalendarEntry = { id: string, trainerId: string, roomId: string | null, kind: SessionKind, label: string, start: string, end: string, timeZone: string, status: SessionStatus, seriesId: string | null, 
/**
 * A participant's latest PAR-Q+ had a "yes" and no clearance is recorded.
 */
needsClearance: boolean, 
/**
 * A group session's capacity (null for the other kinds, or no limit).
 */
capacity?: number | null, 
/**
 * How many are booked on a group session, cancellations not counted (null for the other kinds).
 */
booked?: number | null, };

export type CalendarQuery = { 
/**
 * UTC instants; the range is [from, to).
 */
from: string, to: string, 
/**
 * Empty means every trainer / every room.
 */
trainerIds: Array<string>, roomIds: Array<string>, includeCancelled: boolean, };

export type Recurrence = { 
/**
 * ISO weekdays (1 = Monday); empty means the weekday of the first session.
 */
weekdays: Array<number>, 
/**
 * Every N weeks (1 = weekly).
 */
intervalWeeks: number, 
/**
 * Last day (inclusive, `YYYY-MM-DD`, in the session's zone) …
 */
until?: string | null, 
/**
 * … or a number of sessions. Exactly one of the two.
 */
count?: number | null, };

export type SessionInput = { trainerId: string, clientIds: Array<string>, roomId?: string | null, kind: SessionKind, title: string, 
/**
 * IANA zone, e.g. `Europe/Berlin`.
 */
timeZone: string, 
/**
 * Wall-clock `YYYY-MM-DDTHH:MM` in `time_zone`.
 */
start: string, end: string, capacity?: number | null, notes: string, 
/**
 * Makes this the first session of a weekly series.
 */
recurrence?: Recurrence | null, 
/**
 * Save even though conflicts were found (the trainer saw them and chose to).
 */
overrideConflicts: boolean, };

export type EditScope = "one" | "following" | "all";

export type ConflictKind = "trainer_busy" | "client_busy" | "room_full" | "outside_working_hours" | "over_capacity";

export type Conflict = { kind: ConflictKind, message: string, 
/**
 * The start (UTC) of the planned session it concerns (one occurrence of a series).
 */
start: string, 
/**
 * The session it collides with, if any.
 */
withSessionId: string | null, withLabel: string | null, withStart: string | null, withEnd: string | null, 
/**
 * The client concerned, for a double-booked client.
 */
clientId: string | null, };

export type SaveOutcome = { "outcome": "saved", sessions: Array<Session>, conflictsOverridden: number, } | { "outcome": "conflicts", conflicts: Array<Conflict>, };

export type FreeSlotQuery = { trainerId: string, clientIds: Array<string>, roomId?: string | null, durationMinutes: number, 
/**
 * Search from this UTC instant (e.g. now, or the slot that was dragged to).
 */
after: string, 
/**
 * Look this many days ahead (default 28, at most 180).
 */
withinDays?: number | null, 
/**
 * Ignore this session (the one being moved).
 */
ignoreSessionId?: string | null, 
/**
 * How many slots to offer (default 3, at most 10).
 */
count?: number | null, };

export type FreeSlot = { start: string, end: string, 
/**
 * The same slot in the trainer's zone.
 */
timeZone: string, localStart: string, localEnd: string, };

export type DashboardQuery = { 
/**
 * The zone whose calendar day is "today" (the computer's).
 */
timeZone: string, 
/**
 * UTC "now"; defaults to the clock (tests pin it).
 */
now?: string | null, 
/**
 * Empty means every trainer.
 */
trainerIds: Array<string>, };

export type AttentionReason = "quiet" | "needs_clearance" | "series_ending";

export type AttentionItem = { clientId: string, name: string, reason: AttentionReason, detail: string, };

export type Dashboard = { today: Array<Session>, weekAhead: Array<CalendarEntry>, attention: Array<AttentionItem>, };

export type Reminder = { sessionId: string, title: string, body: string, start: string, };

export type IcsAction = "import" | "skip";

export type IcsPreviewEvent = { uid: string, summary: string, timeZone: string, 
/**
 * Wall-clock start and end of the first occurrence in `time_zone` (empty when unreadable).
 */
localStart: string, localEnd: string, 
/**
 * Sessions this event becomes (a recurring event becomes several).
 */
sessions: number, recurring: boolean, 
/**
 * The client it was matched to by name, if any.
 */
clientName: string | null, action: IcsAction, 
/**
 * Why it is skipped.
 */
reason: string | null, };

export type IcsPreview = { events: Array<IcsPreviewEvent>, sessionsToImport: number, eventsSkipped: number, };

export type IcsExportSummary = { path: string, events: number, sessions: number, };

export type AppInfo = { version: string, dataDir: string, databasePath: string, logDir: string, schemaVersion: number, 
/**
 * Set when this start upgraded the database and kept a copy of the old one here.
 */
preMigrationBackup: string | null, };

export type Paper = "a4" | "letter";

export type Measure = "reps" | "seconds" | "metres";

export type Caution = { 
/**
 * A body-area tag, the same words as a client's injuries ([`BODY_AREAS`]).
 */
area: string, text: string, };

export type ExerciseSource = "spotter" | "custom" | "wger" | "free-exercise-db";

export type Exercise = { id: string, name: string, primaryMuscles: Array<string>, secondaryMuscles: Array<string>, equipment: Array<string>, pattern: string, difficulty: string, instructions: string, cautions: Array<Caution>, source: ExerciseSource, sourceRef?: string | null, license: string, attribution: string, hidden: boolean, };

export type ExerciseInput = { name: string, primaryMuscles: Array<string>, secondaryMuscles: Array<string>, equipment: Array<string>, pattern: string, difficulty: string, instructions: string, cautions: Array<Caution>, };

export type ExerciseQuery = { search?: string | null, muscle?: string | null, equipment?: string | null, pattern?: string | null, 
/**
 * Hidden exercises are left out unless asked for.
 */
includeHidden: boolean, };

export type ImportFormat = "wger" | "free-exercise-db";

export type ExistingExercise = { id: string, name: string, };

export type ImportedExercise = { 
/**
 * The entry's id in its source (wger uuid, free-exercise-db id): what decisions refer to.
 */
sourceRef: string, exercise: ExerciseInput, license: string, attribution: string, 
/**
 * An exercise already in the library with the same name.
 */
duplicateOf?: ExistingExercise | null, 
/**
 * What was guessed and deserves a look (pattern from the category, unknown equipment…).
 */
notes: Array<string>, };

export type SkippedEntry = { name: string, reason: string, };

export type ExerciseImportPreview = { format: ImportFormat, entries: Array<ImportedExercise>, skipped: Array<SkippedEntry>, 
/**
 * A wger file that is one page of a longer list.
 */
partial: boolean, };

export type DuplicateAction = "skip" | "merge" | "add_separately";

export type DuplicateDecision = { sourceRef: string, action: DuplicateAction, };

export type ExerciseImportReport = { added: number, merged: number, skipped: number, };

export type LoadKind = "none" | "kg" | "percent_one_rm" | "rpe" | "rir";

export type Load = { kind: LoadKind, value?: number | null, };

export type GroupKind = "superset" | "circuit";

export type Prescription = { exerciseId: string, 
/**
 * The exercise's name when saved, so old versions and PDFs read well even if it is renamed.
 */
exerciseName: string, sets: number, 
/**
 * What `reps_min` and `reps_max` count. Absent in plans saved before timed and distance
 * prescriptions existed, which were all reps; the field names stay so they read unchanged.
 */
measure: Measure, 
/**
 * The bottom of the range, in `measure` (reps, seconds or metres).
 */
repsMin: number, 
/**
 * Equal to `reps_min` for a fixed count; higher for a range ("8–12", "30–45 s").
 */
repsMax: number, load: Load, tempo: string, restSeconds?: number | null, notes: string, 
/**
 * Adjacent prescriptions with the same group label form a superset or circuit ("A").
 */
group?: string | null, groupKind?: GroupKind | null, };

export type PlanDay = { name: string, 
/**
 * Days after the week's first day (0–6): with the plan's start date this gives the date.
 */
dayOffset: number, items: Array<Prescription>, };

export type PlanWeek = { deload: boolean, days: Array<PlanDay>, };

export type Progression = { "kind": "linear", increment_kg: number, } | { "kind": "double", increment_kg: number, };

export type ProgressionRule = { progression?: Progression | null, 
/**
 * Every Nth week is a deload (fewer sets, lighter loads); none for no deloads.
 */
deloadEvery?: number | null, };

export type PlanBody = { weeks: Array<PlanWeek>, rule: ProgressionRule, notes: string, };

export type AuthorKind = "trainer" | "ai";

export type PlanSummary = { id: string, name: string, isTemplate: boolean, clientId?: string | null, clientName?: string | null, startDate?: string | null, currentVersion: number, weeks: number, daysPerWeek: number, updatedAt: string, };

export type Plan = { id: string, name: string, isTemplate: boolean, clientId?: string | null, clientName?: string | null, startDate?: string | null, fromTemplateId?: string | null, version: number, body: PlanBody, };

export type PlanVersion = { version: number, authorKind: AuthorKind, authorName: string, summary: string, name: string, restoredFrom?: number | null, createdAt: string, };

export type PlanVersionDetail = { meta: PlanVersion, body: PlanBody, };

export type NewPlan = { name: string, isTemplate: boolean, body: PlanBody, };

export type PlanSave = { name: string, body: PlanBody, 
/**
 * The version the editor started from; a save on top of a newer one is refused.
 */
baseVersion: number, };

export type PlanAssignment = { clientId: string, startDate: string, };

export type PlanDate = { week: number, dayIndex: number, dayName: string, date: string, sessionId?: string | null, logId?: string | null, };

export type PlanListQuery = { 
/**
 * Only templates (true), only plans (false) or both.
 */
templates?: boolean | null, clientId?: string | null, };

export type WorkoutSetInput = { exerciseId: string, 
/**
 * The prescription this set fulfils (its row within the plan day), if any.
 */
itemIndex?: number | null, 
/**
 * 0 records a set that was attempted but not completed.
 */
reps: number, 
/**
 * What `reps` counts: the seconds or metres of a timed or distance prescription. It is
 * the measure of the prescription the set fulfils (`item_index`), which is how it is read
 * back; a set outside a plan counts reps.
 */
measure: Measure, loadKg: number, rpe?: number | null, };

export type WorkoutLogInput = { clientId: string, performedOn: string, planId?: string | null, week?: number | null, dayIndex?: number | null, sessionId?: string | null, notes: string, sets: Array<WorkoutSetInput>, };

export type WorkoutSet = { id: string, exerciseId: string, exerciseName: string, itemIndex?: number | null, reps: number, 
/**
 * What `reps` counts (reps, seconds or metres), from the prescription the set fulfils.
 */
measure: Measure, loadKg: number, rpe?: number | null, e1rmKg?: number | null, };

export type WorkoutLog = { id: string, clientId: string, performedOn: string, planId?: string | null, planName?: string | null, planVersion?: number | null, week?: number | null, dayIndex?: number | null, sessionId?: string | null, notes: string, sets: Array<WorkoutSet>, };

export type LastTime = { exerciseId: string, 
/**
 * The library lists "bodyweight" among its equipment.
 */
bodyweight: boolean, 
/**
 * The date of the last workout with this exercise, if there was one.
 */
performedOn?: string | null, 
/**
 * Its sets of this exercise, in order.
 */
sets: Array<LastSet>, };

export type LastSet = { reps: number, loadKg: number, };

export type ReportRange = { 
/**
 * First day included (`YYYY-MM-DD`); empty or null: from the first record.
 */
from?: string | null, 
/**
 * Last day included; empty or null: up to today.
 */
to?: string | null, };

export type RecordKind = "estimated_one_rm" | "reps" | "volume";

export type RecordHit = { exerciseId: string, exerciseName: string, kind: RecordKind, value: number, 
/**
 * For rep records: the load the reps were done with.
 */
loadKg?: number | null, previous?: number | null, };

export type LogSaved = { log: WorkoutLog, records: Array<RecordHit>, };

export type WorkoutLogSummary = { id: string, performedOn: string, planName?: string | null, week?: number | null, dayIndex?: number | null, exercises: number, sets: number, volumeKg: number, };

export type WorkoutLogPage = { logs: Array<WorkoutLogSummary>, 
/**
 * Every log of the client, not only this page.
 */
total: number, };

export type ExerciseRecords = { exerciseId: string, exerciseName: string, bestE1rmEpleyKg?: number | null, bestE1rmBrzyckiKg?: number | null, bestE1rmOn?: string | null, bestVolumeKg: number, bestVolumeOn?: string | null, maxReps: number, 
/**
 * Days the exercise was trained.
 */
workouts: number, };

export type E1rmPoint = { date: string, e1rmKg: number, };

export type E1rmSeries = { exerciseId: string, exerciseName: string, points: Array<E1rmPoint>, };

export type MuscleWeek = { weekStart: string, muscle: string, sets: number, volumeKg: number, };

export type AdherenceWeek = { planId: string, planName: string, week: number, weekStart: string, prescribedSets: number, completedSets: number, };

export type ClientProgress = { e1rm: Array<E1rmSeries>, weeklyVolume: Array<MuscleWeek>, records: Array<ExerciseRecords>, adherence: Array<AdherenceWeek>, };

export type TaskType = "progress_monitor" | "weekly_digest" | "workout_optimizer" | "scheduling" | "nutrition" | "health_check" | "data_quality" | "client_chat";

export type AgentStage = "queued" | "facts" | "model" | "validating" | "retrying" | "delta" | "done" | "failed" | "cancelled";

export type AgentEvent = { executionId: string, taskType: TaskType, clientId?: string | null, stage: AgentStage, 
/**
 * A line for the trainer ("Asking OpenAI (gpt-4o-mini)…").
 */
message: string, 
/**
 * For `delta`: the whole answer so far (names restored); each delta replaces the last.
 */
delta?: string | null, };

export type ProviderKind = "openai" | "compatible";

export type Provider = { id: string, name: string, kind: ProviderKind, baseUrl: string, model: string, 
/**
 * 1 is tried first; the next on failure.
 */
position: number, timeoutSeconds: number, enabled: boolean, 
/**
 * Whether the keychain holds a key for it (filled in by the caller that can ask the keychain).
 */
hasKey: boolean, };

export type ProviderInput = { name: string, kind?: ProviderKind | null, baseUrl: string, model: string, timeoutSeconds?: number | null, enabled?: boolean | null, };

export type ProviderCheck = { ok: boolean, 
/**
 * "Answered in 420 ms" or why not.
 */
message: string, latencyMs?: number | null, };

export type ProviderStatus = { providerId: string, name: string, 
/**
 * closed (healthy), open (skipped after repeated failures) or half_open (one trial allowed).
 */
circuit: string, };

export type AiStatus = { keychainOk: boolean, 
/**
 * Why not, and how to fix it.
 */
keychainMessage?: string | null, providers: Array<ProviderStatus>, };

export type Agent = { id: string, taskType: TaskType, name: string, enabled: boolean, 
/**
 * None: the providers' fallback chain.
 */
providerId: string | null, 
/**
 * None: the provider's own model.
 */
model: string | null, temperature: number, promptVersion: number, 
/**
 * Per agent, e.g. `{"intervalMinutes": 5}` for the health checker.
 */
settings: Record<string, unknown>, };

export type AgentInput = { enabled: boolean, providerId?: string | null, model?: string | null, temperature: number, settings: Record<string, unknown>, };

export type ExecutionStatus = "running" | "done" | "failed" | "cancelled";

export type ExecutionSummary = { id: string, 
/**
 * As asked; an unknown one is kept as typed (it was refused).
 */
taskType: string, clientId: string | null, clientName: string | null, status: ExecutionStatus, error: string | null, providerName: string | null, model: string | null, promptTokens: number, completionTokens: number, costEstimateUsd: number, attempts: number, fromCache: boolean, startedAt: string, finishedAt: string | null, latencyMs: number | null, };

export type Execution = { inputFingerprint: string, facts: unknown, sent: unknown, output: unknown, id: string, 
/**
 * As asked; an unknown one is kept as typed (it was refused).
 */
taskType: string, clientId: string | null, clientName: string | null, status: ExecutionStatus, error: string | null, providerName: string | null, model: string | null, promptTokens: number, completionTokens: number, costEstimateUsd: number, attempts: number, fromCache: boolean, startedAt: string, finishedAt: string | null, latencyMs: number | null, };

export type ExecutionQuery = { taskType?: string | null, status?: ExecutionStatus | null, clientId?: string | null, 
/**
 * At most this many, newest first (default 200).
 */
limit?: number | null, };

export type DayMetrics = { 
/**
 * `YYYY-MM-DD` (UTC).
 */
day: string, runs: number, done: number, failed: number, 
/**
 * Done ÷ (done + failed); None without finished runs.
 */
successRate: number | null, p50LatencyMs: number | null, p95LatencyMs: number | null, promptTokens: number, completionTokens: number, costEstimateUsd: number, };

export type ReviewKind = "insight" | "suggestion";

export type ReviewStatus = "open" | "accepted" | "dismissed";

export type Evidence = { label: string, value: string, };

export type ReviewItem = { id: string, executionId: string, taskType: TaskType, clientId: string | null, clientName: string | null, kind: ReviewKind, title: string, 
/**
 * As proposed; `editedBody` holds the trainer's edit when accepted after editing.
 */
body: string, evidence: Array<Evidence>, 
/**
 * Written by the model (true) or computed by Spotter without one (false).
 */
fromModel: boolean, 
/**
 * Accepting saves a new version of this plan (authored "AI").
 */
changesPlanId?: string | null, 
/**
 * Accepting books a session.
 */
booksSession: boolean, 
/**
 * What accepting created, e.g. "plan version 4".
 */
result?: string | null, status: ReviewStatus, editedBody: string | null, dismissReason: string | null, decidedAt: string | null, createdAt: string, };

export type ReviewQuery = { status?: ReviewStatus | null, clientId?: string | null, executionId?: string | null, };

export type RunRequest = { taskType: string, clientId?: string | null, 
/**
 * Ask the model again even when a recent run had the same input.
 */
fresh: boolean, };

export type RunOutcome = { execution: Execution, items: Array<ReviewItem>, };

export type RunPreview = { facts: unknown, 
/**
 * `[{role, content}]` as they would be sent, names already replaced.
 */
messages: Array<{ role: string, content: string }>, 
/**
 * The providers it would try, in order; empty means facts only.
 */
providers: Array<string>, };

export type ChatMessage = { id: string, clientId: string, 
/**
 * "user" (the trainer) or "assistant".
 */
role: string, content: string, 
/**
 * Numbers in an answer that are not among the client's facts (shown as a warning).
 */
unverified: Array<string>, createdAt: string, };

export type HealthStatus = "ok" | "warn" | "fail";

export type HealthCheck = { 
/**
 * "database", "links", "backup", "disk", "log", "keychain", "provider".
 */
key: string, label: string, status: HealthStatus, detail: string, 
/**
 * What to do about it, when something is wrong.
 */
fix?: string | null, };

export type HealthReport = { checkedAt: string, overall: HealthStatus, checks: Array<HealthCheck>, };

export type UpdateStatus = "available" | "up_to_date" | "unreachable";

export type UpdateOffer = { version: string, notes?: string | null, 
/**
 * Publication date (RFC 3339), when the server gives one.
 */
date?: string | null, };

export type UpdateCheck = { 
/**
 * The version running now.
 */
currentVersion: string, status: UpdateStatus, 
/**
 * The new version, when `status` is `available`.
 */
update?: UpdateOffer | null, 
/**
 * A sentence for the trainer when there is more to say (why the server could not be asked,
 * a newer version without a package for this system).
 */
message?: string | null, };

export type UpdateProgress = { "stage": "downloading", downloaded: number, total?: number | null, } | { "stage": "verified" } | { "stage": "backedUp", path: string, } | { "stage": "installing" } | { "stage": "installed" };

export type BackupReason = "daily" | "manual" | "before_migration" | "before_update" | "before_restore";

export type BackupInfo = { path: string, fileName: string, 
/**
 * When it was taken, UTC (RFC 3339 with milliseconds).
 */
takenAt: string, sizeBytes: number, reason: BackupReason, };

export type Retention = { 
/**
 * Days with a backup kept (the newest of each day), at least 1.
 */
daily: number, 
/**
 * Weeks with a backup kept (the newest of each week), 0 for none.
 */
weekly: number, };

export type RestoreReport = { 
/**
 * The file restored.
 */
restoredFrom: string, 
/**
 * The schema version of that file (an older one was upgraded when it was opened).
 */
schemaVersion: number, 
/**
 * The backup of the database as it was just before the restore.
 */
safetyBackup?: BackupInfo | null, 
/**
 * Where a damaged database was moved instead (it could not be backed up).
 */
setAside?: string | null, };

export type ExportFiles = { json: string, csv: string, };
