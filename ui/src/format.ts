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

/** The shortcut modifier as the user's platform spells it. */
export function modKeyLabel(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent;
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}
