import { describe, expect, it } from 'vitest';
import { addMinutes, instantOf, minutesBetween, timeRange, wallClock } from './zoned';

describe('zoned times', () => {
  it('shows an instant as wall-clock time in any zone, across DST', () => {
    expect(wallClock('2026-10-20T16:00:00Z', 'Europe/Berlin')).toBe('2026-10-20T18:00');
    expect(wallClock('2026-10-27T17:00:00Z', 'Europe/Berlin')).toBe('2026-10-27T18:00');
    expect(wallClock('2026-11-25T00:00:00Z', 'America/New_York')).toBe('2026-11-24T19:00');
  });

  it('finds the instant of a wall-clock time, on both sides of a DST change', () => {
    expect(instantOf('2026-10-20T18:00', 'Europe/Berlin').toISOString()).toBe('2026-10-20T16:00:00.000Z');
    expect(instantOf('2026-10-27T18:00', 'Europe/Berlin').toISOString()).toBe('2026-10-27T17:00:00.000Z');
    expect(instantOf('2026-03-08T12:00', 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('does wall-clock arithmetic', () => {
    expect(addMinutes('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
    expect(minutesBetween('2026-11-24T18:00', '2026-11-24T19:15')).toBe(75);
    expect(timeRange('2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z', 'Europe/Berlin')).toBe('18:00–19:00');
  });
});
