import type { Session, SessionInput } from '../bindings';

/** The input that re-saves a session as it is, optionally at other wall-clock times. */
export function inputFromSession(
  s: Session,
  change: { start?: string; end?: string; override?: boolean } = {},
): SessionInput {
  return {
    trainerId: s.trainerId,
    clientIds: s.participants.map((p) => p.clientId),
    roomId: s.roomId,
    kind: s.kind,
    title: s.title,
    timeZone: s.timeZone,
    start: change.start ?? s.localStart,
    end: change.end ?? s.localEnd,
    capacity: s.capacity,
    notes: s.notes,
    recurrence: null,
    overrideConflicts: change.override ?? false,
  };
}
