// The exercise library's stand-in: it starts from the library the core stored for
// fixtures/training.json and keeps the trainer's changes in memory. The form's rules are a
// copy of the core's exercises::validate (word lists from the fixture), pinned to the core by
// standIn.contract.test.ts.
import type { DuplicateDecision, Exercise, ExerciseImportPreview, ExerciseInput, FileUpload, ImportedExercise } from '../../bindings';
import { trainingFixture } from '../fixtures';
import type { StandIn } from '../standIn';
import { invalidFile, parseFedb, parseWger, readJson, type Raw } from './exerciseImport';
import { invalid } from './planRules';

const { muscles, equipment: EQUIPMENT, patterns, difficulties, bodyAreas } = trainingFixture.vocab;

/** The core's name_key: case, hyphens and spaces do not make two names different. */
export const nameKey = (name: string) => name.toLowerCase().replace(/[-_]/g, ' ').split(/\s+/).filter(Boolean).join(' ');

const words = (raw: string) => raw.split(/\s+/).filter(Boolean).join(' ');

function validate(input: ExerciseInput): ExerciseInput {
  const name = words(input.name);
  if (!name) throw invalid('name', 'Name is required');
  const known = (field: string, list: string[], vocab: string[], what: string) => {
    const out: string[] = [];
    for (const raw of list) {
      const w = raw.trim().toLowerCase();
      if (!w) continue;
      if (!vocab.includes(w)) throw invalid(field, `'${raw.trim()}' is not a known ${what}`);
      if (!out.includes(w)) out.push(w);
    }
    return out;
  };
  const primary = known('primaryMuscles', input.primaryMuscles, muscles, 'muscle');
  if (primary.length === 0) throw invalid('primaryMuscles', 'Choose at least one primary muscle');
  const secondary = known('secondaryMuscles', input.secondaryMuscles, muscles, 'muscle').filter((m) => !primary.includes(m));
  const equipment = known('equipment', input.equipment, EQUIPMENT, 'piece of equipment');
  const pattern = input.pattern.trim().toLowerCase();
  if (!patterns.includes(pattern)) throw invalid('pattern', `Choose a movement pattern (${patterns.join(', ')})`);
  const difficulty = input.difficulty.trim().toLowerCase();
  if (!difficulties.includes(difficulty)) throw invalid('difficulty', 'Difficulty is beginner, intermediate or advanced');
  const cautions = [];
  for (const c of input.cautions) {
    const area = c.area.trim().toLowerCase();
    const text = c.text.trim();
    if (!area && !text) continue;
    if (!bodyAreas.includes(area)) throw invalid('cautions', `'${c.area}' is not a body area (${bodyAreas.join(', ')})`);
    if (!text || text.length > 500) throw invalid('cautions', 'Each caution needs a short text (up to 500 characters)');
    cautions.push({ area, text });
  }
  return {
    name,
    primaryMuscles: primary,
    secondaryMuscles: secondary,
    equipment: equipment.length ? equipment : ['bodyweight'],
    pattern,
    difficulty,
    instructions: input.instructions.trim(),
    cautions,
  };
}

export interface Library {
  exercises: Map<string, Exercise>;
  handlers: StandIn;
}

export function libraryStandIn(): Library {
  const exercises = new Map(trainingFixture.exercises.map((e) => [e.id, structuredClone(e)]));
  let nextId = 1;

  const get = (id: string): Exercise => {
    const found = exercises.get(id);
    if (!found) throw { code: 'not_found', message: 'exercise not found' };
    return found;
  };

  const checked = (input: ExerciseInput, except: string | null): ExerciseInput => {
    const valid = validate(input);
    const taken = [...exercises.values()].find((e) => e.id !== except && nameKey(e.name) === nameKey(valid.name));
    if (taken) throw invalid('name', `The library already has “${taken.name}”`);
    return valid;
  };

  const add = (input: ExerciseInput, from: Pick<Exercise, 'source' | 'sourceRef' | 'license' | 'attribution'>): Exercise => {
    const created: Exercise = { id: `ex-new-${nextId++}`, ...input, ...from, hidden: false };
    exercises.set(created.id, created);
    return created;
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

  const importFile = (file: FileUpload, decisions: DuplicateDecision[]) => {
    const result = preview(file);
    const report = { added: 0, merged: 0, skipped: result.skipped.length };
    const source = result.format;
    for (const e of result.entries) {
      const action = e.duplicateOf ? (decisions.find((d) => d.sourceRef === e.sourceRef)?.action ?? 'skip') : null;
      if (action === 'skip') {
        report.skipped += 1;
      } else if (action === 'merge') {
        const existing = exercises.get(e.duplicateOf!.id)!;
        const extra = e.exercise.primaryMuscles.filter((m) => !existing.primaryMuscles.includes(m) && !existing.secondaryMuscles.includes(m));
        exercises.set(existing.id, { ...existing, secondaryMuscles: [...existing.secondaryMuscles, ...extra] });
        report.merged += 1;
      } else {
        const name = action === 'add_separately' ? `${e.exercise.name} (${source})` : e.exercise.name;
        add({ ...e.exercise, name }, { source, sourceRef: e.sourceRef, license: e.license, attribution: e.attribution });
        report.added += 1;
      }
    }
    return report;
  };

  const handlers: StandIn = {
    exercises_list: ({ query: q }) => {
      const wanted = nameKey(q.search ?? '').split(' ').filter(Boolean);
      return [...exercises.values()]
        .filter((e) => q.includeHidden || !e.hidden)
        .filter((e) => wanted.every((w) => nameKey(e.name).includes(w)))
        .filter((e) => !q.muscle || e.primaryMuscles.includes(q.muscle) || e.secondaryMuscles.includes(q.muscle))
        .filter((e) => !q.equipment || e.equipment.includes(q.equipment))
        .filter((e) => !q.pattern || e.pattern === q.pattern)
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
        .map((e) => structuredClone(e));
    },
    exercise_get: ({ id }) => structuredClone(get(id)),
    exercise_create: ({ input }) => structuredClone(add(checked(input, null), { source: 'custom', sourceRef: null, license: '', attribution: '' })),
    exercise_update: ({ id, input }) => {
      const before = get(id);
      const after = { ...before, ...checked(input, before.id) };
      exercises.set(after.id, after);
      return structuredClone(after);
    },
    exercise_set_hidden: ({ id, hidden }) => {
      const after = { ...get(id), hidden };
      exercises.set(after.id, after);
      return structuredClone(after);
    },
    exercises_import_preview: ({ file }) => preview(file),
    exercises_import: ({ file, decisions }) => importFile(file, decisions),
  };
  return { exercises, handlers };
}
