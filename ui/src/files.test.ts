import { describe, expect, it } from 'vitest';
import { fileSlug, joinPath } from './files';

describe('export file names', () => {
  it('keeps names readable in ASCII', () => {
    expect(fileSlug('Greta Weiß — Strength 1', 'plan')).toBe('greta-weiss-strength-1');
    expect(fileSlug('José Núñez', 'client')).toBe('jose-nunez');
    expect(fileSlug('  ', 'client')).toBe('client');
    expect(fileSlug('王芳', 'client')).toBe('client');
  });

  it('joins with the separator the folder uses', () => {
    expect(joinPath('/home/anna/Documents/', 'a.pdf')).toBe('/home/anna/Documents/a.pdf');
    expect(joinPath('C:\\Users\\anna\\Documents', 'a.pdf')).toBe('C:\\Users\\anna\\Documents\\a.pdf');
  });
});
