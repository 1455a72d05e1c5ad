// Small display helpers, kept free of React so they are trivial to reason about.

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

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** `1990-04-02` → "Apr 2, 1990" in the user's locale, without timezone shifts. */
export function formatIsoDate(value: string): string {
  const parsed = parseIsoDate(value);
  if (!parsed) return value;
  return longDate.format(new Date(Date.UTC(parsed.y, parsed.m - 1, parsed.d)));
}

const timestamp = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTimestamp(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : timestamp.format(date);
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
  return `on ${timestamp.format(then)}`;
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

const zoneFormats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function zoneFormat(timeZone: string) {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
      time: new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }),
    };
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/**
 * A session's date and times as the wall clock showed them where it was planned
 * (`start`/`end` are UTC instants), so a session booked in Berlin reads the same everywhere.
 */
export function formatSessionWhen(start: string, end: string, timeZone: string): { date: string; time: string } {
  let f;
  try {
    f = zoneFormat(timeZone);
  } catch {
    f = zoneFormat('UTC'); // An unknown zone name must not break the page.
  }
  const [s, e] = [new Date(start), new Date(end)];
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return { date: start, time: '' };
  return { date: f.date.format(s), time: `${f.time.format(s)}–${f.time.format(e)}` };
}
