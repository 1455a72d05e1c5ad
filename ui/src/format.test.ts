import { describe, expect, it } from 'vitest';
import { ageFromDob, parseIsoDate } from './format';

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
