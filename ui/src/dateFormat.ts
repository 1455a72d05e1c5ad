// The one date and time formatter of the UI, fed by the trainer's setting (locale, 24- or
// 12-hour clock, week start) and the trainer's time zone. The locales come from the same file
// the PDFs use (crates/spotter-core/data/date_formats.json), so a date reads the same on
// screen and on paper. Files (CSV, ICS, JSON) never go through here: they carry ISO dates.

import { useSyncExternalStore } from 'react';
import formatFile from '../../crates/spotter-core/data/date_formats.json';
import type { Clock, WeekStart } from './bindings';

interface LocaleFormat {
  id: string;
  label: string;
  date: string;
  weekdayDate: string;
  dayMonth: string;
  monthYear: string;
  months: string[];
  monthsLong: string[];
  weekdays: string[];
  am: string;
  pm: string;
  clock: string;
  weekStart: string;
}

const LOCALE_LIST = formatFile.locales as LocaleFormat[];

/** The locales the trainer can pick, with an example date in each. */
export const DATE_LOCALES = LOCALE_LIST.map((l) => ({
  id: l.id,
  label: l.label,
  /** What the locale usually uses, suggested when it is picked. */
  clock: l.clock as Clock,
  weekStart: l.weekStart as WeekStart,
}));

export interface DateSettings {
  locale: string;
  clock: Clock;
  weekStart: WeekStart;
  /** The trainer's own zone: times elsewhere say their zone, times here do not. */
  trainerZone: string;
}

function systemZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const DEFAULT_DATE_SETTINGS: DateSettings = {
  locale: 'en-GB',
  clock: 'h24',
  weekStart: 'monday',
  trainerZone: systemZone(),
};

let current: DateSettings = DEFAULT_DATE_SETTINGS;
const listeners = new Set<() => void>();

/**
 * Replaces the settings every formatter below reads (done once the settings are loaded).
 * `silent` skips telling subscribers: for the app root, which redraws everything itself.
 */
export function setDateSettings(next: DateSettings, silent = false) {
  if (
    next.locale === current.locale &&
    next.clock === current.clock &&
    next.weekStart === current.weekStart &&
    next.trainerZone === current.trainerZone
  ) {
    return;
  }
  current = next;
  if (!silent) listeners.forEach((l) => l());
}

export function getDateSettings(): DateSettings {
  return current;
}

/** The settings, re-rendering the caller when they change. */
export function useDateSettings(): DateSettings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

function locale(id: string = current.locale): LocaleFormat {
  return LOCALE_LIST.find((l) => l.id === id) ?? LOCALE_LIST[0]!;
}

/** A calendar day: year, month 1–12, day 1–31. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function weekdayIndex({ y, m, d }: Day): number {
  // 0 = Monday, as the locale file lists them.
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function fill(pattern: string, day: Day, l: LocaleFormat = locale()): string {
  return pattern
    .replace('{dd}', pad(day.d))
    .replace('{d}', String(day.d))
    .replace('{MMMM}', l.monthsLong[day.m - 1] ?? '')
    .replace('{MMM}', l.months[day.m - 1] ?? '')
    .replace('{MM}', pad(day.m))
    .replace('{yyyy}', String(day.y))
    .replace('{EEE}', l.weekdays[weekdayIndex(day)] ?? '');
}

/** "4 Dec 2026", "Dec 4, 2026", "2026-12-04" … */
export const formatDay = (day: Day) => fill(locale().date, day);
/** "Fri 4 Dec 2026", "Fri, Dec 4, 2026" … */
export const formatWeekdayDay = (day: Day) => fill(locale().weekdayDate, day);
/** "Fri", "ven." … */
export const formatWeekday = (day: Day) => fill('{EEE}', day);
/** "4 Dec", "Dec 4" (chart axes, compact lists). */
export const formatDayMonth = (day: Day) => fill(locale().dayMonth, day);
/** "Dec 2026". */
export const formatMonthYear = (day: Day) => fill(locale().monthYear, day);

/** A day as locale `id` writes it, whatever is set (the examples in a picker). */
export const formatDayAs = (id: string, day: Day) => fill(locale(id).date, day, locale(id));

/** "17:05" or "5:05 PM", as the clock setting says (or as `as` says, for a picker's example). */
export function formatClock(hour: number, minute: number, as?: { locale: string; clock: Clock }): string {
  if ((as?.clock ?? current.clock) === 'h24') return `${pad(hour)}:${pad(minute)}`;
  const l = locale(as?.locale);
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${pad(minute)} ${hour < 12 ? l.am : l.pm}`;
}

/** `HH:mm` (as inputs and the core write times) in the trainer's format; anything else as it is. */
export function formatHhmm(value: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  return match ? formatClock(Number(match[1]), Number(match[2])) : value;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock at `instant` in `zone` (the computer's zone when none is given). */
export function wallClock(instant: Date, zone?: string): Day & { hour: number; minute: number } {
  const key = zone ?? '';
  let f = partFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      // An unknown zone name must not break the page.
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    }
    partFormats.set(key, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** ", Europe/Berlin" style suffix: only when `zone` is not the trainer's own. */
export function zoneSuffix(zone: string | null | undefined): string {
  return zone && zone !== current.trainerZone ? ` (${zone.replace(/_/g, ' ')})` : '';
}

/** An instant (RFC 3339) as date and time on this computer: "4 Dec 2026, 17:05". */
export function formatInstant(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const w = wallClock(date);
  return `${formatDay(w)}, ${formatClock(w.hour, w.minute)}`;
}

/** The first day of a week as FullCalendar and Mantine count it (0 = Sunday). */
export function firstDayOfWeek(weekStart: WeekStart = current.weekStart): 0 | 1 | 6 {
  return weekStart === 'sunday' ? 0 : weekStart === 'saturday' ? 6 : 1;
}
