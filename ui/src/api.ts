// The backend as the UI calls it: `api.clientsList(query)` and so on. The commands, their
// argument keys and their types are generated from the Rust command table
// (src-tauri/src/contract.rs → commands.gen.ts, `make bindings`); declare a new command there,
// not here. This file adds only what is the UI's own.
import type { FileUpload } from './bindings';
import { commands } from './commands.gen';

export { asAppError } from './ipc';
export type { Commands, CommandTypes } from './commands.gen';

export const api = commands;

/** A file chosen in the open dialog, as the backend reads it (by path; no bytes cross). */
export function chosenUpload(path: string): FileUpload {
  return { name: path.split(/[\\/]/).pop() || path, base64: '', path };
}
