// Dragging or resizing a session in the calendar: saved at once when the new time is free, else the
// move waits with its conflicts (and, asked for, free slots) until the trainer decides.
import type { EventDropArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AppError, Conflict, FreeSlot, Session, SessionInput } from '../bindings';
import { useFetchSession, useFindFreeSlots, useSaveSession, useSessionWrites } from '../sessionQueries';
import { inputFromSession } from './sessionInput';
import { notifyWithUndo } from './undo';
import { instantOf, minutesBetween, wallClock } from './zoned';

/** A drag or resize that collided: the trainer decides before anything is saved. */
export interface PendingMove {
  session: Session;
  input: SessionInput;
  conflicts: Conflict[];
  slots?: FreeSlot[];
}

export function useSessionMove() {
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [busy, setBusy] = useState(false);
  const fetchSession = useFetchSession();
  const saveSession = useSaveSession();
  const findFreeSlots = useFindFreeSlots();
  // Undo is clicked after the move is done: a plain write, not this hook's mutation.
  const writes = useSessionWrites();

  const moved = (before: Session) =>
    notifyWithUndo('Session moved', () =>
      writes.save({ id: before.id, input: inputFromSession(before, { override: true }), scope: 'one' }),
    );

  /** Drag (move) and resize: saved at once when free, else the conflicts are shown. */
  async function onChange(info: EventDropArg | EventResizeDoneArg) {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    try {
      const session = await fetchSession(event.id);
      const input = inputFromSession(session, {
        start: wallClock(event.start, session.timeZone),
        end: wallClock(event.end, session.timeZone),
      });
      const outcome = await saveSession.mutateAsync({ id: session.id, input, scope: 'one' });
      if (outcome.outcome === 'conflicts') {
        info.revert();
        setPending({ session, input, conflicts: outcome.conflicts });
        return;
      }
      moved(session);
    } catch (e) {
      info.revert();
      notifications.show({ color: 'red', message: (e as AppError).message });
    }
  }

  /** Saves the waiting move as the trainer decided (anyway, or at a free slot). */
  async function save(input: SessionInput) {
    if (!pending) return;
    setBusy(true);
    try {
      const outcome = await saveSession.mutateAsync({ id: pending.session.id, input, scope: 'one' });
      if (outcome.outcome === 'conflicts') {
        setPending({ ...pending, input, conflicts: outcome.conflicts, slots: undefined });
        return;
      }
      setPending(null);
      moved(pending.session);
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  /** From the time it was dragged to, or after the last slot offered: the dialog's own search. */
  async function findSlot(after?: string) {
    if (!pending) return;
    setBusy(true);
    try {
      const s = pending.session;
      const slots = await findFreeSlots(
        {
          trainerId: s.trainerId,
          clientIds: s.participants.map((p) => p.clientId),
          roomId: s.roomId,
          durationMinutes: minutesBetween(pending.input.start, pending.input.end),
          wanted: instantOf(pending.input.start, s.timeZone),
          ignoreSessionId: s.id,
        },
        after,
      );
      setPending({ ...pending, slots });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  return { pending, busy, onChange, save, findSlot, cancel: () => setPending(null) };
}

export type SessionMove = ReturnType<typeof useSessionMove>;
