// The exercise import's file reading, for a small part of the wger and free-exercise-db
// formats (the core's crates/spotter-core/src/training/exercise_import.rs reads all of it): what
// the import dialog shows of a preview, its skipped entries and its file errors.
import type { AppError, ExerciseImportPreview, FileUpload, ImportedExercise, SkippedEntry } from '../../bindings';
import { readUpload } from '../dialogBackend';

export function invalidFile(message: string): AppError {
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

export function readJson(chosen: FileUpload): unknown {
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

export type Raw = Record<string, unknown>;
const str = (v: Raw, key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');

export function parseFedb(entries: Raw[]): ExerciseImportPreview {
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

export function parseWger(results: Raw[]): ExerciseImportPreview {
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
