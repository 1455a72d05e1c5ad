// The one place the UI reaches Tauri's `invoke`: `call` sends a command and rejects with an
// AppError, whatever the backend (or the bridge) threw. The typed client built on it,
// commands.gen.ts, is generated from the Rust command table (src-tauri/src/contract.rs);
// the IPC contract test fails when `invoke(` appears anywhere else.
import { invoke } from '@tauri-apps/api/core';
import type { AppError, ErrorCode } from './bindings';
import { ERROR_CODES } from './commands.gen';

export { Channel } from '@tauri-apps/api/core';

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

/** Sends command `cmd`; resolves with its result, or rejects with an AppError. */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    // Reject with a proper AppError so callers never need to guess the shape.
    throw asAppError(e);
  }
}
