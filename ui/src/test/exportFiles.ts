// The stand-in's file system for exports: which paths were written, so a second export to
// the same path is refused with `file_exists` unless `replace` names that path (as the core does).
import type { AppError } from '../bindings';

export function exportFiles(existing: string[] = []) {
  const written = new Set(existing);
  return {
    /** Checks the extension and the replace rule like the core's files/target.rs; returns the path. */
    write(args: Record<string, unknown>, ext: string, what: string): string {
      const path = String(args.path ?? '').trim();
      if (!path.toLowerCase().endsWith(`.${ext}`)) {
        throw { code: 'validation', field: 'path', message: `${what} must be saved as a .${ext} file, e.g. …/name.${ext}` } satisfies AppError;
      }
      const replace = typeof args.replace === 'string' ? args.replace.trim() : null;
      if (written.has(path) && replace !== path) {
        throw { code: 'file_exists', field: 'path', message: `${path} already exists. Replace it, or choose another name` } satisfies AppError;
      }
      written.add(path);
      return path;
    },
  };
}
