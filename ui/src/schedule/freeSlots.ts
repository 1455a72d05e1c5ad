// "Find next free slot", one search for the session dialog and a drag on the calendar: from the
// time the trainer asked for (never before now, which the core also enforces), a few alternatives,
// and "later" continues after the last one offered. The search itself is `useFindFreeSlots`.
import type { FreeSlotQuery } from '../bindings';

/** How many alternatives one search offers. */
export const SLOTS_OFFERED = 3;

export interface SlotSearch {
  trainerId: string;
  clientIds: string[];
  roomId: string | null;
  durationMinutes: number;
  /** The start the trainer asked for (the dialog's date and time, or where the session was dragged). */
  wanted: Date;
  /** The session being moved, so it does not collide with itself. */
  ignoreSessionId: string | null;
}

/** What to ask for: the next free slots from the wanted time, or from `after` (the end of the last one offered). */
export function freeSlotQuery(search: SlotSearch, after?: string): FreeSlotQuery {
  const from = after ? new Date(after) : search.wanted;
  const start = new Date(Math.max(Date.now(), from.getTime()));
  return {
    trainerId: search.trainerId,
    clientIds: search.clientIds,
    roomId: search.roomId,
    durationMinutes: search.durationMinutes > 0 ? search.durationMinutes : 60,
    after: start.toISOString(),
    withinDays: 28,
    ignoreSessionId: search.ignoreSessionId,
    count: SLOTS_OFFERED,
  };
}
