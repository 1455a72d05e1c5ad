// The plan editor's draft: the plan body with a stable key on every week, day and row (for
// React and drag and drop), and the pure edits the editor makes to it. Keys never reach
// the backend: toBody strips them.
import type { Exercise, Load, PlanBody, PlanDay, PlanWeek, Prescription, ProgressionRule } from '../bindings';

export interface DraftItem extends Prescription {
  key: string;
}

export interface DraftDay extends Omit<PlanDay, 'items'> {
  key: string;
  items: DraftItem[];
}

export interface DraftWeek extends Omit<PlanWeek, 'days'> {
  key: string;
  days: DraftDay[];
}

export interface Draft {
  name: string;
  weeks: DraftWeek[];
  rule: ProgressionRule;
  notes: string;
}

let counter = 0;
const newKey = () => `k${++counter}`;

// ---- normal form: every optional field spelled out, in one order, so JSON compares ----

function normalLoad(load: Load): Load {
  return { kind: load.kind, value: load.kind === 'none' ? null : (load.value ?? null) };
}

export function normalItem(p: Prescription): Prescription {
  return {
    exerciseId: p.exerciseId,
    exerciseName: p.exerciseName,
    sets: p.sets,
    measure: p.measure ?? 'reps',
    repsMin: p.repsMin,
    repsMax: p.repsMax,
    load: normalLoad(p.load),
    tempo: p.tempo ?? '',
    restSeconds: p.restSeconds ?? null,
    notes: p.notes ?? '',
    group: p.group ?? null,
    groupKind: p.groupKind ?? null,
  };
}

function normalRule(rule: ProgressionRule | undefined): ProgressionRule {
  return { progression: rule?.progression ?? null, deloadEvery: rule?.deloadEvery ?? null };
}

export function normalBody(body: PlanBody): PlanBody {
  return {
    weeks: body.weeks.map((w) => ({
      deload: w.deload ?? false,
      days: w.days.map((d) => ({ name: d.name, dayOffset: d.dayOffset, items: d.items.map(normalItem) })),
    })),
    rule: normalRule(body.rule),
    notes: body.notes ?? '',
  };
}

function keyedWeeks(weeks: PlanWeek[]): DraftWeek[] {
  return weeks.map((w) => ({
    key: newKey(),
    deload: w.deload ?? false,
    days: w.days.map((d) => ({
      key: newKey(),
      name: d.name,
      dayOffset: d.dayOffset,
      items: d.items.map((p) => ({ ...normalItem(p), key: newKey() })),
    })),
  }));
}

export function toDraft(name: string, body: PlanBody): Draft {
  return { name, weeks: keyedWeeks(body.weeks), rule: normalRule(body.rule), notes: body.notes ?? '' };
}

export function toBody(draft: Draft): PlanBody {
  return normalBody({
    weeks: draft.weeks.map((w) => ({
      deload: w.deload,
      days: w.days.map((d) => ({ name: d.name, dayOffset: d.dayOffset, items: d.items })),
    })),
    rule: draft.rule,
    notes: draft.notes,
  });
}

/** The name as the backend stores it (spaces collapsed). */
export function cleanName(name: string): string {
  return name.split(/\s+/).filter(Boolean).join(' ');
}

/** True when saving the draft would store nothing new. */
export function sameAsSaved(draft: Draft, name: string, body: PlanBody): boolean {
  return cleanName(draft.name) === cleanName(name) && JSON.stringify(toBody(draft)) === JSON.stringify(normalBody(body));
}

// ---- edits (each returns a new draft; untouched parts keep their identity) ----

function replaceAt<T>(list: T[], index: number, fn: (x: T) => T): T[] {
  return list.map((x, i) => (i === index ? fn(x) : x));
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function editWeek(d: Draft, w: number, fn: (week: DraftWeek) => DraftWeek): Draft {
  return { ...d, weeks: replaceAt(d.weeks, w, fn) };
}

export function editDay(d: Draft, w: number, day: number, fn: (x: DraftDay) => DraftDay): Draft {
  return editWeek(d, w, (week) => ({ ...week, days: replaceAt(week.days, day, fn) }));
}

export function editItem(d: Draft, w: number, day: number, i: number, patch: Partial<Prescription>): Draft {
  return editDay(d, w, day, (x) => ({ ...x, items: replaceAt(x.items, i, (p) => ({ ...p, ...patch })) }));
}

/** A copy with fresh keys (a copied row is a new row). */
function copyWeek(week: DraftWeek, withItems: boolean): DraftWeek {
  return {
    key: newKey(),
    deload: withItems ? week.deload : false,
    days: week.days.map((x) => ({
      ...x,
      key: newKey(),
      items: withItems ? x.items.map((p) => ({ ...p, key: newKey() })) : [],
    })),
  };
}

/** A new last week with the same days as the last one, still empty. */
export function addWeek(d: Draft): Draft {
  const last = d.weeks[d.weeks.length - 1];
  const week: DraftWeek = last ? copyWeek(last, false) : { key: newKey(), deload: false, days: [newDay([])] };
  return { ...d, weeks: [...d.weeks, week] };
}

export function duplicateWeek(d: Draft, w: number): Draft {
  const weeks = [...d.weeks];
  weeks.splice(w + 1, 0, copyWeek(d.weeks[w]!, true));
  return { ...d, weeks };
}

export function removeWeek(d: Draft, w: number): Draft {
  return { ...d, weeks: d.weeks.filter((_, i) => i !== w) };
}

function newDay(days: DraftDay[]): DraftDay {
  // After the last day when there is room (the new day goes at the end), else any free weekday.
  const used = new Set(days.map((x) => x.dayOffset));
  const last = Math.max(-1, ...used);
  const free = [0, 1, 2, 3, 4, 5, 6].filter((o) => !used.has(o));
  const offset = free.find((o) => o > last) ?? free[0] ?? 0;
  return { key: newKey(), name: `Day ${days.length + 1}`, dayOffset: offset, items: [] };
}

export function addDay(d: Draft, w: number): Draft {
  return editWeek(d, w, (week) => ({ ...week, days: [...week.days, newDay(week.days)] }));
}

export function removeDay(d: Draft, w: number, day: number): Draft {
  return editWeek(d, w, (week) => ({ ...week, days: week.days.filter((_, i) => i !== day) }));
}

export function moveDay(d: Draft, w: number, from: number, to: number): Draft {
  return editWeek(d, w, (week) => ({ ...week, days: move(week.days, from, to) }));
}

/** What a new row starts as: the usual hypertrophy default, ready to adjust. */
export function newItem(exercise: Pick<Exercise, 'id' | 'name'>): DraftItem {
  return {
    key: newKey(),
    exerciseId: exercise.id,
    exerciseName: exercise.name,
    sets: 3,
    measure: 'reps',
    repsMin: 8,
    repsMax: 12,
    load: { kind: 'none', value: null },
    tempo: '',
    restSeconds: 90,
    notes: '',
    group: null,
    groupKind: null,
  };
}

export function addItem(d: Draft, w: number, day: number, exercise: Pick<Exercise, 'id' | 'name'>): Draft {
  return editDay(d, w, day, (x) => ({ ...x, items: [...x.items, newItem(exercise)] }));
}

export function removeItem(d: Draft, w: number, day: number, i: number): Draft {
  return editDay(d, w, day, (x) => ({ ...x, items: x.items.filter((_, j) => j !== i) }));
}

export function moveItem(d: Draft, w: number, day: number, from: number, to: number): Draft {
  return editDay(d, w, day, (x) => ({ ...x, items: move(x.items, from, to) }));
}

/** Generated weeks replace all weeks; the rule and notes stay the draft's. */
export function replaceWeeks(d: Draft, body: PlanBody): Draft {
  return { ...d, weeks: keyedWeeks(body.weeks) };
}
