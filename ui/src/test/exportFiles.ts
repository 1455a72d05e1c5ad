// The stand-in's file system for exports: which paths were written. As in the app, an export
// goes only to a path the save dialog returned, and replaces a file only with `replace`.
import type { AppError } from '../bindings';
import { chosenForSaving } from './dialogBackend';

export function exportFiles(existing: string[] = []) {
  const written = new Set(existing);
  return {
    /** Checks the path like src-tauri's adapters and the core's files/target.rs; returns the path. */
    write(args: Record<string, unknown>, ext: string, what: string): string {
      const path = String(args.path ?? '').trim();
      if (!path.toLowerCase().endsWith(`.${ext}`)) {
        throw { code: 'validation', field: 'path', message: `${what} must be saved as a .${ext} file, e.g. …/name.${ext}` } satisfies AppError;
      }
      if (!chosenForSaving(path)) {
        throw { code: 'validation', field: 'path', message: 'Choose where to save the file with the Save button' } satisfies AppError;
      }
      if (written.has(path) && args.replace !== true) {
        throw { code: 'file_exists', field: 'path', message: `${path} already exists. Replace it, or choose another name` } satisfies AppError;
      }
      written.add(path);
      return path;
    },
  };
}
