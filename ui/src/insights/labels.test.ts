import { describe, expect, it } from 'vitest';
import { foundCount, plainCost, runFor, runResult } from './labels';

describe('runs in a trainer’s words', () => {
  it('says what a run cost in plain money', () => {
    expect(plainCost(0)).toBe('nothing');
    expect(plainCost(0.0002)).toBe('less than 0.1 cents');
    expect(plainCost(0.003)).toBe('about 0.3 cents');
    expect(plainCost(0.01)).toBe('about 1 cent');
    expect(plainCost(0.042)).toBe('about 4 cents');
    expect(plainCost(1.2)).toBe('about $1.20');
  });

  it('says for whom and what it found', () => {
    expect(runFor('Anna Berg')).toBe('for Anna Berg');
    expect(runFor(null)).toBe('for the whole studio');
    expect(foundCount({ insights: [{}, {}] })).toBe(2);
    expect(foundCount({ findings: [] })).toBe(0);
    expect(foundCount('text')).toBeNull();
    const done = { status: 'done' as const, error: null, fromCache: false };
    expect(runResult(done, 2)).toBe('found 2 things to review');
    expect(runResult(done, 0)).toBe('found nothing to act on');
    expect(runResult({ ...done, fromCache: true }, 1)).toMatch(/^found 1 thing to review \(.*from memory\)$/);
    expect(runResult({ status: 'failed', error: 'no provider', fromCache: false }, null)).toBe('did not finish: no provider');
  });
});
