// Plan dates are calendar dates (YYYY-MM-DD) without a zone: computed in UTC so no
// daylight-saving shift can move a day.
import { formatDayMonth, formatWeekday } from '../dateFormat';
import { parseIsoDate, todayIso } from '../format';

/** The Monday after `today` (a week from today when today is Monday): plans usually start there. */
export function nextMonday(today: Date = new Date()): string {
  const days = ((8 - today.getDay()) % 7) || 7;
  const next = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return todayIso(next);
}

export function addDays(iso: string, days: number): string | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  return new Date(Date.UTC(d.y, d.m - 1, d.d + days)).toISOString().slice(0, 10);
}

/** "Mon" (in the trainer's date setting). */
export function weekdayOf(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? formatWeekday(d) : iso;
}

/** "Mon 3 Mar", "Mon, Mar 3" (in the trainer's date setting). */
export function shortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${formatWeekday(d)} ${formatDayMonth(d)}` : iso;
}

/**
 * What a day offset (0–6) is called: the weekday once the plan has a start date,
 * otherwise "Day 1" … "Day 7".
 */
export function offsetLabel(offset: number, startDate: string | null | undefined): string {
  const date = startDate ? addDays(startDate, offset) : null;
  return date ? weekdayOf(date) : `Day ${offset + 1}`;
}
