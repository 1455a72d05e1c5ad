import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATE_SETTINGS, firstDayOfWeek, formatClock, formatDay, formatDayMonth, formatHhmm, formatInstant, formatWeekdayDay, setDateSettings } from './dateFormat';
import { formatIsoDate, formatSessionWhen } from './format';

const use = (s: Partial<typeof DEFAULT_DATE_SETTINGS>) => setDateSettings({ ...DEFAULT_DATE_SETTINGS, trainerZone: 'Europe/Berlin', ...s });

afterEach(() => setDateSettings(DEFAULT_DATE_SETTINGS));

describe('the one date formatter', () => {
  const day = { y: 2026, m: 3, d: 5 };

  it('writes dates as the chosen locale does (the same file as the PDFs)', () => {
    use({ locale: 'en-GB' });
    expect(formatDay(day)).toBe('5 Mar 2026');
    expect(formatWeekdayDay(day)).toBe('Thu 5 Mar 2026');
    use({ locale: 'en-US' });
    expect(formatDay(day)).toBe('Mar 5, 2026');
    expect(formatDayMonth(day)).toBe('Mar 5');
    use({ locale: 'de-DE' });
    expect(formatDay(day)).toBe('5. März 2026');
    use({ locale: 'fr-FR' });
    expect(formatWeekdayDay(day)).toBe('jeu. 5 mars 2026');
    use({ locale: 'iso' });
    expect(formatIsoDate('2026-03-05')).toBe('2026-03-05');
    use({ locale: 'no-such-locale' });
    expect(formatDay(day)).toBe('5 Mar 2026');
  });

  it('follows the 24-hour or 12-hour setting', () => {
    use({ locale: 'en-US', clock: 'h24' });
    expect(formatClock(17, 5)).toBe('17:05');
    use({ locale: 'en-US', clock: 'h12' });
    expect(formatClock(17, 5)).toBe('5:05 PM');
    expect(formatClock(0, 30)).toBe('12:30 AM');
    expect(formatHhmm('12:00')).toBe('12:00 PM');
    use({ locale: 'en-GB', clock: 'h12' });
    expect(formatClock(9, 0)).toBe('9:00 am');
  });

  it('gives the week start to the calendar and date pickers', () => {
    use({ weekStart: 'monday' });
    expect(firstDayOfWeek()).toBe(1);
    use({ weekStart: 'sunday' });
    expect(firstDayOfWeek()).toBe(0);
    use({ weekStart: 'saturday' });
    expect(firstDayOfWeek()).toBe(6);
  });

  it("names a session's zone only when it is not the trainer's", () => {
    use({ locale: 'en-GB', clock: 'h24', trainerZone: 'Europe/Berlin' });
    const here = formatSessionWhen('2026-01-14T08:00:00Z', '2026-01-14T09:00:00Z', 'Europe/Berlin');
    expect(here).toEqual({ date: 'Wed 14 Jan 2026', time: '09:00–10:00' });
    const away = formatSessionWhen('2026-01-14T08:00:00Z', '2026-01-14T09:00:00Z', 'America/New_York');
    expect(away.time).toBe('03:00–04:00 (America/New York)');
    use({ locale: 'en-US', clock: 'h12', trainerZone: 'America/New_York' });
    expect(formatSessionWhen('2026-01-14T22:00:00Z', '2026-01-14T23:00:00Z', 'America/New_York').time).toBe('5:00 PM–6:00 PM');
  });

  it('writes instants in the setting too', () => {
    use({ locale: 'iso', clock: 'h24' });
    expect(formatInstant('not a time')).toBe('not a time');
    expect(formatInstant('2026-03-05T12:00:00Z')).toMatch(/^2026-03-0[45], \d{2}:\d{2}$/);
  });
});
