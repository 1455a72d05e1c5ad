// An in-memory stand-in for the Rust commands, installed through Tauri's mockIPC.
// Component tests exercise the UI against it; the real IPC and database are covered by
// the WebDriver end-to-end tests (tests/e2e). Rules are mirrored only as far as the UI
// shows their outcome (field errors, conversions, the clearance flag, all-or-none imports).
import { mockIPC } from '@tauri-apps/api/mocks';
import { aiHandlers } from './aiBackend';
import { csvHandlers } from './csvBackend';
import { dataHandlers } from './dataBackend';
import { dialogHandlers, resetDialogs } from './dialogBackend';
import { firstStartHandlers, type FirstStartSeed } from './firstStartBackend';
import { exportFiles } from './exportFiles';
import { logsHandlers } from './logsBackend';
import { overviewHandlers, type OverviewSeed } from './overviewBackend';
import { trainingHandlers } from './trainingBackend';
import { updatesHandlers } from './updatesBackend';
import type {
  AppError,
  AppInfo,
  Attendance,
  AttentionItem,
  CalendarEntry,
  ClearanceWarning,
  Client,
  ClientInput,
  ClientListQuery,
  ClientNote,
  ClientStatus,
  Measurement,
  MeasurementInput,
  ParqInput,
  ParqIntake,
  Session,
  SessionStatus,
  Settings,
  Trainer,
} from '../bindings';
import { recordsFixture } from './fixtures';
import { handlerFor, type StandIn } from './standIn';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export type Override = (args: Record<string, unknown>) => unknown;

/** What the training stand-ins may read from the core backend. */
export interface BackendContext {
  clients: () => Map<string, Client>;
  /** The settings settings_get answers with (the logo lives in Settings.hasLogo). */
  settings: () => Settings;
  setSettings: (settings: Settings) => void;
  /** Another stand-in's command, e.g. the logs reading a plan (not recorded in `calls`). */
  invoke: (cmd: string, args: Record<string, unknown>) => unknown;
  /** The files exports wrote: a second export to one path needs `replace`. */
  files: ReturnType<typeof exportFiles>;
}

export const appInfo: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/test/.local/share/spotter',
  databasePath: '/home/test/.local/share/spotter/spotter.db',
  logDir: '/home/test/.local/share/spotter/logs',
  schemaVersion: 1,
  preMigrationBackup: null,
};

export const ME: Trainer = {
  id: 't1',
  name: 'Me',
  email: null,
  color: '#12b886',
  timeZone: 'UTC',
  workingHours: [],
  isMe: true,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

export const DEFAULT_EXPORT_DIR = '/home/test/Documents/Spotter';

/** The PAR-Q+ questions, as the core sends them (recorded in fixtures/records.json). */
export const PARQ_QUESTIONS: string[] = recordsFixture.parqQuestions;

function statusOf(c: Pick<Client, 'archivedAt' | 'pausedAt'>): ClientStatus {
  return c.archivedAt ? 'archived' : c.pausedAt ? 'paused' : 'active';
}

export function makeClient(partial: Partial<Client> & { name: string }): Client {
  const now = '2025-01-15T10:00:00Z';
  const client: Client = {
    id: partial.id ?? `c-${partial.name.toLowerCase().replace(/\W+/g, '-')}`,
    email: null,
    phone: null,
    dateOfBirth: null,
    goals: '',
    notes: '',
    tags: [],
    emergencyContactName: null,
    emergencyContactPhone: null,
    fitnessLevel: null,
    injuries: '',
    bodyAreas: [],
    preferredTimes: '',
    status: 'active',
    needsClearance: false,
    clearanceOn: null,
    pausedAt: null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...partial,
  };
  return partial.status ? client : { ...client, status: statusOf(client) };
}

export function makeEntry(partial: Partial<CalendarEntry> & { id: string; start: string; end: string }): CalendarEntry {
  return {
    trainerId: 't1',
    roomId: null,
    kind: 'personal',
    label: 'Personal training',
    timeZone: 'UTC',
    status: 'scheduled',
    seriesId: null,
    needsClearance: false,
    capacity: null,
    booked: null,
    ...partial,
  };
}

/** What the other record tables start with. */
export interface Seed {
  settings?: Settings;
  /** client_sessions results by client id (newest first, as the core returns them). */
  sessions?: Record<string, CalendarEntry[]>;
  measurements?: Measurement[];
  intakes?: ParqIntake[];
  notes?: ClientNote[];
  /** Today's sessions for dashboard_get, also answered by session_get / session_set_status. */
  today?: Session[];
  attention?: AttentionItem[];
  /** What sessions_range finds: the entries overlapping the asked range. */
  calendar?: CalendarEntry[];
  /** The client list's computed columns (last/next session, plan, adherence) by client id. */
  overview?: OverviewSeed;
  /** Paths that already exist, so an export to one of them asks before replacing it. */
  existingFiles?: string[];
  /** The welcome's state and the demo data directory's clients. */
  firstStart?: FirstStartSeed;
}

export function makeSession(partial: Partial<Session> & { id: string; start: string; end: string }): Session {
  return {
    trainerId: 't1',
    roomId: null,
    kind: 'personal',
    label: 'Personal training',
    title: '',
    timeZone: 'UTC',
    localStart: partial.start.slice(0, 16),
    localEnd: partial.end.slice(0, 16),
    capacity: null,
    status: 'scheduled',
    lateCancel: false,
    notes: '',
    seriesId: null,
    recurrenceId: null,
    detached: false,
    participants: [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...partial,
  };
}

function notFound(what: string, id: unknown): AppError {
  return { code: 'not_found', message: `No ${what} with id ${String(id)}` };
}

function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: string, raw: string): string {
  if (!ISO_DATE.test(raw.trim())) throw invalid(field, `'${raw}' is not a date (YYYY-MM-DD)`);
  return raw.trim();
}

const LB_PER_KG = 2.2046226218;
const CM_PER_IN = 2.54;
const LENGTHS = ['waist', 'hips', 'chest', 'arm', 'thigh'];

/** The core's `to_si`, without the plausibility ranges. */
function toSi(input: MeasurementInput): { value: number; unit: string } {
  const unit = input.unit.trim();
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw invalid('value', 'Enter a number');
  if (input.metric === 'custom') return { value: input.value, unit };
  const si =
    input.metric === 'body_weight'
      ? 'kg'
      : input.metric === 'body_fat'
        ? '%'
        : input.metric === 'resting_heart_rate'
          ? 'bpm'
          : 'cm';
  if (unit === si) return { value: input.value, unit: si };
  if (input.metric === 'body_weight' && unit === 'lb') return { value: input.value / LB_PER_KG, unit: si };
  if (LENGTHS.includes(input.metric ?? '') && unit === 'in') return { value: input.value * CM_PER_IN, unit: si };
  throw invalid('unit', `'${unit}' is not a unit for this measurement (use ${si})`);
}

export const DEFAULT_SETTINGS: Settings = {
  units: 'metric',
  notifyMinutesBefore: 15,
  paper: 'a4',
  studioName: '',
  hasLogo: false,
  checkUpdatesAtStart: false,
  locale: 'en-GB',
  clock: 'h24',
  weekStart: 'monday',
  welcomed: true,
};

export function installBackend(initial: Client[] = [], seed: Seed = {}) {
  const clients = new Map(initial.map((c) => [c.id, { ...c }]));
  const calls: Call[] = [];
  const overrides = new Map<string, Override>();
  let settings: Settings = seed.settings ?? DEFAULT_SETTINGS;
  const sessions = new Map(Object.entries(seed.sessions ?? {}));
  let measurements: Measurement[] = [...(seed.measurements ?? [])];
  let intakes: ParqIntake[] = [...(seed.intakes ?? [])];
  let notes: ClientNote[] = [...(seed.notes ?? [])];
  const today = new Map((seed.today ?? []).map((x) => [x.id, { ...x }]));
  const session = (id: unknown): Session => {
    const found = typeof id === 'string' ? today.get(id) : undefined;
    if (!found) throw notFound('session', id);
    return found;
  };
  // The core keeps "latest PAR-Q+ had a yes" apart from the clearance date.
  const latestYes = new Map(initial.map((c) => [c.id, c.needsClearance]));
  // Numbered per kind (note-1, m-1, …), as the recorded fixtures name what the core made.
  const counters = new Map<string, number>();
  const newId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${n}`;
  };
  let clock = Date.parse('2025-02-01T09:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();

  const get = (id: unknown): Client => {
    const client = typeof id === 'string' ? clients.get(id) : undefined;
    if (!client || client.deletedAt) throw notFound('client', id);
    return client;
  };

  const save = (client: Client): Client => {
    const fresh = {
      ...client,
      status: statusOf(client),
      needsClearance: (latestYes.get(client.id) ?? false) && client.clearanceOn === null,
      updatedAt: now(),
    };
    clients.set(fresh.id, fresh);
    return fresh;
  };

  const handlers: StandIn = {
    app_info: () => appInfo,
    settings_get: () => settings,
    settings_set: (args) => (settings = args.settings as Settings),
    default_export_dir: () => DEFAULT_EXPORT_DIR,

    clients_list: (args) => {
      const query = args.query as ClientListQuery;
      const needle = (query.search ?? '').trim().toLowerCase();
      const wanted = (c: Client) =>
        query.status === 'all' ||
        (query.status === 'active' && c.status !== 'archived') ||
        query.status === c.status;
      const result = [...clients.values()]
        .filter((c) => !c.deletedAt)
        .filter(wanted)
        .filter(
          (c) =>
            needle === '' ||
            [c.name, c.email ?? '', c.phone ?? '', ...c.tags].some((t) => t.toLowerCase().includes(needle)),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      return query.limit ? result.slice(0, query.limit) : result;
    },
    client_get: (args) => get(args.id),
    client_create: (args) => {
      const input = args.input as ClientInput;
      const client = makeClient({ ...input, id: newId('new') } as Partial<Client> & { name: string });
      clients.set(client.id, client);
      return client;
    },
    client_update: (args) => save({ ...get(args.id), ...(args.input as ClientInput) } as Client),
    client_set_archived: (args) => save({ ...get(args.id), archivedAt: args.archived ? now() : null }),
    client_set_paused: (args) => {
      const client = get(args.id);
      return save({ ...client, pausedAt: args.paused ? (client.pausedAt ?? now()) : null });
    },
    client_set_clearance: (args) => {
      const date = typeof args.date === 'string' && args.date.trim() !== '' ? checkDate('clearanceOn', args.date) : null;
      return save({ ...get(args.id), clearanceOn: date });
    },
    client_delete: (args) => {
      const before = get(args.id);
      clients.set(before.id, { ...before, deletedAt: now() });
      return before;
    },
    client_restore: (args) => {
      const client = typeof args.id === 'string' ? clients.get(args.id) : undefined;
      if (!client) throw notFound('client', args.id);
      const restored = { ...client, deletedAt: null };
      clients.set(restored.id, restored);
      return restored;
    },
    client_sessions: (args) => sessions.get(get(args.client).id) ?? [],

    // Scheduling: empty but well-formed, so screens around the client record render quietly.
    trainers_list: () => [ME],
    rooms_list: () => [],
    sessions_range: (args) => {
      const q = args.query as { from: string; to: string };
      return (seed.calendar ?? []).filter((e) => Date.parse(e.start) < Date.parse(q.to) && Date.parse(e.end) > Date.parse(q.from));
    },
    // Copies: the cache must never hold the objects this fake mutates.
    dashboard_get: () => ({ today: [...today.values()].map((x) => structuredClone(x)), weekAhead: [], attention: seed.attention ?? [] }),
    session_get: (args) => structuredClone(session(args.id)),
    session_set_status: (args) => {
      const s = session(args.id);
      s.status = args.status as SessionStatus;
      s.lateCancel = args.status === 'cancelled' && Boolean(args.late);
      const follow: Record<SessionStatus, Attendance> = {
        scheduled: 'expected',
        completed: 'attended',
        no_show: 'no_show',
        cancelled: s.lateCancel ? 'late_cancelled' : 'cancelled',
      };
      s.participants = s.participants.map((p) => ({ ...p, attendance: follow[s.status] }));
      return { ...s };
    },

    intake_questions: () => PARQ_QUESTIONS,
    intakes_list: (args) =>
      intakes
        .filter((i) => i.clientId === args.client)
        .sort((a, b) => b.answeredOn.localeCompare(a.answeredOn) || b.createdAt.localeCompare(a.createdAt)),
    intake_record: (args) => {
      const client = get(args.client);
      const input = args.input as ParqInput;
      const answeredOn = checkDate('answeredOn', input.answeredOn);
      if (input.answers.length !== PARQ_QUESTIONS.length) throw invalid('answers', 'Answer all 7 questions');
      const answers = input.answers.map((a, i) => {
        if (a === null) throw invalid(`answers.${i}`, `Answer question ${i + 1} (yes or no)`);
        return a;
      });
      const intake: ParqIntake = {
        id: newId('intake'),
        clientId: client.id,
        answeredOn,
        answers,
        notes: input.notes.trim(),
        anyYes: answers.some(Boolean),
        createdAt: now(),
      };
      intakes.push(intake);
      const latest = (handlers.intakes_list!({ client: client.id }) as ParqIntake[])[0]!;
      latestYes.set(client.id, latest.anyYes);
      // A new "yes" after an earlier clearance asks for clearance again.
      const stale = latest.anyYes && client.clearanceOn !== null && client.clearanceOn < answeredOn;
      save({ ...client, clearanceOn: stale ? null : client.clearanceOn });
      return intake;
    },
    // The core's wording (clients/clearance.rs), from the latest intake's "yes" answers.
    clearance_warnings: (args) => {
      const ids = [...new Set(args.clients as string[])];
      return ids.flatMap((id): ClearanceWarning[] => {
        const client = get(id);
        if (!client.needsClearance) return [];
        const latest = (handlers.intakes_list!({ client: id }) as ParqIntake[])[0];
        const questions = latest ? PARQ_QUESTIONS.filter((_, i) => latest.answers[i]) : [];
        const start = `${client.name} needs medical clearance before training`;
        const message =
          latest && questions.length === 1
            ? `${start}: the PAR-Q+ of ${latest.answeredOn} has a “yes” to “${questions[0]}”`
            : latest && questions.length > 1
              ? `${start}: the PAR-Q+ of ${latest.answeredOn} has a “yes” to ${questions.length} questions: ${questions.map((q) => `“${q}”`).join(' ')}`
              : `${start} (flagged on the client's record)`;
        return [{ clientId: id, clientName: client.name, answeredOn: latest?.answeredOn ?? null, questions, message }];
      });
    },

    measurements_list: (args) =>
      measurements
        .filter((m) => m.clientId === args.client)
        .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.createdAt.localeCompare(b.createdAt)),
    measurement_add: (args) => {
      const client = get(args.client);
      const input = args.input as MeasurementInput;
      const measuredOn = checkDate('measuredOn', input.measuredOn);
      if (!input.metric) throw invalid('metric', 'Choose what was measured');
      const customName = input.metric === 'custom' ? (input.customName ?? '').trim() : null;
      if (customName === '') throw invalid('customName', 'Name the custom measurement (at most 60 characters)');
      const { value, unit } = toSi(input);
      const measurement: Measurement = {
        id: newId('m'),
        clientId: client.id,
        measuredOn,
        metric: input.metric,
        customName,
        value: Math.round(value * 10_000) / 10_000,
        unit,
        createdAt: now(),
      };
      measurements.push(measurement);
      return measurement;
    },
    measurement_delete: (args) => {
      if (!measurements.some((m) => m.id === args.id)) throw notFound('measurement', args.id);
      measurements = measurements.filter((m) => m.id !== args.id);
      return null;
    },

    notes_list: (args) =>
      notes.filter((n) => n.clientId === args.client).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    note_add: (args) => {
      const client = get(args.client);
      const body = String(args.body).trim();
      if (body === '') throw invalid('body', 'Write the note first');
      const at = now();
      const note: ClientNote = { id: newId('note'), clientId: client.id, body, createdAt: at, updatedAt: at };
      notes.push(note);
      return note;
    },
    // The core's record::update_note: same rules as a new note, createdAt kept.
    note_update: (args) => {
      const note = notes.find((n) => n.id === args.id);
      if (!note) throw notFound('note', args.id);
      const body = String(args.body).trim();
      if (body === '') throw invalid('body', 'Write the note first');
      const updated: ClientNote = { ...note, body, updatedAt: now() };
      notes = notes.map((n) => (n.id === note.id ? updated : n));
      return updated;
    },
    note_delete: (args) => {
      if (!notes.some((n) => n.id === args.id)) throw notFound('note', args.id);
      notes = notes.filter((n) => n.id !== args.id);
      return null;
    },

    clients_csv_export: (args) => context.files.write(args, 'csv', 'A CSV export'),
  };

  // Training commands live in their own files (exercises and plans; logs and progress), as do the AI ones.
  const context: BackendContext = {
    clients: () => clients,
    settings: () => settings,
    setSettings: (next) => (settings = next),
    invoke: (cmd, args) => dispatch(cmd, args),
    files: exportFiles(seed.existingFiles),
  };
  const csv = csvHandlers(
    () => clients,
    (fields) => {
      const client = makeClient({ id: newId('new'), ...fields });
      clients.set(client.id, client);
    },
  );
  resetDialogs();
  const dialogs = dialogHandlers();
  const training = trainingHandlers(context);
  const logs = logsHandlers(context);
  const ai = aiHandlers(context);
  const overview = overviewHandlers(context, seed.overview ?? {}, seed.calendar ?? []);
  const updates = updatesHandlers();
  const data = dataHandlers();
  const firstStart: StandIn = firstStartHandlers(context, seed.firstStart ?? {});
  // Logs before training: the logs answer plan_dates, which needs the logs.
  function dispatch(cmd: string, args: Record<string, unknown>): unknown {
    const sets = [handlers, dialogs, csv, logs, training, ai, updates, data, overview, firstStart];
    const handler = sets.map((set) => handlerFor(set, cmd)).find((h) => h !== undefined);
    if (!handler) throw { code: 'internal', message: `unknown command ${cmd}` } satisfies AppError;
    return handler(args);
  }

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const override = overrides.get(cmd);
    if (override) {
      overrides.delete(cmd); // one-shot, like a single failed save
      return override(args);
    }
    return dispatch(cmd, args);
  });

  return {
    clients,
    calls,
    callsTo: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    /** Makes the next call of `cmd` run `fn` instead (throw to reject). */
    once: (cmd: string, fn: Override) => overrides.set(cmd, fn),
    measurements: () => measurements,
    notes: () => notes,
  };
}
