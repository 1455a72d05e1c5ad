// Typed wrappers over the Tauri commands. Argument keys must match the Rust command
// parameters exactly; the types come from the generated bindings.
import { invoke } from '@tauri-apps/api/core';
import type { AppError, AppInfo, Client, ClientInput, ClientListQuery, ErrorCode } from './bindings';

const ERROR_CODES: readonly ErrorCode[] = [
  'validation',
  'not_found',
  'schema_too_new',
  'busy',
  'database',
  'io',
  'invalid_file',
  'internal',
];

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Normalises whatever `invoke` rejected with into an AppError. */
export function asAppError(e: unknown): AppError {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const { code, message, field } = e as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof message === 'string' && !(e instanceof Error)) {
      const error: AppError = { code: isErrorCode(code) ? code : 'internal', message };
      if (typeof field === 'string' && field !== '') error.field = field;
      return error;
    }
  }
  if (e instanceof Error) return { code: 'internal', message: e.message || e.name };
  if (typeof e === 'string') return { code: 'internal', message: e };
  return { code: 'internal', message: 'Something went wrong.' };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    // Reject with a proper AppError so callers never need to guess the shape.
    throw asAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  clientsList: (query: ClientListQuery) => call<Client[]>('clients_list', { query }),
  clientGet: (id: string) => call<Client>('client_get', { id }),
  clientCreate: (input: ClientInput) => call<Client>('client_create', { input }),
  clientUpdate: (id: string, input: ClientInput) => call<Client>('client_update', { id, input }),
  clientSetArchived: (id: string, archived: boolean) =>
    call<Client>('client_set_archived', { id, archived }),
  /** Soft delete; resolves with the client as it was. */
  clientDelete: (id: string) => call<Client>('client_delete', { id }),
  /** Undo of a delete. */
  clientRestore: (id: string) => call<Client>('client_restore', { id }),
};
