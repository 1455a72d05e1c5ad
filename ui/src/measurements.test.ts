import { describe, expect, it } from 'vitest';
import type { Measurement } from './bindings';
import { displayValue, formatValue, groupSeries, parseNumber, preferredUnit } from './measurements';

const m = (partial: Partial<Measurement>): Measurement => ({
  id: 'm',
  clientId: 'c1',
  measuredOn: '2025-01-01',
  metric: 'body_weight',
  customName: null,
  value: 70,
  unit: 'kg',
  createdAt: '2025-01-01T10:00:00Z',
  ...partial,
});

describe('measurement units', () => {
  it('shows SI values in the units chosen in Settings', () => {
    expect(displayValue(m({ value: 70 }), 'metric')).toEqual({ value: 70, unit: 'kg' });
    const lb = displayValue(m({ value: 69.8532 }), 'imperial');
    expect(lb.unit).toBe('lb');
    expect(formatValue(lb.value, 'body_weight')).toBe('154');
    expect(displayValue(m({ metric: 'waist', value: 83.82, unit: 'cm' }), 'imperial')).toEqual({ value: 33, unit: 'in' });
    // Percent, bpm and custom units never convert.
    expect(displayValue(m({ metric: 'body_fat', value: 18.5, unit: '%' }), 'imperial')).toEqual({ value: 18.5, unit: '%' });
    expect(displayValue(m({ metric: 'custom', customName: 'Plank', value: 90, unit: 'lb' }), 'metric')).toEqual({
      value: 90,
      unit: 'lb',
    });
  });

  it('offers the Settings unit first', () => {
    expect(preferredUnit('body_weight', 'imperial')).toBe('lb');
    expect(preferredUnit('thigh', 'metric')).toBe('cm');
    expect(preferredUnit('resting_heart_rate', 'imperial')).toBe('bpm');
    expect(preferredUnit('custom', 'metric')).toBe('');
  });

  it('groups series by metric, custom ones by name and last', () => {
    const groups = groupSeries([
      m({ metric: 'custom', customName: 'Plank', unit: 's' }),
      m({ metric: 'waist', unit: 'cm' }),
      m({ metric: 'body_weight' }),
      m({ metric: 'waist', unit: 'cm' }),
    ]);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Body weight', 1],
      ['Waist', 2],
      ['Plank', 1],
    ]);
  });

  it('reads typed numbers with a decimal point or comma', () => {
    expect(parseNumber('72,5')).toBe(72.5);
    expect(parseNumber(' 80 ')).toBe(80);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12kg')).toBeNull();
  });
});
