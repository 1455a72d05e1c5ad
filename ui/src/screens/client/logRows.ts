// The logger's rows as the trainer types them (text in the display unit), and their way to
// and from the backend's sets. Kept free of React so the rules are easy to test and read.
import type { AppError, LastSet, Measure, Plan, Units, WorkoutLog, WorkoutSetInput } from '../../bindings';
import { parseNumber } from '../../measurements';
import { describePrescription, formatNumber, kgTo, toKg, weightUnit } from '../../training/load';

export type SetField = 'reps' | 'load' | 'rpe';
export const SET_FIELDS: readonly SetField[] = ['reps', 'load', 'rpe'];

export interface SetRow {
  key: string;
  reps: string;
  load: string;
  /** Kept apart from the text so an untouched load goes back exactly as it came (no lb rounding). */
  loadKg: number | null;
  rpe: string;
  done: boolean;
}

export interface ExerciseBlock {
  key: string;
  exerciseId: string;
  name: string;
  itemIndex: number | null;
  /** What each set's count is: reps, or a timed or distance prescription's seconds or metres. */
  measure: Measure;
  /** What the plan prescribes, e.g. "3 × 8–10 @ 60 kg". */
  target: string | null;
  sets: SetRow[];
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-${++counter}`;

/**
 * A row to type into. A load of 0 to be done starts empty (nothing prescribed, nothing lifted
 * before); a saved set of 0 kg shows its 0, so saving it again asks nothing.
 */
export function makeRow(units: Units, from?: { reps: number | string; loadKg: number; rpe?: number | null }, done = false): SetRow {
  return {
    key: newKey('set'),
    reps: from ? String(from.reps) : '',
    load: from && (from.loadKg > 0 || done) ? formatNumber(kgTo(from.loadKg, weightUnit(units)), weightUnit(units)) : '',
    loadKg: from ? from.loadKg : 0,
    rpe: from?.rpe !== null && from?.rpe !== undefined ? String(from.rpe) : '',
    done,
  };
}

/** The same set again (Add set), not done yet. */
export function copyRow(row: SetRow): SetRow {
  return { ...row, key: newKey('set'), done: false };
}

/** Consecutive sets of one exercise (and one prescription) make one block. */
function group<T>(sets: T[], same: (a: T, b: T) => boolean, block: (first: T) => Omit<ExerciseBlock, 'sets'>, row: (s: T) => SetRow) {
  const blocks: ExerciseBlock[] = [];
  let last: T | null = null;
  for (const s of sets) {
    if (last === null || !same(last, s)) blocks.push({ ...block(s), sets: [] });
    blocks[blocks.length - 1]!.sets.push(row(s));
    last = s;
  }
  return blocks;
}

/** Blocks from a plan day's prefill: every prescribed set, none done yet. */
export function blocksFromPrefill(
  sets: WorkoutSetInput[],
  day: { plan: Plan; week: number; day: number } | null,
  names: Map<string, string>,
  units: Units,
): ExerciseBlock[] {
  const items = day?.plan.body.weeks[day.week - 1]?.days[day.day]?.items ?? [];
  return group(
    sets,
    (a, b) => a.exerciseId === b.exerciseId && (a.itemIndex ?? null) === (b.itemIndex ?? null),
    (s) => {
      const item = s.itemIndex !== null && s.itemIndex !== undefined ? items[s.itemIndex] : undefined;
      return {
        key: newKey('block'),
        exerciseId: s.exerciseId,
        name: item?.exerciseName ?? names.get(s.exerciseId) ?? 'Exercise',
        itemIndex: s.itemIndex ?? null,
        measure: item?.measure ?? s.measure ?? 'reps',
        target: item ? describePrescription(item, units) : null,
      };
    },
    (s) => makeRow(units, s),
  );
}

/** Blocks of a saved log: every set was done. */
export function blocksFromLog(log: WorkoutLog, plan: Plan | null, units: Units): ExerciseBlock[] {
  const items = plan && log.week && log.dayIndex !== null && log.dayIndex !== undefined
    ? (plan.body.weeks[log.week - 1]?.days[log.dayIndex]?.items ?? [])
    : [];
  return group(
    log.sets,
    (a, b) => a.exerciseId === b.exerciseId && (a.itemIndex ?? null) === (b.itemIndex ?? null),
    (s) => {
      const item = s.itemIndex !== null && s.itemIndex !== undefined ? items[s.itemIndex] : undefined;
      return {
        key: newKey('block'),
        exerciseId: s.exerciseId,
        name: s.exerciseName,
        itemIndex: s.itemIndex ?? null,
        measure: item?.measure ?? s.measure ?? 'reps',
        target: item ? describePrescription(item, units) : null,
      };
    },
    (s) => makeRow(units, s, true),
  );
}

/** Where an error shows: one set's field (by row key) or the form. */
export type FieldErrors = Record<string, string>;
export const errorKey = (rowKey: string, field: SetField) => `${rowKey}:${field}`;

export interface Collected {
  sets: WorkoutSetInput[];
  /** The row each sent set came from, in order: the backend names sets by position ("Set 3"). */
  rows: string[];
  errors: FieldErrors;
  /** Done sets whose load was left empty (sent as 0 kg unless the trainer says otherwise). */
  emptyLoads: { row: string; exerciseId: string }[];
}

/** The done sets as the backend takes them, or the fields that are not numbers. */
export function collectSets(blocks: ExerciseBlock[]): Collected {
  const out: Collected = { sets: [], rows: [], errors: {}, emptyLoads: [] };
  for (const block of blocks) {
    for (const row of block.sets) {
      if (!row.done) continue;
      const reps = row.reps.trim();
      const rpe = row.rpe.trim() === '' ? null : parseNumber(row.rpe);
      if (!/^\d+$/.test(reps)) out.errors[errorKey(row.key, 'reps')] = 'Enter the reps (0 if not completed)';
      if (row.loadKg === null) out.errors[errorKey(row.key, 'load')] = 'Enter a number, for example 60';
      if (row.rpe.trim() !== '' && rpe === null) out.errors[errorKey(row.key, 'rpe')] = 'Enter a number from 1 to 10';
      if (row.load.trim() === '') out.emptyLoads.push({ row: row.key, exerciseId: block.exerciseId });
      out.rows.push(row.key);
      out.sets.push({ exerciseId: block.exerciseId, itemIndex: block.itemIndex, measure: block.measure, reps: Number(reps), loadKg: row.loadKg ?? 0, rpe });
    }
  }
  return out;
}

/** The load text typed, and what it means in kg (null while it is not a number). */
export function withLoad(row: SetRow, text: string, units: Units): SetRow {
  const value = parseNumber(text);
  const loadKg = text.trim() === '' ? 0 : value === null ? null : toKg(value, weightUnit(units));
  return { ...row, load: text, loadKg };
}

const BACKEND_FIELD: Record<string, SetField> = { reps: 'reps', loadKg: 'load', rpe: 'rpe' };

/**
 * A backend error about one set ("Set 3: RPE is between 1 and 10", field rpe) placed at that
 * set's field, without the set number the row already shows.
 */
export function setErrorFrom(error: AppError, rows: string[]): FieldErrors | null {
  const field = error.field ? BACKEND_FIELD[error.field] : undefined;
  const match = /^Set (\d+): (.*)$/s.exec(error.message);
  const row = match ? rows[Number(match[1]) - 1] : undefined;
  if (!field || !match || !row) return null;
  return { [errorKey(row, field)]: match[2]! };
}

/** One set done last time, "5 × 100 kg", or "12 reps" without load. */
export function describeLastSet(set: LastSet, units: Units): string {
  if (set.loadKg <= 0) return `${set.reps} reps`;
  const unit = weightUnit(units);
  return `${set.reps} × ${formatNumber(kgTo(set.loadKg, unit), unit)} ${unit}`;
}
