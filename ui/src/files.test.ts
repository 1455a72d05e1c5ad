import { describe, expect, it } from 'vitest';
import { fileSlug } from './files';

describe('export file names', () => {
  it('keeps names readable in ASCII', () => {
    expect(fileSlug('Greta Weiß — Strength 1', 'plan')).toBe('greta-weiss-strength-1');
    expect(fileSlug('José Núñez', 'client')).toBe('jose-nunez');
    expect(fileSlug('  ', 'client')).toBe('client');
    expect(fileSlug('王芳', 'client')).toBe('client');
  });
});
