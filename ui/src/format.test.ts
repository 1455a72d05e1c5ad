import { describe, expect, it } from 'vitest';
import { ageFromDob, formatAgo, formatSessionWhen, parseIsoDate, todayIso } from './format';

describe('dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('1990-04-02')).toEqual({ y: 1990, m: 4, d: 2 });
    expect(parseIsoDate('1990-02-30')).toBeNull();
    expect(parseIsoDate('02/04/1990')).toBeNull();
  });

  it('computes age around the birthday', () => {
    const today = new Date(2025, 3, 2); // 2 April 2025, local time
    expect(ageFromDob('1990-04-02', today)).toBe(35);
    expect(ageFromDob('1990-04-03', today)).toBe(34);
    expect(ageFromDob('2030-01-01', today)).toBeNull();
  });
});

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

describe('formatSessionWhen', () => {
  it('shows the wall clock of the zone the session was planned in', () => {
    // 08:00 UTC is 09:00 in Berlin (winter) and 03:00 in New York.
    const berlin = formatSessionWhen('2025-01-14T08:00:00Z', '2025-01-14T09:00:00Z', 'Europe/Berlin');
    const newYork = formatSessionWhen('2025-01-14T08:00:00Z', '2025-01-14T09:00:00Z', 'America/New_York');
    expect(berlin.time).toMatch(/09.00.+10.00/);
    expect(newYork.time).toMatch(/03.00.+04.00/);
    expect(berlin.date).toMatch(/14/);
  });

  it('survives an unknown zone', () => {
    expect(formatSessionWhen('2025-01-14T08:00:00Z', '2025-01-14T09:00:00Z', 'Mars/Olympus').time).toMatch(/08.00/);
  });
});

describe('formatAgo', () => {
  it('says how long ago in words, then falls back to the date', () => {
    const now = new Date('2025-02-01T12:00:00Z');
    expect(formatAgo('2025-02-01T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2025-02-01T12:00:05Z', now)).toBe('just now'); // a clock slightly ahead
    expect(formatAgo('2025-02-01T11:59:00Z', now)).toBe('1 minute ago');
    expect(formatAgo('2025-02-01T11:58:00Z', now)).toBe('2 minutes ago');
    expect(formatAgo('2025-02-01T10:30:00Z', now)).toBe('1 hour ago');
    expect(formatAgo('2025-01-31T10:00:00Z', now)).toBe('yesterday');
    expect(formatAgo('2025-01-20T10:00:00Z', now)).toMatch(/^on /);
    expect(formatAgo('not a time', now)).toBe('not a time');
  });
});
