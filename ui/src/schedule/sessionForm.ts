// The session dialog's form: its fields as typed, how they start (new or existing session), what
// is sent to the core, and where the core's errors show.
import type { AppError, Recurrence, Session, SessionInput, SessionKind, Trainer } from '../bindings';
import { isGroup } from './kinds';
import { datePart, isoWeekday, timePart, wallClock } from './zoned';

/** What opens the dialog: a new session (maybe from a selected slot) or an existing one. */
export type SessionDialogTarget =
  | { mode: 'create'; trainer: Trainer; startLocal?: string; endLocal?: string; clientId?: string }
  | { mode: 'edit'; session: Session };

export interface Form {
  trainerId: string;
  kind: SessionKind;
  clientIds: string[];
  title: string;
  roomId: string | null;
  timeZone: string;
  date: string;
  start: string;
  end: string;
  capacity: number | '';
  notes: string;
  repeat: boolean;
  weekdays: string[];
  intervalWeeks: number | '';
  endMode: 'count' | 'until';
  count: number | '';
  until: string;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function initialForm(target: SessionDialogTarget, trainers: Trainer[]): Form {
  if (target.mode === 'edit') {
    const s = target.session;
    return {
      trainerId: s.trainerId,
      kind: s.kind,
      clientIds: s.participants.map((p) => p.clientId),
      title: s.title,
      roomId: s.roomId,
      timeZone: s.timeZone,
      date: datePart(s.localStart),
      start: timePart(s.localStart),
      end: timePart(s.localEnd),
      capacity: s.capacity ?? '',
      notes: s.notes,
      repeat: false,
      weekdays: [String(isoWeekday(datePart(s.localStart)))],
      intervalWeeks: 1,
      endMode: 'count',
      count: 10,
      until: '',
    };
  }
  const trainer = target.trainer ?? trainers[0];
  const tz = trainer?.timeZone ?? 'UTC';
  const startLocal = target.startLocal ?? wallClock(nextQuarterHour(), tz);
  const endLocal = target.endLocal ?? wallClock(new Date(nextQuarterHour().getTime() + 3600_000), tz);
  return {
    trainerId: trainer?.id ?? '',
    kind: 'personal',
    clientIds: target.clientId ? [target.clientId] : [],
    title: '',
    roomId: null,
    timeZone: tz,
    date: datePart(startLocal),
    start: timePart(startLocal),
    end: timePart(endLocal),
    capacity: '',
    notes: '',
    repeat: false,
    weekdays: [String(isoWeekday(datePart(startLocal)))],
    intervalWeeks: 1,
    endMode: 'count',
    count: 10,
    until: '',
  };
}

function nextQuarterHour(): Date {
  const d = new Date();
  d.setSeconds(0, 0);
  d.setMinutes(Math.ceil((d.getMinutes() + 1) / 15) * 15);
  return d;
}

export function toInput(form: Form, override: boolean): SessionInput {
  const recurrence: Recurrence | null = form.repeat
    ? {
        weekdays: form.weekdays.map(Number).sort(),
        intervalWeeks: Number(form.intervalWeeks) || 1,
        until: form.endMode === 'until' ? form.until || null : null,
        count: form.endMode === 'count' ? Number(form.count) || null : null,
      }
    : null;
  return {
    trainerId: form.trainerId,
    clientIds: form.clientIds,
    roomId: form.roomId,
    kind: form.kind,
    title: form.title,
    timeZone: form.timeZone,
    start: `${form.date}T${form.start}`,
    end: `${form.date}T${form.end}`,
    capacity: isGroup(form.kind) && form.capacity !== '' ? Number(form.capacity) : null,
    notes: form.notes,
    recurrence,
    overrideConflicts: override,
  };
}

/** The form field an error concerns (the backend's field names, mapped to inputs); a
 * field also takes errors about its items (`clientIds.2`). */
export function errorAt(error: AppError | null, ...fields: string[]): string | undefined {
  if (!error?.field) return undefined;
  return fields.some((f) => error.field === f || error.field?.startsWith(`${f}.`)) ? error.message : undefined;
}

/** The fields the dialog shows an error at; any other error shows above the buttons. */
const FORM_FIELDS = ['trainerId', 'clientIds', 'roomId', 'kind', 'title', 'timeZone', 'start', 'end', 'capacity', 'notes', 'recurrence'];

/** Whether the dialog has an input for the field an error names (`recurrence.count` included). */
export function isFormField(field: string): boolean {
  return FORM_FIELDS.some((f) => field === f || field.startsWith(`${f}.`));
}

/** Only an error about exactly this field. */
export function errorExactly(error: AppError | null, field: string): string | undefined {
  return error?.field === field ? error.message : undefined;
}

/** Whether the form differs from how it started: closing it then asks first. */
export function formChanged(form: Form, initial: Form): boolean {
  return JSON.stringify(form) !== JSON.stringify(initial);
}
