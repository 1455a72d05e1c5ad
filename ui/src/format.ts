// Small display helpers, kept free of React so they are trivial to reason about. Dates and
// times go through the one formatter in dateFormat.ts (the trainer's locale and clock).

import { formatClock, formatDay, formatInstant, formatWeekdayDay, wallClock, zoneSuffix } from './dateFormat';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` calendar date; null when it is not a real date. */
export function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return { y, m, d };
}

/** Age in whole years on `today`, or null for invalid or future dates. */
export function ageFromDob(dob: string, today: Date = new Date()): number | null {
  const parsed = parseIsoDate(dob);
  if (!parsed) return null;
  const [ty, tm, td] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  let age = ty - parsed.y;
  if (tm < parsed.m || (tm === parsed.m && td < parsed.d)) age -= 1;
  return age >= 0 ? age : null;
}

/** `1990-04-02` → "2 Apr 1990" (or as the trainer's date setting says), without timezone shifts. */
export function formatIsoDate(value: string): string {
  const parsed = parseIsoDate(value);
  return parsed ? formatDay(parsed) : value;
}

/** `2026-12-04` → "Fri 4 Dec 2026" (as the trainer's setting says). */
export function formatIsoWeekdayDate(value: string): string {
  const parsed = parseIsoDate(value);
  return parsed ? formatWeekdayDay(parsed) : value;
}

/** An instant as date and time on this computer, in the trainer's format. */
export function formatTimestamp(value: string): string {
  return formatInstant(value);
}

/**
 * How long ago `value` (an instant) was, in words: "just now", "2 minutes ago", "3 hours ago",
 * "yesterday", else the date and time. A time a little in the future (clocks apart) is "just now".
 */
export function formatAgo(value: string, now: Date = new Date()): string {
  const then = new Date(value);
  if (Number.isNaN(then.getTime())) return value;
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  if (hours < 48) return 'yesterday';
  return `on ${formatInstant(value)}`;
}

/** The shortcut modifier as the user's platform spells it. */
export function modKeyLabel(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent;
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}

/** Today's date on this computer as `YYYY-MM-DD` (the default for dated entries). */
export function todayIso(today: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * A session's date and times as the wall clock showed them where it was planned
 * (`start`/`end` are UTC instants), so a session booked in Berlin reads the same everywhere.
 * The zone is named only when it is not the trainer's own.
 */
export function formatSessionWhen(start: string, end: string, timeZone: string): { date: string; time: string } {
  const [s, e] = [new Date(start), new Date(end)];
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return { date: start, time: '' };
  const [a, b] = [wallClock(s, timeZone), wallClock(e, timeZone)];
  return {
    date: formatWeekdayDay(a),
    time: `${formatClock(a.hour, a.minute)}–${formatClock(b.hour, b.minute)}${zoneSuffix(timeZone)}`,
  };
}
