// In-memory stand-ins for the Rust commands of workout logs, records and client progress, plan
// dates, the progress report and the logo. Installed by installBackend (backend.ts); see there
// for what these mocks are for. Plans and the library live in trainingBackend.ts (a test that
// needs them calls seedTraining()): read here through ctx.invoke, created in tests with addPlan.
import { api } from '../api';
import type {
  AppError,
  ClientProgress,
  E1rmSeries,
  Exercise,
  ExerciseRecords,
  FileUpload,
  LastTime,
  LogSaved,
  Plan,
  PlanDay,
  Prescription,
  RecordHit,
  ReportRange,
  WorkoutLog,
  WorkoutLogInput,
  WorkoutLogSummary,
  WorkoutSetInput,
} from '../bindings';
import { readUpload } from './dialogBackend';
import type { BackendContext } from './backend';
import { SEED_EXERCISES } from './trainingBackend';
import type { StandIn } from './standIn';

export interface LogsSeed {
  logs?: WorkoutLog[];
  /** Sessions by client and local date, for plan_dates' sessionId. */
  sessions?: { clientId: string; date: string; id: string }[];
  /** client_progress answers by client; without one it is worked out from the logs. */
  progress?: Record<string, ClientProgress>;
}

let pending: LogsSeed = {};

/** Seeds the next installBackend call (call it before installBackend). */
export function seedLogs(seed: LogsSeed) {
  pending = seed;
}

const seeded = (id: string): Exercise => {
  const found = SEED_EXERCISES.find((e) => e.id === id);
  if (!found) throw new Error(`the training mock has no exercise ${id}`);
  return found;
};

/** Exercises of the training mock's library. */
export const SQUAT = seeded('ex-squat');
export const BENCH = seeded('ex-bench');
export const GOBLET = seeded('ex-goblet');

export function prescription(ex: Exercise, sets: number, reps: number, kg: number | null): Prescription {
  return {
    exerciseId: ex.id,
    exerciseName: ex.name,
    sets,
    measure: 'reps',
    repsMin: reps,
    repsMax: reps,
    load: kg === null ? { kind: 'none', value: null } : { kind: 'kg', value: kg },
    tempo: '',
    restSeconds: 120,
    notes: '',
    group: null,
    groupKind: null,
  };
}

/**
 * A plan of `weeks` identical weeks, created through the commands (call after installBackend):
 * a template, or assigned to a client from a start date.
 */
export async function addPlan(plan: {
  name: string;
  days: PlanDay[];
  weeks?: number;
  template?: boolean;
  assign?: { clientId: string; startDate: string };
}): Promise<Plan> {
  const body = { weeks: Array.from({ length: plan.weeks ?? 1 }, () => ({ deload: false, days: plan.days })), rule: {}, notes: '' };
  const created = await api.planCreate({ name: plan.name, isTemplate: plan.template ?? false, body });
  return plan.assign ? api.planAssign(created.id, plan.assign) : created;
}

function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

function notFound(what: string, id: unknown): AppError {
  return { code: 'not_found', message: `No ${what} with id ${String(id)}` };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Epley, as the core: none above 12 reps or without load. */
function epley(kg: number, reps: number): number | null {
  if (!(kg > 0) || reps < 1 || reps > 12) return null;
  return reps === 1 ? kg : kg * (1 + reps / 30);
}

function brzycki(kg: number, reps: number): number | null {
  if (!(kg > 0) || reps < 1 || reps > 12) return null;
  return reps === 1 ? kg : (kg * 36) / (37 - reps);
}

const volumeOf = (log: WorkoutLog, exerciseId: string) =>
  log.sets.filter((s) => s.exerciseId === exerciseId).reduce((sum, s) => sum + s.reps * s.loadKg, 0);

export function logsHandlers(ctx: BackendContext): StandIn {
  const seed = pending;
  pending = {};
  const logs = new Map((seed.logs ?? []).map((l) => [l.id, structuredClone(l)]));
  let nextId = 1;

  const plan = (id: unknown): Plan => ctx.invoke('plan_get', { id }) as Plan;
  const exercise = (id: string): Exercise | null => {
    try {
      return ctx.invoke('exercise_get', { id }) as Exercise;
    } catch {
      return null;
    }
  };
  const clientLogs = (client: unknown) =>
    [...logs.values()]
      .filter((l) => l.clientId === client)
      .sort((a, b) => b.performedOn.localeCompare(a.performedOn) || b.id.localeCompare(a.id));

  const checkLog = (input: WorkoutLogInput): WorkoutLog['sets'] => {
    if (!ctx.clients().has(input.clientId)) throw invalid('clientId', 'Choose a client');
    if (!ISO_DATE.test(input.performedOn.trim())) {
      throw invalid('performedOn', `'${input.performedOn}' is not a date; use YYYY-MM-DD`);
    }
    if (input.sets.length === 0) throw invalid('sets', 'Log at least one set');
    return input.sets.map((s: WorkoutSetInput, i) => {
      const row = (m: string) => `Set ${i + 1}: ${m}`;
      // As the core: the measure is the prescription's (seconds, metres) and sets its limit.
      const max = s.measure === 'seconds' ? 3600 : s.measure === 'metres' ? 50000 : 100;
      if (!Number.isInteger(s.reps) || s.reps < 0 || s.reps > max) throw invalid('reps', row(`${s.measure ?? 'reps'} are 0 to ${max}`));
      if (!(s.loadKg >= 0 && s.loadKg <= 1000)) throw invalid('loadKg', row('a load is 0 to 1000 kg'));
      if (s.rpe !== null && s.rpe !== undefined && !(s.rpe >= 1 && s.rpe <= 10)) {
        throw invalid('rpe', row('RPE is between 1 and 10'));
      }
      const known = exercise(s.exerciseId);
      if (!known) throw invalid('exerciseId', row('that exercise is not in the library'));
      return {
        id: `set-${nextId++}`,
        exerciseId: s.exerciseId,
        exerciseName: known.name,
        itemIndex: s.itemIndex ?? null,
        measure: s.measure ?? 'reps',
        reps: s.reps,
        loadKg: s.loadKg,
        rpe: s.rpe ?? null,
        e1rmKg: (s.measure ?? 'reps') === 'reps' ? epley(s.loadKg, s.reps) : null,
      };
    });
  };

  /** The records `log` sets against the client's other workouts on or before its date. */
  const recordsSetBy = (log: WorkoutLog): RecordHit[] => {
    const prior = clientLogs(log.clientId).filter((l) => l.id !== log.id && l.performedOn <= log.performedOn);
    const hits: RecordHit[] = [];
    for (const exerciseId of [...new Set(log.sets.map((s) => s.exerciseId))]) {
      const mine = log.sets.filter((s) => s.exerciseId === exerciseId);
      const before = prior.flatMap((l) => l.sets.filter((s) => s.exerciseId === exerciseId));
      const name = mine[0]!.exerciseName;
      const best = Math.max(...mine.map((s) => s.e1rmKg ?? -1));
      const prevBest = before.some((s) => s.e1rmKg) ? Math.max(...before.map((s) => s.e1rmKg ?? -1)) : null;
      if (best > 0 && (prevBest === null || best > prevBest + 1e-9)) {
        hits.push({ exerciseId, exerciseName: name, kind: 'estimated_one_rm', value: best, loadKg: null, previous: prevBest });
      }
      const volume = volumeOf(log, exerciseId);
      const prevVolume = prior.some((l) => l.sets.some((s) => s.exerciseId === exerciseId))
        ? Math.max(...prior.map((l) => volumeOf(l, exerciseId)))
        : null;
      if (volume > 0 && prevVolume !== null && volume > prevVolume + 1e-9) {
        hits.push({ exerciseId, exerciseName: name, kind: 'volume', value: volume, loadKg: null, previous: prevVolume });
      }
      const heaviest = [...mine].filter((s) => s.reps > 0 && s.loadKg > 0).sort((a, b) => b.loadKg - a.loadKg);
      for (const s of heaviest) {
        const earlier = before.filter((b) => b.loadKg >= s.loadKg).map((b) => b.reps);
        if (earlier.length > 0 && s.reps > Math.max(...earlier)) {
          hits.push({ exerciseId, exerciseName: name, kind: 'reps', value: s.reps, loadKg: s.loadKg, previous: Math.max(...earlier) });
          break;
        }
      }
    }
    return hits;
  };

  const storeLog = (id: string, input: WorkoutLogInput): LogSaved => {
    const sets = checkLog(input);
    const p = input.planId ? plan(input.planId) : null;
    const log: WorkoutLog = {
      id,
      clientId: input.clientId,
      performedOn: input.performedOn.trim(),
      planId: p?.id ?? null,
      planName: p?.name ?? null,
      planVersion: p?.version ?? null,
      week: p ? (input.week ?? null) : null,
      dayIndex: p ? (input.dayIndex ?? null) : null,
      sessionId: input.sessionId ?? null,
      notes: input.notes.trim(),
      sets,
    };
    logs.set(id, log);
    return { log: structuredClone(log), records: recordsSetBy(log) };
  };

  const progressFromLogs = (client: unknown): ClientProgress => {
    const mine = clientLogs(client).reverse();
    const ids = [...new Set(mine.flatMap((l) => l.sets.map((s) => s.exerciseId)))];
    const nameOf = (id: string) => mine.flatMap((l) => l.sets).find((s) => s.exerciseId === id)?.exerciseName ?? '?';
    const e1rm: E1rmSeries[] = ids.map((exerciseId) => ({
      exerciseId,
      exerciseName: nameOf(exerciseId),
      points: mine.flatMap((l) => {
        const best = Math.max(...l.sets.filter((s) => s.exerciseId === exerciseId).map((s) => s.e1rmKg ?? -1));
        return best > 0 ? [{ date: l.performedOn, e1rmKg: best }] : [];
      }),
    }));
    const records: ExerciseRecords[] = ids.map((exerciseId) => {
      const sets = mine.flatMap((l) => l.sets.filter((s) => s.exerciseId === exerciseId).map((s) => ({ s, on: l.performedOn })));
      const best = [...sets].sort((a, b) => (b.s.e1rmKg ?? 0) - (a.s.e1rmKg ?? 0))[0];
      const volumes = mine.map((l) => ({ v: volumeOf(l, exerciseId), on: l.performedOn })).sort((a, b) => b.v - a.v);
      return {
        exerciseId,
        exerciseName: nameOf(exerciseId),
        bestE1rmEpleyKg: best?.s.e1rmKg ?? null,
        bestE1rmBrzyckiKg: best ? brzycki(best.s.loadKg, best.s.reps) : null,
        bestE1rmOn: best?.s.e1rmKg ? best.on : null,
        bestVolumeKg: volumes[0]?.v ?? 0,
        bestVolumeOn: volumes[0]?.on ?? null,
        maxReps: Math.max(0, ...sets.map((x) => x.s.reps)),
        workouts: mine.filter((l) => l.sets.some((s) => s.exerciseId === exerciseId)).length,
      };
    });
    return { e1rm, weeklyVolume: [], records, adherence: [] };
  };

  return {
    plan_dates: (args) => {
      const p = plan(args.id);
      if (!p.clientId || !p.startDate) return [];
      return p.body.weeks.flatMap((week, w) =>
        week.days.map((day, d) => {
          const date = addDays(p.startDate!, w * 7 + day.dayOffset);
          const log = [...logs.values()].find((l) => l.planId === p.id && l.week === w + 1 && l.dayIndex === d);
          return {
            week: w + 1,
            dayIndex: d,
            dayName: day.name,
            date,
            sessionId: seed.sessions?.find((s) => s.clientId === p.clientId && s.date === date)?.id ?? null,
            logId: log?.id ?? null,
          };
        }),
      );
    },

    log_prefill: (args) => {
      const day = plan(args.plan).body.weeks[Number(args.week) - 1]?.days[Number(args.day)];
      if (!day) throw invalid('dayIndex', 'The plan has no such day');
      return day.items.flatMap((p, i) =>
        Array.from({ length: p.sets }, (): WorkoutSetInput => ({
          exerciseId: p.exerciseId,
          itemIndex: i,
          measure: p.measure,
          reps: p.repsMin,
          loadKg: p.load.kind === 'kg' ? (p.load.value ?? 0) : 0,
          rpe: p.load.kind === 'rpe' ? (p.load.value ?? null) : null,
        })),
      );
    },
    // Paged like training/log_pages.rs: newest first, `total` counts every log.
    logs_list: (args) => {
      const all = clientLogs(args.client);
      const offset = Number(args.offset ?? 0);
      const limit = Math.min(Math.max(Number(args.limit ?? 500), 1), 500);
      return {
        total: all.length,
        logs: all.slice(offset, offset + limit).map(
          (l): WorkoutLogSummary => ({
            id: l.id,
            performedOn: l.performedOn,
            planName: l.planName ?? null,
            week: l.week ?? null,
            dayIndex: l.dayIndex ?? null,
            exercises: new Set(l.sets.map((s) => s.exerciseId)).size,
            sets: l.sets.filter((s) => s.reps > 0).length,
            volumeKg: l.sets.reduce((sum, s) => sum + s.reps * s.loadKg, 0),
          }),
        ),
      };
    },
    log_get: (args) => {
      const log = typeof args.id === 'string' ? logs.get(args.id) : undefined;
      if (!log) throw notFound('workout', args.id);
      return structuredClone(log);
    },
    // The core's training/logs.rs for_session and training/last_time.rs.
    log_for_session: (args) =>
      clientLogs(args.client).find((l) => l.sessionId !== null && l.sessionId === args.session)?.id ?? null,
    logs_last_time: (args) => {
      if (!ISO_DATE.test(String(args.before))) throw invalid('before', `'${String(args.before)}' is not a date; use YYYY-MM-DD`);
      const ids = [...new Set(args.exercises as string[])];
      return ids.map((exerciseId): LastTime => {
        const last = clientLogs(args.client).find(
          (l) => l.id !== args.except && l.performedOn <= String(args.before) && l.sets.some((s) => s.exerciseId === exerciseId),
        );
        return {
          exerciseId,
          bodyweight: exercise(exerciseId)?.equipment.includes('bodyweight') ?? false,
          performedOn: last?.performedOn ?? null,
          sets: (last?.sets ?? []).filter((s) => s.exerciseId === exerciseId).map((s) => ({ reps: s.reps, loadKg: s.loadKg })),
        };
      });
    },
    log_create: (args) => storeLog(`log-${nextId++}`, args.input as WorkoutLogInput),
    log_update: (args) => {
      if (typeof args.id !== 'string' || !logs.has(args.id)) throw notFound('workout', args.id);
      return storeLog(args.id, args.input as WorkoutLogInput);
    },
    log_delete: (args) => {
      if (typeof args.id !== 'string' || !logs.delete(args.id)) throw notFound('workout', args.id);
      return null;
    },
    client_progress: (args) => seed.progress?.[String(args.client)] ?? progressFromLogs(args.client),

    client_report_save: (args) => {
      // The core's report_range.rs: either end may be open; the end not before the start.
      const range = (args.range ?? {}) as ReportRange;
      for (const field of ['from', 'to'] as const) {
        const day = range[field]?.trim();
        if (day && !ISO_DATE.test(day)) throw invalid(field, `'${day}' is not a date; use YYYY-MM-DD`);
      }
      if (range.from?.trim() && range.to?.trim() && range.to.trim() < range.from.trim()) {
        throw invalid('to', 'The report must end on or after the day it starts');
      }
      return ctx.files.write(args, 'pdf', 'A PDF');
    },
    logo_set: (args) => {
      const file = args.file ? readUpload(args.file as FileUpload) : null;
      if (file) {
        const head = atob(file.base64).slice(0, 8);
        const isPng = head === '\x89PNG\r\n\x1a\n';
        const isJpeg = head.startsWith('\xff\xd8\xff');
        if (!isPng && !isJpeg) throw invalid('logo', `${file.name} is not a PNG or JPEG image`);
      }
      ctx.setSettings({ ...ctx.settings(), hasLogo: file !== null });
      return ctx.settings();
    },
  };
}
