import type { SessionKind, SessionStatus } from '../bindings';

export const KIND_OPTIONS: { value: SessionKind; label: string; color: string }[] = [
  { value: 'personal', label: 'Personal training', color: '#228be6' },
  { value: 'small_group', label: 'Small group', color: '#7048e8' },
  { value: 'class', label: 'Class', color: '#0ca678' },
  { value: 'assessment', label: 'Assessment', color: '#f08c00' },
  { value: 'consultation', label: 'Consultation', color: '#1098ad' },
  { value: 'other', label: 'Other (blocked time)', color: '#868e96' },
];

export function kindColor(kind: SessionKind): string {
  return KIND_OPTIONS.find((k) => k.value === kind)?.color ?? '#868e96';
}

export function kindLabel(kind: SessionKind): string {
  return KIND_OPTIONS.find((k) => k.value === kind)?.label ?? kind;
}

export const STATUS_LABEL: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const STATUS_COLOR: Record<SessionStatus, string> = {
  scheduled: 'blue',
  completed: 'teal',
  cancelled: 'gray',
  no_show: 'red',
};

/** Kinds booked for one client; the others take several (or none). */
export function isOneToOne(kind: SessionKind): boolean {
  return kind === 'personal' || kind === 'assessment' || kind === 'consultation';
}

export function isGroup(kind: SessionKind): boolean {
  return kind === 'small_group' || kind === 'class';
}
