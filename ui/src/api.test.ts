import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { api, asAppError } from './api';

describe('asAppError', () => {
  it('keeps backend errors as they are', () => {
    expect(asAppError({ code: 'validation', message: 'Name is required', field: 'name' })).toEqual({
      code: 'validation',
      message: 'Name is required',
      field: 'name',
    });
    expect(asAppError({ code: 'not_found', message: 'gone' })).toEqual({ code: 'not_found', message: 'gone' });
    // The AI commands' codes: the UI tells a missing keychain and a cancelled run apart by them.
    for (const code of ['keychain', 'ai', 'cancelled'] as const) {
      expect(asAppError({ code, message: 'm' })).toEqual({ code, message: 'm' });
    }
    // The machine's faults keep their codes (they once read as 'internal').
    for (const code of ['busy', 'read_only', 'disk_full', 'studio', 'update_required'] as const) {
      expect(asAppError({ code, message: 'm' })).toEqual({ code, message: 'm' });
    }
  });

  it('wraps strings, Errors and anything else', () => {
    expect(asAppError('boom')).toEqual({ code: 'internal', message: 'boom' });
    expect(asAppError(new TypeError('bad'))).toEqual({ code: 'internal', message: 'bad' });
    expect(asAppError(undefined)).toEqual({ code: 'internal', message: 'Something went wrong.' });
    expect(asAppError({ code: 'weird', message: 'm' })).toEqual({ code: 'internal', message: 'm' });
  });
});

describe('api', () => {
  it('passes arguments under the exact keys the commands expect', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return {};
    });
    await api.clientsList({ search: 'a', status: 'all', limit: 5 });
    await api.clientUpdate('id1', { name: 'n', goals: '', notes: '', tags: [], injuries: '', bodyAreas: [], preferredTimes: '' });
    await api.clientSetArchived('id1', true);
    await api.clientRestore('id1');
    expect(seen).toEqual([
      ['clients_list', { query: { search: 'a', status: 'all', limit: 5 } }],
      ['client_update', { id: 'id1', input: { name: 'n', goals: '', notes: '', tags: [], injuries: '', bodyAreas: [], preferredTimes: '' } }],
      ['client_set_archived', { id: 'id1', archived: true }],
      ['client_restore', { id: 'id1' }],
    ]);
  });

  it('rejects with an AppError', async () => {
    mockIPC(() => {
      throw 'plain string from the backend';
    });
    await expect(api.appInfo()).rejects.toEqual({ code: 'internal', message: 'plain string from the backend' });
  });
});
