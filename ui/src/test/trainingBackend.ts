// In-memory stand-ins for the Rust commands of the exercise library, plans, templates and versions.
// Installed by installBackend (backend.ts); see there for what these mocks are for. Rules are
// mirrored only as far as the UI shows their outcome: field errors with the place in the plan,
// optimistic versions, version summaries and comparisons, import previews with duplicates.
//
// Opt-in: a test calls seedTraining() before installBackend. Without it these commands are left
// to the logs mock (logsBackend.ts), whose own seed serves the client page and the logger.
import type { BackendContext } from './backend';
import type {
  AppError,
  AuthorKind,
  DuplicateDecision,
  Exercise,
  ExerciseImportPreview,
  ExerciseInput,
  ExerciseQuery,
  FileUpload,
  ImportedExercise,
  NewPlan,
  Plan,
  PlanAssignment,
  PlanBody,
  PlanListQuery,
  PlanSave,
  PlanSummary,
  PlanVersion,
  Prescription,
  ProgressionRule,
  SkippedEntry,
} from '../bindings';
import { readUpload } from './dialogBackend';
import type { StandIn } from './standIn';

const MUSCLES = ['chest', 'shoulders', 'triceps', 'biceps', 'forearms', 'lats', 'upper_back', 'traps', 'lower_back', 'abs', 'obliques', 'glutes', 'quadriceps', 'hamstrings', 'adductors', 'abductors', 'calves', 'hip_flexors', 'neck'];
const EQUIPMENT = ['barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'bodyweight', 'band', 'bench', 'rack', 'pull_up_bar', 'medicine_ball', 'smith_machine', 'trap_bar', 'ez_bar', 'suspension', 'sled', 'box', 'landmine', 'cardio_machine', 'foam_roller', 'stability_ball', 'plate'];
const PATTERNS = ['squat', 'hinge', 'lunge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'carry', 'anti_extension', 'anti_rotation', 'rotation', 'isolation', 'conditioning', 'mobility', 'plyometric'];
const BODY_AREAS = ['neck', 'shoulder', 'elbow', 'wrist', 'upper_back', 'lower_back', 'chest', 'core', 'hip', 'knee', 'ankle', 'foot', 'hamstring', 'calf'];

function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

function notFound(what: string): AppError {
  return { code: 'not_found', message: `No such ${what}` };
}

const nameKey = (name: string) => name.toLowerCase().replace(/[-_]/g, ' ').split(/\s+/).filter(Boolean).join(' ');

function exercise(id: string, name: string, partial: Partial<Exercise>): Exercise {
  return {
    id,
    name,
    primaryMuscles: [],
    secondaryMuscles: [],
    equipment: ['bodyweight'],
    pattern: 'isolation',
    difficulty: 'beginner',
    instructions: '',
    cautions: [],
    source: 'spotter',
    sourceRef: null,
    license: 'Spotter exercise library',
    attribution: 'Written for Spotter',
    hidden: false,
    ...partial,
  };
}

/** The library every test starts with. */
export const SEED_EXERCISES: Exercise[] = [
  exercise('ex-squat', 'Back Squat', {
    primaryMuscles: ['quadriceps', 'glutes'],
    secondaryMuscles: ['lower_back'],
    equipment: ['barbell', 'rack'],
    pattern: 'squat',
    difficulty: 'intermediate',
    cautions: [{ area: 'knee', text: 'Keep knees tracking over the toes' }],
  }),
  exercise('ex-rdl', 'Romanian Deadlift', {
    primaryMuscles: ['hamstrings', 'glutes'],
    secondaryMuscles: ['lower_back'],
    equipment: ['barbell'],
    pattern: 'hinge',
    difficulty: 'intermediate',
    cautions: [{ area: 'lower_back', text: 'Neutral spine; stop before the back rounds' }],
  }),
  exercise('ex-bench', 'Bench Press', {
    primaryMuscles: ['chest'],
    secondaryMuscles: ['triceps', 'shoulders'],
    equipment: ['barbell', 'bench'],
    pattern: 'horizontal_push',
    difficulty: 'intermediate',
  }),
  exercise('ex-goblet', 'Goblet Squat', {
    primaryMuscles: ['quadriceps'],
    secondaryMuscles: ['glutes'],
    equipment: ['kettlebell', 'dumbbell'],
    pattern: 'squat',
  }),
  exercise('ex-pullup', 'Pull-Up', {
    primaryMuscles: ['lats'],
    secondaryMuscles: ['biceps'],
    equipment: ['pull_up_bar'],
    pattern: 'vertical_pull',
    difficulty: 'intermediate',
  }),
  exercise('ex-plank', 'Plank', { primaryMuscles: ['abs'], pattern: 'anti_extension' }),
  exercise('ex-farmer', "Farmer's Walk", {
    primaryMuscles: ['forearms', 'traps'],
    equipment: ['dumbbell'],
    pattern: 'carry',
    source: 'free-exercise-db',
    sourceRef: 'Farmers_Walk',
    license: 'Unlicense',
    attribution: 'free-exercise-db (github.com/yuhonas/free-exercise-db), public domain (Unlicense)',
  }),
  exercise('ex-btn', 'Behind-the-Neck Press', {
    primaryMuscles: ['shoulders'],
    equipment: ['barbell'],
    pattern: 'vertical_push',
    difficulty: 'advanced',
    hidden: true,
    cautions: [{ area: 'shoulder', text: 'Needs good shoulder mobility' }],
  }),
];

export function rx(exerciseId: string, exerciseName: string, partial: Partial<Prescription> = {}): Prescription {
  return {
    exerciseId,
    exerciseName,
    sets: 3,
    repsMin: 8,
    repsMax: 12,
    load: { kind: 'none', value: null },
    tempo: '',
    restSeconds: 90,
    notes: '',
    group: null,
    groupKind: null,
    ...partial,
    measure: partial.measure ?? 'reps',
  };
}

export const TEMPLATE_ID = 'tpl-full-body';
export const PLAN_ID = 'plan-anna';
export const AI_PLAN_ID = 'plan-ben';

const TEMPLATE_BODY: PlanBody = {
  weeks: [
    {
      deload: false,
      days: [
        {
          name: 'Full body A',
          dayOffset: 0,
          items: [rx('ex-goblet', 'Goblet Squat'), rx('ex-bench', 'Bench Press', { sets: 3, repsMin: 8, repsMax: 8, load: { kind: 'kg', value: 40 } })],
        },
        {
          name: 'Full body B',
          dayOffset: 3,
          items: [rx('ex-rdl', 'Romanian Deadlift', { load: { kind: 'rpe', value: 7 } }), rx('ex-plank', 'Plank', { repsMin: 1, repsMax: 1, restSeconds: 60 })],
        },
      ],
    },
  ],
  rule: { progression: null, deloadEvery: null },
  notes: '',
};

const PLAN_BODY: PlanBody = {
  weeks: [
    {
      deload: false,
      days: [
        {
          name: 'Lower',
          dayOffset: 0,
          items: [
            rx('ex-squat', 'Back Squat', { sets: 3, repsMin: 5, repsMax: 5, load: { kind: 'kg', value: 60 }, restSeconds: 180 }),
            rx('ex-rdl', 'Romanian Deadlift', { load: { kind: 'kg', value: 50 } }),
          ],
        },
        { name: 'Upper', dayOffset: 2, items: [rx('ex-bench', 'Bench Press', { sets: 4, repsMin: 6, repsMax: 8, load: { kind: 'kg', value: 40 } })] },
      ],
    },
  ],
  rule: { progression: { kind: 'linear', increment_kg: 2.5 }, deloadEvery: null },
  notes: '',
};

// ---- plan rules, as far as the editor shows them (crates/spotter-core/src/training/plan.rs) ----

function checkItem(p: Prescription): void {
  if (!p.exerciseId.trim()) throw invalid('exerciseId', 'Choose an exercise');
  if (p.sets < 1 || p.sets > 20) throw invalid('sets', 'Sets are 1 to 20');
  // As the core's plan::validate_prescription: each measure has its own limit.
  const measure = p.measure ?? 'reps';
  const max = measure === 'seconds' ? 3600 : measure === 'metres' ? 50000 : 100;
  const noun = measure === 'seconds' ? 'Seconds' : measure === 'metres' ? 'Metres' : 'Reps';
  if (p.repsMin < 1 || p.repsMin > max) throw invalid('repsMin', `${noun} are 1 to ${max}`);
  if (p.repsMax < p.repsMin || p.repsMax > max) {
    throw invalid('repsMax', `The top of the range is at least its bottom and at most ${max} ${noun.toLowerCase()}`);
  }
  const v = p.load.value;
  const ok = (lo: number, hi: number) => typeof v === 'number' && v >= lo && v <= hi;
  if (p.load.kind === 'kg' && !ok(0, 1000)) throw invalid('load', 'A load is 0 to 1000 kg');
  if (p.load.kind === 'percent_one_rm' && !(ok(0, 120) && v! > 0)) throw invalid('load', 'A percentage of 1RM is above 0 and at most 120');
  if (p.load.kind === 'rpe' && !ok(1, 10)) throw invalid('load', 'RPE is between 1 and 10');
  if (p.load.kind === 'rir' && !ok(0, 10)) throw invalid('load', 'RIR is between 0 and 10');
  if (p.tempo.length > 12) throw invalid('tempo', 'Tempo is short, like 3-1-1-0');
  if ((p.restSeconds ?? 0) > 1800) throw invalid('restSeconds', 'Rest is at most 30 minutes');
}

function checkBody(body: PlanBody, names: Map<string, string>): PlanBody {
  if (body.weeks.length === 0) throw invalid('weeks', 'A plan needs at least one week');
  const deload = body.rule.deloadEvery;
  if (deload !== null && deload !== undefined && (deload < 2 || deload > 12)) throw invalid('deloadEvery', 'A deload comes every 2 to 12 weeks');
  const inc = body.rule.progression?.increment_kg;
  if (inc !== undefined && (inc < 0 || inc > 50)) throw invalid('incrementKg', 'The weekly load increase is between 0 and 50 kg');
  const out = structuredClone(body);
  out.weeks.forEach((week, w) => {
    if (week.days.length === 0) throw invalid('days', `Week ${w + 1} has no days`);
    const offsets = new Set<number>();
    week.days.forEach((day, d) => {
      day.name = day.name.trim();
      if (!day.name) throw invalid('dayName', `Week ${w + 1}, day ${d + 1} needs a name (up to 80 characters)`);
      if (offsets.has(day.dayOffset)) throw invalid('dayOffset', `Week ${w + 1}: two days fall on the same weekday`);
      offsets.add(day.dayOffset);
      day.items.forEach((p, i) => {
        const at = `week ${w + 1}, day ${d + 1}, row ${i + 1}`;
        try {
          checkItem(p);
        } catch (e) {
          const error = e as AppError;
          throw { ...error, message: `${at}: ${error.message}` };
        }
        const name = names.get(p.exerciseId);
        if (!name) throw invalid('exerciseId', `${at}: that exercise is not in the library`);
        p.exerciseName = name;
        p.tempo = p.tempo.trim();
        p.notes = p.notes.trim();
      });
    });
  });
  return out;
}

// ---- the version summary (crates/spotter-core/src/training/diff.rs, shortened) ----

const fmt = (v: number) => String(Math.round(v * 100) / 100);

function describe(p: Prescription): string {
  const reps = p.repsMax > p.repsMin ? `${p.repsMin}–${p.repsMax}` : String(p.repsMin);
  const v = p.load.value ?? 0;
  const load = { none: '', kg: `${fmt(v)} kg`, percent_one_rm: `${fmt(v)}% 1RM`, rpe: `RPE ${fmt(v)}`, rir: `RIR ${fmt(v)}` }[p.load.kind];
  let s = load ? `${p.sets} × ${reps} @ ${load}` : `${p.sets} × ${reps}`;
  if (p.tempo) s += `, tempo ${p.tempo}`;
  if (p.restSeconds !== null && p.restSeconds !== undefined) s += `, rest ${p.restSeconds} s`;
  return s;
}

function ruleText(r: ProgressionRule): string {
  const p = r.progression;
  const base = !p ? 'no progression' : p.kind === 'linear' ? `linear +${fmt(p.increment_kg)} kg a week` : `double progression +${fmt(p.increment_kg)} kg`;
  return r.deloadEvery ? `${base}, deload every ${r.deloadEvery} weeks` : base;
}

export function changes(old: PlanBody, next: PlanBody): string[] {
  const out: string[] = [];
  if (ruleText(old.rule) !== ruleText(next.rule)) out.push(`Progression: ${ruleText(old.rule)} → ${ruleText(next.rule)}`);
  next.weeks.forEach((nw, w) => {
    const ow = old.weeks[w];
    if (!ow) {
      out.push(`Added week ${w + 1}${nw.deload ? ' (deload)' : ''}`);
      return;
    }
    if (ow.deload !== nw.deload) out.push(`Week ${w + 1} ${nw.deload ? 'is now' : 'is no longer'} a deload`);
    nw.days.forEach((nd, d) => {
      const od = ow.days[d];
      if (!od) {
        out.push(`Week ${w + 1}: added day “${nd.name}” (${nd.items.length} exercises)`);
        return;
      }
      const place = `Week ${w + 1} · ${nd.name}`;
      if (od.name !== nd.name) out.push(`Week ${w + 1}: day “${od.name}” renamed “${nd.name}”`);
      const used = new Set<number>();
      const pairs = nd.items.map((n) => {
        const i = od.items.findIndex((o, j) => !used.has(j) && o.exerciseId === n.exerciseId);
        if (i >= 0) used.add(i);
        return [n, i] as const;
      });
      od.items.forEach((o, j) => !used.has(j) && out.push(`${place}: removed ${o.exerciseName}`));
      let last = -1;
      let reordered = false;
      for (const [n, i] of pairs) {
        if (i < 0) {
          out.push(`${place}: added ${n.exerciseName} ${describe(n)}`);
          continue;
        }
        if (i < last) reordered = true;
        last = i;
        const o = od.items[i]!;
        if (describe(o) !== describe(n)) out.push(`${place}: ${n.exerciseName} ${describe(o)} → ${describe(n)}`);
        if (o.notes !== n.notes) out.push(`${place}: ${n.exerciseName} notes changed`);
      }
      if (reordered) out.push(`${place}: exercises reordered`);
    });
    ow.days.slice(nw.days.length).forEach((od) => out.push(`Week ${w + 1}: removed day “${od.name}”`));
  });
  for (let w = next.weeks.length; w < old.weeks.length; w++) out.push(`Removed week ${w + 1}`);
  if (old.notes !== next.notes) out.push('Plan notes changed');
  return out;
}

// ---- import files (a small part of the wger and free-exercise-db formats) ----

function invalidFile(message: string): AppError {
  return { code: 'invalid_file', message, field: 'file' };
}

const FEDB_MUSCLES: Record<string, string> = {
  abdominals: 'abs',
  'middle back': 'upper_back',
  'lower back': 'lower_back',
  quadriceps: 'quadriceps',
  hamstrings: 'hamstrings',
  chest: 'chest',
  lats: 'lats',
  shoulders: 'shoulders',
  biceps: 'biceps',
  triceps: 'triceps',
  glutes: 'glutes',
  calves: 'calves',
  forearms: 'forearms',
  traps: 'traps',
};
const FEDB_EQUIPMENT: Record<string, string> = { 'body only': 'bodyweight', barbell: 'barbell', dumbbell: 'dumbbell', kettlebells: 'kettlebell', cable: 'cable', machine: 'machine', bands: 'band' };

function readJson(chosen: FileUpload): unknown {
  const file = readUpload(chosen);
  if (file.base64.length > 1_000_000) throw invalidFile('The file is larger than 25 MB');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
  } catch {
    throw invalidFile('The file is not UTF-8 text; export it again as JSON');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidFile('The file is not valid JSON (line 1, column 1): it may be cut short');
  }
}

type Raw = Record<string, unknown>;
const str = (v: Raw, key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');

function parseFedb(entries: Raw[]): ExerciseImportPreview {
  const out: ImportedExercise[] = [];
  const skipped: SkippedEntry[] = [];
  for (const v of entries) {
    const name = str(v, 'name').trim();
    if (!name) {
      skipped.push({ name: '(no name)', reason: 'the entry has no name' });
      continue;
    }
    const primary = ((v.primaryMuscles as string[]) ?? []).map((m) => FEDB_MUSCLES[m]).filter((m): m is string => !!m);
    if (primary.length === 0) {
      skipped.push({ name, reason: 'none of its muscles is one Spotter knows' });
      continue;
    }
    const notes: string[] = [];
    const rawEquipment = str(v, 'equipment');
    const equipment = FEDB_EQUIPMENT[rawEquipment] ? [FEDB_EQUIPMENT[rawEquipment]!] : [];
    if (rawEquipment && !FEDB_EQUIPMENT[rawEquipment]) notes.push(`equipment “${rawEquipment}” has no match; set as bodyweight`);
    notes.push(`movement pattern guessed from the category “${str(v, 'category')}”`);
    out.push({
      sourceRef: str(v, 'id') || name,
      exercise: {
        name,
        primaryMuscles: primary,
        secondaryMuscles: [],
        equipment: equipment.length ? equipment : ['bodyweight'],
        pattern: 'isolation',
        difficulty: str(v, 'level') === 'expert' ? 'advanced' : str(v, 'level') === 'beginner' ? 'beginner' : 'intermediate',
        instructions: ((v.instructions as string[]) ?? []).join('\n'),
        cautions: [],
      },
      license: 'Unlicense',
      attribution: 'free-exercise-db (github.com/yuhonas/free-exercise-db), public domain (Unlicense)',
      duplicateOf: null,
      notes,
    });
  }
  return { format: 'free-exercise-db', entries: out, skipped, partial: false };
}

function parseWger(results: Raw[]): ExerciseImportPreview {
  const out: ImportedExercise[] = [];
  const skipped: SkippedEntry[] = [];
  for (const v of results) {
    const translations = (v.translations as Raw[]) ?? [];
    const name = str(translations.find((t) => t.language === 2) ?? {}, 'name').trim();
    if (!name) {
      skipped.push({ name: str(v, 'uuid') || '(no name)', reason: 'no English name' });
      continue;
    }
    const license = (v.license as Raw | undefined) ?? {};
    out.push({
      sourceRef: str(v, 'uuid') || name,
      exercise: { name, primaryMuscles: ['chest'], secondaryMuscles: [], equipment: ['bodyweight'], pattern: 'isolation', difficulty: 'intermediate', instructions: '', cautions: [] },
      license: str(license, 'short_name') || 'CC-BY-SA 4',
      attribution: `wger.de, by ${str(v, 'license_author') || 'wger contributors'}`,
      duplicateOf: null,
      notes: ['movement pattern guessed from the category'],
    });
  }
  return { format: 'wger', entries: out, skipped, partial: false };
}

export interface TrainingSeed {
  /** The library; SEED_EXERCISES by default. */
  exercises?: Exercise[];
}

let pending: TrainingSeed | null = null;

/** Makes the next installBackend answer the training commands from this mock. */
export function seedTraining(seed: TrainingSeed = {}) {
  pending = seed;
}

export function trainingHandlers(ctx: BackendContext): StandIn {
  const seed = pending;
  pending = null;
  if (!seed) return {};
  const exercises = new Map((seed.exercises ?? SEED_EXERCISES).map((e) => [e.id, structuredClone(e)]));
  interface StoredPlan {
    id: string;
    name: string;
    isTemplate: boolean;
    clientId: string | null;
    startDate: string | null;
    fromTemplateId: string | null;
    deleted: boolean;
    updatedAt: string;
    versions: { meta: PlanVersion; body: PlanBody }[];
  }
  const plans = new Map<string, StoredPlan>();
  let nextId = 1;
  let clock = Date.parse('2025-02-01T10:00:00Z');
  const now = () => new Date((clock += 60_000)).toISOString();
  const me: { kind: AuthorKind; name: string } = { kind: 'trainer', name: 'Me' };

  const exerciseGet = (id: unknown): Exercise => {
    const found = typeof id === 'string' ? exercises.get(id) : undefined;
    if (!found) throw notFound('exercise');
    return found;
  };

  const validateExercise = (input: ExerciseInput, except: string | null): ExerciseInput => {
    const name = input.name.split(/\s+/).filter(Boolean).join(' ');
    if (!name) throw invalid('name', 'Name is required');
    const known = (field: string, list: string[], vocab: string[], what: string) => {
      const bad = list.find((m) => !vocab.includes(m));
      if (bad) throw invalid(field, `'${bad}' is not a known ${what}`);
      return [...new Set(list)];
    };
    const primary = known('primaryMuscles', input.primaryMuscles, MUSCLES, 'muscle');
    if (primary.length === 0) throw invalid('primaryMuscles', 'Choose at least one primary muscle');
    const secondary = known('secondaryMuscles', input.secondaryMuscles, MUSCLES, 'muscle').filter((m) => !primary.includes(m));
    const equipment = known('equipment', input.equipment, EQUIPMENT, 'piece of equipment');
    if (!PATTERNS.includes(input.pattern)) throw invalid('pattern', `Choose a movement pattern (${PATTERNS.join(', ')})`);
    if (!['beginner', 'intermediate', 'advanced'].includes(input.difficulty)) throw invalid('difficulty', 'Difficulty is beginner, intermediate or advanced');
    const cautions = input.cautions.filter((c) => c.area.trim() || c.text.trim());
    for (const c of cautions) {
      if (!BODY_AREAS.includes(c.area)) throw invalid('cautions', `'${c.area}' is not a body area (${BODY_AREAS.join(', ')})`);
      if (!c.text.trim()) throw invalid('cautions', 'Each caution needs a short text (up to 500 characters)');
    }
    const taken = [...exercises.values()].find((e) => e.id !== except && nameKey(e.name) === nameKey(name));
    if (taken) throw invalid('name', `The library already has “${taken.name}”`);
    return {
      ...input,
      name,
      primaryMuscles: primary,
      secondaryMuscles: secondary,
      equipment: equipment.length ? equipment : ['bodyweight'],
      instructions: input.instructions.trim(),
      cautions,
    };
  };

  const preview = (file: FileUpload): ExerciseImportPreview => {
    const json = readJson(file);
    let result: ExerciseImportPreview;
    if (Array.isArray(json) && json.some((e) => e && typeof e === 'object' && 'primaryMuscles' in e)) {
      result = parseFedb(json as Raw[]);
    } else if (json && typeof json === 'object' && Array.isArray((json as Raw).results)) {
      result = parseWger((json as Raw).results as Raw[]);
      result.partial = (json as Raw).next !== null && (json as Raw).next !== undefined;
    } else {
      throw invalidFile('This JSON is neither a wger exercise export (exerciseinfo) nor a free-exercise-db exercises.json');
    }
    const seen = new Set<string>();
    const kept: ImportedExercise[] = [];
    for (const e of result.entries) {
      const key = nameKey(e.exercise.name);
      if (seen.has(key)) {
        result.skipped.push({ name: e.exercise.name, reason: 'appears twice in the file' });
        continue;
      }
      seen.add(key);
      const existing = [...exercises.values()].find((x) => nameKey(x.name) === key);
      kept.push({ ...e, duplicateOf: existing ? { id: existing.id, name: existing.name } : null });
    }
    return { ...result, entries: kept };
  };

  const names = () => new Map([...exercises.values()].map((e) => [e.id, e.name]));

  const stored = (id: unknown): StoredPlan => {
    const p = typeof id === 'string' ? plans.get(id) : undefined;
    if (!p || p.deleted) throw notFound('plan');
    return p;
  };

  const current = (p: StoredPlan) => p.versions[p.versions.length - 1]!;

  const toPlan = (p: StoredPlan): Plan => ({
    id: p.id,
    name: p.name,
    isTemplate: p.isTemplate,
    clientId: p.clientId,
    clientName: p.clientId ? (ctx.clients().get(p.clientId)?.name ?? null) : null,
    startDate: p.startDate,
    fromTemplateId: p.fromTemplateId,
    version: current(p).meta.version,
    body: structuredClone(current(p).body),
  });

  const cleanName = (raw: string) => {
    const name = raw.split(/\s+/).filter(Boolean).join(' ');
    if (!name) throw invalid('name', 'The plan needs a name');
    return name;
  };

  const append = (p: StoredPlan, body: PlanBody, summary: string, name: string, restoredFrom: number | null = null, author = me) => {
    const at = now();
    p.versions.push({
      meta: { version: p.versions.length + 1, authorKind: author.kind, authorName: author.name, summary, name, restoredFrom, createdAt: at },
      body: structuredClone(body),
    });
    p.name = name;
    p.updatedAt = at;
  };

  const insert = (partial: Omit<StoredPlan, 'versions' | 'deleted' | 'updatedAt'>, body: PlanBody, summary: string): StoredPlan => {
    const p: StoredPlan = { ...partial, deleted: false, updatedAt: '', versions: [] };
    append(p, body, summary, partial.name);
    plans.set(p.id, p);
    return p;
  };

  insert({ id: TEMPLATE_ID, name: 'Full Body Beginner', isTemplate: true, clientId: null, startDate: null, fromTemplateId: null }, TEMPLATE_BODY, 'Created');
  insert({ id: PLAN_ID, name: 'Anna — Strength', isTemplate: false, clientId: 'c1', startDate: '2025-03-03', fromTemplateId: null }, PLAN_BODY, 'Created');
  // A plan with an AI suggestion accepted, so a history shows both kinds of author.
  const ben = insert({ id: AI_PLAN_ID, name: 'Ben — Hypertrophy', isTemplate: false, clientId: 'c2', startDate: null, fromTemplateId: null }, TEMPLATE_BODY, 'Created');
  const aiBody = structuredClone(TEMPLATE_BODY);
  aiBody.weeks[0]!.days[0]!.items[1]!.sets = 4;
  append(ben, aiBody, changes(TEMPLATE_BODY, aiBody).join('\n'), ben.name, null, { kind: 'ai', name: 'Progress monitor' });

  const version = (p: StoredPlan, v: unknown) => {
    const found = p.versions.find((x) => x.meta.version === v);
    if (!found) throw invalid('version', `This plan has no version ${String(v)}`);
    return found;
  };

  const checkAssignment = (a: PlanAssignment) => {
    if (!ctx.clients().has(a.clientId)) throw invalid('clientId', 'Choose a client');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.startDate)) throw invalid('startDate', `'${a.startDate}' is not a date; use YYYY-MM-DD`);
  };

  return {
    exercises_list: (args) => {
      const q = args.query as ExerciseQuery;
      const words = nameKey(q.search ?? '').split(' ').filter(Boolean);
      return [...exercises.values()]
        .filter((e) => q.includeHidden || !e.hidden)
        .filter((e) => words.every((w) => nameKey(e.name).includes(w)))
        .filter((e) => !q.muscle || e.primaryMuscles.includes(q.muscle) || e.secondaryMuscles.includes(q.muscle))
        .filter((e) => !q.equipment || e.equipment.includes(q.equipment))
        .filter((e) => !q.pattern || e.pattern === q.pattern)
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
        .map((e) => structuredClone(e));
    },
    exercise_get: (args) => structuredClone(exerciseGet(args.id)),
    exercise_create: (args) => {
      const input = validateExercise(args.input as ExerciseInput, null);
      const created = exercise(`ex-new-${nextId++}`, input.name, { ...input, source: 'custom', license: '', attribution: '' });
      exercises.set(created.id, created);
      return structuredClone(created);
    },
    exercise_update: (args) => {
      const before = exerciseGet(args.id);
      const input = validateExercise(args.input as ExerciseInput, before.id);
      const after = { ...before, ...input };
      exercises.set(after.id, after);
      return structuredClone(after);
    },
    exercise_set_hidden: (args) => {
      const after = { ...exerciseGet(args.id), hidden: Boolean(args.hidden) };
      exercises.set(after.id, after);
      return structuredClone(after);
    },
    exercises_import_preview: (args) => preview(args.file as FileUpload),
    exercises_import: (args) => {
      const result = preview(args.file as FileUpload);
      const decisions = args.decisions as DuplicateDecision[];
      const report = { added: 0, merged: 0, skipped: result.skipped.length };
      const source = result.format;
      for (const e of result.entries) {
        const action = e.duplicateOf ? (decisions.find((d) => d.sourceRef === e.sourceRef)?.action ?? 'skip') : null;
        if (action === 'skip') {
          report.skipped += 1;
        } else if (action === 'merge') {
          const existing = exercises.get(e.duplicateOf!.id)!;
          const muscles = e.exercise.primaryMuscles.filter((m) => !existing.primaryMuscles.includes(m) && !existing.secondaryMuscles.includes(m));
          exercises.set(existing.id, { ...existing, secondaryMuscles: [...existing.secondaryMuscles, ...muscles] });
          report.merged += 1;
        } else {
          const name = action === 'add_separately' ? `${e.exercise.name} (${source})` : e.exercise.name;
          const added = exercise(`ex-new-${nextId++}`, name, { ...e.exercise, name, source, sourceRef: e.sourceRef, license: e.license, attribution: e.attribution });
          exercises.set(added.id, added);
          report.added += 1;
        }
      }
      return report;
    },

    plans_list: (args) => {
      const q = args.query as PlanListQuery;
      return [...plans.values()]
        .filter((p) => !p.deleted)
        .filter((p) => q.templates === null || q.templates === undefined || p.isTemplate === q.templates)
        .filter((p) => !q.clientId || p.clientId === q.clientId)
        .sort((a, b) => Number(b.isTemplate) - Number(a.isTemplate) || a.name.localeCompare(b.name))
        .map((p): PlanSummary => {
          const plan = toPlan(p);
          return {
            id: p.id,
            name: p.name,
            isTemplate: p.isTemplate,
            clientId: plan.clientId,
            clientName: plan.clientName,
            startDate: p.startDate,
            currentVersion: plan.version,
            weeks: plan.body.weeks.length,
            daysPerWeek: plan.body.weeks[0]?.days.length ?? 0,
            updatedAt: p.updatedAt,
          };
        });
    },
    plan_get: (args) => toPlan(stored(args.id)),
    plan_create: (args) => {
      const input = args.input as NewPlan;
      const name = cleanName(input.name);
      const body = checkBody(input.body, names());
      const p = insert({ id: `plan-new-${nextId++}`, name, isTemplate: input.isTemplate, clientId: null, startDate: null, fromTemplateId: null }, body, 'Created');
      return toPlan(p);
    },
    plan_save: (args) => {
      const p = stored(args.id);
      const input = args.input as PlanSave;
      const at = current(p).meta.version;
      if (input.baseVersion !== at) {
        throw invalid('baseVersion', `This plan was saved as version ${at} since you opened version ${input.baseVersion}; reopen it to see the changes`);
      }
      const name = cleanName(input.name);
      const body = checkBody(input.body, names());
      const lines = [...(name !== p.name ? [`Renamed “${p.name}” → “${name}”`] : []), ...changes(current(p).body, body)];
      if (lines.length > 0) append(p, body, lines.join('\n'), name);
      return toPlan(p);
    },
    plan_versions: (args) => [...stored(args.id).versions].reverse().map((v) => ({ ...v.meta })),
    plan_version: (args) => structuredClone(version(stored(args.id), args.version)),
    plan_compare: (args) => {
      const p = stored(args.id);
      const a = version(p, args.from);
      const b = version(p, args.to);
      return [...(a.meta.name !== b.meta.name ? [`Renamed “${a.meta.name}” → “${b.meta.name}”`] : []), ...changes(a.body, b.body)];
    },
    plan_restore: (args) => {
      const p = stored(args.id);
      const old = version(p, args.version);
      if (old.meta.version === current(p).meta.version) throw invalid('version', 'That is already the current version');
      const lines = [`Restored version ${old.meta.version}`, ...changes(current(p).body, old.body)];
      append(p, old.body, lines.join('\n'), old.meta.name, old.meta.version);
      return toPlan(p);
    },
    plan_from_template: (args) => {
      const template = stored(args.template);
      const assignment = args.assignment as PlanAssignment | null;
      if (assignment) checkAssignment(assignment);
      const name = cleanName((args.name as string | null) ?? template.name);
      const v = current(template).meta.version;
      const p = insert(
        { id: `plan-new-${nextId++}`, name, isTemplate: false, clientId: assignment?.clientId ?? null, startDate: assignment?.startDate ?? null, fromTemplateId: template.id },
        current(template).body,
        `Started from “${template.name}” (version ${v})`,
      );
      return toPlan(p);
    },
    plan_save_as_template: (args) => {
      const p = stored(args.id);
      const name = cleanName(String(args.name));
      const t = insert(
        { id: `plan-new-${nextId++}`, name, isTemplate: true, clientId: null, startDate: null, fromTemplateId: null },
        current(p).body,
        `Saved from plan “${p.name}” (version ${current(p).meta.version})`,
      );
      return toPlan(t);
    },
    plan_assign: (args) => {
      const p = stored(args.id);
      if (p.isTemplate) throw invalid('planId', 'Start a plan from this template to assign it');
      const a = args.assignment as PlanAssignment;
      checkAssignment(a);
      p.clientId = a.clientId;
      p.startDate = a.startDate;
      return toPlan(p);
    },
    plan_delete: (args) => {
      stored(args.id).deleted = true;
      return null;
    },
    plan_dates: () => [],
    plan_generate: (args) => {
      const body = args.body as PlanBody;
      const weeks = Number(args.weeks);
      if (!(weeks >= 1 && weeks <= 52)) throw invalid('totalWeeks', 'Generate 1 to 52 weeks');
      const base = body.weeks[0];
      if (!base) throw invalid('weeks', 'A plan needs a first week to generate from');
      const inc = body.rule.progression?.kind === 'linear' ? body.rule.progression.increment_kg : 0;
      return {
        ...body,
        weeks: Array.from({ length: weeks }, (_, w) => ({
          deload: false,
          days: base.days.map((d) => ({
            ...d,
            items: d.items.map((p) =>
              p.load.kind === 'kg' && p.load.value !== null && p.load.value !== undefined
                ? { ...p, load: { kind: 'kg' as const, value: p.load.value + inc * w } }
                : { ...p },
            ),
          })),
        })),
      };
    },
    plan_pdf_save: (args) => {
      stored(args.id);
      return ctx.files.write(args, 'pdf', 'A PDF');
    },
    file_open: () => null,
  };
}
