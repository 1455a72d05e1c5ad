// Wall-clock times in IANA zones, the way the backend speaks them: sessions are planned as
// `YYYY-MM-DDTHH:MM` in a zone and stored as UTC. The calendar itself draws in the
// computer's zone; these helpers translate between the two.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall-clock `YYYY-MM-DDTHH:MM` of an instant in `timeZone`. */
export function wallClock(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** `YYYY-MM-DDTHH:MM` → its numbers as if it were UTC (milliseconds), for wall-clock maths. */
function wallMs(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return Number.NaN;
  const n = m.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4]);
}

/** The instant a wall-clock time denotes in `timeZone` (the earlier one when it repeats). */
export function instantOf(local: string, timeZone: string): Date {
  const guess = wallMs(local);
  // Two passes of "how far off is the zone at this instant" settle DST edges.
  let t = guess;
  for (let i = 0; i < 2; i += 1) {
    t += guess - wallMs(wallClock(new Date(t), timeZone));
  }
  return new Date(t);
}

export function datePart(local: string): string {
  return local.slice(0, 10);
}

export function timePart(local: string): string {
  return local.slice(11, 16);
}

/** "18:00–19:00" (or "6:00 PM–7:00 PM") for a session, in its own zone. */
export function timeRange(startUtc: string, endUtc: string, timeZone: string): string {
  return `${formatHhmm(timePart(wallClock(startUtc, timeZone)))}–${formatHhmm(timePart(wallClock(endUtc, timeZone)))}`;
}

/** The computer's zone. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Warsaw',
  'Europe/Kyiv',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** Every IANA zone the webview knows (a common subset where it cannot list them). */
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : FALLBACK_ZONES;
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/**
 * The zone list for a picker showing `value`: a saved zone the webview does not list (an
 * older alias such as Europe/Kiev) is added, or the field would look empty.
 */
export function zonesWith(value: string | null | undefined): string[] {
  const zones = allZones();
  return value && !zones.includes(value) ? [value, ...zones] : zones;
}

/** Minutes between two wall-clock times of the same zone (for lengths). */
export function minutesBetween(startLocal: string, endLocal: string): number {
  return Math.round((wallMs(endLocal) - wallMs(startLocal)) / 60000);
}

/** Adds minutes to a wall-clock time (wall-clock arithmetic, as the backend does). */
export function addMinutes(local: string, minutes: number): string {
  const t = new Date(wallMs(local) + minutes * 60000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD…` date. */
export function isoWeekday(local: string): number {
  const day = new Date(wallMs(`${local.slice(0, 10)}T00:00`)).getUTCDay();
  return day === 0 ? 7 : day;
}
import { formatHhmm } from '../dateFormat';
