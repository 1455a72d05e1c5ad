// The backend says where in a plan a problem is ("week 1, day 2, row 3: RPE is between 1
// and 10"); this reads the place back so the editor can show the error at the field.
import type { AppError } from '../bindings';
import type { Draft } from './draft';

/** 0-based; day and row are null when the message names only a week (or day). */
export interface ErrorPlace {
  week: number;
  day: number | null;
  row: number | null;
}

const PLACE = /^week (\d+)(?:, day (\d+))?(?:, row (\d+))?/i;

export function placeOf(error: AppError | null): ErrorPlace | null {
  const match = error ? PLACE.exec(error.message) : null;
  if (!match) return null;
  const index = (s: string | undefined) => (s === undefined ? null : Number(s) - 1);
  return { week: Number(match[1]) - 1, day: index(match[2]), row: index(match[3]) };
}

/** The message without its place, for showing right at the field. */
export function messageAtField(error: Pick<AppError, 'message'>): string {
  return error.message.replace(/^week \d+(?:, day \d+)?(?:, row \d+)?: /i, '');
}

/** The backend's field names for a prescription row, as the row's inputs are named. */
export const ROW_FIELDS = ['exerciseId', 'sets', 'repsMin', 'repsMax', 'load', 'tempo', 'restSeconds', 'notes', 'group'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

// ---- where an error sits on the page ----

const ROW_TEST_ID: Record<string, string> = {
  exerciseId: 'rx-exercise',
  sets: 'rx-sets',
  repsMin: 'rx-reps-min',
  repsMax: 'rx-reps-max',
  load: 'rx-load-value',
  tempo: 'rx-tempo',
  restSeconds: 'rx-rest',
  notes: 'rx-notes',
  group: 'rx-group',
};
const DAY_TEST_ID: Record<string, string> = { dayName: 'day-name', dayOffset: 'day-offset' };
const PLAN_TEST_ID: Record<string, string> = {
  name: 'plan-name',
  deloadEvery: 'plan-deload-every',
  incrementKg: 'plan-increment',
  notes: 'plan-notes',
};

/** Where an error points in the page, as a selector for the input to focus. */
export function selectorOf(error: AppError, place: ErrorPlace | null): string | null {
  const field = error.field ?? '';
  if (!place) return PLAN_TEST_ID[field] ? `[data-testid="${PLAN_TEST_ID[field]}"]` : null;
  if (place.day === null) return null;
  if (place.row === null) {
    const id = DAY_TEST_ID[field];
    return id ? `[data-testid="plan-day"][data-day="${place.day + 1}"] [data-testid="${id}"]` : null;
  }
  const id = ROW_TEST_ID[field];
  return id ? `[data-place="${place.week}-${place.day}-${place.row}"] [data-testid="${id}"]` : null;
}

/** What an error is about, to notice when the trainer has changed it (and stop showing it). */
export function targetOf(draft: Draft, place: ErrorPlace | null): unknown {
  if (!place) return draft.name + JSON.stringify(draft.rule) + draft.notes;
  const week = draft.weeks[place.week];
  if (place.day === null) return week;
  const day = week?.days[place.day];
  return place.row === null ? day?.name + String(day?.dayOffset) : day?.items[place.row];
}
