// The session dialog's state and work: the form as typed, which part of a series a change applies
// to, saving (with the conflicts the core found), the free-slot search, and how to undo a save.
import { useEffect, useState } from 'react';
import type { AppError, Conflict, EditScope, FreeSlot, SaveOutcome, Session, Trainer } from '../bindings';
import {
  useFetchSeriesRecurrence,
  useFindFreeSlots,
  useSaveSession,
  useSessionWrites,
  type SessionWrites,
} from '../sessionQueries';
import { initialForm, toInput, type Form, type SessionDialogTarget } from './sessionForm';
import { inputFromSession } from './sessionInput';
import { datePart, instantOf, isoWeekday, minutesBetween, timePart, wallClock } from './zoned';

export type Saved = Extract<SaveOutcome, { outcome: 'saved' }>;

/** How to take a save back: delete what was created, or restore the old times. */
function undoFor(writes: SessionWrites, editing: Session | null, outcome: Saved): () => Promise<unknown> {
  if (!editing) {
    const first = outcome.sessions[0];
    if (!first) return async () => undefined;
    return first.seriesId ? () => writes.cancel(first.id, 'all') : () => writes.delete(first.id);
  }
  const previous = inputFromSession(editing, { override: true });
  const movedId = outcome.sessions[0]?.id ?? editing.id;
  return () => writes.save({ id: movedId, input: previous, scope: 'one' });
}

export function useSessionEditor(
  target: SessionDialogTarget,
  trainers: Trainer[],
  onSaved: (outcome: Saved, undo: () => Promise<unknown>) => void,
) {
  const [initial] = useState<Form>(() => initialForm(target, trainers));
  const [form, setForm] = useState<Form>(initial);
  const [scope, setScope] = useState<EditScope>('one');
  const [error, setError] = useState<AppError | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [slots, setSlots] = useState<FreeSlot[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const saveSession = useSaveSession();
  const writes = useSessionWrites();
  const fetchRecurrence = useFetchSeriesRecurrence();
  const findFreeSlots = useFindFreeSlots();
  const editing = target.mode === 'edit' ? target.session : null;
  const inSeries = editing?.seriesId ?? null;

  // For "following"/"all", show the series' repeat rule so it can be changed.
  useEffect(() => {
    if (!inSeries || scope === 'one') {
      setForm((f) => ({ ...f, repeat: false }));
      return;
    }
    void fetchRecurrence(inSeries).then((rec) => {
      if (!rec) return;
      setForm((f) => ({
        ...f,
        repeat: true,
        weekdays: rec.weekdays.map(String),
        intervalWeeks: rec.intervalWeeks,
        endMode: rec.count ? 'count' : 'until',
        count: rec.count ?? 10,
        until: rec.until ?? '',
      }));
    });
  }, [inSeries, scope, fetchRecurrence]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      // The repeat days follow the date while they are just "the day of the first session".
      if (key === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const was = String(isoWeekday(f.date));
        if (f.weekdays.length === 0 || (f.weekdays.length === 1 && f.weekdays[0] === was)) {
          next.weekdays = [String(isoWeekday(value))];
        }
      }
      return next;
    });
    setConflicts(null);
    setSlots(undefined);
  };

  /** Another trainer: a new session moves to the trainer's zone; an existing one keeps its own. */
  const setTrainer = (id: string | null) => {
    const t = trainers.find((x) => x.id === id);
    setForm((f) => ({ ...f, trainerId: id ?? '', timeZone: editing ? f.timeZone : t?.timeZone ?? f.timeZone }));
  };

  async function save(override: boolean) {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(form, override);
      const outcome = await saveSession.mutateAsync({ id: editing?.id ?? null, input, scope: inSeries ? scope : 'one' });
      if (outcome.outcome === 'conflicts') {
        setConflicts(outcome.conflicts);
        return;
      }
      onSaved(outcome, undoFor(writes, editing, outcome));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  /** From the date and time in the form (not from now), or after the last slot offered. */
  async function findSlot(after?: string) {
    setBusy(true);
    try {
      const found = await findFreeSlots(
        {
          trainerId: form.trainerId,
          clientIds: form.clientIds,
          roomId: form.roomId,
          durationMinutes: minutesBetween(`${form.date}T${form.start}`, `${form.date}T${form.end}`),
          wanted: instantOf(`${form.date}T${form.start}`, form.timeZone),
          ignoreSessionId: editing?.id ?? null,
        },
        after,
      );
      setSlots(found);
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  function useSlot(s: FreeSlot) {
    const start = wallClock(s.start, form.timeZone);
    const end = wallClock(s.end, form.timeZone);
    setForm((f) => ({ ...f, date: datePart(start), start: timePart(start), end: timePart(end) }));
    setConflicts(null);
    setSlots(undefined);
  }

  return {
    initial,
    form,
    set,
    setTrainer,
    scope,
    setScope,
    error,
    conflicts,
    slots,
    busy,
    editing,
    inSeries,
    save,
    findSlot,
    useSlot,
  };
}

export type SessionEditor = ReturnType<typeof useSessionEditor>;
